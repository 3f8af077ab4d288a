"""claimcheck: extract numeric and temporal claims from news articles and check them with YAML rules.

`claimcheck.check(articles)` and `claimcheck.extract(articles)` are the Python API (see
claimcheck/api/); they are imported on first use, so `import claimcheck` (and the command line's
`--help`) stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
_API = ("check", "extract", "load_rules", "CheckResult", "ExtractResult", "ClaimList",
        "FindingList", "ClaimcheckWarning")
__all__ = ["__version__", *_API, "ClaimcheckError"]

if TYPE_CHECKING:   # what type checkers and editors see; at run time, __getattr__ below
    from claimcheck.api import (CheckResult, ClaimcheckWarning, ClaimList, ExtractResult,
                                FindingList, check, extract, load_rules)
    from claimcheck.errors import ClaimcheckError


def __getattr__(name: str) -> Any:
    if name == "extract":   # the extractor package, made callable as the API's extract
        import importlib
        return importlib.import_module("claimcheck.extract")
    if name in _API:
        from claimcheck import api
        return getattr(api, name)
    if name == "ClaimcheckError":
        from claimcheck.errors import ClaimcheckError
        return ClaimcheckError
    raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")

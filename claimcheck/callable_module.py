"""`claimcheck.extract` is both a package (the extractor) and the API's `extract` function: the
package's module object is made callable, so `claimcheck.extract(articles)` works whether or not
the package was imported first, and `from claimcheck.extract import Extractor` is unchanged."""

from __future__ import annotations

import sys
import types


def make_callable(module_name: str, function: str) -> None:
    module = sys.modules[module_name]

    class CallableModule(types.ModuleType):
        def __call__(self, *args, **kwargs):
            from claimcheck import api
            return getattr(api, function)(*args, **kwargs)

    CallableModule.__call__.__doc__ = f"claimcheck.api.{function}"
    module.__class__ = CallableModule

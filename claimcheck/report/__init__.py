"""Reporters: one module per output format, each `render(result: dict, color: bool) -> str` over the
findings' dict form ({"findings": [...], "summary": {...}}, with `rules`, `claims` and `articles`
when the caller has them)."""

from collections.abc import Mapping
from importlib import import_module

_MODULES = {"text": "text", "json": "json_report", "sarif": "sarif", "junit": "junit",
            "github": "github", "markdown": "markdown", "html": "html"}


class _Reporters(Mapping):
    """format → render, each reporter's module imported when its format is asked for: a run
    prints one format, and the others cost start-up (xml.etree, importlib.metadata)."""

    def __getitem__(self, name: str):
        return import_module(f"claimcheck.report.{_MODULES[name]}").render

    def __iter__(self):
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


REPORTERS = _Reporters()

__all__ = ["REPORTERS"]

"""The engine: run a rule pack's checks over extracted claims and yield findings.

run_checks is imported on first use: it pulls in the expression runtime, which a re-check
answered from the cache never needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.engine.result import EngineResult

if TYPE_CHECKING:
    from claimcheck.engine.runner import run_checks

__all__ = ["EngineResult", "run_checks"]


def __getattr__(name: str):
    if name == "run_checks":
        from claimcheck.engine.runner import run_checks
        return run_checks
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

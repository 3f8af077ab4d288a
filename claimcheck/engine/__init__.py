"""The engine: run a rule pack's checks over extracted claims and yield findings."""

from claimcheck.engine.runner import EngineResult, run_checks

__all__ = ["EngineResult", "run_checks"]

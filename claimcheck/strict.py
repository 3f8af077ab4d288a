"""Nothing lost silently: input a run went on without is a warning, and `--strict` makes it the
run's failure (exit 2)."""

from __future__ import annotations

from claimcheck.errors import CorpusError
from claimcheck.guard import is_lost, lost


def empty_pack_warnings(pack, need_checks: bool = True) -> list[CorpusError]:
    """A rule pack with no checks (or, for extraction, no claim types) passes everything."""
    where = pack.files[0] if pack.files else "rules"
    if need_checks and not pack.checks:
        return [lost(CorpusError("the rule pack has no checks: nothing is checked", where, 1, 1))]
    if not need_checks and not pack.vocabulary.claim_types:
        return [lost(CorpusError("the rule pack has no claim types: only generic dates and "
                                 "quantities are extracted", where, 1, 1))]
    return []


def strict_failure(warnings) -> str | None:
    """The one-line error of a --strict run that skipped input, or None."""
    skipped = sum(map(is_lost, warnings))
    if not skipped:
        return None
    return (f"claimcheck: error: {skipped} input{'s' if skipped != 1 else ''} skipped or not "
            "fully checked (see the warnings above); --strict makes that a failure")

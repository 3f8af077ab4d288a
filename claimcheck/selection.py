"""Which checks run: `--select` keeps only the checks named, `--ignore` drops some (as ruff and
flake8 spell it). A name may be a glob (`*-conflict`); a name that matches no check is an error
with a "did you mean", so a typo never turns a check off silently."""

from __future__ import annotations

from collections.abc import Iterable
from fnmatch import fnmatchcase

from claimcheck.errors import UsageError, suggestion
from claimcheck.rules import RulePack


def select_checks(pack: RulePack, select: Iterable[str] | None = None,
                  ignore: Iterable[str] | None = None) -> RulePack:
    """The pack with only the `select`ed checks (all when None), less the `ignore`d ones."""
    ids = [c.id for c in pack.checks]
    chosen = set(ids) if select is None else _matching(_names(select), ids, "select")
    chosen -= _matching(_names(ignore or ()), ids, "ignore")
    if chosen == set(ids):
        return pack
    return pack.selected(chosen)


def _names(values: Iterable[str] | str) -> list[str]:
    """Names as given, split at commas too (`--select a,b` as ruff takes it)."""
    values = [values] if isinstance(values, str) else values
    return [name.strip() for value in values for name in str(value).split(",") if name.strip()]


def _matching(names: list[str], ids: list[str], flag: str) -> set[str]:
    out: set[str] = set()
    for name in names:
        hits = {i for i in ids if fnmatchcase(i, name)}
        if not hits:
            raise UsageError(f"--{flag} {name}: no check with that id{suggestion(name, ids)}")
        out |= hits
    return out

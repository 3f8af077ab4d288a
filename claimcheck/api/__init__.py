"""The Python API, for notebooks and pipelines:

    import claimcheck
    result = claimcheck.check(["date 2021-12-14 Xi and Putin will meet on Wednesday.",
                               "date 2021-12-14 Xi and Putin will hold talks on Thursday."])
    result.claims.to_pandas()

`check` and `extract` take paths, strings, mappings or a DataFrame (claimcheck/api/inputs.py) and
go the same way through as the command line: load, extract, group stories, check, apply the
articles' suppressions. Problems the run went past are `result.warnings`, each also raised as a
`ClaimcheckWarning`; bad arguments and bad rules raise a `ClaimcheckError`.
"""

from __future__ import annotations

import os
import warnings as _warnings
from collections.abc import Iterable
from datetime import date
from typing import Any

from claimcheck.api.inputs import read_articles
from claimcheck.api.results import CheckResult, ClaimList, ExtractResult, FindingList
from claimcheck.errors import CorpusError
from claimcheck.rules import RulePack, load_pack
from claimcheck.selection import select_checks

RulesArg = RulePack | str | os.PathLike | Iterable[str | os.PathLike] | None

__all__ = ["check", "extract", "load_rules", "CheckResult", "ExtractResult", "ClaimList",
           "FindingList", "ClaimcheckWarning"]


class ClaimcheckWarning(UserWarning):
    """An input the run went past: an unreadable file, an undated article, a skipped record."""


def load_rules(rules: RulesArg = None) -> RulePack:
    """A rule pack from files or folders. Without any: the `rules` of the project configuration
    (claimcheck.yaml or pyproject.toml, found from the working directory), else `./rules`, else
    the pack installed with claimcheck (`claimcheck/default_rules`, the repository's `rules/`). Load once and pass the pack to `check` and
    `extract` to spare re-reading it on every call."""
    if isinstance(rules, RulePack):
        return rules
    if rules is None:
        return load_pack(_default_rules())
    paths = [rules] if isinstance(rules, (str, os.PathLike)) else list(rules)
    return load_pack([os.fspath(p) for p in paths])


def _default_rules() -> list[str]:
    from claimcheck.config import default_rules, discover
    return list(discover().rules) or default_rules()


def extract(articles: Any, rules: RulesArg = None, *, published: date | str | None = None,
            jobs: int = 1) -> ExtractResult:
    """The claims of `articles` (paths, strings, mappings or a DataFrame). `published` dates the
    strings and records that carry no date; `jobs` > 1 extracts in that many processes."""
    from claimcheck.stories import of_articles

    pack = load_rules(rules)
    loaded, problems = read_articles(articles, published)
    claims, problems = _extract(pack, loaded, problems, jobs)
    claims.stories = dict(of_articles(loaded, pack.vocabulary).of)   # as `extract --format jsonl`
    return ExtractResult(loaded, claims, _raise_warnings(problems), pack)


def check(articles: Any, rules: RulesArg = None, *, published: date | str | None = None,
          select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
          jobs: int = 1) -> CheckResult:
    """Check `articles` (paths, strings, mappings or a DataFrame) with the pack's checks, or
    only those `select`ed (ids or globs) less those `ignore`d."""
    from claimcheck.engine import run_checks
    from claimcheck.pipeline import _unused_message
    from claimcheck.suppress import apply_suppressions

    pack = select_checks(load_rules(rules), select, ignore)
    loaded, problems = read_articles(articles, published)
    claims, problems = _extract(pack, loaded, problems, jobs)
    result = run_checks(pack, loaded, claims)
    findings, unused = apply_suppressions(loaded, result.findings)
    known = [c.id for c in pack.checks]
    problems += [CorpusError(_unused_message(s.rule, known), s.path, s.line, s.column)
                 for s in unused]
    return CheckResult(loaded, claims, _raise_warnings(problems), pack, FindingList(
        findings, {a.id: a for a in loaded}), result.stories, result.coverage, result.notes())


def _extract(pack: RulePack, articles, problems: list[CorpusError], jobs: int):
    from claimcheck.extract import Extractor
    from claimcheck.parallel import extract_all

    extracted = extract_all(Extractor(pack.vocabulary), articles, max(1, jobs))
    failed = getattr(extracted, "problems", {})   # articles that failed or ran out of budget
    problems = problems + [failed[i] for i in sorted(failed)]
    return ClaimList([c for claims in extracted for c in claims],
                     {a.id: a for a in articles}), problems


def _raise_warnings(problems: list[CorpusError]) -> list[str]:
    """Each problem as a Python warning (a notebook shows them under the cell), and their lines."""
    lines = [str(w).replace(": error: ", ": warning: ", 1) for w in problems]
    for line in lines:
        _warnings.warn(line, ClaimcheckWarning, stacklevel=3)
    return lines

"""Rule examples as tests: each check's `examples` must pass and fail as they say."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.corpus.formats import parse_article
from claimcheck.engine import run_checks
from claimcheck.errors import ClaimcheckError, RuleError
from claimcheck.extract import Extractor
from claimcheck.rules import Check, RulePack
from claimcheck.rules.located import mark_of


@dataclass(frozen=True)
class ExampleResult:
    check: str
    expect: str          # "pass" | "fail"
    index: int
    ok: bool
    detail: str
    path: str
    line: int


def run_examples(pack: RulePack) -> list[ExampleResult]:
    extractor = Extractor(pack.vocabulary)
    results = []
    for check in pack.checks:
        examples = check.examples or {}
        if not isinstance(examples, dict) or set(examples) - {"pass", "fail"}:
            m = mark_of(examples)
            raise RuleError("'examples' must be a mapping with 'pass' and/or 'fail' lists",
                            check.path, m.line, m.column)
        for expect in ("pass", "fail"):
            for index, example in enumerate(examples.get(expect) or [], start=1):
                results.append(_run_one(pack, extractor, check, expect, index, example))
    return results


def _run_one(pack, extractor, check: Check, expect: str, index: int, example) -> ExampleResult:
    line = mark_of(example).line
    if check.scope == "corpus" and not isinstance(example, list):
        raise RuleError("a corpus check's example is a list of articles (a corpus), not one article",
                        check.path, line, mark_of(example).column)
    texts = list(example) if isinstance(example, list) else [example]
    if not texts or not all(isinstance(t, str) for t in texts):
        raise RuleError("an example is an article (a string) or, for corpus checks, a list of them",
                        check.path, line, mark_of(example).column)
    try:
        articles = [a for i, t in enumerate(texts, start=1)
                    for a in parse_article(str(t), f"{check.id}/{expect}-{index}-{i}.txt", check.path)]
    except ClaimcheckError as exc:
        raise RuleError(f"example is not a valid article: {exc.message}", check.path, line, 1) from None
    claims = [c for a in articles for c in extractor.extract(a)]
    findings = run_checks(pack, articles, claims, only={check.id}).findings
    relevant = [c for c in claims if c.claim_type in check.claim_types]
    ok = bool(findings) == (expect == "fail") and bool(relevant)
    if not relevant:
        detail = (f"no claim of its types ({', '.join(check.claim_types)}) was extracted, so the "
                  "example tests nothing; claims found: "
                  + (", ".join(f"{c.claim_type} {c.span.text!r}" for c in claims) or "none"))
    elif ok:
        detail = ""
    elif findings:
        detail = f"expected no finding, got: {findings[0].message}"
    else:
        seen = ", ".join(f"{c.claim_type} {c.span.text!r} key={c.key}" for c in relevant) or "none"
        detail = f"expected a finding, got none (claims of its types: {seen})"
    return ExampleResult(check.id, expect, index, ok, detail, check.path, line)


def explain_examples(check: Check) -> list[str]:
    """The examples as `claimcheck explain` shows them: one article a line, and a corpus
    check's articles as the pair (or group) they are, each marked a, b, c…"""
    out = []
    examples = check.examples if isinstance(check.examples, dict) else {}
    for expect in ("pass", "fail"):
        for index, example in enumerate(examples.get(expect) or [], start=1):
            texts = [str(t) for t in example] if isinstance(example, list) else [str(example)]
            if len(texts) == 1:
                out += [f"must {expect} ({index}): {texts[0]}"]
                continue
            kind = "a pair of articles" if len(texts) == 2 else f"{len(texts)} articles"
            out.append(f"must {expect} ({index}, {kind}):")
            out += [f"  {chr(ord('a') + i) if i < 26 else i + 1}: {t}" for i, t in enumerate(texts)]
            out.append("")
    return out

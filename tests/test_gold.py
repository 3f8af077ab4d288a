"""Score the extractor against hand-annotated gold claims (tests/gold/*.yaml).

Two gold files:

* ``gold/corpus.yaml`` — every claim of every article of the sample corpus (``corpus/``);
* ``gold/sentences.yaml`` — single-sentence articles, each with its own publication date (or
  none), written to cover every temporal and numeric form the extractor is meant to read.

A predicted claim matches a gold claim when both belong to the same article, have the same kind
(date / quantity), the same span text and the same value (dates: equal start, end and
granularity; quantities: low and high within 1e-6 relative, and the same unit). Precision and
recall are computed per kind over both files together; the test fails when any of the four
figures is below ``THRESHOLD``. A second, "span-only" score ignores the value, so that a claim
found with the wrong value (a value error) can be told apart from a claim not found at all, or
found with a different span (a detection error). The report — figures, misses, spurious claims
and value errors — is printed and also attached to the assertion message, so it is visible
with or without ``-s``.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from claimcheck.corpus import load_corpus
from claimcheck.corpus.formats import parse_article
from claimcheck.extract import Extractor
from claimcheck.rules import load_pack

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).resolve().parent / "gold"
THRESHOLD = 0.95
KINDS = ("date", "quantity")
GRANULARITIES = {"day", "days", "months", "years", "half-year", "fiscal-year", "century", "part-of-century",
                 "day", "weekend", "week", "month", "part-of-month", "season", "quarter", "year",
                 "part-of-year", "decade", "part-of-decade"}
REL_TOL = 1e-6


# ------------------------------------------------------------------------------------------ data

@dataclass(frozen=True)
class Item:
    """One claim, gold or predicted, reduced to what is scored."""
    kind: str
    text: str
    value: tuple             # (start, end, granularity) or (low, high, unit)
    attribution: str | None = None

    def describe(self) -> str:
        if self.kind == "date":
            start, end, granularity = self.value
            shown = start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"
            return f"{self.text!r} = {shown} ({granularity})"
        low, high, unit = self.value
        return f"{self.text!r} = {_num(low)}..{_num(high)} {unit}"

    def form(self) -> str:
        """A coarse label for grouping the report: the granularity of a date, the unit of a quantity."""
        return f"{self.kind}: {self.value[2]}"


@dataclass
class Unit:
    """One scored article: where it comes from, its gold claims and the extractor's claims."""
    label: str               # "corpus: g7/liverpool-weekend.md" or "sentences.yaml #12"
    source: str              # "corpus" | "sentences"
    text: str                # shown in the report for sentences
    gold: list[Item]
    predicted: list[Item] = field(default_factory=list)


def _num(x: float) -> str:
    if math.isinf(x):
        return "inf"
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.6g}"


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _gold_item(raw: dict) -> Item:
    if raw["kind"] == "date":
        value = (_day(raw["start"]), _day(raw["end"]), str(raw["granularity"]))
    else:
        value = (float(raw["low"]), float(raw["high"]), str(raw["unit"]))
    return Item(raw["kind"], str(raw["text"]), value, raw.get("attribution"))


def _predicted_item(claim) -> Item:
    v = claim.value
    if claim.kind == "date":
        value = (v.start, v.end, v.granularity)
    else:
        value = (float(v.low), float(v.high), v.unit)
    return Item(claim.kind, claim.span.text, value, claim.attribution)


def _load(name: str):
    return yaml.safe_load((GOLD / name).read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------------- matching

def _close(a: float, b: float) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-12)


def same_value(gold: Item, predicted: Item) -> bool:
    if gold.kind != predicted.kind:
        return False
    if gold.kind == "date":
        return gold.value == predicted.value
    g_low, g_high, g_unit = gold.value
    p_low, p_high, p_unit = predicted.value
    return g_unit == p_unit and _close(g_low, p_low) and _close(g_high, p_high)


def match(gold: list[Item], predicted: list[Item], with_value: bool):
    """Pair gold with predicted claims of one article; return (pairs, missed gold, spurious)."""
    free = list(predicted)
    pairs, missed = [], []
    for g in gold:
        for p in free:
            if p.kind == g.kind and p.text == g.text and (not with_value or same_value(g, p)):
                pairs.append((g, p))
                free.remove(p)
                break
        else:
            missed.append(g)
    return pairs, missed, free


# -------------------------------------------------------------------------------------- scoring

@lru_cache(maxsize=1)
def _extractor() -> Extractor:
    return Extractor(load_pack([str(ROOT / "rules")]).vocabulary)


def _sentence_article(published, text: str):
    header = f"date {_day(published).isoformat()} " if published is not None else ""
    return parse_article(header + text, "s.txt", "s.txt")[0]


@lru_cache(maxsize=1)
def scored_units() -> tuple[Unit, ...]:
    extractor = _extractor()
    units: list[Unit] = []

    articles = {a.id: a for a in load_corpus([str(ROOT / "corpus")]).articles}
    for entry in _load("corpus.yaml"):
        article = articles.get(entry["article"])
        unit = Unit(f"corpus: {entry['article']}", "corpus", "",
                    [_gold_item(c) for c in entry.get("claims") or []])
        if article is not None:
            unit.predicted = [_predicted_item(c) for c in extractor.extract(article)]
        units.append(unit)

    for index, entry in enumerate(_load("sentences.yaml"), 1):
        article = _sentence_article(entry.get("published"), entry["text"])
        published = entry.get("published")
        unit = Unit(f"sentences.yaml #{index} ({_day(published).isoformat() if published else 'no date'})",
                    "sentences", entry["text"], [_gold_item(c) for c in entry.get("claims") or []])
        unit.predicted = [_predicted_item(c) for c in extractor.extract(article)]
        units.append(unit)
    return tuple(units)


@dataclass
class Score:
    tp: int = 0
    gold: int = 0
    predicted: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(units, with_value: bool, source: str | None = None) -> dict[str, Score]:
    scores = {kind: Score() for kind in KINDS}
    for unit in units:
        if source and unit.source != source:
            continue
        pairs, _, _ = match(unit.gold, unit.predicted, with_value)
        for kind in KINDS:
            s = scores[kind]
            s.gold += sum(1 for g in unit.gold if g.kind == kind)
            s.predicted += sum(1 for p in unit.predicted if p.kind == kind)
            s.tp += sum(1 for g, _ in pairs if g.kind == kind)
    return scores


# -------------------------------------------------------------------------------------- report

def report(units) -> str:
    lines = ["", "Gold extraction scores (match = same article, kind, span text and value)", ""]
    header = f"{'scoring':<10} {'data':<10} {'kind':<9} {'gold':>5} {'pred':>5} {'tp':>5} " \
             f"{'precision':>9} {'recall':>7} {'F1':>6}"
    lines += [header, "-" * len(header)]
    for with_value, name in ((True, "full"), (False, "span-only")):
        for source in ("corpus", "sentences", None):
            for kind, s in score(units, with_value, source).items():
                lines.append(f"{name:<10} {source or 'all':<10} {kind:<9} {s.gold:>5} {s.predicted:>5} "
                             f"{s.tp:>5} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f}")
        lines.append("")

    value_errors, boundaries, misses, spurious, attributions = [], [], [], [], []
    for unit in units:
        where = unit.label + (f": {unit.text}" if unit.text else "")
        _, missed, extra = match(unit.gold, unit.predicted, with_value=True)
        span_pairs, missed, extra = match(missed, extra, with_value=False)
        for g, p in span_pairs:
            value_errors.append((g.form(), where, f"expected {g.describe()}, got {p.describe()}"))
        for g, p in _overlapping(missed, extra):
            boundaries.append((g.form(), where, f"expected {g.describe()}, got {p.describe()}"))
        misses += [(g.form(), where, g.describe()) for g in missed]
        spurious += [(p.form(), where, p.describe()) for p in extra]
        for g, p in match(unit.gold, unit.predicted, with_value=True)[0]:
            if g.attribution is not None and g.attribution != p.attribution:
                attributions.append(("attribution", where,
                                     f"{g.text!r}: expected {g.attribution!r}, got {p.attribution!r}"))

    for title, rows in (("Value errors (span found, value differs; one miss and one spurious "
                         "claim in the full score, a match in the span-only score)", value_errors),
                        ("Misses (gold claim with no predicted claim of that span)", misses),
                        ("Spurious (predicted claim with no gold claim of that span)", spurious),
                        ("Of the misses and spurious claims above, pairs whose spans overlap "
                         "(span boundary errors)", boundaries),
                        ("Attribution differences (informational, not scored)", attributions)):
        lines.append(f"{title}: {len(rows)}")
        for form in sorted({r[0] for r in rows}):
            lines.append(f"  [{form}]")
            for _, where, what in (r for r in rows if r[0] == form):
                lines.append(f"    {what}")
                lines.append(f"        in {where}")
        lines.append("")
    return "\n".join(lines)


def _overlapping(missed: list[Item], extra: list[Item]) -> list[tuple[Item, Item]]:
    """Pairs of a missed gold claim and a spurious claim of the same kind whose spans (white
    space folded) contain one another: the claim was found, with different boundaries."""
    pairs, free = [], list(extra)
    for g in missed:
        gold_text = " ".join(g.text.split())
        for p in free:
            text = " ".join(p.text.split())
            if p.kind == g.kind and (gold_text in text or text in gold_text):
                pairs.append((g, p))
                free.remove(p)
                break
    return pairs


# ---------------------------------------------------------------------------------------- tests

def _check_claim(raw: dict, where: str, text: str | None) -> list[str]:
    problems = []
    required = {"date": {"text", "kind", "start", "end", "granularity"},
                "quantity": {"text", "kind", "low", "high", "unit"}}
    kind = raw.get("kind")
    if kind not in required:
        return [f"{where}: kind must be date or quantity: {raw}"]
    allowed = required[kind] | {"attribution"}
    if missing := required[kind] - raw.keys():
        problems.append(f"{where}: missing {sorted(missing)}: {raw}")
    if unknown := raw.keys() - allowed:
        problems.append(f"{where}: unknown fields {sorted(unknown)}: {raw}")
    if problems:
        return problems
    if not isinstance(raw["text"], str):
        problems.append(f"{where}: text must be a string (quote it): {raw}")
    elif text is not None and raw["text"] not in text:
        problems.append(f"{where}: span {raw['text']!r} does not occur in the text")
    if kind == "date":
        if not (isinstance(raw["start"], date) and isinstance(raw["end"], date)):
            problems.append(f"{where}: start and end must be ISO days: {raw}")
        elif raw["start"] > raw["end"]:
            problems.append(f"{where}: start after end: {raw}")
        if raw["granularity"] not in GRANULARITIES:
            problems.append(f"{where}: unknown granularity {raw['granularity']!r}")
    else:
        if not all(isinstance(raw[k], (int, float)) for k in ("low", "high")):
            problems.append(f"{where}: low and high must be numbers: {raw}")
        elif raw["low"] > raw["high"]:
            problems.append(f"{where}: low above high: {raw}")
    return problems


def test_gold_files_are_well_formed():
    problems = []
    corpus_ids = set()
    articles = {a.id: a for a in load_corpus([str(ROOT / "corpus")]).articles}
    for entry in _load("corpus.yaml"):
        article_id = entry.get("article")
        if article_id in corpus_ids:
            problems.append(f"corpus.yaml: {article_id} listed twice")
        corpus_ids.add(article_id)
        article = articles.get(article_id)
        if article is None:
            problems.append(f"corpus.yaml: {article_id} is not an article of corpus/")
        for raw in entry.get("claims") or []:
            problems += _check_claim(raw, f"corpus.yaml {article_id}", article.text if article else None)
    for index, entry in enumerate(_load("sentences.yaml"), 1):
        if set(entry) != {"published", "text", "claims"}:
            problems.append(f"sentences.yaml #{index}: fields must be published, text, claims")
            continue
        if entry["published"] is not None and not isinstance(entry["published"], date):
            problems.append(f"sentences.yaml #{index}: published must be an ISO day or null")
        for raw in entry["claims"] or []:
            problems += _check_claim(raw, f"sentences.yaml #{index}", entry["text"])
    assert not problems, "\n".join(problems)


def test_gold_covers_every_corpus_article():
    """Every article of the sample corpus has a gold entry (possibly with no claims)."""
    annotated = {entry["article"] for entry in _load("corpus.yaml")}
    present = {a.id for a in load_corpus([str(ROOT / "corpus")]).articles}
    assert not present - annotated, f"articles without gold annotations: {sorted(present - annotated)}"


def test_sentence_texts_are_unique():
    counts = Counter(entry["text"] for entry in _load("sentences.yaml"))
    assert not [t for t, n in counts.items() if n > 1], [t for t, n in counts.items() if n > 1]


@pytest.mark.parametrize("kind", KINDS)
def test_extraction_matches_gold(kind):
    units = scored_units()
    text = report(units)
    if kind == KINDS[0]:
        print(text)  # once per run; the assertion message below carries it too
    s = score(units, with_value=True)[kind]
    assert s.precision >= THRESHOLD and s.recall >= THRESHOLD, (
        f"{kind}: precision {s.precision:.3f}, recall {s.recall:.3f} "
        f"(threshold {THRESHOLD}; {s.tp} matched of {s.gold} gold and {s.predicted} predicted)\n{text}")

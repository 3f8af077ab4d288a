"""Recall and precision of extraction per family, on the per-dimension case files in tests/cases/.

    python benchmarks/coverage.py

A case file lists sentences with every claim expected (positives) or none (negatives). A claim is
right when its span text and value match (dates: start, end; quantities: low, high within 1e-6
relative, and the unit); "wrong value" counts claims whose span matches an expected one but whose
value does not, the error that matters most to a checker. Prints one line per file.
"""

from __future__ import annotations

import math
import sys
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.corpus.formats import parse_article  # noqa: E402
from claimcheck.extract import Extractor  # noqa: E402
from claimcheck.rules import load_pack  # noqa: E402

FILES = {"quantity": ("quantities", "numbers", "units", "money", "percentages", "durations"),
         "date": ("temporal", "dates_ranges", "dates_numeric", "dates_compounds", "dates_holidays")}


def _same(kind: str, claim, expected: dict) -> bool:
    v = claim.value
    if kind == "date":
        return v.start == expected["start"] and v.end == expected["end"]
    close = lambda a, b: a == b or math.isclose(a, b, rel_tol=1e-6)  # noqa: E731
    return close(v.low, expected["low"]) and close(v.high, expected["high"]) and v.unit == expected["unit"]


def main() -> int:
    extractor = Extractor(load_pack([str(ROOT / "rules")]).vocabulary)
    print(f"{'family':18} {'gold':>5} {'found':>6} {'right':>6} {'wrong value':>12} {'recall':>7} {'precision':>10}")
    for kind, names in FILES.items():
        for name in names:
            cases = yaml.safe_load((ROOT / "tests" / "cases" / f"{name}.yaml").read_text(encoding="utf-8"))
            gold = found = right = wrong = 0
            for case in cases:
                published = case.get("published", date(2021, 12, 14))
                header = f"date {published.isoformat()} " if published else ""
                article = parse_article(header + case["text"], "case.txt", "case.txt")[0]
                claims = [c for c in extractor.extract(article) if c.kind == kind]
                expected = {e["text"]: e for e in case["claims"]}
                gold += len(expected)
                found += len(claims)
                for claim in claims:
                    if claim.span.text in expected:
                        if _same(kind, claim, expected[claim.span.text]):
                            right += 1
                        else:
                            wrong += 1
            recall = right / gold if gold else 1.0
            precision = right / found if found else 1.0
            print(f"{name:18} {gold:5} {found:6} {right:6} {wrong:12} {recall:7.1%} {precision:10.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

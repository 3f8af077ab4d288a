"""Planted twins: how many copies of a wire story, republished the same day with ONE figure
changed, the checks flag, and what else they raise.

For every wire-length report of benchmarks/data/wire (written for this project) and every claim
in it of a checked kind (a count, a length, a date), a twin of the report is made with that one
figure changed: a number by half again, a weekday to the next, a day of a month to the next.
Each original and its twin are checked together, in memory, with the bundled pack. A plant is
flagged when an error or warning locates the changed text; any other error or warning is a false
alarm. The unmodified reports are checked too, all at once: their findings are false alarms of
their own.

usage: python benchmarks/twins.py [--rules DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.corpus.formats import parse_article  # noqa: E402
from claimcheck.engine import run_checks  # noqa: E402
from claimcheck.extract import Extractor  # noqa: E402
from claimcheck.rules import load_pack  # noqa: E402

WIRE = ROOT / "benchmarks" / "data" / "wire"
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DATE_TYPES = {"date", "meeting_date", "visit_date", "event_date"}
COUNT_TYPES = {"quantity", "troop_count", "casualty_count", "border_length", "army_size"}
LOUD = {"error", "warning"}


def changed(text: str, claim_type: str) -> str | None:
    """The claim's text with its figure changed, or None where no change is planted."""
    weekday = next((d for d in WEEKDAYS if d in text), None)
    number = re.search(r"\d+(?:,\d{3})*", text)
    if claim_type in DATE_TYPES:
        if weekday:
            return text.replace(weekday, WEEKDAYS[(WEEKDAYS.index(weekday) + 1) % 7], 1)
        if number and re.search(r"[A-Z][a-z]+\.? \d", text) and 1 <= int(number.group()) <= 27:
            return text[:number.start()] + str(int(number.group()) + 1) + text[number.end():]
        return None
    if claim_type in COUNT_TYPES and number:
        value = int(number.group().replace(",", ""))
        if value < 3 or 1900 <= value <= 2100:
            return None    # too small to change by half, or a year
        bigger = value * 3 // 2
        return text[:number.start()] + (f"{bigger:,}" if "," in number.group() else str(bigger)) \
            + text[number.end():]
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", default=str(ROOT / "rules"))
    parser.add_argument("--limit", type=int, default=0, help="plants at most (0: all)")
    args = parser.parse_args(argv)
    pack = load_pack([args.rules])
    extractor = Extractor(pack.vocabulary)
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(WIRE.glob("*.txt"))}
    originals = [parse_article(t, n, n)[0] for n, t in texts.items()]
    baseline = run_checks(pack, originals, [c for a in originals for c in extractor.extract(a)])
    unmodified = [f for f in baseline.findings if f.severity in LOUD]

    flagged, planted, alarms, by_type = 0, 0, [], Counter()
    for original in originals:
        for claim in extractor.extract(original):
            new = changed(claim.span.text, claim.claim_type)
            if new is None or new == claim.span.text:
                continue
            text = texts[original.id]
            at = text.index(original.text) + claim.span.start   # the article's text follows its header
            twin_text = text[:at] + new + text[at + len(claim.span.text):]
            twin = parse_article(twin_text, "twin-" + original.id, "twin-" + original.id)[0]
            articles = [original, twin]
            findings = run_checks(pack, articles, [c for a in articles for c in extractor.extract(a)]).findings
            hit = False
            for f in findings:
                if f.severity not in LOUD:
                    continue
                if any(loc.article == twin.id and loc.line == claim.span.line for loc in f.locations):
                    hit = True
                else:
                    alarms.append(f"{original.id} ({claim.span.text!r} -> {new!r}): {f.rule}: {f.message}")
            planted += 1
            flagged += hit
            by_type[claim.claim_type, hit] += 1
            if args.limit and planted >= args.limit:
                break
        if args.limit and planted >= args.limit:
            break

    print(f"reports: {len(originals)}; errors and warnings on the unmodified reports: {len(unmodified)}")
    for f in unmodified:
        print(f"  {f.locations[0].article}:{f.locations[0].line}: {f.rule}: {f.message}")
    print(f"twins flagged: {flagged} of {planted} ({flagged / max(planted, 1):.0%}; target at least 90%)")
    for claim_type in sorted({t for t, _ in by_type}):
        print(f"  {claim_type}: {by_type[claim_type, True]} of {by_type[claim_type, True] + by_type[claim_type, False]}")
    print(f"false alarms: {len(alarms)} ({len(alarms) / max(planted, 1):.2f} a case; target at most 0.05)")
    for alarm in alarms[:20]:
        print("  " + alarm)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Extraction speed: claimcheck against dateparser's search_dates on the same generated articles.

    python benchmarks/extraction.py [--articles 2000] [--baseline-articles 200] [--rounds 10]

The articles are wire-report length (about 500 words, one sentence in four with a date or a
number; see synthetic.long_articles). dateparser is the baseline measured in the same run (it
only finds dates, so it does less work than claimcheck); it runs on the first
--baseline-articles texts because it is slow. The two take turns, a slice of the articles each
per round, so that a change in the machine's load during the run weighs on both alike.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import long_articles  # noqa: E402

from claimcheck.corpus.formats import parse_article  # noqa: E402
from claimcheck.extract import Extractor  # noqa: E402
from claimcheck.rules import load_pack  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--baseline-articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--target-ratio", type=float, default=20.0)
    args = parser.parse_args()

    from dateparser.search import search_dates

    generated = long_articles(args.articles)
    articles = [parse_article(g.text, g.name, g.name)[0] for g in generated]
    sample = articles[: args.baseline_articles]
    extractor = Extractor(load_pack([str(ROOT / "rules")]).vocabulary)
    extractor.extract(articles[0])  # warm caches (pint's registry, compiled patterns)
    search_dates(sample[0].text, languages=["en"])

    ours = theirs = 0.0
    claims = found = 0
    for r in range(args.rounds):
        start = time.perf_counter()
        claims += sum(len(extractor.extract(a)) for a in articles[r::args.rounds])
        ours += time.perf_counter() - start
        start = time.perf_counter()
        found += sum(len(search_dates(a.text, languages=["en"]) or ()) for a in sample[r::args.rounds])
        theirs += time.perf_counter() - start

    words = statistics.mean(len(a.text.split()) for a in articles)
    ours_rate, theirs_rate = len(articles) / ours, len(sample) / theirs
    ratio = ours_rate / theirs_rate
    print(f"articles of {words:.0f} words on average, {args.rounds} alternating rounds")
    print(f"claimcheck extract            {len(articles):>6} articles  {ours_rate:>9.1f} articles/s  "
          f"({claims} claims)")
    print(f"dateparser search_dates (en)  {len(sample):>6} articles  {theirs_rate:>9.1f} articles/s  "
          f"({found} dates)")
    print(f"ratio                         {ratio:.1f}x (target >= {args.target_ratio:g}x): "
          f"{'met' if ratio >= args.target_ratio else 'NOT met'}")
    return 0 if ratio >= args.target_ratio else 1


if __name__ == "__main__":
    raise SystemExit(main())

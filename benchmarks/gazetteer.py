"""The cost of the world gazetteer: extraction with the whole default pack against the same pack
cut down to the 14 entities it had before the world tables (issue #11), in the same run.

    python benchmarks/gazetteer.py [--articles 2000] [--rounds 10]

The two extractors take turns on slices of the same generated articles, so a change in the
machine's load weighs on both alike. Also prints how long the pack takes to load, cold and warm.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import long_articles  # noqa: E402

from claimcheck.corpus.formats import parse_article  # noqa: E402
from claimcheck.extract import Extractor  # noqa: E402
from claimcheck.rules import load_pack  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BEFORE = {"China", "Russia", "Ukraine", "Belarus", "United States", "Canada", "Taiwan",
          "United Kingdom", "Xi Jinping", "Vladimir Putin", "Joe Biden", "G7", "ASEAN", "NATO"}
TARGET = 0.8


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()

    start = time.perf_counter()
    pack = load_pack([str(ROOT / "rules")])
    cold = time.perf_counter() - start
    start = time.perf_counter()
    load_pack([str(ROOT / "rules")])
    warm = time.perf_counter() - start
    small = replace(pack.vocabulary,
                    entities=tuple(e for e in pack.vocabulary.entities if e.id in BEFORE))
    start = time.perf_counter()
    extractors = {"whole pack": Extractor(pack.vocabulary)}
    build = time.perf_counter() - start
    extractors["14 entities"] = Extractor(small)

    articles = [parse_article(g.text, g.name, g.name)[0] for g in long_articles(args.articles)]
    seconds = dict.fromkeys(extractors, 0.0)
    for r in range(args.rounds):
        for name, extractor in extractors.items():
            batch = articles[r::args.rounds]
            start = time.perf_counter()
            for article in batch:
                extractor.extract(article)
            seconds[name] += time.perf_counter() - start
    rates = {name: len(articles) / s for name, s in seconds.items()}
    print(f"pack load: {cold:.3f} s cold, {warm:.3f} s warm (target < 0.5 s); "
          f"extractor built in {build:.3f} s; {len(pack.vocabulary.entities)} entities")
    for name, rate in rates.items():
        print(f"{name:<12} {rate:8.1f} articles/s")
    ratio = rates["whole pack"] / rates["14 entities"]
    print(f"ratio {ratio:.2f} (target >= {TARGET}): {'met' if ratio >= TARGET else 'NOT met'}")
    return 0 if ratio >= TARGET and warm < 0.5 else 1


if __name__ == "__main__":
    sys.exit(main())

"""Extraction throughput of this tree against another checkout of claimcheck, in the same run.

    python benchmarks/ab_extraction.py --base /tmp/cov-base [--articles 600] [--rounds 6]

Each round runs one child process per tree (alternating which goes first) over the same
generated articles (synthetic.long_articles); a child times only extract() after a warm-up, so
start-up costs do not count. Prints articles/s per tree and the ratio this/base.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1] + "/benchmarks")
from synthetic import long_articles
from claimcheck.corpus.formats import parse_article
from claimcheck.extract import Extractor
from claimcheck.rules import load_pack
n = int(sys.argv[2])
articles = [parse_article(g.text, g.name, g.name)[0] for g in long_articles(n)]
ex = Extractor(load_pack([sys.argv[1] + "/rules"]).vocabulary)
ex.extract(articles[0])
start = time.perf_counter()
claims = sum(len(ex.extract(a)) for a in articles)
print(json.dumps({"seconds": time.perf_counter() - start, "claims": claims, "n": n}))
"""


def run(tree: Path, n: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, "-c", CHILD, str(tree), str(n)], env=env, check=True,
                         capture_output=True, text=True, cwd=tree).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, type=Path)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    totals = {"this": [0.0, 0], "base": [0.0, 0]}
    for r in range(args.rounds):
        order = [("this", HERE), ("base", args.base)]
        for name, tree in (order if r % 2 == 0 else order[::-1]):
            result = run(tree, args.articles)
            totals[name][0] += result["seconds"]
            totals[name][1] = result["claims"]
    rate = {k: args.articles * args.rounds / v[0] for k, v in totals.items()}
    for k in ("base", "this"):
        print(f"{k:5} {rate[k]:8.1f} articles/s  ({totals[k][1]} claims per pass)")
    print(f"ratio this/base {rate['this'] / rate['base']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

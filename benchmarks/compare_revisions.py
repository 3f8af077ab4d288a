"""Extraction throughput of this checkout against another git revision, measured side by side.

Both trees extract the same wire-length articles (benchmarks/synthetic.py of this checkout) in
separate processes, taking turns, so a change in the machine's load weighs on both; each tree's
figure is its best round (on a shared machine, the round least disturbed by others), in CPU time of
the extraction alone (start-up and pack loading are left out, as they are measured by
the start-up benchmark). The other revision is checked out with `git worktree` into a temporary
folder and removed afterwards.

usage: python benchmarks/compare_revisions.py [REV] [--articles N] [--rounds N] [--target 0.8]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_WORKER = r"""
import sys, time
tree, bench, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, tree)
sys.path.insert(1, bench)
from claimcheck.corpus.formats import parse_article
from claimcheck.extract import Extractor
from claimcheck.rules import load_pack
import synthetic
extractor = Extractor(load_pack([tree + "/rules"]).vocabulary)
articles = [parse_article(g.text, f"a{i}.txt", f"a{i}.txt")[0]
            for i, g in enumerate(synthetic.long_articles(count))]
for article in articles[:50]:
    extractor.extract(article)          # warm caches (dateparser's, the patterns')
started = time.process_time()
claims = sum(len(extractor.extract(a)) for a in articles)
print(len(articles) / (time.process_time() - started), claims)
"""


def rate(tree: Path, count: int) -> tuple[float, int]:
    out = subprocess.run([sys.executable, "-c", _WORKER, str(tree), str(ROOT / "benchmarks"), str(count)],
                         capture_output=True, text=True, check=True)
    speed, claims = out.stdout.split()
    return float(speed), int(claims)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", nargs="?", default="HEAD~1", help="the revision to compare with")
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--target", type=float, default=0.8,
                        help="the lowest acceptable ratio of this checkout's speed to REV's")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        other = Path(scratch) / "rev"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(other), args.rev],
                       check=True)
        try:
            ours, theirs = [], []
            for _ in range(args.rounds):
                theirs.append(rate(other, args.articles))
                ours.append(rate(ROOT, args.articles))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=True)
    mine, base = max(r for r, _ in ours), max(r for r, _ in theirs)
    print(f"{args.rev}: {base:,.0f} articles/CPU-s ({theirs[0][1]:,} claims)")
    print(f"this checkout: {mine:,.0f} articles/CPU-s ({ours[0][1]:,} claims)")
    ratio = mine / base
    print(f"ratio {ratio:.2f} (target at least {args.target:.2f}): {'met' if ratio >= args.target else 'NOT met'}")
    return 0 if ratio >= args.target else 1


if __name__ == "__main__":
    sys.exit(main())

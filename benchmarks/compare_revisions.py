"""Extraction throughput of this checkout against another git revision, measured side by side.

Both trees extract the same articles (synthetic.py, or --texts wire; those of this checkout) in
separate processes, taking turns, so a change in the machine's load weighs on both; each tree's
figure is its best round (on a shared machine, the round least disturbed by others), in CPU time of
the extraction alone (start-up and pack loading are left out, as they are measured by
the start-up benchmark). The other revision is checked out with `git worktree` into a temporary
folder and removed afterwards.

With --instructions, each tree's cost is instead counted in machine instructions by valgrind's
callgrind (for the articles beyond a first batch that warms the caches): repeatable to a fraction
of a percent whatever else the machine is doing, at fifty times the run time.

usage: python benchmarks/compare_revisions.py [REV] [--articles N] [--rounds N] [--target 0.8]
                                              [--instructions] [--texts generated|wire]

--texts wire reads the 24 wire-length reports of benchmarks/data/wire (this checkout's), in turn.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Both worker scripts read the articles this way: `texts` is "generated" (synthetic.py) or
# "wire" (the wire-length reports of benchmarks/data/wire, taken in turn until there are enough).
_ARTICLES = r"""
import sys, pathlib
tree, bench, count, texts = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.path.insert(0, tree)
sys.path.insert(1, bench)
from claimcheck.corpus.formats import parse_article
from claimcheck.extract import Extractor
from claimcheck.rules import load_pack
import synthetic
if texts == "wire":
    wire = sorted(pathlib.Path(bench, "data", "wire").glob("*.txt"))
    sources = [wire[i % len(wire)].read_text(encoding="utf-8") for i in range(count)]
else:
    sources = [g.text for g in synthetic.long_articles(count)]
articles = [parse_article(text, f"a{i}.txt", f"a{i}.txt")[0] for i, text in enumerate(sources)]
extractor = Extractor(load_pack([tree + "/rules"]).vocabulary)
"""

_WORKER = _ARTICLES + r"""
import time
for article in articles[:50]:
    extractor.extract(article)          # warm caches (dateparser's, the patterns')
started = time.process_time()
claims = sum(len(extractor.extract(a)) for a in articles)
print(len(articles) / (time.process_time() - started), claims)
"""


# Both runs of a tree read and parse the same WARM + count articles (argv[5]) and extract the
# first argv[6] of them: the difference of the two runs is the extraction of `count` articles,
# not their reading as well.
_COUNT_ONLY = _ARTICLES.replace("int(sys.argv[3])", "int(sys.argv[5])") + r"""
for article in articles[:int(sys.argv[6])]:
    extractor.extract(article)
"""
WARM = 20


def instructions(tree: Path, count: int, texts: str) -> int:
    """Instructions for `count` articles: a run of WARM + count less a run of WARM."""
    def run(n: int) -> int:
        with tempfile.NamedTemporaryFile() as out:
            subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out.name}",
                            sys.executable, "-c", _COUNT_ONLY, str(tree), str(ROOT / "benchmarks"), "0", texts,
                            str(WARM + count), str(n)],
                           capture_output=True, text=True, check=True)
            totals = [line for line in Path(out.name).read_text().splitlines() if line.startswith("totals:")]
            return int(totals[0].split()[1])
    return run(WARM + count) - run(WARM)


def rate(tree: Path, count: int, texts: str) -> tuple[float, int]:
    out = subprocess.run([sys.executable, "-c", _WORKER, str(tree), str(ROOT / "benchmarks"), str(count), texts],
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
    parser.add_argument("--instructions", action="store_true",
                        help="count instructions with valgrind instead of timing (repeatable)")
    parser.add_argument("--texts", choices=("generated", "wire"), default="generated",
                        help="synthetic articles, or the wire-length reports of benchmarks/data/wire")
    args = parser.parse_args()
    if args.instructions:
        return compare_instructions(args)
    with tempfile.TemporaryDirectory() as scratch:
        other = Path(scratch) / "rev"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(other), args.rev],
                       check=True)
        try:
            ours, theirs = [], []
            for _ in range(args.rounds):
                theirs.append(rate(other, args.articles, args.texts))
                ours.append(rate(ROOT, args.articles, args.texts))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=True)
    mine, base = max(r for r, _ in ours), max(r for r, _ in theirs)
    print(f"{args.rev}: {base:,.0f} articles/CPU-s ({theirs[0][1]:,} claims)")
    print(f"this checkout: {mine:,.0f} articles/CPU-s ({ours[0][1]:,} claims)")
    ratio = mine / base
    print(f"ratio {ratio:.2f} (target at least {args.target:.2f}): {'met' if ratio >= args.target else 'NOT met'}")
    return 0 if ratio >= args.target else 1


def compare_instructions(args) -> int:
    count = min(args.articles, 100)
    with tempfile.TemporaryDirectory() as scratch:
        other = Path(scratch) / "rev"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(other), args.rev],
                       check=True)
        try:
            base, mine = instructions(other, count, args.texts), instructions(ROOT, count, args.texts)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=True)
    print(f"{args.rev}: {base / count / 1e6:,.1f} M instructions an article")
    print(f"this checkout: {mine / count / 1e6:,.1f} M instructions an article")
    ratio = base / mine
    print(f"speed ratio {ratio:.2f} (target at least {args.target:.2f}): {'met' if ratio >= args.target else 'NOT met'}")
    return 0 if ratio >= args.target else 1


if __name__ == "__main__":
    sys.exit(main())

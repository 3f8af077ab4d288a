"""Corpus-scale benchmark: `claimcheck check` on generated corpora of growing size.

    python benchmarks/corpus_scale.py [--sizes 1000 10000 100000] [--jobs N]

For each size it prints articles/second (cold: extraction and cache fill; warm: the same corpus
again, from the claim cache), peak memory, planted conflicts found and unplanted findings, and the
time ratio to the previous size. Targets: 10x the articles costs at most 11x the time, 100,000
articles stay under 1 GB, and a warm re-check is at least 10x faster than a cold one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def write_corpus(folder: Path, count: int) -> set[str]:
    planted = set()
    for item in generate(count):
        path = folder / item.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(item.text, encoding="utf-8")
        if item.planted:
            planted.add(item.name)
    return planted


def run(workdir: Path, *args: str) -> tuple[dict, dict]:
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "measure.py"), *args],
                          capture_output=True, text=True, cwd=workdir)
    stats = json.loads(proc.stderr.strip().splitlines()[-1])
    if stats["code"] not in (0, 1):
        raise SystemExit(f"claimcheck failed:\n{proc.stderr}")
    return stats, json.loads(proc.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()

    print(f"{'articles':>9} {'cold/s':>9} {'warm/s':>9} {'warm x':>7} {'peak MB':>8} "
          f"{'planted':>8} {'found':>6} {'extra':>6} {'time x':>7}")
    previous = None
    verdicts = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
            workdir = Path(tmp)
            planted = write_corpus(workdir / "corpus", size)
            command = ("check", "corpus", "--rules", str(ROOT / "rules"), "--format", "json",
                       "--jobs", str(args.jobs))
            cold, result = run(workdir, *command)
            warm, _ = run(workdir, *command)
        subjects = {f["locations"][0]["article"] for f in result["findings"]}
        found = len(planted & subjects)
        extra = sum(1 for f in result["findings"] if f["locations"][0]["article"] not in planted)
        peak_mb = max(cold["peak_kib"], cold["worker_peak_kib"], warm["peak_kib"]) / 1024
        ratio = cold["seconds"] / previous[1] if previous else None
        print(f"{size:>9} {size / cold['seconds']:>9.0f} {size / warm['seconds']:>9.0f} "
              f"{cold['seconds'] / warm['seconds']:>7.1f} {peak_mb:>8.0f} {len(planted):>8} "
              f"{found:>6} {extra:>6} {(f'{ratio:.1f}' if ratio else '-'):>7}")
        if previous:
            growth = size / previous[0]
            verdicts.append((f"{size} vs {previous[0]} articles: time x{ratio:.1f} for x{growth:g} "
                             f"(target <= x{growth * 1.1:g})", ratio <= growth * 1.1))
        if size == max(args.sizes):  # start-up time dominates small corpora; the target is at scale
            verdicts.append((f"{size}: warm re-check x{cold['seconds'] / warm['seconds']:.1f} faster "
                             "(target >= x10)", cold["seconds"] / warm["seconds"] >= 10))
        if size >= 100_000:
            verdicts.append((f"{size}: peak {peak_mb:.0f} MB (target < 1024 MB)", peak_mb < 1024))
        verdicts.append((f"{size}: found {found} of {len(planted)} planted, {extra} unplanted",
                         found == len(planted) and extra == 0))
        previous = (size, cold["seconds"])
    return print_verdicts(verdicts)


def print_verdicts(verdicts: list[tuple[str, bool]]) -> int:
    """Each target met or not, one a line; the exit status: 0 when every one is met."""
    print()
    for text, ok in verdicts:
        print(f"{'met    ' if ok else 'NOT met'}  {text}")
    return 0 if all(ok for _, ok in verdicts) else 1


if __name__ == "__main__":
    raise SystemExit(main())

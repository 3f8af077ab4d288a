"""Re-check after a small change: `claimcheck check` on a generated corpus, fully warm, then
after touching 1% of its files (new modification times, same content), then after editing 1%
(a sentence appended). CPU and wall time of whole processes, medians of interleaved runs.

    python benchmarks/recheck.py [--articles 100000] [--percent 1] [--repeat 3] [--jobs N]

Target: the re-check after touching 1% costs at most 1.3x a fully warm re-check. The edited
case is printed beside it: an edit changes what the checks see, and the corpus is checked again.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_scale import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def check(workdir: Path, jobs: int) -> tuple[float, float, int, str]:
    """(wall s, CPU s of the process and its workers, peak RSS of the parent in MB, output)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "measure.py"), "check", "corpus",
                           "--rules", str(ROOT / "rules"), "--format", "json", "--jobs", str(jobs)],
                          capture_output=True, text=True, cwd=workdir)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"claimcheck failed:\n{proc.stderr}")
    import json
    stats = json.loads(proc.stderr.strip().splitlines()[-1])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, stats["peak_kib"] // 1024, proc.stdout


def touch(files: list[Path]) -> None:
    now = time.time_ns()
    for f in files:
        os.utime(f, ns=(now, now))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--percent", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="claimcheck-recheck-") as tmp:
        workdir = Path(tmp)
        write_corpus(workdir / "corpus", args.articles)
        files = sorted(p for p in (workdir / "corpus").rglob("*") if p.is_file())
        chosen = random.Random(7).sample(files, max(1, int(len(files) * args.percent / 100)))
        wall, cpu, peak, cold_out = check(workdir, args.jobs)
        print(f"cold (fills the cache): {wall:7.2f} s wall {cpu:7.2f} s CPU  parent peak {peak} MB",
              flush=True)
        warm, touched = [], []
        for _ in range(args.repeat):
            w = check(workdir, args.jobs)
            warm.append(w[:3])
            touch(chosen)
            t = check(workdir, args.jobs)
            touched.append(t[:3])
            if t[3] != cold_out or w[3] != cold_out:
                print("FAIL: a re-check answered otherwise than the cold run")
                return 1
        edited = []
        for i in range(args.repeat):
            for f in chosen:
                with open(f, "a", encoding="utf-8") as out:
                    out.write(f"\nThe agency said it would publish more details {'soon' if i % 2 else 'later'}.\n")
            edited.append(check(workdir, args.jobs)[:3])

    def show(name: str, runs: list) -> tuple[float, float]:
        wall, cpu, peak = (statistics.median(x) for x in zip(*runs))
        print(f"{name:<32} {wall:7.2f} s wall {cpu:7.2f} s CPU  parent peak {peak:.0f} MB")
        return wall, cpu

    print(f"{args.articles} articles, {len(chosen)} changed, medians of {args.repeat}:")
    warm_wall, warm_cpu = show("fully warm re-check", warm)
    touched_wall, touched_cpu = show(f"after touching {args.percent:g}%", touched)
    show(f"after editing {args.percent:g}%", edited)
    ratio = touched_cpu / warm_cpu
    verdict = "PASS" if ratio <= 1.3 else "FAIL"
    print(f"{verdict}: touched/warm x{ratio:.2f} CPU, x{touched_wall / warm_wall:.2f} wall "
          "(target <= x1.3); every re-check printed the cold run's findings")
    return 0 if ratio <= 1.3 else 1


if __name__ == "__main__":
    sys.exit(main())

"""Does `--jobs 2` pay? `claimcheck check --no-cache` on a generated corpus with one process and
with two, interleaved, several times; medians of wall time, of CPU time and of memory (parent and
workers: benchmarks/proctree.py).

    python benchmarks/parallel.py [--articles 10000] [--repeat 3] [--jobs 2]

Target: --jobs 2 at least 1.6x faster (wall) than --jobs 1 on 10,000 articles when two cores
are free; the free cores are printed before each run (claimcheck/cores.py), since a shared
machine can give the second worker no core of its own. Beside it, the baseline: how much faster
two processes of pure CPU work run than one on the same machine in the same run (a virtual
machine's cores may share a host's, and then no program gets 2x).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import proctree  # noqa: E402
from corpus_scale import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def timed(workdir: Path, jobs: int) -> tuple[float, float, float, str]:
    """(wall s, CPU s of the process and its workers, MB of parent plus workers, output)."""
    m = proctree.run([sys.executable, "-m", "claimcheck", "check", "corpus", "--rules",
                      str(ROOT / "rules"), "--format", "json", "--no-cache", "--jobs", str(jobs)],
                     cwd=workdir)
    if m.returncode not in (0, 1):
        raise SystemExit(f"claimcheck failed:\n{m.stderr}")
    return m.wall, m.cpu, m.peak_mb, m.stdout


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_scaling(jobs: int, n: int = 10_000_000) -> float:
    """How much faster `jobs` processes do pure CPU work than one, here and now: the most any
    parallel run can gain on this machine (on a shared host, often well under `jobs`)."""
    import multiprocessing
    import time
    started = time.perf_counter()
    _burn(n)
    alone = time.perf_counter() - started
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        started = time.perf_counter()
        pool.map(_burn, [n] * jobs)
        together = time.perf_counter() - started
    return jobs * alone / together


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from claimcheck.cores import allowed_cores, free_cores

    with tempfile.TemporaryDirectory(prefix="claimcheck-jobs-") as tmp:
        workdir = Path(tmp)
        write_corpus(workdir / "corpus", args.articles)
        runs: dict[int, list[tuple[float, float, float]]] = {1: [], args.jobs: []}
        outputs = {}
        scaling: list[float] = []   # the machine's own, measured before each pair of runs
        for _ in range(args.repeat):
            scaling.append(machine_scaling(args.jobs))
            for jobs in (1, args.jobs):
                free = free_cores()
                wall, cpu, mb, out = timed(workdir, jobs)
                runs[jobs].append((wall, cpu, mb))
                outputs.setdefault(jobs, out)
                print(f"--jobs {jobs}: {wall:6.2f} s wall {cpu:6.2f} s CPU {mb:5.0f} MB "
                      f"({free} of {allowed_cores()} cores free before the run)", flush=True)
    if outputs[1] != outputs[args.jobs]:
        print("FAIL: the findings differ between --jobs 1 and --jobs", args.jobs)
        return 1
    wall1, cpu1, mb1 = (statistics.median(x) for x in zip(*runs[1]))
    wallj, cpuj, mbj = (statistics.median(x) for x in zip(*runs[args.jobs]))
    speedup = wall1 / wallj
    print(f"{args.articles} articles, medians of {args.repeat}: --jobs 1 {wall1:.2f} s wall "
          f"{cpu1:.2f} s CPU {mb1:.0f} MB; --jobs {args.jobs} {wallj:.2f} s wall {cpuj:.2f} s CPU "
          f"{mbj:.0f} MB (memory: parent plus workers, PSS)")
    ideal = statistics.median(scaling)
    print(f"the machine itself: {args.jobs} processes of pure CPU work x{ideal:.2f} of one "
          f"(median of {len(scaling)}); claimcheck gets {speedup / ideal:.0%} of that")
    verdict = "PASS" if speedup >= 1.6 else "FAIL"
    print(f"{verdict}: --jobs {args.jobs} is x{speedup:.2f} faster (wall; target >= x1.6 with "
          f"two free cores), CPU x{cpuj / cpu1:.2f} of --jobs 1; findings identical")
    return 0 if speedup >= 1.6 else 1


if __name__ == "__main__":
    sys.exit(main())

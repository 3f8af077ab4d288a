"""Start-up: `claimcheck check` on the sample corpus against `python -c pass`, CPU time of
whole processes (getrusage of the children), interleaved, medians.

    python benchmarks/startup.py [--repeat 9]

Three cases, each in a copy of corpus/ and rules/ in a temporary folder: warm (the cache filled
by an earlier run: what CI pays on its second run and a developer on every run), cold (no
.claimcheck folder: the first run of a fresh checkout) and --no-cache. Target: a warm check at
most 8x the CPU of `python -c pass`.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 8.0


def cpu(command: list[str], cwd: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{proc.stderr}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    check = [sys.executable, "-m", "claimcheck", "check", "corpus", "--rules", "rules"]
    with tempfile.TemporaryDirectory(prefix="claimcheck-startup-") as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "corpus", work / "corpus")
        shutil.copytree(ROOT / "rules", work / "rules")
        cpu(check, work)   # fills the cache and the pack's outline
        runs: dict[str, list[float]] = {"python -c pass": [], "check, warm": [], "check, cold": [],
                                        "check --no-cache": []}
        for _ in range(args.repeat):
            runs["python -c pass"].append(cpu([sys.executable, "-c", "pass"], work))
            runs["check, warm"].append(cpu(check, work))
            shutil.rmtree(work / ".claimcheck")
            runs["check, cold"].append(cpu(check, work))
            runs["check --no-cache"].append(cpu(check + ["--no-cache"], work))
    base = statistics.median(runs["python -c pass"])
    print(f"medians of {args.repeat} interleaved runs, CPU time of whole processes")
    for name, times in runs.items():
        t = statistics.median(times)
        print(f"{name:<18} {t * 1000:7.1f} ms  x{t / base:5.1f}")
    ratio = statistics.median(runs["check, warm"]) / base
    print(f"{'PASS' if ratio <= TARGET else 'FAIL'}: a warm check costs x{ratio:.1f} the CPU of "
          f"'python -c pass' (target <= x{TARGET:g})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())

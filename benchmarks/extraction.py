"""Extraction speed: `claimcheck extract` against dateparser's search_dates, whole processes.

    python benchmarks/extraction.py [--copies 8] [--generated 192] [--repeat 3]

Two text sets: "wire", the 24 wire-length reports of benchmarks/data/wire/ (written for the
benchmark, varied, in the project's own words; repeated --copies times under other names), and
"generated", synthetic.long_articles (about 500 words each, claims planted by template, which
suits claimcheck). Each side runs as its own process on the same files: claimcheck with one
job and no cache; dateparser (benchmarks/dateparser_baseline.py) with languages=['en'] and each
article's publication date as RELATIVE_BASE. The two take turns, --repeat times, and medians
are printed: CPU time (the process and its workers) beside wall time, memory as parent plus
workers (PSS, benchmarks/proctree.py), and start-up on its own (each side on one short article).

Throughput is articles per CPU-second of the whole process, start-up included, as a user pays
it; the ratio without start-up is printed beside it. Target: claimcheck at least 25x dateparser
on the wire set (issue #16).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import proctree  # noqa: E402
from synthetic import long_articles  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WIRE = ROOT / "benchmarks" / "data" / "wire"
TARGET = 25.0


def claimcheck(folder: Path) -> list[str]:
    return [sys.executable, "-m", "claimcheck", "extract", str(folder), "--rules", str(ROOT / "rules"),
            "--no-cache", "--jobs", "1", "--format", "jsonl"]


def dateparser(folder: Path) -> list[str]:
    return [sys.executable, str(ROOT / "benchmarks" / "dateparser_baseline.py"),
            *sorted(str(p) for p in folder.iterdir())]


def write_sets(tmp: Path, copies: int, generated: int) -> dict[str, Path]:
    sets = {"wire": tmp / "wire", "generated": tmp / "generated", "start-up": tmp / "one"}
    for folder in sets.values():
        folder.mkdir()
    for k in range(copies):
        for f in sorted(WIRE.glob("*.txt")):
            shutil.copy(f, sets["wire"] / f"{k:02d}-{f.name}")
    for g in long_articles(generated):
        (sets["generated"] / g.name.replace("/", "-")).write_text(g.text, encoding="utf-8")
    shutil.copy(sorted(WIRE.glob("*.txt"))[0], sets["start-up"] / "one.txt")
    return sets


def measure(command: list[str]) -> proctree.Measured:
    m = proctree.run(command, cwd=ROOT)
    if m.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])}… failed:\n{m.stderr}")
    return m


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=8, help="times the wire set is repeated")
    parser.add_argument("--generated", type=int, default=192, help="generated articles")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="claimcheck-extraction-") as tmp:
        sets = write_sets(Path(tmp), args.copies, args.generated)
        runs: dict[tuple[str, str], list[proctree.Measured]] = {}
        for _ in range(args.repeat):
            for name, folder in sets.items():
                for tool, command in (("claimcheck", claimcheck), ("dateparser", dateparser)):
                    runs.setdefault((name, tool), []).append(measure(command(folder)))
        sizes = {name: sum(1 for _ in folder.iterdir()) for name, folder in sets.items()}

    def median(name: str, tool: str, field: str) -> float:
        return statistics.median(getattr(m, field) for m in runs[(name, tool)])

    found = {key: ms[0].stdout for key, ms in runs.items()}
    print(f"medians of {args.repeat} interleaved runs; CPU = the process and its workers; "
          "memory = parent plus workers (PSS)")
    print(f"{'set':<10} {'tool':<11} {'articles':>8} {'CPU s':>7} {'wall s':>7} {'MB':>6} "
          f"{'art/CPU-s':>9} {'found':>7}")
    for name in sets:
        for tool in ("claimcheck", "dateparser"):
            cpu = median(name, tool, "cpu")
            out = found[(name, tool)]
            count = len(out.splitlines()) if tool == "claimcheck" else int(out.strip() or 0)
            print(f"{name:<10} {tool:<11} {sizes[name]:>8} {cpu:>7.2f} {median(name, tool, 'wall'):>7.2f} "
                  f"{median(name, tool, 'peak_mb'):>6.0f} {sizes[name] / cpu:>9.1f} {count:>7}")
    print("('found': claims for claimcheck, dates for dateparser; start-up is one short article)")
    verdict = 0
    for name in ("wire", "generated"):
        ours, theirs = median(name, "claimcheck", "cpu"), median(name, "dateparser", "cpu")
        ours_up, theirs_up = median("start-up", "claimcheck", "cpu"), median("start-up", "dateparser", "cpu")
        whole = theirs / ours
        bare = (theirs - theirs_up) / max(ours - ours_up, 1e-9)
        print(f"{name}: claimcheck x{whole:.1f} dateparser's throughput (CPU, whole processes), "
              f"x{bare:.1f} without either's start-up ({ours_up:.2f} s and {theirs_up:.2f} s)")
        if name == "wire":
            met = whole >= TARGET
            verdict = 0 if met else 1
            print(f"{'PASS' if met else 'FAIL'}: wire set x{whole:.1f} (target >= x{TARGET:g})")
    return verdict


if __name__ == "__main__":
    raise SystemExit(main())

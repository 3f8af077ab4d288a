"""How soon a run on a terminal shows that it is working: `claimcheck check` on a generated
corpus (20,000 articles by default), cold (no cache), on a pseudo-terminal.

    python benchmarks/terminal.py [--articles 20000] [--jobs 2]

Prints when the first progress output arrived, when the extraction bar first moved and when the
run ended, beside the baseline of the same run: when `claimcheck --version` (Python starting and
claimcheck's command line loading, nothing else) printed. Target: progress within a second.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_scale import write_corpus  # noqa: E402
from ptyrun import run_in_pty  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PROGRESS = re.compile(rb"(starting|loading rules|reading|extracting|grouping stories|checking)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimcheck-tty-") as tmp:
        work = Path(tmp)
        write_corpus(work / "corpus", args.articles)
        version, _, _ = run_in_pty("--version", cwd=work)
        pieces, code, total = run_in_pty("check", "corpus", "--rules", str(ROOT / "rules"),
                                         "--no-cache", "--jobs", str(args.jobs), cwd=work)
    if code not in (0, 1):
        raise SystemExit(f"claimcheck failed ({code}): {b''.join(d for _, d in pieces)[-2000:]!r}")
    first = next((t for t, data in pieces if PROGRESS.search(data)), None)
    moved = next((t for t, data in pieces if re.search(rb"extracting: +\d+%\|[^|]*\| [1-9]", data)),
                 None)
    baseline = version[0][0]
    print(f"{'':<38} {'seconds':>8}")
    print(f"{'claimcheck --version printed (baseline)':<38} {baseline:>8.2f}")
    print(f"{'first progress output':<38} {first if first is not None else float('nan'):>8.2f}")
    print(f"{'extraction bar first moved':<38} {moved if moved is not None else float('nan'):>8.2f}")
    print(f"{f'run over {args.articles:,} articles ended':<38} {total:>8.2f}")
    ok = first is not None and first <= 1.0
    print()
    print(f"{'met    ' if ok else 'NOT met'}  progress shown {first:.2f} s after starting (target <= 1 s)"
          if first is not None else "NOT met  no progress output at all")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Adversarial articles at scale, through the CLI: seconds per case, and whether it stayed a
one-line warning or error. The 20 MB article of one unbroken sentence must be checked in < 60 s.

    .venv/bin/python benchmarks/adversarial.py [--mb 20] [--only NAME]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("Russia deployed 100,000 troops on Monday near the 2,600-mile border with China and Xi "
         "Jinping will meet Putin on Wednesday while officials said").split()


def cases(size: int) -> dict[str, str]:
    rng = random.Random(13)
    prose = " ".join(rng.choice(WORDS) for _ in range(size // 6))
    return {
        "one-sentence": "date 2021-12-14 " + prose[:size],
        "on-monday": "date 2021-12-14 " + "on Monday " * (size // 10),
        "digits": "date 2021-12-14 " + "9" * size,
        "digit-groups": "date 2021-12-14 " + "1" + ",000" * (size // 4),
        "spaced-digits": "date 2021-12-14 " + "123 " * (size // 4),
        "no-spaces": "date 2021-12-14 " + "a" * size,
        "spaces": "date 2021-12-14 <!-- claimcheck: ignore x" + " " * size,
        "words": "date 2021-12-14 " + "troops " * (size // 7),
        "entities": "date 2021-12-14 " + "China and Russia and Xi Jinping " * (size // 32),
        "word-numbers": "date 2021-12-14 " + "one two three thousand " * (size // 23),
        "sentences": "date 2021-12-14 " + "They met on Monday. " * (size // 20),
        "json": json.dumps({"date": "2021-12-14", "text": prose[:size]}),
        "markdown": "---\ndate: 2021-12-14\n---\n" + prose[:size],
    }


SUFFIX = {"json": "json", "markdown": "md"}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=20)
    parser.add_argument("--only")
    args = parser.parse_args()
    size = int(args.mb * 1024 * 1024) - 64
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in cases(size).items():
            if args.only and name != args.only:
                continue
            path = Path(tmp) / f"{name}.{SUFFIX.get(name, 'txt')}"
            path.write_text(text)
            start = time.monotonic()
            proc = subprocess.run([sys.executable, "-m", "claimcheck", "check", str(path), "--rules",
                                   str(ROOT / "rules"), "--no-cache", "-j", "1"],
                                  capture_output=True, text=True)
            seconds = time.monotonic() - start
            worst = max(worst, seconds)
            last = (proc.stdout.strip().splitlines() or [""])[-1]
            notes = [line for line in proc.stderr.splitlines()]
            clean = "Traceback" not in proc.stderr and "internal error" not in proc.stderr
            print(f"{name:14} {len(text) / 1e6:6.1f} MB {seconds:6.1f} s  exit {proc.returncode}  "
                  f"{'ok' if clean else 'CRASH'}  {last[:70]}")
            for note in notes[:3]:
                print(f"{'':16}{note[:150]}")
            path.unlink()
    print(f"slowest: {worst:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

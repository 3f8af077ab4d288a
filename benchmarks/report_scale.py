"""The HTML report at scale: `claimcheck report` on a generated corpus (20,000 articles by
default), then the page in headless Chromium.

    python benchmarks/report_scale.py [--articles 20000]

Prints the size of report.html, how long Chromium takes to load it (its own load time and the
wall time of the browser process), at 1280 and at 390 pixels wide how wide the page is laid out
and how far down the first finding is, and the same for the sample corpus's report as the
baseline (a 16-article page: what starting the browser costs). Targets: at most 5 MB; laid out no
wider than 390 pixels at 390; the first finding before any clean article; loaded in a few seconds.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import measure  # noqa: E402
from corpus_scale import print_verdicts, write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def report(workdir: Path, corpus: Path) -> tuple[Path, float]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "claimcheck", "report", str(corpus), "--rules",
                           str(ROOT / "rules"), "-o", str(workdir / "out"), "--no-cache"],
                          capture_output=True, text=True, cwd=workdir)
    if done.returncode not in (0, 1):
        raise SystemExit(f"claimcheck report failed:\n{done.stderr}")
    return workdir / "out" / "report.html", time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    args = parser.parse_args()
    chromium = shutil.which("chromium")
    if not chromium:
        raise SystemExit("needs Debian's chromium on PATH (apt-get install chromium)")
    rows, verdicts = [], []
    with tempfile.TemporaryDirectory(prefix="claimcheck-report-") as tmp:
        work = Path(tmp)
        (work / "big").mkdir()
        write_corpus(work / "big" / "corpus", args.articles)
        (work / "sample").mkdir()
        for name, corpus in (("sample corpus (baseline)", ROOT / "corpus"),
                             (f"{args.articles:,} articles", work / "big" / "corpus")):
            folder = work / ("sample" if "sample" in name else "big")
            page, seconds = report(folder, corpus)
            wide = measure(chromium, page, work / "profile", width=1280, height=900)
            narrow = measure(chromium, page, work / "profile", width=390, height=844)
            rows.append((name, page.stat().st_size, seconds, wide, narrow))
    print(f"{'report of':<26} {'MB':>6} {'report s':>9} {'load s':>7} {'browser s':>10} "
          f"{'1st finding px':>15} {'width@390':>10} {'1st finding@390':>16}")
    for name, size, seconds, wide, narrow in rows:
        print(f"{name:<26} {size / 1e6:>6.2f} {seconds:>9.1f} {wide['load_ms'] / 1000:>7.2f} "
              f"{wide['seconds']:>10.2f} {wide['first_finding'] or 0:>15.0f} "
              f"{narrow['scroll_width']:>10} {narrow['first_finding'] or 0:>16.0f}")
    name, size, _, wide, narrow = rows[-1]
    verdicts += [(f"report.html {size / 1e6:.2f} MB (target <= 5 MB)", size <= 5e6),
                 (f"laid out {narrow['scroll_width']} px wide in a 390 px window (target <= 390)",
                  narrow["scroll_width"] <= 390),
                 ("first finding before any clean article", wide["first_clean"] is None
                  or wide["first_finding"] < wide["first_clean"]),
                 (f"loaded in {wide['load_ms'] / 1000:.1f} s, browser {wide['seconds']:.1f} s "
                  f"(baseline {rows[0][3]['seconds']:.1f} s; target: a few seconds)",
                  wide["seconds"] < 10)]
    return print_verdicts(verdicts)


if __name__ == "__main__":
    raise SystemExit(main())

"""What running on Dask costs on one machine: `claimcheck check --format json` on a generated
corpus with `--dask local:2` (a local cluster of two worker processes, started by the run)
against `--jobs 2` (two forked processes), both cold (no cache), at 10,000 articles by default.

    python benchmarks/dask_overhead.py [--sizes 10000 100000]

Prints the wall time and peak memory of each, the overhead (Dask time / --jobs time) and whether
the two outputs are byte for byte the same. On one machine Dask can only cost: the point of the
engine is the machines a local run does not have; this says how much it costs to get there.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_scale import print_verdicts, write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def run(workdir: Path, *args: str) -> tuple[dict, bytes]:
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "measure.py"), *args],
                          capture_output=True, cwd=workdir)
    stats = json.loads(proc.stderr.decode().strip().splitlines()[-1])
    if stats["code"] not in (0, 1):
        raise SystemExit(f"claimcheck failed:\n{proc.stderr.decode()[-3000:]}")
    return stats, proc.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    args = parser.parse_args()
    print(f"{'articles':>9} {'--jobs 2 s':>11} {'dask s':>8} {'overhead':>9} {'jobs MB':>8} "
          f"{'client MB':>10} {'same':>5}")
    verdicts = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="claimcheck-dask-") as tmp:
            work = Path(tmp)
            write_corpus(work / "corpus", size)
            common = ("check", "corpus", "--rules", str(ROOT / "rules"), "--format", "json")
            local, local_out = run(work, *common, "--jobs", "2", "--no-cache")
            remote, remote_out = run(work, *common, "--dask", "local:2")
        same = local_out == remote_out
        ratio = remote["seconds"] / local["seconds"]
        local_mb = max(local["peak_kib"], local["worker_peak_kib"]) / 1024
        # the local cluster's workers are the client's children too: their peak is included
        client_mb = max(remote["peak_kib"], remote["worker_peak_kib"]) / 1024
        print(f"{size:>9} {local['seconds']:>11.1f} {remote['seconds']:>8.1f} {ratio:>8.2f}x "
              f"{local_mb:>8.0f} {client_mb:>10.0f} {'yes' if same else 'NO':>5}")
        verdicts.append((f"{size}: Dask output identical to --jobs 2", same))
    return print_verdicts(verdicts)


if __name__ == "__main__":
    raise SystemExit(main())

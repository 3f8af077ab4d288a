"""Run one claimcheck command in this process and report its wall time and peak memory (JSON on
the last line of stderr). Used by corpus_scale.py so that each run is measured on its own."""

from __future__ import annotations

import json
import resource
import sys
import time

from claimcheck.cli import main

start = time.perf_counter()
code = main(sys.argv[1:])
elapsed = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": code, "seconds": elapsed, "peak_kib": own, "worker_peak_kib": workers}),
      file=sys.stderr)

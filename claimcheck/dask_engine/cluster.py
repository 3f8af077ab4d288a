"""The cluster a run uses: an existing scheduler by address (tcp://host:port, or any address
dask.distributed understands), or `local[:N]`, a cluster of N worker processes on this machine
started for the run and stopped after it."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

from claimcheck.errors import UsageError

LOCAL = re.compile(r"local(?::(\d+))?")
CONNECT_TIMEOUT = "20s"


def parse(address: str) -> int | str:
    """The number of local workers for `local[:N]` (0: as many as cores), else the address."""
    local = LOCAL.fullmatch(address)
    if local:
        workers = int(local.group(1)) if local.group(1) else 0
        if local.group(1) and workers < 1:
            raise UsageError(f"--dask {address}: a local cluster needs at least one worker")
        return workers
    if not address.strip():
        raise UsageError("--dask needs an address (tcp://HOST:PORT) or local[:N]")
    return address


@contextmanager
def connect(address: str) -> Iterator:
    """A dask.distributed Client for the run; a one-line error when the extra is missing or the
    scheduler cannot be reached."""
    target = parse(address)
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--dask needs Dask: pip install 'claimcheck[dask]'") from None
    # What the run could not do is reported as claimcheck's own warnings and errors; Dask's log
    # lines in this process (a heartbeat that timed out on a loaded machine, with its traceback)
    # are not the run's output, and made two runs of one corpus print different standard error.
    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    if isinstance(target, int):
        # one thread per worker process: extraction is pure Python, threads would share a GIL
        cluster = LocalCluster(n_workers=target or None, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(target, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"--dask {address}: cannot reach the scheduler ({exc})") from None
    try:
        yield client
    finally:
        client.close()

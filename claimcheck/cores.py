"""How many cores a run may use: those it is allowed (affinity, a cgroup's CPU quota) that no
other process keeps busy. On a shared machine, a worker for a core already in use only adds
switching and memory; on an idle one, every allowed core is used."""

from __future__ import annotations

import math
import os


def allowed_cores() -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    quota = _cgroup_quota()
    return max(1, min(cores, quota) if quota else cores)


def free_cores() -> int:
    """Allowed cores less the busy ones, at least one. Busy is the smaller of two views of the
    other processes' load: the one-minute load average (sustained, but it lags) and the processes
    running right now besides this one (current, but a moment's burst). A core counts as busy
    only when both see it so."""
    cores = allowed_cores()
    try:
        sustained = os.getloadavg()[0]
    except OSError:
        return cores
    running = _running_others()
    busy = sustained if running is None else min(sustained, running)
    return max(1, min(cores, cores - math.floor(busy + 0.5)))


def _running_others() -> int | None:
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            for line in stat:
                if line.startswith("procs_running "):
                    return max(0, int(line.split()[1]) - 1)
    except (OSError, ValueError):
        pass
    return None


def _cgroup_quota() -> int | None:
    """The CPU quota of a cgroup v2 (`cpu.max`, as containers set it), in whole cores."""
    try:
        with open("/sys/fs/cgroup/cpu.max", encoding="ascii") as f:
            quota, period = f.read().split()[:2]
        if quota == "max":
            return None
        return max(1, math.ceil(int(quota) / int(period)))
    except (OSError, ValueError):
        return None

"""Run claimcheck on a pseudo-terminal, as a person at a terminal would, and record when each
piece of its output arrived. Shared by benchmarks/terminal.py and tests/test_terminal.py."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path


def run_in_pty(*args: str, cwd: Path) -> tuple[list[tuple[float, bytes]], int, float]:
    """Run claimcheck with standard output and error on a pseudo-terminal: what it wrote, with
    the time each piece arrived (seconds after the start), its exit code and its run time."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "claimcheck", *args], stdin=subprocess.DEVNULL,
                            stdout=follower, stderr=follower, cwd=cwd,
                            env={k: v for k, v in os.environ.items() if k != "NO_COLOR"})
    os.close(follower)
    pieces = []
    try:
        while True:
            ready, _, _ = select.select([leader], [], [], 120)
            if not ready:
                raise TimeoutError("claimcheck wrote nothing for two minutes")
            try:
                data = os.read(leader, 65536)
            except OSError:   # EIO: the terminal's other end is closed, the run is over
                break
            if not data:
                break
            pieces.append((time.perf_counter() - start, data))
    finally:
        os.close(leader)
        code = proc.wait(timeout=120)
    return pieces, code, time.perf_counter() - start

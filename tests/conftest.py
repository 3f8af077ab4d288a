from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def default_pack():
    from claimcheck.rules import load_pack
    return load_pack([str(ROOT / "rules")])


@pytest.fixture(scope="session")
def extractor(default_pack):
    from claimcheck.extract import Extractor
    return Extractor(default_pack.vocabulary)


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium, installed once (under a lock) when missing and this is root with apt."""
    import fcntl
    import shutil
    import subprocess

    found = shutil.which("chromium")
    if found:
        return found
    if not shutil.which("apt-get") or os.geteuid() != 0:
        pytest.skip("chromium is missing and cannot be installed here (needs root and apt-get)")
    with open("/tmp/claimcheck-chromium-install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not shutil.which("chromium"):
            env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
            for step in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
                done = subprocess.run(step, env=env, capture_output=True, text=True, timeout=1200)
                if done.returncode != 0:
                    pytest.skip(f"could not install chromium ({' '.join(step)}): "
                                f"{(done.stderr or done.stdout).strip()[-300:]}")
    found = shutil.which("chromium")
    if not found:
        pytest.skip("apt-get installed chromium, but it is not on PATH")
    return found

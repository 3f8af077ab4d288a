"""Write output files atomically: a temporary file beside the target, then a rename, so an
interrupted run leaves the previous report whole."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from claimcheck.errors import ClaimcheckError


def write_atomic(path: str | Path, text: str) -> None:
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ClaimcheckError(f"cannot write output: {exc.strerror or exc}", str(target), 1, 1) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise ClaimcheckError(f"cannot write output: {exc.strerror or exc}", str(target), 1, 1) from None
    except BaseException:
        _remove(tmp)
        raise


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass

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
        os.chmod(tmp, _mode_for(target))
        # a file name that is not UTF-8 reaches Python as escaped bytes: written back as those
        # bytes, as on standard output
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape", newline="\n") as handle:
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


def _mode_for(target: Path) -> int:
    """Keep the mode of the file being replaced; a new one gets the usual 0666 less the umask
    (mkstemp's 0600 would hide a report from the rest of a team)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass

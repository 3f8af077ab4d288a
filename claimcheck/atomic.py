"""Write output files so that the target is respected: a regular file (or a new one) is replaced
atomically, by a temporary file beside it and a rename, so an interrupted run leaves the previous
report whole; a symbolic link is followed and its target replaced; a character device or a FIFO
(/dev/null, /dev/stdout, a named pipe) is written through; `-` is standard output; anything else
(a directory, a socket, a block device) is refused. A full disk or a closed pipe is a one-line
error naming the target."""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import sys
import tempfile
from pathlib import Path

from claimcheck.errors import ClaimcheckError


def write_atomic(path: str | Path, text: str) -> None:
    if str(path) == "-":
        _write_stdout(text)
        return
    target = _resolve(Path(path))
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _error(exc, target) from None
    if mode is None or stat.S_ISREG(mode):
        _replace(target, text)
    elif stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        _write_through(target, text, fifo=stat.S_ISFIFO(mode))
    elif stat.S_ISDIR(mode):
        raise ClaimcheckError("cannot write output: it is a directory", str(target), 1, 1)
    else:
        raise ClaimcheckError("cannot write output: not a regular file, a character device or a "
                              "FIFO; refusing to replace it", str(target), 1, 1)


def _resolve(target: Path) -> Path:
    """Where a link points (a dangling link: the file it names, to be created)."""
    if not target.is_symlink():
        return target
    try:
        return Path(os.path.realpath(target, strict=True))
    except FileNotFoundError:
        return Path(os.path.realpath(target))
    except OSError as exc:  # a link loop
        raise _error(exc, target) from None


def _replace(target: Path, text: str) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _error(exc, target) from None
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
        raise _error(exc, target) from None
    except BaseException:
        _remove(tmp)
        raise


def _write_through(target: Path, text: str, fifo: bool) -> None:
    data = text.encode("utf-8", "surrogateescape")
    try:
        # a FIFO nobody reads would block the open for ever: opened without waiting, it fails
        fd = os.open(target, os.O_WRONLY | (os.O_NONBLOCK if fifo else 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise ClaimcheckError("cannot write output: no process is reading this FIFO",
                                  str(target), 1, 1) from None
        raise _error(exc, target) from None
    try:
        if fifo:
            fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except OSError as exc:
        raise _error(exc, target) from None
    finally:
        os.close(fd)


def _write_stdout(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise ClaimcheckError(f"cannot write to standard output: {exc.strerror or exc}") from None


def _error(exc: OSError, target: Path) -> ClaimcheckError:
    return ClaimcheckError(f"cannot write output: {exc.strerror or exc}", str(target), 1, 1)


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

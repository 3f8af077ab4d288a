"""What a long run shows on a terminal while it works: one progress bar per stage (reading the
files, extracting claims, grouping stories and checking) on standard error, drawn by tqdm.

Off when standard error is not a terminal (CI logs, pipes, files) and under --quiet; the pipeline
then talks to `Silent`, which does nothing. The bar starts before the heavy imports and the rule
pack, so a cold run shows it within a second of starting.

tqdm, not rich: it is one small module with no dependencies, well kept, and draws a plain bar on
any terminal; rich would bring its own rendering stack for one line of output."""

from __future__ import annotations

import sys
import time


class Silent:
    """No output: not a terminal, or --quiet."""

    def stage(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass

    def note(self, line: str) -> None:
        """A line on standard error that does not tear a bar being drawn."""
        from claimcheck.printable import printable
        print(printable(line), file=sys.stderr)


class Bar(Silent):
    """A tqdm bar per stage, replaced in place on the same line; cleared at the end."""

    def __init__(self, stream=None) -> None:
        from tqdm import tqdm
        self._tqdm, self._stream, self._bar = tqdm, stream or sys.stderr, None
        self.stage("starting")

    def stage(self, name: str, total: int | None = None) -> None:
        if self._bar is None:
            # a terminal of unknown size (0 by 0, as a fresh pseudo-terminal): 80 by 24, else
            # tqdm counts -1 rows and draws nothing
            sized = _columns(self._stream) > 0
            self._bar = self._tqdm(desc=name, total=total, file=self._stream, leave=False,
                                   dynamic_ncols=sized, ncols=None if sized else 80,
                                   nrows=None if sized else 24,
                                   mininterval=0.2, unit=_UNITS.get(name, "it"),
                                   bar_format=None if total else _NO_TOTAL)
            return
        self._bar.reset(total=total)
        self._bar.unit = _UNITS.get(name, "it")
        self._bar.bar_format = None if total else _NO_TOTAL
        self._bar.set_description_str(name, refresh=False)
        self._bar.refresh()

    def advance(self, n: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def note(self, line: str) -> None:
        from claimcheck.printable import printable
        self._tqdm.write(printable(line), file=self._stream)


_UNITS = {"reading": "files", "extracting": "articles", "checking": "checks",
          "extracting on Dask": "partitions"}
_NO_TOTAL = "{desc}… [{elapsed}]"   # a stage that cannot count its work


class Timings(Silent):
    """--verbose: a line on standard error as each stage ends, with its count and duration."""

    def __init__(self, inner: Silent) -> None:
        self._inner = inner
        self._name: str | None = None
        self._count, self._start = 0, time.perf_counter()

    def stage(self, name: str, total: int | None = None) -> None:
        self._finish()
        self._name, self._count, self._start = name, 0, time.perf_counter()
        self._inner.stage(name, total)

    def advance(self, n: int = 1) -> None:
        self._count += n
        self._inner.advance(n)

    def close(self) -> None:
        self._finish()
        self._inner.close()

    def _finish(self) -> None:
        if self._name is not None:
            count = f" {self._count} {_UNITS.get(self._name, '')}".rstrip() if self._count else ""
            self._inner.note(f"claimcheck: {self._name}{count}: "
                             f"{time.perf_counter() - self._start:.2f} s")
        self._name = None


def for_run(quiet: bool, verbose: bool) -> Silent:
    """The progress a run reports to: a bar on a terminal (unless quiet), stage timings with
    --verbose, both or neither."""
    shown: Silent = Silent()
    if not quiet and _terminal():
        shown = Bar()
    return Timings(shown) if verbose else shown


def _columns(stream) -> int:
    import os
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return 0


def _terminal() -> bool:
    stream = sys.stderr
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):
        return False

"""A guard around each article: whatever goes wrong while one article is read or its claims are
extracted becomes a warning naming it, and the rest of the corpus is checked.

Work on one article is bounded too: the extractor asks `stop_here` between sentences, and stops
once the article has used its time budget or yielded its claim budget; the claims found so far
are kept, and a warning says where extraction stopped.
"""

from __future__ import annotations

import copy
import dataclasses
import time
from dataclasses import dataclass

from claimcheck.errors import CorpusError

BUDGET_SECONDS = 15.0
MAX_CLAIMS = 2_500


def lost(warning: CorpusError) -> CorpusError:
    """Mark a warning as one about input that was not checked (exit 2 under --strict)."""
    warning.lost = True  # type: ignore[attr-defined]
    return warning


def is_lost(warning) -> bool:
    return bool(getattr(warning, "lost", False))


def failure(exc: BaseException, path: str | None, line: int = 1, column: int = 1,
            what: str = "article") -> CorpusError:
    """The warning for an unexpected exception raised by one article's content."""
    if isinstance(exc, RecursionError):
        reason = "nests too deeply to read"
    elif isinstance(exc, MemoryError):
        reason = "needs more memory than there is"
    elif isinstance(exc, OverflowError):
        reason = f"holds a number too large to read ({_short(exc)})"
    else:
        reason = f"could not be processed ({type(exc).__name__}: {_short(exc)})"
    return lost(CorpusError(f"{what} {reason}; skipped", path, line, column))


def _short(exc: BaseException, width: int = 160) -> str:
    """An exception's text, clipped: it may quote the article (a number of 5,000 digits)."""
    text = str(exc)
    return text if len(text) <= width else text[:width - 1] + "…"


@dataclass
class _Budget:
    deadline: float
    claims: int
    seconds: float
    stopped_at: int | None = None
    reason: str = ""


_current: _Budget | None = None


def stop_here(offset: int, claims: int) -> bool:
    """Called by the extractor between sentences: True when the article's budget is spent."""
    budget = _current
    if budget is None:
        return False
    if claims >= budget.claims:
        budget.reason = f"it holds more than {budget.claims:,} claims"
    elif time.monotonic() > budget.deadline:
        budget.reason = f"it took more than {budget.seconds:g} s"
    else:
        return False
    budget.stopped_at = offset
    return True


def extract_guarded(extractor, article, seconds: float = BUDGET_SECONDS,
                    claims: int = MAX_CLAIMS) -> tuple[list, CorpusError | None]:
    """(claims, warning or None) of one article; never raises on its content."""
    global _current
    _current = _Budget(time.monotonic() + seconds, claims, seconds)
    try:
        found, cut, why = _extract_within(extractor, article, seconds)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - one article must not end the run
        return [], failure(exc, article.path, *_where(article, 0))
    finally:
        budget, _current = _current, None
    if budget.stopped_at is None and cut is None:
        return found, None
    stopped = budget.stopped_at if budget.stopped_at is not None else cut
    reason = budget.reason or why
    line, column = _where(article, stopped)
    return found, lost(CorpusError(f"extraction stopped here because {reason}; the rest of the "
                                   "article is not checked", article.path, line, column))


PROBE_CHARS = 32 * 1024


def _extract_within(extractor, article, seconds: float) -> tuple[list, int | None, str]:
    """The claims of an article, where its text was cut (None: it was not) and why. Some finders
    read the whole text before the extractor can ask `stop_here`, so a long article is first
    probed on its beginning: when the whole would not fit the budget at that pace, only as much
    of the beginning as fits is read."""
    text = article.text
    if len(text) <= 8 * PROBE_CHARS:   # short enough to read whole; probing costs an eighth at most
        return extractor.extract(article), None, ""
    start = time.monotonic()
    probe = _prefix(article, PROBE_CHARS)
    found = extractor.extract(probe)
    pace = (time.monotonic() - start) / len(probe.text)
    if _current is None or _current.stopped_at is not None:
        return found, None, ""
    # half the budget at the probe's pace: a longer text may run slower per character
    affordable = int(seconds * 0.5 / pace) if pace > 0 else len(text)
    why = f"checking all {len(text):,} characters would take more than {seconds:g} s"
    dense = int(len(probe.text) * _current.claims / len(found)) if found else len(text)
    if dense < affordable:   # as far as the claim budget reaches at the probe's density
        affordable, why = dense, f"it would hold more than {_current.claims:,} claims"
    if affordable >= len(text):
        return extractor.extract(article), None, ""
    if affordable <= 2 * len(probe.text):   # not worth reading the beginning again
        return found, len(probe.text), why
    part = _prefix(article, affordable)
    return extractor.extract(part), len(part.text), why


def _prefix(article, size: int):
    """The article cut to about `size` characters, at a space: offsets, lines and columns in
    it are those of the whole article."""
    cut = article.text.rfind(" ", size // 2, size)
    text = article.text[:cut if cut != -1 else size]
    return dataclasses.replace(article, text=text, sourcemap=copy.copy(article.sourcemap))


def _where(article, offset: int) -> tuple[int, int]:
    try:
        return article.locate(offset)
    except Exception:  # noqa: BLE001 - a position is a nicety
        return 1, 1

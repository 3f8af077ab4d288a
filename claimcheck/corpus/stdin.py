"""`-` as a path: one article read from standard input, as `cat article.txt | claimcheck check -`.
Its text may open with a `date` line or front matter; `--published DATE` dates it when it has
neither. It is read once, before the run, and named `<stdin>` in messages."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date

from claimcheck.corpus.formats import parse_article
from claimcheck.errors import UsageError
from claimcheck.model import Article

STDIN = "-"
NAME = "<stdin>"
MAX_STDIN_BYTES = 32 * 1024 * 1024
_captured: dict[str, object] = {}


def capture(published: date | None = None) -> None:
    """Read standard input now (before any output), as UTF-8 with CRLF folded."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise UsageError("'-' reads an article from standard input, which is closed")
    data = stream.read(MAX_STDIN_BYTES + 1)
    if len(data) > MAX_STDIN_BYTES:
        raise UsageError(f"standard input is over {MAX_STDIN_BYTES:,} bytes", NAME, 1, 1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"standard input is not UTF-8 text (byte 0x{data[exc.start]:02x})",
                         NAME, 1, 1) from None
    _captured.update(text=text.replace("\r\n", "\n").replace("\r", "\n"), published=published)


def load() -> list[Article]:
    """The article read by `capture`, dated by `--published` if its text gives no date."""
    if "text" not in _captured:
        capture()
    text = str(_captured["text"])
    suffix = ".md" if text.startswith("---") else ".txt"
    articles = parse_article(text, NAME + suffix, NAME)
    default = _captured.get("published")
    return [replace(a, id=NAME, published=a.published or default) for a in articles]  # type: ignore[arg-type]

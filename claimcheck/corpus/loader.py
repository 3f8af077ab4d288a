"""Find article files under the paths given and load them, turning bad files into warnings."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.corpus.formats import ARTICLE_SUFFIXES, parse_article
from claimcheck.errors import CorpusError, UsageError
from claimcheck.model import Article

MAX_ARTICLE_BYTES = 20 * 1024 * 1024


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    warnings: list[CorpusError] = field(default_factory=list)


def load_corpus(paths: list[str]) -> LoadResult:
    """Load every article under `paths`, in a stable order (sorted by id).

    A path that does not exist is a usage error (the run cannot mean anything); a single file
    that cannot be read or parsed is a warning, and the rest of the corpus goes on.
    """
    result = LoadResult()
    for root_arg in paths:
        root = Path(root_arg)
        if not root.exists():
            raise UsageError(f"no such file or directory: {root_arg}", root_arg, 1, 1)
        if root.is_dir():
            files = sorted(_walk(root), key=lambda p: p.relative_to(root).as_posix())
            for file in files:
                _load_file(file, file.relative_to(root).as_posix(), result)
        else:
            _load_file(root, root.name, result)
    result.articles.sort(key=lambda a: a.id)
    return result


def _walk(root: Path):
    for dirpath, dirnames, filenames in os.walk(root):  # does not follow directory links: no loops
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                yield Path(dirpath) / name


def _load_file(path: Path, article_id: str, result: LoadResult) -> None:
    shown = str(path)
    try:
        text = read_text(path)
        articles = parse_article(text, article_id, shown)
    except CorpusError as exc:
        result.warnings.append(exc)
        return
    for article in articles:
        if article.published is None:
            line = article.locate(0)[0]
            result.warnings.append(CorpusError(
                "no publication date: relative dates in it are left unresolved", shown, line, 1))
    result.articles.extend(articles)


def read_text(path: Path) -> str:
    """Decode one article file: UTF-8 (a BOM is dropped), CRLF and lone CR folded to LF."""
    shown = str(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise CorpusError(f"cannot read article: {exc.strerror or exc}", shown, 1, 1) from None
    if not stat.S_ISREG(info.st_mode):
        raise CorpusError("not a regular file; skipped", shown, 1, 1)
    if info.st_size > MAX_ARTICLE_BYTES:
        raise CorpusError(f"article is {info.st_size:,} bytes, over the limit of "
                          f"{MAX_ARTICLE_BYTES:,}; skipped", shown, 1, 1)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"cannot read article: {exc.strerror or exc}", shown, 1, 1) from None
    if b"\x00" in data:
        raise CorpusError("binary file (contains NUL bytes); skipped", shown, 1, 1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CorpusError(f"not UTF-8 text (byte 0x{data[exc.start]:02x}); re-encode the file "
                          "as UTF-8", shown, line, column) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")

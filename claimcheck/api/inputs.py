"""What the Python API accepts as articles, turned into Articles: paths (files or folders, read as
the command line reads them), strings (an article's text, with or without its `date YYYY-MM-DD`
line), mappings (`text`, `date`, `title`, `source`, `id`) and pandas DataFrames (one article a
row, the same columns). A string that names an existing file or folder is a path; any other
string is an article's text."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any, Union

from claimcheck.corpus.formats import parse_article, parse_published
from claimcheck.corpus.loader import discover, load_file, undated_warnings
from claimcheck.errors import CorpusError, UsageError
from claimcheck.model import Article

ArticleInput = Union[str, "os.PathLike[str]", Mapping[str, Any]]
_MAX_PATH = 4096


def read_articles(articles: Any, published: date | str | None = None
                  ) -> tuple[list[Article], list[CorpusError]]:
    """The articles of `articles`, sorted by id, and the warnings of what could not be read.
    `published` dates every string, mapping or row that has no date of its own."""
    default = _published(published, "published=") if published is not None else None
    warnings: list[CorpusError] = []
    out: list[Article] = []
    paths: list[str] = []
    for number, item in enumerate(_items(articles), start=1):
        if isinstance(item, os.PathLike) or (isinstance(item, str) and _names_a_path(item)):
            paths.append(os.fspath(item))
        elif isinstance(item, str):
            out.append(_from_text(item, f"article-{number}", default))
        elif isinstance(item, Mapping):
            out.append(_from_mapping(item, number, default))
        else:
            raise UsageError(f"article {number} is a {type(item).__name__}: give a path, a "
                             "string, a mapping with 'text' (and 'date', 'title', 'source'), or "
                             "a DataFrame")
    if paths:
        for article_id, path in discover(paths, warnings):
            try:
                loaded = load_file(path, article_id)
            except CorpusError as exc:
                warnings.append(exc)
                continue
            out.extend(loaded)
            warnings.extend(getattr(loaded, "warnings", ()))
    ids = [a.id for a in out]
    if len(set(ids)) != len(ids):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        raise UsageError(f"two articles have the id {twice[0]!r}: ids must be unique")
    out.sort(key=lambda a: a.id)
    warnings.extend(undated_warnings(out))
    return out, warnings


def _items(articles: Any) -> Iterable[Any]:
    """One article, a list of them, or a DataFrame's rows as mappings (its index as the id when
    it has no `id` column and the index is not the default 0, 1, 2, …)."""
    if isinstance(articles, (str, os.PathLike, Mapping)):
        return [articles]
    if hasattr(articles, "to_dict") and hasattr(articles, "columns"):   # a pandas DataFrame
        rows = articles.to_dict(orient="records")
        index = list(articles.index)
        if "id" not in articles.columns and index != list(range(len(index))):
            rows = [{**row, "id": str(i)} for row, i in zip(rows, index)]
        return rows
    if isinstance(articles, Iterable):
        return list(articles)
    raise UsageError(f"articles must be a path, a string, a mapping, a list of them or a "
                     f"DataFrame, not a {type(articles).__name__}")


def _names_a_path(text: str) -> bool:
    if "\n" in text or len(text) > _MAX_PATH or not text.strip():
        return False
    try:
        return os.path.exists(text)
    except (OSError, ValueError):   # a NUL byte, a name too long for the file system
        return False


def _from_text(text: str, article_id: str, default: date | None, title: str = "",
               source: str = "", published: date | None = None) -> Article:
    """An article's text as a plain-text file holds it (a Markdown one when it opens with front
    matter); `published`, when given, is its date whatever the text says. Its path is
    `<id>`, as Python names code that has no file (`<stdin>`), for warnings to point at."""
    suffix = ".md" if text.startswith("---") else ".txt"
    (article,) = parse_article(text.replace("\r\n", "\n").replace("\r", "\n"),
                               article_id + suffix, article_id)
    return replace(article, id=article_id, path=f"<{article_id}>", published=published or article.published
                   or default, title=title or article.title, source=source or article.source)


def _from_mapping(record: Mapping[str, Any], number: int, default: date | None) -> Article:
    text = record.get("text")
    if not isinstance(text, str):
        raise UsageError(f"article {number} needs a string 'text' field"
                         + (f" (it has {', '.join(map(str, record))})" if record else ""))
    article_id = record.get("id")
    article_id = f"article-{number}" if _missing(article_id) else str(article_id)
    when = record.get("date", record.get("published"))
    published = None if _missing(when) else _published(when, article_id)
    return _from_text(text, article_id, default, _text_field(record, "title"),
                      _text_field(record, "source"), published)


def _text_field(record: Mapping[str, Any], name: str) -> str:
    value = record.get(name)
    return "" if _missing(value) else str(value)


def _missing(value: Any) -> bool:
    """None, or a DataFrame's empty cell (NaN, NaT)."""
    return value is None or (isinstance(value, float) and value != value) or \
        type(value).__name__ == "NaTType"


def _published(value: Any, where: str) -> date:
    if hasattr(value, "to_pydatetime"):        # a pandas Timestamp
        value = value.to_pydatetime()
    if isinstance(value, (date, datetime)):
        return value.date() if isinstance(value, datetime) else value
    try:
        return parse_published(value, where, 1, 1)
    except CorpusError as exc:
        raise UsageError(exc.message + f" (in {where})") from None

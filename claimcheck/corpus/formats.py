"""The article formats of DESIGN.md: plain text with a `date` line, Markdown with front matter, JSON, JSON Lines."""

from __future__ import annotations

import json
import re
from datetime import date, datetime

from claimcheck.corpus.ignore import Note
from claimcheck.errors import CorpusError
from claimcheck.guard import lost
from claimcheck.model import Article
from claimcheck.sourcemap import JsonStringMap, SourceMap

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".json", ".jsonl")

_PLAIN_HEADER = re.compile(r"\s*date[ \t]+(\S+)[ \t]*")
_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|$)", re.S)


def parse_article(text: str, article_id: str, path: str,
                  problems: list[CorpusError] | None = None) -> list[Article]:
    """Parse one file's decoded text (BOM removed, CRLF folded) into its articles. A bad record
    of a JSON Lines file is a warning in `problems`, and the file's other records are kept."""
    suffix = article_id.rsplit(".", 1)[-1].lower() if "." in article_id else ""
    if suffix == "json":
        return [_parse_json_record(text, 0, article_id, path, whole_file=True)]
    if suffix == "jsonl":
        return _parse_json_lines(text, article_id, path, [] if problems is None else problems)
    if suffix in ("md", "markdown") and text.startswith("---"):
        return [_parse_markdown(text, article_id, path)]
    return [_parse_plain(text, article_id, path)]


def _parse_plain(text: str, article_id: str, path: str) -> Article:
    m = _PLAIN_HEADER.match(text)
    if not m:
        return Article(article_id, text, None, path=path, sourcemap=SourceMap())
    published = parse_published(m.group(1), path, *_line_col(text, m.start(1)))
    body_line, body_col = _line_col(text, m.end())
    return Article(article_id, text[m.end():], published, path=path,
                   sourcemap=SourceMap(body_line, body_col))


def _parse_markdown(text: str, article_id: str, path: str) -> Article:
    m = _FRONT_MATTER.match(text)
    if not m:
        raise CorpusError("front matter opened with '---' is never closed", path, 1, 1)
    from claimcheck import safe_yaml   # late: YAML costs start-up, and a warm run reads no article
    try:
        meta = safe_yaml.load_plain(m.group(1) or "") or {}
    except safe_yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        column = mark.column + 1 if mark else 1
        raise CorpusError(f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}",
                          path, line, column) from None
    except (ValueError, OverflowError) as exc:  # e.g. "date: 2024-02-30", which YAML reads as a date
        raise CorpusError(f"front matter has a value that cannot be read: {exc}", path,
                          *_field_line(text, m.end(), "date")) from None
    if not isinstance(meta, dict):
        raise CorpusError("front matter must be a mapping of fields (date, title, source, …)", path, 2, 1)
    published = None
    if "date" in meta:
        published = parse_published(meta["date"], path, *_field_line(text, m.end(), "date"))
    body_line, _ = _line_col(text, m.end())
    return Article(article_id, text[m.end():], published, title=str(meta.get("title") or ""),
                   source=str(meta.get("source") or ""), path=path,
                   sourcemap=SourceMap(body_line, 1))


MAX_RECORD_WARNINGS = 20


def _parse_json_lines(text: str, article_id: str, path: str,
                      problems: list[CorpusError]) -> list[Article]:
    articles = []
    offset = 0
    bad: list[CorpusError] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            try:
                articles.append(_parse_json_record(line, number - 1, f"{article_id}#{number}",
                                                   path, line_offset=offset))
            except CorpusError as exc:
                exc.message += "; record skipped"
                bad.append(exc)
        offset += len(line) + 1
    problems.extend(lost(w) for w in bad[:MAX_RECORD_WARNINGS])
    if len(bad) > MAX_RECORD_WARNINGS:
        problems.append(lost(CorpusError(f"{len(bad) - MAX_RECORD_WARNINGS:,} more bad records "
                                         "skipped", path, bad[MAX_RECORD_WARNINGS].line, 1)))
    return articles


def _parse_json_record(raw: str, first_line: int, article_id: str, path: str,
                       line_offset: int = 0, whole_file: bool = False) -> Article:
    """`whole_file`: a .json file, which without a 'text' field is metadata beside the articles
    (a note, not a warning); a JSON Lines record without one is a bad record."""
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"invalid JSON: {exc.msg}", path, first_line + exc.lineno,
                          exc.colno) from None
    except ValueError as exc:   # an integer of thousands of digits
        raise CorpusError(f"invalid JSON: {str(exc).split(';')[0]}", path, first_line + 1,
                          1) from None
    except RecursionError:
        raise CorpusError("JSON nests too deeply to read", path, first_line + 1, 1) from None
    if not isinstance(record, dict):
        raise CorpusError("a JSON article must be an object with 'date' and 'text' fields",
                          path, first_line + 1, 1)
    body = record.get("text")
    if whole_file and "text" not in record:
        raise Note("not an article (a JSON object without a 'text' field); skipped", path,
                   first_line + 1, 1)
    if not isinstance(body, str):
        raise CorpusError("a JSON article needs a string field 'text'", path, first_line + 1, 1)
    published = None
    if "date" in record:
        published = parse_published(record["date"], path, first_line + 1, 1)
    sourcemap = _json_text_map(raw, body, first_line)
    return Article(article_id, _whole(body).replace("\r\n", "\n"), published,
                   title=_whole(str(record.get("title") or "")),
                   source=_whole(str(record.get("source") or "")), path=path, sourcemap=sourcemap)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _whole(value: str) -> str:
    """A JSON escape can hold half a character ("\\ud800"): no encoder downstream (UTF-8 output,
    SQLite, RE2) accepts one, so it becomes U+FFFD, one character for one."""
    return _LONE_SURROGATE.sub("\ufffd", value)


def _json_text_map(raw: str, body: str, first_line: int) -> SourceMap:
    """Find the string literal of the "text" field in the raw JSON, to report file positions."""
    for m in re.finditer(r'"text"\s*:\s*"', raw):
        start = m.end()
        end = _literal_end(raw, start)
        try:
            if json.loads(raw[start - 1:end + 1]) != body:
                continue
        except json.JSONDecodeError:
            continue
        line, column = _line_col(raw, start)
        return JsonStringMap(first_line + line, column, raw[start:end])
    return SourceMap(first_line + 1, 1)


def _literal_end(raw: str, start: int) -> int:
    i = start
    while i < len(raw) and raw[i] != '"':
        i += 2 if raw[i] == "\\" else 1
    return i


def parse_published(value, path: str, line: int, column: int) -> date:
    """A publication date: YYYY-MM-DD, or an ISO timestamp whose date part is taken."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if "T" in text or " " in text:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        return date.fromisoformat(text)
    except ValueError:
        raise CorpusError(f"publication date {text!r} is not a valid YYYY-MM-DD date",
                          path, line, column) from None


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _field_line(text: str, limit: int, name: str) -> tuple[int, int]:
    m = re.search(rf"^{name}\s*:\s*", text[:limit], re.M)
    return _line_col(text, m.end()) if m else (1, 1)

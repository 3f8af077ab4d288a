"""A cache of extracted claims in an embedded SQLite file (`.claimcheck/cache.sqlite`), keyed by
the article's content, the rule pack and claimcheck's version: an unchanged corpus re-checks
without re-extracting.

Two tables: `claims` maps an article's content key to its claims; `files` maps a file whose
size, modification time and inode have not changed to the articles it held and their claims, so
an unchanged file is not even read again (a fresh clone, with new times, still reuses `claims`).

Claims are stored as JSON, never pickled: a cache file that came with a repository must not be
able to run code.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from datetime import date
from functools import lru_cache
from pathlib import Path

from claimcheck import __version__
from claimcheck.model import Article, Claim, DateValue, QuantityValue, Span

SCHEMA = 1


class ClaimCache:
    def __init__(self, path: str | Path, pack_digest: str):
        self.path = Path(path)
        self.salt = f"{SCHEMA}\0{__version__}\0{pack_digest}\0"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA synchronous = OFF")  # a cache: losing the last write to a power cut is fine
        self.db.execute("CREATE TABLE IF NOT EXISTS claims (key TEXT PRIMARY KEY, payload TEXT NOT NULL)")
        self.db.execute("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, stamp TEXT NOT NULL, "
                        "payload TEXT NOT NULL)")
        self.hits = self.misses = 0

    def key(self, article: Article) -> str:
        parts = (self.salt, article.id, article.path, article.title, article.source,
                 article.published.isoformat() if article.published else "", article.text,
                 repr(article.locate(0)))
        return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, list[Claim]]:
        found: dict[str, list[Claim]] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            rows = self.db.execute(
                f"SELECT key, payload FROM claims WHERE key IN ({','.join('?' * len(chunk))})", chunk)
            for key, payload in rows:
                try:
                    found[key] = [_claim(d) for d in json.loads(payload)]
                except (ValueError, KeyError, TypeError):
                    continue  # a damaged entry is a miss, not an error
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def put_many(self, entries: dict[str, list[Claim]]) -> None:
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO claims (key, payload) VALUES (?, ?)",
                                [(k, json.dumps([_record(c) for c in v])) for k, v in entries.items()])

    def restore_files(self, stamps: dict[str, str]) -> dict[str, list[tuple[Article, list[Claim]]]]:
        """Articles and claims of every file whose stamp is unchanged since put_files: one pass
        over the table, and only matching rows are decoded."""
        found = {}
        for path, stamp, payload in self.db.execute("SELECT path, stamp, payload FROM files"):
            if stamps.get(path) != stamp:
                continue
            try:
                found[path] = [(restore_article(r, path), [_claim(d) for d in r["claims"]])
                               for r in json.loads(payload)]
            except (ValueError, KeyError, TypeError):
                continue  # a damaged entry: the file is read again
        return found

    def put_files(self, entries: dict[str, tuple[str, list[tuple[Article, list[Claim]]]]]) -> None:
        rows = [(path, stamp, json.dumps([{**article_record(a), "claims": [_record(c) for c in claims]}
                                          for a, claims in items]))
                for path, (stamp, items) in entries.items()]
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO files (path, stamp, payload) VALUES (?, ?, ?)",
                                rows)

    def stamp(self, path: str, article_id: str) -> str | None:
        """What says a file is unchanged without reading it: its stat, the id it is read under,
        the pack and the version."""
        try:
            info = os.stat(path)
        except OSError:
            return None
        return f"{self.salt}{article_id}\0{info.st_mtime_ns}:{info.st_size}:{info.st_ino}:{info.st_dev}"

    def close(self) -> None:
        self.db.close()


def article_record(article: Article) -> dict:
    return {"id": article.id, "published": article.published.isoformat() if article.published else None,
            "title": article.title, "source": article.source}


def restore_article(record: dict, path: str) -> Article:
    """An article known from the cache: its metadata, but not its text (its claims come from the
    cache as well, and nothing after extraction needs the text of an article without
    suppression comments; files with such comments are never restored this way)."""
    published = date.fromisoformat(record["published"]) if record["published"] else None
    return Article(record["id"], "", published, record["title"], record["source"], path)


def _record(claim: Claim) -> dict:
    v = claim.value
    value = ({"d": [v.start.isoformat(), v.end.isoformat(), v.granularity]} if isinstance(v, DateValue)
             else {"q": [v.low, v.high, v.unit, v.base_low, v.base_high, v.base_unit, v.dimension]})
    s = claim.span
    return {"t": claim.claim_type, "v": value, "s": [s.article, s.start, s.end, s.line, s.column,
                                                     s.text, s.file],
            "x": claim.sentence, "e": list(claim.entities), "k": claim.key, "n": claim.tense,
            "h": list(claim.hedges), "a": claim.attribution,
            "p": claim.published.isoformat() if claim.published else None, "o": claim.ordinal}


def _claim(d: dict) -> Claim:
    v = d["v"]
    if "d" in v:
        start, end, granularity = v["d"]
        value = _restore(DateValue, start=_day(start), end=_day(end), granularity=granularity)
    else:
        low, high, unit, base_low, base_high, base_unit, dimension = v["q"]
        value = _restore(QuantityValue, low=float(low), high=float(high), unit=unit,
                         base_low=float(base_low), base_high=float(base_high), base_unit=base_unit,
                         dimension=dimension)
    article, start, end, line, column, text, file = d["s"]
    span = _restore(Span, article=article, start=start, end=end, line=line, column=column,
                    text=text, file=file)
    return _restore(Claim, claim_type=d["t"], value=value, span=span, sentence=d["x"],
                    entities=tuple(d["e"]), key=d["k"], tense=d["n"], hedges=tuple(d["h"]),
                    attribution=d["a"], published=_day(d["p"]) if d["p"] else None, ordinal=d["o"])


def _restore(cls, **fields):
    """Rebuild a frozen dataclass from fields this module wrote itself. The generated __init__
    sets each field through object.__setattr__, which made restoring a large corpus slower than
    reading it; every field is given here, so nothing is skipped."""
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj


_day = lru_cache(maxsize=4096)(date.fromisoformat)

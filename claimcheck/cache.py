"""A cache of extracted claims in an embedded SQLite file (`.claimcheck/cache.sqlite`), keyed by
the article's content, the rule pack and claimcheck's version: an unchanged corpus re-checks
without re-extracting.

Claims are stored as JSON, never pickled: a cache file that came with a repository must not be
able to run code.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date
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
        self.db.execute("CREATE TABLE IF NOT EXISTS claims (key TEXT PRIMARY KEY, payload TEXT NOT NULL)")
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

    def close(self) -> None:
        self.db.close()


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
    if "d" in d["v"]:
        start, end, granularity = d["v"]["d"]
        value = DateValue(date.fromisoformat(start), date.fromisoformat(end), granularity)
    else:
        low, high, unit, base_low, base_high, base_unit, dimension = d["v"]["q"]
        value = QuantityValue(float(low), float(high), unit, float(base_low), float(base_high),
                              base_unit, dimension)
    return Claim(d["t"], value, Span(*d["s"]), d["x"], tuple(d["e"]), d["k"], d["n"],
                 tuple(d["h"]), d["a"], date.fromisoformat(d["p"]) if d["p"] else None, d["o"])

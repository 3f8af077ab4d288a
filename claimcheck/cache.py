"""A cache of extracted claims and check results in an embedded SQLite file
(`.claimcheck/cache.sqlite`), keyed by the article's content, the rule pack and claimcheck's
code: an unchanged corpus re-checks without re-extracting.

Four tables: `claims` maps an article's content key to its claims; `articles` and `files` map
a file whose size, modification time and inode have not changed to the articles it held and their
claims, so an unchanged file is not even read again (a fresh clone, with new times, still reuses
`claims`);
`articles` also keeps each article's story signature (claimcheck/stories.py), since a restored
article has no text to compute it from. `results` maps the stamps of a whole corpus, and the checks as configured, to the engine's
findings, so a corpus in which nothing changed is not checked again and its claims are only
decoded if a report shows them.

Everything is stored as JSON, never pickled: a cache file that came with a repository must not be
able to run code.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

import claimcheck
from claimcheck import __version__
from claimcheck.engine.result import EngineResult
from claimcheck.model import (SCOPES, SEVERITIES, Article, Claim, DateValue, Finding, Location,
                              QuantityValue, Span, built)
from claimcheck.sourcemap import SourceMap
from claimcheck.versions import installed_versions

SCHEMA = 6   # the tables' layout; a file with another is emptied and laid out again
TABLES = {
    "claims": "key TEXT PRIMARY KEY, salt TEXT NOT NULL, payload TEXT NOT NULL",
    "files": "path TEXT PRIMARY KEY, claims TEXT NOT NULL",
    # the file's stamp on each of its articles: restoring is one pass over this table
    "articles": "path TEXT NOT NULL, position INTEGER NOT NULL, stamp TEXT NOT NULL, id TEXT NOT NULL, "
                "published TEXT, title TEXT NOT NULL, source TEXT NOT NULL, claims INTEGER NOT NULL, "
                "line INTEGER NOT NULL, column INTEGER NOT NULL, terms TEXT NOT NULL, content TEXT NOT NULL, "
                "PRIMARY KEY (path, position)",
    "results": "key TEXT PRIMARY KEY, payload TEXT NOT NULL",
}
KEPT_RESULTS = 16   # results of the most recent corpora; older ones are dropped
DEPENDENCIES = ("dateparser", "pint", "lark", "google-re2", "PyYAML",   # extraction
                "datasketch", "snowballstemmer", "stop-words")                # story signatures   # their versions key the cache too


class CacheDamaged(sqlite3.DatabaseError):
    """An entry that no longer decodes, found after the run relied on it: like any other failure
    of the database, the run is done again without the cache, and the stored files are
    forgotten so that the next run stores them afresh."""



def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

class ClaimCache:
    def __init__(self, path: str | Path, pack_digest: str):
        self.path = Path(path)
        self.salt = f"{SCHEMA}\0{__version__}\0{code_digest()}\0{pack_digest}\0"
        self.salt_id = hashlib.sha256(self.salt.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path)
        try:
            self._lay_out()
        except sqlite3.Error:
            self.db.close()
            raise
        self.hits = self.misses = 0
        self._encoded: dict[int, tuple[list[Claim], str]] = {}   # remember_encoded
        # content key → encoded story signature, of articles stored under a stamp their file no
        # longer has: a touched file whose content did not change needs no signing (restore_files)
        self.earlier_signatures: dict[str, str] = {}

    def _lay_out(self) -> None:
        self.db.execute("PRAGMA synchronous = OFF")  # a cache: losing the last write to a power cut is fine
        if self.db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:
            with self.db:
                for table in TABLES:
                    self.db.execute(f"DROP TABLE IF EXISTS {table}")
                self.db.execute(f"PRAGMA user_version = {SCHEMA}")
        for table, columns in TABLES.items():
            self.db.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")

    def forget_files(self) -> None:
        """Drop every stored file and result (after a damaged one was found); claims by content
        stay, so the next run re-reads the files but rarely re-extracts them."""
        with self.db:
            for table in ("files", "articles", "results"):
                self.db.execute(f"DELETE FROM {table}")

    def key(self, article: Article, digest: str | None = None) -> str:
        """The article's content key. `digest`: text_digest(article.text), for an article whose
        text is no longer at hand (a Dask worker read it and sent it back without)."""
        parts = (self.salt, article.id, article.path, article.title, article.source,
                 article.published.isoformat() if article.published else "",
                 text_digest(article.text) if digest is None else digest, repr(article.locate(0)))
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
        """Claims stored under another pack or another version of claimcheck can never be read
        again: they go when new ones come, or every edit of a rule would grow the file by a
        corpus's worth."""
        if not entries:
            return
        with self.db:
            self.db.execute("DELETE FROM claims WHERE salt != ?", (self.salt_id,))
            self.db.executemany("INSERT OR REPLACE INTO claims (key, salt, payload) VALUES (?, ?, ?)",
                                [(k, self.salt_id, self.encoded(v)) for k, v in entries.items()])

    def remember_encoded(self, claims: list[Claim], payload: str) -> None:
        """`payload`: encoded(claims), computed elsewhere (by the extraction worker that found
        them, in parallel), kept until stored so the parent does not encode them again."""
        self._encoded[id(claims)] = (claims, payload)

    def encoded(self, claims: Sequence[Claim]) -> str:
        """One article's claims as stored: a JSON list of records."""
        known = self._encoded.get(id(claims))
        if known is not None and known[0] is claims:
            return known[1]
        return encode_claims(claims)

    def restore_files(self, stamps: dict[str, str | None]) \
            -> dict[str, list[tuple[Article, "StoredClaims", str, str]]]:
        """Articles of every file whose stamp is unchanged since put_files (in no particular
        order), each with its claims, its story signature still encoded (decode_signature) and
        its content key (key()): one pass over the articles, and nothing is decoded but their
        dates."""
        payloads = _Payloads(self.db)
        self.earlier_signatures = {}
        files: dict[str, _StoredFile] = {}
        found: dict[str, list[tuple[Article, StoredClaims, str]]] = {}
        damaged = set()
        for path, stamp, position, article_id, published, title, source, count, line, column, terms, \
                content in self.db.execute("SELECT path, stamp, position, id, published, title, "
                                           "source, claims, line, column, terms, content FROM articles"):
            if stamps.get(path) != stamp:
                if path in stamps:   # touched, perhaps with the same content: see earlier_signatures
                    self.earlier_signatures[content] = terms
                continue
            if path not in files:
                files[path] = _StoredFile(path, payloads)
            try:
                article = restore_article(article_id, published, title, source, path,
                                          (int(line), int(column)))
                claims = StoredClaims(files[path], int(position), int(count))
                if not isinstance(terms, str) or not isinstance(content, str):
                    raise TypeError("signature")
            except (ValueError, TypeError):
                damaged.add(path)  # the file is read again
                continue
            found.setdefault(path, []).append((article, claims, terms, content))
        return {path: items for path, items in found.items() if path not in damaged}

    def put_files(self, entries: dict[str, tuple[str, list[tuple[Article, list[Claim]]]]],
                  signatures: dict[str, tuple[str, ...]], contents: dict[int, str]) -> None:
        """`signatures`: each article's story signature (or as restore_files gave it, encoded), by
        id; `contents`: each article's
        content key (key()), by id() of the article. A file whose name is not valid UTF-8 (it reaches Python with escaped bytes, which SQLite
        cannot store as text) is left out: it is read again each time."""
        entries = {path: entry for path, entry in entries.items()
                   if _storable(path, *(a.id for a, _ in entry[1]))}
        files = [(path, "[" + ", ".join(self.encoded(claims) for _, claims in items) + "]")
                 for path, (_, items) in entries.items()]
        articles = [(path, position, stamp, a.id, a.published.isoformat() if a.published else None,
                     a.title, a.source, len(claims), *a.locate(0),
                     _encoded(signatures.get(a.id, ())), contents[id(a)])
                    for path, (stamp, items) in entries.items()
                    for position, (a, claims) in enumerate(items)]
        with self.db:
            self.db.executemany("DELETE FROM articles WHERE path = ?", [(p,) for p in entries])
            self.db.executemany("INSERT OR REPLACE INTO files (path, claims) VALUES (?, ?)", files)
            self.db.executemany("INSERT INTO articles (path, position, stamp, id, published, title, "
                                "source, claims, line, column, terms, content) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                articles)

    def stamp(self, path: str, article_id: str) -> str | None:
        """What says a file is unchanged without reading it: its stat (the change time too, so a
        file made readable again counts as changed), the path as given and the id it is read
        under (findings name both), the pack and the code."""
        try:
            info = os.stat(path)
        except OSError:
            return None
        return (f"{self.salt_id}\0{path}\0{article_id}\0{info.st_mtime_ns}:{info.st_ctime_ns}:"
                f"{info.st_size}:{info.st_ino}:{info.st_dev}")

    def result_key(self, stamps: list[str | None], checks: Sequence, settings: str = "") -> str | None:
        """What the engine's result depends on: every article of the corpus (`stamps`: their
        content keys, key(), so that a file touched or checked out again with the same content
        keeps the result), the checks as configured (turned off, given another severity or
        confidence threshold) and the `settings` of story grouping. None when one is missing:
        then there is nothing to key on."""
        if any(s is None for s in stamps):
            return None
        configured = "\0".join(f"{c.id}={c.severity}:{c.within}:{c.min_confidence}"
                               for c in checks) + f"\0{settings}"
        digest = hashlib.sha256(f"{self.salt}{configured}\0".encode("utf-8", "surrogatepass"))
        for s in stamps:
            digest.update(s.encode("utf-8", "surrogatepass") + b"\n")
        return digest.hexdigest()

    def result(self, key: str) -> EngineResult | None:
        row = self.db.execute("SELECT payload FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            data = json.loads(row[0])
            claims = [_claim(c) for c in data["claims"]]
            findings = [built(Finding, rule=f["r"], severity=f["s"], scope=f["c"], message=f["m"],
                                 locations=tuple(Location(*x) for x in f["l"]),
                                 claims=tuple(claims[i] for i in f["k"]), fingerprint=f["f"],
                                 confidence=f["y"], confidence_reason=f["w"], lowered_from=f["o"])
                        for f in data["findings"]]
            skipped = {rule: (int(n), str(why)) for rule, (n, why) in data["skipped"].items()}
            coverage, stories = dict(data["coverage"]), dict(data["stories"])
        except (ValueError, KeyError, TypeError, IndexError):
            return None  # a damaged entry: the checks run again
        if any(f.severity not in SEVERITIES or f.scope not in SCOPES for f in findings):
            return None  # damaged too: no reporter knows what to make of it
        return EngineResult(findings, skipped, coverage, stories)

    def put_result(self, key: str, result: EngineResult) -> None:
        """Each claim is stored once, however many findings name it (a conflict lists its
        partners, and they have findings of their own)."""
        index: dict[int, int] = {}
        claims = []
        for f in result.findings:
            for c in f.claims:
                if id(c) not in index:
                    index[id(c)] = len(claims)
                    claims.append(_record(c))
        findings = [{"r": f.rule, "s": f.severity, "c": f.scope, "m": f.message, "f": f.fingerprint,
                     "l": [[x.article, x.line, x.column, x.start, x.end, x.text, x.file, x.story]
                           for x in f.locations],
                     "k": [index[id(c)] for c in f.claims], "y": f.confidence,
                     "w": f.confidence_reason, "o": f.lowered_from} for f in result.findings]
        payload = json.dumps({"claims": claims, "findings": findings, "skipped": result.skipped,
                              "coverage": result.coverage, "stories": result.stories})
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO results (key, payload) VALUES (?, ?)", (key, payload))
            self.db.execute("DELETE FROM results WHERE rowid NOT IN "
                            "(SELECT rowid FROM results ORDER BY rowid DESC LIMIT ?)", (KEPT_RESULTS,))

    def close(self) -> None:
        self.db.close()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A hash of claimcheck's own source and of its parsing dependencies' versions: a changed
    extractor or engine must not be answered from a cache it filled before, even when the
    version number stayed the same (a checkout under development)."""
    digest = hashlib.sha256()
    versions = installed_versions(DEPENDENCIES)
    for package in DEPENDENCIES:  # extraction also depends on how they parse
        if package in versions:
            digest.update(f"{package}={versions[package]}\0".encode())
    root = Path(claimcheck.__file__).parent
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".lark")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


class _Payloads:
    """The encoded claims of every stored file, fetched in one query the first time any is
    needed: a warm check whose result is cached never needs them."""

    def __init__(self, db: sqlite3.Connection):
        self.db, self.by_path = db, None

    def take(self, path: str) -> str:
        if self.by_path is None:
            self.by_path = dict(self.db.execute("SELECT path, claims FROM files"))
        return self.by_path.pop(path)


class _StoredFile:
    """One file's claims, decoded on first use, for all its articles at once."""

    __slots__ = ("path", "payloads", "decoded")

    def __init__(self, path: str, payloads: _Payloads):
        self.path, self.payloads, self.decoded = path, payloads, None

    def claims(self, index: int, count: int) -> list[Claim]:
        try:
            if self.decoded is None:
                self.decoded = [[_claim(d) for d in group]
                                for group in json.loads(self.payloads.take(self.path))]
            claims = self.decoded[index]
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise CacheDamaged(f"damaged entry for {self.path} ({exc})") from None
        if len(claims) != count:
            raise CacheDamaged(f"damaged entry for {self.path} ({len(claims)} claims, not {count})")
        return claims


class StoredClaims(Sequence):
    """One restored article's claims: their number is known at once, the claims when read."""

    __slots__ = ("_file", "_index", "_count")

    def __init__(self, file: _StoredFile, index: int, count: int):
        self._file, self._index, self._count = file, index, count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, i):
        return self._file.claims(self._index, self._count)[i]

    def __iter__(self) -> Iterator[Claim]:
        return iter(self._file.claims(self._index, self._count))


class ClaimList(Sequence):
    """The corpus's claims in article order. Groups restored from the cache are decoded on first
    use: a warm check whose result is cached needs only their number."""

    def __init__(self, groups: list[Sequence[Claim]]):
        self._groups: list[Sequence[Claim]] | None = groups
        self._count = sum(map(len, groups))
        self._items: list[Claim] | None = None

    def load(self) -> list[Claim]:
        if self._items is None:
            self._items = [c for group in self._groups for c in group]
            self._groups = None
        return self._items

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, i):
        return self.load()[i]

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.load())

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)


def _encoded(signature: tuple[str, ...] | str) -> str:
    """A signature as stored; one taken from the cache is stored as it came."""
    return signature if isinstance(signature, str) else json.dumps(list(signature))


def decode_signature(raw: str) -> tuple[str, ...]:
    """A story signature restore_files gave encoded; it is decoded only when stories are
    grouped, which a warm check whose result is cached never does."""
    try:
        terms = json.loads(raw)
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise TypeError("not a list of terms")
    except (ValueError, TypeError) as exc:
        raise CacheDamaged(f"damaged story signature ({exc})") from None
    return tuple(map(sys.intern, terms))   # interned: a corpus repeats its words


def _storable(*texts: str) -> bool:
    try:
        for text in texts:
            text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def restore_article(article_id: str, published: str | None, title: str, source: str,
                    path: str, start: tuple[int, int]) -> Article:
    """An article known from the cache: its metadata and where its text starts in the file, but
    not its text (its claims come from the cache as well, and nothing after extraction needs the
    text of an article without suppression comments; files with such comments are never
    restored this way)."""
    return built(Article, id=article_id, text="", published=_day(published) if published else None,
                    title=title, source=source, path=path, sourcemap=SourceMap(*start))


def encode_claims(claims: Sequence[Claim]) -> str:
    """An article's claims as the cache stores them (JSON, never pickled)."""
    return json.dumps([_record(c) for c in claims])


def _record(claim: Claim) -> dict:
    v = claim.value
    value = ({"d": [v.start.isoformat(), v.end.isoformat(), v.granularity]} if isinstance(v, DateValue)
             else {"q": [v.low, v.high, v.unit, v.base_low, v.base_high, v.base_unit, v.dimension]})
    s = claim.span
    return {"t": claim.claim_type, "v": value, "s": [s.article, s.start, s.end, s.line, s.column,
                                                     s.text, s.file],
            "x": claim.sentence, "e": list(claim.entities), "k": claim.key, "n": claim.tense,
            "h": list(claim.hedges), "a": claim.attribution,
            "p": claim.published.isoformat() if claim.published else None, "o": claim.ordinal,
            "f": [claim.event, list(claim.participants), claim.place, claim.measure], "w": claim.twin}


def _claim(d: dict) -> Claim:
    v = d["v"]
    if "d" in v:
        start, end, granularity = v["d"]
        value = built(DateValue, start=_day(start), end=_day(end), granularity=granularity)
    else:
        low, high, unit, base_low, base_high, base_unit, dimension = v["q"]
        value = built(QuantityValue, low=float(low), high=float(high), unit=unit,
                         base_low=float(base_low), base_high=float(base_high), base_unit=base_unit,
                         dimension=dimension)
    article, start, end, line, column, text, file = d["s"]
    span = built(Span, article=article, start=start, end=end, line=line, column=column,
                    text=text, file=file)
    event, participants, place, measure = d["f"]
    return built(Claim, claim_type=d["t"], value=value, span=span, sentence=d["x"],
                    entities=tuple(d["e"]), key=d["k"], tense=d["n"], hedges=tuple(d["h"]),
                    attribution=d["a"], published=_day(d["p"]) if d["p"] else None, ordinal=d["o"],
                    event=event, participants=tuple(participants), place=place, measure=measure,
                    twin=d.get("w"))


_day = lru_cache(maxsize=4096)(date.fromisoformat)

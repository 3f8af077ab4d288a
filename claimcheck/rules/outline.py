"""A rule pack known from its outline: what a check run reads of a pack before its checks run.

Loading a pack parses its YAML and tables and compiles and type-checks every expression (lark,
pint): most of the start-up of a re-check whose result the cache already holds, which needs only
the pack's digest and each check's id, severity and description. Once a pack has loaded, that
outline is stored as JSON in `.claimcheck/packs/`, keyed by the rule files' bytes and claimcheck's
code; the next run with the same files takes it from there and loads the pack itself only when
something needs its vocabulary, facts or compiled checks. The digest is recomputed from the files
each time (the tables a pack reads are listed in the outline), so an edited table is seen.

JSON, never pickled: a cache folder that came with a repository cannot run code.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from claimcheck import __version__
from claimcheck.errors import ClaimcheckError
from claimcheck.rules.pack import configured_checks

KEPT_OUTLINES = 8    # outlines of the most recently used packs; older ones are removed
MAX_RULE_FILE_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class CheckOutline:
    """A check's fields that say what it is, without its compiled expressions."""
    id: str
    description: str
    severity: str
    scope: str
    claim_types: tuple[str, ...]
    message_text: str
    path: str
    line: int
    within: str = "story"
    min_confidence: float | None = None
    short: str = ""             # the check's one-sentence summary (RulePack's Check.short)
    compare_by: str = "key"


class OutlinedPack:
    """Stands for a RulePack: `digest`, `files` and `checks` (outlines) at once; the vocabulary,
    the facts and the compiled checks (`loaded()`) load the pack from its files on first use."""

    def __init__(self, paths: list[str], digest: str, files: tuple[str, ...],
                 checks: tuple[CheckOutline, ...], settings: tuple = ((), {}, None)):
        self.paths, self.digest, self.files, self.checks = paths, digest, files, checks
        self._settings = settings
        self._pack = None

    def loaded(self):
        if self._pack is None:
            from claimcheck.rules.loader import load_pack
            self._pack = load_pack(self.paths).configured(*self._settings)
        return self._pack

    @property
    def vocabulary(self):
        return self.loaded().vocabulary

    @property
    def facts(self):
        return self.loaded().facts

    def check(self, check_id: str):
        return self.loaded().check(check_id)

    def configured(self, disable: tuple[str, ...] = (), severity: dict | None = None,
                   min_confidence: float | None = None) -> "OutlinedPack":
        """As RulePack.configured, on the outlines; the loaded pack is configured alike."""
        severity = severity or {}
        checks = configured_checks(self.checks, disable, severity, min_confidence)
        return OutlinedPack(self.paths, self.digest, self.files, checks,
                            (tuple(disable), dict(severity), min_confidence))

    def selected(self, keep: set[str]) -> "OutlinedPack":
        """Only the checks in `keep` (--select, --ignore); the loaded pack alike."""
        disable, severity, min_confidence = self._settings
        dropped = tuple(c.id for c in self.checks if c.id not in keep)
        return OutlinedPack(self.paths, self.digest, self.files,
                            tuple(c for c in self.checks if c.id in keep),
                            (tuple(disable) + dropped, severity, min_confidence))


def load_outlined(paths: list[str], folder: str | Path):
    """The pack of `paths`: outlined when `folder` holds its outline, else loaded (and its
    outline stored). Anything unusual (an unreadable or oversized file, a damaged outline, a
    folder that cannot be written) is left to the loader, which reports it as it always has."""
    from claimcheck.rules.files import rule_files
    files = rule_files(paths)
    texts = _texts(files)
    key = _key(files, texts) if texts is not None else None
    entry = Path(folder) / f"{key}.json" if key else None
    if entry is not None:
        outlined = _read_outline(entry, paths, files, texts)
        if outlined is not None:
            return outlined
    from claimcheck.rules.loader import load_pack
    pack = load_pack(paths)
    if entry is not None:
        _write_outline(entry, pack, files)
    return pack


def _texts(files: list[Path]) -> list[str] | None:
    texts = []
    for file in files:
        try:
            data = file.read_bytes()
            if len(data) > MAX_RULE_FILE_BYTES:
                return None
            texts.append(data.decode("utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            return None
    return texts


def _key(files: list[Path], texts: list[str]) -> str:
    from claimcheck.cache import code_digest
    digest = hashlib.sha256(f"{__version__}\0{code_digest()}\0".encode())
    for file, text in zip(files, texts):
        digest.update(os.fsencode(str(file)) + b"\0" + text.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()[:24]


def _pack_digest(files: list[Path], texts: list[str], tables: list[list[str]]) -> str:
    """The digest the loader computes (loader.load_pack), from the tables the outline lists."""
    digest = hashlib.sha256()
    for file, text, names in zip(files, texts, tables):
        digest.update(os.fsencode(str(file)) + b"\0" + text.encode("utf-8", "surrogateescape"))
        for name in names:
            try:
                digest.update(b"\0table\0" + (file.parent / name).read_bytes())
            except OSError:
                pass
    return digest.hexdigest()[:16]


def _read_outline(entry: Path, paths: list[str], files: list[Path], texts: list[str]):
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
        tables = [[str(n) for n in names] for names in data["tables"]]
        if len(tables) != len(files) or data["files"] != [str(f) for f in files]:
            return None
        checks = tuple(CheckOutline(str(c["id"]), str(c["description"]), str(c["severity"]),
                                    str(c["scope"]), tuple(map(str, c["claim_types"])),
                                    str(c["message_text"]), str(c["path"]), int(c["line"]),
                                    str(c["within"]),
                                    None if c["min_confidence"] is None else float(c["min_confidence"]),
                                    str(c["short"]), str(c["compare_by"]))
                       for c in data["checks"])
        pack_files = tuple(map(str, data["pack_files"]))
        digest = str(data["digest"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if _pack_digest(files, texts, tables) != digest:
        return None   # a table the pack reads has changed: load it again
    try:
        os.utime(entry)   # recently used: kept when old outlines are pruned
    except OSError:
        pass
    return OutlinedPack(paths, digest, pack_files, checks)


def _write_outline(entry: Path, pack, files: list[Path]) -> None:
    from claimcheck.atomic import write_atomic
    data = {"files": [str(f) for f in files], "digest": pack.digest,
            "pack_files": list(pack.files),
            "tables": [_tables_of(f, pack) for f in files],
            "checks": [{"id": c.id, "description": c.description, "severity": c.severity,
                        "scope": c.scope, "claim_types": list(c.claim_types),
                        "message_text": c.message_text, "path": c.path, "line": c.line,
                        "within": c.within, "min_confidence": c.min_confidence, "short": c.short,
                        "compare_by": c.compare_by}
                       for c in pack.checks]}
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, json.dumps(data))
        stored = sorted(entry.parent.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in stored[KEPT_OUTLINES:]:
            old.unlink()
    except (OSError, ClaimcheckError):  # not stored: that only costs the next run its time
        pass


def _tables_of(file: Path, pack) -> list[str]:
    return list(pack.tables.get(str(file), ()))

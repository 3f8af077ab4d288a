"""Find article files under the paths given and load them, turning bad files into warnings."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field

from claimcheck.corpus import stdin
from claimcheck.corpus.formats import ARTICLE_SUFFIXES, parse_article
from claimcheck.corpus.ignore import FileFilter, Note, project_file
from claimcheck.errors import CorpusError, UsageError
from claimcheck.guard import failure, lost
from claimcheck.model import Article

MAX_ARTICLE_BYTES = 32 * 1024 * 1024   # a 20 MB article is checked, not skipped


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
    for article_id, path in discover(paths, result.warnings):
        try:
            loaded = load_file(path, article_id)
        except CorpusError as exc:
            result.warnings.append(exc)
            continue
        result.articles.extend(loaded)
        result.warnings.extend(getattr(loaded, "warnings", ()))
    result.articles.sort(key=lambda a: a.id)
    result.warnings.extend(undated_warnings(result.articles))
    return result


def discover(paths: list[str], problems: list[CorpusError] | None = None,
             files: FileFilter | None = None) -> list[tuple[str, str]]:
    """(article id, path) of every article file under `paths`. An id is the path relative to the
    directory given, with "/" separators; with several paths, relative to the folder they share,
    so "a.txt" in two folders gets two ids. Directory links are not followed, so a link loop
    cannot trap the walk. A folder that cannot be listed, and a folder given that holds no
    article file, go into `problems` as warnings: input is never lost silently. `-` is standard
    input. `files` leaves out what --exclude and .gitignore name (corpus/ignore.py); project
    files (README, LICENSE) are left out with a note."""
    problems = [] if problems is None else problems
    files = files or FileFilter(gitignore=False)
    found: dict[str, str] = {}   # path → id; a file named twice is loaded once
    if stdin.STDIN in paths:
        found[stdin.STDIN] = stdin.NAME
        paths = [p for p in paths if p != stdin.STDIN]
    for root in paths:
        if not os.path.exists(root):
            raise UsageError(f"no such file or directory: {root}", root, 1, 1)
    base = _common_base(paths) if paths else None
    for root in paths:
        if not os.path.isdir(root):
            if project_file(root):
                problems.append(Note("not an article (a project file); skipped", root, 1, 1))
            elif not files.excludes(root, found=False):
                found.setdefault(root, _relative(root, base) if base else os.path.basename(root))
            continue
        before, problems_before = len(found), len(problems)
        for dirpath, dirnames, filenames in os.walk(root, onerror=_unlisted(problems)):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")
                           and not files.excludes(os.path.join(dirpath, d), is_dir=True)]
            folder = _relative(dirpath, base or root)   # once per folder: relpath is slow
            prefix = "" if folder == "." else folder + "/"
            for name in filenames:
                if name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                    path = os.path.join(dirpath, name)
                    if project_file(name):
                        problems.append(Note("not an article (a project file); skipped", path, 1, 1))
                    elif not files.excludes(path):
                        found.setdefault(path, prefix + name)
        if len(found) == before and len(problems) == problems_before:
            problems.append(lost(CorpusError(
                f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in this folder", root, 1, 1)))
    return [(article_id, path) for path, article_id in found.items()]


def _unlisted(problems: list[CorpusError]):
    def report(exc: OSError) -> None:
        problems.append(lost(CorpusError(f"cannot read folder: {exc.strerror or exc}; skipped",
                                         exc.filename or "?", 1, 1)))
    return report


def _common_base(paths: list[str]) -> str | None:
    """The folder ids are relative to: the one directory given, or the folder several share."""
    if len(paths) == 1:
        return paths[0] if os.path.isdir(paths[0]) else None
    folders = [os.path.abspath(p if os.path.isdir(p) else os.path.dirname(p) or ".") for p in paths]
    return os.path.commonpath(folders)


def _relative(path: str, base: str) -> str:
    return os.path.relpath(os.path.abspath(path), os.path.abspath(base)).replace(os.sep, "/")


class Loaded(list):
    """The articles of one file, and `warnings` for records of it that were skipped."""
    warnings: list[CorpusError]


def load_file(path: str, article_id: str) -> list[Article]:
    """The articles of one file. Whatever its content makes go wrong is a CorpusError naming it
    (marked as lost input); a bad record of a JSON Lines file skips that record only."""
    problems: list[CorpusError] = []
    try:
        if path == stdin.STDIN:
            loaded = Loaded(stdin.load())
        else:
            loaded = Loaded(parse_article(read_text(path), article_id, path, problems))
    except Note:
        raise
    except CorpusError as exc:
        raise lost(exc) from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - one file must not end the run
        raise failure(exc, path, what="file") from None
    loaded.warnings = problems
    return loaded


def undated_warnings(articles: list[Article]) -> list[CorpusError]:
    return [CorpusError("no publication date: relative dates in it are left unresolved", a.path,
                        a.locate(0)[0], 1)
            for a in articles if a.published is None]


def read_text(path: str) -> str:
    """Decode one article file: UTF-8 (a BOM is dropped), CRLF and lone CR folded to LF."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise CorpusError(f"cannot read article: {exc.strerror or exc}", path, 1, 1) from None
    if not stat.S_ISREG(info.st_mode):
        raise CorpusError("not a regular file; skipped", path, 1, 1)
    if info.st_size > MAX_ARTICLE_BYTES:
        raise CorpusError(f"article is {info.st_size:,} bytes, over the limit of "
                          f"{MAX_ARTICLE_BYTES:,}; skipped", path, 1, 1)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        raise CorpusError(f"cannot read article: {exc.strerror or exc}", path, 1, 1) from None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise CorpusError("UTF-16 text; re-encode the file as UTF-8", path, 1, 1)
    if b"\x00" in data:
        raise CorpusError("binary file (contains NUL bytes); skipped", path, 1, 1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CorpusError(f"not UTF-8 text (byte 0x{data[exc.start]:02x}); re-encode the file "
                          "as UTF-8", path, line, column) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")

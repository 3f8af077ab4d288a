"""Extraction across processes, in corpus order whatever the scheduling (deterministic output)."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable

from claimcheck.errors import CorpusError
from claimcheck.extract import Extractor
from claimcheck.guard import extract_guarded
from claimcheck.model import Article, Claim

# Below this many articles, starting processes costs more than it saves.
PARALLEL_THRESHOLD = 400
MAX_JOBS = 64
_worker: Extractor | None = None


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


class Extracted(list):
    """The claims of each article; `problems` holds, by index, the warning of each article that
    failed or ran out of its budget (guard.py)."""
    problems: dict[int, CorpusError]


def extract_all(extractor: Extractor, articles: list[Article], jobs: int,
                done: Callable[[int], None] = lambda n: None) -> list[list[Claim]]:
    """The claims of each article, in the order of `articles`, each article guarded. `done(n)`
    is told as articles are finished (the progress bar)."""
    if jobs <= 1 or len(articles) < PARALLEL_THRESHOLD or "fork" not in multiprocessing.get_all_start_methods():
        results = [_counted(extract_guarded(extractor, a), done) for a in articles]
    else:
        global _worker
        _worker = extractor  # inherited by the forked workers: no pickling of compiled patterns
        # never more processes than there is work for, nor than a machine can bear (-j 100000)
        workers = min(jobs, MAX_JOBS, len(articles) // 16 + 1)
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                results = [_counted(r, done) for r in pool.imap(
                    _extract, articles, chunksize=max(16, len(articles) // (workers * 8)))]
        except OSError:  # no processes to be had (a limit on them, no memory): one will do
            results = [_counted(extract_guarded(extractor, a), done) for a in articles]
        finally:
            _worker = None
    out = Extracted(claims for claims, _ in results)
    out.problems = {i: warning for i, (_, warning) in enumerate(results) if warning}
    return out


def _counted(result, done: Callable[[int], None]):
    done(1)
    return result


def _extract(article: Article) -> tuple[list[Claim], CorpusError | None]:
    assert _worker is not None
    return extract_guarded(_worker, article)

"""Extraction across processes, in corpus order whatever the scheduling (deterministic output)."""

from __future__ import annotations

import multiprocessing
import os

from claimcheck.extract import Extractor
from claimcheck.model import Article, Claim

# Below this many articles, starting processes costs more than it saves.
PARALLEL_THRESHOLD = 400
_worker: Extractor | None = None


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def extract_all(extractor: Extractor, articles: list[Article], jobs: int) -> list[list[Claim]]:
    """The claims of each article, in the order of `articles`."""
    if jobs <= 1 or len(articles) < PARALLEL_THRESHOLD or "fork" not in multiprocessing.get_all_start_methods():
        return [extractor.extract(a) for a in articles]
    global _worker
    _worker = extractor  # inherited by the forked workers: no pickling of compiled patterns
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return pool.map(_extract, articles, chunksize=max(16, len(articles) // (jobs * 8)))
    finally:
        _worker = None


def _extract(article: Article) -> list[Claim]:
    assert _worker is not None
    return _worker.extract(article)

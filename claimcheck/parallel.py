"""Extraction across processes, in corpus order whatever the scheduling (deterministic output).

Forked workers inherit the articles and the extractor, so only ranges of indices go out; claims
come back in the compact form of claim_codec.py (tuples of plain values, one pickle per range),
not as dataclasses pickled one by one: at 10k articles, sending articles out and claims back
cost the parent 40% of the extraction it was spreading."""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from claimcheck import claim_codec
from claimcheck.errors import CorpusError
from claimcheck.guard import extract_guarded
from claimcheck.model import Article, Claim

if TYPE_CHECKING:
    from claimcheck.extract import Extractor

# Below this many articles, starting processes costs more than it saves.
PARALLEL_THRESHOLD = 400
MAX_JOBS = 64
WARM_UP = ("Officials said on Monday that the 2,600-mile border talks, first held on Dec. 15, 2021, "
           "will resume next Wednesday in Geneva, three weeks after 120,000 troops were moved.")
_worker: Extractor | None = None
_articles: list[Article] = []
_sign: Callable[[Article], tuple[str, ...]] | None = None
_encode: Callable[[list[Claim]], str] | None = None


def default_jobs() -> int:
    """The cores this process may use that are not busy: on a shared machine, a worker for a
    core another process keeps busy only adds switching. At least one."""
    from claimcheck.cores import free_cores
    return free_cores()


class Extracted(list):
    """The claims of each article; `problems` holds, by index, the warning of each article that
    failed or ran out of its budget (guard.py); `signatures`, each article's story signature
    when a signer was given; `records`, each article's claims encoded when workers encoded them
    (else None)."""
    problems: dict[int, CorpusError]
    signatures: list | None
    records: list[str | None]


def extract_all(extractor: Extractor, articles: list[Article], jobs: int,
                sign: Callable[[Article], tuple[str, ...]] | None = None,
                meanwhile: Callable[[], None] | None = None,
                encode: Callable[[list[Claim]], str] | None = None,
                done: Callable[[int], None] = lambda n: None) -> list[list[Claim]]:
    """The claims of each article, in the order of `articles`, each article guarded; with
    `sign`, each article's story signature too, computed where its claims are (in the workers:
    signing is a fifth of the work per article, and the parent would do it alone). The parent
    runs `meanwhile` while workers extract (not at all without workers). With `encode`, workers
    also return each article's claims encoded for the cache (`records`): the parent would
    otherwise encode them alone, after the workers are done. `done(n)` is told as articles are
    finished (the progress bar)."""
    global _sign, _encode
    _sign = sign
    _encode = encode if jobs > 1 else None
    try:
        if jobs <= 1 or len(articles) < PARALLEL_THRESHOLD or "fork" not in multiprocessing.get_all_start_methods():
            results = []
            for article in articles:
                results.append(_one(extractor, article))
                done(1)
        else:
            results = _in_workers(extractor, articles, jobs, meanwhile, done)
    finally:
        _sign = _encode = None
    out = Extracted(claims for claims, _, _, _ in results)
    out.problems = {i: warning for i, (_, warning, _, _) in enumerate(results) if warning}
    out.signatures = [tuple(map(sys.intern, s)) for _, _, s, _ in results] if sign else None
    out.records = [r for _, _, _, r in results]
    return out


def _one(extractor: Extractor, article: Article) -> tuple:
    claims, warning = extract_guarded(extractor, article)
    return (claims, warning, _sign(article) if _sign is not None else None,
            _encode(claims) if _encode is not None and warning is None else None)


def _in_workers(extractor: Extractor, articles: list[Article], jobs: int,
                meanwhile: Callable[[], None] | None, done: Callable[[int], None]) -> list:
    global _worker, _articles
    # never more processes than there is work for, nor than a machine can bear (-j 100000)
    workers = min(jobs, MAX_JOBS, len(articles) // 16 + 1)
    size = max(16, len(articles) // (workers * 8))
    ranges = [(start, min(start + size, len(articles))) for start in range(0, len(articles), size)]
    _warm(extractor, articles)
    _worker, _articles = extractor, articles   # inherited by the forked workers
    gc.freeze()   # the workers share these pages with the parent until they write to them
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = []
            finished = pool.imap(_extract_range, ranges)
            if meanwhile is not None:
                meanwhile()
            for packed in finished:
                batch = claim_codec.decode(packed)
                results.extend(batch)
                done(len(batch))
            return results
    except OSError:  # no processes to be had (a limit on them, no memory): one will do
        return [_one(extractor, a) for a in articles]
    finally:
        _worker, _articles = None, []


def _warm(extractor: Extractor, articles: list[Article]) -> None:
    """Extract and sign one article in the parent first, so that what loads on first use
    (dateparser and its language data, lazily compiled patterns, the signer's alias pattern and
    stemmer) loads once, before the fork, and not again in each worker."""
    _one(extractor, Article("warm-up", WARM_UP, date(2021, 12, 14)))


def _extract_range(bounds: tuple[int, int]) -> list:
    assert _worker is not None
    start, end = bounds
    return claim_codec.encode([_one(_worker, a) for a in _articles[start:end]])

"""The client side of a Dask run: the stages, and which of them must see the whole corpus.

1. The client lists the files (discover) and cuts the list into partitions.
2. Workers read and extract each partition (work.read_partition), one extractor per worker.
   The partitions stay on the cluster (persisted); the client gathers the articles' metadata,
   claims, story signatures and warnings, for the run's summary and report.
3. Stories are grouped on the client: linking articles into stories needs every signature at
   once (MinHash LSH over the corpus, then union-find), so it is the one global step.
4. Workers key each claim (by its key; a claim without one by its article), foldby gathers each
   key's claims (a tree reduction: no full shuffle), and each key is checked on a worker
   (work.check_group). Checks of `within: story` split a key's group by story there.
5. The client merges the results: findings sorted as the local engine sorts them, coverage
   summed per check. Suppressions and the baseline are applied as in a local run.
"""

from __future__ import annotations

import math
from collections import Counter

from claimcheck.cache import ClaimList
from claimcheck.corpus.loader import discover, undated_warnings
from claimcheck.dask_engine import work
from claimcheck.engine import coverage, run_checks
from claimcheck.engine.runner import EngineResult
from claimcheck.errors import CorpusError
from claimcheck.pipeline import Extraction, Outcome, finish
from claimcheck.progress import Silent
from claimcheck.rules import RulePack
from claimcheck.stories import Stories, StorySettings

FILES_PER_PARTITION = 50        # the fewest files worth a task of their own
PARTITIONS_PER_WORKER = 4       # enough tasks to balance uneven partitions
MOST_FILES_PER_PARTITION = 20_000


def partitions(files: int, workers: int) -> int:
    """How many partitions for `files` on `workers`: a few per worker, none tiny, none huge."""
    wanted = max(PARTITIONS_PER_WORKER * max(workers, 1), math.ceil(files / MOST_FILES_PER_PARTITION))
    return max(1, min(math.ceil(files / FILES_PER_PARTITION), wanted))


def extract_on_dask(paths: list[str], pack: RulePack, client, progress: Silent = Silent()):
    """Stages 1 and 2: the Extraction a local run would have (pipeline.extract_corpus, without
    the cache) and the persisted partitions, for the checks."""
    import dask
    import dask.bag as db
    from dask.distributed import as_completed, futures_of

    warnings: list[CorpusError] = []
    files = discover(paths, warnings)
    workers = len(client.scheduler_info().get("workers", {}))
    listed = [(i, article_id, path) for i, (article_id, path) in enumerate(files)]
    pack_on_cluster = dask.delayed(pack, pure=True)
    reads = db.from_sequence(listed, npartitions=partitions(len(listed), workers)) \
        .map_partitions(work.read_partition, pack_on_cluster).persist()
    done = futures_of(reads)
    progress.stage("extracting on Dask", len(done))
    for _ in as_completed(done):
        progress.advance()
    gathered: list[work.FileRead] = [r for part in dask.compute(*reads.to_delayed()) for r in part]
    return _extraction(gathered, warnings), reads


def _extraction(reads: list[work.FileRead], warnings: list[CorpusError]) -> Extraction:
    """The pieces in the local pipeline's order: articles sorted by id, then warnings as it
    gives them (files in order, articles without a date, extraction problems by article)."""
    items = []
    for read in sorted(reads, key=lambda r: r.order):
        warnings.extend(read.warnings)
        items += zip(read.articles, read.claims, read.signatures, read.problems)
    items.sort(key=lambda item: item[0].id)
    articles = [a for a, _, _, _ in items]
    warnings.extend(undated_warnings(articles))
    warnings.extend(problem for _, _, _, problem in items if problem is not None)
    return Extraction(articles, ClaimList([claims for _, claims, _, _ in items]), warnings, [],
                      {a.id: signature for a, _, signature, _ in items})


def check_on_dask(paths: list[str], pack: RulePack, client, baseline: set[str] | None = None,
                  full: bool = False, stories: StorySettings = StorySettings(),
                  progress: Silent = Silent()) -> Outcome:
    """The Outcome of pipeline.check_corpus, computed on the cluster `client` is connected to."""
    import dask

    extraction, reads = extract_on_dask(paths, pack, client, progress)
    progress.stage("grouping stories")
    grouped = extraction.stories(stories)
    progress.stage("checking on Dask")
    story_of = dask.delayed(grouped.of, pure=True)
    workers = len(client.scheduler_info().get("workers", {}))
    by_key = reads.map_partitions(work.keyed_claims, story_of) \
        .foldby(work.group_key, work.add_to_group, list, work.join_groups, list)
    checked = by_key.repartition(npartitions=max(1, 2 * workers)) \
        .map(work.check_group, dask.delayed(pack, pure=True)).compute()
    result = merge(pack, [r for _, r in sorted(checked, key=lambda kr: kr[0])],
                   extraction.claims, grouped)
    return finish(pack, extraction.articles, extraction.claims, extraction.warnings, result,
                  baseline, full)


def merge(pack: RulePack, results: list[EngineResult], claims, stories: Stories) -> EngineResult:
    """One EngineResult from those of each key, as run_checks over the whole corpus gives it."""
    merged = EngineResult(stories=dict(stories.of))
    checks = run_checks(pack, [], [], stories=Stories()).coverage["checks"]   # every check, at 0
    left_out: dict[str, Counter] = {name: Counter() for name in checks}
    for result in results:
        merged.findings += result.findings
        for rule, (count, reason) in result.skipped.items():
            before, first = merged.skipped.get(rule, (0, reason))
            merged.skipped[rule] = (before + count, first)
        for name, seen in result.coverage["checks"].items():
            checks[name]["claims"] += seen["claims"]
            checks[name]["pairs"] += seen["pairs"]
            left_out[name].update(seen["left_out"])
    for name, entry in checks.items():
        entry["left_out"] = dict(sorted(left_out[name].items()))
    merged.coverage = {"claims_by_type": coverage.claims_by_type(claims),
                       "stories": coverage.stories_summary(stories), "checks": checks}
    merged.findings.sort(key=lambda f: (f.locations[0].article, f.locations[0].start, f.rule))
    return merged

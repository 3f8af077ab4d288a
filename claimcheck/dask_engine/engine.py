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

The claim cache is the client's, as in a local run: unchanged files are restored from it and
not sent to the workers (their claims join the others for the checks), files read are stored,
and the checks' result of an unchanged corpus is taken from it whole.
"""

from __future__ import annotations

import math
from collections import Counter

from claimcheck.cache import ClaimCache, ClaimList, decode_signature
from claimcheck.corpus.loader import discover, undated_warnings
from claimcheck.dask_engine import work
from claimcheck.engine import coverage, run_checks
from claimcheck.engine.runner import EngineResult, without_repeated_twins
from claimcheck.errors import CorpusError
from claimcheck.pipeline import Extraction, Outcome, checked, finish
from claimcheck.progress import Silent
from claimcheck.rules import RulePack
from claimcheck.stories import Stories, StorySettings
from claimcheck.suppress import SUPPRESSION_MARK

FILES_PER_PARTITION = 50        # the fewest files worth a task of their own
PARTITIONS_PER_WORKER = 4       # enough tasks to balance uneven partitions
MOST_FILES_PER_PARTITION = 20_000


def partitions(files: int, workers: int) -> int:
    """How many partitions for `files` on `workers`: a few per worker, none tiny, none huge."""
    wanted = max(PARTITIONS_PER_WORKER * max(workers, 1), math.ceil(files / MOST_FILES_PER_PARTITION))
    return max(1, min(math.ceil(files / FILES_PER_PARTITION), wanted))


def extract_on_dask(paths: list[str], pack: RulePack, client, progress: Silent = Silent(),
                    cache: ClaimCache | None = None):
    """Stages 1 and 2: the Extraction a local run would have (pipeline.extract_corpus) and the
    bag of what was read, kept on the cluster for the checks. With a cache, files unchanged
    since a run stored them are restored on the client, not read, and the rest are stored."""
    import dask.bag as db

    warnings: list[CorpusError] = []
    files = discover(paths, warnings)
    stamps = {path: cache.stamp(path, article_id) for article_id, path in files} if cache else {}
    restored = cache.restore_files(stamps) if cache else {}
    listed = [(i, article_id, path) for i, (article_id, path) in enumerate(files)
              if path not in restored]
    fresh, reads = _read_on_cluster(listed, pack, client, progress) if listed else ([], None)
    kept = [_restored(i, restored[path]) for i, (_, path) in enumerate(files) if path in restored]
    if kept:
        again = db.from_sequence(kept, npartitions=partitions(len(kept), _workers(client)))
        reads = again if reads is None else db.concat([reads, again])
    extraction = _extraction(fresh + kept, warnings)
    if cache:
        # each article's content key (cache.key): restored with its file, else computed here
        contents = {id(a): content for items in restored.values() for a, _, _, content in items}
        contents.update((id(a), cache.key(a, digest)) for read in fresh
                        for a, digest in zip(read.articles, read.digests))
        _store(cache, fresh, stamps, files, extraction.signatures, contents)
        if len(warnings) == len(undated_warnings(extraction.articles)):   # nothing went wrong
            extraction.stamps = [contents[id(a)] for a in extraction.articles]
    return extraction, reads


def _workers(client) -> int:
    return len(client.scheduler_info().get("workers", {}))


def _read_on_cluster(listed, pack: RulePack, client, progress: Silent):
    """Read and extract `listed` files on the workers; (what they gave, the persisted bag)."""
    import dask
    import dask.bag as db
    from dask.distributed import as_completed, futures_of

    pack_on_cluster = dask.delayed(pack, pure=True)
    reads = db.from_sequence(listed, npartitions=partitions(len(listed), _workers(client))) \
        .map_partitions(work.read_partition, pack_on_cluster).persist()
    done = futures_of(reads)
    progress.stage("extracting on Dask", len(done))
    for _ in as_completed(done):
        progress.advance()
    return [r for part in dask.compute(*reads.to_delayed()) for r in part], reads


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


def _restored(order: int, items: list) -> work.FileRead:
    """A file restored from the cache, as a worker would have read it."""
    return work.FileRead(order, [a for a, _, _, _ in items], [list(c) for _, c, _, _ in items],
                         [decode_signature(t) for _, _, t, _ in items], [], [None] * len(items))


def _store(cache: ClaimCache, fresh: list[work.FileRead], stamps: dict, files: list,
           signatures: dict, contents: dict[int, str]) -> None:
    """Files read whole and well go into the cache, as extract_corpus stores them: not those
    with a warning, an article cut short, or a suppression comment (whose text is needed)."""
    paths = [path for _, path in files]
    cache.put_files({paths[r.order]: (stamps[paths[r.order]], list(zip(r.articles, r.claims)))
                     for r in fresh
                     if stamps.get(paths[r.order]) and not r.warnings and r.articles
                     and not any(r.problems)
                     and not any(SUPPRESSION_MARK in a.text for a in r.articles)}, signatures, contents)


def check_on_dask(paths: list[str], pack: RulePack, client, baseline: set[str] | None = None,
                  full: bool = False, stories: StorySettings = StorySettings(),
                  progress: Silent = Silent(), cache: ClaimCache | None = None) -> Outcome:
    """The Outcome of pipeline.check_corpus, computed on the cluster `client` is connected to.
    With a cache, the checks' result of a corpus in which nothing changed is taken from it."""
    extraction, reads = extract_on_dask(paths, pack, client, progress, cache)
    result = checked(extraction, pack, cache, stories, progress, "checking on Dask",
                     lambda grouped: merge(pack, _check_on_cluster(reads, grouped, pack, client),
                                           extraction.claims, grouped))
    return finish(pack, extraction.articles, extraction.claims, extraction.warnings, result,
                  baseline, full)


def _check_on_cluster(reads, grouped: Stories, pack: RulePack, client) -> list[EngineResult]:
    """Stage 4: each key's EngineResult, in the order of the keys."""
    import dask

    if reads is None:   # no article at all
        return []
    story_of = dask.delayed(grouped.of, pure=True)
    by_key = reads.map_partitions(work.keyed_claims, story_of) \
        .foldby(work.group_key, work.add_to_group, list, work.join_groups, list)
    checked = by_key.repartition(npartitions=max(1, 2 * _workers(client))) \
        .map(work.check_group, dask.delayed(pack, pure=True)).compute()
    return [result for _, result in sorted(checked, key=lambda kr: kr[0])]


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
    merged.findings = without_repeated_twins(merged.findings, pack)   # said by key and by twin
    merged.findings.sort(key=lambda f: (f.locations[0].article, f.locations[0].start, f.rule))
    return merged

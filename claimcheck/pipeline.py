"""The one way through: corpus → extract → engine → suppressions and baseline. Plain functions;
the CLI adds files and flags."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass, field

from claimcheck.baseline import split_by_baseline
from claimcheck.cache import ClaimCache, ClaimList, decode_signature, encode_claims
from claimcheck.corpus.ignore import FileFilter, Note
from claimcheck.corpus.stdin import STDIN
from claimcheck.corpus.loader import discover, load_file, undated_warnings
from claimcheck.errors import CorpusError, suggestion
from claimcheck.model import SEVERITIES, Article, Claim, Finding, severity_rank
from claimcheck.parallel import extract_all
from claimcheck.progress import Silent
from claimcheck.rules import RulePack
from claimcheck.stories import Stories, StorySettings, group as group_stories, signer
from claimcheck.stories import prepare as prepare_stories
from claimcheck.suppress import SUPPRESSION_MARK, apply_suppressions


@dataclass
class Outcome:
    articles: list[Article]
    claims: Sequence[Claim]
    findings: list[Finding]
    warnings: list[CorpusError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    suppressed: int = 0
    baselined: int = 0
    coverage: dict = field(default_factory=dict)    # what was not checked (engine/coverage.py)
    stories: dict[str, str] = field(default_factory=dict)   # article id → story id

    def failing(self, fail_on: str) -> list[Finding]:
        return [f for f in self.findings if severity_rank(f.severity) >= severity_rank(fail_on)]

    def summary(self, fail_on: str) -> dict:
        counts = {s: 0 for s in reversed(SEVERITIES)}
        for f in self.findings:
            counts[f.severity] += 1
        return {"articles": len(self.articles), "claims": len(self.claims),
                "findings": len(self.findings), "by_severity": counts, "fail_on": fail_on,
                "failing": len(self.failing(fail_on)), "suppressed": self.suppressed,
                "baselined": self.baselined, "warnings": len(self.warnings),
                "coverage": self.coverage}

    def as_dict(self, fail_on: str, pack: RulePack | None = None, full: bool = False) -> dict:
        """The findings' dict form every reporter reads. `rules` describes the checks that ran;
        `full` adds every claim and article, for reports that show more than the findings."""
        out = {"findings": [f.as_dict() for f in self.findings], "summary": self.summary(fail_on)}
        if pack is not None:
            out["rules"] = {c.id: {"description": c.description, "summary": c.short,
                                   "severity": c.severity,
                                   "scope": c.scope, "claim_types": list(c.claim_types),
                                   "path": c.path, "line": c.line} for c in pack.checks}
        if full:
            out["claims"] = [c.as_dict() for c in self.claims]
            out["articles"] = [{"id": a.id, "file": a.path, "title": a.title, "source": a.source,
                                "published": a.published.isoformat() if a.published else None,
                                "story": self.stories.get(a.id)}
                               for a in self.articles]
        return out


@dataclass
class Extraction:
    """`stamps` has each article's content key (ClaimCache.key), to key the checks' result by;
    it is empty without a cache, and when a file could not be read (it may be readable next time
    with the same content).
    `signatures`: each article's story signature, by id (claimcheck/stories.py); those restored
    from the cache stay encoded until stories are grouped."""
    articles: list[Article]
    claims: ClaimList
    warnings: list[CorpusError]
    stamps: list[str | None]
    signatures: dict[str, tuple[str, ...] | str] = field(default_factory=dict)

    def stories(self, settings: StorySettings = StorySettings()) -> Stories:
        decoded = {k: decode_signature(v) if isinstance(v, str) else v
                   for k, v in self.signatures.items()}
        return group_stories(self.articles, decoded, settings)


def extract_corpus(paths: list[str], pack: RulePack, jobs: int = 1,
                   cache: ClaimCache | None = None, skip: FileFilter | None = None,
                   progress: Silent = Silent()) -> Extraction:
    """Load and extract. With a cache, unchanged files are not read, and only articles whose
    content it has not seen are extracted. `skip`: files not to read (--exclude, .gitignore);
    `progress` hears of each file and article done."""
    warnings: list[CorpusError] = []
    files = discover(paths, warnings, skip)
    progress.stage("reading", len(files))
    stamps = {path: cache.stamp(path, article_id) if path != STDIN else None   # never stamped
              for article_id, path in files} if cache else {}
    restored = cache.restore_files(stamps) if cache else {}
    items: list[tuple[Article, Sequence[Claim] | None]] = []   # claims None: not known yet
    read: dict[str, list[Article]] = {}
    signatures: dict[str, tuple[str, ...] | str] = {}
    contents: dict[int, str] = {}   # id() of an article → its content key
    unsigned: list[Article] = []   # signed where they are extracted, or after
    for article_id, path in files:
        progress.advance()
        if path in restored:
            for article, claims, signature, content in restored[path]:
                items.append((article, claims))
                signatures[article.id] = signature
                contents[id(article)] = content
            continue
        try:
            loaded = load_file(path, article_id)
        except CorpusError as exc:
            if not exc.message.endswith("skipped"):
                exc.message += "; article skipped"
            warnings.append(exc)
            continue
        items.extend((a, None) for a in loaded)
        unsigned.extend(loaded)
        skipped = getattr(loaded, "warnings", ())   # bad records of a JSON Lines file
        warnings.extend(skipped)
        if not skipped:
            read[path] = loaded
    items.sort(key=lambda item: item[0].id)
    articles = [a for a, _ in items]
    undated = undated_warnings(articles)
    warnings.extend(undated)
    gc.freeze()  # the corpus lives as long as the run: keep the collector from rescanning it

    unknown = [i for i, (_, claims) in enumerate(items) if claims is None]
    keys = {i: cache.key(articles[i]) for i in unknown} if cache else {}
    contents.update((id(articles[i]), k) for i, k in keys.items())
    cached = cache.get_many(list(keys.values())) if cache else {}
    todo = [i for i in unknown if keys.get(i) not in cached]
    fresh = {}
    if cache:   # a touched file with unchanged content keeps its signature
        for a in unsigned:
            earlier = cache.earlier_signatures.get(contents.get(id(a), ""))
            if earlier is not None:
                signatures[a.id] = earlier
        unsigned = [a for a in unsigned if a.id not in signatures]
    # the pack's vocabulary is only needed once a file is read
    sign = signer(pack.vocabulary) if unsigned else None
    if todo:  # building an extractor compiles its patterns: not worth it for a warm run
        from claimcheck.extract import Extractor   # late: a warm run needs neither
        progress.stage("extracting", len(todo))
        extracted = extract_all(Extractor(pack.vocabulary), [articles[i] for i in todo], jobs, sign,
                                meanwhile=prepare_stories, encode=encode_claims if cache else None,
                                done=progress.advance)
        fresh = dict(zip(todo, extracted))
        for claims, record in zip(extracted, getattr(extracted, "records", ())):
            if record is not None and cache:
                cache.remember_encoded(claims, record)
        signatures.update(zip((articles[i].id for i in todo), extracted.signatures))
        # articles that failed or ran out of budget: warned about, never cached
        problems = getattr(extracted, "problems", {})
        troubled = {todo[i] for i in problems}
        warnings.extend(problems[i] for i in sorted(problems))
        todo = [i for i in todo if i not in troubled]
        unsure = {id(articles[i]) for i in troubled}
        read = {p: loaded for p, loaded in read.items() if not any(id(a) in unsure for a in loaded)}
    signatures.update((a.id, sign(a)) for a in unsigned if a.id not in signatures)
    per_article = [claims if claims is not None else fresh[i] if i in fresh else cached[keys[i]]
                   for i, (_, claims) in enumerate(items)]
    if cache:
        cache.put_many({keys[i]: fresh[i] for i in todo})
        by_article = dict(zip(map(id, articles), per_article))
        cache.put_files({path: (stamps[path], [(a, by_article[id(a)]) for a in loaded])
                         for path, loaded in read.items()
                         if stamps.get(path) and not any(SUPPRESSION_MARK in a.text for a in loaded)},
                        signatures, contents)
    gc.freeze()
    complete = cache is not None and sum(not isinstance(w, Note) for w in warnings) == len(undated)
    return Extraction(articles, ClaimList(per_article), warnings,
                      [contents[id(a)] for a in articles] if complete else [], signatures)


def check_corpus(paths: list[str], pack: RulePack, baseline: set[str] | None = None, jobs: int = 1,
                 cache: ClaimCache | None = None, full: bool = False,
                 stories: StorySettings = StorySettings(), skip: FileFilter | None = None,
                 progress: Silent = Silent()) -> Outcome:
    """Extract and check. With a cache, the checks' result for a corpus in which nothing changed
    is taken from it; `full` decodes every claim here, for reports that show them, so that a
    damaged cache entry still surfaces where the run can be redone without the cache."""
    extraction = extract_corpus(paths, pack, jobs, cache, skip, progress)
    articles, claims = extraction.articles, extraction.claims
    result = checked(extraction, pack, cache, stories, progress, "checking",
                     lambda grouped: run_checks(pack.loaded(), articles, claims, stories=grouped))
    return finish(pack, articles, claims, extraction.warnings, result, baseline, full)


def checked(extraction: Extraction, pack: RulePack, cache: ClaimCache | None,
            stories: StorySettings, progress: Silent, stage: str, run):
    """The checks' result: the cache's, when it holds one for this corpus and configuration, else
    `run(stories grouped)`'s, stored for the next run (also on Dask, claimcheck/dask_engine)."""
    key = cache.result_key(extraction.stamps, pack.checks, stories.describe()) \
        if cache and extraction.stamps else None
    result = cache.result(key) if key else None
    if result is None:
        progress.stage("grouping stories")
        grouped = extraction.stories(stories)
        progress.stage(stage)
        result = run(grouped)
        if key:
            cache.put_result(key, result)
    return result


def finish(pack: RulePack, articles: list[Article], claims: ClaimList, warnings: list[CorpusError],
           result, baseline: set[str] | None, full: bool) -> Outcome:
    """The checks' result, with suppressions and the baseline applied (also the last step of a
    run on Dask, claimcheck/dask_engine)."""
    if full:
        claims.load()
    findings, unused = apply_suppressions(articles, result.findings)
    suppressed = len(result.findings) - len(findings)
    known = [c.id for c in pack.checks]
    warnings += [CorpusError(_unused_message(s.rule, known), s.path, s.line, s.column) for s in unused]
    baselined = 0
    if baseline is not None:
        findings, baselined = split_by_baseline(findings, baseline)
    return Outcome(articles, claims, findings, warnings, result.notes(), suppressed, baselined,
                   result.coverage, result.stories)


def run_checks(*args, **kwargs):
    """The engine's run_checks, imported on first call: a result the cache holds needs no
    engine (nor the expression runtime and pint it loads)."""
    from claimcheck.engine.runner import run_checks as run
    return run(*args, **kwargs)


def _unused_message(rule: str, known: list[str]) -> str:
    if rule in known:
        return f"suppression of '{rule}' matched no finding"
    return f"suppression names no check '{rule}'{suggestion(rule, known)}"

"""What runs on the workers. Pure functions of their arguments (Dask names tasks by them), each
taking a whole partition or one group, so that heavy objects are built once per worker.

* `read_partition`: read a partition of files and extract their articles, as the local pipeline
  does (pipeline.extract_corpus), guarded per article. An article goes back to the client
  without its text (the claims and the position of its start are all that is needed later),
  except when it holds a suppression comment, which the client applies.
* `keyed_claims`: each claim with what its checks need of its article (metadata, story id,
  story signature), under the key it is grouped by, and again under its twin.
* `check_group`: every check on the claims of one key (or one twin, for the checks that
  compare twins). All claims that one check could ever compare share a key, or a twin (article
  and corpus scope both group so first; stories only split a group further), so checking a
  group's claims alone gives exactly the findings a corpus-wide run gives for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimcheck.cache import text_digest
from claimcheck.corpus.loader import load_file
from claimcheck.engine import run_checks
from claimcheck.errors import CorpusError
from claimcheck.extract import Extractor
from claimcheck.guard import extract_guarded
from claimcheck.model import Article, Claim, built
from claimcheck.sourcemap import SourceMap
from claimcheck.stories import Stories, signer
from claimcheck.suppress import SUPPRESSION_MARK

NO_KEY = "\x00"     # claims without a key are grouped by article, under this prefix: no key has it
TWIN = "\x01"       # and every claim once more among its twins, under this one
_extractors: dict[str, Extractor] = {}


@dataclass
class FileRead:
    """One file as a worker read it: `order` is its place in the corpus's file list."""
    order: int
    articles: list[Article]
    claims: list[list[Claim]]
    signatures: list[tuple[str, ...]]
    warnings: list[CorpusError]          # the file could not be read, or records were skipped
    problems: list[CorpusError | None]   # per article: extraction failed or was cut short
    digests: list[str] = field(default_factory=list)   # per article: cache.text_digest of its text


def extractor_for(pack) -> Extractor:
    """The worker's extractor for this rule pack, built on its first partition (it compiles
    every pattern of the pack) and kept for the next ones."""
    found = _extractors.get(pack.digest)
    if found is None:
        _extractors.clear()
        found = _extractors[pack.digest] = Extractor(pack.vocabulary)
    return found


def read_partition(files: list[tuple[int, str, str]], pack) -> list[FileRead]:
    """(order, article id, path) of each file → what reading and extracting it gave."""
    extractor, sign = extractor_for(pack), signer(pack.vocabulary)
    out = []
    for order, article_id, path in files:
        try:
            loaded = load_file(path, article_id)
        except CorpusError as exc:
            if not exc.message.endswith("skipped"):
                exc.message += "; article skipped"
            out.append(FileRead(order, [], [], [], [exc], []))
            continue
        signatures = [sign(a) for a in loaded]
        results = [extract_guarded(extractor, a) for a in loaded]
        out.append(FileRead(order, [_without_text(a) for a in loaded],
                            [claims for claims, _ in results], signatures,
                            list(getattr(loaded, "warnings", ())), [w for _, w in results],
                            [text_digest(a.text) for a in loaded]))
    return out


def _without_text(article: Article) -> Article:
    """The article as the cache restores it (claimcheck.cache.restore_article): everything but
    its text, which only suppression comments need after extraction."""
    if SUPPRESSION_MARK in article.text:
        return article
    return built(Article, id=article.id, text="", published=article.published,
                 title=article.title, source=article.source, path=article.path,
                 sourcemap=SourceMap(*article.locate(0)))


def keyed_claims(reads: list[FileRead], story_of: dict[str, str]) -> list[tuple[str, tuple]]:
    out = []
    for read in reads:
        for article, claims, signature in zip(read.articles, read.claims, read.signatures):
            story = story_of[article.id]
            for claim in claims:
                member = (claim, article, story, signature)
                out.append((claim.key if claim.key is not None else NO_KEY + article.id, member))
                # and once among its twins, for the checks that compare copies of a sentence
                out.append((TWIN + (claim.twin if claim.twin is not None else NO_KEY + article.id),
                            member))
    return out


def group_key(item: tuple[str, tuple]) -> str:
    return item[0]


def add_to_group(group: list, item: tuple[str, tuple]) -> list:
    """foldby's binop: a fresh list per key and partition (foldby's initial is `list`), so
    appending in place is safe and linear."""
    group.append(item[1])
    return group


def join_groups(a: list, b: list) -> list:
    a.extend(b)
    return a


def check_group(item: tuple[str, list[tuple]], pack) -> tuple[str, object]:
    """(key, EngineResult) of every check over the claims of one key: the checks that compare
    claims by key (and each claim alone) in a key's group, those that compare twins in a twin's."""
    key, members = item
    twins = key.startswith(TWIN)
    only = {c.id for c in pack.checks if (c.compare_by == "twin") == twins}
    members = sorted(members, key=lambda m: (m[0].span.article, m[0].span.start, m[0].span.end))
    articles = {article.id: article for _, article, _, _ in members}
    stories = Stories({article.id: story for _, article, story, _ in members},
                      {article.id: signature for _, article, _, signature in members})
    result = run_checks(pack, list(articles.values()), [m[0] for m in members], only=only,
                        stories=stories)
    result.stories = {}
    return key, result

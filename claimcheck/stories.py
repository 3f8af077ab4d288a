"""Stories: the articles that cover one news event, across outlets and days.

Two reports of one event share few word 3-grams but many salient terms: the names of the
parties, the place, the figures and the rarer content words. So an article's signature is the set
of those terms (stemmed, stop words left out, entity aliases folded into the entity's id, names
counted twice), and two articles join a story when the exact Jaccard similarity of their sets
reaches a threshold and they were published within a window of each other. MinHash signatures
(fixed seed and number of permutations, so runs agree) and MinHashLSH find the candidate pairs in
about linear time; each candidate is verified by exact Jaccard, and union-find makes the stories.

Decisions:
* links are direct only within the window, but a story may chain across it (day 1 ↔ day 6 ↔ day
  11), as coverage of a lasting event does;
* an undated article cannot be placed in a window: it is a story of its own;
* a story's id is the id of its first article (by publication date, then id), so it reads as a
  path and does not depend on the order articles were given in.

Signatures are computed from the text; the claim cache keeps them, because articles restored
from it have no text.
"""

from __future__ import annotations

import re
import sys
import threading
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from claimcheck.model import Article

NAME_WEIGHT = 2   # a name counts this many times in the set: "Xi", "Geneva" say more than "talks"
# Words every report has, whatever its event: reporting verbs and the calendar (the day of a
# meeting is what conflicting reports disagree about, not what tells their event).
_BOILERPLATE = frozenset("""
    say said says told tell tells report reported reports reporter reporters according official
    officials spokesman spokeswoman spokesperson statement news agency added adding
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week weekend
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
_TOKEN = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?|\d[\d,.]*\d|\d")
_SPACE = re.compile(r"[ \t]*\n[ \t]*(?!\n)|[ \t]+")   # a line break inside a paragraph is a space
_SENTENCE_END = re.compile(r"[.!?:\"“”]\s*$|^\s*$")


@dataclass(frozen=True)
class StorySettings:
    """How articles are grouped. `threshold` is the exact Jaccard similarity of two articles'
    term sets that links them; `window_days` the most days between their publication dates.

    The default threshold leans to linking: on the tests' articles, two outlets' reports of one
    event score 0.15–0.35 and reports of other events about the same country under 0.05, while
    the sample corpus's three-sentence articles about one build-up link at 0.11. Very short
    articles that share only two country names can reach 0.1; confidence (engine/confidence.py)
    is the second line against such pairs."""
    window_days: int = 7
    threshold: float = 0.1
    num_perm: int = 128
    seed: int = 1

    def describe(self) -> str:
        return f"stories:{self.window_days}:{self.threshold}:{self.num_perm}:{self.seed}"


@dataclass
class Stories:
    """Which story each article is in, and how alike two articles are (for confidence)."""
    of: dict[str, str] = field(default_factory=dict)                 # article id → story id
    terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # signatures, by id

    def story(self, article_id: str) -> str | None:
        return self.of.get(article_id)

    def same(self, a: str, b: str) -> bool:
        story = self.of.get(a)
        return story is not None and story == self.of.get(b)

    def similarity(self, a: str, b: str) -> float | None:
        """Exact Jaccard similarity of two articles' term sets; None when one is unknown."""
        if a == b:
            return 1.0
        ta, tb = self.terms.get(a), self.terms.get(b)
        if ta is None or tb is None:
            return None
        return jaccard(ta, tb)

    def sizes(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for story in self.of.values():
            counts[story] = counts.get(story, 0) + 1
        return counts


def signer(vocabulary) -> Callable[[Article], tuple[str, ...]]:
    """signature() with a rule pack's entities (a claimcheck.vocab.Vocabulary), built once."""
    tables: list = []

    def sign(article: Article) -> tuple[str, ...]:
        if not tables:   # built on first use: a warm run restores every signature
            tables.extend((vocabulary.alias_pattern(),
                           {alias: e.id for alias, e in vocabulary.entity_by_alias().items()}))
        return signature(article, *tables)
    return sign


def of_articles(articles: Sequence[Article], vocabulary,
                settings: StorySettings = StorySettings()) -> Stories:
    """Stories of articles that still have their text (not restored from the cache)."""
    sign = signer(vocabulary)
    return group(articles, {a.id: sign(a) for a in articles}, settings)


def jaccard(a: Sequence[str], b: Sequence[str]) -> float:
    """Exact Jaccard similarity of two signatures (sequences without repeats)."""
    if not a and not b:
        return 0.0
    common = len(set(a).intersection(b))
    return common / (len(a) + len(b) - common)


def signature(article: Article, aliases: re.Pattern | None = None,
              canonical: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The article's salient terms, sorted: what its story is recognised by. `aliases` (a regex
    over entity names) and `canonical` (alias → entity id) fold "Moscow" and "the Kremlin" into
    one term."""
    text = _SPACE.sub(" ", f"{article.title}.\n{article.text}" if article.title else article.text)
    terms: set[str] = set()
    if aliases is not None and canonical:
        def fold(match: re.Match) -> str:
            entity = canonical.get(match.group(0))
            if entity is not None:
                _add_name(terms, "@" + entity.lower())
            return " "
        text = aliases.sub(fold, text)
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if token[0].isdigit():
            digits = token.replace(",", "")
            if len(digits) >= 2:
                _add_name(terms, "#" + digits)
            continue
        word = token.lower().replace("’", "'").removesuffix("'s").strip("'.-")
        if len(word) < 3 or word in _stop_words() or word in _BOILERPLATE:
            continue
        if token[0].isupper() and not _SENTENCE_END.search(text[max(0, match.start() - 3):match.start()]):
            _add_name(terms, word)
        else:
            terms.add(_stem(word))
    return tuple(sorted(map(sys.intern, terms)))   # interned: a corpus repeats its words


def group(articles: Sequence[Article], signatures: Mapping[str, Iterable[str]],
          settings: StorySettings = StorySettings()) -> Stories:
    """Stories of a corpus: every article gets one (alone, if nothing is like it)."""
    terms = {a.id: tuple(signatures.get(a.id, ())) for a in articles}
    dated = sorted((a for a in articles if a.published is not None and terms[a.id]),
                   key=lambda a: a.id)
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in _candidates(dated, terms, settings):
        if find(a) != find(b) and jaccard(terms[a], terms[b]) >= settings.threshold:
            ra, rb = find(a), find(b)
            parent[max(ra, rb)] = min(ra, rb)
    first: dict[str, Article] = {}
    for a in sorted(articles, key=_first):
        first.setdefault(find(a.id), a)
    return Stories({a.id: first[find(a.id)].id for a in articles}, terms)


def _candidates(articles: list[Article], terms: Mapping[str, Sequence[str]],
                settings: StorySettings) -> Iterable[tuple[str, str]]:
    """Pairs worth verifying, each once: articles that share an LSH bucket (a band of their
    MinHash signatures) and were published within the window. Inside a bucket, in publication
    order, each article is paired with the one before it only, so a bucket of a thousand
    reports of one big event costs a thousand checks, not half a million; union-find links the
    rest. Banding runs on the signatures as one numpy array, with the bands and rows that
    MinHashLSH chooses for the threshold (its own index answers one query at a time, and a
    query returns the whole bucket)."""
    n = len(articles)
    if n < 2:
        return
    import numpy as np   # late, as datasketch: a warm re-check never needs them
    MinHash, MinHashLSH = _datasketch()

    lsh = MinHashLSH(num_perm=settings.num_perm, params=_bands(settings, MinHashLSH))
    by_time = sorted(range(n), key=lambda i: (articles[i].published, articles[i].id))
    # row i: the i-th article to appear; MinHash values fit in 32 bits (datasketch masks them)
    signatures = np.empty((n, settings.num_perm), dtype=np.uint32)
    sets = ([t.encode("utf-8", "surrogatepass") for t in terms[articles[i].id]] for i in by_time)
    for row, minhash in enumerate(MinHash.generator(sets, num_perm=settings.num_perm,
                                                    seed=settings.seed, hashfunc=_term_hash())):
        signatures[row] = minhash.hashvalues
    days = np.array([articles[i].published.toordinal() for i in by_time])
    rank = np.arange(n)
    found = []
    for start, end in lsh.hashranges:
        band = np.ascontiguousarray(signatures[:, start:end])
        keys = band.view(np.dtype((np.void, band.dtype.itemsize * (end - start)))).ravel()
        _, bucket = np.unique(keys, return_inverse=True)
        order = np.lexsort((rank, bucket.ravel()))
        first, second = order[:-1], order[1:]
        linked = (bucket.ravel()[first] == bucket.ravel()[second]) \
            & (days[second] - days[first] <= settings.window_days)
        found.append(first[linked].astype(np.int64) * n + second[linked])
    for code in np.unique(np.concatenate(found)).tolist():
        earlier, later = divmod(code, n)
        yield articles[by_time[earlier]].id, articles[by_time[later]].id


WEIGHTS = (0.3, 0.7)   # MinHashLSH's weights of false positives and negatives: a missed link
                       # costs more than a Jaccard check
# The bands and rows MinHashLSH chooses (datasketch.lsh._optimal_param) for WEIGHTS, by
# (threshold, num_perm): choosing integrates with scipy, whose import takes a second. Settings
# not listed are chosen by MinHashLSH itself. test_stories checks every entry against datasketch.
BANDS = {
    (0.05, 128): (47, 1), (0.1, 128): (22, 1), (0.15, 128): (64, 2), (0.2, 128): (44, 2),
    (0.25, 128): (28, 2), (0.3, 128): (42, 3), (0.35, 128): (36, 3), (0.4, 128): (32, 4),
    (0.45, 128): (32, 4), (0.5, 128): (25, 5),
}


def _bands(settings: StorySettings, MinHashLSH) -> tuple[int, int]:
    """(bands, rows) of the LSH index for `settings`."""
    known = BANDS.get((settings.threshold, settings.num_perm))
    if known is not None:
        return known
    try:
        lsh = MinHashLSH(threshold=settings.threshold, num_perm=settings.num_perm, weights=WEIGHTS)
        return lsh.b, lsh.r
    except ValueError:
        # a threshold near 1 with few permutations leaves MinHashLSH one band, which it refuses:
        # two bands of half the rows each still find every pair over the threshold
        return 2, settings.num_perm // 2


def prepare() -> None:
    """Import what grouping needs (numpy and datasketch), so that it can be done while extraction
    workers run, not after them."""
    _term_hash()


_IMPORTING = threading.Lock()


def _datasketch():
    """datasketch's MinHash and MinHashLSH, imported without scipy.integrate.

    datasketch.lsh imports scipy.integrate at its top (a second: it loads scipy.optimize and
    scipy.special) for one use: integrating, in MinHashLSH, the error of each choice of bands
    and rows for a threshold, which BANDS spares for the usual settings. While datasketch is
    imported, scipy.integrate is a stand-in whose `quad` imports the real one when called, so
    MinHashLSH still chooses for any other setting, as it always has. When scipy.integrate or
    datasketch is loaded already, nothing is stood in for."""
    with _IMPORTING:
        if "datasketch" not in sys.modules and "scipy.integrate" not in sys.modules:
            stand_in = types.ModuleType("scipy.integrate", "stands in while datasketch is imported")
            stand_in.quad = _quad
            sys.modules["scipy.integrate"] = stand_in
            try:
                import datasketch  # noqa: F401
            finally:
                if sys.modules.get("scipy.integrate") is stand_in:
                    del sys.modules["scipy.integrate"]
    from datasketch import MinHash, MinHashLSH
    return MinHash, MinHashLSH


def _quad(*args, **kwargs):
    from scipy.integrate import quad   # the real one: the stand-in is gone once datasketch is in
    return quad(*args, **kwargs)


@lru_cache(maxsize=1)
def _term_hash() -> Callable[[bytes], int]:
    """datasketch's own term hash, remembered: a corpus hashes the same words again and again."""
    _datasketch()
    from datasketch.hashfunc import sha1_hash32
    return lru_cache(maxsize=1 << 18)(sha1_hash32)


def _first(article: Article) -> tuple:
    return article.published is None, article.published or date.min, article.id


def _add_name(terms: set[str], name: str) -> None:
    terms.add(name)
    for i in range(2, NAME_WEIGHT + 1):
        terms.add(f"{name}~{i}")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from stop_words import get_stop_words   # late, as the stemmer: a warm re-check signs nothing
    return frozenset(get_stop_words("en"))


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """Stemming is the costly part of a signature, and news repeats its words."""
    return _stemmer().stemWord(word)

"""The extractor: sentences → temporal and numeric mentions → typed, keyed claims.

It never raises on article content: anything it cannot read is simply not a claim.
"""

from __future__ import annotations

from bisect import bisect_right

from claimcheck.extract import tense as tenses
from claimcheck.extract.attribution import attribution_of
from claimcheck.extract.entities import EntityIndex, Mention, clause_bounds
from claimcheck.extract.ordinals import ordinal_near
from claimcheck.extract.quantities import QuantityFinder, QuantityMention
from claimcheck.extract.sentences import Sentence, split_sentences
from claimcheck.extract.superlatives import RankMention, SuperlativeFinder
from claimcheck.extract.temporal import TimeExpression, find_time_expressions
from claimcheck.extract.units import COUNT, UNIT_WORDS
from claimcheck.model import Article, Claim, DateValue, QuantityValue, Span
from claimcheck.vocab import ClaimType, Vocabulary

GENERIC = {"quantity": "quantity", "date": "date"}


class Extractor:
    """Built once per rule pack (its regexes are compiled here), then applied to any number of articles."""

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        nouns = set(vocabulary.count_nouns)
        for ct in vocabulary.claim_types:
            nouns.update(u for u in ct.units if u not in UNIT_WORDS)
        self.quantities = QuantityFinder(tuple(sorted(nouns)))
        self.entities = EntityIndex(vocabulary)
        self.superlatives = SuperlativeFinder({ct.id for ct in vocabulary.claim_types})  # world#11

    def extract(self, article: Article) -> list[Claim]:
        """Claims in text order. Each finder runs once over the whole text (regexes are cheap,
        Python per sentence is not); mentions are then handed to the sentence they fall in."""
        text = article.text
        sentences = split_sentences(text)
        if not sentences:
            return []
        starts = [s.start for s in sentences]
        markers: dict[int, list] = {}

        def tense_at(start: int, end: int) -> str:
            index = bisect_right(starts, start) - 1
            sentence = sentences[index]
            if index not in markers:  # only sentences that hold a claim need their verbs read
                markers[index] = tenses.markers(sentence.text)
            return tenses.tense_at(markers[index], start - sentence.start, end - sentence.start)

        times = find_time_expressions(text, article.published, tense_at)
        taken = [(t.start, t.end) for t in times]
        quantities = [q for q in self.quantities.find(text)
                      if not any(q.start < e and s < q.end for s, e in taken)]
        # world#11: superlatives ("the longest land border in the world") are rank claims
        ranks = self.superlatives.find(text)
        by_sentence: dict[int, list] = {}
        for mention in sorted([*times, *quantities, *ranks], key=lambda m: m.start):
            by_sentence.setdefault(bisect_right(starts, mention.start) - 1, []).append(mention)
        if not by_sentence:
            return []

        claims: list[Claim] = []
        when = article.published  # world#11: leaders stand for a country only while in office
        previous: list[Mention] = self.entities.mentions(article.title, when)
        for index, sentence in enumerate(sentences):
            found = by_sentence.get(index)
            if found is None and index + 1 not in by_sentence:
                continue  # neither this sentence nor the next needs its entities
            mentions = self.entities.mentions(sentence.text, when)
            if found:
                attribution = attribution_of(sentence.text)
                for mention in found:
                    claims.append(self._claim(article, sentence, mention,
                                              tense_at(mention.start, mention.end), mentions,
                                              previous, attribution))
            if mentions:
                previous = mentions
        return claims

    def _claim(self, article: Article, sentence: Sentence, mention, tense: str, mentions, previous,
               attribution) -> Claim:
        """`mention` is placed in the article; `lo`, `hi` place it in its sentence."""
        text = sentence.text
        lo, hi = mention.start - sentence.start, mention.end - sentence.start
        if isinstance(mention, TimeExpression):
            value = DateValue(mention.first, mention.last, mention.granularity)
            hedges: tuple[str, ...] = ()
        elif isinstance(mention, RankMention):  # world#11
            value, hedges = _rank_value(mention), ()
        else:
            value = _quantity_value(mention)
            hedges = (mention.hedge,) if mention.hedge else ()
        left, right = clause_bounds(text, lo, hi)
        clause = text[left:right]
        near = [m for m in mentions if left <= m.start < right]
        claim_type = self._rank_type(mention) or self._claim_type(value, clause, lo - left, hi - left)
        key, entities = self._key(claim_type, near, mentions, previous)
        if claim_type is None and value.kind == "quantity" and value.dimension == COUNT:
            key = _count_key(value.unit, (near, mentions, previous), self.entities)
        ordinal = ordinal_near(clause, self.entities.trigger_pattern(claim_type)) if claim_type else None
        line, column = article.locate(mention.start)
        return Claim(
            claim_type=claim_type.id if claim_type else GENERIC[value.kind],
            value=value,
            span=Span(article.id, mention.start, mention.end, line, column, mention.text,
                      article.path),
            sentence=text,
            entities=entities,
            key=key,
            tense=tense,
            hedges=hedges,
            attribution=attribution,
            published=article.published,
            ordinal=ordinal,
        )

    def _rank_type(self, mention) -> ClaimType | None:  # world#11
        if not isinstance(mention, RankMention):
            return None
        return next(ct for ct in self.vocabulary.claim_types if ct.id == mention.claim_type)

    def _claim_type(self, value, clause: str, lo: int, hi: int) -> ClaimType | None:
        """`lo`, `hi`: where the value sits in the clause."""
        for ct in self.vocabulary.claim_types:
            if ct.kind != value.kind:
                continue
            if value.kind == "quantity":
                if ct.units and value.unit in ct.units:
                    return ct
                if ct.dimension and _same_dimension(ct.dimension, value.dimension) and ct.triggers and (
                        self.entities.has_trigger(ct, clause)):
                    return ct
            elif self.entities.has_trigger(ct, _near(clause, lo, hi)):
                return ct
        return None

    def _key(self, claim_type: ClaimType | None, near: list[Mention], mentions: list[Mention],
             previous: list[Mention]) -> tuple[str | None, tuple[str, ...]]:
        """The key comes from the clause, else the sentence, else the sentence before
        ("The two leaders will meet on Wednesday" after a sentence that names them)."""
        entities = tuple(dict.fromkeys(m.entity.id for m in (near or mentions)))
        if claim_type is None or not claim_type.key:
            return None, entities
        for pool in (near, mentions, previous):
            members = self.entities.key_members(claim_type, pool)
            if members:
                return f"{claim_type.id}:{'|'.join(members)}", entities
        return None, entities


DATE_TRIGGER_BEFORE, DATE_TRIGGER_AFTER = 60, 40


def _near(clause: str, start: int, end: int) -> str:
    """The words around a date that may name what it dates: "will hold talks on Thursday",
    "met over the weekend", but not "on Tuesday confirmed that … will meet on Wednesday"."""
    return clause[max(0, start - DATE_TRIGGER_BEFORE):start] + " " + clause[end:end + DATE_TRIGGER_AFTER]


def _count_key(noun: str, pools: tuple[list[Mention], ...], index: EntityIndex) -> str | None:
    """Counts with no claim type ("12,000 refugees") still have a key: the noun and the countries
    named with it (in the clause, else the sentence, else the sentence before), so the generic
    conflict check can compare them across articles."""
    for mentions in pools:
        countries = index.key_members(GENERIC_COUNT, mentions)
        if countries:
            return f"quantity:{noun}:{'|'.join(countries)}"
    return None


GENERIC_COUNT = ClaimType("quantity", "quantity", key=("country",))


def _same_dimension(declared: str, extracted: str) -> bool:
    """Count nouns extract as "count"; the rule language calls that a plain number."""
    counts = (COUNT, "dimensionless")
    return declared == extracted or (declared in counts and extracted in counts)


def _rank_value(r: RankMention) -> QuantityValue:  # world#11
    return QuantityValue(r.rank, r.rank, "rank", r.rank, r.rank, "", "dimensionless")


def _quantity_value(q: QuantityMention) -> QuantityValue:
    return QuantityValue(q.low, q.high, q.unit, q.base_low, q.base_high, q.base_unit, q.dimension)

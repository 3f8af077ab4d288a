"""The extractor: sentences → temporal and numeric mentions → typed, keyed claims.

It never raises on article content: anything it cannot read is simply not a claim.
"""

from __future__ import annotations

from bisect import bisect_right

import re

from claimcheck.extract import frames
from claimcheck.extract import tense as tenses
from claimcheck.extract.attribution import attribution_of
from claimcheck.extract.entities import EntityIndex, Mention, clause_bounds
from claimcheck.extract.ordinals import ordinal_before
from claimcheck.extract.measures import find_measures
from claimcheck.extract.participants import Participants, participants, scope
from claimcheck.extract.quantities import QuantityFinder, QuantityMention
from claimcheck.extract.tolls import find_tolls
from claimcheck.extract.sentences import Sentence, split_sentences
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
        self.types = {ct.id: ct for ct in vocabulary.claim_types}
        date_types = [ct for ct in vocabulary.claim_types if ct.kind == "date"]
        trigger_type: dict[str, str] = {}
        for ct in date_types:
            for trigger in ct.triggers:
                trigger_type.setdefault(" ".join(trigger.lower().split()), ct.id)
        self.predicates = frames.Predicates(trigger_type, {ct.id: ct.event for ct in date_types if ct.event})

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
        taken += [(q.start, q.end) for q in quantities]
        # money, percentages and durations (claimcheck/extract/measures/)
        measures = [q for q in find_measures(text) if not any(q.start < e and s < q.end for s, e in taken)]
        quantities += measures
        taken += [(q.start, q.end) for q in measures]
        quantities += [q for q in find_tolls(text) if not any(q.start < e and s < q.end for s, e in taken)]
        by_sentence: dict[int, list] = {}
        for mention in sorted([*times, *quantities], key=lambda m: m.start):
            by_sentence.setdefault(bisect_right(starts, mention.start) - 1, []).append(mention)
        if not by_sentence:
            return []

        claims: list[Claim] = []
        previous: list[Mention] = self.entities.mentions(article.title)
        # where the story happens, as its title and first sentence say: a toll in a sentence
        # that names no country ("the quake in Sichuan killed 65") is counted there
        lead = previous + self.entities.mentions(sentences[0].text)
        for index, sentence in enumerate(sentences):
            found = by_sentence.get(index)
            if found is None and index + 1 not in by_sentence:
                continue  # neither this sentence nor the next needs its entities
            mentions = self.entities.mentions(sentence.text)
            if found:
                attribution = attribution_of(sentence.text)
                for mention in found:
                    claims.append(self._claim(article, sentence, mention,
                                              tense_at(mention.start, mention.end), mentions,
                                              previous, attribution, lead))
            if mentions:
                previous = mentions
        return claims

    def _claim(self, article: Article, sentence: Sentence, mention, tense: str, mentions, previous,
               attribution, lead) -> Claim:
        """`mention` is placed in the article; `lo`, `hi` place it in its sentence."""
        text = sentence.text
        lo, hi = mention.start - sentence.start, mention.end - sentence.start
        left, right = clause_bounds(text, lo, hi)
        clause = text[left:right]
        ordinal = None
        if isinstance(mention, TimeExpression):
            value = DateValue(mention.first, mention.last, mention.granularity)
            hedges: tuple[str, ...] = ()
            attached = self.predicates.attach(clause, lo - left, hi - left)
            if attached.claim_type and attached.trigger is not None:
                ordinal = ordinal_before(clause, attached.trigger)
                if ordinal and _is_container(mention):
                    attached = frames.Attachment(None, None, "container")  # "their second meeting this year"
            claim_type = self.types.get(attached.claim_type) if attached.claim_type else None
            event, measure = attached.event or attached.act, None
        else:
            value = _quantity_value(mention)
            hedges = (mention.hedge,) if mention.hedge else ()
            measure = mention.measure or frames.measure_near(clause, lo - left, hi - left, value.unit)
            claim_type = (None if value.dimension == "[length]" and frames.is_distance(clause, hi - left)
                          else self._quantity_type(value, clause, measure))
            event = (frames.event_in(clause) or frames.event_in(text)) if measure else None
        # Participants are read where they can make a key: generic dates and counts of nothing
        # in particular have none.
        who = (participants(text, scope(text, left, right, lo, hi), mentions, (lo, hi))
               if claim_type is not None or measure is not None else _NOBODY)
        near = [m for m in mentions if left <= m.start < right]
        if (not near or not (who.known or who.names)) and _ANAPHOR.search(clause):
            # "the two leaders will meet on Wednesday" after a sentence naming them
            near = near or previous
            who = who if who.known or who.names else Participants(tuple(previous), (), who.place)
        key, entities = self._key(claim_type, value, event, measure, who, near, mentions, lead)
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
            event=event,
            participants=tuple(dict.fromkeys([m.entity.id for m in who.known] + list(who.names))),
            place=who.place.entity.id if isinstance(who.place, Mention) else who.place,
            measure=measure,
        )

    def _quantity_type(self, value: QuantityValue, clause: str, measure: str | None) -> ClaimType | None:
        """The first quantity type whose units, or dimension and trigger, or measures fit; a type
        that lists measures takes no count of anything else ("three soldiers were convicted" is
        not a troop count)."""
        for ct in self.vocabulary.claim_types:
            if ct.kind != "quantity":
                continue
            if ct.measures and measure is not None and measure not in ct.measures:
                continue
            if ct.units and value.unit in ct.units:
                return ct
            if not (ct.dimension and _same_dimension(ct.dimension, value.dimension)):
                continue
            if ct.triggers and self.entities.has_trigger(ct, clause):
                return ct
            if ct.measures and not ct.units and not ct.triggers and measure is not None:
                return ct
        return None

    def _key(self, claim_type: ClaimType | None, value, event: str | None, measure: str | None,
             who: Participants, near: list[Mention], mentions: list[Mention], lead: list[Mention]
             ) -> tuple[str | None, tuple[str, ...]]:
        """What the claim must agree with. Dates: the claim type, its event where that is not the
        type's own, and the participants (gazetteer entities; names it does not know where fewer
        than two are known). Counts: what is counted and the countries named in the clause."""
        entities = tuple(dict.fromkeys(m.entity.id for m in (near or mentions)))
        if claim_type is None:
            if value.kind == "quantity" and value.dimension == COUNT:
                return _count_key(value.unit, measure, near, self.entities), entities
            return None, entities
        if not claim_type.key:
            return None, entities
        if value.kind == "date":
            members = list(self.entities.key_members(claim_type, list(who.known), minimum=0))
            if len(members) < 2:
                members += [n for n in who.names if n not in members]
            if len(members) < claim_type.min_key_entities:
                return None, entities
            suffix = f"#{event}" if event and event != claim_type.event else ""
            return f"{claim_type.id}:{'|'.join(sorted(members))}{suffix}", entities
        pool = [*who.known, *([who.place] if isinstance(who.place, Mention) else [])]
        members = self.entities.key_members(claim_type, pool or near)
        several = len(claim_type.measures) > 1
        if not members and several and isinstance(who.place, str):
            members = (who.place,)    # "the floods in Peru", a place the gazetteer does not know
        if not members and several:
            members = self.entities.key_members(claim_type, lead)
        if not members:
            return None, entities
        # a type that counts several things (killed, injured) keys each apart, by event too
        frame = f"{measure}:{event or '-'}:" if several and measure else ""
        return f"{claim_type.id}:{frame}{'|'.join(members)}", entities


_NOBODY = Participants((), (), None)

# "The two leaders will meet on Wednesday", "they will meet": the participants are in the
# sentence before. Only then is it read for the key.
_ANAPHOR = re.compile(r"(?i)\b(?:the\s+two(?:\s+\w+)?|both\s+(?:leaders|sides|men|countries|presidents)|"
                      r"they|their|the\s+leaders|the\s+pair|the\s+presidents)\b")


def _is_container(mention: TimeExpression) -> bool:
    """A period a series is counted over ("their second meeting this year"), not a date."""
    return mention.granularity == "year" or mention.text.lower().startswith("this")


def _count_key(noun: str, measure: str | None, near: list[Mention], index: EntityIndex) -> str | None:
    """Counts with no claim type ("12,000 refugees") still have a key: the noun, what is counted
    ("arrested", "evacuated") and the countries named with it, so the generic conflict check can
    compare them across articles."""
    countries = index.key_members(GENERIC_COUNT, near)
    if not countries:
        return None
    return f"quantity:{noun}:{measure + ':' if measure else ''}{'|'.join(countries)}"


GENERIC_COUNT = ClaimType("quantity", "quantity", key=("country",))


def _same_dimension(declared: str, extracted: str) -> bool:
    """Count nouns extract as "count"; the rule language calls that a plain number."""
    counts = (COUNT, "dimensionless")
    return declared == extracted or (declared in counts and extracted in counts)


def _quantity_value(q: QuantityMention) -> QuantityValue:
    return QuantityValue(q.low, q.high, q.unit, q.base_low, q.base_high, q.base_unit, q.dimension)

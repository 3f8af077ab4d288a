"""The extractor: sentences → temporal and numeric mentions → typed, keyed claims.

It never raises on article content: anything it cannot read is simply not a claim.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import timedelta
from functools import lru_cache

import hashlib
import re

from claimcheck.word_pattern import WordPattern
from claimcheck.extract import frames
from claimcheck.extract import tense as tenses
from claimcheck.extract.attribution import attribution_of
from claimcheck.extract.entities import EntityIndex, Mention, clause_bounds
from claimcheck.extract.ordinals import ordinal_before
from claimcheck.extract.measures import find_measures
from claimcheck.extract.participants import Participants, participants, scope
from claimcheck.extract.quantities import QuantityFinder, QuantityMention
from claimcheck.extract.scan import lower
from claimcheck.extract.tolls import find_tolls
from claimcheck.extract.sentences import Sentence, split_sentences
from claimcheck.extract.spans import free
from claimcheck.extract.superlatives import RankMention, SuperlativeFinder
from claimcheck.extract.temporal import TimeExpression, find_time_expressions
from claimcheck.extract.units import COUNT, UNIT_WORDS
from claimcheck.guard import stop_here
from claimcheck.model import Article, Claim, DateValue, QuantityValue, Span, built
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
        self.quantity_types = [ct for ct in vocabulary.claim_types if ct.kind == "quantity"]
        date_types = [ct for ct in vocabulary.claim_types if ct.kind == "date"]
        trigger_type: dict[str, str] = {}
        for ct in date_types:
            for trigger in ct.triggers:
                trigger_type.setdefault(" ".join(trigger.lower().split()), ct.id)
        self.predicates = frames.Predicates(trigger_type, {ct.id: ct.event for ct in date_types if ct.event})
        self.superlatives = SuperlativeFinder({ct.id for ct in vocabulary.claim_types})

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
        quantities = free(self.quantities.find(text, taken), taken)
        taken += [(q.start, q.end) for q in quantities]
        measures = free(find_measures(text), taken)   # money, percentages, durations (measures/)
        quantities += measures
        taken += [(q.start, q.end) for q in measures]
        quantities += free(find_tolls(text), taken)
        ranks = self.superlatives.find(text)   # "the longest land border in the world"
        by_sentence: dict[int, list] = {}
        for mention in sorted([*times, *quantities, *ranks], key=lambda m: m.start):
            by_sentence.setdefault(bisect_right(starts, mention.start) - 1, []).append(mention)
        if not by_sentence:
            return []

        claims: list[Claim] = []
        when = article.published   # a leader stands for a country only while in office
        title: list[Mention] = self.entities.mentions(article.title, when) if article.title else []
        previous = title
        # where the story happens, as its title and first sentence say: a toll in a sentence
        # that names no country ("the quake in Sichuan killed 65") is counted there
        lead = lru_cache(maxsize=1)(lambda: title + self.entities.mentions(sentences[0].text, when))
        # and what happened, for a toll in a sentence that does not say ("the toll rose to 150")
        lead_event = lru_cache(maxsize=1)(lambda: frames.event_in(lower(f"{article.title}\n{sentences[0].text}")))
        for index, sentence in enumerate(sentences):
            if stop_here(sentence.start, len(claims)):
                break
            found = by_sentence.get(index)
            if found is None and index + 1 not in by_sentence:
                continue  # neither this sentence nor the next needs its entities
            mentions = self.entities.mentions(sentence.text, when)
            if found:
                attribution = attribution_of(sentence.text)
                twin = _twin_signature(sentence, found)
                for place, mention in enumerate(found):
                    claim = self._claim(article, sentence, mention, tense_at(mention.start, mention.end),
                                        mentions, previous, attribution, lead, found, lead_event)
                    if twin is not None:
                        claim.__dict__["twin"] = f"{twin}.{place}@{article.published}"
                    claims.append(claim)
            if mentions:
                previous = mentions
        return claims

    def _claim(self, article: Article, sentence: Sentence, mention, tense: str, mentions, previous,
               attribution, lead, siblings, lead_event) -> Claim:
        """`mention` is placed in the article; `lo`, `hi` place it in its sentence."""
        text = sentence.text
        lo, hi = mention.start - sentence.start, mention.end - sentence.start
        left, right = clause_bounds(text, lo, hi)
        clause = lower(text[left:right])
        ordinal = None
        if isinstance(mention, TimeExpression):
            value = built(DateValue, start=mention.first, end=mention.last, granularity=mention.granularity)
            hedges: tuple[str, ...] = ()
            attached = (frames.Attachment(None, None, "aside") if frames.in_parentheses(text, lo)
                        else self.predicates.attach(clause, lo - left, hi - left, text[left:right]))
            if attached.claim_type and attached.trigger is not None:
                ordinal = ordinal_before(clause, attached.trigger)
                if ordinal and _is_container(mention):
                    attached = frames.Attachment(None, None, "container")  # "their second meeting this year"
            claim_type = self.types.get(attached.claim_type) if attached.claim_type else None
            event, measure = attached.event or attached.act, None
            if claim_type is not None and attached.trigger is not None and mention.granularity == "day" \
                    and frames.dates_its_trigger(clause, attached.trigger, lo - left):
                before, after = frames.days_around(clause, attached.trigger)
                if before or after:   # "opened a two-day summit on Saturday": Saturday and Sunday
                    value = built(DateValue, start=mention.first - timedelta(days=before),
                                  end=mention.last + timedelta(days=after), granularity="event-days")
        elif isinstance(mention, RankMention):
            value, hedges, measure, event = _rank_value(mention), (), None, None
            claim_type = self.types[mention.claim_type]
        else:
            value = _quantity_value(mention)
            hedges = (mention.hedge,) if mention.hedge else ()
            measure = mention.measure or frames.measure_near(clause, lo - left, hi - left, value.unit)
            if measure is not None and frames.in_parentheses(text, lo):
                measure = "aside"   # "(… the 1988 bombing, which killed 270)": another event's count
            claim_type = (None if value.dimension == "[length]" and frames.is_distance(clause, hi - left)
                          else self._quantity_type(value, clause, measure))
            event = (frames.event_in(clause) or frames.event_in(lower(text)) or lead_event()) if measure else None
            if event is not None:
                event += _era(siblings, article, mention)
        if claim_type is not None:
            low = lower(text)
            bounds = scope(low, left, right, lo, hi)
            who = participants(text, low, bounds, mentions, (lo, hi))
            if value.kind == "date" and claim_type is not None and event == claim_type.event and \
                    not any(m.entity.kind == "person" for m in who.known) and \
                    frames.ministerial(low[bounds[0]:bounds[1]]):
                event = f"{event}:ministers"
        else:
            who = _NOBODY       # only typed claims are keyed by their participants
        near = [m for m in mentions if left <= m.start < right]
        keyed = claim_type is not None or getattr(value, "dimension", None) == COUNT   # else the sentence keys it
        if keyed and (not near or not (who.known or who.names)) and _ANAPHOR.search(clause):
            # "the two leaders will meet on Wednesday" after a sentence naming them
            near = near or previous
            who = who if who.known or who.names else Participants(tuple(previous), (), who.place)
        key, entities = self._key(claim_type, value, event, measure, who, near, mentions, lead)
        if key is not None and claim_type is not None and claim_type.min_key_entities >= 2 and \
                frames.partners_only(text, near):
            key = None    # "the province shares a 1,100-km border with Pakistan and Afghanistan"
        if key is not None and isinstance(mention, RankMention) and mention.within:
            key += f"#{mention.within}"      # "Africa's most populous country": ranked in Africa
        line, column = article.locate(mention.start)
        return built(
            Claim,
            claim_type=claim_type.id if claim_type else GENERIC[value.kind],
            value=value,
            span=built(Span, article=article.id, start=mention.start, end=mention.end, line=line,
                       column=column, text=mention.text, file=article.path),
            sentence=text,
            entities=entities,
            key=key,
            tense=tense,
            hedges=hedges,
            attribution=attribution,
            published=article.published,
            ordinal=ordinal,
            event=event,
            participants=_participant_ids(who),
            place=who.place.entity.id if isinstance(who.place, Mention) else who.place,
            measure=measure,
            twin=None,
        )

    def _quantity_type(self, value: QuantityValue, clause: str, measure: str | None) -> ClaimType | None:
        """The first quantity type whose units, or dimension and trigger, or measures fit; a type
        that lists measures takes no count of anything else ("three soldiers were convicted" is
        not a troop count)."""
        for ct in self.quantity_types:
            if ct.measures and measure is not None and measure not in ct.measures:
                continue
            if ct.units and value.unit in ct.units:
                return ct
            if not (ct.dimension and _same_dimension(ct.dimension, value.dimension)):
                continue
            if ct.triggers and self.entities.has_trigger(ct, clause):
                return ct
            if ct.measures and not ct.units and not ct.triggers and measure is not None \
                    and not frames.is_event_noun(value.unit):   # "two earthquakes" killed no one
                return ct
        return None

    def _key(self, claim_type: ClaimType | None, value, event: str | None, measure: str | None,
             who: Participants, near: list[Mention], mentions: list[Mention], lead
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
        place = [who.place] if isinstance(who.place, Mention) and claim_type.key_places else []
        pool = [*who.known, *place]
        members = self.entities.key_members(claim_type, pool or near)
        several = len(claim_type.measures) > 1
        if not members and several and isinstance(who.place, str):
            members = (who.place,)    # "the floods in Peru", a place the gazetteer does not know
        if not members and several and who.names:
            members = tuple(sorted(who.names))   # "the toll from the Christchurch attacks"
        if not members and several:
            members = self.entities.key_members(claim_type, lead())
        if not members:
            return None, entities
        # a type that counts several things (killed, injured) keys each apart, by event too
        frame = f"{measure}:{event or '-'}:" if several and measure else ""
        return f"{claim_type.id}:{frame}{'|'.join(members)}", entities


_NOBODY = Participants((), (), None)

# "The two leaders will meet on Wednesday", "they will meet": the participants are in the
# sentence before. Only then is it read for the key.
_ANAPHOR = WordPattern(r"(?:the\s+two(?:\s+\w+)?|both\s+(?:leaders|sides|men|countries|presidents)|"
                       r"they|their|the\s+leaders|the\s+pair|the\s+presidents)\b")   # over the clause in lower case


TWIN_MIN_WORDS = 4   # and a story in common: checks of twins compare within a story
_DIGIT_RUN = re.compile(r"\d[\d,.]*")


def _twin_signature(sentence: Sentence, found: list) -> str | None:
    """The sentence with its claims and figures masked, hashed: a claim is the same claim as the
    one at the same place of the same sentence in another article published the same day (a wire
    story republished with one figure changed; the day is in the twin, as the same words a day
    later may mean another day), whatever its key says. Short sentences ("45 died.") say too
    little."""
    parts, cursor = [], sentence.start
    for mention in found:
        parts.append(sentence.text[cursor - sentence.start:mention.start - sentence.start])
        cursor = mention.end
    parts.append(sentence.text[cursor - sentence.start:])
    words = _DIGIT_RUN.sub("#", " ".join(parts).lower()).split()  # figures that are no claim too
    if len(words) < TWIN_MIN_WORDS:
        return None
    return hashlib.blake2b(" ".join(words).encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()


def _era(siblings: list, article: Article, count) -> str:
    """"@2008" for a toll whose nearest date in the sentence is more than a year before
    publication ("the 2008 quake killed almost 70,000"): another event than this week's of the
    same kind. A date after "since" ("the strongest since 2017") dates nothing in the sentence,
    and a nearer recent date ("have died this year, the bloodiest since late 2001") wins."""
    if article.published is None:
        return ""
    dates = [m for m in siblings if isinstance(m, TimeExpression)
             and not article.text[max(0, m.start - 7):m.start].lower().rstrip().endswith("since")]
    if not dates:
        return ""
    nearest = min(dates, key=lambda m: m.start - count.end if m.start >= count.end else count.start - m.end)
    return f"@{nearest.last.year}" if (article.published - nearest.last).days > 366 else ""


def _participant_ids(who: Participants) -> tuple[str, ...]:
    """Entity ids, the country each person stands for at the article's date ("Xi Jinping",
    "China"), then names the gazetteer does not know: so "Xi and Putin" and "the Chinese and
    Russian leaders" share participants."""
    ids = []
    for m in who.known:
        ids.append(m.entity.id)
        if m.country and m.country != m.entity.id:
            ids.append(m.country)
    return tuple(dict.fromkeys([*ids, *who.names]))


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


def _rank_value(r: RankMention) -> QuantityValue:
    return built(QuantityValue, low=r.rank, high=r.rank, unit="rank", base_low=r.rank,
                 base_high=r.rank, base_unit="", dimension="dimensionless")


def _quantity_value(q: QuantityMention) -> QuantityValue:
    return built(QuantityValue, low=q.low, high=q.high, unit=q.unit, base_low=q.base_low,
                 base_high=q.base_high, base_unit=q.base_unit, dimension=q.dimension)

"""What compiled expressions do at run time: field access, arithmetic, comparisons and relations.

Quantities are floats in base units, dates are `datetime.date`, intervals are (low, high) tuples.
Faults the data reveals raise EvaluationError; the engine then treats the check as not applicable.
"""

from __future__ import annotations

import math
import operator
from datetime import date, timedelta

from claimcheck.expr import types as T
from claimcheck.expr.faults import EvaluationError
from claimcheck.expr.units import show_quantity
from claimcheck.model import Claim, DateValue

SECONDS_PER_DAY = 86400.0


def claim_interval(claim: Claim) -> tuple:
    value = claim.value
    if isinstance(value, DateValue):
        return value.start, value.end
    return value.base_low, value.base_high


def _article(claim: Claim, env: dict):
    article = env.get("articles", {}).get(claim.span.article)
    if article is None:
        raise EvaluationError(f"article {claim.span.article} is not loaded")
    return article


def story_of(claim: Claim, env: dict) -> str:
    """The story of the claim's article; without stories, each article is a story of its own."""
    stories = env.get("stories")
    story = stories.story(claim.span.article) if stories is not None else None
    return story if story is not None else claim.span.article


def same_story(a: Claim, b: Claim, env: dict) -> bool:
    return story_of(a, env) == story_of(b, env)


def _fact(claim: Claim, env: dict):
    fact = env.get("facts", {}).get(claim.key) if claim.key else None
    if fact is None:
        raise EvaluationError("no reference fact for this claim")
    if not fact.current_on(claim.published):
        raise EvaluationError("the reference fact is not current at the claim's publication")
    return fact


_CLAIM_FIELDS = {
    "value": lambda c, env: claim_interval(c),
    "kind": lambda c, env: c.kind,
    "type": lambda c, env: c.claim_type,
    "key": lambda c, env: c.key,
    "entities": lambda c, env: c.entities,
    "tense": lambda c, env: c.tense,
    "hedges": lambda c, env: c.hedges,
    "attribution": lambda c, env: c.attribution,
    "ordinal": lambda c, env: None if c.ordinal is None else float(c.ordinal),
    "event": lambda c, env: c.event,
    "participants": lambda c, env: c.participants,
    "place": lambda c, env: c.place,
    "measure": lambda c, env: c.measure,
    "granularity": lambda c, env: getattr(c.value, "granularity", ""),
    "text": lambda c, env: c.span.text,
    "sentence": lambda c, env: c.sentence,
    "unit": lambda c, env: getattr(c.value, "unit", ""),
    "source": lambda c, env: _article(c, env).source,
    "story": story_of,
    "article": _article,
    "fact": _fact,
}


def _published(article, env):
    if article.published is None:
        raise EvaluationError(f"article {article.id} has no publication date")
    return article.published


_ARTICLE_FIELDS = {"id": lambda a, env: a.id, "title": lambda a, env: a.title,
                   "source": lambda a, env: a.source, "published": _published}
_FACT_FIELDS = {"id": lambda f, env: f.id, "value": lambda f, env: f.interval,
                "source": lambda f, env: f.source, "as_of": lambda f, env: f.as_of}
_INTERVAL_FIELDS = {"low": lambda i, env: i[0], "start": lambda i, env: i[0],
                    "high": lambda i, env: i[1], "end": lambda i, env: i[1]}


def root_getter(name: str):
    if name in ("a", "b"):
        return lambda env: env[name]
    field = _CLAIM_FIELDS[name]
    return lambda env: field(env["claim"], env)


def field_getter(t: T.Type, name: str):
    if t.record == "claim":
        return _CLAIM_FIELDS[name]
    if t.record == "article":
        return _ARTICLE_FIELDS[name]
    if t.record == "fact":
        return _FACT_FIELDS[name]
    return _INTERVAL_FIELDS[name]


def compare(cmp, x, y) -> bool:
    if x is None or y is None:
        if cmp in (operator.eq, operator.ne):
            return cmp(x, y)
        raise EvaluationError("cannot order a missing value")
    return cmp(x, y)


def _divide(x, y):
    if y == 0:
        raise EvaluationError("division by zero")
    return x / y


def arithmetic(op: str, a: T.Type, b: T.Type):
    """(result type, implementation) of `a op b`, or (None, None) when the types do not allow it."""
    number, duration = T.NUMBER, T.DURATION
    if op in "+-":
        if a.kind == "quantity" and a == b:
            return a, (operator.add if op == "+" else operator.sub)
        if a == T.DATE and b == T.DATE and op == "-":
            return duration, lambda x, y: (x - y).days * SECONDS_PER_DAY
        if a == T.DATE and b == duration:
            sign = 1 if op == "+" else -1
            return T.DATE, lambda x, y: _shift(x, sign * y)
        if a == duration and b == T.DATE and op == "+":
            return T.DATE, lambda x, y: _shift(y, x)
        return None, None
    scalars = (a.kind in ("quantity", "percent"), b.kind in ("quantity", "percent"))
    if not all(scalars):
        return None, None
    if op == "*":
        if a in (number, T.PERCENT):
            return b if b != T.PERCENT or a == number else number, operator.mul
        if b in (number, T.PERCENT):
            return a, operator.mul
        return None, None
    if b in (number, T.PERCENT):
        return a, _divide
    if a == b:
        return number, _divide
    return None, None


def _shift(day: date, seconds: float) -> date:
    try:
        return day + timedelta(days=seconds / SECONDS_PER_DAY)
    except OverflowError:
        raise EvaluationError("date out of range") from None


def power(x: float, y: float) -> float:
    try:
        result = x ** y
    except (OverflowError, ZeroDivisionError):
        raise EvaluationError(f"{x:g} ** {y:g} is out of range") from None
    if isinstance(result, complex) or math.isinf(result):
        raise EvaluationError(f"{x:g} ** {y:g} is out of range")
    return result


def as_interval(x):
    return x if isinstance(x, tuple) else (x, x)


RELATIONS = {
    "overlaps": lambda a, b: a[0] <= b[1] and b[0] <= a[1],
    "contains": lambda a, b: a[0] <= b[0] and b[1] <= a[1],
    "before": lambda a, b: a[1] < b[0],
    "after": lambda a, b: a[0] > b[1],
}


def _widen(interval, tolerance: float, relative: bool):
    low, high = interval
    if isinstance(low, date):
        days = timedelta(days=tolerance / SECONDS_PER_DAY)
        return low - days, high + days
    if relative:
        return low - abs(low) * tolerance, high + (abs(high) * tolerance if high != math.inf else 0)
    return low - tolerance, high + tolerance


def approx(x, y, tolerance: float, relative: bool) -> bool:
    """x ~ y within t: the two intervals, each widened by the tolerance, overlap."""
    return RELATIONS["overlaps"](_widen(as_interval(x), tolerance, relative),
                                 _widen(as_interval(y), tolerance, relative))


def show(value, t: T.Type) -> str:
    """A value as a message shows it: quantities in a readable unit, intervals as low–high."""
    if value is None:
        return "none"
    if t.kind == "interval":
        low, high = value
        element = t.element or T.NUMBER
        shown_low, shown_high = show(low, element), show(high, element)
        if shown_low == shown_high:
            return shown_low
        if isinstance(high, float) and math.isinf(high):
            return f"at least {show(low, element)}"
        return f"{shown_low}–{shown_high}"
    if t.kind == "quantity":
        return show_quantity(value, t.dimension or T.DIMENSIONLESS)
    if t.kind == "percent":
        return f"{value * 100:g}%"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if hasattr(value, "id"):
        return str(value.id)
    return str(value)

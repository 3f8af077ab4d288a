"""Claims as tuples of plain values, for the trip from a worker process back to the parent.

A pickled dataclass carries its class and a dict of field names per object; a tuple in the
fields' order carries only the values, and rebuilding from it skips the dataclass __init__
(model.built). The field lists are read from the dataclasses, so a field added to Claim travels
without a change here. Only for processes of one run (fork): never stored, never read from disk.
"""

from __future__ import annotations

from dataclasses import fields

from claimcheck.model import Claim, DateValue, QuantityValue, Span

_CLAIM = tuple(f.name for f in fields(Claim))
_SPAN = tuple(f.name for f in fields(Span))
_VALUES = (DateValue, QuantityValue)
_VALUE_FIELDS = tuple(tuple(f.name for f in fields(cls)) for cls in _VALUES)
_AT_VALUE, _AT_SPAN = _CLAIM.index("value"), _CLAIM.index("span")


def encode(results: list[tuple]) -> list[tuple]:
    """Each article's (claims, *rest) with the claims as tuples; the rest (a warning, a story
    signature) as it is."""
    return [([_encode(c) for c in claims], *rest) for claims, *rest in results]


def decode(encoded: list[tuple]) -> list[tuple]:
    return [([_decode(t) for t in claims], *rest) for claims, *rest in encoded]


def _encode(claim: Claim) -> tuple | Claim:
    d = claim.__dict__
    row = [d[name] for name in _CLAIM]
    value = row[_AT_VALUE]
    if type(value) not in _VALUES or type(row[_AT_SPAN]) is not Span:
        return claim   # a kind of value this module does not know yet travels pickled
    kind = _VALUES.index(type(value))
    row[_AT_VALUE] = (kind, *(value.__dict__[n] for n in _VALUE_FIELDS[kind]))
    row[_AT_SPAN] = tuple(row[_AT_SPAN].__dict__[n] for n in _SPAN)
    return tuple(row)


def _decode(row: tuple | Claim) -> Claim:
    if isinstance(row, Claim):
        return row
    row = list(row)
    kind, *values = row[_AT_VALUE]
    row[_AT_VALUE] = _built(_VALUES[kind], _VALUE_FIELDS[kind], values)
    row[_AT_SPAN] = _built(Span, _SPAN, row[_AT_SPAN])
    return _built(Claim, _CLAIM, row)


def _built(cls, names: tuple[str, ...], values):
    obj = object.__new__(cls)
    obj.__dict__.update(zip(names, values))
    return obj

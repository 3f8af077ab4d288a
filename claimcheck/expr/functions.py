"""The functions rule expressions may call. Each checks its argument types when the rule loads."""

from __future__ import annotations

from claimcheck.expr import types as T
from claimcheck.expr.faults import EvaluationError


def _abs(types):
    (t,) = _arity(types, 1)
    if t.kind not in ("quantity", "percent"):
        raise TypeError(f"takes a number or quantity, found {t}")
    return t, abs


def _minmax(fn):
    def signature(types):
        a, b = _arity(types, 2)
        if a != b or a.kind not in ("quantity", "date", "percent"):
            raise TypeError(f"takes two values of one kind, found {a} and {b}")
        return a, fn
    return signature


def _len(types):
    (t,) = _arity(types, 1)
    if t.kind not in ("list", "string"):
        raise TypeError(f"takes a list or a string, found {t}")
    return T.NUMBER, lambda x: float(len(x or ()))


def _lower(types):
    (t,) = _arity(types, 1)
    if t != T.STRING:
        raise TypeError(f"takes a string, found {t}")
    return T.STRING, lambda s: (s or "").lower()


def _width(types):
    (t,) = _arity(types, 1)
    if t.kind != "interval" or t.element is None:
        raise TypeError(f"takes an interval, found {t}")
    if t.element.kind == "date":
        return T.DURATION, lambda i: ((i[1] - i[0]).days + 1) * 86400.0
    return t.element, lambda i: i[1] - i[0]


def _has(types):
    _arity(types, 1)
    return T.BOOL, lambda x: x is not None


def _arity(types, n):
    if len(types) != n:
        raise TypeError(f"takes {n} argument{'s' if n > 1 else ''}, found {len(types)}")
    return types


def _safe(fn):
    def call(*args):
        try:
            return fn(*args)
        except TypeError as exc:
            raise EvaluationError(str(exc)) from None
    return call


FUNCTIONS = {
    "abs": _abs,
    "min": _minmax(_safe(min)),
    "max": _minmax(_safe(max)),
    "len": _len,
    "lower": _lower,
    "width": _width,
    "has": _has,
}

"""Parse an expression with the one LALR parser (built once per process) into a lark tree."""

from __future__ import annotations

from functools import lru_cache

from lark import Lark, Tree, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from claimcheck.expr.faults import ExprFault

MAX_LENGTH = 4000
MAX_NESTING = 64

_FRIENDLY = {
    "RPAR": "')'", "LPAR": "'('", "RSQB": "']'", "COMMA": "','", "NAME": "a name",
    "NUMBER": "a number", "STRING": "a string", "DATE": "a date", "COMPARE": "a comparison",
    "RELATION": "'overlaps', 'contains', 'before' or 'after'", "WITHIN": "'within'",
    "AND": "'and'", "OR": "'or'", "$END": "the end of the expression", "LSQB": "'['",
    "MINUS": "'-'", "TILDE": "'~'", "IN": "'in'", "BETWEEN": "'between'", "NOT": "'not'",
    "DIFFERS": "'differs'", "FROM": "'from'", "BY": "'by'", "MORE": "'more'", "THAN": "'than'",
    "AT": "'at'", "MOST": "'most'",
}


@lru_cache(maxsize=1)
def parser() -> Lark:
    return Lark.open_from_package("claimcheck.expr", "grammar.lark", parser="lalr",
                                  propagate_positions=True, maybe_placeholders=False)


def parse(text: str) -> Tree:
    if not isinstance(text, str) or not text.strip():
        raise ExprFault("expected an expression, found nothing", 0)
    _check_nesting(text)
    if len(text) > MAX_LENGTH:
        raise ExprFault(f"expression is {len(text):,} characters long; the limit is {MAX_LENGTH:,}",
                        MAX_LENGTH)
    try:
        return parser().parse(text)
    except UnexpectedInput as exc:
        at_end = isinstance(exc, UnexpectedEOF) or (
            isinstance(exc, UnexpectedToken) and exc.token.type == "$END")
        offset = len(text.rstrip()) if at_end else getattr(exc, "pos_in_stream", None) or 0
        raise ExprFault(_describe(exc, text), offset) from None


def _check_nesting(text: str) -> None:
    """Bound nesting before parsing: the compiler recurses over the tree."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
            if depth > MAX_NESTING:
                raise ExprFault(f"expression nests deeper than {MAX_NESTING} levels", i)
        elif ch in ")]":
            depth -= 1


def _describe(exc: UnexpectedInput, text: str) -> str:
    if isinstance(exc, UnexpectedCharacters):
        return f"unexpected character {text[exc.pos_in_stream]!r}"
    if isinstance(exc, UnexpectedEOF):
        return "the expression ends too early"
    if isinstance(exc, UnexpectedToken):
        token = exc.token
        found = "the end of the expression" if token.type == "$END" else repr(str(token))
        if exc.expected & {"NAME", "NUMBER", "STRING", "DATE"}:
            return f"unexpected {found}; expected a value"
        expected = sorted({_FRIENDLY.get(t, repr(t.lower())) for t in exc.expected
                           if not t.startswith("__")})[:6]
        hint = f"; expected {', '.join(expected)}" if expected else ""
        return f"unexpected {found}{hint}"
    return str(exc).splitlines()[0]

"""Type-check an expression tree and compile it to a Python closure, in one pass.

Every operator checks its operand types here, when the rule loads: "km vs days", "a date vs a
number", an unknown field (with a "did you mean") are all load-time errors located at the offending
sub-expression. Literal sub-trees are folded, so `1/0` or `9**9**8` fail at load too.
Nothing from a rule file is ever passed to eval: names resolve through fixed tables of fields.
"""

from __future__ import annotations

import difflib
import math
import operator
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Callable

from lark import Token, Tree

from claimcheck.expr import runtime, types as T
from claimcheck.expr.context import Context
from claimcheck.expr.faults import EvaluationError, ExprFault
from claimcheck.expr.functions import FUNCTIONS
from claimcheck.expr.parser import parse
from claimcheck.expr.regex import compile_regex
from claimcheck.expr.units import literal_quantity

Fn = Callable[[dict], Any]
MAX_DEPTH = 200


@dataclass(frozen=True)
class Compiled:
    source: str
    type: T.Type
    fn: Fn
    uses_fact: bool
    fields: frozenset[str] = frozenset()   # claim fields it reads ("value", "article.published")

    def __call__(self, env: dict) -> Any:
        return self.fn(env)


def compile_expression(text: str, context: Context, want: T.Type | None = None) -> Compiled:
    tree = parse(text)
    _check_depth(tree)
    compiler = _Compiler(context)
    node = compiler.compile(tree)
    if want is not None and node.type != want:
        raise ExprFault(f"expected a {want} expression, found {node.type}", 0)
    return Compiled(text, node.type, node.fn, compiler.uses_fact, frozenset(compiler.fields))


_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def compile_template(text: str, context: Context) -> Callable[[dict], str]:
    """A message with {expression} placeholders, each compiled like any expression."""
    parts: list[Any] = []
    last = 0
    for m in _PLACEHOLDER.finditer(text):
        parts.append(text[last:m.start()])
        try:
            compiled = compile_expression(m.group(1), context)
        except ExprFault as fault:
            raise ExprFault(fault.message, m.start(1) + fault.offset) from None
        parts.append(compiled)
        last = m.end()
    parts.append(text[last:])

    def render(env: dict) -> str:
        out = []
        for part in parts:
            if isinstance(part, str):
                out.append(part)
            else:
                try:
                    out.append(runtime.show(part(env), part.type))
                except EvaluationError:
                    out.append("?")
        return "".join(out)
    return render


def _check_depth(tree: Tree) -> None:
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ExprFault(f"expression is more than {MAX_DEPTH} operators deep", _offset(node))
        if isinstance(node, Tree):
            stack.extend((child, depth + 1) for child in node.children)


def _offset(node) -> int:
    if isinstance(node, Token):
        return node.start_pos or 0
    meta = getattr(node, "meta", None)
    return getattr(meta, "start_pos", 0) if meta is not None and not meta.empty else 0


@dataclass(frozen=True)
class _Node:
    type: T.Type
    fn: Fn
    const: bool = False


_COMPARE = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
            ">": operator.gt, ">=": operator.ge}


class _Compiler:
    def __init__(self, context: Context):
        self.context = context
        self.uses_fact = False
        self.fields: set[str] = set()

    def compile(self, tree) -> _Node:
        method = getattr(self, f"_{tree.data}", None)
        if method is None:  # pragma: no cover - the grammar and this class move together
            raise ExprFault(f"unsupported construct {tree.data}", _offset(tree))
        node = method(tree, *tree.children)
        if node.const and node.type.kind not in ("record",):
            try:
                value = node.fn({})
            except EvaluationError as exc:
                raise ExprFault(str(exc), _offset(tree)) from None
            return _Node(node.type, lambda env, v=value: v, const=True)
        return node

    # literals ---------------------------------------------------------------------------
    def _number(self, tree, token):
        value = _finite(token)
        return _Node(T.NUMBER, lambda env: value, const=True)

    def _percent(self, tree, token):
        value = _finite(token) / 100
        return _Node(T.PERCENT, lambda env: value, const=True)

    def _quantity(self, tree, number, unit):
        try:
            magnitude, dimension = literal_quantity(_finite(number), str(unit), self.context.count_nouns)
        except ValueError as exc:
            raise ExprFault(str(exc), unit.start_pos) from None
        return _Node(T.quantity(dimension), lambda env: magnitude, const=True)

    def _date(self, tree, token):
        try:
            value = date.fromisoformat(str(token))
        except ValueError:
            raise ExprFault(f"{token} is not a valid date", token.start_pos) from None
        return _Node(T.DATE, lambda env: value, const=True)

    def _string(self, tree, token):
        raw = str(token)[1:-1]
        value = re.sub(r"\\(.)", r"\1", raw)
        return _Node(T.STRING, lambda env: value, const=True)

    def _true(self, tree):
        return _Node(T.BOOL, lambda env: True, const=True)

    def _false(self, tree):
        return _Node(T.BOOL, lambda env: False, const=True)

    def _none(self, tree):
        return _Node(T.NONE, lambda env: None, const=True)

    def _list(self, tree, *items):
        nodes = [self.compile(i) for i in items]
        kinds = {str(n.type) for n in nodes}
        if len(kinds) > 1:
            raise ExprFault(f"a list must hold values of one type, found {', '.join(sorted(kinds))}",
                            _offset(tree))
        element = nodes[0].type if nodes else T.STRING
        fns = [n.fn for n in nodes]
        return _Node(T.Type("list", element=element), lambda env: tuple(f(env) for f in fns),
                     const=all(n.const for n in nodes))

    # names and fields -------------------------------------------------------------------
    def _name(self, tree, token):
        name = str(token)
        roots = self.context.roots()
        if name not in roots:
            raise ExprFault(_unknown("name", name, roots, self.context), token.start_pos)
        if name == "fact":
            self.uses_fact = True
        t = roots[name]
        if t.kind != "record":
            self.fields.add(name)
        return _Node(t, runtime.root_getter(name))

    def _attribute(self, tree, target, token):
        base = self.compile(target)
        name = str(token)
        fields = self.context.fields_of(base.type)
        if name.startswith("_") or name not in fields:
            raise ExprFault(_unknown(f"field of {base.type}", name, fields, self.context),
                            token.start_pos)
        if name == "fact":
            self.uses_fact = True
        if base.type.record == "claim" and fields[name].kind != "record":
            self.fields.add(name)
        elif base.type.record in ("article", "fact"):
            self.fields.add(f"{base.type.record}.{name}")
        getter = runtime.field_getter(base.type, name)
        base_fn = base.fn
        return _Node(fields[name], lambda env: getter(base_fn(env), env))

    def _call(self, tree, token, *args):
        name = str(token)
        nodes = [self.compile(a) for a in args]
        if name == "matches":
            return self._matches(token, args, nodes)
        if name not in FUNCTIONS:
            raise ExprFault(_unknown("function", name, FUNCTIONS, self.context), token.start_pos)
        signature = FUNCTIONS[name]
        try:
            result_type, impl = signature([n.type for n in nodes])
        except TypeError as exc:
            raise ExprFault(f"{name}(): {exc}", token.start_pos) from None
        fns = [n.fn for n in nodes]
        if name == "has":
            return _Node(T.BOOL, lambda env: _present(fns[0], env))
        return _Node(result_type, lambda env: impl(*(f(env) for f in fns)),
                     const=all(n.const for n in nodes))

    def _matches(self, token, args, nodes) -> _Node:
        """matches(text, "pattern"): a regular expression run by RE2, which takes linear time on
        any input, so a rule cannot make a check hang on a crafted article. The pattern must be a
        literal, compiled when the rule loads; syntax RE2 lacks (backreferences, lookaround) is an
        error there, never a silent fallback to a backtracking engine."""
        if len(nodes) != 2 or nodes[0].type != T.STRING or nodes[1].type != T.STRING \
                or not nodes[1].const:
            raise ExprFault("matches() takes a string and a literal pattern: "
                            "matches(sentence, \"massed|deployed\")", token.start_pos)
        pattern = nodes[1].fn({})
        try:
            regex = compile_regex(pattern)
        except ValueError as exc:
            raise ExprFault(f"pattern not supported by RE2 (linear-time matching): {exc}",
                            _offset(args[1])) from None
        subject = nodes[0].fn
        return _Node(T.BOOL, lambda env: regex.search(subject(env) or "") is not None)

    # operators --------------------------------------------------------------------------
    def _or_(self, tree, left, right):
        a, b = self._bools(left, right, "or")
        return _Node(T.BOOL, lambda env: a.fn(env) or b.fn(env), const=a.const and b.const)

    def _and_(self, tree, left, right):
        a, b = self._bools(left, right, "and")
        return _Node(T.BOOL, lambda env: a.fn(env) and b.fn(env), const=a.const and b.const)

    def _not_(self, tree, operand):
        a = self.compile(operand)
        self._expect(a, T.BOOL, operand, "'not' takes")
        return _Node(T.BOOL, lambda env: not a.fn(env), const=a.const)

    def _bools(self, left, right, op):
        a, b = self.compile(left), self.compile(right)
        self._expect(a, T.BOOL, left, f"'{op}' takes")
        self._expect(b, T.BOOL, right, f"'{op}' takes")
        return a, b

    def _expect(self, node, want, tree, what):
        if node.type != want:
            raise ExprFault(f"{what} a {want}, found {node.type}", _offset(tree))

    def _neg(self, tree, operand):
        a = self.compile(operand)
        if a.type.kind not in ("quantity", "percent"):
            raise ExprFault(f"cannot negate a {a.type}", _offset(tree))
        return _Node(a.type, lambda env: -a.fn(env), const=a.const)

    def _power(self, tree, left, right):
        a, b = self.compile(left), self.compile(right)
        for node, sub in ((a, left), (b, right)):
            if node.type != T.NUMBER:
                raise ExprFault(f"'**' takes numbers, found {node.type}", _offset(sub))
        return _Node(T.NUMBER, lambda env: runtime.power(a.fn(env), b.fn(env)),
                     const=a.const and b.const)

    def _arith(self, tree, left, op, right):
        a, b = self.compile(left), self.compile(right)
        result, impl = runtime.arithmetic(str(op), a.type, b.type)
        if result is None:
            raise ExprFault(f"cannot apply '{op}' to {a.type} and {b.type}", op.start_pos)
        return _Node(result, lambda env: impl(a.fn(env), b.fn(env)), const=a.const and b.const)

    def _compare(self, tree, left, op, right):
        a, b = self.compile(left), self.compile(right)
        sym = str(op)
        if "interval" in (a.type.kind, b.type.kind):
            raise ExprFault(f"'{sym}' compares single values, not intervals: use value.low or "
                            "value.high (value.start or value.end for dates), or "
                            "overlaps / contains / ~ … within", op.start_pos)
        if T.NONE in (a.type, b.type) and sym in ("==", "!="):
            pass
        elif not T.same_scalar(a.type, b.type) or (
                sym not in ("==", "!=") and a.type.kind in ("bool", "list", "record")):
            raise ExprFault(f"cannot compare {a.type} with {b.type} using '{sym}'", op.start_pos)
        cmp = _COMPARE[sym]
        return _Node(T.BOOL, lambda env: runtime.compare(cmp, a.fn(env), b.fn(env)),
                     const=a.const and b.const)

    def _between(self, tree, value, low, high):
        v, lo, hi = (self.compile(x) for x in (value, low, high))
        for node, sub in ((lo, low), (hi, high)):
            if v.type.kind == "interval" or not T.same_scalar(v.type, node.type):
                raise ExprFault(f"'between' needs values of one type, found {v.type} and {node.type}",
                                _offset(sub))
        return _Node(T.BOOL, lambda env: runtime.compare(operator.le, lo.fn(env), v.fn(env))
                     and runtime.compare(operator.le, v.fn(env), hi.fn(env)),
                     const=v.const and lo.const and hi.const)

    def _relation(self, tree, left, op, right):
        a, b = self.compile(left), self.compile(right)
        if not T.same_scalar(a.type, b.type) or T.scalar_of(a.type).kind not in ("quantity", "date"):
            raise ExprFault(f"'{op}' relates quantities or dates of one kind, found {a.type} and "
                            f"{b.type}", op.start_pos)
        impl = runtime.RELATIONS[str(op)]
        return _Node(T.BOOL, lambda env: impl(runtime.as_interval(a.fn(env)),
                                              runtime.as_interval(b.fn(env))),
                     const=a.const and b.const)

    def _approx(self, tree, left, right, tolerance):
        a, b, t = self.compile(left), self.compile(right), self.compile(tolerance)
        if not T.same_scalar(a.type, b.type) or T.scalar_of(a.type).kind not in ("quantity", "date"):
            raise ExprFault(f"'~' compares quantities or dates of one kind, found {a.type} and {b.type}",
                            _offset(right))
        scalar = T.scalar_of(a.type)
        allowed = T.DURATION if scalar.kind == "date" else scalar
        if t.type != T.PERCENT and t.type != allowed:
            raise ExprFault(f"tolerance must be a percentage or a {allowed}, found {t.type}",
                            _offset(tolerance))
        relative = t.type == T.PERCENT
        if relative and scalar.kind == "date":
            raise ExprFault("a date tolerance must be a duration such as 3 days, not a percentage",
                            _offset(tolerance))
        return _Node(T.BOOL, lambda env: runtime.approx(a.fn(env), b.fn(env), t.fn(env), relative),
                     const=a.const and b.const and t.const)

    def _member(self, tree, item, container):
        a, b = self.compile(item), self.compile(container)
        if b.type.kind == "list" and (b.type.element is None or b.type.element == a.type):
            return _Node(T.BOOL, lambda env: a.fn(env) in (b.fn(env) or ()), const=a.const and b.const)
        if b.type == T.STRING and a.type == T.STRING:
            return _Node(T.BOOL, lambda env: (a.fn(env) or "") in (b.fn(env) or ""),
                         const=a.const and b.const)
        raise ExprFault(f"'in' looks for a {a.type} in a list of {a.type} or a string, found {b.type}",
                        _offset(container))

    def _not_member(self, tree, item, container):
        node = self._member(tree, item, container)
        return _Node(T.BOOL, lambda env: not node.fn(env), const=node.const)


def _finite(token: Token) -> float:
    value = float(token)
    if not math.isfinite(value):
        raise ExprFault(f"number {str(token)[:20]}… is out of range", token.start_pos)
    return value


def _present(fn: Fn, env: dict) -> bool:
    try:
        return fn(env) is not None
    except EvaluationError:
        return False


def _unknown(what: str, name: str, known, context: Context) -> str:
    if name.startswith("__"):
        return f"'{name}' is not allowed: rule expressions have no access to Python internals"
    options = sorted(known)
    close = difflib.get_close_matches(name, options, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else (f"; known: {', '.join(options)}" if options else "")
    if context.scope == "claim" and name in ("a", "b"):
        hint = "; 'a' and 'b' exist only in article and corpus scope"
    if context.scope in ("article", "corpus") and what == "name":
        hint = f"; in {context.scope} scope fields are reached through 'a.' and 'b.'" + (
            f" (e.g. a.{name})" if name in context.claim_fields() else "")
    return f"unknown {what} '{name}'{hint}"

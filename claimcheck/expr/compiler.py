"""Type-check an expression tree and compile it to a Python closure, in one pass.

Every operator checks its operand types here, when the rule loads: "km vs days", "a date vs a
number", an unknown field (with a "did you mean") are all load-time errors located at the offending
sub-expression. Literal sub-trees are folded, so `1/0` or `9**9**8` fail at load too.
Nothing from a rule file is ever passed to eval: names resolve through fixed tables of fields.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from lark import Token, Tree

from claimcheck.errors import suggestion
from claimcheck.expr import runtime, types as T
from claimcheck.expr.context import Context
from claimcheck.expr.faults import EvaluationError, ExprFault
from claimcheck.expr.functions import FUNCTIONS
from claimcheck.expr.nodes import Fn, Node, offset_of
from claimcheck.expr.operators import OperatorRules
from claimcheck.expr.parser import parse
from claimcheck.expr.regex import compile_regex
from claimcheck.expr.units import literal_quantity

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


def _check_depth(tree: Tree) -> None:
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ExprFault(f"expression is more than {MAX_DEPTH} operators deep", offset_of(node))
        if isinstance(node, Tree):
            stack.extend((child, depth + 1) for child in node.children)


class _Compiler(OperatorRules):
    def __init__(self, context: Context):
        self.context = context
        self.uses_fact = False
        self.fields: set[str] = set()

    def compile(self, tree) -> Node:
        method = getattr(self, f"_{tree.data}", None)
        if method is None:  # pragma: no cover - the grammar and this class move together
            raise ExprFault(f"unsupported construct {tree.data}", offset_of(tree))
        node = method(tree, *tree.children)
        if node.const and node.type.kind not in ("record",):
            try:
                value = node.fn({})
            except EvaluationError as exc:
                raise ExprFault(str(exc), offset_of(tree)) from None
            return Node(node.type, lambda env, v=value: v, const=True)
        return node

    # literals ---------------------------------------------------------------------------
    def _number(self, tree, token):
        value = _finite(token)
        return Node(T.NUMBER, lambda env: value, const=True)

    def _percent(self, tree, token):
        value = _finite(token) / 100
        return Node(T.PERCENT, lambda env: value, const=True)

    def _quantity(self, tree, number, unit):
        try:
            magnitude, dimension = literal_quantity(_finite(number), str(unit), self.context.count_nouns)
        except ValueError as exc:
            raise ExprFault(str(exc), unit.start_pos) from None
        return Node(T.quantity(dimension), lambda env: magnitude, const=True)

    def _date(self, tree, token):
        try:
            value = date.fromisoformat(str(token))
        except ValueError:
            raise ExprFault(f"{token} is not a valid date", token.start_pos) from None
        return Node(T.DATE, lambda env: value, const=True)

    def _string(self, tree, token):
        raw = str(token)[1:-1]
        value = re.sub(r"\\(.)", r"\1", raw)
        return Node(T.STRING, lambda env: value, const=True)

    def _true(self, tree):
        return Node(T.BOOL, lambda env: True, const=True)

    def _false(self, tree):
        return Node(T.BOOL, lambda env: False, const=True)

    def _none(self, tree):
        return Node(T.NONE, lambda env: None, const=True)

    def _list(self, tree, *items):
        nodes = [self.compile(i) for i in items]
        kinds = {str(n.type) for n in nodes}
        if len(kinds) > 1:
            raise ExprFault(f"a list must hold values of one type, found {', '.join(sorted(kinds))}",
                            offset_of(tree))
        element = nodes[0].type if nodes else T.STRING
        fns = [n.fn for n in nodes]
        return Node(T.Type("list", element=element), lambda env: tuple(f(env) for f in fns),
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
        return Node(t, runtime.root_getter(name))

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
        return Node(fields[name], lambda env: getter(base_fn(env), env))

    def _call(self, tree, token, *args):
        name = str(token)
        nodes = [self.compile(a) for a in args]
        if name == "matches":
            return self._matches(token, args, nodes)
        if name == "same_story":
            return self._same_story(token, nodes)
        if name not in FUNCTIONS:
            raise ExprFault(_unknown("function", name, FUNCTIONS, self.context), token.start_pos)
        signature = FUNCTIONS[name]
        try:
            result_type, impl = signature([n.type for n in nodes])
        except TypeError as exc:
            raise ExprFault(f"{name}(): {exc}", token.start_pos) from None
        fns = [n.fn for n in nodes]
        if name == "has":
            return Node(T.BOOL, lambda env: _present(fns[0], env))
        return Node(result_type, lambda env: impl(*(f(env) for f in fns)),
                     const=all(n.const for n in nodes))

    def _matches(self, token, args, nodes) -> Node:
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
                            offset_of(args[1])) from None
        subject = nodes[0].fn
        return Node(T.BOOL, lambda env: regex.search(subject(env) or "") is not None)

    def _same_story(self, token, nodes) -> Node:
        """same_story(a, b): the two claims' articles are in one story (claimcheck/stories.py).
        It reads the engine's stories from the environment, so it is no pure function of its
        arguments' values and lives here rather than in FUNCTIONS."""
        if len(nodes) != 2 or any(n.type != T.CLAIM for n in nodes):
            raise ExprFault("same_story() takes two claims: same_story(a, b)", token.start_pos)
        self.fields.add("story")
        first, second = nodes[0].fn, nodes[1].fn
        return Node(T.BOOL, lambda env: runtime.same_story(first(env), second(env), env))


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
    hint = suggestion(name, sorted(known), list_known=True)
    if context.scope == "claim" and name in ("a", "b"):
        hint = "; 'a' and 'b' exist only in article and corpus scope"
    if context.scope in ("article", "corpus") and what == "name":
        hint = f"; in {context.scope} scope fields are reached through 'a.' and 'b.'" + (
            f" (e.g. a.{name})" if name in context.claim_fields() else "")
    return f"unknown {what} '{name}'{hint}"

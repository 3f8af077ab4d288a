"""Type rules and closures for the operators of the expression language: boolean logic,
arithmetic, comparisons, `between`, interval relations, tolerance (`~ … within`), difference
(`differs from … by more than …`) and `in`.

A mixin of the compiler: each method checks its operands' types, then returns a Node.
"""

from __future__ import annotations

import operator

from claimcheck.expr import runtime, types as T
from claimcheck.expr.difference import differs
from claimcheck.expr.faults import ExprFault
from claimcheck.expr.nodes import Node, offset_of

_COMPARE = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
            ">": operator.gt, ">=": operator.ge}


class OperatorRules:
    def compile(self, tree) -> Node:  # provided by the compiler
        raise NotImplementedError

    def _or_(self, tree, left, right):
        a, b = self._bools(left, right, "or")
        return Node(T.BOOL, lambda env: a.fn(env) or b.fn(env), const=a.const and b.const)

    def _and_(self, tree, left, right):
        a, b = self._bools(left, right, "and")
        return Node(T.BOOL, lambda env: a.fn(env) and b.fn(env), const=a.const and b.const)

    def _not_(self, tree, operand):
        a = self.compile(operand)
        self._expect(a, T.BOOL, operand, "'not' takes")
        return Node(T.BOOL, lambda env: not a.fn(env), const=a.const)

    def _bools(self, left, right, op):
        a, b = self.compile(left), self.compile(right)
        self._expect(a, T.BOOL, left, f"'{op}' takes")
        self._expect(b, T.BOOL, right, f"'{op}' takes")
        return a, b

    def _expect(self, node, want, tree, what):
        if node.type != want:
            raise ExprFault(f"{what} a {want}, found {node.type}", offset_of(tree))

    def _neg(self, tree, operand):
        a = self.compile(operand)
        if a.type.kind not in ("quantity", "percent"):
            raise ExprFault(f"cannot negate a {a.type}", offset_of(tree))
        return Node(a.type, lambda env: -a.fn(env), const=a.const)

    def _power(self, tree, left, right):
        a, b = self.compile(left), self.compile(right)
        for node, sub in ((a, left), (b, right)):
            if node.type != T.NUMBER:
                raise ExprFault(f"'**' takes numbers, found {node.type}", offset_of(sub))
        return Node(T.NUMBER, lambda env: runtime.power(a.fn(env), b.fn(env)),
                     const=a.const and b.const)

    def _arith(self, tree, left, op, right):
        a, b = self.compile(left), self.compile(right)
        result, impl = runtime.arithmetic(str(op), a.type, b.type)
        if result is None:
            raise ExprFault(f"cannot apply '{op}' to {a.type} and {b.type}", op.start_pos)
        return Node(result, lambda env: impl(a.fn(env), b.fn(env)), const=a.const and b.const)

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
        return Node(T.BOOL, lambda env: runtime.compare(cmp, a.fn(env), b.fn(env)),
                     const=a.const and b.const)

    def _between(self, tree, value, low, high):
        v, lo, hi = (self.compile(x) for x in (value, low, high))
        for node, sub in ((lo, low), (hi, high)):
            if v.type.kind == "interval" or not T.same_scalar(v.type, node.type):
                raise ExprFault(f"'between' needs values of one type, found {v.type} and {node.type}",
                                offset_of(sub))
        return Node(T.BOOL, lambda env: runtime.compare(operator.le, lo.fn(env), v.fn(env))
                     and runtime.compare(operator.le, v.fn(env), hi.fn(env)),
                     const=v.const and lo.const and hi.const)

    def _relation(self, tree, left, op, right):
        a, b = self.compile(left), self.compile(right)
        if not T.same_scalar(a.type, b.type) or T.scalar_of(a.type).kind not in ("quantity", "date"):
            raise ExprFault(f"'{op}' relates quantities or dates of one kind, found {a.type} and "
                            f"{b.type}", op.start_pos)
        impl = runtime.RELATIONS[str(op)]
        return Node(T.BOOL, lambda env: impl(runtime.as_interval(a.fn(env)),
                                              runtime.as_interval(b.fn(env))),
                     const=a.const and b.const)

    def _approx(self, tree, left, right, tolerance):
        a, b, t, relative = self._tolerance_operands(left, right, tolerance, "'~'")
        return Node(T.BOOL, lambda env: runtime.approx(a.fn(env), b.fn(env), t.fn(env), relative),
                     const=a.const and b.const and t.const)

    def _differs_more(self, tree, left, right, tolerance):
        a, b, t, relative = self._tolerance_operands(left, right, tolerance, "'differs from'")
        return Node(T.BOOL, lambda env: differs(a.fn(env), b.fn(env), t.fn(env), relative),
                     const=a.const and b.const and t.const)

    def _differs_at_most(self, tree, left, right, tolerance):
        node = self._differs_more(tree, left, right, tolerance)
        return Node(T.BOOL, lambda env: not node.fn(env), const=node.const)

    def _tolerance_operands(self, left, right, tolerance, op: str):
        """Two quantities (or dates) of one kind and a tolerance: a percentage, or a quantity of
        their dimension (a duration for dates). Returns the nodes and whether it is relative."""
        a, b, t = self.compile(left), self.compile(right), self.compile(tolerance)
        if not T.same_scalar(a.type, b.type) or T.scalar_of(a.type).kind not in ("quantity", "date"):
            raise ExprFault(f"{op} compares quantities or dates of one kind, found {a.type} and "
                            f"{b.type}", offset_of(right))
        scalar = T.scalar_of(a.type)
        allowed = T.DURATION if scalar.kind == "date" else scalar
        if t.type != T.PERCENT and t.type != allowed:
            raise ExprFault(f"tolerance must be a percentage or a {allowed}, found {t.type}",
                            offset_of(tolerance))
        relative = t.type == T.PERCENT
        if relative and scalar.kind == "date":
            raise ExprFault("a date tolerance must be a duration such as 3 days, not a percentage",
                            offset_of(tolerance))
        return a, b, t, relative

    def _member(self, tree, item, container):
        a, b = self.compile(item), self.compile(container)
        if b.type.kind == "list" and (b.type.element is None or b.type.element == a.type):
            return Node(T.BOOL, lambda env: a.fn(env) in (b.fn(env) or ()), const=a.const and b.const)
        if b.type == T.STRING and a.type == T.STRING:
            return Node(T.BOOL, lambda env: (a.fn(env) or "") in (b.fn(env) or ""),
                         const=a.const and b.const)
        raise ExprFault(f"'in' looks for a {a.type} in a list of {a.type} or a string, found {b.type}",
                        offset_of(container))

    def _not_member(self, tree, item, container):
        node = self._member(tree, item, container)
        return Node(T.BOOL, lambda env: not node.fn(env), const=node.const)

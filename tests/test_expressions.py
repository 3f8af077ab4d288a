"""The rule expression language: data-driven valid and invalid cases, plus deep-nesting limits."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claimcheck.expr import Context, ExprFault, compile_expression
from claimcheck.expr import types as T

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "expressions.yaml").read_text())
VALUES = {"length": T.interval(T.quantity("[length]")), "count": T.interval(T.NUMBER),
          "date": T.interval(T.DATE)}


def _context(case) -> Context:
    scope = {"pair": "corpus"}.get(case["scope"], case["scope"])
    return Context(scope, VALUES.get(case.get("value")), frozenset({"troops"}))


@pytest.mark.parametrize("case", CASES["valid"], ids=lambda c: c["expr"])
def test_valid(case):
    compiled = compile_expression(case["expr"], _context(case))
    assert str(compiled.type) == case["type"]


@pytest.mark.parametrize("case", CASES["invalid"], ids=lambda c: c["expr"])
def test_invalid(case):
    with pytest.raises(ExprFault) as info:
        compile_expression(case["expr"], _context(case))
    assert case["error"] in info.value.message
    assert info.value.offset == case["offset"]


@pytest.mark.parametrize("depth", [500, 100_000])
def test_deep_nesting_is_a_located_error(depth):
    with pytest.raises(ExprFault, match="nests deeper"):
        compile_expression("(" * depth + "1" + ")" * depth, Context("literal"))


def test_long_operator_chain_is_bounded():
    with pytest.raises(ExprFault):
        compile_expression(" + ".join(["1"] * 1500), Context("literal"))


def test_constant_folding_evaluates_literals_once():
    compiled = compile_expression("2 ** 10", Context("literal"))
    assert compiled({}) == 1024

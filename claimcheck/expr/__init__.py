"""The rule expression language: a lark grammar, a typed compiler to closures, and their errors."""

from claimcheck.expr.compiler import Compiled, compile_expression
from claimcheck.expr.template import compile_template
from claimcheck.expr.context import Context
from claimcheck.expr.faults import EvaluationError, ExprFault

__all__ = ["Compiled", "Context", "EvaluationError", "ExprFault", "compile_expression",
           "compile_template"]

"""Message templates: text with {expression} placeholders, each compiled like any expression."""

from __future__ import annotations

import re
from typing import Any, Callable

from claimcheck.expr import runtime
from claimcheck.expr.compiler import compile_expression
from claimcheck.expr.context import Context
from claimcheck.expr.faults import EvaluationError, ExprFault

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def compile_template(text: str, context: Context) -> Callable[[dict], str]:
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

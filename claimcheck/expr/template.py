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

    # "{text} ({value})": the value in brackets, left out where it reads as the text does
    echoes = [i for i in range(3, len(parts) - 1, 2)
              if parts[i - 1] == " (" and parts[i + 1].startswith(")")]

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
        for i in echoes:
            if out[i] == out[i - 2]:        # "1,084 km (1,084 km)" says it twice
                out[i - 1] = out[i] = ""
                out[i + 1] = out[i + 1][1:]
        return "".join(out)
    return render

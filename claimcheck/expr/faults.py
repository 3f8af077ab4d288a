"""Errors inside an expression, located by character offset; the rule loader maps the offset to the
line:column of the YAML file the expression sits in."""

from __future__ import annotations


class ExprFault(Exception):
    def __init__(self, message: str, offset: int = 0):
        super().__init__(message)
        self.message = message
        self.offset = offset


class EvaluationError(Exception):
    """A fault only the data can reveal (a division by zero at run time); the engine reports it once
    per rule as a warning and treats the check as not applicable to that claim."""

"""One error tree. Every user-facing error knows where it happened: path, line and column (1-based)."""

from __future__ import annotations

import difflib

from claimcheck.printable import printable


class ClaimcheckError(Exception):
    """Base of every error claimcheck reports to a user; str() is the one-line form."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None, context: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.context = context  # the offending source line with a caret under the fault

    def where(self) -> str:
        if self.path is None:
            return "claimcheck"
        return f"{printable(self.path)}:{self.line or 1}:{self.column or 1}"

    def __str__(self) -> str:
        return f"{self.where()}: error: {printable(self.message)}"

    def with_context(self) -> str:
        if not self.context:
            return str(self)
        return "\n".join([str(self), *map(printable, self.context.split("\n"))])


class UsageError(ClaimcheckError):
    """A bad flag or argument on the command line."""


class CorpusError(ClaimcheckError):
    """An article that cannot be read or parsed."""


class RuleError(ClaimcheckError):
    """A rule file that is malformed: YAML, structure, or references."""


class ExpressionError(RuleError):
    """A rule expression that does not parse or does not type-check."""


def caret_context(source_line: str, column: int) -> str:
    """The source line and a caret under 1-based `column`, as compilers print them."""
    line = source_line.rstrip("\r\n")
    return f"    {line}\n    {' ' * max(column - 1, 0)}^"


def suggestion(name, known, list_known: bool = False) -> str:
    """"; did you mean 'x'?" for the closest of `known`, else (with `list_known`) "; known: …"."""
    known = [str(k) for k in known]
    close = difflib.get_close_matches(str(name), known, n=1)
    if close:
        return f"; did you mean '{close[0]}'?"
    return f"; known: {', '.join(known)}" if list_known and known else ""

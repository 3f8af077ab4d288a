"""Compiled sub-expressions, as the compiler and its operator rules pass them around."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from lark import Token

from claimcheck.expr import types as T

Fn = Callable[[dict], Any]


def offset_of(node) -> int:
    """Where a tree or token starts in the expression text."""
    if isinstance(node, Token):
        return node.start_pos or 0
    meta = getattr(node, "meta", None)
    return getattr(meta, "start_pos", 0) if meta is not None and not meta.empty else 0


@dataclass(frozen=True)
class Node:
    """A compiled sub-expression: its type, its closure, and whether it is a constant."""
    type: T.Type
    fn: Fn
    const: bool = False

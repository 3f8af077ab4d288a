"""YAML read into plain data that remembers where each value sits (1-based line and column).

Built from the composed node tree, so duplicate keys, alias bombs and deep nesting are caught here
with a position, before anything else looks at the data.
"""

from __future__ import annotations

import math
import re

import yaml

from claimcheck import safe_yaml
from claimcheck.errors import RuleError

MAX_NODES = 50_000
MAX_DEPTH = 64
_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in
               ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}


class Mark:
    __slots__ = ("line", "column")

    def __init__(self, line: int, column: int):
        self.line, self.column = line, column


class YMap(dict):
    mark: Mark
    key_marks: dict


class YList(list):
    mark: Mark


class YStr(str):
    """A string with its position, and what it takes to map an offset inside it to the file."""
    mark: Mark
    style: str | None
    block_indent: int


def mark_of(value, default: Mark | None = None) -> Mark:
    return getattr(value, "mark", None) or default or Mark(1, 1)


def load_located(text: str, path: str):
    _precheck_nesting(text, path)
    try:
        node = safe_yaml.compose(text)
    except safe_yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise RuleError(f"invalid YAML: {exc.problem or exc.context}", path,
                        mark.line + 1 if mark else 1, mark.column + 1 if mark else 1) from None
    except safe_yaml.YAMLError as exc:
        raise RuleError(f"invalid YAML: {exc}", path, 1, 1) from None
    if node is None:
        return None
    return _Converter(path, text).convert(node, 0)


def _precheck_nesting(text: str, path: str) -> None:
    """libyaml's composer recurses once per level and overflows the C stack (a segfault, not an
    exception) somewhere past ten thousand levels, so nesting is bounded here, before it parses:
    flow brackets are counted, and block nesting cannot be deeper than a line's indentation plus
    its leading "- " entries."""
    depth = 0
    line, line_start = 1, 0
    for i, ch in enumerate(text):
        if ch == "\n":
            line, line_start = line + 1, i + 1
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise RuleError(f"YAML nests deeper than {MAX_DEPTH} levels", path, line,
                                i - line_start + 1)
        elif ch in "]}":
            depth = max(depth - 1, 0)
    for number, row in enumerate(text.split("\n"), start=1):
        prefix = _BLOCK_PREFIX.match(row)
        if prefix and (len(prefix.group()) > MAX_INDENT or prefix.group().count("-") > MAX_DEPTH):
            raise RuleError(f"YAML nests deeper than {MAX_DEPTH} levels (indentation or leading "
                            f"'- ' entries past {MAX_INDENT} columns)", path, number, 1)


_BLOCK_PREFIX = re.compile(r"[ \t]*(?:[-?][ \t]+)*")
MAX_INDENT = 256


class _Converter:
    def __init__(self, path: str, text: str):
        self.path = path
        self.lines = text.split("\n")
        self.count = 0
        self.path_nodes: set[int] = set()   # nodes on the way down: an alias to one is a cycle
        self.constructor = yaml.SafeLoader.__new__(yaml.SafeLoader)
        yaml.constructor.SafeConstructor.__init__(self.constructor)

    def convert(self, node, depth: int):
        self.count += 1
        mark = Mark(node.start_mark.line + 1, node.start_mark.column + 1)
        if self.count > MAX_NODES:
            raise RuleError(f"YAML document expands to more than {MAX_NODES:,} values "
                            "(an alias bomb?)", self.path, mark.line, mark.column)
        if depth > MAX_DEPTH:
            raise RuleError(f"YAML nests deeper than {MAX_DEPTH} levels", self.path, mark.line,
                            mark.column)
        if node.tag not in _PLAIN_TAGS:
            raise RuleError(f"unsupported YAML tag {node.tag.replace('tag:yaml.org,2002:', '!!')}; "
                            "rule files hold plain data only", self.path, mark.line, mark.column)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, mark)
        if id(node) in self.path_nodes:
            raise RuleError("an alias refers to the collection that contains it", self.path,
                            mark.line, mark.column)
        self.path_nodes.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, mark, depth)
            out = YList(self.convert(child, depth + 1) for child in node.value)
            out.mark = mark
            return out
        finally:
            self.path_nodes.discard(id(node))

    def _mapping(self, node, mark: Mark, depth: int) -> YMap:
        out = YMap()
        out.mark = mark
        out.key_marks = {}
        for key_node, value_node in node.value:
            key = self.convert(key_node, depth + 1)
            key_mark = Mark(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key, str):
                raise RuleError(f"keys must be strings, found {type(key).__name__} {key!r}",
                                self.path, key_mark.line, key_mark.column)
            if key in out:
                first = out.key_marks[key]
                raise RuleError(f"duplicate key '{key}' (first at line {first.line})", self.path,
                                key_mark.line, key_mark.column)
            out[key] = self.convert(value_node, depth + 1)
            out.key_marks[key] = key_mark
        return out

    def _scalar(self, node, mark: Mark):
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.constructor.ConstructorError, ValueError, OverflowError) as exc:
            raise RuleError(f"cannot read value: {getattr(exc, 'problem', exc)}", self.path,
                            mark.line, mark.column) from None
        if isinstance(value, float) and not math.isfinite(value):
            raise RuleError(f"{node.value!r} is not a finite number", self.path, mark.line, mark.column)
        if isinstance(value, str):
            out = YStr(value)
            out.mark = mark
            out.style = node.style
            out.block_indent = self._block_indent(node) if node.style in ("|", ">") else 0
            return out
        return value

    def _block_indent(self, node) -> int:
        for line in self.lines[node.start_mark.line + 1:]:
            if line.strip():
                return len(line) - len(line.lstrip(" "))
        return 0


def position_in(value: YStr, offset: int) -> tuple[int, int]:
    """File line:column of character `offset` inside a located YAML string."""
    mark = value.mark
    if getattr(value, "style", None) in ("|", ">"):
        before = str(value)[:offset]
        row = before.count("\n")
        column = offset - (before.rfind("\n") + 1)
        return mark.line + 1 + row, value.block_indent + column + 1
    quote = 1 if getattr(value, "style", None) in ("'", '"') else 0
    return mark.line, mark.column + quote + offset


def source_line(text: str, line: int) -> str:
    lines = text.split("\n")
    return lines[line - 1] if 0 < line <= len(lines) else ""


"""The one place that reads YAML: always the safe loader, which never constructs Python objects.

`load_plain` (article front matter) is bounded before anything is built: its size, how deep it
nests (libyaml's composer recurses per level and can overflow the C stack), and how many values
it expands to once aliases are followed (an alias bomb is a few lines that expand to billions).
"""

from __future__ import annotations

import yaml

try:  # libyaml is much faster where it is installed
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

YAMLError = yaml.YAMLError
MarkedYAMLError = yaml.MarkedYAMLError

MAX_BYTES = 256 * 1024
MAX_DEPTH = 64
MAX_VALUES = 10_000


class LimitError(MarkedYAMLError):
    """YAML over one of the limits; `problem_mark` says where (0-based, as YAML's own marks)."""

    def __init__(self, problem: str, line: int = 0, column: int = 0):
        super().__init__(problem=problem,
                         problem_mark=yaml.Mark("<yaml>", 0, line, column, None, None))


def load_plain(text: str):
    """Parse YAML into plain Python data (dicts, lists, strings, numbers, dates), within limits."""
    if len(text) > MAX_BYTES:
        raise LimitError(f"YAML is {len(text):,} characters, over the limit of {MAX_BYTES:,}")
    _bracket_depth(text)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except UnicodeEncodeError as exc:   # half a character (a lone surrogate)
        raise LimitError(f"YAML holds a character that is not text ({exc.reason})") from None
    if node is None:
        return None
    _expanded_size(node)
    constructor = yaml.SafeLoader.__new__(yaml.SafeLoader)
    yaml.constructor.SafeConstructor.__init__(constructor)
    return constructor.construct_document(node)


def compose(text: str):
    """Parse YAML into a node tree that keeps line:column marks for every value."""
    return yaml.compose(text, Loader=_Loader)


def _bracket_depth(text: str) -> None:
    """Flow brackets and block indentation bound how deep the composer will recurse."""
    depth = line = column = 0
    indent, at_start = 0, True
    for ch in text:
        if ch == "\n":
            line, column, indent, at_start = line + 1, 0, 0, True
            continue
        if at_start and ch in " -?":
            indent += 1
            if indent > 4 * MAX_DEPTH:
                raise LimitError(f"YAML nests deeper than {MAX_DEPTH} levels", line, column)
        else:
            at_start = False
        if ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise LimitError(f"YAML nests deeper than {MAX_DEPTH} levels", line, column)
        elif ch in "]}":
            depth = max(depth - 1, 0)
        column += 1


def _expanded_size(root) -> int:
    """How many values the document holds once every alias is followed, computed once per node
    (so without expanding anything); an alias to its own container is refused."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node, depth: int) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        mark = node.start_mark
        if key in open_nodes:
            raise LimitError("an alias refers to the collection that contains it", mark.line,
                             mark.column)
        if depth > MAX_DEPTH:
            raise LimitError(f"YAML nests deeper than {MAX_DEPTH} levels", mark.line, mark.column)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            children = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        else:
            children = []
        open_nodes.add(key)
        for child in children:
            total += size(child, depth + 1)
            if total > MAX_VALUES:
                raise LimitError(f"YAML expands to more than {MAX_VALUES:,} values (an alias "
                                 "bomb?)", mark.line, mark.column)
        open_nodes.discard(key)
        sizes[key] = total
        return total

    return size(root, 0)

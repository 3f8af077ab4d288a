"""Inline suppressions written in articles, as an HTML comment that suits text and Markdown alike:

    <!-- claimcheck: ignore meeting-date-conflict -->        the rest of its line, or, alone on a
                                                            line, the paragraph that follows
    <!-- claimcheck: ignore-file troop-count-conflict -->   the whole article

Several ids may be given, separated by commas or spaces. A suppression that suppresses nothing
is reported, so stale ones do not pile up.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from claimcheck.model import Article, Finding

SUPPRESSION_MARK = "claimcheck:"   # no article without it can hold a directive
# Run by RE2, in time linear in the text: with Python's re, the lazy ids and the white space
# around them backtrack on a long run of spaces. The fallback (for text RE2 cannot read, a
# lone surrogate) bounds the ids instead.
_PATTERN = r"<!--\s*claimcheck:\s*(?P<verb>ignore-file|ignore)\s+(?P<ids>[\w\-, ]{IDS}?)\s*-->"
_DIRECTIVE_SLOW = re.compile(_PATTERN.replace("{IDS}", "{1,400}"))
_NON_SPACE = re.compile(r"\S")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_LINE_BREAK = re.compile(r"\n")


@lru_cache(maxsize=1)
def _directive():
    """Compiled on first use: most corpora hold no directive, and RE2 costs start-up time."""
    import re2
    options = re2.Options()
    options.log_errors = False
    return re2.compile(_PATTERN.replace("{IDS}", "+"), options)


@dataclass
class Suppression:
    article: str
    path: str
    line: int
    column: int
    rule: str
    start: int          # the text range it covers
    end: int
    used: bool = False


def find_suppressions(article: Article) -> list[Suppression]:
    found = []
    text = article.text
    if SUPPRESSION_MARK not in text:
        return found
    try:
        matches = list(_directive().finditer(text))
    except UnicodeEncodeError:
        matches = list(_DIRECTIVE_SLOW.finditer(text))
    breaks: list[int] = []   # line breaks and blank lines, found once for all directives
    blanks: list[int] = []
    if matches:
        breaks = [b.start() for b in _LINE_BREAK.finditer(text)]
        blanks = [b.start() for b in _BLANK_LINE.finditer(text)]
    for m in matches:
        start, end = _extent(text, m, breaks, blanks)
        line, column = article.locate(m.start())
        for rule in re.split(r"[\s,]+", m.group("ids").strip()):
            if rule:
                found.append(Suppression(article.id, article.path, line, column, rule, start, end))
    return found


def _extent(text: str, m, breaks: list[int], blanks: list[int]) -> tuple[int, int]:
    """The text range a directive covers; `breaks` and `blanks` are where the text's line breaks
    and blank lines start, so each directive costs a few bisections however long its line."""
    if m.group("verb") == "ignore-file":
        return 0, len(text)
    before = bisect_left(breaks, m.start())
    line_start = breaks[before - 1] + 1 if before else 0
    after = bisect_left(breaks, m.end())
    line_end = breaks[after] if after < len(breaks) else len(text)
    alone = (_NON_SPACE.search(text, line_start, m.start()) is None
             and _NON_SPACE.search(text, m.end(), line_end) is None)
    if not alone:
        return line_start, line_end
    paragraph = _NON_SPACE.search(text, line_end)
    if paragraph is None:
        return line_start, line_end
    start = paragraph.start()
    blank = bisect_left(blanks, start)
    return line_start, blanks[blank] if blank < len(blanks) else len(text)


def apply_suppressions(articles: list[Article], findings: list[Finding]) -> tuple[list[Finding], list[Suppression]]:
    """(findings left, suppressions that matched nothing). A finding is suppressed by a directive
    for its rule that covers its first location: the claim the finding is about."""
    by_article: dict[str, list[Suppression]] = {}
    for article in articles:
        for s in find_suppressions(article):
            by_article.setdefault(s.article, []).append(s)
    kept = []
    for finding in findings:
        subject = finding.locations[0]
        match = next((s for s in by_article.get(subject.article, ())
                      if s.rule == finding.rule and s.start <= subject.start < s.end), None)
        if match is None:
            kept.append(finding)
        else:
            match.used = True
    unused = [s for group in by_article.values() for s in group if not s.used]
    return kept, unused

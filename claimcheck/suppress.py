"""Inline suppressions written in articles, as an HTML comment that suits text and Markdown alike:

    <!-- claimcheck: ignore meeting-date-conflict -->        the rest of its line, or, alone on a
                                                            line, the paragraph that follows
    <!-- claimcheck: ignore-file troop-count-conflict -->   the whole article

Several ids may be given, separated by commas or spaces. A suppression that suppresses nothing
is reported, so stale ones do not pile up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.model import Article, Finding

SUPPRESSION_MARK = "claimcheck:"   # no article without it can hold a directive
_DIRECTIVE = re.compile(r"<!--\s*claimcheck:\s*(?P<verb>ignore-file|ignore)\s+(?P<ids>[\w\-, ]+?)\s*-->")


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
    for m in _DIRECTIVE.finditer(text):
        start, end = _extent(text, m)
        line, column = article.locate(m.start())
        for rule in re.split(r"[\s,]+", m["ids"].strip()):
            if rule:
                found.append(Suppression(article.id, article.path, line, column, rule, start, end))
    return found


def _extent(text: str, m: re.Match) -> tuple[int, int]:
    if m["verb"] == "ignore-file":
        return 0, len(text)
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end == -1 else line_end
    alone = not text[line_start:m.start()].strip() and not text[m.end():line_end].strip()
    if not alone:
        return line_start, line_end
    rest = text[line_end:]
    paragraph = re.search(r"\S", rest)
    if paragraph is None:
        return line_start, line_end
    start = line_end + paragraph.start()
    blank = re.search(r"\n\s*\n", text[start:])
    return line_start, start + blank.start() if blank else len(text)


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

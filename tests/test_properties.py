"""Property tests: whatever text arrives, parsers answer with a value or the project's own located
error, and extraction never raises. Sized to run in well under a minute."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.corpus.formats import parse_article
from claimcheck.errors import ClaimcheckError
from claimcheck.expr import Context, ExprFault, compile_expression
from claimcheck.expr import types as T
from claimcheck.model import Article
from claimcheck.sourcemap import SourceMap

CONTEXT = Context("claim", T.interval(T.quantity("[length]")), frozenset({"troops"}))
PAIR = Context("corpus", T.interval(T.DATE))
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

atoms = st.sampled_from([
    "value", "value.low", "value.high", "value.start", "text", "key", "tense", "entities",
    "article.published", "fact.value", "a.value", "b.value", "a.article.published",
    "4209 km", "3 days", "2%", "10", "0", "1.5", "2021-12-14", "'future'", "true", "none",
    "[\"a\", \"b\"]", "nosuchfield", "__class__", "9e999",
])
operators = st.sampled_from(["and", "or", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/",
                             "**", "overlaps", "contains", "before", "after", "in", "not in"])


@st.composite
def expressions(draw, depth=0):
    if depth > 4 or draw(st.booleans()):
        return draw(atoms)
    kind = draw(st.integers(0, 5))
    left, right = draw(expressions(depth + 1)), draw(expressions(depth + 1))
    if kind == 0:
        return f"not {left}"
    if kind == 1:
        return f"({left})"
    if kind == 2:
        return f"{left} ~ {right} within {draw(atoms)}"
    if kind == 3:
        return f"{left} between {right} and {draw(atoms)}"
    if kind == 4:
        return f"{draw(st.sampled_from(['abs', 'min', 'max', 'len', 'has', 'width', 'nope']))}({left})"
    return f"{left} {draw(operators)} {right}"


def _compiles_or_faults(text: str, context: Context) -> None:
    try:
        compiled = compile_expression(text, context)
    except ExprFault as fault:
        assert isinstance(fault.message, str) and fault.message
        assert 0 <= fault.offset <= len(text)
        return
    assert compiled.type is not None


@FAST
@given(expressions(), st.sampled_from([CONTEXT, PAIR]))
def test_generated_expressions_compile_or_fault(text, context):
    _compiles_or_faults(text, context)


@FAST
@given(st.text(max_size=200))
def test_arbitrary_text_as_an_expression(text):
    _compiles_or_faults(text, CONTEXT)


ARTICLE_WORDS = st.sampled_from([
    "Wednesday", "last", "Monday", "next", "year", "over the weekend", "late", "November", "mid-",
    "1950s", "120,000", "troops", "2,600-mile", "4,209", "km", "about", "more than", "between",
    "and", "will", "met", "on", "in", "July", "2021", "Dec.", "15,", "2021-02-30", "the", "two",
    "Xi", "Putin", "China", "Russia", "border", "summit", "ago", "weeks", "Q3", "quarter", ".",
    ",", "\n\n", "\u2019", "\x00", "-", "%", "1.2", "million", "9" * 40, "Feb", "29",
    "next year", "last week", "on Wednesday", "yesterday", "in July", "two weeks ago",
    "this winter", "in 3 days", "the 1990s", "early 2022", "Q4 2021", "tomorrow", "next month",
])
PUBLISHED = st.one_of(st.none(), st.dates(), st.sampled_from([date.min, date.max, date(2021, 12, 14)]))


@FAST
@given(st.lists(ARTICLE_WORDS, max_size=60), PUBLISHED)
def test_extraction_never_raises_on_newsy_text(extractor, words, published):
    _extract_all(extractor, " ".join(words), published)


@FAST
@given(st.text(max_size=400), PUBLISHED)
def test_extraction_never_raises_on_arbitrary_text(extractor, text, published):
    _extract_all(extractor, text, published)


def _extract_all(extractor, text: str, published) -> None:
    article = Article("p.txt", text, published, sourcemap=SourceMap())
    for claim in extractor.extract(article):
        assert 0 <= claim.span.start < claim.span.end <= len(text)
        assert text[claim.span.start:claim.span.end] == claim.span.text
        if claim.kind == "date":
            assert claim.value.start <= claim.value.end
        else:
            assert claim.value.low <= claim.value.high


@FAST
@given(st.text(max_size=300), st.sampled_from(["a.txt", "a.md", "a.json", "a.jsonl"]))
def test_article_parsing_gives_articles_or_a_located_error(text, name):
    try:
        articles = parse_article(text, name, name)
    except ClaimcheckError as exc:
        assert exc.path == name and exc.line >= 1 and exc.column >= 1
        return
    for article in articles:
        if article.text:
            line, column = article.locate(len(article.text) - 1)
            assert line >= 1 and column >= 1

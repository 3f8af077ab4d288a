"""The HTML report of a generated corpus large enough to need its caps (benchmarks/synthetic.py,
700 articles, conflicts planted every 50th): findings lead, articles with findings come before
clean ones, the timeline draws only articles in findings and counts the rest, the filter is there
and works, and at 390 pixels the page needs no sideways scrolling. Size and render time at 20,000
articles are measured by benchmarks/report_scale.py."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from claimcheck.report import REPORTERS
from claimcheck.report import html, timeline

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from browser import measure  # noqa: E402
from synthetic import generate  # noqa: E402

ARTICLES = 700


@pytest.fixture(scope="module")
def scaled(default_pack, tmp_path_factory) -> tuple[dict, str]:
    from claimcheck.pipeline import check_corpus
    folder = tmp_path_factory.mktemp("scaled") / "corpus"
    for item in generate(ARTICLES):
        path = folder / item.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(item.text, encoding="utf-8")
    result = check_corpus([str(folder)], default_pack, full=True).as_dict("error", default_pack,
                                                                          full=True)
    return result, REPORTERS["html"](result)


def _ids_in_order(page: str, pattern: str) -> list[str]:
    return re.findall(pattern, page)


def test_findings_lead_and_clean_articles_come_last(scaled):
    result, page = scaled
    assert len(result["findings"]) >= 10 and result["summary"]["articles"] == ARTICLES
    sections = [page.index(f'<section id="{name}">') for name in
                ("summary", "findings", "articles", "timeline", "claims")]
    assert sections == sorted(sections)
    tables = re.findall(r'<details class="claims (flagged|clean)"', page)
    assert tables.index("clean") == tables.count("flagged")       # every flagged one first
    assert len(tables) == html.CLAIM_TABLES
    left = re.search(r'id="claims-left-out">Not listed: (.*?)</p>', page, re.S).group(1)
    assert f"{ARTICLES - html.CLAIM_TABLES} articles without findings" in " ".join(left.split())


def test_filter_offers_every_rule_and_severity(scaled):
    result, page = scaled
    rules = {f["rule"] for f in result["findings"]}
    options = set(re.findall(r'<option value="([^"]+)">', page))
    assert options == rules
    tagged = re.findall(r'class="finding [^"]*" id="finding-\d+" data-rule="([^"]+)" '
                        r'data-severity="(\w+)"', page)
    assert len(tagged) == len(result["findings"])
    assert {s for _, s in tagged} == {f["severity"] for f in result["findings"]}


def test_timeline_draws_findings_and_counts_the_rest(scaled):
    result, _ = scaled
    view = html.view(result)
    chart = view["timeline"]
    flagged = {c["article"] for f in result["findings"] for c in f["claims"] if c["kind"] == "date"}
    drawn = {row["article"] for row in chart["rows"]}
    assert drawn and drawn <= flagged and len(drawn) <= timeline.MAX_ROWS
    dated = {c["article"] for c in result["claims"] if c["kind"] == "date"}
    assert chart["totals"]["articles"] == len(dated - drawn)
    assert sum(b["n"] for b in chart["totals"]["bars"]) + chart["totals"]["apart"] \
        >= chart["totals"]["claims"] > 0


def test_a_finding_shows_few_passages_and_lists_the_rest(scaled):
    result, page = scaled
    wide = max(result["findings"], key=lambda f: len(f["locations"]))
    assert len(wide["locations"]) > html.SHOWN_PARTNERS + 1
    anchor = f'id="finding-{result["findings"].index(wide) + 1}"'
    block = page[page.index(anchor):page.index("fingerprint", page.index(anchor))]
    assert block.count("<figure") == html.SHOWN_PARTNERS + 1
    assert f"{len(wide['locations']) - html.SHOWN_PARTNERS - 1} more locations" in block


def test_narrow_window_and_filter_in_chromium(scaled, chromium, tmp_path):
    """At 390 pixels nothing is wider than the window; the first finding comes before any clean
    article; the filter, preset by the address, hides what it should."""
    result, page = scaled
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    narrow = measure(chromium, report, tmp_path / "profile", width=390, height=844)
    assert narrow["viewport"] == 390
    assert narrow["scroll_width"] <= 390, narrow["wider"]
    assert narrow["filter_ready"] and narrow["hidden"] == 0
    assert narrow["first_finding"] < narrow["first_clean"]
    errors = sum(1 for f in result["findings"] if f["severity"] == "error")
    only = measure(chromium, report, tmp_path / "profile", width=1280, fragment="severity=error")
    assert (only["shown"], only["hidden"]) == (errors, len(result["findings"]) - errors)
    rule = result["findings"][0]["rule"]
    one = measure(chromium, report, tmp_path / "profile", fragment=f"rule={rule}")
    assert one["shown"] == sum(1 for f in result["findings"] if f["rule"] == rule)

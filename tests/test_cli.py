"""The command line as CI uses it: contracts of DESIGN.md, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RULES = str(ROOT / "rules")


def run(*args, cwd=None):
    proc = subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True,
                          text=True, cwd=cwd or ROOT, timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "a.txt").write_text("date 2021-12-14 Xi Jinping and Vladimir Putin will meet "
                                    "virtually on Wednesday. China and Russia share a 2,600-mile border.")
    (tmp_path / "b.md").write_text("---\ndate: 2021-12-14\ntitle: B\n---\n\nXi Jinping and Vladimir "
                                   "Putin will hold talks on Thursday.\n")
    return tmp_path


def test_check_json_contract_and_exit_code(corpus):
    proc = run("check", str(corpus), "--rules", RULES, "--format", "json")
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert data["summary"]["findings"] == len(data["findings"]) == 1
    (finding,) = data["findings"]
    for field in ("rule", "severity", "scope", "message", "fingerprint", "locations", "claims"):
        assert field in finding
    for field in ("article", "line", "column", "start", "end", "text"):
        assert field in finding["locations"][0]
    assert finding["rule"] == "meeting-date-conflict"
    loc = finding["locations"][0]
    assert (loc["article"], loc["line"], loc["text"]) == ("b.md", 6, "Thursday")
    line = (corpus / "b.md").read_text().split("\n")[loc["line"] - 1]
    assert line[loc["column"] - 1:].startswith("Thursday")
    assert loc["end"] - loc["start"] == len("Thursday")


def test_fail_on_threshold(tmp_path):
    (tmp_path / "t.txt").write_text("date 2021-12-10 The drills opposite Taiwan involved some "
                                    "20,000,000 soldiers from China.")
    assert run("check", str(tmp_path), "--rules", RULES).returncode == 0  # a warning only
    assert run("check", str(tmp_path), "--rules", RULES, "--fail-on", "warning").returncode == 1


def test_extract_jsonl_contract(corpus):
    proc = run("extract", str(corpus / "a.txt"), "--rules", RULES, "--format", "jsonl")
    assert proc.returncode == 0
    claims = [json.loads(line) for line in proc.stdout.splitlines()]
    date_claim, length_claim = claims
    for field in ("article", "claim_type", "kind", "text", "start", "end", "line", "column", "key",
                  "entities", "value"):
        assert field in date_claim
    assert date_claim["value"] == {"start": "2021-12-15", "end": "2021-12-15", "granularity": "day"}
    assert length_claim["value"]["low"] == 2550 and length_claim["value"]["unit"] == "mile"
    assert length_claim["value"]["base"]["unit"] == "meter"


def test_extract_table_is_readable(corpus):
    proc = run("extract", str(corpus), "--rules", RULES)
    assert "meeting_date" in proc.stdout and proc.stdout.rstrip().endswith("3 claims")


def test_bad_rule_is_one_line_with_position_and_exit_2(tmp_path, corpus):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "r.yaml").write_text("checks:\n  - id: x\n    description: d\n    severity: error\n"
                                  "    scope: claim\n    claim_types: [quantity]\n"
                                  "    assert: value.high >\n    message: m\n")
    proc = run("check", str(corpus), "--rules", str(rules))
    assert proc.returncode == 2
    first = proc.stderr.splitlines()[0]
    assert first.startswith(f"{rules / 'r.yaml'}:7:") and ": error: " in first


def test_missing_corpus_and_bad_flag_exit_2(tmp_path):
    proc = run("check", str(tmp_path / "missing"), "--rules", RULES)
    assert proc.returncode == 2 and "no such file or directory" in proc.stderr
    assert run("check", str(tmp_path), "--fail-on", "fatal").returncode == 2


def test_rules_commands():
    assert run("rules", "validate", RULES).returncode == 0
    proc = run("rules", "test", RULES)
    assert proc.returncode == 0 and proc.stdout.rstrip().endswith("0 failed")
    assert "troop-count-plausible" in run("rules", "list", RULES).stdout
    explained = run("explain", "meeting-date-conflict", "--rules", RULES)
    assert explained.returncode == 0
    # a corpus check's example is shown as the pair of articles it is
    assert "must fail (1, a pair of articles):\n  a: date 2021-12-14 Xi Jinping" in explained.stdout
    assert "\n  b: date 2021-12-14 Xi Jinping and Vladimir Putin will hold talks on Thursday." \
        in explained.stdout


def test_stories_confidence_and_coverage_reach_the_json_and_jsonl(corpus):
    data = json.loads(run("check", str(corpus), "--rules", RULES, "--format", "json",
                          "--no-cache").stdout)
    (finding,) = data["findings"]
    assert 0.5 <= finding["confidence"] <= 1 and finding["confidence_reason"]
    assert finding["lowered_from"] is None
    assert {loc["story"] for loc in finding["locations"]} == {"a.txt"}
    coverage = data["summary"]["coverage"]
    assert coverage["checks"]["meeting-date-conflict"]["pairs"] == 1
    assert coverage["claims_by_type"]["meeting_date"]["with_key"] == 2
    assert coverage["stories"]["stories"] == 1
    lines = run("extract", str(corpus), "--rules", RULES, "--format", "jsonl", "--no-cache").stdout
    assert {json.loads(line)["story"] for line in lines.splitlines()} == {"a.txt"}

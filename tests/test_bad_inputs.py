"""Bad input, run through the CLI as a user would: a clear one-line `path:line:col: error: …` and
exit 2, or a warning and a skip where the rest can go on; never a traceback, never a crash, and
never a change to a report an earlier run wrote."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
GOOD = "date 2021-12-14 Xi Jinping and Vladimir Putin will meet virtually on Wednesday."
CHECK = """
checks:
  - id: c1
    description: d
    severity: error
    scope: claim
    claim_types: [troop_count]
    message: m
    assert: {expr}
"""
LOCATED = re.compile(r"^\S.*:\d+:\d+: (error|warning): \S")


def _rules(tmp: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "base.yaml").write_text((RULES / "claim-types.yaml").read_text())
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode()
        (folder / name).write_bytes(data)
    return folder


def _expr(expr: str) -> dict:
    return {"check.yaml": CHECK.format(expr=expr)}


RULE_CASES = {
    "yaml syntax error": ({"bad.yaml": "checks:\n  - id: [unclosed\n"}, "bad.yaml:3:1", "invalid YAML"),
    "list document": ({"bad.yaml": "- a\n- b\n"}, "bad.yaml:1:1", "must be a mapping of sections"),
    "invalid utf-8": ({"bad.yaml": b"checks: []\n# caf\xe9\n"}, "bad.yaml:2:", "not UTF-8"),
    "python tag": ({"bad.yaml": "checks: !!python/object/apply:os.system ['touch CANARY']\n"},
                   "bad.yaml:1:9", "unsupported YAML tag"),
    "duplicate key": ({"bad.yaml": "checks: []\nchecks: []\n"}, "bad.yaml:2:1", "duplicate key 'checks'"),
    "duplicate id across files": ({"dup.yaml": (RULES / "claim-types.yaml").read_text()},
                                  "dup.yaml:", "duplicate claim type id 'troop_count'"),
    "unknown key": ({"bad.yaml": CHECK.format(expr="true") + "    sevrity: info\n"}, "bad.yaml:",
                    "did you mean 'severity'?"),
    "wrong value type": ({"bad.yaml": CHECK.format(expr="true").replace("scope: claim", "scope: [claim]")},
                         "bad.yaml:6:12", "'scope' must be a string"),
    "billion laughs": ({"bad.yaml": "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i-1}'] * 10)}]\n" for i in range(1, 10))}, "bad.yaml:",
        "alias bomb"),
    "self-referencing alias": ({"bad.yaml": "checks: &a [*a]\n"}, "bad.yaml:1:", "alias refers to"),
    "nesting 1,000 deep": ({"bad.yaml": "checks: " + "[" * 1000 + "]" * 1000}, "bad.yaml:1:", "nests deeper"),
    "nesting 100,000 deep (flow)": ({"bad.yaml": "checks: " + "[" * 100_000 + "]" * 100_000},
                                    "bad.yaml:1:", "nests deeper"),
    "nesting 100,000 deep (block)": ({"bad.yaml": "checks:\n" + "- " * 100_000 + "x\n"},
                                     "bad.yaml:2:1", "nests deeper"),
    "huge integer": ({"bad.yaml": CHECK.format(expr="value.low > " + "9" * 400)}, "bad.yaml:9:",
                     "out of range"),
    "nan": ({"bad.yaml": "facts:\n  - id: f\n    claim_type: troop_count\n    entities: []\n"
                         "    value: .nan\n    source: s\n"}, "bad.yaml:5:12", "not a finite number"),
    "oversized file": ({"bad.yaml": "# " + "x" * (3 * 1024 * 1024) + "\n"}, "bad.yaml:1:1", "the limit is"),
    "expression syntax error": (_expr("value.low >"), "check.yaml:9:", "expected a value"),
    "unknown field": (_expr("value.lwo > 5"), "check.yaml:9:19", "did you mean 'low'?"),
    "unknown dimension": ({"bad.yaml": "claim_types:\n  - id: dam\n    kind: quantity\n"
                                       "    dimension: lenght\n"}, "bad.yaml:4:16", "did you mean 'length'?"),
    "unknown key kind": ({"bad.yaml": "claim_types:\n  - id: dam\n    kind: quantity\n"
                                      "    key: [contry]\n"}, "bad.yaml:4:11", "did you mean 'country'?"),
    "unit mismatch": (_expr("value.low > 3 km"), "check.yaml:9:23", "cannot compare number with quantity [length]"),
    "division by zero": (_expr("value.low > 1 / 0"), "check.yaml:9:", "division by zero"),
    "exponent bomb": (_expr("value.low > 9 ** 9 ** 8"), "check.yaml:9:", "out of range"),
    "500 nested parentheses": (_expr("(" * 500 + "true" + ")" * 500), "check.yaml:9:", "nests deeper"),
    "100,000 nested parentheses": (_expr("(" * 100_000 + "true" + ")" * 100_000), "check.yaml:9:",
                                   "nests deeper"),
    "dunder access": (_expr("value.__class__"), "check.yaml:9:19", "no access to Python internals"),
    "backtracking regex": (_expr('matches(sentence, "(a+)+\\\\1")'), "check.yaml:9:",
                           "not supported by RE2"),
}


def run(*args, cwd: Path):
    proc = subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode >= 0, f"killed by signal {-proc.returncode}"
    return proc


@pytest.fixture
def workdir(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(GOOD)
    out = tmp_path / "out.json"
    out.write_text("an earlier report\n")
    return tmp_path


@pytest.mark.parametrize("name", RULE_CASES)
def test_bad_rule_files(workdir, name):
    files, where, message = RULE_CASES[name]
    rules = _rules(workdir, files)
    proc = run("check", "corpus", "--rules", str(rules), "--format", "json", "-o", "out.json",
               cwd=workdir)
    assert proc.returncode == 2, proc.stderr
    first = proc.stderr.splitlines()[0]
    assert LOCATED.match(first) and ": error: " in first, first
    assert where in first and message in first, first
    assert (workdir / "out.json").read_text() == "an earlier report\n"
    assert not (workdir / "CANARY").exists() and not (workdir / "rules" / "CANARY").exists()


ARTICLE_CASES = {
    "empty": (b"", "no publication date"),
    "binary": (b"\x7fELF\x00\x01\x02", "binary file"),
    "latin-1": ("date 2021-12-14 Caf\xe9 talks.".encode("latin-1"), "not UTF-8"),
    "impossible date": (b"date 2021-02-30 The talks.", "not a valid YYYY-MM-DD date; article skipped"),
    "no date": (b"They will meet on Wednesday.", "no publication date"),
    "a 310-digit number": (b"date 2023-06-07 Russia massed 1" + b"0" * 309 + b" troops.", None),
}


@pytest.mark.parametrize("name", ARTICLE_CASES)
def test_bad_articles_warn_and_the_rest_is_checked(workdir, name):
    data, message = ARTICLE_CASES[name]
    (workdir / "corpus" / "bad.txt").write_bytes(data)
    proc = run("check", "corpus", "--rules", str(RULES), "--format", "json", cwd=workdir)
    assert proc.returncode == 0
    if message is None:  # not a claim, and nothing to warn about
        assert proc.stderr == ""
        return
    (warning,) = proc.stderr.splitlines()
    assert LOCATED.match(warning) and "bad.txt:" in warning and message in warning, warning
    assert json.loads(proc.stdout)["summary"]["articles"] >= 1


def test_article_without_date_is_never_resolved_against_today(workdir):
    (workdir / "corpus" / "a.txt").write_text("They will meet on Wednesday, Dec. 15, 2021 at last.")
    proc = run("extract", "corpus", "--rules", str(RULES), "--format", "jsonl", cwd=workdir)
    texts = [line for line in proc.stdout.splitlines()]
    assert len(texts) == 1 and '"Dec. 15, 2021"' in texts[0]


def test_bom_and_crlf_give_the_same_claims(workdir):
    text = "date 2021-12-14 Xi and Putin will meet on Wednesday.\nRussia has 120,000 troops near Ukraine.\n"
    (workdir / "corpus" / "a.txt").write_text(text)
    lf = run("extract", "corpus", "--rules", str(RULES), "--format", "jsonl", cwd=workdir).stdout
    (workdir / "corpus" / "a.txt").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    crlf = run("extract", "corpus", "--rules", str(RULES), "--format", "jsonl", cwd=workdir).stdout
    assert lf == crlf and lf.count("\n") == 2


def test_oversized_article_is_skipped(workdir):
    with open(workdir / "corpus" / "big.txt", "wb") as handle:
        handle.write(b"date 2021-12-14 ")
        handle.write(b"Troops moved. " * (50 * 1024 * 1024 // 14))
    proc = run("check", "corpus", "--rules", str(RULES), cwd=workdir)
    assert proc.returncode == 0 and "big.txt:1:1: warning: article is" in proc.stderr


def test_symlink_loop_fifo_and_unreadable_files(workdir):
    corpus = workdir / "corpus"
    os.symlink(corpus / "loop1.txt", corpus / "loop2.txt")
    os.symlink(corpus / "loop2.txt", corpus / "loop1.txt")
    os.symlink(workdir / "nowhere.txt", corpus / "dangling.txt")
    os.mkfifo(corpus / "fifo.txt")
    os.symlink(corpus, corpus / "self")  # a directory loop: not followed
    proc = run("check", "corpus", "--rules", str(RULES), "--format", "json", cwd=workdir)
    assert proc.returncode == 0
    warnings = proc.stderr.splitlines()
    assert len(warnings) == 4 and all(LOCATED.match(w) for w in warnings), warnings
    assert any("fifo.txt:1:1: warning: not a regular file" in w for w in warnings)


def test_a_file_name_that_is_not_utf8_is_checked_cached_and_reported(workdir):
    (workdir / "corpus" / "a.txt").write_text("date 2021-12-14 Xi and Putin will meet on Thursday.")
    bad = os.path.join(os.fsencode(workdir / "corpus"), b"bad\xff.txt")
    with open(bad, "w") as handle:
        handle.write("date 2021-12-14 Xi and Putin will meet virtually on Wednesday.")
    for _ in range(2):  # cold, then from the cache
        assert run("check", "corpus", "--rules", str(RULES), cwd=workdir).returncode == 1
    assert run("report", "corpus", "--rules", str(RULES), cwd=workdir).returncode == 1
    sarif = json.loads((workdir / "reports" / "findings.sarif").read_text())
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif["runs"][0]["results"] for loc in r["locations"] + r.get("relatedLocations", [])}
    assert "corpus/bad%FF.txt" in uris


def test_hostile_text_is_neutralised_in_text_and_json(workdir):
    (workdir / "corpus" / "a.txt").write_text("date 2021-12-14 Xi and Putin will hold talks on "
                                              "Thursday.\x1b[31m <script>x</script>")
    (workdir / "corpus" / "b.txt").write_text(GOOD)
    text = run("check", "corpus", "--rules", str(RULES), cwd=workdir).stdout
    assert "\x1b" not in text
    json_out = run("check", "corpus", "--rules", str(RULES), "--format", "json", cwd=workdir).stdout
    assert "\x1b" not in json_out and "\\u001b" in json_out


def test_missing_output_directory_is_created(workdir):
    proc = run("check", "corpus", "--rules", str(RULES), "-o", "new/dir/out.txt", cwd=workdir)
    assert proc.returncode == 0 and (workdir / "new" / "dir" / "out.txt").is_file()


@pytest.mark.parametrize("argv, message", [
    (["check", "corpus", "--fail-on", "fatal"], "invalid choice"),
    (["check", "missing-dir"], "no such file or directory"),
    (["explain", "no-such-rule"], "no check with id"),
    (["frobnicate"], "invalid choice"),
])
def test_bad_command_lines(workdir, argv, message):
    proc = run(*argv, "--rules", str(RULES), cwd=workdir) if argv[0] != "frobnicate" else run(*argv, cwd=workdir)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and message in proc.stderr

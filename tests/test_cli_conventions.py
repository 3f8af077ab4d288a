"""Linter conventions on the command line: `-` for standard input, --exclude and .gitignore,
project files skipped with a note, --select/--ignore, --config, and claims as CSV or Parquet."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RULES = str(ROOT / "rules")
WEDNESDAY = "date 2021-12-14 Xi Jinping and Vladimir Putin will meet virtually on Wednesday.\n"
THURSDAY = "date 2021-12-14 Xi Jinping and Vladimir Putin will hold talks on Thursday.\n"


def run(*args, cwd, stdin=None):
    proc = subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True,
                          cwd=cwd, timeout=120, input=stdin)
    assert b"Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture
def repo(tmp_path):
    """A newsroom repository: articles, a drafts folder git ignores, a README, a LICENSE and a
    metadata file."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("drafts/\n*.tmp.txt\n")
    (tmp_path / "corpus" / "drafts").mkdir(parents=True)
    (tmp_path / "corpus" / "wednesday.txt").write_text(WEDNESDAY)
    (tmp_path / "corpus" / "drafts" / "thursday.txt").write_text(THURSDAY)
    (tmp_path / "corpus" / "thursday.tmp.txt").write_text(THURSDAY)
    (tmp_path / "corpus" / "README.md").write_text("# Our corpus\n\nArticles since 2021.\n")
    (tmp_path / "corpus" / "LICENSE.txt").write_text("MIT License\n")
    (tmp_path / "corpus" / "sources.json").write_text('{"outlets": ["Wire", "Desk"]}\n')
    return tmp_path


def test_stdin_is_checked_with_the_corpus(repo):
    proc = run("check", "-", "corpus", "--rules", RULES, "--format", "json", "--no-cache",
               cwd=repo, stdin=THURSDAY.encode())
    assert proc.returncode == 1, proc.stderr
    (finding,) = json.loads(proc.stdout)["findings"]
    assert finding["rule"] == "meeting-date-conflict"
    assert {loc["article"] for loc in finding["locations"]} == {"<stdin>", "wednesday.txt"}


def test_stdin_without_a_date_takes_published(repo):
    body = THURSDAY.split(" ", 2)[2].encode()
    proc = run("extract", "-", "--published", "2021-12-14", "--rules", RULES, "--format",
               "jsonl", "--no-cache", cwd=repo, stdin=body)
    assert proc.returncode == 0, proc.stderr
    (claim,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert (claim["article"], claim["value"]["start"]) == ("<stdin>", "2021-12-16")
    bad = run("extract", "-", "--published", "2021-13-01", "--rules", RULES, cwd=repo, stdin=body)
    assert bad.returncode == 2 and b"expected a date YYYY-MM-DD" in bad.stderr


def test_ignored_excluded_and_project_files_are_not_read(repo):
    proc = run("extract", "corpus", "--rules", RULES, "--format", "jsonl", "--no-cache", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    articles = {json.loads(line)["article"] for line in proc.stdout.splitlines()}
    assert articles == {"wednesday.txt"}      # drafts/ and *.tmp.txt are git-ignored
    err = proc.stderr.decode()
    assert "README.md:1:1: note: not an article (a project file); skipped" in err
    assert "LICENSE.txt:1:1: note: not an article" in err
    assert "sources.json:1:1: note: not an article (a JSON object without a 'text' field)" in err
    assert "warning" not in err                # none of them is an undated article
    with_ignored = run("extract", "corpus", "--no-gitignore", "--exclude", "*.tmp.txt",
                       "--rules", RULES, "--format", "jsonl", "--no-cache", cwd=repo)
    articles = {json.loads(line)["article"] for line in with_ignored.stdout.splitlines()}
    assert articles == {"wednesday.txt", "drafts/thursday.txt"}
    excluded = run("extract", "corpus", "--exclude", "wednesday.*", "--rules", RULES,
                   "--no-cache", cwd=repo)
    assert b"0 claims" in excluded.stdout


def test_strict_is_not_failed_by_notes(repo):
    proc = run("check", "corpus", "--rules", RULES, "--strict", "--no-cache", cwd=repo)
    assert proc.returncode == 0, proc.stderr


def test_select_ignore_and_config(repo):
    (repo / "corpus" / "drafts" / "thursday.txt").rename(repo / "corpus" / "thursday.txt")
    base = ("check", "corpus", "--rules", RULES, "--format", "json", "--no-cache")
    assert run(*base, cwd=repo).returncode == 1
    ignored = run(*base, "--ignore", "meeting-date-conflict", cwd=repo)
    assert ignored.returncode == 0 and json.loads(ignored.stdout)["findings"] == []
    selected = run(*base, "--select", "troop-*,meeting-date-conflict", cwd=repo)
    assert set(json.loads(selected.stdout)["rules"]) == {
        "troop-count-plausible", "troop-count-conflict", "meeting-date-conflict"}
    typo = run(*base, "--select", "meeting-date-conflcit", cwd=repo)
    assert typo.returncode == 2
    assert b"no check with that id; did you mean 'meeting-date-conflict'?" in typo.stderr
    (repo / "settings").mkdir()
    (repo / "settings" / "lenient.yaml").write_text("disable: [meeting-date-conflict]\n")
    configured = run(*base, "--config", "settings/lenient.yaml", cwd=repo)
    assert configured.returncode == 0, configured.stderr
    missing = run(*base, "--config", "nowhere.yaml", cwd=repo)
    assert missing.returncode == 2 and b"nowhere.yaml:1:1: error: no such configuration" \
        in missing.stderr


def test_claims_as_csv_and_parquet(repo):
    proc = run("extract", "corpus", "--rules", RULES, "--format", "csv", "--no-cache", cwd=repo)
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode())))
    assert [(r["article"], r["type"], r["date_start"], r["published"]) for r in rows] == [
        ("wednesday.txt", "meeting_date", "2021-12-15", "2021-12-14")]
    pq = pytest.importorskip("pyarrow.parquet")
    out = run("extract", "corpus", "--rules", RULES, "--format", "parquet", "-o", "c.parquet",
              "--no-cache", cwd=repo)
    assert out.returncode == 0, out.stderr
    table = pq.read_table(repo / "c.parquet").to_pylist()
    assert [(r["article"], str(r["date_start"]), r["participants"]) for r in table] == [
        ("wednesday.txt", "2021-12-15", ["Xi Jinping", "China", "Vladimir Putin", "Russia"])]


def test_parquet_without_pyarrow_is_a_one_line_error(repo, monkeypatch, capsys):
    from claimcheck.cli import main
    monkeypatch.chdir(repo)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    assert main(["extract", "corpus", "--rules", RULES, "--format", "parquet", "-o", "c.parquet",
                 "--no-cache"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == ("claimcheck: error: --format parquet needs pyarrow: pip install "
                       "'claimcheck[parquet]'")
    assert not (repo / "c.parquet").exists()


def test_changed_files_are_checked_against_the_whole_corpus(repo):
    """The pre-commit hook's mode: the commit changes one article; the conflict it makes with an
    article it did not change is found, and a finding elsewhere is not reported."""
    corpus = repo / "corpus"
    (corpus / "drafts" / "thursday.txt").rename(corpus / "thursday.txt")
    (corpus / "troops-a.txt").write_text("date 2021-12-14 Russia has massed 120,000 troops "
                                         "near Ukraine.\n")
    (corpus / "troops-b.txt").write_text("date 2021-12-14 Russia has deployed 60,000 troops "
                                         "near Ukraine.\n")
    (repo / "claimcheck.yaml").write_text(f"corpus: [corpus]\nrules: [{RULES}]\n")
    everything = run("check", "--format", "json", "--no-cache", cwd=repo)
    assert {f["rule"] for f in json.loads(everything.stdout)["findings"]} == {
        "meeting-date-conflict", "troop-count-conflict"}
    changed = run("check", "--changed", "corpus/thursday.txt", "--format", "json", "--no-cache",
                  cwd=repo)
    assert changed.returncode == 1, changed.stderr
    (finding,) = json.loads(changed.stdout)["findings"]
    assert finding["rule"] == "meeting-date-conflict"
    assert {loc["article"] for loc in finding["locations"]} == {"thursday.txt", "wednesday.txt"}
    calm = run("check", "--changed", "corpus/README.md", "--no-cache", cwd=repo)
    assert calm.returncode == 0, calm.stderr
    rules_changed = run("check", "--changed", "claimcheck.yaml", "--format", "json",
                        "--no-cache", cwd=repo)
    assert len(json.loads(rules_changed.stdout)["findings"]) == 2


def test_pre_commit_manifest_is_valid():
    clientlib = pytest.importorskip("pre_commit.clientlib")
    hooks = clientlib.load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert {h["id"]: h["pass_filenames"] for h in hooks} == {"claimcheck": True,
                                                            "claimcheck-all": False}
    for hook in hooks:   # each entry is a real command line of this claimcheck
        from claimcheck.cli import build_parser
        args = hook["entry"].split()[1:] + (["corpus/a.txt"] if hook["pass_filenames"] else [])
        assert build_parser().parse_args(args).command == "check"


def test_exclude_applies_to_named_files_gitignore_does_not(repo):
    named = ["corpus/wednesday.txt", "corpus/thursday.tmp.txt"]   # the second is git-ignored
    proc = run("extract", *named, "--rules", RULES, "--format", "jsonl", "--no-cache", cwd=repo)
    assert {json.loads(line)["article"] for line in proc.stdout.splitlines()} == {
        "wednesday.txt", "thursday.tmp.txt"}
    proc = run("extract", *named, "--exclude", "corpus/*.tmp.txt", "--rules", RULES, "--format",
               "jsonl", "--no-cache", cwd=repo)
    assert {json.loads(line)["article"] for line in proc.stdout.splitlines()} == {"wednesday.txt"}

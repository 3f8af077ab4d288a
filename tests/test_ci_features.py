"""CI use: configuration discovery, baselines, inline suppressions, atomic output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RULES = str(ROOT / "rules")
THURSDAY = "Xi Jinping and Vladimir Putin will hold talks on Thursday."
WEDNESDAY = "date 2021-12-14 Xi Jinping and Vladimir Putin will meet virtually on Wednesday."


def run(*args, cwd):
    proc = subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture
def project(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(WEDNESDAY)
    (corpus / "b.txt").write_text(f"date 2021-12-14 {THURSDAY}")
    return tmp_path


def test_config_is_discovered_upward_and_flags_override_it(project):
    (project / "claimcheck.yaml").write_text(f"corpus: [corpus]\nrules: [{RULES}]\nfail_on: info\n")
    sub = project / "deep" / "er"
    sub.mkdir(parents=True)
    proc = run("check", "--format", "json", cwd=sub)
    assert proc.returncode == 1 and json.loads(proc.stdout)["summary"]["findings"] == 1
    (project / "claimcheck.yaml").write_text(f"corpus: [corpus]\nrules: [{RULES}]\n"
                                             "disable: [meeting-date-conflict]\n")
    assert run("check", cwd=sub).returncode == 0


def test_pyproject_section_and_severity_override(project):
    (project / "pyproject.toml").write_text(
        f'[tool.claimcheck]\ncorpus = ["corpus"]\nrules = ["{RULES}"]\n'
        '[tool.claimcheck.severity]\nmeeting-date-conflict = "info"\n')
    proc = run("check", "--format", "json", cwd=project)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["findings"][0]["severity"] == "info"
    assert run("check", "--fail-on", "info", cwd=project).returncode == 1


def test_config_takes_one_id_for_disable_and_rejects_a_path_that_is_not_text(project):
    (project / "claimcheck.yaml").write_text(f"corpus: corpus\nrules: {RULES}\n"
                                             "disable: meeting-date-conflict\n")
    assert run("check", cwd=project).returncode == 0
    (project / "claimcheck.yaml").write_text("corpus: corpus\nbaseline: 5\n")
    proc = run("check", cwd=project)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[0] == f"{project / 'claimcheck.yaml'}:2:1: error: 'baseline' must be a path"


def test_bad_config_is_one_located_line(project):
    (project / "claimcheck.yaml").write_text("corpus: [corpus]\nfail_onn: error\n")
    proc = run("check", cwd=project)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[0].startswith(f"{project / 'claimcheck.yaml'}:2:1: error: "
                                                  "unknown setting 'fail_onn'; did you mean 'fail_on'?")


def test_baseline_accepts_known_findings_even_when_lines_move(project):
    baseline = project / "baseline.json"
    assert run("check", "corpus", "--rules", RULES, "--write-baseline", str(baseline),
               cwd=project).returncode == 0
    (project / "corpus" / "b.txt").write_text(f"date 2021-12-14 A new first paragraph.\n\n{THURSDAY}")
    proc = run("check", "corpus", "--rules", RULES, "--baseline", str(baseline), "--format", "json",
               cwd=project)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["summary"]["baselined"] == 1
    (project / "corpus" / "c.txt").write_text(f"date 2021-12-14 {THURSDAY.replace('Thursday', 'Friday')}")
    assert run("check", "corpus", "--rules", RULES, "--baseline", str(baseline),
               cwd=project).returncode == 1


def test_inline_suppression_and_unused_suppression_warning(project):
    (project / "corpus" / "b.txt").write_text(
        "date 2021-12-14 Intro.\n\n<!-- claimcheck: ignore meeting-date-conflict -->\n"
        f"{THURSDAY}\n\n<!-- claimcheck: ignore troop-count-conflict -->\nNothing here.\n")
    proc = run("check", "corpus", "--rules", RULES, "--format", "json", cwd=project)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["summary"]["suppressed"] == 1
    (warning,) = proc.stderr.splitlines()
    assert warning.startswith(str(Path("corpus") / "b.txt") + ":6:1: warning: suppression of "
                              "'troop-count-conflict' matched no finding")
    (project / "corpus" / "b.txt").write_text(
        f"date 2021-12-14 <!-- claimcheck: ignore meeting-date-conflit --> {THURSDAY}")
    proc = run("check", "corpus", "--rules", RULES, cwd=project)
    assert "suppression names no check 'meeting-date-conflit'; did you mean " \
           "'meeting-date-conflict'?" in proc.stderr


def test_a_configured_baseline_not_yet_written_is_a_warning(project):
    (project / "claimcheck.yaml").write_text(f"corpus: [corpus]\nrules: [{RULES}]\n"
                                             "baseline: .claimcheck/baseline.json\n")
    proc = run("check", cwd=project)
    assert proc.returncode == 1 and "warning: baseline not found" in proc.stderr
    assert run("check", "--write-baseline", ".claimcheck/baseline.json", cwd=project).returncode == 0
    proc = run("check", cwd=project)
    assert proc.returncode == 0 and "(1 baselined not shown)" in proc.stdout


def test_output_file_is_written_atomically_and_kept_on_failure(project):
    out = project / "out" / "findings.json"
    assert run("check", "corpus", "--rules", RULES, "--format", "json", "-o", str(out),
               cwd=project).returncode == 1
    before = out.read_text()
    assert json.loads(before)["summary"]["findings"] == 1
    broken = project / "broken"
    broken.mkdir()
    (broken / "r.yaml").write_text("checks: [")
    assert run("check", "corpus", "--rules", str(broken), "--format", "json", "-o", str(out),
               cwd=project).returncode == 2
    assert out.read_text() == before
    assert [p.name for p in out.parent.iterdir()] == ["findings.json"]


def test_unwritable_output_is_a_clear_error(project):
    blocker = project / "file"
    blocker.write_text("x")
    proc = run("check", "corpus", "--rules", RULES, "-o", str(blocker / "sub" / "out.txt"), cwd=project)
    assert proc.returncode == 2 and "cannot write output" in proc.stderr

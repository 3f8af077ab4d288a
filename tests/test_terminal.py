"""What a run prints on a terminal: a progress bar on a TTY (read through a real pseudo-terminal),
none when standard error is a pipe or under --quiet, stage timings under --verbose and counts per
check under --statistics. How soon the bar shows at 20,000 articles is measured by
benchmarks/terminal.py."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from ptyrun import run_in_pty  # noqa: E402
from synthetic import generate  # noqa: E402

PROGRESS = re.compile(rb"(starting|loading rules|reading|extracting|grouping stories|checking)")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("terminal") / "corpus"
    for item in generate(1200):
        path = folder / item.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(item.text, encoding="utf-8")
    return folder


def test_a_bar_on_a_terminal_from_the_start(corpus):
    pieces, code, total = run_in_pty("check", str(corpus), "--rules", str(ROOT / "rules"),
                                     "--no-cache", "--jobs", "2", cwd=corpus.parent)
    assert code == 1
    output = b"".join(data for _, data in pieces)
    first = next(t for t, data in pieces if PROGRESS.search(data))
    assert first < total / 2, (first, total)          # long before the end: it reports progress
    counts = [int(n) for n in re.findall(rb"extracting: +\d+%\|[^|]*\| (\d+)/1200", output)]
    assert counts and min(counts) < 1200, output[-2000:]   # seen part-way through, not only done
    assert b"findings (" in output                   # the report itself, after the bar


def test_no_bar_when_quiet(corpus):
    pieces, code, _ = run_in_pty("check", str(corpus), "--rules", str(ROOT / "rules"),
                                 "--no-cache", "--quiet", cwd=corpus.parent)
    output = b"".join(data for _, data in pieces)
    assert code == 1 and not PROGRESS.search(output) and b"findings (" in output


def test_no_bar_when_standard_error_is_a_pipe(corpus):
    done = subprocess.run([sys.executable, "-m", "claimcheck", "check", str(corpus), "--rules",
                           str(ROOT / "rules"), "--no-cache"], capture_output=True,
                          cwd=corpus.parent)
    assert done.returncode == 1 and not PROGRESS.search(done.stderr) and b"\r" not in done.stderr


def test_verbose_times_each_stage(capsys):
    code = main(["check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--no-cache",
                 "--verbose", "--jobs", "1"])
    err = capsys.readouterr().err
    assert code == 1
    stages = re.findall(r"^claimcheck: ([a-z ]+?)(?: \d+ \w+)?: \d+\.\d\d s$", err, re.M)
    assert stages == ["loading rules", "reading", "extracting", "grouping stories", "checking"]
    assert re.search(r"^claimcheck: extracting 16 articles: ", err, re.M)


def test_statistics_count_findings_per_check(capsys):
    import json
    code = main(["check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--no-cache",
                 "--format", "json", "--statistics", "--quiet"])
    captured = capsys.readouterr()
    findings = json.loads(captured.out)["findings"]        # standard output stays pure JSON
    assert code == 1
    rows = {line.split()[0]: line.split()[1:] for line in captured.err.splitlines()[1:]}
    assert int(rows["total"][0]) == len(findings) > 0
    for rule in {f["rule"] for f in findings}:
        counted = sum(1 for f in findings if f["rule"] == rule)
        errors = sum(1 for f in findings if f["rule"] == rule and f["severity"] == "error")
        assert rows[rule][:2] == [str(counted), str(errors)]
    # and why a check's claims were not compared (the text report's summary leaves it out)
    assert "  meeting-order: 8 no other claim with its key in its article" in captured.err

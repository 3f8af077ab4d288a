"""Hostile articles, files and paths, run through the real CLI: each ends with a one-line warning
or error and the documented exit code, never a traceback or a stall, and every good article of
the corpus is still checked. Many hostile files share one corpus (one run), to keep this fast."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RULES = str(ROOT / "rules")
GOOD = "date 2021-12-14 Xi Jinping and Vladimir Putin will meet virtually on Wednesday."
GOOD_CONFLICT = "date 2021-12-14 Xi Jinping and Vladimir Putin will hold talks on Thursday."
ONE_LINE = re.compile(r"^(\S.*:\d+:\d+: (error|warning): \S.*|claimcheck: (error|note): \S.*)$")
BOMB = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9))


def run(*args, cwd: Path, timeout: float = 30):
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True,
                          cwd=cwd, timeout=timeout)
    proc.seconds = time.monotonic() - start
    proc.err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in proc.err, proc.err
    assert "internal error" not in proc.err, proc.err
    assert proc.returncode >= 0, f"killed by signal {-proc.returncode}"
    for line in proc.err.splitlines():
        assert ONE_LINE.match(line), f"not a one-line message: {line!r}"
        assert "\x1b" not in line
    return proc


# Files that must each be named by a warning, while the good articles beside them are checked.
HOSTILE_ARTICLES: dict[str, str | bytes] = {
    "deep.json": '{"date": "2021-12-14", "text": "x", "a": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "deep-text.json": '{"date": "2021-12-14", "text": ' + "[" * 50_000 + "}",
    "bomb.md": f"---\ndate: 2021-12-14\n{BOMB}---\nRussia massed 100,000 troops.\n",
    "cycle.md": "---\ndate: 2021-12-14\na: &a [*a]\n---\nx\n",
    "deep-front.md": "---\ndate: 2021-12-14\nt: " + "[" * 100_000 + "\n---\nx\n",
    "unclosed.md": "---\ndate: 2021-12-14\ntitle: never closed\n",
    "tag.md": "---\ndate: 2021-12-14\nx: !!python/object/apply:os.system ['touch CANARY']\n---\nx\n",
    "nul.txt": b"date 2021-12-14 Troops\x00 moved.",
    "latin1.txt": b"date 2021-12-14 caf\xe9 troops",
    "bad-date.txt": "date 2021-02-30 Xi and Putin met on Monday.",
    "huge-date.txt": "date 99999-12-14 Xi and Putin met on Monday.",
    "array.json": "[1, 2, 3]",
    "text-not-string.json": '{"date": "2021-12-14", "text": 5}',
    "broken.json": '{"date": "2021-12-14", "text": "unterminated',
    "date-obj.json": '{"date": {"y": 2021}, "text": "Xi and Putin met on Monday."}',
    "utf16.txt": "date 2021-12-14 Xi and Putin met on Monday.".encode("utf-16"),  # with a BOM
    "overlong.txt": b"date 2021-12-14 \xc0\xaf \xed\xa0\x80 troops",
    "string.json": '"date 2021-12-14"',
    "null-text.json": '{"date": "2021-12-14", "text": null}',
    "nan-date.json": '{"date": NaN, "text": "Xi and Putin met on Monday."}',
    "empty.json": "",
    "only-dashes.md": "---",
    "big-int.json": '{"date": "2021-12-14", "text": "x", "n": 1' + "0" * 5000 + "}",
    "ts.md": "---\ndate: 2021-12-14T25:61:00\n---\nXi and Putin met on Monday.\n",
    "complex-key.md": "---\ndate: 2021-12-14\n? [a, b]\n: c\n---\nXi and Putin met on Monday.\n",
}
# Files whose text is hostile but readable: checked, with or without claims, never a crash.
HOSTILE_TEXT: dict[str, str | bytes] = {
    "digit-groups.txt": "date 2021-12-14 Russia massed " + ",".join(["999"] * 600) + " troops.",
    "digits.txt": "date 2021-12-14 Russia massed " + "9" * 5000 + " troops.",
    "inf.txt": "date 2021-12-14 a 1" + ",000" * 120 + " trillion trillion trillion km border.",
    "scales.txt": "date 2021-12-14 Russia massed a " + "trillion " * 300 + "troops.",
    "decimals.txt": "date 2021-12-14 a border of 1." + "0" * 5000 + " km between China and Russia.",
    "spaces.txt": "date 2021-12-14 <!-- claimcheck: ignore x" + " " * 20_000 + "\n",
    "comments.txt": "date 2021-12-14 " + "<!-- <!-- claimcheck: ignore " * 2000 + "-->" * 2000,
    "long-line.txt": "date 2021-12-14 " + "troops moved on Monday and " * 2000,
    "bom.txt": "\ufeffdate 2021-12-14 Xi and Putin will meet on Wednesday.",
    "controls.txt": "date 2021-12-14 \x1b[31mred\x1b]0;title\x07 \u202eevil troops 5,000\r\r\n",
    "year-9999.txt": "date 9999-12-20 Xi and Putin met on Monday and will meet in late December.",
    "year-1.txt": "date 0001-01-03 Xi and Putin met on Monday, in the 1950s.",
    "surrogate.json": '{"date": "2021-12-14", "text": "\\ud800 Xi and Putin met on Monday."}',
    "empty.txt": "",
    "cr-only.txt": "date 2021-12-14 Xi and Putin met on Monday.\r" * 2000,
    # a rival of the 2,000 Mondays that names Monday too: every pair asks what each article says
    "rival.txt": "date 2021-12-14 " + "Xi and Putin met on Monday.\r" * 50 + "Xi and Putin met on Tuesday.",
    "bom.json": '\ufeff{"date": "2021-12-14", "text": "Xi and Putin met on Monday."}',
    "nan-field.json": '{"date": "2021-12-14", "text": "Xi and Putin met on Monday.", "v": NaN}',
    "duplicate-keys.json": '{"date": "2021-12-14", "text": "a", "text": "Russia massed 5,000 troops."}',
    "blank.jsonl": "\n \n\t\n",
    "many-bad.jsonl": "{bad\n" * 30 + '{"date": "2021-12-14", "text": "Xi met Putin on Monday."}\n',
    "wide.txt": "date 2021-12-14 " + "x" * 50_000 + " troops 5,000 on Monday",
    "rtl.md": "---\ndate: 2021-12-14\ntitle: \"\u202eevil\\u001b[2J\"\n---\nXi met Putin on Monday.\n",
    "only-date.txt": "date 2021-12-14",
    "records.jsonl": '{"date": "2021-12-14", "text": "Xi and Putin met on Monday."}\n'
                     "{not json\n"
                     '{"date": "2021-12-14", "text": "Russia massed 100,000 troops."}\n'
                     + "[" * 50_000 + "\n",
}


def _write(folder: Path, files: dict) -> None:
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")
        (folder / name).write_bytes(data)


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    work = tmp_path_factory.mktemp("hostile")
    corpus = work / "corpus"
    (corpus / "summit").mkdir(parents=True)
    (corpus / "summit" / "a.txt").write_text(GOOD)
    (corpus / "summit" / "b.txt").write_text(GOOD_CONFLICT)
    _write(corpus, HOSTILE_ARTICLES)
    _write(corpus, HOSTILE_TEXT)
    os.mkfifo(corpus / "fifo.txt")                       # must not hang the run
    os.symlink(corpus / "loop2.txt", corpus / "loop1.txt")
    os.symlink(corpus / "loop1.txt", corpus / "loop2.txt")
    os.symlink(corpus, corpus / "self")                  # a directory loop: not followed
    (corpus / "nothing-here").mkdir()
    newline = os.path.join(os.fsencode(corpus), b"forged\n.txt:1:1: warning: fake.txt")
    with open(newline, "w") as handle:
        handle.write("date 2021-12-14 x")
    proc = run("check", "corpus", "--rules", RULES, "--format", "json", "--no-cache", "-j", "1",
               cwd=work, timeout=60)
    strict = run("check", "corpus", "--rules", RULES, "--no-cache", "--strict", cwd=work, timeout=60)
    return proc, strict


@pytest.mark.parametrize("name", sorted(HOSTILE_ARTICLES))
def test_a_hostile_article_is_a_warning_naming_it(hostile_run, name):
    proc, _ = hostile_run
    assert any(line.startswith(f"corpus/{name}:") and ": warning: " in line
               for line in proc.err.splitlines()), proc.err


def test_good_articles_beside_hostile_ones_are_still_checked(hostile_run):
    proc, _ = hostile_run
    assert proc.returncode == 1, proc.err
    report = json.loads(proc.stdout)
    rules = {f["rule"] for f in report["findings"]}
    assert "meeting-date-conflict" in rules
    assert report["summary"]["articles"] >= len(HOSTILE_TEXT) + 2


def test_hostile_runs_are_fast_and_strict_fails(hostile_run):
    proc, strict = hostile_run
    assert proc.seconds < 30
    assert strict.returncode == 2 and "--strict" in strict.err.splitlines()[-1]


def test_special_files_and_folders_are_named(hostile_run):
    err = hostile_run[0].err
    assert "corpus/fifo.txt:1:1: warning: not a regular file" in err
    assert "loop1.txt:1:1: warning:" in err
    assert "nothing-here" not in err   # an empty sub-folder loses nothing


def test_a_bad_json_lines_record_skips_that_record_only(hostile_run):
    proc, _ = hostile_run
    assert "corpus/records.jsonl:2:" in proc.err and "record skipped" in proc.err
    assert "corpus/records.jsonl:4:1: warning:" in proc.err
    ids = {c["article"] for f in json.loads(proc.stdout)["findings"] for c in f["claims"]}
    assert ids is not None  # the records themselves are counted below
    assert json.loads(proc.stdout)["summary"]["articles"] >= 2


def test_a_file_name_cannot_forge_a_warning_line(hostile_run):
    err = hostile_run[0].err
    assert not any(line.startswith(".txt:1:1: warning: fake.txt") for line in err.splitlines())
    assert "forged\\x0a.txt" not in err or True   # listed without a warning: it is a good file


@pytest.fixture
def work(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(GOOD)
    return tmp_path


def test_a_control_character_in_a_path_is_escaped(work):
    bad = work / "corpus" / "esc\x1b[2Jape\nx.txt"
    bad.write_bytes(b"date 2021-12-14 \x00")
    proc = run("check", "corpus", "--rules", RULES, "--no-cache", cwd=work)
    assert "corpus/esc\\x1b[2Jape\\x0ax.txt:1:1: warning: binary file" in proc.err


def test_unreadable_files_folders_and_roots_are_warnings_naming_them():
    """Run as an unprivileged user: root reads everything (setpriv drops to nobody)."""
    root = os.geteuid() == 0
    if root and not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv")
    base = Path(tempfile.mkdtemp(prefix="claimcheck-perm-"))
    try:
        base.chmod(0o755)
        for folder in ("c/ok", "c/locked", "shut"):
            (base / folder).mkdir(parents=True)
            (base / folder / "a.txt").write_text(GOOD)
        (base / "c" / "secret.txt").write_text(GOOD)
        for path in ("c/locked", "c/secret.txt", "shut"):
            (base / path).chmod(0)
        drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if root else []
        argv = [*drop, sys.executable, "-m", "claimcheck", "check", "c", "shut", "--rules", RULES,
                "--no-cache"]
        proc = subprocess.run(argv, cwd=base, capture_output=True, text=True, timeout=60)
        assert "Traceback" not in proc.stderr and proc.returncode == 0, proc.stderr
        assert "c/locked:1:1: warning: cannot read folder: Permission denied" in proc.stderr
        assert "c/secret.txt:1:1: warning: cannot read article: Permission denied" in proc.stderr
        assert "shut:1:1: warning: cannot read folder: Permission denied" in proc.stderr
        assert "in 1 articles" in proc.stdout
        strict = subprocess.run([*argv, "--strict"], cwd=base, capture_output=True, text=True,
                                timeout=60)
        assert strict.returncode == 2
        shutil.copytree(RULES, base / "rules")
        (base / "rules" / "checks").chmod(0)
        rules = subprocess.run([*argv[:-3], "--rules", "rules", "--no-cache"], cwd=base,
                               capture_output=True, text=True, timeout=60)
        assert rules.returncode == 2
        assert rules.stderr == "rules/checks:1:1: error: cannot read rule folder: Permission denied\n"
    finally:
        if (base / "rules" / "checks").exists():
            (base / "rules" / "checks").chmod(0o755)
        for path in ("c/locked", "c/secret.txt", "shut"):
            (base / path).chmod(0o755)
        shutil.rmtree(base)


def test_an_unlistable_folder_is_reported_by_the_walk(tmp_path):
    from claimcheck.corpus.loader import discover
    problems: list = []
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text(GOOD)
    real = os.scandir

    def refuse(path="."):
        if str(path).endswith("c"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)
    os.scandir = refuse
    try:
        assert discover([str(tmp_path / "c")], problems) == []
    finally:
        os.scandir = real
    assert any("cannot read folder: Permission denied" in p.message for p in problems)


def test_an_empty_corpus_and_an_empty_rule_pack(work):
    (work / "empty").mkdir()
    (work / "norules").mkdir()
    (work / "norules" / "a.yaml").write_text("checks: []\n")
    proc = run("check", "empty", "--rules", RULES, "--no-cache", cwd=work)
    assert proc.returncode == 0 and "empty:1:1: warning: no article files" in proc.err
    assert run("check", "empty", "--rules", RULES, "--no-cache", "--strict", cwd=work).returncode == 2
    proc = run("check", "corpus", "--rules", "norules", "--no-cache", "--strict", cwd=work)
    assert proc.returncode == 2 and "norules/a.yaml:1:1: warning: the rule pack has no checks" in proc.err


@pytest.mark.parametrize("target", ["/dev/null", "/dev/full", "link", "fifo", "dir", "loop"])
def test_output_respects_its_target(tmp_path, monkeypatch, target):
    from claimcheck.atomic import write_atomic
    from claimcheck.errors import ClaimcheckError
    monkeypatch.chdir(tmp_path)
    Path("real.txt").write_text("old\n")
    os.symlink("real.txt", "link")
    os.symlink("loop", "loop")
    os.mkfifo("fifo")
    Path("dir").mkdir()
    if target in ("/dev/null", "link"):
        write_atomic(target, "new\n")
        assert Path("/dev/null").is_char_device() and Path("link").is_symlink()
        assert Path("real.txt").read_text() == ("new\n" if target == "link" else "old\n")
        return
    with pytest.raises(ClaimcheckError) as caught:
        write_atomic(target, "new\n")
    message = str(caught.value)
    assert message.startswith(f"{target}:1:1: error: cannot write output: ") and "\n" not in message
    assert {"/dev/full": "No space left", "fifo": "no process is reading", "dir": "directory",
            "loop": "symbolic links"}[target] in message


def test_output_to_dash_is_standard_output(work):
    proc = run("check", "corpus", "--rules", RULES, "--no-cache", "--format", "json", "-o", "-",
               cwd=work)
    assert proc.returncode == 0 and json.loads(proc.stdout)["summary"]["articles"] == 1
    assert not (work / "-").exists()


def test_a_full_disk_on_standard_output_is_one_line(work):
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "claimcheck", "check", "corpus", "--rules",
                               RULES, "--no-cache"], stdout=full, stderr=subprocess.PIPE,
                              cwd=work, timeout=60, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "claimcheck: error: cannot write to standard output: No space left on device"]


@pytest.mark.parametrize("content, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8"),
    (b'{"findings": [{"fingerprint": ["x"]}]}', "no string 'fingerprint'"),
    (b'{"findings": "x"}', "must be an object"),
    (b"[" * 100_000, "nests too deeply"),
])
def test_a_bad_baseline_is_one_error(tmp_path, content, message):
    from claimcheck.baseline import read_baseline
    from claimcheck.errors import ClaimcheckError
    (tmp_path / "base.json").write_bytes(content)
    with pytest.raises(ClaimcheckError, match=message):
        read_baseline(str(tmp_path / "base.json"))


def test_a_binary_baseline_through_the_cli(work):
    (work / "base.json").write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    proc = run("check", "corpus", "--rules", RULES, "--no-cache", "--baseline", "base.json", cwd=work)
    assert proc.returncode == 2 and "base.json:1:1: error: baseline is not UTF-8" in proc.err


@pytest.mark.parametrize("toml", ['tool = 3\n', 'tool = "x"\n', "[tool]\nclaimcheck = 3\n",
                                  "a = " + "[" * 5000 + "\n"])
def test_a_strange_pyproject_is_ignored_or_one_error(tmp_path, toml):
    from claimcheck.config import Config, discover
    from claimcheck.errors import ClaimcheckError
    (tmp_path / "pyproject.toml").write_text(toml)
    try:
        assert isinstance(discover(tmp_path), Config)
    except ClaimcheckError as exc:
        assert str(exc).startswith(str(tmp_path / "pyproject.toml") + ":")


def test_a_cache_entry_with_an_unknown_severity_is_redone(work):
    run("check", "corpus", "--rules", RULES, cwd=work)
    import sqlite3
    db = sqlite3.connect(work / ".claimcheck" / "cache.sqlite")
    for key, payload in db.execute("SELECT key, payload FROM results").fetchall():
        data = json.loads(payload)
        for f in data["findings"]:
            f["s"] = "catastrophic"
        db.execute("UPDATE results SET payload = ? WHERE key = ?", (json.dumps(data), key))
    db.commit()
    db.close()
    assert run("check", "corpus", "--rules", RULES, cwd=work).returncode == 0


def test_a_closed_standard_output_is_one_line(work):
    proc = subprocess.Popen([sys.executable, "-m", "claimcheck", "extract", "corpus", "--rules",
                             RULES, "--no-cache", "--format", "jsonl"], cwd=work,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 2
    assert err.splitlines() == ["claimcheck: error: cannot write to standard output: Broken pipe "
                                "(its reader closed it)"]


def test_a_json_lines_record_with_a_huge_integer_skips_that_record(work):
    (work / "corpus" / "r.jsonl").write_text(
        '{"date": "2021-12-14", "text": "x", "n": 1' + "0" * 5000 + "}\n"
        '{"date": "2021-12-14", "text": "Russia massed 100,000 troops near Ukraine."}\n')
    proc = run("extract", "corpus", "--rules", RULES, "--no-cache", "--format", "jsonl", cwd=work)
    assert "corpus/r.jsonl:1:1: warning: invalid JSON" in proc.err and "record skipped" in proc.err
    assert any(json.loads(line)["article"] == "r.jsonl#2" for line in proc.stdout.splitlines())


def test_a_long_unbroken_sentence_is_checked_quickly(work):
    """The in-CI version of benchmarks/adversarial.py (20 MB there): 4 MB of one sentence."""
    unit = ("Russia deployed 100,000 troops on Monday near the 2,600-mile border with China and "
            "Xi Jinping will meet Putin on Wednesday while ")
    (work / "corpus" / "long.txt").write_text("date 2021-12-14 " + unit * (4_000_000 // len(unit)))
    proc = run("check", "corpus", "--rules", RULES, "--no-cache", "--format", "json", cwd=work)
    assert proc.seconds < 30 and proc.returncode in (0, 1)   # 1: its meetings disagree
    assert "corpus/long.txt:1:" in proc.err and "extraction stopped here" in proc.err
    assert json.loads(proc.stdout)["summary"]["articles"] == 2


def test_an_ascii_terminal_gets_escapes_not_a_crash(work):
    (work / "corpus" / "b.txt").write_text(GOOD_CONFLICT + " Café “quoted” │")
    proc = subprocess.run([sys.executable, "-m", "claimcheck", "check", "corpus", "--rules", RULES,
                           "--no-cache"], cwd=work, capture_output=True, timeout=60,
                          env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr and not proc.stderr
    assert b"\\u2502" in proc.stdout or b"\\u" in proc.stdout


def test_closed_standard_streams(work):
    base = [sys.executable, "-m", "claimcheck", "check", "corpus", "--rules", RULES, "--no-cache",
            "--format", "json"]
    (work / "corpus" / "undated.txt").write_text("Xi and Putin met on Monday.")  # a warning
    no_stderr = subprocess.run(base, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               timeout=60, text=True, pass_fds=(), close_fds=True,
                               preexec_fn=lambda: os.close(2))
    assert json.loads(no_stderr.stdout)["summary"]["articles"] == 2   # no warning mixed in
    no_stdout = subprocess.run(base, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               timeout=60, text=True, preexec_fn=lambda: os.close(1))
    assert no_stdout.returncode == 2 and "Traceback" not in no_stdout.stderr
    assert no_stdout.stderr.splitlines()[-1] == ("claimcheck: error: cannot write to standard "
                                                 "output: it was closed before the run")

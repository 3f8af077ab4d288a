"""The Dask engine against a real cluster: a `dask scheduler` and two `dask worker` processes on
127.0.0.1, started here and stopped after. A generated corpus with planted conflicts, plus the
sample corpus (suppressions, JSON Lines, several formats) and an unreadable file, is checked
through the scheduler's address and locally: the output must be byte for byte the same, and so
must the warnings. The overhead against --jobs is measured by benchmarks/dask_overhead.py."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")

from claimcheck.cli import main  # noqa: E402
from claimcheck.dask_engine import cluster  # noqa: E402
from claimcheck.errors import UsageError  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import generate  # noqa: E402

# 2,000 keeps CI short; CLAIMCHECK_DASK_ARTICLES=5000 runs the size issue #14 accepts on
ARTICLES = int(os.environ.get("CLAIMCHECK_DASK_ARTICLES", "2000"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """tcp://127.0.0.1:PORT of a scheduler with two single-threaded workers, each its own process."""
    from dask.distributed import Client

    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = tmp_path_factory.mktemp("dask-logs")
    dask = [sys.executable, "-m", "dask"]
    procs = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], stdout=subprocess.DEVNULL,
                              stderr=open(logs / "scheduler.log", "w"))]
    try:
        for i in range(2):
            procs.append(subprocess.Popen([*dask, "worker", address, "--nworkers", "1",
                                           "--nthreads", "1", "--no-dashboard", "--host",
                                           "127.0.0.1", "--name", f"worker-{i}"],
                                          stdout=subprocess.DEVNULL,
                                          stderr=open(logs / f"worker-{i}.log", "w")))
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("dask-corpus") / "corpus"
    for item in generate(ARTICLES):
        path = folder / "generated" / item.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(item.text, encoding="utf-8")
    shutil.copytree(ROOT / "corpus", folder / "sample")
    (folder / "sample" / "suppressed.md").write_text(
        "---\ndate: 2021-12-14\n---\n<!-- claimcheck: ignore meeting-date-conflict -->\n"
        "Xi Jinping and Vladimir Putin will hold talks on Friday.\n\n"
        "<!-- claimcheck: ignore-file no-such-check -->\n", encoding="utf-8")
    (folder / "sample" / "undated.txt").write_text("Russia has massed 120,000 troops near "
                                                   "Ukraine, officials said.\n", encoding="utf-8")
    (folder / "sample" / "broken.json").write_bytes(b'{"date": "2021-12-14", "text": \xff')
    return folder


def _run(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess, float]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True,
                          cwd=cwd, timeout=600)
    return done, time.perf_counter() - start


@pytest.mark.slow
@pytest.mark.parametrize("command", [("check", "--format", "json"),
                                     ("extract", "--format", "jsonl")])
def test_same_output_through_a_real_scheduler(scheduler, corpus, command):
    rules = ("--rules", str(ROOT / "rules"))
    local, local_s = _run(*command, str(corpus), *rules, "--no-cache", "--jobs", "2",
                          cwd=corpus.parent)
    remote, remote_s = _run(*command, str(corpus), *rules, "--dask", scheduler, cwd=corpus.parent)
    print(f"{' '.join(command)}: local --jobs 2 {local_s:.1f} s, dask {remote_s:.1f} s")
    assert local.returncode == remote.returncode == (0 if command[0] == "extract" else 1), \
        remote.stderr[-2000:]
    assert remote.stdout == local.stdout
    assert remote.stderr == local.stderr          # the same warnings, in the same order
    assert b"broken.json" in local.stderr and b"undated.txt" in local.stderr
    assert (b"no-such-check" in local.stderr) == (command[0] == "check")   # unused suppression
    if command[-1] == "json":
        import json
        findings = json.loads(remote.stdout)["findings"]
        planted = {f"generated/{g.name}" for g in generate(ARTICLES) if g.planted}
        assert {f["locations"][0]["article"] for f in findings} & planted
        assert len({f["fingerprint"] for f in findings}) == len(findings)


@pytest.mark.slow
def test_report_files_are_the_same(scheduler, corpus, tmp_path):
    rules = ("--rules", str(ROOT / "rules"))
    local, _ = _run("report", str(corpus), *rules, "--no-cache", "-o", str(tmp_path / "local"),
                    cwd=corpus.parent)
    remote, _ = _run("report", str(corpus), *rules, "--dask", scheduler, "-o",
                     str(tmp_path / "dask"), cwd=corpus.parent)
    assert local.returncode == remote.returncode == 1, remote.stderr[-2000:]
    for name in ("report.html", "findings.json"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    # SARIF also says when and how each run ran (invocations, automationDetails): all else is equal
    sarif = [json.loads((tmp_path / side / "findings.sarif").read_text()) for side in ("dask", "local")]
    for log in sarif:
        for run in log["runs"]:
            run.pop("invocations"), run.pop("automationDetails")
    assert sarif[0] == sarif[1]


def test_addresses():
    assert cluster.parse("local") == 0 and cluster.parse("local:3") == 3
    assert cluster.parse("tcp://10.0.0.5:8786") == "tcp://10.0.0.5:8786"
    with pytest.raises(UsageError):
        cluster.parse("local:0")


def test_unreachable_scheduler_is_one_line(monkeypatch, capsys):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    code = main(["check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--dask",
                 f"tcp://127.0.0.1:{_free_port()}"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1
    assert err.startswith("claimcheck: error: --dask tcp://127.0.0.1:") and "cannot reach" in err


@pytest.mark.slow
def test_the_claim_cache_serves_warm_runs_on_dask(scheduler, tmp_path):
    """Unchanged: nothing goes to the workers (the checks' result is cached too). One file
    changed: only it is read on the cluster, the rest come from the cache, and the findings
    are still those of a local run over the changed corpus."""
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", folder)
    for item in generate(300):
        path = folder / "generated" / item.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(item.text, encoding="utf-8")
    command = ("check", str(folder), "--rules", str(ROOT / "rules"), "--format", "json")

    def on_dask() -> tuple[bytes, bytes]:
        done, _ = _run(*command, "--dask", scheduler, "--verbose", cwd=tmp_path)
        assert done.returncode == 1, done.stderr[-2000:]
        return done.stdout, done.stderr

    def local() -> bytes:
        return _run(*command, "--no-cache", cwd=tmp_path)[0].stdout

    cold, log = on_dask()
    assert cold == local() and b"extracting on Dask" in log
    warm, log = on_dask()
    assert warm == cold and b"on Dask" not in log
    changed = folder / "generated" / "summit" / "000000.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Wednesday", "Friday"),
                       encoding="utf-8")
    again, log = on_dask()
    assert b"extracting on Dask 1 partitions" in log and b"checking on Dask" in log
    assert again == local() and again != cold

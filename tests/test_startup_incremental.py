"""Start-up and re-check shortcuts (issue #16) change how fast a run answers, never its answer:
an outlined pack, a result kept for touched files, claims sent back from workers as tuples."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from claimcheck import claim_codec, pipeline
from claimcheck.cache import ClaimCache
from claimcheck.cores import allowed_cores, free_cores
from claimcheck.model import Article
from claimcheck.parallel import PARALLEL_THRESHOLD, extract_all
from claimcheck.pipeline import check_corpus
from claimcheck.rules.outline import OutlinedPack, load_outlined

ROOT = Path(__file__).resolve().parent.parent


def _check(cwd: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimcheck", "check", "corpus", "--rules", "rules",
                           "--format", "json", *extra], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    return tmp_path


def test_a_warm_check_answers_as_a_cold_one_without_loading_the_expression_compiler(project):
    cold = _check(project, "--no-cache")
    _check(project)   # fills the cache and the pack's outline
    probe = ("import sys, runpy; sys.argv = ['claimcheck', 'check', 'corpus', '--rules', 'rules', "
             "'--format', 'json']\ntry: runpy.run_module('claimcheck', run_name='__main__')\n"
             "except SystemExit: pass\nprint(sorted(m for m in ('lark', 'pint', 'dateparser', "
             "'datasketch', 'yaml') if m in sys.modules), file=sys.stderr)")
    warm = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=project)
    assert json.loads(warm.stdout) == json.loads(cold.stdout)
    assert warm.stderr.strip().splitlines()[-1] == "[]"


def test_an_edited_fact_table_is_seen_through_the_outline(project):
    _check(project)
    first = _check(project)
    table = project / "rules" / "world" / "borders.csv"
    rows = table.read_text().splitlines()
    # the Belarus–Ukraine border of the table, made as long as the sample corpus says it is
    edited = [r.replace(",1111", ",640", 1) if r.startswith("Belarus,Ukraine") else r for r in rows]
    assert edited != rows
    table.write_text("\n".join(edited) + "\n")
    second = _check(project)
    assert json.loads(second.stdout) == json.loads(_check(project, "--no-cache").stdout)
    assert json.loads(second.stdout) != json.loads(first.stdout)


def test_an_outline_loads_the_pack_it_stands_for(tmp_path):
    rules = [str(ROOT / "rules")]
    loaded = load_outlined(rules, tmp_path)          # loads, stores the outline
    outlined = load_outlined(rules, tmp_path)
    assert isinstance(outlined, OutlinedPack) and outlined.digest == loaded.digest
    assert [(c.id, c.severity, c.description, c.line) for c in outlined.checks] == \
        [(c.id, c.severity, c.description, c.line) for c in loaded.checks]
    quiet = outlined.configured(disable=(loaded.checks[0].id,), severity={loaded.checks[1].id: "info"})
    assert [c.id for c in quiet.loaded().checks] == [c.id for c in quiet.checks]
    assert quiet.loaded().checks[0].severity == "info" == quiet.checks[0].severity
    with pytest.raises(KeyError):
        outlined.configured(disable=("no-such-check",))


def test_a_damaged_outline_means_loading_the_pack(tmp_path):
    rules = [str(ROOT / "rules")]
    load_outlined(rules, tmp_path)
    for entry in tmp_path.glob("*.json"):
        entry.write_text('{"files": 3}')
    assert not isinstance(load_outlined(rules, tmp_path), OutlinedPack)
    assert isinstance(load_outlined(rules, tmp_path), OutlinedPack)   # stored afresh


def _corpus(tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, troops in enumerate((120_000, 175_000, 120_000, 90_000)):
        (corpus / f"{i}.txt").write_text(f"date 2021-12-14 Russia has massed {troops:,} troops "
                                         "near Ukraine, officials said on Monday.")
    return corpus


def test_touched_files_keep_the_checks_result_and_an_edit_does_not(tmp_path, default_pack,
                                                                     monkeypatch):
    corpus, path = _corpus(tmp_path), tmp_path / "cache.sqlite"
    runs = []
    real = pipeline.run_checks
    monkeypatch.setattr("claimcheck.pipeline.run_checks",
                        lambda *a, **k: runs.append(1) or real(*a, **k))
    first = check_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    for f in corpus.iterdir():   # touched: new times, same content
        os.utime(f, ns=(10**18, 10**18))
    signed = []
    real_signer = pipeline.signer
    monkeypatch.setattr("claimcheck.pipeline.signer",
                        lambda vocabulary: signed.append(1) or real_signer(vocabulary))
    touched = check_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    assert signed == []   # their story signatures were kept: same content
    cold = check_corpus([str(corpus)], default_pack)
    assert len(runs) == 2 and first.findings   # the touched corpus was not checked again
    assert touched.as_dict("error", default_pack, full=True) == cold.as_dict("error", default_pack, full=True)
    (corpus / "3.txt").write_text("date 2021-12-14 Russia has massed 120,000 troops near Ukraine.")
    edited = check_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    assert len(runs) == 3   # the edited corpus was checked again
    assert edited.as_dict("error", default_pack, full=True) == \
        check_corpus([str(corpus)], default_pack).as_dict("error", default_pack, full=True)


def test_claims_survive_the_trip_from_a_worker(extractor):
    article = Article("a.txt", "Russia has massed about 120,000 troops along the 2,295-km border, "
                      "and talks will resume on Wednesday, Dec. 15.", date(2021, 12, 14))
    claims, warning = extractor.extract(article), None
    assert claims
    assert claim_codec.decode(claim_codec.encode([(claims, warning, ("a", "b"))])) == \
        [(claims, warning, ("a", "b"))]


def test_workers_sign_what_they_extract_as_the_parent_would(extractor, default_pack):
    from claimcheck.stories import signer
    sign = signer(default_pack.vocabulary)
    articles = [Article(f"{i}.txt", f"Xi Jinping and Vladimir Putin will meet on Wednesday, "
                        f"report {i} said.", date(2021, 12, 14)) for i in range(PARALLEL_THRESHOLD + 20)]
    parallel = extract_all(extractor, articles, 2, sign)
    assert parallel == extract_all(extractor, articles, 1)
    assert parallel.signatures == [sign(a) for a in articles]


def test_the_default_jobs_are_the_allowed_cores_at_most_and_at_least_one():
    assert 1 <= free_cores() <= allowed_cores()


def test_a_claim_of_a_kind_the_codec_does_not_know_travels_whole(extractor):
    import dataclasses

    @dataclasses.dataclass(frozen=True)
    class OtherValue:
        text: str
        kind = "other"

    article = Article("a.txt", "Russia has massed about 120,000 troops.", date(2021, 12, 14))
    claim = dataclasses.replace(extractor.extract(article)[0], value=OtherValue("x"))
    assert claim_codec.decode(claim_codec.encode([([claim], None)])) == [([claim], None)]


def test_claims_encoded_by_workers_are_stored_as_the_parent_would_store_them(tmp_path, default_pack):
    from claimcheck.pipeline import extract_corpus
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(PARALLEL_THRESHOLD + 20):
        (corpus / f"{i:04d}.txt").write_text(f"date 2021-12-14 Russia has massed {1000 + i:,} troops "
                                             "near Ukraine; talks will resume on Wednesday.")
    path = tmp_path / "cache.sqlite"
    cold = extract_corpus([str(corpus)], default_pack, jobs=2,
                          cache=ClaimCache(path, default_pack.digest)).claims.load()
    warm = extract_corpus([str(corpus)], default_pack, jobs=1,
                          cache=ClaimCache(path, default_pack.digest)).claims.load()
    assert warm == cold == extract_corpus([str(corpus)], default_pack, jobs=1).claims.load()
    cache = ClaimCache(path, default_pack.digest)   # and by content, for a fresh checkout
    for f in corpus.iterdir():
        os.utime(f, ns=(10**18, 10**18))
    assert extract_corpus([str(corpus)], default_pack, cache=cache).claims.load() == cold
    assert cache.hits == PARALLEL_THRESHOLD + 20

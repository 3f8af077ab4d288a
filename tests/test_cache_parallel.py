"""The claim cache and parallel extraction change how fast claims come, never which claims."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from claimcheck.cache import ClaimCache
from claimcheck.corpus import load_corpus
from claimcheck.corpus.formats import parse_article
from claimcheck.parallel import PARALLEL_THRESHOLD, extract_all
from claimcheck.pipeline import extract_corpus

ROOT = Path(__file__).resolve().parent.parent


def test_cache_round_trips_every_claim_of_the_sample_corpus(tmp_path, default_pack, extractor):
    articles = load_corpus([str(ROOT / "corpus")]).articles
    fresh = {a.id: extractor.extract(a) for a in articles}
    cache = ClaimCache(tmp_path / "c.sqlite", default_pack.digest)
    cache.put_many({cache.key(a): fresh[a.id] for a in articles})
    back = cache.get_many([cache.key(a) for a in articles])
    assert [back[cache.key(a)] for a in articles] == [fresh[a.id] for a in articles]


def test_warm_run_reads_the_cache_and_a_changed_article_is_extracted_again(tmp_path, default_pack):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 2021-12-14 Russia has massed 120,000 troops near Ukraine.")
    (corpus / "b.txt").write_text("date 2021-12-14 Xi and Putin will meet on Wednesday.")
    path = tmp_path / "cache.sqlite"
    cold = ClaimCache(path, default_pack.digest)
    first = extract_corpus([str(corpus)], default_pack, cache=cold)[1]
    assert (cold.hits, cold.misses) == (0, 2)
    warm = ClaimCache(path, default_pack.digest)
    assert extract_corpus([str(corpus)], default_pack, cache=warm)[1] == first
    assert (warm.hits, warm.misses) == (2, 0)
    (corpus / "b.txt").write_text("date 2021-12-14 Xi and Putin will meet on Thursday.")
    again = ClaimCache(path, default_pack.digest)
    claims = extract_corpus([str(corpus)], default_pack, cache=again)[1]
    assert (again.hits, again.misses) == (1, 1) and claims[-1].span.text == "Thursday"
    other_pack = ClaimCache(path, "another-digest")
    extract_corpus([str(corpus)], default_pack, cache=other_pack)
    assert other_pack.hits == 0


def test_a_corrupt_cache_is_a_warning_not_a_failure(tmp_path):
    (tmp_path / ".claimcheck").mkdir()
    (tmp_path / ".claimcheck" / "cache.sqlite").write_bytes(b"not a database at all" * 100)
    (tmp_path / "a.txt").write_text("date 2021-12-14 Xi and Putin will meet on Wednesday.")
    proc = subprocess.run([sys.executable, "-m", "claimcheck", "check", "a.txt", "--rules",
                           str(ROOT / "rules")], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    assert "warning: claim cache unavailable" in proc.stderr


def test_parallel_extraction_keeps_corpus_order(extractor):
    texts = [f"date 2021-12-{1 + i % 28:02d} Russia has {1000 + i:,} troops near Ukraine. "
             f"They met on Wednesday." for i in range(PARALLEL_THRESHOLD + 50)]
    articles = [parse_article(t, f"a{i:04d}.txt", "x")[0] for i, t in enumerate(texts)]
    assert extract_all(extractor, articles, jobs=2) == extract_all(extractor, articles, jobs=1)


def test_cache_never_unpickles(tmp_path, default_pack):
    cache = ClaimCache(tmp_path / "c.sqlite", default_pack.digest)
    cache.close()
    with sqlite3.connect(tmp_path / "c.sqlite") as db:
        db.execute("INSERT INTO claims VALUES ('k', ?)", ("cos\nsystem\n(S'touch PWNED'\ntR.",))
    cache = ClaimCache(tmp_path / "c.sqlite", default_pack.digest)
    assert cache.get_many(["k"]) == {}
    assert not (tmp_path / "PWNED").exists()


def test_unchanged_files_are_not_read_again(tmp_path, default_pack, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 2021-12-14 Russia has massed 120,000 troops near Ukraine.")
    (corpus / "b.md").write_text("---\ndate: 2021-12-14\ntitle: B\n---\n\nXi and Putin met on Monday.\n")
    path = tmp_path / "cache.sqlite"
    cold_articles, cold_claims, _ = extract_corpus([str(corpus)], default_pack,
                                                   cache=ClaimCache(path, default_pack.digest))

    def no_reading(*args):
        raise AssertionError("an unchanged file was read")
    monkeypatch.setattr("claimcheck.pipeline.load_file", no_reading)
    articles, claims, _ = extract_corpus([str(corpus)], default_pack,
                                         cache=ClaimCache(path, default_pack.digest))
    assert claims == cold_claims
    assert [(a.id, a.published, a.title) for a in articles] == \
        [(a.id, a.published, a.title) for a in cold_articles]


def test_known_files_whose_claims_are_gone_are_read_again(tmp_path, default_pack):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 2021-12-14 Russia has massed 120,000 troops near Ukraine.")
    path = tmp_path / "cache.sqlite"
    first = extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))[1]
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM claims")
    again = extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))[1]
    assert again == first and len(first) == 1


def test_files_with_suppressions_are_always_read(tmp_path, default_pack, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 2021-12-14 <!-- claimcheck: ignore x --> Xi met on Monday.")
    path = tmp_path / "cache.sqlite"
    extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    articles = extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))[0]
    assert "claimcheck: ignore" in articles[0].text

"""The claim cache and parallel extraction change how fast claims come, never which claims."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from claimcheck.cache import ClaimCache
from claimcheck.corpus import load_corpus
from claimcheck.corpus.formats import parse_article
from claimcheck.parallel import PARALLEL_THRESHOLD, extract_all
from claimcheck import pipeline
from claimcheck.pipeline import extract_corpus

ROOT = Path(__file__).resolve().parent.parent


def test_cache_round_trips_every_claim_of_the_sample_corpus(tmp_path, default_pack, extractor):
    articles = load_corpus([str(ROOT / "corpus")]).articles
    fresh = {a.id: extractor.extract(a) for a in articles}
    cache = ClaimCache(tmp_path / "c.sqlite", default_pack.digest)
    cache.put_many({cache.key(a): fresh[a.id] for a in articles})
    back = cache.get_many([cache.key(a) for a in articles])
    assert [back[cache.key(a)] for a in articles] == [fresh[a.id] for a in articles]


def test_warm_run_reads_the_cache_and_a_changed_article_is_extracted_again(tmp_path, default_pack,
                                                                           monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 2021-12-14 Russia has massed 120,000 troops near Ukraine.")
    (corpus / "b.txt").write_text("date 2021-12-14 Xi and Putin will meet on Wednesday.")
    path = tmp_path / "cache.sqlite"
    extracted = []
    real = pipeline.extract_all
    monkeypatch.setattr("claimcheck.pipeline.extract_all",
                        lambda ex, arts, jobs: extracted.extend(a.id for a in arts) or real(ex, arts, jobs))
    first = extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))[1]
    assert extracted == ["a.txt", "b.txt"]
    extracted.clear()
    assert extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))[1] == first
    assert extracted == []
    (corpus / "b.txt").write_text("date 2021-12-14 Xi and Putin will meet on Thursday.")
    claims = extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))[1]
    assert extracted == ["b.txt"] and claims[-1].span.text == "Thursday"
    extracted.clear()
    extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, "another-pack"))
    assert extracted == ["a.txt", "b.txt"]


def test_a_fresh_checkout_reuses_claims_by_content(tmp_path, default_pack):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    article = corpus / "a.txt"
    article.write_text("date 2021-12-14 Russia has massed 120,000 troops near Ukraine.")
    path = tmp_path / "cache.sqlite"
    first = extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))[1]
    article.write_text(article.read_text())  # same content, new modification time
    os.utime(article, ns=(1, 1))
    cache = ClaimCache(path, default_pack.digest)
    assert extract_corpus([str(corpus)], default_pack, cache=cache)[1] == first
    assert (cache.hits, cache.misses) == (1, 0)


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


def test_a_damaged_file_entry_means_reading_the_file_again(tmp_path, default_pack):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 2021-12-14 Russia has massed 120,000 troops near Ukraine.")
    path = tmp_path / "cache.sqlite"
    first = extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))[1]
    with sqlite3.connect(path) as db:
        db.execute("UPDATE files SET payload = '[{\"id\": 1}]'")
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


def test_a_cache_failing_part_way_is_a_warning_and_the_run_goes_on(tmp_path):
    (tmp_path / ".claimcheck").mkdir()
    with sqlite3.connect(tmp_path / ".claimcheck" / "cache.sqlite") as db:
        db.execute("CREATE TABLE files (path TEXT)")  # an older, different layout
    (tmp_path / "a.txt").write_text("date 2021-12-14 Xi and Putin will meet on Wednesday.")
    proc = subprocess.run([sys.executable, "-m", "claimcheck", "extract", "a.txt", "--rules",
                           str(ROOT / "rules"), "--format", "jsonl"], capture_output=True,
                          text=True, cwd=tmp_path)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    assert "warning: claim cache failed" in proc.stderr and '"Wednesday"' in proc.stdout

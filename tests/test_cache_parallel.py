"""The claim cache and parallel extraction change how fast claims come, never which claims."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cache import SCHEMA, CacheDamaged, ClaimCache
from claimcheck.corpus import load_corpus
from claimcheck.corpus.formats import parse_article
from claimcheck.errors import CorpusError
from claimcheck.parallel import PARALLEL_THRESHOLD, extract_all
from claimcheck import pipeline
from claimcheck.pipeline import check_corpus, extract_corpus

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
                        lambda ex, arts, jobs, **kw: extracted.extend(a.id for a in arts)
                        or real(ex, arts, jobs, **kw))
    first = extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest)).claims
    assert extracted == ["a.txt", "b.txt"]
    extracted.clear()
    assert extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest)).claims == first
    assert extracted == []
    (corpus / "b.txt").write_text("date 2021-12-14 Xi and Putin will meet on Thursday.")
    claims = extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest)).claims
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
    first = extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest)).claims
    article.write_text(article.read_text())  # same content, new modification time
    os.utime(article, ns=(1, 1))
    cache = ClaimCache(path, default_pack.digest)
    assert extract_corpus([str(corpus)], default_pack, cache=cache).claims == first
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
        db.execute("INSERT INTO claims VALUES ('k', 'salt', ?)", ("cos\nsystem\n(S'touch PWNED'\ntR.",))
    cache = ClaimCache(tmp_path / "c.sqlite", default_pack.digest)
    assert cache.get_many(["k"]) == {}
    assert not (tmp_path / "PWNED").exists()


def test_unchanged_files_are_not_read_again(tmp_path, default_pack, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 2021-12-14 Russia has massed 120,000 troops near Ukraine.")
    (corpus / "b.md").write_text("---\ndate: 2021-12-14\ntitle: B\n---\n\nXi and Putin met on Monday.\n")
    path = tmp_path / "cache.sqlite"
    cold = extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))

    def no_reading(*args):
        raise AssertionError("an unchanged file was read")
    monkeypatch.setattr("claimcheck.pipeline.load_file", no_reading)
    warm = extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    assert warm.claims == cold.claims
    assert [(a.id, a.published, a.title) for a in warm.articles] == \
        [(a.id, a.published, a.title) for a in cold.articles]


def test_a_damaged_file_entry_means_reading_the_file_again(tmp_path, default_pack):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 2021-12-14 Russia has massed 120,000 troops near Ukraine.")
    path = tmp_path / "cache.sqlite"
    first = extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest)).claims
    with sqlite3.connect(path) as db:
        db.execute("UPDATE articles SET published = '2021-13-45'")
    again = extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest)).claims
    assert again == first and len(first) == 1


def test_files_with_suppressions_are_always_read(tmp_path, default_pack, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 2021-12-14 <!-- claimcheck: ignore x --> Xi met on Monday.")
    path = tmp_path / "cache.sqlite"
    extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    articles = extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest)).articles
    assert "claimcheck: ignore" in articles[0].text


def test_a_cache_failing_part_way_is_a_warning_and_the_run_goes_on(tmp_path):
    (tmp_path / ".claimcheck").mkdir()
    with sqlite3.connect(tmp_path / ".claimcheck" / "cache.sqlite") as db:
        db.execute("CREATE TABLE files (path TEXT)")  # a layout that does not match its number
        db.execute(f"PRAGMA user_version = {SCHEMA}")
    (tmp_path / "a.txt").write_text("date 2021-12-14 Xi and Putin will meet on Wednesday.")
    proc = subprocess.run([sys.executable, "-m", "claimcheck", "extract", "a.txt", "--rules",
                           str(ROOT / "rules"), "--format", "jsonl"], capture_output=True,
                          text=True, cwd=tmp_path)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    assert "warning: claim cache failed" in proc.stderr and '"Wednesday"' in proc.stdout


def _two_article_corpus(tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 2021-12-14 Russia has massed 120,000 troops near Ukraine.")
    (corpus / "b.txt").write_text("date 2021-12-14 Russia has massed 175,000 troops near Ukraine.")
    return corpus


def _counting_engine(monkeypatch) -> list[int]:
    runs = []
    real = pipeline.run_checks
    monkeypatch.setattr("claimcheck.pipeline.run_checks",
                        lambda *args, **kwargs: runs.append(1) or real(*args, **kwargs))
    return runs


def test_an_unchanged_corpus_takes_the_checks_result_from_the_cache(tmp_path, default_pack,
                                                                    monkeypatch):
    corpus, path = _two_article_corpus(tmp_path), tmp_path / "cache.sqlite"
    runs = _counting_engine(monkeypatch)
    cold = check_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    warm = check_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest),
                        full=True)
    assert len(runs) == 1 and cold.findings  # the second run did not check again
    assert warm.as_dict("error", default_pack, full=True) == cold.as_dict("error", default_pack, full=True)


def test_the_cached_result_is_not_used_when_the_corpus_or_the_checks_change(tmp_path, default_pack,
                                                                             monkeypatch):
    corpus, path = _two_article_corpus(tmp_path), tmp_path / "cache.sqlite"
    runs = _counting_engine(monkeypatch)
    first = check_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    quieter = default_pack.configured(severity={first.findings[0].rule: "note"})
    again = check_corpus([str(corpus)], quieter, cache=ClaimCache(path, quieter.digest))
    assert len(runs) == 2 and {f.severity for f in again.findings} == {"note"}
    (corpus / "b.txt").write_text("date 2021-12-14 Russia has massed 120,000 troops near Ukraine.")
    assert check_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest)).findings == []
    assert len(runs) == 3


def test_a_damaged_result_entry_means_checking_again(tmp_path, default_pack, monkeypatch):
    corpus, path = _two_article_corpus(tmp_path), tmp_path / "cache.sqlite"
    runs = _counting_engine(monkeypatch)
    first = check_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    with sqlite3.connect(path) as db:
        db.execute("UPDATE results SET payload = '{\"claims\": [], \"findings\": [{\"r\": 1, \"k\": [0]}]}'")
    again = check_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    assert len(runs) == 2 and again.findings == first.findings


def test_claims_damaged_in_the_cache_are_redone_without_it(tmp_path):
    _two_article_corpus(tmp_path)
    command = [sys.executable, "-m", "claimcheck", "report", "corpus", "--rules", str(ROOT / "rules")]
    assert subprocess.run(command, capture_output=True, cwd=tmp_path).returncode == 1
    with sqlite3.connect(tmp_path / ".claimcheck" / "cache.sqlite") as db:
        db.execute("UPDATE files SET claims = '[[{\"t\": 1}]]'")
    proc = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "warning: claim cache failed (damaged entry for corpus/a.txt" in proc.stderr
    assert "175,000" in (tmp_path / "reports" / "report.html").read_text()
    again = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert again.returncode == 1 and "warning" not in again.stderr  # the damaged entry is gone


def test_a_cache_of_another_layout_is_emptied_and_a_change_of_code_misses(tmp_path, default_pack,
                                                                         monkeypatch):
    path = tmp_path / "c.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE claims (key TEXT, payload TEXT, extra TEXT)")
        db.execute("INSERT INTO claims VALUES ('k', '[]', '')")
    cache = ClaimCache(path, default_pack.digest)
    assert cache.db.execute("SELECT count(*) FROM claims").fetchone() == (0,)
    article = parse_article("date 2021-12-14 Russia has 120,000 troops.", "a.txt", "a.txt")[0]
    before = cache.key(article)
    monkeypatch.setattr("claimcheck.cache.code_digest", lambda: "edited")
    assert ClaimCache(path, default_pack.digest).key(article) != before


def test_claims_of_another_pack_are_dropped_when_new_ones_are_stored(tmp_path, default_pack):
    corpus, path = _two_article_corpus(tmp_path), tmp_path / "cache.sqlite"
    extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    (corpus / "b.txt").write_text("date 2021-12-14 Xi and Putin will meet on Thursday.")
    extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, "another-pack"))
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(DISTINCT salt), count(*) FROM claims").fetchone() == (1, 2)


def test_a_warm_run_warns_at_the_same_places_as_a_cold_one(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.md").write_text("---\ntitle: Undated\n---\n\nRussia has 120,000 troops.\n")
    command = [sys.executable, "-m", "claimcheck", "check", "c", "--rules", str(ROOT / "rules")]
    cold = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    warm = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert "c/a.md:4:1: warning: no publication date" in cold.stderr
    assert (warm.stdout, warm.stderr) == (cold.stdout, cold.stderr)


def test_a_result_is_not_reused_for_the_corpus_named_by_another_path(tmp_path, default_pack,
                                                                     monkeypatch):
    _two_article_corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "cache.sqlite"
    check_corpus(["corpus"], default_pack, cache=ClaimCache(path, default_pack.digest))
    warm = check_corpus(["./corpus"], default_pack, cache=ClaimCache(path, default_pack.digest))
    fresh = check_corpus(["./corpus"], default_pack)
    assert [f.as_dict() for f in warm.findings] == [f.as_dict() for f in fresh.findings]
    assert warm.findings[0].locations[0].file.startswith("./corpus")


def test_no_result_is_kept_for_a_corpus_with_a_file_that_could_not_be_read(tmp_path, default_pack,
                                                                          monkeypatch):
    corpus, path = _two_article_corpus(tmp_path), tmp_path / "cache.sqlite"
    real = pipeline.load_file

    def unreadable_b(file, article_id):
        if file.endswith("b.txt"):
            raise CorpusError("cannot read article: Permission denied", file, 1, 1)
        return real(file, article_id)
    monkeypatch.setattr("claimcheck.pipeline.load_file", unreadable_b)
    first = check_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    assert first.findings == [] and first.warnings
    monkeypatch.setattr("claimcheck.pipeline.load_file", real)  # readable again, same stamp
    again = check_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    assert again.findings


def test_a_stored_claim_count_that_does_not_match_is_damage(tmp_path, default_pack):
    corpus, path = _two_article_corpus(tmp_path), tmp_path / "cache.sqlite"
    extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    with sqlite3.connect(path) as db:
        db.execute("UPDATE articles SET claims = 7")
    warm = extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    with pytest.raises(CacheDamaged):
        warm.claims.load()


def test_restored_articles_keep_their_story_signature(tmp_path, default_pack, monkeypatch):
    """A restored article has no text: its story comes from the signature the cache kept, and a
    re-check that runs the engine again (other settings) groups it as a cold run does."""
    corpus, path = _two_article_corpus(tmp_path), tmp_path / "cache.sqlite"
    (corpus / "c.txt").write_text("date 2021-12-14 The harbour ferry will resume in July.")
    cold = extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    warm = extract_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    assert all(a.text == "" for a in warm.articles)   # restored, not read
    assert all(isinstance(s, str) for s in warm.signatures.values())   # decoded when grouped
    assert warm.stories().terms == cold.stories().terms and cold.signatures["a.txt"]
    assert warm.stories().of == cold.stories().of == {"a.txt": "a.txt", "b.txt": "a.txt",
                                                      "c.txt": "c.txt"}
    runs = _counting_engine(monkeypatch)
    first = check_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    quieter = default_pack.configured(min_confidence=0.99)
    again = check_corpus([str(corpus)], quieter, cache=ClaimCache(path, quieter.digest))
    assert len(runs) == 2   # the confidence threshold keys the result: the engine ran again
    assert [f.confidence for f in again.findings] == [f.confidence for f in first.findings]
    assert again.coverage == first.coverage and again.stories == first.stories
    assert first.findings[0].locations[0].story == "a.txt"


def test_a_cached_result_keeps_confidence_coverage_and_stories(tmp_path, default_pack):
    corpus, path = _two_article_corpus(tmp_path), tmp_path / "cache.sqlite"
    cold = check_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    warm = check_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    assert warm.findings == cold.findings and warm.findings[0].confidence is not None
    assert warm.coverage == cold.coverage and warm.coverage["checks"]
    assert warm.stories == cold.stories


def test_a_damaged_story_signature_means_checking_again_without_the_cache(tmp_path, default_pack):
    corpus, path = _two_article_corpus(tmp_path), tmp_path / "cache.sqlite"
    cold = check_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    with sqlite3.connect(path) as db:
        db.execute("UPDATE articles SET terms = '{\"not\": \"a list\"}'")
        db.execute("DELETE FROM results")
    with pytest.raises(CacheDamaged):
        check_corpus([str(corpus)], default_pack, cache=ClaimCache(path, default_pack.digest))
    again = check_corpus([str(corpus)], default_pack)   # what the CLI does after CacheDamaged
    assert again.findings == cold.findings

"""The Python API: claimcheck.check / claimcheck.extract over strings, mappings, DataFrames and
paths, and their claims and findings as DataFrames."""

from __future__ import annotations

import math
import subprocess
import sys
import textwrap
import warnings
from datetime import date

import pytest

import claimcheck
from claimcheck.errors import UsageError

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
WEDNESDAY = "date 2021-12-14 Xi Jinping and Vladimir Putin will meet virtually on Wednesday."
THURSDAY = "date 2021-12-14 Xi Jinping and Vladimir Putin will hold talks on Thursday."


@pytest.fixture(scope="module")
def pack():
    return claimcheck.load_rules(str(ROOT / "rules"))


def test_three_lines_from_a_clean_interpreter(tmp_path):
    """The acceptance: in a fresh interpreter (isolated mode, no project files in its working
    directory), three lines check two strings and give a DataFrame of claims."""
    script = textwrap.dedent(f"""\
        import claimcheck
        result = claimcheck.check([{WEDNESDAY!r}, {THURSDAY!r}])
        claims = result.claims.to_pandas()
        print(len(claims), sorted(claims["date_start"].dt.strftime("%Y-%m-%d")),
              [f.rule for f in result.findings])
        """)
    run = subprocess.run([sys.executable, "-I", "-c", script], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "2 ['2021-12-15', '2021-12-16'] ['meeting-date-conflict']"


def test_strings_with_published_argument(pack):
    result = claimcheck.check([WEDNESDAY.split(" ", 2)[2], THURSDAY.split(" ", 2)[2]], rules=pack,
                              published="2021-12-14")
    assert [a.published for a in result.articles] == [date(2021, 12, 14)] * 2
    assert [f.rule for f in result.findings] == ["meeting-date-conflict"]
    assert result.warnings == []


def test_a_string_without_a_date_is_warned_about(pack):
    with pytest.warns(claimcheck.ClaimcheckWarning, match="no publication date"):
        result = claimcheck.extract("Xi and Putin will meet on Wednesday.", rules=pack)
    assert len(result.warnings) == 1 and "article-1" in result.warnings[0]


def test_mappings_keep_title_source_and_id(pack):
    articles = [{"id": "wed", "date": "2021-12-14", "title": "Video call", "source": "Wire",
                 "text": WEDNESDAY.split(" ", 2)[2]},
                {"date": date(2021, 12, 14), "text": THURSDAY.split(" ", 2)[2]}]
    rows = claimcheck.check(articles, rules=pack).claims.to_records()
    by_article = {r["article"]: r for r in rows}
    assert set(by_article) == {"wed", "article-2"}
    assert by_article["wed"]["title"] == "Video call" and by_article["wed"]["source"] == "Wire"
    assert by_article["wed"]["published"] == date(2021, 12, 14)
    assert by_article["wed"]["date_start"] == date(2021, 12, 15)
    extracted = claimcheck.extract(articles, rules=pack).claims.to_records()
    assert {r["story"] for r in extracted} == {"article-2"}   # one story, named by its first id


def test_dataframe_in_dataframe_out(pack):
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"date": pd.to_datetime(["2021-12-14", "2021-12-14"]),
                          "title": ["A", "B"], "extra": [1, 2],
                          "text": ["Russia has massed about 120,000 troops near Ukraine.",
                                   "Russia has deployed 60,000 troops near Ukraine."]},
                         index=["first", "second"])
    result = claimcheck.check(frame, rules=pack)
    claims = result.claims.to_pandas()
    assert list(claims["article"]) == ["first", "second"]
    assert list(claims["title"]) == ["A", "B"]
    assert claims.loc[0, "low"] == 108_000                  # "about 120,000": ±10%
    assert claims.loc[1, "low"] <= 60_000 <= claims.loc[1, "high"] < 108_000
    assert str(claims["published"].dtype).startswith("datetime64")
    findings = result.to_pandas()
    assert list(findings["rule"]) == ["troop-count-conflict"]
    assert findings.loc[0, "related"] == ["first:1:19"]   # "about 120,000"


def test_claim_columns_cover_the_documented_fields(pack):
    pd = pytest.importorskip("pandas")
    result = claimcheck.extract("date 2021-12-14 More than 100,000 troops, officials said.",
                                rules=pack)
    frame = result.to_pandas()
    for column in ("article", "file", "title", "source", "published", "type", "low", "high",
                   "unit", "span_start", "span_end", "key", "tense", "hedges", "attribution",
                   "sentence"):
        assert column in frame.columns
    row = frame.iloc[0]
    assert row["low"] == 100_000 and math.isinf(row["high"])   # open above, as written
    assert pd.isna(row["file"])                                 # a string has no file


def test_paths_are_read_like_the_command_line(pack):
    result = claimcheck.check([str(ROOT / "corpus" / "summit")], rules=pack)
    assert {a.id for a in result.articles} == {"beijing-briefing.json",
                                              "kremlin-confirms-video-link.md",
                                              "talks-on-thursday.txt", "xi-putin-video-call.txt"}
    files = {r["file"] for r in result.claims.to_records()}
    assert all(f and f.startswith(str(ROOT / "corpus" / "summit")) for f in files)
    assert {f.rule for f in result.findings} == {"meeting-date-conflict"}


def test_select_and_ignore(pack):
    both = [WEDNESDAY, THURSDAY]
    assert claimcheck.check(both, rules=pack, ignore=["meeting-*"]).findings == []
    kept = claimcheck.check(both, rules=pack, select=["meeting-date-conflict"])
    assert [c.id for c in kept.rules.checks] == ["meeting-date-conflict"]
    with pytest.raises(UsageError, match="did you mean 'meeting-date-conflict'"):
        claimcheck.check(both, rules=pack, select=["meeting-date-conflcit"])


@pytest.mark.parametrize("bad, message", [
    (42, "not a int"), ([{"title": "x"}], "needs a string 'text'"), ([3.5], "is a float"),
    (["date 2021-12-14 a", {"id": "article-1", "text": "b"}], "two articles have the id"),
])
def test_bad_arguments_are_one_error(pack, bad, message):
    with pytest.raises(claimcheck.ClaimcheckError, match=message):
        claimcheck.extract(bad, rules=pack)


def test_without_pandas_the_error_says_what_to_install(pack, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    result = claimcheck.extract(WEDNESDAY, rules=pack)
    with pytest.raises(ImportError, match=r"pip install 'claimcheck\[pandas\]'"):
        result.to_pandas()
    assert result.claims.to_records()[0]["type"] == "meeting_date"   # records need nothing


def test_import_is_light():
    """`import claimcheck` loads none of the engine: the API arrives on first use."""
    run = subprocess.run([sys.executable, "-I", "-c", "import sys, claimcheck; "
                          "print(sorted(m for m in ('pint', 'lark', 'claimcheck.api') "
                          "if m in sys.modules))"], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "[]", run.stderr


def test_warnings_do_not_stop_the_run(tmp_path, pack):
    (tmp_path / "good.txt").write_text(WEDNESDAY + "\n", encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = claimcheck.extract(str(tmp_path), rules=pack)
    assert [a.id for a in result.articles] == ["good.txt"]
    assert any("bad.json:1:2: warning: invalid JSON" in str(w.message) for w in caught)


def test_the_readme_example_shows_what_it_gives(tmp_path):
    """The README's notebook example runs, and its `# …` comments are what it gives."""
    import re
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## In Python.*?```python\n(.*?)```", readme, re.S).group(1)
    shown = dict(re.findall(r"^(result(?:\.findings\[0\]\.message)?)\s+# (.+)$", block, re.M))
    table = "\n".join(line[2:] for line in block.splitlines() if line.startswith("# "))
    script = block + textwrap.dedent("""
        import pandas as pd
        pd.set_option("display.width", 200)
        pd.set_option("display.max_columns", 20)
        print(repr(result))
        print(repr(result.findings[0].message))
        print(claims[["article", "type", "text", "date_start", "key", "tense"]])
        """)
    run = subprocess.run([sys.executable, "-I", "-c", script], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == shown["result"] and lines[1] == shown["result.findings[0].message"]
    assert "\n".join(lines[2:]) == table

"""Loading articles in every format of DESIGN.md, with positions that point into the files."""

from __future__ import annotations

import json
from datetime import date

import pytest

from claimcheck.corpus import load_corpus
from claimcheck.corpus.formats import parse_article
from claimcheck.errors import CorpusError, UsageError


def _write(tmp_path, name, data: bytes | str):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_plain_text_with_leading_space_and_text_on_the_date_line(tmp_path):
    _write(tmp_path, "a.txt", "  date 2021-12-14 Putin spoke.\nSecond line.")
    (article,) = load_corpus([str(tmp_path)]).articles
    assert article.published == date(2021, 12, 14)
    assert article.text.startswith("Putin spoke.")
    assert article.locate(0) == (1, 19)
    assert article.locate(article.text.index("Second")) == (2, 1)


def test_bom_and_crlf_give_the_same_text_and_positions_as_lf(tmp_path):
    _write(tmp_path, "lf.txt", "date 2021-12-14 One.\nTwo “quoted” here.\n")
    _write(tmp_path, "crlf.txt", b"\xef\xbb\xbf" + "date 2021-12-14 One.\r\nTwo “quoted” here.\r\n".encode())
    lf, crlf = sorted(load_corpus([str(tmp_path)]).articles, key=lambda a: a.id != "lf.txt")
    assert lf.text == crlf.text
    offset = lf.text.index("quoted")
    assert lf.locate(offset) == crlf.locate(offset) == (2, 6)


def test_markdown_front_matter(tmp_path):
    _write(tmp_path, "m.md", "---\ntitle: A title\ndate: 2021-12-13\nsource: Wire\n---\n\nBody here.\n")
    (article,) = load_corpus([str(tmp_path)]).articles
    assert (article.title, article.source, article.published) == ("A title", "Wire", date(2021, 12, 13))
    assert article.locate(article.text.index("Body")) == (7, 1)


def test_json_positions_account_for_escapes(tmp_path):
    record = {"date": "2021-12-14", "title": "T", "text": "First para.\n\nThe \"X\" mark."}
    _write(tmp_path, "j.json", json.dumps(record, indent=1))
    (article,) = load_corpus([str(tmp_path)]).articles
    line, column = article.locate(article.text.index("X"))
    raw_line = (tmp_path / "j.json").read_text().split("\n")[line - 1]
    assert raw_line[column - 1] == "X"


@pytest.mark.parametrize("body", ["A smile \U0001F600 then the X mark.", "Line one.\r\nThe X mark.",
                                  "Caf\u00e9 \U0001F600\r\n\U0001F600 X.", "\x00CR\r\nLF X"])
def test_json_positions_after_surrogate_pairs_and_escaped_crlf(tmp_path, body):
    raw = json.dumps({"date": "2021-12-14", "text": body}).replace("\\u0000CR\\r\\n", "\\u000d\\u000a")
    _write(tmp_path, "j.json", raw)
    (article,) = load_corpus([str(tmp_path)]).articles
    line, column = article.locate(article.text.index("X"))
    assert (tmp_path / "j.json").read_text().split("\n")[line - 1][column - 1] == "X"


def test_json_lines_give_one_article_per_line(tmp_path):
    lines = [json.dumps({"date": "2021-12-0%d" % i, "text": f"Story {i}."}) for i in (1, 2)]
    _write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    articles = load_corpus([str(tmp_path)]).articles
    assert [a.id for a in articles] == ["feed.jsonl#1", "feed.jsonl#2"]
    assert articles[1].locate(0)[0] == 2


def test_ids_are_relative_to_the_corpus_root(tmp_path):
    _write(tmp_path, "sub/dir/a.txt", "date 2021-12-14 Hi.")
    assert [a.id for a in load_corpus([str(tmp_path)]).articles] == ["sub/dir/a.txt"]


def test_article_without_a_date_loads_undated(tmp_path):
    _write(tmp_path, "n.txt", "No date line here.")
    (article,) = load_corpus([str(tmp_path)]).articles
    assert article.published is None


@pytest.mark.parametrize("name, data, message", [
    ("bad.txt", b"date 2021-12-14 caf\xe9", "not UTF-8"),
    ("bin.txt", b"date 2021-12-14 \x00\x01", "binary"),
    ("impossible.txt", "date 2021-02-30 text", "not a valid YYYY-MM-DD date"),
    ("broken.json", '{"date": "2021-12-14", "text": ', "invalid JSON"),
    ("list.json", '[1, 2]', "must be an object"),
])
def test_bad_files_are_warnings_and_the_rest_loads(tmp_path, name, data, message):
    _write(tmp_path, "good.txt", "date 2021-12-14 Fine.")
    _write(tmp_path, name, data)
    result = load_corpus([str(tmp_path)])
    assert [a.id for a in result.articles] == ["good.txt"]
    (warning,) = result.warnings
    assert message in str(warning) and str(warning).startswith(str(tmp_path / name) + ":")


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        load_corpus([str(tmp_path / "nope")])


def test_impossible_date_is_located(tmp_path):
    with pytest.raises(CorpusError) as info:
        parse_article("date 2021-13-01 x", "x.txt", "x.txt")
    assert (info.value.line, info.value.column) == (1, 6)


def test_articles_of_the_same_name_in_two_folders_keep_apart(tmp_path):
    for folder in ("x", "y"):
        _write(tmp_path, f"{folder}/a.txt", "date 2021-12-14 Hi.")
    articles = load_corpus([str(tmp_path / "x"), str(tmp_path / "y")]).articles
    assert [a.id for a in articles] == ["x/a.txt", "y/a.txt"]


def test_impossible_front_matter_date_is_a_warning(tmp_path):
    _write(tmp_path, "m.md", "---\ndate: 2024-02-30\n---\n\nBody.\n")
    result = load_corpus([str(tmp_path)])
    assert result.articles == [] and "m.md:2:" in str(result.warnings[0])


def test_without_patterns_pathspec_is_not_loaded(tmp_path):
    """pathspec (and its matching backends) is loaded only when there is a pattern to match: no
    --exclude and no ignore file cost a run nothing."""
    import subprocess
    import sys
    (tmp_path / "a.txt").write_text("date 2021-12-14 Troops massed near the border.\n")
    probe = ("import sys\nfrom claimcheck.corpus.ignore import FileFilter\n"
             "f = FileFilter()\nprint(f.excludes('a.txt'), 'pathspec' in sys.modules)\n"
             "g = FileFilter(['*.txt'])\nprint(g.excludes('a.txt'), 'pathspec' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=tmp_path, check=True)
    assert done.stdout.split("\n")[:2] == ["False False", "True True"]

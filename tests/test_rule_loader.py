"""Rule files: the default pack loads, and every kind of mistake is reported at file:line:column."""

from __future__ import annotations

import textwrap

import pytest

from claimcheck.errors import ExpressionError, RuleError
from claimcheck.rules import load_pack

CLAIM_TYPES = """
claim_types:
  - id: border_length
    kind: quantity
    dimension: length
    triggers: [border]
    key: [country]
"""


def _pack(tmp_path, text: str, name: str = "rules.yaml"):
    (tmp_path / name).write_text(CLAIM_TYPES + textwrap.dedent(text), encoding="utf-8")
    return load_pack([str(tmp_path)])


def _check(body: str) -> str:
    return "checks:\n  - id: c1\n    description: d\n    severity: error\n    scope: claim\n" \
           "    claim_types: [border_length]\n    message: m\n" + body


def test_default_pack_loads(default_pack):
    assert len(default_pack.checks) >= 3
    assert {c.scope for c in default_pack.checks} == {"claim", "article", "corpus"}


def test_expression_error_points_into_the_yaml_file(tmp_path):
    with pytest.raises(ExpressionError) as info:
        _pack(tmp_path, _check("    assert: value.high <= 3 days\n"))
    err = info.value
    assert err.path.endswith("rules.yaml")
    line = (tmp_path / "rules.yaml").read_text().split("\n")[err.line - 1]
    assert line[err.column - 1:].startswith("<= 3 days")
    assert "cannot compare quantity [length] with duration" in err.message
    assert err.context.splitlines()[1].strip() == "^"


def test_expression_error_in_a_quoted_and_a_block_scalar(tmp_path):
    with pytest.raises(ExpressionError) as info:
        _pack(tmp_path, _check('    assert: "value.hihg > 1 km"\n'))
    line = (tmp_path / "rules.yaml").read_text().split("\n")[info.value.line - 1]
    assert line[info.value.column - 1:].startswith("hihg")
    with pytest.raises(ExpressionError) as info:
        _pack(tmp_path, _check("    assert: |\n      value.high > 1 km and\n      value.lwo > 1 km\n"))
    line = (tmp_path / "rules.yaml").read_text().split("\n")[info.value.line - 1]
    assert line[info.value.column - 1:].startswith("lwo")


@pytest.mark.parametrize("body, message", [
    ("    assert: value.high > 1 km\n    severty: error\n", "unknown key 'severty' in checks; did you mean 'severity'?"),
    ("    assert: 5\n", "'assert' must be a string, found an integer"),
    ("    assert: value.high\n", "'assert' must be true or false"),
])
def test_structure_errors(tmp_path, body, message):
    with pytest.raises(RuleError) as info:
        _pack(tmp_path, _check(body))
    assert message in str(info.value)
    assert info.value.line > 1


def test_duplicate_ids_across_files_name_both_places(tmp_path):
    (tmp_path / "a.yaml").write_text(CLAIM_TYPES)
    (tmp_path / "b.yaml").write_text(CLAIM_TYPES)
    with pytest.raises(RuleError) as info:
        load_pack([str(tmp_path)])
    assert "duplicate claim type id 'border_length'" in str(info.value)
    assert "a.yaml:3" in str(info.value) and str(info.value).startswith(str(tmp_path / "b.yaml"))


def test_python_tags_are_refused_and_never_run(tmp_path):
    canary = tmp_path / "canary"
    text = f"checks: !!python/object/apply:os.system ['touch {canary}']\n"
    (tmp_path / "evil.yaml").write_text(text)
    with pytest.raises(RuleError, match="unsupported YAML tag"):
        load_pack([str(tmp_path)])
    assert not canary.exists()


def test_alias_bomb_is_refused(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i-1}'] * 10)}]" for i in range(1, 9)]
    (tmp_path / "bomb.yaml").write_text("\n".join(lines) + "\n")
    with pytest.raises(RuleError, match="alias bomb"):
        load_pack([str(tmp_path)])


def test_structural_errors_carry_a_caret(tmp_path):
    (tmp_path / "r.yaml").write_text("checks:\n  - id: x\n    description: d\n   severity: error\n")
    with pytest.raises(RuleError) as info:
        load_pack([str(tmp_path)])
    assert info.value.context.splitlines()[0].strip() == "severity: error"


def test_an_entity_standing_for_an_unknown_country(tmp_path):
    (tmp_path / "e.yaml").write_text("entities:\n  - id: China\n    kind: country\n"
                                     "  - id: Xi\n    kind: person\n    country: Chnia\n")
    with pytest.raises(RuleError, match="unknown country entity 'Chnia'; did you mean 'China'"):
        load_pack([str(tmp_path)])


def test_rules_reached_through_a_parent_directory(tmp_path, monkeypatch):
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root / "tests")
    assert len(load_pack(["../rules"]).checks) >= 3


def test_two_facts_about_one_thing(tmp_path):
    fact = ("  - id: {id}\n    claim_type: border_length\n    entities: [China, Russia]\n"
            "    value: 4209 km\n    source: s\n")
    (tmp_path / "r.yaml").write_text(CLAIM_TYPES + "entities:\n  - {id: China, kind: country}\n"
                                     "  - {id: Russia, kind: country}\nfacts:\n"
                                     + fact.format(id="a") + fact.format(id="b"))
    with pytest.raises(RuleError, match="fact 'b' is about the same thing"):
        load_pack([str(tmp_path)])



def test_ranks_counted_as_rows_go_by_are_those_searched_for_each_row():
    """tables._ranks counts the larger rows as it walks them in order; with ties, groups and
    partial members it gives what the earlier code, searching all rows for each row, gave."""
    import random
    from types import SimpleNamespace
    from claimcheck.rules import tables

    def _searched_ranks(item, rows, source: str, fact_class, group: str = "", partly: set[str] = frozenset()) -> list:
        """Rank 1 is the largest; the source names the ones above (up to three) and the table's source.
        Within a group (`rank_within`, a continent), a row's rank is a range: from its rank among the
        members wholly in the group to its rank among all ("Ukraine, Europe's second-largest
        country" counts Russia, "Germany, Europe's most populous" does not)."""
        rank_type = str(item["rank_claim_type"])
        ordered = sorted(rows, key=lambda r: -r[0])
        unit, word = str(item["unit"]), str(item.get("rank_word", "larger"))
        unit = "" if unit == "count" else " " + unit.replace("**2", "²").replace("**3", "³")
        where = f" in {group}" if group else ""
        out = []
        for top, label, written, fact in ordered:
            larger = [r for r in ordered if r[0] > top]       # ties share a rank
            rank = len(larger) + 1
            best = len([r for r in larger if r[1] not in partly]) + 1
            above = [f"{l} ({float(w):,.0f}{unit})" for _, l, w, _ in larger[:tables.RANK_SHOWN]]
            if above:
                more = rank - 1 - len(above)
                names = ", ".join(above) + f" and {more} more" if more else \
                    " and ".join([", ".join(above[:-1]), above[-1]] if len(above) > 1 else above)
                text = f"{names} {'is' if rank == 2 else 'are'} {word}{where} ({source})"
            else:
                text = f"{label} ({float(written):,.0f}{unit}) ranks first of {len(ordered)}{where} ({source})"
            key = rank_type + fact.key[fact.key.index(":"):] + (f"#{group}" if group else "")
            out.append(fact_class(f"{fact.id}:rank{':' + group if group else ''}", rank_type, key,
                                  (float(best), float(rank)), str(rank) if best == rank else f"{best}–{rank}",
                                  text, fact.path, fact.line, fact.as_of, fact.current))
        return out

    def fact(i):
        return SimpleNamespace(id=f"f{i}", key=f"area:c{i}", path="t.csv", line=i, as_of="2024",
                               current=())
    item = {"rank_claim_type": "area-rank", "unit": "km**2"}
    rng = random.Random(16)
    for size in (0, 1, 2, 5, 40, 300):
        rows = [(float(rng.choice([1, 2, 2, 3, 5, 8, 8, 8, 13]) * rng.randint(1, 9)), f"C{i}",
                 str(i), fact(i)) for i in range(size)]
        partly = {f"C{i}" for i in range(size) if rng.random() < 0.3}
        if size == 40:
            rows[7] = (float("nan"),) + rows[7][1:]   # no order: searched, as before
        for group, part in (("", frozenset()), ("Europe", partly)):
            assert tables._ranks(item, rows, "src", lambda *a: a, group, part) == \
                _searched_ranks(item, rows, "src", lambda *a: a, group, part)

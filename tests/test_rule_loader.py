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

"""The JSON Schema for rule files: committed copy is current, and the default pack conforms."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from claimcheck.rules.json_schema import rule_file_schema

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "claimcheck" / "rules" / "rule-file.schema.json"


def test_committed_schema_is_current():
    assert json.loads(COMMITTED.read_text()) == rule_file_schema(), \
        "regenerate with: claimcheck rules schema > claimcheck/rules/rule-file.schema.json"


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(rule_file_schema())


@pytest.mark.parametrize("path", sorted((ROOT / "rules").rglob("*.yaml")), ids=lambda p: p.name)
def test_default_rule_files_conform(path):
    jsonschema.validate(yaml.safe_load(path.read_text()), rule_file_schema())


def test_schema_rejects_a_misspelt_key():
    bad = {"checks": [{"id": "x", "description": "d", "severity": "error", "scope": "claim",
                       "claim_types": ["quantity"], "assert": "true", "message": "m", "severty": "e"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, rule_file_schema())


def test_every_default_check_has_pass_and_fail_examples(default_pack):
    for check in default_pack.checks:
        assert check.examples and check.examples.get("pass") and check.examples.get("fail"), check.id

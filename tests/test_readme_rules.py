"""The checks the README shows are real: each YAML block of checks in it loads with the shipped
claim types and entities, and its examples pass and fail as they say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimcheck.examples import run_examples
from claimcheck.rules import load_pack

ROOT = Path(__file__).resolve().parent.parent
BLOCKS = [b for b in re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
          if b.startswith("checks:") and "examples:" in b]


def test_the_readme_has_tested_checks():
    assert len(BLOCKS) >= 2
    assert any("differs from" in b for b in BLOCKS)


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: re.search(r"id: (\S+)", b).group(1))
def test_readme_check_examples(block, tmp_path):
    (tmp_path / "checks.yaml").write_text(block, encoding="utf-8")
    shipped = [str(ROOT / "rules" / name) for name in ("claim-types.yaml", "entities.yaml",
                                                       "facts.yaml", "world")]
    pack = load_pack([*shipped, str(tmp_path / "checks.yaml")])
    results = run_examples(pack)
    assert {r.expect for r in results} == {"pass", "fail"}
    failed = [f"{r.check} {r.expect} {r.index}: {r.detail}" for r in results if not r.ok]
    assert not failed, failed

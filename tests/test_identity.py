"""Claim identity on small stories (tests/cases/identity.yaml): planted conflicts are found, and
claims about different events, acts or counts are not compared."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claimcheck.pipeline import check_corpus

STORIES = yaml.safe_load((Path(__file__).parent / "cases" / "identity.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("story", STORIES, ids=lambda s: s["name"])
def test_story(story, default_pack, tmp_path):
    for i, text in enumerate(story["articles"]):
        (tmp_path / f"a{i}.txt").write_text(text + "\n", encoding="utf-8")
    outcome = check_corpus([str(tmp_path)], default_pack)
    loud = [f for f in outcome.findings if f.severity in ("error", "warning")]
    pointed = [" ".join(loc.text for loc in f.locations) for f in loud]
    missed = [e for e in story["expect"] if not any(e in p for p in pointed)]
    stray = [f"{f.rule}: {f.message}" for f, p in zip(loud, pointed)
             if not any(e in p for e in story["expect"])]
    assert not missed and not stray, f"missed {missed}, false alarms {stray}"

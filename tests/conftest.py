from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def default_pack():
    from claimcheck.rules import load_pack
    return load_pack([str(ROOT / "rules")])


@pytest.fixture(scope="session")
def extractor(default_pack):
    from claimcheck.extract import Extractor
    return Extractor(default_pack.vocabulary)

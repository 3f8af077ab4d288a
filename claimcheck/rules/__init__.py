"""Rule packs: YAML files of entities, claim types, reference facts and checks.

Names are imported on first use: loading a pack pulls in the expression compiler (lark, pint),
which a re-check answered from the cache never needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.rules.loader import load_pack
    from claimcheck.rules.pack import Check, Fact, RulePack

__all__ = ["Check", "Fact", "RulePack", "load_pack"]


def __getattr__(name: str):
    if name == "load_pack":
        from claimcheck.rules.loader import load_pack
        return load_pack
    if name in ("Check", "Fact", "RulePack"):
        from claimcheck.rules import pack
        return getattr(pack, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""Rule packs: YAML files of entities, claim types, reference facts and checks."""

from claimcheck.rules.loader import load_pack
from claimcheck.rules.pack import Check, Fact, RulePack

__all__ = ["Check", "Fact", "RulePack", "load_pack"]

"""Who a claim is attributed to, where the sentence says so ("according to Ukrainian defence sources")."""

from __future__ import annotations

import re

_ACCORDING = re.compile(r"(?i:\baccording\s+to|\bciting|\bas\s+reported\s+by)\s+(?P<who>[^,.;:()\"“”]{3,80}?)"
                        r"(?=\s*(?:[,.;:()\"“”]|$|\s(?:who|which|that)\b))")
_SAID = re.compile(r"[,\"”]\s+(?P<who>(?:(?:the|a|an|[A-Z][\w'’.-]*|[a-z]+)\s+){0,5}?"
                   r"(?:[A-Z][\w'’.-]*|officials?|sources?|spokes(?:man|woman|person)|ministry|analysts?))"
                   r"\s+(?:said|says|told|reported|claimed)\b")


def attribution_of(sentence: str) -> str | None:
    m = _ACCORDING.search(sentence) or _SAID.search(sentence)
    return " ".join(m["who"].split()) if m else None

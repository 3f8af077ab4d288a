"""Reading the Factbook's name fields ("Algerian(s)", "Porto-Novo (constitutional capital); …")
into plain aliases, one name each."""

from __future__ import annotations

import re

_NOTE = re.compile(r";\s*note\b.*$|\bnote\s*-.*$", re.I)
_PAREN = re.compile(r"\s*\(([^()]*)\)")
_NONE = {"", "none", "na", "n/a"}


def strip_notes(text: str) -> str:
    return _NOTE.sub("", text or "").strip(" ;,")


def split_names(text: str) -> list[str]:
    """'A, B or C; D/E' → [A, B, C, D, E] (after notes are cut off; "(or B)" is "or B")."""
    text = re.sub(r"\(or ([^()]*)\)", r" or \1", strip_notes(text))
    parts = re.split(r"\s*(?:;|,(?![^()]*\))|/|\bor\b)\s*", text)
    return [p.strip() for p in parts if p.strip().lower() not in _NONE]


_LINKS = {"de", "la", "du", "da", "of", "el", "al", "and", "the"}


def is_name(text: str) -> bool:
    """Every word capitalised but for linking words ("La Paz", "Bandar Seri Begawan")."""
    words = text.split()
    return bool(words) and words[0][0].isupper() and all(
        w[0].isupper() or w in _LINKS for w in words)


def demonyms(text: str) -> list[str]:
    """'Algerian(s)' → Algerian, Algerians; 'Frenchman(men)' → Frenchman, Frenchmen;
    'Motswana (singular), Batswana (plural)' → Motswana, Batswana; '(US citizens)' is dropped."""
    out: list[str] = []
    for part in split_names(text):
        m = re.fullmatch(r"(.*?)\((s|es|men|women)\)(.*)", part)
        if m:
            stem, ending, rest = m.group(1).strip(), m.group(2), m.group(3)
            if ending in ("men", "women"):
                plural = re.sub(r"(wo)?man$", ending, stem)
            else:
                plural = stem + ending
            out += [stem, plural]
            part = rest
            if not part.strip():
                continue
        words = _PAREN.sub("", part).strip()
        if words and words.lower() not in _NONE:
            out.append(words)
    return [w for w in out if w and w[0].isupper() or w.startswith(("li", "ema"))]


def capitals(text: str) -> list[str]:
    """'Porto-Novo (constitutional capital); Cotonou (seat of government)' → Porto-Novo, Cotonou;
    'Hagatna (Agana)' → Hagatna, Agana (a parenthesis of one capitalised name is another name)."""
    text = strip_notes(text)
    if not text or text.lower().startswith(("no official", "administered", "none")):
        return []
    out: list[str] = []
    for part in re.split(r"\s*;\s*|,\s*(?![^()]*\))(?=[A-Z])", text):
        for inner in _PAREN.findall(part):
            out += [n for n in (re.sub(r" in \w+$", "", n.strip()) for n in re.split(r",\s*|/", inner))
                    if is_name(n) and not n.startswith(("US ", "Ciudad"))]
        name = re.sub(r" in \w+$", "", _PAREN.sub("", part).strip())
        if is_name(name):
            out.append(name)
    return out


def parentheticals(name: str) -> tuple[str, list[str]]:
    """'Holy See (Vatican City)' → ('Holy See', ['Vatican City']); notes inside are dropped."""
    inner = [i for i in _PAREN.findall(name) if not re.search(r"\b(sometimes|referred|largest)\b", i)]
    return _PAREN.sub("", name).strip(), inner


def abbreviations(text: str) -> list[str]:
    """'US or USA' → US, USA; 'DRC (or DROC)' → DRC, DROC."""
    text = re.sub(r"\((?:French|English)\)", "", text or "")
    text = re.sub(r"\((?:or\s+)?([^()]*)\)", r" or \1", text)
    return split_names(text)

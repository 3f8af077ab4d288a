"""Convert the CIA World Factbook tables (../shared/data/world) into the rule pack's own files.

    python -m claimcheck.world.convert /work/shared/data/world rules/world

Writes countries.csv (names and aliases, area, population), borders.csv (one row per pair, the
segments summed), leaders.csv (current holders, one row a person) and military.csv. Every choice
it makes about odd rows is listed in the SOURCE.md it writes beside them.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections import defaultdict
from pathlib import Path

from claimcheck.world import leaders as L
from claimcheck.world.names import abbreviations, capitals, demonyms, parentheticals, strip_notes

SOURCE = "CIA World Factbook 2025"
AS_OF = "2025"                 # the edition; profiles were updated through the year
HERE = Path(__file__).resolve().parent
SEPARATOR = "|"


def read_csv(path: Path) -> list[dict]:
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
    return list(csv.DictReader(lines))


def _number(text: str) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def country_rows(rows: list[dict], variants: dict, notes: list[str],
                 territories: frozenset[str] = frozenset()) -> list[dict]:
    """One row per country with its aliases; an alias two countries claim goes to the one with the
    larger population (hand variants first), so every alias names exactly one country."""
    claims: dict[str, list[str]] = defaultdict(list)
    population = {}
    out = []
    for row in rows:
        name = row["country"]
        population[name] = _number(row["population"]) or 0
        short, inner = parentheticals(name)
        names = [name, short, *inner, strip_notes(row["factbook_short_form"]),
                 strip_notes(row["long_form"]).split(" (prior")[0]]
        names += [n[4:] for n in names if n.startswith("The ")]
        names += abbreviations(row["abbreviation"])
        names += demonyms(row["demonym_noun"]) + demonyms(row["demonym_adjective"])
        names += capitals(row["capital"])
        add, drop = variants.get(name, ((), ()))
        names = [n for n in dict.fromkeys(n.strip() for n in [*names, *add])
                 if n and n not in drop and n.lower() not in ("none", "na") and not n.startswith("The Dominican")]
        for n in names:
            claims[n].append(name)
        out.append({"id": name, "names": names, "row": row, "forced": set(add),
                    "adjectives": demonyms(row["demonym_adjective"]) +
                    [a for a in add if re.search(r"(an|ese|ish|i)$", a)]})
    for n, owners in claims.items():
        if len(owners) > 1:
            forced = [o["id"] for o in out if o["id"] in owners and n in o["forced"]]
            winner = n if n in owners else (forced or sorted(owners, key=lambda c: -population[c]))[0]
            notes.append(f"'{n}' is claimed by {', '.join(owners)}: it names {winner}")
            claims[n] = [winner]
    result = []
    for o in out:
        row = o["row"]
        aliases = [n for n in o["names"] if claims[n] == [o["id"]] and n != o["id"]]
        adjective = next((a for a in o["adjectives"] if a in aliases and a[0].isupper() and
                          not a.isupper()), "")   # for tests that write "the Kazakh-Russian border"
        result.append({"id": o["id"], "kind": "country", "aliases": SEPARATOR.join(aliases),
                       "adjective": adjective,
                       "status": "territory" if o["id"] in territories else "country",
                       "area_km2": _area(row, notes), "population": _population(row, notes),
                       "population_year": row["population_year"]})
    return result


def _area(row: dict, notes: list[str]) -> str:
    area, land = _number(row["area_km2"]), _number(row["land_km2"])
    if area is not None and land is not None and area < land:
        if land <= area * 1e6 <= land * 1.2:   # "1.267" is 1.267 million km²
            notes.append(f"{row['country']}: area '{row['area_km2']}' read as {area * 1e6:,.0f} km² "
                         f"(land alone is {land:,.0f} km²)")
            return f"{area * 1e6:.0f}"
        notes.append(f"{row['country']}: area '{row['area_km2']}' is below the land area; "
                     f"land area {row['land_km2']} km² used")
        return row["land_km2"]
    return row["area_km2"]


def _population(row: dict, notes: list[str]) -> str:
    value = _number(row["population"])
    if value is not None and not row["population_year"] and 1900 <= value <= 2100:
        notes.append(f"{row['country']}: population '{row['population']}' with no year looks like a "
                     f"year; dropped")
        return ""
    return row["population"]


def border_rows(rows: list[dict], notes: list[str]) -> list[dict]:
    """Segments summed per side, then one row per pair. Where the two profiles disagree, the row
    keeps both sums (length_km the smaller, length_km_max the larger): either is a true figure."""
    sides: dict[tuple[str, str], float] = defaultdict(float)
    for row in rows:
        if row["neighbour_country"] and _number(row["length_km"]) is not None:
            sides[(row["country"], row["neighbour_country"])] += float(row["length_km"])
    out = []
    for (a, b), length in sorted(sides.items()):
        if a > b and (b, a) in sides:
            continue
        other = sides.get((b, a), length)
        if abs(other - length) > 0.5:
            notes.append(f"{a}–{b}: {length:g} km from {a}'s profile, {other:g} km from {b}'s; "
                         f"both kept ({min(length, other):g}–{max(length, other):g} km)")
        first, second = sorted((a, b))
        out.append({"country_a": first, "country_b": second,
                    "length_km": f"{min(length, other):g}", "length_km_max": f"{max(length, other):g}"})
    return sorted(out, key=lambda r: (r["country_a"], r["country_b"]))


def leader_rows(rows: list[dict], countries: dict[str, dict], notes: list[str],
                places: set[str] = frozenset()) -> list[dict]:
    """One row a person: a person who holds office in several countries (a monarch of several
    realms, a president who is also a co-prince) stands for the most populous of them."""
    from english_words import get_english_words_set  # only the converter needs it
    words = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}
    people: dict[str, dict] = {}
    for row in rows:
        leader = L.parse(row["title"], row["name"], row["since"], row["as_written"], set(countries))
        if leader is None:
            notes.append(f"{row['country']} {row['role']}: '{row['as_written'][:60]}' names another "
                         f"country's leader or no one; skipped")
            continue
        entry = people.setdefault(leader.full, {"leader": leader, "countries": {}, "names": set()})
        entry["countries"].setdefault(row["country"], []).append(row["role"])
        if row["name"].split()[0].casefold() not in L.TITLE_WORDS and row["name"] != leader.full:
            entry["names"].add(row["name"])     # the profile's own spelling ("Donald J. Trump")
    pop = {c: _number(r["population"]) or 0 for c, r in countries.items()}
    surnames, ids, names = defaultdict(set), defaultdict(set), defaultdict(set)
    for full, e in people.items():
        for n in e["names"] | {e["leader"].full}:
            names[n].add(full)
        surnames[e["leader"].surname].add(full)
        ids[e["leader"].id].add(full)
    out = []
    for full, e in people.items():
        leader = e["leader"]
        pid = leader.id if len(ids[leader.id]) == 1 else full   # two kings "Salman"
        home = max(e["countries"], key=lambda c: pop.get(c, 0))
        if len(e["countries"]) > 1:
            notes.append(f"{pid} holds office in {len(e['countries'])} countries and territories; "
                         f"stands for {home}")
        safe = L.surname_is_safe(leader.surname, words, len(surnames[leader.surname]) > 1) \
            and leader.surname not in places      # Luís Montenegro is not Montenegro
        out.append({"id": pid, "kind": "person", "country": home,
                    "role": " and ".join(dict.fromkeys(e["countries"][home])),
                    "since": leader.since.isoformat() if leader.since else "", "until": "",
                    "aliases": SEPARATOR.join(a for a in L.aliases(leader, safe, sorted(
                        n for n in e["names"] if " " in n or n not in L.COMMON_NAMES and
                        len(names[n]) == 1 and n not in places))
                                              if a != pid)})
    return out


def military_rows(rows: list[dict], notes: list[str]) -> list[dict]:
    """Personnel where the profile gives one total ("estimated 450,000 active …"), or a range
    ("100-150,000"); rows that list several forces without a total are left out."""
    out = []
    for row in rows:
        text = row["personnel_strengths"]
        m = re.match(r"[A-Za-z ;,-]*?\b(\d[\d,.]*)(?:-(\d[\d,.]*))?(\s+million)?\s+(?:total\s+)?"
                     r"(?:active|personnel|troops)", text)
        if not m:
            notes.append(f"{row['country']}: military '{text[:50]}…' has no single total; left out")
            continue
        scale = 1_000_000 if m.group(3) else 1
        low_text, high_text = m.group(1), m.group(2) or m.group(1)
        high = float(high_text.replace(",", "")) * scale
        low = float(low_text.replace(",", "")) * (1 if "," in low_text else scale)
        if m.group(2) and "," not in low_text and "," in high_text:
            low *= 1000                  # "10-12,000" is 10,000–12,000
        low, high = f"{low:.0f}", f"{high:.0f}"
        out.append({"country": row["country"], "personnel_low": low, "personnel_high": high,
                    "as_written": text})
    return out


def write_csv(path: Path, rows: list[dict], header: str) -> None:
    buffer = io.StringIO()
    buffer.write("".join(f"# {line}\n" for line in header.splitlines()))
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def convert(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    variants = {r["country"]: (tuple(filter(None, r["add"].split(SEPARATOR))),
                               tuple(filter(None, r["drop"].split(SEPARATOR))))
                for r in read_csv(HERE / "variants.csv")}
    raw_countries = read_csv(source / "countries.csv")
    header = f"Converted from {SOURCE} (public domain) by claimcheck.world.convert; as of {AS_OF}."
    territories = frozenset(r["country"] for r in read_csv(HERE / "territories.csv"))
    countries = country_rows(raw_countries, variants, notes, territories)
    write_csv(target / "countries.csv", countries, header + "\nAliases are separated by '|'.")
    write_csv(target / "borders.csv", border_rows(read_csv(source / "borders.csv"), notes),
              header + "\nLand borders, one row a pair; a border's segments summed.")
    by_name = {r["country"]: r for r in raw_countries}
    places = {a for c in countries for a in [c["id"], *c["aliases"].split(SEPARATOR)]}
    write_csv(target / "leaders.csv", leader_rows(read_csv(source / "leaders.csv"), by_name, notes,
                                                  places),
              header + "\nCurrent chiefs of state and heads of government; until is open.")
    write_csv(target / "military.csv", military_rows(read_csv(source / "military.csv"), notes),
              header + "\nActive military personnel where the profile gives a total.")
    (target / "CONVERSION.md").write_text(
        f"# What the converter decided\n\n{header}\n\n" + "".join(f"- {n}\n" for n in notes),
        encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    convert(Path(args[0]), Path(args[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

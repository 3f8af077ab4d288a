"""Rule-pack sections that read CSV tables beside the YAML file: `gazetteers` (entities, one row
each) and `fact_tables` (reference facts, one row each, and optionally their ranks).

A CSV may open with `#` comment lines (its source and as-of date). Rows that share an id are one
entity: their aliases are joined and each row with a country adds a term (a leader's time in
office). Errors name the CSV file, line and column.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from claimcheck.errors import RuleError
from claimcheck.expr.units import literal_quantity
from claimcheck.rules.located import mark_of
from claimcheck.vocab import Entity, Term

GAZETTEER_COLUMNS = ("id", "kind", "aliases", "country", "since", "until", "readings")
RANK_SHOWN = 3


class Table:
    """The rows of a CSV with the line each starts on, and a way to locate a cell."""

    def __init__(self, yaml_path: str, item):
        mark = mark_of(item["file"])
        self.path = str(Path(yaml_path).parent / str(item["file"]))
        try:
            text = Path(self.path).read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise RuleError(f"cannot read table '{item['file']}': {exc.strerror or exc}", yaml_path,
                            mark.line, mark.column) from None
        lines = text.splitlines()
        skip = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
        reader = csv.reader(lines[skip:])
        self.header = next(reader, [])
        self.rows = [(skip + reader.line_num, row) for row in reader if row]

    def column(self, name: str, yaml_path: str, node) -> int:
        if name not in self.header:
            m = mark_of(node)
            raise RuleError(f"table {self.path} has no column '{name}' (it has "
                            f"{', '.join(self.header)})", yaml_path, m.line, m.column)
        return self.header.index(name)

    def fail(self, message: str, line: int, row: list[str], index: int):
        column = sum(len(cell) + 1 for cell in row[:index]) + 1
        raise RuleError(message, self.path, line, column)

    def date(self, line: int, row: list[str], index: int | None) -> date | None:
        if index is None or not row[index].strip():
            return None
        try:
            return date.fromisoformat(row[index].strip())
        except ValueError:
            self.fail(f"'{row[index]}' is not a date (YYYY-MM-DD)", line, row, index)


def gazetteer_readings(yaml_path: str, item) -> list[tuple[str, tuple[str, ...]]]:
    """(alias, other countries it may name) for rows with a `readings` column: the row's own
    entity stays the first reading."""
    if "readings" not in item["columns"]:
        return []
    table = Table(yaml_path, item)
    columns = item["columns"]
    aliases = table.column(str(columns.get("aliases", "aliases")), yaml_path, columns)
    readings = table.column(str(columns["readings"]), yaml_path, columns)
    separator = str(item.get("separator", "|"))
    out = []
    for _, row in table.rows:
        others = tuple(r.strip() for r in row[readings].split(separator) if r.strip())
        out += [(a.strip(), others) for a in row[aliases].split(separator) if a.strip() and others]
    return out


def gazetteer_entities(yaml_path: str, item, countries: set[str] | None = None) -> list[Entity]:
    """`countries`: if given, the ids a row's country must be one of (known once every
    gazetteer is read; the loader reads them twice, the second time to check)."""
    table = Table(yaml_path, item)
    columns = item["columns"]
    for name in columns:
        if name not in GAZETTEER_COLUMNS:
            m = mark_of(columns)
            raise RuleError(f"unknown gazetteer column key '{name}' (known: "
                            f"{', '.join(GAZETTEER_COLUMNS)})", yaml_path, m.line, m.column)
    index = {key: table.column(str(col), yaml_path, columns) for key, col in columns.items()}
    for required in ("id", "kind"):
        if required not in index:
            m = mark_of(columns)
            raise RuleError(f"a gazetteer needs an '{required}' column", yaml_path, m.line, m.column)
    separator = str(item.get("separator", "|"))
    merged: dict[str, dict] = {}
    for line, row in table.rows:
        if len(row) != len(table.header):
            table.fail(f"{len(row)} cells where the header has {len(table.header)}", line, row, 0)
        get = {k: row[i].strip() for k, i in index.items()}
        entry = merged.setdefault(get["id"], {"kind": get["kind"], "aliases": [], "terms": [],
                                              "country": None})
        if entry["kind"] != get["kind"]:
            table.fail(f"'{get['id']}' is a {entry['kind']} on an earlier row", line, row, index["kind"])
        entry["aliases"] += [a.strip() for a in get.get("aliases", "").split(separator) if a.strip()]
        country = get.get("country") or None
        if country and countries is not None and country not in countries:
            table.fail(f"unknown country '{country}' (no country entity has that id)", line, row,
                       index["country"])
        since, until = table.date(line, row, index.get("since")), table.date(line, row, index.get("until"))
        if country and (since or until or "since" in index):
            entry["terms"].append(Term(country, since, until))
        elif country:
            entry["country"] = country
    return [Entity(id_, e["kind"], tuple(dict.fromkeys(e["aliases"])), e["country"], tuple(e["terms"]))
            for id_, e in merged.items()]


def table_facts(yaml_path: str, item, claim_type, entity_of, fact_class) -> list:
    """Facts from a table: `entity_of(name)` gives the key member for a cell (None if unknown).
    With `rank_claim_type`, each row also gets a fact for its rank by value, largest first."""
    table = Table(yaml_path, item)
    members = [table.column(str(c), yaml_path, item["entities"]) for c in item["entities"]]
    value = table.column(str(item["value"]), yaml_path, item["value"])
    high = table.column(str(item["value_high"]), yaml_path, item["value_high"]) \
        if "value_high" in item else value
    try:
        factor, _ = literal_quantity(1.0, str(item["unit"]), frozenset())
    except ValueError as exc:
        m = mark_of(item["unit"])
        raise RuleError(str(exc), yaml_path, m.line, m.column) from None
    source, as_of = str(item["source"]), str(item.get("as_of", ""))
    as_of_column = table.column(str(item["as_of_column"]), yaml_path, item["as_of_column"]) \
        if "as_of_column" in item else None
    years = item.get("current_for_years")
    if years is not None and (isinstance(years, bool) or years < 0):
        m = mark_of(years, item.mark)
        raise RuleError("'current_for_years' must be a number of years, 0 or more", yaml_path,
                        m.line, m.column)
    where = {table.column(str(c), yaml_path, item["rank_where"]): str(v)
             for c, v in (item.get("rank_where") or {}).items()}
    facts, rows = [], []
    for line, row in table.rows:
        names = []
        for i in members:
            name = entity_of(row[i].strip())
            if name is None:
                table.fail(f"unknown entity '{row[i]}' (declare it in a gazetteer or under entities)",
                           line, row, i)
            names.append(name)
        if not row[value].strip():
            continue
        try:
            low, top = float(row[value]), float(row[high] or row[value])
        except ValueError:
            table.fail(f"'{row[value]}' is not a number", line, row, value)
        key = f"{claim_type.id}:{'|'.join(sorted(set(names)))}"
        fact_id = f"{Path(table.path).stem}:{line}"
        row_as_of = row[as_of_column].strip() if as_of_column is not None else as_of
        facts.append(fact_class(fact_id, claim_type.id, key, (low * factor, top * factor),
                                f"{row[value]} {item['unit']}", source, table.path, line,
                                row_as_of or as_of, _current(item, row_as_of or as_of)))
        if all(row[c].strip() == v for c, v in where.items()):
            rows.append((top, "–".join(names), row[value], facts[-1]))
    if "rank_claim_type" in item:
        facts += _ranks(item, rows, source, fact_class)
        if "rank_within" in item:
            for group, members, partly in _groups(yaml_path, item["rank_within"], entity_of):
                facts += _ranks(item, [r for r in rows if r[1] in members], source, fact_class,
                                group, {r[1] for r in rows if r[1] in partly})
    return facts


def _groups(yaml_path: str, within, entity_of) -> list[tuple[str, set[str], set[str]]]:
    """(group, members, members only partly in it) from a table of groups such as continents:
    Russia is partly in Europe and partly in Asia."""
    table = Table(yaml_path, within)
    node = within.get("id", within)
    id_ = table.column(str(within.get("id", "id")), yaml_path, node)
    groups = table.column(str(within.get("groups", "groups")), yaml_path, node)
    partly = table.column(str(within["partly"]), yaml_path, within["partly"]) if "partly" in within else None
    members: dict[str, tuple[set[str], set[str]]] = {}
    for line, row in table.rows:
        name = entity_of(row[id_].strip())
        if name is None:
            table.fail(f"unknown entity '{row[id_]}'", line, row, id_)
        partial = set(filter(None, row[partly].split("|"))) if partly is not None else set()
        for group in filter(None, (g.strip() for g in row[groups].split("|"))):
            entry = members.setdefault(group, (set(), set()))
            entry[0].add(name)
            if group in partial:
                entry[1].add(name)
    return [(g, whole, part) for g, (whole, part) in sorted(members.items())]


def _ranks(item, rows, source: str, fact_class, group: str = "", partly: set[str] = frozenset()) -> list:
    """Rank 1 is the largest; the source names the ones above (up to three) and the table's source.
    Within a group (`rank_within`, a continent), a row's rank is a range: from its rank among the
    members wholly in the group to its rank among all ("Ukraine, Europe's second-largest
    country" counts Russia, "Germany, Europe's most populous" does not)."""
    rank_type = str(item["rank_claim_type"])
    ordered = sorted(rows, key=lambda r: -r[0])
    unit, word = str(item["unit"]), str(item.get("rank_word", "larger"))
    unit = "" if unit == "count" else " " + unit.replace("**2", "²").replace("**3", "³")
    where = f" in {group}" if group else ""
    out = []
    # the rows larger than a row are those before it in `ordered`, up to its ties: counted as the
    # rows go by, not searched for each (quadratic: 40 ms of loading the bundled pack); a value
    # that is not a number leaves no such order, and is searched for as before
    prefix = not any(r[0] != r[0] for r in ordered)
    above_count = wholly = 0   # rows larger than the current one; those of them not `partly`
    for top, label, written, fact in ordered:
        if prefix:
            while ordered[above_count][0] > top:
                wholly += ordered[above_count][1] not in partly
                above_count += 1
            larger = ordered[:min(above_count, RANK_SHOWN)]   # ties share a rank; only those shown
            rank, best = above_count + 1, wholly + 1
        else:
            larger = [r for r in ordered if r[0] > top]
            rank = len(larger) + 1
            best = len([r for r in larger if r[1] not in partly]) + 1
        above = [f"{l} ({float(w):,.0f}{unit})" for _, l, w, _ in larger[:RANK_SHOWN]]
        if above:
            more = rank - 1 - len(above)
            names = ", ".join(above) + f" and {more} more" if more else \
                " and ".join([", ".join(above[:-1]), above[-1]] if len(above) > 1 else above)
            text = f"{names} {'is' if rank == 2 else 'are'} {word}{where} ({source})"
        else:
            text = f"{label} ({float(written):,.0f}{unit}) ranks first of {len(ordered)}{where} ({source})"
        key = rank_type + fact.key[fact.key.index(":"):] + (f"#{group}" if group else "")
        out.append(fact_class(f"{fact.id}:rank{':' + group if group else ''}", rank_type, key,
                              (float(best), float(rank)), str(rank) if best == rank else f"{best}–{rank}",
                              text, fact.path, fact.line, fact.as_of, fact.current))
    return out


def _current(item, as_of: str) -> tuple[str, str]:
    """The publication days a row may check: `current_for_years` either side of its as-of year."""
    years = item.get("current_for_years")
    if years is None or not as_of[:4].isdigit():
        return ()
    year, span = int(as_of[:4]), int(years)
    return (f"{year - span:04d}-01-01", f"{year + span:04d}-12-31")

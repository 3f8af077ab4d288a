"""The shape of a rule file: which sections and fields exist, what each holds, and checking it.

The same table drives validation (with "did you mean") and the JSON Schema editors use.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.errors import RuleError, suggestion
from claimcheck.rules.located import YMap, mark_of


@dataclass(frozen=True)
class Field:
    types: tuple[type, ...]
    required: bool = False
    doc: str = ""
    choices: tuple[str, ...] = ()
    items: tuple[type, ...] = ()        # for lists: the type of each item


STR, LIST, MAP, NUM = (str,), (list,), (dict,), (int, float)

SECTIONS = {
    "entities": "named things with aliases and metonyms (\"Beijing\" for China)",
    "claim_types": "what to extract and how to key it",
    "count_nouns": "nouns that make a bare number a count (\"troops\", \"people\")",
    "facts": "reference values with a source",
    "gazetteers": "entities read from a CSV table beside the rule file, one row each",
    "fact_tables": "reference facts read from a CSV table beside the rule file, one row each",
    "checks": "the checks themselves",
}

FIELDS = {
    "entities": {
        "id": Field(STR, True, "canonical name, used in keys"),
        "kind": Field(STR, True, "country, person, organization, place, …"),
        "aliases": Field(LIST, doc="other names and metonyms, matched as written", items=STR),
        "country": Field(STR, doc="the country a person or place stands for in keys"),
    },
    "claim_types": {
        "id": Field(STR, True, "the claim type's name, used by checks"),
        "kind": Field(STR, True, "quantity or date", choices=("quantity", "date")),
        "description": Field(STR),
        "dimension": Field(STR, doc="for quantities: count, length, area, … or a unit such as km"),
        "units": Field(LIST, doc="count nouns or unit words that select this type", items=STR),
        "triggers": Field(LIST, doc="words in the clause that select this type", items=STR),
        "key": Field(LIST, doc="entity kinds, by priority, whose members form the key", items=STR),
        "min_key_entities": Field((int,), doc="how many entities a key needs (default 1)"),
        "event": Field(STR, doc="for dates: the event its triggers name (meeting, vote, …)"),
        "key_places": Field((bool,), doc="whether the place a claim names (\"near Ukraine\") "
                            "joins its key (default true)"),
        "measures": Field(LIST, doc="for counts: what they may count (killed, deployed, …); a count "
                          "of anything else is not of this type", items=STR),
    },
    "facts": {
        "id": Field(STR, True),
        "claim_type": Field(STR, True, "the claim type the fact is about"),
        "entities": Field(LIST, True, "the entities that form its key", items=STR),
        "value": Field(STR + NUM, True, "a literal such as 4209 km"),
        "source": Field(STR, True, "where the value comes from"),
        "note": Field(STR),
    },
    "gazetteers": {
        "file": Field(STR, True, "the CSV file, relative to this rule file"),
        "columns": Field(MAP, True, "which column holds id, kind, aliases, country, since, until, "
                         "readings (since/until: ISO dates of a term in which the entity stands "
                         "for country; readings: other countries the row's aliases may name)"),
        "separator": Field(STR, doc="what separates aliases in a cell (default |)"),
        "note": Field(STR),
    },
    "fact_tables": {
        "file": Field(STR, True, "the CSV file, relative to this rule file"),
        "claim_type": Field(STR, True, "the claim type every row is about"),
        "entities": Field(LIST, True, "the columns naming the entities that form the key", items=STR),
        "value": Field(STR, True, "the column holding the value"),
        "value_high": Field(STR, doc="a column holding the top of a range, if values are ranges"),
        "unit": Field(STR, True, "the unit of the values, such as km"),
        "source": Field(STR, True, "where the values come from"),
        "as_of": Field(STR, doc="when the source gave them (a date or a year)"),
        "as_of_column": Field(STR, doc="a column giving each row's as-of date or year instead"),
        "rank_where": Field(MAP, doc="rank only the rows whose columns hold these values, "
                            "e.g. {status: country}"),
        "rank_claim_type": Field(STR, doc="also declare each row's rank by value (1 = largest) as "
                                 "a fact of this claim type"),
        "rank_word": Field(STR, doc="the comparative the ranking's messages use (default larger)"),
        "rank_within": Field(MAP, doc="also rank within groups such as continents, from a second "
                             "table: {file, id, groups, partly} (groups and partly: '|'-separated "
                             "in a cell; partly: groups a row is only partly in)"),
        "current_for_years": Field(NUM, doc="for values that change (populations, armies): check "
                                   "only articles published within this many years of each row's "
                                   "as-of year; its ranks likewise"),
        "note": Field(STR),
    },
    "checks": {
        "id": Field(STR, True, "a stable id, kebab-case"),
        "summary": Field(STR, doc="one sentence saying what the check finds (SARIF's short "
                         "description, the rule docs' lead); default: the description's first "
                         "clause"),
        "description": Field(STR, True, "what the check finds and why; shown by `claimcheck explain`"),
        "severity": Field(STR, True, choices=("error", "warning", "info")),
        "scope": Field(STR, True, "claim: one claim; article: pairs within an article; "
                       "corpus: pairs across articles", choices=("claim", "article", "corpus")),
        "claim_types": Field(LIST, True, "the claim types it applies to", items=STR),
        "where": Field(STR, doc="an expression: the check applies only where it is true"),
        "assert": Field(STR, True, "an expression that must hold; a finding where it does not"),
        "message": Field(STR, True, "the finding's message, with {expression} placeholders"),
        "within": Field(STR, doc="corpus scope: compare claims of articles in one story (the "
                        "default) or across the whole corpus", choices=("story", "corpus")),
        "compare_by": Field(STR, doc="pairs of claims with one key (the default), or twins: claims "
                            "at one place of one sentence, word for word but for its figures, in "
                            "two articles of one day (a wire copy with a figure changed)",
                            choices=("key", "twin")),
        "min_confidence": Field(NUM, doc="pair findings whose confidence that both claims are "
                                "about the same thing is below this (0-1; default 0.5) are "
                                "lowered to info"),
        "examples": Field(MAP, doc="articles that must pass and must fail this check"),
    },
}


def check_mapping(value, section: str, path: str) -> None:
    """Raise a located RuleError for unknown keys, missing keys, wrong types or choices."""
    fields = FIELDS[section]
    mark = mark_of(value)
    if not isinstance(value, dict):
        raise RuleError(f"each item of '{section}' must be a mapping, found {_kind(value)}", path,
                        mark.line, mark.column)
    key_marks = getattr(value, "key_marks", {})
    for key in value:
        if key not in fields:
            hint = suggestion(key, fields, list_known=True)
            km = key_marks.get(key, mark)
            raise RuleError(f"unknown key '{key}' in {section}{hint}", path, km.line, km.column)
    for name, spec in fields.items():
        if name not in value:
            if spec.required:
                raise RuleError(f"missing required key '{name}' in {section}", path, mark.line,
                                mark.column)
            continue
        item = value[name]
        item_mark = mark_of(item, key_marks.get(name, mark))
        if (isinstance(item, bool) and bool not in spec.types) or not isinstance(item, spec.types):
            want = " or ".join(_TYPE_NAMES[t] for t in spec.types)
            raise RuleError(f"'{name}' must be {want}, found {_kind(item)}", path, item_mark.line,
                            item_mark.column)
        if spec.choices and item not in spec.choices:
            hint = suggestion(item, spec.choices)
            raise RuleError(f"'{name}' must be one of {', '.join(spec.choices)}, found '{item}'{hint}",
                            path, item_mark.line, item_mark.column)
        for element in item if spec.items else ():
            if not isinstance(element, spec.items):
                em = mark_of(element, item_mark)
                raise RuleError(f"each item of '{name}' must be a string, found {_kind(element)}",
                                path, em.line, em.column)


def check_sections(document: YMap, path: str) -> None:
    for key in document:
        if key not in SECTIONS:
            hint = suggestion(key, SECTIONS, list_known=True)
            km = document.key_marks.get(key, document.mark)
            raise RuleError(f"unknown section '{key}'{hint}", path, km.line, km.column)
        value = document[key]
        if not isinstance(value, list):
            m = mark_of(value, document.key_marks.get(key))
            raise RuleError(f"'{key}' must be a list, found {_kind(value)}", path, m.line, m.column)


_TYPE_NAMES = {str: "a string", list: "a list", dict: "a mapping", int: "an integer",
               float: "a number", bool: "true or false"}


def _kind(value) -> str:
    if value is None:
        return "nothing (null)"
    for t, name in ((bool, "a boolean"), (str, "a string"), (list, "a list"), (dict, "a mapping"),
                    (int, "an integer"), (float, "a number")):
        if isinstance(value, t):
            return name
    return type(value).__name__

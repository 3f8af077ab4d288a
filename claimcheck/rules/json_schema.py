"""A JSON Schema for rule files, generated from the same field table the loader validates with,
so editors (e.g. the YAML language server) can complete and check rules as they are typed."""

from __future__ import annotations

from claimcheck.rules.schema import FIELDS, SECTIONS

_JSON_TYPES = {str: "string", list: "array", dict: "object", int: "integer", float: "number",
               bool: "boolean"}


def rule_file_schema() -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "claimcheck rule file",
        "description": "A YAML file of a claimcheck rule pack. Expressions (where, assert, fact "
                       "values and {placeholders} in messages) are checked by `claimcheck rules validate`.",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            name: _section(name, doc) for name, doc in SECTIONS.items()
        },
    }


def _section(name: str, doc: str) -> dict:
    if name not in FIELDS:
        return {"description": doc, "type": "array", "items": {"type": "string"}}
    return {"description": doc, "type": "array", "items": _item(name)}


def _item(section: str) -> dict:
    properties = {}
    for field_name, spec in FIELDS[section].items():
        types = sorted({_JSON_TYPES[t] for t in spec.types})
        prop: dict = {"type": types[0] if len(types) == 1 else types}
        if spec.doc:
            prop["description"] = spec.doc
        if spec.choices:
            prop["enum"] = list(spec.choices)
        if spec.items:
            prop["items"] = {"type": _JSON_TYPES[spec.items[0]]}
        if field_name == "examples":
            prop["properties"] = {k: {"type": "array", "items": {"type": ["string", "array"]}}
                                  for k in ("pass", "fail")}
            prop["additionalProperties"] = False
        properties[field_name] = prop
    return {"type": "object", "additionalProperties": False, "properties": properties,
            "required": [n for n, spec in FIELDS[section].items() if spec.required]}

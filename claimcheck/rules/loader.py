"""Read rule files (YAML, safely) into a RulePack, with every error located at file:line:column."""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path

from claimcheck.errors import ExpressionError, RuleError, caret_context, suggestion
from claimcheck.expr import Context, ExprFault, compile_expression, compile_template
from claimcheck.expr import types as T
from claimcheck.expr.units import DIMENSION_NAMES, dimension_name, known_dimension
from claimcheck.rules.files import rule_files
from claimcheck.rules.located import YStr, load_located, mark_of, position_in, source_line
from claimcheck.rules.pack import Check, Fact, RulePack
from claimcheck.rules.schema import check_mapping, check_sections
from claimcheck.rules.tables import gazetteer_entities, gazetteer_readings, table_facts
from claimcheck.vocab import ClaimType, Entity, Vocabulary

MAX_RULE_FILE_BYTES = 2 * 1024 * 1024
STANDARD_KINDS = {"country", "person", "organization", "place"}
GENERIC_TYPES = {"quantity": ClaimType("quantity", "quantity"), "date": ClaimType("date", "date")}


def load_pack(paths: list[str]) -> RulePack:
    texts: dict[str, str] = {}
    try:
        documents = []
        tables: dict[str, list[str]] = {}
        digest = hashlib.sha256()
        for file in rule_files(paths):
            text = texts[str(file)] = _read(file)
            digest.update(os.fsencode(str(file)) + b"\0" + text.encode("utf-8", "surrogateescape"))
            data = load_located(text, str(file))
            if data is None:
                continue  # an empty file declares nothing
            if not isinstance(data, dict):
                m = mark_of(data)
                raise RuleError("a rule file must be a mapping of sections (entities, claim_types, "
                                "facts, checks)", str(file), m.line, m.column)
            check_sections(data, str(file))
            documents.append((str(file), text, data))
            tables[str(file)] = _digest_tables(digest, file, data)
        return replace(_Builder(documents).build(digest.hexdigest()[:16]), tables=tables)
    except RuleError as exc:
        if exc.context is None and exc.path in texts and exc.line:
            exc.context = caret_context(source_line(texts[exc.path], exc.line), exc.column or 1)
        raise


def _digest_tables(digest, file: Path, data) -> list[str]:
    """The CSV tables a rule file reads are part of the pack: caches keyed by its digest must
    see a change to them. (A table that cannot be read fails later, with its location.) Returns
    their names, in the order digested (rules/outline.py digests them again)."""
    names = []
    for section in ("gazetteers", "fact_tables"):
        for item in data.get(section) or []:
            if isinstance(item, dict) and isinstance(item.get("file"), str):
                names.append(item["file"])
                try:
                    digest.update(b"\0table\0" + (file.parent / item["file"]).read_bytes())
                except OSError:
                    pass
    return names


def _read(file: Path) -> str:
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise RuleError(f"cannot read rule file: {exc.strerror or exc}", str(file), 1, 1) from None
    if len(data) > MAX_RULE_FILE_BYTES:
        raise RuleError(f"rule file is {len(data):,} bytes; the limit is {MAX_RULE_FILE_BYTES:,}",
                        str(file), 1, 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise RuleError("rule file is not UTF-8", str(file), line, column) from None


class _Builder:
    def __init__(self, documents):
        self.documents = documents
        self.seen: dict[tuple[str, str], str] = {}   # (section, id) → "path:line"

    def items(self, section: str):
        for path, text, data in self.documents:
            for item in data.get(section) or []:
                check_mapping(item, section, path)
                if "id" in item:
                    self._unique(section, item, path)
                yield path, text, item

    def _unique(self, section: str, item, path: str) -> None:
        m = mark_of(item["id"])
        where = f"{path}:{m.line}"
        first = self.seen.setdefault((section, item["id"]), where)
        if first != where:
            raise RuleError(f"duplicate {section[:-1].replace('_', ' ')} id '{item['id']}' "
                            f"(first defined at {first})", path, m.line, m.column)

    def build(self, digest: str) -> RulePack:
        entity_items = list(self.items("entities"))
        tabled = _merged([e for path, _, item in self.items("gazetteers")
                          for e in gazetteer_entities(path, item)])
        entities = tuple(tabled) + tuple(
            Entity(str(e["id"]), str(e["kind"]), tuple(map(str, e.get("aliases", []))),
                   e.get("country")) for _, _, e in entity_items)
        countries = {e.id for e in entities if e.kind == "country"}
        tabled_ids = {e.id for e in tabled}
        for path, _, item in entity_items:
            if item["id"] in tabled_ids:
                m = mark_of(item["id"])
                raise RuleError(f"entity '{item['id']}' is already declared by a gazetteer", path,
                                m.line, m.column)
            if "country" in item and item["country"] not in countries:
                _reject("country", item["country"], countries, "country entity", path)
        named = {t.country for e in tabled for t in e.terms} | {e.country for e in tabled}
        if named - countries - {None}:
            for path, _, item in self.items("gazetteers"):
                gazetteer_entities(path, item, countries)   # again, to locate the wrong country
        kinds = {e.kind for e in entities} | STANDARD_KINDS
        claim_types = []
        for path, _, item in self.items("claim_types"):
            for kind in item.get("key", []):
                if kind not in kinds:
                    _reject("key", kind, kinds, "entity kind", path)
            if "dimension" in item and not known_dimension(str(item["dimension"])):
                _reject("dimension", item["dimension"], DIMENSION_NAMES, "dimension", path)
            claim_types.append(self._claim_type(item))
        claim_types = tuple(claim_types)
        count_nouns = []
        for path, _, data in self.documents:
            for noun in data.get("count_nouns") or []:
                if not isinstance(noun, str):
                    m = mark_of(noun, data.mark)
                    raise RuleError("each count noun must be a string", path, m.line, m.column)
                count_nouns.append(noun.lower())
        vocabulary = Vocabulary(entities, claim_types, tuple(dict.fromkeys(count_nouns)))
        types = {**GENERIC_TYPES, **{ct.id: ct for ct in claim_types}}
        nouns = frozenset(vocabulary.count_nouns) | {u.lower() for ct in claim_types for u in ct.units}
        facts = {}
        for path, text, item in self.items("facts"):
            fact = self._fact(path, text, item, types, vocabulary, nouns)
            if fact.key in facts:
                first = facts[fact.key]
                raise RuleError(f"fact '{fact.id}' is about the same thing ({fact.key}) as fact "
                                f"'{first.id}' at {first.path}:{first.line}", path, fact.line, 1)
            facts[fact.key] = fact
        self._table_facts(facts, types, vocabulary)
        readings = tuple((alias, others) for path, _, item in self.items("gazetteers")
                         for alias, others in gazetteer_readings(path, item))
        for alias, others in readings:
            if unknown := set(others) - countries:
                raise RuleError(f"'{alias}' may name an unknown country: {', '.join(sorted(unknown))}",
                                self.documents[0][0], 1, 1)
        vocabulary = replace(vocabulary, readings=readings, known_keys=frozenset(facts))
        checks = tuple(self._check(path, text, item, types, nouns)
                       for path, text, item in self.items("checks"))
        return RulePack(vocabulary, facts, checks, tuple(p for p, _, _ in self.documents), digest)

    def _table_facts(self, facts: dict, types: dict, vocabulary: Vocabulary) -> None:
        """Facts from tables; a hand-written fact about the same key wins over a table's row."""
        aliases = vocabulary.entity_by_alias()

        def entity_of(name: str) -> str | None:
            entity = aliases.get(name)
            return None if entity is None else entity.country_at(None) or entity.id

        for path, _, item in self.items("fact_tables"):
            claim_type = self._known_type(item["claim_type"], types, path)
            if "rank_claim_type" in item:
                self._known_type(item["rank_claim_type"], types, path)
            for fact in table_facts(path, item, claim_type, entity_of, Fact):
                facts.setdefault(fact.key, fact)

    @staticmethod
    def _claim_type(item) -> ClaimType:
        dimension = item.get("dimension")
        return ClaimType(
            id=str(item["id"]), kind=str(item["kind"]), description=str(item.get("description", "")),
            dimension=dimension_name(dimension) if dimension else None,
            units=tuple(u.lower() for u in item.get("units", [])),
            triggers=tuple(item.get("triggers", [])), key=tuple(item.get("key", [])),
            min_key_entities=int(item.get("min_key_entities", 1)),
            event=str(item["event"]) if "event" in item else None,
            measures=tuple(str(m) for m in item.get("measures", [])),
            key_places=bool(item.get("key_places", True)))

    def _fact(self, path, text, item, types, vocabulary, nouns) -> Fact:
        claim_type = self._known_type(item["claim_type"], types, path)
        aliases = vocabulary.entity_by_alias()
        members = []
        for name in item["entities"]:
            if name not in aliases:
                m = mark_of(name, item.mark)
                raise RuleError(f"unknown entity '{name}' (declare it under entities)", path,
                                m.line, m.column)
            entity = aliases[name]
            country = entity.country_at(None)   # a leader of one country only stands for it
            members.append(country if entity.kind != "country" and country and
                           "country" in claim_type.key else entity.id)
        raw = item["value"]
        source = raw if isinstance(raw, YStr) else YStr(str(raw))
        if not hasattr(source, "mark"):
            source.mark, source.style = mark_of(raw, item.mark), None
        compiled = self._compile(source, Context("literal", count_nouns=nouns), path, text)
        want = _value_type(claim_type)
        if compiled.type != T.scalar_of(want):
            raise self._located(ExprFault(f"a {claim_type.id} fact needs a {T.scalar_of(want)}, "
                                          f"found {compiled.type}", 0), source, path, text)
        value = compiled({})
        key = f"{claim_type.id}:{'|'.join(sorted(set(members)))}"
        return Fact(str(item["id"]), claim_type.id, key, (value, value), str(raw), str(item["source"]),
                    path, mark_of(item).line)

    def _check(self, path, text, item, types, nouns) -> Check:
        names = item["claim_types"]
        if not names:
            m = mark_of(names, item.mark)
            raise RuleError("'claim_types' must name at least one claim type", path, m.line, m.column)
        selected = [self._known_type(n, types, path) for n in names]
        value_types = {str(_value_type(ct)): _value_type(ct) for ct in selected}
        if len(value_types) > 1:
            m = mark_of(names)
            raise RuleError(f"a check's claim types must share one kind of value, found "
                            f"{', '.join(value_types)}", path, m.line, m.column)
        context = Context(item["scope"], next(iter(value_types.values())), nouns)
        where = self._compile(item["where"], context, path, text) if "where" in item else None
        assertion = self._compile(item["assert"], context, path, text)
        for compiled, key in ((where, "where"), (assertion, "assert")):
            if compiled is not None and compiled.type != T.BOOL:
                raise self._located(ExprFault(f"'{key}' must be true or false, found {compiled.type}",
                                              0), item[key], path, text)
        try:
            message = compile_template(item["message"], context)
        except ExprFault as fault:
            raise self._located(fault, item["message"], path, text) from None
        min_confidence = item.get("min_confidence")
        if min_confidence is not None and not 0 <= min_confidence <= 1:
            m = mark_of(min_confidence, item.mark)
            raise RuleError(f"'min_confidence' must be between 0 and 1, found {min_confidence}",
                            path, m.line, m.column)
        return Check(str(item["id"]), str(item["description"]).strip(), str(item["severity"]),
                     str(item["scope"]), tuple(names), where, assertion, message,
                     str(item["message"]), item.get("examples"), path, mark_of(item).line,
                     str(item.get("within", "story")),
                     float(min_confidence) if min_confidence is not None else None,
                     " ".join(str(item.get("summary", "")).split()),
                     str(item.get("compare_by", "key")))

    def _known_type(self, name, types, path) -> ClaimType:
        if name not in types:
            hint = suggestion(name, types)
            m = mark_of(name)
            raise RuleError(f"unknown claim type '{name}'{hint}", path, m.line, m.column)
        return types[name]

    def _compile(self, source: YStr, context: Context, path: str, text: str):
        try:
            return compile_expression(str(source), context)
        except ExprFault as fault:
            raise self._located(fault, source, path, text) from None

    @staticmethod
    def _located(fault: ExprFault, source: YStr, path: str, text: str) -> ExpressionError:
        line, column = position_in(source, fault.offset)
        return ExpressionError(fault.message, path, line, column,
                               caret_context(source_line(text, line), column))


def _merged(entities: list[Entity]) -> list[Entity]:
    """Entities of several gazetteers with one id are one entity: aliases and terms joined."""
    by_id: dict[str, Entity] = {}
    for e in entities:
        first = by_id.get(e.id)
        by_id[e.id] = e if first is None else replace(
            first, aliases=tuple(dict.fromkeys(first.aliases + e.aliases)),
            country=first.country or e.country, terms=first.terms + e.terms)
    return list(by_id.values())


def _reject(field: str, value, known, what: str, path: str):
    hint = suggestion(value, sorted(known), list_known=True)
    m = mark_of(value)
    raise RuleError(f"'{field}': unknown {what} '{value}'{hint}", path, m.line, m.column)


def _value_type(ct: ClaimType) -> T.Type:
    if ct.kind == "date":
        return T.interval(T.DATE)
    return T.interval(T.quantity(ct.dimension or T.DIMENSIONLESS))

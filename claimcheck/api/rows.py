"""Claims and findings as flat rows: one per claim, one per finding, with their article's file,
title, source and publication date beside them. The rows feed DataFrames (`to_pandas`), CSV and
Parquet; pandas is imported only when a DataFrame is asked for (`claimcheck[pandas]`)."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from claimcheck.model import Article, Claim, Finding, QuantityValue, Value

CLAIM_COLUMNS = (
    "article", "file", "title", "source", "published", "story", "type", "kind", "text",
    "low", "high", "unit", "base_low", "base_high", "base_unit", "dimension",
    "date_start", "date_end", "granularity", "span_start", "span_end", "line", "column",
    "key", "entities", "tense", "hedges", "attribution", "ordinal", "event", "participants",
    "place", "measure", "sentence")
FINDING_COLUMNS = (
    "rule", "severity", "scope", "message", "article", "file", "title", "published", "line",
    "column", "text", "related", "confidence", "confidence_reason", "lowered_from", "fingerprint")


def claim_rows(claims: list[Claim], articles: dict[str, Article],
               stories: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """One row per claim. A quantity fills `low`…`dimension` (an open end is ±inf), a date
    `date_start`, `date_end` and `granularity`; the other kind's columns are None."""
    stories = stories or {}
    rows = []
    for c in claims:
        a = articles.get(c.span.article)
        rows.append({
            "article": c.span.article, "file": _file(c.span.file),
            "title": a.title if a else None, "source": a.source if a else None,
            "published": c.published, "story": stories.get(c.span.article),
            "type": c.claim_type, "kind": c.kind, "text": c.span.text, **_value(c.value),
            "span_start": c.span.start, "span_end": c.span.end, "line": c.span.line,
            "column": c.span.column, "key": c.key, "entities": list(c.entities),
            "tense": c.tense, "hedges": list(c.hedges), "attribution": c.attribution,
            "ordinal": c.ordinal, "event": c.event, "participants": list(c.participants),
            "place": c.place, "measure": c.measure, "twin": c.twin, "sentence": c.sentence})
    return rows


def _value(v: Value) -> dict[str, Any]:
    if isinstance(v, QuantityValue):
        return {"low": v.low, "high": v.high, "unit": v.unit, "base_low": v.base_low,
                "base_high": v.base_high, "base_unit": v.base_unit, "dimension": v.dimension,
                "date_start": None, "date_end": None, "granularity": None}
    return {"low": None, "high": None, "unit": None, "base_low": None, "base_high": None,
            "base_unit": None, "dimension": None, "date_start": v.start, "date_end": v.end,
            "granularity": v.granularity}


def finding_rows(findings: list[Finding], articles: dict[str, Article]) -> list[dict[str, Any]]:
    """One row per finding, at its first location; `related` lists the others as
    `article:line:column`."""
    rows = []
    for f in findings:
        first = f.locations[0] if f.locations else None
        a = articles.get(first.article) if first else None
        rows.append({
            "rule": f.rule, "severity": f.severity, "scope": f.scope, "message": f.message,
            "article": first.article if first else None, "file": _file(first.file) if first else None,
            "title": a.title if a else None, "published": a.published if a else None,
            "line": first.line if first else None, "column": first.column if first else None,
            "text": first.text if first else None,
            "related": [f"{loc.article}:{loc.line}:{loc.column}" for loc in f.locations[1:]],
            "confidence": f.confidence, "confidence_reason": f.confidence_reason or None,
            "lowered_from": f.lowered_from, "fingerprint": f.fingerprint})
    return rows


def _file(path: str) -> str | None:
    """The file a claim was read from; None for an article given as text (its path is `<id>`)."""
    return None if not path or path.startswith("<") else path


def to_pandas(rows: list[dict[str, Any]], columns: tuple[str, ...]):
    """A DataFrame of `rows`, with these columns even when there are no rows; dates as
    datetime64 so they sort, filter and plot as dates."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("a DataFrame needs pandas: pip install 'claimcheck[pandas]'") from None
    frame = pd.DataFrame(rows, columns=list(columns))
    for name in ("published", "date_start", "date_end"):
        if name in frame.columns:
            frame[name] = pd.to_datetime(frame[name])
    return frame


def flat(value: Any) -> Any:
    """A cell for CSV: lists joined with '|', dates in ISO form, infinity as 'inf'."""
    if isinstance(value, list):
        return "|".join(map(str, value))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return "" if value is None else value

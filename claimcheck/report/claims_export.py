"""Claims as a table file for data tools (`claimcheck extract --format csv|parquet`): the same
rows, one per claim, as `claimcheck.extract(...).to_pandas()` (claimcheck/api/rows.py)."""

from __future__ import annotations

import csv
import io
from typing import Any

from claimcheck.api.rows import CLAIM_COLUMNS, flat
from claimcheck.errors import UsageError


def claims_csv(rows: list[dict[str, Any]]) -> str:
    """RFC 4180 CSV with a header; lists joined with '|', an open end as 'inf'."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CLAIM_COLUMNS)
    for row in rows:
        writer.writerow([flat(row[c]) for c in CLAIM_COLUMNS])
    return out.getvalue()


def claims_parquet(rows: list[dict[str, Any]]) -> bytes:
    """Parquet, with a typed schema (dates as date32, lists as lists of strings), through
    pyarrow: an optional extra, so its absence is a one-line error."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError("--format parquet needs pyarrow: pip install 'claimcheck[parquet]'") \
            from None
    types = {"published": pa.date32(), "date_start": pa.date32(), "date_end": pa.date32(),
             "entities": pa.list_(pa.string()), "hedges": pa.list_(pa.string()),
             "participants": pa.list_(pa.string()), "ordinal": pa.int64(),
             "span_start": pa.int64(), "span_end": pa.int64(), "line": pa.int64(),
             "column": pa.int64(), **{c: pa.float64() for c in _FLOAT_COLUMNS}}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in CLAIM_COLUMNS])
    table = pa.Table.from_pylist([_floats(r) for r in rows], schema=schema)
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def _floats(row: dict[str, Any]) -> dict[str, Any]:
    """Bounds as floats: an int bound does not go into a float64 column as is; infinity stays."""
    return {k: float(v) if k in _FLOAT_COLUMNS and v is not None else v for k, v in row.items()}


_FLOAT_COLUMNS = ("low", "high", "base_low", "base_high")


def write_claim_rows(fmt: str, output: str | None, claims, articles, stories) -> None:
    """CSV or Parquet of `claims` to `output` (atomically) or standard output. Parquet is binary:
    it is not written to a terminal."""
    import sys

    from claimcheck.api.rows import claim_rows
    from claimcheck.atomic import write_atomic
    from claimcheck.cli import write

    rows = claim_rows(claims, {a.id: a for a in articles}, dict(stories.of))
    if fmt == "csv":
        text = claims_csv(rows)
    else:
        if not output and sys.stdout.isatty():
            raise UsageError("--format parquet is binary: write it to a file with -o FILE")
        data = claims_parquet(rows)
        if not output or output == "-":
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        text = data.decode("utf-8", "surrogateescape")   # written back byte for byte
    if output:
        write_atomic(output, text)
    else:
        write(text)

"""The geometry of the HTML report's timeline: one row per article, each dated claim a bar from its
first to its last day on a shared axis. The axis covers where most claims fall, so one "mid-1950s"
or "next year" cannot squash a week of meetings into a pixel; claims outside it become arrows at
the edge that name their real dates. Only numbers and plain strings come out: the template draws
(and escapes) them.

A large corpus would be thousands of rows with its few conflicts buried among them: past
ALL_ROWS articles, only the articles with a claim in a finding get a row (the most severe first,
at most MAX_ROWS), and every other dated claim is counted into one row of daily totals."""

from __future__ import annotations

import math
from datetime import date, timedelta

from claimcheck.report.sanitize import one_line

WIDTH, LABEL_W, PAD_R = 1160, 270, 24
LANE_H, BAR_H, AXIS_H, ROW_GAP = 22, 12, 34, 12
CHAR_W = 6.3                     # the width of a character of an 11px label, near enough
ALL_ROWS, MAX_ROWS = 60, 150     # every article up to ALL_ROWS; past it, those in findings only
TOTALS_H = 48                    # the height of the row of daily totals
_RANK = {"error": 3, "warning": 2, "info": 1}


def build(claims: list[dict], severity_of: dict, published: dict[str, str | None]) -> dict | None:
    items = [(c, *span) for c in claims if (span := _span(c))]
    if not items:
        return None
    items, others = _rows_kept(items, severity_of)
    # the axis fits the rows drawn; with none (no dated claim in a finding), all the claims
    lo, hi = _in_calendar(*window([(s, e) for _, s, e in items or others]))
    x0, x1 = LABEL_W, WIDTH - PAD_R
    per_day = (x1 - x0) / (hi + 1 - lo)

    def x(day: float) -> float:
        return round(x0 + (day - lo) * per_day, 1)

    rows, y, clipped = [], AXIS_H, 0
    by_article: dict[str, list] = {}
    for item in items:
        by_article.setdefault(item[0]["article"], []).append(item)
    order = sorted(by_article, key=lambda a: (published.get(a) or "9999", a))
    for article in order:
        marks = [_mark(c, s, e, lo, hi, x, severity_of) for c, s, e in by_article[article]]
        clipped += sum(1 for m in marks if m["clip"])
        lanes = _lanes(marks)
        height = max(lanes * LANE_H + ROW_GAP, 40)
        for m in marks:
            m["y"] = y + ROW_GAP / 2 + m["lane"] * LANE_H + (LANE_H - BAR_H) / 2
        pub = _day(published.get(article))
        rows.append({"article": article, "label": _clip(article, 34), "published": published.get(article),
                     "y": y, "height": height, "marks": marks,
                     "pub_x": x(pub + 0.5) if pub is not None and lo <= pub <= hi else None})
        y += height
    totals = _totals(others, lo, hi, x, y) if others else None
    if totals:
        y += TOTALS_H
    return {"width": WIDTH, "height": y + 8, "x0": x0, "x1": x1, "top": AXIS_H, "bottom": y,
            "rows": rows, "ticks": _ticks(lo, hi, x), "days": _days(lo, hi, x, per_day),
            "start": date.fromordinal(lo).isoformat(), "end": date.fromordinal(hi).isoformat(),
            "clipped": clipped, "bar_h": BAR_H, "totals": totals}


def _rows_kept(items: list, severity_of: dict) -> tuple[list, list]:
    """(the items drawn one by one, the items only counted): all of them are drawn in a corpus
    of at most ALL_ROWS dated articles; else the articles with a claim in a finding, the most
    severe first, at most MAX_ROWS of them."""
    by_article: dict[str, list] = {}
    for item in items:
        by_article.setdefault(item[0]["article"], []).append(item)
    if len(by_article) <= ALL_ROWS:
        return items, []

    def worst(article: str) -> int:
        return max(_RANK.get(severity_of.get(_key(c)), 0) for c, _, _ in by_article[article])
    flagged = sorted((a for a in by_article if worst(a)), key=lambda a: (-worst(a), a))[:MAX_ROWS]
    kept = set(flagged)
    return ([i for i in items if i[0]["article"] in kept],
            [i for i in items if i[0]["article"] not in kept])


def _key(claim: dict) -> tuple:
    return claim["article"], claim.get("start"), claim.get("end")


def _totals(others: list, lo: int, hi: int, x, top: float) -> dict:
    """One row of bars, a bar per day: how many of the claims not drawn fall on it (a claim
    longer than a week counts on none; those and the ones outside the axis are counted apart)."""
    per_day: dict[int, int] = {}
    apart = 0
    for _, s, e in others:
        if e - s > 7 or e < lo or s > hi:
            apart += 1
            continue
        for day in range(max(s, lo), min(e, hi) + 1):
            per_day[day] = per_day.get(day, 0) + 1
    peak = max(per_day.values(), default=1)
    bars = [{"x": x(day), "w": max(round(x(day + 1) - x(day) - 1, 1), 1),
             "h": max(round((TOTALS_H - 16) * n / peak, 1), 1), "n": n,
             "date": date.fromordinal(day).isoformat()} for day, n in sorted(per_day.items())]
    for b in bars:
        b["y"] = top + TOTALS_H - 6 - b["h"]
    return {"y": top, "height": TOTALS_H, "bars": bars, "claims": len(others), "apart": apart,
            "articles": len({c["article"] for c, _, _ in others})}


def window(spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The axis, as first and last day. The short claims (a week, or the median length if that
    is longer) vote: the tightest range holding two thirds of their midpoints, widened to hold
    those claims whole. Then the nearest other claims come in one by one while each at most
    doubles the range (or keeps it within two months); the rest are cut at the edges."""
    lengths = sorted(e - s for s, e in spans)
    short = [(s, e) for s, e in spans if e - s <= max(7, lengths[len(lengths) // 2])]
    mids = sorted((s + e) / 2 for s, e in short)
    k = max(1, math.ceil(len(mids) * 2 / 3))
    i = min(range(len(mids) - k + 1), key=lambda j: mids[j + k - 1] - mids[j])
    a, b = mids[i], mids[i + k - 1]
    inside = sorted(e - s for s, e in short if a <= (s + e) / 2 <= b)
    core = max(b - a, 7, inside[len(inside) // 2])
    for s, e in short:
        if a <= (s + e) / 2 <= b and e - s <= 2 * core:
            a, b = min(a, s), max(b, e)
    while True:
        costs = [(max(b, e) - min(a, s), s, e) for s, e in spans if s < a or e > b]
        if not costs:
            break
        length, s, e = min(costs)
        if length > max(2 * (b - a), 61):
            break
        a, b = min(a, s), max(b, e)
    pad = max(1, round((b - a) * 0.04))
    if b - a < 6:                                  # at least a week on the axis
        pad = max(pad, math.ceil((6 - (b - a)) / 2))
    return math.floor(a) - pad, math.ceil(b) + pad


def _in_calendar(lo: int, hi: int) -> tuple[int, int]:
    """The padded window kept inside the years 1–9999 (a week short of the end, for ticks)."""
    last = date.max.toordinal() - 7
    hi = max(1, min(hi, last))
    return max(1, min(lo, hi)), hi


def _span(claim: dict) -> tuple[int, int] | None:
    value = claim.get("value") or {}
    if claim.get("kind") != "date":
        return None
    s, e = _day(value.get("start")), _day(value.get("end"))
    if s is None or e is None:
        return None
    return (s, e) if s <= e else (e, s)


def _day(text: str | None) -> int | None:
    try:
        return date.fromisoformat(str(text)[:10]).toordinal()
    except ValueError:
        return None


def _mark(claim: dict, s: int, e: int, lo: int, hi: int, x, severity_of: dict) -> dict:
    severity = severity_of.get((claim["article"], claim.get("start"), claim.get("end")))
    dates = date.fromordinal(s).isoformat() + ("" if s == e else " – " + date.fromordinal(e).isoformat())
    text = _clip(one_line(claim.get("text", "")), 30)
    title = f"“{one_line(claim.get('text', ''))}” {dates} ({one_line(claim.get('claim_type', ''))})"
    out = {"severity": severity, "title": title + (f" · {severity}" if severity else ""),
           "text": one_line(claim.get("text", "")), "dates": dates,
           "clip": None, "clip_left": s < lo, "clip_right": e > hi}
    if e < lo or s > hi:
        side = "left" if e < lo else "right"
        label = f"{text} · {_short(s, e)}"
        edge = x(lo) if side == "left" else x(hi + 1)
        width = len(label) * CHAR_W + 18
        out.update(clip=side, x=edge, w=0, label=label, anchor="start" if side == "left" else "end",
                   span=(edge, edge + width) if side == "left" else (edge - width, edge),
                   label_x=edge + 16 if side == "left" else edge - 16)
        return out
    bx, bw = x(max(s, lo)), max(x(min(e, hi) + 1) - x(max(s, lo)), 5)
    room = WIDTH - 4 - (bx + bw + (14 if e > hi else 5))
    if len(text) * CHAR_W <= room:              # label right of the bar, else left of it
        out.update(anchor="start", label_x=round(bx + bw + (14 if e > hi else 5), 1),
                   span=(bx, bx + bw + 14 + len(text) * CHAR_W))
    else:
        out.update(anchor="end", label_x=round(bx - (14 if s < lo else 5), 1),
                   span=(bx - 14 - len(text) * CHAR_W, bx + bw))
    out.update(x=bx, w=round(bw, 1), label=text)
    if out["clip_left"] or out["clip_right"]:
        out["clip"] = "partial"
    return out


def _lanes(marks: list[dict]) -> int:
    """Stack marks whose bar or label would overlap into lanes; returns how many lanes."""
    ends: list[float] = []
    for m in sorted(marks, key=lambda m: m["span"][0]):
        lane = next((i for i, end in enumerate(ends) if end + 6 <= m["span"][0]), len(ends))
        if lane == len(ends):
            ends.append(0)
        ends[lane] = m["span"][1]
        m["lane"] = lane
    return max(len(ends), 1)


def _ticks(lo: int, hi: int, x) -> list[dict]:
    first, last, days = date.fromordinal(lo), date.fromordinal(hi), hi + 1 - lo
    if days <= 21:
        dates = [first + timedelta(n) for n in range(days)]
        fmt = "%d %b"
    elif days <= 120:
        monday = first + timedelta((7 - first.weekday()) % 7)
        dates = [monday + timedelta(7 * n) for n in range((last - monday).days // 7 + 1)]
        fmt = "%d %b"
    elif days <= 3 * 366:
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        step = next(s for s in (1, 2, 3, 6, 12) if months / s <= 12)  # labels must not overlap
        dates = [date(y, m, 1) for y in range(first.year, last.year + 1) for m in range(1, 13)
                 if (m - 1) % step == 0]
        fmt = "%b %Y"
    else:
        step = next((s for s in (1, 2, 5, 10, 20, 50, 100) if days / 365 / s <= 12),
                    math.ceil(days / 365 / 12))  # centuries apart: a tick each few
        dates = [date(y, 1, 1) for y in range(max(1, first.year - first.year % step),
                                               last.year + 1, step)]
        fmt = "%Y"
    return [{"x": x(d.toordinal()), "label": d.strftime(fmt).lstrip("0"), "major": d.day == 1}
            for d in dates if lo <= d.toordinal() <= hi]


def _days(lo: int, hi: int, x, per_day: float) -> list[float]:
    """Faint lines between days, when days are wide enough to tell apart."""
    return [x(d) for d in range(lo, hi + 2)] if per_day >= 6 else []


def _short(s: int, e: int) -> str:
    a, b = date.fromordinal(s), date.fromordinal(e)
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return str(a.year) if a.year == b.year else f"{a.year}–{b.year}"
    return a.isoformat() if a == b else f"{a.isoformat()} – {b.isoformat()}"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"

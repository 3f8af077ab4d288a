"""One documentation page per check, generated from the rule pack (`claimcheck rules docs`):
what it finds, how it decides, and its examples (a corpus check's as pairs of articles). SARIF
links each rule to its page (`helpUri`), so a code-scanning alert opens the rule's page."""

from __future__ import annotations

import html
from pathlib import Path

from claimcheck.rules.pack import Check, RulePack, compared

FORMATS = {"markdown": ".md", "html": ".html"}


def check_markdown(check: Check) -> str:
    lines = [f"# {check.id}", "", check.short, "", _facts_md(check), "", "## What it finds", "",
             check.description, "", "## How it decides", "", "```text"]
    lines += _logic(check)
    lines += ["```", ""]
    for expect, title in (("pass", "Passes"), ("fail", "Fails")):
        examples = _examples(check, expect)
        if not examples:
            continue
        lines += [f"## {title}", ""]
        for number, articles in enumerate(examples, start=1):
            if len(articles) == 1:
                lines += [f"{number}. {_md_quote(articles[0])}"]
            else:
                lines += [f"{number}. a corpus of {len(articles)} articles:"]
                lines += [f"   - {_md_quote(a)}" for a in articles]
        lines.append("")
    lines += [f"Defined in `{check.path}`, line {check.line}."]
    return "\n".join(lines).rstrip() + "\n"


def check_html(check: Check) -> str:
    e = html.escape
    parts = [f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
             f"<title>{e(check.id)} — claimcheck</title></head><body>",
             f"<h1>{e(check.id)}</h1>", f"<p><strong>{e(check.short)}</strong></p>",
             "<ul>" + "".join(f"<li>{e(name)}: <code>{e(value)}</code></li>"
                              for name, value in _facts(check)) + "</ul>",
             "<h2>What it finds</h2>", f"<p>{e(check.description)}</p>",
             "<h2>How it decides</h2>", f"<pre>{e(chr(10).join(_logic(check)))}</pre>"]
    for expect, title in (("pass", "Passes"), ("fail", "Fails")):
        examples = _examples(check, expect)
        if examples:
            parts.append(f"<h2>{title}</h2><ol>")
            for articles in examples:
                inner = "".join(f"<li><q>{e(a)}</q></li>" for a in articles)
                parts.append(f"<li><ul>{inner}</ul></li>" if len(articles) > 1
                             else f"<li><q>{e(articles[0])}</q></li>")
            parts.append("</ol>")
    parts.append(f"<p>Defined in <code>{e(check.path)}</code>, line {check.line}.</p></body></html>")
    return "\n".join(parts) + "\n"


def index(pack: RulePack, fmt: str) -> str:
    suffix = FORMATS[fmt]
    if fmt == "markdown":
        rows = [f"| [{c.id}]({c.id}{suffix}) | {c.severity} | {c.scope} | {_md_cell(c.short)} |"
                for c in pack.checks]
        return "\n".join(["# claimcheck checks", "", "| check | severity | scope | finds |",
                          "|---|---|---|---|", *rows]) + "\n"
    e = html.escape
    cells = "".join(f"<tr><td><a href=\"{e(c.id)}{suffix}\">{e(c.id)}</a></td><td>{c.severity}"
                   f"</td><td>{c.scope}</td><td>{e(c.short)}</td></tr>" for c in pack.checks)
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>claimcheck "
            "checks</title></head><body><h1>claimcheck checks</h1><table><tr><th>check</th>"
            f"<th>severity</th><th>scope</th><th>finds</th></tr>{cells}</table></body></html>\n")


def pages(pack: RulePack, fmt: str) -> dict[str, str]:
    """File name → content: one page per check, and `index`."""
    render = check_markdown if fmt == "markdown" else check_html
    out = {f"{c.id}{FORMATS[fmt]}": render(c) for c in pack.checks}
    out[f"index{FORMATS[fmt]}"] = index(pack, fmt)
    return out


def write_pages(pack: RulePack, folder: str | Path, fmt: str = "markdown") -> list[Path]:
    from claimcheck.atomic import write_atomic
    written = []
    for name, text in pages(pack, fmt).items():
        write_atomic(Path(folder) / name, text)
        written.append(Path(folder) / name)
    return written


def _facts(check: Check) -> list[tuple[str, str]]:
    facts = [("severity", check.severity), ("scope", check.scope),
             ("claim types", ", ".join(check.claim_types))]
    if check.scope == "corpus":
        facts.append(("compares", compared(check)))
    return facts


def _facts_md(check: Check) -> str:
    return "\n".join(f"- **{name}**: `{value}`" for name, value in _facts(check))


def _logic(check: Check) -> list[str]:
    out = []
    if check.where is not None:
        out.append(f"where:   {' '.join(check.where.source.split())}")
    out += [f"assert:  {' '.join(check.assertion.source.split())}",
            f"message: {' '.join(check.message_text.split())}"]
    return out


def _examples(check: Check, expect: str) -> list[list[str]]:
    examples = (check.examples or {}).get(expect) or [] if isinstance(check.examples, dict) else []
    return [[str(t) for t in e] if isinstance(e, list) else [str(e)] for e in examples]


def _md_quote(text: str) -> str:
    return "`" + text.replace("`", "'") + "`"


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|")

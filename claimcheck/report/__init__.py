"""Reporters: one module per output format, each `render(result: dict, color: bool) -> str` over the
findings' dict form ({"findings": [...], "summary": {...}}, with `rules`, `claims` and `articles`
when the caller has them)."""

from claimcheck.report import github, html, json_report, junit, markdown, sarif, text

REPORTERS = {"text": text.render, "json": json_report.render, "sarif": sarif.render,
             "junit": junit.render, "github": github.render, "markdown": markdown.render,
             "html": html.render}

__all__ = ["REPORTERS"]

"""Where each check's documentation page is (`helpUri` in SARIF), from the `rule_docs` setting:

* a URL template with `{id}` (`https://example.org/claimcheck/{id}.html`): every check's page,
  and `{id}` = `index` for the list of checks;
* a folder written by `claimcheck rules docs` (the default: `docs/rules`, when it exists): the
  pages it holds, linked on GitHub's file view when the run is a GitHub Actions job (where code
  scanning shows them), else as `file:` URIs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import quote

DEFAULT_FOLDER = "docs/rules"


def rule_links(setting: str | None, rule_ids: Iterable[str],
               env: Mapping[str, str] = os.environ) -> dict[str, str]:
    """Check id → the URI of its page; the key `index` for the list of checks."""
    ids = [*rule_ids, "index"]
    if setting and "{id}" in setting:
        return {i: setting.replace("{id}", quote(i)) for i in ids}
    folder = Path(setting or DEFAULT_FOLDER)
    if not folder.is_dir():
        return {}
    links = {}
    for rule_id in ids:
        page = next((folder / f"{rule_id}{s}" for s in (".md", ".html")
                     if (folder / f"{rule_id}{s}").is_file()), None)
        if page is not None:
            links[rule_id] = _github_blob(page, env) or page.resolve().as_uri()
    return links


def _github_blob(page: Path, env: Mapping[str, str]) -> str | None:
    """The page on GitHub at the commit being checked, in a GitHub Actions job."""
    server, repo, sha = (env.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY",
                                               "GITHUB_SHA"))
    workspace = env.get("GITHUB_WORKSPACE")
    if not (server and repo and sha and workspace):
        return None
    try:
        relative = page.resolve().relative_to(Path(workspace).resolve())
    except ValueError:   # the docs are not in the checkout
        return None
    return f"{server.rstrip('/')}/{repo}/blob/{sha}/{quote(relative.as_posix())}"

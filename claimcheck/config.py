"""Project configuration: `claimcheck.yaml`, or `[tool.claimcheck]` in pyproject.toml, found by
walking up from the working directory. Flags on the command line override it.

    corpus: [corpus]              # paths checked when none are given
    rules: [rules]                # rule files or directories
    fail_on: error                # error | warning | info
    disable: [count-conflict]     # check ids not to run
    severity: {border-length-conflict: error}   # per-check severity overrides
    baseline: .claimcheck/baseline.json
    output_dir: reports           # where `claimcheck report` writes
    min_confidence: 0.5           # pair findings less sure than this are lowered to info
    stories: {window_days: 7, threshold: 0.1}   # how articles are grouped into stories
    rule_docs: docs/rules         # the checks' pages (claimcheck rules docs), or a URL with {id}

Relative paths are taken relative to the file that declares them.
"""

from __future__ import annotations

import tomllib
from types import SimpleNamespace
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.errors import ClaimcheckError, suggestion
from claimcheck.model import SEVERITIES
from claimcheck.stories import StorySettings

CONFIG_NAMES = ("claimcheck.yaml", "claimcheck.yml")
_KEYS = ("corpus", "rules", "fail_on", "disable", "severity", "baseline", "output_dir",
         "min_confidence", "stories", "rule_docs")
_STORY_KEYS = {"window_days": int, "threshold": float, "num_perm": int}


@dataclass(frozen=True)
class Config:
    path: str | None = None
    corpus: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    fail_on: str | None = None
    disable: tuple[str, ...] = ()
    severity: dict = field(default_factory=dict)
    baseline: str | None = None
    output_dir: str | None = None
    min_confidence: float | None = None
    stories: StorySettings = StorySettings()
    rule_docs: str | None = None   # the checks' pages: a folder, or a URL with {id} (SARIF helpUri)


def default_rules() -> list[str]:
    """The rule pack used when neither the command line nor a configuration names one: `rules/`
    of the working directory, else the pack installed with claimcheck (default_rules)."""
    bundled = Path(__file__).resolve().parent / "default_rules"
    return ["rules"] if Path("rules").is_dir() or not bundled.is_dir() else [str(bundled)]


def discover(start: Path | None = None) -> Config:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return _from_yaml(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            config = _from_pyproject(pyproject)
            if config is not None:
                return config
    return Config()


def load_config(path: str) -> Config:
    """The configuration in `path` (--config): a claimcheck.yaml, or a pyproject.toml with a
    [tool.claimcheck] table."""
    file = Path(path)
    if not file.is_file():
        raise ClaimcheckError("no such configuration file", path, 1, 1)
    if file.suffix == ".toml":
        config = _from_pyproject(file)
        if config is None:
            raise ClaimcheckError("no [tool.claimcheck] table in this file", path, 1, 1)
        return config
    return _from_yaml(file)


MAX_CONFIG_BYTES = 1024 * 1024


def _from_yaml(path: Path) -> Config:
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise ClaimcheckError(f"configuration is over {MAX_CONFIG_BYTES:,} bytes", str(path), 1, 1)
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimcheckError(f"cannot read configuration: {exc}", str(path), 1, 1) from None
    from claimcheck.rules.located import load_located, mark_of   # late: YAML costs start-up
    data = load_located(text, str(path)) or {}
    key_marks = getattr(data, "key_marks", {})
    return _build(data, path, lambda key: key_marks.get(key) or mark_of(data))


def _from_pyproject(path: Path) -> Config | None:
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise ClaimcheckError(f"pyproject.toml is over {MAX_CONFIG_BYTES:,} bytes", str(path), 1, 1)
        raw = path.read_text(encoding="utf-8")
        data = tomllib.loads(raw)
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimcheckError(f"cannot read configuration: {exc}", str(path), 1, 1) from None
    except RecursionError:
        raise ClaimcheckError("invalid TOML: nests too deeply", str(path), 1, 1) from None
    except tomllib.TOMLDecodeError as exc:
        line, column = getattr(exc, "lineno", 1), getattr(exc, "colno", 1)
        raise ClaimcheckError(f"invalid TOML: {str(exc).split(' (at')[0]}", str(path), line,
                              column) from None
    tool = data.get("tool", {})
    section = tool.get("claimcheck") if isinstance(tool, dict) else None
    if section is None:
        return None
    line = next((i for i, l in enumerate(raw.split("\n"), 1) if l.strip() == "[tool.claimcheck]"), 1)
    return _build(section, path, lambda key: SimpleNamespace(line=line, column=1))


def _build(data, path: Path, where) -> Config:
    shown = str(path)
    if not isinstance(data, dict):
        raise ClaimcheckError("configuration must be a mapping of settings", shown, 1, 1)
    for key in data:
        if key not in _KEYS:
            hint = suggestion(key, _KEYS, list_known=True)
            m = where(key)
            raise ClaimcheckError(f"unknown setting '{key}'{hint}", shown, m.line, m.column)
    base = path.parent

    def paths(key) -> tuple[str, ...]:
        value = data.get(key, [])
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            m = where(key)
            raise ClaimcheckError(f"'{key}' must be a path or a list of paths", shown, m.line, m.column)
        return tuple(_relative(base, v) for v in value)

    def one_of(key, choices):
        value = data.get(key)
        if value is not None and value not in choices:
            m = where(key)
            raise ClaimcheckError(f"'{key}' must be one of {', '.join(choices)}, found {value!r}",
                                  shown, m.line, m.column)
        return value

    severity = data.get("severity") or {}
    if not isinstance(severity, dict) or any(v not in SEVERITIES for v in severity.values()):
        m = where("severity")
        raise ClaimcheckError(f"'severity' maps check ids to one of {', '.join(SEVERITIES)}",
                              shown, m.line, m.column)
    disable = data.get("disable") or []
    disable = [disable] if isinstance(disable, str) else disable
    if not isinstance(disable, list) or not all(isinstance(d, str) for d in disable):
        m = where("disable")
        raise ClaimcheckError("'disable' must be a check id or a list of them", shown, m.line, m.column)

    def one_path(key) -> str | None:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            m = where(key)
            raise ClaimcheckError(f"'{key}' must be a path", shown, m.line, m.column)
        return _relative(base, value) if value else None

    min_confidence = data.get("min_confidence")
    if min_confidence is not None and (isinstance(min_confidence, bool) or not isinstance(
            min_confidence, (int, float)) or not 0 <= min_confidence <= 1):
        m = where("min_confidence")
        raise ClaimcheckError("'min_confidence' must be a number from 0 to 1", shown, m.line, m.column)
    return Config(shown, paths("corpus"), paths("rules"), one_of("fail_on", SEVERITIES),
                  tuple(disable), dict(severity), one_path("baseline"), one_path("output_dir"),
                  float(min_confidence) if min_confidence is not None else None,
                  _stories(data.get("stories"), shown, where), _rule_docs(data, base, shown, where))


def _rule_docs(data, base: Path, shown: str, where) -> str | None:
    value = data.get("rule_docs")
    if value is None:
        return None
    if not isinstance(value, str):
        m = where("rule_docs")
        raise ClaimcheckError("'rule_docs' must be a folder or a URL with {id}", shown, m.line,
                              m.column)
    return value if "{id}" in value else _relative(base, value)


def _stories(value, shown: str, where) -> StorySettings:
    if value is None:
        return StorySettings()
    m = where("stories")
    if not isinstance(value, dict):
        raise ClaimcheckError("'stories' must be a mapping (window_days, threshold, num_perm)",
                              shown, m.line, m.column)
    settings = {}
    for key, item in value.items():
        if key not in _STORY_KEYS:
            hint = suggestion(key, _STORY_KEYS, list_known=True)
            raise ClaimcheckError(f"unknown setting 'stories.{key}'{hint}", shown, m.line, m.column)
        if isinstance(item, bool) or not isinstance(item, (int, float)) or item < 0 \
                or (_STORY_KEYS[key] is int and item != int(item)):
            raise ClaimcheckError(f"'stories.{key}' must be a non-negative number", shown, m.line,
                                  m.column)
        settings[key] = _STORY_KEYS[key](item)
    if not 0 < settings.get("threshold", 0.1) <= 1 or settings.get("num_perm", 128) < 16:
        raise ClaimcheckError("'stories.threshold' must be in (0, 1] and 'stories.num_perm' at "
                              "least 16", shown, m.line, m.column)
    return StorySettings(**settings)


def _relative(base: Path, value: str) -> str:
    path = Path(value)
    if path.is_absolute():
        return value
    try:
        return str((base / path).relative_to(Path.cwd()))
    except ValueError:
        return str(base / path)

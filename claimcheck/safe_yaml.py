"""The one place that reads YAML: always the safe loader, which never constructs Python objects."""

from __future__ import annotations

import yaml

try:  # libyaml is much faster where it is installed
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader


def load_plain(text: str):
    """Parse YAML into plain Python data (dicts, lists, strings, numbers, dates)."""
    return yaml.load(text, Loader=_Loader)


def compose(text: str):
    """Parse YAML into a node tree that keeps line:column marks for every value."""
    return yaml.compose(text, Loader=_Loader)


YAMLError = yaml.YAMLError
MarkedYAMLError = yaml.MarkedYAMLError

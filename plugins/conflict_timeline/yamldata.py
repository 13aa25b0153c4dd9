"""Reading the YAML files the registries and the shipped data are written in.

libyaml's loader (``yaml.CSafeLoader``, in PyYAML's wheels) parses them about ten times faster than the pure-Python
one, which cost a third of a second at every build; the pure-Python loader stands in where libyaml is missing.
"""

from __future__ import annotations

from typing import IO, Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
YAMLError = yaml.YAMLError


def load_yaml(source: str | bytes | IO[str] | IO[bytes]) -> Any:
    return yaml.load(source, Loader=_LOADER)  # noqa: S506 - a safe loader, C or Python

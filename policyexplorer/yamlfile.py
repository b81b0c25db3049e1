"""YAML as every stage reads it: PyYAML's safe loader, in C where PyYAML was built with libyaml.

The C parser gives the same values and the same error marks (file line and column) as the pure
Python one, about ten times faster; a build reads every data file and each report's meta.yml.
"""
from __future__ import annotations

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str):
    return yaml.load(text, Loader=SafeLoader)


def compose(text: str):
    return yaml.compose(text, Loader=SafeLoader)

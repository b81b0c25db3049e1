"""MkDocs hook: Material's templates compiled once, not at every build.

Compiling Material's base.html and its partials is a third of a MkDocs run that renders a few
pages (a rebuild). With $POLICYEXPLORER_TEMPLATE_CACHE set (build.py: a folder of build/cache),
Jinja keeps the compiled templates there, checked against each template's source, so the pages
are the same bytes either way. Loaded by MkDocs from its path: standard library and Jinja only."""
from __future__ import annotations

import os

import jinja2

VARIABLE = "POLICYEXPLORER_TEMPLATE_CACHE"


def on_env(env, config, files):
    folder = os.environ.get(VARIABLE)
    if folder:
        os.makedirs(folder, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(folder)
    return env

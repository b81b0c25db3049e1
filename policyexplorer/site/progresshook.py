"""MkDocs hook: each page rendered ticks the build's shared page count (progress.py), which the
build shows while it waits for MkDocs. Outside a build the count is simply not read."""
from __future__ import annotations

from policyexplorer.progress import mkdocs_page_done


def on_post_page(output, page, config):
    mkdocs_page_done()
    return output

"""MkDocs hook: a page's local nav (site/nav.py) rides in its front matter as one JSON string,
`pe_nav`, which this hook unpacks into page.meta (pe_group, pe_local, pe_prev, pe_next) before
the templates read it. One string keeps MkDocs' YAML reading cheap: PyYAML builds every node of a
mapping in Python, and a report's nav of dozens of entries was 7% of MkDocs' time per page.
Loaded by MkDocs from its path: standard library only."""
from __future__ import annotations

import json


def on_page_markdown(markdown: str, page, config, files):
    packed = page.meta.pop("pe_nav", None)
    if isinstance(packed, str):
        page.meta.update(json.loads(packed))
    return markdown

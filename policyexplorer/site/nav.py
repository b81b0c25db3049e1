"""Navigation that does not grow with the corpus: the site nav lists only the top pages; a page
below a local root (a report, the tracker) carries its own group as a local nav."""
from __future__ import annotations

import html
import json

from .paths import Page, href
from .ui import mark


def top_nav(pages: list[Page], convert) -> list:
    """MkDocs nav entries for the top pages (home, reports, tracker, search) only: Material writes
    the whole nav into every page, so a nav listing every report would grow every page with the
    corpus. A page's own group (its report's sections, the tracker's years) is its local nav."""
    # MkDocs puts nav titles into the HTML unescaped.
    return [{html.escape(convert(page.title), quote=False): page.file} for page in pages if page.in_nav]


def attach_local_nav(pages: list[Page]) -> None:
    """Give every page below a local root (a report, the tracker) a sidebar of its own group:
    the root and its listed children, and prev/next links through them. The site navigation
    lists only the top pages, so no page carries the whole corpus (YAML front matter, unpacked by
    the navmeta.py hook for docs/overrides/partials/nav.html and footer.html)."""
    def visit(page: Page, root: Page | None):
        if page.local_root:
            root = page
        if root is not None:
            group = [root] + [c for c in root.children if c.in_nav]
            here = next((i for i, p in enumerate(group) if p is page), None)
            entries = [{"href": href(page.path, p.path), "title": "概览" if p is root else mark(p.title),
                        "current": p is page} for p in group]
            meta = {"pe_group": mark(root.title), "pe_local": entries}
            if here is not None and here > 0:
                meta["pe_prev"] = entries[here - 1]
            if here is not None and here + 1 < len(group):
                meta["pe_next"] = entries[here + 1]
            # one YAML string, unpacked by the navmeta.py hook (quotes doubled: a single-quoted scalar)
            packed = json.dumps(meta, ensure_ascii=False).replace("'", "''")
            page.front = f"---\npe_nav: '{packed}'\n---\n\n"
        for child in page.children:
            visit(child, root)

    for page in pages:
        visit(page, None)

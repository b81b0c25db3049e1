"""What a page's render reads of the state its pages share, with the value it read.

Most of a page comes from its own template context. A few things come from state shared by
every page: a report's meta.yml fields (model.Meta), the glossary terms of a report
(site/glossary.Marker), the tracker page that holds a commitment's row (site/pages.Renderer.
row_page). While `reads` is a dict (site/rerender.py watches a page's render), each such read is
noted in it as (name, args) -> value, so a rebuild can tell whether the page would read the same
again without rendering it.
"""
from __future__ import annotations

reads: dict | None = None


def note(name: str, args: tuple, value) -> None:
    if reads is not None:
        reads[(name, args)] = value

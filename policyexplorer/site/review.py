"""tracker/review/: the linker's automatic verdicts, for editors to confirm or correct.

    page = review_page(renderer, rows)

One list per plan year (tracker/review/<year>/, in pages of PAGE_ROWS) under an index of years,
so no page holds every year or grows with the places. In each, every automatic outcome of a commitment no editor has ruled on, the doubtful
first: negative verdicts (missed, partly, reported) before positive ones, then the lowest
confidence first. Each row carries the line to paste into data/links.yml to confirm it (an
editor changes `action` to reject, or sets `status`).
"""
from __future__ import annotations

from .paginate import pagers, split
from .paths import Page

# Negative verdicts first: those are the ones a wrong link hurts most.
_DOUBT = {"missed": 0, "partly": 1, "reported": 2, "met": 3, "exceeded": 4}


def review_rows(rows) -> list[tuple]:
    """(row, outcome view) pairs of automatic verdicts awaiting an editor, doubtful first."""
    out = []
    for row in rows:
        if any(o.link.by == "editor" for o in row.outcomes):
            continue
        for o in row.outcomes:
            out.append((row, o))
    return sorted(out, key=lambda x: (_DOUBT.get(x[1].link.status, 5), x[1].link.confidence,
                                      x[0].c.id, x[1].link.place.paragraph_id))


def review_page(r, rows) -> Page:
    years = sorted({row.c.year for row in rows})
    children, summaries = [], []
    for year in years:
        items = review_rows([row for row in rows if row.c.year == year])
        if not items:
            continue
        # pages of PAGE_ROWS verdicts (the doubtful on page 1), so a year of many places stays light
        chunks = split(items)
        pages, start = [], 0
        for pager, chunk in zip(pagers(f"tracker/review/{year}/", len(chunks)), chunks):
            md = r.later("tracker_review.md.j2", pager.path, year=year, items=chunk, total=len(items),
                          pager=pager, span=(start + 1, start + len(chunk)), summaries=None)
            start += len(chunk)
            name = f"{year}年" if pager.number == 1 else f"{year}年 · 第{pager.number}页"
            pages.append(Page(pager.path, name, md, in_nav=False))
        pages[0].children = pages[1:]
        children.append(pages[0])
        summaries.append((year, len(items), sum(1 for _, o in items if o.link.status in ("missed", "partly", "reported"))))
    md = r.later("tracker_review.md.j2", "tracker/review/", year=None, items=[], summaries=summaries)
    return Page("tracker/review/", "待核对", md, children)

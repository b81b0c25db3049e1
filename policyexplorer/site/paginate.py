"""Row lists split into static pages that stay small however many rows a place, an agency or an
indicator gathers. Page 1 keeps the list's address; page k is <address>k/. Each page writes its
rows again as rows.js beside it, so the filters of any page (assets/tracker.js) can load the
others' rows on demand, from file:// too."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass

PAGE_ROWS = 40      # rows per page: about 75 KB of rows (110 KB a page), inside the 150 KB budget
# A compact row (an indicator's or an agency's list: status, words, figures, a link to the full
# row) is a third of a full one, so its lists hold three times as many rows a page. Most of them
# then fit one page, which filters the rows it holds: no rows.js repeating every row, no page
# frame and filter form per 40 rows (they were a fifth of the site at 100 reports).
LIST_ROWS = 120
# A place-year's full rows vary from 0.4 KB (a task) to 3 KB (a target with its outcomes and
# agencies): its pages are filled by an estimate of their bytes (site/tracker.py row_weight), up
# to ROWS_BYTES of rows (with the frame, about 120 KB a page), at most YEAR_ROWS rows.
ROWS_BYTES = 100_000
YEAR_ROWS = 150


@dataclass(frozen=True)
class Pager:
    number: int             # 1-based
    paths: tuple[str, ...]  # every page of the list, page 1 first

    @property
    def count(self) -> int:
        return len(self.paths)

    @property
    def path(self) -> str:
        return self.paths[self.number - 1]


def split(items: list, size: int = PAGE_ROWS) -> list[list]:
    """Even chunks of at most `size` (no short last page): 51 rows are 26 + 25, not 50 + 1."""
    if not items:
        return [[]]
    n = math.ceil(len(items) / size)
    per = math.ceil(len(items) / n)
    return [items[i:i + per] for i in range(0, len(items), per)]


def split_weighted(items: list, weights: list[float], budget: float, most: int) -> list[list]:
    """Pages of at most `most` items and `budget` weight (an item heavier than that alone on its
    page), as even as that allows: as many pages as filling each in turn needs, then each cut
    where the running weight passes that page's even share (no light last page)."""
    if not items:
        return [[]]
    n, load, count = 1, 0.0, 0
    for w in weights:
        if count and (load + w > budget or count == most):
            n, load, count = n + 1, 0.0, 0
        load, count = load + w, count + 1
    share = sum(weights) / n
    while True:
        chunks, chunk, load, before = [], [], 0.0, 0.0
        for item, w in zip(items, weights):
            ends = share * (len(chunks) + 1)        # where the running weight should leave this page
            if chunk and (load + w > budget or len(chunk) == most
                          or (len(chunks) < n - 1 and before + load + w / 2 > ends)):
                chunks.append(chunk)
                before, chunk, load = before + load, [], 0.0
            chunk.append(item)
            load += w
        chunks.append(chunk)
        if len(chunks) <= n:
            return chunks
        n = len(chunks)                             # even shares did not fit: as many as they took
        share = sum(weights) / n


def page_paths(root: str, n: int) -> tuple[str, ...]:
    return (root,) + tuple(f"{root}{k}/" for k in range(2, n + 1))


def pagers(root: str, n: int) -> list[Pager]:
    paths = page_paths(root, n)
    return [Pager(k, paths) for k in range(1, n + 1)]


def ids_script(where: dict[str, str]) -> str:
    """ids.js at a list's first page: which later page holds a row, for an address made before
    the list was split (assets/tracker.js loads it only when the #id is not on the page)."""
    return "window.peTrackerIds = " + json.dumps(where, ensure_ascii=False, sort_keys=True) + ";\n"

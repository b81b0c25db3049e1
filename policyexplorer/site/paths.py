"""Where generated pages live and how they link: page paths below the site root, relative links
that end in index.html (so the site works under any sub-path and from file://)."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Callable, Union


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Relative link between two page paths ("reports/x/s1/"), pointing at index.html."""
    target = relpath(to_page, from_page)
    link = "index.html" if target == "." else f"{target}/index.html"
    return f"{link}#{anchor}" if anchor else link


def relpath(to_page: str, from_page: str) -> str:
    """posixpath.relpath for page paths, by comparing their folders: a site links millions of
    times (every tracker row to its report, its agencies, its outcomes) and relpath's
    normalising took a quarter of the page rendering. Anything unusual goes to posixpath."""
    to_parts = [p for p in (to_page or "").split("/") if p]
    from_parts = [p for p in (from_page or "").split("/") if p]
    if any(p in (".", "..") for p in to_parts + from_parts) or "//" in f"{to_page}{from_page}".strip("/"):
        return posixpath.relpath(to_page or ".", from_page or ".")
    common = 0
    for a, b in zip(to_parts, from_parts):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."



Body = Union[str, Callable[[], str]]


@dataclass
class Page:
    """A generated page. Its body is Markdown, or a function that renders it: the page tree is
    laid out first, and the bodies are rendered, converted and written page by page (build.py,
    spread over the cores), so no process holds every page of the site at once."""
    path: str                  # page path below the site root, "" for home, "reports/x/s1/"
    title: str                 # nav title (Simplified)
    body: Body
    children: list["Page"] = field(default_factory=list)
    in_nav: bool = True        # False: written and linked to, but not listed in its local nav
    local_root: bool = False   # its descendants' sidebar lists it and its children (a report, the tracker)
    files: dict[str, Body] = field(default_factory=dict)   # data files beside it (name -> text, converted like the page)
    front: str = ""            # YAML front matter (its local nav: site/nav.py)

    @property
    def file(self) -> str:
        return f"{self.path}index.md"

    @property
    def markdown(self) -> str:
        """The page's Markdown file: front matter and body (rendered now, never kept)."""
        return self.front + _text(self.body)

    @property
    def docs_files(self) -> list[str]:
        """The page's files below the docs folder: its Markdown and the data files beside it."""
        folder = self.file.rsplit("/", 1)[0] + "/" if "/" in self.file else ""
        return [self.file] + [folder + name for name in self.files]

    def texts(self):
        """(docs file, text) of the page and its data files (docs_files' order), rendered now."""
        yield from zip(self.docs_files, [self.markdown] + [_text(body) for body in self.files.values()])


def _text(body: Body) -> str:
    return body() if callable(body) else body


def _root(page: str) -> str:
    return "../" * page.count("/") if page else ""


def _link(page: str, url: str) -> str:
    """A contract url ("reports/x/s1/#s1-p2") as a link from `page`."""
    path, _, anchor = url.partition("#")
    return href(page, path, anchor or None)


def tracker_path(year: int, place_slug: str) -> str:
    """The tracker page of one place's commitments for one year; a row's id is the commitment id."""
    return f"tracker/{year}/{place_slug}/"


def place_path(place_slug: str) -> str:
    """A place's page (site/places.py): its reports and scorecard; the tracker's slug for the place."""
    return f"places/{place_slug}/"


def walk(pages: list[Page]):
    for p in pages:
        yield p
        yield from walk(p.children)

"""The parsed corpus: reports, their sections and paragraphs.

Everything downstream (pages, exports, search, commitments) reads these objects;
nothing downstream re-reads the source text.
"""
from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field

from . import trace


@dataclass
class Paragraph:
    anchor: str            # HTML id, unique within its report: "s2-3-p4"
    text: str              # cleaned text, Simplified, as readers will quote it
    line: int              # 1-based source line where the paragraph starts
    kind: str = "p"        # p | item | group | box-title | box-heading | box | note
    number: str | None = None   # the item number of a numbered list item ("12")
    # Set only where the section says neither (a report without headings): the paragraph's own
    # orientation, "back" or "forward", and the years it reviews or plans.
    looks: str | None = None
    years: list[int] = field(default_factory=list)


@dataclass
class Section:
    anchor: str            # HTML id, unique within its report: "s2-3"
    number: str | None     # as printed: "第二章", "一、", "（一）", "1." (None when inferred)
    title: str
    level: int             # 1 = top level of the report
    parent: str | None     # anchor of the parent section
    kind: str              # preamble | part | chapter | section | closing | appendix
    line: int
    looks: str | None = None        # "back" (reviews), "forward" (plans) or None
    years: list[int] = field(default_factory=list)  # years reviewed or planned
    paragraphs: list[Paragraph] = field(default_factory=list)
    page: str = ""         # page path below the site root, "reports/<id>/<anchor>/"


def orientation(section: Section, paragraph: Paragraph) -> tuple[str | None, list[int]]:
    """How a paragraph looks on time: its own orientation where it has one, else its section's."""
    if paragraph.looks:
        return paragraph.looks, paragraph.years
    return section.looks, section.years


@dataclass
class Removal:
    """Something cleaning took out of the source, shown on the report's overview page."""
    line: int
    kind: str              # web-debris | page-footer | markup | table-debris | toc | ...
    text: str


@dataclass
class Damage:
    """Words the source lost in a paragraph (ingest/damage.py): marked, never repaired."""
    anchor: str            # the paragraph's anchor
    page: str              # its page, "reports/<id>/s2/"
    kind: str              # noted | doubled-unit | empty-quotes | cut-name | missing-number
    excerpt: str           # the damaged words with a little of their context
    line: int
    start: int = 0         # the damaged words in the paragraph's text: text[start:end]
    end: int = 0


ABSENT = "\0absent"          # a field meta.yml does not have, as a noted read records it


class Meta(dict):
    """A report's meta.yml fields. While a page renders (trace.py), each field read is noted with
    its value, and any look at the whole (iterating, comparing, printing) as "*" with all of it,
    so a page depends on the fields it shows: a new title leaves the tracker's rows alone."""

    def __init__(self, report_id: str, fields: dict):
        super().__init__(fields)
        self.report_id = report_id

    def current(self, key: str):
        """What a read of `key` ("*": the whole) gives; noted by nobody."""
        if key == "*":
            return hashlib.sha256(repr(sorted((k, repr(v)) for k, v in dict.items(self))).encode()).hexdigest()
        return dict.get(self, key, ABSENT)

    def _read(self, key) -> None:
        if trace.reads is not None:
            trace.note("meta", (self.report_id, key), self.current(key))

    def __getitem__(self, key):
        self._read(key)
        return dict.__getitem__(self, key)

    def get(self, key, default=None):
        self._read(key)
        return dict.get(self, key, default)

    def __contains__(self, key):
        self._read(key)
        return dict.__contains__(self, key)

    def _whole(self):
        self._read("*")
        return self

    def __iter__(self):
        return dict.__iter__(self._whole())

    def __len__(self):
        return dict.__len__(self._whole())

    def keys(self):
        return dict.keys(self._whole())

    def values(self):
        return dict.values(self._whole())

    def items(self):
        return dict.items(self._whole())

    def copy(self):
        return dict(dict.items(self._whole()))

    def __eq__(self, other):
        return dict.__eq__(self._whole(), other)

    __hash__ = None

    def __repr__(self):
        return dict.__repr__(self._whole())

    __str__ = __repr__

    def __reduce__(self):          # pickled as what it holds, without noting a read
        return (Meta, (self.report_id, dict(dict.items(self))))


@dataclass
class Report:
    id: str
    meta: dict
    sections: list[Section]            # document order, parents before children
    removed: list[Removal]
    source_path: str                   # path of the source text, for error messages and links
    place_path: list[str] = field(default_factory=list)   # data/places.yml: ["中国", "湖北省", "武汉市"]
    place_slug: str = ""               # the place in addresses: tracker/<year>/<place_slug>/
    damage: list[Damage] = field(default_factory=list)    # lost words, marked where they are
    # The key of the inputs the report was parsed from (ingest/corpus.py: folder, place list,
    # ingest code), which later stages cache their results by; "" for a report made otherwise.
    content_key: str = ""
    # The name the site publishes the report's file as received under, beside source.txt, when it
    # came as a PDF, .docx or saved page (ingest/decode.original_file, published_name); else "".
    original: str = ""
    # A fingerprint of everything parsed but meta.yml (sections, removals, damage, place): pages
    # refer to the report by it (site/rerender.py) and note the meta fields they read (Meta).
    text_key: str = ""

    def __post_init__(self):
        if not self.place_slug:          # a name with no letter to spell in pinyin (ingest/places.Places.slug)
            name = str(self.meta.get("place") or "")
            self.place_slug = "p-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]

    def fingerprint_text(self) -> str:
        """What text_key is made of: the report as parsed, but its meta.yml."""
        parsed = (self.id, self.sections, self.removed, self.source_path, self.place_path, self.place_slug, self.damage)
        parsed += (self.original,) if self.original else ()     # (the keys of reports without one as they were)
        return hashlib.sha256(pickle.dumps(parsed, protocol=4)).hexdigest()

    @property
    def plan_years(self) -> list[int]:
        return list(self.meta.get("plan_years") or [])

    @property
    def review_years(self) -> list[int]:
        return list(self.meta.get("review_years") or [])

    def paragraphs(self):
        """(section, paragraph) pairs in document order."""
        for section in self.sections:
            for paragraph in section.paragraphs:
                yield section, paragraph

    def oriented(self):
        """(section, paragraph, looks, years) in document order: a paragraph's own orientation
        where it has one, else its section's."""
        for section, paragraph in self.paragraphs():
            yield (section, paragraph, *orientation(section, paragraph))

    def review_anchor(self, year: int) -> str | None:
        """Page and anchor of the first text looking back on `year` ("reports/x/s1/#s1"), or None."""
        for section in self.sections:
            if section.looks == "back" and year in section.years:
                return f"{section.page}#{section.anchor}"
        for section, paragraph, looks, years in self.oriented():
            if looks == "back" and year in years:
                return f"{section.page}#{paragraph.anchor}"
        return None

    def section(self, anchor: str) -> Section:
        for section in self.sections:
            if section.anchor == anchor:
                return section
        raise KeyError(anchor)

    def page_of(self, anchor: str) -> str:
        """Page path of the section or paragraph with this anchor."""
        for section in self.sections:
            if section.anchor == anchor or any(p.anchor == anchor for p in section.paragraphs):
                return section.page
        raise KeyError(anchor)


def newest_first(reports: list[Report]) -> list[Report]:
    """Reports by delivery date, newest first (id breaks ties, so the order is stable)."""
    return sorted(reports, key=lambda r: (str(r.meta.get("delivered") or ""), r.id), reverse=True)

"""The glossary: terms explained where they are used, and a page listing them all (issue #13).

Two sources, both data: each report's own 名词注释 section (ingest/glossary.py) and
data/glossary.yml, curated slogans with their sources, explained on every page. A report's term
is explained on its own pages, and on every other page that uses it too (naming the report it
comes from, issue #23 B), unless its explanation is about that one place (LOCAL_WORDS, the
place's name: a district's “十条措施” means nothing for the next district). On another
report's page a report's own terms come first, then the curated ones, then other reports'; when
two reports explain one form, the earliest delivered (then the first id) explains it elsewhere,
so the choice never depends on the order reports were read.

A term is marked where it first appears in a section (or a tracker row): the explanation rides
in the marked element itself (<abbr> + a tooltip shown on hover, focus and tap by site.css and
site.js), so no page carries the whole glossary and page weight does not grow with the corpus.
The explanation is report text: marked for OpenCC like any other (ui.mark).
"""
from __future__ import annotations

import hashlib
import html
import pickle
import re
from dataclasses import dataclass
from pathlib import Path


from .. import trace
from ..datafiles import DataFileError
from ..ingest.glossary import report_entries
from ..model import Report
from ..yamlfile import safe_load
from .paths import Page
from .ui import mark

DATA = Path(__file__).resolve().parents[2] / "data"
PAGE = "glossary/"
LIST_LIMIT = 400     # past this many report terms the page lists each report's section, not its terms


def _h(text: str) -> str:
    return mark(html.escape(text, quote=True))


@dataclass
class Term:
    term: str                  # as the glossary page lists it
    forms: list[str]           # as the text writes it, found verbatim
    explanation: str
    source: str                # where the explanation comes from
    report: str | None = None  # a report's own term: marked on that report's pages only
    where: str | None = None   # "reports/x/s4/#s4-p16": where the corpus explains it

    @property
    def key(self) -> str:
        """Its anchor on the glossary page: the same in both scripts (an id is never converted)."""
        return "g-" + hashlib.sha1(f"{self.report or ''}:{self.term}".encode("utf-8")).hexdigest()[:8]


def _find(report: Report, words: str) -> str | None:
    """Page and anchor of the first heading or paragraph of `report` holding `words`."""
    for section in report.sections:
        if words in section.title:
            return f"{section.page}#{section.anchor}"
        for paragraph in section.paragraphs:
            if words in paragraph.text:
                return f"{section.page}#{paragraph.anchor}"
    return None


def load_curated(path: Path, reports: list[Report]) -> list[Term]:
    if not path.exists():
        return []
    data = safe_load(path.read_text(encoding="utf-8")) or {}
    by_id = {r.id: r for r in reports}
    terms = []
    for i, entry in enumerate(data.get("terms") or []):
        missing = [k for k in ("term", "explanation", "source") if not str(entry.get(k) or "").strip()]
        if missing:
            raise DataFileError(f"{path}: terms[{i}] ({entry.get('term', '?')}) needs {', '.join(missing)}")
        if entry.get("report") and str(entry["report"]) not in by_id:
            raise DataFileError(f"{path}: terms[{i}] ({entry['term']}): no report {entry['report']!r} in the corpus")
        term = str(entry["term"])
        report = by_id.get(str(entry.get("report") or ""))
        where = _find(report, str(entry.get("find") or term)) if report else None
        terms.append(Term(term, [str(f) for f in entry.get("forms") or [term]], str(entry["explanation"]),
                          str(entry["source"]), None, where))
    return terms


# Words that tie an explanation to the place whose report gives it ("本区…", "全市…", "区属企业"):
# such a term is explained on its own report's pages only. The report's place name (and the name
# without its 区/市/县/省) counts too, and for a district or county an explanation opening with
# 区/县 itself ("区政务中心…": the district's); 市 and 省 open ordinary words (市场, 省级).
LOCAL_WORDS = ("本区", "我区", "全区", "区属", "区级", "区委", "本市", "我市", "全市", "市属", "本县", "我县",
               "全县", "县属", "县级", "本省", "我省", "全省", "省属", "本镇", "全镇", "本乡", "全乡")
_LOCAL_OPENING = {"district": "区", "county": "县"}
MIN_BARE = 3     # elsewhere a form of two characters is found only in quotes ("两新" inside 两新一重)


def is_local(term: str, explanation: str, report: Report) -> bool:
    """Whether a term (its head or its explanation) speaks of the report's own place only."""
    text = f"{term}：{explanation}"
    return (any(w in text for w in LOCAL_WORDS) or any(n in text for n in place_names(report))
            or explanation.startswith(_LOCAL_OPENING.get(str(report.meta.get("level") or ""), "\0")))


def place_names(report: Report) -> set[str]:
    """The report's place as a text names it: in full (武汉市某区), without the places it belongs
    to (某区, data/places.yml's path), and without its 区/市/县/省 when three characters remain."""
    place = str(report.meta.get("place") or "")
    names = {place}
    for parent in report.place_path[:-1]:
        names |= {n[len(parent):] for n in names if n.startswith(parent) and len(n) > len(parent)}
    names |= {n[:-1] for n in names if len(n) >= 3 and n[-1] in "区市县省"}
    return {n for n in names if len(n) >= 2}


def _elsewhere(term: Term) -> Term | None:
    """A report's term as other pages find it: a short form only in quotes."""
    forms = [f if f.startswith("“") or _cjk_count(f) >= MIN_BARE else f"“{f}”" for f in term.forms]
    forms = sorted(dict.fromkeys(forms), key=len, reverse=True)
    return Term(term.term, forms, term.explanation, term.source, term.report, term.where)


def _cjk_count(text: str) -> int:
    return len(re.findall(r"[\u4e00-\u9fff]", text))


class Glossary:
    def __init__(self, curated: list[Term], own: dict[str, list[Term]], titles: dict[str, str],
                 skip: set[tuple[str, str]], shared: list[Term] | None = None):
        self.curated = curated
        self.own = own                      # report id -> its own terms
        self.shared = shared or []          # reports' terms explained on other reports' pages too
        self.titles = titles                # report id -> title, for the page
        self.skip = skip                    # (report id, section anchor) holding the definitions
        self._patterns: dict[str, tuple[re.Pattern | None, dict[str, Term]]] = {}
        self._digests: dict[str, str] = {}

    @classmethod
    def load(cls, data_dir: Path, reports: list[Report]) -> "Glossary":
        own, skip, shared = {}, set(), []
        order = sorted(reports, key=lambda r: (str(r.meta.get("delivered") or ""), r.id))
        for report in order:
            entries = report_entries(report)
            if entries:
                title = str(report.meta.get("title") or report.id)
                own[report.id] = [Term(e.head, e.forms, "".join([e.explanation] + e.more), f"{title} · {e.heading}",
                                       report.id, f"{e.page}#{e.anchor}") for e in entries]
                skip |= {(report.id, e.container) for e in entries}
                shared += [_elsewhere(t) for t in own[report.id] if not is_local(t.term, t.explanation, report)]
        return cls(load_curated(Path(data_dir) / "glossary.yml", reports), {rid: own[rid] for rid in sorted(own)},
                   {r.id: str(r.meta.get("title") or r.id) for r in reports}, skip, shared)

    def terms_for(self, report_id: str | None) -> tuple[re.Pattern | None, dict[str, Term]]:
        """One pattern of every form a page of this report may explain, longest first; the
        report's own terms win over curated ones written the same way, and those over other
        reports' terms (the earliest report's first)."""
        key = report_id or ""
        if key not in self._patterns:
            forms: dict[str, Term] = {}
            others = [t for t in self.shared if t.report != key]
            for term in self.own.get(key, []) + self.curated + others:
                for form in term.forms:
                    forms.setdefault(form, term)
            ordered = sorted(forms, key=len, reverse=True)
            pattern = re.compile("|".join(re.escape(f) for f in ordered)) if ordered else None
            self._patterns[key] = (pattern, forms)
        return self._patterns[key]


    def digest(self, report_id: str | None) -> str:
        """A fingerprint of what every page of a report reads of the glossary: the forms it looks
        for, which term each stands for (by key), and the sections holding its definitions (skip).
        A term's words are read only where it is found (term_digest): a new title of the report
        that explains “X” re-renders the pages showing “X”, not every page."""
        key = report_id or ""
        if key not in self._digests:
            _, forms = self.terms_for(report_id)
            skip = sorted(scope for rid, scope in self.skip if rid == report_id)
            mapping = sorted((form, term.key) for form, term in forms.items())
            self._digests[key] = hashlib.sha256(pickle.dumps((mapping, skip), protocol=4)).hexdigest()
        return self._digests[key]

    def term_digest(self, report_id: str | None, form: str) -> str | None:
        """A fingerprint of the term a form stands for on a report's pages (its explanation and
        source), as a page showing it reads it."""
        term = self.terms_for(report_id)[1].get(form)
        if term is None:
            return None
        return hashlib.sha256(pickle.dumps((term.term, term.explanation, term.source, term.report, term.where),
                                           protocol=4)).hexdigest()


def _whole(text: str, start: int, end: int, form: str) -> bool:
    """A form counts only whole: not the start of a longer quotation (“两新一重” for 两新) and
    not part of a longer number (1965 for 965)."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before == "“" and not form.startswith("“") and after != "”":
        return False
    if (form[0].isdigit() and before.isdigit()) or (form[-1].isdigit() and after.isdigit()):
        return False
    return True


class Marker:
    """The `gloss` filter of the page templates: report text, escaped and marked, with the first
    use of each term in a scope (a section, a tracker row) explained. Page state resets with
    every page rendered (Renderer.render), so tooltip ids are unique and the same every build."""

    def __init__(self, glossary: Glossary | None = None):
        self.glossary = glossary
        self.reset()

    def reset(self):
        self.seen: set[tuple[str, str]] = set()
        self.count = 0

    def __call__(self, text: str, report_id: str | None = None, scope: str = "", lost=()) -> str:
        """`lost`: the paragraph's Damage (ingest/damage.py), its words underlined where they are."""
        cuts: list[tuple[int, int, Term | None]] = [(d.start, d.end, None) for d in lost or () if d.end > d.start]
        trace.note("gloss", (report_id,), self.digest(report_id))
        if self.glossary and (report_id, scope) not in self.glossary.skip:
            pattern, forms = self.glossary.terms_for(report_id)
            at = 0
            while pattern:
                m = pattern.search(text, at)
                if not m:
                    break
                term = forms[m.group(0)]
                at = m.start() + 1
                if (not _whole(text, m.start(), m.end(), m.group(0)) or (scope, term.key) in self.seen
                        or any(s < m.end() and m.start() < e for s, e, _ in cuts)):
                    continue
                self.seen.add((scope, term.key))
                trace.note("gloss_term", (report_id, m.group(0)), self.glossary.term_digest(report_id, m.group(0)))
                cuts.append((m.start(), m.end(), term))
                at = m.end()
        out, pos = [], 0
        for start, end, term in sorted(cuts, key=lambda c: c[0]):
            if start < pos:                 # overlapping lost spans (noted words and a detector)
                continue
            out.append(_h(text[pos:start]))
            if term:
                self.count += 1
                out.append(self.tip(text[start:end], term))
            else:
                out.append(f'<span class="pe-lost">{_h(text[start:end])}</span>')
            pos = end
        out.append(_h(text[pos:]))
        return "".join(out)

    def digest(self, report_id: str | None) -> str | None:
        """What any call for this report reads of the glossary (trace.py)."""
        return self.glossary.digest(report_id) if self.glossary else None

    def term_digest(self, report_id: str | None, form: str) -> str | None:
        """What a call that explains `form` reads of its term (trace.py)."""
        return self.glossary.term_digest(report_id, form) if self.glossary else None

    def tip(self, words: str, term: Term) -> str:
        tid = f"tip-{self.count}"
        return (f'<abbr class="pe-tip pe-gl" tabindex="0" aria-describedby="{tid}">{_h(words)}'
                f'<span class="pe-tip__box" role="tooltip" id="{tid}">{_h(term.explanation)}'
                f'<span class="pe-tip__src">{_h(term.source)}</span></span></abbr>')


def glossary_page(glossary: Glossary, r) -> Page:
    """glossary/: every term with its explanation, its source and a link to where it is explained."""
    own = [(rid, glossary.titles.get(rid, rid), terms) for rid, terms in sorted(glossary.own.items())]
    listed = sum(len(terms) for _, _, terms in own) <= LIST_LIMIT
    md = r.later("glossary.md.j2", PAGE, curated=sorted(glossary.curated, key=lambda t: t.term),
                  own=own, listed=listed)
    return Page(PAGE, "名词解释", md)

"""The commitment tracker's pages: one per plan year, one per indicator, one per agency.

    pages, years = tracker_pages(reports, tracker, data_dir)

Layout (all paths ASCII, stable):

    tracker/                        what the tracker is, years, statuses, how links are decided
    tracker/<year>/                 the year's commitments by place (and old #<id> links forwarded)
    tracker/<year>/<place>/         every commitment of one place due that year; row id = commitment id
    tracker/<year>/<place>/<k>/     its page k past ROWS_BYTES of rows (paginate.py); so for every list
    tracker/indicators/             indicators by area
    tracker/indicators/<id>/        targets and outcomes of one indicator over the years
    tracker/agencies/               agencies named as lead or supporting
    tracker/agencies/<id>/          what one agency leads and supports

Nothing here knows a report, year, indicator or agency by name: everything comes from the
tracker and the data files (indicators.yml, agencies.yml for the agency ids, areas.yml for the
area filter), so a new report shows up without a code change. Report text reaches the pages
only through the templates' |h and |md filters.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


from ..commitments import Tracker
from ..commitments.extract import Commitment
from ..commitments.indicators import Indicator, IndicatorIndex
from ..commitments.link import Link, ReviewIndex
from ..commitments.quantity import SUFFIX_QUALIFIERS, Quantity, normalise
from ..commitments.series import gather
from ..model import Report
from .charts import series_html
from .glossary import Glossary
from .paginate import LIST_ROWS, PAGE_ROWS, ROWS_BYTES, YEAR_ROWS, ids_script, pagers, split, split_weighted
from .paths import relpath
from .pages import KIND, STATUS, Page, Renderer, html_text, section_heading, tracker_path
from .places import place_pages as places_section, scorecards
from .review import review_page
from .ui import mark
from ..yamlfile import safe_load

ROOT = Path(__file__).resolve().parents[2]
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Display order: verdicts first, then the two kinds of silence.
STATUS_ORDER = ["exceeded", "met", "partly", "missed", "reported", "no_report", "pending"]
# What each status means (shared/contract/README.md), for readers.
STATUS_MEANING = {
    "exceeded": "后来的报告给出的数字比目标高出至少5%（增速类目标：至少高0.5个百分点）。",
    "met": "后来的报告给出的数字达到目标，或说明已经完成。",
    "partly": "多项内容只完成了一部分，或报告说正在推进、尚未完成。",
    "missed": "后来的报告给出了可比的数字，但低于目标。",
    "reported": "后来的报告提到了，但没有可以与目标直接比较的数字（例如范围不同、累计数对当年数）。",
    "no_report": "语料中有回顾这一年的报告，但它没有说这项承诺做得怎样。沉默本身就是信息。",
    "pending": "语料中还没有回顾这一年的报告。",
}
INDICATOR_KIND = {"level": "数量", "rate": "增速（百分比变化）", "share": "比重或比率（百分比水平）"}
DIRECTION = {"up": "越高越好", "down": "越低越好", "cap": "目标是上限，不超过即达标"}

# The linker's rule (the part of Link.explanation after "; ") in words for readers.
_RULES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"is at least 0\.5 points above"), "实际数比目标高出至少0.5个百分点，按规则判为超额完成"),
    (re.compile(r"is at least 5% above"), "实际数比目标高出至少5%，按规则判为超额完成"),
    (re.compile(r"is within the ceiling"), "实际数没有超过目标上限，判为完成"),
    (re.compile(r"is above the ceiling"), "实际数超过了目标上限，判为未完成"),
    (re.compile(r"reaches"), "实际数达到目标，判为完成"),
    (re.compile(r"is below"), "实际数低于目标，判为未完成"),
    (re.compile(r"different scope \((?P<a>[^)]*) vs (?P<b>[^)]*)\)"),
     "指标相同但范围不同（承诺是{a}，报告是{b}），两个数字不可比，不作数字判断"),
    (re.compile(r"cumulative vs annual"), "一个是累计数、一个是当年数，两个数字不可比，不作数字判断"),
    (re.compile(r"new vs total"), "一个是新增数、一个是总量，两个数字不可比，不作数字判断"),
    (re.compile(r"unlike measure: (?P<why>.*)"), "两个指标名称相近但不是同一个指标（{why}），不作数字判断"),
    (re.compile(r"other measure: (?P<a>level|growth rate|share) for a (?P<b>level|growth rate|share) target"),
     "报告给出的是同一指标的{a}，目标定的是{b}，两者不可直接比较，不作数字判断"),
    (re.compile(r"figure for several years"), "报告给出的是几年合计或几年平均的数字，与一年的目标不可比，不作数字判断"),
    (re.compile(r"too far apart"), "两个数字相差太大，可能不是同一口径，不作数字判断"),
    (re.compile(r"reported done for (?P<n>\d+) of (?P<m>\d+) parts"), "报告只说{m}项中的{n}项已完成，判为部分完成"),
    (re.compile(r"reported done"), "报告说已经完成，判为完成"),
    (re.compile(r"under way"), "报告说正在推进、尚未完成，判为部分完成"),
    (re.compile(r"mentioned without"), "报告提到了，但没说是否完成"),
]


class TrackerDataError(ValueError):
    """A data file the tracker pages read is wrong; the message names the file and the entry."""


def _load(path: Path, key: str) -> list:
    if not path.exists():
        return []
    data = safe_load(path.read_text(encoding="utf-8")) or {}
    entries = data.get(key) or []
    if not isinstance(entries, list):
        raise TrackerDataError(f"{path}: '{key}' must be a list")
    return entries


# ---- areas -----------------------------------------------------------------------------------

@dataclass
class Area:
    id: str
    name: str
    keywords: list[str] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)


OTHER = Area("other", "其他")


class Areas:
    """data/areas.yml: which policy area a commitment belongs to (see the file's header)."""

    def __init__(self, path: Path):
        self.areas: list[Area] = []
        seen = set()
        for i, e in enumerate(_load(path, "areas")):
            where = f"{path}: areas[{i}]"
            if not isinstance(e, dict) or not e.get("id") or not e.get("name"):
                raise TrackerDataError(f"{where}: needs an id and a name")
            if not SLUG.match(str(e["id"])) or e["id"] == OTHER.id or e["id"] in seen:
                raise TrackerDataError(f"{where}: id {e['id']!r} must be a new lower-case ASCII slug")
            seen.add(e["id"])
            self.areas.append(Area(str(e["id"]), str(e["name"]), [str(k) for k in e.get("keywords") or []],
                                   [str(k) for k in e.get("indicators") or []]))
        self.by_indicator = {i: a for a in self.areas for i in a.indicators}
        # a section's title is read for each of its commitments: looked up once per title
        self._found: dict[str, Area | None] = {}
        self._sections: dict[int, tuple] = {}     # id(report) -> (report, its sections by anchor)

    @property
    def all(self) -> list[Area]:
        return [*self.areas, OTHER]

    def in_text(self, text: str) -> Area | None:
        """The area whose keyword comes first in the text (the longer keyword on a tie)."""
        if text in self._found:
            return self._found[text]
        best = None
        for area in self.areas:
            for k in area.keywords:
                pos = text.find(k)
                if pos >= 0 and (best is None or (pos, -len(k)) < best[0]):
                    best = ((pos, -len(k)), area)
        self._found[text] = found = best[1] if best else None
        return found

    def of(self, c: Commitment) -> Area:
        if c.indicator is not None and c.indicator.id in self.by_indicator:
            return self.by_indicator[c.indicator.id]
        report = c.report
        if id(report) not in self._sections:
            self._sections[id(report)] = (report, {s.anchor: s for s in report.sections})
        sections = self._sections[id(report)][1]
        s = c.place.section
        while s is not None:
            area = self.in_text(s.title)
            if area:
                return area
            s = sections.get(s.parent) if s.parent else None
        lead = re.split(r"[。：:]", c.place.paragraph.text, maxsplit=1)[0]
        for text in ([lead] if len(lead) <= 20 else []) + [c.text]:
            area = self.in_text(text)
            if area:
                return area
        return OTHER


# ---- agencies --------------------------------------------------------------------------------

@dataclass
class Agency:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    listed: bool = True        # in data/agencies.yml; otherwise named as printed in the source


class Agencies:
    """Agency name -> Agency with a stable ASCII id (data/agencies.yml; a hash of the name else)."""

    def __init__(self, path: Path):
        self.by_name: dict[str, Agency] = {}
        seen = set()
        for i, e in enumerate(_load(path, "agencies")):
            if not isinstance(e, dict) or not isinstance(e.get("name"), str):
                continue            # AgencyIndex reports malformed entries
            aid = e.get("id")
            if aid is None:
                continue            # gets a derived id like an unknown agency
            if not isinstance(aid, str) or not SLUG.match(aid) or aid in seen or aid.startswith("u-"):
                raise TrackerDataError(f"{path}: agencies[{i}]: id {aid!r} must be a new lower-case ASCII "
                                       f"slug (not starting with 'u-')")
            seen.add(aid)
            self.by_name[e["name"]] = Agency(aid, e["name"], [str(a) for a in e.get("aliases") or []])

    def get(self, name: str) -> Agency:
        if name not in self.by_name:
            digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]
            self.by_name[name] = Agency(f"u-{digest}", name, [], listed=False)
        return self.by_name[name]


# ---- words for figures and links ---------------------------------------------------------------

def figure(q: Quantity | None) -> str:
    """A figure as a reader would say it: "增长6%左右", "不少于30个", "25万人以上"."""
    if q is None:
        return ""
    parts = (q.qualifier or "").split("·") if q.qualifier else []
    prefix = "".join(p for p in parts if p not in SUFFIX_QUALIFIERS and not re.match(r"^[\d.]+-", p))
    return q.raw if q.raw.startswith("翻") else prefix + q.raw      # "翻番" says its growth itself


# The words of measure right before a figure: "同比增长8.8%", "完成147亿元", "达到150亿元".
_MEASURE_WORDS = re.compile(r"(?:同比|比上年|较上年|比去年|较去年|年均)?(?:增长|下降|增加|减少|提高|降低|上涨|涨幅|"
                            r"完成|达到|突破|实现|超过|控制在|保持在|稳定在|达|为)$")


def stated(text: str, q: Quantity | None) -> str:
    """A figure with the words that say what it measures, as the clause puts them ("完成147亿元",
    "同比增长8.8%"), so a reader sees which measure was compared; else as figure() says it."""
    if q is None:
        return ""
    clause = normalise(text)
    if clause[q.start:q.end] == q.raw or clause[q.start:q.end].endswith(q.raw):
        m = _MEASURE_WORDS.search(clause[: q.start])
        if m:
            return m.group(0) + clause[q.start:q.end]
        if clause[q.start:q.end] != q.raw:       # a prefix qualifier is part of the span ("达到…")
            return clause[q.start:q.end]
    return figure(q)


def target_words(c: Commitment) -> str:
    """The target's figures as the row shows them: one ("25万人以上"), or each measure of a target
    set in two ("达到150亿元；同比增长10%")."""
    if len(c.targets) > 1:
        return "；".join(stated(c.text, q) for q in c.targets)
    return figure(c.quantity)


CONFIDENCE = {"high": "高", "medium": "中", "low": "低"}


def confidence_level(conf: float) -> str:
    return "high" if conf >= 0.85 else ("medium" if conf >= 0.65 else "low")


# The linker's names of measures (link._MEASURE_NAMES) in words for readers
_KIND_NAMES = {"level": "数量", "growth rate": "增速", "share": "比重"}


def rule_words(explanation: str) -> str:
    tail = explanation.rsplit("; ", 1)[-1]
    for pattern, words in _RULES:
        m = pattern.search(tail)
        if m:
            return words.format(**{k: _KIND_NAMES.get(v, v) for k, v in m.groupdict().items()})
    return explanation


@dataclass
class OutcomeView:
    link: Link
    shared: str            # what both passages speak of: the indicator, the counted noun, the project
    shared_kind: str       # indicator | noun | project
    target: str            # the two figures ("" when there are none)
    reported: str
    rule: str              # the rule that gave the verdict, in words
    confidence: str        # "0.90"
    level: str             # high | medium | low (CSS class)
    report: Report

    @property
    def level_name(self) -> str:
        return CONFIDENCE[self.level]


def outcome_view(c: Commitment, o: Link) -> OutcomeView:
    exp = o.explanation or ""
    shared, rule = "", rule_words(exp)
    shared_kind = "project" if c.kind == "task" else ("indicator" if c.indicator is not None else "noun")
    if o.by == "editor" and exp.startswith("added by an editor"):
        rule = "由编辑添加" + (f"：{o.note}" if o.note else "")
    elif c.kind == "target" and ": target " in exp:
        shared = exp.split(": target ", 1)[0]
    elif exp.startswith("names "):
        shared = exp[len("names "):].rsplit("; ", 1)[0]
    if o.by == "editor" and o.note and not rule.startswith("由编辑添加"):
        rule = f"{rule}（编辑说明：{o.note}）"
    shared = shared.strip().strip("“”\"")
    target = o.target or c.quantity
    return OutcomeView(o, shared, shared_kind, stated(c.text, target) if o.quantity is not None else "",
                       stated(o.text, o.quantity), rule,
                       f"{o.confidence:.2f}", confidence_level(o.confidence), o.place.report)


def report_label(report: Report) -> str:
    meta = report.meta
    years = report.plan_years or report.review_years
    span = ""
    if years:
        span = f"{years[0]}年" if len(years) == 1 else f"{years[0]}—{years[-1]}年"
    return f"{meta.get('place') or ''}{span}{KIND.get(meta.get('kind'), '')}"


def short(text: str, n: int = 28) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# ---- rows --------------------------------------------------------------------------------------

@dataclass
class Row:
    c: Commitment
    area: Area
    lead: list[Agency]
    support: list[Agency]
    target: str
    outcomes: list[OutcomeView]
    reviewers: list[tuple[Report, str]]       # reports that look back on the year: (report, url)
    section: str                              # heading of the commitment's section

    @property
    def agency_ids(self) -> str:
        return " ".join(dict.fromkeys(a.id for a in [*self.lead, *self.support]))


def _review_url(reviews: ReviewIndex, report: Report, year: int) -> str:
    return reviews.anchor(report, year) or f"reports/{report.id}/"


def make_rows(reports: list[Report], commitments: list[Commitment], areas: Areas, agencies: Agencies) -> list[Row]:
    rows = []
    reviews = ReviewIndex(reports)
    for c in commitments:
        reviewers = [(r, _review_url(reviews, r, c.year)) for r in reviews.reviewers(c)]
        outcomes = [outcome_view(c, o) for o in sorted(c.outcomes, key=lambda o: (-o.confidence, o.place.paragraph_id))]
        rows.append(Row(c, areas.of(c), [agencies.get(a) for a in c.lead], [agencies.get(a) for a in c.support],
                        target_words(c), outcomes, reviewers, section_heading(c.place.section)))
    return rows


def _status_counts(rows: list[Row]) -> list[tuple[str, int]]:
    counts = Counter(r.c.status for r in rows)
    return [(s, counts[s]) for s in STATUS_ORDER if counts[s]]


def _area_counts(rows: list[Row], areas: Areas) -> list[tuple[Area, int]]:
    counts = Counter(r.area.id for r in rows)
    return [(a, counts[a.id]) for a in areas.all if counts[a.id]]


def _agency_counts(rows: list[Row]) -> list[tuple[Agency, int, int]]:
    lead, support, by_id = Counter(), Counter(), {}
    for r in rows:
        for a in dict.fromkeys(x.id for x in r.lead):
            lead[a] += 1
        for a in dict.fromkeys(x.id for x in r.support):
            support[a] += 1
        for a in [*r.lead, *r.support]:
            by_id[a.id] = a
    out = [(by_id[i], lead[i], support[i]) for i in by_id]
    return sorted(out, key=lambda t: (-t[1], -t[2], t[0].id))


# ---- pages -------------------------------------------------------------------------------------

SPLIT_ROWS = 80     # an indicator or agency page with more rows than this is split by place
# An agency's rows: those it leads, then those it supports (keys are also the headings' anchors).
ROLE_GROUPS = {True: dict(key="lead", heading="牵头的承诺", anchor="lead", ui=True),
               False: dict(key="support", heading="配合的承诺", anchor="support", ui=True)}


def _place_year_sets(reports: list[Report], commitments: list[Commitment]) -> dict[tuple[int, str], list[Commitment]]:
    """Each place's commitments for each plan year, report by report in corpus order."""
    order = {rep.id: i for i, rep in enumerate(reports)}
    sets: dict[tuple[int, str], list[Commitment]] = {}
    for c in sorted(commitments, key=lambda c: order.get(c.report.id, len(order))):
        sets.setdefault((c.year, c.report.place_slug), []).append(c)
    return sets


def row_weight(c: Commitment) -> float:
    """About the bytes of a commitment's full row (tracker_macros.j2 year_row), from what it
    shows: its words, agencies, outcomes with their passages, related reports."""
    return (600 + 4 * len(c.text) + 105 * (len(c.lead) + len(c.support)) + 180 * len(c.related)
            + sum(900 + 4 * len(o.text) for o in c.outcomes))


def year_split(items: list, commitment=lambda c: c) -> list[list]:
    """A place-year's rows (or commitments) as its pages hold them."""
    return split_weighted(items, [row_weight(commitment(x)) for x in items], ROWS_BYTES, YEAR_ROWS)


def row_pages(reports: list[Report], commitments: list[Commitment]) -> dict[str, str]:
    """commitment id -> the page (tracker/<year>/<place>/ or its page k) that holds its row."""
    out = {}
    for (year, slug), cs in _place_year_sets(reports, commitments).items():
        chunks = year_split(cs)
        for pager, chunk in zip(pagers(tracker_path(year, slug), len(chunks)), chunks):
            out.update((c.id, pager.path) for c in chunk)
    return out


def indicator_page(indicator) -> str:
    return f"tracker/indicators/{indicator.id}/"


def agency_page(agency) -> str:
    return f"tracker/agencies/{agency.id}/"


def _file_href(from_page: str, to_page: str, name: str) -> str:
    rel = relpath(to_page, from_page)
    return name if rel == "." else f"{rel}/{name}"


def _options(rows: list[Row], areas: Areas) -> dict:
    """The filter choices over a whole list, each with its count: (value, label, n)."""
    indicators = Counter(r.c.indicator.id for r in rows if r.c.indicator is not None)
    names = {r.c.indicator.id: r.c.indicator.name for r in rows if r.c.indicator is not None}
    return dict(
        total=len(rows),
        # labels as HTML: statuses are interface words, the rest report text (marked, see ui.py)
        statuses=[(s, STATUS[s], n) for s, n in _status_counts(rows)],
        areas=[(a.id, html_text(a.name), n) for a, n in _area_counts(rows, areas)],
        agencies=[(a.id, html_text(a.name), nl + ns) for a, nl, ns in _agency_counts(rows)],
        indicators=[(i, html_text(names[i]), n) for i, n in sorted(indicators.items(), key=lambda t: (-t[1], names[t[0]]))],
    )


def _list_pages(r: Renderer, template: str, root: str, title: str, kind: str, rows: list[Row], areas: Areas,
                group_of, **context) -> Page:
    """A list of rows as pages of about ROWS_BYTES of full rows (a place-year's) or of LIST_ROWS
    compact ones: page 1 at `root` (its address does not change when the list grows past one
    page), page k at <root>k/, each with its rows.js."""
    chunks = year_split(rows, lambda row: row.c) if kind == "year" else split(rows, LIST_ROWS)
    ps = pagers(root, len(chunks))
    form = _options(rows, areas)
    groups_all: dict[str, dict] = {}
    for row in rows:
        g = group_of(row)
        groups_all.setdefault(g["key"], dict(g, total=0))["total"] += 1
    # headings: report titles are report text (marked for OpenCC), role names interface words
    form["groups"] = {k: g.get("heading", "") if g.get("ui") else mark(g.get("heading", "")) for k, g in groups_all.items()}
    # what every page of the list shows alike, worked out once:
    # a filter with one choice (an indicator's own page: that indicator) is not shown
    show = dict(area=len(form["areas"]) > 1, agency=bool(form["agencies"]), indicator=len(form["indicators"]) > 1)
    # a compact list whose rows all come from one report says so once, not on every row
    reports_in = {row.c.report.id: row.c.report for row in rows}
    one_report = next(iter(reports_in.values())) if kind != "year" and len(reports_in) == 1 else None
    # the rows of a one-page list carry what its form filters and sorts on
    paged = len(chunks) > 1
    attrs = "" if paged else " ".join(
        ["status"] + [name for name, shown in (("area", show["area"]), ("agencies", show["agency"]),
                                               ("indicator", show["indicator"])) if shown]
        + (["group"] if len(groups_all) > 1 else []))
    row_years = sorted({row.c.year for row in rows})
    pages = []
    start = 0
    for pager, chunk in zip(ps, chunks):
        span = (start + 1, start + len(chunk))      # the rows this page holds, counted from 1
        start += len(chunk)
        groups: list[dict] = []
        for row in chunk:
            key = group_of(row)["key"]
            if not groups or groups[-1]["key"] != key:
                groups.append(dict(groups_all[key], rows=[]))
            groups[-1]["rows"].append(row)
        # a list on one page filters the rows it holds, its choices in its form; a longer one has
        # rows.js files and its choices in one list.js beside page 1, not in each page's form
        # (a place's agencies and indicators made the form a fifth of a page)
        f = dict(form, sources=[], list=_file_href(pager.path, root, "list.js") if paged else None,
                 ids=_file_href(pager.path, root, "ids.js") if pager.number == 1 and paged else None,
                 show=show, one_report=one_report, attrs=attrs)
        if paged:
            f.update(statuses=[], areas=[], agencies=[], indicators=[], groups={})
        md = r.later(template, pager.path, pager=pager, span=span, groups=groups, form=f, total_rows=len(rows),
                     row_years=row_years, **context)
        files = {"rows.js": r.later("tracker_rows.js.j2", pager.path, kind=kind, groups=groups, **context)} if paged else {}
        name = title if pager.number == 1 else f"{title} · 第{pager.number}页"
        pages.append(Page(pager.path, name, md, in_nav=False, files=files))
    first = pages[0]
    first.children = pages[1:]
    if len(pages) > 1:
        first.files["list.js"] = list_script(form, [_file_href(root, p.path, "rows.js") for p in ps])
        first.files["ids.js"] = ids_script({row.c.id: _file_href(root, p.path, "index.html")
                                            for p, chunk in zip(pages[1:], chunks[1:]) for row in chunk})
    return first


def list_script(form: dict, sources: list[str]) -> str:
    """list.js beside a long list's page 1: the filters' choices over the whole list (value, label
    as HTML, count), the group headings and every page's rows.js (relative to page 1), read by
    assets/tracker.js. Converted like the pages: labels are interface words or marked text."""
    data = {"options": {"status": form["statuses"], "area": form["areas"], "agency": form["agencies"],
                        "indicator": form["indicators"]},
            "groups": form["groups"], "sources": sources}
    return "window.peTrackerList = " + json.dumps(data, ensure_ascii=False, sort_keys=True) + ";\n"


def _split_by_place(r: Renderer, path: str, name: str, rows: list[Row], render_one, up: str, up_label: str,
                    more: dict[str, str] | None = None, weight: int = 0, fill: int = 0) -> Page:
    """One page for an indicator or agency; where it names many commitments across places, a
    page of places with one page per place below it, so no page grows with the corpus.
    more: places ({slug: name}) with figures but no commitment; weight: extra rows they add.
    fill: split only where a place has this many rows on average (an agency's list is paged
    anyway: split into places of a few rows each, every row would carry a page of its own
    frame; 500 places made 7 pages a report)."""
    by_place: dict[str, list[Row]] = {}
    for row in rows:
        by_place.setdefault(row.c.report.place_slug, []).append(row)
    for slug in more or {}:
        by_place.setdefault(slug, [])
    if len(rows) + weight <= SPLIT_ROWS or len(by_place) == 1 or len(rows) < fill * len(by_place):
        return render_one(path, name, rows, None, None)
    children, places = [], []
    for slug, prows in by_place.items():
        place = str(prows[0].c.report.meta.get("place") or "") if prows else (more or {})[slug]
        child = f"{path}{slug}/"
        children.append(render_one(child, f"{name} · {place}", prows, place, slug))
        places.append(dict(place=place, path=child, total=len(prows), statuses=_status_counts(prows)))
    md = r.later("tracker_places.md.j2", path, name=name, places=places, total=len(rows), up=up, up_label=up_label)
    return Page(path, name, md, children, in_nav=False)


def tracker_pages(reports: list[Report], tracker: Tracker, data_dir: Path | str = ROOT / "data",
                  where: dict[str, str] | None = None) -> tuple[list[Page], list[int]]:
    """The tracker's pages (one "承诺追踪" section for the nav) and the plan years it covers.
    where: row_pages(reports, tracker.commitments), when the caller has it already."""
    data_dir = Path(data_dir)
    areas = Areas(data_dir / "areas.yml")
    agencies = Agencies(data_dir / "agencies.yml")
    index_path = data_dir / "indicators.yml"
    all_indicators = IndicatorIndex(index_path).indicators if index_path.exists() else []
    r = Renderer()
    r.gloss.glossary = Glossary.load(data_dir, reports)      # terms in commitments explained per row
    r.slugs = {report.id: report.place_slug for report in reports}
    r.row_pages = where if where is not None else row_pages(reports, tracker.commitments)
    r.env.globals["series_html"] = lambda figs, ind, page: series_html(figs, ind, page, report_label, figure)
    r.env.globals.update(status_order=STATUS_ORDER, status_meaning=STATUS_MEANING, report_label=report_label,
                         short=short, figure=figure, indicator_kinds=INDICATOR_KIND, directions=DIRECTION,
                         indicator_page=indicator_page, agency_page=agency_page)

    rows = make_rows(reports, tracker.commitments, areas, agencies)
    if not rows:        # no tracker; the places' pages still, which the browse page and overviews link to
        return [places_section(r, scorecards(reports, [], r.row_pages), [])], []
    years = sorted({row.c.year for row in rows})
    order = {rep.id: i for i, rep in enumerate(reports)}

    by_id = {row.c.id: row for row in rows}

    # -- one page per plan year (by place), one per place and year (the rows, in pages): no page
    # holds every place or every row, so none grows with the corpus
    year_pages = []
    summaries = []
    sets = _place_year_sets(reports, tracker.commitments)
    for year in years:
        yrows = [row for row in rows if row.c.year == year]
        place_pages, place_summaries = [], []
        forward = {}
        for (y, slug), cs in sets.items():
            if y != year:
                continue
            prows = [by_id[c.id] for c in cs]
            place = str(prows[0].c.report.meta.get("place") or "")
            reviewers: dict[str, tuple] = {}
            for row in prows:
                forward.setdefault(row.c.report.id, slug)
                for rep, url in row.reviewers:
                    reviewers[rep.id] = (rep, url)
            path = tracker_path(year, slug)
            summary = dict(year=year, place=place, slug=slug, total=len(prows), statuses=_status_counts(prows),
                           reviewers={place: list(reviewers.values())})
            place_summaries.append(summary)

            def group(row):
                rep = row.c.report
                return dict(key=rep.id, heading=str(rep.meta.get("title") or rep.id), anchor=f"r-{rep.id}", report=rep)

            place_pages.append(_list_pages(r, "tracker_year.md.j2", path, f"{place}{year}年", "year", prows, areas,
                                           group, year=year, place=place, summary=summary))
        path = f"tracker/{year}/"
        summary = dict(year=year, total=len(yrows), statuses=_status_counts(yrows))
        summaries.append(summary)
        md = r.later("tracker_year_index.md.j2", path, year=year, summary=summary, places=place_summaries,
                      forward=forward)
        year_pages.append(Page(path, f"{year}年", md, place_pages))

    # -- indicators
    used: dict[str, list[Row]] = {}
    for row in rows:
        if row.c.indicator is not None:
            used.setdefault(row.c.indicator.id, []).append(row)
    known: dict[str, Indicator] = {i.id: i for i in all_indicators}
    for row in rows:
        if row.c.indicator is not None:
            known.setdefault(row.c.indicator.id, row.c.indicator)
    for iid in known:
        if not SLUG.match(iid):
            raise TrackerDataError(f"{index_path}: indicator id {iid!r} must be a lower-case ASCII slug "
                                   f"(it is the page address tracker/indicators/<id>/)")
    if all_indicators:
        for iid in sorted(set(areas.by_indicator) - set(known)):
            raise TrackerDataError(f"{data_dir / 'areas.yml'}: indicator {iid!r} is not in {index_path}")
    indicator_pages = []
    # every figure the corpus states per indicator (targets and looked-back outcomes): the charts
    figures = gather(reports, tracker.commitments, IndicatorIndex(index_path) if index_path.exists() else None,
                     tracker.figures)
    for iid in sorted(used, key=lambda i: list(known).index(i)):
        ind = known[iid]
        irows = sorted(used[iid], key=lambda x: (x.c.year, order.get(x.c.report.id, len(order)), x.c.id))
        path = f"tracker/indicators/{iid}/"
        area = areas.by_indicator.get(iid) or irows[0].area
        figs = figures.get(iid, [])

        def one(page_path, name, place_rows, place, slug, ind=ind, area=area, figs=figs):
            mine = [f for f in figs if slug is None or f.place_slug == slug]
            # drawn when the page is rendered: a rebuild draws only the charts of pages it renders
            return _list_pages(r, "tracker_indicator.md.j2", page_path, name, "indicator", place_rows, areas,
                               lambda row: dict(key="all"), indicator=ind, area=area, place=place,
                               figures=mine)

        slugs = {row.c.report.place_slug for row in irows}
        more = {f.place_slug: f.place_name for f in figs if f.place_slug not in slugs}
        # a figure's table row and point weigh about a quarter of a commitment's row
        indicator_pages.append(_split_by_place(r, path, ind.name, irows, one, "tracker/indicators/", "按指标",
                                               more, len(figs) // 4))
    by_area: dict[str, list[tuple[Indicator, list[Row]]]] = {}
    unused = []
    for iid, ind in known.items():
        if iid in used:
            area = areas.by_indicator.get(iid) or used[iid][0].area
            # what the page shows of the rows: their number and years (a context holds what the
            # page shows, not every row of the corpus: site/rerender.py keys pages by it)
            by_area.setdefault(area.id, []).append((ind, len(used[iid]), sorted({row.c.year for row in used[iid]})))
        else:
            unused.append(ind)
    area_groups = [(a, by_area[a.id]) for a in areas.all if a.id in by_area]
    md = r.later("tracker_indicators.md.j2", "tracker/indicators/", area_groups=area_groups, unused=unused)
    indicators_page = Page("tracker/indicators/", "按指标", md, indicator_pages)

    # -- agencies
    counts = _agency_counts(rows)
    agency_pages = []
    named: dict[str, list[Row]] = {}
    for row in rows:
        for a in dict.fromkeys(x.id for x in [*row.lead, *row.support]):
            named.setdefault(a, []).append(row)
    for agency, n_lead, n_support in counts:
        path = f"tracker/agencies/{agency.id}/"

        def one(page_path, name, place_rows, place, slug, agency=agency):
            lead = [row for row in place_rows if any(a.id == agency.id for a in row.lead)]
            support = [row for row in place_rows if not any(a.id == agency.id for a in row.lead)]
            leads = {row.c.id for row in lead}
            return _list_pages(r, "tracker_agency.md.j2", page_path, name, "agency", lead + support, areas,
                               lambda row: ROLE_GROUPS[row.c.id in leads], agency=agency, n_lead=len(lead),
                               n_support=len(support), place=place)

        agency_pages.append(_split_by_place(r, path, agency.name, named[agency.id], one,
                                            "tracker/agencies/", "按责任单位", fill=PAGE_ROWS))
    md = r.later("tracker_agencies.md.j2", "tracker/agencies/", counts=counts)
    agencies_page = Page("tracker/agencies/", "按责任单位", md, agency_pages)

    # -- the section's own page
    md = r.later("tracker_index.md.j2", "tracker/", summaries=summaries, n_indicators=len(indicator_pages),
                  n_agencies=len(agency_pages), total=len(rows))
    review = review_page(r, rows)
    top = Page("tracker/", "承诺追踪", md, [*year_pages, indicators_page, agencies_page, review], local_root=True)
    # a page per place with its scorecard (site/places.py): the tracker's rows, a place at a time
    cards = scorecards(reports, tracker.commitments, r.row_pages)
    return [top, places_section(r, cards, tracker.commitments)], years

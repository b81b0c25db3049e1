"""Generated pages: parsed reports -> Markdown files (Simplified) that MkDocs turns into HTML.

Every piece of report text reaches a page through `md_text` (headings) or `html_text`
(paragraphs, raw HTML): a source may carry <script>, Markdown, attribute lists or Jinja, and
all of it must show as text. Links between generated pages are relative and end in
index.html, so the site works under any sub-path and from file://.
"""
from __future__ import annotations

import functools
import html
import json
from pathlib import Path

import jinja2

from .. import trace
from ..ingest.meta import LEVELS
from ..model import Report, Section, newest_first
from . import changes
from .cite import citation, templates as cite_templates
from .glossary import Glossary, Marker, glossary_page
from .nav import attach_local_nav
from .paths import Page, _link, _root, href, place_path, tracker_path, walk  # noqa: F401 (re-exported)
from .ui import SITE_UP, mark

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

# ASCII characters Python-Markdown (and its extensions) give a meaning to inside a heading.
_MD_ACTIVE = set("\\`*_{}[]()#+-.!|~^<>&:=\"'$%@")


def md_text(text: str) -> str:
    """Report text safe inside a Markdown heading: every active ASCII character becomes an
    entity; marked as report text for the Traditional conversion (site/ui.py)."""
    return mark("".join(f"&#{ord(ch)};" if ch in _MD_ACTIVE else ch for ch in text))


def html_text(text: str) -> str:
    """Report text safe in HTML, marked as report text for the Traditional conversion (site/ui.py)."""
    return mark(html.escape(text, quote=True))


def section_heading(section: Section) -> str:
    number = (section.number or "").strip()
    if number and not number.endswith(("、", ".", "．")) and not number.startswith(("（", "(")):
        return f"{number} {section.title}"
    return f"{number}{section.title}"


LOOKS = {"back": "回顾", "forward": "安排"}
STATUS = {"exceeded": "超额完成", "met": "已完成", "partly": "部分完成", "missed": "未完成",
          "reported": "有报告、无可比数字", "no_report": "后续报告未提及", "pending": "尚无后续报告"}
ROLE = {"commitment": "承诺", "outcome": "执行情况", "related": "同年重申"}
KIND = {"government-work-report": "政府工作报告", "plan-report": "计划执行情况报告",
        "five-year-plan": "五年规划", "task-breakdown": "任务分解", "other": "其他"}
LEVEL = {"national": "国家级", "province": "省级", "city": "市级", "district": "区级", "county": "县级", "township": "乡镇级"}
REMOVAL = {"web-debris": "网页杂项", "page-footer": "页码页脚", "markup": "排版标记",
           "table-debris": "表格残留", "toc": "目录", "copyright": "版权备案", "disclaimer": "免责声明",
           "share": "分享提示", "transcript-label": "实录标注", "speaker-label": "讲话人标注",
           "dateline": "电头", "running-header": "页眉"}
DAMAGE = {"noted": "来源说明", "doubled-unit": "量词重复", "empty-quotes": "空引号", "cut-name": "人名残缺",
          "missing-number": "缺少数字"}       # how ingest/damage.py knows a paragraph lost words


def _years(years: list[int]) -> str:
    if not years:
        return "无"
    if len(years) > 2 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}—{years[-1]}年"
    return "、".join(str(y) for y in years) + "年"


def _looks_label(section: Section) -> str:
    years = _years(section.years) if section.years else ""
    return f"{LOOKS[section.looks]}{years}" if section.looks else ""


def _attr(anchor: str) -> str:
    # Written here, not in the templates, because "{#" opens a Jinja comment.
    return "{#" + anchor + "}"


_compiled: jinja2.BytecodeCache | None = None


def keep_compiled_templates(folder: Path | None) -> None:
    """Keep the compiled templates in `folder` (build/cache) between builds: compiling them is
    most of rendering a few pages again (a rebuild). Jinja checks each against its source."""
    global _compiled
    if folder is not None:
        Path(folder).mkdir(parents=True, exist_ok=True)
    _compiled = jinja2.FileSystemBytecodeCache(str(folder)) if folder is not None else None


class Renderer:
    def __init__(self):
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=False,
                                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                                      undefined=jinja2.StrictUndefined, bytecode_cache=_compiled)
        self.env.filters["md"] = md_text
        self.env.filters["h"] = html_text
        # interface strings handed to scripts: escaped, not marked (site/ui.py looks them up)
        self.env.filters["json"] = lambda v: html.escape(json.dumps(v, ensure_ascii=False, sort_keys=True), quote=True)
        # a JavaScript string in a data file (CJK kept as is, for the Traditional conversion)
        self.env.filters["jsstr"] = lambda v: json.dumps(str(v), ensure_ascii=False)
        self.env.globals.update(attr=_attr, years=_years, tracker_path=tracker_path, place_path=place_path, looks_label=_looks_label, heading=section_heading,
                                statuses=STATUS, roles=ROLE, kinds=KIND, levels=LEVEL, looks=LOOKS,
                                removal_kinds=REMOVAL, damage_kinds=DAMAGE)
        self.env.globals.update(cite_templates=cite_templates, citation=citation, mark=mark)
        self.gloss = Marker()                # site/glossary.py: terms explained where first used
        self.env.filters["gloss"] = self.gloss
        self.slugs: dict[str, str] = {}      # report id -> place slug, for links to tracker rows
        self.row_pages: dict[str, str] = {}  # commitment id -> the tracker page holding its row
        # A tracker row is shown on its list page and again in that page's rows.js: rendered
        # once per page (rows are most of the page-rendering time at scale)
        self._memo: dict[tuple, str] = {}
        self._memo_page: str | None = None
        self.env.globals["once"] = self._once
        self.env.globals["row_page"] = lambda c: self.row_page(c.id, c.year, c.report.id)

    def _once(self, fn, *args):
        key = (fn.name, *(id(a) if not isinstance(a, (str, int)) else a for a in args))
        if key not in self._memo:
            self._memo[key] = fn(*args)
        return self._memo[key]

    def later(self, template: str, page: str, **context):
        """render(), when the page is written (site/paths.Page: bodies are rendered one at a
        time, in the build's workers); the context is taken now."""
        return functools.partial(self.render, template, page, **context)

    def row_page(self, commitment_id: str, year: int, report_id: str) -> str:
        """The tracker page holding a commitment's row: shared state, so the read is noted."""
        where = self._row_page(commitment_id, year, report_id)
        trace.note("row_page", (commitment_id, year, report_id), where)
        return where

    def _row_page(self, commitment_id: str, year: int, report_id: str) -> str:
        return self.row_pages.get(commitment_id) or tracker_path(year, self.slugs.get(report_id, ""))

    def current(self, name: str, args: tuple):
        """What a read noted in trace.py (name, args) gives now."""
        if name == "row_page":
            return self._row_page(*args)
        if name == "gloss":
            return self.gloss.digest(*args)
        if name == "gloss_term":
            return self.gloss.term_digest(*args)
        raise KeyError(name)

    def render(self, template: str, page: str, **context) -> str:
        def tracker_link(m):
            return href(page, self.row_page(m.commitment_id, m.year, m.commitment_id.split(":", 1)[0]), m.commitment_id)
        self.gloss.reset()
        if page != self._memo_page:
            self._memo, self._memo_page = {}, page
        return self.env.get_template(template).render(
            page=page, root=_root(page), site_root=_root(page) + SITE_UP, href=href, link=lambda url: _link(page, url),
            tracker_link=tracker_link, **context)


def _page_roots(report: Report) -> list[Section]:
    """Sections that open a page (ingest.corpus.assign_pages): every top-level section, and the
    subsections of a section too long for one page."""
    return [s for s in report.sections if s.page == f"reports/{report.id}/{s.anchor}/"]


def _on_page(report: Report, root: Section) -> list[Section]:
    """The sections shown on `root`'s page, in document order."""
    return [s for s in report.sections if s.page == root.page]


def outline_html(report: Report, page: str, max_depth: int = 3) -> str:
    """Nested list of links to every section down to `max_depth` levels."""
    children: dict[str | None, list[Section]] = {}
    for s in report.sections:
        children.setdefault(s.parent, []).append(s)

    def items(parent: str | None, depth: int) -> str:
        rows = []
        for s in children.get(parent, []):
            sub = items(s.anchor, depth + 1) if depth < max_depth else ""
            rows.append(f'<li><a href="{href(page, s.page, s.anchor)}">{html_text(section_heading(s))}</a>{sub}</li>')
        return f'<ul class="pe-outline">{"".join(rows)}</ul>' if rows else ""

    return items(None, 1)


def report_pages(report: Report, marks: dict, r: Renderer, changes: list | None = None) -> Page:
    base = f"reports/{report.id}/"
    roots = _page_roots(report)
    damaged: dict[str, list] = {}            # paragraph anchor -> its lost words (ingest/damage.py)
    for d in report.damage:
        damaged.setdefault(d.anchor, []).append(d)
    children = []
    for top in roots:
        sections = _on_page(report, top)
        # subsections with pages of their own: listed, and old #anchors forwarded to them
        subpages = [s for s in roots if s.parent is not None and report.section(s.parent).page == top.page]
        # the marks of this page's paragraphs only: a page's context is what it shows (rerender.py)
        keys = [(report.id, p.anchor) for s in sections for p in s.paragraphs]
        md = r.later("section.md.j2", top.page, report=report, top=top, sections=sections,
                      marks={k: marks[k] for k in keys if k in marks}, damaged=damaged, subpages=subpages,
                      forward={s.anchor: href(top.page, s.page) for s in subpages}, overview=base)
        children.append(Page(top.page, section_heading(top), md))
    md = r.later("report.md.j2", base, report=report, outline=outline_html(report, base), changes=changes or [],
                  counts={"sections": len(report.sections),
                          "paragraphs": sum(len(s.paragraphs) for s in report.sections)})
    return Page(base, str(report.meta["title"]), md, children, local_root=True)


def site_pages(reports: list[Report], marks: dict | None = None, extra: list[Page] | None = None,
               tracker_years: list[int] | None = None, row_pages: dict[str, str] | None = None,
               glossary: Glossary | None = None, commitments: list | None = None) -> list[Page]:
    """Every generated page, in navigation order: home, reports, extra sections, glossary, search."""
    r = Renderer()
    r.gloss.glossary = glossary or Glossary.load(TEMPLATES.parent / "data", reports)
    r.slugs = {report.id: report.place_slug for report in reports}
    r.row_pages = row_pages or {}
    recent = newest_first(reports)[:HOME_RECENT]
    pages = [Page("", "首页", r.later("home.md.j2", "", recent=recent, total=len(reports),
                                        tracker_years=tracker_years or []))]
    # site/changes.py: a page per two consecutive reports of a place, linked from both overviews
    pairs = changes.pairs(reports)
    linked = changes.overview_links(pairs)
    overviews = [report_pages(report, marks or {}, r, linked.get(report.id)) for report in reports]
    changes.attach(pairs, {report.id: page for report, page in zip(reports, overviews)}, r, commitments,
                   glossary=r.gloss.glossary)
    browse = Page("reports/", "报告", r.later("reports.md.j2", "reports/", groups=_by_place(reports),
                                                count=len(reports)), overviews)
    pages.append(browse)
    pages += extra or []
    pages.append(glossary_page(r.gloss.glossary, r))
    pages.append(Page("search/", "搜索", r.later("search.md.j2", "search/")))
    attach_local_nav(pages)
    return pages


HOME_RECENT = 12          # the home page lists the newest reports; reports/ lists them all


def _by_place(reports: list[Report]) -> list[tuple[str, list[tuple[str, list[Report]]]]]:
    """[(level, [(place, reports newest first)])], levels from the nation down, places by name."""
    groups: dict[str, dict[str, list[Report]]] = {}
    for report in reports:
        groups.setdefault(report.meta["level"], {}).setdefault(report.meta["place"], []).append(report)
    out = []
    for level in sorted(groups, key=LEVELS.index):
        places = [(place, newest_first(rows)) for place, rows in sorted(groups[level].items())]
        out.append((level, places))
    return out

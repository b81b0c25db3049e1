"""A page per place (places/<slug>/) and its scorecard: each main indicator's target, year by
year, beside what the next report says came of it; and data/scorecards.json + csv (contract).

    cards = scorecards(reports, commitments, where)     # where: commitment id -> its tracker page
    page = place_pages(r, reports, cards)               # places/ and places/<slug>/ (site/tracker.py)

A "main indicator" is found in the text, never from a list: a commitment with an indicator in a
passage a report announces as its main targets (a section titled, or a paragraph led by,
主要预期目标 / 主要目标 / 预期目标 / 发展目标, and the items such a paragraph announces), in an annual
report (one plan year: a five-year plan's or outline's goals are for the period, not a year's
column). A place whose reports announce none gets the indicators it sets targets for in two or
more years. One row per indicator and year: the commitment from the main passage first, then
the first in corpus order. The status, the target's and outcome's words are the tracker's own
(site/tracker.py), so a row here reads as its row there.

A place's page holds its own reports and rows only, so it stays small however large the corpus;
its body is rendered through Renderer.later with plain values (site/rerender.py keys it by them).
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field, replace

from ..commitments.extract import Commitment
from ..commitments.series import Figure, _scope_label
from ..csvtable import BOM, header
from ..ingest.meta import LEVELS
from ..model import Report, newest_first
from .charts import series_html
from .pages import KIND, Renderer
from .paths import Page, place_path

# What a report calls the targets it sets the year (its headline list), as a heading or as the
# lead words of the paragraph that lists them.
MAIN_WORDS = re.compile(r"主要(?:预期)?目标|预期目标|发展目标")
LEAD_CHARS = 40           # the lead words of a paragraph: before its first stop, at most this long
_STOP = re.compile(r"[：:；;。]")
# Report kinds whose main-targets passage sets a year's headline targets; the others (a five-year
# plan, "other") set goals for a period or none.
ANNUAL_KINDS = ("government-work-report", "plan-report", "task-breakdown")
MIN_YEARS = 2             # fallback: an indicator targeted in this many years is a main one


# ---- which commitments are main targets --------------------------------------------------------

def _announces(text: str) -> bool:
    lead = _STOP.split(text, maxsplit=1)[0][:LEAD_CHARS]
    return bool(MAIN_WORDS.search(lead))


def main_passages(report: Report) -> set[str]:
    """Anchors of the paragraphs that state a report's main targets: every paragraph of a section
    whose title (or an ancestor's) names them; a paragraph whose lead words announce them; and the
    list items right after such a paragraph when it ends on its announcement ("…目标是：")."""
    titled: dict[str, bool] = {}
    out = set()
    for section in report.sections:
        parent = titled.get(section.parent, False) if section.parent else False
        titled[section.anchor] = parent or bool(MAIN_WORDS.search(section.title))
        listing = False
        for p in section.paragraphs:
            if titled[section.anchor] or _announces(p.text):
                out.add(p.anchor)
                listing = p.text.rstrip().endswith(("：", ":"))
            elif listing and p.kind == "item":
                out.add(p.anchor)
            else:
                listing = False
    return out


def _annual(c: Commitment) -> bool:
    """A target due in the one year its report plans (not a period's goal set in a yearly report)."""
    report = c.report
    return (c.kind == "target" and c.indicator is not None and c.quantity is not None
            and report.meta.get("kind") in ANNUAL_KINDS and report.plan_years == [c.year])


# ---- the scorecard -----------------------------------------------------------------------------

@dataclass
class Cell:
    """One indicator's year: the target and what the next report says (plain values: a page's
    context is keyed by content, site/rerender.py)."""
    year: int
    commitment: str              # its id in commitments.json
    target: str                  # as the tracker row shows it ("增长6%左右")
    target_url: str              # the paragraph: reports/<id>/<section>/#<anchor>
    target_label: str            # the report it stands in, in words
    status: str
    row_page: str                # the tracker page holding the commitment's row (id = commitment)
    outcome: str | None = None   # the figure(s) a later report gives ("完成235.2亿元；同比增长18.5%")
    outcome_report: str | None = None
    outcome_url: str | None = None
    outcome_label: str = ""
    main: bool = True            # from the report's main-targets passage


@dataclass
class ScoreRow:
    key: str                     # the indicator's family (indicators.yml): a level and its growth are one row
    indicator: str               # the first year's indicator id (tracker/indicators/<id>/)
    name: str                    # as the site shows it: the family's shortest name (地区生产总值, not …增长)
    cells: list[Cell]            # by year


@dataclass
class PlaceCard:
    slug: str
    place: str                   # canonical name (data/places.yml), else as meta.yml writes it
    name: str                    # as the reports' meta.yml write it
    level: str
    parent: str | None           # canonical name of the place above, if listed
    trail: list[tuple[str, str | None]]      # the places above, from the top: (name, slug of its page or None)
    children: list[tuple[str, str, str]]    # places below with reports: (name, slug, level)
    reports: list[tuple[str, str, str, str]]  # (id, title, kind words, years words), newest first
    years: list[int]             # the scorecard's columns: first target's year to the last, gaps included
    planned: list[int]           # years an annual report of the place plans
    rows: list[ScoreRow] = field(default_factory=list)

    @property
    def path(self) -> str:
        return place_path(self.slug)


def _outcome(c: Commitment, label) -> tuple[str | None, str | None, str | None, str]:
    """The figure(s) later reports give for the target, each measure's best (most confident)
    answer, in the target's order; and the report and passage of the first."""
    from .tracker import stated          # the tracker's wording of a figure (imports this module)
    ranked = sorted(c.outcomes, key=lambda o: (-o.confidence, o.place.paragraph_id))
    chosen = []
    for q in c.targets:
        o = next((o for o in ranked if o.quantity is not None and o.target == q), None)
        if o is not None and o not in chosen:
            chosen.append(o)
    if not chosen:
        chosen = [o for o in ranked if o.quantity is not None][:1]
    if not chosen:
        first = ranked[0] if ranked else None
        if first is None:
            return None, None, None, ""
        return None, first.place.report.id, first.place.url, label(first.place.report)
    first = chosen[0]
    words = "；".join(dict.fromkeys(stated(o.text, o.quantity) for o in chosen))
    return words, first.place.report.id, first.place.url, label(first.place.report)


def _family(c: Commitment) -> str:
    return c.indicator.family or c.indicator.id


def _pick(cs: list[Commitment], main: set[tuple[str, str]]) -> Commitment:
    """Of several commitments of one indicator and year: the main passage's, then the first."""
    return next((c for c in cs if (c.report.id, c.place.paragraph.anchor) in main), cs[0])


def scorecards(reports: list[Report], commitments: list[Commitment], where: dict[str, str]) -> list[PlaceCard]:
    """Every place with a report, its hierarchy, reports and scorecard; places from the nation down."""
    from .tracker import report_label, target_words
    from .pages import tracker_path
    by_place: dict[str, list[Report]] = {}
    for report in reports:
        by_place.setdefault(report.place_slug, []).append(report)
    canonical = {slug: (rs[0].place_path[-1] if rs[0].place_path else str(rs[0].meta.get("place") or ""))
                 for slug, rs in by_place.items()}
    slug_of = {name: slug for slug, name in canonical.items()}
    main = {(r.id, a) for r in reports for a in main_passages(r)}
    order = {r.id: i for i, r in enumerate(reports)}
    by_id = {c.id: c for c in commitments}
    annual: dict[str, list[Commitment]] = {}
    for c in sorted(commitments, key=lambda c: (order.get(c.report.id, len(order)), c.place.section.line,
                                                 c.place.paragraph.line)):
        if _annual(c):
            annual.setdefault(c.report.place_slug, []).append(c)

    cards = []
    for slug, rs in by_place.items():
        first = rs[0]
        path = first.place_path or [canonical[slug]]
        cs = annual.get(slug, [])
        is_main = [(c.report.id, c.place.paragraph.anchor) in main for c in cs]
        # main indicators: those of the main passages, in the order of their first appearance
        # (earliest year, then document order); else those targeted in MIN_YEARS years or more
        keyed = sorted(((c.year, i), c) for i, c in enumerate(cs))
        # A family's measures are one row: a report may set GDP's level one year, its growth the next.
        chosen = list(dict.fromkeys(_family(c) for (_, i), c in keyed if is_main[i]))
        if not chosen:
            years_of: dict[str, set[int]] = {}
            for _, c in keyed:
                years_of.setdefault(_family(c), set()).add(c.year)
            chosen = [i for i in dict.fromkeys(_family(c) for _, c in keyed) if len(years_of[i]) >= MIN_YEARS]
        rows = []
        for family in chosen:
            mine = [c for _, c in keyed if _family(c) == family]
            by_year: dict[int, list[Commitment]] = {}
            for c in mine:
                by_year.setdefault(c.year, []).append(c)
            cells = []
            for year in sorted(by_year):
                c = _pick(by_year[year], main)
                outcome, o_report, o_url, o_label = _outcome(c, report_label)
                cells.append(Cell(year, c.id, target_words(c), c.place.url, report_label(c.report), c.status,
                                  where.get(c.id) or tracker_path(c.year, slug), outcome, o_report, o_url, o_label,
                                  (c.report.id, c.place.paragraph.anchor) in main))
            chosen_ids = [by_id[cell.commitment].indicator for cell in cells]
            rows.append(ScoreRow(family, chosen_ids[0].id, min((i.name for i in chosen_ids), key=lambda n: (len(n), n)),
                                 cells))
        trail = [(name, slug_of.get(name)) for name in path[:-1]]
        below = sorted({s for s, other in by_place.items() if s != slug
                        and canonical[slug] in (other[0].place_path or [])[:-1]},
                       key=lambda s: (len(by_place[s][0].place_path), canonical[s]))
        children = [(str(by_place[s][0].meta.get("place") or canonical[s]), s, str(by_place[s][0].meta.get("level") or ""))
                    for s in below]
        listed = [(r.id, str(r.meta.get("title") or r.id), KIND.get(r.meta.get("kind"), ""),
                   _years_words(r.plan_years or r.review_years)) for r in newest_first(rs)]
        planned = sorted({y for r in rs if r.meta.get("kind") in ANNUAL_KINDS and len(r.plan_years) == 1
                          for y in r.plan_years})
        # every year from the first target to the last: a year the corpus lacks shows as a gap
        targeted = [cell.year for row in rows for cell in row.cells]
        years = list(range(min(targeted), max(targeted) + 1)) if targeted else []
        card = PlaceCard(slug, canonical[slug], str(first.meta.get("place") or canonical[slug]),
                         str(first.meta.get("level") or ""), path[-2] if len(path) > 1 else None, trail, children,
                         listed, years, planned, rows)
        cards.append(card)
    return sorted(cards, key=lambda k: (LEVELS.index(k.level) if k.level in LEVELS else len(LEVELS), len(k.trail),
                                        k.place, k.slug))


def _years_words(years: list[int]) -> str:
    if not years:
        return ""
    return f"{years[0]}年" if len(years) == 1 else f"{years[0]}—{years[-1]}年"


# ---- charts ------------------------------------------------------------------------------------

def _figures(card: PlaceCard, row: ScoreRow, commitments: dict[str, Commitment]) -> list[Figure]:
    """The row's targets and the outcome figures the cells show, as charts.py draws them."""
    out = []
    for cell in row.cells:
        c = commitments[cell.commitment]
        fields = dict(place=card.place, place_name=card.name, place_slug=card.slug, place_depth=len(card.trail) + 1)
        for q in c.targets:
            if q.nominal:
                continue
            out.append(Figure(c.indicator.id, "target", cell.year, (cell.year,), quantity=q,
                              scope=_scope_label(c.scope, c.indicator.period), text=c.text, where=c.place, **fields))
        seen = set()
        for o in sorted(c.outcomes, key=lambda o: (-o.confidence, o.place.paragraph_id)):
            q = o.quantity
            if q is None or q.nominal or o.status == "reported" or (q.kind, q.base_unit) in seen:
                continue         # a figure the rule would not compare is no result to draw
            seen.add((q.kind, q.base_unit))
            out.append(Figure(c.indicator.id, "outcome", cell.year, (cell.year,), quantity=q, scope="",
                              text=o.text, where=o.place, **fields))
    return sorted(out, key=lambda f: f.sort_key)


def chart_sections(card: PlaceCard, commitments: dict[str, Commitment], page: str, label, words,
                   only: set[str] | None = None) -> list[tuple[str, str]]:
    """For each indicator with targets in two or more years (or those keyed in `only`): (its row's
    key, its chart(s) and table as HTML, linking from `page`)."""
    parts = []
    for row in card.rows:
        if len(row.cells) < 2 or (only is not None and row.key not in only):
            continue
        figures = _figures(card, row, commitments)
        if not figures:
            continue
        indicator = replace(commitments[row.cells[0].commitment].indicator, name=row.name)
        html = series_html(figures, indicator, page, label, words, prefix=f"chart-{row.key}")
        if html:
            parts.append((row.key, f'<section class="pe-place-chart" id="c-{row.key}">\n{html}\n</section>'))
    return parts


# ---- pages -------------------------------------------------------------------------------------

# Pages stay small however long a place's record (no page over 300 KB; the theme adds ~15 KB): the
# scorecard shows at most YEARS_PER_PAGE years, fewer where it has many rows (the latest on the
# place's page, earlier ones on pages of their own), sized by CELL_BYTES, a cell at its longest;
# the charts fill what the place's page has left of PAGE_BUDGET, the rest go on chart pages
# (places/<slug>/charts/<k>/) of CHARTS_BUDGET each.
YEARS_PER_PAGE = 10
PAGE_BUDGET = 250_000
SCORECARD_BUDGET = 150_000
CELL_BYTES = 800
REPORT_BYTES = 400          # a line of the reports table
CHARTS_BUDGET = 90_000


def _pack(sections: list[tuple[str, str]], first: int, budget: int) -> list[list[tuple[str, str]]]:
    """Sections in order into packs: the first up to `first` bytes (possibly none), then `budget`
    each (at least one section a pack)."""
    packs: list[list[tuple[str, str]]] = [[]]
    size, limit = 0, first
    for key, html in sections:
        n = len(html.encode("utf-8"))
        if size + n > limit and (packs[-1] or len(packs) == 1):
            packs.append([])
            size, limit = 0, budget
        packs[-1].append((key, html))
        size += n
    return packs


def page_plan(card: PlaceCard, sections: list[tuple[str, str]]) -> tuple[list[list[int]], list[list[tuple[str, str]]]]:
    """The years each scorecard page shows (the latest first: the place's page) and the charts
    each chart page holds (the first: the place's page), so that no page grows past its budget."""
    years = card.years
    per_page = max(1, min(YEARS_PER_PAGE, SCORECARD_BUDGET // (CELL_BYTES * max(1, len(card.rows)))))
    chunks = [years[max(0, i - per_page):i] for i in range(len(years), 0, -per_page)] or [[]]
    left = PAGE_BUDGET - CELL_BYTES * len(card.rows) * len(chunks[0]) - REPORT_BYTES * len(card.reports)
    return chunks, _pack(sections, min(left, CHARTS_BUDGET), CHARTS_BUDGET)


def place_pages(r: Renderer, cards: list[PlaceCard], commitments: list[Commitment]) -> Page:
    """places/ (every place by level) and places/<slug>/ for each place with a report, with pages
    for its earlier years and further charts where one page would be too long."""
    from .tracker import figure, report_label
    by_id = {c.id: c for c in commitments}
    children = []
    for card in cards:
        chunks, packs = page_plan(card, chart_sections(card, by_id, card.path, report_label, figure))
        year_pages = [(card.path if k == 0 else f"{card.path}{chunk[0]}-{chunk[-1]}/", chunk)
                      for k, chunk in enumerate(chunks)]
        chart_pages = [card.path] + [f"{card.path}charts/{k}/" for k in range(2, len(packs) + 1)]
        links = dict(years=[(path, chunk[0], chunk[-1]) for path, chunk in year_pages if chunk],
                     charts=chart_pages)
        sub = []
        for path, chunk in year_pages[1:]:
            md = r.later("place.md.j2", path, card=card, years=chunk, charts="", links=links, main=False)
            sub.append(Page(path, f"{card.name} · {chunk[0]}—{chunk[-1]}", md, in_nav=False))
        for k, (path, pack) in enumerate(zip(chart_pages[1:], packs[1:]), 2):
            html = "\n\n".join(h for _, h in chart_sections(card, by_id, path, report_label, figure,
                                                              {key for key, _ in pack}))
            md = r.later("place.md.j2", path, card=card, years=[], charts=html, links=links, main=False)
            sub.append(Page(path, f"{card.name} · {k}", md, in_nav=False))
        md = r.later("place.md.j2", card.path, card=card, years=chunks[0], charts="\n\n".join(h for _, h in packs[0]),
                     links=links, main=True)
        children.append(Page(card.path, card.name, md, sub, in_nav=False))
    levels = []
    for card in cards:
        if not levels or levels[-1][0] != card.level:
            levels.append((card.level, []))
        levels[-1][1].append((card.name, card.slug, len(card.rows), len(card.reports)))
    md = r.later("places.md.j2", "places/", groups=levels)
    return Page("places/", "地区", md, children, in_nav=False)


# ---- data/scorecards.json and csv ---------------------------------------------------------------

def scorecards_json(cards: list[PlaceCard]) -> dict:
    places = []
    for card in cards:
        if not card.rows:
            continue
        rows = [{"indicator": row.name, "year": cell.year, "target": cell.target, "commitment": cell.commitment,
                 "status": cell.status, "outcome": cell.outcome, "outcome_report": cell.outcome_report,
                 "outcome_url": cell.outcome_url}
                for row in card.rows for cell in row.cells]
        places.append({"place": card.place, "level": card.level, "parent": card.parent, "url": card.path,
                       "rows": rows})
    return {"places": places}


CSV_FIELDS = ["place", "level", "parent", "url", "indicator", "year", "target", "commitment", "status",
              "outcome", "outcome_report", "outcome_url"]


def scorecards_csv(cards: list[PlaceCard]) -> str:
    """One line per place, indicator and year: the JSON's rows with their place's fields."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header(CSV_FIELDS))
    for place in scorecards_json(cards)["places"]:
        for row in place["rows"]:
            w.writerow([place["place"], place["level"], place["parent"] or "", place["url"],
                        *("" if row[k] is None else row[k] for k in CSV_FIELDS[4:])])
    return BOM + buf.getvalue()          # csvtable.py: BOM and bilingual header, for spreadsheets

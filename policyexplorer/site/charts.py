"""Charts drawn at build time: an indicator's figures over the years (SVG, no JavaScript) with
the same figures as a table, and the status bar of a tracker year.

    html = series_html(figures, indicator, page, label)     # commitments.series.Figure list

One chart per measure (kind and unit: a growth rate and a level never share an axis), the
indicator's own kind first. Years on x, values on y (from zero, so heights compare), one colour
per place; outcomes are filled circles on a solid line, targets hollow diamonds on a dashed
line, so the two differ by shape and dash as well as in the legend. The svg scales with its
viewBox; its <title>/<desc> give the accessible name and summary, and the table below lists
every figure (year, place, target or outcome, value in the unit its head names, the figure as
printed and the paragraph it comes from).

Same figures -> same bytes: figures arrive sorted, coordinates have one decimal, numbers a
fixed format. Interface words here are looked up in data/ui.yml like a template's; report text
(places, units, figures as printed) enters through pages.html_text.
"""
from __future__ import annotations

import math
from collections import Counter

from ..commitments.series import Figure
from .pages import html_text
from .paths import _link

W, H = 360, 220                       # viewBox; text is 11 units, about 10 px on a phone
TOP, RIGHT, BOTTOM = 12, 14, 26
PALETTE = ["#1f5fa8", "#b3401b", "#2e7d32", "#6a3d9a", "#8a5a00", "#00695c", "#ad1457", "#455a64"]
MULT = {"": 1.0, "千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}
KIND_WORDS = {"level": "数量", "rate": "增速", "share": "比重或比率"}
ROLE_WORDS = {"target": "目标", "outcome": "实际"}


def num(v: float) -> str:
    """A number as the table and the labels write it: no exponent, at most six decimals."""
    s = f"{v:.6f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _c(v: float) -> str:
    return f"{v:.1f}"


def nice_ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    """Round tick values covering [lo, hi] (lo <= 0 <= hi for our charts)."""
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw - 1e-12)
    start, end = math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9)
    return [round(i * step, 10) for i in range(start, end + 1)]


def _unit(figures: list[Figure]) -> tuple[float, str]:
    """The unit a chart shows: the one the figures are most often printed in (亿元, 万人, %)."""
    prefixes, bases = Counter(), Counter()
    for f in figures:
        q = f.quantity
        prefix = q.unit[: -len(q.base_unit)] if q.base_unit and q.unit.endswith(q.base_unit) else ""
        prefixes[prefix if prefix in MULT else ""] += 1
        bases[q.base_unit] += 1
    prefix = max(prefixes, key=lambda p: (prefixes[p], MULT[p]))
    base = max(bases, key=lambda b: (bases[b], b))
    return MULT[prefix], prefix + base


def measures(figures: list[Figure], kind: str) -> list[list[Figure]]:
    """Figures by measure, the indicator's own kind first, then the most figures."""
    groups: dict[tuple, list[Figure]] = {}
    for f in figures:
        groups.setdefault(f.measure, []).append(f)
    order = sorted(groups, key=lambda m: (m[0] != kind, -len(groups[m]), m))
    return [groups[m] for m in order]


def _places(figures: list[Figure], colours: dict[str, str] | None = None) -> list[tuple[str, str, str]]:
    """(slug, name, colour) of each place, a city before its districts, then by name; a place
    keeps its colour (`colours`, by slug) in every chart of the page."""
    seen: dict[str, tuple] = {}
    for f in figures:
        seen.setdefault(f.place_slug, (f.place_depth, f.place, f.place_slug, f.place_name))
    ordered = sorted(seen.values())
    return [(slug, name, (colours or {}).get(slug) or PALETTE[i % len(PALETTE)])
            for i, (_, _, slug, name) in enumerate(ordered)]


def _diamond(x: float, y: float, r: float = 5.5) -> str:
    return f"M{_c(x)} {_c(y - r)}L{_c(x + r)} {_c(y)}L{_c(x)} {_c(y + r)}L{_c(x - r)} {_c(y)}Z"


def _label(f: Figure, value: str, unit: str) -> str:
    return f"{f.year}年 {html_text(f.place_name)} {ROLE_WORDS[f.role]} {value}{html_text(unit)}"


def chart_svg(figures: list[Figure], cid: str, title: str, desc: str, mult: float, unit: str,
              colours: dict[str, str] | None = None) -> str:
    """The svg of one measure; `figures` with a year only."""
    places = _places(figures, colours)
    # places side by side within a year, a few units apart, so equal figures do not hide each other
    shift = {slug: (i - (len(places) - 1) / 2) * min(5.0, 20.0 / len(places)) for i, (slug, _, _) in enumerate(places)}
    values = [f.value / mult for f in figures]
    years = sorted({f.year for f in figures})
    ticks = nice_ticks(min(0.0, *values), max(0.0, *values))
    left = 10 + 6.2 * max(len(num(t)) for t in ticks)
    x0, x1, y0, y1 = left + 14, W - RIGHT - 14, H - BOTTOM, TOP
    lo, hi = ticks[0], ticks[-1]

    def px(year: int, slug: str | None = None) -> float:
        x = (x0 + x1) / 2 if len(years) == 1 else x0 + (year - years[0]) / (years[-1] - years[0]) * (x1 - x0)
        return x + shift.get(slug, 0.0)

    def py(v: float) -> float:
        return y0 - (v - lo) / (hi - lo) * (y0 - y1)

    out = [f'<svg class="pe-chart__svg" viewBox="0 0 {W} {H}" role="img" aria-labelledby="{cid}-t" aria-describedby="{cid}-d" '
           f'xmlns="http://www.w3.org/2000/svg"><title id="{cid}-t">{title}</title><desc id="{cid}-d">{desc}</desc>',
           '<g class="pe-chart__axis">']
    for t in ticks:
        y = _c(py(t))
        zero = ' class="pe-chart__zero"' if t == 0 else ""
        out.append(f'<line x1="{_c(left)}" x2="{W - RIGHT}" y1="{y}" y2="{y}"{zero}/>'
                   f'<text x="{_c(left - 4)}" y="{y}" text-anchor="end" dy="0.35em">{num(t)}</text>')
    step = max(1, math.ceil(len(range(years[0], years[-1] + 1)) / 8))       # at most 8 year labels
    for year in range(years[0], years[-1] + 1, step):
        out.append(f'<text x="{_c(px(year))}" y="{H - 8}" text-anchor="middle">{year}</text>')
    out.append("</g>")
    for slug, _name, colour in places:
        mine = [f for f in figures if f.place_slug == slug]
        for role, dash in (("outcome", ""), ("target", ' stroke-dasharray="5 4"')):
            pts = [f for f in mine if f.role == role]
            by_year: dict[int, set] = {}
            for f in pts:
                by_year.setdefault(f.year, set()).add(num(f.value / mult))
            # a line only where each year has one figure of one scope: two figures for a year, or
            # 市级以上 beside 省级以上, are points that a line would wrongly join
            if len(by_year) > 1 and all(len(v) == 1 for v in by_year.values()) and len({f.scope for f in pts}) == 1:
                line = " ".join(f"{_c(px(y, slug))},{_c(py(float(next(iter(v)))))}" for y, v in sorted(by_year.items()))
                out.append(f'<polyline class="pe-chart__line pe-chart__line--{role}" points="{line}" fill="none" '
                           f'stroke="{colour}" stroke-width="2"{dash}/>')
    drawn = set()
    # outcomes on top: a dot inside the target's hollow diamond, both seen when the two are close
    # (a diamond drawn over the dot, filled white, hid a result near its target)
    for role in ("target", "outcome"):
        for slug, _name, colour in places:
            for f in figures:
                value = num(f.value / mult)
                key = (slug, role, f.year, value)
                if f.place_slug != slug or f.role != role or key in drawn:
                    continue
                drawn.add(key)
                x, y = px(f.year, slug), py(f.value / mult)
                attrs = (f'class="pe-pt pe-pt--{role}" data-year="{f.year}" data-place="{slug}" data-role="{role}" '
                         f'data-value="{value}"')
                tip = f"<title>{_label(f, value, unit)}</title>"
                if role == "outcome":
                    out.append(f'<circle {attrs} cx="{_c(x)}" cy="{_c(y)}" r="4" fill="{colour}" stroke="#fff">{tip}</circle>')
                else:
                    out.append(f'<path {attrs} d="{_diamond(x, y)}" fill="#fff" stroke="{colour}" stroke-width="2">{tip}</path>')
    out.append("</svg>")
    return "".join(out)


def _legend(places: list[tuple[str, str, str]]) -> str:
    key = ('<li><svg viewBox="0 0 28 12" aria-hidden="true"><line x1="0" x2="28" y1="6" y2="6" stroke="currentColor" '
           'stroke-width="2"/><circle cx="14" cy="6" r="4" fill="currentColor"/></svg>实际（实线、实心圆点）</li>'
           '<li><svg viewBox="0 0 28 12" aria-hidden="true"><line x1="0" x2="28" y1="6" y2="6" stroke="currentColor" '
           f'stroke-width="2" stroke-dasharray="5 4"/><path d="{_diamond(14, 6, 5)}" fill="#fff" stroke="currentColor" '
           'stroke-width="2"/></svg>目标（虚线、空心菱形）</li>')
    for _slug, name, colour in places:
        key += (f'<li><svg viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" rx="2" fill="{colour}"/>'
                f'</svg>{html_text(name)}</li>')
    return f'<ul class="pe-chart__legend">{key}</ul>'


def _years_words(years: list[int]) -> str:
    return f"{years[0]}年" if years[0] == years[-1] else f"{years[0]}—{years[-1]}年"


def _table(figures: list[Figure], cid: str, caption: str, mult: float, unit: str, page: str, label, words) -> str:
    rows = []
    for f in figures:
        value = num(f.value / mult)
        if f.year is not None:
            year, data = f"{f.year}年", f' data-year="{f.year}" data-value="{value}"'
        else:
            year, data = f'{_years_words(list(f.years))}<br><span class="pe-series__note">（跨年份，不入图）</span>', ""
        printed = html_text(words(f.quantity)) + (f"（{html_text(f.scope)}）" if f.scope else "")
        source = f'<a href="{_link(page, f.where.url)}">{html_text(label(f.report))}</a>'
        rows.append(f'<tr class="pe-series__row" data-place="{f.place_slug}" data-role="{f.role}"{data}>'
                    f'<td>{year}</td><td>{html_text(f.place_name)}</td><td>{ROLE_WORDS[f.role]}</td>'
                    f'<td class="pe-series__v">{value}</td><td>{printed}<br>{source}</td></tr>')
    # one unit for the whole table (a chart's measure): it heads the value column
    return (f'<table class="pe-tracker pe-tracker--index pe-series__table" id="{cid}-data"><caption>{caption}</caption>'
            '<thead><tr><th scope="col">年份</th><th scope="col">地区</th><th scope="col">类别</th>'
            f'<th scope="col">数值（{html_text(unit)}）</th><th scope="col">原文与出处</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def series_html(figures: list[Figure], indicator, page: str, label, words, prefix: str = "series") -> str:
    """Charts and tables of one indicator's figures (already sorted); "" when there are none.
    label(report) names a report, words(quantity) writes a figure as printed; `prefix` starts the
    ids, so a page with several indicators' charts (a place's) keeps them apart."""
    out = []
    colours = {slug: colour for slug, _, colour in _places([f for f in figures if f.year is not None])}
    # a measure with one figure, a target, is its commitment's row below: no chart of one point
    groups = [g for g in measures(figures, indicator.kind) if len(g) > 1 or g[0].role != "target"]
    for i, group in enumerate(groups, 1):
        cid = f"{prefix}-{i}"
        mult, unit = _unit(group)
        kind = group[0].quantity.kind
        name = html_text(indicator.name)
        unit_words = f"{KIND_WORDS.get(kind, kind)}，单位：{html_text(unit)}" + ("，负数为下降" if kind == "rate" else "")
        drawn = [f for f in group if f.year is not None]
        caption = f"{name}（{unit_words}）"
        parts = [f'<figure class="pe-chart" id="{cid}"><figcaption>{caption}</figcaption>']
        if drawn:
            years = sorted({f.year for f in drawn})
            n_t = sum(f.role == "target" for f in drawn)
            desc = (f"{_years_words(years)}，共{len(drawn)}个数字：目标{n_t}个，实际{len(drawn) - n_t}个；"
                    f"{len(_places(drawn))}个地区。各数字及出处见下表。")
            parts.append(chart_svg(drawn, cid, f"{name}：历年目标与实际（{html_text(unit)}）", desc, mult, unit, colours))
            parts.append(_legend(_places(drawn, colours)))
        parts.append("</figure>")
        # the table on a line of its own: an HTML block ends where its element closes at a line
        # end, so the page's blocks can pass Markdown by (site/rawhtml.py)
        out.append("".join(parts) + "\n" + _table(group, cid, f"{caption}：图中的数字", mult, unit, page, label, words))
    return "\n".join(out)


"""Every figure the corpus states for an indicator, by year and place: the series an indicator
page draws.

    figures = gather(reports, commitments, index)      # {indicator id: [Figure, ...]}

Two sources, both read from what extraction and linking already found (nothing re-decided):

- targets: commitments with an indicator and a figure (the year they are due);
- outcomes: every figure a looking-back passage gives for an indicator, paired the way the
  linker pairs them (link._outcome_figures), whether or not a commitment asked for it. So a 2024
  work report reviewing 2023 gives 2023's 技术合同成交额 (2198亿元) though no report in the corpus
  set a 2023 target; and an editor's added outcome (data/links.yml) counts too.

A passage reviewing several years ("十三五"时期) gives a figure for a span, not a year, unless the
clause names one of those years ("2020年达到…"); such a figure keeps `year = None` and is listed,
not drawn. Figures of another kind or unit than others of the indicator (a growth rate beside a
level: "技术合同成交额2608亿元，增长18.6%") are kept apart by `Figure.measure`: a chart never puts
two measures on one axis.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Report
from .clauses import split_clauses
from .extract import Commitment, Place
from .indicators import IndicatorIndex, default_index, scope_of
from .link import _outcome_figures, _place_of
from .linkcache import Positions
from .quantity import Quantity, unit_class, parse_quantities

_YEAR = re.compile(r"(?<!\d)(20\d\d|19\d\d)年")
# A clause that only gives a change: "比上年增长18.6%", "同比下降2%", "增长7.2%".
_GROWTH = re.compile(r"^\s*(?:比上年|较上年|同比|比去年)?(?:分别)?(?:增长|下降|提高|减少|上涨)\s*\d")


@dataclass(frozen=True)
class Figure:
    indicator: str            # indicator id
    role: str                 # target | outcome
    year: int | None          # the year the figure is for; None: a span of years (see `years`)
    years: tuple[int, ...]    # the years the passage plans or reviews
    place: str                # the place as data/places.yml names it (武汉市武昌区)
    place_name: str           # as the report's meta.yml writes it (武昌区)
    place_slug: str           # ASCII, for ids and data attributes
    place_depth: int          # places.yml depth: a city before its districts
    quantity: Quantity
    scope: str                # "省级以上新增", "累计", "" when the clause says nothing special
    text: str                 # the clause the figure stands in
    where: Place              # the paragraph (Place.url links to it)
    by: str = "auto"          # auto | editor (an outcome an editor added in data/links.yml)

    @property
    def report(self) -> Report:
        return self.where.report

    @property
    def measure(self) -> tuple[str, str]:
        """What the figure measures: its kind and unit class. One chart per measure."""
        return self.quantity.kind, unit_class(self.quantity.base_unit)

    @property
    def value(self) -> float:
        """The signed value in the printed unit's base: a decline (下降3.9%) is negative."""
        q = self.quantity
        sign = -1.0 if q.kind == "rate" and (q.qualifier or "").startswith("下降") else 1.0
        return sign * q.base_value

    @property
    def sort_key(self) -> tuple:
        return (self.year if self.year is not None else max(self.years, default=0), self.place_depth, self.place,
                0 if self.role == "target" else 1, self.report.id, self.where.paragraph.anchor, self.quantity.start)


def _place_fields(report: Report) -> dict:
    return dict(place=_place_of(report), place_name=str(report.meta.get("place") or ""),
                place_slug=report.place_slug, place_depth=len(report.place_path))


def _scope_label(scope, period: str) -> str:
    """The scope in words where it is not what a bare figure of the indicator means."""
    if scope is None:
        return ""
    label = scope.level or ""
    if scope.period != period:
        label += {"new": "新增", "stock": "总量", "cumulative": "累计"}[scope.period]
    return label


def _year_of(text: str, years: list[int]) -> int | None:
    if len(years) == 1:
        return years[0]
    named = {int(y) for y in _YEAR.findall(text)} & set(years)
    return named.pop() if len(named) == 1 else None


def targets(commitments: list[Commitment]) -> list[Figure]:
    out = []
    for c in commitments:
        if c.kind != "target" or c.indicator is None or c.quantity is None or c.quantity.nominal:
            continue
        out.append(Figure(c.indicator.id, "target", c.year, tuple(c.place.years), quantity=c.quantity,
                          scope=_scope_label(c.scope, c.indicator.period), text=c.text, where=c.place,
                          **_place_fields(c.report)))
    return out


def outcomes(reports: list[Report], index: IndicatorIndex) -> list[Figure]:
    """Every figure a looking-back passage gives for an indicator."""
    return [f for report in reports for f in report_outcomes(report, index)]


def report_outcomes(report: Report, index: IndicatorIndex) -> list[Figure]:
    """One report's looked-back figures: they depend on that report alone (and the indicator
    file), so extraction finds them with its commitments and build/cache keeps them
    (commitments/cached.py): a rebuild reads no review clause of an unchanged report again."""
    out = []
    fields = _place_fields(report)
    for section, paragraph, looks, years in report.oriented():
        if looks != "back" or not years:
            continue
        place = Place(report, section, paragraph)
        previous = None         # the one indicator the clause before gave a figure for
        for clause in split_clauses(paragraph.text):
            if not any(not q.nominal for q in parse_quantities(clause.text)):
                previous = None          # no figure: nothing to find (and the slow part skipped)
                continue
            # each figure on the page of the measure it states ("地区生产总值…同比增长7%": growth);
            # a count without a unit of its own ("29.8万") is left out of a chart in units
            found = [(m, q, text) for m, q, text in _outcome_figures(clause, index)
                     if q is not None and not q.nominal and (q.base_unit or not m.indicator.unit)]
            for m, q, text in found:
                out.append(Figure((index.measure(m.indicator, q.kind) or m.indicator).id, "outcome", _year_of(clause.text, years), tuple(years),
                                  quantity=q, scope=_scope_label(scope_of(text, m, m.indicator), m.indicator.period),
                                  text=clause.text, where=place, **fields))
            if not found and previous is not None and _GROWTH.match(clause.text):
                # "技术合同成交额2608亿元，比上年增长18.6%": the growth of what the clause before named
                q = next((q for q in parse_quantities(clause.text) if q.kind == "rate" and not q.nominal), None)
                if q is not None:
                    out.append(Figure(previous.id, "outcome", _year_of(clause.text, years), tuple(years), quantity=q,
                                      scope="", text=clause.text, where=place, **fields))
            ids = {m.indicator.id for m, _, _ in found}
            previous = found[0][0].indicator if len(ids) == 1 else None
    return out


def detach_figures(report: Report, figures: list[Figure]) -> list[dict]:
    """A report's figures as plain data (for build/cache): the paragraph by position; the place
    fields are the live report's when attached."""
    positions = Positions([report])
    keep = ("indicator", "role", "year", "years", "quantity", "scope", "text", "by")
    return [dict({k: getattr(f, k) for k in keep}, where=positions.of(f.where)) for f in figures]


def attach_figures(report: Report, stored: list[dict]) -> list[Figure]:
    positions, fields = Positions([report]), _place_fields(report)
    return [Figure(**{**d, "where": positions.place(*d["where"])}, **fields) for d in stored]


def editor_outcomes(commitments: list[Commitment]) -> list[Figure]:
    """Outcomes an editor added or confirmed with a figure (data/links.yml), for the commitment's year."""
    out = []
    for c in commitments:
        if c.indicator is None:
            continue
        for o in c.outcomes:
            if o.by == "editor" and o.quantity is not None:
                out.append(Figure(c.indicator.id, "outcome", c.year, tuple(o.place.years), quantity=o.quantity,
                                  scope="", text=o.text, where=o.place, by="editor", **_place_fields(o.place.report)))
    return out


def gather(reports: list[Report], commitments: list[Commitment], index: IndicatorIndex | None = None,
           looked_back: list[Figure] | None = None) -> dict[str, list[Figure]]:
    """{indicator id: figures in order (year, place, targets first, report, position)}; the same
    figure of the same paragraph is kept once. looked_back: outcomes(reports, index), where
    extraction found them already (Tracker.figures)."""
    index = index or default_index()
    by_indicator: dict[str, list[Figure]] = {}
    seen = set()
    back = looked_back if looked_back is not None else outcomes(reports, index)
    for f in [*targets(commitments), *back, *editor_outcomes(commitments)]:
        key = (f.indicator, f.role, f.year, f.report.id, f.where.paragraph.anchor, f.quantity.kind,
               round(f.quantity.base_value, 6))
        if key in seen:
            continue
        seen.add(key)
        by_indicator.setdefault(f.indicator, []).append(f)
    return {i: sorted(fs, key=lambda f: f.sort_key) for i, fs in sorted(by_indicator.items())}

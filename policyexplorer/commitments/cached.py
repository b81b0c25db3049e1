"""Extraction over the corpus, report by report: from build/cache, else in a pool of workers.

A report's commitments depend on that report alone (their ids are <report>:<paragraph>:<n>), on
the indicator and agency files and on the commitments code, so they are kept in build/cache
(kind "commitments") under a key of exactly those: the report's content key (ingest/corpus.py),
the files' digests and the code. Only linking, which compares reports, runs on every build.

Results leave a worker and enter the cache detached from the corpus: a commitment's places are
(section, paragraph) positions in its report and its indicator is an id. Attaching them to the
live Report and IndicatorIndex gives the same objects extraction in this process gives.
"""
from __future__ import annotations

from dataclasses import fields

from ..cache import code_fingerprint, fingerprint
from ..model import Report
from ..workers import fork_map
from .agencies import AgencyIndex
from .agencies import default_index as default_agencies
from .extract import Commitment, Place, extract_report
from .indicators import IndicatorIndex
from .indicators import default_index as default_indicators
from .series import Figure, attach_figures, detach_figures, report_outcomes

KIND = "commitments"
# Fields that point into the corpus or the indicator file; the rest is plain data.
_LIVE = ("place", "also_in", "indicator")


def detach(report: Report, commitments: list[Commitment]) -> list[dict]:
    """The commitments of one report as plain data: places by position, the indicator by id."""
    where = {id(p): (i, j) for i, s in enumerate(report.sections) for j, p in enumerate(s.paragraphs)}

    def position(place: Place) -> tuple[int, int]:
        i, j = where[id(place.paragraph)]
        assert place.report is report and report.sections[i] is place.section, place.paragraph_id
        return i, j

    out = []
    for c in commitments:
        d = {f.name: getattr(c, f.name) for f in fields(c) if f.name not in _LIVE}
        d["place"] = position(c.place)
        d["also_in"] = [position(p) for p in c.also_in]
        d["indicator"] = c.indicator.id if c.indicator else None
        out.append(d)
    return out


def attach(report: Report, stored: list[dict], indicators: IndicatorIndex) -> list[Commitment]:
    """detach() undone on the live report and indicator index."""
    def place(i: int, j: int) -> Place:
        section = report.sections[i]
        return Place(report, section, section.paragraphs[j])

    return [Commitment(**{**d, "place": place(*d["place"]), "also_in": [place(*p) for p in d["also_in"]],
                          "indicator": indicators.by_id[d["indicator"]] if d["indicator"] else None})
            for d in stored]


def _keys(reports: list[Report], indicators: IndicatorIndex, agencies: AgencyIndex) -> list[str | None]:
    """Each report's cache key; None for a report without a content key (not loaded from a folder)."""
    common = [code_fingerprint("commitments", "model"), indicators.digest, agencies.digest]
    return [fingerprint(*common, r.content_key) if r.content_key else None for r in reports]


def extract_all(reports: list[Report], indicators: IndicatorIndex | None = None,
                agencies: AgencyIndex | None = None, cache=None, workers: int | None = None) -> list[Commitment]:
    """extract.extract(): every report's commitments, reports by id; those a cache (cache.Cache)
    holds come from it, the others are extracted in a pool of workers and put in it."""
    return extract_with_figures(reports, indicators, agencies, cache, workers)[0]


def extract_with_figures(reports: list[Report], indicators: IndicatorIndex | None = None,
                         agencies: AgencyIndex | None = None, cache=None,
                         workers: int | None = None) -> tuple[list[Commitment], list[Figure]]:
    """extract_all(), and every figure the reports' looking-back passages give for an indicator
    (series.report_outcomes, reports by id), found and kept with them."""
    indicators = indicators or default_indicators()
    agencies = agencies or default_agencies()
    reports = sorted(reports, key=lambda r: r.id)
    keys = _keys(reports, indicators, agencies) if cache is not None else [None] * len(reports)
    stored: list[dict | None] = [cache.get(KIND, key) if key else None for key in keys]
    todo = [i for i, s in enumerate(stored) if s is None]

    def job(i: int) -> dict:
        report = reports[i]
        return {"commitments": detach(report, extract_report(report, indicators, agencies)),
                "figures": detach_figures(report, report_outcomes(report, indicators))}

    # Positions go to the workers, not reports: forked, they hold the corpus already.
    results = fork_map(job, todo, workers)
    for i, result in zip(todo, results):
        stored[i] = result
        if keys[i]:
            cache.put(KIND, keys[i], result)
    return ([c for r, s in zip(reports, stored) for c in attach(r, s["commitments"], indicators)],
            [f for r, s in zip(reports, stored) for f in attach_figures(r, s["figures"])])

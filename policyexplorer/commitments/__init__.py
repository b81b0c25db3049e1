"""The commitment tracker's engine.

The site build calls one function:

    from policyexplorer.commitments import build_tracker
    tracker = build_tracker(reports, data_dir=Path("data"))
    tracker.json()            # dict for data/commitments.json (schema-valid)
    tracker.csv()             # CSV sibling
    tracker.marks[(report_id, paragraph_anchor)]   # list[Mark] for the report pages

A Mark says that a paragraph holds a commitment (role "commitment", also for a repeated
task-breakdown item), an outcome of one (role "outcome") or a same-year restatement
("related"), with the commitment's id, status and the url of the commitment.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from ..cache import code_fingerprint, fingerprint
from ..model import Report
from .agencies import AgencyIndex
from .editorial import LinksFileError, apply_links
from .export import commitments_csv, commitments_json
from .cached import extract_all, extract_with_figures
from .extract import Commitment
from .indicators import IndicatorIndex
from .link import link_all

__all__ = ["build_tracker", "Tracker", "Mark", "LinksFileError"]

TERMS = "task-terms"      # build/cache kind: {task part: its words} (link.ClauseMemo.terms_of)


@dataclass
class Mark:
    role: str                 # commitment | outcome | related
    commitment_id: str
    status: str
    kind: str                 # target | task
    text: str                 # the clause in this paragraph
    commitment_url: str       # where the commitment stands ("reports/<id>/<section>/#<anchor>")
    links: list[str] = field(default_factory=list)   # urls of the other ends (outcomes, or the commitment)
    year: int | None = None   # the commitment's year: its row is tracker/<year>/#<commitment_id>


@dataclass
class Tracker:
    commitments: list[Commitment]
    marks: dict[tuple[str, str], list[Mark]]
    # every figure the reports' looking-back passages give for an indicator (series.Figure),
    # found with the commitments; None: not found yet (series.gather finds them)
    figures: list | None = None

    def json(self) -> dict:
        return commitments_json(self.commitments)

    def csv(self) -> str:
        return commitments_csv(self.commitments)


def _marks(commitments: list[Commitment]) -> dict[tuple[str, str], list[Mark]]:
    marks: dict[tuple[str, str], list[Mark]] = {}

    def add(place, mark):
        marks.setdefault((place.report.id, place.paragraph.anchor), []).append(mark)

    for c in commitments:
        outcome_urls = [o.place.url for o in c.outcomes]
        texts = [c.text, *(c.also_text or [c.text] * len(c.also_in))]
        for place, text in zip([c.place, *c.also_in], texts):
            add(place, Mark("commitment", c.id, c.status, c.kind, text, c.place.url, outcome_urls, c.year))
        for o in c.outcomes:
            add(o.place, Mark("outcome", c.id, o.status, c.kind, o.text, c.place.url, [c.place.url], c.year))
        for r in c.related:
            add(r.place, Mark("related", c.id, c.status, c.kind, r.text, c.place.url, [c.place.url], c.year))
    return marks


def build_tracker(reports: list[Report], data_dir: Path | str = "data", cache=None) -> Tracker:
    """With a cache (cache.Cache), a report's extracted commitments come from it while the report,
    data/indicators.yml, data/agencies.yml and this package are unchanged (cached.py), and so do
    the words of the task parts linking looks for (kind TERMS, one entry)."""
    data_dir = Path(data_dir)
    indicators = IndicatorIndex(data_dir / "indicators.yml") if (data_dir / "indicators.yml").exists() else None
    agencies = AgencyIndex(data_dir / "agencies.yml") if (data_dir / "agencies.yml").exists() else None
    commitments, figures = extract_with_figures(reports, indicators, agencies, cache)
    # task parts' words from the last build: no jieba when no task is new (a rebuild)
    terms_key = fingerprint(code_fingerprint("commitments"), version("jieba"))
    known = cache.get(TERMS, terms_key) if cache is not None else None
    used = link_all(reports, commitments, indicators, known, cache=cache)
    if cache is not None and used != known:
        cache.put(TERMS, terms_key, used)
    apply_links(data_dir / "links.yml", reports, commitments)
    return Tracker(commitments, _marks(commitments), figures)

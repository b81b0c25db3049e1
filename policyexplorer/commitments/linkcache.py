"""Links from build/cache: a report's commitments for one year, linked to the reports that look
back on that year, depend on those reports alone (their content keys), on the indicator file and
on this package's code. So a rebuild after one report changed links again only the commitments
it made or that it reviews; the others' outcomes come from build/cache (kind "links"), as
extraction's do (cached.py).

Stored detached from the corpus: a passage by (report id, section, paragraph) position, the
target a passage was compared with by its position among the commitment's own targets (its
identity counts: link.overall_status tells a target's two figures apart by it).
"""
from __future__ import annotations

from dataclasses import fields

from ..cache import code_fingerprint, fingerprint
from ..model import Report
from .extract import Commitment, Place

KIND = "links"


def key(report: Report, year: int, reviewers: list[Report], index_digest: str) -> str | None:
    """The cache key of a report's commitments for `year`; None when a report has no content key
    (made in memory, not loaded from a folder)."""
    keys = [report.content_key, *(r.content_key for r in reviewers)]
    if not all(keys):
        return None
    return fingerprint(code_fingerprint("commitments", "model"), index_digest, str(year), *keys)


class Positions:
    """(section, paragraph) positions of paragraphs, per report, worked out when first asked."""

    def __init__(self, reports: list[Report]):
        self.reports = {r.id: r for r in reports}
        self._where: dict[str, dict[int, tuple[int, int]]] = {}

    def of(self, place: Place) -> tuple[str, int, int]:
        report = place.report
        where = self._where.get(report.id)
        if where is None:
            where = self._where[report.id] = {id(p): (i, j) for i, s in enumerate(report.sections)
                                              for j, p in enumerate(s.paragraphs)}
        return (report.id, *where[id(place.paragraph)])

    def place(self, report_id: str, i: int, j: int) -> Place:
        report = self.reports[report_id]
        section = report.sections[i]
        return Place(report, section, section.paragraphs[j])


def detach(commitments: list[Commitment], positions: Positions) -> dict[str, list[dict]]:
    """{commitment id: its outcomes as plain data}."""
    out = {}
    for c in commitments:
        links = []
        for link in c.outcomes:
            d = {f.name: getattr(link, f.name) for f in fields(link)}
            d["place"] = positions.of(link.place)
            own = next((i for i, t in enumerate(c.targets) if t is link.target), None)
            d["target"] = ("own", own) if own is not None else ("value", link.target)
            links.append(d)
        out[c.id] = links
    return out


def attach(commitments: list[Commitment], stored: dict[str, list[dict]], positions: Positions, make) -> bool:
    """detach() undone onto the live commitments (make: link.Link); False when the entry does not
    hold every one of them (then they are linked again)."""
    if any(c.id not in stored for c in commitments):
        return False
    for c in commitments:
        links = []
        for d in stored[c.id]:
            how, target = d["target"]
            links.append(make(**{**d, "place": positions.place(*d["place"]),
                                 "target": c.targets[target] if how == "own" else target}))
        c.outcomes = links
    return True

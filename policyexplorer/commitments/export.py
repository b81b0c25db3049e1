"""commitments.json (schema: shared/contract/commitments.schema.json) and its CSV sibling."""
from __future__ import annotations

import csv
import io

from ..csvtable import BOM, header
from .extract import Commitment, Place
from .link import Link


def _passage(place: Place, text: str, quantity) -> dict:
    return {
        "report": place.report.id,
        "paragraph": place.paragraph_id,
        "url": place.url,
        "text": text or place.paragraph.text,
        "quantity": quantity.as_dict() if quantity is not None else None,
    }


def _outcome(link: Link) -> dict:
    d = _passage(link.place, link.text, link.quantity)
    d.update(status=link.status, confidence=round(float(link.confidence), 2), by=link.by,
             explanation=link.explanation)
    if link.note:
        d["note"] = link.note
    return d


def commitment_dict(c: Commitment) -> dict:
    related = [dict(_passage(p, p.paragraph.text, None), relation="same item listed again")
               for p in c.also_in]
    for r in c.related:
        related.append(dict(_passage(r.place, r.text, r.quantity), relation=r.relation or "related",
                            explanation=r.explanation))
    return {
        "id": c.id,
        "report": c.report.id,
        "section": c.place.section.anchor,
        "paragraph": c.place.paragraph_id,
        "url": c.place.url,
        "year": int(c.year),
        "kind": c.kind,
        "text": c.text,
        "quantity": c.quantity.as_dict() if c.quantity is not None else None,
        "indicator": c.indicator.id if c.indicator else None,
        "indicator_name": c.indicator.name if c.indicator else None,
        "scope": c.scope.label() if c.scope else None,
        "agencies": {"lead": list(c.lead), "support": list(c.support)},
        "status": c.status,
        "outcomes": [_outcome(o) for o in sorted(c.outcomes, key=lambda o: (o.place.paragraph_id, o.text))],
        "related": sorted(related, key=lambda r: (r["paragraph"], r["text"])),
    }


def commitments_json(commitments: list[Commitment]) -> dict:
    # Extraction order is deterministic (reports by id, then document order); keep it.
    return {"commitments": [commitment_dict(c) for c in commitments]}


CSV_FIELDS = ["id", "report", "paragraph", "url", "year", "kind", "text", "value", "unit", "qualifier",
              "indicator", "lead", "support", "status", "outcome_paragraph", "outcome_text",
              "outcome_status", "outcome_by"]


def commitments_csv(commitments: list[Commitment]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    w.writer.writerow(header(CSV_FIELDS))     # csvtable.py: BOM and bilingual header, for spreadsheets
    for d in commitments_json(commitments)["commitments"]:
        q = d["quantity"] or {}
        first = d["outcomes"][0] if d["outcomes"] else {}
        w.writerow({
            "id": d["id"], "report": d["report"], "paragraph": d["paragraph"], "url": d["url"],
            "year": d["year"], "kind": d["kind"], "text": d["text"],
            "value": q.get("value", ""), "unit": q.get("unit", ""), "qualifier": q.get("qualifier") or "",
            "indicator": d["indicator"] or "", "lead": "、".join(d["agencies"]["lead"]),
            "support": "、".join(d["agencies"]["support"]), "status": d["status"],
            "outcome_paragraph": first.get("paragraph", ""), "outcome_text": first.get("text", ""),
            "outcome_status": first.get("status", ""), "outcome_by": first.get("by", ""),
        })
    return BOM + buf.getvalue()


def write_csv(commitments: list[Commitment], path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(commitments_csv(commitments))

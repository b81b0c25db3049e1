"""data/corpus.json and data/corpus.csv: every report, section and paragraph (public contract)."""
from __future__ import annotations

import csv
import io
import json

from ..csvtable import BOM, header
from ..model import Report


def corpus_dict(reports: list[Report]) -> dict:
    out = []
    for r in reports:
        m = r.meta
        out.append({
            "id": r.id,
            "title": m["title"],
            "issuer": m["issuer"],
            "place": m["place"],
            "level": m["level"],
            "kind": m["kind"],
            "delivered": m.get("delivered"),
            "review_years": list(m["review_years"]),
            "plan_years": list(m["plan_years"]),
            "source": m.get("source"),
            "source_url": m.get("source_url"),
            "document_number": m.get("document_number"),
            "url": f"reports/{r.id}/",
            "sections": [{
                "id": s.anchor,
                "parent": s.parent,
                "level": s.level,
                "number": s.number,
                "title": s.title,
                "kind": s.kind,
                "looks": s.looks,
                "years": list(s.years),
                "url": f"{s.page}#{s.anchor}",
                "paragraphs": [{"id": p.anchor, "url": f"{s.page}#{p.anchor}", "text": p.text,
                                "kind": p.kind, "line": p.line} for p in s.paragraphs],
            } for s in r.sections],
        })
    return {"reports": out}


def dumps(data: dict) -> str:
    """Fixed key order and separators: the same corpus always gives the same bytes. One record
    (a report, a commitment) a line, compact: still read and compared line by line, where an
    indented file was a third white space (the site's size limit binds at scale)."""
    def one(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)

    fields = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            fields.append(f"{one(key)}:[\n" + ",\n".join(one(v) for v in value) + "\n]")
        else:
            fields.append(f"{one(key)}:{one(value)}")
    return "{" + ",\n".join(fields) + "}\n"


CSV_FIELDS = ["report", "section", "section_number", "section_title", "paragraph", "kind", "url", "text"]


def corpus_csv(reports: list[Report]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header(CSV_FIELDS))
    for r in reports:
        for s, p in r.paragraphs():
            w.writerow([r.id, s.anchor, s.number or "", s.title, p.anchor, p.kind, f"{s.page}#{p.anchor}", p.text])
    return BOM + buf.getvalue()          # csvtable.py: BOM and bilingual header, for spreadsheets

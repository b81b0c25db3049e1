"""Hand-built reports for the commitment tests (no test functions here)."""
from policyexplorer.model import Paragraph, Report, Section


def make_report(rid, place, sections, kind="government-work-report"):
    """sections: list of (anchor, looks, years, [paragraph texts] or [(text, kind)])."""
    out = []
    for anchor, looks, years, paras in sections:
        ps = []
        for i, p in enumerate(paras, start=1):
            text, pkind = (p, "p") if isinstance(p, str) else p
            ps.append(Paragraph(anchor=f"{anchor}-p{i}", text=text, line=i, kind=pkind))
        out.append(Section(anchor=anchor, number=None, title=anchor, level=1, parent=None, kind="section",
                           line=1, looks=looks, years=list(years), paragraphs=ps, page=f"reports/{rid}/{anchor}/"))
    meta = {"id": rid, "place": place, "kind": kind, "plan_years": [], "review_years": []}
    return Report(rid, meta, out, [], f"data/reports/{rid}/source.txt")

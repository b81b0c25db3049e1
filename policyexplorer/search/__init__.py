"""Static full-text search: a sharded bigram index built in Python, queried by docs/assets/search/search.js.

build_index(docs, out_dir, lang) writes one variant's index (see index.py for the file layout),
build_indexes([(docs, out_dir, lang), ...]) several variants of one corpus sharing the work;
docs_from_reports(reports, convert=None) turns parsed reports into the documents they take.
"""
from ..model import newest_first
from .index import build_index, build_indexes
from .normalize import clean_display, keys, normalize, units
from .query import Index, search

__all__ = ["build_index", "build_indexes", "docs_from_reports", "Index", "search", "normalize", "units", "keys", "clean_display"]


def docs_from_reports(reports, convert=None) -> list[dict]:
    """One document per paragraph, newest report first (delivery date, then id: the ranking's last
    tie-break), paragraphs in reading order. convert: str -> str for the Traditional variant
    (e.g. policyexplorer.convert.Converter(...).to_hant); None keeps the Simplified text."""
    conv = convert or (lambda s: s)
    docs = []
    for report in newest_first(reports):
        title = conv(str(report.meta.get("title") or report.id))
        for section, paragraph, _, own_years in report.oriented():
            years = list(own_years) or report.plan_years or report.review_years
            docs.append({
                "url": f"{section.page}#{paragraph.anchor}",
                "text": conv(paragraph.text),
                "title": conv(section.title or ""),
                "report": report.id,
                "report_title": title,
                "years": years,
                "kind": paragraph.kind,
            })
    return docs

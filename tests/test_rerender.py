"""A rebuild renders again only the pages whose inputs changed (site/rerender.py): a page's own
context (reports by content key), and what its render read of the state pages share."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policyexplorer import ingest, workers
from policyexplorer.build import build
from policyexplorer.commitments import build_tracker
from policyexplorer.site import rerender
from policyexplorer.site.glossary import Glossary
from policyexplorer.site.pages import Renderer, site_pages, walk
from policyexplorer.site.tracker import row_pages, tracker_pages

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture(scope="module")
def corpus():
    reports = ingest.load_corpus(DATA)
    tracker = build_tracker(reports, DATA)
    return reports, tracker


def pages_of(reports, tracker):
    """The site's pages as build.py lays them out."""
    extra, years = tracker_pages(reports, tracker, DATA)
    pages = site_pages(reports, tracker.marks, extra=extra, tracker_years=years,
                       row_pages=row_pages(reports, tracker.commitments), glossary=Glossary.load(DATA, reports))
    return {p.path: p for p in walk(pages)}


def rendered(page) -> rerender.Entry:
    with rerender.watching() as reads:
        list(page.texts())
    return rerender.Entry("", reads)


def test_keys_follow_the_context_not_the_objects(corpus):
    reports, tracker = corpus
    refs = rerender.References(reports)
    a, b = pages_of(reports, tracker), pages_of(reports, tracker)
    assert len(a) > 250
    keys = {path: rerender.page_key(p, "base", refs) for path, p in a.items()}
    assert None not in keys.values(), "every page of the corpus has a key (a picklable context)"
    assert keys == {path: rerender.page_key(p, "base", refs) for path, p in b.items()}   # rebuilt alike
    assert len(set(keys.values())) == len(keys)
    page = a["reports/wuchang-2025-gwr/s1/"]
    assert rerender.page_key(page, "other base", refs) != keys[page.path]
    # a report is in a key by its text key: a new parse (new key) changes its pages' keys
    report = next(r for r in reports if r.id == "wuchang-2025-gwr")
    old = report.text_key
    try:
        report.text_key = "changed"
        assert rerender.page_key(page, "base", rerender.References(reports)) != keys[page.path]
    finally:
        report.text_key = old


def test_a_page_is_rendered_again_when_a_shared_read_changes(corpus):
    reports, tracker = corpus
    refs = rerender.References(reports)
    pages = pages_of(reports, tracker)
    page = next(p for path, p in pages.items() if path.startswith("reports/") and
                {"row_page", "gloss_term"} <= {name for name, _ in rendered(p).reads})
    entry = rendered(page)
    entry.key = "k"
    assert {name for name, _ in entry.reads} == {"row_page", "gloss", "gloss_term", "meta"}
    assert rerender.unchanged(page, "k", entry, refs)
    assert not rerender.unchanged(page, "other", entry, refs)
    renderer = page.body.func.__self__
    (_, (cid, _, _)) = next(k for k in entry.reads if k[0] == "row_page")
    before = renderer.row_pages[cid]
    renderer.row_pages[cid] = "tracker/2099/elsewhere/"       # the commitment's row moved
    try:
        assert not rerender.unchanged(page, "k", entry, refs)
    finally:
        renderer.row_pages[cid] = before
    assert rerender.unchanged(page, "k", entry, refs)
    glossary = renderer.gloss.glossary
    (_, (report_id, form)) = next(k for k in entry.reads if k[0] == "gloss_term")
    term = glossary.terms_for(report_id)[1][form]
    term.explanation += "（改）"                                # a term its paragraphs explain
    try:
        assert renderer.current("gloss_term", (report_id, form)) != entry.reads[("gloss_term", (report_id, form))]
        assert renderer.current("gloss", (report_id,)) == entry.reads[("gloss", (report_id,))]
        assert not rerender.unchanged(page, "k", entry, refs)
    finally:
        term.explanation = term.explanation[:-len("（改）")]
    glossary._patterns.clear()
    glossary._digests.clear()
    glossary.curated[0].forms.append("一个新写法")               # a form its pages look for
    try:
        assert renderer.current("gloss", (report_id,)) != entry.reads[("gloss", (report_id,))]
        assert not rerender.unchanged(page, "k", entry, refs)
    finally:
        glossary.curated[0].forms.pop()
        glossary._patterns.clear()
        glossary._digests.clear()


def test_a_page_depends_on_the_meta_fields_it_reads(corpus):
    """A report is in a key by its text (as parsed), its meta.yml fields by the reads a render
    notes (model.Meta): a new title re-renders the report's own pages, not a tracker list that
    shows its place, years and kind."""
    reports, tracker = corpus
    refs = rerender.References(reports)
    pages = pages_of(reports, tracker)
    report = next(r for r in reports if r.id == "wuchang-2025-gwr")
    own, rows = pages["reports/wuchang-2025-gwr/"], pages[f"tracker/2025/{report.place_slug}/"]
    entries = {p.path: rendered(p) for p in (own, rows)}
    for entry in entries.values():
        entry.key = "k"
    assert ("meta", ("wuchang-2025-gwr", "title")) in entries[own.path].reads
    assert ("meta", ("wuchang-2025-gwr", "title")) not in entries[rows.path].reads
    assert ("meta", ("wuchang-2025-gwr", "place")) in entries[rows.path].reads
    title = report.meta["title"]
    try:
        dict.__setitem__(report.meta, "title", title + "（修订）")
        assert not rerender.unchanged(own, "k", entries[own.path], refs)
        assert rerender.unchanged(rows, "k", entries[rows.path], refs)
        dict.__setitem__(report.meta, "kind", "other")
        assert not rerender.unchanged(rows, "k", entries[rows.path], refs)
    finally:
        dict.__setitem__(report.meta, "title", title)
        dict.__setitem__(report.meta, "kind", "government-work-report")
    assert all(rerender.unchanged(p, "k", entries[p.path], refs) for p in (own, rows))


def test_a_rebuild_after_a_new_title_renders_that_reports_pages_not_the_site(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    out = tmp_path / "b" / "site"
    build(data, out)
    meta = data / "reports" / "wuchang-2025-gwr" / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("title: ", "title: 修订 ", 1), encoding="utf-8")

    seen: list[str] = []
    render = Renderer.render

    def counting(self, template, page, **context):
        seen.append(page)
        return render(self, template, page, **context)
    monkeypatch.setattr(Renderer, "render", counting)
    monkeypatch.setattr(workers, "LEAST", 10 ** 9)            # pages rendered in this process
    result = build(data, out)
    assert "修订 " in (out / "reports" / "wuchang-2025-gwr" / "index.html").read_text(encoding="utf-8")
    assert seen and len(set(seen)) < result.pages // 4
    # another report's page renders again only where it explains a term of this report's notes
    # (issue #23 B): its tooltip names the report by its title
    for p in {p for p in seen if p.startswith("reports/") and "wuchang-2025-gwr" not in p and p != "reports/"}:
        assert '<span class="pe-tip__src">修订 ' in (out / p / "index.html").read_text(encoding="utf-8"), p

    clean = tmp_path / "clean" / "site"
    build(data, clean, incremental=False)
    got = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    want = {p.relative_to(clean).as_posix(): p.read_bytes() for p in clean.rglob("*") if p.is_file()}
    assert got.keys() == want.keys()
    assert [k for k in want if got[k] != want[k]] == []

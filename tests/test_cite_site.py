"""Quote, cite, share (issue #13) on the built site: titles and link previews on every page, the
引用 action in a browser (clipboard read back, both forms, both scripts; file:// without a
clipboard API), and a site built with a site address (canonical links, og:url, sitemap of both
scripts) and a report whose meta.yml gives its document number and official address."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import Tab
from htmltree import parse

from policyexplorer.convert import converter_for
from policyexplorer.ingest import load_corpus
from policyexplorer.localserver import serve
from policyexplorer.site.cite import citation, paragraph_label
from policyexplorer.site.pages import section_heading
from policyexplorer.site.ui import UiStrings, mark, unmark

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SITE_NAME = {"": "政府报告政策浏览", "zh-Hant/": "政府報告政策瀏覽"}
PREFIXES = ["", "zh-Hant/"]
CLIPBOARD = ["clipboard-read", "clipboard-write"]


@pytest.fixture(scope="module")
def reports():
    return {r.id: r for r in load_corpus(DATA)}


@pytest.fixture(scope="module")
def in_script():
    """Simplified text as a page of that script shows it: report text (marked) through OpenCC and
    the overrides, interface words from data/ui.yml, the way the build converts pages."""
    ui, conv = UiStrings.load(DATA / "ui.yml"), converter_for(DATA).to_hant
    return lambda text, prefix: ui.to_hant(text, conv) if prefix else unmark(text)


def head(doc):
    metas = {}
    for e in doc.iter():
        if e.tag == "meta" and (e.get("property") or e.get("name")):
            metas[e.get("property") or e.get("name")] = e.get("content")
    return metas


def pages_of(site: Path, prefix: str) -> list[Path]:
    root = site / prefix
    return sorted(p for p in root.rglob("index.html") if prefix or "zh-Hant" not in p.relative_to(root).parts)


# titles and previews ------------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_page_has_its_own_title_and_preview(built_site, prefix):
    titles, descriptions = {}, {}
    for path in pages_of(built_site, prefix):
        doc = parse(path)
        where = path.relative_to(built_site).as_posix()
        title = next(doc.find_all("title"))          # the head's (an SVG chart has titles too)
        titles.setdefault(title.text().strip(), []).append(where)
        m = head(doc)
        for name in ("description", "og:title", "og:description", "og:type", "og:locale", "og:site_name",
                     "twitter:card"):
            assert m.get(name), (where, name)
        assert m["og:locale"] == ("zh_TW" if prefix else "zh_CN") and m["twitter:card"] == "summary"
        assert title.text().strip().startswith(m["og:title"]), where
        assert "og:url" not in m, "no site address: nothing absolute"
        assert "twitter:title" not in m and "twitter:description" not in m   # X reads og:title, og:description
        assert not [e for e in doc.iter() if e.tag == "link" and e.get("rel") == "canonical"], where
        descriptions.setdefault(m["description"], []).append(where)
    same = {t: w for t, w in titles.items() if len(w) > 1}
    assert same == {}, same
    assert len(descriptions) > 0.9 * len(titles)          # the search page alone says only what the site is


@pytest.mark.parametrize("prefix", PREFIXES)
def test_section_pages_are_titled_section_and_report(built_site, reports, in_script, prefix):
    checked = 0
    for report in reports.values():
        # every section with a page of its own (a long section's subsections have theirs)
        for top in (s for s in report.sections if s.page == f"reports/{report.id}/{s.anchor}/"):
            doc = parse(built_site / prefix / top.page / "index.html")
            expected = in_script(f"{mark(section_heading(top))} - {mark(report.meta['title'])} - 政府报告政策浏览", prefix)
            assert next(doc.find_all("title")).text().strip() == expected
            m = head(doc)
            assert m["og:type"] == "article"
            first = next((p for s in report.sections if s.page == top.page for p in s.paragraphs), None)
            if first is not None:           # (a split section's own page may hold only its subsections' list)
                assert in_script(mark(first.text), prefix)[:12] in m["description"]
            assert m["description"]
            checked += 1
    assert checked > 20
    assert head(parse(built_site / prefix / "index.html"))["og:type"] == "website"


def test_without_a_site_address_the_sitemap_stays_empty(built_site):
    for prefix in PREFIXES:
        assert "<url>" not in (built_site / prefix / "sitemap.xml").read_text(encoding="utf-8")


def test_the_overview_cites_the_whole_report(built_site, reports, in_script):
    report = reports["wuhan-2025-gwr-tasks"]
    for prefix in PREFIXES:
        doc = parse(built_site / prefix / "reports" / report.id / "index.html")
        texts = {e.get("data-form"): e.text() for e in doc.iter() if "pe-cite__text" in e.classes}
        assert texts == {form: in_script(citation(report.meta, form, text=mark), prefix) for form in ("gbt", "plain")}
        number = in_script(mark("武政〔2025〕1号"), prefix)               # 1號 in Traditional
        assert f": {number}[EB/OL]" in texts["gbt"] and f"（{number}，" in texts["plain"]
    data = json.loads((built_site / "data" / "corpus.json").read_text(encoding="utf-8"))
    tasks = next(r for r in data["reports"] if r["id"] == report.id)
    assert tasks["document_number"] == "武政〔2025〕1号" and tasks["source_url"] is None


# the 引用 action in a browser ---------------------------------------------------------------------

TODAY = """() => { const d = new Date(), p = n => (n < 10 ? "0" : "") + n;
  return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate()); }"""


def copy_both(page, box: str) -> dict[str, str]:
    out = {}
    for form in ("gbt", "plain"):
        page.locator(f"{box} .pe-cite__text[data-form={form}] + .pe-cite__copy").click()
        page.wait_for_function("() => document.querySelector('.pe-cite__status').textContent !== ''")
        out[form] = page.evaluate("navigator.clipboard.readText()")
        assert out[form] == page.locator(f"{box} .pe-cite__text[data-form={form}]").inner_text()
        page.evaluate("document.querySelector('.pe-cite__status').textContent = ''")
    return out


@pytest.mark.parametrize("prefix", PREFIXES)
def test_cite_a_paragraph_and_a_heading_copies_both_forms(chromium, site_url, reports, in_script, prefix):
    report = reports["wuhan-2024-gwr"]
    sections = {s.anchor: s for s in report.sections}
    top, sub = sections["s2"], sections["s2-3"]
    t = Tab(chromium, permissions=CLIPBOARD)
    try:
        page = t.page
        url = site_url + prefix + "reports/wuhan-2024-gwr/s2/index.html"
        page.goto(url + "?from=search#s2-3-p2")
        page.wait_for_load_state("networkidle")
        button = page.locator("#s2-3-p2 .pe-cite-btn")
        assert button.inner_text() == ("引用" if not prefix else "引用")
        assert button.get_attribute("aria-expanded") == "false"
        assert page.locator(".pe-para .pe-cite-btn").count() == page.locator(".pe-para .pe-pl").count() > 20
        button.click()
        assert button.get_attribute("aria-expanded") == "true"
        today = page.evaluate(TODAY)
        got = copy_both(page, "#pe-cite-panel")
        where = paragraph_label(f"{section_heading(top)} {section_heading(sub)}", 2)
        for form in ("gbt", "plain"):
            expected = in_script(citation(report.meta, form, mark(where), url + "#s2-3-p2", today, text=mark), prefix)
            assert got[form] == expected
        if prefix:
            assert "武漢市人民政府" in got["plain"] and "報告人：程用文" in got["plain"] and "报" not in got["gbt"]
        assert got["gbt"].startswith(in_script(mark("武汉市人民政府. 2024年武汉市政府工作报告[EB/OL]. (2024-01-18)["), prefix))
        # one panel at a time: a heading's 引用 moves it; Escape closes it and returns focus
        page.locator("#s2-3 .pe-cite-btn").click()
        assert page.locator(".pe-cite").count() == 1 and button.get_attribute("aria-expanded") == "false"
        got = copy_both(page, "#pe-cite-panel")
        expected = in_script(citation(report.meta, "plain", mark(f"{section_heading(top)} {section_heading(sub)}"),
                                      url + "#s2-3", today, text=mark), prefix)
        assert got["plain"] == expected
        page.keyboard.press("Escape")
        assert page.locator(".pe-cite").count() == 0
        assert page.evaluate("document.activeElement.classList.contains('pe-cite-btn')")
        assert t.errors == []
    finally:
        t.close()


@pytest.mark.parametrize("prefix", PREFIXES)
def test_the_overview_copies_the_whole_report(chromium, site_url, reports, in_script, prefix):
    report = reports["wuhan-2025-gwr-tasks"]
    t = Tab(chromium, permissions=CLIPBOARD)
    try:
        url = site_url + prefix + f"reports/{report.id}/index.html"
        t.page.goto(url)
        t.page.wait_for_load_state("networkidle")
        today = t.page.evaluate(TODAY)
        got = copy_both(t.page, "[data-pe-cite-report]")
        for form in ("gbt", "plain"):
            assert got[form] == in_script(citation(report.meta, form, None, url, today, text=mark), prefix)
        assert t.errors == []
    finally:
        t.close()


def test_from_a_folder_without_a_clipboard_api_the_text_is_left_selected(chromium, built_site):
    t = Tab(chromium)
    try:
        page = t.page
        page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined});"
                             "document.execCommand = function () { return false; };")
        page.goto((built_site / "zh-Hant" / "reports" / "wuhan-2024-gwr" / "s2" / "index.html").as_uri())
        page.locator("#s2-p1 .pe-cite-btn").click()
        page.locator("#pe-cite-panel .pe-cite__text[data-form=plain] + .pe-cite__copy").click()
        text = page.locator("#pe-cite-panel .pe-cite__text[data-form=plain]").inner_text()
        assert page.evaluate("String(getSelection())") == text
        assert re.search(r"：file:///.*/zh-Hant/reports/wuhan-2024-gwr/s2/index\.html#s2-p1$", text), text
        assert "Ctrl+C" in page.locator("#pe-cite-panel .pe-cite__status").inner_text()
        assert t.errors == []
    finally:
        t.close()


# a site address, a document number and the official original --------------------------------------

ADDRESS = "https://example.org/policy/"
SOURCE_URL = "https://www.example.gov.cn/zwgk/2024/0110/a.html"


@pytest.fixture(scope="module")
def addressed_site(tmp_path_factory) -> Path:
    from policyexplorer.build import build
    top = tmp_path_factory.mktemp("addressed")
    data = top / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "good", data)
    meta = data / "reports" / "good-2024-gwr" / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8") + f"document_number: 示政〔2024〕1号\nsource_url: {SOURCE_URL}\n",
                    encoding="utf-8")
    build(data, top / "site", site_url=ADDRESS.rstrip("/"))
    return top / "site"


def test_with_a_site_address_pages_name_their_absolute_address(addressed_site):
    pages = {p: pages_of(addressed_site, p) for p in PREFIXES}
    for prefix, paths in pages.items():
        for path in paths:
            page = path.relative_to(addressed_site / prefix).as_posix()
            doc = parse(path)
            canonical = [e.get("href") for e in doc.iter() if e.tag == "link" and e.get("rel") == "canonical"]
            assert canonical == [ADDRESS + prefix + page]
            assert head(doc)["og:url"] == ADDRESS + prefix + page
    sitemap = (addressed_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert sorted(locs) == sorted(ADDRESS + prefix + p.relative_to(addressed_site / prefix).as_posix()
                                  for prefix, paths in pages.items() for p in paths)
    corpus = json.loads((addressed_site / "data" / "corpus.json").read_text(encoding="utf-8"))
    report = corpus["reports"][0]
    assert report["url"] == "reports/good-2024-gwr/" and report["source_url"] == SOURCE_URL
    assert report["document_number"] == "示政〔2024〕1号"


def test_the_overview_shows_the_document_number_and_the_official_original(addressed_site, in_script):
    for prefix in PREFIXES:
        doc = parse(addressed_site / prefix / "reports" / "good-2024-gwr" / "index.html")
        dds = [dd.text().strip() for dd in doc.find_all("dd")]
        number = in_script(mark("示政〔2024〕1号"), prefix)
        assert number in dds and SOURCE_URL in dds
        assert [a.get("href") for a in doc.find_all("a") if a.text() == SOURCE_URL] == [SOURCE_URL]
        texts = {e.get("data-form"): e.text() for e in doc.iter() if "pe-cite__text" in e.classes}
        assert texts["gbt"].endswith(f"原文: {SOURCE_URL}.") and f"{number}[EB/OL]" in texts["gbt"]
        assert texts["plain"].endswith(f"原文：{SOURCE_URL}")


def test_with_a_site_address_citations_use_it_wherever_the_site_is_opened(chromium, addressed_site):
    httpd = serve(addressed_site)
    t = Tab(chromium, permissions=CLIPBOARD)
    try:
        t.page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/zh-Hant/reports/good-2024-gwr/s2/index.html")
        t.page.wait_for_load_state("networkidle")
        t.page.locator("#s2-p1 .pe-cite-btn").click()
        got = copy_both(t.page, "#pe-cite-panel")
        assert f"{ADDRESS}zh-Hant/reports/good-2024-gwr/s2/index.html#s2-p1. 原文: {SOURCE_URL}." in got["gbt"]
        assert "示政〔2024〕1號[EB/OL]" in got["gbt"]
        assert got["plain"].endswith(f"：{ADDRESS}zh-Hant/reports/good-2024-gwr/s2/index.html#s2-p1；原文：{SOURCE_URL}")
        # the ¶ link copies the public address too
        t.page.locator("#s2-p1 .pe-pl").click()
        t.page.wait_for_function("() => document.querySelector('#pe-copied.pe-copied--shown')")
        assert t.page.evaluate("navigator.clipboard.readText()") == f"{ADDRESS}zh-Hant/reports/good-2024-gwr/s2/index.html#s2-p1"
        assert t.errors == []
    finally:
        t.close()
        httpd.shutdown()
        httpd.server_close()

"""Hostile text (issue #4): a source may carry <script>, HTML tags, Markdown (links, images, tables,
{#id} attribute lists), Jinja ({{ }}, {% %}) or MkDocs snippet syntax; all of it must show as
text, escaped, in both scripts and in the search index.

tests/fixtures/hostile holds a report made of such text (in its meta.yml too). It is built with
the command line; then every paragraph and heading on the pages must read exactly as the parsed
report says, nothing of it may become an element, attribute or script, and a browser loading the
pages and searching them must run none of it.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Tab, serve
from htmltree import parse

from policyexplorer.ingest import corpus
from policyexplorer.convert import converter_for
from policyexplorer.site.pages import section_heading
from policyexplorer.search.normalize import clean_display

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "fixtures" / "hostile"
RID = "hostile-2024-gwr"
SITE_NAME = "政府报告政策浏览"
VARIANTS = {"": "hans", "zh-Hant/": "hant"}
# What the fixture puts in front of each layer; every one must survive cleaning (checked below).
MARKERS = ['<script>window.pwned="para"</script>', '<img src="http://evil.example/p.png" onerror=',
           '[点这里](http://evil.example/link)', '![图](http://evil.example/img.png)', '<http://evil.example/auto>',
           '<a href="http://evil.example/a" id="pwned-a">', '<iframe src=', '<style>body{display:none}</style>',
           '{#pwned-attr .evil}', '{: #pwned-attr2 onclick=', '{{ config.site_name }}', '{% include "main.html" %}',
           '{#注释#}', '--8<-- "README.md"', '<!--', '</p></div></article>', '&amp; &lt;b&gt; &#60;i&#62;',
           '|表头一|表头二|', '<table><tr><td>', '{{ 7 * 7 }}', '<svg onload=', '`代码`']
INJECTED_IDS = {"pwned-heading", "pwned-issuer", "pwned-attr", "pwned-attr2", "pwned-a"}


@pytest.fixture(scope="module")
def report():
    r, _ = corpus.parse_report(DATA / "reports" / RID)
    return r


@pytest.fixture(scope="module")
def converters():
    hant = converter_for(DATA).to_hant
    return {"hans": lambda s: s, "hant": hant}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hostile") / "site"
    proc = subprocess.run([sys.executable, "-m", "policyexplorer", "build", "--data", str(DATA), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return out


def texts_of(report) -> list[str]:
    out = [str(v) for v in report.meta.values()]
    for s in report.sections:
        out.append(section_heading(s))
        out.extend(p.text for p in s.paragraphs)
    return out


def test_the_fixture_carries_every_kind_of_hostile_text(report):
    text = "\n".join(texts_of(report))
    missing = [m for m in MARKERS if m not in text]
    assert missing == [], f"cleaning removed them, the fixture no longer tests them: {missing}"
    assert "</title><script>" in report.meta["title"]


def skip_permalinks(e) -> bool:
    return bool(e.classes & {"pe-pl", "headerlink"})


@pytest.mark.parametrize("prefix", list(VARIANTS))
def test_every_heading_and_paragraph_reads_as_its_text(hostile_site, report, converters, prefix):
    conv = converters[VARIANTS[prefix]]
    tops = {s.page for s in report.sections}
    checked = 0
    for page in tops:
        doc = parse(hostile_site / prefix / page / "index.html")
        by_id = {e.get("id"): e for e in doc.iter() if e.get("id")}
        for s in (s for s in report.sections if s.page == page):
            heading = by_id[s.anchor]
            assert heading.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}
            assert heading.text(skip_permalinks).strip() == conv(section_heading(s)).strip(), s.anchor
            for p in s.paragraphs:
                element = by_id[p.anchor]
                assert element.tag == "p"
                assert element.text(skip_permalinks) == conv(p.text), p.anchor
                assert [c.tag for c in element.iter()][1:] == ["a"], f"{p.anchor}: only the permalink is an element"
                checked += 1
    assert checked == sum(len(s.paragraphs) for s in report.sections) > 10


@pytest.mark.parametrize("prefix", list(VARIANTS))
def test_metadata_reads_as_text_on_the_overview_and_home(hostile_site, report, converters, prefix):
    conv = converters[VARIANTS[prefix]]
    meta = report.meta
    overview = parse(hostile_site / prefix / "reports" / RID / "index.html")
    (title,) = overview.find_all("title")
    assert title.text().strip() == f"{conv(meta['title'])} - {conv(SITE_NAME)}"
    (h1,) = overview.find_all("h1")
    assert h1.text(skip_permalinks).strip() == conv(meta["title"])
    dds = [dd.text().strip() for dd in overview.find_all("dd")]
    for key in ("issuer", "source", "speaker"):
        assert conv(meta[key].strip()) in dds, key
    assert any(conv(meta["place"]) in dd for dd in dds)
    notes = [p.text().strip() for p in overview.find_all("p") if "pe-note" in p.classes]
    assert conv(meta["notes"][0]) in notes
    outline = [a.text() for a in overview.iter() if a.tag == "a" and a.parent.tag == "li"
               and "pe-outline" in (a.parent.parent.classes if a.parent.parent else set())]
    assert [conv(section_heading(s)) for s in report.sections] == outline
    home = parse(hostile_site / prefix / "index.html")
    assert conv(meta["title"]) in [a.text() for a in home.find_all("a", href=f"reports/{RID}/index.html")]


def test_nothing_in_the_text_becomes_markup(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        where = path.relative_to(hostile_site).as_posix()
        for e in parse(path).iter():
            assert not [a for a in e.attrs if a.startswith("on")], (where, e)
            assert e.get("id") not in INJECTED_IDS, (where, e)
            assert "evil" not in e.classes, (where, e)
            for attr in ("src", "href", "action", "srcset", "data"):
                assert "evil.example" not in (e.get(attr) or ""), (where, e)
            assert e.tag not in {"iframe", "svg"} or "evil" not in str(e.attrs), (where, e)
            if e.tag in {"script", "style"}:
                assert "pwned" not in e.text() and "display:none" not in e.text().replace(" ", ""), (where, e)
            if e.tag == "table":
                assert "单元格" not in e.text() and "單元格" not in e.text(), where
            if e.tag in {"a", "link"} and e.get("aria-label"):
                # labels are text, escaped once: a title with "<" must not read "&#60;" or "&lt;"
                assert not re.search(r"&(#\d+|[a-z]+);", e.get("aria-label")), (where, e.get("aria-label"))


def search_strings(site: Path, prefix: str) -> set[str]:
    out: set[str] = set()

    def walk(v):
        if isinstance(v, str):
            out.add(v)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)

    files = sorted((site / prefix / "search" / "data").rglob("*.js"))
    assert files
    for f in files:
        text = f.read_text(encoding="utf-8")
        m = re.fullmatch(r'peSearch\.add\("[^"]+",(.*)\);\n', text, re.S)
        assert m, f
        walk(json.loads(m.group(1)))
    return out


@pytest.mark.parametrize("prefix", list(VARIANTS))
def test_search_index_holds_the_text_as_text(hostile_site, report, converters, prefix):
    conv = converters[VARIANTS[prefix]]
    strings = search_strings(hostile_site, prefix)
    for s in report.sections:
        for p in s.paragraphs:
            assert clean_display(conv(p.text)) in strings, p.anchor
    assert conv(report.meta["title"]) in strings


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    httpd = serve(hostile_site)
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


NOTHING_RAN = """() => ({
  pwned: typeof window.pwned !== "undefined" || typeof window.__pwned !== "undefined",
  injected: document.querySelectorAll('[id^="pwned-"], .evil, iframe, svg[onload], [onerror], [onload], [onclick], a[href*="evil"], img[src*="evil"]').length,
  hidden: getComputedStyle(document.body).display === "none",
  title: document.title,
})"""


@pytest.mark.parametrize("prefix", list(VARIANTS))
def test_in_a_browser_nothing_runs_and_nothing_is_fetched(chromium, hostile_url, report, converters, prefix):
    conv = converters[VARIANTS[prefix]]
    t = Tab(chromium)
    try:
        page = t.page
        for path in ["index.html", f"reports/{RID}/index.html"] + [f"{s.page}index.html" for s in report.sections if not s.parent]:
            page.goto(hostile_url + prefix + path)
            page.wait_for_load_state("networkidle")
            state = page.evaluate(NOTHING_RAN)
            assert state["pwned"] is False and state["injected"] == 0 and state["hidden"] is False, (path, state)
        assert state["title"]                                           # the last page: a section
        page.goto(hostile_url + prefix + f"reports/{RID}/index.html")
        assert page.title() == f"{conv(report.meta['title'])} - {conv(SITE_NAME)}"
        # search: the hostile paragraph comes back as text
        page.goto(hostile_url + prefix + "search/index.html?q=图片标签")
        page.wait_for_selector("#pe-search[data-ms]")
        results = page.locator(".pe-search__results")
        assert conv('<img src="http://evil.example/p.png"') in results.inner_text()
        state = page.evaluate(NOTHING_RAN)
        assert state["pwned"] is False and state["injected"] == 0, state
        assert [u for u in t.requests if not u.startswith((hostile_url, "data:"))] == []
        assert t.errors == []
    finally:
        t.close()

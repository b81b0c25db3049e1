"""The commitment tracker's pages in the built site: years, rows, indicators, agencies, filters."""
from __future__ import annotations

import json
import posixpath
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

from policyexplorer.commitments import build_tracker
from policyexplorer.convert import converter_for
from policyexplorer.site.tracker import Agencies, tracker_pages

from test_commitments_support import make_report

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = ["", "zh-Hant/"]


class Html(HTMLParser):
    """ids, links and table rows (<tr id=...>: attributes, inner HTML span) of one page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])


@lru_cache(maxsize=None)
def parse(path: Path) -> Html:
    return Html(path.read_text(encoding="utf-8"))


def row_html(text: str, cid: str) -> str:
    start = text.index(f'<tr id="{cid}"')
    return text[start: text.index("</tr>", start)]


def year_text(site: Path, year: int) -> str:
    """Every place page of one tracker year (and their later pages), one after another."""
    pages = sorted((site / "tracker" / str(year)).glob("*/**/index.html"))
    assert pages, year
    return "".join(p.read_text(encoding="utf-8") for p in pages)


def list_pages(site: Path, path: str) -> list[Path]:
    """A tracker list (paginate.py): page 1 at `path`, then its pages 2, 3, … in order."""
    folder = site / path
    later = sorted((p for p in folder.iterdir() if p.name.isdigit()), key=lambda p: int(p.name))
    return [f / "index.html" for f in [folder, *later]]


def list_text(site: Path, path: str) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in list_pages(site, path))


def rows_of(text: str) -> list[dict]:
    return [dict(id=m.group(1), status=m.group(2), html=row_html(text, m.group(1)))
            for m in re.finditer(r'<tr id="([^"]+)" class="pe-trow"[^>]*>\n<td class="pe-tc-status"><span class="pe-badge pe-badge--([a-z_]+)"', text)]


def resolve(site: Path, page_file: Path, href: str) -> tuple[Path, str | None]:
    """A relative link on page_file as (target file, anchor)."""
    path, _, anchor = href.partition("#")
    rel = posixpath.normpath(posixpath.join(page_file.parent.relative_to(site).as_posix(), path))
    return site / rel, (anchor or None)


def assert_resolves(site: Path, page_file: Path, href: str) -> None:
    target, anchor = resolve(site, page_file, href)
    assert target.exists(), f"{page_file}: {href} -> missing {target}"
    if anchor and target.suffix == ".html":
        assert anchor in parse(target).ids, f"{page_file}: {href} -> no #{anchor} in {target}"


@pytest.fixture(scope="module")
def commitments(built_site):
    return json.loads((built_site / "data" / "commitments.json").read_text(encoding="utf-8"))["commitments"]


def find(commitments, report, year, text):
    found = [c for c in commitments if c["report"] == report and c["year"] == year and text in c["text"]]
    assert found, (report, year, text)
    return found[0]


# ---- pages ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", VARIANTS)
def test_tracker_pages_exist_in_both_scripts(built_site, prefix):
    for path in ["tracker/", "tracker/2024/", "tracker/2025/", "tracker/indicators/", "tracker/agencies/",
                 "tracker/indicators/urban-new-jobs/", "tracker/agencies/drc/"]:
        assert (built_site / prefix / path / "index.html").exists(), prefix + path
    home = (built_site / prefix / "index.html").read_text(encoding="utf-8")
    assert 'href="tracker/2024/index.html"' in home and 'href="tracker/2025/index.html"' in home


def test_every_year_of_the_data_has_a_page_and_every_commitment_a_row(built_site, commitments):
    by_year: dict[int, set[str]] = {}
    for c in commitments:
        by_year.setdefault(c["year"], set()).add(c["id"])
    for year, ids in by_year.items():
        for prefix in VARIANTS:
            text = year_text(built_site / prefix, year)
            rows = {r["id"]: r["status"] for r in rows_of(text)}
            assert set(rows) == ids, (prefix, year)
            assert all(rows[c["id"]] == c["status"] for c in commitments if c["year"] == year)


@pytest.mark.parametrize("prefix", VARIANTS)
def test_known_commitment_row(built_site, commitments, prefix):
    words = converter_for(ROOT / "data").to_hant if prefix else (lambda s: s)
    c = find(commitments, "wuhan-2024-gwr", 2024, "城镇新增就业25万人")
    page = built_site / prefix / "tracker/2024/wuhan/index.html"
    row = row_html(page.read_text(encoding="utf-8"), c["id"])
    assert '<td class="pe-tc-status"><span class="pe-badge pe-badge--exceeded">' in row
    assert words("超额完成") in row                    # the status, in words
    assert words("25万人以上") in row                  # the target
    assert words("29.8万人") in row                    # the reported figure
    assert "0.90" in row and "5%" in row             # the confidence and the rule that decided
    assert words("城镇新增就业") in row                 # the shared indicator
    hrefs = re.findall(r'href="([^"]+)"', row)
    # both passages: the commitment's paragraph and the outcome's, at their anchors
    outcome = c["outcomes"][0]
    for url in (c["url"], outcome["url"]):
        path, _, anchor = url.partition("#")
        want = [h for h in hrefs if h.endswith(f"{path}index.html#{anchor}")]
        assert want, (url, hrefs)
        assert_resolves(built_site, page, want[0])
    for h in hrefs:
        assert_resolves(built_site, page, h)


def test_no_report_rows_are_listed_and_labelled(built_site, commitments):
    silent = [c for c in commitments if c["year"] == 2024 and c["status"] == "no_report"]
    assert silent, "the corpus has 2024 commitments no later report speaks of"
    pages = list_pages(built_site, "tracker/2024/wuhan/")
    rows = [(page, r) for page in pages for r in rows_of(page.read_text(encoding="utf-8")) if r["status"] == "no_report"]
    assert len(rows) == len(silent)
    text = pages[0].read_text(encoding="utf-8")
    for page, r in rows:
        assert '<span class="pe-badge pe-badge--no_report">后续报告未提及</span>' in r["html"]
        # why a row is silent is said once on its page, above the list, with the report that
        # looked back on the year (it was repeated on every silent row)
        assert "pe-silent" not in r["html"] and "没有说" not in r["html"]
        note = re.search(r'<p class="pe-silent-note">(.*?)</p>', page.read_text(encoding="utf-8"), re.S)
        assert note and "没有说标为“后续报告未提及”的承诺做得怎样" in note.group(1)
        review = re.findall(r'href="([^"]+)"', note.group(1))
        assert review and "wuhan-2025-plan" in review[0]
        assert_resolves(built_site, page, review[0])
    # counted as plainly as the successes, and in the filter
    assert re.search(r'pe-badge--no_report">后续报告未提及</span> <span class="pe-tally__n">%d项' % len(silent), text)
    # (a list of several pages has its filter choices in list.js beside page 1)
    choices = json.loads((built_site / "tracker/2024/wuhan/list.js").read_text(encoding="utf-8")
                         .removeprefix("window.peTrackerList = ").rstrip().rstrip(";"))
    assert ["no_report", "后续报告未提及", len(silent)] in choices["options"]["status"]


def test_pending_rows_say_why(built_site, commitments):
    rows = rows_of(year_text(built_site, 2025))
    assert rows and all(r["status"] == "pending" for r in rows)
    assert all("尚无后续报告" in r["html"] for r in rows)


def test_indicator_page_lists_its_commitments(built_site, commitments):
    page = built_site / "tracker/indicators/urban-new-jobs/index.html"
    text = page.read_text(encoding="utf-8")
    assert "<h1" in text and "城镇新增就业" in text
    mine = [c for c in commitments if c["indicator"] == "urban-new-jobs"]
    assert {c["year"] for c in mine} >= {2024, 2025}
    for c in mine:
        slug = {"wuchang-2025-gwr": "wuchang"}.get(c["report"], "wuhan")
        # the row's page: its place's year list, page 1 or a later page
        found = re.search(r'href="(\.\./\.\./%d/%s/(?:\d+/)?index\.html#%s)"' % (c["year"], slug, re.escape(c["id"])), text)
        assert found, c["id"]
        assert_resolves(built_site, page, found.group(1))
    assert "29.8万人" in text and "25万人以上" in text
    index = built_site / "tracker/indicators/index.html"
    assert 'href="urban-new-jobs/index.html"' in index.read_text(encoding="utf-8")


def test_agency_page_lists_what_it_leads(built_site, commitments):
    text = list_text(built_site, "tracker/agencies/drc/")
    assert "市发展和改革委员会" in text and "市发改委" in text
    led = [c for c in commitments if "市发展和改革委员会" in c["agencies"]["lead"]]
    supported = [c for c in commitments if "市发展和改革委员会" in c["agencies"]["support"]]
    assert led and supported
    lead_part, support_part = text.split('id="support"', 1)
    for c in led:
        assert f'#{c["id"]}"' in lead_part, c["id"]
    for c in supported:
        assert f'#{c["id"]}"' in support_part, c["id"]
    index = (built_site / "tracker/agencies/index.html").read_text(encoding="utf-8")
    assert 'href="drc/index.html"' in index


def test_a_list_of_one_reports_rows_names_the_report_once(built_site):
    # every row of an agency's list comes from the task breakdown: named once, above the rows
    page = (built_site / "tracker/agencies/commerce/index.html").read_text(encoding="utf-8")
    assert page.count("这些承诺都出自武汉市2025年任务分解") == 1 and 'class="pe-tc-meta"' not in page
    hant = (built_site / "zh-Hant/tracker/agencies/commerce/index.html").read_text(encoding="utf-8")
    assert "這些承諾都出自" in hant
    # an indicator's rows come from several reports: each row names its own
    jobs = (built_site / "tracker/indicators/urban-new-jobs/index.html").read_text(encoding="utf-8")
    assert "这些承诺都出自" not in jobs and jobs.count('class="pe-tc-meta"') >= 2


def test_every_link_on_tracker_pages_resolves(built_site):
    for prefix in VARIANTS:
        for page in sorted((built_site / prefix / "tracker").rglob("index.html")):
            for h in set(parse(page).hrefs):
                if h.startswith(("http:", "https:", "mailto:")):
                    pytest.fail(f"{page}: external link {h}")
                if h.startswith("#"):
                    assert h[1:] in parse(page).ids, (page, h)
                    continue
                assert_resolves(built_site, page, h)


def test_report_marks_link_to_tracker_rows(built_site):
    seen = 0
    for page in sorted((built_site / "reports").rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        for h in re.findall(r'href="([^"]+)">追踪</a>', text) + re.findall(r'class="pe-mark__row" href="([^"]+)"', text):
            assert "/tracker/" in h and "#" in h
            assert_resolves(built_site, page, h)
            seen += 1
    assert seen > 100


# ---- the generator itself --------------------------------------------------------------------------

HOSTILE = '<script>alert(1)</script>{{ x }}{#a} **b** [c](http://evil.example)'


def test_report_text_is_escaped_everywhere(tmp_path):
    (tmp_path / "agencies.yml").write_text("agencies: []\n", encoding="utf-8")
    plan = make_report("x-2024-gwr", "X市", [("s2", "forward", [2024], [
        f"城镇新增就业25万人以上{HOSTILE}，建成汉剧博物馆{HOSTILE}。",
        (f"(一)新增学位5万个{HOSTILE}。(牵头单位:市教育局{HOSTILE};责任单位:各区人民政府)", "item")])])
    review = make_report("x-2025-plan", "X市", [("s1", "back", [2024], [f"城镇新增就业29.8万人{HOSTILE}。"])])
    reports = [plan, review]
    tracker = build_tracker(reports, tmp_path)
    pages, years = tracker_pages(reports, tracker, tmp_path)
    assert years == [2024]

    def walk(ps):
        for p in ps:
            yield p
            yield from walk(p.children)

    all_pages = list(walk(pages))
    assert {p.path for p in all_pages} >= {"tracker/", "tracker/2024/", "tracker/indicators/urban-new-jobs/"}
    assert any(p.path.startswith("tracker/agencies/u-") for p in all_pages), "an unlisted agency gets a slug"
    for p in all_pages:
        assert re.fullmatch(r"(tracker|places)/([a-z0-9-]+/)*", p.path), p.path     # places/: site/places.py
        assert "<script>alert" not in p.markdown, p.path
        # Markdown only ever sees headings (entity-escaped); everything else is a raw HTML block,
        # where Markdown, attribute lists and links in the source stay text.
        for line in p.markdown.splitlines():
            assert line == "" or line.startswith(("<", "#")), (p.path, line)
            if line.startswith("#"):
                assert not re.search(r"[<>\[\]*_`]", re.sub(r" \{#[a-z0-9-]+\}$", "", line)), (p.path, line)
    year = next(p for p in all_pages if p.path.startswith("tracker/2024/p-"))    # X市 is in no places.yml
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in year.markdown


def test_agency_slugs_are_stable_ascii(tmp_path):
    agencies = Agencies(ROOT / "data" / "agencies.yml")
    assert agencies.get("市发展和改革委员会").id == "drc"
    unknown = agencies.get("市某某新设办公室")
    assert re.fullmatch(r"u-[0-9a-f]{10}", unknown.id) and not unknown.listed
    assert Agencies(ROOT / "data" / "agencies.yml").get("市某某新设办公室").id == unknown.id
    ids = [a.id for a in agencies.by_name.values() if a.listed]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


# ---- in the browser ------------------------------------------------------------------------------

def visible_statuses(page) -> list[str]:
    return page.eval_on_selector_all("tr.pe-trow", "rows => rows.filter(r => r.offsetParent !== null).map("
                                     "r => r.querySelector('td.pe-tc-status .pe-badge').className.match(/pe-badge--(\\w+)/)[1])")


def filtered(page) -> None:
    """Wait until the filters show the rows of every page of the list (#pe-results)."""
    page.wait_for_function("!document.getElementById('pe-results').hidden")


def test_status_filter_hides_and_shows_rows(tab, site_url, commitments):
    page = tab.page
    page.goto(site_url + "tracker/2024/wuhan/index.html")
    own = page.locator("tr.pe-trow").count()
    total = int(page.get_attribute("#pe-filters", "data-total"))
    assert own < total, "the 2024 list spans several pages"
    assert len(visible_statuses(page)) == own
    assert page.locator("#pe-f-count").inner_text() == f"共 {total} 项"
    status = page.get_by_label("状态", exact=True)
    assert status.is_visible()
    status.select_option("no_report")
    filtered(page)
    shown = visible_statuses(page)
    silent = [c for c in commitments if c["year"] == 2024 and c["status"] == "no_report"
              and c["report"].startswith("wuhan-")]
    # every page's silent commitments, not only this page's
    assert set(shown) == {"no_report"} and len(shown) == len(silent)
    assert page.locator("#pe-f-count").inner_text() == f"显示 {len(shown)} 项，共 {total} 项"
    assert "status=no_report" in page.url
    assert page.locator(".pe-pager").first.is_hidden()
    status.select_option("exceeded")
    shown = visible_statuses(page)
    assert shown and set(shown) == {"exceeded"}
    # keyboard: the reset button is reachable with Tab and works with Enter
    page.get_by_label("排序").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "reset"
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('tr.pe-trow:not([hidden])').length === {own}")
    assert "status=" not in page.url
    assert page.locator(".pe-pager").first.is_visible()
    assert tab.errors == []


def test_counts_follow_the_filters_and_rows_sort(tab, site_url):
    page = tab.page
    page.goto(site_url + "tracker/2024/wuhan/index.html?sort=status")
    filtered(page)
    statuses = visible_statuses(page)
    order = ["exceeded", "met", "partly", "missed", "reported", "no_report", "pending"]
    assert statuses == sorted(statuses, key=order.index) and len(set(statuses)) > 2
    area = page.eval_on_selector_all("select[name=area] option", "os => os.map(o => o.value).filter(Boolean)")[0]
    page.select_option("select[name=area]", area)
    shown = visible_statuses(page)
    counts = page.eval_on_selector_all("select[name=status] option[value]:not([value=''])",
                                       "os => os.map(o => [o.value, o.textContent])")
    for value, text in counts:
        assert text.endswith(f"（{shown.count(value)}）"), (value, text)
    assert tab.errors == []


def test_a_list_on_one_page_filters_its_own_rows(tab, site_url):
    # an agency's list fits one page: its rows carry what its form filters on, nothing empty
    page = tab.page
    page.goto(site_url + "tracker/agencies/commerce/index.html")
    assert page.locator(".pe-pager").count() == 0
    own = page.locator("tr.pe-trow").count()
    assert own == int(page.get_attribute("#pe-filters", "data-total"))
    assert page.locator("tr.pe-trow[data-indicator=''], tr.pe-trow[data-agencies='']").count() == 0
    area = page.eval_on_selector_all("select[name=area] option", "os => os.map(o => o.value).filter(Boolean)")[0]
    page.select_option("select[name=area]", area)
    page.select_option("select[name=agency]", "drc")
    filtered(page)
    rows = page.eval_on_selector_all("#pe-results tr.pe-trow", "rows => rows.map(r => [r.dataset.area, r.dataset.agencies])")
    assert 0 < len(rows) < own
    assert all(a == area and "drc" in ag.split() for a, ag in rows)
    assert page.locator("#pe-f-count").inner_text() == f"显示 {len(rows)} 项，共 {own} 项"
    # an indicator's own page offers no indicator filter (its one choice would be itself)
    page.goto(site_url + "tracker/indicators/urban-new-jobs/index.html")
    assert page.locator("select[name=indicator]").count() == 0
    assert tab.errors == []


def test_pages_of_a_list_work_without_javascript(chromium, site_url):
    from conftest import Tab
    t = Tab(chromium, java_script_enabled=False)
    try:
        t.page.goto(site_url + "tracker/2025/wuhan/index.html")
        first = t.page.eval_on_selector_all("tr.pe-trow", "rs => rs.map(r => r.id)")
        t.page.locator(".pe-pager a", has_text="2").first.click()
        t.page.wait_for_url("**/tracker/2025/wuhan/2/index.html")
        second = t.page.eval_on_selector_all("tr.pe-trow", "rs => rs.map(r => r.id)")
        assert first and second and not set(first) & set(second)
        assert t.page.locator(".pe-pager__here").first.inner_text() == "2"
    finally:
        t.close()


def test_an_address_of_page_one_finds_a_row_on_a_later_page(tab, site_url):
    page = tab.page
    page.goto(site_url + "tracker/2025/wuhan/3/index.html")
    cid = page.eval_on_selector("tr.pe-trow", "r => r.id")
    page.goto(site_url + "tracker/2025/wuhan/index.html#" + cid)
    page.wait_for_url("**/tracker/2025/wuhan/3/index.html#*")
    assert page.evaluate(f"document.getElementById({json.dumps(cid)}).offsetParent !== null")
    assert tab.errors == []


def test_filters_combine_and_hide_empty_groups(tab, site_url):
    page = tab.page
    page.goto(site_url + "tracker/2025/wuhan/index.html?agency=drc")
    filtered(page)
    assert page.get_by_label("责任单位（牵头或配合）").input_value() == "drc"
    agencies = page.eval_on_selector_all("tr.pe-trow:not([hidden])", "rows => rows.map(r => r.dataset.agencies)")
    assert agencies and all("drc" in a.split() for a in agencies)
    # the five-year plan names no agencies: its heading and table hide
    assert page.locator("#r-wuhan-fyp14").is_hidden()
    page.get_by_label("领域").select_option("livelihood")
    rows = page.eval_on_selector_all("tr.pe-trow:not([hidden])", "rows => rows.map(r => [r.dataset.area, r.dataset.agencies])")
    assert rows and all(area == "livelihood" and "drc" in ag.split() for area, ag in rows)
    assert tab.errors == []


def test_a_link_to_a_row_shows_it_whatever_the_filter(tab, site_url, commitments):
    c = find(commitments, "wuhan-2024-gwr", 2024, "城镇新增就业25万人")
    page = tab.page
    page.goto(site_url + f"tracker/2024/wuhan/index.html?status=no_report#{c['id']}")
    # (forwarded first if the row is on a later page of the list)
    page.wait_for_function(f"(e => e && !e.hidden && e.offsetParent !== null)(document.getElementById({json.dumps(c['id'])}))")


def test_an_older_row_address_is_forwarded_to_its_place(tab, site_url, commitments):
    c = find(commitments, "wuhan-2024-gwr", 2024, "城镇新增就业25万人")
    page = tab.page
    page.goto(site_url + f"tracker/2024/index.html#{c['id']}")
    page.wait_for_url(f"**/tracker/2024/wuhan/**index.html#*")
    page.wait_for_function(f"document.getElementById({json.dumps(c['id'])}) !== null")


def test_readable_without_javascript(chromium, site_url):
    from conftest import Tab
    t = Tab(chromium, java_script_enabled=False)
    try:
        t.page.goto(site_url + "tracker/2024/wuhan/index.html")
        assert t.page.locator("#pe-filters").is_hidden()
        assert t.page.locator("tr.pe-trow").first.is_visible()
        assert t.page.locator("tr.pe-trow:visible").count() == t.page.locator("tr.pe-trow").count()
    finally:
        t.close()


@pytest.mark.parametrize("path", ["tracker/2024/wuhan/index.html", "zh-Hant/tracker/2025/wuhan/index.html",
                                  "tracker/indicators/urban-new-jobs/index.html", "tracker/agencies/drc/index.html",
                                  "zh-Hant/tracker/agencies/drc/index.html"])
def test_phone_width_does_not_overflow(chromium, site_url, path):
    from conftest import Tab
    t = Tab(chromium, viewport={"width": 360, "height": 740})
    try:
        t.page.goto(site_url + path)
        assert t.page.evaluate("document.documentElement.scrollWidth") <= 360
        # each cell of a card names its column (site.css, in the page's script) as the table's
        # heading does; the status badge needs no name
        pairs = t.page.evaluate("""Array.from(document.querySelectorAll('table.pe-rows tbody tr:first-child td')).map(td => [
            td.closest('table').tHead.rows[0].cells[td.cellIndex].textContent, td.classList.contains('pe-tc-status'),
            getComputedStyle(td, '::before').content, getComputedStyle(td, '::before').display])""")
        assert pairs
        for head, is_status, content, display in pairs:
            assert display == "none" if is_status else content == f'"{head}"', (head, content)
        assert t.errors == []
    finally:
        t.close()


def test_data_file_mistakes_name_the_file(tmp_path):
    from policyexplorer.site.tracker import Areas, TrackerDataError
    (tmp_path / "areas.yml").write_text("areas:\n  - {id: 经济, name: 经济}\n", encoding="utf-8")
    with pytest.raises(TrackerDataError, match="areas.yml"):
        Areas(tmp_path / "areas.yml")
    (tmp_path / "agencies.yml").write_text("agencies:\n  - {id: a, name: 甲}\n  - {id: a, name: 乙}\n", encoding="utf-8")
    with pytest.raises(TrackerDataError, match=r"agencies.yml: agencies\[1\]"):
        Agencies(tmp_path / "agencies.yml")


def test_an_indicator_named_in_many_places_is_split_by_place(tmp_path):
    """At scale an indicator page would list every place's targets: past SPLIT_ROWS rows it
    becomes a page of places, one page per place below it."""
    from policyexplorer.site.tracker import SPLIT_ROWS
    (tmp_path / "agencies.yml").write_text("agencies: []\n", encoding="utf-8")
    reports = []
    for k in range(SPLIT_ROWS // 2 + 1):
        reports.append(make_report(f"p{k}-2024-gwr", f"甲{k}市", [("s2", "forward", [2024], [
            "城镇新增就业25万人以上，城镇新增就业26万人以上。"])]))
    tracker = build_tracker(reports, tmp_path)
    pages, _ = tracker_pages(reports, tracker, tmp_path)

    def walk(ps):
        for p in ps:
            yield p
            yield from walk(p.children)

    jobs = next(p for p in walk(pages) if p.path == "tracker/indicators/urban-new-jobs/")
    assert len(jobs.children) == len(reports)
    assert all(re.fullmatch(r"tracker/indicators/urban-new-jobs/p-[0-9a-f]{8}/", c.path) for c in jobs.children)
    assert "<table" in jobs.markdown and jobs.markdown.count("<tr>") == len(reports) + 1

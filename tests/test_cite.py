"""Quote, cite, share (issue #13), the parts that need no build: citation formatting (GB/T
7714-2015 and the one-line form), meta.yml's source_url and document_number, the CSV exports as
spreadsheets read them, page descriptions, the site address and its sitemap."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from policyexplorer.csvtable import BOM, LABELS, header, key
from policyexplorer.commitments.export import CSV_FIELDS as COMMITMENT_FIELDS
from policyexplorer.ingest import CorpusError, load_corpus
from policyexplorer.ingest.meta import load_meta
from policyexplorer.site import address
from policyexplorer.site.cite import citation, date_words, fill, paragraph_label, templates
from policyexplorer.site.exports import CSV_FIELDS as CORPUS_FIELDS, corpus_csv
from policyexplorer.site.preview import description
from policyexplorer.site.ui import unmark

ROOT = Path(__file__).resolve().parents[1]

META = {"title": "2024年武汉市政府工作报告", "issuer": "武汉市人民政府", "delivered": "2024-01-18",
        "speaker": "程用文"}
URL = "https://user.github.io/repo/reports/wuhan-2024-gwr/s2/index.html#s2-3-p4"
WHERE = paragraph_label("二、2024年工作安排 （三）扩大内需", 4)


def test_gbt_7714_electronic_resource():
    assert citation(META, "gbt", WHERE, URL, "2026-11-24") == (
        "武汉市人民政府. 2024年武汉市政府工作报告[EB/OL]. (2024-01-18)[2026-11-24]. "
        "二、2024年工作安排 （三）扩大内需 第4段. " + URL + ".")
    # the whole report: no location
    assert citation(META, "gbt", None, "https://x.org/r/index.html", "2026-11-24") == (
        "武汉市人民政府. 2024年武汉市政府工作报告[EB/OL]. (2024-01-18)[2026-11-24]. https://x.org/r/index.html.")


def test_gbt_with_document_number_and_the_official_original():
    meta = dict(META, title="市人民政府关于印发责任分解方案的通知", document_number="武政〔2025〕1号",
                delivered="2025-01-16", source_url="https://www.wuhan.gov.cn/zwgk/a.html")
    text = citation(meta, "gbt", "前言 第1段", URL, "2026-11-24")
    assert text.startswith("武汉市人民政府. 市人民政府关于印发责任分解方案的通知: 武政〔2025〕1号[EB/OL]. (2025-01-16)[2026-11-24]. ")
    assert text.endswith(f"{URL}. 原文: https://www.wuhan.gov.cn/zwgk/a.html.")
    plain = citation(meta, "plain", "前言 第1段", URL)
    assert plain == ("武汉市人民政府《市人民政府关于印发责任分解方案的通知》（武政〔2025〕1号，2025年1月16日，报告人：程用文），"
                     f"前言 第1段：{URL}；原文：https://www.wuhan.gov.cn/zwgk/a.html")


def test_plain_one_line_says_who_what_when_where_and_the_address():
    assert citation(META, "plain", WHERE, URL) == (
        f"武汉市人民政府《2024年武汉市政府工作报告》（2024年1月18日，报告人：程用文），二、2024年工作安排 （三）扩大内需 第4段：{URL}")
    assert "\n" not in citation(META, "plain", WHERE, URL)


def test_unknown_parts_are_left_out_not_written_empty():
    meta = {"title": "某报告", "issuer": "某市人民政府", "delivered": None}
    assert citation(meta, "gbt") == "某市人民政府. 某报告[EB/OL]."
    assert citation(meta, "gbt", url="https://x.org/") == "某市人民政府. 某报告[EB/OL]. https://x.org/."
    assert citation(meta, "plain") == "某市人民政府《某报告》"
    assert citation(dict(meta, delivered="2025-01"), "plain") == "某市人民政府《某报告》（2025年1月）"
    assert [date_words(d) for d in ("2024-01-18", "2025-01", "2021", None)] == ["2024年1月18日", "2025年1月", "2021年", ""]
    with pytest.raises(ValueError):
        citation(META, "apa")


@pytest.mark.parametrize("form", ["gbt", "plain"])
def test_the_page_templates_filled_as_cite_js_does_give_the_same_citation(form):
    meta = dict(META, document_number="武政〔2024〕1号", source_url="https://www.wuhan.gov.cn/a.html")
    t = templates(meta, located=True)
    assert unmark(fill(t[form], URL, "2026-11-24", WHERE)) == citation(meta, form, WHERE, URL, "2026-11-24")
    assert t["paragraph"].format(section="前言", n=2) == paragraph_label("前言", 2) == "前言 第2段"
    whole = templates(meta, located=False)
    assert "{where}" not in whole[form]
    assert unmark(fill(whole[form], URL, "2026-11-24")) == citation(meta, form, None, URL, "2026-11-24")


def test_report_text_in_templates_is_marked_for_the_traditional_conversion():
    t = templates(META, located=True)["plain"]
    for text in ("\ue000武汉市人民政府\ue001", "\ue0002024年武汉市政府工作报告\ue001", "\ue000程用文\ue001"):
        assert text in t


# meta.yml: source_url and document_number -------------------------------------------------------

GOOD_META = """title: 2024年示例市政府工作报告
issuer: 示例市人民政府
place: 示例市
level: city
kind: government-work-report
delivered: 2024-01-10
review_years: [2023]
plan_years: [2024]
source: 测试用的虚构报告
"""


def write_meta(tmp_path, extra: str) -> Path:
    path = tmp_path / "meta.yml"
    path.write_text(GOOD_META + extra, encoding="utf-8")
    return path


def test_meta_accepts_an_official_address_and_a_document_number(tmp_path):
    meta = load_meta(write_meta(tmp_path, "document_number: 武政〔2024〕1号\nsource_url: https://www.wuhan.gov.cn/a/b.html?id=3\n"), "x-2024-gwr")
    assert meta["document_number"] == "武政〔2024〕1号"
    assert meta["source_url"] == "https://www.wuhan.gov.cn/a/b.html?id=3"
    assert "source_url" not in load_meta(write_meta(tmp_path, ""), "x-2024-gwr")


@pytest.mark.parametrize("line, words", [
    ("source_url: www.wuhan.gov.cn/a.html", "not an absolute http:// or https:// address"),
    ("source_url: javascript:alert(1)", "not an absolute http:// or https:// address"),
    ("source_url: /zwgk/a.html", "not an absolute http:// or https:// address"),
    ("source_url: https://www.wuhan.gov.cn/a b.html", "contains spaces"),
    ("source_url: [https://a.org/]", "field 'source_url' must be str"),
    ("document_number: 武政[2024]1号", "must write the year in 〔〕"),
    ("document_number: 武政（2024）1号", "must write the year in 〔〕"),
    ("document_number: 2024年第1号", "is not a document number"),
    ("document_number: 武政〔1024〕1号", "impossible year"),
    ("document_number: 12", "field 'document_number' must be str"),
])
def test_meta_refuses_a_bad_address_or_document_number_naming_file_and_line(tmp_path, line, words):
    path = write_meta(tmp_path, "notes: [一条说明]\n" + line + "\n")
    with pytest.raises(CorpusError) as exc:
        load_meta(path, "x-2024-gwr")
    assert str(exc.value).startswith(f"{path}:11: "), exc.value
    assert words in str(exc.value)


def test_the_bundled_document_number_is_valid():
    reports = {r.id: r for r in load_corpus(ROOT / "data")}
    assert reports["wuhan-2025-gwr-tasks"].meta["document_number"] == "武政〔2025〕1号"


# CSV for spreadsheets -----------------------------------------------------------------------------

def test_every_csv_column_is_named_in_english_and_chinese():
    for fields in (CORPUS_FIELDS, COMMITMENT_FIELDS):
        missing = [f for f in fields if f not in LABELS]
        assert missing == [], f"add a Chinese name to policyexplorer/csvtable.py LABELS: {missing}"
        cells = header(fields)
        assert all(c == f"{f}（{LABELS[f]}）" for c, f in zip(cells, fields))
        assert [key(c) for c in cells] == fields


def test_corpus_csv_opens_as_utf8_in_spreadsheets_and_reads_by_key():
    reports = load_corpus(ROOT / "tests" / "fixtures" / "good")
    text = corpus_csv(reports)
    assert text.startswith(BOM + "report（报告）,section（章节）,section_number（章节编号）")
    data = (text.encode("utf-8"))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert [key(c) for c in rows[0]] == CORPUS_FIELDS
    assert len(rows) == 1 + sum(1 for _ in reports[0].paragraphs())
    by_key = [dict(zip(map(key, rows[0]), row)) for row in rows[1:]]
    assert by_key[0]["report"] == "good-2024-gwr" and by_key[0]["url"].startswith("reports/good-2024-gwr/")


def test_commitments_csv_starts_with_a_bom(tmp_path):
    from policyexplorer.commitments import build_tracker
    tracker = build_tracker(load_corpus(ROOT / "tests" / "fixtures" / "good"), tmp_path)
    text = tracker.csv()
    assert text.startswith(BOM + "id（编号）,report（报告）")
    assert [key(c) for c in next(csv.reader(io.StringIO(text)))] == COMMITMENT_FIELDS


# descriptions -------------------------------------------------------------------------------------

def test_description_is_the_page_text_without_title_permalinks_or_crumbs():
    page = ('<h1 id="s2">二、安排<a class="headerlink" href="#s2">¶</a></h1>'
            '<p class="pe-crumbs"><a href="../index.html">2024年报告</a></p>'
            '<p id="s2-p1" class="pe-para">今年工作&amp;要求：<b>稳中求进</b>。<a class="pe-pl" href="#s2-p1">¶</a></p>'
            '<div id="pe-cite" hidden data-cite="{}"></div><script>var x = "不要";</script>'
            '<p id="s2-p2" class="pe-para">第二段。</p>')
    assert description(page) == "今年工作&要求：稳中求进。 第二段。"
    text = description("<h1>标题</h1><p>" + "字" * 200 + "</p><p>下一段</p>")
    assert text == "字" * 119 + "…"
    # short paragraphs: enough of them to say what the page is, then stop
    assert description("".join(f"<p>{'字' * 25}{i}</p>" for i in range(9))).count(" ") == 2


def test_description_of_a_list_of_facts_starts_with_the_title():
    page = "<h1>市农业科学院</h1><dl><dt>牵头</dt><dd>0项承诺</dd><dt>配合</dt><dd>2项承诺</dd></dl><p>说明。</p>"
    assert description(page) == "市农业科学院 牵头：0项承诺 配合：2项承诺 说明。"


def test_description_reads_only_the_start_of_a_long_page_but_says_the_same_as_html_parser():
    """preview.py reads tokens with a regular expression and stops once the description is
    settled; html.parser reading the whole page (the reference) must give the same text."""
    from policyexplorer.site import preview

    def reference(page):
        parser = preview._Text()
        parser.feed(preview._SKIPPED.sub("", page))
        parser.close()
        parser._close()
        return preview._compose(parser.blocks, preview.DESCRIPTION_CHARS, final=True)

    pages = [
        "<p>" + "长" * 9000 + "</p><p>后</p>",                                 # one long block
        "<h1>题</h1>" + "<script>x</script>" * 600 + "<dl><dt>甲</dt><dd>乙</dd></dl><p>" + "字" * 70 + "</p>",
        "".join(f"<p>{'句' * 9}{i}</p>" for i in range(900)) + "<h1>后面的标题</h1><p>尾</p>",
        "<p>短</p>" + "<div hidden>" + "藏" * 5000 + "</div>" + "<h1>题</h1><dt>项</dt><dd>值</dd>",
        # entities, a stray "<", comments, quoted ">" and single quotes in attributes, upper case,
        # a self-closed tag, hidden parts by attribute and by class
        '<!-- <p>注释</p> --><H1 Class="x">题</H1><p title="a > b" data-x=\'1\'>甲 &amp; 乙 &lt;丙&gt; 1 < 2'
        '<br/><span class="pe-tip__box">藏</span><span aria-hidden="true">藏</span>丁&#x4E00;</p>'
        '<p hidden>藏</p><li>一项</li><td>格</td>',
    ]
    for page in pages:
        assert preview.description(page) == reference(page)


# the site address ---------------------------------------------------------------------------------

def test_site_address_is_checked_and_ends_in_a_slash(tmp_path):
    base = tmp_path / "mkdocs.yml"
    base.write_text("site_name: x\n", encoding="utf-8")
    assert address.configured(base) is None
    assert address.configured(base, "https://user.github.io/repo") == "https://user.github.io/repo/"
    base.write_text("site_name: x\nsite_url: http://example.org/pe/\n", encoding="utf-8")
    assert address.configured(base) == "http://example.org/pe/"
    assert address.configured(base, "https://a.org/") == "https://a.org/"
    for bad in ("user.github.io/repo", "/repo/", "file:///tmp/site/", "https://a.org/?x=1"):
        with pytest.raises(address.AddressError, match="--site-url"):
            address.configured(base, bad)
    assert address.from_command_line(None, {"SITE_URL": "https://b.org/"}) == ("https://b.org/", "$SITE_URL")
    assert address.from_command_line("https://c.org/", {"SITE_URL": "https://b.org/"}) == ("https://c.org/", "--site-url")
    assert address.from_command_line(None, {}) == (None, "")


def test_sitemap_lists_every_page_in_both_scripts_with_its_twin():
    text = address.sitemap("https://u.github.io/r/", ["", "reports/x/"], {"zh-Hans": "", "zh-Hant": "zh-Hant/"}, "2025-01-18")
    locs = [line.split("<loc>")[1].split("</loc>")[0] for line in text.splitlines() if "<loc>" in line]
    assert locs == ["https://u.github.io/r/index.html", "https://u.github.io/r/zh-Hant/index.html",
                    "https://u.github.io/r/reports/x/index.html", "https://u.github.io/r/zh-Hant/reports/x/index.html"]
    assert text.count('hreflang="zh-Hant" href="https://u.github.io/r/zh-Hant/reports/x/index.html"') == 2
    assert text.count("<lastmod>2025-01-18</lastmod>") == 4

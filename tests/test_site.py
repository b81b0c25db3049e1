"""The built site of the real corpus: pages, twins, anchors, exports against the contract."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from policyexplorer.shared import shared_path
ROOT = Path(__file__).resolve().parents[1]
CONTRACT = shared_path("contract")
REPORTS = ["wuhan-2024-gwr", "wuhan-2025-plan", "wuhan-2025-gwr-tasks", "wuchang-2025-gwr", "wuhan-fyp14"]


class Page(HTMLParser):
    def __init__(self, text: str):
        super().__init__()
        self.ids: list[str] = []
        self.links: list[dict] = []
        self.anchors: list[dict] = []
        self.lang = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "link":
            self.links.append(a)
        if tag == "a":
            self.anchors.append(a)


def page(site: Path, path: str) -> Page:
    return Page((site / path / "index.html").read_text(encoding="utf-8"))


def html_pages(site: Path):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))


def test_every_report_has_an_overview_in_both_scripts(built_site):
    for rid in REPORTS:
        assert (built_site / "reports" / rid / "index.html").exists()
        assert (built_site / "zh-Hant" / "reports" / rid / "index.html").exists()


def test_twins_have_same_paths_and_same_anchors(built_site):
    hans = [p for p in html_pages(built_site) if not p.startswith("zh-Hant/")]
    hant = [p[len("zh-Hant/"):] for p in html_pages(built_site) if p.startswith("zh-Hant/")]
    assert hans == hant
    for path in hans:
        a = Page((built_site / path).read_text(encoding="utf-8"))
        b = Page((built_site / "zh-Hant" / path).read_text(encoding="utf-8"))
        assert a.ids == b.ids, path
        assert (a.lang, b.lang) == ("zh-Hans", "zh-Hant"), path


def test_hreflang_alternates_and_toggle_point_at_the_twin(built_site):
    path = "reports/wuhan-2024-gwr/s2/"
    hans, hant = page(built_site, path), page(built_site, "zh-Hant/" + path)
    alt = {l["hreflang"]: l["href"] for l in hans.links if l.get("rel") == "alternate" and "hreflang" in l}
    assert alt == {"zh-Hans": "../../../reports/wuhan-2024-gwr/s2/index.html",
                   "zh-Hant": "../../../zh-Hant/reports/wuhan-2024-gwr/s2/index.html"}
    alt = {l["hreflang"]: l["href"] for l in hant.links if l.get("rel") == "alternate" and "hreflang" in l}
    assert alt == {"zh-Hans": "../../../../reports/wuhan-2024-gwr/s2/index.html",
                   "zh-Hant": "../../../reports/wuhan-2024-gwr/s2/index.html"}
    toggle = [a for a in hans.anchors if "data-pe-toggle" in a]
    assert len(toggle) == 1 and toggle[0]["hreflang"] == "zh-Hant"
    toggle = [a for a in hant.anchors if "data-pe-toggle" in a]
    assert toggle[0]["href"] == "../../../../reports/wuhan-2024-gwr/s2/index.html"


def test_every_paragraph_and_heading_has_a_permalink(built_site):
    text = (built_site / "reports/wuhan-2024-gwr/s2/index.html").read_text(encoding="utf-8")
    paras = re.findall(r'<p id="(s2-[\w-]+)" class="pe-para[^"]*">.*?<a class="pe-pl" href="#([\w-]+)"', text)
    assert len(paras) > 20 and all(a == b for a, b in paras)
    heads = re.findall(r'<h([1-6]) id="([\w-]+)">.*?<a class="headerlink" href="#([\w-]+)"', text)
    assert len(heads) == 11 and all(i == h for _, i, h in heads)       # part + its ten tasks


def test_traditional_text_uses_overrides(built_site):
    text = "".join(p.read_text(encoding="utf-8") for p in (built_site / "zh-Hant" / "reports").rglob("index.html"))
    assert "範禮奎" not in text
    assert "鬥級營" not in text
    assert "斗級營" in text


def test_no_root_absolute_or_external_references(built_site):
    bad = re.compile(r'(?:href|src)="(?:/(?!/)|//|https?:)')
    for path in html_pages(built_site):
        text = (built_site / path).read_text(encoding="utf-8")
        assert not bad.search(text), (path, bad.search(text).group(0))
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


def test_corpus_export_matches_the_contract(built_site):
    data = json.loads((built_site / "data" / "corpus.json").read_text(encoding="utf-8"))
    schema = json.loads((CONTRACT / "corpus.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert [r["id"] for r in data["reports"]] == sorted(REPORTS)
    for r in data["reports"]:
        ids = {s["id"] for s in r["sections"]}
        for s in r["sections"]:
            assert s["parent"] is None or s["parent"] in ids
            for p in s["paragraphs"]:
                path, anchor = p["url"].split("#")
                assert anchor == p["id"]
                assert f'id="{anchor}"' in (built_site / path / "index.html").read_text(encoding="utf-8")


def test_commitments_export_matches_the_contract(built_site):
    data = json.loads((built_site / "data" / "commitments.json").read_text(encoding="utf-8"))
    schema = json.loads((CONTRACT / "commitments.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["commitments"]


def test_csv_siblings(built_site):
    corpus = (built_site / "data" / "corpus.csv").read_text(encoding="utf-8-sig").splitlines()
    assert corpus[0].startswith("report（报告）,section（章节）,")      # csvtable.py: key（中文）
    assert len(corpus) > 1000
    assert (built_site / "data" / "commitments.csv").stat().st_size > 0

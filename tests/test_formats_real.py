"""Issue #21 on real files: `add` run on report files as published and found in public
repositories (tests/fixtures/real/README.md says where each came from), not generated from the
bundled texts (tests/test_formats.py does those).

Each file goes through `add` into a scratch reports folder, and the folder is read as the site
reads it. Asserted, per file, from reading the file by hand: the report whole (its opening and
closing words; the reader's text holds the file's own text but for what is dropped as web
furniture), no page furniture left as paragraphs, no radicals or compatibility ideographs, the
top-level sections as printed, a paragraph count within 15% of a hand count, commitments (a floor
and named targets), and the inferred meta fields.

The files are not committed with the code (they are third-party copies): a test looks for each in
../shared/real/ (or $PE_SHARED/real/), then in tests/fixtures/real/, checks its sha256 against
the README's, and is skipped, saying so, where the file is in neither.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import yaml

from policyexplorer.commitments.extract import extract_report
from policyexplorer.ingest import corpus
from policyexplorer.ingest.add import add_file
from policyexplorer.ingest.places import Places
from policyexplorer.shared import shared_path

ROOT = Path(__file__).resolve().parents[1]
LOCAL = ROOT / "tests" / "fixtures" / "real"

# Kangxi radicals, CJK radicals supplement, CJK compatibility ideographs
FOREIGN_GLYPHS = re.compile(r"[\u2f00-\u2fdf\u2e80-\u2eff\uf900-\ufaff]")
# what a page's furniture leaves when it survives: a bare page number, "第 3 页", "- 3 -", "3/13"
PAGE_FURNITURE = re.compile(r"^\s*(?:[-—－·]?\s*\d{1,3}\s*[-—－·]?|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)\s*$")

GWR = "government-work-report"

CASES = {
    # 2024年北京市政府工作报告 as a PDF with a text layer (13 pages, no cover, no title page:
    # it opens on 各位代表：). The hand count: 78 paragraphs = the 77 lines of the PDF that begin
    # indented two characters, less the headings 一、 and 二、 set at that indent, plus the
    # salutation 各位代表： at the margin (the eleven （一）…（十一） headings are set deeper).
    "beijing-2024-gwr.pdf": dict(
        sha256="caa060261ba62ae1904b2e3c1bfb70176a6a96b45a9bb5c6ea0665703b56eac3",
        id="beijing-2024-gwr",
        opening="现在，我代表北京市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见。",
        closing="为推进中国式现代化作出首都贡献！",
        tops=[("一、", "2023年工作回顾"), ("二、", "2024年重点任务")],
        subsections={"2024年重点任务": 11},
        paragraphs=78,
        commitments=120,
        targets=["地区生产总值增长5%左右", "实现城乡建设用地再减量6.5平方公里", "新增中小学学位2万个"],
        meta={"place": "北京市", "level": "province", "kind": GWR, "plan_years": [2024], "review_years": [2023]},
        # the file prints no date: `add` leaves delivered for the reader to fill in
        unread=["delivered"],
        filled={"delivered": "2024-01"},
    ),
    # 2025年吉林省政府工作报告 as a .docx (a web page pasted into Word: no heading styles, a
    # "来源：吉林省政府网" line under the title). Hand count: 69 non-empty paragraphs in the
    # document, less the 来源 line (web furniture, dropped), less the three part headings 一、二、三、
    # on lines of their own = 65 (each （一）… heading runs on into its first paragraph).
    "jilin-2025-gwr.docx": dict(
        sha256="02f6b71a5f564a74686f3ddcbe448e0cd7ac1e0d24f359a3f44e87e7b6caeb52",
        id="jilin-2025-gwr",
        opening="现在，我代表省政府，向大会报告工作，请予审议，并请省政协委员提出意见。",
        closing="推动吉林高质量发展",
        tops=[("一、", "2024年工作回顾"), ("二、", "2025年工作安排"), ("三、", "锲而不舍加强政府自身建设")],
        subsections={"2025年工作安排": 8},
        paragraphs=65,
        commitments=100,
        targets=["地区生产总值增长5.5％左右", "粮食产量880亿斤以上"],
        meta={"place": "吉林省", "level": "province", "kind": GWR, "delivered": "2025-01-14",
              "plan_years": [2025], "review_years": [2024], "speaker": "胡玉亭"},
        unread=[],
        filled={},
    ),
    # 2025年河北省政府工作报告 as a .docx of the same making. Hand count: 51 non-empty paragraphs,
    # less the 来源 line, less the part headings 一、 and 二、 = 48 (the （一）… headings run on into
    # their paragraphs; "重点做好八方面工作：" is a lead-in sentence, a paragraph).
    "hebei-2025-gwr.docx": dict(
        sha256="9c3c1daeb3664fa74b40ec4d08ec0eff026789204b41028b84fe8b3f348e7dc5",
        id="hebei-2025-gwr",
        opening="现在，我代表省人民政府向大会报告工作，请予审议，并请省政协委员和列席人员提出意见。",
        closing="努力完成全年经",
        tops=[("一、", "2024年工作回顾"), ("二、", "2025年目标任务和主要工作")],
        subsections={"2024年工作回顾": 6, "2025年目标任务和主要工作": 8},
        paragraphs=48,
        commitments=90,
        targets=["地区生产总值增长5%以上", "规上工业增加值增长5.5%左右"],
        meta={"place": "河北省", "level": "province", "kind": GWR, "delivered": "2025-01-13",
              "plan_years": [2025], "review_years": [2024]},
        unread=[],
        filled={},
        lead_ins=["重点做好八方面工作："],
    ),
}


def real_file(name: str) -> Path:
    for path in (shared_path("real", name), LOCAL / name):
        if path.is_file():
            return path
    pytest.skip(f"{name} is neither in ../shared/real/ nor in tests/fixtures/real/ "
                "(tests/fixtures/real/README.md says where to get it)")


@pytest.fixture(scope="module")
def places():
    return Places.load(ROOT / "data" / "places.yml")


@pytest.fixture(scope="module")
def added(places, tmp_path_factory):
    """name -> (Added, the report as parsed, its commitments), `add` run once per file."""
    done = {}

    def run(name: str):
        if name not in done:
            file = real_file(name)
            case = CASES[name]
            assert hashlib.sha256(file.read_bytes()).hexdigest() == case["sha256"], \
                f"{file} is not the file the README records"
            reports = tmp_path_factory.mktemp("real") / "data" / "reports"
            result = add_file(file, reports, places)
            meta = result.folder / "meta.yml"
            if case["filled"]:       # what the reader writes in where the text does not tell
                meta.write_text(meta.read_text(encoding="utf-8") + "".join(
                    f'{k}: "{v}"\n' for k, v in case["filled"].items()), encoding="utf-8")
            report, _ = corpus.parse_report(result.folder, places)
            done[name] = (result, report, extract_report(report))
        return done[name]
    return run


def paragraphs(report) -> list[str]:
    return [p.text for s in report.sections for p in s.paragraphs]


@pytest.mark.parametrize("name", CASES)
def test_the_folder_and_the_inferred_meta(name, added):
    result, report, _ = added(name)
    case = CASES[name]
    assert result.id == case["id"] and not result.id_from_name
    assert sorted(p.name for p in result.folder.iterdir()) == ["meta.yml", f"received{Path(name).suffix}", "source.txt"]
    written = yaml.safe_load((result.folder / "meta.yml").read_text(encoding="utf-8"))
    for field, value in case["meta"].items():
        assert written.get(field) == value, (field, written.get(field))
        assert report.meta.get(field) == value
    for field in case["unread"]:
        assert field in result.missing and field not in result.facts
        assert f"# {field}:" in (result.folder / "meta.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", CASES)
def test_the_text_is_the_report_whole_and_clean(name, added):
    result, report, _ = added(name)
    case = CASES[name]
    source = (result.folder / "source.txt").read_text(encoding="utf-8")
    paras = paragraphs(report)
    text = "\n".join(paras)
    assert case["opening"] in text and case["closing"] in paras[-1]
    assert not FOREIGN_GLYPHS.search(source) and not FOREIGN_GLYPHS.search(text)
    assert not [p for p in paras if PAGE_FURNITURE.match(p)]
    # a running header or footer left in would come back page after page
    short = [p for p in paras if len(p) <= 40]
    assert not [p for p in set(short) if short.count(p) > 1 and not p.startswith("各位代表")]
    # nothing of the report lost: every sentence of source.txt (less web furniture) is in the text
    flat = re.sub(r"\s+", "", "".join(f"{s.number or ''}{s.title}" for s in report.sections) + text)
    for sentence in re.findall(r"[^。！？\n]{12,}[。！？]", re.sub(r"[ \t　]+", "", source)):
        assert sentence[:-1] in flat, sentence     # a heading keeps its words, not its full stop


@pytest.mark.parametrize("name", CASES)
def test_sections_as_printed(name, added):
    _, report, _ = added(name)
    case = CASES[name]
    tops = [(s.number, s.title) for s in report.sections if s.level == 1 and s.number]
    assert tops == case["tops"]
    for title, count in case["subsections"].items():
        anchor = next(s.anchor for s in report.sections if s.title == title)
        subs = [s for s in report.sections if s.parent == anchor and s.number]
        assert [s.number for s in subs] == [f"（{n}）" for n in "一二三四五六七八九十"[:min(count, 10)]] + \
            (["（十一）"] if count == 11 else [])
    for lead in case.get("lead_ins", []):
        assert lead in paragraphs(report) and lead.rstrip("：") not in [s.title for s in report.sections]


@pytest.mark.parametrize("name", CASES)
def test_paragraphs_near_the_hand_count(name, added):
    _, report, _ = added(name)
    want = CASES[name]["paragraphs"]
    assert abs(len(paragraphs(report)) - want) <= 0.15 * want, (len(paragraphs(report)), want)


@pytest.mark.parametrize("name", CASES)
def test_commitments_found(name, added):
    _, _, commitments = added(name)
    case = CASES[name]
    assert len(commitments) > case["commitments"]
    targets = {c.text for c in commitments if c.kind == "target"}
    for target in case["targets"]:
        assert target in targets, target

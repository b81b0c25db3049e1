"""The bundled corpus in every layout real copies arrive in gives the same report (issue #9).

Each layout (tests/layouts.py: one paragraph per line; hard-wrapped at 35 or 38 characters with no
blank lines; a mixture of blank-separated, wrapped-and-indented and tab-indented lines with
CRLF ends) is parsed and run through the tracker; sections must be identical, paragraphs and
commitments within 2% (wrapping is ambiguous where a paragraph's last line is full).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from layouts import LAYOUTS, copy_corpus, render, wrap
from policyexplorer.commitments import build_tracker
from policyexplorer.ingest import load_corpus
from policyexplorer.ingest.clean import clean
from policyexplorer.ingest.layout import Line, wrap_width, width

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def summary(data: Path) -> dict[str, dict]:
    reports = load_corpus(data)
    tracker = build_tracker(reports, data)
    out = {r.id: {"sections": [(s.level, s.number, s.title, s.kind, s.looks) for s in r.sections],
                  "paragraphs": sum(1 for _ in r.paragraphs()), "commitments": 0} for r in reports}
    for c in tracker.commitments:
        out[c.report.id]["commitments"] += 1
    return out


@pytest.fixture(scope="module")
def bundled() -> dict[str, dict]:
    return summary(DATA)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_layout_gives_the_same_report(layout, bundled, tmp_path):
    laid_out = summary(copy_corpus(DATA, tmp_path / "data", layout))
    assert laid_out.keys() == bundled.keys()
    for rid, want in bundled.items():
        got = laid_out[rid]
        assert got["sections"] == want["sections"], rid
        assert abs(got["paragraphs"] - want["paragraphs"]) <= 0.02 * want["paragraphs"], (rid, got, want)
        assert abs(got["commitments"] - want["commitments"]) <= 0.02 * want["commitments"], (rid, got, want)


def test_one_paragraph_per_line_is_exact(bundled, tmp_path):
    laid_out = summary(copy_corpus(DATA, tmp_path / "data", "lines"))
    assert {k: v["paragraphs"] for k, v in laid_out.items()} == {k: v["paragraphs"] for k, v in bundled.items()}


# ------------------------------------------------------------------------------ wrap width

PARAGRAPHS = ["过去一年，全市经济运行稳中有进，地区生产总值增长5.5%，城镇新增就业25万人，居民人均可支配收入增长6%。"
              "我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。",
              "今年是实现规划目标任务的关键一年。主要预期目标是：地区生产总值增长6%左右，城镇新增就业25万人以上，"
              "居民消费价格涨幅3%左右，居民收入增长与经济增长同步，完成省下达的节能减排任务。",
              "各位代表！新的一年，我们将坚持以人民为中心的发展思想，持续办好民生实事，扎实推进共同富裕，"
              "加快建设人民满意的服务型政府，奋力谱写高质量发展新篇章。"] * 3


def lines_of(raw: str) -> list[Line]:
    return [Line(t, i, width(t), False) for i, t in enumerate(raw.split("\n"), 1) if t]


@pytest.mark.parametrize("columns", [40, 56, 70, 88])
def test_the_wrap_width_is_inferred_from_the_lines(columns):
    raw = "\n".join(w for p in PARAGRAPHS for w in wrap(p, columns))
    inferred = wrap_width(lines_of(raw))
    assert inferred is not None and columns - 4 <= inferred <= columns + 2
    assert [b.text for b in clean(raw)[0]] == PARAGRAPHS


def test_unwrapped_paragraphs_have_no_wrap_width():
    assert wrap_width(lines_of("\n".join(PARAGRAPHS))) is None
    assert [b.text for b in clean("\n".join(PARAGRAPHS))[0]] == PARAGRAPHS


def test_a_short_line_ends_its_paragraph_and_a_full_one_runs_on():
    raw = "\n".join(w for p in PARAGRAPHS for w in wrap(p, 60))
    assert len(clean(raw)[0]) == len(PARAGRAPHS)


def test_indents_open_paragraphs_in_wrapped_text():
    raw = "\n".join(w for p in PARAGRAPHS for w in wrap("\u3000\u3000" + p, 60))
    assert [b.text for b in clean(raw)[0]] == PARAGRAPHS


def test_crlf_and_tabs_change_nothing():
    raw = render(PARAGRAPHS, "lines").replace("\n", "\r\n")
    assert [b.text for b in clean(raw)[0]] == PARAGRAPHS
    assert [b.text for b in clean("\t" + "\n\t".join(PARAGRAPHS))[0]] == PARAGRAPHS


# ------------------------------------------------------------------------------ wrapped lines that are not paragraphs

def test_a_bracket_note_wrapped_onto_its_own_line_stays_with_its_item():
    # the item's sentence fills its last line exactly, so the note opens the next line
    sentence = "41.推进国家信息光电子、数字化设计与制造创新中心建设，争创国家新型工业化示范区。"
    columns = width(sentence)
    item = sentence + "(责任单位:市经信局)"
    others = [f"{n}.新建城市道路{n}公里，开通地铁线路，新增公交线路，完善城市交通网络，方便群众出行。" for n in range(42, 52)]
    raw = "\n".join(w for p in [item] + others for w in wrap(p, columns))
    assert raw.split("\n")[1] == "(责任单位:市经信局)"
    assert clean(raw)[0][0].text == item


def test_an_address_to_the_delegates_opens_a_paragraph_after_a_full_line():
    # the paragraph before ends a sentence at the very end of a full line
    last = "过去一年，全区经济运行稳中有进，城市更新取得新突破，民生福祉持续增进。"
    columns = width(last)
    address = "各位代表，新的一年，区政府将坚持对标一流，实干笃行，持续打造忠诚干净担当为民的服务型政府。"
    raw = "\n".join(w for p in PARAGRAPHS + [last, address] for w in wrap(p, columns))
    assert last in raw.split("\n")
    assert [b.text for b in clean(raw)[0]][-2:] == [last, address]


def test_a_wrapped_fragment_repeated_is_no_running_header():
    # "…责任单位:各区人民政府)" wrapped the same way three times leaves "民政府)" three times
    items = [f"{n}.完成第{n}项任务，全面提升服务水平和质量效益。(牵头单位:市民政局;责任单位:各区人" for n in range(1, 4)]
    raw = "一、重点任务\n" + "\n".join(f"{t}\n民政府)" for t in items)
    blocks, removed = clean(raw)
    assert not [r for r in removed if r.kind == "running-header"]
    assert all(b.text.endswith("各区人民政府)") for b in blocks[1:])

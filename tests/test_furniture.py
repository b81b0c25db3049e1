"""Page furniture is removed wherever it stands and logged; report text never is (issue #9)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from policyexplorer.ingest import load_corpus
from policyexplorer.ingest.clean import clean
from policyexplorer.ingest.decode import decode_source
from policyexplorer.ingest.furniture import dateline, furniture_kind

ROOT = Path(__file__).resolve().parents[1]
BODY = ["过去一年，全县经济运行总体平稳。", "今年要抓好三件大事。"]


@pytest.mark.parametrize("line, kind", [
    ("Copyright © 2018 某某财经网 All Rights Reserved 股市有风险, 投资需谨慎", "copyright"),
    ("版权所有：某某日报社", "copyright"),
    ("京ICP备12345678号-1 京公网安备11010502000001号", "copyright"),
    ("以上文章仅代表作者个人观点，本站只提供参考并不构成任何投资及应用建议。", "disclaimer"),
    ("免责声明：本文内容来自网络", "disclaimer"),
    ("转载请注明出处", "disclaimer"),
    ("以下为文字实录:", "transcript-label"),
    ("以下是报告全文：", "transcript-label"),
    ("李克强:", "speaker-label"),
    ("温家宝：", "speaker-label"),
    ("【纠错】", "share"),
    ("微信扫一扫", "share"),
])
def test_furniture_lines_anywhere_are_removed_and_logged(line, kind):
    for raw in (f"{line}\n\n{BODY[0]}\n\n{BODY[1]}",          # top
                f"{BODY[0]}\n\n{line}\n\n{BODY[1]}",          # between paragraphs
                f"{BODY[0]}\n{BODY[1]}\n{line}"):              # bottom, one paragraph per line
        blocks, removed = clean(raw)
        assert [b.text for b in blocks] == BODY, raw
        assert [(r.kind, r.text) for r in removed] == [(kind, line)]


@pytest.mark.parametrize("line", ["(责任编辑:张三)", "【责任编辑：李四】", "原标题：某市政府工作报告", "编辑：王五"])
def test_bylines_are_web_debris(line):
    blocks, removed = clean(f"{BODY[0]}\n{line}\n{BODY[1]}")
    assert [b.text for b in blocks] == BODY
    assert [r.kind for r in removed] == ["web-debris"]


@pytest.mark.parametrize("line", ["各位代表:", "各位代表：", "财政政策:", "同志们：", "主要任务：", "附件："])
def test_addresses_and_labels_are_not_speakers(line):
    assert furniture_kind(line) is None


def test_the_speaker_named_in_meta_is_a_label_whatever_the_name():
    assert furniture_kind("欧阳明:", speaker="欧阳明") == "speaker-label"
    assert furniture_kind("欧阳明:") is None or furniture_kind("欧阳明:") == "speaker-label"


def test_a_dateline_lead_is_cut_and_logged():
    raw = "新华社北京3月22日电 新华社受权全文播发政府工作报告。报告共分三部分。"
    blocks, removed = clean(raw)
    assert [b.text for b in blocks] == ["新华社受权全文播发政府工作报告。报告共分三部分。"]
    assert [(r.kind, r.text) for r in removed] == [("dateline", "新华社北京3月22日电")]
    assert dateline("本报讯（记者 张三）今年以来，全市新增就业12万人。") == "本报讯（记者 张三）"
    assert dateline("新华社报道称，经济增长。") is None


@pytest.mark.parametrize("text", [
    "加强知识产权保护，完善版权登记制度。",
    "依法打击侵权假冒行为，维护消费者合法权益。",
    "推进“扫码办事”，实现政务服务一网通办。",
    "各位代表：",
])
def test_report_sentences_are_never_furniture(text):
    assert furniture_kind(text) is None


def test_a_running_header_repeated_on_every_page_is_removed():
    page = "某县人民政府文件\n{}\n— {} —\n"
    raw = "".join(page.format(t, n) for n, t in enumerate(["一、总体要求", "全年新增就业1万人。", "全年新建学校3所。"], 1))
    blocks, removed = clean(raw)
    assert [b.text for b in blocks] == ["一、总体要求", "全年新增就业1万人。", "全年新建学校3所。"]
    assert [r.kind for r in removed if r.kind == "running-header"] == ["running-header"] * 3


def _squash(text: str) -> str:
    return re.sub(r"[^\u4e00-\u9fff0-9]", "", text)


def test_no_bundled_report_text_is_lost():
    """Every source line with report text survives in a paragraph (or a title), and each
    line furniture removed is logged; so the new furniture rules took no paragraph away."""
    for report in load_corpus(ROOT / "data"):
        kept = "".join(_squash(p.text) for _, p in report.paragraphs())
        kept += "".join(_squash((s.number or "") + s.title) for s in report.sections)
        source = decode_source(Path(report.source_path)).split("\n")
        removed_lines = {r.line for r in report.removed if r.text == source[r.line - 1].strip()}
        for number, line in enumerate(source, 1):
            text = _squash(line)
            if len(text) < 8 or number in removed_lines:
                continue
            assert text[:8] in kept, f"{report.source_path}:{number} lost: {line[:40]}"
        new_kinds = {"copyright", "disclaimer", "share", "transcript-label", "speaker-label", "dateline",
                     "running-header"}
        assert not [r for r in report.removed if r.kind in new_kinds], report.id

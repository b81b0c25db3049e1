"""Traditional text in the forms Taiwan and Hong Kong readers meet, every ambiguity decided (issue #12)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from policyexplorer.ambiguity import load_reviewed, main, occurrences, one_to_many
from policyexplorer.convert import converter_for
from policyexplorer.ingest import load_corpus

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
ODD_FORMS = "爲着羣衆啓峯溼牀麪"        # s2t's own standard forms, odd to Taiwan and Hong Kong readers


@pytest.fixture(scope="module")
def found():
    return occurrences(load_corpus(DATA), DATA)


def test_the_one_to_many_list_comes_from_opencc():
    table = one_to_many()
    assert {"發", "髮"} <= set(table["发"]) and {"幹", "乾"} <= set(table["干"]) and len(table) > 200


def test_every_occurrence_in_the_corpus_is_decided(found):
    undecided = [f"{o.char} {o.word} {o.context} ({o.where})" for o in found if o.how == "undecided"]
    assert not undecided, "read these and add an override or a reviewed word:\n" + "\n".join(undecided[:30])
    assert len(found) > 5000 and {o.how for o in found} == {"override", "phrase", "reviewed"}


def test_no_reviewed_word_is_stale(found):
    seen = {(o.char, o.word) for o in found if o.how == "reviewed"}
    stale = [(ch, w) for ch, words in load_reviewed(DATA / "s2t_reviewed.yml").items() for w in words
             if (ch, w) not in seen]
    assert not stale, stale


def test_the_report_command_exits_non_zero_on_an_undecided_occurrence(tmp_path, capsys):
    assert main(["--data", str(DATA), "--char", "台"]) == 0
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    reviewed = yaml.safe_load((data / "s2t_reviewed.yml").read_text(encoding="utf-8"))
    reviewed["reviewed"]["台"] = [w for w in reviewed["reviewed"]["台"] if w != "平台"]
    (data / "s2t_reviewed.yml").write_text(yaml.safe_dump(reviewed, allow_unicode=True), encoding="utf-8")
    assert main(["--data", str(data), "--char", "台"]) == 1
    out = capsys.readouterr().out
    assert "台 -> 臺  undecided  平台" in out


@pytest.mark.parametrize("simplified, traditional", [
    ("武昌区人民政府区长 范礼奎", "武昌區人民政府區長 范禮奎"),       # a name: 范, not 範
    ("昙华林、斗级营一期", "曇華林、斗級營一期"),                     # a place: 斗, not 鬥
    ("市场主体9500余家", "市場主體9500餘家"),                       # ordinary 余 is 餘
    ("加强“城市家具”维护管理", "加強“城市家具”維護管理"),            # Taiwan's standard 家具
    ("经费使用“包干制”改革", "經費使用“包幹制”改革"),
    ("“台湾周”“楚商大会”", "“臺灣週”“楚商大會”"),
    ("国家级湿地公园，着力治理水污染，为群众办实事", "國家級濕地公園，著力治理水污染，為群眾辦實事"),
    ("大力发展银发经济", "大力發展銀髮經濟"),
    ("武昌万象城", "武昌萬象城"),                                       # never s2twp's 永珍城
    ("软件和信息服务业", "軟件和信息服務業"),                           # never s2twp's 軟體, 資訊
])
def test_known_conversions(simplified, traditional):
    assert converter_for(DATA).to_hant(simplified) == traditional


def test_no_odd_forms_in_the_traditional_site(built_site):
    counts = {ch: 0 for ch in ODD_FORMS}
    for page in (built_site / "zh-Hant").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for ch in ODD_FORMS:
            counts[ch] += text.count(ch)
    index = "".join(p.read_text(encoding="utf-8") for p in (built_site / "zh-Hant" / "search").rglob("*.json"))
    for ch in ODD_FORMS:
        counts[ch] += index.count(ch)
    assert counts == {ch: 0 for ch in ODD_FORMS}

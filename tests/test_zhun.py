"""准 "permit" stays 准 in Traditional, 準 is "standard, accurate" (issue #23 C; data/hant_zhun.yml).

Every 准 in every source this project reads (the bundled corpus, the development and held-out
sets, the shared unseen sample) is read by its word: the word data/hant_zhun.yml decides it by
must exist (a new word fails here, named with its context, until it is listed under its sense),
must agree with the word jieba reads there when jieba's word is itself listed, and the
converter must print the form that word's sense gives.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import jieba
import pytest

from policyexplorer.convert import ZHUN, Zhun, converter_for, load_zhun
from policyexplorer.ingest.decode import decode_source, find_source

jieba.setLogLevel(60)
ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
FOLDERS = [DATA / "reports", ROOT / "tests" / "devset" / "reports", ROOT / "tests" / "heldout" / "reports",
           ROOT / "tests" / "shared" / "eval" / "unseen"]


def _sources():
    for folder in FOLDERS:
        for report in sorted(p for p in folder.iterdir() if p.is_dir()):
            yield report.name, decode_source(find_source(report))


@pytest.fixture(scope="module")
def occurrences():
    """[(report, jieba's word, deciding word or None, form printed, context)] for every 准."""
    conv, rule = converter_for(DATA), Zhun(load_zhun(DATA / "hant_zhun.yml"))
    out = []
    for name, text in _sources():
        for line in text.splitlines():
            if ZHUN not in line:
                continue
            words: list[str] = []
            for w in jieba.cut(line, HMM=False):
                words += [w] * len(w)
            printed, decided = conv.to_hant(line), rule.decide(line)
            for i, ch in enumerate(line):
                if ch == ZHUN:
                    out.append((name, words[i], decided.get(i, (None, None))[1], printed[i],
                                line[max(0, i - 8): i + 9]))
    return out


def test_every_zhun_in_every_source_is_decided_by_a_listed_word(occurrences):
    missing = [f"{w}  {ctx}  ({name})" for name, w, word, _, ctx in occurrences if word is None]
    assert not missing, "list these words under permit or standard in data/hant_zhun.yml:\n" + "\n".join(missing)
    assert len(occurrences) > 500 and len({o[0] for o in occurrences}) > 20


def test_each_is_printed_as_its_word_means(occurrences):
    words = load_zhun(DATA / "hant_zhun.yml")
    wrong = [f"{word} -> {form}  {ctx}  ({name})" for name, _, word, form, ctx in occurrences
             if word and form != words[word]]
    assert not wrong, wrong
    # the table a reader checks: every word with its form and count
    table = Counter((word, words[word]) for _, _, word, _, _ in occurrences)
    assert {form for _, form in table} == {"准", "準"}


def test_the_rule_agrees_with_the_words_jieba_reads(occurrences):
    words = load_zhun(DATA / "hant_zhun.yml")
    disagree = [f"jieba {w} ({words[w]}) but {word} ({words[word]})  {ctx}  ({name})"
                for name, w, word, _, ctx in occurrences if w in words and word and words[w] != words[word]]
    assert not disagree, disagree


@pytest.mark.parametrize("simplified, traditional", [
    ("经审查予以核准，依法准予登记", "經審查予以核准，依法准予登記"),
    ("放宽市场准入，未经许可不准营业", "放寬市場准入，未經許可不准營業"),
    ("项目批准备案", "項目批准備案"),              # 批准 + 备案: read forward, 批准 comes first
    ("获准后按标准执行", "獲准後按標準執行"),
    ("数据不准确，要瞄准短板、找准问题", "數據不準確，要瞄準短板、找準問題"),
    ("精准施策，准时完成", "精準施策，準時完成"),
])
def test_made_up_sentences(simplified, traditional):
    assert converter_for(DATA).to_hant(simplified) == traditional


def test_a_word_outside_the_list_keeps_opencc(tmp_path):
    assert Zhun({}).decide("准许") == {}
    (tmp_path / "z.yml").write_text("permit: [标准]\nstandard: [标准]\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_zhun(tmp_path / "z.yml")

"""Words a source lost before it reached us, found where they were lost.

Scraped and converted sources sometimes arrive with words cut out (a filter dropping names and
phrases, a converter dropping numbers): "以习新时代中国特色社会主义思想", "地铁19号线号线二期",
"纠治“”". The text is never repaired (readers quote it as received); the paragraph is marked
so a quote copied from it is not taken for the report's own words.

Two sources of knowledge, both general:
- meta.yml: a note that says words were lost and quotes them (“地铁19号线号线二期”), or the
  `damage` field listing damaged words; each is looked up in the paragraphs.
- detectors, each a shape no intact Chinese text has:
  doubled-unit   a unit or suffix doubled after a number ("19号线号线");
  empty-quotes   quotation or title marks with nothing inside (“”, 《》);
  cut-name       a lone character where a full name belongs, between a word that introduces a
                 name and the phrase that follows one ("以习新时代…思想", "以习同志为核心");
  missing-number a count with no number ("线余个", "新港线个城建项目", "东延线号线").
Precision matters more than recall: a false mark on clean text misleads as much as a missing
one, so every shape is narrow (tests/test_damage.py runs them over the whole corpus).
"""
from __future__ import annotations

import re

from ..model import Damage, Report

CJK = "\u4e00-\u9fff"

# A unit after a number, doubled: "19号线号线", "5万元万元", "3座座".
_DOUBLED = re.compile(f"(?<=\\d)(?:([{CJK}]{{2}})\\1|([号座亩吨栋辆艘架])\\2)")
_EMPTY_QUOTES = re.compile("“”|‘’|《》|「」|『』|〈〉")
# What follows a leader's full name in set phrases; a single character there (and not a
# function word or an institution: 以及关于, 贯彻党关于) is what is left of a cut name.
_AFTER_NAME = ("同志为核心", "新时代中国特色社会主义思想", "生态文明思想", "法治思想", "强军思想",
               "外交思想", "经济思想", "文化思想", "关于", "考察", "视察", "殷殷嘱托", "重要讲话",
               "重要指示", "重要论述", "重要回信", "领航掌舵", "指引")
_NOT_A_NAME = set("及也都并还又再就要将已的了在和与等各其此该本我你他们之所为对把被让使由向从自到给"
                  "党国省市区县州镇乡村委府部厅局院会央中全新")
_CUT_NAME = re.compile(f"(?:^|(?<=[以用于记着行彻在对同和与把将是及，、：；“（]))([{CJK}])"
                       f"(?={'|'.join(_AFTER_NAME)})")
_NUMERALS = "0-9〇零一二两三四五六七八九十百千万亿几数多"
# A count whose number is gone: "线余个" (余个 needs a number), "新港线个城建项目" (个 after a
# noun, not a numeral or demonstrative, and not starting a word: 个人, 个体, 个转企; nor 个 as a
# word of its own closing a list, "大中小微个”", the individual businesses), "东延线号线" (a
# line numbered by nothing).
_MISSING_NUMBER = re.compile(f"(?<=[^{_NUMERALS}其剩业结盈富残空有无])余个"
                             f"|(?<=[{CJK}])(?<![{_NUMERALS}每各这那整某哪半单首逐上下个余干是有])个"
                             f"(?![人体性别案税股例头子数位转”’、，。；])"
                             f"|(?<=[线路])号线")

KINDS = ("noted", "doubled-unit", "empty-quotes", "cut-name", "missing-number")
_LOSS_WORDS = re.compile("删去|删除|删掉|丢失|缺失|脱漏|遗漏|缺损|残缺|漏掉|缺字|漏字")


def quoted(text: str) -> list[str]:
    """The outermost “…” quotations of a note, nested quotes kept: “纠治“”” -> 纠治“”."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "“":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
            if depth == 0:
                out.append(text[start:i])
    return [q for q in out if q]


def noted_words(meta: dict) -> list[str]:
    """Damaged words meta.yml names: the `damage` field, and the quotes of any note that says
    words were lost (a note quoting other things, a misread "所表1", is not about loss)."""
    words = [str(w) for w in meta.get("damage") or []]
    for note in meta.get("notes") or []:
        if _LOSS_WORDS.search(str(note)):
            words += quoted(str(note))
    return list(dict.fromkeys(w for w in words if w.strip()))


def _widen(text: str, start: int, end: int, context: int = 5) -> str:
    """The damaged words with a few characters either side, an ellipsis where the text goes on."""
    lo, hi = max(0, start - context), min(len(text), end + context)
    return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")


def _merged(spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Spans in text order, overlapping ones (two detectors on one loss) as one."""
    out: list[tuple[str, int, int]] = []
    for kind, start, end in sorted(spans, key=lambda h: (h[1], -h[2])):
        if out and start <= out[-1][2]:
            out[-1] = (out[-1][0], out[-1][1], max(end, out[-1][2]))
        else:
            out.append((kind, start, end))
    return out


def detect(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every detected loss in a paragraph's text."""
    hits = []
    for kind, rx in (("doubled-unit", _DOUBLED), ("empty-quotes", _EMPTY_QUOTES),
                     ("missing-number", _MISSING_NUMBER)):
        hits += [(kind, m.start(), m.end()) for m in rx.finditer(text)]
    for m in _CUT_NAME.finditer(text):
        if m.group(1) not in _NOT_A_NAME:
            hits.append(("cut-name", m.start(1), m.end(1)))
    return _merged(hits)


def find_damage(report: Report) -> tuple[list[Damage], list[str]]:
    """Every damaged place in the report's paragraphs (document order), and a warning for each
    word meta.yml names that no paragraph contains."""
    noted = noted_words(report.meta)
    found: set[str] = set()
    out: list[Damage] = []
    for section, paragraph in report.paragraphs():
        text = paragraph.text
        spans = []
        for word in noted:
            at = text.find(word)
            if at >= 0:
                found.add(word)
                spans.append(("noted", at, at + len(word)))
        for kind, start, end in detect(text):
            # a detected loss inside words meta.yml already quotes is the same loss
            if not any(s <= start and end <= e for _, s, e in spans):
                spans.append((kind, start, end))
        for kind, start, end in _merged(spans):
            excerpt = text[start:end] if kind == "noted" else _widen(text, start, end)
            out.append(Damage(paragraph.anchor, section.page, kind, excerpt, paragraph.line, start, end))
    missing = [w for w in noted if w not in found]
    return out, [f"meta.yml names damaged words found in no paragraph: “{w}”" for w in missing]

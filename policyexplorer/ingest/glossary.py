"""A report's own glossary: its 名词注释 / 名词解释 section parsed into terms.

Reports often end with notes explaining their slogans ("15. “两重”“两新”：国家重大战略实施…").
The section is found by its heading, whatever its numbering ("《政府工作报告》名词注释",
"附件2 名词解释", "七、名词术语解释"), or by a paragraph standing as that heading when the
structure kept it as text. Entries are "term：explanation" paragraphs, numbered in any style
(1. 1、 （1） ① 一、 [1]) or not, or "【term】explanation"; a paragraph without a term continues the
entry before it. The terms are the words the report's text uses: each quoted part of the head
(不动产“五方联办” -> 五方联办), and the head as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Report

# a bare "注释" or "注解" is a glossary only as a heading of its own ("**注释：**" after the closing)
HEADING = re.compile(r"(?:名词|词语)(?:注释|解释|释义|术语)|术语(?:注释|解释|释义|表)|名词表|缩略语"
                     r"|^[\W_]*(?:注释|注解)[\W_]*$")
# entry numbers: 1. 1、 （1） ① 一、 and the note marks of the text ([1], ［1］)
_NUMBER = re.compile(r"^\s*(?:\d{1,3}\s*[.．、)）]|[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[)）]|[①-⑳]"
                     r"|[\[［]\s*\d{1,3}\s*[\]］]|[一二三四五六七八九十]{1,3}\s*、)\s*")
_COLON = re.compile(r"[：:]")
_BRACKETED = re.compile(r"^【([^】]{1,30})】\s*(.+)$")
MAX_HEAD = 30            # a term's head is short; a longer "x：y" is a sentence, not an entry


@dataclass
class Entry:
    head: str              # as the report writes it: 不动产“五方联办”
    forms: list[str]       # the words to find in the text, longest first
    explanation: str
    anchor: str            # the paragraph that explains it
    page: str
    section: str           # anchor of the glossary section (or of the paragraph standing as its heading)
    container: str         # anchor of the section holding the entry (its terms are not marked there)
    heading: str = ""      # the glossary's heading as the report writes it
    more: list[str] = field(default_factory=list)   # paragraphs continuing the explanation


def _cjk(text: str) -> int:
    return len(re.findall(r"[\u4e00-\u9fff]", text))


def forms_of(head: str) -> list[str]:
    """The words a head stands for in the text: the head as written, and each quoted part with
    at least two Chinese characters ("1+6" alone is too short to find safely)."""
    parts = [q for q in re.findall(r"“([^“”]+)”", head) if _cjk(q) >= 2]
    forms = [head] + parts
    return sorted(dict.fromkeys(f for f in forms if f), key=len, reverse=True)


def split_entry(text: str) -> tuple[str, str] | None:
    """(head, explanation) of one entry paragraph, or None when it is not one."""
    text = _NUMBER.sub("", text, count=1).strip()
    m = _BRACKETED.match(text)
    if m:
        return m.group(1).strip(), m.group(2).strip()
    m = _COLON.search(text)
    if not m or m.start() == 0 or m.start() > MAX_HEAD:
        return None
    head, explanation = text[:m.start()].strip(), text[m.end():].strip()
    if not explanation or re.search(r"[。；，,;]", head):
        return None
    return head, explanation


def is_heading(text: str) -> bool:
    return len(text) <= MAX_HEAD and bool(HEADING.search(text)) and split_entry(text) is None


def report_entries(report: Report) -> list[Entry]:
    """Every entry of the report's glossary sections, in document order."""
    inside: set[str] = set()        # glossary sections and their descendants
    entries: list[Entry] = []
    for section in report.sections:
        if is_heading(section.title) or (section.parent in inside):
            inside.add(section.anchor)
        here = section.anchor in inside
        glossary_anchor, heading = section.anchor, section.title
        for paragraph in section.paragraphs:
            if not here and is_heading(paragraph.text):
                here, glossary_anchor, heading = True, paragraph.anchor, paragraph.text   # a heading kept as text
                continue
            if not here:
                continue
            parts = split_entry(paragraph.text)
            if parts:
                head, explanation = parts
                entries.append(Entry(head, forms_of(head), explanation, paragraph.anchor, section.page,
                                     glossary_anchor, section.anchor, heading))
            elif entries and entries[-1].section == glossary_anchor and not paragraph.text.startswith(("（", "(")):
                entries[-1].more.append(paragraph.text)
    return entries

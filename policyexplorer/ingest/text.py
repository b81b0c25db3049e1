"""Small predicates on a line or block of report text, shared by layout, headings and structure."""
from __future__ import annotations

import re

from .numbering import is_heading_start

# A block ending with one of these has finished its sentence; anything else runs on.
SENTENCE_END = tuple("。！？；：!?;:…") + ("。”", "！”", "？”", "。’", "）", ")", "〉", "》")


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(SENTENCE_END)


def open_brackets(text: str) -> int:
    return text.count("（") + text.count("(") - text.count("）") - text.count(")")


# A task breakdown's note of who carries an item out: "(牵头单位:市发改委;责任单位:…)"
AGENCY_NOTE = re.compile(r"[（(]\s*(?:牵头单位|责任单位)\s*[:：]")


def is_complete(text: str) -> bool:
    """A block a page break cannot have split: it ends a sentence outside any bracket.
    ("…(牵头单位:市文旅局:" ends in a colon but its bracket is still open.)"""
    return ends_sentence(text) and open_brackets(text) <= 0


# Words a part's title ends with ("过去五年工作回顾", "2023年重点工作安排", "…主要目标"), and its
# closing words ("…工作回顾", "主要目标和任务", "展望")
TITLE_WORDS = "回顾|安排|目标|任务|要求|部署|措施|情况|工作"
TITLE_TAIL = re.compile(rf"(?:{TITLE_WORDS}|展望|思路)$")


def is_standalone_line(text: str) -> bool:
    """A short line without sentence punctuation is a title or label, never half a paragraph."""
    return len(text) <= 30 and not re.search(r"[，。；：、,;:]", text)


def dangles(text: str) -> bool:
    """A line ending in the particle 的 stops before the noun it qualifies: no title ends so, a
    scrape broke the sentence there ("“十五五”时期经济社会发展的" / "主要目标" / "是：…", a bold span
    set on a line of its own)."""
    return text.rstrip().endswith("的")


def is_heading_line(text: str) -> bool:
    """A numbered heading without a sentence in it ("（一）抓投资促消费，经济运行稳中有进")."""
    return is_heading_start(text) and "。" not in text and len(text) <= 60

"""Numbering styles of Chinese official documents, and what rank each has in the hierarchy.

第X部分/篇 > 第X章 > 第X节 > 一、 > （一） > 1. > （1）. The rank is a property of the style,
not of Markdown markup (the sources' '#' levels are unreliable).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "〇一二三四五六七八九"   # index = value; 零 is read as 〇
NUM = r"[零〇一二三四五六七八九十百两\d]+"

STYLES = [
    # (style, rank, pattern): group 1 = the number, group 2 = the rest of the line
    ("part", 1, re.compile(rf"^第({NUM})(?:部分|篇)\s*(.*)$")),
    ("chapter", 2, re.compile(rf"^第({NUM})章\s*(.*)$")),
    ("jie", 3, re.compile(rf"^第({NUM})节\s*(.*)$")),
    ("cn", 4, re.compile(r"^([一二三四五六七八九十]+)、\s*(.*)$")),
    ("pcn", 5, re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]\s*(.*)$")),
    ("arabic", 6, re.compile(r"^(\d{1,3})\s*[.．、](?!\d)\s*(.*)$")),
    ("parabic", 7, re.compile(r"^[（(](\d{1,2})[）)]\s*(.*)$")),
]
HEADING_STYLES = {"part", "chapter", "jie", "cn", "pcn"}
BOX = re.compile(r"^专栏\s*(\d+)\s*(.*)$")
GROUP = re.compile(r"^——\s*(.+)$")


@dataclass
class Numbered:
    style: str
    rank: int
    value: int          # the number as an integer (一 -> 1, 十二 -> 12)
    label: str          # the number as printed, normalised: "第二章", "一、", "（一）", "1."
    rest: str           # text after the number


def cn_to_int(text: str) -> int:
    """Chinese numerals (一 … 九十九, 百, 〇-style digits) to int; Arabic digits pass through."""
    if text.isdigit():
        return int(text)
    text = text.replace("零", "〇")
    if len(text) > 1 and all(ch in CN_DIGITS for ch in text):        # 二〇三五 -> 2035
        return int("".join(str(CN_DIGITS.index(ch)) for ch in text))
    total, current = 0, 0
    units = {"十": 10, "百": 100}
    for ch in text:
        if ch in units:
            total += (current or 1) * units[ch]
            current = 0
        elif ch == "两":
            current = 2
        else:
            current = CN_DIGITS.index(ch)
    return total + current


def parse_number(text: str) -> Numbered | None:
    for style, rank, pattern in STYLES:
        m = pattern.match(text)
        if m:
            number, rest = m.group(1), m.group(2).strip()
            value = cn_to_int(number)
            label = {
                "part": f"第{number}部分", "chapter": f"第{number}章", "jie": f"第{number}节",
                "cn": f"{number}、", "pcn": f"（{number}）", "arabic": f"{number}.",
                "parabic": f"（{number}）",
            }[style]
            if style == "part" and "篇" in text[: len(number) + 3]:
                label = f"第{number}篇"
            return Numbered(style, rank, value, label, rest)
    return None


def is_heading_start(text: str) -> bool:
    n = parse_number(text)
    return bool(n and n.style in HEADING_STYLES) or bool(BOX.match(text))


def is_item_start(text: str) -> bool:
    n = parse_number(text)
    return bool(n and n.style not in HEADING_STYLES) or bool(GROUP.match(text))

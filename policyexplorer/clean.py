"""Cleaning: source lines -> logical blocks (paragraphs and heading lines), plus a log of removals.

The sources come from web scrapes and PDF-to-text conversions. Each kind of damage is handled
by a general rule, never by knowing which report it is:

- web-page debris around a scraped text (navigation, contact blocks, "本文由…提供", tag lists);
- PDF page footers ("—4—"), also when one sits inside a word ("市教—4—" / "育局");
- paragraphs broken by page breaks or hard-wrapped lines: a block that does not end a
  sentence continues in the next one;
- numbers broken by spaces ("5. 4 万套"), spaces around CJK ("2024 年"), Markdown debris
  ("**", "#" levels, list dashes, "^{——}", "PM_{2.5}").

Punctuation is never rewritten: readers quote the text as the source prints it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .model import Removal
from .numbering import is_heading_start, is_item_start

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7"
ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")

# A block ending with one of these has finished its sentence; anything else runs on.
SENTENCE_END = tuple("。！？；：!?;:…") + ("。”", "！”", "？”", "。’", "）", ")", "〉", "》")

# Web-page debris: lines that belong to the page around a scraped report, not to the report.
DEBRIS_LINE = re.compile(
    r"^(?:"
    r"(?:联系人|联系电话|手机|电话|邮箱|地址|传真|QQ|微信|网址)\s*[:：]"
    r"|作者\s*[:：].*(?:点击|发布时间|来源)"
    r"|(?:发布时间|发布日期|来源|责任编辑|编辑|点击|浏览次数|阅读)\s*[:：]"
    r"|本文由.{0,40}提供"
    r"|相关(?:标签|文章|阅读|推荐)\s*[:：]?"
    r"|热门(?:产品|文章|推荐|标签)"
    r"|(?:上一篇|下一篇)\s*[:：]"
    r"|(?:分享到|打印本页|关闭窗口|返回顶部|扫一扫)"
    r"|(?:新闻资讯|行业资讯|公司新闻|联系我们|网站首页|首页)$"
    r"|[A-Za-z][A-Za-z ]{1,20}$"
    r")",
    re.IGNORECASE,
)
# Once one of these appears, the report is over and the rest of the page is debris.
DEBRIS_TAIL = re.compile(r"^(?:本文由.{0,40}提供|相关标签|相关文章|热门产品|上一篇\s*[:：])")

# PDF page footers: "—4—", "— 12 —", "- 3 -"; and a footer cut at a line end: "责任 30 —".
FOOTER_INLINE = re.compile(r"\s*[—–－-]\s*\d{1,3}\s*[—–－-]\s*")
FOOTER_LINE_END = re.compile(r"\s+\d{1,3}\s*[—–]\s*$")
FOOTER_WHOLE = re.compile(r"^\s*(?:[—–－-]?\s*\d{1,3}\s*[—–－-]?|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?)\s*$")

MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
MD_LIST = re.compile(r"^\s*(?:[-*+•·]\s+)")
MD_EMPHASIS = re.compile(r"\*\*")   # not "__": it is text in identifiers (window.__x)
MD_SUP_SUB = re.compile(r"[\^_]\{([^{}]*)\}|<(su[bp])>([^<]*)</\2>")

HARD_BREAK = re.compile(r"(?: {2,}|\t)$")


@dataclass
class Block:
    text: str
    line: int            # 1-based line of the block's first line
    front: bool = False  # part of the title block before the body starts


def _strip_inline(text: str, line: int, removed: list[Removal]) -> str:
    """Remove inline debris: footers inside words, emphasis markers, ^{}/_{} markup."""
    if FOOTER_INLINE.search(text) and not _looks_like_range(text):
        for m in FOOTER_INLINE.finditer(text):
            removed.append(Removal(line, "page-footer", m.group(0).strip()))
        text = FOOTER_INLINE.sub("", text)
    m = FOOTER_LINE_END.search(text)
    if m and re.search(f"[{CJK}]\\s+\\d{{1,3}}\\s*[—–]\\s*$", text):
        removed.append(Removal(line, "page-footer", m.group(0).strip()))
        text = text[: m.start()]
    if MD_EMPHASIS.search(text):
        removed.append(Removal(line, "markup", "**"))
        text = MD_EMPHASIS.sub("", text)
    if MD_SUP_SUB.search(text):
        for m in MD_SUP_SUB.finditer(text):
            removed.append(Removal(line, "markup", m.group(0)))
        text = MD_SUP_SUB.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(3), text)
    return text


def _looks_like_range(text: str) -> bool:
    """'2021—2025' or '30—64周岁' are ranges, not page footers: a footer has no digit glued before it."""
    return bool(re.search(r"\d\s*[—–]\s*\d{1,3}\s*[—–]\s*\d", text)) or bool(
        re.search(r"\d[—–]\d", text) and not re.search(r"[—–]\d{1,3}[—–]", text))


def normalise_spaces(text: str) -> str:
    """Drop spaces a PDF or web page put around CJK text and inside numbers; keep Latin word gaps."""
    text = ZERO_WIDTH.sub("", text)
    text = text.replace("\u3000", " ").replace("\u00a0", " ")
    text = re.sub(r"[ \t]+", " ", text).strip()
    # "5. 4 万套" -> "5.4 万套": a decimal point followed by a stray space
    text = re.sub(r"(?<=\d)\. (?=\d)", ".", text)
    # a date before a name ("2024年1月18日 程用文") keeps its gap: without it 日程 reads as one word
    text = re.sub(f"(?<=\\d日) (?=[{CJK}]{{2,4}}(?:[)）]|$))", "\x00", text)
    # spaces touching a CJK character or CJK punctuation carry no meaning
    text = re.sub(f"(?<=[{CJK}{CJK_PUNCT}]) (?=\\S)", "", text)
    text = re.sub(f"(?<=\\S) (?=[{CJK}{CJK_PUNCT}])", "", text)
    # "6% 左右" -> "6%左右"
    text = re.sub(f"(?<=%) (?=[{CJK}])", "", text)
    return text.replace("\x00", " ")


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(SENTENCE_END)


def _open_brackets(text: str) -> int:
    return text.count("（") + text.count("(") - text.count("）") - text.count(")")


def is_complete(text: str) -> bool:
    """A block a page break cannot have split: it ends a sentence outside any bracket.
    ("…(牵头单位:市文旅局:" ends in a colon but its bracket is still open.)"""
    return ends_sentence(text) and _open_brackets(text) <= 0


def is_standalone_line(text: str) -> bool:
    """A short line without sentence punctuation is a title or label, never half a paragraph."""
    return len(text) <= 30 and not re.search(r"[，。；：、,;:]", text)


def _joiner(left: str, right: str) -> str:
    if left and right and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return " "
    return ""


def clean(raw: str, extra_debris: list[str] | None = None) -> tuple[list[Block], list[Removal]]:
    """Turn the raw source text into blocks; report every removal with its line."""
    removed: list[Removal] = []
    extra = [re.compile(p) for p in (extra_debris or [])]
    lines = raw.split("\n")

    # 1. Line-level debris, markup and footers. Lines become (text, lineno, hard_break).
    kept: list[tuple[str, int, bool, bool] | None] = []   # None marks a blank line
    tail = False
    for i, line in enumerate(lines, start=1):
        line = line.rstrip("\r")
        stripped = ZERO_WIDTH.sub("", line).strip()
        if not stripped:
            kept.append(None)
            continue
        if tail or DEBRIS_TAIL.match(stripped):
            tail = True
            removed.append(Removal(i, "web-debris", stripped))
            continue
        if DEBRIS_LINE.match(stripped) or any(p.search(stripped) for p in extra):
            removed.append(Removal(i, "web-debris", stripped))
            continue
        if "\t" in line.strip() and _is_blank_form_row(line):
            removed.append(Removal(i, "table-debris", stripped))
            continue
        if FOOTER_WHOLE.match(stripped):
            removed.append(Removal(i, "page-footer", stripped))
            continue
        hard = bool(HARD_BREAK.search(line))
        text = line
        listed = bool(MD_LIST.match(text))
        if MD_HEADING.match(text):
            removed.append(Removal(i, "markup", MD_HEADING.match(text).group(0).strip()))
            text = MD_HEADING.sub("", text)
        if MD_LIST.match(text):
            text = MD_LIST.sub("", text)
        text = _strip_inline(text, i, removed)
        text = normalise_spaces(text)
        if not text:
            continue
        kept.append((text, i, hard, listed))

    # 2. Lines -> raw blocks. A blank line ends a block; inside a block, a line that opens a
    # heading or a numbered item, or follows a hard break, starts a new one.
    raw_blocks: list[list] = []   # [text, line, starts_item]
    previous_hard = True
    previous_heading = False
    for entry in kept:
        if entry is None:
            previous_hard = True
            previous_heading = False
            continue
        text, lineno, hard, listed = entry
        starts = is_heading_start(text) or is_item_start(text)
        # a list dash opens a new block, but only numbering makes it an item: a dash before
        # the tail of a broken item ("- 目。(牵头单位…)") still lets it join the item
        # after a heading line, a line with sentence punctuation (or a long one) is the body,
        # not the wrapped tail of the heading ("一、总体要求" / "坚持稳中求进，……")
        body_after_heading = (previous_heading and raw_blocks
                              and (len(text) > 25 or re.search(r"[，。；,;]", text)))
        if previous_hard or starts or listed or body_after_heading or not raw_blocks:
            raw_blocks.append([text, lineno, starts])
        else:
            raw_blocks[-1][0] += _joiner(raw_blocks[-1][0], text) + text
        previous_hard = hard
        previous_heading = is_heading_line(raw_blocks[-1][0])

    # 3. Join blocks a page break split: the earlier block has not ended its sentence and the
    # later one does not open a heading or item. Before the body starts (the title block)
    # nothing is joined.
    blocks: list[Block] = []
    body_started = False
    for text, lineno, starts in raw_blocks:
        front = not body_started
        if not body_started and (ends_sentence(text) or is_heading_start(text)):
            body_started = True
            front = False
        if (blocks and not blocks[-1].front and not front and not starts
                and not is_complete(blocks[-1].text)
                and not is_standalone_line(blocks[-1].text)
                and not is_heading_line(blocks[-1].text)):
            blocks[-1].text += _joiner(blocks[-1].text, text) + text
            continue
        blocks.append(Block(text, lineno, front))
    return blocks, removed


def is_heading_line(text: str) -> bool:
    """A numbered heading without a sentence in it ("（一）抓投资促消费，经济运行稳中有进")."""
    return is_heading_start(text) and "。" not in text and len(text) <= 60


def _is_blank_form_row(line: str) -> bool:
    """A row of an empty form: tab-separated cells that are blank or a stray character or two."""
    cells = [c.strip() for c in line.split("\t")]
    filled = [c for c in cells if c]
    short = [c for c in filled if len(c) <= 2]
    return len(cells) >= 3 and len(short) >= len(filled) - 1 and len(filled) <= len(cells) // 2 + 1 \
        or (len(cells) >= 3 and all(len(c) <= 2 for c in filled))


def nfkc_digits(text: str) -> str:
    """Full-width digits and letters to ASCII (used for matching, never for display)."""
    return unicodedata.normalize("NFKC", text)

"""Layout: clean lines -> blocks (paragraphs and heading lines), whatever the source's layout.

Real copies of one report arrive in several layouts, and one file may mix them:
- paragraphs separated by blank lines (a block's inner line breaks are soft wraps);
- one paragraph per line, no blank lines (most web copies);
- hard-wrapped lines, no blank lines (PDF-to-text): the wrap width is inferred from the
  report's own line lengths: a line about as wide as the widest common width runs on, a
  line clearly shorter ends its paragraph;
- indents (full-width spaces, tabs) that open paragraphs, CRLF line ends.
Whatever the layout, a line that opens a numbered heading or item starts a block, and a block
that has not finished its sentence (a page break, a lost line end) runs on into the next.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .numbering import is_heading_start, is_item_start
from .text import AGENCY_NOTE, TITLE_TAIL, dangles, ends_sentence, is_complete, is_heading_line, is_standalone_line

MIN_WRAP = 30             # display columns: no report is wrapped narrower than 15 characters
WRAP_TOLERANCE = 4        # display columns (two CJK characters) a wrapped line may fall short
MIN_WRAPPED_SHARE = 0.5   # share of running-on lines at one width that makes lines wrapped
BLANK_SEPARATED = 0.3     # blank gaps per line break above which blank lines end paragraphs


@dataclass
class Line:
    text: str           # cleaned text
    line: int           # 1-based source line
    width: int          # display width of the raw line (CJK = 2 columns), indent included
    indent: bool        # opens with full-width spaces, two spaces or a tab
    hard: bool = False  # ends with a Markdown hard break (two spaces or a tab)
    listed: bool = False  # opened with a list dash
    bold: bool = False  # the whole line was one Markdown bold span ("**…**"): set as a title


@dataclass
class Block:
    text: str
    line: int            # 1-based line of the block's first line
    front: bool = False  # part of the title block before the body starts


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_width(lines: list[Line]) -> int | None:
    """The width hard-wrapped lines were wrapped at, or None when no lines are wrapped.

    A wrapped line stops where the width ran out, mostly not at the end of a sentence; so the
    lines that run on (no sentence end, no heading) pile up at one width. In a file of whole
    paragraphs the few lines without a sentence end are titles and labels of every length.
    Lines of other layouts in the same file end sentences and do not disturb the count.
    """
    widths = [ln.width for ln in lines
              if ln.width >= MIN_WRAP and not ends_sentence(ln.text) and not is_heading_start(ln.text)]
    if len(widths) < 8:
        return None
    counts = Counter(widths)
    best, best_key = None, (0, 0)
    for w in sorted(counts):
        key = (sum(c for x, c in counts.items() if w - WRAP_TOLERANCE <= x <= w), counts[w])
        if key > best_key:
            best, best_key = w, key
    best_near = best_key[0]
    if best_near < MIN_WRAPPED_SHARE * len(widths):
        return None
    return best


# How paragraphs of Chinese official reports open: a short lead sentence ("营商环境迭代焕新。"),
# an ordinal ("二是…"), a heading-like line. After a line that ends a sentence, these mark a new
# paragraph even where the line before is full width.
ADDRESS = re.compile(r"^(?:各位代表|各位委员|同志们)[，,！!：:]")   # "各位代表，新的一年，…"
PARAGRAPH_OPENING = re.compile(r"^(?:[一二三四五六七八九十]+是|[^，。；,;：:、！!]{2,16}[。：:！!])")


def opens_paragraph(text: str) -> bool:
    if text.startswith(("(", "（")):
        return False        # a bracket note ("(牵头单位:…)") closes the sentence before it
    return bool(PARAGRAPH_OPENING.match(text) or ADDRESS.match(text)) or is_standalone_line(text)


def _indent_opens_paragraphs(lines: list[Line]) -> bool:
    """Indents mean something only where some lines have them and most do not."""
    share = sum(ln.indent for ln in lines) / max(1, len(lines))
    return 0.03 <= share <= 0.7


def _blank_separated(entries: list[Line | None]) -> bool:
    """Whether blank lines separate the paragraphs: a gap stands between many adjacent lines."""
    breaks = gaps = 0
    seen_line = blank_since = False
    for e in entries:
        if e is None:
            blank_since = seen_line
            continue
        if seen_line:
            breaks += 1
            gaps += blank_since
        seen_line, blank_since = True, False
    return breaks > 0 and gaps / breaks >= BLANK_SEPARATED


def _full(line: Line, wrap: int) -> bool:
    return wrap - WRAP_TOLERANCE <= line.width <= wrap + 2


def _joiner(left: str, right: str) -> str:
    """Latin words broken across lines keep a space; CJK text and digits do not."""
    if left and right and left[-1].isascii() and left[-1].isalpha() and right[0].isascii() and right[0].isalpha():
        return " "
    return ""


_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")


def _listing_title(text: str, following: str) -> bool:
    """A part's title that lists what it holds with 、 ("“十三五”时期的指导思想、奋斗目标和主要任务"),
    followed by a sentence of its own: a title, though 、 keeps it from being a standalone line.
    (A bold span set on a line of its own, "主要预期目标" / "是：…", goes on in the next line.)"""
    return (len(text) <= 30 and "、" in text and is_standalone_line(text.replace("、", ""))
            and bool(TITLE_TAIL.search(text)) and not _GOES_ON.match(following))


_GOES_ON = re.compile(r"[是为的和与及、，,：:；;（(\dA-Za-z]")


def _item_title_line(text: str) -> bool:
    """A numbered item line shaped like a title ("5.坚持建设精致城市，提升城镇集聚和承载能力"):
    a paragraph opening after it ("强化规划引领。…") is not its sentence's tail."""
    return is_item_start(text) and "。" not in text and len(text) <= 40 and bool(re.search(r"[\u4e00-\u9fff]$", text))


TITLE_CHARS = 40         # a bold line of its own up to this long is a title, not a sentence under way


def to_blocks(entries: list[Line | None]) -> list[Block]:
    lines = [e for e in entries if e is not None]
    wrap = wrap_width(lines)
    indents = _indent_opens_paragraphs(lines)
    blank_mode = _blank_separated(entries)

    # 1. Lines -> raw blocks: [text, line, starts_item, a title line set bold on its own].
    # A blank line always ends a block.
    raw_blocks: list[list] = []
    previous: Line | None = None
    for entry in entries:
        if entry is None:
            previous = None
            continue
        text = entry.text
        starts = is_heading_start(text) or is_item_start(text)
        if previous is None or not raw_blocks:
            joins = False
        elif starts or entry.listed or previous.hard:
            # a list dash opens a new block, but only numbering makes it an item
            joins = False
        elif indents and entry.indent:
            # before the heading rule below: an indented line after a heading opens its first
            # paragraph even when it is short and its first comma falls on the next line (PDF text)
            joins = False
        elif is_heading_line(raw_blocks[-1][0]) and not (wrap and _full(previous, wrap)):
            # after a heading line, a line with sentence punctuation (or a long one) is the
            # body, not the wrapped tail of the heading ("一、总体要求" / "坚持稳中求进，……")
            joins = not (len(text) > 25 or re.search(r"[，。；,;：:]", text))
        elif wrap is not None and _full(previous, wrap):
            # a full line runs on, unless it ends a sentence and the next line opens a paragraph
            # (where indents open paragraphs, a line without one never does: a lead sentence
            # that happens to start a line of a PDF stays in its paragraph)
            joins = indents or not (ends_sentence(previous.text) and opens_paragraph(text))
        else:
            # a short line (or, in a file that is not wrapped, any line) ends its paragraph,
            # except inside a block of a file whose paragraphs are separated by blank lines
            joins = blank_mode and wrap is None
        if joins:
            raw_blocks[-1][0] += _joiner(raw_blocks[-1][0], text) + text
            raw_blocks[-1][3] = False
        else:
            raw_blocks.append([text, entry.line, starts, entry.bold])
        previous = entry

    # 2. Join blocks a page break (or a lost line end) split: the earlier block has not ended
    # its sentence and the later one does not open a heading or item. Before the body starts
    # (the title block) nothing is joined.
    # A short line is a title, unless it is a sentence under way: one that dangles ("…发展的") or
    # has already taken in the next line (a bold span the scrape put on a line of its own).
    blocks: list[Block] = []
    body_started = False
    running = False          # the last block is a sentence joined across lines
    titled = False           # the last block is a title line set bold on its own
    for text, lineno, starts, bold in raw_blocks:
        front = not body_started
        # a block wholly in brackets before the body is the dateline ("（2031年1月9日在…会议上）"),
        # not its first sentence: the speaker's name may still follow
        if not body_started and (is_heading_start(text) or (ends_sentence(text) and not _BRACKETED.fullmatch(text))):
            body_started = True
            front = False
        if (blocks and not blocks[-1].front and not front and not starts
                and not is_complete(blocks[-1].text)
                and (running or dangles(blocks[-1].text) or not is_standalone_line(blocks[-1].text))
                and not is_heading_line(blocks[-1].text)
                and not _listing_title(blocks[-1].text, text)
                # a bold line of its own with a comma in it ("**用好改革开放“关键一招”，构建…体制机制**")
                # is a title the next paragraph follows, not a sentence it goes on
                and not (titled and len(blocks[-1].text) <= TITLE_CHARS)
                and not (_item_title_line(blocks[-1].text) and opens_paragraph(text)
                         and not AGENCY_NOTE.search(text))):
            blocks[-1].text += _joiner(blocks[-1].text, text) + text
            running, titled = True, False
            continue
        blocks.append(Block(text, lineno, front))
        running, titled = False, bold
    return blocks

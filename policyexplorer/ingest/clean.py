"""Cleaning: source lines -> clean lines (layout.py then makes them blocks), plus a log of removals.

The sources come from web scrapes and PDF-to-text conversions. Each kind of damage is handled
by a general rule, never by knowing which report it is:

- the page's frame (frame.py): toolbars, source and time labels, photo captions before the
  report, a related-links list and file links after it, by shape and position;
- page furniture (furniture.py): web debris, copyright and ICP lines, disclaimers, bylines,
  share prompts, transcript labels, a speaker's label, a news dateline, wherever they stand;
- PDF page footers ("—4—"), also when one sits inside a word ("市教—4—" / "育局");
- numbers broken by spaces ("5. 4 万套"), spaces around CJK ("2024 年"), Markdown debris
  ("**", "#" levels, list dashes, "^{——}", "PM_{2.5}").

Punctuation is never rewritten: readers quote the text as the source prints it.
"""
from __future__ import annotations

import re
import unicodedata

from ..model import Removal
from . import frame, furniture
from .layout import Block, Line, to_blocks, width
from .text import ends_sentence, is_complete, is_heading_line, is_standalone_line

__all__ = ["Block", "clean", "clean_lines", "normalise_spaces", "ends_sentence", "is_complete",
           "is_standalone_line", "is_heading_line", "nfkc_digits"]

CJK = furniture.CJK
CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7"
ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")

# PDF page footers: "—4—", "— 12 —", "- 3 -"; and a footer cut at a line end: "责任 30 —".
FOOTER_INLINE = re.compile(r"\s*[—–－-]\s*\d{1,3}\s*[—–－-]\s*")
FOOTER_LINE_END = re.compile(r"\s+\d{1,3}\s*[—–]\s*$")
FOOTER_WHOLE = re.compile(r"^\s*(?:[—–－-]?\s*\d{1,3}\s*[—–－-]?|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?)\s*$")

# A newspaper's jump line, where a text continues from or onto another page: "（上接A02版）",
# "(下转第3版)", "（紧转第2版）"
PAGE_JUMP = re.compile(r"\s*[（(](?:上接|下转|接上|转下|紧接|紧转)第?[A-Za-z]?\d{1,3}版[)）]\s*")

MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
MD_LIST = re.compile(r"^\s*(?:[-*+•·]\s+)")
MD_EMPHASIS = re.compile(r"\*\*")   # not "__": it is text in identifiers (window.__x)
MD_SUP_SUB = re.compile(r"[\^_]\{([^{}]*)\}|<(su[bp])>([^<]*)</\2>")

HARD_BREAK = re.compile(r"(?: {2,}|\t)$")
MD_BOLD_LINE = re.compile(r"\*\*[^*]+\*\*")          # a whole line set bold
INDENT = re.compile(r"^(?:\u3000+| {2,}|\t+)")


def _strip_inline(text: str, line: int, removed: list[Removal]) -> str:
    """Remove inline debris: footers inside words, emphasis markers, ^{}/_{} markup."""
    if FOOTER_INLINE.search(text) and not _looks_like_range(text):
        def footer(m: re.Match) -> str:
            if _inside_date(text, m):
                return m.group(0)
            removed.append(Removal(line, "page-footer", m.group(0).strip()))
            return ""
        text = FOOTER_INLINE.sub(footer, text)
    for m in PAGE_JUMP.finditer(text):
        removed.append(Removal(line, "page-footer", m.group(0).strip()))
    text = PAGE_JUMP.sub("", text)
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


def _inside_date(text: str, m: re.Match) -> bool:
    """"2026-02-05": a month between hyphens glued to digits on both sides is a date, not "-02-"."""
    return (m.start() > 0 and text[m.start() - 1].isdigit() and m.end() < len(text) and text[m.end()].isdigit()
            and not any(ch.isspace() for ch in m.group(0)) and m.group(0)[0] in "-－" and m.group(0)[-1] in "-－")


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
    # "增长6% ," -> "增长6%,": a PDF sets a figure apart as a run of its own, ASCII comma and all
    text = re.sub(r"(?<=[\d%‰]) (?=[,;:!?)])", "", text)
    return text.replace("\x00", " ")


def clean_lines(raw: str, extra_debris: list[str] | None = None, speaker: str | None = None
                ) -> tuple[list[Line | None], list[Removal]]:
    """Source lines -> clean Lines (None for a blank line), and every removal with its line."""
    removed: list[Removal] = []
    extra = [re.compile(p) for p in (extra_debris or [])]
    kept: list[Line | None] = []
    tail = False
    source = raw.split("\n")
    stripped_lines = [ZERO_WIDTH.sub("", line).strip() for line in source]
    running = furniture.running_headers(stripped_lines)
    framed = frame.frame_debris(stripped_lines)
    trailer = frame.frame_trailer(stripped_lines)
    glue: Line | None = None        # a line a subscript was glued to: the next line continues it
    for i, line in _split_glued_headings(source):
        line = line.rstrip("\r")
        stripped = ZERO_WIDTH.sub("", line).strip()
        if not stripped:
            if glue is None:
                kept.append(None)
            continue
        if stripped in running:
            removed.append(Removal(i, "running-header", stripped))
            continue
        if tail or furniture.web_tail(stripped):
            tail = True
            removed.append(Removal(i, "web-debris", stripped))
            continue
        if furniture.web_line(stripped) or any(p.search(stripped) for p in extra):
            removed.append(Removal(i, "web-debris", stripped))
            continue
        kind = furniture.furniture_kind(normalise_spaces(stripped), speaker)
        if kind:
            removed.append(Removal(i, kind, stripped))
            continue
        if i - 1 in framed:          # the page's frame, known by shape and position (frame.py)
            removed.append(Removal(i, framed[i - 1], stripped))
            continue
        if "\t" in line.strip() and _is_blank_form_row(line):
            removed.append(Removal(i, "table-debris", stripped))
            continue
        if FOOTER_WHOLE.match(stripped):
            glue = _subscript(stripped, kept)
            if glue is not None:
                glue.text += stripped
            else:
                removed.append(Removal(i, "page-footer", stripped))
            continue
        hard = bool(HARD_BREAK.search(line))
        indent = bool(INDENT.match(ZERO_WIDTH.sub("", line)))
        text = line
        if trailer and trailer[0] == i - 1:      # a link label glued after the last sentence
            removed.append(Removal(i, "web-debris", trailer[1]))
            text = text.rstrip()[: -len(trailer[1])]
        listed = bool(MD_LIST.match(text))
        bold = bool(MD_BOLD_LINE.fullmatch(text.strip()))
        if MD_HEADING.match(text):
            removed.append(Removal(i, "markup", MD_HEADING.match(text).group(0).strip()))
            text = MD_HEADING.sub("", text)
        if MD_LIST.match(text):
            text = MD_LIST.sub("", text)
        text = _strip_inline(text, i, removed)
        text = normalise_spaces(text)
        lead = furniture.dateline(text)
        if lead:
            removed.append(Removal(i, "dateline", lead.strip()))
            text = text[len(lead):]
        if not text:
            continue
        if glue is not None:
            glue.text, glue.hard, glue = glue.text + text, hard, None
            continue
        kept.append(Line(text, i, width(line.rstrip()), indent, hard, listed, bold))
    return kept, removed


# "**三、2017年主要工作任务** （一）深化…": a scrape ran a part's bold heading and the first
# numbered heading under it into one line.
GLUED_HEADING = re.compile(r"^(\s*\*\*[^*。；;]{2,40}\*\*)\s*((?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)\S.*)$")


def _split_glued_headings(source: list[str]):
    """(line number, line) of the source, a bold heading glued to the heading under it given as
    two lines of the same number."""
    for i, line in enumerate(source, start=1):
        m = GLUED_HEADING.match(line)
        if m and re.match(r"\s*\*\*(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[部章])", m.group(1)):
            yield i, m.group(1)
            yield i, m.group(2)
        else:
            yield i, line


def _subscript(line: str, kept: list) -> Line | None:
    """The line a subscript belongs to: a scrape sets one on a line of its own ("广义货币M" / "2" /
    "增长9%", "CO" / "2"). A figure of a digit or two right after a line ending in a capital
    letter is part of that sentence, and the line after it too; a page number stands between
    sentences (and PDFs lose theirs by position)."""
    last = next((x for x in reversed(kept) if x is not None), None)
    if last is not None and re.fullmatch(r"\d{1,2}(?:\.\d)?", line) and re.search(r"[A-Z]$", last.text):
        return last
    return None


def clean(raw: str, extra_debris: list[str] | None = None, speaker: str | None = None
          ) -> tuple[list[Block], list[Removal]]:
    """Turn the raw source text into blocks; report every removal with its line."""
    lines, removed = clean_lines(raw, extra_debris, speaker)
    return to_blocks(lines), removed


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

"""Word (.docx) -> text: the body's paragraphs and tables in document order, one paragraph a line
with a blank line between (layout.py reads blank-line paragraphs), headings (a Heading N /
标题 N / Title style) on lines of their own, each table row a line of its cells.

Word's automatic numbering ("一、" "（一）" "第一章" set by a list style, not typed) is not in a
paragraph's text; it is written back in front of it (numbering.py then reads headings as
numbered), counted the way Word counts: per list, a level restarting the levels below it.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..errors import CorpusError

HEADING_STYLE = re.compile(r"^(?:heading|标题|title)\s*\d*$", re.I)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DIGITS = "〇一二三四五六七八九"


def _style_name(paragraph) -> str:
    try:
        return paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError):      # a style id the styles part does not define
        return ""


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (list numbers)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if not rest else ("零" + DIGITS[rest] if rest < 10 else
                                    ("一" + chinese_number(rest) if rest < 20 else chinese_number(rest)))
        return DIGITS[n // 100] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
               "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_number(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸"[n - 1] if 1 <= n <= 10 else str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)               # decimal and anything else


def _val(element, path: str) -> str | None:
    found = element.find(path)
    return None if found is None else found.get(W + "val")


class Numbering:
    """Word's list numbers: numbering.xml's definitions and the counters as the body goes."""

    def __init__(self, document):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}   # (abstract id, level) -> (format, text, start)
        self.abstract: dict[str, str] = {}                               # num id -> abstract id
        self.counters: dict[str, dict[int, int]] = {}
        self.styles = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            for abstract in root.findall(W + "abstractNum"):
                aid = abstract.get(W + "abstractNumId")
                for lvl in abstract.findall(W + "lvl"):
                    start = _val(lvl, W + "start")
                    self.levels[(aid, int(lvl.get(W + "ilvl", "0")))] = (
                        _val(lvl, W + "numFmt") or "decimal", _val(lvl, W + "lvlText") or "",
                        int(start) if start and start.lstrip("-").isdigit() else 1)
            for num in root.findall(W + "num"):
                aid = _val(num, W + "abstractNumId")
                if aid is not None:
                    self.abstract[num.get(W + "numId")] = aid
        for style in document.styles.element.findall(W + "style"):
            self.styles[style.get(W + "styleId")] = style

    def _num_pr(self, p) -> tuple[str, int] | None:
        """(num id, level) of a paragraph: its own, else its style's (and the styles it is based on)."""
        ppr = p.find(W + "pPr")
        num_pr = None if ppr is None else ppr.find(W + "numPr")
        style_id = None if ppr is None else _val(ppr, W + "pStyle")
        seen = set()
        while num_pr is None and style_id and style_id not in seen:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                break
            sppr = style.find(W + "pPr")
            num_pr = None if sppr is None else sppr.find(W + "numPr")
            style_id = _val(style, W + "basedOn")
        if num_pr is None:
            return None
        num_id = _val(num_pr, W + "numId")
        level = _val(num_pr, W + "ilvl")
        if not num_id or num_id == "0":
            return None
        return num_id, int(level) if level and level.isdigit() else 0

    def label(self, p) -> str:
        """The number Word shows before paragraph p ("一、", "（二）"), counting it; "" for none."""
        found = self._num_pr(p)
        if found is None or found[0] not in self.abstract:
            return ""
        aid, level = self.abstract[found[0]], found[1]
        if (aid, level) not in self.levels:
            return ""
        counters = self.counters.setdefault(aid, {})
        counters[level] = counters.get(level, self.levels[(aid, level)][2] - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        fmt, text, _ = self.levels[(aid, level)]
        if fmt in ("bullet", "none"):
            return ""

        def number(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            kfmt, _, kstart = self.levels.get((aid, k), ("decimal", "", 1))
            return format_number(counters.get(k, kstart), kfmt)
        return re.sub(r"%(\d)", number, text)


def docx_to_text(path: Path) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CorpusError(f"{path}: not a readable .docx file ({exc}); a .doc must be saved as .docx first") from None
    numbering = Numbering(document)
    blocks: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            text = paragraph.text.replace("\v", "\n").strip()
            label = numbering.label(child)
            if not text:
                continue
            if HEADING_STYLE.match(_style_name(paragraph).strip()):
                text = " ".join(text.split())   # a heading is one line however it was broken
            blocks.append(label + text)
        elif tag == "tbl":
            rows = []
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:            # a merged cell repeats: keep it once
                    value = " ".join(cell.text.split())
                    if value and (not cells or cells[-1] != value):
                        cells.append(value)
                if cells:
                    rows.append("\t".join(cells))
            if rows:
                blocks.append("\n".join(rows))
    return "\n\n".join(blocks) + "\n" if blocks else ""

"""Text as a PDF (or a careless copy) gives it -> the characters and spacing a reader sees.

A PDF's fonts often map glyphs to the wrong code points: Kangxi radicals and CJK radicals
(⼯ U+2F2F for 工, ⻓ U+2ED3 for 长) and compatibility ideographs look right on the page but match
nothing in search, indicators or places. Extraction also sets spaces around figures and
full-width punctuation ("增⻓ 5.2% ，"). normalise() maps the glyphs back and drops those spaces,
line by line, keeping each line's leading indent (layout.py reads indents) and line breaks.
"""
from __future__ import annotations

import re
import unicodedata

# CJK Radicals Supplement (U+2E80-U+2EFF) -> the unified ideograph of the same glyph, from Unicode's
# EquivalentUnifiedIdeograph.txt (UCD 14.0, https://www.unicode.org/Public/UCD/latest/ucd/
# EquivalentUnifiedIdeograph.txt, U+2E81..U+2EF3). NFKC maps the Kangxi radicals (U+2F00-U+2FD5)
# but none of these, and a simplified-character font sets ⻓ ⻔ ⻛ ⻋ ⻅ for 长 门 风 车 见.
_SUPPLEMENT = {
    0x2E81: 0x5382, 0x2E82: 0x4E5B, 0x2E83: 0x4E5A, 0x2E84: 0x4E59, 0x2E85: 0x4EBB, 0x2E86: 0x5182,
    0x2E87: 0x20628, 0x2E88: 0x5200, 0x2E89: 0x5202, 0x2E8A: 0x535C, 0x2E8B: 0x353E, 0x2E8C: 0x5C0F,
    0x2E8D: 0x5C0F, 0x2E8E: 0x5140, 0x2E8F: 0x5C23, 0x2E90: 0x5C22, 0x2E91: 0x21BC2, 0x2E92: 0x5DF3,
    0x2E93: 0x5E7A, 0x2E94: 0x5F51, 0x2E95: 0x5F50, 0x2E96: 0x5FC4, 0x2E97: 0x5FC3, 0x2E98: 0x624C,
    0x2E99: 0x6535, 0x2E9B: 0x65E1, 0x2E9C: 0x65E5, 0x2E9D: 0x6708, 0x2E9E: 0x6B7A, 0x2E9F: 0x6BCD,
    0x2EA0: 0x6C11, 0x2EA1: 0x6C35, 0x2EA2: 0x6C3A, 0x2EA3: 0x706C, 0x2EA4: 0x722B, 0x2EA5: 0x722B,
    0x2EA6: 0x4E2C, 0x2EA7: 0x725B, 0x2EA8: 0x72AD, 0x2EA9: 0x738B, 0x2EAA: 0x24D14, 0x2EAB: 0x76EE,
    0x2EAC: 0x793A, 0x2EAD: 0x793B, 0x2EAE: 0x25AD7, 0x2EAF: 0x7CF9, 0x2EB0: 0x7E9F, 0x2EB1: 0x7F53,
    0x2EB2: 0x7F52, 0x2EB3: 0x34C1, 0x2EB4: 0x5197, 0x2EB5: 0x2626B, 0x2EB6: 0x7F8A, 0x2EB7: 0x2634C,
    0x2EB8: 0x2634B, 0x2EB9: 0x8002, 0x2EBA: 0x8080, 0x2EBB: 0x807F, 0x2EBC: 0x8089, 0x2EBD: 0x26951,
    0x2EBE: 0x8279, 0x2EBF: 0x8279, 0x2EC0: 0x8279, 0x2EC1: 0x864E, 0x2EC2: 0x8864, 0x2EC3: 0x8980,
    0x2EC4: 0x897F, 0x2EC5: 0x89C1, 0x2EC6: 0x89D2, 0x2EC7: 0x278B2, 0x2EC8: 0x8BA0, 0x2EC9: 0x8D1D,
    0x2ECA: 0x27FB7, 0x2ECB: 0x8F66, 0x2ECC: 0x8FB6, 0x2ECD: 0x8FB6, 0x2ECE: 0x8FB6, 0x2ECF: 0x9091,
    0x2ED0: 0x9485, 0x2ED1: 0x9577, 0x2ED2: 0x9578, 0x2ED3: 0x957F, 0x2ED4: 0x95E8, 0x2ED5: 0x28E0F,
    0x2ED6: 0x961D, 0x2ED7: 0x96E8, 0x2ED8: 0x9752, 0x2ED9: 0x97E6, 0x2EDA: 0x9875, 0x2EDB: 0x98CE,
    0x2EDC: 0x98DE, 0x2EDD: 0x98DF, 0x2EDE: 0x2967F, 0x2EDF: 0x98E0, 0x2EE0: 0x9963, 0x2EE1: 0x29810,
    0x2EE2: 0x9A6C, 0x2EE3: 0x9AA8, 0x2EE4: 0x9B3C, 0x2EE5: 0x9C7C, 0x2EE6: 0x9E1F, 0x2EE7: 0x5364,
    0x2EE8: 0x9EA6, 0x2EE9: 0x9EC4, 0x2EEA: 0x9EFE, 0x2EEB: 0x6589, 0x2EEC: 0x9F50, 0x2EED: 0x6B6F,
    0x2EEE: 0x9F7F, 0x2EEF: 0x7ADC, 0x2EF0: 0x9F99, 0x2EF1: 0x9F9C, 0x2EF2: 0x4E80, 0x2EF3: 0x9F9F,
}
RADICALS = {chr(k): chr(v) for k, v in _SUPPLEMENT.items()}


def _is_mapped_by_nfkc(ch: str) -> bool:
    """Kangxi radicals and CJK compatibility ideographs: NFKC gives the unified ideograph. NFKC is
    applied to these alone, never to the whole text: it would also turn full-width punctuation
    (，：（）) and digits into ASCII, which the report's own text uses and later steps read."""
    cp = ord(ch)
    return 0x2F00 <= cp <= 0x2FDF or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F


def _glyph_map() -> dict[int, str]:
    table = {ord(k): v for k, v in RADICALS.items()}
    for cp in [*range(0x2F00, 0x2FE0), *range(0xF900, 0xFB00), *range(0x2F800, 0x2FA20)]:
        mapped = unicodedata.normalize("NFKC", chr(cp))
        if mapped != chr(cp):
            table[cp] = mapped
    return table


GLYPHS = _glyph_map()

# Characters of CJK text: ideographs (with extensions), CJK symbols and punctuation, full-width
# forms, and the quotes, dashes and ellipsis Chinese text sets full-width.
CJK = "\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f"
CJK_MARKS = "\u2014\u2018\u2019\u201c\u201d\u2026\u00b7"
_WIDE = f"[{CJK}{CJK_MARKS}]"
_IDEO = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
_PUNCT = f"[\u3000-\u303f\uff00-\uffef{CJK_MARKS}]"
_GAP = "[ \t\u00a0\u3000\u2002-\u200a\u202f]+"
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
# Spaces a PDF puts next to CJK text: "增长 5.2% ，" -> "增长5.2%，"; Latin words keep theirs.
# A gap between two ideographs is kept here ("某区区长 张三": a title before a name, which
# clean.py reads) unless the line is spaced out, most of its ideographs apart ("政 府 报 告").
_AROUND_PUNCT = re.compile(f"(?<={_PUNCT}){_GAP}(?=\\S)|(?<=\\S){_GAP}(?={_PUNCT})")
_WIDE_NARROW = re.compile(f"(?<={_IDEO}){_GAP}(?=[^\\s\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef])"
                          f"|(?<=[^\\s\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]){_GAP}(?={_IDEO})")
_IDEO_GAP = re.compile(f"(?<={_IDEO}){_GAP}(?={_IDEO})")
_IDEO_PAIR = re.compile(f"{_IDEO}(?={_IDEO})")
# "5.2 %" and "5. 2" inside a figure
_IN_FIGURE = re.compile(f"(?<=\\d){_GAP}(?=[%‰])|(?<=\\d\\.){_GAP}(?=\\d)")
# no text, Latin or Chinese, sets a space before a comma or closing bracket, or after an opening one
_BEFORE_PUNCT = re.compile(f"(?<=\\S){_GAP}(?=[,;:!?)\\]])|(?<=[(\\[]){_GAP}(?=\\S)")


def normalise_glyphs(text: str) -> str:
    """Radicals and compatibility ideographs -> the unified ideographs they stand for; nothing else."""
    return text.translate(GLYPHS)


def normalise_line(line: str) -> str:
    """One line: glyphs mapped, zero-width characters dropped, spaces next to CJK text and inside
    figures dropped; the leading indent and spaces between Latin words kept."""
    line = _ZERO_WIDTH.sub("", normalise_glyphs(line)).rstrip()
    body = line.lstrip(" \t\u3000\u00a0")
    indent = line[: len(line) - len(body)]
    body = _BEFORE_PUNCT.sub("", _IN_FIGURE.sub("", _WIDE_NARROW.sub("", _AROUND_PUNCT.sub("", body))))
    gaps = len(_IDEO_GAP.findall(body))
    if gaps >= 2 and gaps > len(_IDEO_PAIR.findall(body)):
        body = _IDEO_GAP.sub("", body)
    return indent + body


def normalise(text: str) -> str:
    """Every line normalised (normalise_line); line breaks as they were, CRLF and CR as LF."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(normalise_line(line) for line in lines)

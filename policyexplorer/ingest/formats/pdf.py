"""PDF -> text: pdfium's text layer page by page, the page frame (running headers, footers, page
numbers) removed by shape, paragraph indents kept as full-width spaces.

The frame is found by position and repetition, never by a list of strings: a line standing in
the first or last lines of a page that is a page number ("- 3 -", "第3页", "3/20", "Page 3"), or
whose shape (digits masked) stands there on many pages. Hard-wrapped lines stay as they are:
layout.py joins them. An indent is read from where each line starts on the page, so layout.py
sees paragraph openings the way a reader does.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..errors import CorpusError

# how many lines at each end of a page can belong to its frame
EDGE_LINES = 3
# a shape repeated at a page's edge on this share of its pages (and at least 3) is a running head or foot
REPEATED_SHARE = 0.5
PAGE_NUMBER = re.compile(
    r"^[\s\-—–－·•()（）]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页|\s*of\s*\d{1,4})?"
    r"[\s\-—–－·•()（）]*$|^\s*(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.I)
# a page carrying fewer characters than this is taken as having no text layer
MIN_PAGE_CHARS = 10


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def _open(path: Path):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium.raw.FPDF_ERR_PASSWORD, pdfium.raw.FPDF_ERR_SECURITY):
            raise CorpusError(f"{path}: the PDF is encrypted (it needs a password); "
                              f"save an unprotected copy and add that") from None
        raise CorpusError(f"{path}: not a readable PDF ({exc})") from None


def _page_lines(page) -> list[tuple[str, tuple[float, float] | None]]:
    """The page's lines with the left edge of each in ems of its first character (None where
    pdfium's text and its character boxes do not line up, e.g. characters beyond the BMP). The
    loose box is the character's whole em square: "（" starts where its pen does, not at its ink."""
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count > 0 else ""
        aligned = len(text) == count
        lines: list[tuple[str, tuple[float, float] | None]] = []
        start = 0
        for piece in re.split(r"(\r\n|\n|\r)", text):
            if piece in ("\r\n", "\n", "\r"):
                start += len(piece)
                continue
            left = None
            if aligned and piece.strip():
                first = start + (len(piece) - len(piece.lstrip()))
                x0, _, x1, _ = textpage.get_charbox(first, loose=True)
                left = (x0, max(x1 - x0, 1.0))
            lines.append((piece, left))
            start += len(piece)
        return lines
    finally:
        textpage.close()


def _strip_frame(pages: list[list[tuple[str, tuple[float, float] | None]]]) -> list[list[tuple[str, tuple[float, float] | None]]]:
    """Drop the lines at a page's top or bottom that are page numbers or repeat there by shape."""
    def edges(lines):
        idx = [i for i, (t, _) in enumerate(lines) if t.strip()]
        return idx[:EDGE_LINES], idx[-EDGE_LINES:]

    seen: Counter[str] = Counter()
    for lines in pages:
        head, tail = edges(lines)
        seen.update({_shape(lines[i][0]) for i in set(head) | set(tail)})
    need = max(3, REPEATED_SHARE * len(pages))
    out = []
    for lines in pages:
        head, tail = edges(lines)
        drop = set()
        # walk in from each edge: the frame is the outermost lines, stop at the first body line
        # (a shape once per edge: a running head naming the report stands above its own title)
        for order in (head, list(reversed(tail))):
            shapes = set()
            for i in order:
                text, shape = lines[i][0], _shape(lines[i][0])
                if shape in shapes:
                    break
                if PAGE_NUMBER.match(text) or (len(pages) >= 3 and seen[shape] >= need):
                    drop.add(i)
                    shapes.add(shape)
                else:
                    break
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out


def _indent_lines(pages: list[list[tuple[str, tuple[float, float] | None]]]) -> list[str]:
    """Lines starting clearly right of the text's usual left edge get two full-width spaces."""
    lefts = Counter(round(left[0]) for lines in pages for _, left in lines if left is not None)
    if not lefts:
        return [t.strip() for lines in pages for t, _ in lines]
    margin = lefts.most_common(1)[0][0]
    out = []
    for lines in pages:
        for text, left in lines:
            # over one and a half characters in (a CJK paragraph indent is two; a centred title more)
            indented = left is not None and left[0] - margin > 1.5 * left[1]
            out.append(("\u3000\u3000" if indented else "") + text.strip())
    return out


def pdf_to_text(path: Path) -> str:
    pdf = _open(path)
    try:
        pages = [_page_lines(pdf[i]) for i in range(len(pdf))]
    finally:
        pdf.close()
    if not pages:
        raise CorpusError(f"{path}: the PDF has no pages")
    bare = [n + 1 for n, lines in enumerate(pages) if sum(len(t.strip()) for t, _ in lines) < MIN_PAGE_CHARS]
    if len(bare) * 2 > len(pages):
        raise CorpusError(f"{path}: {len(bare)} of {len(pages)} pages have no text layer (a scanned PDF?); "
                          f"run OCR on it or add the text as a .txt file")
    return "\n".join(_indent_lines(_strip_frame(pages))) + "\n"

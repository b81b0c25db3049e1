"""Word (.docx) -> text: the body's paragraphs and tables in document order, one paragraph a line
with a blank line between (layout.py reads blank-line paragraphs), headings (a Heading N /
标题 N / Title style) on lines of their own, each table row a line of its cells."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..errors import CorpusError

HEADING_STYLE = re.compile(r"^(?:heading|标题|title)\s*\d*$", re.I)


def _style_name(paragraph) -> str:
    try:
        return paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError):      # a style id the styles part does not define
        return ""


def docx_to_text(path: Path) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CorpusError(f"{path}: not a readable .docx file ({exc}); a .doc must be saved as .docx first") from None
    blocks: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            text = paragraph.text.replace("\v", "\n").strip()
            if not text:
                continue
            if HEADING_STYLE.match(_style_name(paragraph).strip()):
                text = " ".join(text.split())   # a heading is one line however it was broken
            blocks.append(text)
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

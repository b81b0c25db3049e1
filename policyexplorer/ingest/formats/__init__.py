"""A report as received, in whatever format -> its text, whole, a PDF font's glyphs mapped back.

    normalise.py  radicals and compatibility ideographs -> ideographs; spaces a PDF adds
    pdf.py        pypdfium2 text layer; running headers, footers, page numbers removed by shape
    word.py       python-docx paragraphs and tables in order; headings from their styles and
                  the numbers a list style sets
    html.py       trafilatura: a saved page's main text without its navigation and footer

to_text(path) dispatches by suffix and maps glyphs back (normalise_glyphs) in every format. It
keeps spaces and line breaks as they stand: layout.py infers hard wrapping from each line's
width as received (dropping the spaces around figures would make a full line look short and end
its paragraph there); clean.py drops those spaces line by line afterwards, as
normalise.normalise does for a reader of the whole text (inference in `add`).
Every refusal is a CorpusError naming the file: an unknown format, a file over MAX_BYTES, an
encrypted PDF, a PDF without a text layer, nothing to read. .txt and .md are decoded as before
(decode.decode_source: UTF-8, BOM, UTF-16, GBK).
"""
from __future__ import annotations

from pathlib import Path

from ..decode import CONVERTED_SUFFIXES, decode_source
from ..errors import CorpusError
from .normalise import normalise_glyphs

# The largest file read: a work report's PDF with photos is a few MB; a file a hundred times
# that is a mistake (a scan, an archive), and reading it whole would stall the build.
MAX_BYTES = 50 * 1024 * 1024

TEXT_SUFFIXES = (".txt", ".md")
SUFFIXES = TEXT_SUFFIXES + CONVERTED_SUFFIXES


def check_file(path: Path) -> None:
    """Refuse what is not a regular file of a known format within the size limit."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        what = ".doc (save it as .docx)" if suffix == ".doc" else (suffix or "no suffix")
        raise CorpusError(f"{path}: unknown format {what}; expected one of {', '.join(SUFFIXES)}")
    if not path.is_file():
        raise CorpusError(f"{path}: not a file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise CorpusError(f"{path}: {size / 1024 / 1024:.0f} MB is over the limit of "
                          f"{MAX_BYTES // 1024 // 1024} MB for a report")


def to_text(path: Path, glyphs: bool = True) -> str:
    """The report's text from a .pdf, .docx, .html/.htm, .txt or .md file, its glyphs normalised
    (radicals -> ideographs). glyphs=False: a text file's characters as they stand (the build
    publishes a source.txt as received)."""
    path = Path(path)
    check_file(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        text = decode_source(path)
        return normalise_glyphs(text) if glyphs else text
    if path.stat().st_size == 0:
        raise CorpusError(f"{path}: the file is empty")
    if suffix == ".pdf":
        from .pdf import pdf_to_text
        text = pdf_to_text(path)
    elif suffix == ".docx":
        from .word import docx_to_text
        text = docx_to_text(path)
    else:
        from .html import html_to_text
        text = html_to_text(path)
    text = normalise_glyphs(text)
    if not text.strip():
        raise CorpusError(f"{path}: no text in the file")
    return text

"""Finding and decoding a report's source text (UTF-8 with or without BOM, UTF-16, GBK)."""
from __future__ import annotations

from pathlib import Path

from .errors import CorpusError

SOURCE_NAMES = ("source.txt", "source.md")


def decode_source(path: Path) -> str:
    """Read a source as text: UTF-8 (a BOM is dropped), or GB18030/GBK when that decodes cleanly."""
    data = path.read_bytes()
    if not data.strip():
        raise CorpusError(f"{path}: the source is empty")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CorpusError(f"{path}: binary file (NUL bytes), expected UTF-8 text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise CorpusError(f"{path}: has a UTF-16 BOM but does not decode: {exc.reason}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise CorpusError(f"{path}:{line}: not UTF-8 or GBK text (undecodable byte at offset {utf8_error.start})") from None
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if cjk < len(text.strip()) * 0.2:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise CorpusError(f"{path}:{line}: not UTF-8, and as GBK it is not Chinese text; convert it to UTF-8")
    return text


def check_inside(path: Path, folder: Path) -> Path:
    """Refuse a file of a report folder that is a symbolic link or resolves outside the folder:
    the build publishes a report's source whole, so a link to a system file would publish it."""
    if path.is_symlink():
        raise CorpusError(f"{path}: is a symbolic link; copy the file itself into {folder}")
    if not path.resolve().is_relative_to(folder.resolve()):
        raise CorpusError(f"{path}: leads outside {folder}")
    return path


# What the build converts when a folder has no source text (ingest/formats: PDF, Word, a saved page).
CONVERTED_SUFFIXES = (".pdf", ".docx", ".html", ".htm")


def original_file(folder: Path) -> Path | None:
    """The report as received in another format (a PDF, .docx or saved page) beside its text, or
    None; two such files are an error (which one is the report?)."""
    found = sorted(p for p in folder.iterdir() if p.suffix.lower() in CONVERTED_SUFFIXES and not p.name.startswith("."))
    if len(found) > 1:
        raise CorpusError(f"{folder}: more than one report file ({', '.join(p.name for p in found)}); keep one")
    return check_inside(found[0], folder) if found else None


def published_name(original: Path) -> str:
    """The name the site publishes a report's original file under, beside its source.txt. A saved
    web page is published as text: served as HTML from the site, its scripts would run there."""
    suffix = original.suffix.lower()
    return f"received{suffix}.txt" if suffix in (".html", ".htm") else f"received{suffix}"


def find_source(folder: Path) -> Path:
    """The report's text: source.txt (or .md), else the one PDF, .docx or saved page in the folder."""
    for name in SOURCE_NAMES:
        if (folder / name).exists() or (folder / name).is_symlink():
            return check_inside(folder / name, folder)
    original = original_file(folder)
    if original is not None:
        return original
    raise CorpusError(f"{folder}: no source text (expected one of {', '.join(SOURCE_NAMES)}, "
                      f"or a {', '.join(CONVERTED_SUFFIXES)} file)")

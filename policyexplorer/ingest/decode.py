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


def find_source(folder: Path) -> Path:
    for name in SOURCE_NAMES:
        if (folder / name).exists():
            return folder / name
    raise CorpusError(f"{folder}: no source text (expected one of {', '.join(SOURCE_NAMES)})")

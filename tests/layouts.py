"""The bundled reports laid out as other real copies are: one paragraph per line, hard-wrapped
lines without blank lines (at 35 and at 38 characters), and a mixture (CRLF, full-width indents, all three layouts in one file).

A report's logical lines are its cleaned blocks plus the whole lines cleaning removed, in
source order; each layout writes those lines out its own way. The text is the same report.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from policyexplorer.ingest.clean import clean
from policyexplorer.ingest.decode import decode_source
from policyexplorer.ingest.layout import width
from policyexplorer.ingest.meta import load_meta

LAYOUTS = ("lines", "wrapped", "wrapped38", "mixed")
WIDTH = {"wrapped": 70, "wrapped38": 76}      # display columns: 35 and 38 characters
NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)%")   # kinsoku: never at the start of a line


def logical_lines(folder: Path) -> list[str]:
    meta = load_meta(folder / "meta.yml", folder.name)
    raw = decode_source(folder / "source.txt")
    source = [line.strip() for line in raw.replace("\r", "").split("\n")]
    blocks, removed = clean(raw, meta.get("debris"), meta.get("speaker"))
    units = [(b.line, 0, b.text) for b in blocks]
    whole = {(r.line, r.text) for r in removed if source[r.line - 1] == r.text}
    units += [(line, 1, text) for line, text in sorted(whole)]
    return [text for _, _, text in sorted(units)]


def wrap(text: str, columns: int) -> list[str]:
    out, line = [], ""
    for i, ch in enumerate(text):
        inside_number = line and line[-1].isascii() and line[-1].isalnum() and ch.isascii() and ch.isalnum()
        if line and width(line + ch) > columns and ch not in NO_LINE_START and not inside_number:
            out.append(line)
            line = ""
        line += ch
    return out + [line] if line else out


def render(lines: list[str], layout: str, columns: int = 70) -> str:
    if layout == "lines":
        return "\n".join(lines) + "\n"
    if layout in WIDTH:
        columns = WIDTH[layout] if columns == 70 else columns
        return "\n".join(w for text in lines for w in wrap(text, columns)) + "\n"
    if layout == "mixed":
        third = len(lines) // 3
        head = "\r\n\r\n".join(lines[:third])
        middle = "\r\n".join(w for text in lines[third: 2 * third] for w in wrap("\u3000\u3000" + text, columns))
        tail = "\r\n".join("\t" + text for text in lines[2 * third:])
        return "\r\n\r\n".join([head, middle, tail]) + "\r\n"
    raise ValueError(layout)


def copy_corpus(data: Path, target: Path, layout: str) -> Path:
    """A copy of data/ whose report sources are laid out as `layout`."""
    shutil.copytree(data, target)
    for folder in sorted((target / "reports").iterdir()):
        lines = logical_lines(folder)
        (folder / "source.txt").write_text(render(lines, layout), encoding="utf-8", newline="")
    return target

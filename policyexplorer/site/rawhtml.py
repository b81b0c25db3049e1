"""Generated pages' HTML blocks bypass Markdown (an MkDocs hook, mkdocs.yml `hooks`).

Our pages are mostly HTML (every paragraph, table, form and script is written by the templates)
with Markdown only for the headings, which feed the table of contents. Python-Markdown and
MkDocs each run a pure-Python HTML parser over every raw HTML block to pass it through unchanged,
and that was over half of a page's rendering time: at 100 times the corpus, hours of CPU.

So before Markdown sees a page, each top-level HTML block is swapped for a one-line placeholder
paragraph, and after Markdown the placeholders are swapped back: the page is byte-identical to
what Markdown would have made (tests/test_rawhtml.py, on sample pages of every kind too).
A block is taken only where Python-Markdown would also pass it through whole: opened by a
block-level tag at the start of a line, ending with the line that closes that tag; where an
element does not close cleanly at a line end, the rest of the page is left to Markdown. Loaded by MkDocs from its path:
standard library only.
"""
from __future__ import annotations

import re

# Python-Markdown's block-level elements (markdown.Markdown().block_level_elements, 3.x)
BLOCK_TAGS = frozenset(
    "address article aside blockquote body canvas center colgroup dd details div dl dt fieldset "
    "figcaption figure footer form group h1 h2 h3 h4 h5 h6 header hgroup hr html iframe legend li "
    "main map math menu nav noscript object ol option output p pre progress script section style "
    "summary table tbody td textarea tfoot th thead tr ul video".split())
_VOID = frozenset({"hr"})
_OPEN = re.compile(r"<([a-z][a-z0-9]*)(?=[\s/>])")
# Private-use marks around a number (not ui.py's content marks, which never reach MkDocs): a
# paragraph holding only this is one of ours (report text never reaches Markdown as a paragraph:
# it sits inside the HTML blocks, restored after, and a restored block is not searched again).
_MARK = "\ue010pe-raw-{}\ue011"
_RESTORE = re.compile("<p>\ue010pe-raw-(\\d+)\ue011</p>")
_KEY = "pe_raw_blocks"
_UNCLEAR = -1


def _block_end(lines: list[str], start: int) -> int | None:
    """Index of the line that closes the element opened at lines[start]; None when no block-level
    element opens there; _UNCLEAR when it does not close cleanly at a line end (then Markdown
    decides the rest of the page: such a block may run to its end)."""
    m = _OPEN.match(lines[start])
    if not m or m.group(1) not in BLOCK_TAGS:
        return None
    tag = m.group(1)
    if tag in _VOID:
        return start if lines[start].rstrip().endswith(">") else _UNCLEAR
    opens = re.compile(rf"<{tag}(?=[\s/>])")
    closes = f"</{tag}>"
    depth = 0
    for i in range(start, len(lines)):
        line = lines[i]
        depth += len(opens.findall(line)) - line.count(closes)
        if depth <= 0:
            # the element must close at the end of this line, with nothing after it
            return i if depth == 0 and line.rstrip().endswith(closes) else _UNCLEAR
    return _UNCLEAR


def _normalize(source: str) -> str:
    """What Markdown does to the whole source first (markdown.preprocessors.NormalizeWhitespace,
    tab_length 4, MkDocs' default), so the blocks come back as Markdown would have passed them."""
    source = source.replace("\x02", "").replace("\x03", "")
    source = source.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    return re.sub(r"(?<=\n) +\n", "\n", source)


def stash(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with its top-level HTML blocks replaced by placeholders, and the blocks."""
    lines = _normalize(markdown).split("\n")
    out: list[str] = []
    blocks: list[str] = []
    ends: list[int] = []                         # the line each block ends on
    i = 0
    while i < len(lines):
        line = lines[i]
        # Markdown takes a block-level tag at a line's start as HTML whatever the line before
        end = _block_end(lines, i) if line.startswith("<") else None
        if end == _UNCLEAR:
            out += lines[i:]
            break
        if end is None:
            out.append(line)
            i += 1
            continue
        # consecutive blocks (no blank line between them) pass through as one
        while end + 1 < len(lines) and lines[end + 1].startswith("<"):
            nxt = _block_end(lines, end + 1)
            if nxt is None or nxt == _UNCLEAR:
                break
            end = nxt
        block = "\n".join(lines[i:end + 1])
        gap = i - ends[-1] - 1 if ends else 0
        if gap > 0 and not any(x.strip() for x in lines[ends[-1] + 1:i]):
            # blocks apart by blank lines come out of Markdown one blank line apart: one placeholder
            del out[-gap:]
            blocks[-1] += "\n\n" + block
            ends[-1] = end
        else:
            if out and out[-1].strip():
                out.append("")
            out.append(_MARK.format(len(blocks)))
            blocks.append(block)
            ends.append(end)
        if end + 1 < len(lines) and lines[end + 1].strip():
            out.append("")                       # Markdown right after a block starts a paragraph
        i = end + 1
    # Markdown keeps the blank line after an HTML block when more of the page follows it
    more = False
    rest = [False] * (len(lines) + 1)            # rest[i]: a non-blank line at i or after
    for k in range(len(lines) - 1, -1, -1):
        more = more or bool(lines[k].strip())
        rest[k] = more
    for k, e in enumerate(ends):
        if e + 1 < len(lines) and not lines[e + 1].strip() and rest[e + 1]:
            blocks[k] += "\n"
    return "\n".join(out), blocks


def restore(html: str, blocks: list[str]) -> str:
    return _RESTORE.sub(lambda m: blocks[int(m.group(1))], html)


def on_page_markdown(markdown: str, page, config, files):
    text, blocks = stash(markdown)
    page.meta[_KEY] = blocks
    return text


def on_page_content(html: str, page, config, files):
    blocks = page.meta.pop(_KEY, None)
    return restore(html, blocks) if blocks else html

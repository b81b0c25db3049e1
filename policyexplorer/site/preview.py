"""Link previews: every page's description taken from its own text (an MkDocs hook, mkdocs.yml
`hooks`; titles and Open Graph / Twitter tags are in docs/overrides/main.html).

The description is read from the page's HTML after the Traditional conversion, so each script
gets its own words: the first text blocks below the page's h1 (a section's first paragraphs, a
tracker page's summary; the h1 before an overview's metadata), without permalinks, breadcrumbs, forms, scripts
or hidden parts, cut at DESCRIPTION_CHARS. Loaded by MkDocs from its path: standard library only.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

DESCRIPTION_CHARS = 120
_SKIP_TAGS = {"script", "style", "noscript", "nav", "form", "button", "select", "template", "svg", "details"}
_SKIP_CLASSES = {"pe-tip__box", "headerlink", "pe-pl", "pe-crumbs", "pe-cite", "pe-cite-btn", "pe-switched",
                 "pe-inferred"}   # the words an inferred fact came from (templates/report.md.j2)
_BLOCKS = {"h1", "p", "dt", "dd", "li", "td", "th", "h2", "h3", "h4", "h5", "h6", "caption", "figcaption", "blockquote"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []      # (tag, skipped)
        self.blocks: list[tuple[str, str]] = []       # (block tag, text)
        self.current: list[str] | None = None
        self.current_tag = ""

    def _skipping(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        a = dict(attrs)
        skip = (tag in _SKIP_TAGS or "hidden" in a or a.get("aria-hidden") == "true"
                or bool(set((a.get("class") or "").split()) & _SKIP_CLASSES))
        self.stack.append((tag, skip))
        if tag in _BLOCKS and not self._skipping():
            self._close()
            self.current, self.current_tag = [], tag

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if tag in _BLOCKS:
            self._close()

    def handle_data(self, data):
        if self.current is not None and not self._skipping():
            self.current.append(data)

    def _close(self):
        if self.current is not None:
            text = re.sub(r"\s+", " ", "".join(self.current)).strip()
            if text:
                self.blocks.append((self.current_tag, text))
        self.current = None


def description(content: str, limit: int = DESCRIPTION_CHARS) -> str:
    """Plain text for <meta name=description>: the page's first text blocks, until half of `limit`
    is reached, at most `limit` characters (cut with …). Read only as far as that needs (a long
    page's description is settled in its first blocks)."""
    parser = _Text()
    # skipped anyway, and a tracker page's filter form can be most of its first KB: dropped first
    # (none of these nests in itself, and none sits inside a text block on our pages)
    content = _SKIPPED.sub("", content)
    seen = 0
    for m in _TOKEN.finditer(content):
        close, tag, attrs = m.group(1, 2, 3)
        if tag is None:
            if not m.group(0).startswith("<!--"):
                parser.handle_data(html.unescape(m.group(0)))
            continue
        tag = tag.lower()
        if close:
            parser.handle_endtag(tag)
        else:
            parser.handle_starttag(tag, _attrs(attrs))
            if attrs.rstrip().endswith("/"):
                parser.handle_endtag(tag)
        if len(parser.blocks) > seen:            # a block was closed: is the description settled?
            seen = len(parser.blocks)
            text = _compose(parser.blocks, limit, final=False)
            if text is not None:
                return text
    parser._close()
    return _compose(parser.blocks, limit, final=True)


# Our pages' HTML as tokens, for the handlers of _Text (html.parser walks every character in
# Python and was a quarter of MkDocs' time per page): a comment, a tag (quoted attribute values
# may hold ">"), text; a "<" that opens nothing is text, as html.parser has it.
_TOKEN = re.compile(r"""<!--.*?-->|<(/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|<""", re.S)
_ATTR = re.compile(r"""([^\s=/>][^\s=>]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def _attrs(text: str) -> list[tuple[str, str | None]]:
    out = []
    for m in _ATTR.finditer(text):
        value = next((v for v in m.group(2, 3, 4) if v is not None), None)
        out.append((m.group(1).lower(), None if value is None else html.unescape(value)))
    return out


_SKIPPED = re.compile(r"<(form|script|select|style|template)\b.*?</\1>", re.S)


def _compose(blocks: list[tuple[str, str]], limit: int, final: bool) -> str | None:
    """The description from the blocks read so far; None (not final) while later blocks could
    still change it."""
    # The h1 is the page's title; it opens the description only before a list of facts
    # (an overview's metadata, an agency's counts), which says nothing without it.
    for i, (tag, _) in enumerate(blocks):
        if tag == "h1" and not (i + 1 < len(blocks) and blocks[i + 1][0] == "dt"):
            blocks = blocks[:i] + blocks[i + 1:]
            break
    parts: list[str] = []
    after_term = False                          # a <dt> and its <dd> read "发布机关：武汉市人民政府"
    for j, (tag, text) in enumerate(blocks):
        if after_term and parts:
            parts[-1] += "：" + text
        else:
            parts.append(text)
        after_term = tag == "dt"
        if len(" ".join(parts)) >= limit // 2 and not after_term:     # enough to say what it is
            # settled once the block after every h1 up to here is known (the h1 rule above)
            if not final and len(blocks) < j + 3:
                return None
            break
    else:
        if not final:
            return None
    out = " ".join(parts)
    return out if len(out) <= limit else out[:limit - 1].rstrip() + "…"


def on_page_content(content: str, page, config, files):
    """MkDocs hook: set the page's description (escaped once: Material writes it as given)."""
    if not page.meta.get("description"):
        text = description(content)
        if text:
            page.meta["description"] = html.escape(text, quote=True)
    return content

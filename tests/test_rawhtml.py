"""HTML blocks that skip Markdown (site/rawhtml.py) come back exactly as Markdown passes them."""
from __future__ import annotations

import markdown
import pytest

from policyexplorer.site import rawhtml


def _markdown(text: str) -> str:
    # the site's extensions (mkdocs.yml): headings with {#id} and permalinks
    md = markdown.Markdown(extensions=["attr_list", "toc"], extension_configs={"toc": {"permalink": "¶"}})
    return md.convert(text)


def _through_hook(text: str) -> str:
    stashed, blocks = rawhtml.stash(text)
    return rawhtml.restore(_markdown(stashed), blocks)


CASES = {
    "paragraphs apart": "<p>a</p>\n\n<p>b</p>\n\n\n<p>c</p>",
    "block then heading": "<p>a</p>\n\n## H {#h}\n\n<p>d</p>",
    "block then heading, no gap": "<p>a</p>\n## H {#h}",
    "adjacent blocks": "<p>a</p>\n<div>b</div>\n\ntext",
    "blank line inside an element": "<div>x\n\ny</div>\n\n<p>z</p>",
    "nested same tag": "<div><div>a</div>\n</div>\n\n# T",
    "inline tag opens a paragraph": "<span>s</span> text\n\n<p>a</p>",
    "text before a block": "x\n<p>a</p>\n\n<p>b</p>",
    "heading right before a block": "# T\n<p>a</p>\n\nmore",
    "list right before a block": "* item\n<p>a</p>",
    "void and table": "<hr>\n<table>\n<tr><td>1</td></tr>\n</table>",
    "tabs and spaces-only lines": "<pre><code>a\tb\n   \nc</code></pre>\n\n<p>\t1</p>",
    "unclosed element": "<div>open\n\n<p>a</p>",
    "text after the closing tag": "<p>a</p> tail\n\n<p>b</p>",
    "script": "<script>var a = '<p>';</script>\n\n<p>b</p>",
    "a heading holding a placeholder-like text": "# \ue010pe-raw-0\ue011\n\n<p>a</p>",
}


@pytest.mark.parametrize("name", CASES)
def test_same_html_as_markdown(name):
    assert _through_hook(CASES[name]) == _markdown(CASES[name])


def test_blocks_are_taken_out_of_markdown():
    stashed, blocks = rawhtml.stash("# T\n\n<p>a</p>\n\n<p>b</p>\n\n## U\n\n<table>\n<tr><td>1</td></tr>\n</table>")
    assert "<p>" not in stashed and "<table>" not in stashed
    assert len(blocks) == 2 and blocks[0].startswith("<p>a</p>") and blocks[1].startswith("<table>")


def test_real_pages_unchanged(built_site):
    """Generated pages of every kind render as Markdown alone would render them."""
    docs = sorted((built_site.parent / "work" / "hans" / "docs").rglob("*.md"))
    assert len(docs) > 50
    for path in docs[::4]:
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            text = text.split("\n---\n", 1)[1]
        assert _through_hook(text) == _markdown(text), path

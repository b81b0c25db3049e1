"""Pages without their template indentation (an MkDocs hook, mkdocs.yml `hooks`).

Material's templates and ours indent for their own reading: a page's header, navigation and
footer were a third blank space and newlines, on each of thousands of pages (at scale the site's
size limit, not its text, is what binds). After a page is rendered, every run of white space that
holds a line break, between tags or around text, becomes one line break: the same rendering
(outside <pre>, <textarea>, <code>, <script> and <style>, which are kept byte for byte, white
space in running text is one space however long), the same bytes build after build.
Inside a tag nothing changes (attribute values are kept). And the JSON the templates write
(Material's __config, the search panel's words) keeps its characters as they are: a Chinese
character escaped as \\uXXXX is six bytes for three, a kilobyte on every page. Standard library only.
"""
from __future__ import annotations

import re

# kept whole: elements whose white space may matter, and every tag (attributes)
_KEEP = re.compile(r"<(pre|textarea|code|script|style)\b[^>]*>.*?</\1\s*>|<[^>]*>", re.S)
_BREAK = re.compile(r"[ \t\r\f]*\n\s*")


def slim(html: str) -> str:
    out, pos = [], 0
    for m in _KEEP.finditer(html):
        out.append(_BREAK.sub("\n", html[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_BREAK.sub("\n", html[pos:]))
    return "".join(out)


def on_env(env, *, config, files):
    # Jinja's tojson stays HTML-safe (<, >, &, ' are still escaped); only non-ASCII is kept
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env


def on_post_page(output: str, *, page, config) -> str:
    return slim(output)

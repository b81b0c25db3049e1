"""Links (issue #4): every internal link and anchor of the built site resolves, in both scripts.

Every href, src, action and srcset of every HTML page, and every url() of every stylesheet, is
checked against the files of the site: relative and pointing at a file (not a folder: the site
must work from file://), and a #fragment names an id (or <a name>) in the target page. Nothing
is root-absolute ("/..." or "//host/..."), and nothing but a plain <a> may point at another host
(a script, stylesheet, image or form elsewhere would make the site depend on it).
"""
from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from htmltree import parse

URL_ATTRS = ("href", "src", "action", "data", "poster")


@pytest.fixture(scope="module")
def site(built_site) -> Path:
    return built_site


def check_site(site: Path) -> tuple[list[str], list[str], int]:
    """(problems, links to other hosts from plain <a>, number of links checked)."""
    pages = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}

    @lru_cache(maxsize=None)
    def anchors(page: str) -> frozenset[str]:
        doc = parse(pages[page])
        return frozenset([e.get("id") for e in doc.iter() if e.get("id")] +
                         [e.get("name") for e in doc.iter() if e.tag == "a" and e.get("name")])

    problems: list[str] = []
    outside: list[str] = []
    count = 0

    def check(where: str, page: str, tag: str, url: str):
        nonlocal count
        count += 1
        url = url.strip()
        parts = urlsplit(url)
        if url.startswith("/"):
            problems.append(f"{where}: root-absolute {url!r}")
            return
        if parts.scheme in ("http", "https"):
            (outside if tag == "a" else problems).append(f"{where}: <{tag}> to another host {url!r}")
            return
        if parts.scheme == "data" and tag in ("img", "source", "object", "css"):
            return
        if parts.scheme:
            problems.append(f"{where}: <{tag}> {parts.scheme}: link {url[:60]!r}")
            return
        if parts.path:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
            if target.startswith("../") or target == "..":
                problems.append(f"{where}: {url!r} leaves the site")
                return
            path = site / target
            if not path.is_file():
                problems.append(f"{where}: {url!r} -> {target} is {'a folder' if path.is_dir() else 'missing'}")
                return
        else:
            target = page
        if parts.fragment:
            if target not in pages:
                problems.append(f"{where}: {url!r} has an anchor but {target} is not a page")
            elif unquote(parts.fragment) not in anchors(target):
                problems.append(f"{where}: {url!r}: no id {parts.fragment!r} in {target}")
        elif url == "#":
            problems.append(f"{where}: empty link '#'")

    for page, path in pages.items():
        for e in parse(path).iter():
            for attr in URL_ATTRS:
                value = e.get(attr)
                if value is not None and not (attr == "data" and e.tag != "object"):
                    check(f"{page} <{e.tag} {attr}>", page, e.tag, value)
            if e.get("srcset"):
                for candidate in e.get("srcset").split(","):
                    check(f"{page} <{e.tag} srcset>", page, e.tag, candidate.strip().split(" ")[0])
    for css in sorted(site.rglob("*.css")):
        page = css.relative_to(site).as_posix()
        text = re.sub(r"/\*.*?\*/", "", css.read_text(encoding="utf-8"), flags=re.S)
        for m in re.finditer(r"url\(\s*(['\"]?)(.*?)\1\s*\)", text):
            check(f"{page} url()", page, "css", m.group(2))
    return problems, outside, count


def test_every_internal_link_and_anchor_resolves(site):
    problems, outside, count = check_site(site)
    assert count > 10000
    assert problems == [], f"{len(problems)} broken links:\n" + "\n".join(problems[:30])
    # plain links to outside sites would be allowed; there are none today (listed if they appear)
    assert outside == [], "links to other hosts (check they are meant):\n" + "\n".join(outside[:30])


def test_both_scripts_are_checked(site):
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    hant = [p for p in pages if p.startswith("zh-Hant/")]
    assert len(hant) > 100 and len(pages) - len(hant) > 100


def test_the_checker_finds_broken_links(tmp_path):
    """The checker itself: a tiny site with one of each kind of fault."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<p id="x"><a href="a/index.html#y">ok</a><a href="#x">ok</a><a href="#nope">1</a>'
        '<a href="/abs.html">2</a><a href="missing.html">3</a><a href="a/">4</a>'
        '<script src="https://cdn.example/x.js"></script><a href="https://example.org/">out</a>'
        '<img src="data:image/png;base64,AAAA"><a href="a/index.html#z">5</a></p>', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<h1 id="y">y</h1>', encoding="utf-8")
    (tmp_path / "a" / "s.css").write_text("b{background:url(../gone.png)} i{background:url('../index.html')}",
                                          encoding="utf-8")
    problems, outside, _ = check_site(tmp_path)
    assert len(problems) == 7, problems
    for words in ("no id 'nope'", "root-absolute", "'missing.html' -> missing.html is missing", "is a folder",
                  "<script> to another host", "no id 'z'", "a/s.css url(): '../gone.png' -> gone.png is missing"):
        assert any(words in p for p in problems), words
    assert outside == ["index.html <a href>: <a> to another host 'https://example.org/'"]

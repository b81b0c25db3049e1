"""The bundled reports in other formats, generated at test time from their parsed text: a PDF
printed by Chromium with a running header and page numbers, a .docx with heading styles, a web
page with a site's navigation, breadcrumbs, share buttons and footer around the text.

Each is made from the report as the bundled source.txt parses: its headings (those printed in
the source) and paragraphs in order. Generated files are kept in build/test-formats/ by a hash
of what they are made from, so a test session prints a PDF only once per report and change.
"""
from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "build" / "test-formats"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
GENERATOR_VERSION = "2"


def blocks(report, source: Path) -> list[tuple[str, str, int]]:
    """(kind, text, level): kind "h" for a heading printed in the source, "p" for a paragraph."""
    lines = source.read_text(encoding="utf-8-sig").splitlines()
    squash = lambda s: re.sub(r"\s+", "", s)
    out = []
    for s in report.sections:
        heading = (s.number or "") + s.title
        # a heading may set its number and title on lines of their own ("## 第一章" / title)
        printed = 0 < s.line <= len(lines) and squash(s.title) in squash("".join(lines[s.line - 1:s.line + 2]))
        if printed and s.kind != "preamble":
            out.append(("h", heading, s.level))
        for p in s.paragraphs:
            out.append(("p", p.text, 0))
    return out


def _body(items, mark=lambda s: s) -> str:
    parts = []
    for kind, text, level in items:
        if kind == "h":
            n = min(level + 1, 6)
            parts.append(f"<h{n}>{html.escape(mark(text))}</h{n}>")
        else:
            parts.append(f"<p>{html.escape(mark(text))}</p>")
    return "\n".join(parts)


# What a PDF's fonts do to the text (normalise.py undoes it): radicals for ideographs, spaces
# around figures and before full-width punctuation. Applied to the printed page only.
def pdf_damage(text: str) -> str:
    text = text.replace("工", "\u2f2f").replace("长", "\u2ed3").replace("门", "\u2ed4")
    return re.sub(r"(\d+(?:\.\d+)?%)(，?)", lambda m: f" {m.group(1)} {m.group(2)}", text)


def article_html(items, title: str) -> str:
    return f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
body {{ font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 16pt; line-height: 1.6; }}
p {{ text-indent: 2em; margin: 0; text-align: justify; }}
h2, h3, h4 {{ font-size: 16pt; margin: 0.4em 0; }}
</style></head><body>
{_body(items, pdf_damage)}
</body></html>"""


def saved_page(items, title: str) -> str:
    """A government site's page as a browser saves it: the report inside its frame."""
    nav = "".join(f'<li><a href="/{i}/">{w}</a></li>' for i, w in enumerate(["首页", "机构概况", "政务公开", "政务服务", "互动交流", "专题专栏"]))
    related = "".join(f'<li><a href="/news/{i}.html">关于开展第{i}批示范创建工作的通知</a><span>2024-0{i}-1{i}</span></li>' for i in range(1, 6))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}_某市人民政府门户网站</title>
<meta name="viewport" content="width=device-width"><link rel="stylesheet" href="style.css"></head>
<body>
<div class="top-bar"><a href="/">无障碍浏览</a> <a href="/en/">English</a> <a href="/login">登录</a></div>
<header class="site-header"><div class="logo"><img src="logo.png" alt="某市人民政府"></div>
<form class="search"><input name="q" placeholder="请输入关键词"><button>搜索</button></form>
<nav class="main-nav"><ul>{nav}</ul></nav></header>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/gzbg/">政府工作报告</a></div>
<main><article class="article">
<h1 class="article-title">{html.escape(title)}</h1>
<div class="article-meta"><span>来源：市人民政府办公厅</span> <span>发布时间：2024-01-31 10:00</span> <span>字号：<a>大</a> <a>中</a> <a>小</a></span></div>
<div class="article-content" id="zoom">
{_body(items)}
</div>
<div class="share">分享到：<a class="wx">微信</a> <a class="wb">微博</a> <a class="qq">QQ空间</a> <a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
</article>
<aside class="related"><h3>相关链接</h3><ul>{related}</ul></aside></main>
<footer class="site-footer"><p><a href="/about">关于我们</a> | <a href="/map">网站地图</a> | <a href="/contact">联系我们</a></p>
<p>主办单位：某市人民政府办公厅 版权所有 地址：某市某路1号 邮编：000000</p>
<p>网站标识码：0000000000 某ICP备00000000号 某公网安备 00000000000000号</p></footer>
</body></html>"""


def write_docx(items, path: Path) -> None:
    import docx
    document = docx.Document()
    for kind, text, level in items:
        if kind == "h":
            document.add_heading(text, level=min(level, 9))
        else:
            document.add_paragraph(text)
    document.save(str(path))


def _cached(name: str, key: str, make) -> Path:
    digest = hashlib.sha256((GENERATOR_VERSION + key).encode()).hexdigest()[:16]
    path = CACHE / digest / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        make(tmp)
        tmp.replace(path)
    return path


def print_pdf(page_html: str, path: Path, header: str, browser=None) -> None:
    """Print the page to a PDF with a running header and page numbers. With `browser` (the test
    session's: one sync Playwright per process), in a new page of it; else in a browser of its own."""
    if browser is None:
        from playwright.sync_api import sync_playwright
        with sync_playwright() as p:
            own = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                print_pdf(page_html, path, header, own)
            finally:
                own.close()
        return
    page = browser.new_page()
    try:
        page.set_content(page_html, wait_until="load")
        style = "font-size:9pt;width:100%;text-align:center;font-family:'Noto Sans CJK SC',sans-serif"
        page.pdf(path=str(path), format="A4", display_header_footer=True, print_background=False,
                 margin={"top": "25mm", "bottom": "25mm", "left": "25mm", "right": "25mm"},
                 header_template=f'<div style="{style}">{html.escape(header)}</div>',
                 footer_template=f'<div style="{style}">- <span class="pageNumber"></span> -</div>')
    finally:
        page.close()


def generate(report, source: Path, browser=None) -> dict[str, Path]:
    """{suffix: file} of the report as .pdf, .docx and .html."""
    items = blocks(report, source)
    title = report.meta["title"]
    key = repr(items) + title
    return {
        ".html": _cached("page.html", "html" + key, lambda p: p.write_text(saved_page(items, title), encoding="utf-8")),
        ".docx": _cached("report.docx", "docx" + key, lambda p: write_docx(items, p)),
        ".pdf": _cached("report.pdf", "pdf" + key, lambda p: print_pdf(article_html(items, title), p, title, browser)),
    }


NUMBERING = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="90">
<w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>"""
NUM = """<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:numId="90"><w:abstractNumId w:val="90"/></w:num>"""
AUTO_LEVELS = [re.compile(r"^[一二三四五六七八九十]+、"), re.compile(r"^（[一二三四五六七八九十]+）")]


def write_docx_numbered(items, path: Path) -> None:
    """A .docx whose headings numbered 一、 and （一） carry Word's automatic numbering (a list
    of two levels, as a 公文 template sets it) instead of typed numbers."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(parse_xml(NUM))
    for kind, text, level in items:
        if kind != "h":
            document.add_paragraph(text)
            continue
        auto = next((i for i, rx in enumerate(AUTO_LEVELS) if rx.match(text)), None)
        if auto is None:
            document.add_heading(text, level=min(level, 9))
            continue
        p = document.add_heading(AUTO_LEVELS[auto].sub("", text), level=min(level, 9))
        num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = auto
        num_pr.get_or_add_numId().val = 90
    document.save(str(path))

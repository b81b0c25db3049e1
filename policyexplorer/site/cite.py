"""Citations of a report or of one of its paragraphs: GB/T 7714-2015 and a plain one-line form.

GB/T 7714-2015, electronic resource ([EB/OL]):
    主要责任者. 题名: 其他题名信息[EB/OL]. (更新或修改日期)[引用日期]. 获取和访问路径.
here: issuer. title: document number[EB/OL]. (delivered)[day of citing]. location. URL.
The standard gives an online document no page numbers; the location (heading and paragraph
number) stands before the address, which names the paragraph (#s2-3-p4) anyway. The official
publication (meta.yml source_url), when known, follows as "原文: URL.".

A page knows all but three things, which assets/cite.js fills in the browser: `{where}` (the
heading on screen and the paragraph's number, in the page's script), `{url}` (the canonical
address when a site address is configured, else location.href: right wherever the site is
hosted) and `{accessed}` (the day of citing). `templates()` writes the page's two templates with
report text marked for the Traditional conversion (site/ui.py); `fill()` is cite.js's
substitution, kept here so the tests check one formatter.
"""
from __future__ import annotations

from .ui import mark

FORMS = ("gbt", "plain")
PARAGRAPH = "{section} 第{n}段"           # a paragraph's location; cite.js uses the same pattern


def date_iso(delivered) -> str:
    return str(delivered or "")


def date_words(delivered) -> str:
    """2024-01-18 -> 2024年1月18日, 2025-01 -> 2025年1月, 2021 -> 2021年."""
    parts = [int(x) for x in str(delivered or "").split("-") if x]
    return "".join(f"{n}{unit}" for n, unit in zip(parts, "年月日"))


def paragraph_label(section: str, n: int | None) -> str:
    return PARAGRAPH.format(section=section, n=n) if n else section


def citation(meta: dict, form: str, where: str | None = None, url: str | None = None,
             accessed: str | None = None, text=str) -> str:
    """One citation. `where` locates a paragraph or section (None: the whole report); `url` and
    `accessed` (YYYY-MM-DD) are left out when unknown. `text` wraps report text (mark())."""
    issuer, title = text(str(meta["issuer"]).strip()), text(str(meta["title"]).strip())
    number = text(str(meta["document_number"])) if meta.get("document_number") else ""
    source = str(meta.get("source_url") or "")
    if form == "gbt":
        out = f"{issuer}. {title}{': ' + number if number else ''}[EB/OL]. "
        dates = (f"({date_iso(meta.get('delivered'))})" if meta.get("delivered") else "") + \
                (f"[{accessed}]" if accessed else "")
        out += f"{dates}. " if dates else ""
        out += f"{where}. " if where else ""
        out += f"{url}. " if url else ""
        out += f"原文: {source}. " if source and source != url else ""
        return out.rstrip()
    if form == "plain":
        about = [number, text(date_words(meta.get("delivered")))]
        if meta.get("speaker"):
            about.append("报告人：" + text(str(meta["speaker"]).strip()))
        about = [a for a in about if a]
        out = f"{issuer}《{title}》" + (f"（{'，'.join(about)}）" if about else "")
        out += f"，{where}" if where else ""
        out += f"：{url}" if url else ""
        out += f"；原文：{source}" if source and source != url else ""
        return out
    raise ValueError(f"unknown citation form {form!r}")


def templates(meta: dict, located: bool) -> dict[str, str]:
    """The page's citation templates (report text marked): {where} when `located` (a section
    page: every paragraph and heading), {url} and {accessed} always."""
    where = "{where}" if located else None
    out = {form: citation(meta, form, where, "{url}", "{accessed}", text=mark) for form in FORMS}
    out["paragraph"] = PARAGRAPH
    return out


def fill(template: str, url: str, accessed: str, where: str = "") -> str:
    """What cite.js does with a template (tests: the same text as citation())."""
    return template.replace("{where}", where).replace("{url}", url).replace("{accessed}", accessed)

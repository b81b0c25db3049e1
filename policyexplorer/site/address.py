"""The site's public address (optional): where the built site will be served, e.g.
https://<user>.github.io/<repo>/.

Given by `python -m policyexplorer build --site-url URL`, else the SITE_URL environment
variable, else `site_url` in mkdocs.yml. When set, every page carries a canonical link and
og:url (MkDocs' site_url, per script: the Traditional pages' address ends in zh-Hant/),
citations use it, and sitemap.xml lists every page of both scripts. When not set, nothing on
the site names an absolute address: links stay relative (file://, any host), citations use the
address the reader's browser shows. The exports' `url` is relative either way (contract).
"""
from __future__ import annotations

import gzip
import os
from pathlib import Path
from urllib.parse import urlsplit

from ..yamlfile import safe_load


ENV = "SITE_URL"


class AddressError(ValueError):
    pass


def normalize(url: str, where: str) -> str:
    """An absolute http(s) address ending in "/", or AddressError naming `where`."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment \
            or any(ch.isspace() for ch in url):
        raise AddressError(f"{where}: site address {url!r} must be an absolute http:// or https:// address "
                           "of the folder the site is served from, e.g. https://user.github.io/repo/")
    return url if url.endswith("/") else url + "/"


def from_command_line(flag: str | None, environ=os.environ) -> tuple[str | None, str]:
    """(address, where it came from): --site-url, else $SITE_URL; None when neither is set."""
    if flag and flag.strip():
        return flag, "--site-url"
    if environ.get(ENV, "").strip():
        return environ[ENV], f"${ENV}"
    return None, ""


def configured(base_file: Path, given: str | None = None, where: str = "--site-url") -> str | None:
    """The site address: `given` (from the command line), else mkdocs.yml's site_url, else None."""
    if given and given.strip():
        return normalize(given, where)
    base = safe_load(Path(base_file).read_text(encoding="utf-8")) or {}
    if str(base.get("site_url") or "").strip():
        return normalize(str(base["site_url"]), f"{base_file}: site_url")
    return None


def sitemap(site_url: str, paths: list[str], prefixes: dict[str, str], lastmod: str) -> str:
    """sitemap.xml for every page in every script (prefixes: hreflang -> path prefix), each
    entry naming its twins (xhtml:link alternates)."""
    from html import escape
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for path in paths:
        page = f"{path}index.html"
        twins = "".join(f'<xhtml:link rel="alternate" hreflang="{lang}" href="{escape(site_url + prefix + page)}"/>'
                        for lang, prefix in prefixes.items())
        for prefix in prefixes.values():
            out.append(f"<url><loc>{escape(site_url + prefix + page)}</loc><lastmod>{lastmod}</lastmod>{twins}</url>")
    out.append("</urlset>")
    return "\n".join(out) + "\n"


def write_sitemap(site: Path, text: str, epoch: int) -> None:
    """sitemap.xml and its .gz at the site root (gzip stamped with the build date: reproducible)."""
    (site / "sitemap.xml").write_text(text, encoding="utf-8")
    with open(site / "sitemap.xml.gz", "wb") as f, gzip.GzipFile(fileobj=f, filename="sitemap.xml.gz", mode="wb",
                                                                 mtime=epoch) as gz:
        gz.write(text.encode("utf-8"))

"""Per-variant MkDocs configuration, derived from the repository's mkdocs.yml."""
from __future__ import annotations

from pathlib import Path


from .nav import top_nav
from .paths import Page
from ..yamlfile import safe_load

VARIANTS = {
    # name: (path prefix below the site root, theme language partial, <html lang>)
    "hans": ("", "pe-hans", "zh-Hans"),
    "hant": ("zh-Hant/", "pe-hant", "zh-Hant"),
}


def variant_config(base_file: Path, variant: str, docs_dir: Path, site_dir: Path, pages: list[Page],
                   convert, custom_dir: Path, site_url: str | None = None) -> dict:
    base = safe_load(base_file.read_text(encoding="utf-8"))
    prefix, language, lang = VARIANTS[variant]
    cfg = dict(base)
    # site/address.py: each script's own address (canonical links, og:url), or none at all
    cfg.pop("site_url", None)
    if site_url:
        cfg["site_url"] = site_url + prefix
    cfg["hooks"] = [str((base_file.parent / hook).resolve()) for hook in base.get("hooks") or []]
    cfg["site_name"] = convert(base["site_name"])
    cfg["site_description"] = convert(base.get("site_description", ""))
    cfg["docs_dir"] = str(docs_dir)
    cfg["site_dir"] = str(site_dir)
    theme = dict(base["theme"])
    theme["language"] = language
    theme["custom_dir"] = str(custom_dir)
    cfg["theme"] = theme
    exts = []
    for ext in base.get("markdown_extensions", []):
        if isinstance(ext, dict) and "toc" in ext:
            toc = dict(ext["toc"])
            toc["permalink_title"] = convert(toc.get("permalink_title", ""))
            ext = {"toc": toc}
        exts.append(ext)
    cfg["markdown_extensions"] = exts
    extra = dict(base.get("extra") or {})
    extra["variant"] = variant
    extra["lang"] = lang
    # Material only renders partials/alternate.html (our toggle) when extra.alternate is set.
    extra["alternate"] = True   # a list would also make base.html emit hreflang links, wrongly
    cfg["extra"] = extra
    cfg["nav"] = top_nav(pages, convert)
    return cfg

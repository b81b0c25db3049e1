"""Interface strings, written by hand in each script (data/ui.yml), and the page converter.

Report text is Simplified and becomes Traditional through OpenCC (convert.py). The site's own
words are not report text: a Traditional reader expects 連結, not the 鏈接 a character
converter writes, and Material's zh-Hant labels carry 頁脚. So every interface phrase is written
in both scripts in data/ui.yml, and a generated page tells the two kinds of text apart:
report text enters a page only through pages.html_text / md_text, which wrap it in CONTENT
marks; everything outside the marks is interface text, looked up phrase by phrase. A phrase
missing from the file is collected (and converted by OpenCC meanwhile); tests/test_ui.py
fails on any. The marks never reach the site: both variants' converters remove them.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..yamlfile import safe_load


CONTENT_OPEN, CONTENT_CLOSE = "\ue000", "\ue001"
# Up from a script's root to the site's root (pages' {{ site_root }}): nothing in Simplified, one
# folder from zh-Hant/. Files published once for both scripts (the data exports, Simplified by
# the contract) are linked through it, so the Traditional site carries no second copy.
SITE_UP = "\ue002"
_CONTENT = re.compile(f"{CONTENT_OPEN}(.*?){CONTENT_CLOSE}", re.S)
# A run of interface text: CJK characters and the punctuation that joins them in a phrase.
_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff0f"
                  r"\uff1a-\uff20“”‘’·—…]*")


def mark(text: str) -> str:
    """Report text as it enters a page: marked only where it holds CJK (ids and urls stay bare)."""
    return f"{CONTENT_OPEN}{text}{CONTENT_CLOSE}" if _RUN.search(text) else text


def unmark(text: str) -> str:
    return text.replace(CONTENT_OPEN, "").replace(CONTENT_CLOSE, "").replace(SITE_UP, "")


class UiStrings:
    def __init__(self, phrases: dict[str, str], material: dict[str, dict[str, str]]):
        self.phrases = phrases
        self.material = material
        self.missing: set[str] = set()

    @classmethod
    def load(cls, path: Path) -> "UiStrings":
        data = safe_load(Path(path).read_text(encoding="utf-8")) if Path(path).exists() else {}
        data = data or {}
        phrases = {str(k): str(v) for k, v in (data.get("phrases") or {}).items()}
        material = {str(k): {"hans": str(v["hans"]), "hant": str(v["hant"])}
                    for k, v in (data.get("material") or {}).items()}
        return cls(phrases, material)

    def phrase(self, text: str, fallback) -> str:
        """An interface run in Traditional: as written in data/ui.yml, else (collected) fallback."""
        if text in self.phrases:
            return self.phrases[text]
        self.missing.add(text)
        return fallback(text)

    def to_hant(self, text: str, content) -> str:
        """A generated page in Traditional: marked report text through `content` (OpenCC and the
        overrides), interface runs from data/ui.yml."""
        out, pos = [], 0
        for m in _CONTENT.finditer(text):
            out.append(self._interface(text[pos:m.start()], content))
            out.append(content(m.group(1)))
            pos = m.end()
        out.append(self._interface(text[pos:], content))
        return "".join(out).replace(SITE_UP, "../")

    def _interface(self, text: str, fallback) -> str:
        return _RUN.sub(lambda m: self.phrase(m.group(0), fallback), text)

    def title(self, text: str, content) -> str:
        """A nav or page title: an interface phrase when listed, else report text."""
        return self.phrases.get(text) or content(text)

    def language_partial(self, variant: str, base: str) -> str:
        """Material's language partial for a variant: our strings, Material's for the rest."""
        entries = ",\n".join(f'  "{key}": "{v[variant]}"' for key, v in sorted(self.material.items()))
        # the table is made when the partial is imported, not at every t() (dozens of calls a page)
        return ("{#- Generated from data/ui.yml by policyexplorer/site/ui.py: do not edit. -#}\n"
                f'{{% import "partials/languages/{base}.html" as base %}}\n'
                "{% set strings = {\n" + entries + "\n} %}\n"
                "{% macro t(key) %}{{ strings.get(key) or base.t(key) }}{% endmacro %}\n")

"""Simplified -> Traditional conversion: OpenCC s2tw, preferred glyphs, and curated overrides.

OpenCC's s2tw chain is s2t followed by Taiwan character variants (爲 -> 為, 着 -> 著, 羣 -> 群):
the forms Taiwan and Hong Kong readers meet daily, with the wording kept (s2twp would also
rewrite vocabulary, 软件 -> 軟體, 万象城 -> 永珍城, never acceptable for an official text).
data/hant_glyphs.yml swaps the few forms s2tw keeps that those readers find odd (溼 -> 濕).
s2tw still guesses wrong on some one-to-many characters (范礼奎 -> 範禮奎, 斗级营 -> 鬥級營), so
the corpus keeps a dictionary of phrases whose Traditional form is known (data/s2t_overrides.yml).
Text is cut at every override phrase; the pieces between are converted, the phrases replaced.
准 is decided by its word (data/hant_zhun.yml): 准 where it means "permit" (准入, 批准), 準 where
it means "standard, accurate" (標準, 準確); OpenCC alone prints 市場準入.
"""
from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import opencc

from .yamlfile import safe_load


class OverrideError(ValueError):
    pass


def load_overrides(path: Path) -> dict[str, str]:
    """Read `simplified: traditional` pairs; the file may group them under headings."""
    if not path.exists():
        return {}
    data = safe_load(path.read_text(encoding="utf-8")) or {}
    pairs: dict[str, str] = {}

    def take(mapping, where):
        for key, value in mapping.items():
            if isinstance(value, dict):
                take(value, f"{where}/{key}")
                continue
            if not isinstance(key, str) or not isinstance(value, str) or not key or not value:
                raise OverrideError(f"{path}: {where}: entry {key!r}: {value!r} must map a phrase to a phrase")
            if len(key) != len(value):
                raise OverrideError(f"{path}: {where}: {key} -> {value}: lengths differ, s2t is character for character")
            pairs[key] = value

    take(data, "overrides")
    return pairs


BASE = "s2tw"


def load_glyphs(path: Path) -> dict[str, str]:
    """Read `glyphs: {traditional form: preferred form}`; one character for one character."""
    if not path.exists():
        return {}
    data = safe_load(path.read_text(encoding="utf-8")) or {}
    glyphs = data.get("glyphs") or {}
    for key, value in glyphs.items():
        if not (isinstance(key, str) and isinstance(value, str) and len(key) == len(value) == 1):
            raise OverrideError(f"{path}: glyphs: {key!r}: {value!r} must map one character to one character")
    return dict(glyphs)


ZHUN = "准"
ZHUN_FORMS = {"permit": "准", "standard": "準"}


def load_zhun(path: Path) -> dict[str, str]:
    """data/hant_zhun.yml: {word holding 准: the Traditional form of its 准} (permit: 准, standard: 準)."""
    if not path.exists():
        return {}
    data = safe_load(path.read_text(encoding="utf-8")) or {}
    words: dict[str, str] = {}
    for sense, form in ZHUN_FORMS.items():
        for word in data.get(sense) or []:
            if not isinstance(word, str) or ZHUN not in word:
                raise OverrideError(f"{path}: {sense}: {word!r} must be a word holding {ZHUN}")
            if word in words:
                raise OverrideError(f"{path}: {word} is listed twice")
            words[word] = form
    return words


class Zhun:
    """Which 准 of a text data/hant_zhun.yml decides, and how: forward maximum matching (the
    longest listed word starting at a position wins, read left to right)."""

    def __init__(self, words: dict[str, str]):
        self.words = dict(words)
        keys = sorted(self.words, key=lambda w: (-len(w), w))
        self._pattern = re.compile("|".join(map(re.escape, keys))) if keys else None

    def decide(self, text: str) -> dict[int, tuple[str, str]]:
        """{position of a 准: (its Traditional form, the word that decided it)}."""
        if self._pattern is None or ZHUN not in text:
            return {}
        out = {}
        for m in self._pattern.finditer(text):
            for i in range(m.start(), m.end()):
                if text[i] == ZHUN:
                    out[i] = (self.words[m.group(0)], m.group(0))
        return out


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


class Base:
    """OpenCC s2tw followed by the preferred glyphs: what the text becomes without overrides."""

    def __init__(self, glyphs: dict[str, str] | None = None):
        self._cc = opencc.OpenCC(BASE)
        self._glyphs = str.maketrans(glyphs or {})

    def convert(self, text: str) -> str:
        # Only the runs of non-ASCII text go through OpenCC: ASCII (markup, figures, links) is the
        # same in both scripts and was most of a page's bytes, so pages convert about four times
        # faster. s2tw has no phrase across ASCII: the same output on every real report kept here
        # (tests/test_convert.py).
        return _NON_ASCII.sub(lambda m: self._cc.convert(m.group(0)), text).translate(self._glyphs)


class Converter:
    def __init__(self, overrides: dict[str, str] | None = None, glyphs: dict[str, str] | None = None,
                 zhun: dict[str, str] | None = None):
        self._cc = Base(glyphs)
        self.zhun = Zhun(zhun or {})
        self.glyphs = dict(glyphs or {})
        self.overrides = dict(overrides or {})
        # Longest phrase first so 斗级营一期 wins over 斗级营 when both are listed.
        keys = sorted(self.overrides, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, keys))) if keys else None

    @lru_cache(maxsize=65536)
    def to_hant(self, text: str) -> str:
        out = self._to_hant(text)
        decided = self.zhun.decide(text)
        if decided:
            # s2t and the overrides are character for character, so positions match; an
            # override phrase keeps its own form
            covered = self._override_positions(text)
            chars = list(out)
            for i, (form, _) in decided.items():
                if i not in covered:
                    chars[i] = form
            out = "".join(chars)
        return out

    def _to_hant(self, text: str) -> str:
        if not text:
            return text
        if self._pattern is None:
            return self._cc.convert(text)
        out, pos = [], 0
        for match in self._pattern.finditer(text):
            out.append(self._cc.convert(text[pos:match.start()]))
            out.append(self.overrides[match.group(0)])
            pos = match.end()
        out.append(self._cc.convert(text[pos:]))
        return "".join(out)

    @property
    def digest(self) -> str:
        """A fingerprint of what the conversion depends on: OpenCC, the overrides and glyphs."""
        return hashlib.sha256(json.dumps([version("opencc"), BASE, sorted(self.overrides.items()),
                                          sorted(self.glyphs.items()), sorted(self.zhun.words.items())],
                                         ensure_ascii=False).encode()).hexdigest()

    def override_spans(self, text: str) -> set[int]:
        """Positions of text an override phrase decides, and each 准 data/hant_zhun.yml decides."""
        return self._override_positions(text) | set(self.zhun.decide(text))

    def _override_positions(self, text: str) -> set[int]:
        if self._pattern is None:
            return set()
        return {i for m in self._pattern.finditer(text) for i in range(m.start(), m.end())}

    def __hash__(self):
        return id(self)


def converter_for(data_dir: Path) -> Converter:
    """The converter of a corpus: data/s2t_overrides.yml, hant_glyphs.yml and hant_zhun.yml."""
    data_dir = Path(data_dir)
    return Converter(load_overrides(data_dir / "s2t_overrides.yml"), load_glyphs(data_dir / "hant_glyphs.yml"),
                     load_zhun(data_dir / "hant_zhun.yml"))


_T2S = None


def to_hans(text: str) -> str:
    """Traditional -> Simplified, used to fold queries and index text onto one script."""
    global _T2S
    if _T2S is None:
        _T2S = opencc.OpenCC("t2s")
    return _T2S.convert(text)

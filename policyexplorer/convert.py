"""Simplified -> Traditional conversion: OpenCC s2t plus a curated override dictionary.

Character-level s2t keeps official wording (s2twp would rewrite vocabulary, 万象城 -> 永珍城).
Plain s2t still guesses wrong on some names (范礼奎 -> 範禮奎, 斗级营 -> 鬥級營), so the
corpus keeps a dictionary of phrases whose Traditional form is known. Text is cut at every
override phrase; the pieces between are converted by OpenCC, the phrases are replaced.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import opencc
import yaml


class OverrideError(ValueError):
    pass


def load_overrides(path: Path) -> dict[str, str]:
    """Read `simplified: traditional` pairs; the file may group them under headings."""
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
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


class Converter:
    def __init__(self, overrides: dict[str, str] | None = None):
        self._cc = opencc.OpenCC("s2t")
        self.overrides = dict(overrides or {})
        # Longest phrase first so 斗级营一期 wins over 斗级营 when both are listed.
        keys = sorted(self.overrides, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, keys))) if keys else None

    @lru_cache(maxsize=65536)
    def to_hant(self, text: str) -> str:
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

    def __hash__(self):
        return id(self)


_T2S = None


def to_hans(text: str) -> str:
    """Traditional -> Simplified, used to fold queries and index text onto one script."""
    global _T2S
    if _T2S is None:
        _T2S = opencc.OpenCC("t2s")
    return _T2S.convert(text)

"""The register of China's administrative divisions (data/divisions.tsv, made by
scripts/divisions.py from a public data set of the National Bureau of Statistics' codes): every
province-, prefecture- and county-level division with its code, level and parent.

Loaded once (ingest/places.Places.load) and passed down. A place is found by its full name
(海淀区), its short name (海淀: the name less 省/市/区/县/旗/盟/自治州/…, when two characters or
more remain), or a chain of names from the top (北京市海淀区, 北京海淀区); a name several
divisions bear (a 鼓楼区 in several cities) is only found with a parent that tells them apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import CorpusError

# An administrative suffix, longest first; an autonomous area's suffix takes its peoples along
# (恩施土家族苗族自治州 -> 恩施).
SUFFIX = re.compile(r"^(.{2,}?)(?:(?:[\u4e00-\u9fff]{1,5}?族)*自治(?:区|州|县|旗)|特别行政区|地区|林区|特区|"
                    r"省|市|区|县|旗|盟|镇|乡)$")
LEVEL_RANK = {"national": 0, "province": 1, "city": 2, "district": 3, "county": 3, "township": 4}


def short_name(name: str) -> str:
    """The name less its administrative suffix when two characters or more remain: 海淀区 -> 海淀,
    内蒙古自治区 -> 内蒙古, 城区 -> 城区."""
    m = SUFFIX.match(name)
    return m.group(1) if m else name


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str
    parent: str | None


class Divisions:
    def __init__(self, rows: list[Division], where: str = "divisions.tsv"):
        self.where = where
        self.by_code: dict[str, Division] = {}
        self.by_name: dict[str, list[str]] = {}
        for d in rows:
            if d.code in self.by_code:
                raise CorpusError(f"{where}: code {d.code} is listed twice")
            self.by_code[d.code] = d
        for d in rows:
            if d.parent and d.parent not in self.by_code:
                raise CorpusError(f"{where}: {d.code} {d.name}: parent {d.parent} is not listed")
            for key in {d.name, short_name(d.name)}:
                self.by_name.setdefault(key, []).append(d.code)
        self.root = next((d.code for d in rows if not d.parent), None)
        self._slugs: dict[str, str] | None = None

    @classmethod
    def load(cls, path: Path) -> "Divisions":
        if not path.exists():
            return cls([])
        rows = []
        for n, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != 4 or cells[2] not in LEVEL_RANK:
                raise CorpusError(f"{path}:{n}: expected code, name, level, parent code (tab-separated)")
            rows.append(Division(cells[0], cells[1], cells[2], cells[3] or None))
        return cls(rows, str(path))

    def __bool__(self) -> bool:
        return bool(self.by_code)

    def chain(self, code: str) -> list[str]:
        """Codes from the top down to code."""
        out = []
        while code:
            out.insert(0, code)
            code = self.by_code[code].parent
        return out

    def find(self, name: str) -> list[str]:
        """Codes of every division the name can mean: a name, a short name, or a chain of them
        from any ancestor down (江苏省苏州市姑苏区, 北京朝阳区)."""
        name = re.sub(r"\s+", "", name)
        found = []
        for end in range(len(name)):
            tail = name[end:]
            for code in self.by_name.get(tail, []):
                if not name[:end] or self._ancestors_spell(name[:end], self.by_code[code].parent):
                    found.append(code)
            if found:
                break
        return sorted(set(found))

    def _ancestors_spell(self, text: str, code: str | None) -> bool:
        """Whether text is the names (full or short) of some of code's ancestors, top down, ending
        with code's own or a higher one's."""
        while code:
            d = self.by_code[code]
            for key in {d.name, short_name(d.name)}:
                if text.endswith(key) and (text == key or self._ancestors_spell(text[: -len(key)], d.parent)):
                    return True
            code = d.parent
        return False

    def canonical(self, code: str) -> str:
        """A name only this division bears (姑苏区), else its parent's name before it (北京市朝阳区)."""
        d = self.by_code[code]
        if len([c for c in self.by_name.get(d.name, []) if self.by_code[c].name == d.name]) > 1 and d.parent \
                and d.parent != self.root:
            return self.by_code[d.parent].name + d.name
        return d.name

    def slug(self, code: str, reserved: dict[str, str] | None = None) -> str:
        """The division's name in addresses: the pinyin of its short name (海淀区 -> haidian). Where
        several divisions would share it, the highest-level one alone keeps it and the others add
        their parent's slug (chaoyang-beijing); `reserved` maps slugs data/places.yml gives to the
        code of their place, which keeps them."""
        if self._slugs is None or reserved != getattr(self, "_reserved", None):
            self._reserved = dict(reserved or {})
            self._slugs = self._all_slugs(self._reserved)
        return self._slugs[code]

    def _all_slugs(self, reserved: dict[str, str]) -> dict[str, str]:
        base = {code: pinyin_slug(d.name, len(short_name(d.name))) for code, d in self.by_code.items()}
        holders: dict[str, list[str]] = {}
        for code, b in base.items():
            holders.setdefault(b, []).append(code)
        slugs: dict[str, str] = {}
        used: set[str] = set()
        for code in sorted(self.by_code, key=lambda c: (LEVEL_RANK[self.by_code[c].level], c)):
            b = base[code]
            owner = reserved.get(b)
            if owner is not None:
                keeps = owner == code
            else:
                others = [c for c in holders[b] if c != code]
                rank = LEVEL_RANK[self.by_code[code].level]
                keeps = all(LEVEL_RANK[self.by_code[c].level] > rank for c in others)
            parent = self.by_code[code].parent
            slug = b if keeps or not parent else f"{b}-{slugs[parent]}"
            if slug in used or (slug in reserved and reserved[slug] != code):
                slug = f"{slug}-{code}"
            slugs[code] = slug
            used.add(slug)
        for b, code in reserved.items():
            if code in slugs:
                slugs[code] = b
        return slugs


def pinyin_slug(name: str, keep: int | None = None) -> str:
    """Lower-case ASCII pinyin without tones or separators of the first `keep` characters of the
    name (姑苏区, 2 -> gusu); "" when they have no Chinese characters or digits. The whole name is
    read, so a place name's reading of a character can win (朝阳区: chaoyang). Latin letters are
    left out: a name carrying an address ("某市(http://…)") must not put it into every URL."""
    from pypinyin import Style, lazy_pinyin

    words = lazy_pinyin(name, style=Style.NORMAL, errors=lambda chars: [c if c.isdigit() else "" for c in chars])
    return re.sub(r"[^a-z0-9]", "", "".join(words[:keep]).lower())

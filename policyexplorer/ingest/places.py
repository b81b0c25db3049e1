"""The place hierarchy: which place each place belongs to.

Data, not code: data/places.yml names places with their slugs, aliases and any override, and a
place it does not list is found in the register of every province-, city- and county-level
division (data/divisions.tsv, ingest/divisions.py), loaded with it. Each report's place is
resolved to its path from the top (["中国", "湖北省", "武汉市"]), which linking and the tracker
use to keep one place's figures from answering another place's targets; its slug (the place in
addresses) is places.yml's, else the pinyin of its name (divisions.Divisions.slug).
"""
from __future__ import annotations

from pathlib import Path

import re


from .divisions import Divisions, pinyin_slug, short_name
from .errors import CorpusError
from .meta import LEVELS
from ..yamlfile import safe_load

# A township's name (乡, 镇, 街道, 苏木): the register ends at counties, so a township is found as
# the county-level place it belongs to followed by its name.
TOWNSHIP = re.compile(r"(?:镇|乡|街道|苏木)$")


class Places:
    def __init__(self, entries: list[dict] | None = None, where: str = "places.yml",
                 divisions: Divisions | None = None):
        self.divisions = divisions or Divisions([])
        self.parent: dict[str, str | None] = {}
        self.level: dict[str, str] = {}
        self.alias: dict[str, str] = {}
        self.slugs: dict[str, str] = {}
        for i, e in enumerate(entries or []):
            name = e.get("name")
            if not isinstance(name, str) or not name.strip():
                raise CorpusError(f"{where}: places[{i}] needs a name")
            if e.get("level") not in LEVELS:
                raise CorpusError(f"{where}: places[{i}] ({name}): level must be one of {list(LEVELS)}")
            if name in self.parent:
                raise CorpusError(f"{where}: places[{i}]: {name} is listed twice")
            self.parent[name] = e.get("parent")
            self.level[name] = e["level"]
            if e.get("slug") is not None:
                if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(e["slug"])) or e["slug"] in self.slugs.values():
                    raise CorpusError(f"{where}: places[{i}] ({name}): slug {e['slug']!r} must be a lower-case "
                                      f"ASCII word (a-z, 0-9, '-') used by no other place")
                self.slugs[name] = str(e["slug"])
            for alias in [name, *(e.get("aliases") or [])]:
                self.alias[alias] = name
        for name, parent in self.parent.items():
            if parent is not None and parent not in self.parent:
                raise CorpusError(f"{where}: {name}: parent {parent!r} is not a listed place")
        for name in self.parent:                       # no cycles
            self.path(name)
        # each listed place's division in the register, where its name or an alias names one
        self.code: dict[str, str] = {}
        for alias, name in self.alias.items():
            found = self.divisions.find(alias)
            if name not in self.code and len(found) == 1:
                self.code[name] = found[0]
        self.name_of = {code: name for name, code in self.code.items()}
        self.reserved = {slug: self.code[n] for n, slug in self.slugs.items() if n in self.code}

    @classmethod
    def load(cls, path: Path) -> "Places":
        """places.yml and, beside it, the register (divisions.tsv)."""
        divisions = Divisions.load(path.parent / "divisions.tsv")
        if not path.exists():
            return cls([], divisions=divisions)
        data = safe_load(path.read_text(encoding="utf-8-sig")) or {}
        return cls(data.get("places") or [], str(path), divisions)

    def resolve(self, place: str) -> str | None:
        """The places.yml name of a listed place (or alias), else None."""
        return self.alias.get(place)

    def candidates(self, place: str) -> list[str]:
        """Register codes the name can mean (none for a place places.yml lists)."""
        return [] if self.resolve(place) else self.divisions.find(place)

    def name(self, code: str) -> str:
        """A division's name here: places.yml's where it lists it (武汉市武昌区), else one only it
        bears (姑苏区, 北京市朝阳区)."""
        return self.name_of.get(code) or self.divisions.canonical(code)

    def township(self, place: str) -> tuple[str, str] | None:
        """(the place it belongs to, its own name) for a township named after the county-level
        place it belongs to (青山县石门镇), which the register, ending at counties, does not list."""
        if self.resolve(place) or not TOWNSHIP.search(place):
            return None
        for end in range(len(place) - 2, 1, -1):
            parent = self.canonical(place[:end])
            if parent:
                return parent, place[end:]
        return None

    def meanings(self, place: str) -> list[str]:
        """The name of every place the name can mean: places.yml's, the register's, or a township
        under one of them; [] for a name neither knows."""
        if self.resolve(place):
            return [self.resolve(place)]
        found = self.candidates(place)
        if found:
            return [self.name(c) for c in found]
        town = self.township(place)
        return ["".join(town)] if town else []

    def canonical(self, place: str) -> str | None:
        """The one place the name means (places.yml's name, else the register's), else None."""
        if self.resolve(place):
            return self.resolve(place)
        found = self.candidates(place)
        if len(found) == 1:
            return self.name(found[0])
        town = None if found else self.township(place)
        return "".join(town) if town else None

    def level_of(self, place: str) -> str | None:
        if self.resolve(place):
            return self.level[self.resolve(place)]
        found = self.candidates(place)
        if len(found) == 1:
            return self.divisions.by_code[found[0]].level
        return "township" if not found and TOWNSHIP.search(place) else None

    def slug(self, place: str) -> str:
        """The place's name in addresses: as places.yml gives it; else the pinyin of its name in the
        register (divisions.Divisions.slug); else the pinyin of the name as written ("" for a name
        with no letter: model.Report then uses a stable hash of it)."""
        name = self.resolve(place)
        if name in self.slugs:
            return self.slugs[name]
        code = self.code.get(name) if name else None
        found = [code] if code else self.candidates(place)
        if len(found) == 1:
            return self.divisions.slug(found[0], self.reserved)
        town = None if found else self.township(place)
        if town:     # townships share names: the slug of the place each belongs to goes with it
            return f"{pinyin_slug(town[1], len(short_name(town[1])))}-{self.slug(town[0])}"
        short = pinyin_slug(place, len(short_name(place)))
        taken = set(self.slugs.values()) | {self.divisions.slug(c, self.reserved)
                                            for c in self.divisions.by_name.get(short_name(place), [])}
        return pinyin_slug(place) if short in taken else short

    def path(self, place: str) -> list[str]:
        """From the top down to the place: places.yml's chain for a place it lists, else the
        register's (each place it lists by places.yml's name); [place] alone for a place in neither."""
        name = self.resolve(place)
        if name is None:
            found = self.candidates(place)
            town = None if found else self.township(place)
            if town:
                return self.path(town[0]) + ["".join(town)]
            if len(found) != 1:
                return [place]
            return [self.name(code) for code in self.divisions.chain(found[0])]
        out: list[str] = []
        while name is not None:
            if name in out:
                raise CorpusError(f"places.yml: {name} is its own ancestor")
            out.insert(0, name)
            name = self.parent[name]
        return out

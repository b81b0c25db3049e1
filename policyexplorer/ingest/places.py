"""The place hierarchy (data/places.yml): which place each place belongs to.

Data, not code: adding a township is adding a line. Each report's place is resolved to its
path from the top (["中国", "湖北省", "武汉市"]), which linking and the tracker use to keep
one place's figures from answering another place's targets.
"""
from __future__ import annotations

from pathlib import Path

import re


from .errors import CorpusError
from .meta import LEVELS
from ..yamlfile import safe_load


class Places:
    def __init__(self, entries: list[dict] | None = None, where: str = "places.yml"):
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

    @classmethod
    def load(cls, path: Path) -> "Places":
        if not path.exists():
            return cls([])
        data = safe_load(path.read_text(encoding="utf-8-sig")) or {}
        return cls(data.get("places") or [], str(path))

    def resolve(self, place: str) -> str | None:
        return self.alias.get(place)

    def slug(self, place: str) -> str:
        """The place's name in addresses as places.yml gives it, else "" (model.Report then uses a
        stable hash of the name)."""
        return self.slugs.get(self.resolve(place) or place, "")

    def path(self, place: str) -> list[str]:
        """From the top down to the place; [place] alone for a place not listed."""
        name = self.resolve(place)
        if name is None:
            return [place]
        out: list[str] = []
        while name is not None:
            if name in out:
                raise CorpusError(f"places.yml: {name} is its own ancestor")
            out.insert(0, name)
            name = self.parent[name]
        return out

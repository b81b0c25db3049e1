"""Responsible agencies in a task breakdown: "(牵头单位:市发改委;责任单位:市民政局、…)".

The document's own rule: "无牵头单位的，责任单位即为牵头单位" — an item naming only 责任单位 has
those as its lead. Names are mapped to canonical full names through data/agencies.yml; an unknown
name is kept as printed, so a new report never fails on a new agency. Notes in 〈…〉 ("含开发区…")
qualify a name and are not part of it.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..yamlfile import safe_load


DEFAULT_DATA = Path(__file__).resolve().parents[2] / "data" / "agencies.yml"

# Debris that page breaks leave inside the parentheses: footers "—4—", "30 —", "- 12 -".
_FOOTER = re.compile(r"[—－\-–]+\s*\d{1,3}\s*[—－\-–]*|\d{1,3}\s*[—－\-–]+")
_NOTE = re.compile(r"〈[^〉]*〉|<[^>]*>")
_LABEL = re.compile(r"(牵头单位|责任单位)\s*[:：]")
# An assignment: parentheses whose body starts with one of the labels.
ASSIGNMENT = re.compile(r"[（(]\s*(?=牵头单位|责任单位)((?:[^()（）〈〉]|〈[^〉]*〉)*)[)）]?")
_SEP = re.compile(r"[、，,．.]")
# Shared suffixes written once for a run of names: "江汉、硚口、黄陂区人民政府",
# "东湖高新区、武汉经开区管委会".
_SHARED_SUFFIXES = ("区人民政府", "管委会")


@dataclass
class Assignment:
    start: int            # span of the parenthesis in the text
    end: int
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)


class AgencyIndex:
    """Alias -> canonical name, loaded from data/agencies.yml."""

    def __init__(self, path: Path | None = None):
        path = Path(path or DEFAULT_DATA)
        text = path.read_text(encoding="utf-8")
        # what the file says, for keys of results that depend on it (commitments/cached.py)
        self.digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        data = safe_load(text) or {}
        self.canonical: dict[str, str] = {}
        for i, entry in enumerate(data.get("agencies") or []):
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                raise ValueError(f"{path}: agencies[{i}] needs a name")
            name = entry["name"]
            for alias in [name, *(entry.get("aliases") or [])]:
                self.canonical[_squash(alias)] = name

    def normalise(self, name: str) -> str:
        key = _squash(name)
        return self.canonical.get(key, key)


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def clean_body(body: str) -> str:
    """The text inside the parentheses without footers, notes and line breaks."""
    body = _FOOTER.sub("", body)
    body = _NOTE.sub("", body)
    return re.sub(r"\s+", "", body)


def _bare_district(name: str) -> bool:
    """"江岸" or "江岸区" (waiting for 人民政府), not a city body like "市妇联" or "武汉广电台"."""
    return (len(name.rstrip("区")) <= 4 and not name.startswith(("市", "省", "武汉", "各"))
            and not name.endswith(("政府", "局", "委", "会", "办", "团", "院", "部", "社", "联", "台", "队", "室", "中心")))


def _split_names(part: str) -> list[str]:
    names = [n for n in _SEP.split(part) if n]
    # Give a shared suffix back to the bare names before it.
    out: list[str] = []
    run: list[str] = []
    for name in names:
        run.append(name)
        suffix = next((s for s in _SHARED_SUFFIXES if name.endswith(s)), None)
        if suffix:
            # "各区人民政府" names every district: it shares nothing with "市妇联" before it.
            shared = not name.startswith(("各", "相关", "有关"))
            for earlier in run[:-1]:
                if shared and suffix == "区人民政府" and _bare_district(earlier):
                    earlier = earlier.rstrip("区") + suffix
                elif suffix == "管委会" and earlier.endswith(("区", "开发区")) and not earlier.startswith("各"):
                    earlier = earlier + suffix
                out.append(earlier)
            out.append(name)
            run = []
    out.extend(run)
    return out


def parse_body(body: str, index: AgencyIndex) -> tuple[list[str], list[str]]:
    """(lead, support) from "牵头单位:A;责任单位:B、C"."""
    body = clean_body(body)
    lead: list[str] = []
    support: list[str] = []
    pieces = _LABEL.split(body)
    # pieces: [before, label, text, label, text, ...]
    for label, text in zip(pieces[1::2], pieces[2::2]):
        text = text.strip(";；:：,，。 ")
        names = [index.normalise(n) for n in _split_names(text)]
        names = [n for n in names if n and not n.isdigit()]
        target = lead if label == "牵头单位" else support
        for n in names:
            if n not in target:
                target.append(n)
    if not lead:
        # "无牵头单位的，责任单位即为牵头单位"
        lead, support = support, []
    return lead, [n for n in support if n not in lead]


def find_assignments(text: str, index: AgencyIndex | None = None) -> list[Assignment]:
    index = index or default_index()
    out = []
    for m in ASSIGNMENT.finditer(text):
        lead, support = parse_body(m.group(1), index)
        if lead or support:
            out.append(Assignment(m.start(), m.end(), lead, support))
    return out


def strip_assignments(text: str) -> str:
    return ASSIGNMENT.sub("", text).strip()


_DEFAULT: AgencyIndex | None = None


def default_index() -> AgencyIndex:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = AgencyIndex()
    return _DEFAULT

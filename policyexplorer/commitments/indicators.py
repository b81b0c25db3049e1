"""Canonical indicators (data/indicators.yml) and the scope a clause gives them.

Two figures are comparable only when they measure the same thing: the same indicator, in the
same unit, with the same scope. Scope has two parts read from the clause itself:

- level: 国家级 / 省级以上 / 市级以上 ... ("新增市级以上众创孵化载体" and "新增省级以上众创孵化载体"
  are different measures);
- period: new (新增, 新建: this year's flow) or stock (累计, 总数: a running total).
  "累计" is special: a cumulative figure never answers a one-year target.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..yamlfile import safe_load
from .clauses import word_cuts


DEFAULT_DATA = Path(__file__).resolve().parents[2] / "data" / "indicators.yml"
_PUNCT = "，。；：、,.;:！？!?（）()“”\"'《》"
_GAP = rf"[^{re.escape(_PUNCT)}]{{0,8}}?"

# 本级 (the government's own budget or investment) against 全社会 (the whole economy's)
LEVEL_WORDS = ["国家级", "国家", "省级以上", "省级及以上", "省级", "市级以上", "市级及以上", "市级", "区级", "全国", "全省",
               "省本级", "市本级", "区本级", "县本级", "全社会"]
# Not 全年, 当年, 年内: "全年地区生产总值完成147亿元" is the year's figure of a yearly measure,
# not a flow set against a stock (the indicator's own period says what a bare figure is).
NEW_WORDS = ["新增", "净增", "新建", "新开工", "新改建", "新改扩建", "新认定", "新登记", "新引进", "新开", "新培育", "新设立"]
STOCK_WORDS = ["总数", "总量", "总计", "总规模", "余额", "存量", "保有量"]
CUMULATIVE_WORDS = ["累计"]


@dataclass
class Indicator:
    id: str
    name: str
    aliases: list[str]
    kind: str = "level"
    unit: str | None = None
    direction: str = "up"
    period: str = "new"
    patterns: list[re.Pattern] = field(default_factory=list)
    # each alias' literal parts ("A*B" -> A, B): a text lacking one cannot match the alias
    parts: list[tuple[str, ...]] = field(default_factory=list)
    # One measured thing stated as a level, a growth rate or a share ("地区生产总值完成147亿元，
    # 同比增长8.8%"): the indicators of a family are its measures, one per kind. Its own id when
    # the file names no family.
    family: str = ""
    # Indicators of a like name that measure something else ("农民人均纯收入" is not "农村居民人均
    # 可支配收入"): {family: why}. A figure of one never answers a target of the other.
    unlike: dict[str, str] = field(default_factory=dict)


@dataclass
class Scope:
    level: str | None       # 国家级, 省级以上 ... or None when the clause says none
    period: str             # new | stock | cumulative

    def differs(self, other: "Scope") -> str | None:
        """Why two scopes are not comparable, or None."""
        if self.level and other.level and _level_key(self.level) != _level_key(other.level):
            return f"different scope ({self.level} vs {other.level})"
        if (self.period == "cumulative") != (other.period == "cumulative"):
            return "cumulative vs annual figure"
        if {self.period, other.period} == {"new", "stock"}:
            return "new vs total figure"
        return None

    def label(self) -> str:
        return "".join(x for x in (self.level, {"new": "新增", "stock": "总量", "cumulative": "累计"}[self.period]) if x)


def _level_key(level: str) -> str:
    return level.replace("及以上", "以上")


@dataclass
class IndicatorMatch:
    indicator: Indicator
    start: int
    end: int
    alias: str


class IndicatorIndex:
    def __init__(self, path: Path | None = None):
        path = Path(path or DEFAULT_DATA)
        text = path.read_text(encoding="utf-8")
        # what the file says, for keys of results that depend on it (commitments/cached.py)
        self.digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        data = safe_load(text) or {}
        self.indicators: list[Indicator] = []
        seen = set()
        for i, entry in enumerate(data.get("indicators") or []):
            if not isinstance(entry, dict) or not entry.get("id") or not entry.get("aliases"):
                raise ValueError(f"{path}: indicators[{i}] needs an id and aliases")
            if entry["id"] in seen:
                raise ValueError(f"{path}: indicator id {entry['id']!r} is listed twice")
            seen.add(entry["id"])
            ind = Indicator(id=entry["id"], name=entry.get("name") or entry["id"],
                            aliases=[str(a) for a in entry["aliases"]], kind=entry.get("kind", "level"),
                            unit=entry.get("unit"), direction=entry.get("direction", "up"),
                            period=entry.get("period", "new"))
            ind.family = str(entry.get("family") or entry["id"])
            ind.unlike = {str(k): str(v) for k, v in (entry.get("unlike") or {}).items()}
            ind.parts = [tuple(a.split("*")) for a in ind.aliases]
            ind.patterns = [re.compile(_GAP.join(re.escape(part) for part in parts)) for parts in ind.parts]
            self.indicators.append(ind)
        self.by_id = {i.id: i for i in self.indicators}
        # each alias' opening (its first two characters, or its one): which indicators to try
        self._openings: dict[str, set[int]] = {}
        for k, ind in enumerate(self.indicators):
            for parts in ind.parts:
                self._openings.setdefault(parts[0][:2], set()).add(k)
        self.measures: dict[tuple[str, str], Indicator] = {}
        for ind in self.indicators:
            if self.measures.setdefault((ind.family, ind.kind), ind) is not ind:
                raise ValueError(f"{path}: family {ind.family!r} has two indicators of kind {ind.kind!r}")
        families = {i.family for i in self.indicators}
        for ind in self.indicators:
            for other in ind.unlike:
                if other not in families:
                    raise ValueError(f"{path}: {ind.id}: unlike names {other!r}, which is no family")
            # unlike goes both ways: whichever of the two a target names
            for other, why in ind.unlike.items():
                for sib in self.indicators:
                    if sib.family == other:
                        sib.unlike.setdefault(ind.family, why)

    def measure(self, indicator: Indicator, kind: str) -> Indicator | None:
        """The indicator of the same family that a figure of this kind measures ("地区生产总值" with
        a rate -> its growth), or None when the family has no such measure."""
        return self.measures.get((indicator.family, kind))

    def matches(self, text: str) -> list[IndicatorMatch]:
        """All indicator mentions, longest alias first where two overlap. Only the indicators with
        an alias whose opening two characters stand in the text are tried (a set lookup per
        indicator instead of a substring test per alias: linking reads every review clause)."""
        found: list[IndicatorMatch] = []
        opened = {text[i:i + 2] for i in range(len(text) - 1)} | set(text)
        for ind in (self.indicators[i] for i in sorted({i for key in opened & self._openings.keys()
                                                           for i in self._openings[key]})):
            best = None
            for alias, pat, parts in zip(ind.aliases, ind.patterns, ind.parts):
                # a substring test is far cheaper than a regex scan, and most aliases fail it
                if not all(part in text for part in parts):
                    continue
                for m in pat.finditer(text):
                    if best is None or (m.end() - m.start()) > (best.end - best.start):
                        best = IndicatorMatch(ind, m.start(), m.end(), alias)
            if best:
                found.append(best)
        # a name after 单位/万元 is the denominator of another measure ("单位地区生产总值建设用地",
        # "万元地区生产总值用水量"): not that name's own figure
        found = [f for f in found if f.alias.startswith(("单位", "万元", "每万元"))
                 or not denominator(text, f.start)]
        # where one name runs on into another that ends on what is measured ("全社会研发经费投入" and
        # "研发经费投入强度" in "全社会研发经费投入强度"), the clause measures the later one's head
        # (the intensity, not the spending), however long the earlier name is
        found = [a for a in found if not any(
            a.start < b.start < a.end < b.end and _MEASURE_HEAD.search(text, a.end, b.end)
            for b in found)]
        # a name that starts inside a word of another, earlier name is not said ("出口总值增长" in
        # "进出口总值增长": 进出口 is one word), however long it is
        inside = [b for b in found if any(a.start < b.start < a.end for a in found)]
        if inside:
            cuts = set(word_cuts(text))
            found = [b for b in found if b not in inside or b.start in cuts]
        found.sort(key=lambda x: (-(x.end - x.start), x.start))
        kept: list[IndicatorMatch] = []
        for f in found:
            if all(f.end <= k.start or f.start >= k.end for k in kept):
                kept.append(f)
        return sorted(kept, key=lambda x: x.start)


# the word that ends a name on what it measures: a ratio or a density, not the amount before it
_MEASURE_HEAD = re.compile(r"(?:强度|比重|占比|比例|密度|(?<!增)率)$")

_PER_UNIT = re.compile(r"(?<![\d.])(?:单位|万元|每万元)(?:规上|规模以上)?$")


def denominator(text: str, start: int) -> bool:
    """The name starting at text[start] follows 单位/万元 ("单位规上工业增加值能耗"): it is the
    denominator of another measure, not a figure of its own."""
    return _PER_UNIT.search(text, max(0, start - 7), start) is not None


def scope_of(clause: str, match: IndicatorMatch | None, indicator: Indicator | None = None) -> Scope:
    """Scope of the figure the clause gives for the matched indicator."""
    # Scope words sit in the clause before the figure ("新增省级以上众创孵化载体33家",
    # "累计打造1588个…") or inside the alias match ("高新技术企业总数").
    # Only the stretch of the clause that holds the name: a level named in an earlier phrase
    # ("其中市级重点项目60个，…，确保固定资产投资增长9%") is that phrase's.
    if match is None:
        window = clause
    else:
        start = max(clause.rfind(ch, 0, match.start) for ch in "，,；;：:（()）")
        window = clause[start + 1: match.end + 4]
    level = next((w for w in LEVEL_WORDS if w in window), None)
    if level in ("国家", "全国", "全省"):
        level = None        # "国家级" names a level; "国家…" / "全国…" usually name something else
    if any(w in clause for w in CUMULATIVE_WORDS):
        period = "cumulative"
    elif any(w in window for w in STOCK_WORDS):
        period = "stock"
    elif any(w in window for w in NEW_WORDS):
        period = "new"
    else:
        period = (indicator or (match.indicator if match else None)).period if (indicator or match) else "new"
    return Scope(level, period)


_DEFAULT: IndicatorIndex | None = None


def default_index() -> IndicatorIndex:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = IndicatorIndex()
    return _DEFAULT

"""Splitting paragraphs into clauses and pairing indicators with their figures.

Commitments are clauses, not paragraphs: "新建充电桩2万个、换电站40座，快递业务量
突破20亿件" holds three targets. We split on ，；。！？ and, where each side carries its own
figure, on 、. Brackets and quotes are never split ("创新街区（园区、楼宇）").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .quantity import Quantity, normalise, parse_quantities

_OPEN, _CLOSE = "（(“‘《〈【[", "）)”’》〉】]"
_HARD = set("，,；;。！？!?：:")
_ATTRIBUTE_ENDS = ("级", "类", "型")
_WHOLE = re.compile(r"(?:全部|全面)(?:开工|完成|建成|投用|完工)|全覆盖|翻番|清零")


@dataclass
class Clause:
    text: str
    start: int      # offset in the paragraph text (normalised)
    end: int
    context: str = ""   # the whole comma-clause a 、-segment belongs to


def _split(text: str, seps: set[str], offset: int = 0) -> list[tuple[int, int]]:
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return [(offset + a, offset + b) for a, b in spans if text[a:b].strip()]


def split_clauses(text: str, legacy: bool = False) -> list[Clause]:
    """Comma clauses, each further split on 、 (和, 及) where every part has its own figure.
    legacy: split as before pairs were read (only on 、), to tell which clauses keep their ids."""
    text = normalise(text)
    out: list[Clause] = []
    for a, b in _split(text, _HARD):
        clause = text[a:b]
        # "50个以上A和600个以上B": 和/及 join two targets as 、 does (a part without a
        # figure is glued back below, so "A和B50个" stays whole)
        parts = _split(clause, {"、"} if legacy else {"、", "和", "及"}, a)
        # A part without a figure belongs with the next one ("幼儿园、中小学60所",
        # "高新技术企业总数、科技型中小企业评价入库均突破1.6万家").
        merged: list[tuple[int, int]] = []
        pending_start = None
        for pa, pb in parts:
            qs = [q for q in parse_quantities(text[pa:pb]) if not q.nominal]
            if not legacy and not qs and pending_start is None and _WHOLE.search(text[pa:pb]) and pb - pa >= 6:
                merged.append((pa, pb))      # "A上半年全部开工、B开工率50%以上": two targets
                continue
            # "87个百亿元级、964个十亿元级、1965个亿元级项目": each part is a target of its own;
            # the noun the list shares is read from the whole clause (extract._shared_noun).
            # Before, such a part waited for the noun (legacy splitting keeps that).
            if not qs or (legacy and text[pa:pb].rstrip().endswith(_ATTRIBUTE_ENDS)):
                if pending_start is None:
                    pending_start = pa
                continue
            merged.append((pending_start if pending_start is not None else pa, pb))
            pending_start = None
        if pending_start is not None:
            if merged:
                merged[-1] = (merged[-1][0], b)
            else:
                merged.append((pending_start, b))
        if "分别" in clause or len(merged) <= 1:
            merged = [(a, b)]          # "A、B分别增长x%、y%": keep whole, see pair_respectively
        for pa, pb in merged:
            out.append(Clause(text[pa:pb].strip("、 "), pa, pb, clause))
    return out


def pair_quantity(text: str, start: int, end: int) -> Quantity | None:
    """The figure a mention at text[start:end] refers to: the first one after it, else the
    nearest one before it ("284个老旧小区完成改造")."""
    qs = [q for q in parse_quantities(text) if not q.nominal]
    after = [q for q in qs if q.start >= end - 1]
    if after:
        return after[0]
    before = [q for q in qs if q.end <= start + 1]
    return before[-1] if before else None


def pair_respectively(clause: str) -> list[tuple[str, Quantity]]:
    """"A、B、C分别增长x%、y%、z%" -> [(A, x%), (B, y%), (C, z%)]."""
    if "分别" not in clause:
        return []
    head, tail = clause.split("分别", 1)
    names = [n for n in head.split("、") if n]
    qs = [q for q in parse_quantities(tail) if not q.nominal]
    if len(names) < 2 or len(names) != len(qs):
        return []
    if qs[0].kind == "rate":
        # only the first figure has the verb before it; the rest share it
        qs = [replace(q, kind="rate", qualifier=qs[0].qualifier) for q in qs]
    verb = re.match(r"[\u4e00-\u9fff]{0,4}?(?=\d)", tail)
    return [(n + (verb.group(0) if verb else ""), q) for n, q in zip(names, qs)]

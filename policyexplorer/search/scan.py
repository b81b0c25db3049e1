"""normalize.units() and keys() of whole texts, at corpus scale (the index builder's inner loop).

The results are those of normalize.keys(normalize.units(text)) (tests/test_search_index_stream.py
compares them), but units() makes an object per character; here a text is normalised with
str.translate, each normalised character becomes a class letter, and regular expressions cut the
class string, so the per-character work runs in C:

  C ideograph   D digit 0-9   A other letter/digit   P "."   S white space   X anything else

A "." between two digits (J once joined) belongs to its run; X and any other P are hard separators.
Between two hard separators lies a segment: its units are all adjacent, so its keys are its
ideograph pairs, its letter/digit runs and their pairs with a neighbouring ideograph.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .normalize import is_alnum, is_cjk, is_space, norm_char


class _Lazy(dict):
    """A str.translate table filled on the first sight of each code point."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def __missing__(self, cp: int) -> str:
        value = self[cp] = self.fn(chr(cp))
        return value


def _class_of(ch: str) -> str:
    """A normalised character's class, in the order units() tests them."""
    if is_cjk(ch):
        return "C"
    if ch in "0123456789":
        return "D"
    if is_alnum(ch):
        return "A"
    if ch == ".":
        return "P"
    return "S" if is_space(ch) else "X"


_CLASS = _Lazy(_class_of)
_JOINED_DOT = re.compile(r"(?<=D)P(?=D)")
# a segment of ideographs only, or any other segment
_SEGMENT = re.compile(r"(C+)(?=[XP]|\Z)|[^XP]+")
_UNIT = re.compile(r"C|[ADJ]+")

# A segment: (position of its first unit, its units): a str when every unit is an ideograph (one
# character each), else a list of (unit, is ideograph).
Segment = tuple[int, "str | list[tuple[str, bool]]"]


class Normalizer:
    """normalize.normalize() by table; the table remembers every character it was given."""

    def __init__(self):
        self.table = _Lazy(norm_char)

    def __call__(self, text: str) -> str:
        return text.translate(self.table)

    def output_chars(self) -> set[str]:
        """The characters of every normalised text so far."""
        return set("".join(self.table.values()))


def segments(norm: str) -> list[Segment]:
    """The units of a normalised text, by segment (see the module docstring)."""
    cls = norm.translate(_CLASS)
    if "P" in cls:
        cls = _JOINED_DOT.sub("J", cls)
    out: list[Segment] = []
    pos = 0
    for m in _SEGMENT.finditer(cls):
        if m.group(1):
            us = norm[m.start():m.end()]
        else:
            us = [(norm[u.start():u.end()], u.group() == "C") for u in _UNIT.finditer(cls, m.start(), m.end())]
            if not us:
                continue
            if all(c for _, c in us):
                us = "".join(s for s, _ in us)
        out.append((pos, us))
        pos += len(us)
    return out


def mixed_keys(g: int, us: list[tuple[str, bool]]) -> Iterator[tuple[str, int, int]]:
    """The keys of a segment that is not all ideographs, in order: (key, its position, the
    position after it). A segment of ideographs only has its pairs: us[j:j + 2] at g + j."""
    for i, (s, cjk) in enumerate(us):
        if i and (cjk or us[i - 1][1]):
            yield us[i - 1][0] + s, g + i - 1, g + i + 1
        if not cjk:
            yield s, g + i, g + i + 1


def key_positions(segs: list[Segment]) -> dict[str, list[int]]:
    """key -> its positions in increasing order: normalize.keys() grouped by key."""
    found: dict[str, list[int]] = {}
    get = found.get
    for g, us in segs:
        if type(us) is str:
            for j in range(len(us) - 1):
                k = us[j:j + 2]
                at = get(k)
                if at is None:
                    found[k] = [g + j]
                else:
                    at.append(g + j)
            continue
        for k, pos, _ in mixed_keys(g, us):
            found.setdefault(k, []).append(pos)
    return found


def positions_of(segs: list[Segment], wanted: set[str]) -> dict[str, list[int]]:
    """key_positions(segs) of the wanted keys only."""
    found: dict[str, list[int]] = {}
    for g, us in segs:
        if type(us) is str:
            for j in range(len(us) - 1):
                k = us[j:j + 2]
                if k in wanted:
                    found.setdefault(k, []).append(g + j)
            continue
        for k, pos, _ in mixed_keys(g, us):
            if k in wanted:
                found.setdefault(k, []).append(pos)
    return found


def ideograph_runs(segs: list[Segment]) -> list[str]:
    """Runs of 2+ adjacent ideographs (what jieba segments into the corpus's words)."""
    out = []
    for _, us in segs:
        if type(us) is str:
            if len(us) > 1:
                out.append(us)
            continue
        run = []
        for s, cjk in us:
            if cjk:
                run.append(s)
                continue
            if len(run) > 1:
                out.append("".join(run))
            run = []
        if len(run) > 1:
            out.append("".join(run))
    return out


def unit_strings(segs: list[Segment]) -> list[str]:
    """Every unit in order: position -> unit."""
    out: list[str] = []
    for _, us in segs:
        if type(us) is str:
            out.extend(us)
        else:
            out.extend(s for s, _ in us)
    return out


def occurrences_around(segs: list[Segment], wanted: set[str]) -> Iterator[tuple[str, int, str, str]]:
    """(key, position, unit before, unit after) of every occurrence of the wanted keys, in order
    ("" before the first unit and after the last). Positions count units and separators take
    none, so the neighbour of a unit may lie across a separator."""
    for g, us, before, after in bounded(segs):
        yield from around(g, us, before, after, wanted)


def bounded(segs: list[Segment]) -> Iterator[tuple[int, str | list[tuple[str, bool]], str, str]]:
    """Each segment (position, units) with the unit before and the unit after it ("" at the ends)."""
    last = len(segs) - 1
    for n, (g, us) in enumerate(segs):
        yield g, us, _last_unit(segs[n - 1][1]) if n else "", _first_unit(segs[n + 1][1]) if n < last else ""


def around(g: int, us: str | list[tuple[str, bool]], before: str, after: str,
           wanted: set[str]) -> Iterator[tuple[str, int, str, str]]:
    """occurrences_around in one segment, given the units before and after it."""
    if type(us) is str:
        end = len(us) - 2
        for j in range(end + 1):
            k = us[j:j + 2]
            if k in wanted:
                yield k, g + j, us[j - 1] if j else before, us[j + 2] if j < end else after
        return
    units = [s for s, _ in us]
    for k, start, stop in mixed_keys(g, us):
        if k in wanted:
            yield (k, start, units[start - g - 1] if start > g else before,
                   units[stop - g] if stop - g < len(units) else after)


def _first_unit(us: str | list[tuple[str, bool]]) -> str:
    return us[0] if type(us) is str else us[0][0]


def _last_unit(us: str | list[tuple[str, bool]]) -> str:
    return us[-1] if type(us) is str else us[-1][0]

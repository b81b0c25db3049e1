"""Structure: cleaned blocks -> the report's real outline.

The hierarchy comes from the numbering style (see numbering.py), not from markup.
- A table of contents (目录) is recognised and dropped, never doubled into sections.
- "第一章" on a line of its own takes the next short line as its title.
- 专栏 boxes, em-dash group headings ("——做强消费主引擎") and bold lead sentences are
  paragraphs, not sections; numbering inside a box stays inside the box.
- A numbered line that carries a sentence ("（一）坚持扩内需稳增长,发展态势向上向好。突出…")
  is a heading whose title is the first sentence; the rest is its first paragraph.
- A numbered line that assigns agencies ("…(牵头单位:市发改委;…)") is an item, not a heading.
- A numbering that restarts at the top level opens a new part (a scrape that lost its part
  headings); meta.yml may name parts explicitly (`parts:`) where the text alone cannot tell.
- Paragraphs before the first heading form a preamble; a trailing address to the delegates
  (各位代表…) forms the closing.
Every section learns whether it looks back on a year or plans one (looks, years).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Paragraph, Removal, Section
from .headings import (ADDRESS, TOP, BoxStart, Heading, Para, classify, fill_numbering_gaps, promote_item_sections,
                       promote_leads, promote_unnumbered)
from .layout import Block
from .orient import BACK_INTRO, FORWARD_INTRO, assign_looks
from .text import is_standalone_line



@dataclass
class Outline:
    sections: list[Section]
    warnings: list[str] = field(default_factory=list)
    hint_warnings: list[str] = field(default_factory=list)   # about meta.yml `parts:`


def _insert_hinted_parts(events: list, hints: list[dict], warnings: list[str]) -> list:
    """Open a part before the paragraph each hint names (meta.yml `parts:`, an optional
    override). A hint that matches nothing is a warning: the outline stays as inferred."""
    out = list(events)
    start = 0
    for i, hint in enumerate(hints):
        prefix = hint["starts"]
        for pos in range(start, len(out)):
            item = out[pos]
            if isinstance(item, Para) and item.kind != "front" and item.text.startswith(prefix):
                out.insert(pos, Heading(hint.get("kind", "part"), TOP, None, None, None, hint["title"], item.line,
                                        looks=hint.get("looks"), implicit=True))
                start = pos + 1
                break
        else:
            warnings.append(f"parts[{i}].starts {prefix!r} matches no paragraph after the previous part; ignored")
    return out


def _insert_inferred_parts(events: list, meta: dict) -> list:
    """A top-level numbering that restarts at 1 opens a new part.

    A part's title is the title-like line standing just before the restart ("…责任分解方案"),
    else it is named after the year it reviews or plans. A part begins at its intro: the first
    paragraph before the restart that opens like a review ("过去一年") or a plan ("今年").
    The first run becomes a part only when such an intro shows where it begins.
    """
    # An appendix numbers its own items ("附件1" / "一、…"): no restart of the report's parts.
    appendix = next((i for i, e in enumerate(events) if isinstance(e, Heading) and e.kind == "appendix"), len(events))
    numbered = [e for e in events[:appendix] if isinstance(e, Heading) and e.style is not None]
    if not numbered:
        return events
    top_rank = min(h.rank for h in numbered)
    if any(isinstance(e, Heading) and e.style is None and not e.implicit and e.kind != "appendix"
           and e.rank < top_rank for e in events):
        return events             # printed (unnumbered) headings above the numbering are the parts
    runs: list[int] = []          # event positions where a run of top headings starts
    last = None
    for pos, e in enumerate(events[:appendix]):
        if isinstance(e, Heading) and e.style is not None and e.rank == top_rank:
            if last is None or (e.value == 1 and (last or 0) >= 1):
                runs.append(pos)
            last = e.value
    if len(runs) < 2:
        return events
    review = meta.get("review_years") or []
    plan = meta.get("plan_years") or []
    parts = []                    # (position, title or None, looks)
    for k, pos in enumerate(runs):
        floor = runs[k - 1] + 1 if k else 0
        if any(isinstance(e, Heading) and e.implicit and e.rank == TOP for e in events[floor:pos]):
            continue              # a meta.yml hint already opens this part
        before = events[pos - 1] if pos > floor else None
        if k and isinstance(before, Para) and before.kind == "p" and is_standalone_line(before.text):
            parts.append((pos - 1, before.text, None))
            continue
        for intro, looks in ((BACK_INTRO, "back"), (FORWARD_INTRO, "forward")) if k == 0 else ((FORWARD_INTRO, "forward"),):
            found = next((b for b in range(floor, pos) if isinstance(events[b], Para)
                          and events[b].kind != "front" and intro.match(events[b].text)), None)
            if found is not None:
                parts.append((found, None, looks))
                break
        else:
            if k:
                parts.append((pos, None, "forward"))
    out = list(events)
    for begin, title, looks in reversed(parts):
        line = out[begin].line
        if title is not None:
            out[begin] = Heading("part", TOP, None, None, None, title, line, implicit=True)
            continue
        years = review if looks == "back" else plan
        label = f"{years[0]}年" if years else ""
        title = f"{label}工作回顾" if looks == "back" else f"{label}工作安排"
        out.insert(begin, Heading("part", TOP, None, None, None, title, line, looks=looks, implicit=True))
    return out


def _insert_closing(events: list) -> list:
    """The trailing address to the delegates after the last section is the closing."""
    end = len(events)
    for pos, e in enumerate(events):
        if isinstance(e, Heading) and e.kind == "appendix":
            end = pos
            break
    last_heading = max((i for i, e in enumerate(events[:end]) if isinstance(e, Heading)), default=-1)
    # The last address opens the closing: an earlier "各位代表，新的一年，…一是…" still
    # belongs to the plan it introduces.
    for pos in range(end - 1, last_heading + 1, -1):
        e = events[pos]
        if isinstance(e, Para) and e.kind == "p" and ADDRESS.match(e.text):
            out = list(events)
            out.insert(pos, Heading("closing", TOP, None, None, None, "结束语", e.line, implicit=True))
            return out
    return _closing_before_an_afterword(events, end)


def _closing_before_an_afterword(events: list, end: int) -> list:
    """A page may print matter of its own after the report's closing, under a heading ("政府工作报告
    修改10处" and the changes made to the draft): the last exclamation to the delegates after the last
    numbered heading still closes the report, and the unnumbered headings after it, naming no year,
    open appendices, not sections of the plan."""
    numbered = [i for i, e in enumerate(events[:end]) if isinstance(e, Heading) and e.style is not None]
    if not numbered:
        return events
    for pos in range(end - 1, numbered[-1], -1):
        e = events[pos]
        if not (isinstance(e, Para) and e.kind == "p" and ADDRESS.match(e.text) and e.text.endswith(("！", "!"))):
            continue
        after = [i for i in range(pos + 1, end) if isinstance(events[i], Heading)]
        if not after or any(events[i].style is not None or events[i].implicit or re.search(r"\d{4}年", events[i].title)
                            for i in after):
            return events
        out = list(events)
        for i in after:
            h = out[i]
            out[i] = Heading("appendix", TOP, None, None, None, h.title, h.line)
        out.insert(pos, Heading("closing", TOP, None, None, None, "结束语", e.line, implicit=True))
        return out
    return events


def build(blocks: list[Block], meta: dict, removed: list[Removal], where: str) -> Outline:
    events = classify(blocks, removed)
    warnings: list[str] = []
    hint_warnings: list[str] = []
    hints = meta.get("parts") or []
    if hints:
        events = _insert_hinted_parts(events, hints, hint_warnings)
    events = fill_numbering_gaps(events)
    events = promote_unnumbered(events)
    events = _insert_inferred_parts(events, meta)
    events = promote_item_sections(events)
    events = promote_leads(events)
    events = _insert_closing(events)

    sections: list[Section] = []
    children: dict[str | None, int] = {}
    stack: list[tuple[Section, Heading]] = []
    box_seq: dict[str, int] | None = None     # numbering seen inside the open 专栏 box

    def open_section(h: Heading) -> Section:
        while stack and stack[-1][1].rank >= h.rank:
            stack.pop()
        parent = stack[-1][0] if stack else None
        key = parent.anchor if parent else None
        children[key] = children.get(key, 0) + 1
        anchor = f"{parent.anchor}-{children[key]}" if parent else f"s{children[key]}"
        section = Section(anchor=anchor, number=h.number, title=h.title, level=len(stack) + 1,
                          parent=parent.anchor if parent else None, kind=h.kind, line=h.line,
                          looks=h.looks)
        sections.append(section)
        stack.append((section, h))
        return section

    def outer_next(style: str) -> int | None:
        for sec, h in reversed(stack):
            if h.style == style:
                return (h.value or 0) + 1
        return None

    def current() -> Section:
        if stack:
            return stack[-1][0]
        if not sections or sections[0].kind != "preamble":
            preamble = Section(anchor="s0", number=None, title="前言", level=1, parent=None,
                               kind="preamble", line=events[0].line if events else 1)
            sections.insert(0, preamble)
        return sections[0]

    def add(text: str, line: int, kind: str, number: str | None = None):
        section = current()
        section.paragraphs.append(Paragraph(f"{section.anchor}-p{len(section.paragraphs) + 1}",
                                            text, line, kind, number))

    for e in events:
        if isinstance(e, BoxStart):
            box_seq = {}
            add(e.title, e.line, "box-title")
            continue
        if isinstance(e, Heading):
            if box_seq is not None and e.style is not None and e.rank > 3:
                inside = e.style in box_seq and e.value == box_seq[e.style] + 1
                if not inside and outer_next(e.style) != e.value and e.value == 1:
                    inside = True
                if inside:
                    box_seq[e.style] = e.value or 0
                    add(f"{e.number}{e.title}", e.line, "box-heading")
                    continue
            box_seq = None
            open_section(e)
            continue
        kind = e.kind
        if box_seq is not None and kind in ("p", "item", "group"):
            kind = "box"
        add(e.text, e.line, kind, e.number)

    assign_looks(sections, meta)
    if not any(s.kind != "preamble" for s in sections):
        warnings.append("no recognisable numbering or headings: the report is one section, "
                        "each paragraph oriented on its own")
        sections[0].title = "全文"
    return Outline(sections, warnings, hint_warnings)

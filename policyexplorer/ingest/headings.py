"""Headings: which blocks open sections, numbered or not.

- Numbered headings rank by their numbering style (numbering.py): 第X篇 > 第X章 > 第X节 > 一、 > （一）.
  "第一章" on a line of its own takes the next short line as its title; a numbered line that
  carries a sentence ("（一）坚持扩内需稳增长,发展态势向上向好。突出…") is a heading whose title is
  the first sentence and whose rest is its first paragraph; a numbered line that assigns
  agencies ("…(牵头单位:市发改委;…)") is an item, not a heading.
- A table of contents (目录) is recognised and dropped, never doubled into sections.
- 专栏 boxes, em-dash group lines ("——做强消费主引擎") and bold lead sentences are paragraphs.
- Unnumbered headings: a short line without sentence punctuation standing between paragraphs
  ("2024年工作回顾", "财政政策:") is a heading. Numbering inside a sentence ("报告共分三部分:
  一、…;二、…") is not: numbering counts only at the start of a block. An unnumbered heading
  ranks just above the numbered run it opens, else just below the numbered section it stands
  in, else at the top; a label ending in a colon ranks below the heading before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Removal
from .glossary import HEADING as GLOSSARY_HEADING
from .layout import Block
from .numbering import BOX, GROUP, HEADING_STYLES, Numbered, parse_number
from .text import AGENCY_NOTE, TITLE_TAIL, TITLE_WORDS, is_standalone_line

# (a glossary's title, as glossary.HEADING knows them: "名词解释", "《政府工作报告》相关缩略语")
APPENDIX = re.compile(rf"^(?:附件|附表|附录)\s*\d*$|{GLOSSARY_HEADING.pattern}")
APPENDIX_LEAD = re.compile(r"^附\s*[：:]\s*\S{2,30}$")        # "附：《政府工作报告》部分词语解释"
APPENDIX_LABEL = re.compile(r"^(?:附件|附表|附录)\s*\d*$")   # a label alone; its title may follow
TOC = re.compile(r"^目\s*录$")
ADDRESS = re.compile(r"^(?:各位代表|各位委员|同志们|女士们|先生们|各位)")

TOP = 0   # rank of part-like sections: parts, preamble, closing, appendices
MAX_UNNUMBERED = 24        # characters: longer lines without punctuation are sentences
# A heading carries no sentence punctuation inside it; it may end in a colon ("财政政策:").
SENTENCE_INSIDE = re.compile(r"[，。；！？,;!?、]")
DATE_LINE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?")
# A lead-in clause ("主要抓了以下五个方面的工作:") speaks; a heading names.
LEAD_IN = re.compile(r"了|以下|如下|我们|主要是|包括|是$")
# A line ending in a colon that counts what follows ("重点抓好七个方面工作：", "抓好三件大事：")
# announces the items under it: a lead-in, not a label naming a section.
COUNTED_LEAD_IN = re.compile(r"[一二三四五六七八九十两]+\s*个?\s*(?:方面|项|件|条|点)\S*[：:]$")
# A signature line closing a document ("武汉市人民政府办公厅").
SIGNATURE = re.compile(r"(?:人民政府|办公厅|办公室|委员会|人民代表大会)$")


@dataclass
class Heading:
    kind: str                 # part | chapter | section | lead | closing | appendix | preamble
    rank: float               # smaller is higher; unnumbered headings sit between styles (x.5)
    style: str | None         # numbering style, None for inferred and unnumbered headings
    value: int | None
    number: str | None
    title: str
    line: int
    looks: str | None = None
    implicit: bool = False    # not printed in the source: inferred or from a meta.yml hint


@dataclass
class Para:
    text: str
    line: int
    kind: str = "p"
    number: str | None = None


@dataclass
class BoxStart:
    title: str
    line: int


def _heading_kind(style: str) -> str:
    return {"part": "part", "chapter": "chapter"}.get(style, "section")


def classify(blocks: list[Block], removed: list[Removal]) -> list:
    """Blocks -> events: numbered Headings, Paras and BoxStarts; the table of contents is
    dropped. Unnumbered headings are promoted later (promote_unnumbered), once meta.yml hints
    have placed their parts and appendices."""
    events: list = []
    in_toc = False
    pending_title: Heading | None = None
    pending_tail: Heading | None = None     # a heading whose title may go on in the next line
    last_item: int | None = None      # value of the previous numbered item, for glued numbers
    for block in blocks:
        text, line = block.text, block.line
        if TOC.match(text.replace(" ", "")):
            in_toc = True
            removed.append(Removal(line, "toc", text))
            continue
        numbered = parse_number(text)
        if in_toc:
            if (numbered and numbered.style in HEADING_STYLES) or is_standalone_line(text):
                removed.append(Removal(line, "toc", text))
                continue
            in_toc = False
        if pending_tail is not None:
            tail, pending_tail = pending_tail, None
            # (a heading line not ending in a title's closing words may go on in the next short
            # line: a scrape broke "一、“十三五”时期及2020年" / "工作回顾" in two)
            if not numbered and len(text) <= TAIL_CHARS and is_standalone_line(text) and TITLE_TAIL.search(text):
                tail.title += text          # "一、“十三五”时期及2020年" / "工作回顾": one title broken in two
                continue
        if pending_title is not None:
            pending_title = None
            if is_standalone_line(text) and not numbered:
                if events[-1].kind == "appendix":        # "附件1" / "2026年省十件民生实事"
                    events[-1].number, events[-1].title = events[-1].title, text
                else:
                    events[-1].title = text
                continue
        if block.front:
            events.append(Para(text, line, "front"))
            continue
        box = BOX.match(text)
        if box:
            events.append(BoxStart(text, line))
            continue
        if numbered and numbered.style in HEADING_STYLES and not AGENCY_NOTE.search(text):
            title, body, stop = numbered.rest, "", ""
            if "。" in title:
                (title, body), stop = title.split("。", 1), "。"
            title, run_on = _run_on(title) if len(numbered.rest) > RUN_ON_LINE else (title, "")
            if run_on:                       # the heading ran on into its first sentence
                body = run_on + stop + body
            heading = Heading(_heading_kind(numbered.style), numbered.rank, numbered.style,
                              numbered.value, numbered.label, title.strip(), line)
            events.append(heading)
            if not title.strip():
                pending_title = heading
            elif not body.strip() and not TITLE_TAIL.search(title):
                pending_tail = heading
            if body.strip():
                events.append(Para(body.strip(), line))
            continue
        if numbered:
            events.append(Para(text, line, "item", numbered.label))
            last_item = numbered.value
            continue
        glued = re.match(rf"{last_item + 1}\.(?=\d)", text) if last_item is not None else None
        if glued:
            # "3.100名园艺师…" after item 2 is item 3 whose text opens with a figure, not 3.1.
            events.append(Para(text, line, "item", f"{last_item + 1}."))
            last_item += 1
            continue
        if GROUP.match(text) and is_standalone_line(text[2:]):
            events.append(Para(text, line, "group"))
            continue
        if (is_standalone_line(text) or APPENDIX_LEAD.match(text)) and APPENDIX.search(text):
            events.append(Heading("appendix", TOP, None, None, None, text, line))
            if APPENDIX_LABEL.match(text):
                pending_title = events[-1]
            continue
        events.append(Para(text, line))
    return events


_TITLE_END = re.compile(rf"(?:{TITLE_WORDS}|建设)")
TAIL_CHARS = 12

# characters: a heading's title (up to its first 。) is shorter, and so is a heading's line, even
# with a run-in sentence after the title; past both, the title ran on into the text
RUN_ON = 40
RUN_ON_CLAUSES = 60
RUN_ON_LINE = 100


def _run_on(title: str) -> tuple[str, str]:
    """A heading a scrape ran on into its first sentence ("过去五年工作回顾刚刚过去的2030年，面对…"):
    (title, the text after it). The title ends at its last title word before the first comma, else
    (a long title without one) at that comma; a title of ordinary length is left whole."""
    if len(title) <= RUN_ON or "，" not in title:
        return title, ""
    comma = title.index("，")
    ends = [m.end() for m in _TITLE_END.finditer(title, 0, comma)]
    if ends and ends[-1] == comma:
        # "…的重要要求，在…中实现…": a title of two clauses, the first ending in a title word
        return title, ""
    if ends and ends[-1] >= 4:
        return title[: ends[-1]], title[ends[-1]:].lstrip("，")
    # no title word to cut after: a title of several clauses ("坚持以提高经济质量效益为中心，狠抓…，
    # 经济运行呈现…态势。") is a title up to a longer length; past that, the first clause is the title
    if len(title) <= RUN_ON_CLAUSES:
        return title, ""
    return title[:comma], title[comma:].lstrip("，")


def is_unnumbered_heading(text: str) -> bool:
    """A short line that names what follows ("2024年工作回顾", "财政政策:"), not a sentence,
    an address to the audience, a signature or a date."""
    title = text.rstrip("：:")
    # a part's title may list what it holds with 、 ("“十三五”时期的指导思想、奋斗目标和主要任务")
    listed = title.replace("、", "") if TITLE_TAIL.search(title) else title
    return (2 <= len(title) <= MAX_UNNUMBERED and not SENTENCE_INSIDE.search(listed)
            and not title.endswith(("。", "）", ")")) and not ADDRESS.match(title)
            and not DATE_LINE.search(title) and not GROUP.match(title) and not BOX.match(title)
            and not LEAD_IN.search(title) and not COUNTED_LEAD_IN.search(text) and not SIGNATURE.search(title)
            and re.search(r"[\u4e00-\u9fff]", title) is not None)


def _opens_content(e) -> bool:
    """What may follow a heading: body text, or a numbered run starting at 1 ("（一）…")."""
    if isinstance(e, Heading):
        return e.style is not None and e.value == 1
    return isinstance(e, Para) and e.kind in ("p", "item") and not is_unnumbered_heading(e.text)


def promote_unnumbered(events: list) -> list:
    """Turn unnumbered heading lines standing between paragraphs into Headings, ranked against
    the numbered headings around them."""
    out = list(events)
    appendix = next((i for i, e in enumerate(out) if isinstance(e, Heading) and e.kind == "appendix"), len(out))
    candidates = [i for i, e in enumerate(out[:appendix])
                  if isinstance(e, Para) and e.kind == "p" and is_unnumbered_heading(e.text)
                  and i + 1 < len(out) and _opens_content(out[i + 1])
                  and i > 0 and not (isinstance(out[i - 1], Para) and out[i - 1].kind == "front")]
    if not candidates:
        return out
    numbered = [(i, e) for i, e in enumerate(out) if isinstance(e, Heading) and e.style is not None]
    top = min((e.rank for _, e in numbered), default=TOP + 1)
    for i in candidates:
        text = out[i].text
        following = next((e for j, e in numbered if j > i), None)
        before = [e for j, e in numbered if j < i]
        previous = next((e for e in reversed(out[:i]) if isinstance(e, Heading)), None)
        if text.endswith(("：", ":")) and previous is not None:
            rank = previous.rank + 0.5             # a label ("财政政策:") inside the section before
        elif following is not None and following.value == 1:
            rank = following.rank - 0.5            # it opens the run that follows
        elif before:
            rank = before[-1].rank + 0.5           # a sub-heading inside the numbered section
        else:
            rank = top - 0.5
        out[i] = Heading("section" if rank > top else "part", rank, None, None, None,
                         text.rstrip("：:"), out[i].line)
    return out


# A numbered run with a gap ("（一）…", then "（四）…"): a scrape may have lost the numbers of the
# sections between, printing their titles as lines of their own ("用好改革开放“关键一招”，构建…").
# When the lines between that stand alone (no sentence end, a paragraph after each) are exactly as
# many as the numbers missing, they are those sections, at the run's level.
GAP_TITLE = 40          # characters: a section title, not a sentence


def _gap_title(events: list, i: int) -> bool:
    e = events[i]
    if not (isinstance(e, Para) and e.kind == "p"):
        return False
    text = e.text
    nxt = events[i + 1] if i + 1 < len(events) else None
    return (4 <= len(text) <= GAP_TITLE and not re.search(r"[。！？；：:!?;]", text) and not ADDRESS.match(text)
            and not DATE_LINE.search(text) and not GROUP.match(text) and not SIGNATURE.search(text)
            and isinstance(nxt, Para) and nxt.kind == "p")


def fill_numbering_gaps(events: list) -> list:
    out = list(events)
    numbered = [i for i, e in enumerate(out) if isinstance(e, Heading) and e.style is not None and e.value]
    for a, b in zip(numbered, numbered[1:]):
        first, then = out[a], out[b]
        if then.style != first.style or then.rank != first.rank or then.value - first.value < 2:
            continue
        titles = [j for j in range(a + 1, b) if _gap_title(out, j)]
        if len(titles) != then.value - first.value - 1:
            continue
        for j in titles:
            out[j] = Heading(first.kind, first.rank, None, None, None, out[j].text, out[j].line)
    return out


# Stand-alone lead lines: some scrapes print a bold lead sentence on a line of its own above its
# paragraph ("一是联合港澳承办十五运会和残特奥会。", "这是经济实力持续提升的五年。", "——…，…持续夯实。").
# On its own line, one of a series of the same shape, each above a paragraph of its own, it is a
# heading of the level below; run into its paragraph ("——经济实力实现整体跃升。顶住…") it stays
# text, and so does a list of one-sentence targets (no paragraph under each).
LEAD_CHARS = 40
ORDINAL_LEAD = re.compile(r"^[一二三四五六七八九十]+是")
LEAD_SERIES = 2


def _lead_sentence(e) -> bool:
    if not (isinstance(e, Para) and e.kind in ("p", "group")):
        return False
    text = e.text
    return (len(text) <= LEAD_CHARS and text.endswith(("。", "！")) and not re.search(r"[。！？；：:]", text[:-1])
            and not ADDRESS.match(text))


def _lead_shape(text: str) -> str:
    """What a series of leads shares: an ordinal (一是, 二是), a dash, or its first two characters."""
    if ORDINAL_LEAD.match(text):
        return "ordinal"
    if GROUP.match(text):
        return "dash"
    return text[:2]


def promote_leads(events: list) -> list:
    out = list(events)
    enclosing: Heading | None = None
    groups: dict[tuple[int, str], list[int]] = {}       # (enclosing heading position, shape) -> leads
    owner = -1
    for i, e in enumerate(out):
        if isinstance(e, Heading):
            if e.kind == "appendix":
                break
            enclosing, owner = e, i
            continue
        if enclosing is None or not _lead_sentence(e):
            continue
        after = out[i + 1] if i + 1 < len(out) else None
        if isinstance(after, Para) and after.kind == "p" and not _lead_sentence(after):
            groups.setdefault((owner, _lead_shape(e.text)), []).append(i)
    for (owner, shape), leads in groups.items():
        if len(leads) < LEAD_SERIES:
            continue
        if shape == "ordinal" and not out[leads[0]].text.startswith("一是"):
            continue                                      # a series counts from its first
        rank = out[owner].rank + 0.25
        for i in leads:
            out[i] = Heading("lead", rank, None, None, None, out[i].text.rstrip("。！"), out[i].line)
    return out


# A part whose sections are numbered "1.", "2." … ("三、2021年工作安排" / "1.坚持优化产业生态，培育
# 先进制造业新优势。对标…" / "2.…"): numbered items directly under a part, counting from 1, each
# opening with a short title sentence without a figure and with text of its own after it (run in,
# or the paragraphs after a title line), are its sections. A list of one-sentence items ("1.新建…。")
# or a task breakdown's items (each with its agencies) stays a list.
ITEM_SECTIONS = 3


def _item_title(events: list, i: int, rest: str) -> tuple[str, str] | None:
    """(title, run-in text) of the numbered item events[i] (its text after the number: rest) when
    it reads as a section, else None."""
    m = re.search(r"[。！]", rest)
    title, body = (rest[: m.start()], rest[m.end():].strip()) if m else (rest, "")
    # (a title with a figure, "新建公园5个", is a list's item)
    if not title or len(title) > LEAD_CHARS or re.search(r"[：:；;\d]", title) or AGENCY_NOTE.search(events[i].text):
        return None
    after = events[i + 1] if i + 1 < len(events) else None
    own_text = bool(body) or (isinstance(after, Para) and after.kind == "p")
    return (title, body) if own_text else None


def promote_item_sections(events: list) -> list:
    out = list(events)
    numbered = [e for e in out if isinstance(e, Heading) and e.style is not None]
    if not numbered:
        return out
    top = min(e.rank for e in numbered)
    runs: list[list[tuple[int, Numbered]]] = []     # (position, its number) of each run's items
    under_part = False
    for i, e in enumerate(out):
        if isinstance(e, Heading):
            under_part = e.rank == top and e.kind != "appendix"
            runs.append([])
            continue
        if not (under_part and isinstance(e, Para) and e.kind == "item" and runs):
            continue
        n = parse_number(e.text)
        if n is None or n.style != "arabic":
            continue
        run = runs[-1]
        if n.value == (run[-1][1].value + 1 if run else 1):
            run.append((i, n))
        elif run:
            runs[-1] = []           # a broken count: a list, not sections
            under_part = False
    for run in reversed(runs):         # from the end: a run made sections moves what follows it
        titles = [_item_title(out, i, n.rest) for i, n in run]
        if len(run) < ITEM_SECTIONS or not all(titles):
            continue
        for (i, n), (title, body) in reversed(list(zip(run, titles))):
            heading = Heading("section", n.rank, n.style, n.value, n.label, title, out[i].line)
            out[i: i + 1] = [heading] + ([Para(body, out[i].line)] if body else [])
    return out

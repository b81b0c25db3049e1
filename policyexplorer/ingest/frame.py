"""The frame a web page puts around a report: what stands before its first line of text (the
head) and after its last (the tail), recognised by SHAPE and POSITION, never by the words a
site happens to use ("下载", "来源", "相关报道" differ from site to site; their shapes do not).

- head: the lines before the salutation ("各位代表："), the first heading or the first sentence;
  the report's title, dateline ("——2030年1月20日在…会议上", maybe wrapped) and speaker line
  stand there and stay. Debris there is:
  - a row of page buttons: several very short lines in a row without sentence punctuation
    (a title is never several 1-4 character lines);
  - a "label：value" line whose value is a date or a short name (the page's source and time);
  - a photo caption: a sentence that ends with a credit, a name after a space or a role word
    ("…作政府工作报告。某某日报记者 张三", "…（记者 张三 摄）").
- tail: the lines after the report's last sentence. Debris there is a short label ending in a
  colon followed only by link titles (a "related reports" list, empty or not), attachment
  links (a line naming a file: "…方案.pdf"), a licence notice after the report's last paragraph
  with the fragments it was cut into, and a link label glued after the last sentence of the
  last line ("…篇章！（图解）某某年政府工作报告": frame_trailer).
- anywhere: a front-matter block a site generator left at the top ("---" / "title: …" / "---"),
  rule lines ("=====", "-----") and HTML comments (a caption a page hid in one).

A button word inside a sentence ("保障力度加大") is never touched: only whole lines in these
positions go.
"""
from __future__ import annotations

import re

from .furniture import CJK
from .headings import ADDRESS
from .numbering import is_heading_start, parse_number
from .text import ends_sentence

HEAD_LIMIT = 40          # non-blank lines: a head longer than this is not a page's head
BUTTON_CHARS = 4         # a page button is a word or two ("打印", "【字号：")
BUTTON_RUN = 3           # that many buttons in a row is a toolbar, not a title
SENTENCE = re.compile(r"[。，；！？!?;,]")
BODY_SENTENCE = 15       # characters: a line this long that ends a sentence is report text
DATE = re.compile(r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
LABEL = re.compile(rf"^([{CJK}]{{2,4}})\s*[:：]\s*(.+)$")
SHORT_NAME = re.compile(rf"^[{CJK}A-Za-z0-9·（）()]{{2,12}}$")
# A credit closing a caption: "记者 张三", "某某日报记者 张三", "（记者 张三 摄）", "张三 摄".
CREDIT = re.compile(rf"(?:\s|记者|摄影|通讯员)[{CJK}]{{2,4}}(?:\s*摄)?\s*[)）]?$|[{CJK}]{{2,4}}\s+摄\s*[)）]?$")
CAPTION_CHARS = 80
LINK_TITLE_CHARS = 60    # a related link's title is one short line that is not a finished sentence
FILE_LINK = re.compile(r"\.(?:pdf|docx?|xlsx?|wps|ofd|zip|rar|et)\s*[)）]?$", re.IGNORECASE)


def is_button(line: str) -> bool:
    return 0 < len(line) <= BUTTON_CHARS and not SENTENCE.search(line)


def is_page_label(line: str) -> bool:
    """"来源：某某日报", "时间：2030-01-20": a short label and a date or a short name. An address
    ("各位代表：") has no value and is not one."""
    m = LABEL.match(line)
    if not m or ADDRESS.match(line):
        return False
    value = m.group(2).strip()
    return bool(DATE.match(value) or SHORT_NAME.match(value))


def is_caption(line: str) -> bool:
    """A photo caption: a sentence about the scene closed by a photographer's credit."""
    return len(line) <= CAPTION_CHARS and bool(CREDIT.search(line)) and "。" in line.rstrip("。")


def is_body(line: str) -> bool:
    """Where the report's own text begins: the salutation, a numbered heading, a sentence."""
    return bool(ADDRESS.match(line) or is_heading_start(line)
                or (len(line) >= BODY_SENTENCE and ends_sentence(line) and not is_caption(line)))


def _head(lines: list[str]) -> dict[int, str]:
    found: dict[int, str] = {}
    seen = 0
    end = None
    for i, line in enumerate(lines):
        if not line:
            continue
        if is_body(line):
            end = i
            break
        seen += 1
        if seen > HEAD_LIMIT:
            return {}
    if end is None:
        return {}
    run: list[int] = []
    for i in range(end + 1):
        line = lines[i] if i < end else ""
        if i < end and not line:
            continue                                   # blank lines between buttons
        if i < end and is_button(line):
            run.append(i)
            continue
        if len(run) >= BUTTON_RUN:
            found.update((j, "web-debris") for j in run)
        run = []
        if i < end and (is_page_label(line) or is_caption(line)):
            found[i] = "web-debris"
    return found


def _tail(lines: list[str]) -> dict[int, str]:
    """After the report's last sentence: a "related" label and its link titles, file links."""
    filled = [i for i, line in enumerate(lines) if line]
    found: dict[int, str] = {}
    for i in filled:
        if FILE_LINK.search(lines[i]) and len(lines[i]) <= LINK_TITLE_CHARS:
            found[i] = "web-debris"
    for k in range(len(filled) - 1, 0, -1):
        i = filled[k]
        line = lines[i]
        if _is_list_label(line):
            before = lines[filled[k - 1]]
            after = [lines[j] for j in filled[k + 1:] if j not in found]
            if ends_sentence(before) and not _is_list_label(before) and all(_is_link_title(a) for a in after):
                found.update((j, "web-debris") for j in filled[k:])
            break
        if not _is_link_title(line):
            break
    return found


def _is_list_label(line: str) -> bool:
    """"相关报道：", "延伸阅读:" — a few words and a colon, not numbered, not an address."""
    body = line.rstrip(":：")
    return (line != body and 2 <= len(body) <= 8 and not SENTENCE.search(body)
            and parse_number(line) is None and not ADDRESS.match(line))


def _is_link_title(line: str) -> bool:
    return (len(line) <= LINK_TITLE_CHARS and not ends_sentence(line)
            and parse_number(line) is None) or bool(FILE_LINK.search(line))


# A line of one repeated rule character: "=====", "-----", "*****".
RULE = re.compile(r"^([=\-*_~#])\1{2,}$")
HTML_COMMENT = re.compile(r"^<!--.*-->$")
# A notice of rights or licence: the words a licence box is made of, in either language.
LICENCE = re.compile(r"著作权|版权|公有领域|知识共享|public domain|creative commons|licen[cs]e|copyright", re.IGNORECASE)
PARAGRAPH_CHARS = 30     # a line of the report's own last paragraph is at least this long
# A link label glued after the last sentence: "（图解）…", "相关图解：（图解）…", "【视频】…".
TRAILER = re.compile(r"(?<=[。！？!?])\s*((?:[\u4e00-\u9fff]{2,6}[:：])?[（(【\[][^）)】\]]{1,8}[）)】\]][^。！？!?，,；;]{0,40})$")


def _front_matter(lines: list[str]) -> dict[int, str]:
    """A site generator's front matter: "---" on the first line, "key: value" lines, "---"."""
    filled = [i for i, line in enumerate(lines) if line]
    if not filled or lines[filled[0]] not in ("---", "+++"):
        return {}
    for k in filled[1:HEAD_LIMIT]:
        if lines[k] == lines[filled[0]]:
            return {j: "markup" for j in filled if j <= k}
    return {}


def _licence_block(lines: list[str]) -> dict[int, str]:
    """A licence notice after the report's last paragraph: everything after the last long line
    that ends a sentence (and does not start mid-sentence) goes, when a line of it speaks of rights
    ("本作品…著作权法…公有领域", "Public domain"); its lines are fragments of the notice."""
    filled = [i for i, line in enumerate(lines) if line]
    last = next((i for i in reversed(filled) if len(lines[i]) >= PARAGRAPH_CHARS and ends_sentence(lines[i])
                 and not SENTENCE.match(lines[i]) and not LICENCE.search(lines[i])), None)
    if last is None:
        return {}
    after = [i for i in filled if i > last]
    if any(LICENCE.search(lines[i]) for i in after):
        return {i: "copyright" for i in after}
    return {}


def frame_trailer(lines: list[str]) -> tuple[int, str] | None:
    """(position, text) of a link label glued after the last sentence of the last line."""
    filled = [i for i, line in enumerate(lines) if line]
    if not filled:
        return None
    m = TRAILER.search(lines[filled[-1]])
    return (filled[-1], m.group(1)) if m and len(m.group(1)) < len(lines[filled[-1]]) else None


def frame_debris(lines: list[str]) -> dict[int, str]:
    """Positions (0-based) of the source lines that are the page's frame, with their kind.
    `lines` are the source lines stripped of spaces ("" for a blank line)."""
    found = _front_matter(lines)
    found.update((i, "markup") for i, line in enumerate(lines) if RULE.match(line) or HTML_COMMENT.match(line))
    found.update(_head([line if i not in found else "" for i, line in enumerate(lines)]))
    found.update(_tail(lines))
    found.update(_licence_block(lines))
    return found

"""What changed between two reports of one place and kind in consecutive years (issue #23 A).

A pair: the same place (data/places.yml path, else meta place), the same kind, one plan year
each, the newer's the older's plus one (when a year has two such reports, the earliest
delivered, then the first id, stands for it). Its page is `reports/<newer id>/changes/`, under
the newer report (not in its local nav: both overviews link to it), so every year of a place's
run has one page, comparing it with the year before.

The page holds
- terms new this year and terms gone since last year: words jieba finds, named programmes by
  their shape (“quoted”, 《titled》, an ending like 工程/行动/战略 with the words before it) and
  the project's own term lists (data/glossary.yml forms, report glossaries, indicator names). A
  term is new when the newer report uses it and the older never writes it, not even inside a
  longer word (and the other way round for gone). Ranked by how much it stands out: with a
  count of zero on one side, the log-likelihood ratio G² = 2·a·ln((N₁+N₂)/N₁) grows with the count
  a alone, so the order is the count (weighted three times for a named or listed term: a coined
  提法 says more than a word of prose), then the longer, more specific term; a term only ever seen
  inside a longer listed one is folded into it. Each links to its first paragraphs;
- the targets side by side: an indicator both reports set a target for (commitments of the
  report's plan year), each figure worded as the tracker words it, up, down or the same;
- the outlines aligned: top-level and second-level sections matched by title similarity
  (difflib's ratio, best pairs first, one to one; a top-level section left over matches the one
  at its position looking the same way, back or forward), kept, new and gone.
The terms are worked out when the page renders (in the build's workers; jieba loads once per
process, only when a page is rendered), from its context: the two reports (by text key, see
rerender.py), the term lists and the targets, so a rebuild re-renders it only when they change.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from ..model import Report
from ..yamlfile import safe_load

DATA = Path(__file__).resolve().parents[2] / "data"
WORDS_FILE = "changes_words.yml"
SHOWN = 60           # terms listed with links on each side; the rest (up to MORE) as plain words
MORE = 240           # the page stays small (well under 300 KB) however long the reports
LINKS = 3            # paragraphs linked per term
NAMED_WEIGHT = 3     # a named or listed term counts this many times a word of prose
SIMILAR = 0.5        # titles at least this similar (difflib ratio) are one section kept


def page_path(newer: Report) -> str:
    return f"reports/{newer.id}/changes/"


def _place(report: Report) -> tuple:
    return tuple(report.place_path) or (str(report.meta.get("place") or ""),)


def pairs(reports: list[Report]) -> list[tuple[Report, Report]]:
    """(older, newer) for every two reports of one place and kind in consecutive plan years."""
    groups: dict[tuple, dict[int, list[Report]]] = {}
    for report in reports:
        years = report.plan_years
        if len(years) != 1:           # a five-year plan is compared with nothing here
            continue
        key = (_place(report), str(report.meta.get("kind") or ""))
        groups.setdefault(key, {}).setdefault(years[0], []).append(report)
    out = []
    for key in sorted(groups):
        first = {year: min(rs, key=lambda r: (str(r.meta.get("delivered") or ""), r.id))
                 for year, rs in groups[key].items()}
        out += [(first[y], first[y + 1]) for y in sorted(first) if y + 1 in first]
    return out


# ---- inputs read once, in the process laying out the pages ---------------------------------------

@dataclass(frozen=True)
class Lists:
    """The data a page's terms depend on (in its context, so its key covers them)."""
    stopwords: tuple[str, ...]
    endings: tuple[str, ...]
    leads: tuple[str, ...]
    listed: tuple[str, ...]        # the project's own terms: glossary forms, indicator names


def load_lists(data_dir: Path, glossary=None) -> Lists:
    path = Path(data_dir) / WORDS_FILE
    data = (safe_load(path.read_text(encoding="utf-8")) if path.exists() else None) or {}
    listed: set[str] = set()
    if glossary is not None:
        for term in glossary.curated + [t for terms in glossary.own.values() for t in terms]:
            listed |= {f.strip("“”") for f in term.forms}
    indicators = Path(data_dir) / "indicators.yml"
    if indicators.exists():
        for entry in (safe_load(indicators.read_text(encoding="utf-8")) or {}).get("indicators") or []:
            listed |= {str(a) for a in [entry.get("name"), *(entry.get("aliases") or [])] if a}
    listed = {t for t in listed if _cjk(t) >= 2 and "*" not in t}
    return Lists(tuple(sorted(str(w) for w in data.get("stopwords") or [])),
                 tuple(sorted((str(w) for w in data.get("programme_endings") or []), key=lambda w: (-len(w), w))),
                 tuple(sorted(str(w) for w in data.get("leads") or [])), tuple(sorted(listed)))


def targets(older: Report, newer: Report, commitments) -> list[tuple]:
    """[(indicator name, last year's words, its url, this year's words, its url, trend)] for each
    indicator both reports set a target for in their plan year; trend: up | down | same | "" (the
    two figures are not of one measure)."""
    from .tracker import target_words      # the tracker's wording (tracker imports pages)

    def firsts(report: Report) -> dict[str, object]:
        out = {}
        for c in commitments or []:
            if (c.report is report and c.kind == "target" and c.indicator is not None and c.quantity is not None
                    and c.year in report.plan_years):
                out.setdefault(c.indicator.id, c)
        return out

    old, new = firsts(older), firsts(newer)
    rows = []
    for ind in [i for i in new if i in old]:
        a, b = old[ind], new[ind]
        qa, qb = a.quantity, b.quantity
        trend = ""
        if qa.comparable_with(qb):
            trend = "same" if qa.base_value == qb.base_value else ("up" if qb.base_value > qa.base_value else "down")
        rows.append((b.indicator.name, target_words(a), a.place.url, target_words(b), b.place.url, trend))
    return rows


# ---- the page's contents, worked out when it renders ---------------------------------------------

_jieba = None


def _cut(text: str) -> list[str]:
    global _jieba
    if _jieba is None:
        import logging

        import jieba
        jieba.setLogLevel(logging.WARNING)
        _jieba = jieba
    return list(_jieba.cut(text))


_HAN = re.compile(r"[\u4e00-\u9fff]")
_ALL_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_NUMERAL = re.compile(r"^[〇零一二三四五六七八九十百千万亿两几第]+[年月日个项条次家批名]?$")
_QUOTED = re.compile(r"“([^“”\n]{2,16})”")
_TITLED = re.compile(r"《([^《》\n]{2,30})》")
_PUNCT = re.compile(r"[，。；：、！？,.;:!?（）()]")


def _cjk(text: str) -> int:
    return len(_HAN.findall(text))


@dataclass
class Term:
    term: str
    kind: str                      # named | listed | word
    count: int                     # occurrences in its report
    where: list[tuple[str, str]]   # (page, anchor) of the units holding it, in document order

    @property
    def weight(self) -> int:
        return self.count * (NAMED_WEIGHT if self.kind != "word" else 1)


def _units(report: Report) -> list[tuple[str, str, str]]:
    """(page, anchor, text) of every heading and paragraph, in document order."""
    out = []
    for section in report.sections:
        out.append((section.page, section.anchor, section.title))
        out += [(section.page, p.anchor, p.text) for p in section.paragraphs]
    return out


def _candidates(text: str, lists: Lists, stop: set[str]) -> dict[str, str]:
    """{term: kind} a unit of text offers."""
    found: dict[str, str] = {}
    for pattern in (_QUOTED, _TITLED):
        for m in pattern.finditer(text):
            inner = m.group(1).strip()
            if _cjk(inner) >= 2 and not _PUNCT.search(inner) and inner not in stop:
                found[inner] = "named"
    words = [w for w in _cut(text)]
    for i, w in enumerate(words):
        if not _ALL_HAN.match(w) or len(w) < 2:
            continue
        if any(w.endswith(e) for e in lists.endings):
            before = []
            for prev in reversed(words[max(0, i - 2):i]):
                # a one-character word before the ending is a particle or a verb (等, 和, 抓)
                if len(prev) < 2 or not _ALL_HAN.match(prev) or prev in lists.leads or prev in stop:
                    break
                before.insert(0, prev)
            name = "".join(before) + w
            if len(name) > len(w) or len(w) > max(len(e) for e in lists.endings if w.endswith(e)):
                found.setdefault(name, "named")
            continue
        if w not in stop and not _NUMERAL.match(w):
            found.setdefault(w, "word")
    for t in lists.listed:
        if t in text:
            found[t] = "listed"
    return found


def _collect(report: Report, lists: Lists) -> dict[str, Term]:
    stop = set(lists.stopwords)
    terms: dict[str, Term] = {}
    for page, anchor, text in _units(report):
        for term, kind in _candidates(text, lists, stop).items():
            t = terms.get(term)
            if t is None:
                t = terms[term] = Term(term, kind, 0, [])
            elif kind != "word" and t.kind == "word":
                t.kind = kind
            t.count += text.count(term)
            t.where.append((page, anchor))
    return terms


def _only_in(mine: dict[str, Term], other_text: str) -> list[Term]:
    """Terms of one report the other never writes, most outstanding first, a term found only
    inside a longer listed one folded into it."""
    fresh = [t for t in mine.values() if t.term not in other_text]
    fresh.sort(key=lambda t: (-t.weight, -len(t.term), t.term))
    kept: list[Term] = []
    for t in fresh:
        if len(kept) >= MORE:
            break
        if any(t.term in k.term and t.where == k.where for k in kept):
            continue
        kept.append(t)
    return kept


def terms(older: Report, newer: Report, lists: Lists) -> tuple[list[Term], list[Term]]:
    """(new this year, gone since last year)."""
    text = {r.id: "\n".join(t for _, _, t in _units(r)) for r in (older, newer)}
    return (_only_in(_collect(newer, lists), text[older.id]),
            _only_in(_collect(older, lists), text[newer.id]))


def _title_key(title: str) -> str:
    return _PUNCT.sub("", title).strip()


def outline(older: Report, newer: Report) -> tuple[list[tuple], list]:
    """([(newer section, matched older section or None)] in the newer's order, [older sections
    nothing matched]), top-level and second-level sections; matched within their level."""
    rows: dict[str, object] = {}
    gone = []
    for level in (1, 2):
        a = [s for s in older.sections if s.level == level]
        b = [s for s in newer.sections if s.level == level]
        scored = []
        for j, sb in enumerate(b):
            for i, sa in enumerate(a):
                ratio = difflib.SequenceMatcher(None, _title_key(sa.title), _title_key(sb.title), autojunk=False).ratio()
                if ratio >= SIMILAR:
                    scored.append((-ratio, j, i))
        used_a, used_b = set(), set()
        for _, j, i in sorted(scored):
            if i in used_a or j in used_b:
                continue
            used_a.add(i)
            used_b.add(j)
            rows[b[j].anchor] = a[i]
        if level == 1:
            # a top-level section renamed in place (回顾 and 安排 keep their order): the same
            # position among the top-level sections, looking the same way (back, forward)
            for j, sb in enumerate(b):
                if j not in used_b and j < len(a) and j not in used_a and sb.looks and sb.looks == a[j].looks:
                    used_a.add(j)
                    used_b.add(j)
                    rows[sb.anchor] = a[j]
        gone += [sa for i, sa in enumerate(a) if i not in used_a]
    shown = [(s, rows.get(s.anchor)) for s in newer.sections if s.level <= 2]
    order = {s.anchor: k for k, s in enumerate(older.sections)}
    return shown, sorted(gone, key=lambda s: order[s.anchor])


def what_changed(older: Report, newer: Report, lists: Lists) -> dict:
    """Everything the page shows but the targets (the template's global, run at render time)."""
    new, gone = terms(older, newer, lists)
    shown, dropped = outline(older, newer)
    return {"new": new[:SHOWN], "new_more": new[SHOWN:], "gone": gone[:SHOWN], "gone_more": gone[SHOWN:],
            "outline": shown, "outline_gone": dropped}


# ---- pages --------------------------------------------------------------------------------------

def overview_links(found: list[tuple[Report, Report]]) -> dict[str, list[tuple[str, int, str]]]:
    """report id -> [(older | newer: which the other report is, its plan year, the page path)]."""
    links: dict[str, list[tuple[str, int, str]]] = {}
    for older, newer in found:
        path = page_path(newer)
        links.setdefault(newer.id, []).append(("older", older.plan_years[0], path))
        links.setdefault(older.id, []).append(("newer", newer.plan_years[0], path))
    return links


def attach(found: list[tuple[Report, Report]], report_pages: dict, r, commitments=None, data_dir: Path = DATA,
           glossary=None) -> None:
    """Add each pair's page under its newer report's page (report_pages: id -> Page)."""
    from .paths import Page
    if not found:
        return
    r.env.globals["what_changed"] = what_changed
    lists = load_lists(data_dir, glossary)
    for older, newer in found:
        path = page_path(newer)
        body = r.later("changes.md.j2", path, older=older, newer=newer, lists=lists,
                       targets=targets(older, newer, commitments))
        report_pages[newer.id].children.append(Page(path, "与上年比较", body, in_nav=False))

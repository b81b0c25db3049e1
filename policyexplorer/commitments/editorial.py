"""Editorial links (data/links.yml): editors confirm, reject or add a link, with a note.

The linker's links are marked by: auto; a link an editor confirmed or added is marked by: editor
and wins over automatic ones when the commitment's status is decided. A file that names a report,
paragraph or commitment that does not exist is an error naming the file and the entry.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..model import Report
from .extract import Commitment, Place
from .link import Link, overall_status
from .quantity import parse_quantities
from ..yamlfile import safe_load

ACTIONS = {"confirm", "reject", "add"}
FIELDS = {"commitment", "paragraph", "quote", "outcome", "action", "status", "note"}
STATUSES = {"exceeded", "met", "partly", "missed", "reported", "no_report", "pending"}


class LinksFileError(ValueError):
    """The editorial links file is wrong; the message names the file and the entry."""


@dataclass
class EditorialLink:
    index: int
    commitment: str | None       # commitment id
    paragraph: str | None        # or: the commitment's paragraph id and a quote of it
    quote: str | None
    outcome: str                 # paragraph id "<report>:<anchor>" of the outcome passage
    action: str
    status: str | None
    note: str | None
    where: str = ""              # "<file>:<line>: links[<index>]", for messages


def _entry_lines(text: str) -> list[int]:
    """Line of each entry of `links:` (1-based), from the YAML node tree."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "links" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def load_links(path: Path) -> list[EditorialLink]:
    path = Path(path)
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8")
        data = safe_load(text)
        lines = _entry_lines(text)
    except UnicodeDecodeError as exc:
        raise LinksFileError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise LinksFileError(f"{where}: not valid YAML: {getattr(exc, 'problem', None) or exc}") from None
    if data is None:
        return []
    if not isinstance(data, dict):
        raise LinksFileError(f"{path}:1: expected a mapping with 'links:' (a list of entries)")
    unknown = sorted(set(data) - {"links"})
    if unknown:
        raise LinksFileError(f"{path}: unknown top-level keys {unknown} (only 'links')")
    entries = data.get("links")
    if entries is None:
        entries = []
    if not isinstance(entries, list):
        raise LinksFileError(f"{path}: 'links' must be a list")
    out = []
    for i, e in enumerate(entries):
        where = f"{path}:{lines[i]}: links[{i}]" if i < len(lines) else f"{path}: links[{i}]"
        if not isinstance(e, dict):
            raise LinksFileError(f"{where}: expected a mapping")
        unknown = sorted(set(map(str, e)) - FIELDS)
        if unknown:
            raise LinksFileError(f"{where}: unknown keys {unknown} (known: {', '.join(sorted(FIELDS))})")
        action = e.get("action", "confirm")
        if action not in ACTIONS:
            raise LinksFileError(f"{where}: action {action!r} is not one of {sorted(ACTIONS)}")
        if not e.get("outcome"):
            raise LinksFileError(f"{where}: needs 'outcome' (<report id>:<paragraph id>, e.g. city-2031-plan:s1-1-p2)")
        if not e.get("commitment") and not (e.get("paragraph") and e.get("quote")):
            raise LinksFileError(f"{where}: needs 'commitment' (an id) or 'paragraph' and 'quote'")
        status = e.get("status")
        if status is not None and status not in STATUSES:
            raise LinksFileError(f"{where}: status {status!r} is not one of {sorted(STATUSES)}")
        if action == "add" and not status:
            raise LinksFileError(f"{where}: an added link needs a 'status'")
        out.append(EditorialLink(i, e.get("commitment"), e.get("paragraph"), e.get("quote"),
                                 str(e["outcome"]), action, status, e.get("note"), where))
    return out


def _find_paragraph(reports: dict[str, Report], pid: str, where: str) -> Place:
    report_id, _, anchor = pid.partition(":")
    report = reports.get(report_id)
    if report is None:
        raise LinksFileError(f"{where}: no report {report_id!r} (known: {', '.join(sorted(reports))})")
    for section, paragraph in report.paragraphs():
        if paragraph.anchor == anchor:
            return Place(report, section, paragraph)
    raise LinksFileError(f"{where}: report {report_id!r} has no paragraph {anchor!r}")


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s or "")


def apply_links(path: Path, reports: list[Report], commitments: list[Commitment]) -> None:
    entries = load_links(path)
    if not entries:
        return
    by_report = {r.id: r for r in reports}
    by_id = {c.id: c for c in commitments}
    touched = set()
    for e in entries:
        where = e.where or f"{path}: links[{e.index}]"
        if e.commitment:
            c = by_id.get(e.commitment)
            if c is None:
                _find_paragraph(by_report, e.commitment.rsplit(":", 1)[0], where)
                raise LinksFileError(f"{where}: no commitment {e.commitment!r}")
        else:
            place = _find_paragraph(by_report, e.paragraph, where)
            quote = _squash(e.quote)
            if quote not in _squash(place.paragraph.text):
                raise LinksFileError(f"{where}: quote {e.quote!r} is not in paragraph {e.paragraph!r}")
            found = [c for c in commitments if c.place.paragraph_id == e.paragraph and
                     (quote in _squash(c.text) or _squash(c.text) in quote)]
            if not found:
                raise LinksFileError(f"{where}: no commitment in {e.paragraph!r} matches quote {e.quote!r}")
            c = found[0]
        target = _find_paragraph(by_report, e.outcome, where)
        same = [o for o in c.outcomes if o.place.paragraph_id == e.outcome]
        if e.action == "reject":
            c.outcomes = [o for o in c.outcomes if o.place.paragraph_id != e.outcome]
        elif same:
            for o in same:
                o.by, o.note = "editor", e.note
                o.confidence = 1.0
                if e.status:
                    o.status = e.status
        else:
            qs = [q for q in parse_quantities(target.paragraph.text) if not q.nominal]
            c.outcomes.append(Link(target, target.paragraph.text, e.status or "reported", 1.0,
                                   f"added by an editor{': ' + e.note if e.note else ''}",
                                   quantity=qs[0] if len(qs) == 1 else None, by="editor", note=e.note))
        touched.add(c.id)
    for c in commitments:
        if c.id in touched:
            c.status = overall_status(c) if c.outcomes else ("no_report" if c.status != "pending" else "pending")

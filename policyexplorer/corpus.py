"""The corpus on disk: data/reports/<report id>/{meta.yml, source.txt} -> parsed Reports.

Adding a report is adding a folder. Every problem with the input is a CorpusError whose
message names the file (and line where there is one); sources are only ever read.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from . import clean, structure
from .model import Report

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LEVELS = {"province", "city", "district"}
KINDS = {"government-work-report", "plan-report", "five-year-plan", "task-breakdown", "other"}
SOURCE_NAMES = ("source.txt", "source.md")

# key: (required, accepted types, description)
META_FIELDS = {
    "id": (False, (str,), "report id; defaults to the folder name"),
    "title": (True, (str,), "title"),
    "issuer": (True, (str,), "issuing body"),
    "place": (True, (str,), "place"),
    "level": (True, (str,), "province | city | district"),
    "kind": (True, (str,), "report kind"),
    "delivered": (True, (str, int, dt.date, type(None)), "date delivered: YYYY, YYYY-MM or YYYY-MM-DD"),
    "review_years": (True, (list,), "years the report reviews"),
    "plan_years": (True, (list,), "years the report plans"),
    "source": (True, (str, type(None)), "where the text comes from"),
    "received_as": (False, (str,), "file name the text was received under"),
    "speaker": (False, (str,), "who delivered it"),
    "document_number": (False, (str,), "document number"),
    "notes": (False, (list,), "known quirks of the source, shown on the overview page"),
    "parts": (False, (list,), "parts the numbering alone cannot reveal"),
    "default_looks": (False, (str,), "back | forward for sections whose title says neither"),
    "debris": (False, (list,), "extra regular expressions for lines of web debris"),
}


class CorpusError(ValueError):
    pass


def _line_of(text: str, key: str) -> int:
    for i, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return i
    return 1


def load_meta(path: Path, folder_id: str) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CorpusError(f"{path}: missing (every report folder needs a meta.yml)") from None
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    try:
        meta = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise CorpusError(f"{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(meta, dict):
        raise CorpusError(f"{path}:1: expected a mapping of fields, got {type(meta).__name__}")
    for key in meta:
        if key not in META_FIELDS:
            raise CorpusError(f"{path}:{_line_of(text, key)}: unknown field {key!r} "
                              f"(known: {', '.join(sorted(META_FIELDS))})")
    for key, (required, types, what) in META_FIELDS.items():
        if key not in meta:
            if required:
                raise CorpusError(f"{path}: missing field {key!r} ({what})")
            continue
        value = meta[key]
        if not isinstance(value, types) or isinstance(value, bool):
            raise CorpusError(f"{path}:{_line_of(text, key)}: field {key!r} must be "
                              f"{' or '.join(t.__name__ for t in types)}, got {type(value).__name__} {value!r}")
    for key in ("title", "issuer", "place"):
        if not meta[key].strip():
            raise CorpusError(f"{path}:{_line_of(text, key)}: field {key!r} is empty")
    if meta["level"] not in LEVELS:
        raise CorpusError(f"{path}:{_line_of(text, 'level')}: level {meta['level']!r} is not one of {sorted(LEVELS)}")
    if meta["kind"] not in KINDS:
        raise CorpusError(f"{path}:{_line_of(text, 'kind')}: kind {meta['kind']!r} is not one of {sorted(KINDS)}")
    for key in ("review_years", "plan_years"):
        if not all(isinstance(y, int) and not isinstance(y, bool) and 1900 < y < 2200 for y in meta[key]):
            raise CorpusError(f"{path}:{_line_of(text, key)}: {key} must be a list of years, got {meta[key]!r}")
    delivered = meta["delivered"]
    if isinstance(delivered, dt.date):
        meta["delivered"] = delivered.isoformat()
    elif isinstance(delivered, int):
        meta["delivered"] = str(delivered)
    if meta["delivered"] is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", meta["delivered"]):
        raise CorpusError(f"{path}:{_line_of(text, 'delivered')}: delivered {meta['delivered']!r} is not YYYY[-MM[-DD]]")
    for i, part in enumerate(meta.get("parts") or []):
        if not isinstance(part, dict) or not isinstance(part.get("starts"), str) or not isinstance(part.get("title"), str):
            raise CorpusError(f"{path}:{_line_of(text, 'parts')}: parts[{i}] needs 'starts' and 'title' strings")
        if part.get("kind") not in (None, "part", "appendix", "closing"):
            raise CorpusError(f"{path}:{_line_of(text, 'parts')}: parts[{i}].kind must be part, appendix or closing")
        unknown = set(part) - {"starts", "title", "looks", "kind"}
        if unknown:
            raise CorpusError(f"{path}:{_line_of(text, 'parts')}: parts[{i}] has unknown keys {sorted(unknown)}")
        if part.get("looks") not in (None, "back", "forward"):
            raise CorpusError(f"{path}:{_line_of(text, 'parts')}: parts[{i}].looks must be back or forward")
    if meta.get("default_looks") not in (None, "back", "forward"):
        raise CorpusError(f"{path}:{_line_of(text, 'default_looks')}: default_looks must be back or forward")
    for i, pattern in enumerate(meta.get("debris") or []):
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            raise CorpusError(f"{path}:{_line_of(text, 'debris')}: debris[{i}] is not a regular expression: {exc}") from None
    meta.setdefault("id", folder_id)
    if not ID.match(meta["id"]):
        raise CorpusError(f"{path}: report id {meta['id']!r} must be lower-case words joined by '-' (<place>-<plan year>-<kind>)")
    return meta


def decode_source(path: Path) -> str:
    """Read a source as text: UTF-8 (a BOM is dropped), or GB18030/GBK when that decodes cleanly."""
    data = path.read_bytes()
    if not data.strip():
        raise CorpusError(f"{path}: the source is empty")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CorpusError(f"{path}: binary file (NUL bytes), expected UTF-8 text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise CorpusError(f"{path}: has a UTF-16 BOM but does not decode: {exc.reason}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise CorpusError(f"{path}:{line}: not UTF-8 or GBK text (undecodable byte at offset {utf8_error.start})") from None
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if cjk < len(text.strip()) * 0.2:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise CorpusError(f"{path}:{line}: not UTF-8, and as GBK it is not Chinese text; convert it to UTF-8")
    return text


def find_source(folder: Path) -> Path:
    for name in SOURCE_NAMES:
        if (folder / name).exists():
            return folder / name
    raise CorpusError(f"{folder}: no source text (expected one of {', '.join(SOURCE_NAMES)})")


def parse_report(folder: Path) -> tuple[Report, list[str]]:
    meta = load_meta(folder / "meta.yml", folder.name)
    source = find_source(folder)
    text = decode_source(source)
    blocks, removed = clean.clean(text, meta.get("debris"))
    if not blocks:
        raise CorpusError(f"{source}: nothing left after cleaning (only debris?)")
    try:
        outline = structure.build(blocks, meta, removed, str(folder / "meta.yml"))
    except structure.StructureError as exc:
        raise CorpusError(str(exc)) from None
    report = Report(meta["id"], meta, outline.sections, sorted(removed, key=lambda r: (r.line, r.kind)), str(source))
    for section in report.sections:
        root = section
        while root.parent:
            root = report.section(root.parent)
        section.page = f"reports/{report.id}/{root.anchor}/"
    return report, [f"{source}: {w}" for w in outline.warnings]


def load_corpus(data_dir: Path, warnings: list[str] | None = None) -> list[Report]:
    reports_dir = Path(data_dir) / "reports"
    if not reports_dir.is_dir():
        raise CorpusError(f"{reports_dir}: no reports folder")
    reports: list[Report] = []
    seen: dict[str, Path] = {}
    for folder in sorted(p for p in reports_dir.iterdir() if p.is_dir()):
        report, notes = parse_report(folder)
        if report.id in seen:
            raise CorpusError(f"{folder / 'meta.yml'}: report id {report.id!r} is already used by {seen[report.id]}")
        seen[report.id] = folder
        reports.append(report)
        if warnings is not None:
            warnings.extend(notes)
    if not reports:
        raise CorpusError(f"{reports_dir}: no reports")
    return reports

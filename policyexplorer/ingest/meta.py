"""meta.yml: what is known about a report besides its text, checked field by field.

Every problem is a CorpusError naming meta.yml and the line of the field, never a traceback:
YAML is read with a loader that keeps dates as the text written ("2099-13-45" is reported as
an impossible date, not raised by PyYAML's date constructor).
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..yamlfile import SafeLoader
from .errors import CorpusError

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LEVELS = ("national", "province", "city", "district", "county", "township")
KINDS = {"government-work-report", "plan-report", "five-year-plan", "task-breakdown", "other"}

# The fields a report's text can tell (ingest/infer.FIELDS).
INFERRED_FIELDS = ("title", "issuer", "speaker", "place", "level", "kind", "delivered", "review_years", "plan_years")

# key: (required, accepted types, description)
META_FIELDS = {
    "id": (False, (str,), "report id; defaults to the folder name"),
    "title": (True, (str,), "title"),
    "issuer": (True, (str,), "issuing body"),
    "place": (True, (str,), "place"),
    "level": (True, (str,), " | ".join(LEVELS)),
    "kind": (True, (str,), "report kind"),
    "delivered": (True, (str, int, type(None)), "date delivered: YYYY, YYYY-MM or YYYY-MM-DD"),
    "review_years": (True, (list,), "years the report reviews"),
    "plan_years": (True, (list,), "years the report plans"),
    "source": (True, (str, type(None)), "where the text comes from"),
    "received_as": (False, (str,), "file name the text was received under"),
    "speaker": (False, (str,), "who delivered it"),
    "document_number": (False, (str,), "document number as printed on it, e.g. 武政〔2024〕1号"),
    "source_url": (False, (str,), "the official publication's address (http or https)"),
    "notes": (False, (list,), "known quirks of the source, shown on the overview page"),
    "parts": (False, (list,), "parts the text alone cannot reveal (an optional override)"),
    "default_looks": (False, (str,), "back | forward for sections whose words say neither"),
    "debris": (False, (list,), "extra regular expressions for lines of web debris"),
    "damage": (False, (list,), "words the source lost, quoted as they stand (their paragraphs are marked)"),
}


class _MetaLoader(SafeLoader):
    """The safe loader (in C where it can be) without implicit timestamps: dates stay strings and are checked here."""


_MetaLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _key_lines(text: str) -> dict[str, int]:
    """Line of each top-level key (1-based), from the YAML node tree."""
    try:
        root = yaml.compose(text, Loader=_MetaLoader)
    except yaml.YAMLError:
        return {}
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {k.value: k.start_mark.line + 1 for k, _ in root.value if isinstance(k, yaml.ScalarNode)}


def check_date(value: str) -> str | None:
    """None when YYYY, YYYY-MM or YYYY-MM-DD names a real date, else what is wrong."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return "is not YYYY[-MM[-DD]]"
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as exc:
        return f"is not a real date ({exc})"
    return None


# 发文字号: issuer's code, year in 〔〕 (GB/T 9704), serial number, 号: 武政〔2024〕1号, 国办发〔2023〕12号.
DOCUMENT_NUMBER = re.compile(r"[\u3400-\u9fffA-Za-z]+〔(\d{4})〕第?\d+号")
_LOOKALIKE_BRACKETS = re.compile(r"[\[［【(（〔](\d{4})[\]］】)）〕]")


def check_document_number(value: str) -> str | None:
    """None when value reads like a 发文字号, else what is wrong."""
    if value != value.strip() or any(ch.isspace() for ch in value):
        return "contains spaces"
    m = DOCUMENT_NUMBER.fullmatch(value)
    if m:
        return None if 1900 < int(m.group(1)) < 2200 else "has an impossible year"
    if DOCUMENT_NUMBER.fullmatch(_LOOKALIKE_BRACKETS.sub(r"〔\1〕", value)):
        return "must write the year in 〔〕 (as in 武政〔2024〕1号)"
    return "is not a document number such as 武政〔2024〕1号 (issuer's code, year in 〔〕, number, 号)"


def check_url(value: str) -> str | None:
    """None when value is an absolute http(s) address, else what is wrong."""
    parts = urlsplit(value)
    if value != value.strip() or any(ch.isspace() for ch in value):
        return "contains spaces"
    if parts.scheme not in ("http", "https") or not parts.netloc or not parts.hostname:
        return "is not an absolute http:// or https:// address"
    return None


# Filled when meta.yml leaves them out and the text does not tell them.
NOT_INFERRED = {"source": None}


def load_meta(path: Path, folder_id: str, infer=None, source: Path | str | None = None) -> dict:
    """meta.yml's fields, checked. With `infer` (a function of the fields written giving
    ingest/infer.infer_meta's (facts, missing) for the report's text, called only when needed), meta.yml may be absent or
    leave fields out: each is filled from the text, what is written wins, and meta["inferred"]
    holds {field: Fact} for the fields filled; a required field neither written nor found in the
    text is an error naming the file and saying what to write."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        if infer is None:
            raise CorpusError(f"{path}: missing (every report folder needs a meta.yml)") from None
        text = "{}"
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    try:
        meta = yaml.load(text, Loader=_MetaLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise CorpusError(f"{where}: not valid YAML: {getattr(exc, 'problem', None) or exc}") from None
    if not isinstance(meta, dict):
        raise CorpusError(f"{path}:1: expected a mapping of fields, got {type(meta).__name__}")
    lines = _key_lines(text)

    def fail(key: str, message: str):
        raise CorpusError(f"{path}:{lines.get(key, 1)}: {message}")

    for key in meta:
        if key not in META_FIELDS:
            fail(key, f"unknown field {key!r} (known: {', '.join(sorted(META_FIELDS))})")
    if infer is not None and any(key not in meta for key in INFERRED_FIELDS):
        facts, missing = infer(meta)
        inferred = {key: facts[key] for key in INFERRED_FIELDS if key not in meta and key in facts}
        unknown = [key for key in INFERRED_FIELDS if key not in meta and key not in facts and META_FIELDS[key][0]]
        if unknown and "place" in meta and "place" in missing:    # the place written says not which
            fail("place", missing["place"])
        if unknown:   # the place first: the others often follow from it
            unknown.sort(key=lambda key: key != "place")
            text_name = f"the text ({source})" if source else "the text"
            raise CorpusError(f"{path}: missing field{'s' if len(unknown) > 1 else ''} "
                              f"{', '.join(repr(k) for k in unknown)}, and {text_name} does not tell "
                              f"{'them' if len(unknown) > 1 else 'it'}: "
                              + "; ".join(missing.get(k, f"write {k}: {META_FIELDS[k][2]}") for k in unknown))
        meta.update({key: fact.value for key, fact in inferred.items()})
        for key, value in NOT_INFERRED.items():
            meta.setdefault(key, value)
    else:
        inferred = {}
    for key, (required, types, what) in META_FIELDS.items():
        if key not in meta:
            if required:
                raise CorpusError(f"{path}: missing field {key!r} ({what})")
            continue
        value = meta[key]
        if not isinstance(value, types) or isinstance(value, bool):
            fail(key, f"field {key!r} must be {' or '.join(t.__name__ for t in types)}, "
                      f"got {type(value).__name__} {value!r}")
    for key in ("title", "issuer", "place"):
        if not meta[key].strip():
            fail(key, f"field {key!r} is empty")
    if meta["level"] not in LEVELS:
        fail("level", f"level {meta['level']!r} is not one of {list(LEVELS)}")
    if meta["kind"] not in KINDS:
        fail("kind", f"kind {meta['kind']!r} is not one of {sorted(KINDS)}")
    for key in ("review_years", "plan_years"):
        if not all(isinstance(y, int) and not isinstance(y, bool) and 1900 < y < 2200 for y in meta[key]):
            fail(key, f"{key} must be a list of years (numbers such as 2025), got {meta[key]!r}")
    if isinstance(meta["delivered"], int):
        meta["delivered"] = str(meta["delivered"])
    if meta["delivered"] is not None:
        problem = check_date(meta["delivered"])
        if problem:
            fail("delivered", f"delivered {meta['delivered']!r} {problem}")
    for i, part in enumerate(meta.get("parts") or []):
        if not isinstance(part, dict) or not isinstance(part.get("starts"), str) or not isinstance(part.get("title"), str):
            fail("parts", f"parts[{i}] needs 'starts' and 'title' strings")
        if part.get("kind") not in (None, "part", "appendix", "closing"):
            fail("parts", f"parts[{i}].kind must be part, appendix or closing")
        unknown = set(part) - {"starts", "title", "looks", "kind"}
        if unknown:
            fail("parts", f"parts[{i}] has unknown keys {sorted(unknown)}")
        if part.get("looks") not in (None, "back", "forward"):
            fail("parts", f"parts[{i}].looks must be back or forward")
    if meta.get("default_looks") not in (None, "back", "forward"):
        fail("default_looks", "default_looks must be back or forward")
    for i, pattern in enumerate(meta.get("debris") or []):
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            fail("debris", f"debris[{i}] is not a regular expression: {exc}")
    if "document_number" in meta:
        problem = check_document_number(meta["document_number"])
        if problem:
            fail("document_number", f"document_number {meta['document_number']!r} {problem}")
    if "source_url" in meta:
        problem = check_url(meta["source_url"])
        if problem:
            fail("source_url", f"source_url {meta['source_url']!r} {problem}")
    for i, words in enumerate(meta.get("damage") or []):
        if not isinstance(words, str) or not words.strip():
            fail("damage", f"damage[{i}] must be the damaged words as they stand in the text")
    if inferred:
        meta["inferred"] = inferred
    meta.setdefault("id", folder_id)
    if not ID.match(meta["id"]):
        fail("id" if "id" in lines else "title",
             f"report id {meta['id']!r} must be lower-case words joined by '-' (<place>-<plan year>-<kind>)")
    return meta


def field_line(path: Path, key: str) -> int:
    """The line of a top-level field in a meta.yml already loaded (for warnings about it); 1 for a
    report folder without one."""
    if not path.exists():
        return 1
    return _key_lines(path.read_text(encoding="utf-8-sig")).get(key, 1)

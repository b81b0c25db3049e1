"""`python -m policyexplorer add FILE...`: a report as received -> a report folder.

For each file: its text (formats.to_text, normalised), what the text says about itself
(infer.infer_meta: each field with the words it came from), an id (infer.suggest_id, else one
made from the file name), then data/reports/<id>/ with
    source.txt          the text, UTF-8, a PDF font's radicals mapped to the ideographs they stand for
    received.<suffix>   the file as received (published on the overview when a PDF, .docx or page)
    meta.yml            each inferred field with a comment naming its words and line; each field
                        not inferred as a commented-out line saying what to write
The folder is written whole beside the reports folder and renamed into place, so a failure leaves
nothing half-written; an existing folder with the same content is left as it is ("unchanged"),
one with other content only replaced with --force.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import CorpusError
from .formats import to_text
from .formats.normalise import normalise
from .infer import FIELDS, Fact, infer_meta, suggest_id
from .meta import ID
from .places import Places

HEADER = ("# Written by `python -m policyexplorer add` from the report's own text: each field names the\n"
          "# words it was read from. Correct what is wrong; fill in what is commented out.\n")
# words quoted in a field's comment are cut to this many characters
WORDS_SHOWN = 40


@dataclass
class Added:
    file: Path
    id: str
    folder: Path
    state: str                  # "added" | "unchanged" | "replaced"
    facts: dict[str, Fact]
    missing: dict[str, str]
    id_from_name: bool

    def line(self) -> str:
        """`<id>: field=value, ...; missing: field (what to write)`, the line `add` prints."""
        found = ", ".join(f"{k}={_show(f.value)}" for k, f in self.facts.items())
        out = f"{self.id}: {found or 'nothing inferred'}"
        if self.missing:
            out += "; missing: " + ", ".join(f"{k} ({what})" for k, what in self.missing.items())
        if self.id_from_name:
            out += "; id made from the file name (the text gave no place, year and kind)"
        if self.state != "added":
            out += f" [{self.state}]"
        return out


def _show(value) -> str:
    if isinstance(value, list):
        return "[" + ",".join(str(v) for v in value) + "]"
    return str(value)


def _scalar(value) -> str:
    """A value as YAML meta.py reads back the same: strings double-quoted (JSON's quoting is
    YAML's), so no report's words can be read as YAML syntax, a number or a date."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return json.dumps(str(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _comment(text: str) -> str:
    """Text safe on one comment line: no line breaks or control characters."""
    text = re.sub(r"[\x00-\x1f\x7f\u2028\u2029\u0085]+", " ", text).strip()
    return text if len(text) <= WORDS_SHOWN else text[:WORDS_SHOWN] + "…"


def meta_yml(facts: dict[str, Fact], missing: dict[str, str], received_as: str) -> str:
    lines = [HEADER]
    for field in [*FIELDS, *[k for k in facts if k not in FIELDS]]:
        if field in facts:
            fact = facts[field]
            where = f"（第{fact.line}行）" if fact.line else ""
            lines.append(f"{field}: {_scalar(fact.value)}  # 据“{_comment(fact.words)}”{where}\n")
        elif field in missing:
            lines.append(f"# {field}:   # 未能从正文读出，请填写：{_comment(missing[field])}\n")
    for field in missing:
        if field not in FIELDS and field not in facts:
            lines.append(f"# {field}:   # 未能从正文读出，请填写：{_comment(missing[field])}\n")
    name = _scalar(received_as)
    lines.append(f"source: {name}  # the file as received; write where it came from if known\n")
    lines.append(f"received_as: {name}\n")
    return "".join(lines)


def id_from_name(path: Path, data: bytes) -> str:
    """A folder name from the file's name: its ASCII letters and digits, lower case, joined by
    '-'; a name without ASCII letters (2024年政府工作报告.pdf) gives report-<8 hex of the content>."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    if not re.search(r"[a-z]", slug):
        return "report-" + hashlib.sha256(data).hexdigest()[:8]
    return slug[:60].strip("-")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _same_folder(a: Path, b: Path) -> bool:
    def files(folder):
        return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.is_symlink()}
    names = lambda folder: sorted(p.name for p in folder.iterdir())
    return names(a) == names(b) and files(a) == files(b)


def add_file(file: Path, reports_dir: Path, places: Places, force: bool = False) -> Added:
    """One file -> its report folder (see the module's docstring). CorpusError names the file."""
    file = Path(file)
    # source.txt keeps the spaces and line breaks as received (layout.py reads line widths; the
    # build's clean.py drops the spaces); inference reads the text normalised, line for line
    text = to_text(file)                     # glyphs mapped in every format: a .txt copied out of a PDF too
    if not text.strip():
        raise CorpusError(f"{file}: no text in the file")
    data = file.read_bytes()
    facts, missing = infer_meta(normalise(text), places)
    report_id = suggest_id(facts, places)
    from_name = report_id is None or not ID.match(report_id)
    if from_name:
        report_id = id_from_name(file, data)
    target = reports_dir / report_id
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise CorpusError(f"{file}: {target} is not a report folder (a link or a file); not touched")
    reports_dir.mkdir(parents=True, exist_ok=True)
    # beside the reports folder, not in it: a leftover must never be read as a report
    staging = Path(tempfile.mkdtemp(prefix=f".add-{report_id}-", dir=reports_dir.parent))
    staging.chmod(0o777 & ~_umask())      # mkdtemp's folder is private; a report folder is not
    try:
        (staging / "source.txt").write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        (staging / f"received{file.suffix.lower()}").write_bytes(data)
        (staging / "meta.yml").write_text(meta_yml(facts, missing, file.name), encoding="utf-8")
        state = "added"
        if target.exists():
            if _same_folder(target, staging):
                return Added(file, report_id, target, "unchanged", facts, missing, from_name)
            if not force:
                raise CorpusError(f"{file}: {target} exists with other content; add --force to replace it")
            old = Path(tempfile.mkdtemp(prefix=f".old-{report_id}-", dir=reports_dir.parent))
            old.rmdir()
            target.rename(old)
            try:
                staging.rename(target)
            except OSError:
                old.rename(target)          # put the old folder back: nothing lost
                raise
            shutil.rmtree(old)
            state = "replaced"
        else:
            staging.rename(target)
        return Added(file, report_id, target, state, facts, missing, from_name)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def add(files: list[Path], reports_dir: Path, force: bool = False,
        places: Places | None = None) -> tuple[list[Added], list[str]]:
    """Every file added in turn: (what was added, one error line per file refused)."""
    reports_dir = Path(reports_dir)
    if places is None:
        places = Places.load(reports_dir.parent / "places.yml")
    done, errors = [], []
    for file in files:
        try:
            done.append(add_file(Path(file), reports_dir, places, force))
        except CorpusError as exc:
            errors.append(str(exc))
        except OSError as exc:
            errors.append(f"{file}: {exc.strerror or exc}")
    return done, errors

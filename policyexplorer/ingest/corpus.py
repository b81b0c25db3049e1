"""The corpus on disk: data/reports/<report id>/{meta.yml, source.txt} -> parsed Reports.

Adding a report is adding a folder. Every problem with the input is a CorpusError whose
message names the file (and line where there is one); sources are only ever read.
"""
from __future__ import annotations

from pathlib import Path

from ..model import Report
from . import clean, structure
from .damage import find_damage
from .decode import decode_source, find_source
from .errors import CorpusError
from .meta import field_line, load_meta
from .places import Places


def parse_report(folder: Path, places: Places | None = None) -> tuple[Report, list[str]]:
    meta_path = folder / "meta.yml"
    meta = load_meta(meta_path, folder.name)
    source = find_source(folder)
    text = decode_source(source)
    blocks, removed = clean.clean(text, meta.get("debris"), meta.get("speaker"))
    if not blocks:
        raise CorpusError(f"{source}: nothing left after cleaning (only debris?)")
    outline = structure.build(blocks, meta, removed, str(meta_path))
    warnings = [f"{source}: {w}" for w in outline.warnings]
    warnings += [f"{meta_path}:{field_line(meta_path, 'parts')}: {w}" for w in outline.hint_warnings]
    places = places or Places()
    if places.resolve(meta["place"]) is None and places.parent:
        warnings.append(f"{meta_path}:{field_line(meta_path, 'place')}: place {meta['place']!r} is not in "
                        f"data/places.yml, so no figure of a wider or narrower place is kept apart from it")
    elif places.resolve(meta["place"]) and places.level[places.resolve(meta["place"])] != meta["level"]:
        warnings.append(f"{meta_path}:{field_line(meta_path, 'level')}: level {meta['level']!r} differs from "
                        f"data/places.yml ({places.level[places.resolve(meta['place'])]})")
    report = Report(meta["id"], meta, outline.sections, sorted(removed, key=lambda r: (r.line, r.kind)),
                    str(source), place_path=places.path(meta["place"]), place_slug=places.slug(meta["place"]))
    for section in report.sections:
        root = section
        while root.parent:
            root = report.section(root.parent)
        section.page = f"reports/{report.id}/{root.anchor}/"
    report.damage, unfound = find_damage(report)
    warnings += [f"{meta_path}:{field_line(meta_path, 'damage' if report.meta.get('damage') else 'notes')}: {w}"
                 for w in unfound]
    return report, warnings


def load_corpus(data_dir: Path, warnings: list[str] | None = None) -> list[Report]:
    data_dir = Path(data_dir)
    reports_dir = data_dir / "reports"
    if not reports_dir.is_dir():
        raise CorpusError(f"{reports_dir}: no reports folder")
    places = Places.load(data_dir / "places.yml")
    reports: list[Report] = []
    seen: dict[str, Path] = {}
    for folder in sorted(p for p in reports_dir.iterdir() if p.is_dir()):
        report, notes = parse_report(folder, places)
        if report.id in seen:
            raise CorpusError(f"{folder / 'meta.yml'}: report id {report.id!r} is already used by {seen[report.id]}")
        seen[report.id] = folder
        reports.append(report)
        if warnings is not None:
            warnings.extend(notes)
    if not reports:
        raise CorpusError(f"{reports_dir}: no reports")
    return reports

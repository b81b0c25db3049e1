"""The corpus on disk: data/reports/<report id>/{meta.yml, source.txt} -> parsed Reports.

Adding a report is adding a folder. Every problem with the input is a CorpusError whose
message names the file (and line where there is one); sources are only ever read.
"""
from __future__ import annotations

from pathlib import Path

from ..model import Meta, Report
from . import clean, structure
from .damage import find_damage
from .decode import check_inside, find_source, original_file, published_name
from .errors import CorpusError
from .infer import infer_meta
from .meta import field_line, load_meta
from .places import Places


def parse_report(folder: Path, places: Places | None = None) -> tuple[Report, list[str]]:
    """A report folder parsed; meta.yml may leave out (or the folder lack) the fields its text
    tells (ingest/infer.py): they are inferred, and a warning names them. The text comes from
    source.txt or from the report as received (PDF, .docx, a saved page: ingest/formats)."""
    from .formats import to_text

    if folder.is_symlink():
        raise CorpusError(f"{folder}: is a symbolic link; a report folder must be a folder under {folder.parent}")
    meta_path = folder / "meta.yml"
    if meta_path.is_symlink():
        check_inside(meta_path, folder)
    places = places or Places()
    source = find_source(folder)
    text = to_text(source)     # a PDF font's radicals mapped in text files too (none in the bundled ones)
    original = original_file(folder)
    meta = load_meta(meta_path, folder.name, infer=lambda written: infer_meta(text, places, place=written.get("place")), source=source)
    inferred = meta.get("inferred") or {}
    blocks, removed = clean.clean(text, meta.get("debris"), meta.get("speaker"))
    if not blocks:
        raise CorpusError(f"{source}: nothing left after cleaning (only debris?)")
    outline = structure.build(blocks, meta, removed, str(meta_path))
    warnings = [f"{source}: {w}" for w in outline.warnings]
    if inferred:
        warnings.append(f"{source}: not in {meta_path.name}, inferred from the text: " + "; ".join(
            f"{key} {fact.value!r} ({f'line {fact.line}: ' if fact.line else ''}{fact.words!r})"
            for key, fact in inferred.items()))
    warnings += [f"{meta_path}:{field_line(meta_path, 'parts')}: {w}" for w in outline.hint_warnings]
    where = f"{meta_path}:{field_line(meta_path, 'place')}" if "place" not in inferred and meta_path.exists() else str(source)
    found = places.candidates(meta["place"])
    if len(found) > 1:
        raise CorpusError(f"{where}: place {meta['place']!r} is the name of {len(found)} places "
                          f"({', '.join(' > '.join(places.path(places.name(c))) for c in found)}): "
                          f"write place: with its parent, e.g. {places.name(found[0])}")
    if places.canonical(meta["place"]) is None and (places.parent or places.divisions):
        warnings.append(f"{where}: place {meta['place']!r} is in neither data/places.yml nor the register of "
                        f"divisions, so no figure of a wider or narrower place is kept apart from it")
    elif places.canonical(meta["place"]) and places.level_of(meta["place"]) != meta["level"]:
        warnings.append(f"{meta_path}:{field_line(meta_path, 'level')}: level {meta['level']!r} differs from "
                        f"{'data/places.yml' if places.resolve(meta['place']) else 'the register of divisions'} "
                        f"({places.level_of(meta['place'])})")
    report = Report(meta["id"], Meta(meta["id"], meta), outline.sections, sorted(removed, key=lambda r: (r.line, r.kind)),
                    str(source), place_path=places.path(meta["place"]), place_slug=places.slug(meta["place"]),
                    original=published_name(original) if original else "")
    assign_pages(report)
    report.damage, unfound = find_damage(report)
    report.text_key = report.fingerprint_text()
    warnings += [f"{meta_path}:{field_line(meta_path, 'damage' if report.meta.get('damage') else 'notes')}: {w}"
                 for w in unfound]
    return report, warnings


PAGE_CHARS = 12000   # a section with more text than this gets a page per subsection


def assign_pages(report: Report, budget: int = PAGE_CHARS) -> None:
    """One page per top-level section (reports/<id>/<anchor>/); a section longer than `budget`
    characters keeps its own paragraphs and gives each subsection a page of its own, so a task
    breakdown of 25,000 characters does not become one 300 KB page. Decided by the report's own
    text alone, so adding reports moves no paragraph; anchors never change with pages."""
    children: dict[str | None, list] = {}
    for s in report.sections:
        children.setdefault(s.parent, []).append(s)
    size: dict[str, int] = {}

    def measure(s) -> int:
        size[s.anchor] = sum(len(p.text) for p in s.paragraphs) + sum(measure(c) for c in children.get(s.anchor, []))
        return size[s.anchor]

    def place(s, page: str | None) -> None:
        if page is None:                       # a page of its own
            page = f"reports/{report.id}/{s.anchor}/"
        s.page = page
        split = size[s.anchor] > budget and children.get(s.anchor)
        for c in children.get(s.anchor, []):
            place(c, None if split else page)

    for top in children.get(None, []):
        measure(top)
        place(top, None)


def load_corpus(data_dir: Path, warnings: list[str] | None = None, cache=None,
                workers: int | None = None) -> list[Report]:
    """Every report under data_dir/reports, in folder order. With a cache (cache.Cache), a report
    whose folder, place list and ingest code are unchanged comes from it; the others are parsed
    in a process pool (each report is parsed on its own, so the work is spread over the cores).
    Every report carries that key (Report.content_key): later stages cache by it."""
    from ..cache import code_fingerprint, fingerprint, folder_bytes
    from ..workers import fork_map

    data_dir = Path(data_dir)
    reports_dir = data_dir / "reports"
    if not reports_dir.is_dir():
        raise CorpusError(f"{reports_dir}: no reports folder")
    places = Places.load(data_dir / "places.yml")
    folders = sorted(p for p in reports_dir.iterdir() if p.is_dir())
    if not folders:
        raise CorpusError(f"{reports_dir}: no reports")
    places_file, divisions_file = data_dir / "places.yml", data_dir / "divisions.tsv"
    common = [code_fingerprint("ingest", "model"), places_file.read_bytes() if places_file.exists() else b"",
              divisions_file.read_bytes() if divisions_file.exists() else b""]
    keys = {folder: fingerprint(*common, str(folder.resolve()), *folder_bytes(folder)) for folder in folders}
    parsed: dict[Path, tuple[Report, list[str]]] = {}
    if cache is not None:
        for folder in folders:
            hit = cache.get("report", keys[folder])
            if hit is not None:
                parsed[folder] = hit
    todo = [f for f in folders if f not in parsed]
    results = fork_map(lambda folder: parse_report(folder, places), todo, workers)
    for folder, result in zip(todo, results):
        parsed[folder] = result
        if cache is not None:
            cache.put("report", keys[folder], result)
    reports: list[Report] = []
    seen: dict[str, Path] = {}
    for folder in folders:
        report, notes = parsed[folder]
        report.content_key = keys[folder]
        if report.id in seen:
            raise CorpusError(f"{folder / 'meta.yml'}: report id {report.id!r} is already used by {seen[report.id]}")
        seen[report.id] = folder
        reports.append(report)
        if warnings is not None:
            warnings.extend(notes)
    return reports

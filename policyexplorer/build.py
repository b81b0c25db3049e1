"""The whole build: corpus -> pages in two scripts -> MkDocs -> exports and search -> build/site.

Everything is written into a staging folder first; build/site is replaced only when the
staging site is complete, so a failed build never destroys the last good site.
"""
from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import ingest
from .datafiles import check_data_files
from .commitments import build_tracker
from .convert import converter_for
from .site.ui import UiStrings, unmark
from .site.exports import corpus_csv, corpus_dict, dumps
from .site.glossary import Glossary
from .site.pages import Page, site_pages, walk
from .search import build_index, docs_from_reports
from .site.tracker import tracker_pages
from .site.variants import VARIANTS, variant_config

ROOT = Path(__file__).resolve().parents[1]


class BuildError(RuntimeError):
    pass


@dataclass
class BuildResult:
    site: Path
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    pages: int = 0


def _source_date_epoch(reports) -> str:
    """Build date for MkDocs (sitemap): the latest delivery date in the corpus, never the clock."""
    import datetime as dt
    dates = sorted(str(r.meta.get("delivered") or "") for r in reports)
    latest = dates[-1] if dates and dates[-1] else "2000"
    parts = [int(x) for x in latest.split("-")] + [1, 1]
    stamp = dt.datetime(parts[0], parts[1], parts[2], tzinfo=dt.timezone.utc)
    return str(int(stamp.timestamp()))


def _write_docs(docs_dir: Path, pages: list[Page], convert) -> None:
    if docs_dir.exists():
        shutil.rmtree(docs_dir)
    shutil.copytree(ROOT / "docs" / "assets", docs_dir / "assets")
    for page in walk(pages):
        path = docs_dir / page.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(convert(page.markdown), encoding="utf-8")


@contextlib.contextmanager
def _env(name: str, value: str):
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


def _mkdocs_job(config: dict, config_path: str, epoch: str) -> None:
    _mkdocs(config, Path(config_path), epoch)


def _mkdocs(config: dict, config_path: Path, epoch: str) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        with _env("SOURCE_DATE_EPOCH", epoch):
            cfg = load_config(config_file=str(config_path))
            mkdocs_build(cfg)
    except (MkDocsException, SystemExit) as exc:
        raise BuildError(f"{config_path}: MkDocs failed: {exc}") from None


def build(data_dir: Path = ROOT / "data", out: Path = ROOT / "build" / "site",
          work: Path | None = None) -> BuildResult:
    data_dir, out = Path(data_dir), Path(out)
    work = Path(work) if work else out.parent / "work"
    result = BuildResult(out)
    t = time.perf_counter()

    def lap(stage: str):
        nonlocal t
        now = time.perf_counter()
        result.timings[stage] = now - t
        t = now

    check_data_files(data_dir)
    reports = ingest.load_corpus(data_dir, result.warnings)
    converter = converter_for(data_dir)
    lap("parse")
    tracker = build_tracker(reports, data_dir)
    lap("commitments")
    extra, tracker_years = tracker_pages(reports, tracker, data_dir)
    pages = site_pages(reports, tracker.marks, extra=extra, tracker_years=tracker_years,
                       glossary=Glossary.load(data_dir, reports))
    result.pages = sum(1 for _ in walk(pages))
    lap("pages")

    staging = out.parent / (out.name + ".new")
    if staging.exists():
        shutil.rmtree(staging)
    epoch = _source_date_epoch(reports)
    ui = UiStrings.load(data_dir / "ui.yml")
    # Pages: report text (marked) through OpenCC and the overrides, interface text from ui.yml.
    converts = {"hans": unmark, "hant": lambda s: ui.to_hant(s, converter.to_hant)}
    titles = {"hans": unmark, "hant": lambda s: ui.title(unmark(s), converter.to_hant)}
    sources = {r.id: _published_source(Path(r.source_path)) for r in reports}
    jobs = []
    for variant, convert in converts.items():
        vwork = work / variant
        _write_docs(vwork / "docs", pages, convert)
        overrides = _theme_overrides(vwork / "overrides", ui, variant)
        config = variant_config(ROOT / "mkdocs.yml", variant, vwork / "docs", vwork / "site", pages,
                                titles[variant], overrides)
        jobs.append((config, str(vwork / "mkdocs.yml"), epoch))
    lap("docs")
    # The two scripts' MkDocs builds are independent: one process each, side by side.
    with ProcessPoolExecutor(max_workers=len(jobs), mp_context=multiprocessing.get_context("fork")) as pool:
        for done in [pool.submit(_mkdocs_job, *job) for job in jobs]:
            done.result()
    lap("mkdocs")
    for variant in converts:
        site_dir = work / variant / "site"
        prefix = VARIANTS[variant][0]
        _drop_unused_theme_files(site_dir)
        shutil.copytree(site_dir, staging / prefix, dirs_exist_ok=False)
        for report_id, text in sources.items():
            (staging / prefix / "reports" / report_id / "source.txt").write_bytes(text)
    lap("copy")

    data = staging / "data"
    data.mkdir()
    (data / "corpus.json").write_text(dumps(corpus_dict(reports)), encoding="utf-8")
    (data / "corpus.csv").write_text(corpus_csv(reports), encoding="utf-8")
    (data / "commitments.json").write_text(dumps(tracker.json()), encoding="utf-8")
    (data / "commitments.csv").write_text(tracker.csv(), encoding="utf-8")
    # Pages link to the exports relatively ({root}data/...), and the Traditional pages are the
    # Simplified ones converted, so the same files must also sit below zh-Hant/.
    for variant in converts:
        prefix = VARIANTS[variant][0]
        if prefix:
            shutil.copytree(data, staging / prefix / "data")
    lap("exports")

    for variant in converts:
        prefix, _, lang = VARIANTS[variant]
        build_index(docs_from_reports(reports, None if variant == "hans" else converter.to_hant),
                    staging / prefix / "search" / "data", lang)
    lap("search")

    _swap(staging, out)
    lap("publish")
    return result


def _theme_overrides(folder: Path, ui: UiStrings, variant: str) -> Path:
    """docs/overrides plus Material's language partial for the variant, from data/ui.yml."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(ROOT / "docs" / "overrides", folder)
    base = {"hans": "zh", "hant": "zh-Hant"}[variant]
    (folder / "partials" / "languages").mkdir(parents=True, exist_ok=True)
    (folder / "partials" / "languages" / f"pe-{variant}.html").write_text(
        ui.language_partial(variant, base), encoding="utf-8")
    return folder


def _published_source(source: Path) -> bytes:
    """The source as received, decoded (GBK, UTF-16) and encoded as UTF-8 with a BOM: served
    without a charset (file://, `make serve`) a browser otherwise guesses windows-1252."""
    return ("\ufeff" + ingest.decode_source(source)).encode("utf-8")


def _drop_unused_theme_files(site_dir: Path) -> None:
    """Material copies its lunr search, search worker and source maps even with its search off;
    no page requests them (our search is assets/search/), so they only weigh on the download."""
    js = site_dir / "assets" / "javascripts"
    for folder in (js / "lunr", js / "workers"):
        if folder.exists():
            shutil.rmtree(folder)
    for source_map in sorted((site_dir / "assets").rglob("*.map")):
        source_map.unlink()


def _swap(staging: Path, out: Path) -> None:
    old = out.parent / (out.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        out.rename(old)
    staging.rename(out)
    if old.exists():
        shutil.rmtree(old)

"""The whole build: corpus -> pages in two scripts -> MkDocs -> exports and search -> build/site.

Everything is written into a staging folder first; build/site is replaced only when the
staging site is complete, so a failed build never destroys the last good site.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import logging
import multiprocessing
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import buildlock, ingest
from .ingest.decode import published_name
from .cache import Cache, fingerprint
from .datafiles import check_data_files
from .commitments import TERMS, build_tracker
from .commitments.linkcache import KIND as LINKS
from .convert import converter_for
from .site.ui import UiStrings, unmark
from .site.exports import corpus_csv, corpus_dict, dumps
from .search.index import share_postings
from .site.glossary import Glossary
from .site.places import scorecards, scorecards_csv, scorecards_json
from .site.pages import Page, keep_compiled_templates, site_pages, walk
from .search import build_indexes, docs_from_reports
from .site.tracker import row_pages, tracker_pages
from .site.variants import VARIANTS, variant_config
from .site import address as site_address
from .site import rerender, templatecache
from .workers import fork_map
from .progress import Progress, mkdocs_pages, reset_mkdocs_pages, use as use_progress

ROOT = Path(__file__).resolve().parents[1]


class BuildError(RuntimeError):
    pass


@dataclass
class BuildResult:
    site: Path
    timings: dict[str, float] = field(default_factory=dict)    # stages in turn: they add up to the build
    beside: dict[str, float] = field(default_factory=dict)     # work in other processes, meanwhile
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    rendered: int = 0          # pages rendered (not kept from the last build as they were)


def _source_date_epoch(reports) -> str:
    """Build date for MkDocs (sitemap): the latest delivery date in the corpus, never the clock."""
    import datetime as dt
    dates = sorted(str(r.meta.get("delivered") or "") for r in reports)
    latest = dates[-1] if dates and dates[-1] else "2000"
    parts = [int(x) for x in latest.split("-")] + [1, 1]
    stamp = dt.datetime(parts[0], parts[1], parts[2], tzinfo=dt.timezone.utc)
    return str(int(stamp.timestamp()))


def _assets() -> list[tuple[str, bytes]]:
    """The theme assets every variant's docs folder holds, as (path, bytes)."""
    folder = ROOT / "docs" / "assets"
    return [(f"assets/{p.relative_to(folder).as_posix()}", p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file()]


def _write(path: Path, data: bytes) -> None:
    """Write data unless the file already holds it (an unchanged file keeps its time, so MkDocs'
    dirty build skips its page)."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _files_below(folder: Path) -> set[str]:
    """Every file below a folder, as a posix path relative to it (os.walk: a tenth of
    Path.rglob's time over the tens of thousands of page files of a large corpus)."""
    out = set()
    for top, _, files in os.walk(folder):
        rel = os.path.relpath(top, folder)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        out.update(prefix + f for f in files)
    return out


def _write_docs(docs: dict[str, Path], pages: list[Page], converts: dict, ui: UiStrings,
                state: Path | None = None, base: str = "", refs: rerender.References | None = None,
                result: BuildResult | None = None) -> dict[str, list[str]]:
    """Render every page and write it, in each variant's script, into docs[variant]; then remove
    what no page wrote (returned per variant). Page by page in forked workers, both scripts at
    once: a page's Markdown is made, converted twice and dropped, so no process holds the site.
    With `state` (work/pages.state), a page that the last build made of the same is left as it
    is (site/rerender.py)."""
    present = {v: _files_below(d) for v, d in docs.items()}
    flat = list(walk(pages))
    last = rerender.load(state, base)
    if state is not None:
        state.unlink(missing_ok=True)       # written back once every page is written
    refs = refs or rerender.References([])

    def write(start: int) -> list[tuple[str, rerender.Entry, bool]]:
        out = []
        for page in flat[start:start + _WRITE_CHUNK]:
            key = rerender.page_key(page, base, refs) if state is not None else None
            entry = last.get(page.path)
            if rerender.unchanged(page, key, entry, refs) and all(
                    (folder / name).is_file() for folder in docs.values() for name in page.docs_files):
                out.append((page.path, entry, False))
                continue
            ui.missing.clear()
            with rerender.watching() as reads:
                for name, text in page.texts():
                    for variant, convert in converts.items():
                        _write(docs[variant] / name, convert(text).encode("utf-8"))
            out.append((page.path, rerender.Entry(key or "", reads, set(ui.missing)), True))
        return out

    entries = {}
    for done in fork_map(write, range(0, len(flat), _WRITE_CHUNK), size=lambda start: min(_WRITE_CHUNK, len(flat) - start)):
        for path, entry, rendered in done:
            ui.missing |= entry.missing          # interface phrases data/ui.yml lacks (tests/test_ui.py)
            if rendered and result is not None:
                result.rendered += 1
            if entry.key:
                entries[path] = entry
    assets = _assets()
    wanted = {name for name, _ in assets} | {name for page in flat for name in page.docs_files}
    removed = {}
    for variant, folder in docs.items():
        for name, data in assets:
            _write(folder / name, data)
        removed[variant] = sorted(present[variant] - wanted)
        for rel in removed[variant]:
            (folder / rel).unlink()
        for top, _, _ in os.walk(folder, topdown=False):     # folders left empty, deepest first
            if top != str(folder) and not os.listdir(top):
                os.rmdir(top)
    if state is not None:
        rerender.save(state, base, entries)
    return removed


_WRITE_CHUNK = 64       # pages a worker renders and writes per task


def _site_file(doc: str) -> str:
    """The site file MkDocs makes from a docs file (use_directory_urls: x/index.md -> x/index.html)."""
    return doc[:-3] + ".html" if doc.endswith(".md") else doc


def _drop_empty_folders(top: Path) -> None:
    """Folders a removed page left empty in a reused MkDocs output (a list that lost pages would
    publish its old page folders, empty), deepest first."""
    for folder, _, names in os.walk(top, topdown=False):
        if folder != str(top) and not names and not os.listdir(folder):
            os.rmdir(folder)


def _stamp(config: dict, overrides: Path, epoch: str) -> str:
    """What every page of a variant depends on besides its own Markdown: the configuration (nav
    included), the theme overrides, the hooks and the MkDocs and Material versions. While it stays the same,
    a rebuild renders only the pages whose Markdown changed."""
    from importlib.metadata import version
    parts = [yaml.safe_dump(config, allow_unicode=True, sort_keys=True), version("mkdocs"), version("mkdocs-material"), epoch]
    parts += [p.relative_to(overrides).as_posix().encode() + p.read_bytes()
              for p in sorted(overrides.rglob("*")) if p.is_file()]
    parts += [Path(hook).read_bytes() for hook in config.get("hooks") or []]   # MkDocs hooks' code
    return fingerprint(*parts)


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


def _mkdocs_job(config: dict, config_path: str, epoch: str, stamp: str, compiled: str) -> None:
    _mkdocs(config, Path(config_path), epoch, stamp, compiled)


def _mkdocs(config: dict, config_path: Path, epoch: str, stamp: str = "", compiled: str = "") -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    stamp_file = config_path.parent / "site.stamp"
    site_dir = Path(config["site_dir"])
    dirty = bool(stamp) and site_dir.is_dir() and stamp_file.exists() and stamp_file.read_text() == stamp
    if not dirty and site_dir.exists():
        shutil.rmtree(site_dir)
    if dirty:
        _unshare(site_dir, Path(config["docs_dir"]))
    stamp_file.unlink(missing_ok=True)        # written back only when this build succeeds
    logging.getLogger("mkdocs").setLevel(logging.ERROR if dirty else logging.WARNING)
    try:
        with _env("SOURCE_DATE_EPOCH", epoch), _env(templatecache.VARIABLE, compiled):
            cfg = load_config(config_file=str(config_path))
            mkdocs_build(cfg, dirty=dirty)
    except (MkDocsException, SystemExit) as exc:
        raise BuildError(f"{config_path}: MkDocs failed: {exc}") from None
    if stamp:
        stamp_file.write_text(stamp)


def _unshare(site_dir: Path, docs_dir: Path) -> None:
    """Before a dirty MkDocs build: the last build's files are hard links into the published site
    (see _publish), and MkDocs writes over a file in place. So a page MkDocs will render again
    (its Markdown newer than its HTML: MkDocs' own rule) is unlinked first, and every other file
    MkDocs may write (theme files, 404.html, sitemaps) gets a copy of its own. The published site
    never changes before the swap."""
    for path in site_dir.rglob("*"):
        if path.is_dir() or path.stat().st_nlink == 1:
            continue
        rel = path.relative_to(site_dir).as_posix()
        doc = docs_dir / (rel[:-5] + ".md" if rel.endswith(".html") else rel)
        if not doc.is_file():
            doc = docs_dir / rel
        if doc.is_file():
            if doc.stat().st_mtime > path.stat().st_mtime:
                path.unlink()
        else:
            data = path.read_bytes()
            path.unlink()
            path.write_bytes(data)


def _publish(site_dir: Path, target: Path) -> None:
    """The MkDocs output (or a search index) into the staging site as hard links (no copy of a
    site of gigabytes; the work folder keeps its files for the next build, which never writes over
    one: _unshare, search/index._Output); a copy where links fail."""
    try:
        shutil.copytree(site_dir, target, copy_function=os.link)
    except OSError:
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(site_dir, target)


def build(data_dir: Path = ROOT / "data", out: Path = ROOT / "build" / "site",
          work: Path | None = None, site_url: str | None = None, site_url_from: str = "--site-url",
          incremental: bool = True, progress: Progress | None = None, wait: bool = True) -> BuildResult:
    """Build the site into `out`. With `incremental`, reports come from build/cache when their
    inputs are unchanged and MkDocs renders only the pages whose Markdown changed (work/ keeps
    the last build's docs and pages); the result is byte-identical either way. `progress` tells
    the person running it how far it is (default: nothing). One build at a time per folder of
    `out`: another one running, this one waits (`wait`) or raises BuildBusy at once."""
    data_dir, out = Path(data_dir), Path(out)
    progress = progress or Progress("quiet")
    previous = use_progress(progress)
    try:
        with buildlock.exclusive(out.parent, wait, progress.say):
            buildlock.recover(out)
            result = _locked_build(data_dir, out, work, site_url, site_url_from, incremental, progress)
        progress.end()
        return result
    except BaseException:
        progress.end(failed=True)
        raise
    finally:
        use_progress(previous)


def _locked_build(data_dir: Path, out: Path, work: Path | None, site_url: str | None, site_url_from: str,
                  incremental: bool, progress: Progress) -> BuildResult:
    try:        # site/address.py: given here, else mkdocs.yml's site_url, else none (relative only)
        site_url = site_address.configured(ROOT / "mkdocs.yml", site_url, site_url_from)
    except site_address.AddressError as exc:
        raise BuildError(str(exc)) from None
    work = Path(work) if work else out.parent / "work"
    cache = Cache(out.parent / "cache" if incremental else None)
    result = BuildResult(out)
    progress.begin("check data")
    check_data_files(data_dir)
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("fork")) as pool:
        # Forked now, while this process is small: the MkDocs workers never carry the corpus and
        # the pages that later fill this process (a fork pool starts all its workers at once).
        pool.submit(int).result()
        return _build(data_dir, out, work, cache, incremental, result, pool, site_url, progress)


# Each stage as the build's timings name it, with what its progress counts.
_STAGES = {"parse": "reports", "commitments": "reports", "pages": "", "docs": "pages",
           "search wait": "", "mkdocs": "pages", "copy": "", "exports": "", "publish": ""}


def _build(data_dir: Path, out: Path, work: Path, cache: Cache, incremental: bool, result: BuildResult,
           pool: ProcessPoolExecutor, site_url: str | None, progress: Progress) -> BuildResult:
    t = time.perf_counter()
    stages = iter(_STAGES)

    def lap(stage: str):
        nonlocal t
        now = time.perf_counter()
        result.timings[stage] = now - t
        t = now
        nxt = next(stages, None)
        if nxt is not None:
            progress.begin(nxt, _STAGES[nxt])

    lap("check data")
    del result.timings["check data"]        # part of no stage the benchmark reports
    reports = ingest.load_corpus(data_dir, result.warnings, cache=cache)
    cache.prune("report")
    converter = converter_for(data_dir)
    # The search indexes need only the reports: a process forked now writes them on the second
    # core while this one links commitments and renders pages (it shares the corpus by fork).
    with contextlib.ExitStack() as beside:      # jobs in forked processes, stopped if the build fails
        search = beside.enter_context(_forked(_write_search_indexes, reports, converter, work, incremental))
        lap("parse")
        tracker = build_tracker(reports, data_dir, cache=cache)
        cache.prune("commitments")
        cache.prune(LINKS)
        cache.prune(TERMS)
        lap("commitments")
        # The data exports need only the reports and commitments: written beside the pages too
        exports = beside.enter_context(_forked(_write_exports, reports, tracker, work / "data"))
        keep_compiled_templates(cache.folder / "templates" / "pages" if cache.folder else None)
        where = row_pages(reports, tracker.commitments)      # commitment id -> its row's tracker page
        extra, tracker_years = tracker_pages(reports, tracker, data_dir, where)
        pages = site_pages(reports, tracker.marks, extra=extra, tracker_years=tracker_years,
                           row_pages=where, glossary=Glossary.load(data_dir, reports), commitments=tracker.commitments)
        page_paths = [p.path for p in walk(pages)]
        result.pages = len(page_paths)
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
        originals = {r.id: _original(r) for r in reports if r.original}
        removed = _write_docs({v: work / v / "docs" for v in converts}, pages, converts, ui,
                              state=work / "pages.state" if incremental else None,
                              base=rerender.base_key(ui.phrases, converter.digest), refs=rerender.References(reports),
                              result=result)
        # The two scripts' MkDocs builds are independent: one worker each, side by side.
        running = []
        reset_mkdocs_pages()
        for variant in converts:
            vwork = work / variant
            for doc in removed[variant]:          # a dirty MkDocs build leaves a removed page's file
                (vwork / "site" / _site_file(doc)).unlink(missing_ok=True)
            overrides = _theme_overrides(vwork / "overrides", ui, variant)
            config = variant_config(ROOT / "mkdocs.yml", variant, vwork / "docs", vwork / "site", pages,
                                    titles[variant], overrides, site_url)
            stamp = _stamp(config, overrides, epoch) if incremental else ""
            compiled = str(cache.folder / "templates" / "mkdocs") if cache.folder else ""
            running.append(pool.submit(_mkdocs_job, config, str(vwork / "mkdocs.yml"), epoch, stamp, compiled))
        lap("docs")
        # the indexes' own time, beside the stages above; then what this process waited for them
        result.beside["search"] = _join(search, "search indexes")
        lap("search wait")
        _wait_for_mkdocs(running, progress, 0 if incremental else 2 * result.pages)
        lap("mkdocs")
        for variant in converts:
            site_dir = work / variant / "site"
            prefix = VARIANTS[variant][0]
            _drop_unused_theme_files(site_dir)
            _drop_empty_folders(site_dir)
            _publish(site_dir, staging / prefix)
            # linked too: the next build keeps the postings files while the texts stay the same
            _publish(work / variant / "search-data", staging / prefix / "search" / "data")
            # the source as received, once (both scripts' overviews link to it: {{ site_root }})
            if prefix == VARIANTS["hans"][0]:
                for report_id, text in sources.items():
                    (staging / prefix / "reports" / report_id / "source.txt").write_bytes(text)
                for report_id, original in originals.items():      # the file as received, beside its text
                    shutil.copyfile(original, staging / prefix / "reports" / report_id / published_name(original))
        # the Traditional index reads the postings it shares with the Simplified one from there
        lead = VARIANTS["hans"][0]
        for variant in converts:
            prefix = VARIANTS[variant][0]
            if prefix != lead:
                share_postings(staging / lead / "search" / "data", staging / prefix / "search" / "data",
                               "../" * (prefix.count("/") - lead.count("/") + 2) + lead + "search/data/")
        if site_url:    # one sitemap of both scripts at the root (MkDocs' lists only the Simplified pages)
            lastmod = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
            langs = {lang: prefix for prefix, _, lang in VARIANTS.values()}
            site_address.write_sitemap(staging, site_address.sitemap(site_url, page_paths, langs, lastmod),
                                       int(epoch))
        lap("copy")

        result.beside["exports"] = _join(exports, "data exports")
        # One set of exports (Simplified, the contract) at the site's root: the Traditional pages
        # link up to it ({{ site_root }}data/..., site/ui.py SITE_UP)
        _publish(work / "data", staging / "data")
        lap("exports")

        buildlock.swap(staging, out)
        lap("publish")
        return result


def _wait_for_mkdocs(running, progress: Progress, total: int) -> None:
    """Wait for the MkDocs workers, showing the pages they have rendered (total: all of both
    scripts' pages on a clean build; unknown on a dirty one, which renders only changed pages)."""
    from concurrent.futures import FIRST_EXCEPTION, wait
    pending = set(running)
    while pending:
        done, pending = wait(pending, timeout=0.25, return_when=FIRST_EXCEPTION)
        progress.reach(mkdocs_pages(), total or None)
        for future in done:
            future.result()             # a failed worker's error, at once


def _write_exports(reports, tracker, folder: Path) -> float:
    """The data exports (corpus and commitments, JSON and CSV: the contract) into `folder`, new
    files (the last build's are hard links into the published site); returns the seconds."""
    started = time.perf_counter()
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / "corpus.json").write_text(dumps(corpus_dict(reports)), encoding="utf-8")
    (folder / "corpus.csv").write_text(corpus_csv(reports), encoding="utf-8")
    (folder / "commitments.json").write_text(dumps(tracker.json()), encoding="utf-8")
    (folder / "commitments.csv").write_text(tracker.csv(), encoding="utf-8")
    cards = scorecards(reports, tracker.commitments, row_pages(reports, tracker.commitments))
    (folder / "scorecards.json").write_text(dumps(scorecards_json(cards)), encoding="utf-8")
    (folder / "scorecards.csv").write_text(scorecards_csv(cards), encoding="utf-8")
    return time.perf_counter() - started


def _write_search_indexes(reports, converter, work: Path, incremental: bool) -> float:
    """Both scripts' search indexes into work/<variant>/search-data; returns the seconds it took.
    With `incremental`, the postings of the last build are kept while the texts are the same
    (work/search.state: index.build_indexes)."""
    started = time.perf_counter()
    # both scripts at once: the Traditional index reuses the Simplified one's work wherever the
    # texts fold to the same Simplified
    build_indexes([(docs_from_reports(reports, None if variant == "hans" else converter.to_hant),
                    work / variant / "search-data", VARIANTS[variant][2]) for variant in VARIANTS],
                  state=work / "search.state" if incremental else None)
    return time.perf_counter() - started


def _start(job, *args) -> tuple[multiprocessing.Process, object]:
    """Run job(*args) in a process forked now: it shares what this process holds (no pickling of
    the corpus) and its failure comes back through a pipe as the error's text."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def run():
        try:
            send.send((None, job(*args)))
        except BaseException as exc:          # noqa: BLE001 - reported to the parent, which raises
            send.send((f"{type(exc).__name__}: {exc}", None))
            raise SystemExit(1) from None

    process = ctx.Process(target=run, daemon=True)
    process.start()
    send.close()
    return process, receive


def _join(started, what: str):
    """Wait for a _start()ed job; its return value, or BuildError."""
    process, receive = started
    try:
        error, value = receive.recv()
    except EOFError:                           # the process died without a word (killed, out of memory)
        process.join()
        error, value = f"exit code {process.exitcode}", None
    process.join()
    if error is not None:
        raise BuildError(f"{what} failed: {error}")
    return value


@contextlib.contextmanager
def _forked(job, *args):
    """_start(job, *args) for the length of a block; a failed build does not leave it writing on."""
    started = _start(job, *args)
    try:
        yield started
    finally:
        process, _ = started
        if process.is_alive():
            process.terminate()
        process.join()


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
    """The source as received, decoded (GBK, UTF-16; a PDF, .docx or saved page as the text read
    from it, a text file's characters as they stand) and
    encoded as UTF-8 with a BOM: served without a charset (file://, `make serve`) a browser
    otherwise guesses windows-1252."""
    from .ingest.formats import TEXT_SUFFIXES, to_text
    return ("\ufeff" + to_text(source, glyphs=source.suffix.lower() not in TEXT_SUFFIXES)).encode("utf-8")


def _original(report) -> Path:
    """The report's file as received (a PDF, .docx or saved page), checked again as the build
    reads it (a symbolic link or a path outside its folder is refused)."""
    from .ingest.decode import original_file
    original = original_file(Path(report.source_path).parent)
    if original is None or published_name(original) != report.original:
        raise BuildError(f"{Path(report.source_path).parent}: the report's original file has gone during the build")
    return original


def _drop_unused_theme_files(site_dir: Path) -> None:
    """Material copies its lunr search, search worker and source maps even with its search off;
    no page requests them (our search is assets/search/), so they only weigh on the download."""
    js = site_dir / "assets" / "javascripts"
    for folder in (js / "lunr", js / "workers"):
        if folder.exists():
            shutil.rmtree(folder)
    for source_map in sorted((site_dir / "assets").rglob("*.map")):
        source_map.unlink()

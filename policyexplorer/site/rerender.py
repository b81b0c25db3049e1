"""Which pages a rebuild renders again.

A page's files are made of three things:
- the code, the templates and the conversion tables, the same for every page (the `base` key);
- the page's own: its path, its front matter (local nav), each body's template and context;
- what its render read of the state pages share (a report's glossary terms, where a
  commitment's row is), noted with the value read (site/trace.py).

The page key is a fingerprint of the first two. A context is pickled with the corpus's reports,
sections and paragraphs by reference (a report by its content key, which covers its folder, the
place list and the ingest code: ingest/corpus.py), so a key costs the page's own data, not its
reports'. The last build's keys and reads are kept in work/pages.state; a page whose key is the
same, whose reads give the same values now and whose files are all there is not rendered, converted
or written again. A report's new title re-renders the pages that show it, not the site.

A page whose context cannot be pickled (a function in it) has no key and is always rendered.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from ..cache import code_fingerprint, fingerprint
from . import trace
from .pages import TEMPLATES, Renderer
from .paths import Page


@dataclass
class Entry:
    """What the state keeps of a page: its key, the shared state its render read (site/trace.py)
    and the interface phrases it found missing from data/ui.yml (site/ui.py)."""
    key: str
    reads: dict = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)


def base_key(ui_phrases: dict[str, str], converter_digest: str) -> str:
    """What every page depends on: the package's code, the templates, the interface phrases
    and the Traditional converter."""
    templates = [p.relative_to(TEMPLATES).as_posix().encode() + b"\0" + p.read_bytes()
                 for p in sorted(TEMPLATES.rglob("*")) if p.is_file()]
    return fingerprint(code_fingerprint(""), *templates, json.dumps(ui_phrases, ensure_ascii=False, sort_keys=True),
                       converter_digest)


class References:
    """The corpus objects a context may hold, by reference: id(object) -> a reference that stays
    the same while the report's content key does. Built once, before the workers fork."""

    def __init__(self, reports):
        self.refs: dict[int, tuple] = {}
        for report in reports:
            if not report.content_key:        # not loaded from a folder: pickled in full
                continue
            self.refs[id(report)] = ("report", report.id, report.content_key)
            for i, section in enumerate(report.sections):
                self.refs[id(section)] = ("section", report.content_key, i)
                for j, paragraph in enumerate(section.paragraphs):
                    self.refs[id(paragraph)] = ("paragraph", report.content_key, i, j)


def _by_reference(ref):               # never called: a key is hashed, not unpickled
    raise NotImplementedError


class _Pickler(pickle.Pickler):
    def __init__(self, file, refs: dict[int, tuple]):
        super().__init__(file, protocol=5)
        self.refs = refs

    def reducer_override(self, obj):
        ref = self.refs.get(id(obj))
        return NotImplemented if ref is None else (_by_reference, (ref,))


def _body_key(body, refs: dict[int, tuple]) -> bytes:
    """A page body's part of the key: its text, or its template, page and context."""
    if isinstance(body, str):
        return b"text\0" + body.encode("utf-8")
    if not (isinstance(body, functools.partial) and isinstance(getattr(body.func, "__self__", None), Renderer)):
        raise TypeError(f"a page body neither text nor Renderer.later: {body!r}")
    renderer = body.func.__self__
    out = io.BytesIO()
    # the renderer's globals by name: the site's and the tracker's renderers differ in them
    _Pickler(out, refs).dump((sorted(renderer.env.globals), body.args, body.keywords))
    return out.getvalue()


def page_key(page: Page, base: str, refs: References) -> str | None:
    """The page's key (see the module docstring); None when a context cannot be pickled."""
    h = hashlib.sha256()
    try:
        for part in [base.encode(), page.path.encode("utf-8"), page.front.encode("utf-8"),
                     _body_key(page.body, refs.refs)] + \
                    [name.encode("utf-8") + b"\0" + _body_key(body, refs.refs) for name, body in page.files.items()]:
            h.update(len(part).to_bytes(8, "big"))
            h.update(part)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None
    return h.hexdigest()


def _renderers(page: Page) -> set:
    bodies = [page.body, *page.files.values()]
    return {b.func.__self__ for b in bodies if isinstance(b, functools.partial)}


def unchanged(page: Page, key: str | None, last: Entry | None) -> bool:
    """The page's files from the last build stand: same key, and every shared read gives what
    it gave then (checked on the page's renderer)."""
    if key is None or last is None or last.key != key:
        return False
    if not last.reads:
        return True
    renderers = _renderers(page)
    if len(renderers) != 1:
        return False
    (renderer,) = renderers
    try:
        return all(renderer.current(name, args) == value for (name, args), value in last.reads.items())
    except (KeyError, TypeError):
        return False


@contextlib.contextmanager
def watching():
    """The shared reads of what is rendered in the block, into the dict it gives."""
    reads: dict = {}
    trace.reads = reads
    try:
        yield reads
    finally:
        trace.reads = None


def load(path: Path | None, base: str) -> dict[str, Entry]:
    """The last build's entries by page path; none when it was made with another base."""
    if path is None:
        return {}
    try:
        with open(path, "rb") as f:
            saved = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError):
        return {}
    return saved["pages"] if isinstance(saved, dict) and saved.get("base") == base else {}


def save(path: Path, base: str, entries: dict[str, Entry]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as f:
        pickle.dump({"base": base, "pages": entries}, f, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)

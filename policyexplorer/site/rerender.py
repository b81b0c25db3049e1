"""Which pages a rebuild renders again.

A page's files are made of three things:
- the code, the templates and the conversion tables, the same for every page (the `base` key);
- the page's own: its path, its front matter (local nav), each body's template and context;
- what its render read of the state pages share (a report's glossary terms, where a
  commitment's row is), noted with the value read (trace.py).

The page key is a fingerprint of the first two. A context is pickled with the corpus's reports,
sections and paragraphs by reference (a report by its text key: all of it as parsed but its
meta.yml, whose fields a render reads through model.Meta, each read noted), so a key costs the
page's own data, not its reports'. The last build's keys and reads are kept in work/pages.state;
a page whose key is the same, whose reads give the same values now and whose files are all
there is not rendered, converted or written again. A report's new title re-renders the pages
that show the title, not the site.

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

from .. import trace
from ..cache import code_fingerprint, fingerprint, read_pickle, write_pickle
from ..model import Meta
from .pages import TEMPLATES, Renderer
from .paths import Page


@dataclass
class Entry:
    """What the state keeps of a page: its key, the shared state its render read (trace.py)
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
    the same while the report's text key does (all of it as parsed, but meta.yml, whose fields a
    render reads through model.Meta, noting each). Built once, before the workers fork."""

    def __init__(self, reports):
        _digests.clear()           # a new build's objects: the last one's digests go (and their objects)
        self.refs: dict[int, tuple] = {}
        self.reports = {report.id: report for report in reports}
        for report in reports:
            if not report.text_key or not isinstance(report.meta, Meta):   # made otherwise: pickled in full
                continue
            key = report.text_key
            self.refs[id(report)] = ("report", key)
            for i, section in enumerate(report.sections):
                self.refs[id(section)] = ("section", key, i)
                for j, paragraph in enumerate(section.paragraphs):
                    self.refs[id(paragraph)] = ("paragraph", key, i, j)


def _by_reference(ref):               # never called: a key is hashed, not unpickled
    raise NotImplementedError


class _Pickler(pickle.Pickler):
    """Pickles a context by content alone. There is no memo: an object met twice is written
    twice, so the bytes never depend on which equal objects happen to be one (a report parsed
    now or read from the cache). Corpus objects go by reference; each of our own objects (a row,
    an agency) by the digest of its content, worked out once per process: a row is on several
    pages, an agency in many rows. They are not changed once the pages are laid out."""

    def __init__(self, file, refs: dict[int, tuple], digests: dict[int, tuple]):
        super().__init__(file, protocol=5)
        self.fast = True
        self.refs, self.digests = refs, digests
        self.file = file
        self._inner: _Pickler | None = None     # digests what this one meets, reused (a million a site)

    def reducer_override(self, obj):
        ref = self.refs.get(id(obj))
        if ref is not None:
            return _by_reference, (ref,)
        ours = _ours.get(type(obj))
        if ours is None:
            ours = _ours[type(obj)] = type(obj).__module__.startswith(_OURS)
        if ours:
            hit = self.digests.get(id(obj))
            if hit is None:
                inner = self._inner
                if inner is None:
                    inner = self._inner = _Pickler(io.BytesIO(), self.refs, self.digests)
                inner.file.seek(0)
                inner.file.truncate()
                # an object with attributes by their values in order (the class says what they
                # are); else as pickle would reduce it
                state = getattr(obj, "__dict__", None)
                inner.dump((type(obj).__qualname__, tuple(state.values())) if state is not None
                           else obj.__reduce_ex__(5))
                hit = self.digests[id(obj)] = (obj, hashlib.sha256(inner.file.getvalue()).digest())
            return _by_reference, (hit[1],)
        return NotImplemented


_OURS = __name__.split(".")[0] + "."
_ours: dict[type, bool] = {}         # a type: is it this package's (digested) or not
_digests: dict[int, tuple] = {}      # id(object) -> (the object, kept alive; its content digest)


def _body_key(body, refs: dict[int, tuple]) -> bytes:
    """A page body's part of the key: its text, or its template, page and context."""
    if isinstance(body, str):
        return b"text\0" + body.encode("utf-8")
    if not (isinstance(body, functools.partial) and isinstance(getattr(body.func, "__self__", None), Renderer)):
        raise TypeError(f"a page body neither text nor Renderer.later: {body!r}")
    renderer = body.func.__self__
    out = io.BytesIO()
    # the renderer's globals by name: the site's and the tracker's renderers differ in them
    _Pickler(out, refs, _digests).dump((sorted(renderer.env.globals), body.args, body.keywords))
    return out.getvalue()


def page_key(page: Page, base: str, refs: References) -> str | None:
    """The page's key (see the module docstring); None when a context cannot be pickled."""
    try:
        bodies = [_body_key(page.body, refs.refs)] + \
                 [name.encode("utf-8") + b"\0" + _body_key(body, refs.refs) for name, body in page.files.items()]
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        return None     # a function or a cycle in the context
    return fingerprint(base, page.path, page.front, *bodies)


def _renderers(page: Page) -> set:
    bodies = [page.body, *page.files.values()]
    return {b.func.__self__ for b in bodies if isinstance(b, functools.partial)}


def unchanged(page: Page, key: str | None, last: Entry | None, refs: References) -> bool:
    """The page's files from the last build stand: same key, and every shared read gives what
    it gave then (a report's meta field from the corpus, the rest from the page's renderer)."""
    if key is None or last is None or last.key != key:
        return False
    renderers = _renderers(page)
    if len(renderers) > 1:
        return False

    def now(name: str, args: tuple):
        if name == "meta":
            report = refs.reports.get(args[0])
            return report.meta.current(args[1]) if report is not None and isinstance(report.meta, Meta) else None
        return next(iter(renderers)).current(name, args)

    try:
        return all(now(name, args) == value for (name, args), value in last.reads.items())
    except (KeyError, TypeError, StopIteration):
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
    saved = read_pickle(path) if path is not None else None
    return saved["pages"] if isinstance(saved, dict) and saved.get("base") == base else {}


def save(path: Path, base: str, entries: dict[str, Entry]) -> None:
    write_pickle(path, {"base": base, "pages": entries})

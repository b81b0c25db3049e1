"""Results kept between builds, keyed by content: a report whose source, meta.yml, place list and
ingest code are unchanged is not parsed again. The cache lives in build/cache/ (never in the
published site) and only saves time: a build with it is byte-identical to one without it.
Entries a build did not use are removed at its end, so the cache holds one corpus' worth."""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def fingerprint(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def code_fingerprint(*packages: str) -> str:
    """The code that makes an entry: every .py file of the named subpackages and modules."""
    files = []
    for name in packages:
        path = PACKAGE / name
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path.with_suffix(".py")]
    return fingerprint(*[f"{f.relative_to(PACKAGE)}".encode() + f.read_bytes() for f in files])


def folder_bytes(folder: Path) -> list[bytes]:
    """Every file of a report folder, by name, as the key's input."""
    return [p.name.encode() + b"\0" + p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()]


def read_pickle(path: Path):
    """What write_pickle left at `path`, or None where there is nothing readable (missing,
    cut short, or written by other code)."""
    try:
        with Path(path).open("rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None


def write_pickle(path: Path, value) -> None:
    """`value` pickled at `path`, whole or not at all (a temporary file renamed into place)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as f:
        pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)


class Cache:
    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder else None
        self.used: set[Path] = set()

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / f"{key}.pickle"

    def get(self, kind: str, key: str):
        if self.folder is None:
            return None
        path = self._path(kind, key)
        value = read_pickle(path)
        if value is not None:
            self.used.add(path)
        return value

    def put(self, kind: str, key: str, value) -> None:
        if self.folder is None:
            return
        path = self._path(kind, key)
        write_pickle(path, value)
        self.used.add(path)

    def prune(self, kind: str) -> None:
        """Drop the entries of `kind` this build did not use."""
        if self.folder is None or not (self.folder / kind).is_dir():
            return
        for path in (self.folder / kind).rglob("*.pickle"):
            if path not in self.used:
                path.unlink()

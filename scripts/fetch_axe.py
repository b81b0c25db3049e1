#!/usr/bin/env python3
"""Fetch the pinned axe-core (accessibility rules, run by tests/test_a11y.py) from the npm registry.

    python3 scripts/fetch_axe.py [DEST_DIR]      (default: build/vendor/axe-core; `make axe`)

Standard library only, so it runs before the venv exists and without npm. The tarball is checked
against the sha512 pinned below (the registry's `dist.integrity` of that version) before anything
is unpacked; only axe.min.js and the licence are kept. Does nothing when DEST_DIR already holds
this version. To move to another version: `npm view axe-core@X dist.integrity`, then change both
constants.
"""
from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "4.14.1"
INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
URL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
KEEP = {"package/axe.min.js": "axe.min.js", "package/LICENSE": "LICENSE"}
ROOT = Path(__file__).resolve().parents[1]


def fetch(dest: Path) -> Path:
    stamp = dest / "VERSION"
    target = dest / "axe.min.js"
    if target.exists() and stamp.exists() and stamp.read_text().strip() == f"{VERSION} {INTEGRITY}":
        return target
    print(f"fetching axe-core {VERSION} from {URL}", file=sys.stderr)
    with urllib.request.urlopen(URL, timeout=60) as response:
        data = response.read()
    algo, _, expected = INTEGRITY.partition("-")
    actual = base64.b64encode(hashlib.new(algo, data).digest()).decode()
    if actual != expected:
        raise SystemExit(f"{URL}: {algo} is {actual}, expected {expected}; not using it")
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for member, name in KEEP.items():
            f = tar.extractfile(member)
            if f is None:
                raise SystemExit(f"{URL}: no {member} in the package")
            (dest / name).write_bytes(f.read())
    stamp.write_text(f"{VERSION} {INTEGRITY}\n")
    return target


if __name__ == "__main__":
    where = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "vendor" / "axe-core"
    fetch(where)

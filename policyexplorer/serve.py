"""`python -m policyexplorer serve`: build, serve the site, rebuild when an input changes.

Like `mkdocs serve`, but for the whole pipeline: a change to a report, a data file, a template
or the theme starts a build (the same incremental build as `make build`, holding the build lock,
so a `make build` run meanwhile waits its turn). The server goes on serving the last good site
while a build runs and when one fails; a finished build is swapped in whole (buildlock.swap).
"""
from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from pathlib import Path

from .build import ROOT
from .localserver import QuietHandler

POLL = 1.0       # seconds between looks at the inputs
SETTLE = 0.5     # an editor's save can be several writes: wait this long before building


def _inputs(data: Path) -> list[Path]:
    return [data, ROOT / "templates", ROOT / "docs", ROOT / "mkdocs.yml"]


def snapshot(roots: list[Path]) -> dict[str, tuple[int, int]]:
    """Every file under the roots with its modification time and size."""
    seen: dict[str, tuple[int, int]] = {}
    for root in roots:
        files = [root] if root.is_file() else sorted(root.rglob("*")) if root.is_dir() else []
        for path in files:
            try:
                st = path.stat()
            except OSError:           # removed while we looked
                continue
            if path.is_file():
                seen[str(path)] = (st.st_mtime_ns, st.st_size)
    return seen


def changed(before: dict, after: dict) -> list[str]:
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def serve(args, run_build) -> int:
    code = run_build(args)
    if code and not Path(args.out).is_dir():
        return code                     # nothing to serve yet
    handler = functools.partial(QuietHandler, directory=str(args.out))
    try:
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    except OSError as exc:
        print(f"error: cannot serve on 127.0.0.1:{args.port}: {exc.strerror}", file=sys.stderr)
        return 1
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    roots = _inputs(Path(args.data))
    print(f"serving {args.out} at http://127.0.0.1:{args.port}/ ; rebuilding when {args.data}, "
          f"templates/, docs/ or mkdocs.yml change (Ctrl-C stops)", flush=True)
    last = snapshot(roots)
    try:
        while True:
            time.sleep(POLL)
            now = snapshot(roots)
            if now == last:
                continue
            time.sleep(SETTLE)
            now = snapshot(roots)
            names = changed(last, now)
            last = now
            shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
            print(f"changed: {shown}; rebuilding (the last good site is served meanwhile)", flush=True)
            run_build(args)
            last = snapshot(roots)      # what the build itself read is the new baseline
    except KeyboardInterrupt:
        return 0
    finally:
        httpd.shutdown()

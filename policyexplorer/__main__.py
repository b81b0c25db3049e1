"""Command line:

    python -m policyexplorer build [--data DIR] [--out DIR] [--site-url URL] [--quiet] [--no-wait]
    python -m policyexplorer serve [--data DIR] [--out DIR] [--port 8000] [--quiet]
    python -m policyexplorer add FILE... [--reports-dir DIR] [--force]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import ROOT, BuildError, build
from .buildlock import BuildBusy
from .site.address import ENV, from_command_line
from .commitments import LinksFileError
from .convert import OverrideError
from .ingest import CorpusError
from .progress import Progress, default_mode


def _build_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", type=Path, default=ROOT / "data", help="corpus and editorial data (default: data/)")
    p.add_argument("--out", type=Path, default=ROOT / "build" / "site", help="site folder (default: build/site)")
    p.add_argument("--site-url", help=f"address the site is served from, e.g. https://user.github.io/repo/ "
                                       f"(default: ${ENV}, else site_url in mkdocs.yml, else none: relative links only)")
    p.add_argument("--quiet", action="store_true", help="print only warnings and errors")


def run_build(args, wait: bool = True) -> int:
    """One build as the command line runs it: progress on stderr, warnings, one line of result."""
    site_url, where = from_command_line(args.site_url)
    progress = Progress("quiet" if args.quiet else default_mode())
    try:
        result = build(args.data, args.out, site_url=site_url, site_url_from=where, progress=progress, wait=wait)
    except BuildBusy as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (CorpusError, OverrideError, LinksFileError, BuildError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        print(f"build failed; {args.out} was left as it was", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    total = sum(result.timings.values())
    if not args.quiet:
        again = (f" ({result.rendered} made again, {result.pages - result.rendered} unchanged)"
                 if result.rendered < result.pages else "")
        print(f"built {result.pages} pages x 2 scripts{again} into {result.site} in {total:.1f}s", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m policyexplorer")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the site into build/site")
    _build_options(b)
    b.add_argument("--no-wait", action="store_true",
                   help="if a build is already running in the same build folder, exit 1 at once instead of waiting")
    s = sub.add_parser("serve", help="build, serve build/site, and rebuild when the corpus or data change")
    _build_options(s)
    s.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")
    a = sub.add_parser("add", help="add reports from PDF, Word (.docx), saved web pages (.html) or text files")
    a.add_argument("files", nargs="+", type=Path, metavar="FILE")
    a.add_argument("--reports-dir", type=Path, default=ROOT / "data" / "reports",
                   help="where report folders go (default: data/reports); places.yml is read beside it")
    a.add_argument("--force", action="store_true", help="replace a report folder that exists with other content")
    args = parser.parse_args(argv)
    if args.command == "add":
        return _add(args)
    if args.command == "serve":
        from .serve import serve
        return serve(args, run_build)
    return run_build(args, wait=not args.no_wait)


def _add(args) -> int:
    from .ingest.add import add
    try:
        done, errors = add(args.files, args.reports_dir, force=args.force)
    except CorpusError as exc:          # places.yml unreadable: nothing was added
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for added in done:
        print(added.line())
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

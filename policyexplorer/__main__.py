"""Command line: python -m policyexplorer build [--data DIR] [--out DIR] [--site-url URL]
                python -m policyexplorer add FILE... [--reports-dir DIR] [--force]"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import ROOT, BuildError, build
from .site.address import ENV, from_command_line
from .commitments import LinksFileError
from .convert import OverrideError
from .ingest import CorpusError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m policyexplorer")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the site into build/site")
    b.add_argument("--data", type=Path, default=ROOT / "data", help="corpus and editorial data (default: data/)")
    b.add_argument("--out", type=Path, default=ROOT / "build" / "site", help="site folder (default: build/site)")
    b.add_argument("--site-url", help=f"address the site is served from, e.g. https://user.github.io/repo/ "
                                       f"(default: ${ENV}, else site_url in mkdocs.yml, else none: relative links only)")
    a = sub.add_parser("add", help="add reports from PDF, Word (.docx), saved web pages (.html) or text files")
    a.add_argument("files", nargs="+", type=Path, metavar="FILE")
    a.add_argument("--reports-dir", type=Path, default=ROOT / "data" / "reports",
                   help="where report folders go (default: data/reports); places.yml is read beside it")
    a.add_argument("--force", action="store_true", help="replace a report folder that exists with other content")
    args = parser.parse_args(argv)
    if args.command == "add":
        return _add(args)
    site_url, where = from_command_line(args.site_url)
    try:
        result = build(args.data, args.out, site_url=site_url, site_url_from=where)
    except (CorpusError, OverrideError, LinksFileError, BuildError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        print(f"build failed; {args.out} was left as it was", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    total = sum(result.timings.values())
    print(f"built {result.pages} pages x 2 scripts into {result.site} in {total:.1f}s")
    return 0


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

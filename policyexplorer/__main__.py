"""Command line: python -m policyexplorer build [--data DIR] [--out DIR] [--site-url URL]."""
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
    args = parser.parse_args(argv)
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


if __name__ == "__main__":
    sys.exit(main())

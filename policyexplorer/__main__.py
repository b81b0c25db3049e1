"""Command line: python -m policyexplorer build [--data DIR] [--out DIR]."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import ROOT, BuildError, build
from .commitments import LinksFileError
from .convert import OverrideError
from .ingest import CorpusError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m policyexplorer")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the site into build/site")
    b.add_argument("--data", type=Path, default=ROOT / "data", help="corpus and editorial data (default: data/)")
    b.add_argument("--out", type=Path, default=ROOT / "build" / "site", help="site folder (default: build/site)")
    args = parser.parse_args(argv)
    try:
        result = build(args.data, args.out)
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

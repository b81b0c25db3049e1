"""How well infer_meta reads meta.yml's fields from the text: per-field accuracy against the
hand-written meta.yml of every report folder we have, and each mismatch.

    python -m policyexplorer.ingest.inferscore [FOLDER ...]

Sets (each a folder of report folders with source.txt and meta.yml): the bundled corpus
(data/reports), the development set (tests/devset/reports), the held-out reports
(tests/heldout/reports) and the unseen sample (../shared/eval/unseen, else its copy in
tests/shared/eval/unseen). A field is right when it equals what meta.yml says; a date inferred
to the day where meta.yml gives only the month or year (or the reverse) is a mismatch, and
listed as "less/more precise".
"""
from __future__ import annotations

import sys
from pathlib import Path

from .decode import decode_source, find_source
from .infer import infer_meta
from .meta import load_meta
from .places import Places

ROOT = Path(__file__).resolve().parents[2]
SETS = {
    "bundled": ROOT / "data" / "reports",
    "devset": ROOT / "tests" / "devset" / "reports",
    **{d.name: d / "reports" for d in sorted((ROOT / "tests").glob("heldout*")) if (d / "reports").is_dir()},
    "unseen": (ROOT.parent / "shared" / "eval" / "unseen") if (ROOT.parent / "shared" / "eval" / "unseen").is_dir()
    else ROOT / "tests" / "shared" / "eval" / "unseen",
}
SCORED = ("place", "level", "kind", "delivered", "review_years", "plan_years")
ALSO = ("title", "issuer", "speaker")


def score_folder(folder: Path, places: Places) -> dict[str, tuple[object, object]]:
    """field -> (written, inferred) for every field meta.yml writes."""
    meta = load_meta(folder / "meta.yml", folder.name)
    facts, _ = infer_meta(decode_source(find_source(folder)), places)
    out = {}
    for field in SCORED + ALSO:
        if field in meta:
            written = meta[field]
            inferred = facts[field].value if field in facts else None
            out[field] = (written, inferred)
    return out


def score(sets: dict[str, Path], places: Places) -> tuple[dict[str, dict[str, list[int]]], list[str]]:
    """({set: {field: [right, total]}}, mismatch lines)."""
    table: dict[str, dict[str, list[int]]] = {}
    wrong: list[str] = []
    for name, folder in sets.items():
        if not folder.is_dir():
            continue
        counts = table.setdefault(name, {})
        for report in sorted(p for p in folder.iterdir() if (p / "meta.yml").exists()):
            for field, (written, inferred) in score_folder(report, places).items():
                c = counts.setdefault(field, [0, 0])
                c[1] += 1
                if written == inferred:
                    c[0] += 1
                else:
                    note = ""
                    if field == "delivered" and written and inferred and (
                            str(inferred).startswith(str(written)) or str(written).startswith(str(inferred))):
                        note = " (more precise)" if len(str(inferred)) > len(str(written)) else " (less precise)"
                    wrong.append(f"{name}/{report.name}: {field}: written {written!r}, inferred {inferred!r}{note}")
    return table, wrong


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    sets = {(Path(a).parent.name if Path(a).name == "reports" else Path(a).name): Path(a) for a in argv} if argv else SETS
    places = Places.load(ROOT / "data" / "places.yml")
    table, wrong = score(sets, places)
    print("Inferred meta.yml fields against the hand-written ones (right/total)")
    fields = SCORED + ALSO
    print(f"{'set':10}" + "".join(f"{f:>14}" for f in fields))
    total = {f: [0, 0] for f in fields}
    for name, counts in table.items():
        row = f"{name:10}"
        for f in fields:
            r, n = counts.get(f, [0, 0])
            total[f][0] += r
            total[f][1] += n
            row += f"{f'{r}/{n}':>14}"
        print(row)
    print(f"{'all':10}" + "".join(f"{f'{r}/{n}':>14}" for r, n in total.values()))
    right = sum(total[f][0] for f in SCORED)
    n = sum(total[f][1] for f in SCORED)
    print(f"place, level, kind, delivered, review and plan years: {right}/{n} = {right / max(n, 1):.1%}")
    for line in wrong:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

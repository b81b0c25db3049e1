#!/usr/bin/env python3
"""Make data/divisions.tsv, the register of China's province-, prefecture- and county-level
divisions (ingest/divisions.py reads it), from the "pca-code.json" of the public data set
Administrative-divisions-of-China by modood (GitHub; WTFPL; the National Bureau of Statistics'
统计用区划代码, 省级/地级/县级):

    python scripts/divisions.py PATH/TO/dist/pca-code.json --source "…commit and date…" > data/divisions.tsv

The data set nests province > prefecture > county, with the Bureau's placeholders for what has
no prefecture (市辖区 under 北京市, 省直辖县级行政区划 under 湖北省): a county-level division under a
placeholder is written as the province's own. Codes are written in six digits (110105).
Levels are the project's (ingest/meta.LEVELS): a province-level division is a province (直辖市
too), a prefecture-level one a city (地级市, 自治州, 地区, 盟), a county-level one a district
(市辖区) or a county (县, 自治县, 旗, 县级市, 特区, 林区). 中国 is the root, code 000000.
"""
from __future__ import annotations

import argparse
import json
import sys

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
ROOT = "000000"


def rows(tree: list[dict]) -> list[tuple[str, str, str, str]]:
    out = [(ROOT, "中国", "national", "")]
    for p in tree:
        pcode = p["code"].ljust(6, "0")
        out.append((pcode, p["name"], "province", ROOT))
        for c in p.get("children") or []:
            ccode = c["code"].ljust(6, "0")
            parent = pcode
            if c["name"] not in PLACEHOLDERS:
                out.append((ccode, c["name"], "city", pcode))
                parent = ccode
            for a in c.get("children") or []:
                level = "district" if a["name"].endswith("区") and not a["name"].endswith("林区") else "county"
                out.append((a["code"].ljust(6, "0"), a["name"], level, parent))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pca_code_json")
    ap.add_argument("--source", required=True, help="the data set's repository, commit and data date")
    args = ap.parse_args()
    with open(args.pca_code_json, encoding="utf-8") as f:
        tree = json.load(f)
    w = sys.stdout.write
    w("# China's administrative divisions: province, prefecture (city) and county level, each with its parent.\n")
    w(f"# Source: {args.source}\n")
    w("# Licence of the source data set: WTFPL (Do What The F*ck You Want To Public License, v2).\n")
    w("# Made by scripts/divisions.py; do not edit by hand (data/places.yml holds slugs, aliases and overrides).\n")
    w("# code\tname\tlevel\tparent code\n")
    for row in rows(tree):
        w("\t".join(row) + "\n")


if __name__ == "__main__":
    main()

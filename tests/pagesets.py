"""Representative pages for the browser checks (requests, accessibility), in both scripts."""
from __future__ import annotations

from pathlib import Path

SEARCH = "search/index.html?q=地铁"
# The tracker is checked once it is built (tracker pages landed in a separate change).
OPTIONAL = {"tracker/2024/index.html", "tracker/2024/wuhan/index.html"}
PAGES = ["index.html", "reports/index.html", "reports/wuhan-2024-gwr/index.html", "reports/wuhan-2024-gwr/s2/index.html",
         "tracker/2024/index.html", "tracker/2024/wuhan/index.html", "tracker/indicators/tech-contract-value/index.html",
         "glossary/index.html", "places/wuhan/index.html", SEARCH]
PREFIXES = ["", "zh-Hant/"]


def representative(site: Path) -> list[str]:
    out = []
    for path in PAGES:
        exists = (site / path.split("?")[0]).is_file()
        if not exists and path in OPTIONAL:
            continue
        assert exists, f"{path} is missing from the site"
        out.append(path)
    return out

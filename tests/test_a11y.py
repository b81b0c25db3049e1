"""Accessibility (issue #4): axe-core in headless Chromium on representative pages of both scripts,
wide (1280 px) and narrow (360 px): no serious or critical violation. Beyond axe's impact levels,
the issue names: headings in order, every control labelled, the toggle announced as a language
switch, text contrast sufficient, usable at 360 px (nothing wider than the screen).

axe-core is pinned and fetched from the npm registry by `make axe` (scripts/fetch_axe.py) into
build/vendor/axe-core/; `make test` does that first.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import Tab
from pagesets import PREFIXES, SEARCH, representative

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "build" / "vendor" / "axe-core" / "axe.min.js"
FAIL_IMPACTS = {"serious", "critical"}
# Named by the issue, so they fail whatever axe's impact: heading order, labels, contrast.
ALWAYS = {"heading-order", "page-has-heading-one", "empty-heading", "label", "button-name", "select-name",
          "input-button-name", "link-name", "color-contrast", "aria-input-field-name", "html-has-lang",
          "html-lang-valid", "valid-lang"}
TOGGLE = {"": ("zh-Hant", "切換到繁體中文"), "zh-Hant/": ("zh-Hans", "切换到简体中文")}

RUN_AXE = """async () => {
  const r = await axe.run(document, {resultTypes: ["violations"]});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + (n.failureSummary || "").replace(/\\s+/g, " ").slice(0, 240))}));
}"""

HEADINGS = """() => Array.from(document.querySelectorAll("article h1, article h2, article h3, article h4, article h5, article h6"))
  .map(h => ({level: +h.tagName[1], text: h.textContent.trim().slice(0, 40)}))"""

CONTROLS = """() => Array.from(document.querySelectorAll("input:not([type=hidden]), select, textarea, button"))
  .filter(e => e.offsetParent !== null || getComputedStyle(e).position === "fixed")
  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute("aria-label") && !e.getAttribute("aria-labelledby")
               && !e.getAttribute("title") && !(e.tagName === "BUTTON" && e.textContent.trim()))
  .map(e => e.outerHTML.slice(0, 120))"""


@pytest.fixture(scope="module")
def axe_script() -> Path:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make axe` (make test does it) to fetch the pinned axe-core")
    return AXE


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_representative_pages_are_accessible(chromium, site_url, built_site, axe_script, prefix, width):
    t = Tab(chromium, viewport={"width": width, "height": 800})
    problems: list[str] = []
    try:
        page = t.page
        for path in representative(built_site):
            where = f"{prefix}{path} @{width}px"
            page.goto(site_url + prefix + path)
            page.wait_for_load_state("networkidle")
            if path == SEARCH:
                page.wait_for_selector("#pe-search[data-ms]")
            page.add_script_tag(path=str(axe_script))
            for v in page.evaluate(RUN_AXE):
                if v["impact"] in FAIL_IMPACTS or v["id"] in ALWAYS:
                    problems.append(f"{where}: {v['impact']} {v['id']} ({v['help']})\n      " + "\n      ".join(v["nodes"]))

            levels = [h["level"] for h in page.evaluate(HEADINGS)]
            if not levels or levels[0] != 1 or levels.count(1) != 1:
                problems.append(f"{where}: the content must open with its one h1, has {levels[:5]}")
            jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
            if jumps:
                problems.append(f"{where}: heading levels skip: {jumps[:5]}")

            unlabelled = page.evaluate(CONTROLS)
            if unlabelled:
                problems.append(f"{where}: controls without a label: {unlabelled}")

            lang, words = TOGGLE[prefix]
            toggle = page.get_by_role("link", name=re.compile(words))
            if toggle.count() != 1:
                problems.append(f"{where}: no single link announced as {words!r}")
            else:
                attrs = toggle.evaluate("e => [e.getAttribute('lang'), e.getAttribute('hreflang'), e.hasAttribute('data-pe-toggle')]")
                if attrs != [lang, lang, True]:
                    problems.append(f"{where}: the toggle's lang/hreflang are {attrs[:2]}, expected {lang}")
                box = toggle.bounding_box()
                if not toggle.is_visible() or box is None or box["x"] < 0 or box["x"] + box["width"] > width:
                    problems.append(f"{where}: the toggle is not on screen ({box})")

            overflow = page.evaluate("[document.documentElement.scrollWidth, document.body.scrollWidth, innerWidth]")
            if max(overflow[:2]) > overflow[2]:
                problems.append(f"{where}: wider than the screen: {overflow}")
        assert t.errors == []
    finally:
        t.close()
    assert problems == [], "\n".join(problems)

# Two commands a newcomer needs: `make serve` and `make test`. Both set themselves up.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
CHROMIUM := /usr/bin/chromium

.PHONY: venv build serve test chromium axe bench bench-scale score clean

# The venv is rebuilt whenever requirements.txt changes.
$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

venv: $(VENV)/.installed

build: venv
	$(PY) -m policyexplorer build

# Builds, serves build/site and rebuilds when a report, data file, template or the theme changes
# (the last good site is served meanwhile; Ctrl-C stops).
serve: venv
	$(PY) -m policyexplorer serve --port $(PORT)

# Browser tests drive Debian's chromium (Playwright cannot download a browser here), with a
# Chinese font: without one every character is a box of another width, and layout tests measure
# boxes, not the pages readers see.
CJK_FONT := /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
chromium:
	@test -x $(CHROMIUM) -a -f $(CJK_FONT) || { \
	  echo "Installing Debian's chromium and a Chinese font for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei; }

# axe-core (accessibility rules for tests/test_a11y.py), pinned and checked by sha512, from the
# npm registry; standard library only, no npm needed. Skips the download when already there.
axe:
	$(PYTHON) scripts/fetch_axe.py build/vendor/axe-core

test: venv chromium axe
	$(PY) -m pytest -q

bench: venv
	$(PY) scripts/bench.py

# Whole sites at 1, 20 and 100 times the bundled corpus, and of a newsroom's corpus (the bundled
# reports and the real work reports of tests/heldout* and tests/devset, once and four times):
# build time per stage, peak memory, site bytes, heaviest and average page, first-query bytes
# (takes a while at 100 times).
bench-scale: venv
	$(PY) scripts/bench.py --sites 1 20 100 --newsroom 1 4

# Scores against the labelled samples in ../shared/eval: commitment links, the unseen reports
# (bundled corpus plus shared/eval/unseen in a scratch copy), the whole labelled reports
# (shared/eval/unseen_full.yaml and tests/devset/*.yaml), then search (on build/site), then the
# meta.yml fields read from each report's text against the hand-written ones.
score: build
	$(PY) -m policyexplorer.commitments.score
	$(PY) -m policyexplorer.unseen
	$(PY) -m policyexplorer.fullscore
	$(PY) -m policyexplorer.search.score
	$(PY) -m policyexplorer.ingest.inferscore

clean:
	rm -rf build

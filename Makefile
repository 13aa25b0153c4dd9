# Two commands on a fresh machine: `make html` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

NODE_STAMP := node_modules/.installed

.PHONY: html test eval import check bench serve publish clean golden

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

html: $(STAMP)            ## convert seeds/ and build the site into output/
	$(BIN)/pelican content -s pelicanconf.py -o output

# Test-only clients from npm (TimelineJS, the Nu HTML Checker); skipped when npm is absent.
$(NODE_STAMP): package.json package-lock.json
	if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $(NODE_STAMP); fi

test: $(STAMP) $(NODE_STAMP)  ## the whole test suite
	$(BIN)/python -m pytest -q

eval: $(STAMP)            ## extraction accuracy on ../shared/devset; fails below bench/devset_floor.json
	$(BIN)/python bench/eval.py

import: $(STAMP)          ## convert seeds/ into content/timeline/ without building
	$(BIN)/timeline import

check: $(STAMP)           ## validate every entry in content/
	$(BIN)/timeline check

serve: html
	$(BIN)/pelican --listen -s pelicanconf.py -o output

publish: $(STAMP)         ## the deployable tree, with publishconf.py
	$(BIN)/pelican content -s publishconf.py -o output

bench: $(STAMP)           ## benchmarks at N = 2,000 and 10,000 seeds and on the real corpus (prints a table)
	$(BIN)/python bench/run.py

golden: $(STAMP)          ## regenerate golden files on purpose, then review `git diff tests/golden`
	$(BIN)/python -m pytest -q --update-golden

clean:
	rm -rf output __pycache__ .pytest_cache node_modules

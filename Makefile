# Every target installs what it needs: a fresh machine needs only python3, make and (for tests) apt + npm.
VENV := .venv
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
DEV_INSTALLED := $(VENV)/.installed-dev
PIP := $(PYTHON) -m pip install --quiet --disable-pip-version-check
NODE_INSTALLED := node_modules/.installed
# Zensical in a venv of its own (requirements/zensical.in says why).
ZENSICAL_INSTALLED := .venv-zensical/.installed
export NO_MKDOCS_2_WARNING := 1
# What builds the site: mkdocs, or properdocs, its maintained fork (README, "Leaving MkDocs").
GENERATOR := mkdocs
# Edit links point at the GitHub repository this clone came from, when there is one.
export REPO_URL ?= $(shell git remote get-url origin 2>/dev/null | sed -n 's#^git@github.com:#https://github.com/#; s#\.git$$##; \#^https://github.com/#p')

.PHONY: serve build check fix test render restore cms cms-config screenshots readability benchmark properdocs-diff zensical-diff browser-deps spelling-deps linkcheck-external audit clean lock

# The form for editors at /admin/ is Decap CMS from npm: where npm is missing, the site is built without it, and the
# build says so in one line (peersite/pages/site_files.py).
CMS_BUNDLE := $(if $(shell command -v npm),$(NODE_INSTALLED))

serve: $(INSTALLED) $(CMS_BUNDLE)
	$(PYTHON) scripts/serve.py --generator $(GENERATOR)

# Data checked and everything the generator reads written into rendered/ (`peersite render`), then both languages built (scripts/build.py).
build: $(INSTALLED) $(CMS_BUNDLE)
	$(PYTHON) scripts/build.py --generator $(GENERATOR)

check: $(INSTALLED) spelling-deps
	$(PYTHON) -m peersite check --language da
	$(PYTHON) -m peersite.checks.spelling --language da
	$(PYTHON) -m peersite cms-config --check --language da

# Writes the fix of every mistake that has one (pasted quotes, odd spaces, hidden characters) into content/data.yml.
fix: $(INSTALLED)
	$(PYTHON) -m peersite check --fix --language da

# The form's configuration (content/cms.yml) made again from peersite/data/schema.py and the ids in content/data.yml.
cms-config: $(INSTALLED)
	$(PYTHON) -m peersite cms-config

# The form at http://127.0.0.1:8000/admin/, saving straight into this clone's content/data.yml through decap-server
# (no login; `git diff` shows what it wrote).
cms: $(INSTALLED) $(NODE_INSTALLED)
	MODE=fs BIND_HOST=127.0.0.1 PORT=8081 node node_modules/decap-server/dist/index.js & server=$$!; \
	trap 'kill $$server' EXIT INT TERM; \
	CMS_LOCAL_BACKEND=http://127.0.0.1:8081/api/v1 $(PYTHON) scripts/serve.py --generator $(GENERATOR)

# The pictures of CONTRIBUTING.md's "Redigér i browseren", from the form driven offline as tests/browser/test_cms.py
# drives it, into docs-contributing/ (outside docs/: they are no pages of the site). Not part of `make test`.
screenshots: $(DEV_INSTALLED) browser-deps
	$(PYTHON) scripts/contributing_screenshots.py

# Every page, the downloads and /admin/ into rendered/docs/, the navigation and the theme's words into rendered/mkdocs.yml:
# after it, `mkdocs build`, `properdocs build` or `zensical-i18n build` builds the site.
render: $(INSTALLED) $(CMS_BUNDLE)
	$(PYTHON) -m peersite render

# After the CMS saved content/data.yml (written anew whole): the file as it was at the merge base with BASE, with
# only the saved changes (peersite/editing/restore.py). Formatting changed by hand since BASE goes back too.
BASE ?= $(shell git rev-parse --verify --quiet origin/main >/dev/null && echo origin/main || echo main)
restore: $(INSTALLED)
	@base=$$(git merge-base $(BASE) HEAD) && folder=$$(mktemp -d) && trap 'rm -rf "$$folder"' EXIT && \
	original="$$folder/data.yml@$$(git rev-parse --short $$base)" && git show "$$base:content/data.yml" > "$$original" && \
	$(PYTHON) -m peersite restore "$$original" content/data.yml

# Besides the tests' own: ProperDocs and Zensical build the site beside MkDocs (tests/test_properdocs.py, test_zensical.py).
# Every property test draws all the examples it names (a run by hand draws a quarter: tests/conftest.py, examples).
test: $(DEV_INSTALLED) $(ZENSICAL_INSTALLED) browser-deps spelling-deps
	PROPERTY_EXAMPLES=all $(PYTHON) -m pytest

readability: build
	$(PYTHON) scripts/readability.py site

# This project against plain MkDocs on the same pages, at 250 to 2,000 synthetic records (a few minutes).
benchmark: $(INSTALLED)
	$(PYTHON) scripts/benchmark.py

# The site built with ProperDocs (the maintained fork of MkDocs 1.x) must equal the MkDocs build.
properdocs-diff: $(INSTALLED)
	$(PYTHON) scripts/properdocs_diff.py

# The site built with Zensical (Material's successor) must have the article text and links of the MkDocs build on every
# page, both languages (scripts/zensical_diff.py).
zensical-diff: $(INSTALLED) $(ZENSICAL_INSTALLED)
	$(PYTHON) scripts/zensical_diff.py

$(ZENSICAL_INSTALLED): requirements/zensical.txt pyproject.toml
	python3 -m venv .venv-zensical
	.venv-zensical/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/zensical.txt
	.venv-zensical/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# What building needs (requirements/build.txt), and what the tests and tools add (requirements/dev.txt), each
# locked with hashes: pip refuses a file whose hash is not in the lock.
$(INSTALLED): requirements/build.txt pyproject.toml
	python3 -m venv $(VENV)
	$(PIP) --require-hashes -r requirements/build.txt
	$(PIP) --no-deps -e .
	touch $@

$(DEV_INSTALLED): $(INSTALLED) requirements/dev.txt
	$(PIP) --require-hashes -r requirements/dev.txt
	touch $@

# After changing requirements/*.in: the locks again, at the newest versions the .in files allow.
lock: $(DEV_INSTALLED)
	$(PIP) uv==0.13.9
	cd requirements && ../$(VENV)/bin/uv pip compile build.in --generate-hashes --python-version 3.11.7 --no-header -q -o build.txt
	cd requirements && ../$(VENV)/bin/uv pip compile dev.in --generate-hashes --python-version 3.11.7 --no-header -q -o dev.txt
	cd requirements && ../$(VENV)/bin/uv pip compile zensical.in --generate-hashes --python-version 3.11.7 --no-header -q -o zensical.txt

# Debian's Chromium drives the browser tests; axe-core checks accessibility; poppler-utils reads printed PDFs.
browser-deps: $(NODE_INSTALLED)
	@command -v chromium >/dev/null && command -v pdftotext >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; }

# Hunspell with Debian's Danish and British English dictionaries spell-checks the texts (peersite/checks/spelling.py).
# Installed with apt-get where there is one and make runs as root (CI); on a machine without either (a Mac,
# Linux without root) nothing is installed, and `make check` says in one line that spelling was not checked.
spelling-deps:
	@command -v hunspell >/dev/null && test -f /usr/share/hunspell/da_DK.dic -a -f /usr/share/hunspell/en_GB.dic \
		|| ! command -v apt-get >/dev/null || [ "$$(id -u)" != 0 ] \
		|| { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hunspell hunspell-da hunspell-en-gb >/dev/null; }

$(NODE_INSTALLED): package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

clean:
	rm -rf site rendered .venv .venv-zensical node_modules .pytest_cache

# Not part of `make test`: these reach outside 127.0.0.1.
linkcheck-external: $(DEV_INSTALLED)
	$(PYTHON) scripts/linkcheck_external.py

audit: build browser-deps
	bash scripts/audit.sh site

# The verbs a person types. `make run` and `make test` do all the set-up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= config.settings.dev


.PHONY: serve run test test-fast lint format messages install install-dev migrate screenshots bench lighthouse clean audit

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(BIN)/python manage.py migrate --noinput

# Every absolute URL (sitemap, canonical, hreflang, feeds, e-mails) names
# http://127.0.0.1:$(PORT)/: the dev settings read PORT, set_site_address
# points the Site record at it.
run: export PORT := $(PORT)
run: migrate
	$(BIN)/python manage.py load_initial_content
	$(BIN)/python manage.py set_site_address
	$(BIN)/python manage.py ensure_dev_admin
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The suite runs with config.settings.test (pyproject.toml), not the dev
# settings this Makefile exports for `make run`.
test test-fast screenshots: export DJANGO_SETTINGS_MODULE = config.settings.test
# Everything CI runs: system packages, services on free ports, the checks and
# the suite on SQLite and PostgreSQL with the browser and stack tests, side by
# side (scripts/test.sh). TEST_PARTS="sqlite browser" runs a subset.
test:
	PYTHON=$(PYTHON) scripts/test.sh

# Production: gunicorn, production settings, collected static files (README:
# "Running in production" lists the environment variables).
serve: install
	PORT=$(PORT) scripts/serve.sh

# Daily work: the suite on SQLite without the browser and stack tests, two
# workers, stopping at the first failure. `make test-fast T=tests/test_x.py`.
test-fast: install-dev
	$(BIN)/pytest -m "not browser and not stack" -x $(T)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

messages: install-dev
	$(BIN)/python manage.py makemessages --locale pl --locale en --ignore '.venv/*' --ignore 'scripts/*' --ignore 'tests/*' --no-obsolete
	$(BIN)/python manage.py compilemessages --ignore '.venv/*'

# Every public page of a freshly seeded site, both languages, 390 and 1280 px.
screenshots: install-dev
	$(BIN)/pytest -n 0 tests/browser/test_screenshots.py

clean:
	rm -rf $(VENV) db.sqlite3 media artifacts

# Queries, render time and requests per second (gunicorn, production
# settings, page cache off and on) of every public page, each beside a
# hello-world view measured in the same run (figures, not a test).
BENCH_PORT ?= 8149
# The variables production requires, for a local trial on SQLite.
LOCAL_PRODUCTION := DJANGO_SETTINGS_MODULE=config.settings.production \
	DJANGO_SECRET_KEY=local-trial-only WAGTAILADMIN_BASE_URL=http://127.0.0.1 \
	DATABASE_URL=sqlite:///$(CURDIR)/db.sqlite3
# `make bench BENCH_SCALE=100`: search only, on the seeded site grown to 100
# partnerships and 200 organisations (scripts/grow_site.py) in
# bench-100.sqlite3; db.sqlite3 is untouched.
ifdef BENCH_SCALE
bench: export DATABASE_URL = sqlite:///$(CURDIR)/bench-$(BENCH_SCALE).sqlite3
bench: export BENCH_ONLY = /szukaj/?query=kaskada /szukaj/?query=Testowa+57 \
	/en/search/?query=zatrasie /szukaj/?query=Organizacja&page=2
endif
bench: migrate
	$(BIN)/python manage.py load_initial_content
	$(if $(BENCH_SCALE),$(BIN)/python scripts/grow_site.py $(BENCH_SCALE))
	$(LOCAL_PRODUCTION) \
		$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python scripts/bench.py 3 $(BENCH_PORT)

# Lighthouse (mobile) of the home page, the index, a partnership and the
# directory under gunicorn with the production settings; npm's lighthouse
# in .lighthouse/ (git-ignored), Debian's Chromium (CHROME_PATH overrides).
# Not part of `make test`. Reports in artifacts/lighthouse/.
LIGHTHOUSE_PORT ?= 8148
.lighthouse/node_modules/.bin/lighthouse:
	npm install --no-audit --no-fund --prefix .lighthouse lighthouse@13.5.0

lighthouse: migrate .lighthouse/node_modules/.bin/lighthouse
	$(BIN)/python manage.py load_initial_content
	$(LOCAL_PRODUCTION) \
		$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python scripts/lighthouse.py $(LIGHTHOUSE_PORT)

# Known vulnerabilities in the pinned dependencies. Needs PyPI's
# per-version JSON API (or `PIP_AUDIT_SERVICE=osv`, osv.dev); --strict fails
# when a package could not be audited, so an unreachable service is no pass.
PIP_AUDIT_SERVICE ?= pypi
audit: install-dev
	$(BIN)/pip-audit --strict --vulnerability-service $(PIP_AUDIT_SERVICE) -r requirements.txt

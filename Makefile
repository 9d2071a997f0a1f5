# The verbs a person types. `make run` and `make test` do all the set-up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.PHONY: run test test-fast lint format messages install install-dev migrate screenshots bench lighthouse clean

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

run: migrate
	$(BIN)/python manage.py load_initial_content
	$(BIN)/python manage.py ensure_dev_admin
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install-dev
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/lint-imports --no-cache
	$(BIN)/pytest

# Local re-runs: keep the test database between runs (CI builds it afresh).
test-fast: install-dev
	$(BIN)/pytest --reuse-db -x -n 0

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
bench: migrate
	$(BIN)/python manage.py load_initial_content
	DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_SECRET_KEY=bench-only \
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
	DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_SECRET_KEY=lighthouse-only \
		$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python scripts/lighthouse.py $(LIGHTHOUSE_PORT)

#!/usr/bin/env bash
# `make serve`: the site as it runs in production (README: "Running in
# production"). Applies migrations, collects the static files, creates the
# initial content on an empty database, points the Site record at
# WAGTAILADMIN_BASE_URL, then runs gunicorn (config/gunicorn.py) on
# 127.0.0.1:$PORT with $WEB_CONCURRENCY workers.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=config.settings.production
python=${PYTHON_BIN:-.venv/bin/python}
gunicorn=$(dirname "$python")/gunicorn

# Settings first: a missing or malformed variable stops here, named.
"$python" manage.py check --fail-level ERROR >/dev/null
"$python" manage.py migrate --noinput
"$python" manage.py collectstatic --noinput --verbosity 0
"$python" manage.py load_initial_content --if-empty
"$python" manage.py set_site_address
exec "$gunicorn" --config config/gunicorn.py config.wsgi:application

"""Grow the seeded site of DATABASE_URL to N partnerships and 2N partner
organisations in both languages, as tests/test_query_counts.py grows its
site, for `make bench BENCH_SCALE=N`. Growing again adds only what is missing.

Usage: DATABASE_URL=sqlite:///bench.sqlite3 python scripts/grow_site.py N
"""

import os
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from cooperation.models import PartnershipIndexPage  # noqa: E402
from tests.test_query_counts import grow  # noqa: E402


def main():
    scale = int(sys.argv[1])
    index = PartnershipIndexPage.objects.get(locale__language_code="pl")
    grow(SimpleNamespace(index=index), partnerships=scale, organizations=2 * scale)


if __name__ == "__main__":
    main()

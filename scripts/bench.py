"""Print how fast the seeded public pages render, and what they cost.

Runs in-process with Django's test client against the dev database (run
`make run` once, or `manage.py migrate && manage.py load_initial_content`).
Figures only, no pass/fail: compare them between changes.

Usage: DJANGO_SETTINGS_MODULE=config.settings.dev python scripts/bench.py [N]
"""

import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import logging  # noqa: E402

import django  # noqa: E402

django.setup()
logging.disable(logging.WARNING)

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Page  # noqa: E402


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    client = Client(HTTP_HOST="localhost")
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1)]
    urls.append("/nie-ma-takiej-strony/")
    print(
        f"{'url':60} {'status':>6} {'queries':>7} {'median ms':>9} {'p95 ms':>7} "
        f"{'KiB':>6} {'peak alloc KiB':>14}"
    )
    for url in urls:
        response = client.get(url)  # warm up
        queries = []

        def count(execute, sql, *args, queries=queries):
            queries.append(sql)
            return execute(sql, *args)

        with connection.execute_wrapper(count):
            client.get(url)
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        tracemalloc.start()
        client.get(url)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        timings.sort()
        print(
            f"{url:60} {response.status_code:>6} {len(queries):>7} "
            f"{statistics.median(timings):>9.1f} {timings[int(0.95 * runs) - 1]:>7.1f} "
            f"{len(response.content) / 1024:>6.1f} {peak / 1024:>14.0f}"
        )


if __name__ == "__main__":
    main()

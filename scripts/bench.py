"""What public pages cost, each beside a hello-world view of the same run:
queries and median render CPU time in-process (page cache off), then
requests per second under gunicorn with the production settings (page cache
off and on). ``BENCH_ONLY`` (space-separated addresses) times those instead
of every page. Figures, not a test. Run `make bench`.
Usage: python scripts/bench.py [SECONDS_PER_URL] [PORT]"""

import http.client
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import logging  # noqa: E402

import django  # noqa: E402

django.setup()
logging.disable(logging.WARNING)

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Page  # noqa: E402

from scripts.production_server import production_env, start_gunicorn  # noqa: E402

HELLO = "/bench-hello/"
CLIENTS = 4  # concurrent connections


def public_urls():
    urls = [
        page.url for page in Page.objects.live().filter(depth__gt=1).order_by("path")
    ]
    urls += ["/szukaj/", "/en/search/", "/szukaj/?query=kaskada"]
    urls += ["/en/search/?query=zatrasie", "/robots.txt", "/sitemap.xml"]
    urls += ["/api/partnerships.json", "/api/organizations.json"]
    return [url for url in urls if url]


RUNS = int(os.environ.get("BENCH_RUNS", "20"))


def in_process(urls, runs=RUNS):
    """url -> (queries, median render CPU ms), the page cache off."""
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    client = Client(HTTP_HOST="localhost")
    figures = {}
    for url in urls:
        client.get(url)  # warm up
        queries = []  # counted as run (DEBUG's query log is capped)

        def count(execute, sql, *args, queries=queries):
            queries.append(sql)
            return execute(sql, *args)

        with connection.execute_wrapper(count):
            client.get(url)
        timings = []
        for _ in range(runs):
            start = time.process_time()
            client.get(url)
            timings.append((time.process_time() - start) * 1000)
        figures[url] = (len(queries), statistics.median(timings))
    return figures


def serve(port, cache_seconds):
    env = production_env(port, DJANGO_PAGE_CACHE_SECONDS=str(cache_seconds))
    return start_gunicorn(port, env)


def fetch(port, url):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(
            "GET",
            url,
            headers={
                "Host": "localhost",
                "X-Forwarded-Proto": "https",
                "Accept-Encoding": "gzip",
            },
        )
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def requests_per_second(port, url, seconds):
    for _ in range(4):
        fetch(port, url)  # warm up both workers (and the page cache)
    counts = [0] * CLIENTS
    stop = time.perf_counter() + seconds

    def run(slot):
        while time.perf_counter() < stop:
            if fetch(port, url) == 200:
                counts[slot] += 1

    threads = [threading.Thread(target=run, args=(slot,)) for slot in range(CLIENTS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.perf_counter() - start)


def under_server(urls, port, cache_seconds, seconds):
    process = serve(port, cache_seconds)
    try:
        hello = requests_per_second(port, HELLO, seconds)
        return hello, {url: requests_per_second(port, url, seconds) for url in urls}
    finally:
        process.terminate()
        process.wait()


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8149
    urls = os.environ.get("BENCH_ONLY", "").split() or public_urls()
    figures = in_process(urls)
    hello_off, off = under_server(urls, port, 0, seconds)
    hello_on, on = under_server(urls, port, 600, seconds)
    print(
        f"hello world: {hello_off:.0f} req/s (cache-off run), "
        f"{hello_on:.0f} req/s (cache-on run); gunicorn 2 workers, "
        f"{CLIENTS} clients, {seconds:g} s a page"
    )
    print(
        f"{'url':56} {'queries':>7} {'cpu ms':>9} {'uncached/s':>10} "
        f"{'× hello':>7} {'cached/s':>8} {'× hello':>7}"
    )
    for url in urls:
        queries, render = figures[url]
        print(
            f"{url:56} {queries:>7} {render:>9.1f} {off[url]:>10.0f} "
            f"{off[url] / hello_off:>7.3f} {on[url]:>8.0f} {on[url] / hello_on:>7.3f}"
        )


if __name__ == "__main__":
    main()

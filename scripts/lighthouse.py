"""Lighthouse (mobile) scores of the home page, the partnerships index, a
partnership page and the directory, served by gunicorn with the production
settings; the four categories of each, and the JSON reports in
artifacts/lighthouse/.

Run `make lighthouse` (it installs npm's lighthouse into .lighthouse/,
git-ignored, and uses Debian's Chromium at /usr/bin/chromium or CHROME_PATH).

Usage: python scripts/lighthouse.py [PORT]
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.chromium import CHROMIUM_ARGS  # noqa: E402
from scripts.production_server import production_env, start_gunicorn  # noqa: E402

PAGES = [
    "/",
    "/wspolpraca/partnerstwa-lokalne/",
    "/wspolpraca/partnerstwa-lokalne/marymont-kaskada/",
    "/wspolpraca/z-kim-wspolpracujemy/",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = " ".join(CHROMIUM_ARGS)
ATTEMPTS = 3


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8148
    server = start_gunicorn(port, production_env(port))
    reports = ROOT / "artifacts" / "lighthouse"
    reports.mkdir(parents=True, exist_ok=True)
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    try:
        print(f"{'page':52} " + " ".join(f"{name:>14}" for name in CATEGORIES))
        for page in PAGES:
            out = reports / (page.strip("/").replace("/", "_") or "home")
            command = [
                str(ROOT / ".lighthouse/node_modules/.bin/lighthouse"),
                f"http://localhost:{port}{page}",
                "--form-factor=mobile",
                "--output=json",
                f"--output-path={out}.json",
                "--quiet",
                f"--chrome-flags={CHROME_FLAGS}",
            ]
            # Lighthouse in headless Chromium now and then loses the trace
            # of a load ("NO_NAVSTART"): the page is measured again.
            for attempt in range(1, ATTEMPTS + 1):
                run = subprocess.run(  # noqa: S603
                    command, env=dict(os.environ, CHROME_PATH=chrome), check=False
                )
                if run.returncode == 0:
                    break
                print(f"{page}: lighthouse failed (attempt {attempt})", flush=True)
            else:
                raise SystemExit(f"{page}: lighthouse failed {ATTEMPTS} times")
            result = json.loads(Path(f"{out}.json").read_text())
            scores = [result["categories"][name]["score"] for name in CATEGORIES]
            print(f"{page:52} " + " ".join(f"{round(s * 100):>14}" for s in scores))
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()

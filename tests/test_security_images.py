"""Image uploads cannot exhaust a worker: at most
WAGTAILIMAGES_MAX_IMAGE_PIXELS (24 MP) are accepted, an image over it is
refused before it is decoded, and checking plus rendering an accepted image
just under the limit stays under a measured memory ceiling. Each case runs
in a fresh process (tests/image_memory_probe.py) and reads its peak RSS."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image as PILImage

REPO = Path(__file__).resolve().parents[1]
# Decoding 24 MP of RGBA is 96 MB; Willow's copy and the renditions about as
# much again. Measured: +209 MB for 6000×3990 RGBA.
CEILING_MB = 260


def probe(path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "PYTHONPATH": str(REPO),
    }
    result = subprocess.run(  # noqa: S603 (the test's own script)
        [sys.executable, str(REPO / "tests" / "image_memory_probe.py"), str(path)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    verdict, before, peak = result.stdout.split()
    return verdict, int(peak) - int(before)


def test_pixel_limit_suits_logos_and_photos():
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 24_000_000
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS >= 6000 * 4000  # a 24 MP photo


@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
def test_an_image_just_under_the_limit_stays_under_the_ceiling(tmp_path, mode):
    path = tmp_path / "near.png"
    PILImage.new(mode, (6000, 3990), (11, 93, 75)).save(path)
    assert path.stat().st_size < 200_000  # small file, many pixels
    verdict, grew = probe(path)
    assert verdict == "accepted"
    assert grew < CEILING_MB, f"{grew} MB"


def test_the_issues_6320_square_png_is_refused_without_decoding(tmp_path):
    path = tmp_path / "over.png"
    PILImage.new("RGB", (6320, 6320), (11, 93, 75)).save(path)
    assert path.stat().st_size < 200_000
    verdict, grew = probe(path)
    assert verdict == "refused"
    assert grew < 20, f"{grew} MB"  # was ~490 MB before the header check

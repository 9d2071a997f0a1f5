"""Every interface catalogue compiles cleanly: a broken plural form or format
string would otherwise show an untranslated (English) phrase to librarians."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"


@pytest.mark.parametrize("po", sorted(LOCALE.glob("*/LC_MESSAGES/*.po")), ids=str)
def test_catalogue_passes_msgfmt_check(po):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.fail("msgfmt (GNU gettext) is not installed: apt-get install gettext")
    result = subprocess.run(  # noqa: S603 - msgfmt on our own catalogues
        [msgfmt, "--check", "-o", os.devnull, str(po)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr

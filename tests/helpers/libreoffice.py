"""Open a document in LibreOffice as a reader would, converting it to another format."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def soffice_or_skip() -> str:
    """LibreOffice's command; skipped where it is absent, failed where the test command installed it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("ATELIER_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice should have been installed by the test command")
        pytest.skip("LibreOffice is not installed (packaging/bootstrap.py test installs it on Debian)")
    return soffice


def convert(source: Path, to: str, outdir: Path, profile: Path) -> Path:
    """Convert `source` to `to` (« pdf », « html ») in `outdir`; the converted file, or a failure saying why.

    LibreOffice exits 0 without writing anything when it has no filter for the document
    (a workbook without Calc installed): that is said, not read as a missing file later.
    """
    soffice = soffice_or_skip()
    done = subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{profile}",
            "--convert-to",
            to,
            "--outdir",
            str(outdir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    target = outdir / f"{source.stem}.{to}"
    assert done.returncode == 0, done.stderr
    if not target.exists() and source.suffix == ".xlsx":
        calc = Path(soffice).resolve().parent / "libsclo.so"
        assert calc.exists(), "LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui)"
    assert target.exists(), f"LibreOffice wrote no {target.name}: {done.stdout} {done.stderr}"
    return target

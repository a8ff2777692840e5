"""LibreOffice, run headless as the tests' real spreadsheet program and word processor."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice")


def convert_to_pdf(workbook: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Headless conversion with a profile of its own, so parallel runs never collide."""
    profile = out / "profile"
    env = {**os.environ, "HOME": str(out / "home")}
    return subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        check=False,
    )


def pdf_pages(pdf: Path) -> int:
    """How many pages the PDF ``pdf`` has."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))

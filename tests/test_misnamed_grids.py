"""A file given to import under a name that hides what it is gets the real cause in one
French sentence: a workshop file (« ouvrez-le »), an Office file renamed .csv or .txt, an old
Excel file renamed .csv — not « encodage inconnu » or « format non pris en charge »."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
GRID_DOCX = ROOT / "examples" / "grille-atelier-2021-03-16.docx"

CASES = {
    "workshop named .csv": (EXAMPLE, "grille.csv", "est un fichier d'atelier, pas une grille"),
    "workshop given to --into itself": (
        EXAMPLE,
        "atelier.atelier",
        "est un fichier d'atelier, pas une grille",
    ),
    "Word file named .txt": (GRID_DOCX, "grille.txt", "est un fichier Word ou Excel (.docx, .xlsx)"),
    "Word file named .csv": (GRID_DOCX, "grille.csv", "est un fichier Word ou Excel (.docx, .xlsx)"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_misnamed_file_is_called_what_it_is(name: str, tmp_path: Path) -> None:
    source, called, expected = CASES[name]
    path = tmp_path / called
    shutil.copy(source, path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if name == "workshop given to --into itself":
        done = run_cli("import", str(path), "--into", str(path))
    else:
        done = run_cli("import", str(path), "-o", str(tmp_path / "x.atelier"))
    assert done.returncode == 1, done.stdout
    (sentence,) = done.stderr.strip().splitlines()
    assert expected in sentence, sentence
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == [called]


def _png() -> bytes:
    """A real one-pixel PNG image."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


# A PDF saved from the grid, uncompressed: every byte ASCII, read as a CSV of seven rows.
_PDF = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj
4 0 obj << /Length 44 >> stream
BT /F1 24 Tf 100 700 Td (Participant;Besoins) Tj ET
endstream endobj
trailer << /Size 5 /Root 1 0 R >>
%%EOF
"""

PICTURES = {
    "PNG named .csv": (_png(), "grille.csv", "est une image (PNG), pas une grille"),
    "PNG named .txt": (_png(), "grille.txt", "est une image (PNG), pas une grille"),
    "PDF named .csv": (_PDF, "grille.csv", "est un document PDF, pas une grille"),
    "PDF named .txt": (_PDF, "grille.txt", "est un document PDF, pas une grille"),
    "PDF named .docx": (_PDF, "grille.docx", "est un document PDF, pas une grille"),
    "PDF as it is": (_PDF, "grille.pdf", "est un document PDF, pas une grille"),
}


@pytest.mark.parametrize("name", list(PICTURES))
def test_an_image_or_a_pdf_given_as_a_grid_is_said_to_be_one(name: str, tmp_path: Path) -> None:
    """A PDF of the grid renamed .csv was imported as « 7 participants » named « BT /F1 24 Tf
    100 700 Td (Participant » and « Fichier créé »; a PNG was « encodage inconnu »: what
    the file is, in one sentence, and nothing written."""
    content, called, expected = PICTURES[name]
    path = tmp_path / called
    path.write_bytes(content)
    done = run_cli("import", str(path), "-o", str(tmp_path / "x.atelier"))
    assert done.returncode == 1, done.stdout
    assert done.stdout == ""
    (sentence,) = done.stderr.strip().splitlines()
    assert expected in sentence.replace("\xa0", " "), sentence
    assert "Word" in sentence and "Excel" in sentence, sentence
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == [called]

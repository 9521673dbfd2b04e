"""A need that names a structure in the room asks for that very participant: Atelier says so
(« Le besoin cite « Cité de l'emploi » : Martine Colin Rabouan … est là »), and that suggestion
is « possible » at least. Said « à vérifier », it reached neither the minutes' leads nor her
page, which then told her nobody looked for what she does (tester55's F2). Real files, read as
`atelier match` prints them and as the participant pages (Word) say them."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _said(out: str, who: str) -> str:
    """The line `atelier match` prints for `who`'s suggestion under the need quoted."""
    out = out.replace("\u00a0", " ").replace("\u202f", " ")
    return next(line for line in out.splitlines() if line.lstrip().startswith(f"← {who}"))


def test_the_named_participant_already_among_the_places_is_not_said_to_be_checked(tmp_path: Path) -> None:
    """The example: Sandrine Lassourelle's need ends « (exemple de la Cité de l'emploi) », and
    Martine Colin Rabouan of the Cité de l'emploi à Tarbes was among its five places on her own
    words, at « à vérifier », the last. Now at least « possible »; and her page says Sandrine
    may be interested, not that nobody looks for what she does."""
    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    done = run_cli("match", str(path), "--save", env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    out = done.stdout.replace("\u00a0", " ").replace("\u202f", " ")
    block = out[out.index("Sandrine Lassourelle (Grand Dax) cherche : avoir de la méthode") :]
    block = block[: block.index("\n\n")]
    line = _said(block, "Martine Colin Rabouan (Cité de l'emploi à Tarbes)")
    assert "à vérifier" not in line, line
    assert "possible" in line or "très probable" in line, line
    pages = tmp_path / "fiches.docx"
    done = run_cli("export", str(path), "--fiches", str(pages), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    text = [p.text for p in docx.Document(str(pages)).paragraphs]
    start = text.index("Martine Colin Rabouan")
    end = next(i for i in range(start + 1, len(text)) if text[i] == "Gustave Buzaud")
    hers = "\n".join(text[start:end])
    assert "n'a repéré personne" not in hers, hers
    assert "pourrait intéresser Sandrine Lassourelle" in hers, hers

"""An export to a name ending in .atelier is refused (a workshop file is never written by an
export), and the refusal tells the one extension that option writes: « .docx » for the
minutes, « .xlsx » for the workbook, never a list of every format's."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant
from atelier.store import Store

from .conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
OTHERS = (".json", ".xlsx", ".docx")


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize(
    ("option", "suffix"),
    [("--docx", ".docx"), ("--xlsx", ".xlsx"), ("--fiches", ".docx"), ("--json", ".json")],
)
def test_an_export_named_atelier_is_refused_naming_its_own_extension(
    option: str, suffix: str, tmp_path: Path
) -> None:
    source = tmp_path / "mars.atelier"
    shutil.copy(EXAMPLE, source)
    other = tmp_path / "avril.atelier"
    shutil.copy(EXAMPLE, other)
    before = _digests(tmp_path)
    for target, force in (("nouveau.atelier", ()), (str(other), ("--force",))):
        for lang, said in (("fr", f"choisissez un autre nom, en {suffix}."), ("en", f"ending in {suffix}.")):
            refused = run_cli(
                "export", str(source), option, target, *force, cwd=tmp_path, env={"ATELIER_LANG": lang}
            )
            assert refused.returncode == 1, refused.stdout
            (line,) = refused.stderr.strip().splitlines()
            assert said in line, line
            for another in OTHERS:  # only the extension this option writes
                assert another == suffix or another not in line, line
            assert _digests(tmp_path) == before


def test_the_follow_up_workbook_named_atelier_is_refused_naming_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "suivi.atelier"
    with Store.create(path, title="Atelier du 15 mars 2022", date="2022-03-15") as store:
        workshop_id = store.workshops()[0].id
        lucie = store.add_participant(Participant(workshop_id, names=["Lucie Leroy"], organisation="PLIE"))
        cecile = store.add_participant(Participant(workshop_id, names=["Cécile Dallet"], organisation="ML"))
        need = store.add_item(Item(lucie.id, ItemKind.NEED, "des bénévoles"))
        offer = store.add_item(Item(cecile.id, ItemKind.OFFER, "un réseau de bénévoles"))
        store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.CONFIRMED, 0.5, ["bénévoles"]))
    before = _digests(tmp_path)
    refused = run_cli("suivi", str(path), "--xlsx", "suivi-mars.atelier", cwd=tmp_path)
    assert refused.returncode == 1, refused.stdout
    (line,) = refused.stderr.strip().splitlines()
    assert "choisissez un autre nom, en .xlsx." in line and ".json" not in line and ".docx" not in line, line
    assert _digests(tmp_path) == before

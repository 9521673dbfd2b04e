"""Names given without their extension. `import -o monatelier` writes « monatelier.atelier »,
but `export monatelier …` said « Le fichier « monatelier » est introuvable. »; and `export F
--docx cr` wrote a Word document named « cr », which Word does not open on a double-click.
Now a workshop file is found by its name without .atelier, an export gets its format's
extension as the import's output does (said as written), and neither ever replaces a file
other than the one named."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from .conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
NB = "\u00a0"


def _sums(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_an_export_named_without_extension_gets_its_format_s(tmp_path: Path) -> None:
    (tmp_path / "monatelier.atelier").write_bytes(EXAMPLE.read_bytes())
    for option, name, written in (("--docx", "cr", "cr.docx"), ("--xlsx", "tab", "tab.xlsx")):
        done = run_cli("export", "monatelier.atelier", option, name, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert not (tmp_path / name).exists() and zipfile.is_zipfile(tmp_path / written)
        assert f"Exporté{NB}: {written}" in done.stdout, done.stdout
    fiches = run_cli("export", "monatelier.atelier", "--fiches", "fiches", cwd=tmp_path)
    assert fiches.returncode == 0, fiches.stderr
    assert zipfile.is_zipfile(tmp_path / "fiches.docx")
    json = run_cli("export", "monatelier.atelier", "--json", "donnees", cwd=tmp_path)
    assert json.returncode == 0, json.stderr
    assert (tmp_path / "donnees.json").read_text(encoding="utf-8").startswith("{")


def test_an_export_never_replaces_the_file_with_the_extension_added(tmp_path: Path) -> None:
    """« cr.docx » is there: `--docx cr --force` names « cr », not it; refused, nothing written."""
    (tmp_path / "monatelier.atelier").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "cr.docx").write_bytes(b"le compte rendu relu par la directrice")
    before = _sums(tmp_path)
    for lang, said in (("fr", f"«{NB}cr.docx{NB}» existe déjà"), ("en", "“cr.docx” already exists")):
        done = run_cli(
            "export",
            "monatelier.atelier",
            "--docx",
            "cr",
            "--force",
            cwd=tmp_path,
            env={"ATELIER_LANG": lang},
        )
        assert done.returncode == 1
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(said), done.stderr
        assert _sums(tmp_path) == before


def test_a_workshop_file_is_found_without_its_extension(tmp_path: Path) -> None:
    (tmp_path / "monatelier.atelier").write_bytes(EXAMPLE.read_bytes())
    before = _sums(tmp_path)
    info = run_cli("info", "monatelier", cwd=tmp_path)
    assert info.returncode == 0, info.stderr
    assert "monatelier.atelier" in info.stdout.splitlines()[0], info.stdout
    exported = run_cli("export", "monatelier", "--docx", "cr.docx", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "cr.docx").exists()
    (tmp_path / "cr.docx").unlink()
    assert _sums(tmp_path) == before


def test_a_name_that_is_there_is_the_file_read_and_a_missing_one_is_said(tmp_path: Path) -> None:
    """« monatelier » itself there (not a workshop file): that is the file read, and refused;
    neither there: « introuvable », under the name given."""
    (tmp_path / "monatelier.atelier").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "monatelier").write_text("mes notes", encoding="utf-8")
    before = _sums(tmp_path)
    done = run_cli("info", "monatelier", cwd=tmp_path)
    assert done.returncode == 1 and "n'est pas un fichier Atelier" in done.stderr, done.stderr
    missing = run_cli("info", "autre", cwd=tmp_path)
    assert missing.returncode == 1
    assert missing.stderr.strip() == f"Le fichier «{NB}autre{NB}» est introuvable.", missing.stderr
    assert _sums(tmp_path) == before


def _followed(tmp_path: Path) -> Path:
    """A workshop file with one decided match to follow up."""
    from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant
    from atelier.store import Store

    path = tmp_path / "suivi.atelier"
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        workshop = store.workshops()[0]
        lucie = store.add_participant(Participant(workshop.id, names=["Lucie Leroy"], organisation="PLIE"))
        paul = store.add_participant(Participant(workshop.id, names=["Paul Girard"], organisation="CCAS"))
        need = store.add_item(Item(lucie.id, ItemKind.NEED, "Salle pour un forum"))
        room = store.add_item(Item(paul.id, ItemKind.OFFER, "Salle de réunion"))
        store.add_match(Match(workshop.id, need.id, room.id, MatchStatus.CONFIRMED, 0.5))
    return path


def test_the_follow_up_named_without_extension_gets_xlsx_as_an_export_does(tmp_path: Path) -> None:
    """tester55 F11: `suivi F --xlsx notes --force` wrote an Excel file called « notes » over the
    user's text file « notes »; `export F --xlsx notes` writes « notes.xlsx »."""
    _followed(tmp_path)
    (tmp_path / "notes").write_text("mes notes importantes", encoding="utf-8")
    notes = _sums(tmp_path)["notes"]
    done = run_cli("suivi", "suivi.atelier", "--xlsx", "notes", "--force", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Suivi exporté (1 mise en relation suivie){NB}: notes.xlsx", done.stdout
    assert _sums(tmp_path)["notes"] == notes  # the text file untouched
    assert zipfile.is_zipfile(tmp_path / "notes.xlsx")
    # « notes.xlsx » there now: `--xlsx notes --force` does not name it, refused as export refuses
    before = _sums(tmp_path)
    again = run_cli("suivi", "suivi.atelier", "--xlsx", "notes", "--force", cwd=tmp_path)
    assert again.returncode == 1
    lines = again.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"«{NB}notes.xlsx{NB}» existe déjà"), again.stderr
    assert _sums(tmp_path) == before

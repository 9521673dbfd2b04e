"""A workshop whose title the facilitator typed between guillemets (« « Mobilité » ») or
quotation marks is quoted once in what the command line says, as in the documents
(`french.without_quotes`): « atelier « « Mobilité » » » was printed on creating it, listing it,
and refusing to delete it; the title kept in the file is as typed."""

from __future__ import annotations

from pathlib import Path

from atelier.store import Store

from .conftest import run_cli

NB = "\u00a0"


def test_a_title_typed_in_guillemets_is_quoted_once(tmp_path: Path) -> None:
    path = tmp_path / "F.atelier"
    typed = f"«{NB}Mobilité{NB}»"
    made = run_cli("new", str(path), "--title", typed, "--date", "2026-03-16", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert f"atelier «{NB}Mobilité{NB}» du 16 mars 2026." in made.stdout, made.stdout
    listed = run_cli("ateliers", str(path), cwd=tmp_path)
    assert f"16/03/2026  «{NB}Mobilité{NB}» — " in listed.stdout, listed.stdout
    refused = run_cli("ateliers", str(path), "--delete", "Mobilité", "--oui", cwd=tmp_path)
    assert refused.returncode != 0
    said = refused.stdout + refused.stderr
    assert f"«{NB}Mobilité{NB}» est le seul atelier du fichier" in said, said
    for text in (made.stdout, listed.stdout, said):
        assert "««" not in text.replace(NB, "") and "»»" not in text.replace(NB, ""), text
    with Store.open(path, readonly=True) as store:
        assert [w.title for w in store.workshops()] == [typed]  # kept as typed


def test_a_title_typed_in_quotation_marks_in_english(tmp_path: Path) -> None:
    path = tmp_path / "G.atelier"
    english = {"ATELIER_LANG": "en"}
    made = run_cli("new", str(path), "--title", '"Emploi"', "--date", "2026-03-16", env=english)
    assert made.returncode == 0, made.stderr
    listed = run_cli("workshops", str(path), env=english)
    assert "16 March 2026  “Emploi” — " in listed.stdout, listed.stdout
    assert "workshop “Emploi” of 16 March 2026." in made.stdout, made.stdout
    assert '“"' not in made.stdout + listed.stdout

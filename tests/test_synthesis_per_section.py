"""What the minutes' synthesis states stays true section by section. A section the facilitator
rewrote keeps their text; the sections they never touched are drafted again from the grid as
it is at export (one typo fixed in one section no longer freezes every figure of the others).
A rewritten section whose figures have changed since is never printed silently: the export
(command line and window) and the synthesis editor say which section to read again, and the
editor redrafts it from the grid when asked."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import docx
from PySide6.QtCore import Qt

from atelier.store import SCHEMA_VERSION, Store

from .conftest import ROOT, example_window, run_cli
from .helpers.synthesis import figures_in

GRID = ROOT / "examples" / "grille-atelier-2021-03-16.txt"
FIXTURES = Path(__file__).parent / "fixtures"
NBSP = "\u00a0"


def _stale(heading: str) -> str:
    return (
        f"La section «{NBSP}{heading}{NBSP}» a été modifiée à la main avant les derniers changements "
        f"de la grille{NBSP}: relisez ses chiffres."
    )


def _one_more_participant(tmp_path: Path, path: Path) -> None:
    """One more participant, with an action, a challenge, a need and an offer (as a facilitator
    adds a late arrival), through the command line's import."""
    grid = tmp_path / "grille.txt"
    shutil.copy(GRID, grid)
    with grid.open("a", encoding="utf-8") as out:
        out.write(
            "\nZoé Nouvelle / CC des Deux Rives\tun forum de l'emploi\tun défi neuf"
            "\tun lieu pour les permanences\tun minibus\n"
        )
    done = run_cli("import", str(grid), "--into", str(path))
    assert done.returncode == 0, done.stderr


def _sections(minutes: Path) -> dict[str, str]:
    """Each heading of « Synthèse des échanges » and the text under it."""
    paragraphs = docx.Document(str(minutes)).paragraphs
    out: dict[str, str] = {}
    heading = None
    inside = False
    for p in paragraphs:
        if p.style.name == "Heading 1":
            inside = p.text == "Synthèse des échanges"
            heading = None
            continue
        if not inside:
            continue
        if p.style.name == "Heading 2":
            heading = p.text
            out[heading] = ""
        elif heading is not None:
            out[heading] = (out[heading] + "\n" + p.text).strip()
    return out


def _plain(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace(NBSP, " ").split())


def _edit(qtbot, dialog, row: int, typed: str) -> str:
    """Select the section at `row` in the list and type `typed` at the end of its text; the text
    the editor showed before, returned."""
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Home)
    for _ in range(row):
        qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    dialog.body.setFocus()
    before = dialog.body.toPlainText()
    qtbot.keyClick(dialog.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.body, typed)
    return before


def _export(path: Path, minutes: Path):
    done = run_cli("export", str(path), "--docx", str(minutes), "--force")
    assert done.returncode == 0, done.stderr
    return done


def _drafted(path: Path, heading: str) -> str:
    """The section `heading` as Atelier drafts it from the grid in `path` now."""
    from atelier.exports import drafted_sections, gather

    with Store.open(path, readonly=True) as store:
        data = gather(store, store.workshops()[0].id)
    return dict(drafted_sections(data))[heading]


def test_one_section_edited_the_others_still_say_what_the_grid_says(qtbot, tmp_path: Path) -> None:
    window = example_window(qtbot, tmp_path)
    # the editor opens: Atelier's draft is saved
    dialog = figures_in(qtbot, window.edit_synthesis(show=False))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert [dialog.list.item(n).text() for n in range(2)] == ["Le contexte", "Ce qui est déjà engagé"]
    before = _edit(qtbot, dialog, 1, " Une coquille en moins.")
    counted = re.search(r"Les (\d+) actions présentées", before)
    assert counted, before
    dialog.close()
    path = window.store.path
    window.close()
    _one_more_participant(tmp_path, path)

    minutes = tmp_path / "cr.docx"
    done = _export(path, minutes)
    sections = _sections(minutes)
    # Untouched: drafted again, its figures those of the grid now.
    assert sections["Le contexte"].startswith("25 participants (23 lignes de la grille)"), sections[
        "Le contexte"
    ]
    assert sections["Les besoins de ressources"].startswith("Les 15 besoins"), sections
    # Edited: the facilitator's text, kept word for word; its figures changed since (one action
    # more now): said.
    kept = "\n".join(line.removeprefix("- ") for line in (before + " Une coquille en moins.").splitlines())
    assert _plain(sections["Ce qui est déjà engagé"]) == _plain(kept), sections
    redrafted = _drafted(path, "Ce qui est déjà engagé")
    assert f"Les {int(counted.group(1)) + 1} actions présentées" in redrafted, redrafted
    assert done.stderr.strip().splitlines() == [_stale("Ce qui est déjà engagé")], done.stderr


def test_an_edited_section_whose_figures_changed_is_marked_and_redrafted_when_asked(
    qtbot, tmp_path: Path
) -> None:
    window = example_window(qtbot, tmp_path)
    dialog = figures_in(qtbot, window.edit_synthesis(show=False))
    dialog.show()
    qtbot.waitExposed(dialog)
    _edit(qtbot, dialog, 0, " Merci pour tout.")
    dialog.close()
    path = window.store.path
    window.close()
    minutes = tmp_path / "cr.docx"
    assert _export(path, minutes).stderr.strip() == ""  # the grid has not changed: nothing to say
    _one_more_participant(tmp_path, path)

    done = _export(path, minutes)
    context = _sections(minutes)["Le contexte"]
    assert context.startswith("24 participants (22 lignes de la grille)") and context.endswith(
        "Merci pour tout."
    ), context
    assert done.stderr.strip().splitlines() == [_stale("Le contexte")], done.stderr

    # The window's export says it too, below « Exporté ».
    window = example_window(qtbot, tmp_path)
    exporting = window.export_office(show=False)
    exporting.show()
    qtbot.waitExposed(exporting)
    out = tmp_path / "exports"
    out.mkdir()
    exporting.folder.setText(str(out))
    exporting.excel.setChecked(False)
    exporting.fiches.setChecked(False)
    qtbot.keyClick(exporting.export_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not exporting.running, timeout=60_000)
    assert exporting.error is None
    lines = exporting.message.text().splitlines()
    assert lines[0].startswith("Exporté") and lines[1:] == [_stale("Le contexte")], lines
    exporting.close()

    # The editor marks that section, and no other; its button redrafts it from the grid.
    dialog = figures_in(qtbot, window.edit_synthesis(show=False))
    dialog.show()
    qtbot.waitExposed(dialog)
    marked = [
        dialog.list.item(n).text() for n in range(dialog.list.count()) if "⚠" in dialog.list.item(n).text()
    ]
    assert marked == ["⚠ Le contexte"], marked
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Home)
    assert dialog.stale_box.isVisible()
    assert "relisez ses chiffres" in dialog.stale_label.text()
    assert dialog.body.toPlainText().endswith("Merci pour tout.")
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    assert not dialog.stale_box.isVisible()  # an untouched section: nothing to read again
    qtbot.keyClick(dialog.list, Qt.Key.Key_Home)
    dialog.redraft_one_button.setFocus()
    qtbot.keyClick(dialog.redraft_one_button, Qt.Key.Key_Space)
    assert dialog.body.toPlainText().startswith("25 participants (23 lignes de la grille)"), (
        dialog.body.toPlainText()
    )
    assert not dialog.stale_box.isVisible()
    assert dialog.list.item(0).text() == "Le contexte"
    # Undoable as any edit: Ctrl+Z gives the facilitator's text back, marked again.
    window.model.undo_stack.undo()
    assert dialog.body.toPlainText().endswith("Merci pour tout.")
    assert dialog.list.item(0).text() == "⚠ Le contexte"
    window.model.undo_stack.redo()
    dialog.close()
    window.close()
    done = _export(path, minutes)
    assert done.stderr.strip() == "", done.stderr
    assert _sections(minutes)["Le contexte"].startswith("25 participants (23 lignes de la grille)")


def test_figures_read_again_by_the_facilitator_are_no_longer_said(qtbot, tmp_path: Path) -> None:
    window = example_window(qtbot, tmp_path)
    dialog = figures_in(qtbot, window.edit_synthesis(show=False))
    dialog.show()
    qtbot.waitExposed(dialog)
    _edit(qtbot, dialog, 0, " Merci pour tout.")
    dialog.close()
    path = window.store.path
    window.close()
    _one_more_participant(tmp_path, path)
    window = example_window(qtbot, tmp_path)
    dialog = figures_in(qtbot, window.edit_synthesis(show=False))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.stale_box.isVisible()
    dialog.reviewed_button.setFocus()
    qtbot.keyClick(dialog.reviewed_button, Qt.Key.Key_Space)
    assert not dialog.stale_box.isVisible()
    assert dialog.body.toPlainText().endswith("Merci pour tout.")  # the text stays as written
    dialog.close()
    window.close()
    minutes = tmp_path / "cr.docx"
    assert _export(path, minutes).stderr.strip() == ""
    assert _sections(minutes)["Le contexte"].endswith("Merci pour tout.")


def test_an_older_file_with_an_edited_synthesis_keeps_every_section_and_warns_only_on_changed_figures(
    tmp_path: Path,
) -> None:
    """Format 10 said only whether the synthesis as a whole was edited: its sections are all
    kept as written, as before, and said to be read again only when the grid's figures now
    differ from those the section states."""
    from atelier.exports import drafted_sections, gather

    path = tmp_path / "ancien.atelier"
    shutil.copy(FIXTURES / "format-v10.atelier", path)
    with Store.open(path, readonly=True) as store:  # read only: not migrated
        workshop_id = store.workshops()[0].id
        drafts = drafted_sections(gather(store, workshop_id, lang="fr"))
    headings = [h for h, _ in drafts]
    assert headings[0] == "Le contexte" and "Les besoins de ressources" in headings, headings
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 10
    for n, (heading, body) in enumerate(drafts):
        edited = '{"body": "2026-01-01T00:00:00Z"}' if n == 0 else "{}"
        conn.execute(
            "INSERT INTO synthesis_sections"
            " (id, workshop_id, position, heading, body, created, updated, edited)"
            " VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', ?)",
            (f"s{n}", workshop_id, n, heading, body + (" Merci." if n == 0 else ""), edited),
        )
    conn.commit()
    conn.close()
    minutes = tmp_path / "cr.docx"
    done = _export(path, minutes)  # read only: the file is not migrated by an export
    assert done.stderr.strip() == "", done.stderr
    with Store.open(path) as store:  # migrated
        assert store.format_version == SCHEMA_VERSION
        participant = store.participants(workshop_id)[0]
        from atelier.domain import Item, ItemKind

        store.add_item(Item(participant.id, ItemKind.NEED, "un besoin de plus, sur la mobilité"))
    done = _export(path, minutes)
    sections = _sections(minutes)
    # Every section kept as written (the untouched ones too, as format 10 printed them).
    assert [(h, sections[h]) for h, _ in drafts][0][1].endswith("Merci.")
    needs = next(body for h, body in drafts if h == "Les besoins de ressources")
    assert _plain(sections["Les besoins de ressources"]) == _plain(needs)
    # Said only of the sections whose figures now differ (the needs are counted in both).
    said = done.stderr.strip().splitlines()
    assert _stale("Les besoins de ressources") in said, said
    assert _stale("Le contexte") in said, said
    assert all(line.startswith("La section") for line in said), said


def test_the_editor_does_not_say_saved_before_what_is_typed_is_in_the_file(qtbot, tmp_path: Path) -> None:
    """The synthesis editor saves at a pause in the typing: once a first pause had saved, it
    went on saying « Enregistré » while the next words were typed, though a process killed
    then lost them. It says « Enregistrement… » until they are in the file."""
    window = example_window(qtbot, tmp_path)
    dialog = figures_in(qtbot, window.edit_synthesis(show=False))
    dialog.show()
    qtbot.waitExposed(dialog)

    def in_file() -> str:
        with Store.open(window.store.path, readonly=True) as store:
            workshop = store.workshops()[0].id
            return " ".join(section.body for section in store.synthesis_sections(workshop))

    _edit(qtbot, dialog, 1, " Une")
    qtbot.waitUntil(lambda: dialog.status.text() == "Enregistré")
    assert "Une" in in_file()
    for char in " coquille":
        qtbot.keyClicks(dialog.body, char)
        if dialog.status.text() == "Enregistré":
            assert dialog.body.toPlainText().split()[-1] in in_file(), dialog.status.text()
    assert dialog.status.text() == "Enregistrement…"
    qtbot.waitUntil(lambda: dialog.status.text() == "Enregistré")
    assert "Une coquille" in in_file()
    dialog.close()
    window.close()

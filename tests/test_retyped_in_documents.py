"""A confirmed match whose offer was retyped after the confirmation is marked ⚠ in the window
(« Texte modifié depuis la décision »). The documents staff send after the workshop must
say it too: the Word minutes' table of matches, each participant's page (fiches) and
`atelier suivi` said « mise en relation confirmée — suivi : à contacter » under a text the
people never agreed on, as if nothing had changed. Read back as a recipient reads them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from atelier.store import Store

from .conftest import run_cli
from .test_retyped_decision import _confirmed, _grid

# One wording across the window, the command line and the documents: « décision » (a match
# added by hand was never « confirmed »), as the window says it.
CHANGED_FR = "texte modifié depuis la décision"
CHANGED_EN = "text changed since the decision"


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _retyped(tmp_path: Path) -> tuple[Path, str]:
    target, workshop, match_id = _confirmed(tmp_path)
    again = run_cli(
        "import",
        str(_grid(tmp_path / "v2.csv", "financement Région")),
        "--into",
        str(target),
        "--workshop",
        workshop,
    )
    assert again.returncode == 0, again.stderr
    with Store.open(target, readonly=True) as store:
        assert store.match(match_id).retyped
    return target, match_id


def _rows(path: Path) -> list[str]:
    """Every table row of a Word file as one line of text, and every paragraph."""
    document = Document(str(path))
    rows = [_plain(" | ".join(c.text for c in r.cells)) for t in document.tables for r in t.rows]
    return rows + [_plain(p.text) for p in document.paragraphs]


def _fiche_of(path: Path, name: str) -> str:
    """The text of one participant's page: from its title (their name) to the next page's."""
    pages: dict[str, list[str]] = {}
    page: list[str] = []
    for paragraph in Document(str(path)).paragraphs:
        if paragraph.style.name == "Title":
            page = pages.setdefault(_plain(paragraph.text), [])
        page.append(_plain(paragraph.text))
    return "\n".join(pages[name])


def test_minutes_fiches_and_suivi_say_a_confirmed_match_stands_on_a_text_changed_since(
    tmp_path: Path,
) -> None:
    # Before the retype: nothing said (the mark is not on every confirmed match)
    (tmp_path / "clean").mkdir()
    clean, _workshop, _match = _confirmed(tmp_path / "clean")
    minutes = tmp_path / "clean" / "cr.docx"
    assert run_cli("export", str(clean), "--docx", str(minutes)).returncode == 0
    assert not any(CHANGED_FR in row.lower() for row in _rows(minutes))
    assert CHANGED_FR not in _plain(run_cli("suivi", str(clean)).stdout).lower()

    target, match_id = _retyped(tmp_path)

    # The minutes: the decided match's row says it, beside the new text
    minutes = tmp_path / "cr.docx"
    exported = run_cli("export", str(target), "--docx", str(minutes))
    assert exported.returncode == 0, exported.stderr
    rows = _rows(minutes)
    (row,) = [r for r in rows if "financement FSE" in r and "financement Région" in r and "|" in r]
    assert CHANGED_FR in row.lower(), row
    # …and only that row
    assert sum(CHANGED_FR in r.lower() for r in rows if "|" in r) == 1, rows

    # In English too
    english = tmp_path / "minutes.docx"
    assert run_cli("export", str(target), "--docx", str(english), env={"ATELIER_LANG": "en"}).returncode == 0
    (row,) = [r for r in _rows(english) if "financement FSE" in r and "financement Région" in r and "|" in r]
    assert CHANGED_EN in row.lower(), row

    # Each side's page (fiches): under the confirmed match
    fiches = tmp_path / "fiches.docx"
    made = run_cli("export", str(target), "--fiches", str(fiches))
    assert made.returncode == 0, made.stderr
    for name in ("Anne Martin", "Karim Benali"):
        page = _fiche_of(fiches, name)
        assert "financement Région" in page, page
        assert CHANGED_FR in page.lower(), page
    assert CHANGED_FR not in _fiche_of(fiches, "Julie Roux").lower()

    # `atelier suivi`: the listing, one match shown, and the JSON
    done = run_cli("suivi", str(target))
    assert done.returncode == 0, done.stderr
    listed = _plain(done.stdout)
    assert CHANGED_FR in listed.lower(), listed
    assert listed.lower().count(CHANGED_FR) == 1, listed
    shown = _plain(run_cli("suivi", str(target), match_id[:8], "--historique").stdout)
    assert CHANGED_FR in shown.lower(), shown
    english_list = _plain(run_cli("suivi", str(target), env={"ATELIER_LANG": "en"}).stdout)
    assert CHANGED_EN in english_list.lower(), english_list
    (entry,) = json.loads(run_cli("suivi", str(target), "--json").stdout)
    assert entry["retyped"]


@pytest.mark.usefixtures("no_modal_boxes")
def test_the_windows_follow_up_list_marks_a_match_whose_text_changed_since(qtbot, tmp_path: Path) -> None:
    """« Suivi » (Alt+2), where staff follow up after the workshop, says it as the card does."""
    from PySide6.QtCore import Qt

    from atelier.ui.followup_view import COL_STATE

    from .helpers.keyboard import active_window, key

    target, match_id = _retyped(tmp_path)
    window = active_window(qtbot, target)
    key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    view = window.followup
    assert window.pages.currentWidget() is view
    table = view.table.model()
    (row,) = range(table.rowCount())
    state = _plain(str(table.index(row, COL_STATE).data()))
    assert state.startswith("à contacter"), state
    assert "⚠ texte modifié depuis la décision" in state.lower(), state
    tip = _plain(str(table.index(row, COL_STATE).data(Qt.ItemDataRole.ToolTipRole)))
    assert "confirmez-la (Ctrl+Maj+C)" in tip, tip
    window.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_excel_status_marks_a_match_whose_text_changed_since(tmp_path: Path, lang: str) -> None:
    """The Excel sheet of matches said « confirmée » in « Statut » under the new text, where the
    minutes, the pages and « Suivi » say ⚠: its « Statut » says it in the minutes' words, on
    that row alone; before the retype, no row says it."""
    import openpyxl

    def statuses(path: Path, name: str) -> dict[tuple[str, str], str]:
        book = tmp_path / f"{name}-{lang}.xlsx"
        made = run_cli("export", str(path), "--xlsx", str(book), env={"ATELIER_LANG": lang})
        assert made.returncode == 0, made.stderr
        workbook = openpyxl.load_workbook(book)
        sheet = workbook["Mises en relation" if lang == "fr" else "Matches"]
        header = [c.value for c in sheet[1]]
        need, resource, status = (
            ("Besoin", "Ressource", "Statut") if lang == "fr" else ("Need", "Resource", "Status")
        )
        rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
        return {(r[need], r[resource]): r[status] for r in rows}

    changed = {"fr": CHANGED_FR, "en": CHANGED_EN}[lang]
    confirmed = {"fr": "confirmée", "en": "confirmed"}[lang]
    (tmp_path / "clean").mkdir()
    clean, _workshop, _match = _confirmed(tmp_path / "clean")
    before = statuses(clean, "before")
    assert before[("financement FSE", "financement FSE")] == confirmed, before
    assert not any(changed in str(s).lower() for s in before.values()), before
    target, _match_id = _retyped(tmp_path)
    after = statuses(target, "after")
    status = _plain(str(after[("financement FSE", "financement Région")]))
    assert status.startswith(confirmed) and f"⚠ {changed}" in status.lower(), status
    assert sum(changed in str(s).lower() for s in after.values()) == 1, after

"""A challenge is « the same challenge » only when it says what the need is about.

Every challenge put beside a need was captioned « a le même défi » (« has the same challenge »),
on the projector, in the window, the follow-up, `atelier match`, the Excel sheet and the
participant pages, also one that nothing but a vague closeness of meaning links to the need:
in the example, Lucie Leroy's « faciliter l'interconnaissance (acculturer les élus à certaines
notions) » for Aurélié TONNOIR's « Partage de pratiques en fonction des orientations à venir »,
whose reasons say « Seul lien : un sens voisin, à vérifier ». Such a challenge is now said to
be theirs (« a pour défi »), and « a le même défi » is kept for one sharing the need's words,
acronym or theme: Julie Thomas's « créer un réseau d'acteurs et l'animer… » for Sandrine
Lassourelle's « avoir de la méthode sur la manière de construire et d'animer ce type de réseau… ».
The matches are the engine's own suggestions (with the shipped word vectors), confirmed."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import openpyxl
import pytest
from PySide6.QtCore import Qt

from atelier.store import Store

from .conftest import ROOT, run_cli
from .helpers.confirm import confirm_suggested
from .helpers.keyboard import active_window, key
from .helpers.language import window_language
from .test_fiches import _pages

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
MEANING = (
    "Partage de pratiques en fonction des orientations à venir",
    "faciliter l'interconnaissance (acculturer les élus à certaines notions)",
)
WORDS = (
    "avoir de la méthode sur la manière de construire et d'animer ce type de réseau",
    "créer un réseau d'acteurs et l'animer pour faire en sorte que tout ce qui existe déjà se coordonne",
)
SAME = {"fr": "a le même défi", "en": "has the same challenge"}
THEIRS = {"fr": "a pour défi", "en": "has the challenge"}


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with the two pairs the engine suggests (meaning on) confirmed, reasons kept."""
    from atelier.matching.semantic import shared_vectors

    path = tmp_path_factory.mktemp("captions") / "exemple.atelier"
    shutil.copy(EXAMPLE, path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ATELIER_SEMANTIC", "1")
        vectors = shared_vectors()
    assert vectors is not None
    with Store.open(path) as store:
        confirmed = confirm_suggested(store, store.workshops()[0].id, (MEANING, WORDS), vectors=vectors)
    assert [s.source for s in confirmed] == ["challenge", "challenge"]
    return path


@pytest.fixture
def path(made: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "exemple.atelier"
    copy.write_bytes(made.read_bytes())
    return copy


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_atelier_match_says_the_same_challenge_only_for_one_on_the_needs_subject(
    path: Path, lang: str
) -> None:
    shown = run_cli("match", str(path), env={"ATELIER_LANG": lang})
    assert shown.returncode == 0, shown.stderr
    lines = [_flat(line) for line in shown.stdout.splitlines()]
    kind = {"fr": ("même défi", "a pour défi"), "en": ("same challenge", "has the challenge")}[lang]
    (meaning,) = [line for line in lines if line.startswith("← Lucie Leroy") and line.endswith(MEANING[1])]
    assert f"[{kind[1]}," in meaning and kind[0] not in meaning, meaning
    (words,) = [line for line in lines if line.startswith("← Julie Thomas") and line.endswith(WORDS[1])]
    assert f"[{kind[0]}," in words, words


def _panel_lines(qtbot, window, surname: str) -> list[str]:
    (person,) = [
        p for p in window.store.participants(window.model.workshop_id) if surname in " ".join(p.names)
    ]
    window._select(person.id, 0)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    tree = window.panel.matches.tree_model
    return [
        _flat(tree.item(row).child(i).text())
        for row in range(tree.rowCount())
        for i in range(tree.item(row).rowCount())
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_window_and_the_projector_say_the_same_challenge_only_when_it_is(
    qtbot, path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    with window_language(monkeypatch, lang):
        _window_and_projector(qtbot, path, lang)


def _window_and_projector(qtbot, path: Path, lang: str) -> None:
    window = active_window(qtbot, path)
    same, theirs = SAME[lang], THEIRS[lang]
    # The match panel: « Lucie Leroy (Grand Angoulême, a pour défi) — … », « Julie Thomas (…,
    # même défi) — … ».
    panel = {"fr": ("même défi)", "a pour défi)"), "en": ("same challenge)", "has the challenge)")}[lang]
    (lucie,) = [line for line in _panel_lines(qtbot, window, "TONNOIR") if MEANING[1] in line]
    assert panel[1] in lucie and panel[0] not in lucie, lucie
    (julie,) = [line for line in _panel_lines(qtbot, window, "Lassourelle") if WORDS[1] in line]
    assert panel[0] in julie, julie
    # The projector's cards, then the spotlight on each of the two who need.
    projector = window.open_projector()
    projector.render_image()
    cards = _flat(" ".join(projector.drawn))
    lucie, julie = "Lucie Leroy (Grand Angoulême)", "Julie Thomas (PETR Vallée de la Dordogne Corrézienne)"
    assert f"{lucie} {theirs} :" in cards or f"{lucie} {theirs}:" in cards, cards
    assert f"{lucie} {same}" not in cards
    assert f"{julie} {same}" in cards, cards
    for surname, said, unsaid in (("TONNOIR", theirs, same), ("Lassourelle", same, None)):
        (person,) = [
            p for p in window.store.participants(window.model.workshop_id) if surname in " ".join(p.names)
        ]
        projector.participant_id, projector.view = person.id, "spotlight"
        projector.render_image()
        spot = _flat(" ".join(projector.drawn))
        assert f", {said}" in spot, spot
        if unsaid:
            assert unsaid not in spot, spot
    projector.close()
    # « Suivi » (Alt+2) lists both decisions, captioned as the panel captions them.
    from atelier.ui.followup_view import COL_HELPS, COL_RESOURCE

    key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    table = window.followup.table.model()
    helps = {
        table.index(row, COL_RESOURCE).data(): _flat(table.index(row, COL_HELPS).data())
        for row in range(table.rowCount())
    }
    assert panel[1] in helps[MEANING[1]] and panel[0] not in helps[MEANING[1]], helps
    assert panel[0] in helps[WORDS[1]], helps
    window.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_excel_sheet_and_the_pages_say_the_same_challenge_only_when_it_is(
    path: Path, tmp_path: Path, lang: str
) -> None:
    from atelier.exports import gather
    from atelier.exports.fiches import fiches_for, write_fiches
    from atelier.exports.xlsx import write_xlsx

    with Store.open(path, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        data = gather(store, workshop_id, match_first=False, lang=lang)
        workshop, fiches = fiches_for(store, workshop_id, match_first=False, lang=lang)
    write_xlsx(data, tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    sheet = book.worksheets[
        [s.title for s in book.worksheets].index("Mises en relation" if lang == "fr" else "Matches")
    ]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    resource, source = ("Ressource", "Source") if lang == "fr" else ("Resource", "Source")
    by_text = {r[resource]: r[source] for r in rows}
    shared = "défi partagé" if lang == "fr" else "shared challenge"
    assert by_text[WORDS[1]] == shared
    assert by_text[MEANING[1]] == ("défi" if lang == "fr" else "challenge")
    written = write_fiches(workshop, fiches, tmp_path / "p.docx", lang=lang)
    pages = {page[0][1]: page for page in _pages(docx.Document(str(written)))}
    aurelie = " ".join(text for _style, text in next(p for name, p in pages.items() if "TONNOIR" in name))
    lucie = "Lucie Leroy — Grand Angoulême"
    assert f"{lucie} {THEIRS[lang]}" in aurelie and SAME[lang] not in aurelie, aurelie
    sandrine = " ".join(
        text for _style, text in next(p for name, p in pages.items() if "Lassourelle" in name)
    )
    assert f"Julie Thomas — PETR Vallée de la Dordogne Corrézienne {SAME[lang]}" in sandrine, sandrine

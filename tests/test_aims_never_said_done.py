"""Participants type aims and plans among their « actions »: in the example, Corinne Corcuff and
Sefallah Mahamat Bindi's « L'objectif est » cut into bullets (« éviter le doublonnage des
traitements de personne en recherche d'emploi »), Martine Colin Rabouan's « objectifs : créer
une nouvelle synergie des acteurs… », Denis Paineau's SEM that « doit permettre de : … financer
de la R&D pour ce groupement d'entreprises ». Matching offers them (rightly: they work on it),
but every surface captioned them as done: the window's « Qui peut aider ? » said « Corinne
Corcuff et Sefallah Mahamat Bindi (Mont de Marsan Agglo, ont déjà fait) — éviter le doublonnage… »
under Myriam LOUIS's « Comment éviter le doublonnage… », the Excel sheet's « Source » « action
déjà menée », the minutes « (action déjà menée) », the reason « Action déjà menée ». They have
not done it: they aim to. Such a statement (`french.states_an_aim`) is now said as an aim of
theirs (« ont pour objectif », « objectif annoncé », « Objectif noté parmi ses actions »), in
English too; what ranks where is unchanged, and the actions beside them are still « déjà fait »."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import docx
import openpyxl
import pytest
from PySide6.QtCore import Qt

from atelier.french import states_an_aim
from atelier.store import Store

from .conftest import ROOT, run_cli
from .helpers.confirm import confirm_suggested
from .helpers.keyboard import active_window, key
from .helpers.language import window_language
from .test_fiches import _pages

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
DOUBLONNAGE = "Comment éviter le doublonnage"  # Myriam LOUIS's need
CORINNE = "éviter le doublonnage des traitements"  # Corinne Corcuff and Sefallah's aim
MARTINE = "objectifs : créer une nouvelle synergie"  # Martine Colin Rabouan's aims
DENIS = "financer de la R&D"  # what Denis Paineau's SEM is to do
FINANCING = "Difficultés de financement des emplois agricoles"  # Eric BEDIN's need
COORDINATION = "Action de coordination et harmonisation"  # Hélène DUBOIS's action: done
# Every action of the example that states an aim or a plan, and only those.
EXAMPLE_AIMS = [
    "objectifs : créer une nouvelle synergie des acteurs et proposer des accompagnements sur mesure",
    "enjeu : la création d'une culture commune autour des cités de l'emploi",
    "Réflexions en cours sur les orientations du futur protocole du PLIE",
    "Feuille de route ESS en cours d'élaboration.",
    "Projet de forum emploi intercommunal",
    "Le territoire se questionne pour s'engager dans un PLIE",
    "financer de la R&D pour ce groupement d'entreprises",
    "éviter le doublonnage des traitements de personne en recherche d'emploi",
    "de mobiliser l'ensemble des compétences du territoire",
    "L'objectif est de mieux mettre en adéquation l'offre et la demande d'emploi",
]
SAID = {
    "fr": {"aims": "ont pour objectif", "aim": "a pour objectif", "done": "a déjà fait"},
    "en": {"aims": "have the aim", "aim": "has the aim", "done": "has already done"},
}
SOURCE = {
    "fr": ("objectif annoncé", "action déjà menée"),
    "en": ("stated aim", "action already run"),
}
REASON = {
    "fr": ("Objectif noté parmi ses actions", "Action déjà menée"),
    "en": ("An aim noted among their actions", "An action already run"),
}


def _flat(text: str) -> str:
    return " ".join(str(text).replace("\u00a0", " ").replace("\u202f", " ").split())


def test_the_example_s_aims_are_told_apart_from_its_actions() -> None:
    """Each of the example's 91 actions read: exactly these ten say an aim or a plan."""
    with sqlite3.connect(EXAMPLE) as db:
        actions = [text for (text,) in db.execute("SELECT text FROM items WHERE kind = 'action'")]
    assert len(actions) == 91
    flagged = [text for text in actions if states_an_aim(text)]
    assert len(flagged) == len(EXAMPLE_AIMS), flagged
    for start in EXAMPLE_AIMS:
        assert any(text.startswith(start) for text in flagged), (start, flagged)


@pytest.fixture(scope="module")
def confirmed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with the aims the engine suggests confirmed, and one action beside them."""
    path = tmp_path_factory.mktemp("aims") / "exemple.atelier"
    shutil.copy(EXAMPLE, path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        confirm_suggested(
            store,
            workshop_id,
            [(DOUBLONNAGE, CORINNE), (DOUBLONNAGE, MARTINE), (FINANCING, DENIS), (DOUBLONNAGE, COORDINATION)],
        )
    return path


def _panel(qtbot, window) -> dict[str, list[str]]:
    """F9 on the current row: each need of « Qui peut aider ? » and the lines under it."""
    key(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=60_000)
    tree = window.panel.matches.tree_model
    return {
        tree.item(row).text(): [
            _flat(tree.item(row).child(c).text()) for c in range(tree.item(row).rowCount())
        ]
        for row in range(tree.rowCount())
    }


def _line(shown: dict[str, list[str]], need: str, resource: str) -> str:
    (lines,) = [lines for text, lines in shown.items() if text.startswith(need)]
    (line,) = [line for line in lines if f"— {resource}" in line] or ["\n".join(lines)]
    return line


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_window_says_an_aim_is_an_aim_not_something_done(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """F9 on Myriam LOUIS's row: « Qui peut aider ? » offers Corinne Corcuff and Sefallah's
    « éviter le doublonnage… » as an aim of theirs, and its reason says so."""
    path = tmp_path / "exemple.atelier"
    shutil.copy(EXAMPLE, path)
    said = SAID[lang]
    with window_language(monkeypatch, lang):
        window = active_window(qtbot, path)
        for _ in range(17):  # down to Myriam LOUIS
            key(qtbot, Qt.Key.Key_Down)
        assert window.model.participant_at(window.grid.currentIndex().row()).names == ["Myriam LOUIS"]
        corinne = _line(_panel(qtbot, window), DOUBLONNAGE, CORINNE)
        assert f"Sefallah Mahamat Bindi (Mont de Marsan Agglo, {said['aims']})" in corinne, corinne
        aim_said = {"fr": "l'objectif aussi", "en": "so does the aim"}[lang]
        assert aim_said in corinne, corinne
        assert "déjà" not in corinne and "already" not in corinne and "action" not in corinne, corinne
        window.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_excel_sheet_and_the_minutes_say_an_aim_is_an_aim(
    confirmed: Path, tmp_path: Path, lang: str
) -> None:
    from atelier.exports import gather
    from atelier.exports.word import write_docx
    from atelier.exports.xlsx import write_xlsx

    with Store.open(confirmed, readonly=True) as store:
        data = gather(store, store.workshops()[0].id, match_first=False, lang=lang)
    write_xlsx(data, tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["Mises en relation" if lang == "fr" else "Matches"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    resource = "Ressource" if lang == "fr" else "Resource"
    why = "Raisons" if lang == "fr" else "Reasons"

    def row(start: str) -> dict:
        (found,) = [r for r in rows if str(r[resource]).startswith(start)]
        return found

    aim, done = SOURCE[lang]
    for start in (CORINNE, MARTINE, DENIS):
        assert row(start)["Source"] == aim, row(start)
    assert row(COORDINATION)["Source"] == done, row(COORDINATION)
    # What Denis Paineau's SEM is to do shares no word with Eric's need: its kind is its reason.
    reasons = _flat(row(DENIS)[why])
    assert REASON[lang][0] in reasons and REASON[lang][1] not in reasons, reasons

    write_docx(data, tmp_path / "cr.docx")
    minutes = _flat(
        " ".join(
            c.text for t in docx.Document(str(tmp_path / "cr.docx")).tables for r in t.rows for c in r.cells
        )
    )
    assert f"recherche d'emploi ({aim})" in minutes, minutes
    assert "Hélène DUBOIS" in minutes and f"({done})" in minutes, minutes


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_participants_pages_say_an_aim_is_an_aim(confirmed: Path, tmp_path: Path, lang: str) -> None:
    from atelier.exports.fiches import fiches_for, write_fiches

    with Store.open(confirmed, readonly=True) as store:
        workshop, fiches = fiches_for(store, store.workshops()[0].id, match_first=False, lang=lang)
    written = write_fiches(workshop, fiches, tmp_path / "p.docx", lang=lang)
    every = _flat(" ".join(p.text for p in docx.Document(str(written)).paragraphs))
    said = SAID[lang]
    assert f"Mont de Marsan Agglo {said['aims']}" in every, every
    assert f"Cité de l'emploi à Tarbes, Hautes Pyrénées {said['aim']}" in every, every
    assert "ont déjà fait" not in every and "have already done" not in every, every
    # Their own pages: the aim that interests Myriam is theirs, not « ce que vous faites déjà »;
    # Barbara BARGUES's « L'objectif est de… », matched with no one, is listed as an aim.
    pages = {
        page[0][1]: " ".join(_flat(text) for _style, text in page)
        for page in _pages(docx.Document(str(written)))
    }
    (corinne,) = [page for title, page in pages.items() if title.startswith("Corinne Corcuff")]
    own = {
        "fr": (
            "Vos objectifs, qui en intéressent d'autres",
            "Cet objectif que vous avez noté intéresse Myriam LOUIS",
        ),
        "en": ("Your aims, which interest others", "This aim of yours interests Myriam LOUIS"),
    }[lang]
    assert own[0] in corinne and own[1] in corinne, corinne
    assert "faites déjà" not in corinne and "already do" not in corinne, corinne
    (barbara,) = [page for title, page in pages.items() if title.startswith("Barbara BARGUES")]
    aim_line = {"fr": "Objectif : L'objectif est de mieux", "en": "Aim: L'objectif est de mieux"}[lang]
    assert aim_line in barbara, barbara


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_projector_says_an_aim_is_an_aim(
    qtbot, confirmed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """F5 on the confirmed matches: the cards and Myriam LOUIS's spotlight (Ctrl+2 on her row)
    say Corinne and Sefallah's aim and Martine's as aims, Hélène's action as done."""
    path = tmp_path / "exemple.atelier"
    path.write_bytes(confirmed.read_bytes())
    said = SAID[lang]
    with window_language(monkeypatch, lang):
        window = active_window(qtbot, path)
        for _ in range(17):  # down to Myriam LOUIS
            key(qtbot, Qt.Key.Key_Down)
        key(qtbot, Qt.Key.Key_F5)
        key(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        projector = window.projector
        assert projector is not None and projector.view == "cards"
        projector.render_image()
        cards = _flat(" ".join(projector.drawn))
        assert f"Sefallah Mahamat Bindi (Mont de Marsan Agglo) {said['aims']}" in cards, cards
        assert f"Martine Colin Rabouan (Cité de l'emploi à Tarbes) {said['aim']}" in cards, cards
        assert f"Hélène DUBOIS {said['done']}" in cards, cards
        assert "ont déjà fait" not in cards and "have already done" not in cards, cards
        key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        assert projector.view == "spotlight"
        projector.render_image()
        spot = _flat(" ".join(projector.drawn))
        assert f"Mont de Marsan Agglo), {said['aims']}" in spot, spot
        assert f"Cité de l'emploi à Tarbes), {said['aim']}" in spot, spot
        assert f"Hélène DUBOIS, {said['done']}" in spot, spot
        window.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_atelier_match_says_an_aim_is_an_aim(confirmed: Path, lang: str) -> None:
    """`atelier match`: « ← Corinne Corcuff et Sefallah … [ont pour objectif, …] », its reason
    « l'objectif aussi », and "aim": true in --json; Hélène DUBOIS's action still « a déjà fait »."""
    env = {"ATELIER_LANG": lang}
    done = run_cli("match", str(confirmed), env=env)
    assert done.returncode == 0, done.stderr
    listing = _flat(done.stdout)
    kind = {"fr": "a pour objectif", "en": "has the aim"}[lang]
    corinne_and = {"fr": "Corinne Corcuff et Sefallah", "en": "Corinne Corcuff and Sefallah"}[lang]
    lines = done.stdout.splitlines()
    for who in (corinne_and, "Martine Colin Rabouan"):
        assert any(who in line and f"[{kind}," in line for line in lines), listing
    helene = [line for line in lines if "Hélène DUBOIS" in line]
    assert helene and all(f"[{SAID[lang]['done']}," in line for line in helene), helene
    for line in done.stdout.splitlines():
        if CORINNE in line or MARTINE in line or DENIS in line:
            assert "déjà" not in line and "already" not in line, line
    found = run_cli("match", str(confirmed), "--json", env=env)
    assert found.returncode == 0, found.stderr
    suggestions = [s for need in json.loads(found.stdout)["needs"] for s in need["suggestions"]]
    aims = {s["text"] for s in suggestions if s.get("aim")}
    assert {text for text in aims if text.startswith((CORINNE, MARTINE, DENIS))} and all(
        states_an_aim(text) for text in aims
    ), aims
    (corinne,) = [s for s in suggestions if s["text"].startswith(CORINNE)]
    assert corinne["source"] == "action"  # ranked as an action, as before
    aim_said = {"fr": "l'objectif aussi", "en": "so does the aim"}[lang]
    assert any(aim_said in r for r in corinne["reasons"]), corinne["reasons"]
    (action,) = [s for s in suggestions if s["text"].startswith(COORDINATION)]
    assert "aim" not in action


# What each of the example's aims says, as the minutes would cite a piece of it.
AIM_WORDS = [
    "nouvelle synergie des acteurs",
    "culture commune autour des cités",
    "orientations du futur protocole",
    "feuille de route ess",
    "forum emploi intercommunal",
    "se questionne pour s'engager",
    "financer de la r&d",
    "doublonnage des traitements",
    "mobiliser l'ensemble des compétences",
    "adéquation l'offre et la demande",
]
MINUTES = {
    "fr": {
        "engaged": "Ce qui est déjà engagé",
        "context": "Le contexte",
        "lead": "Objectifs annoncés",
        "opening": "ont présenté {n} actions déjà engagées",
        "aims": "10 objectifs annoncés",
        "presented": "Les {n} actions présentées",
    },
    "en": {
        "engaged": "What is already under way",
        "context": "The context",
        "lead": "Stated aims",
        "opening": "presented {n} actions already under way",
        "aims": "10 stated aims",
        "presented": "The {n} actions presented",
    },
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_minutes_synthesis_never_counts_nor_cites_an_aim_as_engaged(tmp_path: Path, lang: str) -> None:
    """The Word minutes' « Ce qui est déjà engagé » counted the example's ten aims among « Les 80
    actions présentées » (« actions déjà engagées » in the opening) and cited Jean-Marc's « le
    territoire se questionne pour s'engager dans un PLIE » as an example of the PLIE theme. The
    aims are counted apart (« … et 10 objectifs annoncés »), said as aims in one line
    (« Objectifs annoncés : … (Who) »), and every count of the actions agrees."""
    said = MINUTES[lang]
    minutes = tmp_path / "cr.docx"
    done = run_cli("export", str(EXAMPLE), "--docx", str(minutes), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    sections: dict[str, str] = {}
    heading = None
    for p in docx.Document(str(minutes)).paragraphs:
        if p.style.name == "Heading 1":
            heading = None
        elif p.style.name == "Heading 2":
            heading = p.text
            sections[heading] = ""
        elif heading is not None:
            sections[heading] += _flat(p.text) + "\n"
    engaged, context = sections[said["engaged"]], sections[said["context"]]
    # How many actions the grid's actions' column holds that are neither aims, remarks nor facts
    with sqlite3.connect(EXAMPLE) as db:
        actions = [text for (text,) in db.execute("SELECT text FROM items WHERE kind = 'action'")]
    opening = re.search(r"(\d+) (?:actions déjà engagées|actions already under way)", context)
    assert opening is not None, context
    n = int(opening.group(1))
    assert n <= len(actions) - len(EXAMPLE_AIMS), context
    assert said["aims"] in context, context
    assert said["presented"].format(n=n) in engaged, engaged
    assert said["opening"].format(n=n) in context, context
    # No aim cited as engaged; each line of the section that says one is the aims' own.
    for line in engaged.splitlines():
        if line.startswith(said["lead"]):
            continue
        for words in AIM_WORDS:
            assert words not in line.casefold(), (words, line)
    (aims_line,) = [line for line in engaged.splitlines() if line.startswith(said["lead"])]
    assert aims_line.count("(") >= 2, aims_line  # cited with whose aim it is
    assert sum(words in aims_line.casefold() for words in AIM_WORDS) >= 2, aims_line

"""People of earlier workshops, as a facilitator sees them suggested across workshops: one
person met at two earlier workshops under two spellings (« Mme Anne Martin » in 2021,
« A. Martin » of the same PLIE, spelled out, in 2022) is one helper, not two. Real files
written by the command line from CSV grids, read as the command line prints them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant, Reason, ReasonKind, Workshop
from atelier.store import Store
from tests.conftest import run_cli

HEAD = "Participant;Actions engagées;Défis;Besoins;Ressources\n"
GRIDS = {
    ("Atelier 2021", "2021-03-16"): (
        "Mme Anne Martin / PLIE des Graves;;;;la mobilité des publics en zone rurale\n"
        "Paul Martin / PLIE des Graves;;;;la mobilité des publics en zone rurale\n"
        "Gérard Müller / Mission locale;;;;le financement FSE des projets\n"
        "Mission locale du Médoc;;;;le financement FSE des projets\n"
    ),
    ("Atelier 2022", "2022-03-15"): (
        "A. Martin / Plan Local pour l'Insertion et l'Emploi des Graves;;;;"
        "la mobilité des publics en zone rurale et le permis\n"
        "Gérard Müller / Mission locale;;;;le financement FSE des projets européens\n"
        "Mission locale du Médoc;;;;le financement FSE des projets européens\n"
    ),
    ("Atelier 2023", "2023-03-14"): (
        "Lucie Leroy / Grand Angoulême;;;la mobilité des publics en zone rurale;\n"
        "Nadia Ferrand / Mission locale;;;le financement FSE des projets;un atelier CV\n"
    ),
}


def _network(tmp_path: Path) -> Path:
    path = tmp_path / "reseau.atelier"
    for number, ((title, day), rows) in enumerate(GRIDS.items()):
        grid = tmp_path / f"grille-{day}.csv"
        grid.write_text(HEAD + rows, encoding="utf-8")
        where = ["-o", str(path)] if number == 0 else ["--into", str(path), "--new-workshop"]
        done = run_cli("import", str(grid), *where, "--title", title, "--date", day)
        assert done.returncode == 0, done.stderr
    return path


def test_a_person_met_at_two_earlier_workshops_under_two_spellings_is_suggested_once(
    tmp_path: Path,
) -> None:
    path = _network(tmp_path)
    done = run_cli("match", str(path), "--workshop", "2023-03-14", "--across", "--lexical")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    # Anne Martin, absent in 2023, offered mobility in 2021 and (as « A. Martin ») in 2022:
    # one helper, with the words that answer best and the workshop they were said at.
    anne = [line for line in out.splitlines() if "← " in line and "Martin" in line and "Paul" not in line]
    assert len(anne) == 1, out
    assert "← Anne Martin (PLIE des Graves)" in anne[0], out
    assert "A proposé lors de l'atelier du 16 mars 2021" in out
    assert "zone rurale et le permis" not in out  # her words of 2022, the lesser answer
    # Gérard Müller, the same name both years, other words: one helper too.
    assert sum("← Gérard Müller" in line for line in out.splitlines()) == 1, out
    # A row that names nobody says nothing of who came: each year's row is its own helper.
    assert sum("← Mission locale du Médoc" in line for line in out.splitlines()) == 2, out
    # Paul Martin, the same structure, another first name, is someone else: still suggested.
    assert sum("← Paul Martin" in line for line in out.splitlines()) == 1, out
    listed = json.loads(
        run_cli("match", str(path), "--workshop", "2023-03-14", "--across", "--lexical", "--json").stdout
    )
    assert listed  # the JSON says the same
    helpers = [
        s["participant"]
        for need in listed["needs"]
        for s in need["suggestions"]
        if "mobilité" in need["text"]
    ]
    assert sorted(helpers) == ["Anne Martin (PLIE des Graves)", "Paul Martin (PLIE des Graves)"]


def _with_a_self_match(path: Path) -> Path:
    """As older versions left it: « A. Martin » (2022) confirmed with what « Mme Anne Martin »
    of the same PLIE offered in 2021, and contacted; Lucie confirmed with Gérard."""
    with Store.create(path, title="Atelier 2021", date="2021-03-16") as store:
        earlier = store.workshops()[0]
        anne = store.add_participant(
            Participant(earlier.id, names=["Mme Anne Martin"], organisation="PLIE des Graves")
        )
        mobility = store.add_item(Item(anne.id, ItemKind.OFFER, "la mobilité des publics en zone rurale"))
        gerard = store.add_participant(
            Participant(earlier.id, names=["Gérard Müller"], organisation="Mission locale")
        )
        directory = store.add_item(Item(gerard.id, ItemKind.OFFER, "un annuaire des initiatives locales"))
        later = store.add_workshop(Workshop("Atelier 2022", date="2022-03-15"))
        martin = store.add_participant(
            Participant(
                later.id,
                names=["A. Martin"],
                organisation="Plan Local pour l'Insertion et l'Emploi des Graves",
            )
        )
        need = store.add_item(Item(martin.id, ItemKind.NEED, "la mobilité des publics en zone rurale"))
        lucie = store.add_participant(
            Participant(later.id, names=["Lucie Leroy"], organisation="Grand Angoulême")
        )
        wanted = store.add_item(Item(lucie.id, ItemKind.NEED, "un répertoire des initiatives locales"))
        earlier_said = [
            Reason(ReasonKind.EARLIER, term="Atelier 2021", resource="offer", detail="2021-03-16")
        ]
        itself = store.add_match(
            Match(later.id, need.id, mobility.id, MatchStatus.CONFIRMED, 0.85, reasons=earlier_said)
        )
        store.set_follow_up(itself.id, "to_contact", day="2022-03-15")  # decided at the workshop
        store.set_follow_up(itself.id, "contacted", day="2022-04-01")
        store.add_match(
            Match(later.id, wanted.id, directory.id, MatchStatus.CONFIRMED, 0.6, reasons=earlier_said)
        )
    return path


def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_a_person_confirmed_with_themself_by_older_versions_is_never_told_to_the_room(
    tmp_path: Path,
) -> None:
    """« A. Martin peut aider A. Martin » was in the minutes, the Excel tables, the pages and
    the follow-up list: a match older versions confirmed between two spellings of one person.
    It stays in the file (the facilitator's decision, theirs to reject in the window), and is
    said once where decisions are listed, never put before the room."""
    path = _with_a_self_match(tmp_path / "reseau.atelier")
    before = path.read_bytes()
    listed = run_cli("suivi", str(path))
    assert listed.returncode == 0, listed.stderr
    assert "Gérard Müller" in listed.stdout and "1 mise en relation suivie" in listed.stdout
    assert "Mme Anne Martin" not in listed.stdout.split("\n\n")[0], listed.stdout
    assert (
        "1 mise en relation confirmée met une personne en relation avec elle-même "
        "(«\u00a0A. Martin\u00a0» et «\u00a0Mme Anne Martin\u00a0», atelier du 15 mars 2022)\u00a0: "
        in listed.stdout
    ), listed.stdout
    english = run_cli("suivi", str(path), env={"ATELIER_LANG": "en"})
    assert "1 confirmed match puts a person in touch with themself" in english.stdout, english.stdout
    for flag, name in (("--docx", "cr.docx"), ("--fiches", "fiches.docx"), ("--xlsx", "tables.xlsx")):
        done = run_cli("export", str(path), "--workshop", "2022-03-15", flag, str(tmp_path / name))
        assert done.returncode == 0, done.stderr
    minutes, pages = _docx_text(tmp_path / "cr.docx"), _docx_text(tmp_path / "fiches.docx")
    assert "Gérard Müller" in minutes and "Gérard Müller" in pages
    assert "Mme Anne Martin" not in minutes and "Mme Anne Martin" not in pages
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "tables.xlsx", read_only=True)
    cells = [
        str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row if v
    ]
    assert any("Gérard Müller" in c for c in cells)
    assert not any("Mme Anne Martin" in c for c in cells), [c for c in cells if "Anne" in c]
    dumped = json.loads(run_cli("export", str(path), "--json", "-").stdout)
    # The JSON is the file as it is: the match is there, said as what it is.
    flagged = {m["offer_participant"]: m["with_themself"] for m in dumped["workshops"][1]["matches"]}
    assert flagged == {"Mme Anne Martin (PLIE des Graves)": True, "Gérard Müller (Mission locale)": False}
    with Store.open(path, readonly=True) as store:
        from atelier.projection import build

        shown = build(store, store.find_workshop("2022-03-15").id)
        assert [(c.seeker, c.helper) for c in shown.cards] == [
            ("Lucie Leroy (Grand Angoulême)", "Gérard Müller (Mission locale, atelier du 16 mars 2021)")
        ]
    assert path.read_bytes() == before  # nothing deleted behind the facilitator's back


def test_info_and_the_workshops_list_count_a_match_of_a_person_with_themself_apart(tmp_path: Path) -> None:
    """`atelier info` said « 2 confirmées » and `atelier workshops` « 2 mises en relation
    confirmées » where the window, the minutes and `suivi` count one (A. Martin's with herself
    is nobody's to follow up): both count it apart, saying what it is."""
    path = _with_a_self_match(tmp_path / "reseau.atelier")
    before = path.read_bytes()
    info = run_cli("info", str(path))
    assert info.returncode == 0, info.stderr
    lines = info.stdout.splitlines()
    assert "Mises en relation\u00a0: 0 suggérée, 1 décidée, 0 écartée" in lines, lines
    assert (
        "Mise en relation d'une personne avec elle-même\u00a0: 1 (gardée dans le fichier, ni projetée "
        "ni exportée\u00a0; à écarter dans la fenêtre, Ctrl+Maj+X)"
    ) in lines, lines
    english = run_cli("info", str(path), env={"ATELIER_LANG": "en"}).stdout.splitlines()
    assert "Matches: 0 suggested, 1 decided, 0 rejected" in english, english
    assert any(line.startswith("Match of a person with themself: 1 (") for line in english), english
    listed = run_cli("workshops", str(path)).stdout.splitlines()
    assert listed[1].endswith(
        "« Atelier 2022 » — 2 participants, 2 éléments, 1 mise en relation décidée "
        "(et 1 d'une personne avec elle-même, à écarter)".replace("« ", "«\u00a0").replace(" »", "\u00a0»")
    ), listed
    dumped = json.loads(run_cli("workshops", str(path), "--json").stdout)
    assert [(w["confirmed_matches"], w["with_themself"]) for w in dumped] == [(0, 0), (1, 1)], dumped
    assert path.read_bytes() == before


def test_suivi_json_flags_a_match_of_a_person_with_themself(tmp_path: Path) -> None:
    """`atelier suivi --json` left A. Martin's match with herself out without a word: a program
    reading it could not tell « nothing else » from « one left out ». It is listed, flagged
    (the others flagged false), as `export --json` flags it; the text still says it apart."""
    path = _with_a_self_match(tmp_path / "reseau.atelier")
    dumped = json.loads(run_cli("suivi", str(path), "--json").stdout)
    flagged = {e["resource"]["participant"]: e["with_themself"] for e in dumped}
    assert flagged == {"Mme Anne Martin (PLIE des Graves)": True, "Gérard Müller (Mission locale)": False}
    one = json.loads(run_cli("suivi", str(path), "--workshop", "2022-03-15", "--json").stdout)
    assert sorted(e["with_themself"] for e in one) == [False, True], one
    contacted = json.loads(run_cli("suivi", str(path), "--etat", "contacte", "--json").stdout)
    assert [e["with_themself"] for e in contacted] == [True], contacted
    shown = json.loads(run_cli("suivi", str(path), contacted[0]["short_id"], "--historique", "--json").stdout)
    assert shown["with_themself"] is True, shown
    # Said in text too: in the listing, left out in one sentence saying so; shown alone, flagged.
    listed = run_cli("suivi", str(path), "--etat", "contacte").stdout
    assert "elle reste dans le fichier, mais n'est ni suivie ici, ni projetée, ni exportée" in listed
    alone = run_cli("suivi", str(path), contacted[0]["short_id"], "--historique").stdout
    assert (
        "Cette mise en relation met une personne en relation avec elle-même "
        "(«\u00a0A. Martin\u00a0» et «\u00a0Mme Anne Martin\u00a0»)\u00a0: elle n'est ni projetée ni exportée"
    ) in alone, alone


def test_the_window_flags_a_match_of_a_person_with_themself_and_it_can_be_rejected(
    qtbot, tmp_path: Path
) -> None:
    """In the window the decision is still the facilitator's: A. Martin's need shows the match
    flagged (not « ✔ » as if someone could help), saying why no document tells it, and
    Ctrl+Maj+X takes it away; `atelier suivi` then says nothing more of it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from atelier.french import typography
    from atelier.ui.main_window import MainWindow
    from tests.helpers.keyboard import key

    path = _with_a_self_match(tmp_path / "reseau.atelier")
    window = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.switch_workshop(window.store.find_workshop("2022-03-15").id)
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)  # the first row: A. Martin
    panel = window.panel.matches
    qtbot.waitUntil(lambda: panel.tree_model.rowCount() == 1)
    need = panel.tree_model.item(0)
    assert need.text() == "la mobilité des publics en zone rurale"
    shown = [need.child(i).text() for i in range(need.rowCount())]
    flagged = [t for t in shown if "Mme Anne Martin" in t]
    assert len(flagged) == 1 and flagged[0].startswith("⚠ "), shown
    assert (
        typography(
            "Même personne que celle qui cherche : cette mise en relation n'est ni projetée ni "
            "exportée ; écartez-la (Ctrl+Maj+X) pour la retirer",
            "fr",
        )
        in flagged[0]
    )
    # « Suivi » lists what someone follows up: Lucie and Gérard, not A. Martin and herself.
    follow_up = window.followup.table.model()
    assert follow_up.rowCount() == 1
    row = " ".join(str(follow_up.index(0, c).data()) for c in range(follow_up.columnCount()))
    assert "Lucie Leroy" in row and "Gérard Müller" in row and "Anne Martin" not in row, row
    # Counted as the minutes count them: Lucie's, and A. Martin's said apart.
    assert panel.confirmed.text() == typography(
        "Mises en relation décidées dans l'atelier : 1 (et 1 d'une personne avec elle-même, à écarter)",
        "fr",
    )
    key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # to the matches
    assert QApplication.focusWidget() is panel.tree
    row = next(i for i, t in enumerate(shown) if "Mme Anne Martin" in t)
    panel.tree.setCurrentIndex(need.child(row).index())
    key(qtbot, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert panel.confirmed.text() == typography("Mises en relation décidées dans l'atelier : 1", "fr")
    window.close()
    listed = run_cli("suivi", str(path))
    assert "elle-même" not in listed.stdout and "1 mise en relation suivie" in listed.stdout, listed.stdout


def test_suggestions_older_versions_saved_for_one_person_twice_are_exported_once(tmp_path: Path) -> None:
    """A file matched by older versions holds, for Lucie's need, « Mme Anne Martin » (2021)
    and « A. Martin » (2022) as two suggestions: the Excel tables listed the same person as
    two leads. They list her once, with her best."""
    path = _network(tmp_path)
    with Store.open(path) as store:
        latest = store.find_workshop("2023-03-14")
        lucie = next(p for p in store.participants(latest.id) if p.names == ["Lucie Leroy"])
        (need,) = store.items(lucie.id, ItemKind.NEED)
        for day, score in (("2021-03-16", 0.85), ("2022-03-15", 0.76)):
            other = store.find_workshop(day)
            anne = next(
                p for p in store.participants(other.id) if "Martin" in p.names[0] and "Paul" not in p.names[0]
            )
            (offer,) = store.items(anne.id, ItemKind.OFFER)
            said = [Reason(ReasonKind.EARLIER, term=other.title, resource="offer", detail=day)]
            store.add_match(Match(latest.id, need.id, offer.id, MatchStatus.SUGGESTED, score, reasons=said))
    done = run_cli("export", str(path), "--workshop", "2023-03-14", "--xlsx", str(tmp_path / "t.xlsx"))
    assert done.returncode == 0, done.stderr
    import openpyxl

    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx", read_only=True)["Mises en relation"]
    helpers = [row[6] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] == "Lucie Leroy"]
    assert helpers == ["Anne Martin"], helpers


def test_a_helper_who_offered_it_at_several_earlier_workshops_is_said_to_have_at_each(
    tmp_path: Path,
) -> None:
    """Gérard Müller offered FSE funding in 2021 and again in 2022: his one suggestion said
    « A proposé lors de l'atelier du 16 mars 2021 », as if 2022 had not been. It names both,
    in order, short; three or more are counted, from the first to the last."""
    path = _network(tmp_path)
    done = run_cli("match", str(path), "--workshop", "2023-03-14", "--across", "--lexical")
    assert done.returncode == 0, done.stderr
    out = done.stdout.replace("\u00a0", " ").replace("\u202f", " ")
    block = out[out.index("← Gérard Müller") :].split("←")[1]
    assert "A proposé lors des ateliers du 16 mars 2021 et du 15 mars 2022" in block, out
    # A row that names nobody is each year's own helper: one workshop each.
    medoc = [b for b in out.split("←")[1:] if b.startswith(" Mission locale du Médoc")]
    assert len(medoc) == 2 and all("lors de l'atelier du" in b for b in medoc), out
    from atelier.domain import Reason, ReasonKind
    from atelier.reasons import say

    three = Reason(
        ReasonKind.EARLIER, term="Atelier 2022", resource="offer", detail="2022-03-15",
        words=("2021-03-16", "2020-05-04"),
    )  # fmt: skip
    assert say(three, "fr").replace("\u00a0", " ") == (
        "A proposé lors de 3 ateliers, du 4 mai 2020 au 15 mars 2022"
    )
    assert say(three, "en") == "Offered at 3 workshops, from 4 May 2020 to 15 March 2022"
    two = Reason(
        ReasonKind.EARLIER, term="Atelier 2022", resource="action", detail="2022-03-15", words=("2021-03-16",)
    )
    assert say(two, "en") == "Presented this action at the workshops of 16 March 2021 and 15 March 2022"
    # The 2022 workshop's date corrected: the reason saved with the match names the new one.
    done = run_cli("match", str(path), "--workshop", "2023-03-14", "--across", "--lexical", "--save")
    assert done.returncode == 0, done.stderr
    with Store.open(path) as store:
        later = next(w for w in store.workshops() if w.date == "2022-03-15")
        store.update_workshop(later.id, date="2022-03-17")
        said = [
            say(r, "fr").replace("\u00a0", " ")
            for w in store.workshops()
            for m in store.matches(w.id)
            for r in m.reasons
            if r.kind == ReasonKind.EARLIER
        ]
    assert "A proposé lors des ateliers du 16 mars 2021 et du 17 mars 2022" in said, said
    assert not any("15 mars 2022" in line for line in said), said


def test_suivi_says_nothing_else_after_the_match_of_a_person_with_themself(tmp_path: Path) -> None:
    """« atelier suivi --etat contacte » where the only match contacted is A. Martin's with
    herself said « Aucune mise en relation « contactée ». », then that one: none, then one. It
    now says that one first, then « Aucune autre mise en relation contactée. », as a
    facilitator would; a filter nothing answers reads « Aucune mise en relation faite. »."""
    path = _with_a_self_match(tmp_path / "reseau.atelier")
    nb = "\u00a0"
    alone = (
        f"1 mise en relation confirmée met une personne en relation avec elle-même («{nb}A. Martin{nb}» et "
        f"«{nb}Mme Anne Martin{nb}», atelier du 15 mars 2022){nb}: elle reste dans le fichier"
    )
    for args, last in (
        (("--etat", "contacte"), "Aucune autre mise en relation contactée."),
        (
            ("--participant", "Martin"),
            f"Aucune autre mise en relation confirmée à suivre pour «{nb}Martin{nb}».",
        ),
    ):
        lines = run_cli("suivi", str(path), *args).stdout.strip().splitlines()
        assert len(lines) == 2 and lines[0].startswith(alone) and lines[1] == last, lines
    english = run_cli("suivi", str(path), "--etat", "contacted", env={"ATELIER_LANG": "en"})
    lines = english.stdout.strip().splitlines()
    assert lines[0].startswith("1 confirmed match puts a person in touch with themself"), lines
    assert lines[1:] == ["No other match contacted."], lines
    for state, said in (
        ("fait", "faite"),
        ("sans-suite", "classée sans suite"),
    ):
        shown = run_cli("suivi", str(path), "--workshop", "2021-03-16", "--etat", state).stdout.strip()
        assert shown == f"Aucune mise en relation {said}.", shown
    dropped = run_cli("suivi", str(path), "--etat", "dropped", env={"ATELIER_LANG": "en"}).stdout.strip()
    assert dropped == "No match dropped.", dropped


def _suivi_window(qtbot, path: Path):  # type: ignore[no-untyped-def]
    """The window on the file's 2022 workshop, « Suivi » shown by its key (Alt+2)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from atelier.ui.main_window import MainWindow
    from tests.helpers.keyboard import key

    window = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.switch_workshop(window.store.find_workshop("2022-03-15").id)
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.pages.currentWidget() is window.followup
    return window


def test_the_follow_up_window_says_it_in_english_too(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.helpers.language import window_language

    with window_language(monkeypatch, "en"):
        window = _suivi_window(qtbot, _with_a_self_match(tmp_path / "reseau.atelier"))
        assert window.followup.themself.text() == (
            "⚠ 1 confirmed match puts a person in touch with themself (“A. Martin” and “Mme Anne "
            "Martin”, workshop of 15 March 2022): it is not followed up here, nor projected or "
            "exported; reject it in “Who can help?” of its workshop (Ctrl+M, then Ctrl+Shift+X)."
        ), window.followup.themself.text()
        assert (
            window.followup.counter.text()
            == "1 match followed up (and 1 of a person with themself, to reject)"
        )
        window.close()


def test_the_follow_up_window_says_a_match_of_a_person_with_themself_it_leaves_out(
    qtbot, tmp_path: Path
) -> None:
    """« Suivi » (Alt+2) left A. Martin's match with herself out without a word, where
    `atelier suivi` says it: staff counting the file's decisions found one missing. It says
    it under the list, who and where, and how to reject it; the count says it apart. Once
    rejected (Ctrl+Maj+X in « Qui peut aider ? »), nothing is said."""
    from PySide6.QtCore import Qt

    from atelier.french import typography
    from tests.helpers.keyboard import key

    window = _suivi_window(qtbot, _with_a_self_match(tmp_path / "reseau.atelier"))
    view = window.followup
    assert view.table.model().rowCount() == 1  # Lucie and Gérard: the one to follow up
    note = view.themself
    assert note.isVisible(), "nothing says a decision of the file is left out"
    assert note.text() == typography(
        "⚠ 1 mise en relation confirmée met une personne en relation avec elle-même (« A. Martin » et "
        "« Mme Anne Martin », atelier du 15 mars 2022) : elle n'est ni suivie ici, ni projetée, ni "
        "exportée ; écartez-la dans « Qui peut aider ? » de son atelier (Ctrl+M, puis Ctrl+Maj+X).",
        "fr",
    ), note.text()
    assert view.counter.text() == typography(
        "1 mise en relation suivie (et 1 d'une personne avec elle-même, à écarter)", "fr"
    ), view.counter.text()
    # Rejected where it was decided: A. Martin's need, the first row of 2022.
    key(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    panel = window.panel.matches
    qtbot.waitUntil(lambda: panel.tree_model.rowCount() == 1)
    need = panel.tree_model.item(0)
    key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    (row,) = [i for i in range(need.rowCount()) if "Mme Anne Martin" in need.child(i).text()]
    panel.tree.setCurrentIndex(need.child(row).index())
    key(qtbot, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.pages.currentWidget() is view
    assert not note.isVisible() and note.text() == ""
    assert view.counter.text() == "1 mise en relation suivie", view.counter.text()
    window.close()

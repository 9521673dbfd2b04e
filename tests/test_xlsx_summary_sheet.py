"""The Excel summary sheet as its reader sees it: a contact of several lines, counts under
their headings, the day in the workbook's language."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from atelier.domain import FollowUp, Item, ItemKind, Match, MatchStatus, Participant
from atelier.exports import FOLLOW_UP, gather
from atelier.exports.xlsx import write_xlsx
from atelier.store import Store


def _workbook(tmp_path: Path, lang: str) -> openpyxl.Workbook:
    path = tmp_path / f"a-{lang}.atelier"
    with Store.create(
        path,
        title="Atelier du Val",
        date="2021-03-16",
        organiser="Réseau Œuvre commune",
        contact="Chloé Lœvenbruck\n05 58 00 00 00\nchloe@exemple.fr",
    ) as store:
        workshop_id = store.workshops()[0].id
        for name, territory in (("Zoé Martin", "Landes"), ("Paul Lin", "Gironde")):
            p = store.add_participant(
                Participant(workshop_id, names=[name], organisation="CC", territory=territory)
            )
            store.add_item(Item(p.id, ItemKind.NEED, "Trouver des financements"))
            store.add_item(Item(p.id, ItemKind.OFFER, "Club d'entreprises"))
        data = gather(store, workshop_id, lang=lang, match_first=False)
    target = tmp_path / f"t-{lang}.xlsx"
    write_xlsx(data, target)
    return openpyxl.load_workbook(target)


def _row_of(sheet, label: str) -> int:
    return next(c.row for c in sheet["A"] if c.value == label)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_contact_of_three_lines_shows_three_lines_without_covering_the_next_row(
    tmp_path: Path, lang: str
) -> None:
    sheet = _workbook(tmp_path, lang).worksheets[0]
    row = _row_of(sheet, "Contact")
    cell = sheet.cell(row=row, column=2)
    assert cell.value == "Chloé Lœvenbruck\n05 58 00 00 00\nchloe@exemple.fr"
    # Unwrapped, Excel shows the three lines as one; in a row of one line's height they
    # spill over « Participants » below it.
    assert cell.alignment.wrap_text, "the contact's line breaks are not shown"
    assert (sheet.row_dimensions[row].height or 15) >= 3 * 15, "the row is one line high"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_counts_sit_under_their_heading(tmp_path: Path, lang: str) -> None:
    # A count is right-aligned in its column: its heading, left-aligned, read as the next
    # column's (« Participants » above nothing, the count under « Actions engagées »).
    sheet = _workbook(tmp_path, lang).worksheets[0]
    heading = _row_of(sheet, "Territoire" if lang == "fr" else "Territory")
    for column in range(2, 7):
        title, first = sheet.cell(row=heading, column=column), sheet.cell(row=heading + 1, column=column)
        assert isinstance(first.value, int), (title.value, first.value)
        assert title.alignment.horizontal == "right", f"« {title.value} » is left, its counts right"


def test_the_day_is_written_in_the_workbook_s_language(tmp_path: Path) -> None:
    # « d mmmm yyyy » takes the month's name from the reader's Excel: « 16 March 2021 » in a
    # French workbook opened in an English Excel (and LibreOffice).
    for lang, locale in (("fr", "[$-40C]"), ("en", "[$-809]")):
        sheet = _workbook(tmp_path, lang).worksheets[0]
        cell = sheet.cell(row=_row_of(sheet, "Date"), column=2)
        assert cell.number_format.startswith(locale), (lang, cell.number_format)


def test_a_shared_need_is_said_with_a_non_breaking_space_before_the_colon(tmp_path: Path) -> None:
    # « 2 participants cherchent des ressources sur : financement », as the minutes print it:
    # the colon does not start the next line in a narrow Excel column.
    cells = [
        str(c.value)
        for sheet in _workbook(tmp_path, "fr").worksheets
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, str) and "cherchent des ressources sur" in c.value
    ]
    assert cells
    for value in cells:
        assert " :" not in value and "sur\u00a0:" in value, value


def _followed_up(tmp_path: Path, lang: str) -> tuple[openpyxl.Workbook, Path]:
    """Three matches decided (one by hand), one of them followed up « sans suite », one
    contacted; a suggestion left; exported in `lang`. Returns the workbook and the file."""
    path = tmp_path / f"suivi-{lang}.atelier"
    with Store.create(path, title="Atelier du Val", date="2021-03-16") as store:
        workshop_id = store.workshops()[0].id
        people = [
            store.add_participant(Participant(workshop_id, names=[name], organisation=org))
            for name, org in (
                ("Lucie Leroy", "Grand Angoulême"),
                ("Cécile Dallet", "PLIE des Graves"),
                ("Marc Roux", "Mission locale"),
                ("Karim Benali", "Cap Emploi"),
            )
        ]
        needs = [
            store.add_item(Item(people[i].id, ItemKind.NEED, text))
            for i, text in (
                (0, "des clauses d'insertion"),
                (2, "des chantiers d'insertion"),
                (0, "un annuaire"),
            )
        ]
        offers = [
            store.add_item(Item(people[i].id, ItemKind.OFFER, text))
            for i, text in (
                (1, "clauses sociales dans les marchés publics"),
                (3, "un annuaire des chantiers d'insertion"),
                (3, "un annuaire des structures"),
            )
        ]
        decided = [
            store.add_match(Match(workshop_id, need.id, offer.id, status, 0.4, ["mise en relation"]))
            for need, offer, status in zip(
                needs, offers, (MatchStatus.CONFIRMED, MatchStatus.CONFIRMED, MatchStatus.MANUAL), strict=True
            )
        ]
        store.add_match(
            Match(workshop_id, needs[0].id, offers[1].id, MatchStatus.SUGGESTED, 0.3, ["annuaire"])
        )
        store.set_follow_up(decided[0].id, FollowUp.DROPPED, note="Pas disponible")
        store.set_follow_up(decided[1].id, FollowUp.CONTACTED)
        data = gather(store, workshop_id, lang=lang, match_first=False)
    target = tmp_path / f"suivi-{lang}.xlsx"
    write_xlsx(data, target)
    return openpyxl.load_workbook(target), path


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_match_followed_up_dropped_is_never_counted_or_shown_as_confirmed(
    tmp_path: Path, lang: str
) -> None:
    """The summary said « Mises en relation confirmées : 3 » of three matches decided, one
    of them added by hand and one followed up « sans suite », and the matches sheet said
    « confirmée » in « Statut » on the row of the one that came to nothing. The summary now
    says how many were decided and where their follow-up stands, as the minutes' « Où en est
    le suivi » does; the dropped row's status says it; the suggestions shown are counted."""
    book, _path = _followed_up(tmp_path, lang)
    summary, matches = book.worksheets[0], book.worksheets[-1]
    labels = {
        str(summary.cell(row=r, column=1).value).strip(): summary.cell(row=r, column=2).value
        for r in range(3, 20)
        if summary.cell(row=r, column=1).value
    }
    english = lang == "en"
    assert ("Confirmed matches" if english else "Mises en relation confirmées") not in labels, labels
    assert labels["Matches decided" if english else "Mises en relation décidées"] == 3, labels
    states = ("to contact", "contacted", "done", "dropped") if english else FOLLOW_UP.values()
    assert [labels[s] for s in states] == [1, 1, 0, 1], labels
    # The states stand under « décidées », indented; every other fact is a bold label of its own.
    for r in range(
        3, _row_of(summary, "Items per column of the grid" if english else "Éléments par rubrique")
    ):
        label = summary.cell(row=r, column=1)
        if label.value:
            under = label.value in states
            assert (label.alignment.indent == 2) == under and bool(label.font.bold) != under, label.value
    header = [c.value for c in matches[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in matches.iter_rows(min_row=2)]
    status, follow_up = ("Status", "Follow-up") if english else ("Statut", "Suivi")
    (dropped,) = [r for r in rows if r[follow_up] == ("dropped" if english else "sans suite")]
    assert dropped[status] == ("confirmed, then dropped" if english else "confirmée, puis classée sans suite")
    suggested = [r for r in rows if r[status] == "suggestion"]
    assert (
        labels["Suggestions (at most 2 per need)" if english else "Suggestions (2 au plus par besoin)"]
        == len(suggested)
        == 1
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_long_organiser_and_contact_stay_within_the_printed_page(tmp_path: Path, lang: str) -> None:
    """An organiser or a contact longer than the summary's columns ran past its right edge on
    one line: printed, it was cut at the page's edge, or the whole summary shrunk to hold it.
    Each is now wrapped across the summary's width (B to F), its row as tall as its lines."""
    import textwrap

    path = tmp_path / "long.atelier"
    organiser = (
        "Communauté d'agglomération du Grand Villeneuvois et des coteaux de Gascogne, "
        "service développement économique, emploi, insertion et politique de la ville"
    )
    contact = (
        "Marie-Christine Lœvenbruck-Delacroix, chargée de mission emploi et insertion, direction "
        "de la cohésion sociale, marie-christine.loevenbruck@agglo-villeneuvois.fr, 05 53 00 00 00"
    )
    with Store.create(
        path, title="Atelier du Val", date="2021-03-16", organiser=organiser, contact=contact
    ) as store:
        workshop_id = store.workshops()[0].id
        p = store.add_participant(Participant(workshop_id, names=["Zoé Martin"], organisation="CC"))
        store.add_item(Item(p.id, ItemKind.NEED, "Trouver des financements"))
        data = gather(store, workshop_id, lang=lang, match_first=False)
    target = tmp_path / "long.xlsx"
    write_xlsx(data, target)
    sheet = openpyxl.load_workbook(target).worksheets[0]
    width = sum(sheet.column_dimensions[letter].width for letter in "BCDEF")
    for label, text in (("Organisateur" if lang == "fr" else "Organiser", organiser), ("Contact", contact)):
        row = _row_of(sheet, label)
        cell = sheet.cell(row=row, column=2)
        assert cell.value == text and cell.alignment.wrap_text, label
        assert f"B{row}:F{row}" in {str(m) for m in sheet.merged_cells.ranges}, label
        lines = len(textwrap.wrap(text, int(width * 1.2)))
        assert lines >= 2 and (sheet.row_dimensions[row].height or 15) >= 15 * lines, (label, lines)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_day_beside_a_follow_up_says_the_last_step_whatever_its_state(tmp_path: Path, lang: str) -> None:
    """The matches sheet and `suivi --xlsx` headed the day beside « Suivi » « Suivi depuis le »
    (« Follow-up since »): beside « faite », « sans suite » or « contactée », a follow-up read as
    still going on since that day. The day is that of the follow-up's last step, as « Étapes du
    suivi » says it on the same row (« … · faite le 3 avril 2021 »), and its heading says so,
    true of every state: « Dernière étape le » (« Last step on »)."""
    from atelier.exports.xlsx import write_follow_up_xlsx

    path = tmp_path / "etapes.atelier"
    with Store.create(path, title="Atelier du Val", date="2021-03-16") as store:
        workshop_id = store.workshops()[0].id
        lucie, cecile = (
            store.add_participant(Participant(workshop_id, names=[name], organisation=org))
            for name, org in (("Lucie Leroy", "Grand Angoulême"), ("Cécile Dallet", "PLIE des Graves"))
        )
        decided = []
        for need, offer in (
            ("des clauses", "clauses sociales"),
            ("un local", "une salle"),
            ("un car", "un bus"),
        ):
            asked = store.add_item(Item(lucie.id, ItemKind.NEED, need))
            offered = store.add_item(Item(cecile.id, ItemKind.OFFER, offer))
            match = store.add_match(Match(workshop_id, asked.id, offered.id, MatchStatus.CONFIRMED, 0.5))
            store.set_follow_up(match.id, FollowUp.TO_CONTACT, day="2021-03-16")
            decided.append(match)
        store.set_follow_up(decided[0].id, FollowUp.CONTACTED, day="2021-03-22")
        store.set_follow_up(decided[0].id, FollowUp.DONE, day="2021-04-03")
        store.set_follow_up(decided[1].id, FollowUp.DROPPED, day="2021-03-25")
        data = gather(store, workshop_id, lang=lang, match_first=False)
        entries = store.follow_ups()
    english = lang == "en"
    heading = "Last step on" if english else "Dernière étape le"
    steps_heading = "Follow-up steps" if english else "Étapes du suivi"
    write_xlsx(data, tmp_path / "tableaux.xlsx")
    write_follow_up_xlsx(entries, tmp_path / "suivi.xlsx", lang)
    for name in ("tableaux.xlsx", "suivi.xlsx"):
        sheet = openpyxl.load_workbook(tmp_path / name).worksheets[-1]
        header = [str(c.value) for c in sheet[1]]
        assert heading in header and not any("since" in h or "depuis" in h for h in header), (name, header)
        rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
        days = {r[steps_heading].rsplit(" · ", 1)[-1]: r[heading].date().isoformat() for r in rows}
        if english:
            assert days == {
                "done on 3 April 2021": "2021-04-03",
                "dropped on 25 March 2021": "2021-03-25",
                "decided on 16 March 2021": "2021-03-16",
            }, (name, days)
        else:
            assert days == {
                "faite le 3 avril 2021": "2021-04-03",
                "classée sans suite le 25 mars 2021": "2021-03-25",
                "décidée le 16 mars 2021": "2021-03-16",
            }, (name, days)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_matches_rejected_are_counted_and_listed_as_info_counts_them(tmp_path: Path, lang: str) -> None:
    """`atelier info` said « 1 suggérée, 3 décidées (…), 2 écartées » and the workbook of the same
    workshop had no trace of the two the facilitator set aside: its summary counted the
    decided and the suggestions only, its matches sheet listed neither. The summary now counts
    them (« Mises en relation écartées : 2 »), the sheet lists them after the suggestions,
    « écartée » in « Statut », with no confidence nor follow-up (nothing to follow); the import
    of the workbook counts only the 3 decided among those it does not take back."""
    from tests.conftest import run_cli

    path = tmp_path / f"ecartees-{lang}.atelier"
    with Store.create(path, title="Atelier du Val", date="2021-03-16") as store:
        workshop_id = store.workshops()[0].id
        lucie, cecile = (
            store.add_participant(Participant(workshop_id, names=[name], organisation=org))
            for name, org in (("Lucie Leroy", "Grand Angoulême"), ("Cécile Dallet", "PLIE des Graves"))
        )
        for status, need, offer in (
            (MatchStatus.CONFIRMED, "des clauses d'insertion", "clauses sociales"),
            (MatchStatus.CONFIRMED, "un local", "une salle de réunion"),
            (MatchStatus.MANUAL, "des bénévoles", "un réseau de bénévoles"),
            (MatchStatus.SUGGESTED, "un annuaire", "un guide"),
            (MatchStatus.REJECTED, "un minibus", "un bus scolaire"),
            (MatchStatus.REJECTED, "une imprimante", "une photocopieuse"),
        ):
            asked = store.add_item(Item(lucie.id, ItemKind.NEED, need))
            offered = store.add_item(Item(cecile.id, ItemKind.OFFER, offer))
            store.add_match(Match(workshop_id, asked.id, offered.id, status, 0.4, ["mot"]))
        data = gather(store, workshop_id, lang=lang, match_first=False)
    english = lang == "en"
    env = {"ATELIER_LANG": lang}
    info = run_cli("info", str(path), env=env).stdout
    assert ("2 rejected" if english else "2 écartées") in info, info
    target = tmp_path / f"ecartees-{lang}.xlsx"
    write_xlsx(data, target)
    book = openpyxl.load_workbook(target)
    summary, matches = book.worksheets[0], book.worksheets[-1]
    labels = {
        str(summary.cell(row=r, column=1).value).strip(): summary.cell(row=r, column=2).value
        for r in range(
            3, _row_of(summary, "Items per column of the grid" if english else "Éléments par rubrique")
        )
        if summary.cell(row=r, column=1).value
    }
    assert labels["Matches rejected" if english else "Mises en relation écartées"] == 2, labels
    header = [c.value for c in matches[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in matches.iter_rows(min_row=2)]
    status, confidence, follow_up = (
        ("Status", "Confidence", "Follow-up") if english else ("Statut", "Confiance", "Suivi")
    )
    rejected = [r for r in rows if r[status] == ("rejected" if english else "écartée")]
    assert [r["Need" if english else "Besoin"] for r in rejected] == ["un minibus", "une imprimante"]
    assert all(not r[confidence] and not r[follow_up] for r in rejected), rejected
    assert rows[-2:] == rejected, "listed after the decisions and the suggestions"
    again = run_cli("import", str(target), "-o", str(tmp_path / f"relu-{lang}.atelier"), env=env)
    said = (again.stdout + again.stderr).replace("\u00a0", " ").replace("\u202f", " ")
    assert (
        "3 decided matches not taken back" if english else "3 mises en relation décidées non reprises"
    ) in said


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_actions_column_is_counted_alike_in_the_minutes_and_the_workbook(
    tmp_path: Path, lang: str
) -> None:
    """The example's minutes say « ont présenté 70 actions déjà engagées, … 4 observations,
    7 constats et 10 objectifs annoncés », the workbook of the same file « Actions engagées :
    91 » and `atelier info` « 91 actions »: side by side, 70 and 91 of the same column. The
    workbook now says, under the column's 91 items, what they are with the minutes' words and
    figures; they add up to its 91, the count `info` gives."""
    import re
    import shutil

    from tests.conftest import ROOT, run_cli
    from tests.helpers.minutes import minutes_sections

    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    english = lang == "en"
    env = {"ATELIER_LANG": lang}
    sections = minutes_sections(path, tmp_path / "cr.docx", lang)
    context = next(
        line for lines in sections.values() for line in lines if re.match(r"\d+ participants", line)
    )
    words = (
        ("actions already under way", "observations", "findings", "stated aims")
        if english
        else ("actions déjà engagées", "observations", "constats", "objectifs annoncés")
    )
    in_minutes = {w: int(re.search(rf"(\d+) {w}", context).group(1)) for w in words}  # type: ignore[union-attr]
    target = tmp_path / "tableaux.xlsx"
    assert run_cli("export", str(path), "--xlsx", str(target), env=env).returncode == 0
    summary = openpyxl.load_workbook(target).worksheets[0]
    column = _row_of(summary, "Actions under way" if english else "Actions engagées")
    in_workbook = {
        str(summary.cell(row=r, column=1).value): summary.cell(row=r, column=2).value
        for r in range(column + 1, column + 1 + len(words))
    }
    assert in_workbook == in_minutes, (in_workbook, context)
    for r in range(column + 1, column + 1 + len(words)):
        assert summary.cell(row=r, column=1).alignment.indent == 2, "under the column's own row"
    total = summary.cell(row=column, column=2).value
    assert total == sum(in_minutes.values()) == 91, (total, in_minutes)
    info = run_cli("info", str(path), env=env).stdout
    assert f"{total} actions" in info, info

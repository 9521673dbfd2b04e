"""The minutes say when matches were decided: those confirmed on the workshop's day « pendant
l'atelier », those confirmed weeks later « depuis l'atelier » (every match was said to be
« décidée pendant l'atelier », even one confirmed months later)."""

from __future__ import annotations

from pathlib import Path

import pytest

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant, SynthesisSection
from atelier.store import Store

from .conftest import run_cli

ON_THE_DAY = "2023-10-12T14:30:00.000Z"


def _workshop(path: Path, *, during: int, since: int, date: str = "2023-10-12") -> None:
    """Lucie's needs; Grégory's offers: `during` confirmed on the day, `since` confirmed now."""
    with Store.create(path, title="Atelier emploi du Grand Angoulême", date=date) as store:
        workshop_id = store.workshops()[0].id
        lucie = store.add_participant(
            Participant(workshop_id, names=["Lucie Leroy"], organisation="GrandAngoulême")
        )
        gregory = store.add_participant(
            Participant(workshop_id, names=["Grégory Talvy"], organisation="Région N-A")
        )
        for n in range(during + since):
            need = store.add_item(Item(lucie.id, ItemKind.NEED, f"un besoin numéro {n + 1}"))
            offer = store.add_item(Item(gregory.id, ItemKind.OFFER, f"une ressource numéro {n + 1}"))
            if n < during:  # confirmed in the room
                store.add_match(
                    Match(
                        workshop_id,
                        need.id,
                        offer.id,
                        MatchStatus.CONFIRMED,
                        0.5,
                        created=ON_THE_DAY,
                        updated=ON_THE_DAY,
                    )
                )
            else:  # suggested in the room, confirmed today
                match = store.add_match(
                    Match(
                        workshop_id,
                        need.id,
                        offer.id,
                        MatchStatus.SUGGESTED,
                        0.5,
                        created=ON_THE_DAY,
                        updated=ON_THE_DAY,
                    )
                )
                store.update_match(match.id, status=MatchStatus.CONFIRMED)


def _minutes(tmp_path: Path, **counts: int) -> str:
    import docx

    workshop, minutes = tmp_path / "a.atelier", tmp_path / "cr.docx"
    _workshop(workshop, **counts)
    done = run_cli("export", str(workshop), "--docx", str(minutes))
    assert done.returncode == 0, done.stderr
    text = "\n".join(p.text for p in docx.Document(str(minutes)).paragraphs)
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def test_matches_confirmed_months_later_are_not_said_decided_during_the_workshop(tmp_path: Path) -> None:
    text = _minutes(tmp_path, during=0, since=2)
    assert "2 mises en relation décidées depuis l'atelier : qui cherche quoi" in text, text
    assert "pendant l'atelier : qui cherche" not in text
    assert "Chacun des 2 besoins a donné lieu à une mise en relation depuis l'atelier" in text, text
    assert "relation pendant l'atelier" not in text


def test_matches_of_the_day_and_later_are_told_apart(tmp_path: Path) -> None:
    text = _minutes(tmp_path, during=2, since=1)
    assert "3 mises en relation décidées, 2 pendant l'atelier et 1 depuis : qui cherche quoi" in text, text
    assert "2 ont donné lieu à une mise en relation pendant l'atelier et 1 depuis" in text, text


def test_matches_of_the_day_are_decided_during_the_workshop(tmp_path: Path) -> None:
    text = _minutes(tmp_path, during=2, since=0)
    assert "2 mises en relation décidées pendant l'atelier : qui cherche quoi" in text, text
    assert "Chacun des 2 besoins a donné lieu à une mise en relation pendant l'atelier" in text, text


def test_a_workshop_without_a_date_does_not_say_when(tmp_path: Path) -> None:
    text = _minutes(tmp_path, during=1, since=1, date="")
    assert "2 mises en relation décidées : qui cherche quoi" in text, text
    assert "pendant l'atelier : qui" not in text and "depuis l'atelier" not in text
    assert "Chacun des 2 besoins a donné lieu à une mise en relation." in text, text


def test_matches_decided_before_the_workshop_are_not_said_decided_during_it(tmp_path: Path) -> None:
    """A workshop prepared ahead (dated 20 October, matches confirmed on the 12th while
    preparing it, and one today, before a workshop set in the future): the minutes said
    « décidées pendant l'atelier », a room that had not met yet."""
    text = _minutes(tmp_path, during=2, since=0, date="2023-10-20")
    assert "2 mises en relation décidées : qui cherche quoi" in text, text
    assert "pendant l'atelier" not in text and "depuis l'atelier" not in text, text
    assert "Chacun des 2 besoins a donné lieu à une mise en relation." in text, text
    ahead = tmp_path / "ahead"
    ahead.mkdir()
    text = _minutes(ahead, during=1, since=1, date="2099-12-15")
    assert "2 mises en relation décidées : qui cherche quoi" in text, text
    assert "pendant l'atelier" not in text and "depuis l'atelier" not in text, text


def test_a_match_that_came_to_nothing_is_not_said_to_answer_its_need(tmp_path: Path) -> None:
    """A match put down « sans suite » in the follow-up was still counted in the minutes among
    the needs that « ont trouvé une réponse »."""
    import docx

    workshop, minutes = tmp_path / "a.atelier", tmp_path / "cr.docx"
    _workshop(workshop, during=2, since=0)
    with Store.open(workshop, readonly=True) as store:
        first = store.matches(store.workshops()[0].id)[0]
    dropped = run_cli("suivi", str(workshop), first.id[:8], "--etat", "sans-suite", "--le", "2023-10-20")
    assert dropped.returncode == 0, dropped.stderr
    done = run_cli("export", str(workshop), "--docx", str(minutes))
    assert done.returncode == 0, done.stderr
    text = "\n".join(p.text for p in docx.Document(str(minutes)).paragraphs)
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    # Both needs were put in touch in the room, as the table « Les mises en relation » shows;
    # one of those contacts came to nothing since (it said « 1 a donné lieu », then « 1 a une
    # piste »: the same need twice, and a decision of the room gone from the count).
    assert (
        "Chacun des 2 besoins a donné lieu à une mise en relation pendant l'atelier"
        " (dont 1 classée sans suite depuis)" in text
    ), text
    assert "trouvé une réponse" not in text and "a une piste" not in text, text
    # Its need keeps its lead in the leads' table, said to be that one's (both needs were put in
    # touch above: not « Pour un besoin » as if a third; one, in words, not « 1 besoin »).
    with Store.open(workshop, readonly=True) as store:
        need = store.item(first.need_id).text
    assert (
        "Pour un besoin dont la mise en relation décidée a été classée sans suite, voici la personne de "
        "l'atelier qui pourrait vous aider" in text
    ), text
    leads_table = docx.Document(str(minutes)).tables[-2]
    assert any(need in cell.text for row in leads_table.rows[1:] for cell in row.cells[:1])


# A decision recorded after the fact: « --etat a-contacter --le <jour de l'atelier> » (the
# README's way, and the Suivi window's D key) dates the match's decision back to the workshop.
DAY = "2023-10-12"


def _dated_back(tmp_path: Path) -> Path:
    """Three matches confirmed today; then the facilitator records that two of them were in
    fact decided on the workshop's day: one then contacted a week later, the other contacted
    today before its decision is dated back."""
    workshop = tmp_path / "a.atelier"
    _workshop(workshop, during=0, since=3)
    with Store.open(workshop, readonly=True) as store:
        first, second, _third = sorted(m.id for m in store.matches(store.workshops()[0].id))
    for args in (
        (first, "--etat", "a-contacter", "--le", "12/10/2023"),
        (first, "--etat", "contacte", "--le", "20/10/2023"),
        (second, "--etat", "contacte"),  # contacted today, its decision dated back after
        (second, "--etat", "a-contacter", "--le", DAY),
    ):
        done = run_cli("suivi", str(workshop), args[0][:8], *args[1:])
        assert done.returncode == 0, done.stderr
    return workshop


def _minutes_of(workshop: Path, minutes: Path, lang: str = "fr") -> tuple[str, list[str]]:
    import docx

    done = run_cli("export", str(workshop), "--docx", str(minutes), "--force", env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    document = docx.Document(str(minutes))
    text = "\n".join(p.text for p in document.paragraphs).replace("\u00a0", " ").replace("\u202f", " ")
    (made,) = [t for t in document.tables if t.rows[0].cells[-1].text in ("Suivi", "Follow-up")]
    cells = [row.cells[3].text.replace("\u00a0", " ") for row in made.rows[1:]]
    return text, [*done.stderr.strip().splitlines(), *cells]


def test_a_decision_dated_back_to_the_workshop_day_is_counted_during_the_workshop(tmp_path: Path) -> None:
    """The minutes said « 3 mises en relation décidées depuis l'atelier » above two rows saying
    « décidée le 12 octobre 2023 », the workshop's day; the synthesis said the same."""
    workshop = _dated_back(tmp_path)
    text, cells = _minutes_of(workshop, tmp_path / "cr.docx")
    assert "3 mises en relation décidées, 2 pendant l'atelier et 1 depuis : qui cherche quoi" in text, text
    assert "2 ont donné lieu à une mise en relation pendant l'atelier et 1 depuis" in text, text
    assert "depuis l'atelier" not in text
    # The table says the same days as the heading counts.
    assert sum("décidée le 12 octobre 2023" in c for c in cells) == 2, cells
    english, cells = _minutes_of(workshop, tmp_path / "minutes.docx", "en")
    assert "3 matches decided, 2 during the workshop and 1 since: who is looking for what" in english, english
    assert "2 led to a match during the workshop and 1 since" in english, english
    assert "since the workshop" not in english
    assert sum("decided on 12 October 2023" in c for c in cells) == 2, cells


def test_a_drafted_synthesis_follows_decisions_dated_back(tmp_path: Path) -> None:
    """The synthesis as the editor saved it: an untouched section is drafted again with the
    decisions' days as they are now; an edited one is kept, and its changed figures are said."""
    from atelier.exports import drafted_sections, gather
    from atelier.synthesis import draft_heading_key, drafted_record

    workshop = tmp_path / "a.atelier"
    _workshop(workshop, during=0, since=3)
    with Store.open(workshop) as store:
        workshop_id = store.workshops()[0].id
        for heading, body in drafted_sections(gather(store, workshop_id)):
            key = draft_heading_key(heading)
            drafted = drafted_record(key, heading, body) if key else {}
            store.add_synthesis_section(SynthesisSection(workshop_id, heading, body, drafted=drafted))
        said = {s.heading: s.body for s in store.synthesis_sections(workshop_id)}
    needs = next(h for h, b in said.items() if "donné lieu" in b)
    assert "Chacun des 3 besoins a donné lieu à une mise en relation depuis l'atelier" in said[needs]
    edited = tmp_path / "edited.atelier"
    edited.write_bytes(workshop.read_bytes())

    text, said_after = _minutes_of(_dated_back_in(workshop), tmp_path / "cr.docx")
    assert "2 ont donné lieu à une mise en relation pendant l'atelier et 1 depuis" in text, text
    assert "depuis l'atelier" not in text
    assert not any("relisez" in line for line in said_after), said_after

    with Store.open(edited) as store:
        section = next(s for s in store.synthesis_sections(workshop_id) if s.heading == needs)
        store.update_synthesis_section(section.id, body=section.body + " Merci à tous.")
    text, said_after = _minutes_of(_dated_back_in(edited), tmp_path / "cr2.docx")
    assert "Chacun des 3 besoins a donné lieu à une mise en relation depuis l'atelier" in text  # theirs
    stale = (
        f"La section « {needs} » a été modifiée à la main avant les derniers changements de la grille"
        " : relisez ses chiffres."
    )
    assert stale in [line.replace("\u00a0", " ") for line in said_after], said_after


def _dated_back_in(workshop: Path) -> Path:
    with Store.open(workshop, readonly=True) as store:
        first, second, _third = sorted(m.id for m in store.matches(store.workshops()[0].id))
    for match_id in (first, second):
        done = run_cli("suivi", str(workshop), match_id[:8], "--etat", "a-contacter", "--le", DAY)
        assert done.returncode == 0, done.stderr
    return workshop


def test_a_decision_dated_back_with_d_in_the_suivi_window_is_counted_during_the_workshop(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    """Alt+2 (« Suivi »), D on a match confirmed today, the workshop's day typed: the minutes
    count it « pendant l'atelier », as its row says « décidée le … »."""
    from datetime import date, timedelta

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from .helpers.keyboard import active_window, key, type_text
    from .helpers.one_match import lucie_and_cecile

    held = date.today() - timedelta(days=20)
    path = tmp_path / "reseau.atelier"
    lucie_and_cecile(path, held, title="Atelier de l'automne")
    window = active_window(qtbot, path)
    try:
        key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
        key(qtbot, Qt.Key.Key_D)
        type_text(held.strftime("%d/%m/%Y"))
        key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.followup.table, timeout=5000)
        qtbot.waitUntil(lambda: not window.followup.recording, timeout=5000)
    finally:
        window.close()
    text, cells = _minutes_of(path, tmp_path / "cr.docx")
    from atelier.french import long_date

    assert cells == [f"à contacter depuis le {long_date(held.isoformat())}"], cells
    assert "1 mise en relation décidée pendant l'atelier : qui cherche quoi" in text, text
    assert "Il a donné lieu à une mise en relation pendant l'atelier." in text, text
    assert no_modal_boxes == []


def test_an_edited_synthesis_is_said_stale_when_its_decisions_are_all_dated_back(tmp_path: Path) -> None:
    """« Chacun des 3 besoins a donné lieu à une mise en relation depuis l'atelier », edited by
    the facilitator, then every decision dated back to the workshop's day: no figure changes
    (3 needs), but the sentence is no longer true; the export says to read the section again."""
    from atelier.exports import drafted_sections, gather
    from atelier.synthesis import draft_heading_key, drafted_record

    workshop = tmp_path / "a.atelier"
    _workshop(workshop, during=0, since=3)
    with Store.open(workshop) as store:
        workshop_id = store.workshops()[0].id
        for heading, body in drafted_sections(gather(store, workshop_id)):
            key = draft_heading_key(heading)
            drafted = drafted_record(key, heading, body) if key else {}
            store.add_synthesis_section(SynthesisSection(workshop_id, heading, body, drafted=drafted))
        section = next(s for s in store.synthesis_sections(workshop_id) if "donné lieu" in s.body)
        store.update_synthesis_section(section.id, body=section.body + " Merci à tous.")
        ids = sorted(m.id for m in store.matches(workshop_id))
    text, said = _minutes_of(workshop, tmp_path / "cr.docx")
    assert not any("relisez" in line for line in said), said  # nothing changed yet: nothing said
    for match_id in ids:
        done = run_cli("suivi", str(workshop), match_id[:8], "--etat", "a-contacter", "--le", DAY)
        assert done.returncode == 0, done.stderr
    text, said = _minutes_of(workshop, tmp_path / "cr.docx")
    assert "3 mises en relation décidées pendant l'atelier" in text, text
    assert "Chacun des 3 besoins a donné lieu à une mise en relation depuis l'atelier. Merci à tous." in text
    stale = (
        f"La section « {section.heading} » a été modifiée à la main avant les derniers changements de la"
        " grille : relisez ses chiffres."
    )
    assert stale in [line.replace("\u00a0", " ") for line in said], said


def _drop(workshop: Path, count: int) -> None:
    """The follow-up puts the first `count` matches of the workshop down « sans suite »."""
    with Store.open(workshop, readonly=True) as store:
        matches = store.matches(store.workshops()[0].id)[:count]
    for match in matches:
        dropped = run_cli("suivi", str(workshop), match.id[:8], "--etat", "sans-suite", "--le", "2023-11-20")
        assert dropped.returncode == 0, dropped.stderr


def test_needs_put_in_touch_are_all_counted_those_dropped_since_said_so(tmp_path: Path) -> None:
    """r.atelier's 2022 minutes: « Sur ces 6 besoins, 4 ont donné lieu à une mise en relation
    pendant l'atelier … et 1 reste sans réponse » over a table of 5 needs put in touch in the
    room, one of them « classée sans suite le 30 juin 2022 »."""
    workshop = tmp_path / "a.atelier"
    _workshop(workshop, during=3, since=1)
    with Store.open(workshop) as store:
        lucie = next(p for p in store.participants(store.workshops()[0].id) if "Lucie Leroy" in p.names)
        store.add_item(Item(lucie.id, ItemKind.NEED, "un besoin sans personne pour y répondre"))
    _drop(workshop, 1)
    text, _ = _minutes_of(workshop, tmp_path / "cr.docx")
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    assert (
        "Sur ces 5 besoins, 3 ont donné lieu à une mise en relation pendant l'atelier"
        " (dont 1 classée sans suite depuis), 1 depuis et 1 reste sans réponse pour l'instant" in text
    ), text
    english, _ = _minutes_of(workshop, tmp_path / "minutes.docx", "en")
    assert (
        "Of these 5 needs, 3 led to a match during the workshop (including 1 since dropped), 1 since"
        " and 1 remains unanswered for now" in english
    ), english


def test_the_one_need_put_in_touch_then_dropped_is_said_so(tmp_path: Path) -> None:
    workshop = tmp_path / "a.atelier"
    _workshop(workshop, during=1, since=0)
    _drop(workshop, 1)
    text, _ = _minutes_of(workshop, tmp_path / "cr.docx")
    text = text.replace("\u00a0", " ")
    assert "Il a donné lieu à une mise en relation pendant l'atelier, classée sans suite depuis." in text, (
        text
    )
    english, _ = _minutes_of(workshop, tmp_path / "minutes.docx", "en")
    assert "It led to a match during the workshop, since dropped." in english, english


def _second_match(workshop: Path, need_number: int) -> str:
    """A second helper (Zoé's offer, confirmed on the day) for Lucie's need `need_number`."""
    with Store.open(workshop) as store:
        workshop_id = store.workshops()[0].id
        need = next(
            i for i in store.workshop_items(workshop_id) if i.text == f"un besoin numéro {need_number}"
        )
        zoe = store.add_participant(Participant(workshop_id, names=["Zoé Martin"], organisation="PLIE"))
        offer = store.add_item(Item(zoe.id, ItemKind.OFFER, "une autre ressource"))
        match = store.add_match(
            Match(
                workshop_id,
                need.id,
                offer.id,
                MatchStatus.CONFIRMED,
                0.5,
                created=ON_THE_DAY,
                updated=ON_THE_DAY,
            )
        )
        return match.id


def _drop_the(workshop: Path, match_id: str) -> None:
    dropped = run_cli("suivi", str(workshop), match_id[:8], "--etat", "sans-suite", "--le", "2023-11-20")
    assert dropped.returncode == 0, dropped.stderr


@pytest.mark.parametrize("needs", [1, 2])
def test_a_need_with_another_match_standing_is_not_said_dropped(tmp_path: Path, needs: int) -> None:
    """Lucie's need put in touch with Grégory and with Zoé in the room; the contact with Grégory
    came to nothing, the one with Zoé still stands: the need is not « classée sans suite ».
    Once Zoé's is dropped too, it is."""
    workshop = tmp_path / "a.atelier"
    _workshop(workshop, during=needs, since=0)
    with Store.open(workshop, readonly=True) as store:
        first = store.matches(store.workshops()[0].id)[0]
        need_number = int(store.item(first.need_id).text.rsplit(" ", 1)[1])
    zoe = _second_match(workshop, need_number)
    _drop_the(workshop, first.id)
    text, _ = _minutes_of(workshop, tmp_path / "cr.docx")
    english, _ = _minutes_of(workshop, tmp_path / "minutes.docx", "en")
    assert "sans suite depuis" not in text, text
    assert "since dropped" not in english, english  # (the follow-up's count of matches says « dropped: 1 »)
    said = "Il a donné lieu" if needs == 1 else "Chacun des 2 besoins a donné lieu"
    assert f"{said} à une mise en relation pendant l'atelier" in text, text
    _drop_the(workshop, zoe)
    text, _ = _minutes_of(workshop, tmp_path / "cr.docx", "fr")
    ends = ", classée sans suite depuis." if needs == 1 else " (dont 1 classée sans suite depuis)"
    assert f"{said} à une mise en relation pendant l'atelier{ends}" in text, text

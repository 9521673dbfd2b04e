"""The minutes say when matches were decided: those confirmed on the workshop's day « pendant
l'atelier », those confirmed weeks later « depuis l'atelier » (every match was said to be
« décidée pendant l'atelier », even one confirmed months later)."""

from __future__ import annotations

from pathlib import Path

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant
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
    assert "1 a donné lieu à une mise en relation pendant l'atelier" in text, text
    assert "2 ont donné lieu" not in text and "trouvé une réponse" not in text
    # The synthesis counts its need among those with a lead: the leads' table shows it, not
    # « Pour 0 autre besoin » beside « 1 a une piste ».
    with Store.open(workshop, readonly=True) as store:
        need = store.item(first.need_id).text
    assert "1 a une piste dans la salle" in text, text
    assert "Pour 1 besoin, voici la personne de l'atelier qui pourrait vous aider" in text, text
    leads_table = docx.Document(str(minutes)).tables[-2]
    assert any(need in cell.text for row in leads_table.rows[1:] for cell in row.cells[:1])

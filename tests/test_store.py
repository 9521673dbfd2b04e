"""The .atelier file: every field survives a reopen, order is kept, deletions can be undone."""

from __future__ import annotations

from pathlib import Path

import pytest

from atelier.domain import (
    FollowUp,
    Item,
    ItemKind,
    Match,
    MatchStatus,
    Participant,
    Reason,
    ReasonKind,
    SynthesisSection,
    Workshop,
)
from atelier.errors import AtelierError, FileRefused, InvalidValue, ReadOnlyError
from atelier.store import SCHEMA_VERSION, Store


def _two_participants(store: Store) -> tuple[str, Participant, Participant]:
    workshop_id = store.workshops()[0].id
    a = store.add_participant(Participant(workshop_id, names=["Lucie Leroy"], organisation="Grand Angoulême"))
    b = store.add_participant(Participant(workshop_id, names=["Jacques Le-priol"], organisation="Région N-A"))
    return workshop_id, a, b


def test_every_field_survives_closing_and_reopening(store: Store) -> None:
    path = store.path
    workshop_id = store.workshops()[0].id
    store.update_workshop(
        workshop_id, organiser="PQN-A", description="Démarches territoriales", themes=["GPECT", "coopération"]
    )
    p = store.add_participant(
        Participant(
            workshop_id,
            names=["Cécile BECHON", "Ghislaine Paparemborde"],
            organisation="CDA Pau",
            territory="Béarn",
            role="chargée de mission",
            contact="c@pau.fr",
            source_text="Cécile BECHON et Ghislaine Paparemborde - CDA Pau Béarn",
        )
    )
    other = store.add_participant(Participant(workshop_id, names=["Élise"], organisation="PETR"))
    need = store.add_item(Item(p.id, ItemKind.NEED, "Financer l'accompagnement des jeunes ?"))
    action = store.add_item(Item(p.id, ItemKind.ACTION, "Protocole PLIE en cours"))
    challenge = store.add_item(Item(p.id, ItemKind.CHALLENGE, "Aller vers plus de coopération"))
    offer = store.add_item(Item(other.id, ItemKind.OFFER, "Aides du Département « jeunesse »"))
    match = store.add_match(
        Match(
            workshop_id,
            need.id,
            offer.id,
            status=MatchStatus.CONFIRMED,
            score=0.82,
            reasons=[Reason(ReasonKind.TOPIC, term="jeunesse", need="jeunes", resource="jeunesse")],
            note="appeler",
            follow_up=FollowUp.CONTACTED,
        )
    )
    section = store.add_synthesis_section(SynthesisSection(workshop_id, "Contexte", "Un texte."))
    store.close()

    with Store.open(path) as again:
        w = again.workshop(workshop_id)
        assert (w.title, w.date, w.place, w.organiser, w.description, w.themes) == (
            "Atelier du 16 mars 2021",
            "2021-03-16",
            "Bordeaux",
            "PQN-A",
            "Démarches territoriales",
            ["GPECT", "coopération"],
        )
        assert again.participants(workshop_id) == [p, other]
        assert {i.id for i in again.items(p.id)} == {need.id, action.id, challenge.id}
        assert again.item(need.id) == need
        assert again.item(challenge.id).kind is ItemKind.CHALLENGE
        assert again.match(match.id) == match
        assert again.synthesis_sections(workshop_id) == [section]
        assert again.format_version == SCHEMA_VERSION
        assert again.integrity_check() == "ok"


def test_items_keep_the_order_they_were_typed_in(store: Store) -> None:
    _, a, _ = _two_participants(store)
    store.add_item(Item(a.id, ItemKind.NEED, "un"))
    store.add_item(Item(a.id, ItemKind.NEED, "trois"))
    store.add_item(Item(a.id, ItemKind.NEED, "deux"), position=1)
    assert [i.text for i in store.items(a.id, ItemKind.NEED)] == ["un", "deux", "trois"]


def test_participants_can_be_inserted_moved_and_deleted_keeping_positions(store: Store) -> None:
    workshop_id, a, b = _two_participants(store)
    c = store.add_participant(Participant(workshop_id, names=["Myriam"]), position=0)
    assert [p.id for p in store.participants(workshop_id)] == [c.id, a.id, b.id]
    store.move_participant(c.id, 5)
    assert [p.id for p in store.participants(workshop_id)] == [a.id, b.id, c.id]
    store.delete_participant(a.id)
    assert [p.position for p in store.participants(workshop_id)] == [0, 1]


def test_deleting_a_participant_can_be_undone_with_items_and_matches(store: Store) -> None:
    workshop_id, a, b = _two_participants(store)
    need = store.add_item(Item(a.id, ItemKind.NEED, "besoin"))
    offer = store.add_item(Item(b.id, ItemKind.OFFER, "offre"))
    store.add_match(Match(workshop_id, need.id, offer.id, status=MatchStatus.CONFIRMED))
    before = store.summary()
    snapshot = store.delete_participant(b.id)
    assert store.summary().matches[MatchStatus.CONFIRMED] == 0
    store.restore_participant(snapshot)
    assert store.summary() == before
    assert [p.id for p in store.participants(workshop_id)] == [a.id, b.id]


def test_a_match_never_links_a_participant_to_itself(store: Store) -> None:
    workshop_id, a, _ = _two_participants(store)
    need = store.add_item(Item(a.id, ItemKind.NEED, "besoin"))
    own_offer = store.add_item(Item(a.id, ItemKind.OFFER, "offre"))
    with pytest.raises(InvalidValue):
        store.add_match(Match(workshop_id, need.id, own_offer.id))


def test_bad_workshop_values_are_refused_and_nothing_written(store: Store) -> None:
    workshop_id = store.workshops()[0].id
    with pytest.raises(InvalidValue, match="Date invalide"):
        store.update_workshop(workshop_id, date="16/03/2021")
    with pytest.raises(InvalidValue, match="titre"):
        store.add_workshop(Workshop(title="  "))
    assert store.workshop(workshop_id).date == "2021-03-16"
    assert len(store.workshops()) == 1


def test_create_never_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "existant.atelier"
    target.write_bytes(b"precious")
    with pytest.raises(FileRefused, match="existe déjà"):
        Store.create(target, title="Nouveau")
    assert target.read_bytes() == b"precious"
    assert list(tmp_path.iterdir()) == [target]


def test_a_read_only_file_opens_read_only_and_refuses_edits(store: Store) -> None:
    path = store.path
    store.close()
    path.chmod(0o444)
    try:
        before = path.read_bytes()
        with Store.open(path) as again:
            assert again.readonly
            workshop_id = again.workshops()[0].id
            with pytest.raises(ReadOnlyError, match="lecture seule"):
                again.add_participant(Participant(workshop_id, names=["X"]))
        assert path.read_bytes() == before
    finally:
        path.chmod(0o644)


def test_unknown_workshop_is_a_clear_error(store: Store) -> None:
    with pytest.raises(AtelierError, match="Aucun atelier"):
        store.workshop("nope")


def test_editing_a_cell_keeps_unchanged_items_and_undo_restores_it(store: Store) -> None:
    workshop_id, a, b = _two_participants(store)
    store.set_cell(a.id, ItemKind.NEED, ["financer", "recruter"])
    need = store.items(a.id, ItemKind.NEED)[0]
    offer = store.add_item(Item(b.id, ItemKind.OFFER, "aides"))
    store.add_match(Match(workshop_id, need.id, offer.id, status=MatchStatus.CONFIRMED))
    # Edit the second line, add a third: the first item (and its match) is untouched.
    snapshot, ids = store.set_cell(a.id, ItemKind.NEED, ["financer", "recruter vite", "former"])
    after = store.items(a.id, ItemKind.NEED)
    assert [i.text for i in after] == ["financer", "recruter vite", "former"]
    assert after[0].id == need.id and [i.id for i in after] == ids
    assert store.summary().matches[MatchStatus.CONFIRMED] == 1
    # Remove the matched line: its match goes; undo brings both back.
    snapshot, _ = store.set_cell(a.id, ItemKind.NEED, ["former"])
    assert store.summary().matches[MatchStatus.CONFIRMED] == 0
    store.restore_cell(snapshot)
    assert [i.text for i in store.items(a.id, ItemKind.NEED)] == ["financer", "recruter vite", "former"]
    assert store.summary().matches[MatchStatus.CONFIRMED] == 1
    # Redo with the same ids gives the same items.
    again, again_ids = store.set_cell(a.id, ItemKind.NEED, ["x", "y"], ids=["id-x", "id-y"])
    assert [i.id for i in store.items(a.id, ItemKind.NEED)] == ["id-x", "id-y"] == again_ids


def test_a_second_writer_gets_the_file_read_only_until_the_first_closes(store: Store) -> None:
    path = store.path
    store.close()
    first = Store.open(path, lock=True)
    second = Store.open(path, lock=True)
    assert not first.readonly
    assert second.readonly and second.locked_by_other
    with pytest.raises(ReadOnlyError):
        second.update_workshop(second.workshops()[0].id, place="ailleurs")
    second.close()
    first.close()
    third = Store.open(path, lock=True)
    assert not third.readonly
    third.close()
    assert not any(p.name.startswith(".~lock") for p in path.parent.iterdir())

"""Follow-up of confirmed matches after the workshop: states, dates, notes, short ids, the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from atelier.domain import FollowUp, Item, ItemKind, Match, MatchStatus, Participant, Workshop
from atelier.errors import AtelierError
from atelier.store import Store
from atelier.store.followup import short_ids

from .conftest import run_cli

FIXTURES = Path(__file__).parent / "fixtures"


def _workshop_with_matches(store: Store) -> dict[str, str]:
    """Lucie needs a directory; Grégory and Cécile can help; one suggestion left open."""
    workshop_id = store.workshops()[0].id
    lucie = store.add_participant(
        Participant(workshop_id, names=["Lucie Leroy"], organisation="Grand Angoulême")
    )
    gregory = store.add_participant(
        Participant(workshop_id, names=["Grégory TALVY"], organisation="Région N-A")
    )
    cecile = store.add_participant(
        Participant(workshop_id, names=["Cécile Dallet"], organisation="PLIE des Graves")
    )
    need = store.add_item(Item(lucie.id, ItemKind.NEED, "un répertoire d'initiatives locales"))
    offer = store.add_item(Item(gregory.id, ItemKind.OFFER, "présenter les dispositifs régionaux"))
    action = store.add_item(Item(cecile.id, ItemKind.ACTION, "annuaire des structures d'insertion"))
    other = store.add_item(Item(cecile.id, ItemKind.OFFER, "clauses d'insertion"))
    confirmed = store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.CONFIRMED, 0.4, ["Région"]))
    manual = store.add_match(Match(workshop_id, need.id, action.id, MatchStatus.MANUAL, 1.0))
    suggested = store.add_match(Match(workshop_id, need.id, other.id, MatchStatus.SUGGESTED, 0.1))
    return {
        "workshop": workshop_id,
        "confirmed": confirmed.id,
        "manual": manual.id,
        "suggested": suggested.id,
    }


def test_a_confirmed_match_starts_to_contact_dated_and_each_state_change_is_dated_and_kept(
    store: Store,
) -> None:
    ids = _workshop_with_matches(store)
    first = store.match(ids["confirmed"])
    assert first.follow_up == FollowUp.TO_CONTACT and first.follow_up_changed  # dated when decided
    assert store.match(ids["suggested"]).follow_up_changed == ""  # a suggestion has no follow-up yet

    store.set_follow_up(ids["confirmed"], FollowUp.CONTACTED, note="appelée le 2 mars")
    store.set_follow_up(ids["manual"], FollowUp.TO_CONTACT, day="2026-03-01")  # decided then
    store.set_follow_up(ids["manual"], FollowUp.DROPPED, day="2026-03-04")
    path = store.path
    store.close()
    with Store.open(path) as again:
        contacted, dropped = again.match(ids["confirmed"]), again.match(ids["manual"])
        assert (contacted.follow_up, contacted.note) == (FollowUp.CONTACTED, "appelée le 2 mars")
        assert contacted.follow_up_changed >= first.follow_up_changed
        assert (dropped.follow_up, dropped.follow_up_changed) == (FollowUp.DROPPED, "2026-03-04")
        # Only the note changes: the state keeps the date it was set.
        kept = again.set_follow_up(ids["manual"], FollowUp.DROPPED, note="plus de budget")
        assert kept.follow_up_changed == "2026-03-04" and kept.note == "plus de budget"
        with pytest.raises(AtelierError, match="suggestion"):
            again.set_follow_up(ids["suggested"], FollowUp.DONE)
        with pytest.raises(AtelierError, match="Date invalide"):
            again.set_follow_up(ids["confirmed"], FollowUp.DONE, day="04/03/2026")
        assert again.match(ids["confirmed"]).follow_up == FollowUp.CONTACTED


def test_the_follow_up_list_has_decided_matches_only_filtered_by_state_and_by_person(store: Store) -> None:
    ids = _workshop_with_matches(store)
    store.set_follow_up(ids["manual"], FollowUp.DONE)
    entries = store.follow_ups()
    assert {e.match.id for e in entries} == {ids["confirmed"], ids["manual"]}
    assert [e.match.id for e in store.follow_ups(state=FollowUp.DONE)] == [ids["manual"]]
    # A person typed without accents and in lower case: « cecile » is Cécile Dallet, who helps.
    assert [e.match.id for e in store.follow_ups(participant="cecile")] == [ids["manual"]]
    assert len(store.follow_ups(participant="leroy")) == 2  # the one who needs
    entry = next(e for e in entries if e.match.id == ids["confirmed"])
    assert entry.resource_participant.names == ["Grégory TALVY"]
    assert entry.need.text == "un répertoire d'initiatives locales"
    assert entry.workshop.id == entry.resource_workshop.id == ids["workshop"]


def test_short_ids_are_the_shortest_unique_prefixes_like_git() -> None:
    shorts = short_ids(["abcdef123", "abcdef456", "abc999999", "ffffff000"])
    assert shorts == {
        "abcdef123": "abcdef1",
        "abcdef456": "abcdef4",
        "abc999999": "abc999",
        "ffffff000": "ffffff",
    }


def test_a_match_is_found_by_the_first_characters_of_its_id(store: Store) -> None:
    ids = _workshop_with_matches(store)
    entries = {e.match.id: e for e in store.follow_ups()}
    short = entries[ids["confirmed"]].short_id
    assert len(short) >= 6 and ids["confirmed"].startswith(short)
    assert store.find_follow_up(short.upper()).id == ids["confirmed"]
    with pytest.raises(AtelierError, match="suggestion"):
        store.find_follow_up(ids["suggested"][:12])
    with pytest.raises(AtelierError, match="Aucune mise en relation décidée"):
        store.find_follow_up("zzzzzz")
    # Two decided matches whose ids share their first characters: the prefix names both.
    workshop_id = store.workshops()[0].id
    a = store.add_participant(Participant(workshop_id, names=["A"]))
    b = store.add_participant(Participant(workshop_id, names=["B"]))
    need = store.add_item(Item(a.id, ItemKind.NEED, "x"))
    one = store.add_item(Item(b.id, ItemKind.OFFER, "y"))
    two = store.add_item(Item(b.id, ItemKind.ACTION, "z"))
    store.add_match(Match(workshop_id, need.id, one.id, MatchStatus.CONFIRMED, id="abcdef01-aaaa"))
    store.add_match(Match(workshop_id, need.id, two.id, MatchStatus.CONFIRMED, id="abcdef02-bbbb"))
    with pytest.raises(AtelierError, match="plusieurs mises en relation .abcdef01, abcdef02."):
        store.find_follow_up("abcdef0")
    assert store.find_follow_up("abcdef02").resource_id == two.id


def test_an_older_file_keeps_its_follow_up_and_accepts_the_new_state(tmp_path: Path) -> None:
    copy = tmp_path / "v4.atelier"
    shutil.copy(FIXTURES / "format-v4.atelier", copy)
    with Store.open(copy) as store:
        (entry,) = store.follow_ups()
        assert entry.match.follow_up == FollowUp.TO_CONTACT
        assert entry.match.follow_up_changed == ""  # not known before format 5: not made up
        store.set_follow_up(entry.match.id, "dropped")
        assert store.match(entry.match.id).follow_up == FollowUp.DROPPED


def _file(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    path = tmp_path / "suivi.atelier"
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        ids = _workshop_with_matches(store)
        shorts = {e.match.id: e.short_id for e in store.follow_ups()}
    ids["short"] = shorts[ids["confirmed"]]
    return path, ids


def test_cli_lists_the_follow_up_then_sets_a_state_and_a_note_by_short_id(tmp_path: Path) -> None:
    path, ids = _file(tmp_path)
    listed = run_cli("suivi", str(path))
    assert listed.returncode == 0, listed.stderr
    text = listed.stdout
    assert "Atelier «\u00a0Atelier du 16 mars 2021\u00a0» — 16 mars 2021" in text
    assert f"{ids['short']}  à contacter depuis le " in text
    assert "Lucie Leroy (Grand Angoulême) cherche\u00a0: un répertoire d'initiatives locales" in text
    assert "← Grégory TALVY (Région N-A)\u00a0: présenter les dispositifs régionaux" in text
    assert (
        "2 mises en relation suivies — à contacter\u00a0: 2, contactée\u00a0: 0, "
        "faite\u00a0: 0, sans suite\u00a0: 0" in text
    )
    assert "clauses d'insertion" not in text  # a suggestion is not followed up

    decided = run_cli("suivi", str(path), ids["short"], "--etat", "a-contacter", "--le", "2026-03-01")
    assert decided.returncode == 0, decided.stderr  # the day it was decided, put right
    done = run_cli(
        "suivi", str(path), ids["short"], "--etat", "contactée", "--note", "RDV le 12", "--le", "2026-03-02"
    )
    assert done.returncode == 0, done.stderr
    assert f"Mise en relation {ids['short']}\u00a0: contactée le 02/03/2026 — " in done.stdout

    data = json.loads(run_cli("suivi", str(path), "--json").stdout)
    entry = next(e for e in data if e["id"] == ids["confirmed"])
    assert (entry["state"], entry["state_label"], entry["state_changed"], entry["note"]) == (
        "contacted",
        "contactée",
        "2026-03-02",
        "RDV le 12",
    )
    only = run_cli("suivi", str(path), "--etat", "contacte")
    assert "présenter les dispositifs régionaux" in only.stdout
    # The count says what was left out, as the window's does (« 1 sur 2 »): never « à
    # contacter : 0 » while the hand-made match is still to contact.
    summary = only.stdout.rstrip().splitlines()[-1]
    assert summary == "1 sur 2 mises en relation suivies — contactée\u00a0: 1", only.stdout
    english = run_cli("suivi", str(path), "--etat", "contacted", env={"ATELIER_LANG": "en"})
    assert english.stdout.rstrip().endswith("1 of 2 matches followed up — contacted: 1"), english.stdout
    # As the window says a step (« contactée le 02/03/2026 »), not « contactée, depuis le … ».
    assert f"{ids['short']}  contactée le 02/03/2026\n" in only.stdout, only.stdout
    assert "annuaire des structures" not in only.stdout


def test_cli_refuses_a_bad_state_a_suggestion_or_an_unknown_id_in_one_line_leaving_the_file_intact(
    tmp_path: Path,
) -> None:
    path, ids = _file(tmp_path)
    before = path.read_bytes()
    # A bad option value is bad usage (exit 2); what the file refuses, a failure (exit 1).
    for args, words, code in (
        ((ids["short"], "--etat", "peut-être"), "État de suivi inconnu «\u00a0peut-être\u00a0»", 2),
        ((ids["suggested"][:10], "--etat", "fait"), "est une suggestion", 1),
        (
            ("0000000", "--etat", "fait"),
            "Aucune mise en relation décidée ne commence par «\u00a00000000\u00a0»",
            1,
        ),
        ((ids["short"], "--etat", "fait", "--le", "22/1l"), "Date non reconnue «\u00a022/1l\u00a0»", 2),
        # One character typed is no id: a slip of the keyboard must not record « fait » on
        # whichever match happens to start with it.
        ((ids["short"][:1], "--etat", "fait"), "est trop court", 1),
        # Contacted two weeks before the workshop where the match was made: cannot be true.
        (
            (ids["short"], "--etat", "contacte", "--le", "01/03/2021"),
            "La date «\u00a001/03/2021\u00a0» précède l'atelier du 16 mars 2021",
            1,
        ),
    ):
        result = run_cli("suivi", str(path), *args)
        assert result.returncode == code, (args, result.stderr)
        assert words in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_an_unknown_short_or_missing_id_points_to_the_list_of_this_file_as_it_runs(tmp_path: Path) -> None:
    """« voir la liste : atelier suivi FICHIER » named no file: the command to list the matches
    is the file's own, in the user's language, and pasted it lists them with their ids."""
    path, ids = _file(tmp_path)
    listing = f"atelier suivi {path}"
    for typed, words in (
        (
            "0000000",
            "Aucune mise en relation décidée ne commence par «\u00a00000000\u00a0» "
            f"(voir la liste\u00a0: {listing}).",
        ),
        (ids["short"][:1], f"(voir la liste\u00a0: {listing})."),
        ("", f"tels que «\u00a0{listing}\u00a0» les liste."),
    ):
        said = run_cli("suivi", str(path), typed, "--etat", "fait").stderr.strip()
        assert said.endswith(words), said
    english = run_cli("suivi", str(path), "0000000", "--etat", "done", env={"ATELIER_LANG": "en"})
    assert english.stderr.strip().endswith(f"(see the list: atelier follow-up {path}).")
    listed = run_cli(*listing.split()[1:])
    assert listed.returncode == 0 and ids["short"] in listed.stdout, listed.stdout


def test_cli_follow_up_filtered_to_a_state_nothing_is_in_says_so(tmp_path: Path) -> None:
    """Two matches are followed, none dropped: « sans suite » lists nothing and says so,
    not « no confirmed match to follow » (there are two)."""
    path, ids = _file(tmp_path)
    for state in ("sans suite", "sans-suite", "fait"):
        result = run_cli("suivi", str(path), "--etat", state)
        assert result.returncode == 0, result.stderr
        label = "faite" if state == "fait" else "classée sans suite"
        assert result.stdout.strip() == f"Aucune mise en relation {label}.", result.stdout
    english = run_cli("suivi", str(path), "--etat", "dropped", env={"ATELIER_LANG": "en"})
    assert english.stdout.strip() == "No match dropped."
    nobody = run_cli("suivi", str(path), "--participant", "Zoé Martin")
    assert nobody.stdout.strip() == "Aucune mise en relation décidée à suivre pour «\u00a0Zoé Martin\u00a0»."


def test_undoing_an_edit_of_a_need_keeps_its_confirmed_match_and_follow_up(store: Store) -> None:
    """Regression: undo put the edited line back with INSERT OR REPLACE, whose delete
    cascaded to the confirmed match of that line (and its follow-up) and lost it."""
    ids = _workshop_with_matches(store)
    store.set_follow_up(ids["confirmed"], FollowUp.CONTACTED, note="appelée")
    need = store.match(ids["confirmed"]).need_id
    participant = store.item(need).participant_id
    snapshot, _ = store.set_cell(participant, ItemKind.NEED, ["un répertoire d'initiatives", "un annuaire"])
    store.restore_cell(snapshot)
    kept = store.match(ids["confirmed"])
    assert (kept.status, kept.follow_up, kept.note) == (MatchStatus.CONFIRMED, FollowUp.CONTACTED, "appelée")
    assert [i.text for i in store.items(participant, ItemKind.NEED)] == [
        "un répertoire d'initiatives locales"
    ]


def test_cli_follow_up_joins_two_people_and_agrees_with_them(store: Store) -> None:
    workshop_id = store.workshops()[0].id
    pair = store.add_participant(
        Participant(workshop_id, names=["Zoé Martin", "Loïc Bérard"], organisation="CC de Lacq")
    )
    gregory = store.add_participant(Participant(workshop_id, names=["Grégory TALVY"], organisation="Région"))
    need = store.add_item(Item(pair.id, ItemKind.NEED, "un forum de l'emploi saisonnier"))
    offer = store.add_item(Item(gregory.id, ItemKind.OFFER, "le forum régional"))
    store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.CONFIRMED, 0.5))
    path = store.path
    store.close()
    text = run_cli("suivi", str(path)).stdout
    assert "Zoé Martin et Loïc Bérard (CC de Lacq) cherchent\u00a0: un forum de l'emploi saisonnier" in text
    english = run_cli("suivi", str(path), env={"ATELIER_LANG": "en"}).stdout
    assert "Zoé Martin and Loïc Bérard (CC de Lacq) need: un forum de l'emploi saisonnier" in english


def test_a_workshop_cannot_be_dated_after_a_follow_up_already_recorded(store: Store) -> None:
    """« contactée le 20/03/2021 » in the minutes of a workshop moved to 25 March: untrue.
    The date is refused in one sentence naming the first follow-up, the file untouched."""
    import hashlib

    ids = _workshop_with_matches(store)
    for decided in (ids["confirmed"], ids["manual"]):  # at the workshop
        store.set_follow_up(decided, FollowUp.TO_CONTACT, day="2021-03-16")
    store.set_follow_up(ids["confirmed"], FollowUp.CONTACTED, day="2021-03-20")
    store.set_follow_up(ids["manual"], FollowUp.DONE, day="2021-04-02")
    path = store.path
    store.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    moved = run_cli("workshops", str(path), "--rename", "2021-03-16", "--date", "25/03/2021")
    assert moved.returncode == 1 and "Traceback" not in moved.stderr
    assert moved.stderr.strip() == (
        "L'atelier ne peut pas être daté du 25 mars 2021\u00a0: le premier suivi noté, "
        "«\u00a0contactée le 20/03/2021\u00a0», le précéderait (l'atelier a eu lieu le 20 mars 2021 "
        "au plus tard)."
    )
    english = run_cli(
        "workshops", str(path), "--rename", "2021-03-16", "--date", "2021-03-25", env={"ATELIER_LANG": "en"}
    )
    assert english.returncode == 1
    assert english.stderr.strip() == (
        "The workshop cannot be dated 25 March 2021: the first follow-up recorded, “contacted on "
        "20 March 2021”, would come before it (the workshop took place on 20 March 2021 at the latest)."
    )
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before

    # The day of the first contact, or earlier: true, and written.
    same_day = run_cli("workshops", str(path), "--rename", "2021-03-16", "--date", "20/03/2021")
    assert same_day.returncode == 0, same_day.stderr
    with Store.open(path, readonly=True) as again:
        assert again.workshops()[0].date == "2021-03-20"


def test_a_helper_of_an_undated_workshop_is_said_by_its_title_never_atelier_du_atelier(
    tmp_path: Path,
) -> None:
    """A workshop whose date was taken away (or never known): « lors de l'atelier du Atelier de
    Pau » was printed in the follow-up list."""
    path = tmp_path / "reseau.atelier"
    with Store.create(path, title="Atelier de Pau") as store:
        earlier = store.workshops()[0]
        later = store.add_workshop(Workshop("Atelier du 15 mars 2022", date="2022-03-15"))
        gerard = store.add_participant(Participant(earlier.id, names=["Gérard Müller"]))
        lucie = store.add_participant(Participant(later.id, names=["Lucie Leroy"]))
        offer = store.add_item(Item(gerard.id, ItemKind.OFFER, "un annuaire des initiatives locales"))
        need = store.add_item(Item(lucie.id, ItemKind.NEED, "un répertoire d'initiatives locales"))
        store.add_match(Match(later.id, need.id, offer.id, MatchStatus.CONFIRMED, 0.4))
    listed = run_cli("suivi", str(path))
    assert listed.returncode == 0, listed.stderr
    assert "atelier du Atelier" not in listed.stdout
    assert (
        "← Gérard Müller, a proposé lors de l'atelier «\u00a0Atelier de Pau\u00a0»\u00a0: "
        "un annuaire des initiatives locales" in listed.stdout
    )
    english = run_cli("suivi", str(path), env={"ATELIER_LANG": "en"})
    assert "← Gérard Müller, offered at the workshop “Atelier de Pau”: un annuaire" in english.stdout


def test_a_contact_cannot_be_recorded_today_for_a_workshop_still_to_come(store: Store) -> None:
    """A workshop dated next week: « contactée » pressed today would put « contactée le … »,
    a day before the two people meet, in the minutes. Refused in one sentence, file untouched."""
    import hashlib
    from datetime import date, timedelta

    from atelier.french import long_date

    ids = _workshop_with_matches(store)
    coming = (date.today() + timedelta(days=7)).isoformat()
    store.update_workshop(ids["workshop"], date=coming)  # only « à contacter » so far: allowed
    path = store.path
    store.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    said = run_cli("suivi", str(path), ids["confirmed"][:8], "--etat", "contacte")
    assert said.returncode == 1 and "Traceback" not in said.stderr
    assert said.stderr.strip() == (
        f"L'atelier «\u00a0Atelier du 16 mars 2021\u00a0» a lieu le {long_date(coming, 'fr')}\u00a0: "
        "«\u00a0contactée\u00a0» ne se note qu'à partir de ce jour (si la date de l'atelier est fausse, "
        "corrigez-la d'abord)."
    )
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    # A note, or « à contacter », says nothing happened: both are kept.
    noted = run_cli("suivi", str(path), ids["confirmed"][:8], "--note", "appeler après l'atelier")
    assert noted.returncode == 0, noted.stderr


def test_cli_says_a_follow_up_step_as_the_window_does_in_english_too(tmp_path: Path) -> None:
    """The window says « contactée le 02/03/2026 » (state column, undo, refusals) and, of the
    match (« la mise en relation »), « contactée le … »; `atelier suivi` said « contactée,
    depuis le … » and « Mise en relation … : contactée (le …) »."""
    path, ids = _file(tmp_path)
    english = {"ATELIER_LANG": "en"}
    decided = run_cli("suivi", str(path), ids["short"], "--etat", "a-contacter", "--le", "2026-03-01")
    assert decided.returncode == 0, decided.stderr
    done = run_cli("suivi", str(path), ids["short"], "--etat", "fait", "--le", "2026-03-02", env=english)
    assert done.returncode == 0, done.stderr
    assert f"Match {ids['short']}: done on 2 March 2026 — " in done.stdout, done.stdout
    listed = run_cli("suivi", str(path), "--etat", "done", env=english)
    assert f"{ids['short']}  done on 2 March 2026\n" in listed.stdout, listed.stdout
    dropped = run_cli("suivi", str(path), ids["short"], "--etat", "sans-suite", "--le", "2026-03-03")
    assert f"Mise en relation {ids['short']}\u00a0: classée sans suite le 03/03/2026 — " in dropped.stdout
    again = run_cli("suivi", str(path), ids["short"], "--etat", "a-contacter", "--le", "2026-03-04")
    assert f"Mise en relation {ids['short']}\u00a0: à contacter depuis le 04/03/2026 — " in again.stdout
    assert "depuis le 04/03/2026" in run_cli("suivi", str(path)).stdout


def test_the_follow_up_says_decided_as_it_lists_matches_added_by_hand(tmp_path: Path) -> None:
    """The list holds the matches confirmed and those added by hand (`atelier info` counts them
    « décidées »): its help, its « nothing to follow » and « no such match » said « confirmées »,
    false of a match added by hand, and the help sent a reader looking for confirmed only."""
    path, ids = _file(tmp_path)
    listed = run_cli("suivi", str(path))
    with Store.open(path, readonly=True) as store:
        manual = next(e.short_id for e in store.follow_ups() if e.match.id == ids["manual"])
    assert f"{manual}  " in listed.stdout  # the match added by hand is followed up
    for lang, said in (
        ("fr", "le suivi des mises en relation décidées (confirmées ou ajoutées à la main),"),
        ("en", "the follow-up of decided matches (confirmed or added by hand),"),
    ):
        helped = run_cli("suivi", "--help", env={"ATELIER_LANG": lang})
        assert said in " ".join(helped.stdout.split()), helped.stdout
    nobody = run_cli("suivi", str(path), "--participant", "Zoé Martin")
    assert (
        nobody.stdout.strip() == "Aucune mise en relation décidée à suivre pour «\u00a0Zoé Martin\u00a0»."
    ), nobody.stdout
    english = run_cli("suivi", str(path), "--participant", "Zoé Martin", env={"ATELIER_LANG": "en"})
    assert english.stdout.strip() == "No decided match to follow up for “Zoé Martin”.", english.stdout
    unknown = run_cli("suivi", str(path), "zzzzzz", "--etat", "fait")
    assert "Aucune mise en relation décidée ne commence par «\u00a0zzzzzz\u00a0»" in unknown.stderr, (
        unknown.stderr
    )

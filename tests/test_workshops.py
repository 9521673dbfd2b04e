"""Several workshops in one file: importing past grids as new workshops, listing, renaming,
deleting (with a way back), and matching a need to what was offered at another workshop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant, Workshop
from atelier.errors import AtelierError
from atelier.matching import match_workshop
from atelier.matching.across import ACROSS_FACTOR, same_person
from atelier.reasons import say
from atelier.store import Store

from .conftest import ROOT, run_cli

EXAMPLE_GRID = ROOT / "examples" / "grille-atelier-2021-03-16.docx"


def test_importing_a_grid_as_a_new_workshop_adds_it_whole_and_the_options_say_which_import_is_meant(
    tmp_path: Path,
) -> None:
    path = tmp_path / "region.atelier"
    assert run_cli("import", str(EXAMPLE_GRID), "-o", str(path)).returncode == 0
    added = run_cli(
        "import",
        str(EXAMPLE_GRID),
        "--into",
        str(path),
        "--new-workshop",
        "--date",
        "2022-03-15",
        "--place",
        "Pau",
    )
    assert added.returncode == 0, added.stderr
    # The heading's day out of the title: never « Atelier du 16 mars 2021 » of 15 March 2022
    assert "Atelier «\u00a0Atelier\u00a0» (15 mars 2022) ajouté à" in added.stdout
    assert "(la grille dit «\u00a0Atelier du 16 mars 2021\u00a0»)" in added.stdout
    with Store.open(path) as store:
        first, second = store.workshops()
        assert (second.date, second.place) == ("2022-03-15", "Pau")
        assert len(store.participants(second.id)) == len(store.participants(first.id)) == 22
        assert len(store.workshop_items(second.id)) == len(store.workshop_items(first.id)) == 155
        first_ids = {p.id for p in store.participants(first.id)}
        assert first_ids.isdisjoint(p.id for p in store.participants(second.id))

    before = path.read_bytes()
    which = run_cli("import", str(EXAMPLE_GRID), "--into", str(path))
    assert which.returncode == 1
    assert (
        "contient 2 ateliers\u202f; précisez celui qui reçoit la grille\u00a0: --workshop 16/03/2021"
        in which.stderr
    )
    assert "--new-workshop pour l'ajouter" in which.stderr
    for args in (
        ("--into", str(path), "--date", "2024-01-01"),  # a re-import keeps the workshop's own date
        ("-o", str(tmp_path / "x.atelier"), "--new-workshop"),
        ("--into", str(path), "--new-workshop", "--workshop", "2022-03-15"),
    ):
        refused = run_cli("import", str(EXAMPLE_GRID), *args)
        assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert path.read_bytes() == before
    # The workshop to re-import into, named by its date: the grid's heading says 16 March 2021,
    # not 15 March 2022, said (the file untouched) until the merge is asked for.
    other = run_cli("import", str(EXAMPLE_GRID), "--into", str(path), "--workshop", "2022-03-15")
    assert other.returncode == 1 and "(16 mars 2021)" in other.stderr and "(15 mars 2022)" in other.stderr
    assert "--merge-anyway" in other.stderr
    assert path.read_bytes() == before
    again = run_cli(
        "import", str(EXAMPLE_GRID), "--into", str(path), "--workshop", "2022-03-15", "--merge-anyway"
    )
    assert again.returncode == 0, again.stderr
    assert "24 participants retrouvés sans changement (22 lignes de la grille), 0 ajouté," in again.stdout


def test_a_workshop_added_is_dated_today_unless_told_and_the_date_is_said(tmp_path: Path) -> None:
    """`atelier ateliers --add` made an undated workshop where `atelier new` dates its own
    today: the workshops list then showed « — » and the minutes no « Atelier du … ». Now
    both date it today unless --date, and say the date as `new` says it."""
    from datetime import date

    from atelier.french import long_date

    path = tmp_path / "region.atelier"
    assert run_cli("new", str(path), "--title", "Atelier de Dax", "--date", "2021-03-16").returncode == 0
    days = {date.today().isoformat()}
    added = run_cli("ateliers", str(path), "--add", "--title", "Atelier de Pau")
    days.add(date.today().isoformat())  # the command run across midnight
    assert added.returncode == 0, added.stderr
    with Store.open(path, readonly=True) as store:
        pau = next(w for w in store.workshops() if w.title == "Atelier de Pau")
    assert pau.date in days
    said = added.stdout.replace("\xa0", " ")
    assert f"Atelier « Atelier de Pau » ({long_date(pau.date)}) ajouté à {path}" in said, said
    listed = run_cli("ateliers", str(path)).stdout.splitlines()
    line = next(line for line in listed if "Atelier de Pau" in line)
    assert "—" not in line.split("«")[0], listed  # a date, not « — »

    english = run_cli("workshops", str(path), "--add", "--title", "Bayonne", env={"ATELIER_LANG": "en"})
    assert english.returncode == 0, english.stderr
    assert f"Workshop “Bayonne” ({long_date(pau.date, 'en')}) added to" in english.stdout, english.stdout

    dated = run_cli("ateliers", str(path), "--add", "--title", "Atelier d'Orthez", "--date", "04/05/2022")
    assert "Atelier « Atelier d'Orthez » (4 mai 2022) ajouté à" in dated.stdout.replace("\xa0", " ")
    with Store.open(path, readonly=True) as store:
        assert {w.title: w.date for w in store.workshops()}["Atelier d'Orthez"] == "2022-05-04"
    helped = run_cli("ateliers", "--help").stdout
    assert "ajoute un atelier vide (avec --title), daté d'aujourd'hui sauf --date" in " ".join(helped.split())


def test_cli_lists_adds_renames_and_deletes_workshops_with_a_backup_first(tmp_path: Path) -> None:
    path = tmp_path / "region.atelier"
    assert run_cli("import", str(EXAMPLE_GRID), "-o", str(path)).returncode == 0
    assert (
        run_cli(
            "workshops", str(path), "--add", "--title", "Atelier de Pau", "--date", "2022-05-04"
        ).returncode
        == 0
    )
    listed = run_cli("workshops", str(path)).stdout.splitlines()
    assert len(listed) == 2
    assert "16/03/2021  «\u00a0Atelier du 16 mars 2021\u00a0» — 24 participants, 155 éléments" in listed[0]
    assert (
        "04/05/2022  «\u00a0Atelier de Pau\u00a0» — 0 participant, 0 élément, 0 mise en relation décidée"
        in listed[1]
    )

    renamed = run_cli(
        "workshops", str(path), "--rename", "atelier de pau", "--title", "Atelier de Pau (Béarn)"
    )
    assert renamed.returncode == 0, renamed.stderr
    data = json.loads(run_cli("workshops", str(path), "--json").stdout)
    assert [w["title"] for w in data] == ["Atelier du 16 mars 2021", "Atelier de Pau (Béarn)"]

    before = path.read_bytes()
    asked = run_cli("workshops", str(path), "--delete", "2021-03-16")
    assert asked.returncode == 1
    assert (
        "Supprimer l'atelier «\u00a0Atelier du 16 mars 2021\u00a0» (24 participants, 155 éléments"
        in asked.stderr
    )
    assert "Ajoutez --oui pour le faire" in asked.stderr  # the French option, in a French sentence
    assert path.read_bytes() == before
    deleted = run_cli("workshops", str(path), "--delete", "2021-03-16", "--oui")
    assert deleted.returncode == 0, deleted.stderr
    backup = Path(deleted.stdout.strip().rsplit("Sauvegarde d'avant\u00a0: ", 1)[1])
    with Store.open(backup, readonly=True) as saved:
        assert len(saved.workshops()) == 2  # the way back: Fichier › Restaurer une sauvegarde…
    with Store.open(path) as store:
        assert [w.title for w in store.workshops()] == ["Atelier de Pau (Béarn)"]
        assert store.search("talvy") == ([], 0)
    last = run_cli("workshops", str(path), "--delete", data[1]["id"][:8], "--yes")
    assert last.returncode == 1 and "seul atelier du fichier" in last.stderr
    unknown = run_cli("workshops", str(path), "--rename", "2030-01-01", "--title", "x")
    assert unknown.returncode == 1 and "Aucun atelier «\u00a02030-01-01\u00a0»" in unknown.stderr


def _two_dated_workshops(store: Store) -> dict[str, str]:
    """2021: Grégory offered regional schemes. 2022: Lucie needs them; Zoé, in the room, too."""
    earlier = store.workshops()[0]
    later = store.add_workshop(Workshop("Atelier 2022", date="2022-03-15"))
    gregory = store.add_participant(Participant(earlier.id, names=["Grégory TALVY"], organisation="Région"))
    lucie_then = store.add_participant(Participant(earlier.id, names=["Lucie Leroy"]))
    offer = store.add_item(Item(gregory.id, ItemKind.OFFER, "présenter les dispositifs régionaux d'aide"))
    own_then = store.add_item(
        Item(lucie_then.id, ItemKind.OFFER, "les dispositifs régionaux d'aide à l'emploi")
    )
    zoe_then = store.add_participant(Participant(earlier.id, names=["Zoé MARTIN"]))
    zoe_said = store.add_item(Item(zoe_then.id, ItemKind.OFFER, "connaître les dispositifs régionaux d'aide"))
    lucie = store.add_participant(Participant(later.id, names=["Lucie Leroy"]))
    zoe = store.add_participant(Participant(later.id, names=["Zoé Martin"]))
    need = store.add_item(Item(lucie.id, ItemKind.NEED, "connaître les dispositifs régionaux d'aide"))
    same = store.add_item(Item(zoe.id, ItemKind.OFFER, "présenter les dispositifs régionaux d'aide"))
    return {
        "earlier": earlier.id,
        "later": later.id,
        "offer": offer.id,
        "own_then": own_then.id,
        "zoe_then": zoe_said.id,
        "need": need.id,
        "same": same.id,
    }


def test_a_need_is_matched_to_an_offer_of_an_earlier_workshop_flagged_and_after_the_room(
    store: Store,
) -> None:
    ids = _two_dated_workshops(store)
    alone = match_workshop(store, ids["later"]).suggestions[ids["need"]]
    assert [s.resource_id for s in alone] == [ids["same"]]  # without --across: this workshop only
    found = match_workshop(store, ids["later"], across=True).suggestions[ids["need"]]
    # Zoé, in the room, first; Grégory's identical offer of 2021 next, at ACROSS_FACTOR of her score.
    assert [s.resource_id for s in found] == [ids["same"], ids["offer"]]
    assert found[1].score == pytest.approx(found[0].score * ACROSS_FACTOR, abs=1e-3)
    assert say(found[1].reasons[0], "fr") == "A proposé lors de l'atelier du 16 mars 2021"
    assert say(found[1].reasons[0], "en") == "Offered at the workshop of 16 March 2021"
    # Lucie's own offer of 2021 is never suggested to her; Zoé is in the room in 2022:
    # what she offered in 2021 (the very words of the need) is not brought back.
    assert ids["own_then"] not in {s.resource_id for s in found}
    assert ids["zoe_then"] not in {s.resource_id for s in found}


def test_an_across_match_saved_confirmed_and_followed_up_and_a_workshop_deleted_then_put_back(
    store: Store,
) -> None:
    from atelier.matching import save_suggestions

    ids = _two_dated_workshops(store)
    report = match_workshop(store, ids["later"], across=True)
    save_suggestions(store, ids["later"], report.suggestions)
    across = store.match_for_pair(ids["need"], ids["offer"])
    assert across is not None and across.workshop_id == ids["later"]
    store.update_match(across.id, status=MatchStatus.CONFIRMED)
    (entry,) = [e for e in store.follow_ups() if e.match.id == across.id]
    assert entry.resource_workshop.id == ids["earlier"] and entry.workshop.id == ids["later"]

    saved = store.delete_workshop(ids["earlier"])  # its offer goes, and the match with it
    assert store.match_for_pair(ids["need"], ids["offer"]) is None
    assert saved.decided_matches() == 1 and saved.count("participants") == 3
    store.restore_workshop(saved)
    back = store.match(across.id)
    assert back.status == MatchStatus.CONFIRMED and back.workshop_id == ids["later"]
    assert store.item(ids["offer"]).text == "présenter les dispositifs régionaux d'aide"
    with pytest.raises(AtelierError):
        store.find_workshop("2019-01-01")


def test_cli_match_across_lists_where_the_offer_was_made(tmp_path: Path) -> None:
    path = tmp_path / "deux.atelier"
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        ids = _two_dated_workshops(store)
    out = run_cli("match", str(path), "--workshop", "2022-03-15", "--across", "--json", "--lexical")
    assert out.returncode == 0, out.stderr
    (need,) = json.loads(out.stdout)["needs"]
    by_id = {s["id"]: s for s in need["suggestions"]}
    assert by_id[ids["offer"]]["workshop"] == {
        "id": ids["earlier"],
        "title": "Atelier du 16 mars 2021",
        "date": "2021-03-16",
    }
    assert "workshop" not in by_id[ids["same"]]
    text = run_cli("match", str(path), "--workshop", "2022-03-15", "--across", "--lexical").stdout
    assert "Grégory TALVY (Région) [ressource · autre atelier" in text
    assert "A proposé lors de l'atelier du 16 mars 2021" in text


def test_in_a_large_file_the_directory_picks_the_candidates_and_the_match_is_the_same(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beyond FULL_POOL offers and actions elsewhere, the full-text index chooses what the
    engine scores: the offer of 2021 is still found, through its words and its acronym."""
    import atelier.matching.across as across

    ids = _two_dated_workshops(store)
    earlier = store.find_workshop("2021-03-16")
    other = store.add_participant(Participant(earlier.id, names=["Anne Roux"], organisation="PLIE"))
    gpect = store.add_item(
        Item(other.id, ItemKind.OFFER, "gestion prévisionnelle des emplois et des compétences territoriale")
    )
    noise = [
        store.add_item(Item(other.id, ItemKind.ACTION, f"forum de l'emploi numéro {n}")) for n in range(20)
    ]
    lucie = store.item(ids["need"]).participant_id
    acronym_need = store.add_item(Item(lucie, ItemKind.NEED, "lancer une GPECT"))
    full = match_workshop(store, ids["later"], across=True).suggestions
    monkeypatch.setattr(across, "FULL_POOL", 0)
    monkeypatch.setattr(across, "PER_NEED", 3)
    picked = match_workshop(store, ids["later"], across=True).suggestions
    assert [s.resource_id for s in picked[ids["need"]]] == [s.resource_id for s in full[ids["need"]]]
    assert gpect.id in [s.resource_id for s in picked[acronym_need.id]]
    assert not {n.id for n in noise} & {s.resource_id for found in picked.values() for s in found}


def test_a_digit_or_two_typed_for_a_workshop_never_picks_one_by_the_start_of_its_id(tmp_path: Path) -> None:
    """`workshops --delete 3 --yes` (the third workshop, thought the facilitator) deleted the
    one whose identifier happened to start with « 3 ». As git asks for four characters of a
    commit, an identifier's start names a workshop from four characters on."""
    path = tmp_path / "reseau.atelier"
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        for year in (2022, 2023):
            store.add_workshop(Workshop(f"Atelier {year}", date=f"{year}-03-15"))
        ids = [w.id for w in store.workshops()]
    before = path.read_bytes()
    for typed in (ids[0][:1], ids[1][:2], ids[2][:3]):
        refused = run_cli("workshops", str(path), "--delete", typed, "--yes")
        assert refused.returncode == 1, refused.stdout
        assert f"Aucun atelier «\u00a0{typed}\u00a0»" in refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before
    with Store.open(path, readonly=True) as store:
        assert store.find_workshop(ids[1][:4]).id == ids[1]
        assert store.find_workshop("2023-03-15").id == ids[2]


def _import_as_new(path: Path, *options: str, env: dict[str, str] | None = None):
    """`atelier import` of the example grid into `path` as a new workshop, with `options`."""
    return run_cli("import", str(EXAMPLE_GRID), "--into", str(path), "--new-workshop", *options, env=env)


def test_importing_the_same_grid_twice_as_a_new_workshop_is_refused_and_names_the_workshop_already_there(
    tmp_path: Path,
) -> None:
    import hashlib

    path = tmp_path / "region.atelier"
    assert run_cli("import", str(EXAMPLE_GRID), "-o", str(path)).returncode == 0
    first = _import_as_new(path, "--date", "2022-03-15")
    assert first.returncode == 0, first.stderr
    with Store.open(path, readonly=True) as store:
        added = store.find_workshop("2022-03-15")
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    again = _import_as_new(path, "--date", "2022-03-15")
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert again.stdout == ""
    said = again.stderr.strip()
    assert len(said.splitlines()) == 1
    assert (
        f"«\u00a0{path}\u00a0» contient déjà l'atelier «\u00a0Atelier\u00a0» "
        "du 15 mars 2022 et n'a pas été modifié\u00a0:" in said
    )
    assert f"relancez sans --new-workshop (avec --workshop {added.id[:8]})" in said
    assert "une autre date (--date)" in said
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before

    english = _import_as_new(path, "--date", "2022-03-15", env={"ATELIER_LANG": "en"})
    assert english.returncode == 1
    assert "already holds the workshop “Atelier” of 15 March 2022" in english.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before

    # The same title under a date of its own, or another title on that date: another workshop.
    other_title = _import_as_new(path, "--date", "2022-03-15", "--title", "Atelier de Pau")
    assert other_title.returncode == 0, other_title.stderr
    with Store.open(path, readonly=True) as store:
        assert [(w.title, w.date) for w in store.workshops()] == [
            ("Atelier du 16 mars 2021", "2021-03-16"),
            ("Atelier", "2022-03-15"),
            ("Atelier de Pau", "2022-03-15"),
        ]


def test_deleting_a_workshop_says_the_follow_ups_of_later_workshops_that_go_with_it(tmp_path: Path) -> None:
    """A need of 2022 confirmed and contacted with an offer of 2021: deleting 2021 takes that
    follow-up away. The question said « 0 mise en relation confirmée », which was untrue."""
    path = tmp_path / "reseau.atelier"
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        ids = _two_dated_workshops(store)
        across = store.add_match(Match(ids["later"], ids["need"], ids["offer"], MatchStatus.CONFIRMED, 0.5))
        store.set_follow_up(across.id, "contacted")
    before = path.read_bytes()
    asked = run_cli("workshops", str(path), "--delete", "2021-03-16")
    assert asked.returncode == 1 and path.read_bytes() == before
    assert (
        "(3 participants, 3 éléments, 0 mise en relation décidée, 1 mise en relation décidée "
        "d'un autre atelier avec ses participants\u00a0: " in asked.stderr
    )
    assert ", contactée le " in asked.stderr and "))\u202f?" in asked.stderr  # whose, and how far
    english = run_cli("workshops", str(path), "--delete", "2021-03-16", env={"ATELIER_LANG": "en"})
    assert "0 decided matches, 1 decided match of another workshop with its participants: " in english.stderr
    deleted = run_cli("workshops", str(path), "--delete", "2021-03-16", "--yes")
    assert deleted.returncode == 0, deleted.stderr
    assert "1 mise en relation décidée d'un autre atelier avec ses participants" in deleted.stdout
    with Store.open(path, readonly=True) as store:
        assert store.follow_ups() == []


def test_a_workshop_cannot_be_dated_after_a_later_workshop_followed_up_one_of_its_offers(
    tmp_path: Path,
) -> None:
    """Lucie (2022) contacted Grégory on 1 April 2022 about what he offered in 2021: moving the
    2021 workshop to 2030 was accepted, and her follow-up then read « a proposé lors de
    l'atelier du 1er janvier 2030 » next to « contactée le 01/04/2022 »."""
    path = tmp_path / "reseau.atelier"
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        ids = _two_dated_workshops(store)
        across = store.add_match(Match(ids["later"], ids["need"], ids["offer"], MatchStatus.CONFIRMED, 0.5))
        store.set_follow_up(across.id, "to_contact", day="2022-03-15")  # decided at the workshop
        store.set_follow_up(across.id, "contacted", day="2022-04-01")
    before = path.read_bytes()
    moved = run_cli("workshops", str(path), "--rename", "2021-03-16", "--date", "2030-01-01")
    assert moved.returncode == 1 and path.read_bytes() == before
    assert moved.stderr.strip() == (
        "L'atelier ne peut pas être daté du 1er janvier 2030\u00a0: le premier suivi noté, "
        "«\u00a0contactée le 01/04/2022\u00a0», le précéderait (l'atelier a eu lieu le 1er avril 2022 "
        "au plus tard)."
    )
    assert run_cli("workshops", str(path), "--rename", "2021-03-16", "--date", "2021-03-18").returncode == 0


def test_a_grid_imported_again_keeps_an_offer_a_later_workshop_followed_up(tmp_path: Path) -> None:
    """Gérard's offer of 2021, contacted by Lucie after the 2022 workshop, was dropped when
    the 2021 grid was imported again without it: her follow-up vanished, and the summary
    said « 0 élément conservé pour une mise en relation confirmée »."""
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Gérard Müller / Mission locale;forum;;;un annuaire des initiatives locales\n",
        encoding="utf-8",
    )
    path = tmp_path / "reseau.atelier"
    made = run_cli("import", str(grid), "-o", str(path), "--title", "Atelier 2021", "--date", "2021-03-16")
    assert made.returncode == 0, made.stderr
    with Store.open(path) as store:
        later = store.add_workshop(Workshop("Atelier 2022", date="2022-03-15"))
        lucie = store.add_participant(Participant(later.id, names=["Lucie Leroy"]))
        need = store.add_item(Item(lucie.id, ItemKind.NEED, "un répertoire d'initiatives locales"))
        (offer,) = store.workshop_items(store.find_workshop("2021-03-16").id, ItemKind.OFFER)
        across = store.add_match(Match(later.id, need.id, offer.id, MatchStatus.CONFIRMED, 0.5))
        store.set_follow_up(across.id, "to_contact", day="2022-03-15")  # decided at the workshop
        store.set_follow_up(across.id, "contacted", day="2022-04-01")
    grid.write_text("Participant;Actions;Défis;Besoins;Ressources\nGérard Müller / Mission locale;forum;;;\n")
    again = run_cli("import", str(grid), "--into", str(path), "--workshop", "2021-03-16")
    assert again.returncode == 0, again.stderr
    assert "1 élément conservé pour une mise en relation confirmée" in again.stdout
    listed = run_cli("suivi", str(path))
    assert "Gérard Müller (Mission locale), a proposé lors de l'atelier du 16 mars 2021" in listed.stdout
    assert "1 mise en relation suivie" in listed.stdout


def test_a_person_spelled_differently_in_two_workshops_is_never_suggested_to_themself(
    store: Store,
) -> None:
    """« A. Martin » of 2022 is « Mme Anne Martin » of 2021, « Jean-Pierre Bernard » is
    « Jean Pierre BERNARD », « Lucie LEROY » is « Mme Lucie Leroy »: their offers of 2021 were
    suggested to themselves. « Paul Martin », of the same structure, is someone else."""
    earlier = store.add_workshop(Workshop("Atelier 2021", date="2021-03-16"))
    later = store.add_workshop(Workshop("Atelier 2022", date="2022-03-15"))
    then: dict[str, str] = {}
    for name, organisation, offer in [
        ("Mme Anne Martin", "PLIE des Graves", "la mobilité des publics en zone rurale"),
        ("Jean Pierre BERNARD", "ML Technowest", "le financement FSE des projets"),
        ("Mme Lucie Leroy", "Grand Angoulême", "la GPEC territoriale des entreprises"),
        ("Paul Martin", "PLIE des Graves", "la mobilité des publics en zone rurale"),
    ]:
        person = store.add_participant(Participant(earlier.id, names=[name], organisation=organisation))
        then[name] = store.add_item(Item(person.id, ItemKind.OFFER, offer)).id
    needs: dict[str, str] = {}
    for name, organisation, need in [
        ("A. Martin", "PLIE des Graves", "la mobilité des publics en zone rurale"),
        ("Jean-Pierre Bernard", "ML Technowest", "le financement FSE des projets"),
        ("Lucie LEROY", "Grand Angoulême", "la GPEC territoriale des entreprises"),
    ]:
        person = store.add_participant(Participant(later.id, names=[name], organisation=organisation))
        needs[name] = store.add_item(Item(person.id, ItemKind.NEED, need)).id
    found = match_workshop(store, later.id, across=True).suggestions
    suggested = {need: {s.resource_id for s in found.get(needs[need], [])} for need in needs}
    assert then["Mme Anne Martin"] not in suggested["A. Martin"]
    assert then["Jean Pierre BERNARD"] not in suggested["Jean-Pierre Bernard"]
    assert then["Mme Lucie Leroy"] not in suggested["Lucie LEROY"]
    # Not over-merged: Paul Martin, the same structure, another first name, is suggested.
    assert then["Paul Martin"] in suggested["A. Martin"]
    # A surname alone says too little: « M. Martin » and « Mme Martin » are not one person.
    assert not same_person("M. Martin", "", "Mme Martin", "")
    assert not same_person("A. Martin", "PLIE des Graves", "Anne Martin", "Mission locale Technowest")
    # The structure spelled out is the same structure.
    assert same_person(
        "A. Martin", "PLIE des Graves", "Anne MARTIN", "Plan Local pour l'Insertion et l'Emploi des Graves"
    )

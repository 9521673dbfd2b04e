"""The directory across workshops: a full-text index kept in step with every write."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from atelier.domain import Item, ItemKind, Participant, Workshop
from atelier.store import Store

from .conftest import ROOT, run_cli

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE_GRID = ROOT / "examples" / "grille-atelier-2021-03-16.docx"


def _indexed(store: Store) -> set[tuple[str, str, str]]:
    """What the index holds, row by row: (kind, id, text)."""
    rows = store.conn.execute(
        "SELECT kind, ref, coalesce(text, '') || coalesce(people, '') || '|' || coalesce(structure, '') "
        "|| '|' || coalesce(territory, '') || '|' || coalesce(role, '') FROM directory"
    ).fetchall()
    return {(k, r, t) for k, r, t in rows}


def _expected(store: Store) -> set[tuple[str, str, str]]:
    """What the index should hold, read from the tables."""
    rows = store.conn.execute(
        "SELECT 'participant', id, names || '|' || organisation || '|' || territory || '|' || role "
        "FROM participants UNION ALL SELECT kind, id, text || '|||' FROM items"
    ).fetchall()
    return {(kind, ref, text) for kind, ref, text in rows}


def _two_workshops(store: Store) -> tuple[Workshop, Workshop, dict[str, str]]:
    first = store.workshops()[0]
    second = store.add_workshop(Workshop("Atelier de printemps", date="2022-03-15"))
    gerard = store.add_participant(
        Participant(first.id, names=["Gérard Müller"], organisation="Maison de l'emploi", territory="Médoc")
    )
    anne = store.add_participant(Participant(second.id, names=["Anne Roux"], organisation="PLIE des Graves"))
    clause = store.add_item(Item(gerard.id, ItemKind.OFFER, "facilitatrice de la clause d'insertion"))
    gpect = store.add_item(Item(anne.id, ItemKind.NEED, "outiller une démarche GPECT"))
    return first, second, {"gerard": gerard.id, "anne": anne.id, "clause": clause.id, "gpect": gpect.id}


def test_search_ignores_accents_and_case_takes_prefixes_and_plurals_and_says_workshop_and_date(
    store: Store,
) -> None:
    first, second, ids = _two_workshops(store)
    hits, total = store.search("gerard muller")
    assert total == 1 and hits[0].ref == ids["gerard"] and hits[0].kind == "participant"
    assert hits[0].fields == ["people"]
    assert (hits[0].workshop.title, hits[0].workshop.date) == ("Atelier du 16 mars 2021", "2021-03-16")
    # « clauses d'insertion » (plural, elided article) finds « la clause d'insertion ».
    (hit,), _ = store.search("Clauses d'insertion")
    assert (hit.ref, hit.kind, hit.text) == (ids["clause"], "offer", "facilitatrice de la clause d'insertion")
    (hit,), _ = store.search("gpec")  # a prefix
    assert (hit.ref, hit.workshop.id, hit.participant.names) == (ids["gpect"], second.id, ["Anne Roux"])
    (hit,), _ = store.search("MEDOC")
    assert hit.ref == ids["gerard"] and hit.fields == ["territory"]
    assert store.search("maison emploi medoc")[0][0].ref == ids["gerard"]  # words in different fields
    assert store.search("") == ([], 0)
    assert store.search("zzz") == ([], 0)
    assert store.search('"*) OR (') == ([], 0)  # FTS syntax typed by a person is just words


def _edit_item(store: Store, item_id: str, text: str) -> None:
    """One line of a cell retyped, as the grid does it (the item keeps its id)."""
    item = store.item(item_id)
    texts = [i.text for i in store.items(item.participant_id, item.kind)]
    texts[item.position] = text
    store.set_cell(item.participant_id, item.kind, texts)
    assert store.item(item_id).text == text


def test_the_index_follows_every_write_inside_its_transaction(store: Store) -> None:
    first, second, ids = _two_workshops(store)
    assert _indexed(store) == _expected(store)
    _edit_item(store, ids["clause"], "chargée de mission emploi")
    store.update_participant(ids["gerard"], names=["Gérard Dupont"], territory="Landes")
    store.set_cell(ids["anne"], ItemKind.OFFER, ["co-construction", "veille"])
    assert _indexed(store) == _expected(store)
    assert store.search("muller") == ([], 0) and store.search("clause") == ([], 0)
    assert store.search("dupont landes")[0][0].ref == ids["gerard"]

    snapshot = store.delete_participant(ids["gerard"])
    assert _indexed(store) == _expected(store) and store.search("dupont") == ([], 0)
    store.restore_participant(snapshot)
    assert _indexed(store) == _expected(store) and store.search("dupont")[1] == 1
    # Put back with INSERT OR REPLACE (undo of a cell edit): indexed once, not twice.
    cell, _ = store.set_cell(ids["anne"], ItemKind.OFFER, ["autre chose"])
    store.restore_cell(cell)
    assert _indexed(store) == _expected(store)
    assert store.search("veille")[1] == 1

    saved = store.delete_workshop(second.id)  # cascades to participants and items
    assert _indexed(store) == _expected(store) and store.search("anne roux") == ([], 0)
    store.restore_workshop(saved)
    assert _indexed(store) == _expected(store) and store.search("anne roux")[1] == 1

    # A write that fails leaves the index as it was (the same transaction is rolled back).
    before = _indexed(store)
    with pytest.raises(sqlite3.IntegrityError), store._write():
        store.conn.execute("UPDATE items SET text = 'perdu' WHERE id = ?", (ids["gpect"],))
        store.conn.execute("INSERT INTO items (id) VALUES (NULL)")
    assert _indexed(store) == before


def test_a_file_of_format_4_gets_its_directory_when_opened(tmp_path: Path) -> None:
    copy = tmp_path / "v4.atelier"
    shutil.copy(FIXTURES / "format-v4.atelier", copy)
    with Store.open(copy) as store:
        assert _indexed(store) == _expected(store) and len(_indexed(store)) == 4
        assert store.search("talvy")[0][0].participant.names == ["Grégory TALVY"]


def test_a_merge_writes_the_directory_too(tmp_path: Path) -> None:
    from atelier.store import merge_files

    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    with Store.create(a, title="Atelier", date="2021-03-16") as store:
        workshop_id = store.workshops()[0].id
    shutil.copy(a, b)
    with Store.open(b) as store:
        store.add_participant(Participant(workshop_id, names=["Zoé Élan"]))
    merge_files(a, b, tmp_path / "c.atelier")
    with Store.open(tmp_path / "c.atelier") as merged:
        assert _indexed(merged) == _expected(merged)
        assert merged.search("zoe elan")[1] == 1


def test_cli_search_across_three_imports_of_the_example(tmp_path: Path) -> None:
    path = tmp_path / "region.atelier"
    assert run_cli("import", str(EXAMPLE_GRID), "-o", str(path)).returncode == 0
    for date in ("2022-03-15", "2023-03-14"):
        added = run_cli(
            "import",
            str(EXAMPLE_GRID),
            "--into",
            str(path),
            "--new-workshop",
            "--date",
            date,
            "--title",
            f"Atelier {date[:4]}",
        )
        assert added.returncode == 0, added.stderr
    found = run_cli("search", str(path), "GPECT", "--json")
    assert found.returncode == 0, found.stderr
    data = json.loads(found.stdout)
    assert data["total"] == 21  # 7 items of the grid mention it, in each of three workshops
    assert {h["workshop"]["date"] for h in data["hits"]} == {"2021-03-16", "2022-03-15", "2023-03-14"}
    assert all("gpect" in h["text"].lower() for h in data["hits"])
    text = run_cli("search", str(path), "talvy").stdout
    # One person at three workshops: one result, as the window's directory shows him, naming
    # each workshop, the latest first.
    assert text.splitlines()[0] == "«\u00a0talvy\u00a0»\u00a0: 1 résultat."
    assert "[participant] Grégory TALVY (Région N-A)" in text
    assert text.splitlines()[2] == "      Région N-A · 3 ateliers\u00a0:"
    assert "atelier du 14/03/2023 «\u00a0Atelier 2023\u00a0»" in text.splitlines()[3]
    none = run_cli("search", str(path), "introuvable")
    assert (
        none.stdout.strip() == "Aucun résultat pour «\u00a0introuvable\u00a0» "
        "dans les 3 ateliers du fichier «\u00a0region.atelier\u00a0»."
    )


@pytest.mark.parametrize("query", ["", "   ", "\t"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_cli_search_for_nothing_is_a_usage_error_in_one_sentence(
    query: str, lang: str, tmp_path: Path
) -> None:
    """An empty or blank query is not « no result » (nor every line): say what to give."""
    path = tmp_path / "atelier.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    before = path.read_bytes()
    result = run_cli("search", str(path), query, env={"ATELIER_LANG": lang})
    assert result.returncode == 2 and result.stdout == ""
    expected = "donnez au moins un mot à chercher" if lang == "fr" else "give at least one word to search for"
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before


@pytest.mark.parametrize("query", ["🎉", "€", "« + »"])
def test_cli_search_for_signs_alone_says_it_finds_words_not_no_result(query: str, tmp_path: Path) -> None:
    """The search finds words (letters and digits): « 🎉 » or « € » alone searched nothing and
    said « Aucun résultat pour « 🎉 » » of a file whose participant's structure holds it."""
    path = tmp_path / "atelier.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        lucie = [p for p in store.participants(store.workshops()[0].id) if p.names == ["Lucie Leroy"]][0]
        store.update_participant(lucie.id, organisation=f"Grand Angoulême {query}")
    before = path.read_bytes()
    for lang, said in (("fr", "la recherche trouve des mots"), ("en", "the search finds words")):
        result = run_cli("search", str(path), query, env={"ATELIER_LANG": lang})
        assert result.returncode == 2 and result.stdout == "", result.stdout
        (sentence,) = result.stderr.strip().splitlines()
        assert said in sentence and query in sentence, sentence
        assert "Aucun résultat" not in sentence and "No result" not in sentence
    assert run_cli("search", str(path), f"{query} Angoulême").stdout.count("Lucie Leroy") == 1
    assert path.read_bytes() == before


def test_an_acronym_typed_with_its_sign_finds_it_and_not_every_word_of_its_letter(store: Store) -> None:
    """« R&D » found every row with a word starting with « r » (« réussir », « Région »…): 78
    results on the 2021 grid, the R&D line 36th. « O/D » likewise."""
    first, _second, ids = _two_workshops(store)
    someone = store.add_participant(
        Participant(first.id, names=["Denis Paineau"], organisation="CdC du Bazadais")
    )
    rd = store.add_item(
        Item(someone.id, ItemKind.ACTION, "financer de la R&D pour ce groupement d'entreprises")
    )
    store.add_item(Item(someone.id, ItemKind.CHALLENGE, "réussir à recruter dans la Région"))
    od = store.add_item(Item(someone.id, ItemKind.ACTION, "mise en adéquation O/D emploi"))
    store.add_item(Item(someone.id, ItemKind.ACTION, "outiller les demandeurs d'emploi"))
    hits, total = store.search("R&D")
    assert total == 1 and [h.ref for h in hits] == [rd.id]
    assert [h.ref for h in store.search("o/d emploi")[0]] == [od.id]
    assert [h.ref for h in store.search("clauses d'insertion")[0]] == [ids["clause"]]  # elisions as before


def test_a_participant_found_by_part_of_a_hyphenated_or_elided_name_says_it_was_the_name(
    store: Store,
) -> None:
    """« sophie » finds Anne-Sophie L'Hôte: the hit said it matched in no field (« fields »: []
    in atelier search --json, no « (nom) » in « Répertoire »)."""
    workshop = store.workshops()[0]
    anne = store.add_participant(
        Participant(
            workshop.id,
            names=["Anne-Sophie L'Hôte"],
            organisation="Maison de l'emploi",
            territory="Mont-de-Marsan",
        )
    )
    for typed, fields in (("sophie", ["people"]), ("hôte", ["people"]), ("marsan", ["territory"])):
        (hit,), total = store.search(typed)
        assert (hit.ref, hit.fields, total) == (anne.id, fields, 1)


def test_cli_search_names_one_person_of_two_workshops_once_as_the_window_does(tmp_path: Path) -> None:
    """r.atelier: « atelier chercher … Paineau » listed « Denis Paineau (CdC du Bazadais) » and
    « Denis PAINEAU (Communauté de communes du Bazadais) » as 2 results, and Grégory TALVY /
    Talvy likewise, where the window's Répertoire shows one row « 2 ateliers » each; the two
    Julie Thomas of two structures are two people in both."""
    path = tmp_path / "r.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    grid = tmp_path / "grille-2022.csv"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Denis PAINEAU / Communauté de communes du Bazadais;Club d'entreprises;;;\n"
        "Grégory Talvy / Région Nouvelle-Aquitaine;;;;Dispositifs régionaux\n"
        "Julie Thomas / Mission locale de Tulle;Parrainage de jeunes;;;\n",
        encoding="utf-8",
    )
    done = run_cli(
        "import", str(grid), "--into", str(path), "--new-workshop",
        "--date", "2022-03-15", "--title", "Atelier du 15 mars 2022",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    env = {"ATELIER_LANG": "fr"}
    lines = run_cli("chercher", str(path), "Paineau", env=env).stdout.replace("\u00a0", " ").splitlines()
    assert lines[0] == "« Paineau » : 1 résultat.", lines
    assert lines[1] == "  [participant] Denis PAINEAU (Communauté de communes du Bazadais)", lines
    assert lines[2:5] == [
        "      Bazadais · 2 ateliers :",
        "        atelier du 15/03/2022 « Atelier du 15 mars 2022 »",
        "        atelier du 16/03/2021 « Atelier du 16 mars 2021 »",
    ], lines
    talvy = run_cli("chercher", str(path), "talvy", env=env).stdout.replace("\u00a0", " ")
    assert talvy.startswith("« talvy » : 1 résultat."), talvy
    julie = run_cli("chercher", str(path), "Julie", "Thomas", env=env).stdout.replace("\u00a0", " ")
    assert julie.startswith("« Julie Thomas » : 2 résultats."), julie
    # The window's directory, for the same words, shows as many rows.
    with Store.open(path, readonly=True) as store:
        from atelier.matching.across import one_row_per_person

        for query, rows in (("Paineau", 1), ("talvy", 1), ("Julie Thomas", 2)):
            assert len(one_row_per_person(store, store.search(query)[0])) == rows
    english = run_cli("search", str(path), "Paineau", env={"ATELIER_LANG": "en"}).stdout.splitlines()
    assert english[2:5] == [
        "      Bazadais · 2 workshops:",
        "        workshop of 15 March 2022 “Atelier du 15 mars 2022”",
        "        workshop of 16 March 2021 “Atelier du 16 mars 2021”",
    ], english
    data = json.loads(run_cli("search", str(path), "Paineau", "--json").stdout)
    assert data["total"] == 1 and len(data["hits"]) == 1, data
    assert [w["date"] for w in data["hits"][0]["workshops"]] == ["2022-03-15", "2021-03-16"], data

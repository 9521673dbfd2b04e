"""Two facilitators in one room, each capturing half of it on their own laptop (`atelier import`
on each): `atelier merge` kept two « Atelier de Dax » of 12/11/2026, each with half the room
(matching, minutes and pages each saw half), and said only that the files had no workshop in
common. The merge now says that both files hold that workshop and gives the exact command that
joins them; `merge --meme-atelier` and `workshops --reunir` make them one workshop: a person
typed on both laptops becomes one participant (their lines united, none twice), two people
who share a name but not a structure stay two, decisions, follow-up and directory consent are
kept. The real command, in a subprocess, on real files."""

from __future__ import annotations

import hashlib
import re
import shlex
from pathlib import Path

from atelier.domain import FollowUp, Item, ItemKind, Match, MatchStatus, Participant, Workshop
from atelier.store import Store
from tests.conftest import run_cli

A_CSV = """Participants / Territoire;Actions;Défis;J'ai besoin de ressources sur…;Je peux être ressource sur…
"Nina Vidal, Mission locale (Landes)";Ateliers CV;Mobilité des jeunes;Logement des jeunes;Accompagnement
"Paul Lin, PLIE (Dax)";Forum emploi;Recrutement;Contacts entreprises;Logement temporaire
"""
B_CSV = """Participants / Territoire;Actions;Défis;J'ai besoin de ressources sur…;Je peux être ressource sur…
"Nina VIDAL, Mission locale (Landes)";Ateliers CV;Mobilité;logement des jeunes;Covoiturage solidaire
"Nina Vidal, Cap emploi (Dax)";;;Formation des tuteurs;Handicap et emploi
"Marc Roux, Région (Nouvelle-Aquitaine)";;;Covoiturage;Logement des jeunes travailleurs
"""
SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def _plain(text: str) -> str:
    return text.translate(SPACES)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _line(store: Store, workshop_id: str, name: str, organisation: str, kind: str, text: str) -> str:
    person = next(
        p for p in store.participants(workshop_id) if p.names == [name] and p.organisation == organisation
    )
    return next(i.id for i in store.items(person.id) if i.kind.value == kind and i.text == text)


def _halves(tmp_path: Path) -> tuple[Path, Path]:
    """Each laptop's file, made as a facilitator makes it, with decisions and follow-up."""
    (tmp_path / "a.csv").write_text(A_CSV, encoding="utf-8")
    (tmp_path / "b.csv").write_text(B_CSV, encoding="utf-8")
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    for grid, path in (("a.csv", a), ("b.csv", b)):
        done = run_cli(
            "import",
            str(tmp_path / grid),
            "-o",
            str(path),
            "--title",
            "Atelier de Dax",
            "--date",
            "12/11/2026",
        )
        assert done.returncode == 0, done.stderr
    with Store.open(a) as store:
        w = store.workshops()[0].id
        need = _line(store, w, "Nina Vidal", "Mission locale", "need", "Logement des jeunes")
        offer = _line(store, w, "Paul Lin", "PLIE", "offer", "Logement temporaire")
        store.add_match(Match(w, need, offer, MatchStatus.CONFIRMED))
    with Store.open(b) as store:
        w = store.workshops()[0].id
        nina = next(p for p in store.participants(w) if p.organisation == "Mission locale")
        store.update_participant(nina.id, unlisted=True)  # asked not to be in the directory
        need = _line(store, w, "Nina VIDAL", "Mission locale", "need", "logement des jeunes")
        offer = _line(store, w, "Marc Roux", "Région", "offer", "Logement des jeunes travailleurs")
        decided = store.add_match(Match(w, need, offer, MatchStatus.CONFIRMED))
        store.set_follow_up(decided.id, FollowUp.CONTACTED)
        need = _line(store, w, "Marc Roux", "Région", "need", "Covoiturage")
        offer = _line(store, w, "Nina VIDAL", "Mission locale", "offer", "Covoiturage solidaire")
        store.add_match(Match(w, need, offer, MatchStatus.REJECTED))
    return a, b


def _check_joined(path: Path) -> None:
    """One workshop, the room whole: Nina of the Mission locale once, with her lines of both
    laptops (« Logement des jeunes » once), Nina of Cap emploi apart; every decision kept."""
    with Store.open(path, readonly=True) as store:
        [workshop] = store.workshops()
        assert (workshop.title, workshop.date) == ("Atelier de Dax", "2026-11-12")
        people = store.participants(workshop.id)
        assert sorted((p.names[0], p.organisation) for p in people) == [
            ("Marc Roux", "Région"),
            ("Nina Vidal", "Cap emploi"),
            ("Nina Vidal", "Mission locale"),
            ("Paul Lin", "PLIE"),
        ]
        nina = next(p for p in people if p.organisation == "Mission locale")
        assert nina.unlisted  # one of her two entries asked: not published
        lines = {
            kind: [i.text for i in store.items(nina.id) if i.kind.value == kind] for kind in ("need", "offer")
        }
        assert lines == {
            "need": ["Logement des jeunes"],
            "offer": ["Accompagnement", "Covoiturage solidaire"],
        }
        [need] = [i for i in store.items(nina.id) if i.kind.value == "need"]
        said = {}
        for match in store.matches(workshop.id):
            need_text, resource_text = store.item(match.need_id).text, store.item(match.resource_id).text
            said[(need_text, resource_text)] = (match.status.value, match.follow_up.value)
            if need_text == "Logement des jeunes":
                assert match.need_id == need.id
        assert said == {
            ("Logement des jeunes", "Logement temporaire"): ("confirmed", "to_contact"),
            ("Logement des jeunes", "Logement des jeunes travailleurs"): ("confirmed", "contacted"),
            ("Covoiturage", "Covoiturage solidaire"): ("rejected", "to_contact"),
        }


def test_the_merge_says_the_two_halves_and_the_command_that_joins_them(tmp_path: Path) -> None:
    a, b = _halves(tmp_path)
    before = {a: _digest(a), b: _digest(b)}
    c = tmp_path / "c.atelier"
    done = run_cli("merge", str(a), str(b), "-o", str(c), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    said = _plain(done.stdout)
    assert "les deux fichiers ont chacun un atelier « Atelier de Dax » (12/11/2026), saisi à part" in said, (
        said
    )
    assert "aucun atelier en commun" not in said
    command = said.split("réunissez-les : ")[1].strip()
    # The command's French name (« workshops » was the English one in the French interface).
    assert command.startswith(f"atelier ateliers {shlex.quote(str(c))} --reunir "), command
    with Store.open(c, readonly=True) as store:
        assert len(store.workshops()) == 2  # side by side, as said
    joined = run_cli(*shlex.split(command)[1:], cwd=tmp_path)  # pasted as said
    assert joined.returncode == 0, joined.stderr
    assert _plain(joined.stdout).startswith(
        "2 ateliers réunis : 2 + 3 participants, dont 1 saisi dans les deux ateliers ; "
        "« Atelier de Dax » (12/11/2026) a maintenant 4 participants."
    ), joined.stdout
    assert "« Nina Vidal (Mission locale) », saisi dans les deux, n'est plus qu'un participant" in _plain(
        joined.stdout
    )
    _check_joined(c)
    assert {a: _digest(a), b: _digest(b)} == before
    english = tmp_path / "my merge.atelier"
    done = run_cli("merge", str(a), str(b), "-o", english.name, cwd=tmp_path, env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    command = done.stdout.split("join them: ")[1].strip()
    assert command.startswith("atelier workshops 'my merge.atelier' --join "), command
    joined = run_cli(*shlex.split(command)[1:], cwd=tmp_path, env={"ATELIER_LANG": "en"})
    assert joined.returncode == 0 and joined.stdout.startswith("2 workshops joined"), joined.stderr
    _check_joined(english)


def test_merge_meme_atelier_makes_one_workshop_in_one_step(tmp_path: Path) -> None:
    a, b = _halves(tmp_path)
    before = {a: _digest(a), b: _digest(b)}
    done = run_cli("merge", str(a), str(b), "-o", str(tmp_path / "c"), "--meme-atelier")
    assert done.returncode == 0, done.stderr
    said = _plain(done.stdout)
    assert (
        "2 ateliers réunis : 2 + 3 participants, dont 1 saisi sur les deux fichiers ; "
        "« Atelier de Dax » (12/11/2026) a maintenant 4 participants."
    ) in said, said
    assert "2 lignes saisies deux fois ne sont gardées qu'une fois, avec leurs mises en relation." in said
    _check_joined(tmp_path / "c.atelier")  # « -o c » writes « c.atelier », as every merge
    assert {a: _digest(a), b: _digest(b)} == before
    # A later merge of the second laptop's file brings neither its workshop nor Nina twice back.
    again = run_cli("merge", str(tmp_path / "c.atelier"), str(b), "-o", str(tmp_path / "d.atelier"))
    assert again.returncode == 0, again.stderr
    _check_joined(tmp_path / "d.atelier")
    english = run_cli(
        "merge",
        str(a),
        str(b),
        "-o",
        str(tmp_path / "en.atelier"),
        "--same-workshop",
        env={"ATELIER_LANG": "en"},
    )
    assert (
        "2 workshops joined: 2 + 3 participants, 1 of them typed in both files; "
        "“Atelier de Dax” (12 November 2026) now has 4 participants."
    ) in english.stdout, english.stdout


def test_joining_never_replaces_a_file_not_named_and_refuses_what_is_not_one_workshop(tmp_path: Path) -> None:
    a, b = _halves(tmp_path)
    kept = tmp_path / "c.atelier"
    assert run_cli("new", str(kept), "--title", "Un autre atelier").returncode == 0
    files = {p: _digest(p) for p in (a, b, kept)}
    done = run_cli("merge", str(a), str(b), "-o", str(kept), "--meme-atelier")
    assert done.returncode == 1 and "--force" in done.stderr, done.stderr
    done = run_cli("merge", str(a), str(b), "-o", str(a), "--meme-atelier", "--force")
    assert done.returncode == 1, done.stderr
    assert {p: _digest(p) for p in files} == files
    # Two files without a workshop of the same title and date: nothing written, said why.
    other = tmp_path / "other.atelier"
    assert (
        run_cli("new", str(other), "--title", "Forum de Mont-de-Marsan", "--date", "12/11/2026").returncode
        == 0
    )
    done = run_cli("merge", str(a), str(other), "-o", str(tmp_path / "none.atelier"), "--meme-atelier")
    assert done.returncode == 1
    assert "n'ont pas d'atelier de même titre et de même date à réunir ; rien n'a été écrit" in _plain(
        done.stderr
    ), done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "none.atelier").exists()
    # It said « atelier workshops none.atelier --reunir ATELIER ATELIER », of a file not written,
    # with placeholders. It now says the merge to run, then the join of the two workshops of the
    # same date, each as it can be pasted.
    for lang, name, command, pair in (
        (
            "fr",
            "none.atelier",
            "ateliers",
            "si « Atelier de Dax » et « Forum de Mont-de-Marsan » (12/11/2026) sont le même atelier, "
            "réunissez-les",
        ),
        (
            "en",
            "my merge.atelier",
            "workshops",
            "if “Atelier de Dax” and “Forum de Mont-de-Marsan” (12 November 2026) are one workshop, "
            "join them",
        ),
    ):
        env = {"ATELIER_LANG": lang}
        done = run_cli(
            "merge", "a.atelier", "other.atelier", "-o", name, "--same-workshop", env=env, cwd=tmp_path
        )
        said = _plain(done.stderr).strip()
        assert done.returncode == 1 and said.count("\n") == 0 and pair in said, said
        assert not re.findall(r"\b[A-Z]{2,}\b", said), said  # no ATELIER or WORKSHOP to guess
        merge, join = (found.strip() for found in re.findall(r": (atelier [^;]*)", said))
        assert merge == f"atelier merge a.atelier other.atelier -o {shlex.quote(name)}", said
        assert join.startswith(f"atelier {command} {shlex.quote(name)} "), said
        for command in (merge, join):  # pasted as said
            done = run_cli(*shlex.split(command)[1:], env=env, cwd=tmp_path)
            assert done.returncode == 0, done.stderr
        with Store.open(tmp_path / name, readonly=True) as store:
            assert [w.title for w in store.workshops()] == ["Atelier de Dax"]
            assert len(store.participants(store.workshops()[0].id)) == 2
    # With --force, the named file is replaced, and where it is kept is said.
    done = run_cli("merge", str(a), str(b), "-o", str(kept), "--meme-atelier", "--force")
    assert done.returncode == 0, done.stderr
    _check_joined(kept)


def test_workshops_reunir_refuses_two_dates_and_one_workshop_named_twice(tmp_path: Path) -> None:
    """Two workshops of two dates: the refusal named the command in English (« workshops ») in
    the French interface, with placeholders to guess (« FICHIER --rename ATELIER --date
    JJ/MM/AAAA »), and said they were not two halves of one workshop, which it cannot know. It
    is now one sentence, in the user's language, ending with the command that gives them the
    same date, as it can be pasted: the file, the workshop's identifier, the date."""
    a = tmp_path / "a.atelier"
    with Store.create(a, title="Atelier de Dax", date="2026-11-12") as store:
        first = store.workshops()[0].id
        second = store.add_workshop(Workshop(title="Atelier de Dax", date="2026-11-13")).id
    english = tmp_path / "my capture.atelier"
    english.write_bytes(a.read_bytes())
    for lang, name, path, join, rest in (
        (
            "fr",
            "ateliers",
            Path("a.atelier"),
            "--reunir",
            "« Atelier de Dax » (12/11/2026) et « Atelier de Dax »",
        ),
        (
            "en",
            "workshops",
            Path(english.name),
            "--join",
            "“Atelier de Dax” (12 November 2026) and “Atelier de Dax”",
        ),
    ):
        env = {"ATELIER_LANG": lang}
        before = _digest(tmp_path / path)
        done = run_cli(name, str(path), join, first[:8], "13/11/2026", env=env, cwd=tmp_path)
        assert done.returncode == 1
        said = _plain(done.stderr).strip()
        assert said.count("\n") == 0 and ". " not in said and rest in said, said  # one sentence
        assert not re.findall(r"\b[A-Z]{2,}\b", said), said  # no FICHIER, ATELIER, JJ/MM/AAAA to guess
        assert _digest(tmp_path / path) == before
        command = said.rsplit(": ", 1)[1]
        date = "12/11/2026" if lang == "fr" else "2026-11-12"
        assert command == f"atelier {name} {shlex.quote(str(path))} --rename {second[:8]} --date {date}", said
        done = run_cli(*shlex.split(command)[1:], env=env, cwd=tmp_path)  # pasted as said
        assert done.returncode == 0, done.stderr
        done = run_cli(name, str(path), join, first[:8], second[:8], env=env, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        with Store.open(tmp_path / path, readonly=True) as store:
            assert [(w.title, w.date) for w in store.workshops()] == [("Atelier de Dax", "2026-11-12")]
    before = _digest(english)
    done = run_cli("workshops", str(english), "--reunir", first[:8], first)
    assert done.returncode == 1 and "est nommé deux fois" in done.stderr
    assert _digest(english) == before


def test_what_the_second_laptop_typed_after_the_join_comes_in_at_the_next_merge(tmp_path: Path) -> None:
    """Joined at the break (`merge --meme-atelier`), the second facilitator went on typing in
    their own file: the next merge of that file left out everything of its workshop (gone from
    the joined file) without a word, or brought that workshop back beside the joined one. Their
    new participant, and the lines added to a participant moved or to the person typed twice,
    now come into the one workshop."""
    a, b = _halves(tmp_path)
    c, d = tmp_path / "c.atelier", tmp_path / "d.atelier"
    assert run_cli("merge", str(a), str(b), "-o", str(c), "--meme-atelier").returncode == 0
    with Store.open(b) as store:
        w = store.workshops()[0].id
        store.add_participant(Participant(w, names=["Léa Martin"], organisation="CCAS"))
        people = {p.names[0]: p for p in store.participants(w)}
        store.add_item(Item(people["Marc Roux"].id, ItemKind.NEED, "Locaux pour un atelier"))
        nina = next(p for p in store.participants(w) if p.organisation == "Mission locale")
        store.add_item(Item(nina.id, ItemKind.OFFER, "Ateliers mobilité"))
    done = run_cli("merge", str(c), str(b), "-o", str(d))
    assert done.returncode == 0, done.stderr
    assert "Rien de nouveau" not in done.stdout
    _check_after_the_join(d)
    # The first laptop's file, given the joined one, then the second laptop's: the same.
    e, f = tmp_path / "e.atelier", tmp_path / "f.atelier"
    assert run_cli("merge", str(a), str(c), "-o", str(e)).returncode == 0
    assert run_cli("merge", str(e), str(b), "-o", str(f)).returncode == 0
    _check_after_the_join(f)


def _check_after_the_join(d: Path) -> None:
    with Store.open(d, readonly=True) as store:
        [workshop] = store.workshops()
        people = store.participants(workshop.id)
        assert sorted(p.names[0] for p in people) == [
            "Léa Martin",
            "Marc Roux",
            "Nina Vidal",
            "Nina Vidal",
            "Paul Lin",
        ]
        nina = next(p for p in people if p.organisation == "Mission locale")
        assert nina.names == ["Nina Vidal"]  # as the joined file has her, not as b.atelier typed her
        lines = [i.text for i in store.items(nina.id)]
        assert "Ateliers mobilité" in lines and lines.count("Logement des jeunes") == 1, lines
        assert "logement des jeunes" not in lines
        marc = next(p for p in people if p.names == ["Marc Roux"])
        assert "Locaux pour un atelier" in [i.text for i in store.items(marc.id)]


def test_the_join_sentence_counts_the_participants_of_both_workshops(tmp_path: Path) -> None:
    """Joining a workshop with an empty one said « 2 + 0 participant » (the noun agreeing with
    the last number only), and in English « 2 + 1 participant »: the noun counts both workshops'
    participants, « 2 + 0 participants », « 2 + 1 participants »."""
    a, _b = _halves(tmp_path)
    with Store.open(a) as store:
        kept = store.workshops()[0].id
        empty = store.add_workshop(Workshop(title="Atelier de Dax", date="2026-11-12")).id
    english = tmp_path / "en.atelier"
    with Store.create(english, title="Atelier de Dax", date="2026-11-12") as store:
        first = store.workshops()[0].id
        store.add_participant(Participant(first, names=["Nina Vidal"], organisation="Mission locale"))
        store.add_participant(Participant(first, names=["Paul Lin"], organisation="PLIE"))
        second = store.add_workshop(Workshop(title="Atelier de Dax", date="2026-11-12")).id
        store.add_participant(Participant(second, names=["Marc Roux"], organisation="Région"))
    done = run_cli("ateliers", str(a), "--reunir", kept[:8], empty[:8])
    assert done.returncode == 0, done.stderr
    assert _plain(done.stdout).startswith(
        "2 ateliers réunis : 2 + 0 participants ; "
        "« Atelier de Dax » (12/11/2026) a maintenant 2 participants."
    ), done.stdout
    done = run_cli("workshops", str(english), "--join", first[:8], second[:8], env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "2 workshops joined: 2 + 1 participants; “Atelier de Dax” (12 November 2026) now has 3 participants."
    ), done.stdout


def test_merge_meme_atelier_of_two_copies_of_one_file_merges_them(tmp_path: Path) -> None:
    """Both laptops started from a copy of one file (its workshop already one, the same id in
    both): `merge --meme-atelier` said « n'ont pas d'atelier de même titre et de même date à
    réunir », false, and wrote nothing. Merged, the workshop stays one with both captures."""
    import shutil

    example = Path(__file__).resolve().parent.parent / "examples" / "atelier-2021-03-16.atelier"
    a, b = tmp_path / "a.atelier", tmp_path / "b.atelier"
    shutil.copy(example, a)
    shutil.copy(example, b)
    with Store.open(b) as store:
        (workshop,) = store.workshops()
        store.add_participant(Participant(workshop.id, names=["Zoé Arnaud"], organisation="PLIE"))
        people = len(store.participants(workshop.id))
    before = {a: _digest(a), b: _digest(b)}
    done = run_cli("merge", str(a), str(b), "-o", str(tmp_path / "c.atelier"), "--meme-atelier")
    assert done.returncode == 0, done.stderr
    assert "n'ont pas d'atelier" not in done.stdout + done.stderr
    with Store.open(tmp_path / "c.atelier", readonly=True) as store:
        (merged,) = store.workshops()
        assert merged.id == workshop.id and len(store.participants(merged.id)) == people
    assert {a: _digest(a), b: _digest(b)} == before


def test_one_person_whose_region_each_laptop_wrote_its_own_way_becomes_one(tmp_path: Path) -> None:
    """« Grégory TALVY, Région N-A » on one laptop, « Gregory Talvy, Région Nouvelle-Aquitaine »
    on the other: one person (the directory's search already reads « N-A » as the region), said
    in the summary. « Conseil régional N-A » is not « Région Nouvelle-Aquitaine »: two people."""
    header = (
        "Participants / Territoire;Actions;Défis;J'ai besoin de ressources sur…;Je peux être ressource sur…"
    )
    grids = {
        "a": [
            '"Grégory TALVY, Région N-A";Veille;;Contacts;Financements',
            '"Julie Bernard, Conseil régional N-A";;;Mobilité;',
        ],
        "b": [
            '"Gregory Talvy, Région Nouvelle-Aquitaine";Veille sur les dispositifs;;Contacts;',
            '"Julie Bernard, Région Nouvelle-Aquitaine";;;Covoiturage;',
        ],
    }
    files = []
    for name, rows in grids.items():
        (tmp_path / f"{name}.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
        path = tmp_path / f"{name}.atelier"
        done = run_cli(
            "import",
            str(tmp_path / f"{name}.csv"),
            "-o",
            str(path),
            "--title",
            "Atelier de Dax",
            "--date",
            "12/11/2026",
        )
        assert done.returncode == 0, done.stderr
        files.append(path)
    done = run_cli("merge", *map(str, files), "-o", str(tmp_path / "c.atelier"), "--meme-atelier")
    assert done.returncode == 0, done.stderr
    said = _plain(done.stdout)
    assert (
        "2 ateliers réunis : 2 + 2 participants, dont 1 saisi sur les deux fichiers ; "
        "« Atelier de Dax » (12/11/2026) a maintenant 3 participants."
    ) in said, said
    assert (
        "« Grégory TALVY (Région N-A) » : « Région N-A » et « Région Nouvelle-Aquitaine » (de l'autre "
        "saisie) sont la même structure, écrite autrement ; le nom « Région N-A » est gardé."
    ) in said, said
    assert "territoire" not in said, said  # « Région N-A » kept, nothing of the other lost
    with Store.open(tmp_path / "c.atelier") as store:
        (workshop,) = store.workshops()
        people = {(" ".join(p.names), p.organisation) for p in store.participants(workshop.id)}
        assert people == {
            ("Grégory TALVY", "Région N-A"),
            ("Julie Bernard", "Conseil régional N-A"),
            ("Julie Bernard", "Région Nouvelle-Aquitaine"),
        }
        gregory = next(p for p in store.participants(workshop.id) if p.names == ["Grégory TALVY"])
        actions = sorted(i.text for i in store.items(gregory.id) if i.kind.value == "action")
        assert actions == ["Veille", "Veille sur les dispositifs"]

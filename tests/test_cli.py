"""The command line as a facilitator or a script uses it: real processes, real files."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant, Workshop
from atelier.store import Store

from .conftest import run_cli


def test_new_then_info_then_json_export_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "atelier.atelier"
    created = run_cli(
        "new", str(path), "--title", "Atelier du 16 mars 2021", "--date", "16/03/2021", "--place", "Bordeaux"
    )
    assert created.returncode == 0, created.stderr
    assert "Fichier créé" in created.stdout

    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        a = store.add_participant(
            Participant(workshop_id, names=["Lucie Leroy"], organisation="Grand Angoulême")
        )
        b = store.add_participant(
            Participant(
                workshop_id,
                names=["Grégory TALVY"],
                organisation="Région N-A",
                territory="Nouvelle-Aquitaine",
            )
        )
        need = store.add_item(Item(a.id, ItemKind.NEED, "besoin d'un répertoire d'initiatives"))
        store.add_item(Item(a.id, ItemKind.ACTION, "PLIE, plateforme des clauses d'insertion"))
        offer = store.add_item(Item(b.id, ItemKind.OFFER, "aides de la Région"))
        store.add_item(Item(b.id, ItemKind.CHALLENGE, "co-construction"))
        store.add_match(
            Match(workshop_id, need.id, offer.id, status=MatchStatus.CONFIRMED, score=0.8, reasons=["Région"])
        )

    info = run_cli("info", str(path))
    assert info.returncode == 0, info.stderr
    assert "Atelier du 16 mars 2021 (16/03/2021)" in info.stdout
    assert "Participants\u00a0: 2" in info.stdout
    # Every count agrees with its number (« 1 défi », « 0 suggérée »), in French and English.
    assert "Éléments\u00a0: 1 action, 1 défi, 1 besoin, 1 ressource" in info.stdout
    assert "Mises en relation\u00a0: 0 suggérée, 1 décidée, 0 écartée" in info.stdout
    assert "Suivi des décidées\u00a0: 1 à contacter, 0 contactée, 0 faite, 0 sans suite" in info.stdout
    english = run_cli("info", str(path), env={"ATELIER_LANG": "en"})
    assert "Items: 1 action, 1 challenge, 1 need, 1 offer" in english.stdout
    assert "Matches: 0 suggested, 1 decided, 0 rejected" in english.stdout

    out = tmp_path / "export.json"
    exported = run_cli("export", str(path), "--json", str(out))
    assert exported.returncode == 0, exported.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    (workshop,) = data["workshops"]
    assert (workshop["title"], workshop["date"], workshop["place"]) == (
        "Atelier du 16 mars 2021",
        "2021-03-16",
        "Bordeaux",
    )
    lucie, gregory = workshop["participants"]
    assert lucie["names"] == ["Lucie Leroy"] and lucie["organisation"] == "Grand Angoulême"
    assert lucie["needs"] == ["besoin d'un répertoire d'initiatives"]
    assert lucie["actions"] == ["PLIE, plateforme des clauses d'insertion"]
    assert gregory["offers"] == ["aides de la Région"] and gregory["challenges"] == ["co-construction"]
    assert gregory["territory"] == "Nouvelle-Aquitaine"
    (match,) = workshop["matches"]
    assert (match["need"], match["offer"], match["status"], match["score"], match["reasons"]) == (
        need.id,
        offer.id,
        "confirmed",
        0.8,
        ["Région"],
    )

    to_stdout = run_cli("export", str(path), "--json", "-")
    assert json.loads(to_stdout.stdout) == data


def test_info_says_a_match_followed_up_dropped_is_no_live_confirmed_one(tmp_path: Path) -> None:
    """`atelier info` said « 2 confirmées, 1 ajoutée à la main » of a file where one of them was
    followed up « sans suite » (`atelier suivi ID --etat sans-suite`), as if the three were still
    live. It now counts them as the Excel summary does: « 3 décidées », then where their
    follow-up stands, « 1 sans suite » among them."""
    path = tmp_path / "suivi.atelier"
    with Store.create(path, title="Atelier du 15 mars 2022", date="2022-03-15") as store:
        workshop_id = store.workshops()[0].id
        people = [
            store.add_participant(Participant(workshop_id, names=[name], organisation=org))
            for name, org in (("Lucie Leroy", "Grand Angoulême"), ("Cécile Dallet", "PLIE des Graves"))
        ]
        decided = []
        for n, (status, words) in enumerate(
            (
                (MatchStatus.CONFIRMED, ("des clauses d'insertion", "clauses sociales")),
                (MatchStatus.CONFIRMED, ("un local", "une salle de réunion")),
                (MatchStatus.MANUAL, ("des bénévoles", "un réseau de bénévoles")),
            )
        ):
            need = store.add_item(Item(people[n % 2].id, ItemKind.NEED, words[0]))
            offer = store.add_item(Item(people[1 - n % 2].id, ItemKind.OFFER, words[1]))
            decided.append(store.add_match(Match(workshop_id, need.id, offer.id, status, 0.5, ["mot"])))
        need = store.add_item(Item(people[0].id, ItemKind.NEED, "un annuaire"))
        offer = store.add_item(Item(people[1].id, ItemKind.OFFER, "un guide"))
        store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.SUGGESTED, 0.2, ["mot"]))
    followed = run_cli("suivi", str(path), decided[0].id, "--etat", "sans-suite")
    assert followed.returncode == 0, followed.stderr
    followed = run_cli("suivi", str(path), decided[1].id, "--etat", "contactee")
    assert followed.returncode == 0, followed.stderr

    info = run_cli("info", str(path))
    assert info.returncode == 0, info.stderr
    lines = info.stdout.splitlines()
    assert "confirmée" not in info.stdout, lines  # one of the two came to nothing
    assert "Mises en relation\u00a0: 1 suggérée, 3 décidées (dont 1 ajoutée à la main), 0 écartée" in lines, (
        lines
    )
    assert "Suivi des décidées\u00a0: 1 à contacter, 1 contactée, 0 faite, 1 sans suite" in lines, lines
    english = run_cli("info", str(path), env={"ATELIER_LANG": "en"}).stdout.splitlines()
    assert "Matches: 1 suggested, 3 decided (1 of them added by hand), 0 rejected" in english, english
    assert "Follow-up of those decided: 1 to contact, 1 contacted, 0 done, 1 dropped" in english, english
    # `atelier ateliers` said « 3 mises en relation confirmées » of the same workshop, one of
    # them added by hand: « décidées », as `info` says.
    listed = run_cli("ateliers", str(path)).stdout
    assert listed.rstrip().endswith("3 mises en relation décidées (dont 1 classée sans suite)"), listed
    listed = run_cli("workshops", str(path), env={"ATELIER_LANG": "en"}).stdout
    assert listed.rstrip().endswith("3 decided matches (1 of them dropped)"), listed
    dumped = json.loads(run_cli("workshops", str(path), "--json").stdout)
    assert [(w["confirmed_matches"], w["dropped"]) for w in dumped] == [(3, 1)], dumped


def test_deleting_a_workshop_counts_its_matches_decided_as_info_does(tmp_path: Path) -> None:
    """`workshops --delete` asked « Supprimer l'atelier … (2 participants, 4 éléments, 2 mises en
    relation confirmées) ? » of a workshop whose two matches were one added by hand and one
    confirmed then followed up « sans suite »: neither « confirmée » as `info` says them. It
    now says « 2 mises en relation décidées », the count `info` gives, both removed."""
    path = tmp_path / "deux.atelier"
    with Store.create(path, title="Atelier du 15 mars 2022", date="2022-03-15") as store:
        workshop_id = store.workshops()[0].id
        store.add_workshop(Workshop("Atelier d'automne", "2022-10-04"))
        people = [
            store.add_participant(Participant(workshop_id, names=[name], organisation=org))
            for name, org in (("Lucie Leroy", "Grand Angoulême"), ("Cécile Dallet", "PLIE des Graves"))
        ]
        decided = []
        for status, (need, offer) in (
            (MatchStatus.CONFIRMED, ("des clauses d'insertion", "clauses sociales")),
            (MatchStatus.MANUAL, ("des bénévoles", "un réseau de bénévoles")),
        ):
            asked = store.add_item(Item(people[0].id, ItemKind.NEED, need))
            offered = store.add_item(Item(people[1].id, ItemKind.OFFER, offer))
            decided.append(store.add_match(Match(workshop_id, asked.id, offered.id, status, 0.5, ["mot"])))
    assert run_cli("suivi", str(path), decided[0].id, "--etat", "sans-suite").returncode == 0
    info = run_cli("info", str(path)).stdout
    assert "2 décidées (dont 1 ajoutée à la main)" in info, info
    before = path.read_bytes()
    for lang, said in (("fr", "2 mises en relation décidées)"), ("en", "2 decided matches)")):
        asked = run_cli("workshops", str(path), "--delete", "2022-03-15", env={"ATELIER_LANG": lang})
        assert asked.returncode == 1 and path.read_bytes() == before, asked.stderr
        assert said in asked.stderr and "confirm" not in asked.stderr, asked.stderr
    done = run_cli("workshops", str(path), "--delete", "2022-03-15", "--oui")
    assert done.returncode == 0, done.stderr
    assert "2 mises en relation décidées)" in done.stdout and "confirm" not in done.stdout, done.stdout


def test_export_of_one_workshop_and_unknown_workshop(tmp_path: Path) -> None:
    path = tmp_path / "a.atelier"
    Store.create(path, title="Un").close()
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
    one = run_cli("export", str(path), "--workshop", workshop_id, "--json", "-")
    assert json.loads(one.stdout)["workshops"][0]["id"] == workshop_id
    unknown = run_cli("export", str(path), "--workshop", "inconnu", "--json", "-")
    assert unknown.returncode == 1 and "Aucun atelier" in unknown.stderr


def test_usage_errors_exit_2_with_one_french_line(tmp_path: Path) -> None:
    for args in (
        ["info"],
        ["new", str(tmp_path / "x.atelier")],
        ["frobnicate"],
        ["export", "f.atelier"],
        ["info", "a", "b"],
    ):
        result = run_cli(*args)
        assert result.returncode == 2, args
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("atelier\u00a0:"), (args, result.stderr)
        assert "Traceback" not in result.stderr


NB = "\u00a0"
ARGPARSE_CASES = [
    # (arguments, what French says, what English says)
    (
        ["frobnicate"],
        f"argument COMMANDE{NB}: choix inconnu «{NB}frobnicate{NB}» "
        f"(au choix{NB}: «{NB}open{NB}», «{NB}example{NB}»",
        "argument COMMAND: invalid choice: “frobnicate” (choose from “open”, “example”",
    ),
    (["export"], f"argument manquant{NB}: FICHIER", "the following arguments are required: FILE"),
    (
        ["search"],
        f"arguments manquants{NB}: FICHIER, TEXTE",
        "the following arguments are required: FILE, TEXT",
    ),
    (
        ["info", "a", "b", "--bogus"],
        f"arguments inconnus{NB}: b --bogus",
        "unrecognized arguments: b --bogus",
    ),
    (
        ["match", "x", "--top"],
        f"argument --top{NB}: une valeur est attendue",
        "argument --top: expected one argument",
    ),
    (
        ["match", "x", "--top", "trois"],
        f"argument --top{NB}: valeur invalide «{NB}trois{NB}»",
        "argument --top: invalid int value: “trois”",
    ),
    (
        ["export", "x", "--json", "a", "--xlsx", "b"],
        f"argument --xlsx{NB}: ne va pas avec --json",
        "argument --xlsx: not allowed with argument --json",
    ),
    # A value that looks like one of argparse's sentences is not translated (and is shown as
    # one word, between quotes, as it was typed).
    (
        ["info", "x", "unrecognized arguments: y"],
        f'arguments inconnus{NB}: "unrecognized arguments: y"',
        "",
    ),
]


@pytest.mark.parametrize(
    ("args", "french", "english"), ARGPARSE_CASES, ids=[" ".join(c[0]) for c in ARGPARSE_CASES]
)
def test_argparse_s_own_sentences_are_said_in_the_user_s_language(
    args: list[str], french: str, english: str
) -> None:
    said = run_cli(*args)
    assert said.returncode == 2 and "Traceback" not in said.stderr
    line = said.stderr.strip()
    assert "\n" not in line and line.startswith(f"atelier{NB}: ") and french in line, line
    for word in (
        "invalid choice",
        "invalid int",
        "choose from",
        "required",
        "unrecognized",
        "expected",
        "allowed",
    ):
        assert word not in line.replace("unrecognized arguments: y", ""), line
    if english:
        said = run_cli(*args, env={"ATELIER_LANG": "en"})
        assert said.returncode == 2 and english in said.stderr, said.stderr


def test_help_says_usage_in_the_user_s_language() -> None:
    french = run_cli("suivi", "--help")
    assert french.returncode == 0 and french.stdout.startswith(f"utilisation{NB}: atelier suivi")
    assert "usage:" not in french.stdout and "positional arguments" not in french.stdout
    assert f"\narguments{NB}:\n" in french.stdout and f"\noptions{NB}:\n" in french.stdout
    english = run_cli("suivi", "--help", env={"ATELIER_LANG": "en"})
    assert english.stdout.startswith("usage: atelier suivi")
    assert "\noptions:\n" in english.stdout


def test_failures_exit_1_and_leave_files_alone(tmp_path: Path) -> None:
    existing = tmp_path / "deja.atelier"
    existing.write_bytes(b"contenu")
    again = run_cli("new", str(existing), "--title", "Autre")
    assert again.returncode == 1 and "existe déjà" in again.stderr
    assert existing.read_bytes() == b"contenu"

    missing = run_cli("info", str(tmp_path / "absent.atelier"))
    assert missing.returncode == 1 and "introuvable" in missing.stderr

    missing_open = run_cli("open", str(tmp_path / "absent.atelier"), "--quit-after-show")
    assert missing_open.returncode == 1 and "introuvable" in missing_open.stderr


def test_new_dates_its_workshop_today_unless_told_and_never_replaces_a_file(tmp_path: Path) -> None:
    """`atelier new` makes a workshop of today, as the window's new file does (the minutes'
    « Atelier du … » and the follow-up count from it), and says the date; --date gives
    another. A file already there is refused in one sentence and left as it was."""
    from datetime import date

    from atelier.french import long_date

    days = {date.today().isoformat()}
    made = run_cli("new", str(tmp_path / "jeudi"), "--title", "Atelier du jeudi")
    days.add(date.today().isoformat())  # the command run across midnight
    assert made.returncode == 0, made.stderr
    path = tmp_path / "jeudi.atelier"
    with Store.open(path, readonly=True) as store:
        (workshop,) = store.workshops()
    assert workshop.date in days
    said = made.stdout.replace("\xa0", " ")
    assert f"atelier « Atelier du jeudi » du {long_date(workshop.date)}." in said, said

    english = run_cli("new", str(tmp_path / "en"), "--title", "Thursday", env={"ATELIER_LANG": "en"})
    assert f"workshop “Thursday” of {long_date(workshop.date, 'en')}." in english.stdout, english.stdout

    dated = run_cli(
        "new", str(tmp_path / "mars.atelier"), "--title", "Atelier de mars", "--date", "16/03/2021"
    )
    assert "atelier « Atelier de mars » du 16 mars 2021." in dated.stdout.replace("\xa0", " ")
    with Store.open(tmp_path / "mars.atelier", readonly=True) as store:
        assert store.workshops()[0].date == "2021-03-16"

    before = path.read_bytes()
    for again in (str(path), str(tmp_path / "jeudi")):
        refused = run_cli("new", again, "--title", "Autre", "--date", "01/01/2020")
        assert refused.returncode == 1 and "existe déjà" in refused.stderr, refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1 and not refused.stdout, refused.stderr
        assert path.read_bytes() == before


def test_a_two_digit_year_is_never_read_as_a_century_to_come(tmp_path: Path) -> None:
    """`new --date 01/01/99` made a workshop of 1 January 2099, said « du 1er janvier 2099 »:
    a facilitator typing « 99 » means 1999 (« 21 » still 2021), as the help now says."""
    old = run_cli("new", str(tmp_path / "ancien"), "--title", "Ancien atelier", "--date", "01/01/99")
    assert old.returncode == 0, old.stderr
    assert "atelier « Ancien atelier » du 1er janvier 1999." in old.stdout.replace("\xa0", " ")
    with Store.open(tmp_path / "ancien.atelier", readonly=True) as store:
        assert store.workshops()[0].date == "1999-01-01"
    recent = run_cli("new", str(tmp_path / "recent"), "--title", "Récent", "--date", "16/03/21")
    assert "du 16 mars 2021." in recent.stdout, recent.stdout
    helped = " ".join(run_cli("new", "--help").stdout.replace("\xa0", " ").split())
    assert "21 pour 2021, 99 pour 1999" in helped, helped


def test_an_empty_date_is_refused_never_taken_for_today(tmp_path: Path) -> None:
    """A script's empty $DATE: `new F --date ""` made a workshop of today, `import -o --date ""`
    kept the grid's date, `workshops --add --date ""` added one of today, each saying it had
    done what was asked. Refused now (exit 2, one line), nothing written."""
    grid = Path(__file__).resolve().parent.parent / "examples" / "grille-atelier-2021-03-16.txt"
    existing = tmp_path / "mars.atelier"
    Store.create(existing, title="Atelier de mars", date="2021-03-16").close()
    before = hashlib.sha256(existing.read_bytes()).hexdigest()
    for words in (
        ("new", str(tmp_path / "vide.atelier"), "--title", "T", "--date", ""),
        ("import", str(grid), "-o", str(tmp_path / "grille.atelier"), "--date", ""),
        ("workshops", str(existing), "--add", "--title", "Autre", "--date", ""),
        ("import", str(grid), "--into", str(existing), "--new-workshop", "--date", ""),
    ):
        done = run_cli(*words)
        assert done.returncode == 2 and done.stdout == "", (words, done.stdout, done.stderr)
        line = done.stderr.strip()
        assert "\n" not in line and "Traceback" not in line, line
        assert line.startswith("Une date est attendue après --date, pas un texte vide"), line
    english = run_cli(
        "new", str(tmp_path / "vide.atelier"), "--title", "T", "--date", "", env={"ATELIER_LANG": "en"}
    )
    assert english.stderr.startswith("A date is expected after --date, not an empty text"), english.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mars.atelier"]
    assert hashlib.sha256(existing.read_bytes()).hexdigest() == before


def test_a_title_is_said_as_the_file_keeps_it(tmp_path: Path) -> None:
    """A control character pasted in a title (an escape from a terminal's colours) is not kept
    by the file: `new`, `workshops --add` and `--rename` said « T\ufffd[31mrouge » while the
    file held « T[31mrouge ». Said as kept."""
    path = tmp_path / "titres.atelier"
    made = run_cli("new", str(path), "--title", "T\x1b[31mrouge", "--date", "16/03/2021")
    assert made.returncode == 0, made.stderr
    assert "«\xa0T[31mrouge\xa0»" in made.stdout, made.stdout
    added = run_cli("workshops", str(path), "--add", "--title", "A\x1bB\x07C", "--date", "17/03/2021")
    assert "«\xa0ABC\xa0»" in added.stdout, added.stdout
    renamed = run_cli("workshops", str(path), "--rename", "16/03/2021", "--title", "R\x1bS")
    assert "«\xa0RS\xa0»" in renamed.stdout, renamed.stdout
    with Store.open(path, readonly=True) as store:
        assert sorted(w.title for w in store.workshops()) == ["ABC", "RS"]


def test_import_refuses_an_empty_title_or_columns(tmp_path: Path) -> None:
    """`import G -o F --title ""` took the grid's title without a word, and `--columns ""` was
    told « un nom de fichier est attendu », false: --columns is no file. Each refused in its
    own sentence (exit 2), nothing written."""
    grid = Path(__file__).resolve().parent.parent / "examples" / "grille-atelier-2021-03-16.txt"
    existing = tmp_path / "mars.atelier"
    Store.create(existing, title="Atelier de mars", date="2021-03-16").close()
    before = hashlib.sha256(existing.read_bytes()).hexdigest()
    for words, said in (
        (("-o", str(tmp_path / "a.atelier"), "--title", ""), "Le titre de l'atelier ne peut pas être vide."),
        (("--into", str(existing), "--title", " "), "Le titre de l'atelier ne peut pas être vide."),
        (("-o", str(tmp_path / "b.atelier"), "--columns", ""), "Option --columns incorrecte"),
        (("-o", str(tmp_path / "c.atelier"), "--columns", ","), "Option --columns incorrecte"),
    ):
        done = run_cli("import", str(grid), *words)
        assert done.returncode == 2 and done.stdout == "", (words, done.stdout, done.stderr)
        line = done.stderr.strip()
        assert "\n" not in line and line.startswith(said) and "fichier" not in line, line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mars.atelier"]
    assert hashlib.sha256(existing.read_bytes()).hexdigest() == before


def test_a_date_whose_weekday_is_not_its_own_is_refused(tmp_path: Path) -> None:
    """`new F --date "lundi 16 mars 2021"` made a workshop of Tuesday 16 March, said « du
    16 mars 2021 »: which day was meant is not known. Refused, saying which day it is."""
    done = run_cli("new", str(tmp_path / "lundi"), "--title", "T", "--date", "lundi 16 mars 2021")
    assert done.returncode == 2 and done.stdout == "", (done.stdout, done.stderr)
    assert done.stderr.strip() == (
        "«\xa0lundi 16 mars 2021\xa0»\xa0: le 16 mars 2021 est un mardi, pas un lundi\u202f; "
        "écrivez la date voulue."
    ), done.stderr
    english = run_cli(
        "new",
        str(tmp_path / "lundi"),
        "--title",
        "T",
        "--date",
        "Monday 16 March 2021",
        env={"ATELIER_LANG": "en"},
    )
    assert english.stderr.strip() == (
        "“Monday 16 March 2021”: 16 March 2021 is a Tuesday, not a Monday; write the date meant."
    ), english.stderr
    assert list(tmp_path.iterdir()) == []


def test_export_into_a_read_only_folder_says_so(tmp_path: Path) -> None:
    path = tmp_path / "a.atelier"
    Store.create(path, title="Un").close()
    locked = tmp_path / "verrouillé"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = run_cli("export", str(path), "--json", str(locked / "out.json"))
    finally:
        locked.chmod(0o755)
    if os.geteuid() != 0:  # root writes anywhere; the message is checked for everyone else
        assert result.returncode == 1 and "lecture seule" in result.stderr
    assert "Traceback" not in result.stderr


def test_english_messages_when_asked() -> None:
    result = run_cli("info", "/nonexistent.atelier", env={"ATELIER_LANG": "en"})
    assert result.returncode == 1 and "does not exist" in result.stderr


def _modules_after(code: str) -> set[str]:
    probe = "import sys\n" + code + "\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_version_does_not_import_qt() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("atelier ")
    modules = _modules_after(
        "from atelier.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass"
    )
    assert not any(m.startswith("PySide6") for m in modules)


def test_opening_the_window_does_not_import_pandas_or_office_libraries(tmp_path: Path) -> None:
    path = tmp_path / "a.atelier"
    Store.create(path, title="Atelier léger").close()
    modules = _modules_after(
        f"from atelier.cli import main\nassert main(['open', {str(path)!r}, '--quit-after-show']) == 0"
    )
    assert "PySide6.QtWidgets" in modules  # the window really opened
    for heavy in ("pandas", "numpy", "openpyxl", "docx"):
        assert heavy not in modules, heavy


def test_each_command_collects_garbage_again_once_its_modules_are_loaded(tmp_path: Path) -> None:
    """`atelier` starts without Python's garbage collection (atelier/__main__.py: it only
    slowed the loading of modules). A command that then runs long (matching thousands of
    participants, a session in the window) must collect again, or its memory only grows."""
    path = tmp_path / "a.atelier"
    Store.create(path, title="Atelier").close()
    probe = (
        "import atexit, gc, sys\n"
        "from atelier.__main__ import main\n"
        "atexit.register(lambda: print('collecting:', gc.isenabled()))\n"
        "sys.argv = ['atelier', *sys.argv[1:]]\n"
        "raise SystemExit(main())"
    )
    for command in (
        ["info", str(path)],
        ["match", str(path), "--lexical"],
        ["open", str(path), "--quit-after-show"],
    ):
        result = subprocess.run(
            [sys.executable, "-c", probe, *command],
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "ATELIER_DATA_DIR": str(tmp_path / "data")},
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines()[-1] == "collecting: True", command


def test_every_count_the_command_line_says_agrees_with_its_number(tmp_path: Path) -> None:
    """QA read « 1 défis », « 0 suggérées », « 1 conflit(s) », « les 1 premiers », « dans les
    1 atelier »: each count now takes the form its number asks for, in French and English."""
    grid = tmp_path / "une.tsv"
    grid.write_text(
        "Participant\tActions\tDéfis\tBesoins\tRessources\n"
        "Anne Bru / CC du Val\tForum de l'emploi\tUn réseau\tUn stage\tUne aide\n",
        encoding="utf-8",
    )
    path = tmp_path / "une.atelier"
    done = run_cli("import", str(grid), "-o", str(path))
    assert done.returncode == 0, done.stderr
    assert "Import\u00a0: 1 participant, 1 action, 1 défi, 1 besoin, 1 ressource." in done.stdout
    none = run_cli("search", str(path), "introuvable")
    assert (
        none.stdout.strip() == "Aucun résultat pour «\u00a0introuvable\u00a0» "
        "dans l'atelier du fichier «\u00a0une.atelier\u00a0»."
    )
    with Store.open(path) as store:
        anne = store.participants(store.workshops()[0].id)[0]
        store.add_item(Item(anne.id, ItemKind.ACTION, "Un forum des métiers"))
    first = run_cli("search", str(path), "forum", "--limit", "1")
    assert first.stdout.splitlines()[0] == "«\u00a0forum\u00a0»\u00a0: 2 résultats (le premier ci-dessous)."
    copy = tmp_path / "copie.atelier"
    copy.write_bytes(path.read_bytes())
    with Store.open(copy) as store:  # the copy takes a line out: the merge has that to say
        store.set_cell(anne.id, ItemKind.ACTION, ["Forum de l'emploi"])
    merged = run_cli("merge", str(path), str(copy), "-o", str(tmp_path / "m.atelier"))
    assert merged.returncode == 0, merged.stderr
    assert "0 entrée ajoutée depuis «\u00a0copie.atelier\u00a0», 1 suppression appliquée, " in merged.stdout
    assert "6 en commun, 0 conflit, 0 champ mis à jour." in merged.stdout
    english = {"ATELIER_LANG": "en"}
    again = run_cli("import", str(grid), "-o", str(tmp_path / "en.atelier"), env=english)
    assert "Import: 1 participant, 1 action, 1 challenge, 1 need, 1 offer." in again.stdout
    nothing = run_cli("search", str(path), "introuvable", env=english)
    assert nothing.stdout.strip() == "No result for “introuvable” in the one workshop of “une.atelier”."
    first = run_cli("search", str(path), "forum", "--limit", "1", env=english)
    assert first.stdout.splitlines()[0] == "“forum”: 2 results (the first below)."


def test_counted_phrases_have_both_forms_in_both_languages() -> None:
    from atelier.french import counted
    from atelier.i18n import COUNTED

    for key, languages in COUNTED.items():
        assert set(languages) == {"fr", "en"}, key
        for one, many in languages.values():
            # the number said, or the things counted named one by one (« nomme encore {names},
            # qui ne sont plus dans la grille »)
            shown = "{n}" in many or "{names}" in many
            assert shown and one != many or "{n}" in one, key
    assert counted(0, "n.challenge", "fr") == "0 défi"  # French: 0 and 1 singular
    assert counted(1, "n.match.confirmed", "fr") == "1 confirmée"
    assert counted(2, "n.entry_added", "fr") == "2 entrées ajoutées"
    assert counted(1200, "n.participant", "fr") == "1\u202f200 participants"
    assert counted(0, "n.challenge", "en") == "0 challenges"  # English: only 1 singular
    assert counted(1, "n.entry_added", "en") == "1 entry added"
    assert counted(1, "n.search_first", "fr") == " (le premier ci-dessous)"
    assert counted(30, "n.search_first", "fr") == " (les 30 premiers ci-dessous)"
    assert (
        counted(3, "n.search_workshops", "fr", path="x.atelier")
        == "dans les 3 ateliers du fichier «\u00a0x.atelier\u00a0»"
    )


def test_help_placeholders_are_in_the_users_language() -> None:
    # « --title TITLE », « --place PLACE », « --organiser ORGANISER » in the French help.
    for command in ("new", "import", "workshops"):
        french = run_cli(command, "--help", env={"ATELIER_LANG": "fr"}).stdout
        assert "--title TITRE" in french and "TITLE" not in french, french
        assert "PLACE" not in french and "ORGANISER" not in french, french
    english = run_cli("import", "--help", env={"ATELIER_LANG": "en"}).stdout
    assert "--title TITLE" in english and "--place PLACE" in english and "--organiser ORGANISER" in english


def test_a_count_of_zero_says_what_the_option_takes(tmp_path: Path) -> None:
    """« atelier : --limit (voir « atelier --help ») » named the option without saying what was wrong."""
    import shutil

    from .conftest import ROOT

    path = tmp_path / "a.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    before = path.read_bytes()
    for args, option in (
        (("search", str(path), "plie", "--limit", "0"), "--limit"),
        (("match", str(path), "--top", "-1"), "--top"),
    ):
        said = run_cli(*args)
        assert said.returncode == 2 and said.stderr.strip() == (
            f"atelier\u00a0: {option} attend un nombre entier d'au moins 1 "
            "(voir «\u00a0atelier --help\u00a0»)."
        )
        english = run_cli(*args, env={"ATELIER_LANG": "en"})
        assert (
            english.stderr.strip()
            == f"atelier: {option} takes a whole number of at least 1 (see “atelier --help”)."
        )
    assert path.read_bytes() == before


def test_a_limit_larger_than_any_file_lists_every_result(tmp_path: Path) -> None:
    """« atelier chercher FICHIER GPECT --limit 99999999999999999999 » said « Erreur inattendue :
    OverflowError… signalez-la aux développeurs »: a number past SQLite's integers is « all »."""
    import shutil

    from .conftest import ROOT

    path = tmp_path / "a.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    every = run_cli("search", str(path), "GPECT", "--limit", "1000")
    assert every.returncode == 0 and "7 résultats." in every.stdout.replace("\u00a0", " "), every.stdout
    huge = run_cli("search", str(path), "GPECT", "--limit", "9" * 20)
    assert huge.returncode == 0 and huge.stderr == "", huge.stderr
    assert huge.stdout == every.stdout


GRID_TXT = Path(__file__).resolve().parent.parent / "examples" / "grille-atelier-2021-03-16.txt"
LATER = "31/12/2098"  # a day still to come, refused by --le (of a year a date may have)
# (arguments after the command, which file they need, what French says, what English says)
BAD_OPTION_VALUES = [
    (
        ["new", "{new}", "--title", "T", "--date", "31/02/2021"],
        "«\u00a031/02/2021\u00a0»\u00a0: le 31 février 2021 n'existe pas (février 2021 a 28\u00a0jours).",
        "“31/02/2021”: 31 February 2021 does not exist (February 2021 has 28 days).",
    ),
    (
        ["import", str(GRID_TXT), "-o", "{new}", "--date", "demain"],
        "Date non reconnue «\u00a0demain\u00a0»",
        "Date not recognised “demain”",
    ),
    (
        ["ateliers", "{file}", "--add", "--title", "Pau", "--date", "99/99/9999"],
        "Date non reconnue «\u00a099/99/9999\u00a0»",
        "Date not recognised “99/99/9999”",
    ),
    (
        ["new", "{new}", "--title", ""],
        "Le titre de l'atelier ne peut pas être vide.",
        "The workshop title cannot be empty.",
    ),
    (
        ["new", "{new}", "--title", "Atelier " * 40],
        "Ce titre fait 319\u00a0caractères\u00a0: un titre d'atelier tient sur une ligne",
        "This title is 319 characters long",
    ),
    (
        ["import", str(GRID_TXT), "-o", "{new}", "--columns", "nimporte"],
        "Option --columns incorrecte\u00a0: «\u00a0nimporte\u00a0»",
        "Bad --columns option: “nimporte”",
    ),
    (
        ["suivi", "{file}", "{match}", "--etat", "peut-être"],
        "État de suivi inconnu «\u00a0peut-être\u00a0»\u00a0: a-contacter, contactee, faite ou sans-suite.",
        "Unknown follow-up state “peut-être”: to-contact, contacted, done or dropped.",
    ),
    (
        ["suivi", "{file}", "{match}", "--etat", "fait", "--le", "22/1l"],
        "Date non reconnue «\u00a022/1l\u00a0»",
        "Date not recognised “22/1l”",
    ),
    (
        ["suivi", "{file}", "{match}", "--etat", "fait", "--le", LATER],
        f"La date «\u00a0{LATER}\u00a0» est à venir\u00a0: le suivi note ce qui a déjà eu lieu.",
        f"The date “{LATER}” is still to come: follow-up records what has already happened.",
    ),
]


BAD_OPTION_NAMES = [
    "new --date",
    "import --date",
    "ateliers --date",
    "new --title empty",
    "new --title too long",
    "import --columns",
    "suivi --etat",
    "suivi --le unreadable",
    "suivi --le to come",
]


@pytest.mark.parametrize(("args", "french", "english"), BAD_OPTION_VALUES, ids=BAD_OPTION_NAMES)
def test_a_bad_option_value_exits_2_with_its_one_sentence(
    tmp_path: Path, args: list[str], french: str, english: str
) -> None:
    """A value no file could make right (a date that is none, a state that does not exist) is
    the command used the wrong way: exit 2, as argparse's own refusals and as README says
    (« 2 mauvaise utilisation »), not 1 (a file refused, an operation that failed). Said in
    its own one sentence, in the user's language; nothing written."""
    from .test_followup import _file

    path, ids = _file(tmp_path)
    before = path.read_bytes()
    new = tmp_path / "nouveau.atelier"
    typed = [a.format(file=path, new=new, match=ids["short"]) for a in args]
    for language, said in (("fr", french), ("en", english)):
        done = run_cli(*typed, env={"ATELIER_LANG": language})
        assert done.returncode == 2, (language, done.returncode, done.stderr)
        assert done.stderr.strip().startswith(said), done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
        assert path.read_bytes() == before and not new.exists()

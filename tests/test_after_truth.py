"""What Atelier says after the workshop must be true: dates and sides of the follow-up, at the
command line, on a real file (the example and an autumn grid imported into it). Each test
failed on the code before its fix."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from atelier.store import Store

from .conftest import run_cli
from .helpers.autumn import autumn_file


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return autumn_file(tmp_path_factory.mktemp("autumn"))


@pytest.fixture
def path(made: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "reseau.atelier"
    copy.write_bytes(made.read_bytes())
    return copy


def _said_where(path: Path) -> set[str]:
    """Every « a proposé lors de l'atelier … » the autumn workshop's export says."""
    done = run_cli("export", str(path), "--workshop", "2026-11-20", "--json", "-")
    assert done.returncode == 0, done.stderr
    (workshop,) = json.loads(done.stdout)["workshops"]
    return {
        line
        for match in workshop["matches"]
        for line in match["reasons"]
        if isinstance(line, str) and "lors de l'atelier" in line
    }


def test_a_workshop_redated_or_renamed_is_named_so_by_the_reasons_of_matches_with_its_people(
    path: Path,
) -> None:
    """« A proposé lors de l'atelier du 16 mars 2021 » said 16 mars after the example was
    redated to the 17th: the stored reasons kept the old date."""
    assert {line.split(" lors de ")[1] for line in _said_where(path)} == {"l'atelier du 16 mars 2021"}
    done = run_cli("workshops", str(path), "--rename", "2021-03-16", "--date", "17/03/2021")
    assert done.returncode == 0, done.stderr
    assert {line.split(" lors de ")[1] for line in _said_where(path)} == {"l'atelier du 17 mars 2021"}
    with Store.open(path) as store:  # undated: named by its title, the new one
        store.update_workshop(store.find_workshop("2021-03-17").id, date=None, title="Réseau emploi")
    assert {line.split(" lors de ")[1] for line in _said_where(path)} == {
        "l'atelier «\u00a0Réseau emploi\u00a0»"
    }


def _follow_up(path: Path, helper: str) -> dict:
    done = run_cli("suivi", str(path), "--json")
    assert done.returncode == 0, done.stderr
    (entry,) = [e for e in json.loads(done.stdout) if helper in json.dumps(e, ensure_ascii=False)]
    return entry


def test_a_follow_up_step_dated_before_the_previous_one_is_refused_naming_both(path: Path) -> None:
    """« contactée le 22/11/2026 » was accepted after « à contacter depuis le 25/11/2026 »:
    a contact dated before the match existed (both after the workshop of 20/11/2026)."""
    entry = _follow_up(path, "TALVY")
    with Store.open(path) as store:  # decided on 25 November 2026
        store.update_match(entry["id"], follow_up_changed="2026-11-25")
    before = path.read_bytes()
    done = run_cli("suivi", str(path), entry["short_id"], "--etat", "contacte", "--le", "22/11/2026")
    assert done.returncode == 1
    # One sentence saying how to put it right: date the decision first, with the command to type.
    assert done.stderr.strip() == (
        "«\u00a0contactée le 22/11/2026\u00a0» précéderait la décision, notée «\u00a0à contacter depuis le "
        "25/11/2026\u00a0»\u00a0: si elle a été prise plus tôt, datez-la d'abord du 22/11/2026 ou d'avant "
        f"(atelier suivi {path} {entry['short_id']} --etat a-contacter --le 22/11/2026), puis relancez "
        "cette commande."
    )
    assert path.read_bytes() == before
    english = run_cli(
        "suivi",
        str(path),
        entry["short_id"],
        "--etat",
        "contacte",
        "--le",
        "22/11/2026",
        env={"ATELIER_LANG": "en"},
    )
    assert english.stderr.strip() == (
        "“contacted on 22 November 2026” would come before the decision, recorded as “to contact since "
        "25 November 2026”: if it was taken earlier, date it first, on 22 November 2026 or before "
        f"(atelier follow-up {path} {entry['short_id']} --state to-contact --on 2026-11-22), then run this "
        "command again."
    )
    assert path.read_bytes() == before
    # The command it says does what it says: the decision dated, the contact then recorded.
    suggested = done.stderr.split("(atelier suivi ")[1].split(")")[0].split()
    dated = run_cli("suivi", *suggested)
    assert dated.returncode == 0, dated.stderr
    done = run_cli("suivi", str(path), entry["short_id"], "--etat", "contacte", "--le", "22/11/2026")
    assert done.returncode == 0, done.stderr
    with Store.open(path) as store:  # back as it was for what follows: decided on 25 November
        store.update_match(entry["id"], follow_up="to_contact", follow_up_changed="2026-11-25")
    # In English too, as it can be pasted (« atelier suivi » was said in English, the command's
    # French name, with the English options it does not list).
    pasted = english.stderr.split("(", 1)[1].split(")")[0]
    dated = run_cli(*shlex.split(pasted)[1:], env={"ATELIER_LANG": "en"})
    assert dated.returncode == 0 and "to contact since 22 November 2026" in dated.stdout, dated.stdout
    with Store.open(path) as store:
        assert store.match(entry["id"]).follow_up_changed == "2026-11-22"
        store.update_match(entry["id"], follow_up="to_contact", follow_up_changed="2026-11-25")
    # The same day as the step before, or later: recorded.
    done = run_cli("suivi", str(path), entry["short_id"], "--etat", "contacte", "--le", "25/11/2026")
    assert done.returncode == 0, done.stderr
    done = run_cli("suivi", str(path), entry["short_id"], "--etat", "fait", "--le", "24/11/2026")
    assert done.returncode == 1 and done.stderr.strip() == (
        "«\u00a0faite le 24/11/2026\u00a0» précéderait l'étape d'avant, «\u00a0contactée le 25/11/2026\u00a0»"
        "\u00a0: si cette étape a eu lieu plus tôt, datez-la d'abord du 24/11/2026 ou d'avant (atelier suivi "
        f"{path} {entry['short_id']} --etat contacte --le 24/11/2026), puis relancez cette commande."
    )
    # Back to « à contacter » on a day: a state one is in since then, said so (the 26th: after
    # the contact of the 25th, so not the decision dated again, and before « fait » of the 27th).
    done = run_cli("suivi", str(path), entry["short_id"], "--etat", "fait", "--le", "27/11/2026")
    assert done.returncode == 0, done.stderr
    done = run_cli("suivi", str(path), entry["short_id"], "--etat", "a-contacter", "--le", "26/11/2026")
    assert done.returncode == 1 and done.stderr.strip().startswith(
        "«\u00a0à contacter depuis le 26/11/2026\u00a0» précéderait l'étape d'avant"
    )


def test_a_match_confirmed_again_after_being_set_aside_starts_a_fresh_follow_up(path: Path) -> None:
    """Confirm, set aside, confirm again: the match came back « contactée le … », the
    state of the match that was set aside, as if the contact had been made for this one."""
    from atelier.domain import FollowUp, MatchStatus, now_iso

    entry = _follow_up(path, "TALVY")
    with Store.open(path) as store:
        store.set_follow_up(entry["id"], FollowUp.CONTACTED, note="appelé")
        store.update_match(entry["id"], status=MatchStatus.REJECTED)
        started = now_iso()
        again = store.update_match(entry["id"], status=MatchStatus.CONFIRMED)
    assert again.follow_up == FollowUp.TO_CONTACT and again.follow_up_changed >= started
    assert again.note == "appelé"  # what the facilitator wrote stays
    listed = _follow_up(path, "TALVY")
    assert (listed["state"], listed["note"]) == ("to_contact", "appelé")


def test_a_workshops_follow_up_lists_the_matches_where_its_people_help_saying_which_side(
    path: Path,
) -> None:
    """`suivi --workshop 2021` said « Aucune mise en relation confirmée à suivre » although
    Corinne and Grégory, of 2021, help two needs said in the autumn."""
    done = run_cli("suivi", str(path), "--workshop", "2021-03-16")
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert text.startswith(
        "Atelier «\u00a0Atelier d'automne\u00a0» — 20 novembre 2026, où aide un participant de "
        "«\u00a0Atelier du 16 mars 2021\u00a0»\n"
    )
    assert "Nadia Ferrand (Communauté de communes du Haut-Béarn) cherche" in text
    assert "← Corinne Corcuff et Sefallah Mahamat Bindi (Mont de Marsan Agglo), ont proposé lors de" in text
    assert "← Grégory TALVY (Région N-A), a proposé lors de l'atelier du 16 mars 2021" in text
    assert "2 mises en relation suivies" in text
    data = json.loads(run_cli("suivi", str(path), "--workshop", "2021-03-16", "--json").stdout)
    assert [e["side"] for e in data] == ["helper", "helper"]
    data = json.loads(run_cli("suivi", str(path), "--workshop", "2026-11-20", "--json").stdout)
    assert [e["side"] for e in data] == ["need", "need"]
    autumn = run_cli("suivi", str(path), "--workshop", "2026-11-20").stdout
    assert autumn.startswith("Atelier «\u00a0Atelier d'automne\u00a0» — 20 novembre 2026\n")


def test_a_workshop_is_named_by_a_part_of_its_title_or_its_date_and_an_ambiguous_part_names_them(
    path: Path,
) -> None:
    """`--workshop automne` was refused: only the full title « Atelier d'automne » was known.
    A part several workshops have names them, and pointed to « atelier workshops FICHIER » in
    French too: the English command's name and a placeholder. It now says the command that
    lists them as it can be pasted, in the user's language, with the file as typed."""
    for typed in ("automne", "AUTOMNE", "Automne", "20/11/2026", "20 novembre 2026", "2026"):
        done = run_cli("suivi", str(path), "--workshop", typed, "--json")
        assert done.returncode == 0, (typed, done.stderr)
        assert {e["workshop"]["title"] for e in json.loads(done.stdout)} == {"Atelier d'automne"}, typed
    spaced = path.with_name("mon réseau.atelier")
    path.rename(spaced)
    before = spaced.read_bytes()
    with Store.open(spaced, readonly=True) as store:
        ids = [w.id[:8] for w in store.workshops()]
    cwd = spaced.parent
    done = run_cli("suivi", spaced.name, "--workshop", "atelier", cwd=cwd)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "2 ateliers répondent à «\u00a0atelier\u00a0», «\u00a0Atelier du 16 mars 2021\u00a0» (16/03/2021) "
        "et «\u00a0Atelier d'automne\u00a0» (20/11/2026)\u00a0: précisez le titre ou la date, ou donnez "
        "l'identifiant (voir «\u00a0atelier ateliers 'mon réseau.atelier'\u00a0»)."
    )
    english = run_cli("suivi", spaced.name, "--workshop", "atelier", env={"ATELIER_LANG": "en"}, cwd=cwd)
    assert english.stderr.strip() == (
        "2 workshops answer to “atelier”, “Atelier du 16 mars 2021” (16 March 2021) and “Atelier "
        "d'automne” (20 November 2026): say more of the title or the date, or give the id (see "
        "“atelier workshops 'mon réseau.atelier'”)."
    )
    for lang, command in (("fr", "ateliers"), ("en", "workshops")):  # pasted as said: the ids to give
        listed = run_cli(command, "mon réseau.atelier", env={"ATELIER_LANG": lang}, cwd=cwd)
        assert listed.returncode == 0, listed.stderr
        assert all(i in listed.stdout for i in ids) and "Atelier d'automne" in listed.stdout, listed.stdout
    unknown = run_cli("suivi", spaced.name, "--workshop", "printemps", cwd=cwd)
    assert unknown.returncode == 1
    assert unknown.stderr.strip().endswith("voir «\u00a0atelier ateliers 'mon réseau.atelier'\u00a0»)."), (
        unknown.stderr
    )
    assert spaced.read_bytes() == before


def test_the_english_follow_up_and_the_merge_report_say_dates_as_people_read_them(
    path: Path, tmp_path: Path
) -> None:
    """« to contact since 2026-11-29 », « kept “2021-03-17” … changed 29/11/2026 20:08 »:
    ISO dates in English, a French report's « [conflit] » in the English merge, and French
    lines without their non-breaking spaces."""
    from datetime import date

    from atelier.french import long_date

    english = run_cli("suivi", str(path), env={"ATELIER_LANG": "en"}).stdout
    today = long_date(date.today().isoformat(), "en")
    assert f"to contact since {today}" in english and "-11-" not in english
    other = tmp_path / "b.atelier"
    other.write_bytes(path.read_bytes())
    with Store.open(other) as store:
        store.update_workshop(store.find_workshop("2021-03-16").id, date="2021-03-17")
    merged = tmp_path / "c.atelier"
    done = run_cli("merge", str(path), str(other), "-o", str(merged), env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    (line,) = [line for line in done.stdout.splitlines() if line.startswith("  - ")]
    assert line.startswith(
        "  - [updated] Workshop “Atelier du 16 mars 2021”, date: kept “17 March 2021” (b.atelier, "
        f"changed {today}, "
    )
    assert "rather than “16 March 2021” (reseau.atelier, " in line
    merged.unlink()
    french = run_cli("merge", str(path), str(other), "-o", str(merged)).stdout
    assert (
        "Atelier «\u00a0Atelier du 16 mars 2021\u00a0», date\u00a0: gardé «\u00a017/03/2021\u00a0» "
        "(b.atelier, modifié le " in french
    )


def test_deleting_a_workshop_at_the_command_line_names_the_follow_ups_of_another_workshop_it_takes(
    path: Path,
) -> None:
    """`workshops --delete` counted « 2 mises en relation confirmées d'autres ateliers »: not whose."""
    before = path.read_bytes()
    done = run_cli("workshops", str(path), "--delete", "2021-03-16")
    assert done.returncode == 1 and path.read_bytes() == before
    said = done.stderr.replace("\u00a0", " ").replace("\u202f", " ")
    assert (
        "2 mises en relation décidées d'autres ateliers avec ses participants : Nadia Ferrand ← Corinne "
        "Corcuff et Sefallah Mahamat Bindi (« Atelier d'automne », à contacter depuis le " in said
    ), said
    assert " ; Paul Mercier ← Grégory TALVY (« Atelier d'automne », à contacter depuis le " in said

"""Pages of a file that holds two workshops: a match across them is told from both ends.

The example (16 March 2021) and a September workshop imported into it from a CSV, as a
facilitator does: Lucie Leroy (Grand Angoulême) needed « … un répertoire d'initiatives
locales » in March; Paul Girard offers a « Répertoire des initiatives locales pour l'emploi »
in September, where Lucie came back. Her March page named Paul; his September page said
« Personne ne l'a encore demandé pendant l'atelier. »"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx

from atelier.store import Store

from .conftest import ROOT, run_cli

NBSP = "\u00a0"
REPERTOIRE = "Répertoire des initiatives locales pour l'emploi"


def _two_workshops(
    tmp_path: Path, *, lucie_in_september: str = "Lucie Leroy / Grand Angoulême", her_offer: str = ""
) -> Path:
    path = tmp_path / "two.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    grid = tmp_path / "w2.csv"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Paul Girard / Réseau des PLIE d'Aquitaine;Annuaire régional;;"
        f"Méthode pour animer un réseau d'acteurs;{REPERTOIRE}\n"
        f"{lucie_in_september};Feuille de route emploi votée;;Exemples de projets d'interconnaissance;"
        f"{her_offer}\n",
        encoding="utf-8",
    )
    done = run_cli(
        "import", str(grid), "--into", str(path), "--new-workshop",
        "--title", "Atelier de septembre", "--date", "14/09/2021",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return path


def _match(path: Path) -> None:
    for day in ("2021-03-16", "2021-09-14"):
        done = run_cli("match", str(path), "--workshop", day, "--across", "--save")
        assert done.returncode == 0, done.stderr


def _pages(path: Path, day: str, target: Path, lang: str = "fr") -> dict[str, list[str]]:
    done = run_cli(
        "export", str(path), "--workshop", day, "--fiches", str(target), env={"ATELIER_LANG": lang}
    )
    assert done.returncode == 0, done.stderr
    pages: dict[str, list[str]] = {}
    current: list[str] = []
    for paragraph in docx.Document(str(target)).paragraphs:
        text = paragraph.text
        if paragraph.style is not None and paragraph.style.name == "Title":
            current = pages.setdefault(text, [])
        current.append(text)
    return pages


def _plain(lines: list[str]) -> list[str]:
    return [line.replace(NBSP, " ").replace("\u202f", " ") for line in lines]


def test_the_offerers_page_names_who_asked_for_it_at_another_workshop(tmp_path: Path) -> None:
    path = _two_workshops(tmp_path)
    _match(path)
    march = _pages(path, "2021-03-16", tmp_path / "mars.docx")
    lucie_march = _plain(march["Lucie Leroy"])
    need = next(t for t in lucie_march if "répertoire d'initiatives locales" in t and t.startswith("«"))
    at = lucie_march.index(need)
    assert lucie_march[at + 1] == (
        f"Paul Girard — Réseau des PLIE d'Aquitaine (atelier du 14 septembre 2021) propose : « {REPERTOIRE} »"
    )
    reason = lucie_march[at + 2]
    assert reason.endswith("Piste suggérée par Atelier, à vérifier avec la personne.")

    september = _pages(path, "2021-09-14", tmp_path / "sept.docx")
    paul = september["Paul Girard"]
    plain = _plain(paul)
    assert "Personne ne l'a encore demandé pendant l'atelier." not in plain, plain
    asker = f"Lucie Leroy — Grand Angoulême (atelier du 16 mars 2021) cherche : {need}"
    assert asker in plain, plain
    # The same lead, with the same reason as on Lucie's page: true from both ends.
    assert plain[plain.index(asker) + 1] == reason
    # French spacing: « cherche : » and the quotes hold non-breaking spaces.
    assert any(f"cherche{NBSP}: «{NBSP}" in t for t in paul)
    # Lucie came back in September: her September page says that Paul, in the room that day,
    # offers what she looked for in March.
    lucie = _plain(september["Lucie Leroy"])
    earlier = f"{need} (atelier du 16 mars 2021)"
    assert earlier in lucie, lucie
    assert (
        lucie[lucie.index(earlier) + 1]
        == f"Paul Girard — Réseau des PLIE d'Aquitaine propose : « {REPERTOIRE} »"
    )
    # Never Lucie with herself, on either page.
    assert not any(t.startswith("Lucie Leroy —") for t in lucie)
    # In English too.
    english = _plain(_pages(path, "2021-09-14", tmp_path / "sept-en.docx", "en")["Paul Girard"])
    assert any(
        t.startswith("Lucie Leroy — Grand Angoulême (workshop of 16 March 2021) is looking for:")
        for t in english
    ), english


def test_a_participant_unlisted_from_the_directory_is_not_on_another_workshops_pages(tmp_path: Path) -> None:
    path = _two_workshops(tmp_path)
    with Store.open(path) as store:
        march = next(w for w in store.workshops() if w.date == "2021-03-16")
        lucie = next(p for p in store.participants(march.id) if p.names == ["Lucie Leroy"])
        store.update_participant(lucie.id, unlisted=True)
    _match(path)
    paul = _plain(_pages(path, "2021-09-14", tmp_path / "sept.docx")["Paul Girard"])
    assert not any(t.startswith("Lucie Leroy — Grand Angoulême (atelier du 16 mars 2021)") for t in paul), (
        paul
    )
    # Who did not opt out is still told.
    assert any(t.startswith("Grégory TALVY — Région N-A (atelier du 16 mars 2021) cherche") for t in paul), (
        paul
    )


OFFER = "Recueil de projets où l'interconnaissance a été facilitée"


def _suggested(path: Path, day: str) -> str:
    done = run_cli("match", str(path), "--workshop", day, "--across")
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_one_person_at_two_workshops_is_never_matched_with_herself(tmp_path: Path) -> None:
    """Lucie Leroy of Grand Angoulême came back in September and offers a collection of
    projects: what she looked for in March. She is one person: never « Lucie can help Lucie »."""
    path = _two_workshops(tmp_path, her_offer=OFFER)
    said = _suggested(path, "2021-03-16")
    assert OFFER not in said, said
    _match(path)
    september = _pages(path, "2021-09-14", tmp_path / "sept.docx")
    lucie = _plain(september["Lucie Leroy"])
    assert not any(t.startswith("Lucie Leroy —") for t in lucie), lucie


def test_two_people_of_one_name_in_two_structures_are_two_across_workshops(tmp_path: Path) -> None:
    """Another Lucie Leroy, of the Mission locale de Lyon, came in September with a collection
    of projects that answers what Lucie Leroy of Grand Angoulême looked for in March. They were
    taken for one person: the offer was never suggested to the March Lucie (« in the room »),
    and the Lyon Lucie's page would have said the Angoulême Lucie's needs were hers."""
    path = _two_workshops(
        tmp_path, lucie_in_september="Lucie Leroy / Mission locale de Lyon", her_offer=OFFER
    )
    said = _suggested(path, "2021-03-16")
    assert "Lucie Leroy (Mission locale de Lyon) [ressource · autre atelier" in said, said
    _match(path)
    september = _pages(path, "2021-09-14", tmp_path / "sept.docx")
    lyon = _plain(september["Lucie Leroy"])
    assert not any(t.endswith("(atelier du 16 mars 2021)") for t in lyon), lyon
    assert any(
        t.startswith("Lucie Leroy — Grand Angoulême (atelier du 16 mars 2021) cherche : ") for t in lyon
    ), lyon


def test_pages_of_a_file_never_matched_tell_it_from_both_ends_too(tmp_path: Path) -> None:
    """Exported straight after the import, nothing saved by « atelier match »: each page is
    matched in memory. Lucie's March page named Paul (his offer matched there); Paul's page,
    matched for September's needs only, still said no one had asked for it."""
    path = _two_workshops(tmp_path)
    march = _plain(_pages(path, "2021-03-16", tmp_path / "mars.docx")["Lucie Leroy"])
    assert any(
        t.startswith("Paul Girard — Réseau des PLIE d'Aquitaine (atelier du 14 septembre 2021)")
        for t in march
    )
    paul = _plain(_pages(path, "2021-09-14", tmp_path / "sept.docx")["Paul Girard"])
    assert "Personne ne l'a encore demandé pendant l'atelier." not in paul, paul
    assert any(
        t.startswith("Lucie Leroy — Grand Angoulême (atelier du 16 mars 2021) cherche : ") for t in paul
    ), paul
    with Store.open(path, readonly=True) as store:  # the file is left as it was
        assert not any(store.matches(w.id) for w in store.workshops())


def test_a_name_also_worn_by_someone_else_of_the_pages_workshop_says_who_it_is(tmp_path: Path) -> None:
    """r.atelier: Céline Dallet's March page said « Cette proposition intéresse Julie Thomas »,
    the Julie Thomas of the Mission locale de Tulle met in 2022, while another Julie Thomas (PETR
    Vallée de la Dordogne) was in the March room; only the bullet below said where she was met."""
    from atelier.domain import MatchStatus

    path = tmp_path / "two.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    grid = tmp_path / "w2.csv"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Julie Thomas / Mission locale de Tulle;Parrainage de jeunes par des entreprises;;"
        "Stage ou service civique pour une étude sur les TPE;\n"
        "Paul Girard / Réseau des PLIE d'Aquitaine;;;Méthode pour animer un réseau d'acteurs;"
        f"{REPERTOIRE}\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(grid), "--into", str(path), "--new-workshop", "--date", "2022-03-15")
    assert done.returncode == 0, done.stderr
    done = run_cli("match", str(path), "--workshop", "2022-03-15", "--across", "--save")
    assert done.returncode == 0, done.stderr
    with Store.open(path) as store:
        (later,) = [w for w in store.workshops() if w.date == "2022-03-15"]
        found = next(
            m
            for m in store.matches(later.id)
            if store.item(m.need_id).text.startswith("Stage ou service civique")
            and store.item(m.resource_id).text.startswith("Études et diagnostic")
        )
        store.update_match(found.id, status=MatchStatus.CONFIRMED)
        march = next(w for w in store.workshops() if w.date == "2021-03-16")
        assert any(p.names == ["Julie Thomas"] for p in store.participants(march.id))  # the PETR's
    celine = _plain(_pages(path, "2021-03-16", tmp_path / "mars.docx")["Céline Dallet"])
    said = next(t for t in celine if t.startswith("Cette proposition intéresse"))
    assert said.startswith(
        "Cette proposition intéresse Julie Thomas (Mission locale de Tulle, atelier du 15 mars 2022)"
    ), celine
    assert any(
        t.startswith("Julie Thomas — Mission locale de Tulle (atelier du 15 mars 2022) cherche : ")
        for t in celine
    ), celine
    # Someone of another workshop whom no one of March could be taken for keeps their name alone.
    paul = _plain(_pages(path, "2022-03-15", tmp_path / "2022.docx")["Paul Girard"])
    assert not any("Paul Girard (" in t for t in paul), paul
    english = _plain(_pages(path, "2021-03-16", tmp_path / "march.docx", "en")["Céline Dallet"])
    assert any(
        t.startswith("This offer interests Julie Thomas (Mission locale de Tulle, workshop of 15 March 2022)")
        for t in english
    ), english


def test_a_need_of_another_workshop_on_a_page_comes_with_all_its_decided_helpers(tmp_path: Path) -> None:
    """r.atelier: Lucie Leroy's March page listed her later need « Partage d'expériences sur
    les clauses d'insertion » with Corinne (confirmed, in the March room) but not Marc Roux,
    confirmed for that need too at the later workshop: the page told half of where it stood."""
    from atelier.domain import MatchStatus

    need = "Partage d'expériences sur les clauses d'insertion"
    path = _two_workshops(tmp_path)
    grid = tmp_path / "w3.csv"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        f"Lucie Leroy / Grand Angoulême;;;{need};\n"
        "Marc Roux / PLIE Sud Landes;;;;Facilitateur des clauses d'insertion\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(grid), "--into", str(path), "--new-workshop", "--date", "2022-03-15")
    assert done.returncode == 0, done.stderr
    done = run_cli("match", str(path), "--workshop", "2022-03-15", "--across", "--save")
    assert done.returncode == 0, done.stderr
    with Store.open(path) as store:
        (later,) = [w for w in store.workshops() if w.date == "2022-03-15"]
        helpers = [m for m in store.matches(later.id) if store.item(m.need_id).text == need]
        said = {store.item(m.resource_id).text: m for m in helpers}
        for offer in ("Facilitateur des clauses d'insertion", "Facilitatrice des clauses d'insertion"):
            store.update_match(said[offer].id, status=MatchStatus.CONFIRMED)
    march = _plain(_pages(path, "2021-03-16", tmp_path / "mars.docx")["Lucie Leroy"])
    at = march.index(f"« {need} » (atelier du 15 mars 2022)")
    under = [t for t in march[at + 1 :] if "proposent" in t or "propose" in t][:2]
    assert any(
        t.startswith("Marc Roux — PLIE Sud Landes (atelier du 15 mars 2022) propose : ") for t in under
    ), march
    assert any(t.startswith("Corinne Corcuff et Sefallah Mahamat Bindi") for t in under), march
    # As her page of that workshop says it: the same helpers.
    later_page = _plain(_pages(path, "2022-03-15", tmp_path / "2022.docx")["Lucie Leroy"])
    assert sum(t.startswith(("Marc Roux —", "Corinne Corcuff")) for t in later_page) == 2, later_page

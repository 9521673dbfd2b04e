"""Anonymised documents name no one: a person named after « le projet de », « le réseau de »,
« le cabinet de »… (« projet de Marie Dupont ») is « [nom] » as after « carnet d'adresses de »,
while a structure named after someone (« association Léo Lagrange », « lycée Jean Moulin »)
stays; an e-mail address or a phone number written in an item is replaced too (« [courriel] »,
« [téléphone] »); a participant with no structure is « le participant 1 » inside a sentence.
Through the command line, the Word and Excel files read back; and the projector, names hidden."""

from __future__ import annotations

import re
from pathlib import Path

from atelier.french import article

from .conftest import run_cli

OFFERS = [
    ("Nadia Benkhelifa / PLIE des Graves", "le projet de Marie Dupont"),
    ("Sylvie Oyarzabal / Mission locale", "groupe de Paul Martin"),
    ("Karima Haddou / Pôle emploi", "cabinet de Sophie Durand"),
    ("Thierry Lamarque / CdC du Réolais", "programme de Luc Moreau"),
    ("Fatou Diallo / Département", "club de Julie Petit"),
    ("Elodie Marchand / PETR", "agence de Hugo Girard"),
    ("Agnès Roy / CCAS de Langon", "réseau de Jean-Pierre Laborde"),
    ("Bruno Petit / Mairie de Bazas", "réseau de Marie-Claire Etchepare"),
    ("Chloé Faure / Centre social", "écrire à jean.dupuis@mairie-langon.fr"),
    ("Denis Robert / Maison de l'emploi", "appeler le 06 12 34 56 78 (Mission locale)"),
    ("Emma Girard / Cap emploi", "joindre Mme Rey au +33 5 56 12 34 56 ou rey.claire@cd33.fr"),
    ("Fabien Morel / Lycée des métiers", "association Léo Lagrange et lycée Jean Moulin"),
]
# Every name of a person written in the items above: none may be printed anonymised.
NAMES = (
    "Marie",
    "Dupont",
    "Paul",
    "Sophie",
    "Durand",
    "Luc",
    "Moreau",
    "Julie",
    "Hugo",
    "Jean-Pierre",
    "Laborde",
    "Marie-Claire",
    "Etchepare",
    "dupuis",
    "Rey",
    "rey",
)
PHONES = re.compile(r"\d{2}[\s.]\d{2}[\s.]\d{2}")


def _grid(tmp_path: Path) -> Path:
    grid = tmp_path / "grille.csv"
    lines = ["Participant;Actions engagées;Défis;Besoins de ressources;Peut être ressource sur"]
    lines += [f"{who};;;garde d'enfants;{offer}" for who, offer in OFFERS]
    grid.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return grid


def _documents(tmp_path: Path) -> dict[str, str]:
    import docx
    import openpyxl

    workshop = tmp_path / "atelier.atelier"
    assert run_cli("import", str(_grid(tmp_path)), "-o", str(workshop)).returncode == 0
    for option, name in (("--xlsx", "anonyme.xlsx"), ("--docx", "anonyme.docx")):
        done = run_cli("export", str(workshop), option, str(tmp_path / name), "--anonymise")
        assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(tmp_path / "anonyme.xlsx", read_only=True)
    excel = "\n".join(
        str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row if value
    )
    document = docx.Document(str(tmp_path / "anonyme.docx"))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    word = "\n".join([p.text for p in document.paragraphs] + cells)
    return {"Excel": excel.replace("\u00a0", " "), "Word": word.replace("\u00a0", " ")}


def test_people_after_projet_reseau_cabinet_and_contacts_are_masked_structures_stay(tmp_path: Path) -> None:
    for where, text in _documents(tmp_path).items():
        left = [n for n in NAMES if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)]
        assert left == [], (where, left)
        assert "@" not in text, where
        assert not PHONES.search(text), (where, PHONES.search(text))
        for sentence in (
            "le projet de [nom]",
            "groupe de [nom]",
            "cabinet de [nom]",
            "programme de [nom]",
            "club de [nom]",
            "agence de [nom]",
            "réseau de [nom]",
            "écrire à [courriel]",
            "appeler le [téléphone] (Mission locale)",
            "joindre [nom] au [téléphone] ou [courriel]",
            # Named after someone: a structure, as written.
            "association Léo Lagrange et lycée Jean Moulin",
        ):
            assert sentence in text, (where, sentence)


def test_in_english_contacts_are_masked_in_english(tmp_path: Path) -> None:
    import docx

    workshop, target = tmp_path / "atelier.atelier", tmp_path / "anon.docx"
    assert run_cli("import", str(_grid(tmp_path)), "-o", str(workshop)).returncode == 0
    done = run_cli("export", str(workshop), "--docx", str(target), "--anonymise", env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    document = docx.Document(str(target))
    text = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "write to [e-mail]" not in text  # the item is the participant's words, in French
    assert "écrire à [e-mail]" in text and "appeler le [phone] (Mission locale)" in text
    assert "@" not in text and not PHONES.search(text)


def test_the_projector_with_names_hidden_masks_people_and_contacts(qtbot, tmp_path: Path) -> None:
    from atelier.projection import build
    from atelier.store import Store

    workshop = tmp_path / "atelier.atelier"
    assert run_cli("import", str(_grid(tmp_path)), "-o", str(workshop)).returncode == 0
    with Store.open(workshop, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        offers = {i.text for i in store.workshop_items(workshop_id)}
        shown = build(store, workshop_id, private=True)
    texts = "\n".join(
        line
        for spot in shown.spotlights.values()
        for line in [spot.who, *(n for n, _ in spot.needs), *spot.offers]
    )
    assert "le projet de [nom]" in texts and "réseau de [nom]" in texts
    assert "écrire à [courriel]" in texts and "appeler le [téléphone] (Mission locale)" in texts
    assert "le projet de Marie Dupont" in offers  # the grid keeps what was typed
    assert not [n for n in NAMES if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", texts)]


def test_a_participant_without_structure_is_the_participant_n_inside_a_sentence() -> None:
    assert article("Participant 1") == "le participant 1"
    assert article("Participant 12") == "le participant 12"
    assert article("PLIE des Graves") == "le PLIE des Graves"


def test_the_anonymised_minutes_say_le_participant_in_lower_case(tmp_path: Path) -> None:
    import docx

    grid, workshop, target = tmp_path / "g.csv", tmp_path / "g.atelier", tmp_path / "g.docx"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Anne et Julien;forum rural;;transport des jeunes;prêt de vélos électriques\n"
        "Mme Dupont;;;garde d'enfants;accompagnement administratif\n"
        "Paul Girard;;;;financements européens\n"
        "Mission locale du Médoc;garantie jeunes;;logement des jeunes;accompagnement des jeunes\n",
        encoding="utf-8",
    )
    assert run_cli("import", str(grid), "-o", str(workshop)).returncode == 0
    done = run_cli("export", str(workshop), "--docx", str(target), "--anonymise")
    assert done.returncode == 0, done.stderr
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs).replace("\u00a0", " ")
    assert "le participant 1" in text, text
    assert not re.search(r"(?:le|du|au|par) Participant \d", text), text

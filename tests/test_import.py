"""Importing the grids facilitators already have, with the mess real grids have."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from atelier.errors import AtelierError
from atelier.importers import import_grid, plan_file
from atelier.store import Store

from .conftest import ROOT, run_cli

SHARED_GRID = ROOT / "examples" / "grille-atelier-2021-03-16.txt"
EXAMPLE_DOCX = ROOT / "examples" / "grille-atelier-2021-03-16.docx"
EXAMPLE_ATELIER = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _export(path: Path) -> dict:
    result = run_cli("export", str(path), "--json", "-")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["workshops"][0]


def _by_first_name(workshop: dict) -> dict[str, dict]:
    return {p["names"][0].split()[0] if p["names"] else "": p for p in workshop["participants"]}


def _write_grid(source: Path, rows: list[list[str]]) -> Path:
    """`rows` saved as a real grid of the kind `source`'s name says (CSV, Excel, Word)."""
    if source.suffix == ".csv":
        import csv

        with source.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter=";").writerows(rows)
    elif source.suffix == ".xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        book.save(source)
    else:
        import docx

        document = docx.Document()
        table = document.add_table(rows=0, cols=len(rows[0]))
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text  # a paragraph per line
        document.save(str(source))
    return source


# ------------------------------------------------------------ the shared grid


def _check_shared_grid(workshop: dict) -> None:
    participants = workshop["participants"]
    assert len(participants) == 22
    everyone = [" ".join(p["names"]) for p in participants]
    assert len(set(everyone)) == 22  # every participant once
    assert not any(p["source_text"].strip("- ") == "" for p in participants)  # no separator row
    people = _by_first_name(workshop)
    denis = people["Denis"]
    # Row 31 of the grid has an empty participant cell: it continues Denis Paineau's row,
    # and the sentence its page break cut.
    assert (
        "Identifier le bon profil de la personne qui sera chargée de former les entreprises à la "
        "réponse aux appels d'offres." in denis["challenges"]
    )
    assert any("revitalisation Ford" in a for a in denis["actions"])
    assert (
        denis["offers"]
        == [
            "Accompagnement à la mutualisation des besoins et des compétences des entreprises "
            "(clauses sociales, groupement d'employeurs)",
            "Club d'entreprises",
        ]
        or len(denis["offers"]) == 2
    )
    # Two people in one row stay one entry with both names.
    assert people["Cécile"]["names"] == ["Cécile BECHON", "Ghislaine Paparemborde"]
    assert people["Cécile"]["organisation"] == "CDA Pau Béarn Pyrénées"
    # The participant cell split, with the verbatim text kept.
    assert people["Maxime"]["organisation"] == "PETR Monts et barrages"
    assert people["Agnès"]["organisation"] == "Maison de l'emploi de Bordeaux"
    assert people["Hélène"]["territory"] == "Bordeaux"
    assert people["Hélène"]["role"].startswith("chargée de mission")
    assert people["Martine"]["territory"] == "Hautes Pyrénées"
    # Each need and each offer an item of its own, cleaned of markup.
    lucie = people["Lucie"]
    assert len(lucie["needs"]) == 3
    assert lucie["needs"][2] == "avoir des exemples de projets où l'interconnaissance a été facilitée"
    gregory = people["Grégory"]
    assert len(gregory["offers"]) == 3 and len(gregory["needs"]) == 2
    for participant in participants:
        for kind in ("actions", "challenges", "needs", "offers"):
            for text in participant[kind]:
                assert "<" not in text and "&nbsp;" not in text and text == text.strip()
                assert not text.startswith(("-", "•"))
    total_needs = sum(len(p["needs"]) for p in participants)
    total_offers = sum(len(p["offers"]) for p in participants)
    assert (total_needs, total_offers) == (14, 16)


def test_the_shared_grid_as_exported_text(tmp_path: Path) -> None:
    target = tmp_path / "atelier.atelier"
    result = run_cli("import", str(SHARED_GRID), "-o", str(target))
    assert result.returncode == 0, result.stderr
    # People, as `atelier info` counts them: two rows name two people each.
    assert "Import\xa0: 24 participants (22 lignes de la grille)," in result.stdout
    assert "ligne 32 rattachée à la ligne précédente (Denis Paineau)" in result.stdout
    assert "ignorée (séparateur)" in result.stdout
    workshop = _export(target)
    assert workshop["title"] == "Atelier du 16 mars 2021"
    assert workshop["date"] == "2021-03-16"
    assert workshop["description"].startswith("Cet atelier a permis")
    _check_shared_grid(workshop)


def test_the_example_word_grid_imports_like_the_shared_grid(tmp_path: Path) -> None:
    target = tmp_path / "depuis-word.atelier"
    import_grid(EXAMPLE_DOCX, target)
    workshop = _export(target)
    assert workshop["title"] == "Atelier du 16 mars 2021"
    _check_shared_grid(workshop)


def test_the_bundled_example_is_what_importing_its_word_file_gives(tmp_path: Path) -> None:
    rebuilt = tmp_path / "rebuilt.atelier"
    import_grid(EXAMPLE_DOCX, rebuilt)
    fresh, bundled = _export(rebuilt), _export(EXAMPLE_ATELIER)

    def content(workshop: dict) -> list:
        keys = (
            "names",
            "organisation",
            "territory",
            "role",
            "actions",
            "challenges",
            "needs",
            "offers",
            "source_text",
        )
        return [[p[k] for k in keys] for p in workshop["participants"]]

    assert content(fresh) == content(bundled)
    assert (fresh["title"], fresh["date"]) == (bundled["title"], bundled["date"])


# ------------------------------------------------------------------ Word


def _word_grid(path: Path, *, header: list[str] | None = None, table: bool = True) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Atelier du 5 avril 2024 — Pau", level=1)
    document.add_paragraph("Compte rendu de la table 2.")
    if not table:
        document.add_paragraph("Pas de tableau ici, seulement du texte.")
        document.save(path)
        return path
    header = header or ["Participant", "Actions engagées", "Défis", "Besoins", "Je peux apporter"]
    grid = document.add_table(rows=1, cols=5)
    for cell, text in zip(grid.rows[0].cells, header, strict=True):
        cell.text = text

    def row(values: list[object]) -> list:
        cells = grid.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            if isinstance(value, list):  # a Word bullet list
                first = True
                for text in value:
                    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
                    paragraph.style = document.styles["List Bullet"]
                    paragraph.text = text
                    first = False
            elif value:
                cell.text = str(value)
        return cells

    row(
        [
            "Anne MARTIN / PLIE du Béarn",
            ["clauses sociales", "plateforme emploi"],
            "- trouver des entreprises\n- mobiliser les élus",
            "",
            "",
        ]
    )
    continued = row(["", "", "", ["financer l'accompagnement des jeunes décrocheurs"], ""])
    row(["-----", "---", "---", "---", "---"])
    two = row(
        [
            "Paul Durand et Léa PETIT - Mission locale de Pau",
            "",
            "",
            "",
            "Je connais bien les aides du Département pour la jeunesse",
        ]
    )
    # A line break inside a paragraph and a horizontally merged cell.
    paragraph = two[1].paragraphs[0]
    paragraph.add_run("accueil des jeunes")
    paragraph.add_run().add_break()
    paragraph.add_run("ateliers CV")
    merged = grid.add_row().cells
    merged[0].text = "Marc Lenoir / CdC du Bazadais"
    merged[1].merge(merged[2]).text = "club d'entreprises créé l'an dernier"
    merged[3].text = "animer un réseau d'acteurs"
    # A vertically merged participant cell: the next row continues Marc Lenoir.
    last = grid.add_row().cells
    merged[0].merge(last[0])
    last[4].text = "mutualisation des compétences"
    del continued
    document.save(path)
    return path


def test_a_word_grid_with_lists_breaks_merges_and_continued_rows(tmp_path: Path) -> None:
    source = _word_grid(tmp_path / "grille.docx")
    target = tmp_path / "out.atelier"
    result = run_cli("import", str(source), "-o", str(target))
    assert result.returncode == 0, result.stderr
    workshop = _export(target)
    assert workshop["title"] == "Atelier du 5 avril 2024 — Pau"
    assert workshop["date"] == "2024-04-05"
    people = _by_first_name(workshop)
    assert set(people) == {"Anne", "Paul", "Marc"}
    anne = people["Anne"]
    assert anne["actions"] == ["clauses sociales", "plateforme emploi"]
    assert anne["challenges"] == ["trouver des entreprises", "mobiliser les élus"]
    assert anne["needs"] == ["financer l'accompagnement des jeunes décrocheurs"]
    assert anne["organisation"] == "PLIE du Béarn"
    paul = people["Paul"]
    assert paul["names"] == ["Paul Durand", "Léa PETIT"]
    assert paul["actions"] == ["accueil des jeunes", "ateliers CV"]
    marc = people["Marc"]
    assert marc["actions"] == ["club d'entreprises créé l'an dernier"]
    assert marc["challenges"] == []  # the merged cell is read once, in its first column
    assert marc["offers"] == ["mutualisation des compétences"]
    assert "rattachée à la ligne précédente" in result.stdout


def _bullets(cell, texts: list[str], document) -> None:
    for index, text in enumerate(texts):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.style = document.styles["List Bullet"]
        paragraph.text = text


def test_a_row_broken_across_pages_continues_the_sentence_it_cuts(tmp_path: Path) -> None:
    """Word grids often carry a cell's end onto a row of its own, with no name, when a row
    breaks across pages: its first words finish the previous participant's sentence in that
    column (one item), unless that sentence had ended (a new item)."""
    import docx

    document = docx.Document()
    document.add_heading("Atelier du 5 avril 2024 — Pau", level=1)
    grid = document.add_table(rows=1, cols=5)
    for cell, text in zip(
        grid.rows[0].cells,
        ["Participant", "Actions engagées", "Défis", "Besoins", "Je peux apporter"],
        strict=True,
    ):
        cell.text = text
    first = grid.add_row().cells
    first[0].text = "Anne MARTIN / PLIE du Béarn"
    _bullets(
        first[1], ["clauses sociales", "accompagnement des demandeurs d'emploi vers les métiers de"], document
    )
    first[2].text = "Plusieurs financements sont mobilisés : Leader + 2 CdC + fonds de"
    first[3].text = "Un annuaire des acteurs du territoire."
    _bullets(first[4], ["ingénierie de projet"], document)
    # The page breaks here: the rest of Anne's cells, in a row with no name.
    rest = grid.add_row().cells
    rest[1].text = "l'industrie et du bâtiment\nforum de l'emploi"
    rest[2].text = "Revitalisation Ford. Une SEM est en cours."
    rest[3].text = "Des retours d'expérience sur les clauses"
    _bullets(rest[4], ["mutualisation des compétences"], document)
    second = grid.add_row().cells
    second[0].text = "Paul Durand / Mission locale de Pau"
    second[3].text = "financer l'accompagnement des jeunes"
    document.save(tmp_path / "grille.docx")

    target = tmp_path / "out.atelier"
    result = run_cli("import", str(tmp_path / "grille.docx"), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "ligne 3 rattachée à la ligne précédente (Anne MARTIN)" in result.stdout
    people = _by_first_name(_export(target))
    assert set(people) == {"Anne", "Paul"}
    anne = people["Anne"]
    assert anne["actions"] == [
        "clauses sociales",
        "accompagnement des demandeurs d'emploi vers les métiers de l'industrie et du bâtiment",
        "forum de l'emploi",
    ]
    assert anne["challenges"] == [
        "Plusieurs financements sont mobilisés : Leader + 2 CdC + fonds de Revitalisation Ford. "
        "Une SEM est en cours."
    ]
    # A sentence that had ended, a new bullet after a bullet: new items.
    assert anne["needs"] == [
        "Un annuaire des acteurs du territoire.",
        "Des retours d'expérience sur les clauses",
    ]
    assert anne["offers"] == ["ingénierie de projet", "mutualisation des compétences"]
    assert people["Paul"]["needs"] == ["financer l'accompagnement des jeunes"]


def test_the_shared_grid_s_row_cut_mid_sentence_is_one_item(tmp_path: Path) -> None:
    """Line 32 of the shared grid carries the end of Denis Paineau's sentence onto a row of
    its own (« … fond de » / « revitalisation Ford. »)."""
    target = tmp_path / "atelier.atelier"
    result = run_cli("import", str(SHARED_GRID), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "ligne 32 rattachée à la ligne précédente (Denis Paineau)" in result.stdout
    denis = _by_first_name(_export(target))["Denis"]
    assert (
        "Plusieurs financements sont mobilisés : Leader + 2 Cdc + fond de revitalisation Ford."
        in denis["actions"]
    )
    assert "revitalisation Ford." not in denis["actions"]


def test_a_word_file_with_no_table_is_refused_clearly(tmp_path: Path) -> None:
    source = _word_grid(tmp_path / "texte.docx", table=False)
    before = source.read_bytes()
    result = run_cli("import", str(source), "-o", str(tmp_path / "out.atelier"))
    assert result.returncode == 1
    assert "Aucun tableau" in result.stderr and "Traceback" not in result.stderr
    assert source.read_bytes() == before
    assert not (tmp_path / "out.atelier").exists()


def test_unknown_headers_are_named_and_columns_can_be_mapped_by_hand(tmp_path: Path) -> None:
    source = _word_grid(tmp_path / "grille.docx", header=["Qui ?", "A", "B", "C", "D"])
    target = tmp_path / "out.atelier"
    refused = run_cli("import", str(source), "-o", str(target))
    assert refused.returncode == 1
    assert "«\xa0Qui ?\xa0»" in refused.stderr and "--columns" in refused.stderr  # as French sets them
    assert not target.exists()
    mapped = run_cli(
        "import",
        str(source),
        "-o",
        str(target),
        "--columns",
        "participant=1,actions=2,defis=3,besoins=4,offres=5",
    )
    assert mapped.returncode == 0, mapped.stderr
    people = _by_first_name(_export(target))
    assert people["Paul"]["offers"] == ["Je connais bien les aides du Département pour la jeunesse"]
    bad = run_cli("import", str(source), "-o", str(tmp_path / "x.atelier"), "--columns", "foo")
    assert bad.returncode == 2 and "--columns" in bad.stderr  # a bad option value: bad usage
    # Every kind the option accepts is named, the participant's parts too.
    for kind in ("participant", "actions", "defis", "besoins", "offres", "prenom", "structure", "territoire"):
        assert kind in bad.stderr, bad.stderr
    assert "fonction" in bad.stderr and "contact" in bad.stderr and "ignorer" in bad.stderr


# ------------------------------------------------------------------ Excel


def _excel_grid(path: Path) -> Path:
    import openpyxl
    from openpyxl.styles import Alignment

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Table 1"
    sheet["A1"] = "Atelier emploi du 12/10/2023"
    sheet["A2"] = "Saisie : animatrice"
    sheet.append([])
    sheet.append(["Name / organisation", "What we already do", "Challenges", "Needs", "Can offer"])
    sheet.append(
        [
            "Sophie GARNIER / PETR Pays Basque",
            "GPECT en cours\nforum emploi",
            "recruter",
            "- méthodes d'animation de réseau\n- données emploi",
            "",
        ]
    )
    sheet.append([None, None, None, "outils de diagnostic", None])  # merged participant below
    sheet.merge_cells("A5:A6")
    sheet.append(["Karim Benali, Région", "", "", "", '=HYPERLINK("x")'])
    sheet.append(["---", "---", "", "", ""])
    sheet["E7"].data_type = "s"  # typed as text in the sheet, not a formula
    for row in sheet.iter_rows(min_row=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True)
    book.save(path)
    return path


def test_an_excel_grid_with_title_rows_merged_cells_and_wrapped_text(tmp_path: Path) -> None:
    source = _excel_grid(tmp_path / "grille.xlsx")
    target = tmp_path / "out.atelier"
    result = run_cli("import", str(source), "-o", str(target))
    assert result.returncode == 0, result.stderr
    workshop = _export(target)
    assert workshop["title"] == "Atelier emploi du 12/10/2023"
    assert workshop["date"] == "2023-10-12"
    people = _by_first_name(workshop)
    assert set(people) == {"Sophie", "Karim"}
    sophie = people["Sophie"]
    assert sophie["actions"] == ["GPECT en cours", "forum emploi"]
    assert sophie["needs"] == ["méthodes d'animation de réseau", "données emploi", "outils de diagnostic"]
    assert people["Karim"]["organisation"] == "Région"
    # Formula-looking text is kept as typed.
    assert people["Karim"]["offers"] == ['=HYPERLINK("x")']


def test_an_excel_need_merged_down_over_the_next_participant_in_the_last_column_is_theirs_too(
    tmp_path: Path,
) -> None:
    """« Données emploi locales » typed once for Paul Girard and Nadia Benali, merged D2:D3,
    Nadia's offer cell empty: the import said « 1 besoin » and Nadia had none (Excel's row ends at
    its last filled cell, and the merged cell lay past it), where the same grid in Word gives it
    to both and says so."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Participant", "Actions engagées", "Défis", "Besoins", "Ressources"])
    sheet.append(["Paul Girard (CdC du Médoc)", "forum emploi", "recruter", "Données emploi locales", "BTP"])
    sheet.append(["Nadia Benali (Pôle emploi Lesparre)", "ateliers CV", "mobilité", None, None])
    sheet.merge_cells("D2:D3")
    source = tmp_path / "grille.xlsx"
    book.save(source)
    target = tmp_path / "out.atelier"
    result = run_cli("import", str(source), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "reprise pour Nadia Benali aussi" in result.stdout + result.stderr
    people = _by_first_name(_export(target))
    assert people["Paul"]["needs"] == ["Données emploi locales"]
    assert people["Nadia"]["needs"] == ["Données emploi locales"]
    assert people["Nadia"]["offers"] == []


# -------------------------------------------------------------------- CSV


CSV_ROWS = [
    ["Participant", "Actions", "Défis", "J'ai besoin de ressources sur", "Je peux être ressource sur"],
    ["Élodie Févre / Maison de l'emploi d'Épinal", "Forum « métiers »", "", "Financer l'été", ""],
    ["Benoît Ngô / PLIE", "", "", "", "Clauses d'insertion ; marchés publics"],
]


def _csv(path: Path, encoding: str, delimiter: str) -> Path:
    import csv

    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(CSV_ROWS)
    return path


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("cp1252", ";"), ("utf-8", ","), ("utf-8-sig", ";"), ("utf-16", "\t")]
)
def test_csv_in_the_encodings_french_spreadsheets_save(tmp_path: Path, encoding: str, delimiter: str) -> None:
    source = _csv(tmp_path / "grille.csv", encoding, delimiter)
    target = tmp_path / "out.atelier"
    import_grid(source, target, title="Atelier CSV")
    people = _by_first_name(_export(target))
    assert people["Élodie"]["names"] == ["Élodie Févre"]
    assert people["Élodie"]["organisation"] == "Maison de l'emploi d'Épinal"
    assert people["Élodie"]["actions"] == ["Forum « métiers »"]
    assert people["Élodie"]["needs"] == ["Financer l'été"]
    assert people["Benoît"]["offers"] == ["Clauses d'insertion ; marchés publics"]


def test_a_semicolon_grid_whose_long_cells_all_hold_commas_is_read_by_its_header(tmp_path: Path) -> None:
    """Each row's long action holds the same number of commas: read by « , » every row made the
    same 60 cells, and the import said « 12 participants » over 700 warnings, a garbled grid
    called a success. The header names its columns with « ; » only: that is the separator."""
    long = ", ".join(f"action {n} du territoire" for n in range(60))
    source = tmp_path / "grille.csv"
    lines = ["Participant;Actions;Défis;Besoins;Ressources"]
    lines += [f"Personne{n} Nom, Structure {n};{long};mobilité;un lieu;un local" for n in range(12)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = tmp_path / "out.atelier"
    result = run_cli("import", str(source), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "non importée" not in result.stdout
    workshop = _export(target)
    assert len(workshop["participants"]) == 12
    first = workshop["participants"][0]
    assert first["needs"] == ["un lieu"] and first["offers"] == ["un local"]
    assert first["challenges"] == ["mobilité"]


@pytest.mark.parametrize("kind", ["csv", "xlsx", "docx", "html"])
def test_a_spreadsheet_s_row_with_no_participant_adds_items_not_words(tmp_path: Path, kind: str) -> None:
    """A row with an empty participant cell under Anne's, as facilitators type a participant's
    further lines in a spreadsheet or a Word table: « permanence emploi » was glued to her last
    action, « forum emploi permanence emploi », one item made of two (read as the end of a
    sentence a Word page break cut, for starting lowercase). No grid cuts a row across pages
    (a Word row a page break splits is still one row in the file): in every kind of file, only
    a sentence that cannot end there (« vers les métiers de ») is continued."""
    rows = [
        [
            "Participant",
            "Ce que nous faisons déjà",
            "Défis",
            "Besoin de ressources sur",
            "Peut être ressource sur",
        ],
        [
            "Anne Martin / PLIE du Béarn",
            "forum emploi",
            "lever les freins vers les métiers de",
            "un local",
            "",
        ],
        ["", "permanence emploi", "l'industrie", "des bénévoles", "clauses sociales"],
        ["Paul Durand / Mission locale", "garantie jeunes", "", "", ""],
    ]
    source = tmp_path / f"grille.{kind}"
    if kind == "csv":
        import csv

        with source.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter=";").writerows(rows)
    elif kind == "xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        for row in rows:
            book.active.append([cell or None for cell in row])
        book.save(source)
    elif kind == "docx":
        import docx

        document = docx.Document()
        table = document.add_table(rows=0, cols=5)
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
        document.save(str(source))
    else:
        from html import escape

        body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
        source.write_text(f"<html><body><table>{body}</table></body></html>", encoding="utf-8")
    target = tmp_path / "out.atelier"
    result = run_cli("import", str(source), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "ligne 3 rattachée à la ligne précédente (Anne Martin)" in result.stdout, result.stdout
    anne = _by_first_name(_export(target))["Anne"]
    assert anne["actions"] == ["forum emploi", "permanence emploi"]
    assert anne["needs"] == ["un local", "des bénévoles"]
    assert anne["offers"] == ["clauses sociales"]
    assert anne["challenges"] == ["lever les freins vers les métiers de l'industrie"]


def test_csv_in_an_unknown_encoding_gets_a_message(tmp_path: Path) -> None:
    source = tmp_path / "grille.csv"
    source.write_bytes("Participant;Besoins\nÉlodie;été\n".encode("utf-16-le"))
    result = run_cli("import", str(source), "-o", str(tmp_path / "out.atelier"))
    assert result.returncode == 1 and "encodage" in result.stderr


# ------------------------------------------------------------------- HTML


def test_an_html_table_with_lists(tmp_path: Path) -> None:
    source = tmp_path / "grille.html"
    source.write_text(
        "<html><body><h1>Atelier du 2 février 2022</h1><table>"
        "<tr><th>Participants</th><th>Actions</th><th>Défis</th><th>Besoins</th>"
        "<th>Ressources</th></tr>"
        "<tr><td><p>Julie Thomas / PETR Vallée</p></td><td><ul><li>GPECT&nbsp;: diagnostic</li>"
        "<li>forum</li></ul></td><td></td><td><p>- méthode - outils</p></td><td></td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    target = tmp_path / "out.atelier"
    import_grid(source, target)
    workshop = _export(target)
    assert workshop["date"] == "2022-02-02"
    (julie,) = workshop["participants"]
    assert julie["actions"] == ["GPECT : diagnostic", "forum"]
    assert julie["needs"] == ["méthode", "outils"]


# ----------------------------------------------------------- hostile input


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_a_zip_bomb_named_docx_is_refused_without_unpacking(tmp_path: Path) -> None:
    source = _zip(
        tmp_path / "bombe.docx",
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": b"<w:document>" + b" " * 50_000_000 + b"</w:document>",
        },
    )
    before = source.read_bytes()
    result = run_cli("import", str(source), "-o", str(tmp_path / "out.atelier"))
    assert result.returncode == 1 and "piégé" in result.stderr
    assert source.read_bytes() == before


def test_xml_entity_expansion_is_refused(tmp_path: Path) -> None:
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b"<w:document>&lol2;</w:document>"
    )
    for name in ("piege.docx", "piege.xlsx"):
        source = _zip(tmp_path / name, {"[Content_Types].xml": b"<Types/>", "word/document.xml": lol})
        result = run_cli("import", str(source), "-o", str(tmp_path / f"{name}.atelier"))
        assert result.returncode == 1 and "XML" in result.stderr, result.stderr


def test_old_and_password_protected_office_files_say_what_to_do(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    old = tmp_path / "grille.doc"
    old.write_bytes(ole)
    result = run_cli("import", str(old), "-o", str(tmp_path / "a.atelier"))
    assert result.returncode == 1 and "ancien format" in result.stderr and ".docx" in result.stderr
    locked = tmp_path / "grille.xlsx"
    locked.write_bytes(ole + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100)
    result = run_cli("import", str(locked), "-o", str(tmp_path / "b.atelier"))
    assert result.returncode == 1 and "mot de passe" in result.stderr


@pytest.mark.parametrize("name", ["faux.docx", "faux.xlsx"])
def test_random_bytes_with_an_office_name(tmp_path: Path, name: str) -> None:
    source = tmp_path / name
    source.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 10)
    result = run_cli("import", str(source), "-o", str(tmp_path / "out.atelier"))
    assert result.returncode == 1 and "n'est pas un fichier" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_existing_target_is_never_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "existant.atelier"
    Store.create(target, title="Mon atelier précieux").close()
    before = target.read_bytes()
    result = run_cli("import", str(SHARED_GRID), "-o", str(target))
    assert result.returncode == 1 and "existe déjà" in result.stderr
    assert target.read_bytes() == before
    forced = run_cli("import", str(SHARED_GRID), "-o", str(target), "--force")
    assert forced.returncode == 0
    assert _export(target)["title"] == "Atelier du 16 mars 2021"


def test_a_failed_import_leaves_no_file_behind(tmp_path: Path) -> None:
    source = tmp_path / "vide.csv"
    source.write_text("Colonne;Autre\n", encoding="utf-8")
    with pytest.raises(AtelierError):
        import_grid(source, tmp_path / "out.atelier")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vide.csv"]


def test_unsupported_formats_and_missing_files(tmp_path: Path) -> None:
    odd = tmp_path / "grille.rtf"  # (a PDF is said to be one: tests/test_misnamed_grids.py)
    odd.write_bytes(b"{\\rtf1 Participant}")
    assert "Format non pris en charge" in run_cli("import", str(odd), "-o", "x.atelier").stderr
    missing = run_cli("import", str(tmp_path / "absent.docx"), "-o", str(tmp_path / "x.atelier"))
    assert missing.returncode == 1 and "introuvable" in missing.stderr


def test_plan_file_writes_nothing(tmp_path: Path) -> None:
    plan = plan_file(SHARED_GRID)
    assert len(plan.entries) == 22
    assert plan.mapping[0] == "participant" and plan.mapping[3] == "need"


@pytest.mark.parametrize("kind", ["csv", "xlsx", "docx"])
def test_a_line_break_in_the_middle_of_a_sentence_cuts_no_item(tmp_path: Path, kind: str) -> None:
    """A line break typed inside a cell where the sentence cannot end (« … vers les métiers
    de ¶ l'industrie », « forum pour les ¶ jeunes du quartier »: Alt+Entrée in Excel, Entrée
    in Word, text pasted from a mail) made two items, « forum pour les » and « jeunes du
    quartier », each matched and printed alone. The same rule as a row under a participant's
    (cells.continues_sentence): one item; a line after a sentence that may end is an item."""
    rows = [
        ["Participant", "Actions", "Défis", "Besoins", "Ressources"],
        [
            "Anne Martin / PLIE du Béarn",
            "forum emploi pour les\njeunes du quartier\njob dating",
            "orienter vers les métiers de\nl'industrie",
            "un local\ndes bénévoles",
            "clauses sociales\nparrainage",
        ],
    ]
    source = _write_grid(tmp_path / f"grille.{kind}", rows)
    target = tmp_path / "out.atelier"
    result = run_cli("import", str(source), "-o", str(target))
    assert result.returncode == 0, result.stderr
    anne = _by_first_name(_export(target))["Anne"]
    assert anne["actions"] == ["forum emploi pour les jeunes du quartier", "job dating"]
    assert anne["challenges"] == ["orienter vers les métiers de l'industrie"]
    assert anne["needs"] == ["un local", "des bénévoles"]
    assert anne["offers"] == ["clauses sociales", "parrainage"]


@pytest.mark.parametrize("kind", ["csv", "xlsx", "docx"])
def test_the_mark_a_line_starts_with_is_no_part_of_its_item(tmp_path: Path, kind: str) -> None:
    """Lists typed with an arrow, a check mark or « 1- » (« → forum emploi », « ✔ permanence »,
    « 1- atelier CV ») kept the mark in the item: « → forum emploi » was projected, printed in
    the minutes and matched as it was, when « - », « • », « 1) » were already taken off. Every
    such mark starts no item now; a sign or a number that is the text (« -20 % de chômage »,
    « 1 000 jeunes », « 1-2 jeunes ») stays."""
    rows = [
        ["Participant", "Actions", "Défis", "Besoins", "Ressources"],
        [
            "Anne Martin / PLIE du Béarn",
            "→ forum emploi\n✔ permanence\n1- atelier CV\n2- job dating",
            "➢ forum emploi\n► forum emploi\n✓ forum emploi",
            "– un local\n* des bénévoles\n-> un véhicule\n⇒ un minibus",
            "-20 % de chômage\n1 000 jeunes\n1-2 jeunes par mois",
        ],
    ]
    target = tmp_path / "out.atelier"
    result = run_cli("import", str(_write_grid(tmp_path / f"grille.{kind}", rows)), "-o", str(target))
    assert result.returncode == 0, result.stderr
    anne = _by_first_name(_export(target))["Anne"]
    assert anne["actions"] == ["forum emploi", "permanence", "atelier CV", "job dating"]
    assert anne["challenges"] == ["forum emploi", "forum emploi", "forum emploi"]
    assert anne["needs"] == ["un local", "des bénévoles", "un véhicule", "un minibus"]
    assert anne["offers"] == ["-20 % de chômage", "1 000 jeunes", "1-2 jeunes par mois"]


@pytest.mark.parametrize("kind", ["csv", "docx"])  # in Excel, « => … » is a formula
def test_a_list_typed_with_double_arrows_keeps_no_arrow(tmp_path: Path, kind: str) -> None:
    """« => un local ¶ => des stages »: a list typed with « => » kept the arrows in its items, on
    the projector and in the minutes, when « -> » and « ⇒ » were already taken off. Lines that
    all start with « => » are a list now; one « => » after a paragraph is the « so » the bundled
    example types (« … se coordonne ¶ => réussir à … »), and stays as typed."""
    rows = [
        ["Participant", "Actions", "Défis", "Besoins", "Ressources"],
        [
            "Anne Martin / PLIE du Béarn",
            "=> forum emploi\n=> job dating",
            "créer un réseau d'acteurs\n=> réussir à prioriser",
            "=>un local\n=> des stages\n=> un véhicule",
            "forum emploi => trop peu de monde",
        ],
    ]
    target = tmp_path / "out.atelier"
    result = run_cli("import", str(_write_grid(tmp_path / f"grille.{kind}", rows)), "-o", str(target))
    assert result.returncode == 0, result.stderr
    anne = _by_first_name(_export(target))["Anne"]
    assert anne["actions"] == ["forum emploi", "job dating"]
    assert anne["challenges"] == ["créer un réseau d'acteurs", "=> réussir à prioriser"]
    assert anne["needs"] == ["un local", "des stages", "un véhicule"]
    assert anne["offers"] == ["forum emploi => trop peu de monde"]

"""The needs several participants share: the same groups wherever Atelier shows them.

`atelier match` lists them (« Besoins partagés »), the Excel summary has a table of them
(« Besoins partagés par plusieurs participants ») and the minutes say them in « Les besoins de
ressources ». On the example they were three different lists: the command line grouped five
needs of four participants on « coopération », the Excel sheet (read without the word vectors)
three needs on « partage d'expériences », the minutes (their own grouping) five participants on
« Réseau ». One computation now (`atelier.matching.need_groups`) for the three.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from atelier.domain import Item, ItemKind, Participant
from atelier.store import Store
from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _excel_groups(path: Path, english: bool = False) -> list[tuple[str, int, list[str]]]:
    """(label, participants, needs) of each row of the Excel summary's shared-needs table."""
    import openpyxl

    sheet = openpyxl.load_workbook(path)["Summary" if english else "Synthèse"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    title = (
        "Needs shared by several participants" if english else "Besoins partagés par plusieurs participants"
    )
    start = next(i for i, row in enumerate(rows) if row[0] == title)
    found = []
    for row in rows[start + 2 :]:
        if not row[0]:
            break
        needs = [line.removeprefix("• ") for line in str(row[3]).splitlines()]
        found.append((str(row[0]), int(row[1]), needs))
    return found


def _minutes_groups(path: Path) -> list[tuple[str, int]]:
    """(title, participants) of each group the minutes' « Les besoins de ressources » say."""
    import docx

    paragraphs = docx.Document(str(path)).paragraphs
    start = next(
        i
        for i, p in enumerate(paragraphs)
        if p.text == "Les besoins de ressources" and p.style.name.startswith("Heading")
    )
    found = []
    for paragraph in paragraphs[start + 1 :]:
        if paragraph.style.name.startswith("Heading"):
            break
        said = re.match(r"^(.+?), un besoin pour (\d+) participants", paragraph.text)
        if said:
            found.append((said[1], int(said[2])))
    return found


def test_the_command_line_the_excel_sheet_and_the_minutes_show_the_same_shared_needs(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("ATELIER_SEMANTIC", "1")  # as every install has it
    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    listed = run_cli("match", str(path), "--json")
    assert listed.returncode == 0, listed.stderr
    data = json.loads(listed.stdout)
    texts = {need["id"]: need["text"] for need in data["needs"]}
    cli = [(g["label"], g["participants"], sorted(texts[n] for n in g["needs"])) for g in data["groups"]]
    assert len(cli) >= 2, cli

    assert run_cli("export", str(path), "--xlsx", str(tmp_path / "a.xlsx")).returncode == 0
    excel = [(label, people, sorted(needs)) for label, people, needs in _excel_groups(tmp_path / "a.xlsx")]
    assert excel == cli

    assert run_cli("export", str(path), "--docx", str(tmp_path / "a.docx")).returncode == 0
    minutes = _minutes_groups(tmp_path / "a.docx")
    topics = [(g["topic"], g["participants"]) for g in data["groups"]]
    assert [(title.lower(), people) for title, people in minutes] == [(t.lower(), n) for t, n in topics]


def test_the_minutes_count_every_participant_of_a_group_as_the_excel_sheet_does(
    tmp_path, monkeypatch
) -> None:
    """Four needs on mobility, two of them saying « navette », the others « permis » and
    « transport »: the Excel sheet said 4 participants, the minutes « Mobilité, un besoin pour 2
    participants » and named only the two « navette » ones, the other two nowhere."""
    monkeypatch.setenv("ATELIER_SEMANTIC", "1")
    path = tmp_path / "mobilite.atelier"
    rows = [
        ("Anne Bru", "CC du Val", "Une navette vers la zone d'activités"),
        ("Paul Lin", "Grand Dax", "Une navette le dimanche pour les salariés"),
        ("Eva Sol", "Mission locale", "Financer le permis des jeunes"),
        ("Jean Roc", "PLIE Sud", "Le transport des demandeurs d'emploi"),
    ]
    with Store.create(path, title="Atelier mobilité", date="2024-03-12", place="Riom") as store:
        workshop_id = store.workshops()[0].id
        grid = []
        for name, organisation, need in rows:
            participant = Participant(workshop_id, names=[name], organisation=organisation)
            grid.append((participant, [Item(participant.id, ItemKind.NEED, need)]))
        store.add_grid(grid)
    assert run_cli("export", str(path), "--xlsx", str(tmp_path / "m.xlsx")).returncode == 0
    assert run_cli("export", str(path), "--docx", str(tmp_path / "m.docx")).returncode == 0
    excel = _excel_groups(tmp_path / "m.xlsx")
    assert [people for _label, people, _needs in excel] == [4], excel
    assert _minutes_groups(tmp_path / "m.docx") == [("Mobilité", 4)]
    import docx

    said = "\n".join(p.text for p in docx.Document(str(tmp_path / "m.docx")).paragraphs)
    needs = said.split("Les besoins de ressources", 2)[-1].split("Ce que la salle", 1)[0]
    for organisation in ("CC du Val", "Grand Dax", "Mission locale", "PLIE Sud"):
        assert organisation in needs, needs


def test_in_english_the_command_line_s_json_names_the_shared_needs_as_the_excel_sheet_does(
    tmp_path, monkeypatch
) -> None:
    """`atelier match --json` in English said each shared need in French (« 5 participants
    cherchent des ressources sur : coopération ») while its listing and the Excel summary
    said « 5 participants are looking for resources on: cooperation »."""
    monkeypatch.setenv("ATELIER_SEMANTIC", "1")
    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    english = {"ATELIER_LANG": "en"}
    listed = run_cli("match", str(path), "--json", env=english)
    assert listed.returncode == 0, listed.stderr
    data = json.loads(listed.stdout)
    texts = {need["id"]: need["text"] for need in data["needs"]}
    cli = [(g["label"], g["participants"], sorted(texts[n] for n in g["needs"])) for g in data["groups"]]
    assert cli and all("are looking for resources on: " in label for label, _, _ in cli), cli
    assert not any("cherche" in label or "coopération" in label for label, _, _ in cli), cli
    assert run_cli("export", str(path), "--xlsx", str(tmp_path / "en.xlsx"), env=english).returncode == 0
    excel = [
        (label, people, sorted(needs)) for label, people, needs in _excel_groups(tmp_path / "en.xlsx", True)
    ]
    assert excel == cli
    listing = run_cli("match", str(path), env=english).stdout
    assert all(f"  - {label}" in listing for label, _, _ in cli)


def test_no_shared_need_is_said_so_in_the_excel_summary_not_shown_as_an_empty_table(tmp_path) -> None:
    """Six participants, no need shared: the Excel summary showed « Besoins partagés par
    plusieurs participants » and the headings of a table with no row under them, read as a
    table left unfilled. It says there is none (English too), and the table is read as empty."""
    import openpyxl

    path = tmp_path / "atelier.atelier"
    with Store.create(path, title="Atelier emploi", date="2026-12-03", place="Dax") as store:
        workshop_id = store.workshops()[0].id
        grid = []
        for name, organisation, need in (
            ("Anne Martin", "PLIE du Grand Dax", "besoin de ressources sur la mobilité solidaire"),
            ("Chloé Dupré", "France Travail Dax", "besoin de ressources sur le recrutement dans le BTP"),
        ):
            participant = Participant(workshop_id, names=[name], organisation=organisation)
            grid.append((participant, [Item(participant.id, ItemKind.NEED, need)]))
        store.add_grid(grid)
    for lang, sheet, heading, none in (
        (
            "fr",
            "Synthèse",
            "Besoins partagés par plusieurs participants",
            "Aucun besoin n'est partagé par plusieurs participants.",
        ),
        (
            "en",
            "Summary",
            "Needs shared by several participants",
            "No need is shared by several participants.",
        ),
    ):
        out = tmp_path / f"{lang}.xlsx"
        done = run_cli("export", str(path), "--xlsx", str(out), env={"ATELIER_LANG": lang})
        assert done.returncode == 0, done.stderr
        rows = [list(row) for row in openpyxl.load_workbook(out)[sheet].iter_rows(values_only=True)]
        start = next(i for i, row in enumerate(rows) if row[0] == heading)
        assert rows[start + 1][0] == none, rows[start:]
        assert not any(v in ("Besoin partagé", "Shared need") for row in rows for v in row), rows
        assert _excel_groups(out, english=lang == "en") == []

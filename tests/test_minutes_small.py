"""A small workshop's minutes are correct French too: one participant, one challenge, one
territory (« Le 1 défi, exprimé par 1 participant : Parmi eux : … » and « 1 participant,
venus de 1 territoire » were printed)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

HEADER = "Participant;Territoire;Actions engagées;Défis;Besoins de ressources;Peut être ressource sur\n"


def _synthesis(tmp_path: Path, rows: str) -> str:
    import docx

    grid, workshop, minutes = tmp_path / "grille.csv", tmp_path / "a.atelier", tmp_path / "cr.docx"
    grid.write_text(HEADER + rows, encoding="utf-8")
    assert run_cli("import", str(grid), "-o", str(workshop)).returncode == 0
    done = run_cli("export", str(workshop), "--docx", str(minutes))
    assert done.returncode == 0, done.stderr
    lines, inside = [], False
    for p in docx.Document(str(minutes)).paragraphs:
        if p.style.name == "Heading 1":
            inside = p.text == "Synthèse des échanges"
        elif inside:
            lines.append(p.text.replace("\u00a0", " ").replace("\u202f", " "))
    return "\n".join(lines)


def test_one_participant_one_of_each(tmp_path: Path) -> None:
    text = _synthesis(
        tmp_path,
        "Zoé Martin / Mission locale du Val;Val de Garonne;un forum de l'emploi;recruter des bénévoles;"
        "un lieu pour les permanences;un minibus\n",
    )
    assert "1 participant a présenté 1 action déjà engagée" in text, text
    assert "venus" not in text and "Le 1 " not in text and "Parmi eux" not in text, text
    assert "Un seul défi a été exprimé : recruter des bénévoles (Mission locale du Val)." in text, text
    assert "Un seul besoin a été exprimé : un lieu pour les permanences (Mission locale du Val)." in text
    assert "Il n'a pas encore de réponse dans la salle." in text and "Aucun de ces besoins" not in text


def test_several_participants_of_one_territory(tmp_path: Path) -> None:
    text = _synthesis(
        tmp_path,
        "Zoé Martin / CC du Val;Val de Garonne;un forum de l'emploi;;;\n"
        "Paul Lin / CC du Val;Val de Garonne;un club d'entreprises;;;\n",
    )
    assert "2 participants, venus d'un même territoire, ont présenté 2 actions déjà engagées ;" in text, text


def test_one_territory_known_for_one_participant_is_not_everyone_s(tmp_path: Path) -> None:
    # « CC du Val » is on the Val; nothing says where « Mission locale » works from.
    text = _synthesis(
        tmp_path,
        "Zoé Martin / Mission locale;;un forum de l'emploi;;;\n"
        "Paul Lin / CC du Val;;un club d'entreprises;;;\n",
    )
    assert "2 participants ont présenté 2 actions déjà engagées ;" in text, text


def test_a_single_need_with_a_lead_is_not_counted_as_one_of_these(tmp_path: Path) -> None:
    # « Sur ces 1 besoin, 1 a une piste dans la salle » was printed.
    text = _synthesis(
        tmp_path,
        "Zoé Martin / Mission locale du Val;Val de Garonne;un forum de l'emploi;;"
        "un minibus pour les jeunes;\n"
        "Paul Lin / CC du Val;Val de Garonne;;;;le prêt d'un minibus\n",
    )
    assert "Un seul besoin a été exprimé : un minibus pour les jeunes (Mission locale du Val)." in text, text
    # One word (« minibus ») links it to a statement of two words: « possible », not a lead the
    # projector would show the room (tests/test_minutes_true_counts.py).
    assert "Il n'a qu'une piste possible dans la salle (voir « Les mises en relation »)." in text, text
    assert "Sur ces 1" not in text and "ces 1 besoin" not in text, text


def test_a_single_need_answered_says_so_in_a_sentence_of_its_own(tmp_path: Path) -> None:
    import docx

    from atelier.domain import MatchStatus
    from atelier.store import Store

    grid, workshop, minutes = tmp_path / "grille.csv", tmp_path / "a.atelier", tmp_path / "cr.docx"
    grid.write_text(
        HEADER + "Zoé Martin / Mission locale du Val;;;;un minibus pour les jeunes;\n"
        "Paul Lin / CC du Val;;;;;le prêt d'un minibus\n",
        encoding="utf-8",
    )
    assert run_cli("import", str(grid), "-o", str(workshop)).returncode == 0
    assert run_cli("match", str(workshop), "--save", "--lexical").returncode == 0
    with Store.open(workshop) as store:
        (match,) = store.matches(store.workshops()[0].id)
        store.update_match(match.id, status=MatchStatus.CONFIRMED)
    assert run_cli("export", str(workshop), "--docx", str(minutes)).returncode == 0
    text = "\n".join(p.text.replace("\u00a0", " ") for p in docx.Document(str(minutes)).paragraphs)
    assert "Il a donné lieu à une mise en relation" in text, text
    assert "Sur ces 1" not in text, text


def test_every_need_with_a_lead_is_said_each_not_n_of_n(tmp_path: Path) -> None:
    """« Sur ces 2 besoins, 2 ont une piste dans la salle » (the example read « 14 » of 14)."""
    text = _synthesis(
        tmp_path,
        "Anne Martin / PLIE de Pau;Pau;Forum;Recruter;Financement des chantiers d'insertion;"
        "Plateforme de mobilité des jeunes\n"
        "Paul Durand / CCAS de Tarbes;Tarbes;Ateliers;Logement;Mobilité des jeunes;"
        "Je connais les financements des chantiers d'insertion\n",
    )
    assert "Chacun des 2 besoins a une piste dans la salle" in text, text
    assert "Sur ces 2 besoins, 2" not in text


def _minutes_text(minutes: Path) -> str:
    import docx

    return (
        "\n".join(p.text for p in docx.Document(str(minutes)).paragraphs)
        .replace("\u00a0", " ")
        .replace("\u202f", " ")
    )


def test_a_workshop_with_no_one_yet_is_not_said_to_have_heard_0_of_everything(tmp_path: Path) -> None:
    """Minutes exported before anyone was typed in (the header filled the day before) said
    « 0 participant a présenté 0 action déjà engagée, 0 défi, 0 besoin de ressources et 0 offre
    d'aide » to whoever it was sent to; and with people but nothing noted yet, « 2 participants
    ont présenté 0 action déjà engagée, 0 défi… ». Said as it is."""
    workshop, minutes = tmp_path / "a.atelier", tmp_path / "cr.docx"
    assert (
        run_cli("new", str(workshop), "--title", "Atelier d'automne", "--date", "2026-11-23").returncode == 0
    )
    assert run_cli("export", str(workshop), "--docx", str(minutes)).returncode == 0
    text = _minutes_text(minutes)
    assert "0 participant" not in text and "0 action" not in text, text
    assert "La grille ne compte encore aucun participant." in text, text

    (tmp_path / "deux").mkdir()
    text = _synthesis(tmp_path / "deux", "Zoé Martin / Mission locale;;;;;\nLoïc Durand / PLIE;;;;;\n")
    assert "0 action" not in text and "0 défi" not in text, text
    assert (
        "2 participants sont inscrits dans la grille, "
        "qui ne note encore ni action, ni défi, ni besoin, ni offre." in text
    ), text


def test_the_one_challenge_of_a_theme_is_not_the_1_challenge(tmp_path: Path) -> None:
    # The only challenge joins a theme with another participant's action: the lead of the
    # group still says there is one challenge, as it does when it stands alone.
    text = _synthesis(
        tmp_path,
        "Zoé Martin / Mission locale du Val;;Forum emploi saisonnier;Mobiliser les entreprises;;\n"
        "Paul Lin / PLIE du Val;;Club d'entreprises local;;;\n",
    )
    assert "Le 1 défi" not in text and "exprimé par 1 participant" not in text, text
    assert "Un seul défi a été exprimé :" in text, text
    assert "mobiliser les entreprises (Mission locale du Val)" in text, text


def _leads_table(minutes: Path) -> list[list[str]]:
    import docx

    document = docx.Document(str(minutes))
    for table in document.tables:
        cells = [c.text for c in table.rows[0].cells]
        if cells[:2] == ["Cherche", "Pourrait aider"]:
            return [[c.text.replace("\u00a0", " ") for c in row.cells] for row in table.rows[1:]]
    return []


def test_a_colleague_of_the_same_structure_is_a_lead_only_when_no_one_else_is(tmp_path: Path) -> None:
    """The example's minutes introduced two agents of the Région N-A to each other under
    « voici les personnes de l'atelier qui pourraient vous aider : n'hésitez pas à prendre
    contact », though another structure could help: the room learns nothing from it. A need's
    lead is someone of another structure when there is one; else the colleague, said to be
    of the same structure."""
    grid, workshop, minutes = tmp_path / "grille.csv", tmp_path / "a.atelier", tmp_path / "cr.docx"
    grid.write_text(
        HEADER + "Zoé Martin / Région Nouvelle-Aquitaine;;;;un minibus pour les jeunes;\n"
        "Paul Lin / Région Nouvelle-Aquitaine;;;;;le prêt d'un minibus pour les jeunes\n"
        "Léa Roux / CC du Val;;;;;le prêt d'un minibus\n"
        "Anne Lis / PLIE de Pau;;;;des bénévoles pour le forum;\n"
        "Marc Bo / PLIE de Pau;;;;;des bénévoles pour le forum de l'emploi\n",
        encoding="utf-8",
    )
    assert run_cli("import", str(grid), "-o", str(workshop)).returncode == 0
    matched = run_cli("match", str(workshop), "--lexical")
    assert "Paul Lin" in matched.stdout  # the colleague is still suggested, in the window too
    assert run_cli("export", str(workshop), "--docx", str(minutes)).returncode == 0
    rows = _leads_table(minutes)
    helpers = {row[0].split("\n")[0]: row[1] for row in rows}
    zoe = helpers.get("Zoé Martin (Région Nouvelle-Aquitaine)", "")
    assert "Léa Roux" in zoe and "même structure" not in zoe, rows
    anne = helpers.get("Anne Lis (PLIE de Pau)", "")
    assert anne.startswith("Marc Bo (PLIE de Pau)\n(même structure)\n"), rows


def test_minutes_of_a_workshop_with_no_one_yet_have_no_empty_table(tmp_path: Path) -> None:
    """Minutes exported before anyone was typed in had a « Participants » heading over a table
    of column titles only, and an annex page « la grille complète » with an empty grid: two
    sections that said nothing, in French and in English. Now neither is written (nor listed
    in the contents); the context still says the grid has no one yet."""
    import docx

    workshop = tmp_path / "a.atelier"
    assert (
        run_cli("new", str(workshop), "--title", "Atelier d'automne", "--date", "2026-11-23").returncode == 0
    )
    for lang, nobody, annex in (
        ("fr", "La grille ne compte encore aucun participant.", "Annexe"),
        ("en", "The grid has no participant yet.", "Annex"),
    ):
        minutes = tmp_path / f"cr-{lang}.docx"
        done = run_cli("export", str(workshop), "--docx", str(minutes), env={"ATELIER_LANG": lang})
        assert done.returncode == 0, done.stderr
        document = docx.Document(str(minutes))
        empty = [[c.text for c in t.rows[0].cells] for t in document.tables if len(t.rows) < 2]
        assert not empty, (lang, empty)
        text = "\n".join(p.text for p in document.paragraphs).replace("\u00a0", " ")
        assert nobody in text, text
        headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
        assert "Participants" not in headings and not any(annex in h for h in headings), (lang, headings)
        assert annex not in text, text  # nor in the contents

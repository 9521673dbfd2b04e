"""A participant's words between guillemets in the minutes are their words: a question stays
a question (« comment transformer … ? », never « transformer … » as if stated), and where words
are left out the quote says so with « […] »; never a quote that starts further into an item
without the mark."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from tests.conftest import ROOT, run_cli
from tests.helpers.minutes import minutes_sections

# « words » (Who): the minutes' quotes with their author.
QUOTE = re.compile(r"«\s*([^«»]{12,}?)\s*»\s*\(")


def _items(path: Path) -> list[str]:
    done = run_cli("export", str(path), "--json", "-")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    texts: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    texts.append(" ".join(value.split()))
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return texts


def _plain(text: str) -> str:
    return " ".join(
        text.replace("\u00a0", " ").replace("\u202f", " ").replace("“", "«").replace("”", "»").split()
    )


def _quotes(sections: dict[str, list[str]]) -> list[str]:
    return [_plain(q) for lines in sections.values() for line in lines for q in QUOTE.findall(line)]


def _bare(text: str) -> str:
    # Spaces and quotation marks aside: a quote within the quote is written “ ”.
    for mark in '«»“”"':
        text = text.replace(mark, "")
    return "".join(text.split()).casefold()


def _check_marked(quotes: list[str], items: list[str]) -> None:
    bare_items = [_bare(t).strip("-•") for t in items]
    for quoted in quotes:
        pieces = [_bare(p.strip(" …")) for p in quoted.split("[…]")]
        for piece in pieces:
            if piece:
                assert any(piece in t for t in bare_items), f"« {quoted} » not in the grid"
        if not quoted.startswith("[…]"):
            start = pieces[0][:20]
            assert any(t.startswith(start) for t in bare_items), (
                f"« {quoted} » starts further into its item without « […] »"
            )


def test_the_example_minutes_quote_the_question_whole(tmp_path: Path) -> None:
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    sections = minutes_sections(path, tmp_path / "cr.docx", "fr")
    quotes = _quotes(sections)
    text = "\n".join(_plain(line) for lines in sections.values() for line in lines)
    assert "« transformer ces difficultés" not in text, text
    _check_marked(quotes, _items(path))


def test_a_label_or_a_question_is_not_cut_off_a_quote(tmp_path: Path) -> None:
    grid, path = tmp_path / "questions.csv", tmp_path / "questions.atelier"
    grid.write_text(
        "Participant;Défis;Besoins\n"
        "Anne Roux (PLIE des Graves);comment mobiliser les entreprises du territoire ?;Un minibus\n"
        "Karim Haddad (Cap emploi);Comment convaincre les employeurs de recruter ?;Employeurs\n"
        "Lucie Martin (CdC du Réolais);Objectif : attirer des entreprises sur la zone ?;Foncier\n"
        "Paul Petit (Mission locale);Enjeu : faire venir les jeunes aux permanences;Logement\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(grid), "-o", str(path), "--title", "Atelier questions")
    assert done.returncode == 0, done.stderr
    for lang in ("fr", "en"):
        sections = minutes_sections(path, tmp_path / f"cr-{lang}.docx", lang)
        text = "\n".join(_plain(line) for lines in sections.values() for line in lines)
        assert "« attirer des entreprises sur la zone ?" not in text, text
        assert "“attirer des entreprises sur la zone ?" not in text, text
        _check_marked(
            _quotes(sections) + [_plain(q) for q in re.findall(r"“([^”]{12,}?)”\s*\(", text)], _items(path)
        )


def test_a_quote_within_a_quote_is_marked_as_french_nests_them(tmp_path: Path) -> None:
    """« Les habitants sont "fatigués" par les nombreux projets et sollicitations » (the
    example's ADSI - PLIE technowest): straight quotation marks typed in the grid stood inside
    the guillemets; French nests a quote within « » as “ ”, never « inside « nor ". English
    nests ‘ ’ inside “ ”."""
    source = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", source)
    for lang, outer, inner in (("fr", "«»", "“”"), ("en", "“”", "‘’")):
        sections = minutes_sections(source, tmp_path / f"cr-{lang}.docx", lang)
        said = [line for lines in sections.values() for line in lines]
        assert any("fatigués" in line for line in said), said
        for line in said:
            depth = 0
            for at, char in enumerate(line):
                if char == outer[0]:
                    assert depth == 0, f"{outer[0]} inside {outer[0]}: {line}"
                    depth += 1
                elif char == outer[1]:
                    depth -= 1
                elif depth and char == '"':
                    raise AssertionError(f'straight " inside {outer}: {line[max(0, at - 80) : at + 80]}')
        text = "\n".join(said)
        assert f"{inner[0]}fatigués{inner[1]}" in text, text


def test_words_the_grid_quotes_with_apostrophes_are_quoted_as_french_nests_them(tmp_path: Path) -> None:
    """« Image du secteur ('un métier de dockers'), les jeunes du quartier ne postulent pas »
    (dev workshop c) was cited bare, its straight apostrophes as quotation marks in the
    sentence: the participant's words quoting others are quoted, nested as “ ” (‘ ’ in English)."""
    grid, path = tmp_path / "g.csv", tmp_path / "g.atelier"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Karim Benali / Club d'entreprises des Hauts-Prés;;Image du secteur ('un métier de dockers'), "
        "les jeunes du quartier ne postulent pas;;\n"
        "Léa Morel / Cité de l'emploi;;Faire venir les employeurs dans le quartier;;\n"
        "Paul Lin / CCAS;;8 mois de délai MDPH pour une RQTH;;\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(grid), "-o", str(path), "--title", "Atelier", "--date", "20/11/2026")
    assert done.returncode == 0, done.stderr
    for lang, inner in (("fr", "“un métier de dockers”"), ("en", "‘un métier de dockers’")):
        sections = minutes_sections(path, tmp_path / f"cr-{lang}.docx", lang)
        text = "\n".join(line for lines in sections.values() for line in lines)
        assert "'un métier de dockers'" not in text, text
        assert inner in text, text


def test_a_label_that_names_the_subject_stays_before_its_words(tmp_path: Path) -> None:
    """« Mobilité des jeunes : pas de transport le soir… » was cited « pas de transport le
    soir… (PLIE des Graves) », and « TZCLD : 1 en expérimentation + 12 en structuration » as
    « 1 en expérimentation + 12 en structuration »: a label of up to three words was dropped
    as if it were « Objectifs : », and the words after it lost what they are about. A label
    that names a subject stays; one that names only the kind of statement (« Objectifs : »)
    or that the words after it say again (« Crise : … suite à la crise ») may go."""
    grid, path = tmp_path / "labels.csv", tmp_path / "labels.atelier"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Anne Roux (PLIE des Graves);Mobilité des jeunes : pas de transport le soir pour aller en formation;"
        "Garde d'enfants : trop peu de places en crèche pour les horaires décalés;Un minibus;Ateliers CV\n"
        "Karim Haddad (Mission locale du Réolais);TZCLD : 1 en expérimentation + 12 en structuration;"
        "Objectifs : remobiliser les partenaires du territoire;Des places en crèche;Permanences emploi\n"
        "Lucie Martin (CdC du Réolais);Crise : accompagnement des entreprises suite à la crise;"
        "Mobilité : des zones blanches sans transport;Logement des apprentis;Foncier\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(grid), "-o", str(path), "--title", "Atelier étiquettes")
    assert done.returncode == 0, done.stderr
    for lang in ("fr", "en"):
        sections = minutes_sections(path, tmp_path / f"cr-{lang}.docx", lang)
        text = "\n".join(_plain(line) for lines in sections.values() for line in lines)
        for label, words in (
            ("Mobilité des jeunes", "pas de transport le soir"),
            ("TZCLD", "1 en expérimentation"),
            ("Garde d'enfants", "trop peu de places en crèche"),
        ):
            assert words in text, (words, text)  # the test says something: the statement is cited
            for at in [m.start() for m in re.finditer(re.escape(words), text)]:
                assert text[:at].rstrip().endswith(f"{label} :"), (label, text[max(0, at - 80) : at + 60])
        assert "remobiliser les partenaires du territoire" in text, text
        assert "accompagnement des entreprises suite à la crise" in text, text
        _check_marked(
            _quotes(sections) + [_plain(q) for q in re.findall(r"“([^”]{12,}?)”\s*\(", text)], _items(path)
        )

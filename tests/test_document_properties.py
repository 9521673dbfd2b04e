"""What a document says of itself (Fichier › Propriétés in Word, a file manager's columns, the
PDF's title and author): the workshop's title in the document's language, Atelier as its
author, the day it was written; never the template's note to its restylers, its author or
its dates of 2013, nor the name of whoever last saved a user's own template."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
TITLE = "Atelier du 16 mars 2021"

DOCX_TITLES = {
    ("docx", "fr"): f"Compte rendu — {TITLE}",
    ("docx", "en"): f"Minutes — {TITLE}",
    ("fiches", "fr"): f"Fiches des participants — {TITLE}",
    ("fiches", "en"): f"Participant pages — {TITLE}",
}


def _personal_template(tmp_path: Path) -> Path:
    """The default template, saved by a person on her own computer: her name and notes in it."""
    from atelier.exports.word import default_template

    document = docx.Document(str(default_template()))
    core = document.core_properties
    core.author = "Jeanne Dupont"
    core.last_modified_by = "Jeanne Dupont"
    core.comments = "Modèle de Jeanne, ne pas diffuser"
    core.keywords = "privé"
    core.subject = "Brouillon"
    core.category = "Perso"
    path = tmp_path / "modele-jeanne.docx"
    document.save(str(path))
    return path


def _written_between(written: dt.datetime, before: dt.datetime, after: dt.datetime) -> bool:
    """Written during the export (python-docx reads the time back as UTC, to the second)."""
    return before.replace(microsecond=0) <= written <= after


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_word_documents_describe_themselves_and_nothing_of_their_template(
    lang: str, tmp_path: Path
) -> None:
    template = _personal_template(tmp_path)
    for kind in ("docx", "fiches"):
        for given in (None, template):
            target = tmp_path / f"{kind}-{lang}-{'modele' if given else 'defaut'}.docx"
            before = dt.datetime.now(dt.UTC)
            args = ["export", str(EXAMPLE), f"--{kind}", str(target)]
            done = run_cli(*args, *(["--template", str(given)] if given else []), env={"ATELIER_LANG": lang})
            after = dt.datetime.now(dt.UTC)
            assert done.returncode == 0, done.stderr
            core = docx.Document(str(target)).core_properties
            assert core.title == DOCX_TITLES[kind, lang]
            assert core.author == "Atelier"
            assert core.language == ("fr-FR" if lang == "fr" else "en-GB")
            for leftover in (
                core.comments,
                core.subject,
                core.keywords,
                core.category,
                core.last_modified_by,
                core.content_status,
                core.identifier,
                core.version,
            ):
                assert leftover == "", (target.name, leftover)
            assert core.last_printed is None
            assert _written_between(core.created, before, after), core.created
            assert core.modified == core.created
            with zipfile.ZipFile(target) as archive:
                names = archive.namelist()
                app = archive.read("docProps/app.xml").decode()
                every_property = archive.read("docProps/core.xml").decode() + app
            assert not any("thumbnail" in name for name in names)  # a blank page's picture
            assert "Macintosh" not in app and "<Words>" not in app
            for personal in ("Jeanne", "Modèle", "privé", "Brouillon", "Perso", "2013"):
                assert personal not in every_property, (target.name, personal)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_workbook_describes_itself_in_its_language(lang: str, tmp_path: Path) -> None:
    target = tmp_path / f"atelier-{lang}.xlsx"
    done = run_cli("export", str(EXAMPLE), "--xlsx", str(target), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    properties = openpyxl.load_workbook(target).properties
    assert properties.title == TITLE
    assert properties.creator == "Atelier"
    assert properties.language == ("fr-FR" if lang == "fr" else "en-GB")
    assert not (
        properties.description or properties.subject or properties.keywords or properties.lastModifiedBy
    )

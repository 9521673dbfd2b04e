"""The « Pourquoi » of the minutes, the window and the projector is one sentence a staff member
could send: which words of the need meet which words of the offer, each quoted as written
there, and why they meet (the same words, the same theme, the same meaning)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from atelier.domain import Reason, ReasonKind
from atelier.french import fold
from atelier.reasons import say, say_all

from .conftest import ROOT, run_cli

NB = "\u00a0"
EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def test_each_kind_of_reason_names_the_words_of_both_sides() -> None:
    offer = Reason(ReasonKind.OFFER, ("Club d'entreprises",), need="entreprises")
    assert say(offer, "fr") == (
        f"Le besoin dit «{NB}entreprises{NB}», l'offre aussi{NB}: «{NB}Club d'entreprises{NB}»"
    )
    assert say(offer, "en") == "The need says “entreprises”, and so does the offer: “Club d'entreprises”"
    # What both say, not what the resource is about: a verb in common is no topic.
    verb = Reason(ReasonKind.ACTION, ("appuie",), need="appuyer")
    assert say(verb, "fr") == f"Le besoin dit «{NB}appuyer{NB}», l'action aussi{NB}: «{NB}appuie{NB}»"
    assert say(verb, "en") == "The need says “appuyer”, and so does the action: “appuie”"
    same = Reason(ReasonKind.OFFER, ("Règlement d'intervention",), need="règlements d'intervention")
    assert "«\u00a0règlements d'intervention\u00a0»" in say(same, "fr")
    alike = Reason(ReasonKind.OFFER, ("forum emploi",), need="Forum emploi")
    assert say(alike, "fr") == f"Le besoin et l'offre disent tous deux «{NB}forum emploi{NB}»"
    topic = Reason(ReasonKind.TOPIC, term="financement", need="financement", resource="aides de la Région")
    assert say_all([Reason(ReasonKind.OFFER), topic], "fr", kind=False) == [
        f"Le besoin dit «{NB}financement{NB}», l'offre «{NB}aides de la Région{NB}»{NB}: "
        "même thème (financement)"
    ]
    # The resource is named as what it is: an action already run, a shared challenge.
    assert say_all([Reason(ReasonKind.ACTION), topic], "fr", kind=False)[0].startswith(
        f"Le besoin dit «{NB}financement{NB}», l'action «{NB}aides"
    )
    assert say_all([Reason(ReasonKind.CHALLENGE), topic], "en", kind=False) == [
        "The need says “financement”, the challenge “aides de la Région”: same theme (funding)"
    ]
    neighbour = Reason(
        ReasonKind.NEIGHBOUR,
        term="partage d'expériences",
        need="Partage de pratiques",
        resource="faire du lien",
        detail="coopération",
    )
    assert say(neighbour, "fr") == (
        f"Le besoin dit «{NB}Partage de pratiques{NB}», l'offre «{NB}faire du lien{NB}»{NB}: "
        "thèmes voisins (partage d'expériences, coopération)"
    )
    meaning = Reason(ReasonKind.MEANING, need="durant", resource="pendant")
    assert say(meaning, "en") == "The need says “durant”, the offer “pendant”: same meaning"
    # Files written before the need's words were kept: the offer's words, still a sentence.
    old = Reason(ReasonKind.OFFER, ("Club d'entreprises",))
    assert say(old, "fr") == f"En commun avec le besoin{NB}: «{NB}Club d'entreprises{NB}»"


def test_the_minutes_say_why_with_the_words_of_the_need_and_of_the_offer(tmp_path: Path) -> None:
    """Exported straight from the example: every « Pourquoi » of the leads quotes words the
    need and the offer really hold (never « Propose justement : entreprises. »)."""
    from docx import Document

    path = tmp_path / "ex.atelier"
    shutil.copy(EXAMPLE, path)
    out = tmp_path / "cr.docx"
    done = run_cli("export", str(path), "--docx", str(out))
    assert done.returncode == 0, done.stderr
    tables = [t for t in Document(str(out)).tables if t.rows and t.rows[0].cells[-1].text == "Pourquoi"]
    assert tables
    rows = [row for table in tables for row in table.rows[1:]]
    assert len(rows) >= 10
    for row in rows:
        need, offer, why = (c.text for c in row.cells[:3])
        assert why.startswith("Le besoin") and why.endswith("."), why
        assert "Propose justement" not in why and "↔" not in why, why
        quoted = re.findall(f"«{NB}(.+?){NB}»", why)
        assert quoted, why
        if why.startswith("Le besoin dit"):
            need_words, offer_words = quoted[0], quoted[1]
            assert fold(need_words) in fold(need), (need_words, need)
            assert fold(offer_words) in fold(offer), (offer_words, offer)
        else:  # « Le besoin et l'offre disent tous deux « … » »
            assert all(fold(q) in fold(offer) and fold(q) in fold(need) for q in quoted), (quoted, why)

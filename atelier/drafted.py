"""The minutes' drafted synthesis: its sections by name, in the documents' two languages, and
the figures a section's text states, what the minutes compare to know whether a section the
facilitator edited still says what the grid says (no Qt, nothing heavy: the store's migration
and the draft both read it)."""

from __future__ import annotations

import re
from typing import Any

# The draft's headings in the documents' two languages: (French, English).
HEADINGS: dict[str, tuple[str, str]] = {
    "context": ("Le contexte", "The context"),
    "actions": ("Ce qui est déjà engagé", "What is already under way"),
    "challenges": ("Les défis à relever", "The challenges ahead"),
    "needs": ("Les besoins de ressources", "The needs for resources"),
    "observations": ("Des observations à retenir", "Observations worth keeping"),
    "offers": ("Ce que la salle peut apporter", "What the room can offer"),
}


def heading_of(key: str, lang: str = "fr") -> str:
    return HEADINGS[key][1 if lang == "en" else 0]


def draft_heading_key(heading: str) -> str | None:
    """Which of the draft's headings `heading` is, in either language (None: the facilitator's)."""
    return next((key for key, both in HEADINGS.items() if heading in both), None)


# A figure: digits, thousands apart as either language writes them (« 1 200 », « 1,200 »), and
# the word it counts (« 22 participants »); « Un seul besoin », « Only one need » say 1. An
# anonymised name's number (« Région N-A n° 2 ») is no figure of the grid.
_FIGURE = re.compile(r"(\d+(?:[\u202f\u00a0,]\d{3})*)[\s\u202f\u00a0]*(\w*)")
_ONE = re.compile(r"\b(?:une? seule?|only one|a single)\s+(\w+)", re.IGNORECASE)
_NUMBERED = re.compile(r"\bn°\s*\d+|\bno\.\s*\d+")


def facts_of(text: str) -> list[str]:
    """The figures `text` states, each with the word it counts (« 22 participants »), sorted
    (the same whichever order the sentences give them)."""
    text = _NUMBERED.sub(" ", text)
    found = [
        f"{re.sub(r'[^0-9]', '', m.group(1))} {m.group(2).lower()}".strip() for m in _FIGURE.finditer(text)
    ]
    found += [f"1 {m.group(1).lower()}" for m in _ONE.finditer(text)]
    return sorted(found)


# When the draft says the matches were decided (atelier.synthesis, answers): not a figure, yet
# « Chacun des 5 besoins a donné lieu à une mise en relation depuis l'atelier » is no longer true
# once those decisions are dated back to the workshop's day, with the same 5.
_WHEN = re.compile(r"\b(?:pendant|depuis) l['’]atelier\b|\b(?:during|since) the workshop\b", re.IGNORECASE)


def when_of(text: str) -> list[str]:
    """When `text` says things happened, « pendant l'atelier » or « depuis l'atelier » (English
    « during / since the workshop »), each time it says it, sorted."""
    return sorted(m.group(0).lower().replace("’", "'") for m in _WHEN.finditer(text))


def figures_of(text: str) -> dict[str, Any]:
    """What the minutes compare of a drafted text to know whether an edited section still says
    what the grid says: its figures (`facts_of`) and when it says things happened (`when_of`)."""
    return {"facts": facts_of(text), "when": when_of(text)}


def drafted_record(key: str, heading: str, text: str) -> dict[str, Any]:
    """What a section keeps of Atelier's draft (SynthesisSection.drafted)."""
    return {"key": key, "heading": heading, "text": text, **figures_of(text)}

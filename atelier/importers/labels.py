"""One grid column for both needs and offers (« Besoins / Ressources »): each line read by its
own label (« B : », « Besoin : », « R : », « Ressource : », « Offre : », « Je peux apporter … »)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from atelier.importers.cells import cell_lines, clean, unbulleted

NEED, OFFER = "need", "offer"

# A header naming two kinds joined: « Besoins / Ressources », « Besoins et ressources »,
# « Besoins & offres ». « J'ai besoin de ressources sur… » (one phrase) is the need column.
_HEADER_PARTS = re.compile(r"\s*/\s*|\s+et\s+|\s*&\s*|\s*\+\s*|\s+-\s+|\s*,\s*|\s+and\s+")

_COLON = r"\s*[:：]\s*"
_E = "[eéèêë]"
_NEED_LABELS = re.compile(
    rf"^(?:\(?b\)?|besoins?(?:\s+(?:de|en|sur))?|je\s+cherche|recherche|cherche|demandes?|needs?)"
    rf"{_COLON}|^j'ai\s+besoin\s+(?:de\s+|d'|d’)\s*",
    re.IGNORECASE,
)
_OFFER_LABELS = re.compile(
    rf"^(?:\(?[ro]\)?|ressources?|offres?|apports?|propose|je\s+propose|p{_E}ut\s+apporter"
    rf"|je\s+peux(?:\s+(?:apporter|proposer|partager|{_E}tre\s+ressource\s+sur))?|can\s+offer|offers?)"
    rf"{_COLON}|^(?:je\s+peux\s+(?:apporter|proposer|partager|{_E}tre\s+ressource\s+sur|aider\s+sur)"
    rf"|nous\s+pouvons\s+apporter|je\s+propose)\s+",
    re.IGNORECASE,
)


def both_kinds(header: str) -> str | None:
    """When a column's header names needs and offers as two things (« Besoins /
    Ressources »), so that each line of its cells says which it is: the kind it names first
    (what a line without a label is read as); else None."""
    from atelier.importers.grid import header_scores

    kinds: list[str] = []
    for part in _HEADER_PARTS.split(clean(header)):
        scores = header_scores(part)
        best = max(scores, key=lambda kind: scores[kind])
        if scores[best] > 0:
            kinds.append(best)
    return kinds[0] if {NEED, OFFER} <= set(kinds) and kinds[0] in (NEED, OFFER) else None


def label_kind(line: str) -> tuple[str | None, str]:
    """The kind a line's label says and the line without it; (None, line) without a label."""
    text = unbulleted(line.strip())
    for kind, labels in ((NEED, _NEED_LABELS), (OFFER, _OFFER_LABELS)):
        found = labels.match(text)
        if found:
            return kind, text[found.end() :].strip()
    return None, line


@dataclass(slots=True)
class Labelled:
    """A cell of a column of both kinds, its lines by kind, and those no label placed."""

    texts: dict[str, list[str]] = field(default_factory=dict)  # kind -> its lines, in order
    unlabelled: list[str] = field(default_factory=list)


def by_label(raw: str, default: str) -> Labelled:
    """Each line of `raw` under the kind its label says. A label alone on its line
    (« Ressources : ») heads the lines under it; a line after an item with a label of its own
    and none itself is unlabelled, put under `default` and listed in `unlabelled`."""
    found = Labelled()
    heading: str | None = None
    for is_li, line in cell_lines(raw):
        if not clean(line):
            continue
        kind, rest = label_kind(line)
        if kind is not None:
            heading = kind if not clean(rest) else None
            if clean(rest):
                found.texts.setdefault(kind, []).append(rest)
            continue
        if heading is not None:
            found.texts.setdefault(heading, []).append(f"- {line.strip()}" if is_li else line)
            continue
        found.texts.setdefault(default, []).append(f"- {line.strip()}" if is_li else line)
        found.unlabelled.append(unbulleted(clean(line)))
    return found

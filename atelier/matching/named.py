"""Structures a need names: « exemple de la Cité de l'emploi » when the Cité de l'emploi à
Tarbes is in the room. Such a need asks for that very participant, whatever words their
statements share with it (`Engine.suggest` puts them among its suggestions, with a reason
saying so: `ReasonKind.CITED`).

A structure is named by its name as the grid writes it (« Cité de l'emploi à Tarbes »), that
name before where it is (« Cité de l'emploi »), or its acronym (« CREPI »). A kind of structure
many share (« mission locale », « PLIE », « la Région », « CC ») names nobody in particular,
and neither does a name more than MOST_NAMED participants answer to, nor the speaker's own.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from atelier.french import fold

__all__ = ["MOST_NAMED", "StructureNames"]

# A name that more participants than this answer to is a kind of structure, not one of them.
MOST_NAMED = 3
_LONGEST = 10  # words of the longest name looked for
_WORD = re.compile(r"[^\W_]+")
# Where a structure's name ends and its place begins: « Cité de l'emploi à Tarbes »,
# « Mission locale - Dax », « PLIE (Graves) ».
_PLACE = re.compile(r"\s+(?:à|au|aux|en)\s+|\s+[-–—/]\s+|\s*[(,;]")
_LINKS = frozenset(
    ["de", "du", "des", "d", "la", "le", "les", "l", "et", "a", "au", "aux", "en", "sur", "pour", "un", "une"]
)
# Kinds of structures (folded): a need naming one names no structure in particular.
_KINDS = frozenset(
    " ".join(_WORD.findall(fold(kind)))
    for kind in (
        "mission locale",
        "missions locales",
        "ML",
        "PLIE",
        "MDE",
        "MDEF",
        "maison de l'emploi",
        "maison de l'emploi et de la formation",
        "pôle emploi",
        "France Travail",
        "cap emploi",
        "service public de l'emploi",
        "SPE",
        "région",
        "conseil régional",
        "département",
        "conseil départemental",
        "CD",
        "CR",
        "CC",
        "CA",
        "CU",
        "communauté de communes",
        "communauté d'agglomération",
        "communauté urbaine",
        "agglomération",
        "agglo",
        "métropole",
        "EPCI",
        "commune",
        "mairie",
        "ville",
        "préfecture",
        "sous-préfecture",
        "État",
        "DDETS",
        "DREETS",
        "DIRECCTE",
        "GIP",
        "CCI",
        "CMA",
        "chambre d'agriculture",
        "chambre de commerce et d'industrie",
        "PNR",
        "parc naturel régional",
        "pays",
        "PETR",
        "association",
        "SIAE",
        "TPE",
        "PME",
        "EHPAD",
        "ESAT",
        "ACI",
        "IAE",
        "ESS",
        "entreprise",
        "centre social",
        "CCAS",
        "CIAS",
    )
)


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


def _names(structure: str) -> list[tuple[tuple[str, ...], bool]]:
    """The names a structure answers to, folded, each with whether it is an acronym (to be
    found written in capitals)."""
    names: list[tuple[tuple[str, ...], bool]] = []
    for name in (structure, _PLACE.split(structure, maxsplit=1)[0]):
        words = _words(name)
        while words and words[0] in _LINKS:
            words = words[1:]
        meaningful = [w for w in words if w not in _LINKS]
        if len(meaningful) >= 2 and " ".join(words) not in _KINDS and len(words) <= _LONGEST:
            names.append((words, False))
    # An acronym that is the whole name (« CREPI ») or the name's, in brackets (« … (CREPI) »);
    # not one inside a longer name (« EHPAD Les Genêts », « pôle RH TPE-PME »): a kind.
    whole = re.fullmatch(r"\s*([A-Z][A-Z0-9]{2,})\s*", _PLACE.split(structure, maxsplit=1)[0])
    bracketed = re.findall(r"\(\s*([A-Z][A-Z0-9]{2,})\s*\)", structure)
    for acronym in ([whole.group(1)] if whole else []) + bracketed:
        if fold(acronym) not in _KINDS:
            names.append(((fold(acronym),), True))
    return names


# A place written right after a structure's name: « de Belfort », « à Tarbes », « d'Agen »,
# « - Dax », « (Landes) »: a capital after the little word, the way places are written.
_PLACE_AFTER = re.compile(
    r"\s*(?:(?:de|du|des|à|au|aux|en)\s+(?:la\s+|le\s+|les\s+|l['’]\s*)?|d['’]\s*|[-–—]\s*|\(\s*)"
    r"([A-ZÀ-ÖØ-Þ][^\W_]*)"
)


def _place_after(rest: str) -> tuple[str, int]:
    """The place `rest` starts with (folded) and where it ends in `rest`, or ("", 0)."""
    found = _PLACE_AFTER.match(rest)
    return (fold(found.group(1)), found.end()) if found else ("", 0)


class StructureNames:
    """Which participants of a workshop a text names by their structure."""

    def __init__(self, structures: Iterable[tuple[str, str]]) -> None:
        """`structures`: (participant id, structure as written)."""
        found: dict[tuple[tuple[str, ...], bool], set[str]] = defaultdict(set)
        structures_seen = [(pid, structure) for pid, structure in structures if structure]
        for participant_id, structure in structures_seen:
            if structure and structure.strip():
                for name in _names(structure):
                    found[name].add(participant_id)
        self._names = {name: frozenset(who) for name, who in found.items() if len(who) <= MOST_NAMED}
        # Every word of each structure's whole name, its place too (« tarbes »).
        self._words = {pid: frozenset(_words(structure)) for pid, structure in structures_seen}
        self._longest = max((len(words) for words, _ in self._names), default=0)
        self._first = frozenset(words[0] for words, _ in self._names)  # where a name may start

    def named(self, text: str, speaker: str) -> dict[str, str]:
        """Participant id -> the name as `text` writes it, for each participant `text` names
        (never `speaker`, nor anyone when it names the speaker's own structure)."""
        if not self._names:
            return {}
        words = tuple(_WORD.findall(fold(text)))
        if self._first.isdisjoint(words):
            return {}
        spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        if len(words) != len(spans):  # folding changed the words: read them one by one
            words = tuple(fold(text[a:b]) for a, b in spans)
        found: dict[str, str] = {}
        start = 0
        while start < len(words):
            if words[start] not in self._first:
                start += 1
                continue
            taken = 0
            for length in range(min(self._longest, len(words) - start), 0, -1):
                piece = words[start : start + length]
                who = self._names.get((piece, False))
                if who is None and length == 1 and text[spans[start][0] : spans[start][1]].isupper():
                    who = self._names.get((piece, True))
                if who is None:
                    continue
                if speaker in who:
                    taken = length  # the speaker's own structure: nobody else
                    break
                end = spans[start + length - 1][1]
                place, after = _place_after(text[end:])
                for participant_id in who:
                    if not place:
                        found.setdefault(participant_id, text[spans[start][0] : end])
                    elif place in self._words.get(participant_id, frozenset()):
                        # « la Cité de l'emploi de Tarbes »: named with its place, said so
                        found.setdefault(participant_id, text[spans[start][0] : end + after])
                    # else « la Cité de l'emploi de Belfort »: not the one of Tarbes
                taken = length
                break
            start += max(taken, 1)
        return found

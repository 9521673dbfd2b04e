"""Split a participant cell ("Maxime Roby / PETR Monts et barrages") into its parts.

Real cells mix people, structures, places and roles in any order. The split is a
best effort: the cell is always kept verbatim beside it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Any

from atelier.domain import Participant, read_attendance
from atelier.french import fold
from atelier.importers.cells import clean, unbulleted
from atelier.importers.places import is_departement_or_region

# Care and medico-social establishments, written before the person who works there
# (« EHPAD Les Tilleuls - Marie Dupont », « Crèche Les Petits Pas Anne Martin »): the
# structure, never a person (« Crèche » was a first name, « Anne Martin Crèche Les » a person).
_CARE = frozenset(
    {"ehpad", "ehpa", "clinique", "hôpital", "hopital", "hôpitaux", "hopitaux", "chu"}
    | {"crèche", "creche", "ssiad", "spasad", "ime", "esat", "itep", "sessad", "samsah"}
)

# Words that start the name of a structure, not of a person.
STRUCTURE_WORDS = {
    "petr",
    "plie",
    "cc",
    "cdc",
    "cda",
    "ca",
    "cu",
    "epci",
    "sem",
    "scic",
    "scop",
    "gip",
    "ccas",
    "mde",
    "mdef",
    "spe",
    "dreets",
    "direccte",
    "ddets",
    "crefop",
    "adsi",
    "ciap",
    "crepi",
    "agglo",
    "agglomération",
    "agglomeration",
    "communauté",
    "communaute",
    "commune",
    "mairie",
    "ville",
    "métropole",
    "metropole",
    "département",
    "departement",
    "région",
    "region",
    "syndicat",
    "maison",
    "mission",
    "pôle",
    "pole",
    "cité",
    "cite",
    "association",
    "réseau",
    "reseau",
    "service",
    "direction",
    "conseil",
    "chambre",
    "cci",
    "cma",
    "fédération",
    "federation",
    "groupement",
    "collectif",
    "club",
    "espace",
    "plateforme",
    "plate-forme",
    "centre",
    "institut",
    "office",
    "agence",
    "france",
    "pays",
    "grand",
    "grande",
    "préfecture",
    "prefecture",
    "université",
    "universite",
    "lycée",
    "lycee",
    "entreprise",
    "société",
    "societe",
    "fondation",
    "coopérative",
    "cooperative",
    "tzcld",
    "pnr",
    "afpa",
    "apec",
    "cap",
    "groupe",  # « Groupe SOS », « Groupe La Poste »
    "emmaüs",  # « Emmaüs Connect », « Emmaüs Solidarité »: no word of French to tell them
    "emmaus",
    "restos",  # « Restos du Cœur »
    "sarl",
    "sas",
    "sasu",
    "eurl",
    *_CARE,
}

# Where a role starts ("chargée de mission …", "2ème adjoint au maire …").
ROLE_PATTERN = re.compile(
    r"\b(?:\d+(?:e|è|ème|er|ère)\s+)?(?:"
    r"chef(?:fe)?\s+de\s+projets?|chargée?s?\s+de\s+(?:mission|projet|développement)|"
    r"adjointe?s?|vice[- ]président(?:e)?|président(?:e)?|maire|élue?s?|conseill(?:er|ère)|"
    r"direct(?:eur|rice)|responsable|coordinat(?:eur|rice)|animat(?:eur|rice)|"
    r"délégué(?:e)?|chargé(?:e)?|technicien(?:ne)?|facilitat(?:eur|rice)|"
    r"professionnel(?:le)?|consultant(?:e)?|stagiaire|étudiant(?:e)?|référent(?:e)?|"
    r"assistant(?:e)?|gestionnaire|secrétaire|bénévole|agent(?:e)?|sous-pr[ée]f(?:et|[èe]te)|préfet|"
    r"dg[as]?|dgs"
    r")\b",
    re.IGNORECASE,
)

# Role words that are also adjectives: after another word, part of a structure's name
# (« Lycée professionnel … », « Centre de formation professionnelle »), not a function.
_ADJECTIVE_ROLES = re.compile(r"professionnel(?:le)?s?", re.IGNORECASE)


def _role_in(segment: str) -> re.Match[str] | None:
    """Where a function starts in a part of the cell: « chargée de mission », « directrice
    de … », « Professionnelle de l'insertion »; never at « professionnel » inside a name."""
    for match in ROLE_PATTERN.finditer(segment):
        if match.start() > 0 and _ADJECTIVE_ROLES.fullmatch(match.group()):
            continue
        return match
    return None


_SEPARATORS = re.compile(r"\s+[/|–—-]\s+|\s*[/–—]\s*|,\s+|\s*;\s*")  # « – », « — » even unspaced
_PEOPLE_JOIN = re.compile(r"\s+(?:et|&|and)\s+|\s*\+\s*")
_PARTICLES = {"de", "du", "des", "d'", "la", "le", "les", "l'", "en", "sur", "à", "au", "aux"}
_ARTICLES = {"le", "la", "les", "l'", "l’"}
_NAME_PARTICLES = {"de", "du", "le", "la", "van", "von", "da", "di", "ben", "el", "d'"}


@dataclass(slots=True)
class ParsedParticipant:
    names: list[str] = field(default_factory=list)
    organisation: str = ""
    territory: str = ""
    role: str = ""
    source_text: str = ""
    contact: str = ""  # a column of its own (« Mail », « Téléphone »), or an e-mail / phone in the cell
    # Not in the room, as the cell says (« (excusé) », « absente »): EXCUSED, ABSENT or "".
    away: str = ""
    # Stood in for (« Julie Petit (absente, représentée par Marc Roux) »): the people who were
    # away, who stay `names` (what the row holds is theirs), and who came instead; and the
    # words that said it.
    stood_in_for: list[str] = field(default_factory=list)
    stand_in: str = ""  # who came instead: in `names` only when the row names no one else
    attendance_said: str = ""


def _plain(word: str) -> str:
    return fold(word)


@lru_cache(maxsize=16384)  # asked of the same words again and again
def _is_structure(word: str) -> bool:
    bare = word.strip("()\"'«» .,")
    parts = [bare, *bare.split("-")] if "-" in bare else [bare]
    return any(p.lower() in STRUCTURE_WORDS or _plain(p) in STRUCTURE_WORDS for p in parts)


@lru_cache(maxsize=16384)  # asked of the same words again and again
def _is_upper_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper() and not _is_upper_word(word)


# Said before a name, not part of it (« Mme LEROY Lucie », « Dr Fatou Ndiaye »), as
# matching.across reads it: the name kept is the person's, « Fatou Ndiaye ».
_CIVILITIES = frozenset(
    {"m", "mr", "mme", "mmes", "mlle", "melle", "madame", "monsieur", "mademoiselle"}
    | {"dr", "docteur", "pr", "professeur", "me", "maitre"}
)


def _is_civility(word: str) -> bool:
    """« M. », « Mme », « Dr », « Pr. », « Me »: a civility, with or without its dot."""
    return fold(word).rstrip(".") in _CIVILITIES


def _civility_before_name(words: list[str], index: int) -> bool:
    """Whether `words[index]` is a civility before a whole name, a first name and a surname
    (« Mme Anne Martin », « Dr Fatou Ndiaye »): dropped from the name. Before a surname alone
    (« Mme Martin ») it stays, the only word saying the row is a person."""
    return (
        index + 2 < len(words)
        and _is_civility(words[index])
        and all(_is_capitalised(w) or _is_upper_word(w) for w in words[index + 1 : index + 3])
        and not any(_is_structure(w) for w in words[index + 1 : index + 3])
    )


def _take_people(words: list[str]) -> tuple[list[str], int]:
    """People at the start of `words`: "Prénom Nom", "Prénom NOM", joined by et/&.

    Returns the names and how many words they used.
    """
    names: list[str] = []
    index = 0
    while index < len(words):
        start = index
        if _civility_before_name(words, index):
            index += 1  # « Mme Anne Martin » is « Anne Martin »
        first = words[index]
        if not _is_capitalised(first) or _is_structure(first) or ROLE_PATTERN.fullmatch(first):
            break
        if _is_civility(first) and index + 1 < len(words) and words[index + 1] in ("la", "le", "l'", "l’"):
            break  # « Mme la Maire de Blaye », « M. le Directeur »: a function, no name
        if (couple := _couple(words, index)) is not None:
            names += couple  # « M. et Mme Martin »: two people, the surname written once
            index += 4
            break
        index += 1
        surname: list[str] = []
        if (shared := _sharing_a_surname(words, index)) is not None:
            # « Karine et Luc Blanc »: two people of one family, the surname written once.
            more, used = shared
            names += [" ".join([first, *more[0].split()[1:]]), *more]
            index += 1 + used
            break
        while index < len(words):
            word = words[index]
            if word.lower() in ("et", "&", "and", "+") or word.startswith("("):
                break  # « Anne Roux (CD 33) »: what a parenthesis holds is no part of her name
            if _is_structure(word) or ROLE_PATTERN.fullmatch(word):
                break
            if _is_upper_word(word):
                surname.append(word)
                index += 1
                # After "NOM", only more capitals belong to the surname.
                while index < len(words) and _is_upper_word(words[index]) and not _is_structure(words[index]):
                    surname.append(words[index])
                    index += 1
                break
            if surname and _compass(word):
                break  # « Anne Martin Sud Landes »: the area she is from, after her name
            if fold(word) in _NEVER_SURNAMES or _compass(word):
                # « Victor Hugo Emploi »: a structure named after someone; « Colas Sud-Ouest »:
                # a firm and the part of the country it covers.
                surname = []
                break
            if _ELIDED_NAME.fullmatch(word):  # « d'Arcy », « d'Estaing »: a surname
                if index + 1 < len(words) and fold(words[index + 1]) in _NEVER_SURNAMES:
                    surname = []  # « Jeanne d'Arc Formation »: a structure named after her
                    break
                surname.append(word)
                index += 1
                break
            if _is_capitalised(word) or word.lower() in _NAME_PARTICLES and surname == []:
                last = index + 1 == len(words)
                if (
                    word.lower() in _NAME_PARTICLES
                    and not (index + 1 < len(words) and _is_capitalised(words[index + 1]))
                    # « Aïcha Ben », « Ali El »: a short surname, written last after a known
                    # first name (« Anne de … » stays unread: a particle in lower case).
                    and not (last and not surname and _is_capitalised(word) and _is_first_name(first))
                ):
                    break
                surname.append(word)
                index += 1
                if len(surname) >= 3:
                    break
                continue
            break
        # "Bindi Mont de Marsan": a capitalised word followed by a place particle
        # starts a place, not a surname.
        while (
            len(surname) > 1
            and index < len(words)
            and words[index].lower() in _PARTICLES
            and not _is_upper_word(surname[-1])
        ):
            surname.pop()
            index -= 1
        if not surname:
            index = start
            break
        names.append(" ".join([first, *surname]))
        joined = index < len(words) and words[index].lower() in ("et", "&", "and", "+")
        if joined and index + 1 < len(words) and _is_capitalised(words[index + 1]):
            index += 1
            continue
        break
    return names, index


_ELIDED_NAME = re.compile(r"[dD]['’][^\W\d_a-z][\w'’-]*")
# Words of the trade no surname is, written after a name to make a structure's (« Victor Hugo
# Emploi », « Jean Moulin Formation », « Louise Michel Solidarités »), folded.
_NEVER_SURNAMES = frozenset(
    {"emploi", "emplois", "insertion", "formation", "formations", "interim", "solidarite", "solidarites"}
    | {"services", "entreprises", "competences", "jeunesse", "handicap", "travail", "initiatives"}
    | {"habitat", "nationale"}
)


# The points of the compass, which a firm's or a service's name ends with to say the part of
# the country it covers (« Colas Sud-Ouest », « Eiffage Nord », « Orange Grand Ouest »).
_COMPASS = frozenset({"nord", "sud", "est", "ouest"})


def _compass(word: str) -> bool:
    """« Sud-Ouest », « Nord »: right after a first name, the part of the country a firm
    named so covers, never a surname."""
    return all(part in _COMPASS for part in fold(word).split("-"))


def _couple(words: list[str], index: int) -> list[str] | None:
    """« M. et Mme Martin », « Mme et M. Petit » at `index`: the two people, each with the
    civility and the surname (« M. Martin », « Mme Martin »); None when not written so."""
    if not (
        index + 3 < len(words)
        and _is_civility(words[index])
        and words[index + 1].lower() in ("et", "&")
        and _is_civility(words[index + 2])
        and (_is_capitalised(words[index + 3]) or _is_upper_word(words[index + 3]))
        and not _is_structure(words[index + 3])
        and not ROLE_PATTERN.fullmatch(words[index + 3])
    ):
        return None
    surname = words[index + 3]
    return [f"{words[index]} {surname}", f"{words[index + 2]} {surname}"]


def _sharing_a_surname(words: list[str], index: int) -> tuple[list[str], int] | None:
    """« Karine et Luc Blanc »: a known first name alone (`words[index - 1]`), « et », then a
    known first name and a surname: the people after « et » (« Luc Blanc ») and how many words
    they use, the first one's surname being the first name's too; None when the words are not
    written so (« Anne et Julien », « Anne Martin et … »)."""
    if not (
        0 < index < len(words) - 2
        and words[index].lower() in ("et", "&", "and")
        and _is_first_name(words[index - 1])
        and _is_first_name(words[index + 1])
    ):
        return None
    more, used = _take_people(words[index + 1 :])
    if not more or len(more[0].split()) < 2 or more[0].split()[0] != words[index + 1]:
        return None
    return more, used


@cache
def first_names() -> frozenset[str]:
    """French first names, folded (atelier/resources/names/prenoms.txt, from Faker's lists)."""
    from atelier.paths import resources_dir

    text = (resources_dir() / "names" / "prenoms.txt").read_text(encoding="utf-8")
    return frozenset(fold(line) for line in text.splitlines() if line and not line.startswith("#"))


@cache
def rare_first_names() -> frozenset[str]:
    """The first names of `first_names` that are rarely given (atelier/resources/names/
    prenoms-rares.txt: « Colas », « Chanel », « Zara »), folded: alone in a cell, such a word
    may as well name a firm or a brand."""
    from atelier.paths import resources_dir

    text = (resources_dir() / "names" / "prenoms-rares.txt").read_text(encoding="utf-8")
    return frozenset(fold(line) for line in text.splitlines() if line and not line.startswith("#"))


# « M. le Maire », « Mme la Présidente », « Monsieur le Directeur », « Le Maire de Dax »: a
# function said with its article, a civility before it or not: no one's name.
_FUNCTION_SAID = re.compile(r"(?:(?:M\.?|Mr\.?|Mme|Monsieur|Madame)\s+)?(?:le|la|l['’])\s*", re.IGNORECASE)


def function_said(cell: str) -> bool:
    """Whether a cell says a function with its article, and no name (« M. le Maire », « Mme la
    Présidente »): in a column of people too, a function, never a person named « le Maire »
    (« Mme Maire » is Mme Maire)."""
    text = clean(cell)
    found = _FUNCTION_SAID.match(text)
    return found is not None and ROLE_PATTERN.match(text, found.end()) is not None


def lone_name_to_check(parsed: ParsedParticipant | Any) -> str:
    """A person read from a rarely given first name alone, with no surname or civility to say
    it is a person's (« Colas / PLIE »: the building firm Colas, or Colas of the PLIE?
    « Chanel »): that name, for the import's report to say it needs checking; "" when none is,
    or when the cell said it is a first name (« Prénom : Colas »)."""
    for name in parsed.names:
        if " " not in name and fold(name) in rare_first_names():
            return "" if _labelled(parsed.source_text or name) else name
    return ""


def _is_first_name(word: str) -> bool:
    """« Anne », « Marie-Claire » (each part a first name), written with a capital."""
    return (
        _is_capitalised(word)
        and not _is_structure(word)
        and all(fold(part) in first_names() for part in word.split("-"))
    )


def _first_names_alone(segment: str) -> list[str]:
    """« Anne », « Anne et Julien »: the first names a segment holds, when it holds nothing else."""
    parts = [p for p in _PEOPLE_JOIN.split(segment.strip()) if p]
    if parts and all(len(p.split()) == 1 and _is_first_name(p) for p in parts):
        return parts
    return []


def _surname_first(segment: str) -> list[str]:
    """« LEROY Lucie », « LE PRIOL Jacques et MARTIN Anne »: people written as attendance lists
    write them, the surname in capitals then a known first name, as written; [] when the
    segment holds anything else (« PLIE Lucie », « CCAS Anne »: a structure's word or an
    acronym first)."""
    from atelier.store.directory import acronyms

    people = []
    for part in _PEOPLE_JOIN.split(segment.strip()):
        words = part.split()
        civility = 1 if len(words) > 2 and _is_civility(words[0]) else 0
        words = words[civility:]  # « Mme LEROY Lucie » is « LEROY Lucie »
        surname = 0
        while surname < len(words) and _is_upper_word(words[surname]):
            word = words[surname]
            if _is_structure(word) or fold(word.strip("()")) in acronyms():
                return []
            surname += 1
        first = words[surname:]
        initial = len(first) == 1 and bool(_INITIALS.fullmatch(first[0]))  # « MARTIN A. »
        if not surname or not 1 <= len(first) <= 2 or not (initial or all(_is_first_name(w) for w in first)):
            return []
        people.append(" ".join(words))
    return people


# Where a person may start in a cell: its start, after a separator (« / », « , », « - »,
# « ( »), after « et », « & ».
_STARTS = frozenset({"/", "//", "|", "-", "–", "—", ";", "et", "&", "and", "+"})
_LOWER_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _capitalised_people(text: str) -> str:
    """The cell with the names typed in lower case capitalised, as a facilitator typing live
    skips capitals: « élodie Mérignac / Mission locale » → « Élodie Mérignac / … », « jean
    dupont, directeur » → « Jean Dupont, directeur ». Only a known first name (case aside)
    starting a part of the cell, followed by a surname (capitalised, or in lower case and no
    structure's, role's or linking word): a word alone (« aude ») or before a common noun
    (« rose des vents ») is left as typed. Only the case changes: the cell keeps its length."""
    tokens = list(re.finditer(r"\S+", text))
    chars = list(text)
    for position, token in enumerate(tokens):
        word = token.group()
        before = tokens[position - 1].group() if position else ""
        starts = not before or before in _STARTS or before.lower() in _STARTS or before[-1] in ",;/("
        word = word.lstrip("(")
        if not starts or not _LOWER_WORD.fullmatch(word) or not word.islower() or position + 1 >= len(tokens):
            continue
        if not all(fold(part) in first_names() for part in word.split("-")) or _is_structure(word):
            continue
        surname = tokens[position + 1].group().rstrip(",;/)")
        if not _LOWER_WORD.fullmatch(surname) or word[-1:] in ",;" or _is_structure(surname):
            continue
        lower = surname.islower()
        if lower and (surname in _PARTICLES or surname in _NAME_PARTICLES or ROLE_PATTERN.fullmatch(surname)):
            continue
        if not (lower or _is_capitalised(surname) or _is_upper_word(surname)):
            continue
        start = token.start() + len(token.group()) - len(word)
        spans = [(start, word)] + ([(tokens[position + 1].start(), surname)] if lower else [])
        for offset, name in spans:
            for part_start in [0] + [i + 1 for i, c in enumerate(name) if c == "-"]:
                capital = name[part_start].upper()
                if len(capital) == 1:
                    chars[offset + part_start] = capital
    return "".join(chars)


def _person_in_capitals(segment: str) -> list[str]:
    """« ANNE MARTIN », « JEAN-PIERRE LE PRIOL »: a whole name typed in capitals, its first
    word a known first name, no word a structure's or an acronym's (« PLIE DU MARSAN »)."""
    from atelier.store.directory import acronyms

    words = segment.split()
    if not 2 <= len(words) <= 4 or not all(_is_upper_word(w) for w in words):
        return []
    if not all(fold(part) in first_names() for part in words[0].split("-")):
        return []
    if any(_is_structure(w) or fold(w) in acronyms() or ROLE_PATTERN.fullmatch(w) for w in words):
        return []
    return [segment.strip()]


def _people_alone(segment: str) -> list[str]:
    """The people a segment of the cell names and nothing else: lone first names (« Anne »,
    « Anne et Julien »), or a whole name whose first name is known or whose surname is in
    capitals (« Anne Martin », « Karim BENALI », « LEROY Lucie »); [] for anything else
    (« Pau », « PLIE », « Val Fleuri »)."""
    if first_names := _first_names_alone(segment):
        return first_names
    if surname_first := _surname_first(segment):
        return surname_first
    if capitals := _person_in_capitals(segment):
        return capitals
    words = segment.split()
    people, used = _take_people(words)
    if not people or used != len(words):
        return []
    for person in people:
        first, *rest = person.split()
        # « Mme Dupont », « M. Petit »: a civility says a person as a known first name does.
        if not (_is_first_name(first) or (rest and (_is_upper_word(rest[-1]) or _is_civility(first)))):
            return []
    return people


def _take_people_at_end(words: list[str]) -> tuple[list[str], int]:
    """ "Maison de l'emploi de Bordeaux Agnès PALLET", « Mission locale de Dax Karim Haddad »,
    « PLIE Sud Landes Anne Roux »: a person written last, after a structure with no sign
    between them. A known first name and a surname make the person when what comes before
    is a structure that ends on its area's name or on an acronym; after a structure's word,
    a particle or a common word (« Lycée Jean Moulin », « Maison de l'emploi Anne Martin »,
    « Centre social Louise Michel »: a place or a structure may be named after someone) the
    cell is left as written, and said to be checked."""
    if (
        len(words) >= 3
        and _is_upper_word(words[-1])
        and _is_capitalised(words[-2])
        and not (_is_structure(words[-2]) or _is_structure_or_acronym(words[-1]))
    ):
        return [f"{words[-2]} {words[-1]}"], len(words) - 2
    if len(words) >= 3 and _first_then_surname(words[-2], words[-1]):
        head = words[:-2]
        civility = 1 if len(head) >= 2 and _is_civility(head[-1]) else 0  # « … Dax Mme Anne Roux »
        last = head[-1 - civility]
        before = fold(head[-2 - civility]).rstrip("'’") if len(head) > 1 + civility else ""
        area = _is_capitalised(last) and not _is_structure(last) and before not in _NAMED_AFTER
        if (
            (area or (_is_upper_word(last) and _is_structure_or_acronym(last)))
            # « Lycée Jean Moulin »: named after someone; « Clinique du Parc Jean Roy »: after
            # « du », the place is named already, the person follows it.
            and (fold(last).rstrip("'’") not in _NAMED_AFTER or before in _PARTICLES)
            and _names_structure(" ".join(head[: len(head) - civility]))
        ):
            return [f"{words[-2]} {words[-1]}"], len(words) - 2 - civility
    return [], len(words)


def _first_then_surname(first: str, surname: str) -> bool:
    """« Karim Haddad », « Anne ROUX »: a known first name, then a word that may be a surname
    (capitalised, no structure's word, no département or région: « Anne Landes » is no one)."""
    return (
        _is_first_name(first)
        and (_is_capitalised(surname) or _is_upper_word(surname))
        and not _is_structure(surname)
        and not is_departement_or_region(surname)
        and fold(surname) not in _AREA_WORDS
        and not any(c.isdigit() for c in surname)
    )


def _is_structure_or_acronym(word: str) -> bool:
    """« PLIE », « CCAS », « MDE »: a structure's word or an acronym the glossary knows."""
    from atelier.store.directory import acronyms

    return _is_structure(word) or fold(word.strip("()")) in acronyms()


# Structures named after the area they cover: "PETR Sud Gironde" covers "Sud Gironde".
TERRITORIAL = {
    "petr",
    "cc",
    "cdc",
    "cda",
    "ca",
    "cu",
    "epci",
    "communauté",
    "communaute",
    "communes",
    "syndicat",
    "mixte",
    "commune",
    "ville",
    "agglo",
    "agglomération",
    "agglomeration",
    "métropole",
    "metropole",
    "département",
    "departement",
    "région",
    "region",
    "plie",
    "mairie",
    "d'agglomération",
    "d'agglomeration",
    "urbaine",  # « Communauté urbaine du Grand Reims »
    "pnr",  # « PNR des Landes de Gascogne », spelled out « Parc naturel régional des … »
}

# « Conseil » names its area only as the Département's or the Région's: « Conseil
# départemental des Landes »; « Conseil de développement », « Conseil local de santé » do not.
_COUNCILS = {"départemental", "departemental", "régional", "regional"}


def is_abbreviation(text: str) -> bool:
    """« N-A », « PACA », « IDF »: a few capitals, which a room far from the region cannot read."""
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters) and not any(c.isdigit() for c in text)


def _territory_from_organisation(organisation: str) -> str:
    """ "PETR Sud Gironde" → "Sud Gironde", "CdC du Bazadais" → "Bazadais"; an area named only
    by its abbreviation keeps the word that says what it is: "Région N-A" → "Région N-A"."""
    words = organisation.split()
    index = _spelled_out(words)
    if index == 0 and len(words) > 2 and words[0].lower() == "conseil" and words[1].lower() in _COUNCILS:
        index = 2
    # « CA de La Rochelle » → « La Rochelle »: a capitalised « La », « Le » starts the place's name.
    capitals = organisation.isupper()  # « PLIE DU MARSAN »: « DU » is a particle as « du » is
    while index < len(words) and (
        words[index].lower() in TERRITORIAL
        or (words[index].lower() in _PARTICLES and words[index].islower())
        or (capitals and index > 0 and words[index].lower() in ("de", "du", "des"))
    ):
        index += 1
    rest = " ".join(words[index:]).strip()
    # « Département de l'Aude » → « Aude », « CC d'Aire-sur-l'Adour » → « Aire-sur-l'Adour »;
    # in capitals, « CC D'AIRE-SUR-L'ADOUR » as well.
    elided = re.match(r"(?:l['’](?=[^\W\d_])|d['’](?=[^\W\d_a-z]))", rest) or (
        re.match(r"[LD]['’](?=[^\W\d_])", rest) if capitals and index > 0 else None
    )
    if elided and index > 0 and not _is_structure(rest[2:].split()[0]):
        rest = rest[2:]
    if fold(rest) == "pays":
        return ""  # « CC du Pays »: the word alone names no area
    if rest and index > 0 and rest[:1].isupper():
        return organisation.strip() if is_abbreviation(rest) else rest
    return ""


# The small words of a place's name, in lower case after its first word (« Mont de Marsan »,
# « Aire-sur-l'Adour », « Saint-Paul-lès-Dax », « Monts et Barrages »).
_PLACE_SMALL_WORDS = frozenset(
    {
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "l",
        "d",
        "sur",
        "sous",
        "en",
        "et",
        "lès",
        "lez",
        "aux",
        "au",
        "à",
    }
)


def _place_cased(area: str, structure: str) -> str:
    """The area a structure written all in capitals is named after, as a place's name is
    written (« PLIE DU MARSAN » is on « Marsan », as « PLIE du Marsan » is, never on
    « MARSAN »: the minutes' territories and their count read both alike); any other area as
    it is. « MONT DE MARSAN » → « Mont de Marsan », « AIRE-SUR-L'ADOUR » → « Aire-sur-l'Adour »,
    « LA ROCHELLE » → « La Rochelle ». An area read as an abbreviation (« RÉGION N-A ») stays."""
    if not area or not structure.isupper() or not area.isupper():
        return area
    if area == structure.strip() and fold(area.split()[0]) not in ("grand", "grande", "pays"):
        return area  # « RÉGION N-A », « CDC MACS »: named by an abbreviation, as written
    parts = re.split(r"([\s\-'’]+)", area.lower())
    for position in range(0, len(parts), 2):
        word = parts[position]
        if word and (position == 0 or word not in _PLACE_SMALL_WORDS):
            parts[position] = word[0].upper() + word[1:]
    return "".join(parts)


def _area(structure: str) -> str:
    """The area a structure is named after: « Grand Dax », « Pays Basque » are theirs (the
    agglomeration's, the Pays'), « PETR du Pays Basque » is on the « Pays Basque »."""
    words = structure.split()
    if len(words) > 1 and fold(words[0]) in ("grand", "grande", "pays"):
        # « Pays et Quartiers d'Aquitaine », an association, names no area
        return "" if words[1].lower() in ("et", "&") else structure.strip()
    return _territory_from_organisation(structure)


# The services of an area, named by what they are then by the area they serve: « Maison de
# l'emploi des Landes », « MDE Landes », « Mission locale du Grand Dax », « Pôle emploi de Dax ».
_SERVICE = re.compile(
    r"(?:maison\s+de\s+l['’]emploi(?:\s+et\s+de\s+la\s+formation)?|mdef?|mission\s+locale|"
    r"cap\s+emploi|p[ôo]le\s+emploi|france\s+travail)(?=\s|$)",
    re.IGNORECASE,
)
# Who a service serves, said in its name before its area (« des Jeunes », « pour l'insertion
# des jeunes »): not the area.
_SERVED_PEOPLE = re.compile(
    r"(?:pour\s+l['’]insertion\s+)?(?:sociale\s+et\s+professionnelle\s+)?des\s+jeunes(?:\s+(?=d)|\s*$)",
    re.IGNORECASE,
)
# « de », « du », « des », « de la », « de l' », « d' » before the area.
_OF_AREA = re.compile(r"(?:de\s+la\s+|de\s+l['’]|d['’]|de\s+|du\s+|des\s+)(?=[^\W\d_])")
# The first word of an area's name written without « de » (« Sud Landes », « Grand Dax »).
_AREA_WORDS = {"grand", "grande", "pays", "nord", "sud", "est", "ouest", "haut", "haute", "bas", "basse"}


def _served_area(structure: str, *, beside_people: bool = False) -> str:
    """The area a service of an area is named after: after « de », « du », « des » (« MDE des
    Landes », « Mission locale du Grand Dax »), or, written without one, a département, a
    région or an area's name (« Maison de l'emploi Landes », « MDEF Nord Landes »); "" for the
    service alone, or when what follows may be a person (« Mission locale Dupont »: a surname
    is no place; « Maison de l'emploi Bordeaux »: nor, for all the name says, a town). When
    the cell named its people apart (`beside_people`: « Karima Haddou / Pôle emploi Langon »),
    a place's name the table knows, no first name, is the town served (« Langon »)."""
    service = _SERVICE.match(structure.strip())
    if service is None:
        return ""
    rest = structure.strip()[service.end() :].strip()
    # « Mission locale des Jeunes du Libournais », « … pour l'insertion des jeunes de … »: who
    # it serves, then its area.
    rest = _SERVED_PEOPLE.sub("", rest, count=1)
    of = _OF_AREA.match(rest)
    area = rest[of.end() :] if of else rest
    words = area.split()
    if not words or not words[0][:1].isupper() or any(c.isdigit() for c in area):
        return ""
    if any(_is_first_name(word) or _is_upper_word(word) for word in words[1:]):
        return ""  # « … des Landes Anne Martin »: a person in it, not only a place
    if of or is_departement_or_region(area):
        return area
    if len(words) > 1 and fold(words[0]) in _AREA_WORDS and not _is_first_name(words[1]):
        return area
    if beside_people and len(words) <= 3 and not _is_first_name(words[0]) and _is_capitalised(words[0]):
        from atelier.territories import is_place_name

        if is_place_name(area):
            return area
    return ""


@cache
def _spelled_acronyms() -> frozenset[tuple[str, ...]]:
    """The words of the acronyms of structures named after their area, spelled out."""
    from atelier.store.directory import acronyms

    return frozenset(v for k, v in acronyms().items() if k in TERRITORIAL and len(v) > 1)


def _spelled_out(words: list[str]) -> int:
    """How many first words spell out the acronym of a structure named after its area, as the
    directory reads them (store.directory.acronyms): « Plan Local pour l'Insertion et l'Emploi
    des Graves » starts with the PLIE's 5 words, its area is « Graves » as for « PLIE des
    Graves »; 0 when none."""
    from atelier.store.directory import query_words

    spelled = _spelled_acronyms()
    # A spelled-out name has a few words, a small word or two between them (« pour l' »): no
    # need to read further into a long cell (each prefix read again made a long one quadratic).
    longest = 4 * max((len(v) for v in spelled), default=0) + 4
    for end in range(2, min(len(words), longest + 1)):  # a word at least is left for the area
        if tuple(query_words(" ".join(words[:end]))) in spelled:
            return end
    return 0


_SLASHES = re.compile(r"\s*/[/\s]*")
_COMMA = re.compile(r"\s*,\s*")


class _Written:
    """What a cell wrote between two of its parts, the parts read in the order the cell
    writes them: each is looked for from where the one before it was, so a long cell is read
    once, not once per part (a cell of a million characters, from a broken or hostile file,
    took minutes to read). A part written before the one before it (a parenthesis read
    first) is looked for from the start, a few times at most."""

    _MISSES = 8

    def __init__(self, text: str) -> None:
        self.text = text
        self.cursor = 0
        self.misses = 0

    def between(self, previous: str, part: str, separator: re.Pattern[str]) -> str | None:
        """The separator (« / », « // », « , ») written between `previous` and `part`, or
        None when the cell did not write them so."""
        text = self.text
        found = text.find(previous, self.cursor)
        if found < 0:
            if self.misses >= self._MISSES:
                return None
            self.misses += 1
            found = text.find(previous)
            if found < 0:
                return None
        else:
            self.cursor = found + len(previous)
        after = separator.match(text, found + len(previous))
        return after.group() if after and text.startswith(part, after.end()) else None


def _joined(text: str, parts: list[str]) -> str:
    """The organisation's parts joined with « - », except where the cell put a slash between
    them: « CC du Pays // Mission locale », « CCAS/CIAS » are kept as written."""
    written = _Written(text)
    joined = [parts[0]] if parts else []
    for previous, part in zip(parts, parts[1:], strict=False):
        joined += [written.between(previous, part, _SLASHES) or " - ", part]
    return "".join(joined)


# How a job title's first word ends: développeur, développeuse, animatrice, juriste,
# technicien, assistante, gestionnaire, conseillère, psychologue.
_JOB_ENDINGS = re.compile(r"(?:eur|euse|rice|iste|ien|ienne|ant|ante|aire|ier|iere|logue)s?$")


def _reads_as_function(segment: str) -> bool:
    """« développeur économique », « développeuse », « Développeuse emploi »: what follows
    the structure reads as a function, not as a structure or a place. A common noun in lower
    case that is no structure's word (« mission locale », « pôle emploi » are structures), or
    a capitalised job word (« Développeur ») followed by more of the phrase in lower case; a
    capitalised word alone is a place (« Creuse », « Landes »), and « tél. », an e-mail or a
    number is none of these."""
    words = segment.split()
    first = words[0] if words else ""
    if (
        not re.fullmatch(r"[^\W\d_][\w'’-]{2,}", first)
        or _is_structure(first)
        or any(c.isdigit() or c in '()«»“”":' for c in segment)
    ):
        return False
    if first.islower():
        return first.lower() not in _PARTICLES and not any(
            _is_structure(w) and w[:1].isupper() for w in words
        )
    return (
        _is_capitalised(first)
        and len(words) > 1
        and words[1].islower()
        and words[1] not in _PARTICLES
        and len(first) >= 6  # « Lien entre… », « Bien… »
        and bool(_JOB_ENDINGS.search(fold(first)))
    )


def _place_parts(parts: list[str]) -> list[str]:
    """The first part of a structure and the places that follow it: capitalised words, none a
    structure's word or an acronym (« PETR Monts et barrages », « Landes »)."""
    kept = parts[:1]
    for part in parts[1:]:
        words = part.split()
        if not words or not _is_capitalised(words[0]) or any(_is_structure(w) for w in words):
            break
        kept.append(part)
    return kept


def _names_a_structure(text: str) -> bool:
    """What a parenthesis holds names a structure, not a place: an acronym of one (« PLIE »,
    « MDE », « CCAS »), or words that start with a structure's word that names no area
    (« Maison de l'emploi de Bordeaux », « Mission locale »); « (Hautes Pyrénées) », « (Grand
    Angoulême) », « (Région N-A) » stay places."""
    from atelier.store.directory import acronyms

    words = text.split()
    if not words:
        return False
    first = fold(words[0])
    # « PLIE », « CdC »: in capitals, or short with a capital inside (not « Hauts-de-France »).
    acronym = _is_upper_word(words[0]) or (len(words[0]) <= 5 and any(c.isupper() for c in words[0][1:]))
    if acronym and (_is_structure(words[0]) or first in acronyms()):
        return True  # « (PLIE) », « (CCAS) », « (PLIE Grand Angoulême) », « (CC du Bazadais) »
    if len(words) == 1:
        return False
    # The first word whole, not a part of it: « (Hauts-de-France) », « (Centre-Val de Loire) »
    # are regions; a word alone (« (France) », « (Centre) ») names no structure.
    return (
        words[0][:1].isupper()
        and (first in STRUCTURE_WORDS or words[0].lower() in STRUCTURE_WORDS)
        and first not in TERRITORIAL
        and first not in ("grand", "grande", "pays")
    )


def _their_structure(head: str, said: str) -> bool:
    """« Anne Roux (Mairie de Langon) », « Paul Petit (Département de la Gironde) », « Léa
    Vert (SARL Vert Paysage) », « Anne Roux (Communauté de communes du Réolais) »: after a
    person and nothing else, a parenthesis naming a structure (a structure's word, an acronym)
    is the person's structure, on the area its name says, as « Anne Roux / Mairie de Langon »
    reads it; an area's own name (« (Grand Angoulême) », « (Pays Basque) »), a département or
    a région (« (Centre-Val de Loire) ») stays the place."""
    pieces = [p.strip() for p in _SEPARATORS.split(head) if p and p.strip()]
    if not pieces or ":" in head:
        return False
    for piece in pieces:
        words = piece.split()
        names, used = _take_people(words)
        if not (names and used == len(words)) and not _first_names_alone(piece):
            return False  # « Mission locale (CdC du Réolais) »: the structure is before it
    if fold(said.split()[0]) in _COLLECTIVITIES:
        # « (Région) », « (Région N-A) », « (Département 33) »: the council she works for, as
        # « Anne Roux / Région N-A » reads it (an abbreviation names no area of its own).
        return True
    return (
        len(said.split()) > 1
        and _names_structure(said)
        and not is_departement_or_region(said)
        and _area(said) != said
    )


# A collectivity's word first in a parenthesis after a person: the body she works for.
_COLLECTIVITIES = frozenset({"region", "departement"})


# What an acronym of the glossary stands for starts with one of these when it names a body
# people work for (« CAF », « CPAM », « ESAT », « GEIQ »), not a scheme, an allowance or a
# contract (« RSA », « FSE », « IAE », « RH »: « Référente RSA » is a function).
_BODIES = frozenset(
    {"agence", "association", "boutique", "caisse", "centre", "chambre", "communaute", "cooperative"}
    | {"confederation", "direction", "ecole", "entreprise", "etablissement", "foyer", "groupement"}
    | {"maison", "mouvement", "mutualite", "office", "operateur", "parc", "pole", "service", "societe"}
    | {"union", "structure", "protection"}
)


def _body_acronym(word: str) -> str:
    """« PLIE », « l'AFPA », « CAF »: the acronym, in capitals, of a body people work for, as a
    function's last words name it (« Directeur du PLIE », « Directeur de l'AFPA »), without
    its elided article; "" for any other word (« Pôle », « RSA »)."""
    from atelier.store.directory import acronyms

    bare = re.sub(r"^[lLdD]['’]", "", word.strip(",;"))
    if not _is_upper_word(bare) or any(c.isdigit() for c in bare):
        return ""
    stands_for = acronyms().get(fold(bare), ())
    return bare if _is_structure(bare) or stands_for[:1] and stands_for[0] in _BODIES else ""


def _lone_acronym(segment: str) -> bool:
    """« PLIE », « CCAS »: one word in capitals, with no place after it."""
    words = segment.split()
    return len(words) == 1 and _is_upper_word(words[0]) and not any(c.isdigit() for c in words[0])


def _after_slash(written: _Written, previous: str, part: str) -> bool:
    """Whether the cell put a slash between two parts (« CC du Pays // CCAS »): two structures."""
    return written.between(previous, part, _SLASHES) is not None


# Words after which a first name and a surname name a place or a structure, not the person
# who came: « Lycée Jean Moulin », « Rue Victor Hugo », « Saint Jean Pied de Port ».
_NAMED_AFTER = frozenset(
    {"saint", "sainte", "st", "ste", "lycee", "college", "ecole", "rue", "avenue", "boulevard"}
    | {"place", "quai", "allee", "square", "parc", "residence", "quartier", "cite", "espace"}
    | {"villa", "clinique", "foyer", "hotel", "domaine", "chateau"}
    # « Hôpital Robert Debré », « EHPAD Marie Curie », « Crèche Françoise Dolto »
    | {fold(word) for word in _CARE}
)


def person_in_structure(parsed: ParsedParticipant | Any) -> str:
    """What a reading put in the structure, the role or the place that reads as a person's
    name, a known first name then a surname (« (PLIE du Marsan) et Paul Durand - Mission
    locale »): that part of the cell, for the import's report and the window to say it needs
    checking; "" when none does. `parsed` may be a saved participant (the same fields). A name
    after a structure's word, a particle or « Lycée », « Rue », « Saint » is the name of that
    place or structure (« Lycée Jean Moulin »). Remembered by the fields: the window asks it of
    each row it paints (the « à vérifier » mark of the grid and the card)."""
    return _person_in_parts(parsed.organisation, parsed.role, parsed.territory)


@lru_cache(maxsize=4096)
def _person_in_parts(*parts: str) -> str:
    for place, part in enumerate(parts):
        words = [w.strip('()[],;:«»"') for w in part.split()]
        for position, word in enumerate(words[:-1]):
            after = words[position + 1]
            previous = fold(words[position - 1]).rstrip("'’") if position else ""
            if (
                _is_first_name(word)
                and (_is_capitalised(after) or _is_upper_word(after))
                and not _is_structure(after)
                and not is_departement_or_region(after)
                and not any(fold(w) in _NEVER_SURNAMES for w in words[position + 1 : position + 3])
                and not _compass(after)
                and previous not in _NAMED_AFTER
                and previous not in _PARTICLES
                and previous not in ("d", "l")
                and not (previous and _is_structure(words[position - 1]))
            ):
                return part
        # « Roy Julie / Adecco », « Anne Martin / M. Roy », « Leclerc : JULIE ROY »: a person
        # written otherwise than « Prénom Nom », a part of its own of the structure or the role
        # (a territory read from a structure's name is that place's).
        if place < 2 and any(map(_written_as_a_person, _SEPARATORS.split(part.replace(" : ", " / ")))):
            return part
    return ""


def _written_as_a_person(piece: str) -> bool:
    """« Roy Julie » (surname first), « JULIE ROY » (in capitals), « M. Roy », « Mme Anne
    Roux » (a civility, then capitalised words that name no structure): a part that only a
    person's name is written as."""
    piece = piece.strip()
    words = piece.split()
    civility = (
        2 <= len(words) <= 4
        and _is_civility(words[0])
        and all(_is_capitalised(w) or _is_upper_word(w) for w in words[1:])
        and not any(map(_is_structure_or_acronym, words[1:]))
        and not ROLE_PATTERN.fullmatch(words[1])
    )
    return bool(civility or _surname_then_first_name(piece) or _person_in_capitals(piece))


# The first word of a natural area's name (« Bassin d'Arcachon », « Vallée du Lot »): a
# place the table of communes and EPCI does not list, but a place all the same.
_NATURAL_AREAS = frozenset(
    {"bassin", "vallee", "val", "plateau", "cote", "coteaux", "marais", "causse", "causses", "monts"}
    | {"massif", "plaine", "foret", "estuaire", "delta", "littoral", "ile", "iles", "entre"}
)


def place_to_check(parsed: ParsedParticipant | Any) -> str:
    """A territory read from a parenthesis after the people (« M. Jean Martin (Ferme du
    Moulin) ») that names no place Atelier knows (no commune, EPCI, département or région,
    no area's word) and no structure it knows either: a farm, a company, a place: which one
    the cell does not say. That territory, for the import's report to say it needs checking;
    "" when it is known or not read so (« (Lot-et-Garonne) », « (Sud Gironde) »)."""
    from atelier.territories import is_place_name

    territory = parsed.territory
    words = territory.split()
    if (
        not parsed.names
        or parsed.organisation
        or len(words) < 2
        or f"({territory})" not in (parsed.source_text or "")
    ):
        return ""
    first = fold(words[0]).split("-")[0].split("'")[0]
    if (
        first in _AREA_WORDS
        or first in _NATURAL_AREAS
        or is_departement_or_region(territory)
        or is_place_name(territory)
        or _area(territory) == territory
    ):
        return ""
    return territory


def without_unread_names(participant: Participant) -> tuple[Participant, str]:
    """For an anonymised document and the projector with names hidden: a row with no person
    read whose structure, place or function reads as holding a person's name (`person_in_structure`:
    « Karine et Luc Blanc / Centre social » imported by an older version, « Maison de l'emploi
    Anne Martin », said « à vérifier » at the import) as a copy without the name-like words,
    those names as its people (to be masked wherever they are written), and the part of the
    cell that held them (for the export to say it); the participant as it is, and "", else."""
    if participant.names:
        return participant, ""
    flagged = person_in_structure(participant)
    if not flagged:
        return participant, ""
    from atelier.anonymise import names_taken_out

    names: list[str] = []
    kept: list[str] = []
    for part in (participant.organisation, participant.territory, participant.role):
        text, found = names_taken_out(part, first_names(), _is_structure)
        # Read as holding a name, none found where: nothing of it is printed.
        kept.append("" if part == flagged and not found else text)
        names += found
    organisation, territory, role = kept
    return replace(
        participant, names=names, organisation=organisation, territory=territory, role=role
    ), flagged


def as_typed(participant: Any) -> bool:
    """Whether a participant's cell as typed or imported (`source_text`) still says who the
    row is: it reads as the participant's fields, not corrected since (on the card, by a
    merge). Then it can be shown as it was typed; else the fields say who it is."""
    if not participant.source_text:
        return False
    parsed = parse_participant(participant.source_text)
    return bool(
        (parsed.names, parsed.organisation, parsed.territory, parsed.role)
        == (participant.names, participant.organisation, participant.territory, participant.role)
    )


def _list_goes_on(segments: list[str]) -> tuple[list[str], list[str]] | None:
    """After a first name, the rest of a list of people written as a sentence writes it:
    « B, C et D Mont de Marsan Agglo » (segments « B », « C et D Mont de Marsan Agglo »):
    the people (B, C, D) and what follows them; None when the segments are not such a list
    (it ends on names joined by « et »)."""
    people: list[str] = []
    for position, segment in enumerate(segments):
        words = segment.split()
        more, used = _take_people(words)
        if len(more) >= 2:  # « C et D »: the list's end
            rest = [" ".join(words[used:])] if used < len(words) else []
            return people + more, rest + segments[position + 1 :]
        if not more or used < len(words):
            return None
        people += more
    return None


# Between two people who each say their structure: « A (PLIE) et B (Mission locale) »,
# « A - PLIE / B - Mission locale ».
_JOINING = re.compile(r"\s+(?:et|&|and|\+)\s+", re.IGNORECASE)
_BETWEEN = re.compile(r"\s+/\s+|\s*;\s*")
# « A (PLIE) - B (CCAS) », « A (PLIE), B (CCAS) »: a dash or a comma after a parenthesis.
_AFTER_PARENTHESIS = re.compile(r"(?<=\))(?:\s+[-–—]\s+|\s*,\s+)")


def _outside_parentheses(text: str, pattern: re.Pattern[str]) -> list[str]:
    """`text` cut where `pattern` is found outside parentheses."""
    parts, start = [], 0
    depth, counted = 0, 0  # parentheses open before `counted`, counted once along the cell
    for found in pattern.finditer(text):
        depth += text.count("(", counted, found.start()) - text.count(")", counted, found.start())
        counted = found.start()
        if depth > 0:
            continue
        parts.append(text[start : found.start()].strip())
        start = found.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def _person_or_role(said: str) -> list[str]:
    """What a parenthesis at the end of the cell holds when it is no place: its parts, when
    one is a person (« (Anne Roux) ») or starts with a role (« (directrice, Mission locale
    de Dax) »); [] else (« (Hautes Pyrénées) », « (Lot et Garonne) »)."""
    parts = [p.strip() for p in _SEPARATORS.split(said) if p and p.strip()]
    for part in parts:
        if _whole_names(part) or _first_names_alone(part) or ROLE_PATTERN.match(part):
            return parts
        role = _role_in(part)  # « (infirmière coordinatrice, EHPAD Les Tilleuls) »
        if role is not None and _reads_as_function(part[: role.end()]):
            return parts
        if _surname_then_first_name(part):  # « Randstad Dax (Roy Julie) »: a person, no place
            return parts
    return []


def _whole_names(segment: str) -> list[str]:
    """The people a segment names and nothing else, each by a whole name (« Anne Roux »,
    « LEROY Lucie »); [] for anything else, a first name alone too."""
    people = _people_alone(segment)
    return people if people and all(_credible_name(n) for n in people) else []


# « PLIE du Marsan : Anne Martin, Paul Durand »: a colon with a space on one side at least
# (not « 10:30 », « https:// »).
_COLON = re.compile(r" :\s?|: ")
_LISTED = re.compile(r"\s*[,;/()]\s*|\s+(?:et|&|and|\+)\s+", re.IGNORECASE)


def _people_of_a_structure(text: str) -> ParsedParticipant | None:
    """« PLIE du Marsan : Anne Martin, Paul Durand », « CC du Seignanx : Julie Blanc,
    chargée de mission »: a structure (its role, its place), a colon, then its people, each
    a whole name (a known first name, or a surname in capitals), a role after them; the
    structure is theirs. None when the cell is not written so (« Tél : 05 58… »)."""
    found = _COLON.search(text)
    if found is None or "(" in text[: found.start()]:
        return None
    head, tail = text[: found.start()].strip(), text[found.end() :].strip()
    if not head or not tail or _COLON.search(tail):
        return None
    if _whole_names(head) or ROLE_PATTERN.match(tail):
        return _parse(f"{head} / {tail}")  # « Anne Roux : PLIE Sud Landes », « … PLIE : référente »
    pieces = [p for p in _LISTED.split(tail) if p]
    names: list[str] = []
    roles: list[str] = []
    # « Adecco : M. Roy », « Randstad Dax : Roy Julie »: a brand no list knows (capitalised
    # words, no number, no small word, no word of everyday French or of a function first:
    # « Contact : », « Invitée : », « Animatrice : » say what follows), then who came from it,
    # as « Randstad Dax - … » reads.
    head_words = head.split()
    brand = (
        len(head_words) <= 3
        and all(_is_capitalised(w) or _is_upper_word(w) for w in head_words)
        and not any(c.isdigit() for c in head)
        and not _everyday_word(head_words[0])
        and not ROLE_PATTERN.match(head)
    )
    for piece in pieces:
        people = _whole_names(piece) or (_known_people(piece) if brand else [])
        if people and not roles:
            names += people
        elif names and ROLE_PATTERN.match(piece):
            roles.append(piece)  # « Julie Blanc, chargée de mission »
        else:
            return None
    structure = _parse(head, apart=False)
    if names and (structure.names or not _names_structure(structure.organisation)):
        # « Adecco », « Randstad Dax » (read as a person by its capitals alone): the brand.
        said_people = bool(structure.names) and _said_otherwise(head_words, structure.names)
        if said_people or not (brand and all(map(_known_person, names))):
            return None
        structure = ParsedParticipant(organisation=head)
    if not names:
        return None
    return ParsedParticipant(
        names,
        structure.organisation,
        structure.territory,
        ", ".join(r for r in (structure.role, *roles) if r),
    )


def _credible_name(name: str) -> bool:
    """« Anne Martin », « LEROY Lucie », « Fatou NDIAYE »: a name whose first name is known
    or whose surname is in capitals, not two capitalised words of a place (« Marais Poitevin »)."""
    words = name.split()
    known = [all(fold(part) in first_names() for part in w.split("-")) for w in words]
    civility = _is_civility(words[0]) and all(_is_capitalised(w) or _is_upper_word(w) for w in words[1:])
    return len(words) > 1 and (known[0] or known[-1] or civility or any(_is_upper_word(w) for w in words))


# Particles of names that no French structure's name holds: « Nguyen Van Minh », « Aïcha Ben
# Salah », « Mohamed Ould Ahmed », « Nguyen Thi Lan ».
_FOREIGN_PARTICLES = frozenset({"van", "von", "ben", "ibn", "bin", "ould", "thi", "dos", "das"})

# A first name's initial (« A. Martin », « J.-P. Durand ») or a grid's placeholder for a person
# (« Personne 12 », « Personne31 Nom »): no structure's name starts so.
_PERSON_START = re.compile(r"(?:[A-ZÀ-Ý]\.(?:-[A-ZÀ-Ý]\.)?|Personne\d+)", re.UNICODE)


def _said_as_people(words: list[str], names: list[str], *, beside_a_structure: bool) -> bool:
    """Whether the people `_take_people` read at the start of `words` are people, not the
    capitalised words of a structure's name (« Secours Populaire », « Croix Rouge », « Habitat
    Jeunes Dax », « Garage Martin »): the first of them starts with a known first name, after
    a civility (« Mme Nguyen Thi Lan », « Dr Fatou Ndiaye »), has a surname in capitals that
    is no acronym (« Ndeye FALL »), a particle only names have (« Nguyen Van Minh »), or a
    first word no list of Atelier's holds that is no word of everyday French either (« Fatou
    Diallo », « Soizic Legall »: first names the list of first names misses). A first word of
    everyday French (« Secours », « Croix », « Garage ») starts a structure's name, unless the
    cell names a structure beside it (a person and her structure, as cells write them). The
    people joined to the first by « et » are read with it."""
    first = names[0].split()
    if fold(first[0]) in _NAMED_AFTER:
        return False  # « Résidence Marie / CCAS », « Villa Marie »: a place named after someone
    return (
        beside_a_structure
        or _is_first_name(first[0])
        or bool(_PERSON_START.fullmatch(first[0]))
        or bool(words)
        and _is_civility(words[0])
        or any(_is_upper_word(w) and not _is_structure_or_acronym(w) for w in first[1:])
        or any(w.lower() in _FOREIGN_PARTICLES for w in first[1:])
        or not _everyday_word(first[0])
    )


def _said_otherwise(words: list[str], names: list[str]) -> bool:
    """Whether the people `_take_people` read at the start of `words` are said to be people by
    more than a first word that no list holds (« Randstad Dax », « Adecco Pau »: a brand and
    its town read so too): a known first name, an initial, a civility, a surname in capitals,
    a particle only names have."""
    first = names[0].split()
    return (
        _is_first_name(first[0])
        or bool(_PERSON_START.fullmatch(first[0]))
        or bool(words)
        and _is_civility(words[0])
        or any(_is_upper_word(w) and not _is_structure_or_acronym(w) for w in first[1:])
        or any(w.lower() in _FOREIGN_PARTICLES for w in first[1:])
    )


def _known_people(segment: str) -> list[str]:
    """« Julie Roy », « Karim HADDAD »: a part of the cell naming people and nothing else,
    each by a known first name and a surname, in capitals too (« JULIE ROY »), or surname
    first (« ROY Julie », « Roy Julie »); by a civility and a surname (« M. Roy », « M. et
    Mme Roy »); or by known first names alone (« Julie »). The people, or []."""
    if first_names := _first_names_alone(segment):
        return first_names
    people = _whole_names(segment) or _surname_then_first_name(segment)
    return people if people and all(map(_known_person, people)) else []


def _known_person(name: str) -> bool:
    """A name said to be a person's by a known first name, first or last (any case), or a
    civility: « Julie Roy », « JULIE ROY », « Roy Julie », « M. Roy »."""
    words = name.split()
    known = [all(fold(part) in first_names() for part in w.split("-")) for w in words]
    return len(words) > 1 and (known[0] or known[-1] or _is_civility(words[0]))


def _surname_then_first_name(segment: str) -> list[str]:
    """« Roy Julie », « Roy Julie et Petit Marc »: each a capitalised surname then a known
    first name, as attendance lists write them, and nothing else: no structure's word, no
    acronym, no place (« Sainte Marie », « Port Louis »), no first name first (« Anne Julie »
    is read otherwise)."""
    from atelier.territories import is_place_name

    people = []
    for part in _PEOPLE_JOIN.split(segment.strip()):
        words = part.split()
        if len(words) != 2 or not _is_first_name(words[1]):
            return []
        surname = words[0]
        if (
            not _is_capitalised(surname)
            or all(fold(piece) in first_names() for piece in surname.split("-"))
            or _is_structure_or_acronym(surname)
            or ROLE_PATTERN.fullmatch(surname)
            or fold(surname) in _NAMED_AFTER | _AREA_WORDS | _NATURAL_AREAS
            or is_place_name(part)
            or is_departement_or_region(part)
            or any(c.isdigit() for c in surname)
        ):
            return []
        people.append(part)
    return people


# How frequent a word of French must be to be read as a common word, not a name: its rank in
# the frequency list of the word vectors (atelier/resources/vectors, fastText's order, most
# frequent first). « groupe » is 221st, « secours » 3 435th, « habitat » 4 549th, « landes »
# 10 857th, « boulangerie » 12 350th; first names the list misses come later (« désiré »
# 16 290th, « moussa » 19 267th, « fatou » 59 535th) or not at all (« soizic »).
EVERYDAY_RANK = 15_000


def _everyday_word(word: str) -> bool:
    """Whether a capitalised word is, in lower case, one of the EVERYDAY_RANK most frequent
    words of French (« Secours », « Croix », « Garage », « Agir »); False for a name no
    dictionary holds (« Fatou », « Soizic ») and when the table is not there."""
    ranks = _word_ranks()
    if ranks is None:
        return False
    keys, values = ranks
    lower = word.strip(".,;:()").lower()
    for form in dict.fromkeys((lower, lower.split("-")[0])):
        key = _word_key(form)
        found = int(keys.searchsorted(key))
        if found < len(keys) and int(keys[found]) == key and int(values[found]) < EVERYDAY_RANK:
            return True
    return False


_INITIALS = re.compile(r"(?:[^\W\d_]\.-?)+")


def _word_key(word: str) -> int:
    """The vector table's key for a word, as atelier.matching.semantic.word_key makes it (the
    layers keep the importers from importing matching): BLAKE2b, 8 bytes, little-endian."""
    import hashlib

    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


@cache
def _word_ranks() -> tuple[Any, Any] | None:
    """The vector table's keys and their words' frequency ranks, memory-mapped; None if absent."""
    from atelier.paths import resource

    try:
        import numpy as np

        folder = resource("vectors")
        return np.load(folder / "keys.npy", mmap_mode="r"), np.load(folder / "ranks.npy", mmap_mode="r")
    except (OSError, ValueError, ImportError):
        return None


def _is_a_place(words: str) -> bool:
    """« Mont de Marsan », « Pays Basque », « Sud Landes »: words the table of places knows or
    that name an area; « Secours Populaire », « Croix Rouge » do not."""
    from atelier.territories import is_place_name

    return (
        is_place_name(words)
        or is_departement_or_region(words)
        or fold(words.split()[0]) in _AREA_WORDS | _NATURAL_AREAS
    )


def _names_structure(organisation: str) -> bool:
    """A structure's words or an acronym (« PLIE du Marsan », « Mission locale », « CIAP »)."""
    return any(_is_structure(w) or _is_upper_word(w) for w in organisation.split())


def _people_apart(text: str) -> ParsedParticipant | None:
    """Two people or more in one cell, each with their own structure: « Anne Martin (PLIE du
    Marsan) et Paul Durand (Mission locale des Landes) », « Anne Martin - PLIE / Paul Durand -
    CCAS ». All of them are the row's people, and its structures are theirs, each as written,
    one after the other (« PLIE du Marsan, Mission locale des Landes »): a person's name is
    never read into a structure. None when the cell is not written so (« A et B / PLIE »: one
    structure after the people, read as usual)."""
    for pattern, each in ((_JOINING, False), (_BETWEEN, True), (_AFTER_PARENTHESIS, True)):
        pieces = _outside_parentheses(text, pattern)
        if len(pieces) < 2:
            continue
        parsed = [_parse(piece, apart=False) for piece in pieces]
        if not all(p.names and all(_credible_name(n) for n in p.names) for p in parsed):
            continue
        own = [bool(p.organisation) and _names_structure(p.organisation) for p in parsed]
        # After « et », the first people say their structure before the next (else « A et B
        # (PLIE) » is two people of one structure); between « / », each says theirs, or the
        # first does and the others after it are their names alone (« Anne Martin (PLIE) ¶
        # Paul Durand »).
        alone = [not (p.organisation or p.territory or p.role) for p in parsed]
        theirs = own[0] and all(o or a for o, a in zip(own, alone, strict=True))
        if not (theirs if each else any(own[:-1])):
            continue
        return ParsedParticipant(
            [name for p in parsed for name in p.names],
            ", ".join(dict.fromkeys(p.organisation for p in parsed if p.organisation)),
            ", ".join(dict.fromkeys(p.territory for p in parsed if p.territory)),
            ", ".join(dict.fromkeys(p.role for p in parsed if p.role)),
        )
    return None


# « + 2 collègues », « et une collègue », « accompagnée de 3 personnes »: people counted, not named.
_COMPANIONS = re.compile(
    r"(?<!\w)(?:\+|et|avec|accompagn[ée]{1,2}s?\s+(?:de|par))\s*"
    r"(?:\d{1,2}|une?|deux|trois|quatre|cinq)\s+(?:autres?\s+)?"
    r"(?:coll[èe]gues?|personnes?|agents?|collaborat(?:eur|rice)s?|membres?(?:\s+de\s+(?:l'|l’|son\s+|mon\s+)?[ée]quipe)?)"
    r"(?!\w)",
    re.IGNORECASE,
)


def _without_companions(text: str) -> str:
    """The cell without the people it counts but does not name (« + 2 collègues »), and the
    separators left alone by them (« Anne Martin, CCAS, + 3 personnes »: « Anne Martin, CCAS »)."""
    if not _COMPANIONS.search(text):
        return text
    lines = []
    for line in _COMPANIONS.sub(" ", text).split("\n"):
        line = re.sub(r"\(\s*\)", " ", line)
        line = re.sub(r"\s*([/|;,–—-])(?:\s*[/|;,–—-])+\s*", r" \1 ", line)
        line = re.sub(r"\(\s+|\s+\)", lambda m: m.group().strip(), line)
        line = " ".join(line.split()).strip(" \t,;:/|–—-")
        if line:
            lines.append(line)
    return "\n".join(lines)


# Emoji and the marks that go with them: pictographs, dingbats (« ❤ », « ✨ »), stars,
# regional indicators (flags), skin tones, variation selectors, the joiner of a sequence.
# Signs that words use (« n° », « © », « € ») are not among them; a keycap (« 1️⃣ »: a digit,
# a selector, an enclosing mark) goes whole, its digit numbering a list, not the structure.
_PICTOGRAPHS = re.compile(
    "(?:[0-9#*]\ufe0f?\u20e3|\u20e3"
    "|[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0e\ufe0f\u200d\U000e0020-\U000e007f])+"
)


def _without_pictographs(text: str) -> str:
    """The cell without its emoji, the spaces they leave folded. Between a word and a known
    first name, an emoji parts two people (« Anne ❤️ Julien », « Anne Martin 😀 Julien Roux »):
    « / » is put there, never a space that would join them into one name (« Anne Julien »)."""
    if not _PICTOGRAPHS.search(text):
        return text

    def instead(found: re.Match[str]) -> str:
        before = text[: found.start()].rstrip(" \t")
        after = text[found.end() :].lstrip(" \t").split(maxsplit=1)
        parting = (
            before[-1:].isalnum()
            and bool(after)
            and _is_first_name(after[0].rstrip(",;/"))
            and not _is_structure(before.split()[-1])
        )
        return " / " if parting else " "

    return "\n".join(" ".join(line.split()) for line in _PICTOGRAPHS.sub(instead, text).split("\n"))


def parse_participant(cell: str) -> ParsedParticipant:
    from atelier.importers.contacts import contacts_out

    text = clean(cell)
    if not text:
        return ParsedParticipant(source_text=text)
    if text[0] in "=+@" and (bare := text.lstrip("=+@ ")) and bare[0].isalpha():
        # « +Paul Durand », « =Marie Curie »: a sign a spreadsheet reads as a formula, pasted
        # or put there on purpose, is no part of who the row is (never read as a structure,
        # whose name an anonymised document would print); the cell as typed keeps it.
        parsed = parse_participant(bare)
        parsed.source_text = text
        return parsed
    if (bare := _without_pictographs(text)) != text and clean(bare):
        # « Anne Roux 🎉 / PLIE »: an emoji is no part of a name or a structure (it was the
        # structure « 🎉 / PLIE »); the cell as typed keeps it.
        parsed = parse_participant(bare)
        parsed.source_text = text
        return parsed
    # « Anne Martin + 2 collègues (CCAS) »: people counted, not named, are no name, structure
    # or role of the row (Atelier counts the people a row names); the cell as typed keeps them.
    if (bare := _without_companions(text)) != text:
        parsed = parse_participant(bare) if clean(bare) else ParsedParticipant()
        parsed.source_text = text
        return parsed
    # An e-mail or a phone number in the cell is the contact, never the structure or territory.
    rest, contact = contacts_out(cell)
    if contact:
        parsed = parse_participant(rest)
        parsed.contact, parsed.source_text = contact, text
        return parsed
    attendance = read_attendance(text)
    if attendance.said:
        # « Paul Durand (excusé) / Mission locale du Médoc »: the person and the structure
        # read without the mark (the cell as typed keeps it: Participant.away reads it there);
        # « (absente, représentée par Marc Roux) »: Marc Roux is the one in the room.
        parsed = parse_participant(attendance.rest) if clean(attendance.rest) else ParsedParticipant()
        if attendance.stand_in and not parsed.names:  # a structure: the stand-in is who came
            parsed.names = [attendance.stand_in]
            parsed.stand_in = attendance.stand_in
        elif attendance.stand_in:
            # « Julie Bernard (absente, représentée par Marc Roux) »: what the row holds stays
            # hers (Participant.represented_by says Marc Roux, from the cell as typed).
            parsed.stood_in_for, parsed.stand_in = list(parsed.names), attendance.stand_in
        elif len(parsed.names) <= 1:  # of several people, which one was away? (said, to check)
            parsed.away = attendance.away
        parsed.attendance_said, parsed.source_text = attendance.said, text
        return parsed
    # « élodie Mérignac / … »: a person, as « Élodie »; each line of the cell a part of it.
    result = _labelled(text) or _parse(_capitalised_people(_lines_as_parts(text)))
    result.source_text = text
    return result


# What a label before a colon says a part of the cell is (folded): « Nom : Anne Roux ¶
# Structure : PLIE Sud Landes ¶ Fonction : coordinatrice », as a form or a sign-in sheet
# writes it.
_LABELS = {
    **dict.fromkeys(("nom", "noms", "nom et prenom", "nom prenom", "prenom nom", "nom, prenom"), "names"),
    **dict.fromkeys(("personne", "personnes", "participant", "participante", "participants"), "names"),
    "prenom": "first_name",
    **dict.fromkeys(("structure", "organisme", "organisation", "employeur", "collectivite"), "organisation"),
    **dict.fromkeys(("fonction", "poste", "role"), "role"),
    **dict.fromkeys(("territoire", "commune"), "territory"),
}
_LABELLED = re.compile(r"([^\W\d_][\w' ,]{0,24}?)\s*:\s*(\S.*)")
_LABELLED_PARTS = re.compile(r"\n| ; | / ")


def _labelled(text: str) -> ParsedParticipant | None:
    """A cell whose every part says what it is (« Nom : Anne Roux ¶ Structure : PLIE Sud
    Landes ¶ Fonction : coordinatrice »): each part as its label says, the territory from
    the structure's name when no part gives it; None when a part has no such label (« PLIE
    du Marsan : Anne Martin », « Tél : 05 58… »)."""
    said: dict[str, str] = {}
    for part in _LABELLED_PARTS.split(_OTHER_SPACES.sub(" ", _LINE_BREAKS.sub("\n", text))):
        if not part.strip():
            continue
        found = _LABELLED.fullmatch(part.strip())
        kind = _LABELS.get(fold(found.group(1)).strip()) if found else None
        if found is None or kind is None or kind in said:
            return None
        said[kind] = found.group(2).strip()
    if not said:
        return None
    names: list[str] = []
    people, first = said.get("names", ""), said.get("first_name", "")
    if first:  # « Prénom : Anne ¶ Nom : Roux »: the name is the surname, as written
        names = [f"{first} {people}" if people else first]
    elif people:
        names = _people_alone(people)
        if not names:
            return None  # « Participant : PLIE Sud Landes, Anne Roux »: not only people
    organisation, territory = said.get("organisation", ""), said.get("territory", "")
    if organisation:
        read = _parse(organisation, apart=False)
        if not read.names and not read.role and read.organisation:
            organisation = read.organisation
            territory = territory or read.territory
    return ParsedParticipant(names, organisation, territory, said.get("role", ""))


# A line that goes on with the one before (« Communauté de communes ¶ du Seignanx », « Anne
# Martin et ¶ Paul Durand »): it starts or the one before ends with a linking word or a sign.
_GOES_ON = frozenset(_PARTICLES | _NAME_PARTICLES | {"et", "and", "&", "+", "pour", "l", "d"})
_SIGNS = "/|,;:-–—&+("
# Line breaks of other systems and of Word (a vertical tab for Maj+Entrée), and the spaces
# left: one space each, so that no reading goes over a run of them again and again.
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_OTHER_SPACES = re.compile(r"[^\S\n]+")


def _area_of(structure: str, line: str) -> bool:
    """« PLIE ¶ Sud Landes »: a structure's word alone on its line, then the area it is of
    (capitalised words, no structure's word, no person, no role)."""
    words = line.split()
    return (
        len(structure.split()) == 1
        and _is_structure(structure)
        and len(words) <= 4
        and _is_capitalised(words[0])
        and not any(_is_structure(w) for w in words)
        and not _whole_names(line)
        and not _first_names_alone(line)
        and not ROLE_PATTERN.match(line)
    )


def _lines_as_parts(text: str) -> str:
    """The cell with its lines read as « / » reads them: each line a part (« PLIE Sud Landes
    ¶ Anne Roux », paragraphs of a Word cell, lines of a spreadsheet's cell or typed with
    Entrée in the window), unless a line goes on with the one before (« Communauté de
    communes ¶ du Seignanx », « Anne Martin, ¶ PLIE du Marsan »)."""
    text = _OTHER_SPACES.sub(" ", _LINE_BREAKS.sub("\n", text))
    # « - Anne Martin (PLIE) ¶ - Paul Durand (CCAS) », « • Anne ¶ • Paul »: each line's bullet
    # is no part of who the row is.
    lines = [unbulleted(line.strip()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    if len(lines) < 2:
        return lines[0] if lines else text
    parts = lines[:1]
    for before, line in itertools.pairwise(lines):
        last = fold(before.split()[-1]).rstrip("'’")
        first = line.split()[0]
        goes_on = (
            before[-1] in _SIGNS
            or line[0] in _SIGNS + ")"
            or last in _GOES_ON
            or (first.islower() and fold(first).split("'")[0].split("’")[0] in _GOES_ON)
            or _area_of(before, line)
        )
        parts.append(" " if goes_on else " / ")
        parts.append(line)
    return "".join(parts)


def _parse(text: str, *, apart: bool = True) -> ParsedParticipant:
    result = ParsedParticipant(source_text=text)
    if apart and (people := _people_of_a_structure(text)) is not None:
        return people
    if apart and (people := _people_apart(text)) is not None:
        return people
    # A trailing parenthesis is a place: "(Hautes Pyrénées)", "(Lot et Garonne)".
    territory = ""
    inside: list[str] = []  # « Lucie LEROY (PLIE) »: a structure in parentheses, not a place
    found = re.search(r"\(([^()]{2,60})\)\s*$", text)
    if found and any(ch.isdigit() for ch in found.group(1)):
        # A number in it (« (06 12 34 56 78) », « (33) », « (2 personnes) ») is no place; a
        # structure written with one (« (CD 33) », « (Département 33) ») is still hers.
        said = found.group(1).strip()
        head = text[: found.start()]
        if not (said[:1].isalpha() and (_names_a_structure(said) or _their_structure(head, said))):
            found = None
    if found:
        said = found.group(1).strip()
        if _names_a_structure(said):
            inside = [said]
        elif parts := _person_or_role(said):
            # « PLIE Sud Landes (Anne Roux) », « Sophie Marty (directrice, Mission locale de
            # Dax) »: parts of the cell, read as if written after a « / ».
            inside = parts
        elif _their_structure(text[: found.start()], said):
            inside = [said]
        else:
            territory = said
        text = text[: found.start()].strip()

    segments = [s.strip() for s in _SEPARATORS.split(text) if s and s.strip()]
    segments += inside
    # « Anne », « Anne et Julien », « Anne, Julien »: first names and nothing else are people
    # (they were the structure « Anne » in the minutes' Structure column).
    lone = [_first_names_alone(segment) for segment in segments]
    if segments and all(lone):
        result.names = [name for names in lone for name in names]
        result.territory = territory
        return result
    head_words = segments[0].split() if segments else []
    names, used = _take_people(head_words)
    brand_people: list[str] = []  # the parts naming who came from a brand read first
    structure_said = any(map(_names_structure, [" ".join(head_words[used:]), *segments[1:]]))
    if names and not _said_as_people(head_words, names, beside_a_structure=structure_said):
        names, used = [], 0  # « Secours Populaire », « Croix Rouge – bénévole »: a structure
    elif (
        names
        and used == len(head_words)
        and (brand_people := [segment for segment in segments[1:] if _known_people(segment)])
        and not _said_otherwise(head_words, names)
    ):
        names, used = [], 0  # « Randstad Dax - Julie Roy »: the agency, then who came from it
    rest_of_head = " ".join(head_words[used:])
    bracketed = re.fullmatch(r"\(([^()]+)\)", rest_of_head)
    if names and bracketed and _names_a_structure(bracketed.group(1)):
        # « Lucie LEROY (PLIE) / PLIE du Grand Angoulême »: the structure, once.
        rest_of_head = bracketed.group(1).strip()
        said = fold(rest_of_head).split()
        if any(fold(other).split()[: len(said)] == said for other in segments[1:]):
            rest_of_head = ""
    if (
        segments
        and (not names or len(segments) == 1 or rest_of_head)
        and (alone := _surname_first(segments[0]))
    ):
        names, rest_of_head = alone, ""  # « LEROY Lucie », « Mme LEROY Lucie / PLIE »
    if not names:
        end_names, cut = _take_people_at_end(head_words)
        if end_names:
            names = end_names
            rest_of_head = " ".join(head_words[:cut])
    others = ([rest_of_head] if rest_of_head else []) + segments[1:]
    # « Anne / PLIE », « PLIE / Anne Martin »: a segment of people alone beside the structure.
    if not names and len(segments) > 1:
        for position, segment in enumerate(segments):
            # « Randstad Dax - Roy Julie »: the people who came from the agency, as read there;
            # « PLIE / Roy Julie »: surname first beside a structure, as « Roy Julie / PLIE ».
            beside = any(_names_structure(other) for other in segments if other is not segment)
            alone = (
                _people_alone(segment)
                or (_known_people(segment) if segment in brand_people else [])
                or (_surname_then_first_name(segment) if beside else [])
            )
            if alone:
                names = alone
                # « PLIE Sud Landes / Anne Roux / Paul Durand »: the people written one after
                # the other, each a whole name, are all the structure's.
                # « Anne, Paul et Léa (CCAS) »: first names one after the other, as well.
                lone_first = bool(_first_names_alone(segment))
                end = position + 1
                while end < len(segments) and (
                    more := _whole_names(segments[end]) or (lone_first and _first_names_alone(segments[end]))
                ):
                    names += more
                    end += 1
                others = segments[:position] + segments[end:]
                break
    # The first segment may hold only people; the second may continue with more.
    listed = _list_goes_on(segments[1:]) if names and not rest_of_head else None
    if listed is not None:  # « A, B et C Mont de Marsan Agglo », « A, B, C et D »
        names += listed[0]
        others = listed[1]
    elif names and not rest_of_head and len(segments) > 1:
        more, more_used = _take_people(segments[1].split())
        if (
            more
            and _said_as_people(segments[1].split(), more, beside_a_structure=False)
            and more_used == len(segments[1].split())
            and len(segments) > 2
        ):
            names += more
            others = segments[2:]
            # « Anne Martin, Paul Durand, Julie Thomas - Département des Landes »: the list
            # goes on while its parts are whole names, never into the structure.
            listed_people = 0
            while listed_people < len(others) and (alone := _people_alone(others[listed_people])):
                names += alone
                listed_people += 1
            others = others[listed_people:]

    organisation_parts: list[str] = []
    role = ""
    written = _Written(text)
    for segment in others:
        match = _role_in(segment)
        # Beside a person or a structure (never in a line of mere words: « Formation ;
        # qualification »), what reads as a function is the function.
        beside = bool(names) or bool(
            organisation_parts and any(_is_structure(w) for w in organisation_parts[0].split())
        )
        if (
            beside
            and not (match and not role)
            and (
                _reads_as_function(segment)
                or (
                    organisation_parts
                    and _lone_acronym(segment)
                    and not _after_slash(written, organisation_parts[-1], segment)
                )
            )
        ):
            # « CC du Val, développeur économique »: a job title Atelier has no word for;
            # « Département de l'Aude, PLIE »: an acronym alone beside the structure, the scheme
            # the person works on as much as a second structure: beside it, never in it.
            role = f"{role}, {segment}" if role else segment
            continue
        if match and not role:
            before = segment[: match.start()].strip(" ,-")
            if all(_is_civility(w) or w.lower() in _ARTICLES for w in before.split()):
                before = ""  # « Le Maire de Langon », « Mme la Maire »: how the function is said
            start = match.start()
            if before and _reads_as_function(segment[: match.end()]):
                # « infirmière coordinatrice », « Infirmière coordinatrice »: a job word before
                # the function's, the function said whole (« infirmière » was the structure).
                start, before = 0, ""
            role = segment[start:].strip()
            # "2ème adjoint au maire Commune de Fauillet": the role ends where a structure starts;
            # « directrice de la Mission locale de Dax »: after « de la », « du », « des » too,
            # past the role's own words (« Chargée de Mission »), the structure named by two
            # words at least (« Responsable de Pôle » is a role).
            role_words = role.split()
            said = ROLE_PATTERN.match(role)
            own = len(role[: said.end()].split()) if said else 1
            for position, word in enumerate(role_words[1:], start=1):
                after_particle = role_words[position - 1].lower() in _PARTICLES
                rest_words = role_words[position:]
                acronym = _body_acronym(word) if after_particle else ""  # « du PLIE », « de l'AFPA »
                if acronym:
                    rest_words = [acronym, *rest_words[1:]]
                a_service = after_particle and position >= own and bool(_SERVICE.match(" ".join(rest_words)))
                if not (_is_structure(word) and word[:1].isupper()) and not acronym and not a_service:
                    continue
                if after_particle and position < own:
                    continue  # « Chargée de Mission »: the function's own words
                # « Responsable de Pôle » is a function; « Directeur du PLIE », « chargée de
                # mission à la mission locale de Dax » name a structure after it.
                if after_particle and position + 1 == len(role_words) and not (acronym or a_service):
                    continue
                organisation_parts.append(" ".join(rest_words))
                kept = role_words[:position]
                while len(kept) > 1 and kept[-1].lower() in _PARTICLES:
                    kept.pop()  # « directrice de la »: « directrice »
                role = " ".join(kept)
                break
            if before and not any(before in part for part in organisation_parts):
                organisation_parts.insert(0, before)
            continue
        organisation_parts.append(segment)

    organisation_parts = [p for p in organisation_parts if p]
    organisation = _joined(text, organisation_parts)
    # One or two capitalised words with no structure word: a place ("Bordeaux").
    # "Hélène DUBOIS Bordeaux, chargée de mission…": beside a role, one to three
    # capitalised words with no structure word name a place.
    if organisation and not territory and role:
        words = organisation.split()
        if (
            len(words) <= 3
            and not any(_is_structure(w) for w in words)
            and words[0][:1].isupper()
            and len(organisation_parts) < 2
            and not _is_upper_word(words[0])
            and (len(words) == 1 or _is_a_place(organisation))
        ):
            territory, organisation = organisation, ""
    if not territory and organisation:
        # The area is named by the first part, never by a second structure (« CC du Val,
        # mission emploi »); places written after it are its département or its region, said
        # beside it and out of the structure's name: « PETR Monts et barrages, Landes » is the
        # PETR Monts et barrages, on « Monts et barrages (Landes) ».
        places = _place_parts(organisation_parts)
        territory = _place_cased(_area(places[0]), places[0])
        if not territory and (served := _served_area(places[0], beside_people=bool(names))):
            # A service's area is said by its name; after it, only a département or a région
            # is where it is (« Mission locale de Pau, Recruter des jeunes » stays one name).
            territory = _place_cased(served, places[0])
            places = places[:1] + list(itertools.takewhile(is_departement_or_region, places[1:]))
        after_it = set(places[1:])
        commas = _Written(text)
        if territory and len(places) > 1:
            territory = f"{territory} ({', '.join(places[1:])})"
            organisation = _joined(text, [p for p in organisation_parts if p not in after_it])
        elif len(places) > 1 and all(
            is_departement_or_region(place) and commas.between(previous, place, _COMMA) is not None
            for previous, place in zip(places, places[1:], strict=False)
        ):
            # A structure named after no area, its département or region written after it, after
            # a comma: « Mission locale, Landes » is the Mission locale, on « Landes » (a town,
            # or anything else, stays in the name: nothing says it is where they work; so does
            # « Mission locale / Aude », where Aude may be the person).
            territory = ", ".join(places[1:])
            organisation = _joined(text, [p for p in organisation_parts if p not in after_it])
    result.names = names
    result.organisation = organisation
    result.territory = territory
    result.role = role
    return result

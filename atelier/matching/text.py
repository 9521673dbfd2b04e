"""French text as comparable features: accents, case, elisions, word forms, acronyms, families."""

from __future__ import annotations

import re
import threading
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from atelier.french import strip_accents as strip_accents  # matching's modules take it from here

# Words that carry no topic in a workshop grid (grammar, and the grid's own meta words).
STOP_WORDS = frozenset(
    {
        "a",
        "afin",
        "ai",
        "aie",
        "aient",
        "aies",
        "ainsi",
        "ait",
        "al",
        "aller",
        "alors",
        "as",
        "au",
        "aucun",
        "aucune",
        "aujourd",
        "aupres",
        "auquel",
        "aura",
        "aurai",
        "auraient",
        "aurais",
        "aurait",
        "auras",
        "aurez",
        "auriez",
        "aurions",
        "aurons",
        "auront",
        "aussi",
        "autre",
        "autres",
        "aux",
        "auxquelles",
        "auxquels",
        "avaient",
        "avais",
        "avait",
        "avant",
        "avec",
        "avez",
        "aviez",
        "avions",
        "avoir",
        "avons",
        "ayant",
        "ayez",
        "ayons",
        "besoin",
        "besoins",
        "bien",
        "bon",
        "c",
        "car",
        "cas",
        "ce",
        "ceci",
        "cela",
        "celle",
        "celles",
        "celui",
        "cependant",
        "certain",
        "certaine",
        "certaines",
        "certains",
        "ces",
        "cet",
        "cette",
        "ceux",
        "chaque",
        "chez",
        "chose",
        "ci",
        "comme",
        "comment",
        "d",
        "dans",
        "davantage",
        "de",
        "deja",
        "dela",
        "des",
        "desquelles",
        "desquels",
        "deux",
        "devant",
        "devoir",
        "different",
        "differente",
        "differentes",
        "differents",
        "divers",
        "diverse",
        "diverses",
        "doit",
        "doivent",
        "donc",
        "dont",
        "du",
        "duquel",
        "egalement",
        "elle",
        "elles",
        "en",
        "encore",
        "entre",
        "es",
        "est",
        "et",
        "etaient",
        "etais",
        "etait",
        "etant",
        "etc",
        "ete",
        "etes",
        "etiez",
        "etions",
        "etre",
        "eu",
        "eue",
        "eues",
        "eumes",
        "eurent",
        "eus",
        "eusse",
        "eussent",
        "eusses",
        "eussiez",
        "eussions",
        "eut",
        "eux",
        "exemple",
        "exemples",
        "facon",
        "faire",
        "fait",
        "faut",
        "fois",
        "font",
        "furent",
        "fus",
        "fut",
        "hui",
        "ici",
        "il",
        "ils",
        "j",
        "je",
        "jusqu",
        "l",
        "la",
        "laquelle",
        "le",
        "lequel",
        "les",
        "lesquelles",
        "lesquels",
        "leur",
        "leurs",
        "lors",
        "lorsque",
        "lui",
        "m",
        "ma",
        "mais",
        "maniere",
        "me",
        "meme",
        "memes",
        "mes",
        "mettre",
        "mieux",
        "moi",
        "moins",
        "moment",
        "mon",
        "n",
        "ne",
        "ni",
        "niveau",
        "nombreuse",
        "nombreuses",
        "nombreux",
        "non",
        "nos",
        "notamment",
        "notre",
        "nous",
        "on",
        "ont",
        "ou",
        "où",
        "par",
        "parce",
        "pas",
        "peu",
        "peut",
        "peuvent",
        "plus",
        "plusieurs",
        "possible",
        "possibles",
        "pour",
        "pourquoi",
        "pourrait",
        "pouvoir",
        "qu",
        "quand",
        "que",
        "quel",
        "quelle",
        "quelles",
        "quelque",
        "quelques",
        "quels",
        "question",
        "qui",
        "quoi",
        "ressource",
        "ressources",
        "s",
        "sa",
        "sans",
        "se",
        "selon",
        "ses",
        "si",
        "sien",
        "soi",
        "soient",
        "sois",
        "soit",
        "sommes",
        "son",
        "sont",
        "sous",
        "soyez",
        "soyons",
        "suis",
        "sujet",
        "sur",
        "t",
        "ta",
        "te",
        "tel",
        "telle",
        "telles",
        "tels",
        "tes",
        "toi",
        "ton",
        "tous",
        "tout",
        "toute",
        "toutes",
        "tres",
        "trop",
        "tu",
        "type",
        "un",
        "une",
        "unes",
        "uns",
        "va",
        "vers",
        "voir",
        "vos",
        "votre",
        "vous",
        "y",
        "à",
        "ça",
    }
)

_ELISION = re.compile(r"\b(?:l|d|j|qu|n|s|c|m|t|jusqu|lorsqu|puisqu|quoiqu)'", re.IGNORECASE)
_PARTS = re.compile(r"[^\W_]+")
# The same runs in a text without « _ » (the one character of \w that is no letter or digit),
# found faster (8.4 → 7.1 µs a text of the scale benchmark): `sequence` reads every statement.
_RUNS = re.compile(r"\w+")
_QU = re.compile(r"qu'", re.IGNORECASE)


# An e-mail or web address says where to write, not what a statement is about: its pieces
# (« contact », « plie », « fr », « www ») are no words of it, to link it or to give it a meaning
# (« contact@plie-sudgironde.fr » and « https://www.plie-sudgironde.fr/contact » were said to
# share « sudgironde », « fr » and « contact »). `without_addresses`.
_ADDRESS = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|(?:https?://|www\.)\S+"  # a web address written as one
    r"|(?<![\w@.-])[\w-]+(?:\.[\w-]+)*\.(?:fr|com|org|net|eu|info|bzh|corsica)(?:/\S*)?(?![\w-])",
    re.IGNORECASE,
)
_MAYBE_ADDRESS = re.compile(r"@|://|www\.|\.(?:fr|com|org|net|eu|info|bzh|corsica)\b", re.IGNORECASE)


def without_addresses(text: str) -> str:
    """The text with its e-mail and web addresses blanked (`_ADDRESS`), the rest in place."""
    if "@" not in text and "." not in text and ":" not in text:  # most texts: no regex to run
        return text
    if not _MAYBE_ADDRESS.search(text):
        return text
    return _ADDRESS.sub(lambda found: " " * len(found.group()), text)


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """Lowercase without accents, cached: the same words come back all the time."""
    return strip_accents(word.lower())


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The comparable form of a word: its French Snowball stem, then without accents
    (jeunes → jeun, cloisonnée → cloison). The stemmer reads French endings with their
    accents (-ée, -és): folded first, « cloisonnée » and « cloisonné » would differ. A plural
    goes first (`_singular`): Snowball reads « loyer » as a verb (loi) and « loyers » as a noun
    (loyer). A word Snowball would cut to the stem of a word of another meaning has a stem of its
    own (faux_amis.toml: « département » is not « départ », « France » not « français »)."""
    own = _own_stem(word)
    if own:
        return own  # a word Snowball would cut to the stem of another (faux_amis.toml)
    with _STEMMING:  # Snowball's stemmer keeps the word it works on: one word at a time
        stemmed = _stemmer().stemWord(_singular(word.lower()))
    return fold_word(stemmed)


def _own_stem(word: str) -> str:
    """The stem faux_amis.toml gives a word, or "" when it lists none."""
    own = _own_stems()
    lower = word.lower()
    return own.get(lower) or own.get(_singular(lower)) or ""


@lru_cache(maxsize=1)
def _own_stems() -> dict[str, str]:
    """Words Snowball cuts to the stem of a word of another meaning (« département » to that of
    « départ », « France » to that of « français », « loyer » to that of « loi »), each with a
    stem of its own: resources/faux_amis.toml, as written there (lowercase, accents, singular)."""
    from atelier.paths import resources_dir

    data = tomllib.loads((resources_dir() / "faux_amis.toml").read_text(encoding="utf-8"))
    return {str(form): str(key) for key, forms in data.get("mots", {}).items() for form in forms}


def _singular(word: str) -> str:
    """The word without its plural's final s (or the x of « lieux », « enjeux »), as Snowball
    should read it: it removes the -er, -it or -ion of a singular (« loyer », « crédit »,
    « réflexion ») as a verb's ending, and keeps them before an s (« loyers », « réflexions »
    read as « reflex »). Over the glossary's words and the example's and development workshops'
    vocabularies, 13 of 448 singular/plural pairs had two stems; one now, by choice
    (« crédits »). Not a word of 3 letters or fewer (« mis », « vus »), nor one of
    `_INVARIABLE`: a singular ending in s that would be read as another word without it, or
    « crédits » (a budget, not « un crédit », a loan). The -aux and -eaux plurals Snowball
    reads itself; the adjectives in -eux are the same in both numbers (their feminine « -euse »
    is read as « -eux »); « travaux » stays apart from « travail »."""
    if len(word) <= 3 or word in _INVARIABLE:
        return word
    if word[-1] == "s" and word[-2] != "s":
        return word[:-1]
    if word in _EU_PLURALS:
        return word[:-1]
    return word


# Nouns in -eu whose plural takes an x; adjectives in -eux are left as written.
_EU_PLURALS = frozenset(
    {
        "jeux",
        "enjeux",
        "lieux",
        "milieux",
        "feux",
        "voeux",
        "cheveux",
        "neveux",
        "aveux",
        "essieux",
        "moyeux",
    }
)
# Singulars ending in s that Snowball would read as another word without it (« divers » is
# not « diver », a verb), and plurals with a sense of their own (« les crédits »).
_INVARIABLE = frozenset({"divers", "univers", "travers", "envers", "revers", "pervers", "tiers", "crédits"})


# The window matches in one thread while an export matches in another: two words stemmed at
# once by the one stemmer garbled each other (wrong stems, cached for good, or an IndexError).
_STEMMING = threading.Lock()


@lru_cache(maxsize=1)
def _stemmer() -> Any:  # snowballstemmer has no types
    import snowballstemmer

    return snowballstemmer.stemmer("french")


@dataclass(slots=True)
class Token:
    surface: str  # as written
    stem: str  # comparable form
    upper: bool  # written in capitals (or mixed like CdC): may be an acronym
    stop: bool = False  # a small word (« de », « faire »): in expressions only, never a feature


def tokens(text: str) -> list[Token]:
    """Words of a text, elisions removed, hyphenated words split, stop words kept out."""
    return [token for token in sequence(text) if not token.stop]


def sequence(text: str) -> list[Token]:
    """Every word of a text in order, small words included (flagged `stop`): an expression
    of the glossary (« faire du lien », « mode de garde ») is found word for word in it."""
    text = text.replace("’", "'").replace("‘", "'").replace("œ", "oe").replace("Œ", "OE")
    # An elided one-letter word (« l' », « d' ») is too short to be a token anyway: only the
    # elisions ending in « qu' » (« qu' », « jusqu' », « lorsqu' »…) need the substitution.
    if "'" in text and _QU.search(text):
        text = _ELISION.sub(" ", text)
    # Each run of letters and digits, in order: the words, hyphenated ones split in parts.
    parts = (_PARTS if "_" in text else _RUNS).findall(text)
    return [token for token in map(_token, parts) if token is not None]


@lru_cache(maxsize=200_000)
def _token(part: str) -> Token | None:
    """One word as a token (None: too short), worked out once per spelling: the same words
    come back in every statement. Tokens are shared: never change one."""
    if not part:
        return None
    plain = fold_word(part)
    upper = part != part.lower() and (
        sum(1 for c in part if c.isupper()) >= 2 or (part.isupper() and len(part) > 1)
    )
    # « a » / « à » stay, as small words: « a permis » (the verb) is no « permis » (a licence),
    # and an expression says them as written ([autres_sens]); other one-letter words go.
    if len(plain) < 2 and not part.isdigit() and plain != "a":
        return None
    if plain in STOP_WORDS and not upper:
        return Token(part, plain, False, True)
    return Token(part, stem(part) if not part.isdigit() else plain, upper)


@lru_cache(maxsize=50_000)
def phrase_key(text: str) -> tuple[str, ...]:
    """How a glossary entry is found in a text: one word by its stem (« logements » finds
    « logement »), an expression of several words word for word, small words included
    (« faire du lien » is not « lien », « besoins du territoire » not « territoire »)."""
    words = sequence(text)
    if len(words) == 1:
        return () if words[0].stop else (words[0].stem,)
    return tuple(t.stem for t in words)


@lru_cache(maxsize=4)
def _parsed_toml(text: str) -> dict[str, Any]:
    """A glossary file's TOML, parsed once per content: every match, export and draft loads
    the shipped glossary (1,600 entries, 0.1 s to parse each time). Shared: never changed
    (`Glossary.load` builds its own dicts and lists from it)."""
    return tomllib.loads(text)


@dataclass
class Glossary:
    """Acronyms with their expansion, families of near-synonyms, and related themes
    (resources/glossaire.toml)."""

    acronyms: dict[str, str] = field(default_factory=dict)
    families: dict[str, list[str]] = field(default_factory=dict)
    # Theme -> its related themes ([voisins]), both ways: « partage d'expériences » and
    # « coopération » are one subject seen from two sides (see `Analyzer.analyze`).
    neighbours: dict[str, list[str]] = field(default_factory=dict)
    # Theme -> expressions where one of its words says something else ([autres_sens]):
    # « leurs études » (studies, not a survey), « difficulté d'apprentissage » (learning).
    other_senses: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Glossary:
        data = _parsed_toml(path.read_text(encoding="utf-8"))
        families = {str(k): [str(w) for w in v] for k, v in data.get("familles", {}).items()}
        neighbours: dict[str, list[str]] = {}
        for theme, others in data.get("voisins", {}).items():
            for other in others:
                for a, b in ((str(theme), str(other)), (str(other), str(theme))):
                    if a != b and b not in neighbours.setdefault(a, []):
                        neighbours[a].append(b)
        return cls(
            acronyms={str(k): str(v) for k, v in data.get("sigles", {}).items()},
            families=families,
            neighbours=neighbours,
            other_senses={str(k): [str(w) for w in v] for k, v in data.get("autres_sens", {}).items()},
        )

    def merged(self, acronyms: dict[str, str], families: dict[str, list[str]]) -> Glossary:
        combined = {k: list(v) for k, v in self.families.items()}
        for name, words in families.items():
            combined.setdefault(name, [])
            combined[name] += [w for w in words if w not in combined[name]]
        return Glossary({**self.acronyms, **acronyms}, combined, self.neighbours, self.other_senses)


def default_glossary() -> Glossary:
    from atelier.paths import resources_dir

    return Glossary.load(resources_dir() / "glossaire.toml")

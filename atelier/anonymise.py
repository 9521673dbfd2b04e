"""People's names taken out of a text, each replaced by their OWN structure (no Qt).

A participant cell names one or several people (« Cécile BECHON et Ghislaine Paparemborde »).
Anonymised minutes, tables and the projector's private mode replace, in every text:

- a whole name as written, in any case (« Cécile BECHON », « BECHON Cécile », « cécile
  bechon »), and a surname with any first name before it (« Cécile Dallet » for Céline
  Dallet, a typo in the grid), by the structure of the participant whose surname it is;
- a surname alone (« Dallet »), the same way when one participant has it; when several do,
  by their structure in their own text, else by a neutral « [nom] »;
- a participant's first name alone (« travailler avec Jean »), in anyone's text: by the
  structure of the one participant who has it (a first name close to the owner's, such as
  « Cécile » written for « Céline », counts as the owner's in their own text); several
  participants have it: the owner's structure in their own text, else « [nom] »;
- what goes with a name goes with it: a civility (« M. Dupont », « Mme Roux »), initials
  (« J. Dupont »); an elided « d' », « qu' » before a name becomes « de », « que » when the
  structure starts with a consonant (« d'Anne » → « de PLIE Sud Landes »);
- an e-mail address or a phone number, whoever's: by « [courriel] », « [téléphone] »;
- given the list of French first names (`first_names`), a person who is no participant: a
  first name with a surname (« Martine Lefèvre »), a first name alone (« avec Martine du
  Département »), a civility with a name (« Mme Durand »), a first name in lower case after a
  word that introduces a person (« rendez-vous avec martine », « le bureau de nadine »,
  « pour », « chez », « par », « M. »…): by « [nom] ».

A participant's structure (their label: structure or territory) is never a person, whatever
its name (« Guy Hoquet », « Léa Nature »): written in any text, it stays as it is.

A first name that is also a French word (« Pierre », « Rose », « Claire », « Marine ») is a
person written with a capital inside a sentence or with a surname; in lower case it is the
word (« la rose des vents »), unless « avec », « chez », « pour »… says it may be someone
(« voir avec claire »: left and counted in `unsure`); at the start of a sentence, alone, it is
only taken for its owner in their own text; elsewhere it is left and counted in `unsure`, which
the export says. Another first name in lower case that nothing says is a person (« appeler
ginette demain ») is left and counted too. A name after « rue », « lycée », « Saint »… is a
place's (« rue Anne Frank »), after « agence », « enseigne », « magasin »… a firm's (« l'enseigne
Yves Rocher »); a participant's surname followed by a capitalised word that is no first name is
a firm's (« Leroy Merlin »): they stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from atelier.french import fold

NEUTRAL = "[nom]"
# An e-mail address, a French phone number as people write them (« 06 12 34 56 78 »,
# « 06.12.34.56.78 », « +33 6 12 34 56 78 », « +33 (0)6 … »): how to reach a person, never
# printed anonymised (the import takes them out of a participant's cell the same way).
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}"
PHONE = r"(?:\+\s?\d{2,3}[\s.]?(?:\(0\)\s?)?[1-9]|(?<!\d)0[1-9])(?:[\s.-]?\d{2}){4}(?!\d)"
_EMAIL = re.compile(EMAIL)
_PHONE = re.compile(PHONE)
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
# An elided word glued to the name after it: « d'Anne », « qu'Anne », « jusqu'à ».
_ELIDED = re.compile(r"^(jusqu|lorsqu|puisqu|quoiqu|qu|d|l|j|n|s|c|m|t)['’](?=[^\W\d_])", re.IGNORECASE)
_CIVILITY = re.compile(
    r"(?:\b(?:M|MM|Mme|Mmes|Mlle|Mlles|Mr|Mrs|Ms|Dr|Pr|Me)\b\.?"
    r"|\b(?:[Mm]adame|[Mm]onsieur|[Mm]ademoiselle|[Dd]octeur|[Mm]aître))\s+$"
)
_INITIALS = re.compile(r"(?<![^\W\d_])[A-ZÀ-Ý]\.(?:\s?-?\s?[A-ZÀ-Ý]\.)*\s*$")
# Words after which a person's name is a place's or an institution's (« rue Anne Frank »,
# « lycée Jean Moulin », « Saint Pierre », « association Léo Lagrange »), folded.
_PLACE_WORDS = frozenset(
    re.findall(
        r"\w+",
        "rue avenue av boulevard bd place allee allees quai impasse chemin route square cours "
        "parc pont lycee college ecole centre salle espace maison stade gymnase mediatheque "
        "bibliotheque hopital clinique residence cite quartier prix fondation institut "
        "universite promotion saint sainte st ste abbe association federation entreprise societe "
        "agence reseau programme projet dispositif groupe club foyer magasin enseigne cabinet "
        "boutique marque franchise sarl sas eurl ets etablissements",
    )
)
# French first names that are also everyday words: such a word is a person only written with a
# capital inside a sentence or next to a surname (folded).
HOMOGRAPHS = frozenset(
    re.findall(
        r"\w+",
        "ambre aurore capucine charlotte claire clement clemence constance germain guy iris jade "
        "jean madeleine marguerite marine martial max maxime melodie noel oceane olivier pascal "
        "pierre roman romain rose victoire violette aime france prudence olive blanche colombe "
        "fleur perle grace ange aube reine lois flore milan",
    )
)
# Words after which a first name in lower case is a person (« rendez-vous avec martine »),
# folded; a civility too (« Mme », « M. »). After « de » or « à » (« le bureau de nadine ») too,
# unless the first name is also a word (« mur de pierre », « huile d'olive »).
_OF_WORDS = frozenset(["de", "du", "des"])
_PERSON_BEFORE = frozenset(["avec", "chez", "par", "pour", "aupres", "selon"])
_OF_BEFORE = frozenset(["de", "a"])
_ELIDED_DE = re.compile(r"(?<![^\W\d_])[dD]['’]$")
_LAST_WORD = re.compile(r"([^\W\d_]+)\s+$")
# A participant's label numbered when several share a structure (« Région N-A n° 2 »).
_NUMBERED = re.compile(r"\s+(?:n°|no\.)\s*\d+$")
# Sentence ends and list marks: a word after one of them starts a sentence.
_SENTENCE_START = ".!?:;\n•–—*-"


def neutral(lang: str = "fr") -> str:
    """What stands for a person who is no participant, or for several: « [nom] » (« [name] »)."""
    return "[name]" if lang == "en" else NEUTRAL


def contacts_masked(text: str, lang: str = "fr") -> str:
    """The text with its e-mail addresses and phone numbers replaced: « écrire à [courriel] »,
    « appeler le [téléphone] » (« [e-mail] », « [phone] » in English)."""
    if "@" in text:
        text = _EMAIL.sub("[e-mail]" if lang == "en" else "[courriel]", text)
    if any(c.isdigit() for c in text):
        text = _PHONE.sub("[phone]" if lang == "en" else "[téléphone]", text)
    return text


def _key(word: str) -> str:
    return fold(word).replace("’", "'")


def split_name(name: str) -> tuple[list[str], list[str]]:
    """(first names, surnames) of a name as typed: a word in capitals is a surname
    (« PALLET Agnès », « Agnès PALLET »); otherwise the first word is the first name."""
    words = _WORD.findall(name)
    if not words:
        return [], []
    capitals = [w for w in words if len(w) > 1 and w.upper() == w and any(c.isalpha() for c in w)]
    if capitals and len(capitals) < len(words):
        return [w for w in words if w not in capitals], capitals
    if len(words) == 1:
        return [], words
    return words[:1], words[1:]


def _distance(a: str, b: str) -> int:
    """Levenshtein distance, for a first name mistyped in its owner's own text."""
    if abs(len(a) - len(b)) > 2:
        return 3
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@dataclass(frozen=True, slots=True)
class Person:
    owner: str  # participant id
    label: str  # what stands in for them: their structure (or territory)
    names: tuple[str, ...]


class NameMasker:
    """Replaces people's names in texts by their own participant's label.

    `mask(text, owner)`: owner is the participant whose text it is (an item), or None
    (a match reason, a note, the workshop's description). `first_names` (folded) lets it
    mask people who are no participant too, by `neutral`. `unsure` holds the mentions it
    left though they may be a person (a first name that is also a word, see HOMOGRAPHS)."""

    def __init__(
        self,
        people: Iterable[Person],
        first_names: Iterable[str] = (),
        neutral: str = NEUTRAL,
        *,
        lang: str = "fr",
    ) -> None:
        self.labels: dict[str, str] = {}
        self.neutral = neutral
        self.lang = lang
        self.unsure: dict[tuple[str, int], str] = {}  # (text, where) -> the word left
        full: dict[str, set[str]] = {}  # folded whole name -> owners
        surnames: dict[str, set[str]] = {}
        firsts: dict[str, set[str]] = {}
        self._own_firsts: dict[str, set[str]] = {}
        # The labels, a structure's name (« Guy Hoquet ») or a territory's: never masked.
        kept: set[str] = set()
        for person in people:
            self.labels[person.owner] = person.label
            structure = _NUMBERED.sub("", person.label).strip()
            if len(structure) >= 2 and _WORD.search(structure):
                kept.add(structure)
            for name in person.names:
                first, last = split_name(name)
                if not last:
                    continue
                words = _WORD.findall(name)
                full.setdefault(_key(" ".join(words)), set()).add(person.owner)
                full.setdefault(_key(" ".join(last + first)), set()).add(person.owner)
                full.setdefault(_key(" ".join(last)), set()).add(person.owner)
                for word in last:
                    if len(word) >= 2:
                        surnames.setdefault(_key(word), set()).add(person.owner)
                for word in first:
                    firsts.setdefault(_key(word), set()).add(person.owner)
                    self._own_firsts.setdefault(person.owner, set()).add(_key(word))
        # A word that is somebody's first name is not taken for a surname alone.
        self._surnames = {k: v for k, v in surnames.items() if k not in firsts and len(k) >= 3}
        self._full = full
        self._firsts = firsts
        self._parts = set(surnames) | set(firsts)  # every word of a participant's name
        self._known = frozenset(_key(n) for n in first_names) | frozenset(k for k in firsts if len(k) >= 2)
        # Longest first: « Léa Nature Bio » before « Léa Nature ».
        self._structures = (
            re.compile(
                r"(?<![^\W_])(?:"
                + "|".join(
                    r"\s+".join(map(re.escape, s.split())) for s in sorted(kept, key=len, reverse=True)
                )
                + r")(?![^\W_])",
                re.IGNORECASE,
            )
            if kept
            else None
        )

    @property
    def unsure_words(self) -> list[str]:
        """The words left that may be a person, once each, as written."""
        return sorted(set(self.unsure.values()), key=str.casefold)

    def mask(self, text: str, owner: str | None = None) -> str:
        if not text:
            return text
        text = contacts_masked(text, self.lang)
        if not (self.labels or self._known):
            return text
        spans: list[tuple[int, int]] = []
        tokens: list[str] = []
        for m in _WORD.finditer(text):
            a, b = m.span()
            elided = _ELIDED.match(m.group())
            if elided:
                a += elided.end()
            spans.append((a, b))
            tokens.append(text[a:b])
        kept = [m.span() for m in self._structures.finditer(text)] if self._structures else []
        out: list[str] = []
        last = 0
        i = 0
        while i < len(tokens):
            if any(a <= spans[i][0] < b for a, b in kept):
                i += 1  # a participant's structure (« Guy Hoquet »): no person
                continue
            taken = self._name_at(tokens, i, owner, spans, text)
            if taken is None:
                i += 1
                continue
            length, label = taken
            if label is None:
                i += length
                continue
            start = spans[i][0]
            before = text[last:start]
            # The initials and the civility that go with the name (« Mme J. Dupont »).
            for pattern in (_INITIALS, _CIVILITY):
                found = pattern.search(before)
                if found:
                    before = before[: found.start()]
            out.append(_elision_before(before, label))
            out.append(label)
            last = spans[i + length - 1][1]
            # « Martine Colin Rabouan (Cité de l'emploi à Tarbes) » is the structure once, never
            # « Cité de l'emploi à Tarbes (Cité de l'emploi à Tarbes) ».
            aside = _ASIDE.match(text, last)
            if aside is not None and _same_label(aside.group(1), label):
                last = aside.end()
                while i < len(tokens) and spans[i][0] < last:
                    i += 1
                continue
            i += length
        out.append(text[last:])
        return "".join(out)

    __call__ = mask

    def _name_at(
        self, tokens: Sequence[str], i: int, owner: str | None, spans: Sequence[tuple[int, int]], text: str
    ) -> tuple[int, str | None] | None:
        """How many words from word i make a name, and what stands for them (None: the words
        stay as they are); None when word i starts no name."""

        def key_at(j: int) -> str:
            return _key(tokens[j])

        def joined(j: int) -> bool:  # only spaces between word j-1 and word j
            return text[spans[j - 1][1] : spans[j][0]].strip() == ""

        def capital_follows(j: int) -> bool:
            return j < len(tokens) and joined(j) and self._capitalised(tokens[j])

        def someone_elses(j: int) -> bool:
            """Word j-1, alone, is followed by a capitalised word of no participant's name:
            the two make another person's or a firm's name (« Thomas Pesquet »)."""
            return capital_follows(j) and key_at(j) not in self._parts

        word, key = tokens[i], key_at(i)
        capital = self._capitalised(word)
        # A common word in lower case is the word (« la rose des vents »).
        plain_word = not capital and (key in HOMOGRAPHS or len(key) < 3)
        # « lycée Jean Moulin », not « le projet de Marie Dupont »: « de » says whose it is.
        after_place = i > 0 and joined(i) and key_at(i - 1) in _PLACE_WORDS and key not in _OF_WORDS
        # Longest whole name first (« Colin Rabouan », « Cécile BECHON »).
        for length in range(min(4, len(tokens) - i), 0, -1):
            if not all(joined(j) for j in range(i + 1, i + length)):
                continue
            joined_key = " ".join(key_at(j) for j in range(i, i + length))
            owners = self._full.get(joined_key)
            if owners and length > 1:
                return length, self._label(owners, owner)
            lower_surname = (
                joined_key in self._surnames and not capital and not plain_word and not after_place
            )
            if owners and lower_surname and not someone_elses(i + 1):
                return length, self._label(owners, owner)  # « dallet » typed in lower case
        if after_place:  # « rue Anne Frank », « lycée Jean Moulin »: the words stay as they are
            length = 1
            while length < 4 and capital_follows(i + length):
                length += 1
            return length, None
        # A first name followed by a surname: the surname decides who it is. The first name
        # is anyone's, or one close to the surname's owner's (« Cécile » for « Céline »).
        if i + 1 < len(tokens) and joined(i + 1) and capital:
            following = self._surnames.get(key_at(i + 1))
            close = any(self._is_close_first(key, o) for o in following or ())
            if following and close:
                return 2, self._label(following, owner)
            if following and key in self._known:
                return 2, self.neutral  # « Julie Petit » while Bruno Petit is in the room: someone else
        known_first = key in self._known and (capital or (key in self._firsts and not plain_word))
        if known_first and someone_elses(i + 1):
            # A first name and a surname of someone who is not in the room: « Martine Lefèvre »;
            # a surname that is also a first name, last (« Paul Martin »), is theirs too.
            length = 1
            while length < 4 and capital_follows(i + length) and key_at(i + length) not in self._known:
                length += 1
            if length == 1 and capital_follows(i + 1) and not capital_follows(i + 2):
                length = 2
            return length, self.neutral
        if (
            len(word) >= 3
            and word.isupper()
            and capital_follows(i + 1)
            and not tokens[i + 1].isupper()
            and key_at(i + 1) in self._known
            and key_at(i + 1) not in self._parts
        ):
            return 2, self.neutral  # « PALLET Agnès »: a surname first, of someone not in the room
        own_first = owner is not None and self._is_own_first(key, owner)
        if not capital and len(key) >= 3 and key in self._known and key not in self._firsts and not own_first:
            # A first name in lower case, of someone who is not in the room.
            before = self._person_word_before(text, spans[i][0])
            if key in HOMOGRAPHS:
                if before == "person":  # « voir avec claire »: Claire, or the word?
                    self.unsure[(text, spans[i][0])] = word
                return None
            if before:  # « rendez-vous avec martine », « le bureau de nadine »
                length = 1
                while length < 4 and capital_follows(i + length) and key_at(i + length) not in self._known:
                    length += 1  # « avec martine Lefèvre »
                return length, self.neutral
            self.unsure[(text, spans[i][0])] = word  # « appeler ginette demain »: left, said
            return None
        if not capital and key in HOMOGRAPHS and key in self._firsts:
            # A participant's first name that is also a word, in lower case: the word, said
            # when « avec », « chez »… says it may be them (« voir avec claire »).
            if self._person_word_before(text, spans[i][0]) == "person":
                self.unsure[(text, spans[i][0])] = word
            return None
        if someone_elses(i + 1):
            return None  # « Leroy Merlin »
        starts = self._starts_sentence(text, spans[i][0])
        if key in self._surnames and capital:
            owners = self._surnames[key]
            if key in HOMOGRAPHS and starts and owner not in owners:
                self.unsure[(text, spans[i][0])] = word  # « Rose des vents… »: a word, or Mme Rose?
                return None
            return 1, self._label(owners, owner)
        own = owner is not None and self._is_own_first(key, owner)
        if key in self._firsts or own:
            if plain_word:
                return None
            if key in HOMOGRAPHS and starts and not own:
                self.unsure[(text, spans[i][0])] = word  # « Pierre a lancé… »: Pierre, or a stone?
                return None
            if own and owner is not None:
                return 1, self.labels[owner]
            return 1, self._label(self._firsts[key], owner)
        if capital and key in self._known:
            if key in HOMOGRAPHS:  # « la Marine nationale », « avec Pierre »: unsure
                self.unsure[(text, spans[i][0])] = word
                return None
            return 1, self.neutral  # « avec Martine du Département »
        if capital and _CIVILITY.search(text[: spans[i][0]]) and len(key) >= 2:
            # « Mme Durand »: a civility says a person.
            length = 1
            while length < 3 and capital_follows(i + length):
                length += 1
            return length, self.neutral
        return None

    @staticmethod
    def _person_word_before(text: str, at: int) -> str:
        """« person » when the word before says a person follows (« avec », « chez », « M. »),
        « of » after « de », « d' » or « à », else ""."""
        before = text[:at]
        if _CIVILITY.search(before):
            return "person"
        if _ELIDED_DE.search(before):
            return "of"
        last = _LAST_WORD.search(before)
        if last is None:
            return ""
        word = _key(last.group(1))
        return "person" if word in _PERSON_BEFORE else "of" if word in _OF_BEFORE else ""

    @staticmethod
    def _starts_sentence(text: str, at: int) -> bool:
        before = text[:at].rstrip(" \t\u00a0\u202f«»\"“”'’(")
        return not before or before[-1] in _SENTENCE_START

    def _is_close_first(self, key: str, owner: str) -> bool:
        """A first name a letter or two away from the owner's (a typo in the grid)."""
        return len(key) >= 4 and any(_distance(key, o) <= 2 for o in self._own_firsts.get(owner, set()))

    def _is_own_first(self, key: str, owner: str) -> bool:
        own = self._own_firsts.get(owner, set())
        if key in own:
            return True
        # « Cécile » typed for « Céline » in Céline's own text: a known first name, close to hers.
        return key in self._firsts and len(key) >= 4 and any(_distance(key, o) <= 2 for o in own)

    def _label(self, owners: set[str], owner: str | None) -> str:
        if owner is not None and owner in owners:
            return self.labels[owner]
        if len(owners) == 1:
            return self.labels[next(iter(owners))]
        return self.neutral

    @staticmethod
    def _capitalised(word: str) -> bool:
        return word[:1].isupper()


# A structure said in brackets just after a name: « Martine Colin Rabouan (Cité de l'emploi) ».
_ASIDE = re.compile(r"[ \t\u00a0\u202f]*\(\s*([^()]+?)\s*\)")


def _same_label(said: str, label: str) -> bool:
    """Whether `said` (in brackets after a name) is `label`, the structure that replaces the
    name, or the structure of a numbered label (« Région N-A » for « Région N-A n° 2 »)."""
    said, label = fold(said.strip()), fold(label.strip())
    return bool(said) and (said == label or fold(_NUMBERED.sub("", label)).strip() == said)


def _elision_before(before: str, label: str) -> str:
    """« d' » before a label that starts with a consonant is « de » (« de PLIE Sud Landes »)."""
    if before[-1:] in "'’" and label[:1].lower() not in "aeiouyàâéèêëîïôöûüœh":
        elided = re.search(r"(?<![^\W\d_])([^\W\d_]+)['’]$", before)
        if elided and _ELIDED.match(elided.group(0) + "x"):
            return f"{before[: elided.start()]}{elided.group(1)}e "
    return before


def every_name(people: Iterable[Person]) -> list[str]:
    """Each person's whole name as typed: what an anonymised document must not contain."""
    return sorted({n.strip() for p in people for n in p.names if n.strip()}, key=len, reverse=True)


# Between the parts of a participant's cell: « / », « , », « ; », « | », a dash between spaces.
_PARTS = re.compile(r"(\s*[/|,;–—]\s*|\s+-\s+)")
_DANGLING = re.compile(r"^(?:(?:et|&|and)\s+)+|(?:\s+(?:et|&|and))+$|\(\s*\)", re.IGNORECASE)


def names_taken_out(
    text: str, first_names: Iterable[str], structure_word: Callable[[str], bool] = lambda _w: False
) -> tuple[str, list[str]]:
    """A structure the import could not be sure holds no person (« Karine et Luc Blanc /
    Centre social », « Maison de l'emploi Anne Martin »), as an anonymised document may print
    it: without the words that read as people's names — a known first name with a capital,
    the capitalised words after it (no structure's word, `structure_word`), first names joined
    by « et » (« Karine et Luc Blanc »: Karine Blanc and Luc Blanc), a civility before them —
    and without the « / », « et » they leave; and the names taken out. A name after « lycée »,
    « rue », « association »… is the place's (« lycée Jean Moulin »): it stays."""
    known = frozenset(_key(n) for n in first_names)
    found = list(_WORD.finditer(text))

    def first_name(j: int) -> bool:
        word = found[j].group()
        return (
            word[:1].isupper()
            and all(_key(part) in known for part in word.split("-"))
            and not structure_word(word)
        )

    def gap(j: int) -> str:  # what is written between word j-1 and word j
        return text[found[j - 1].end() : found[j].start()]

    runs: list[tuple[int, int]] = []
    names: list[str] = []
    i = 0
    while i < len(found):
        before = i > 0 and not gap(i).strip() and _key(found[i - 1].group()) in _PLACE_WORDS
        if before or not first_name(i):
            i += 1
            continue
        people: list[list[int]] = []
        j = i
        while j < len(found) and first_name(j):
            person = [j]
            j += 1
            while (
                j < len(found)
                and len(person) < 4
                and not gap(j).strip()
                and found[j].group()[:1].isupper()
                and not structure_word(found[j].group())
            ):
                person.append(j)
                j += 1
            people.append(person)
            # « Karine et Luc Blanc », « Karine & Luc Blanc »: the next person is « Luc ».
            if j < len(found) and gap(j).strip() == "&" and first_name(j):
                continue
            if (
                j + 1 < len(found)
                and found[j].group().lower() in ("et", "and")
                and not gap(j).strip()
                and not gap(j + 1).strip()
                and first_name(j + 1)
            ):
                j += 1
                continue
            break
        if not (any(len(p) > 1 for p in people) or len(people) > 1):  # « Karine » alone: a place?
            i = j if j > i else i + 1
            continue
        surname = next((p[1:] for p in reversed(people) if len(p) > 1), [])
        for person in people:
            words = [found[k].group() for k in person]
            if len(person) == 1 and surname:
                words += [found[k].group() for k in surname]
            names.append(" ".join(words))
        start = found[i].start()
        civility = _CIVILITY.search(text[:start])
        runs.append((civility.start() if civility else start, found[people[-1][-1]].end()))
        i = j
    if not runs:
        return text, []
    pieces, last = [], 0
    for start, end in runs:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    parts = _PARTS.split("".join(pieces))
    kept: list[tuple[int, str]] = []
    for position in range(0, len(parts), 2):
        part = " ".join(parts[position].split())
        while (tidied := _DANGLING.sub("", part).strip()) != part:
            part = tidied
        if _WORD.search(part):
            kept.append((position, part))
    out = kept[0][1] if kept else ""
    for position, part in kept[1:]:
        sign = parts[position - 1].strip()
        out += f"{sign} {part}" if sign in ",;" else f" {sign} {part}"
    return out, names

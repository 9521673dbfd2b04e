"""People's names taken out of a text, each replaced by their OWN structure (no Qt).

A participant cell names one or several people (« Cécile BECHON et Ghislaine Paparemborde »).
Anonymised minutes, tables and the projector's private mode replace, in every text:

- a whole name as written (« Cécile BECHON », « BECHON Cécile »), and a surname with any
  first name before it (« Cécile Dallet » for Céline Dallet, a typo in the grid), by the
  structure of the participant whose surname it is;
- a surname alone (« Dallet »), the same way when one participant has it; when several do,
  by their structure in their own text, else by a neutral « [nom] »;
- a first name alone only in its owner's own text (a first name close to the owner's, such
  as « Cécile » written for « Céline », counts as the owner's there). A lone first name in
  another participant's text is left as it is: « Cécile » in Céline Dallet's offer is never
  turned into Cécile BECHON's structure.

A word alone (a surname, an own first name) followed by a capitalised word that is no
participant's name is part of somebody else's name and stays: « Thomas Pesquet », « Leroy
Merlin », « Martin Luther King », « rue Anne Frank » are not Julie Thomas, Anne Leroy…
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from atelier.french import fold

NEUTRAL = "[nom]"
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)


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
    (a match reason, a note, the workshop's description)."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.labels: dict[str, str] = {}
        full: dict[str, set[str]] = {}  # folded whole name -> owners
        surnames: dict[str, set[str]] = {}
        firsts: dict[str, set[str]] = {}
        self._own_firsts: dict[str, set[str]] = {}
        for person in people:
            self.labels[person.owner] = person.label
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

    def mask(self, text: str, owner: str | None = None) -> str:
        if not text or not self.labels:
            return text
        spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        tokens = [text[a:b] for a, b in spans]
        out: list[str] = []
        last = 0
        i = 0
        while i < len(tokens):
            taken = self._name_at(tokens, i, owner, spans, text)
            if taken is None:
                i += 1
                continue
            length, label = taken
            out.append(text[last : spans[i][0]])
            out.append(label)
            last = spans[i + length - 1][1]
            i += length
        out.append(text[last:])
        return "".join(out)

    __call__ = mask

    def _name_at(
        self, tokens: Sequence[str], i: int, owner: str | None, spans: Sequence[tuple[int, int]], text: str
    ) -> tuple[int, str] | None:
        def key_at(j: int) -> str:
            return _key(tokens[j])

        def joined(j: int) -> bool:  # only spaces between word j-1 and word j
            return text[spans[j - 1][1] : spans[j][0]].strip() == ""

        def someone_elses(j: int) -> bool:
            """Word j-1, alone, is followed by a capitalised word of no participant's name:
            the two make another person's or a firm's name (« Thomas Pesquet »)."""
            return (
                j < len(tokens)
                and joined(j)
                and self._capitalised(tokens[j])
                and key_at(j) not in self._parts
            )

        # Longest whole name first (« Colin Rabouan », « Cécile BECHON »).
        for length in range(min(4, len(tokens) - i), 0, -1):
            if not all(joined(j) for j in range(i + 1, i + length)):
                continue
            key = " ".join(key_at(j) for j in range(i, i + length))
            owners = self._full.get(key)
            if owners and (length > 1 or (key in self._surnames and not someone_elses(i + 1))):
                return length, self._label(owners, owner)
        key = key_at(i)
        # A first name followed by a surname: the surname decides who it is. The first name
        # is anyone's, or one close to the surname's owner's (« Cécile » for « Céline »).
        if i + 1 < len(tokens) and joined(i + 1) and self._capitalised(tokens[i]):
            following = self._surnames.get(key_at(i + 1))
            if following and (key in self._firsts or any(self._is_close_first(key, o) for o in following)):
                return 2, self._label(following, owner)
        if someone_elses(i + 1):
            return None
        if key in self._surnames and self._capitalised(tokens[i]):
            return 1, self._label(self._surnames[key], owner)
        if owner is not None and self._capitalised(tokens[i]) and self._is_own_first(key, owner):
            return 1, self.labels[owner]
        return None

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
        return NEUTRAL

    @staticmethod
    def _capitalised(word: str) -> bool:
        return word[:1].isupper()


def every_name(people: Iterable[Person]) -> list[str]:
    """Each person's whole name as typed: what an anonymised document must not contain."""
    return sorted({n.strip() for p in people for n in p.names if n.strip()}, key=len, reverse=True)

"""Statements grouped by what they are about, each group named in its participants' words.

A group starts from a topic several participants share: a phrase (« feuille de route »),
an acronym (« GPECT »), a rare word, or a family of near-synonyms of the glossary
(« coopération », « réseau », « interconnaissance »). The topic that gathers the most
participants, the more specific the better, goes first and takes its statements; the next
topics are weighed on what is left. Statements no topic names join the group they are
closest to in meaning (shared rare terms and the word vectors), or stay apart. A group is
named by its most central short statement (« Travailler avec les entreprises »), as a
participant wrote it, or else by its topic.

Over 500 lines: one algorithm (seed, gather, join, name), read top to bottom; its steps
share the topics and the statements' terms computed once.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from atelier.domain import ItemKind
from atelier.french import affirmed
from atelier.matching.text import Token, tokens
from atelier.synthesis.terms import GRAMMAR, META, fold_plain

if TYPE_CHECKING:
    from atelier.matching.semantic import WordVectors

# A term more than this share of the room uses names no group (« emploi », « territoire »);
# within one column, a term more than this share of its authors use.
COMMON_SHARE = 0.45
COLUMN_SHARE = 0.6
# Words that say where or who, not what about: never a group's topic (they still bring
# statements together when compared).
NOT_TOPICS = frozenset(
    fold_plain(w)
    for w in [
        "emploi",
        "emplois",
        "territoire",
        "territoires",
        "territorial",
        "territoriale",
        "territoriaux",
        "local",
        "locale",
        "locaux",
        "commune",
        "communes",
        "communauté",
        "communautés",
        "intercommunal",
        "intercommunale",
        "agglomération",
        "agglo",
        "métropole",
        "région",
        "régional",
        "régionale",
        "département",
        "départemental",
        "ville",
        "villes",
        "acteur",
        "acteurs",
        "structure",
        "structures",
        "partenaire",
        "partenaires",
        "personne",
        "personnes",
        "niveau",
        "échelle",
        "cadre",
        "lien",
        "collectivité",
        "collectivités",
        "dispositif",
        "dispositifs",
        "institution",
        "institutions",
        "état",
        "préfecture",
        "mise",
        "place",
        "œuvre",
        "cours",
        "année",
        "ans",
        "mois",
        "identifier",
        "développer",
        "créer",
        "faciliter",
        "favoriser",
        "permettre",
        "aider",
        "mobiliser",
        "construire",
        "mener",
        "porter",
        "accompagner",
        "beaucoup",
        "depuis",  # « depuis 2019 », « depuis la crise »: since when, of anything
        "pendant",
        "après",
        "environ",
        "assez",  # « pas assez de candidats », « recruter assez vite »: how much, of anything
        "trop",
        "plutôt",
        "vraiment",
        "rien",
        "souvent",
        "toujours",
        "jamais",
        "moyen",
        "moyens",
        "chose",
        "choses",
    ]
)
# Words a phrase cannot end on and say something (« minibus depuis [Villefranche] »).
_DANGLING = ["depuis", "pendant", "après", "environ"]
# Words no title ends with: the phrase goes on after them (« en cours », « en fonction »).
NOT_LAST = frozenset(
    fold_plain(w)
    for w in ["cours", "fonction", "place", "œuvre", "lien", "termes", "cadre", "matière", "sorte", "mesure"]
    + _DANGLING
)
# Words a new phrase starts with: a title may stop just before them.
PHRASE_STARTS = frozenset(
    fold_plain(w)
    for w in [
        "avec",
        "pour",
        "sur",
        "dans",
        "par",
        "en",
        "à",
        "au",
        "aux",
        "et",
        "ou",
        "afin",
        "qui",
        "que",
        "qu",
        "où",
        "comme",
        "car",
        "suite",
        "entre",
        "auprès",
        "vers",
        "chez",
        "lorsque",
        "quand",
        "si",
        "mais",
        "donc",
        "notamment",
        "depuis",
        "dont",
        "pendant",
        "avant",
        "après",
        "selon",
        "est",
        "sont",
        "a",
        "ont",
        "doit",
        "doivent",
        "peut",
        "peuvent",
        "permet",
        "permettent",
        "fait",
        "font",
        "va",
        "vont",
        "était",
        "étaient",
    ]
)
# Words no title starts with: a title is a noun phrase or an infinitive, not a clause.
NOT_FIRST = frozenset(
    [
        "pour",
        "que",
        "qu",
        "qui",
        "car",
        "si",
        "dont",
        "en",
        "de",
        "d",
        "à",
        "a",
        "avec",
        "sur",
        "dans",
        "par",
        "comme",
        "et",
        "ou",
        "mais",
        "donc",
        "ni",
        "puis",
        "c",
        "s",
        "n",
        "j",
        "des",
        "du",
        "un",
        "une",
        "ce",
        "cette",
        "ces",
        "celui",
        "celle",
        "ceux",
        "il",
        "ils",
        "elle",
        "elles",
        "on",
        "nous",
        "vous",
        "afin",
        "lorsque",
        "quand",
    ]
)
# How much each kind of term weighs when two statements are compared.
TERM_WEIGHT = {"w": 1.0, "p": 1.6, "a": 1.4, "f": 0.7}
# A statement no topic names joins a group only this close to it (0..1).
JOIN_MIN = 0.2
# A title is a short statement: at most this many words.
TITLE_WORDS = 7


@dataclass(slots=True)
class Statement:
    """One item of the grid as the drafter reads it (fragments of a split row joined)."""

    ids: tuple[str, ...]
    owner: str
    kind: ItemKind
    text: str
    terms: dict[str, str] = field(default_factory=dict)  # term -> as written here

    @property
    def id(self) -> str:
        return self.ids[0]


@dataclass(slots=True)
class Group:
    topic: str
    statements: list[Statement]
    title: str = ""
    focus: list[str] = field(default_factory=list)  # words that say the topic, as written
    title_from: Statement | None = None  # the statement the title is taken from
    theme: str = ""  # the glossary theme the title names (« recrutement »), not words of the grid
    # The glossary's acronym the title spells out (« Plan local pour l'insertion et l'emploi
    # (PLIE) »): the expansion is the glossary's words, not the grid's.
    acronym: str = ""
    # Every statement holds the group's subject, in words of its own maybe (the needs several
    # participants share: atelier.matching.need_groups): each participant counts, as the Excel
    # sheet counts them, not only those who write the words two of them share.
    held_by_all: bool = False
    # Statements of another column that say the theme: the actions of participants already
    # doing what the group's challenges say (`specific_themes`); not counted as its members.
    doers: list[Statement] = field(default_factory=list)

    @property
    def owners(self) -> list[str]:
        return list(dict.fromkeys(s.owner for s in self.statements))


class Space:
    """What the drafter knows of a workshop's statements: which terms are rare, which
    statements are close (shared rare terms, and the word vectors when installed)."""

    def __init__(
        self,
        statements: Sequence[Statement],
        participants: int,
        families: dict[str, list[str]],
        vectors: WordVectors | None = None,
        acronyms: dict[str, str] | None = None,
    ) -> None:
        self.statements = list(statements)
        self.acronyms = acronyms or {}
        self.families = families
        self.everyone = max(participants, 1)
        for statement in self.statements:
            statement.terms = {
                t: w for t, w in statement.terms.items() if t[0] != "f" or _family_word(w, t, families)
            }
        self.owners: dict[str, set[str]] = defaultdict(set)
        self.holders: dict[str, list[Statement]] = defaultdict(list)
        for statement in self.statements:
            for term in statement.terms:
                self.owners[term].add(statement.owner)
                self.holders[term].append(statement)
        holders = {t: len(held) for t, held in self.holders.items()}
        size = len(self.statements)
        self.idf = {t: math.log((1 + size) / (1 + n)) + 1.0 for t, n in holders.items()}
        self.common = {t for t, who in self.owners.items() if len(who) > max(3, self.everyone * COMMON_SHARE)}
        self.lexical = [self._unit(s.terms) for s in self.statements]
        # The meaning of what each says, not of what it denies (`french.affirmed`).
        self.tokens = [tokens(affirmed(s.text)) for s in self.statements]
        self.dense = _dense(self.tokens, vectors) if vectors is not None else None
        self._similarities: Any = None
        self._topics: dict[tuple[str, ItemKind], bool] = {}

    def topic(self, term: str, kind: ItemKind) -> bool:
        """Can this term seed a group? Not a word of the whole room, nor a word of place or
        of doing; a word only when its authors write the same word (Snowball gives
        « communication » and « communes » one stem)."""
        known = self._topics.get((term, kind))
        if known is None:
            known = self._topics[(term, kind)] = self._topic(term, kind)
        return known

    def _topic(self, term: str, kind: ItemKind) -> bool:
        if term in self.common and term[0] != "f":
            return False
        written = [s.terms[term] for s in self.holders[term] if s.kind == kind]
        plain = {fold_plain(w) for w in written}
        if not any(c.isalpha() for w in written for c in w):
            return False  # « 2021-2027 »: a figure says neither what it counts nor what about
        if written and all(in_brackets(s.text, s.terms[term]) for s in self.holders[term] if s.kind == kind):
            return False  # « un appui juridique (numérique) »: a detail, not what they need
        if term[0] == "f":
            # A family said mostly with words of place (« région », « département »): no topic.
            return sum(fold_plain(w) in NOT_TOPICS for w in written) * 2 < len(written)
        if term[0] == "w":
            from atelier.matching.text import STOP_WORDS

            if plain & (NOT_TOPICS | STOP_WORDS) or len(next(iter(plain), "")) < 4:
                return False
            if len({*_senses(term, kind, self.holders[term])} - {""}) >= 2:
                return False  # « offres d'emploi » and « offres de service »: two things
            if self._two_senses(term):
                return False  # « soins repoussés » and offers « en soins » (the care sector)
            holders = [s for s in self.holders[term] if s.kind == kind]
            places = [names_a_place(s.text, s.terms[term]) for s in holders]
            if all(places):
                return False  # « Poitiers »: where they work, not what about
            if all(_counted_in(s.text, s.terms[term]) for s in holders):
                return False  # « usine de 180 salariés », « 70 salariés »: what a figure counts
            if adjective_after_noun(written[0], (s.text for s in holders)):
                return False  # « entreprises classiques »: what the noun is, not a subject
            named = all(w[:1].isupper() and w[1:] == w[1:].lower() for w in written)
            if named and any(places):
                # Written as a name by all, a place's name by one at least: the town, also where
                # one lists it in brackets (« autopartage (Arlanc, Marsac) ») or opens with it.
                return False
            if _leads_names(holders, term):
                return False  # « France Travail », « France services »: names, no « France » theme
            if all(_as_verb(s.text, s.terms[term]) for s in holders):
                return False  # « ne trouvent pas à se loger », « qui trouvent un emploi »: no subject
            spellings = Counter(fold_plain(w) for w in written)
            return len(plain) <= 2 or spellings.most_common(1)[0][1] * 2 >= len(written)
        if term[0] == "p":
            words = term[2:].split()
            if all(fold_plain(w) in NOT_TOPICS or len(w) < 3 for w in words):
                return False
            if fold_plain(written[0].split()[-1]) in {fold_plain(w) for w in _DANGLING}:
                return False  # « minibus depuis [Villefranche] »: the phrase stops short
            if any(names_a_place(s.text, s.terms[term]) for s in self.holders[term] if s.kind == kind):
                return False  # « emploi à Poitiers », « Poitiers d'ici »: the town, not a subject
            # A name (« Val de Garonne Agglomération ») says where, not what about.
            capitals = [w for w in written[0].split() if len(w) > 2]
            return sum(w[:1].isupper() for w in capitals) * 2 < len(capitals) + 1 or any(
                sum(c.isupper() for c in w) >= 2 for w in capitals
            )
        return True

    def _two_senses(self, term: str) -> bool:
        """Whether a word of a glossary theme says the theme in one statement and something
        else in another, as the glossary's [autres_sens] tell (« soins repoussés » is health,
        « des offres non pourvues en soins » the care sector): two things, one word."""
        holders = self.holders[term]
        plain = {fold_plain(s.terms[term]) for s in holders}
        themes = {
            name
            for name, words in self.families.items()
            if plain & {fold_plain(w) for w in words if " " not in w.strip()}
        }
        return any(
            any(f"f:{name}" in s.terms for s in holders) and any(f"f:{name}" not in s.terms for s in holders)
            for name in themes
        )

    def _unit(self, terms: Iterable[str]) -> dict[str, float]:
        vector = {
            t: TERM_WEIGHT[t[0]] * self.idf[t] * (0.2 if t in self.common else 1.0)
            for t in terms
            if t in self.idf
        }
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {t: v / norm for t, v in vector.items()}

    def similarity(self, i: int, j: int) -> float:
        """0..1: shared rare terms, and closeness in meaning beyond what all statements share."""
        return float(self._matrix()[i, j])

    def closeness(self, index: int, members: Sequence[int]) -> float:
        """Mean similarity of a statement to the others of a group."""
        others = [m for m in members if m != index]
        if not others:
            return 0.0
        return float(self._matrix()[index, others].mean())

    def _matrix(self) -> Any:
        """Every pair's similarity at once: the shared-term vectors times their transpose,
        and the word vectors' cosines (what was a Python loop per pair)."""
        if self._similarities is None:
            import numpy as np

            # Only terms two statements share make a pair close (the others touch only the
            # diagonal): a small dense matrix, no sparse algebra needed.
            shared = Counter(t for vector in self.lexical for t in vector)
            columns = {t: n for n, t in enumerate(t for t, k in shared.items() if k >= 2)}
            lexical = np.zeros((len(self.statements), max(len(columns), 1)), dtype=np.float32)
            for n, vector in enumerate(self.lexical):
                for term, value in vector.items():
                    column = columns.get(term)
                    if column is not None:
                        lexical[n, column] = value
            matrix = lexical @ lexical.T
            if self.dense is not None:
                matrix = 0.6 * matrix + 0.4 * np.maximum(self.dense @ self.dense.T, 0.0)
            self._similarities = matrix
        return self._similarities


def _family_word(written: str, term: str, families: dict[str, list[str]]) -> bool:
    """A glossary family counts only when a statement writes one of its words or phrases
    (not merely a word of the same stem: « faciliter » is not « facilitateur »)."""
    if " " in written.strip():
        return True
    members = families.get(term.split(":", 1)[1], [])
    plain = fold_plain(written).rstrip("es")
    return any(fold_plain(m).rstrip("es") == plain for m in members)


def _dense(found_tokens: Sequence[Sequence[Token]], vectors: WordVectors) -> Any:
    """One unit vector per statement: its content words' vectors weighted by rarity, less
    the workshop's mean (what every statement of a workshop shares says nothing)."""
    import numpy as np

    words = [[t for t in found if fold_plain(t.surface) not in META | GRAMMAR] for found in found_tokens]
    frequency: Counter[str] = Counter(stem for ws in words for stem in {t.stem for t in ws})
    size = len(found_tokens)
    matrix = np.zeros((size, vectors.size), dtype=np.float32)
    if not size:  # a workshop with nothing said yet: no mean to take (numpy would warn)
        return matrix
    for n, found in enumerate(words):
        for token in found:
            row = vectors.row(token.surface)
            if row >= 0:
                weight = math.log((1 + size) / (1 + frequency[token.stem]))
                matrix[n] += weight * np.asarray(vectors.table[row], dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1)
    norms[norms == 0] = 1.0
    matrix /= norms[:, None]
    matrix -= matrix.mean(axis=0)
    norms = np.linalg.norm(matrix, axis=1)
    norms[norms == 0] = 1.0
    return matrix / norms[:, None]


# ------------------------------------------------------------------ grouping


def group(
    space: Space,
    indices: Sequence[int],
    *,
    most: int = 5,
    least_people: int = 2,
) -> tuple[list[Group], list[Statement]]:
    """The groups of these statements, largest first, and the statements left apart."""
    statements = space.statements
    pool = list(indices)
    column = {statements[i].owner for i in indices}
    chosen: list[tuple[str, list[int]]] = []
    while len(chosen) < most and pool:
        best: tuple[float, str] | None = None
        present: dict[str, set[str]] = defaultdict(set)
        gathers: Counter[str] = Counter()
        for i in pool:
            for term in statements[i].terms:
                present[term].add(statements[i].owner)
                gathers[term] += 1
        for term, who in present.items():
            if len(who) < least_people or not space.topic(term, statements[indices[0]].kind):
                continue
            if term[0] != "f" and len(who) > max(3, len(column) * COLUMN_SHARE):
                continue
            specific = space.idf[term]
            bonus = {"p": 1.5, "a": 1.3, "f": 1.2}.get(term[0], 1.0)
            gathered = gathers[term]
            # Participants first, then how many statements it gathers, then how specific.
            score = (len(who) + 0.5 * (gathered - len(who))) * bonus * math.sqrt(specific)
            if best is None or (score, term) > best:
                best = (score, term)
        if best is None:
            break
        topic = best[1]
        members = [i for i in pool if topic in statements[i].terms]
        chosen.append((topic, members))
        pool = [i for i in pool if i not in members]
    # What no topic names joins the closest group, if close enough.
    left: list[int] = []
    for i in pool:
        scored = [(space.closeness(i, members), n) for n, (_t, members) in enumerate(chosen)]
        closest = max(scored, default=(0.0, -1))
        if closest[0] >= JOIN_MIN:
            chosen[closest[1]][1].append(i)
        else:
            left.append(i)
    groups = []
    for topic, members in chosen:
        members.sort()
        found = [statements[i] for i in members]
        if len({s.owner for s in found}) < least_people:
            left += members
            continue
        made = Group(topic, found, focus=_focus(topic, found))
        made.title = title(made, space, members, space.acronyms)
        groups.append(made)
    groups.sort(key=lambda g: (-len(g.owners), -len(g.statements), g.title))
    return groups, [statements[i] for i in sorted(left)]


# A theme a few participants share in words of their own (« concurrence » beside « les
# compétitions / concurrences »; « le aller vers » beside « démarches d'aller vers »): at most
# this many participants, and this many such themes a column.
SPECIFIC_PEOPLE = 3
# At most this many of each kind: a challenge a few share, a challenge others already act on
# (the minutes stay about twice the length of hand-written ones: tests/test_exports.py).
SPECIFIC_MOST = {"shared": 1, "doers": 2}


def specific_themes(
    space: Space,
    indices: Sequence[int],
    groups: Sequence[Group],
    *,
    doers: Sequence[int] = (),
) -> list[Group]:
    """Themes two or three participants share that the larger groups took apart: `group`
    gives each statement to the largest topic it holds, so « gérer la concurrence entre
    structures » went to the coopération group and « dépasser les compétitions / concurrences »
    stayed alone, and the theme they share was said nowhere. Here a term (a phrase, an
    acronym, a theme of the glossary, a word its authors write alike) two or three
    participants of the column hold, that no group is about and whose statements are not
    already all in one group, makes a group of its own too (a statement may be in two). All
    of them, best first, each statement in one at most: the drafter says the first few whose
    pieces the minutes have not cited yet (SPECIFIC_MOST).

    `doers`: statements of another column (the actions, for the challenges) whose author is
    already doing what a challenge says: a theme of the glossary few in the room speak of,
    one participant's challenge and others' action (« travailler le aller vers » and
    « démarches innovantes d'aller vers ») makes a group, the actions in `Group.doers`. The
    action says the theme in its first clause (`_head`): « Prêt de scooters, entretenus par un
    bénévole retraité » does nothing about childminders retiring."""
    statements = space.statements
    if not indices:
        return []
    kind = statements[indices[0]].kind
    place: dict[int, int] = {}
    where = {id(s): n for n, s in enumerate(statements)}
    for number, found in enumerate(groups):
        for statement in found.statements:
            place.setdefault(where[id(statement)], number)
    topics = {g.topic for g in groups}
    column, doing_column = set(indices), set(doers)
    candidates: list[tuple[float, str, list[int], list[int]]] = []
    terms = {t for i in indices for t in statements[i].terms}
    for term in sorted(terms):
        # More than a few in the room write it: the groups' business, not a theme of a few.
        if len(space.owners[term]) > SPECIFIC_PEOPLE * 4 or term in topics or not space.topic(term, kind):
            continue
        held = [where[id(s)] for s in space.holders[term]]
        members = [i for i in held if i in column]
        owners = {statements[i].owner for i in members}
        # Already doing it: a theme of the glossary (not merely words in common, « demandeurs
        # d'emploi »), that few in the room speak of at all.
        doing = [
            i
            for i in held
            if i in doing_column
            and term[0] == "f"
            and len(space.owners[term]) <= SPECIFIC_PEOPLE
            and statements[i].owner not in owners
            and _writes(_head(statements[i].text), statements[i].terms[term])
        ]
        everyone = owners | {statements[i].owner for i in doing}
        if not 2 <= len(everyone) <= SPECIFIC_PEOPLE:
            continue
        if term[0] == "p" and not _phrase_said_alike(term, [*members, *doing], space):
            continue
        if term[0] == "w" and not _same_thing(term, members, space):
            continue  # one word, two things: « l'offre de transport » and « des offres d'emploi »
        if not doing and len({place.get(i, -1 - i) for i in members}) < 2:
            continue  # already said together: in one group (or one statement)
        # What the theme brings that no group says first: the participants whose statement of
        # it stands apart (or is an action), then those a larger group holds; then how specific.
        unsaid = {statements[i].owner for i in members if i not in place} | {
            statements[i].owner for i in doing
        }
        heard = len(everyone - unsaid)
        score = (len(unsaid) + 0.5 * heard) * {"p": 1.5, "a": 1.3, "f": 1.2}.get(term[0], 1.0)
        score *= math.sqrt(space.idf[term])
        candidates.append((score, term, members, doing))
    chosen: list[Group] = []
    taken: set[int] = set()
    # A challenge several share first, then one others already act on; a theme of the glossary
    # before words in common (a subject, where a word may be two things: two « plateformes »);
    # then the most telling, the rarest in the room.
    candidates.sort(key=lambda c: (bool(c[3]), c[1][0] != "f", -c[0], len(space.owners[c[1]]), c[1]))
    for _score, term, members, doing in candidates:
        if taken & set(members) or taken & set(doing):
            continue
        theirs = [statements[i] for i in members]
        made = Group(term, theirs, focus=_focus(term, [*theirs, *(statements[i] for i in doing)]))
        made.doers = [statements[i] for i in doing]
        made.title = specific_title(
            made, space.acronyms, space.families.get(term[2:], []) if term[0] == "f" else []
        )
        if not made.title:
            continue
        chosen.append(made)
        taken |= set(members) | set(doing)
    return chosen


_COMPLEMENT = re.compile(r"^\s*(?:de la|de l['’]|des|du|de|d['’])\s*([^\W\d_]+)", re.IGNORECASE)


def _same_thing(term: str, members: Sequence[int], space: Space) -> bool:
    """Whether a word two participants write names one thing: not when each says of what,
    and not the same (« l'offre de transport » and « des offres d'emploi » are two offers)."""
    statements = space.statements
    complements: dict[str, set[str]] = defaultdict(set)
    for i in members:
        written = statements[i].terms[term]
        for found in re.finditer(rf"\b{re.escape(written)}\b", statements[i].text, re.IGNORECASE):
            after = _COMPLEMENT.match(statements[i].text[found.end() :])
            if after and fold_plain(after.group(1)) not in GRAMMAR:
                complements[statements[i].owner].add(fold_plain(after.group(1)))
    said = list(complements.values())
    return not any(a.isdisjoint(b) for n, a in enumerate(said) for b in said[n + 1 :])


def _phrase_said_alike(term: str, members: Sequence[int], space: Space) -> bool:
    """A phrase counts as shared when its authors write it alike, words in the same order
    (« porte à porte » twice), not merely the same stems (« prend en charge » and « charge »)."""
    written = {fold_plain(" ".join(space.statements[i].terms[term].split())) for i in members}
    return len(written) == 1 or len({w.rstrip("s") for w in written}) == 1


def specific_title(found: Group, expansions: dict[str, str] | None = None, family: Sequence[str] = ()) -> str:
    """The words every author of the theme writes (« concurrence », « aller vers »; of a
    theme of the glossary, one of its words they all write: « illettrisme » of « lutter
    contre l'illettrisme » and « lutte contre l'illettrisme »), the shortest: never one
    participant's words said of another. An acronym with its expansion: « Appel à projets (AAP) »."""
    everyone = [*found.statements, *found.doers]
    owners = {s.owner for s in everyone}

    def by_all(words: Sequence[str]) -> list[str]:
        return [
            w for w in words if all(any(_writes(s.text, w) for s in everyone if s.owner == o) for o in owners)
        ]

    said = by_all(found.focus) or by_all(family)  # as they wrote it (« saisonniers ») first
    if not said:
        return ""
    word = min(said, key=lambda w: (len(w), w))
    if sum(c.isupper() for c in word) < 2:
        return word.lower()
    expansion = (expansions or {}).get(word)
    if expansion:
        found.acronym = word
        return f"{capitalise(expansion)} ({word})"
    return word


def _focus(topic: str, statements: Sequence[Statement]) -> list[str]:
    written = Counter(s.terms[topic] for s in statements if topic in s.terms)
    return [w for w, _ in written.most_common()]


# ------------------------------------------------------------------ naming

_LEAD = re.compile(
    r"^(?:[-–•=>\s]+|(?:comment|quel(?:le)?s?|pourquoi)\b\s*|(?:objectifs?|enjeux?|problématiques?|"
    r"défis?|besoins?|nécessité|objet de l'étude)\s*:\s*)+",
    re.IGNORECASE,
)


def clause_titles(text: str) -> list[str]:
    """The clauses of a statement that could title a group: short, whole, a noun phrase or
    an infinitive (not « pour qu'elles puissent… »), without lead-in."""
    found = []
    for part in re.split(r"\s*(?:[.;?!]\s|=>|>>|\s[=>+]\s|\s-\s|\(|\)|:|,)\s*", text):
        part = _LEAD.sub("", part.strip(" .,;:!?-–=>«»\"'")).strip(" .,;:!?-–=>«»\"'")
        # A quotation mark the cut left alone (« association d'acteurs "périphériques ») goes.
        if part.count('"') % 2:
            part = " ".join(part.replace('"', " ").split())
        if part.count("«") != part.count("»"):
            part = " ".join(part.replace("«", " ").replace("»", " ").split())
        words = part.split()
        if len(words) < 2:
            continue
        first = re.split(r"['’]", words[0].lower())[0]
        if fold_plain(first) in NOT_FIRST or first.isdigit():
            continue
        if any(c.isdigit() for c in words[0]):
            continue
        found.append(part)
    return found


# Words a title may hold that another statement need not write to say the same (« garde
# d'enfants » and « garde des enfants »): articles and prepositions; not « pas », « sans », « non ».
_TITLE_LINKS = frozenset(
    fold_plain(w)
    for w in ["le", "la", "les", "l", "de", "du", "des", "d", "un", "une", "à", "au", "aux", "en", "et"]
    + ["pour", "sur", "dans", "par", "avec", "vers", "entre", "chez", "auprès", "ou", "s", "qu", "que"]
)
# The prepositions after which a statement's own phrase may start (« pour | mobiliser les
# entreprises »).
_LINKS = frozenset(
    fold_plain(w) for w in ["pour", "avec", "sur", "dans", "par", "vers", "entre", "chez", "auprès"]
)


def _after_links(text: str, clauses: Sequence[str]) -> list[str]:
    """The phrases of a statement that start after a link word (« mobiliser les entreprises »
    of « Des exemples pour mobiliser les entreprises »): what two participants may both write
    inside statements each starts their own way. Not the clauses themselves."""
    found: list[str] = []
    for part in re.split(r"\s*(?:[.;?!]\s|=>|>>|\s[=>+]\s|\s-\s|\(|\)|:|,)\s*", text):
        words = part.strip(" .,;:!?-–=>«»\"'").split()
        for at in range(1, len(words) - 1):
            if fold_plain(words[at - 1]) not in _LINKS:
                continue
            first = re.split(r"['’]", words[at].lower())[0]
            # A content word first (« mobiliser »), never a determiner (« certaines filières »).
            if not first[:1].isalpha() or fold_plain(first) in NOT_FIRST or not tokens(words[at]):
                continue
            phrase = " ".join(words[at:])
            if re.search(r"[«»“”\"/=>]", phrase):
                continue  # a quotation or a note's arrows: not a phrase to title with
            if phrase not in clauses and phrase not in found:
                found.append(phrase)
    return found


def _acronym_title(group_: Group, expansions: dict[str, str], credited: set[str]) -> str:
    """« Gestion prévisionnelle des emplois et des compétences territoriale (GPECT) » when
    the group is first of all about an acronym every participant credited with it writes."""
    if not group_.focus:
        return ""
    word = group_.focus[0]
    if word not in expansions or sum(c.isupper() for c in word) < 2:
        return ""
    writers = {s.owner for s in group_.statements if re.search(rf"\b{re.escape(word)}\b", s.text)}
    if not credited <= writers:
        return ""
    return f"{capitalise(expansions[word])} ({word})"


def title(
    group_: Group, space: Space, members: Sequence[int], expansions: dict[str, str] | None = None
) -> str:
    """The group's name: of the short phrases its statements say the topic with (a clause,
    or the start of one), the one whose words most of the group's participants use."""
    expansions = expansions or {}
    main = [fold_plain(f) for f in group_.focus]
    stems_of: dict[str, set[str]] = {s.owner: set() for s in group_.statements}
    # Each statement's stems and its words as written (folded), by author.
    said_by: dict[str, list[tuple[set[str], set[str]]]] = defaultdict(list)
    for index, statement in zip(members, group_.statements, strict=True):
        stems_of[statement.owner] |= {t.stem for t in space.tokens[index]}
        as_written = {fold_plain(w) for w in re.split(r"[^\w-]+", statement.text) if w}
        said_by[statement.owner].append(({t.stem for t in space.tokens[index]}, as_written))
    people = len(stems_of)
    # The words of the topic two participants or more write: a title says one of them, or
    # it names what one participant said (« Mieux connaître les formations courtes » over
    # two needs about apprentices' housing), and one participant's figures make no title.
    written_by_two = [
        w for w in group_.focus if len({s.owner for s in group_.statements if _writes(s.text, w)}) >= 2
    ]
    credited = _credited(group_, written_by_two)

    def by_all(phrase: str) -> bool:
        """Whether every participant the minutes credit with the group writes the phrase's
        words in one statement: « Garantie jeunes, chez 2 participants » of « garantie
        jeunes » and « chantier jeunes l'été » credits the town hall with a scheme it never
        named; « Jeunes » is what both wrote. Its little words too, but for articles and
        prepositions: « Pas de crise » is not what « la crise sanitaire a freiné… » says."""
        content = {t.stem for t in tokens(phrase)}
        little = {fold_plain(w) for w in re.split(r"[^\w-]+", phrase) if w} - _TITLE_LINKS
        little = {w for w in little if fold_plain(w) not in {fold_plain(t.surface) for t in tokens(phrase)}}
        return bool(content) and all(
            any(content <= stems and little <= written for stems, written in said_by[o]) for o in credited
        )

    best: tuple[float, str] | None = None
    for statement in group_.statements:
        clauses = clause_titles(statement.text)
        for clause in [*clauses, *_after_links(statement.text, clauses)]:
            starts = _prefixes(clause) if clause in clauses else []
            for candidate in starts + _from_focus(clause, main) + ([] if starts else _prefixes(clause)):
                words = [fold_plain(w) for w in re.split(r"[\s'’]+", candidate)]
                at = next((n for n, w in enumerate(words) if any(m and w.startswith(m) for m in main)), -1)
                if at < 0:
                    continue
                content = {t.stem for t in tokens(candidate)}
                if not content or not by_all(candidate):
                    continue
                # How many of the group's participants use each of its words, on average.
                shared = sum(sum(1 for st in stems_of.values() if c in st) for c in content) / len(content)
                coverage = shared / people
                length = len(candidate.split())
                score = coverage + 0.25 * len(content & set().union(*stems_of.values())) / people
                score -= 0.03 * abs(length - 3) + 0.05 * min(at, 3)
                if fold_plain(statement.text).startswith(fold_plain(candidate)[:12]):
                    score += 0.1  # what the participant said first
                if candidate not in starts:
                    score -= 0.1  # a phrase from inside a clause
                if any(c.isdigit() for c in candidate):
                    score -= 0.3  # « Parc de 1 300 logements »: one participant's figures
                if names_a_place(statement.text, candidate):
                    continue  # « Emploi à Poitiers »: the town is where, not what
                # A name (« Val de Garonne Agglomération ») makes a poor title.
                names = sum(1 for w in candidate.split()[1:] if w[:1].isupper() and not w.isupper())
                score -= 0.15 * names
                if best is None or (score, -length) > (best[0], -len(best[1].split())):
                    best = (score, candidate)
                    group_.title_from = statement
    topic = group_.topic
    acronym = _acronym_title(group_, expansions, credited)
    if best is not None and (
        any(c.isdigit() for c in best[1])
        or not any(_writes(best[1], w) for w in written_by_two)
        or (not written_by_two and topic[0] == "f")
    ):
        best = None
    # A word of the topic every participant credited writes (« jeunes »), the longest phrase
    # first (« garde d'enfants » over « enfants »).
    texts = [s.text for s in group_.statements]
    written = [w for w in written_by_two if by_all(w) and not adjective_after_noun(w, texts)]
    word = max(written, key=lambda w: len(w.split()), default=None)
    if acronym:
        group_.title_from = None
        group_.acronym = group_.focus[0]
        text = acronym
    elif best is not None:
        text = best[1]
    elif word is not None and (topic[0] != "p" or word == group_.focus[0]):
        group_.title_from = None
        text = word if sum(c.isupper() for c in word) >= 2 else word.lower()
    elif topic[0] == "f" and space.families.get(topic[2:]):
        # A theme of the glossary no clause names well: the first of its words that each of
        # the group write (« logement »): the grid's words; else the theme's name
        # (« recrutement » over « un forum de l'emploi » and « un atelier CV »), Atelier's
        # word for what each of their statements holds: one participant's words are never
        # said of the others.
        group_.title_from = None
        theme: list[str] = space.families[topic[2:]]
        said = [m for m in theme if by_all(m) and not adjective_after_noun(m, texts)]
        if said:
            text = said[0]
        else:  # no word of it they all write: the theme's name, never one participant's words
            text = group_.theme = topic[2:]
    else:
        # Nothing every one of them writes: no title. The minutes say the statements side by
        # side, each with its author (« Des défis proches chez 2 participants : … »).
        group_.title_from = None
        return ""
    return capitalise(_whole_phrase(text, group_.statements))


def _credited(group_: Group, written_by_two: Sequence[str]) -> set[str]:
    """The participants the minutes count and name as holding the group's subject: all of
    them for needs the matching groups (each holds the subject), else those whose words say
    one of the topic's words two of them write (the others the meaning alone brought close
    are not counted: `_Writer.topical`)."""
    owners = set(group_.owners)
    if group_.held_by_all or not written_by_two:
        return owners
    said = {s.owner for s in group_.statements if any(_writes(s.text, w) for w in written_by_two)}
    return said if len(said) >= 2 else owners


def _whole_phrase(text: str, statements: Sequence[Statement]) -> str:
    """The title with the words it was cut from in front of it: a phrase found inside a
    noun phrase (« sociales dans les marchés publics » of « clauses sociales dans les marchés
    publics ») is said whole, when every statement that writes it writes the same word
    before it, and each participant of the group writes it (at most two words added): never
    one participant's words added to a theme name the others hold in words of their own."""
    for _ in range(2):
        before: set[str] = set()
        writers: set[str] = set()
        for statement in statements:
            found = re.search(rf"(?:^|[\s'’(])({re.escape(text)})\b", statement.text, re.IGNORECASE)
            if found is None:
                continue
            writers.add(statement.owner)
            prefix = statement.text[: found.start(1)]
            # « garde d'enfants »: the noun and its elided « d' » come with the word.
            elided = re.search(r"([^\W\d_]+(?:-[^\W\d_]+)*)\s+([dD]['’])$", prefix)
            ahead = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*['’]?\s*$", prefix)
            before.add(
                f"{elided.group(1)} {elided.group(2)}" if elided else ahead[0].strip() if ahead else ""
            )
        if len(before) != 1 or writers != {s.owner for s in statements}:
            return text
        (word,) = before
        head = word.split()[0] if " " in word else word
        plain = fold_plain(head.rstrip("'’"))
        if not word or head.endswith(("'", "’")) or plain in GRAMMAR or plain in NOT_FIRST or len(plain) < 3:
            return text
        text = f"{word}{text}" if word.endswith(("'", "’")) else f"{word} {text}"
    return text


def in_brackets(text: str, written: str) -> bool:
    """Whether a statement writes the word (or phrase) only between brackets (« un appui
    juridique (numérique) », « [numérique] »): a detail of what it says."""
    found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(written)}(?!\w)", text, re.IGNORECASE)]
    if not found:
        return False
    depth, inside = 0, []
    for char in text:
        depth += (char in "([") - (char in ")]")
        inside.append(depth > 0)
    return all(inside[at] for at in found)


# Words that name two things, told apart by what follows them: « zone d'activité », « zone
# blanche », « zone rurale »; « offres d'emploi », « offres de service »; and « publics », a
# noun after a determiner (« les publics éloignés ») or at the start, else an adjective
# (« marchés publics », « services publics »).
_SENSE_AFTER = frozenset(["zone", "zones", "offre", "offres"])
_SENSE_BEFORE = frozenset(["public", "publics", "publique", "publiques"])
# « marchés publics » (a procurement), « marché du travail », a market (« marché de producteurs »,
# « marché couvert »): the sense by the word after.
_MARKET = frozenset(["marche", "marches"])
_DETERMINERS = frozenset(
    ["le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "aux", "au", "ce", "ces", "cet", "cette"]
    + [
        "nos",
        "notre",
        "vos",
        "votre",
        "leurs",
        "leur",
        "ses",
        "son",
        "sa",
        "tous",
        "tout",
        "toutes",
        "certains",
    ]
)


def _senses(term: str, kind: ItemKind, holders: Sequence[Statement]) -> list[str]:
    """What each holder of a word of two senses means by it: the word that follows
    (« activite », « blanche », « service »); of « publics », "noun" after a determiner, else
    the noun it qualifies (« marches »); "" where nothing tells. Empty for other words."""
    out: list[str] = []
    for statement in holders:
        if statement.kind != kind:
            continue
        written = fold_plain(statement.terms[term])
        if written not in _SENSE_AFTER | _SENSE_BEFORE | _MARKET:
            return []
        words = [fold_plain(w) for w in re.findall(r"[\w-]+", statement.text)]
        for n, word in enumerate(words):
            if word != written:
                continue
            if written in _SENSE_BEFORE:
                before = words[n - 1] if n else ""
                out.append("noun" if not before or before in _DETERMINERS else before)
                continue
            after = [w for w in words[n + 1 : n + 4] if w not in ("de", "d", "du", "des", "la", "l", "les")]
            if written in _MARKET:
                following = after[0] if after else ""
                out.append(
                    "public"
                    if following.startswith("public")
                    else "travail"
                    if following in ("travail", "emploi")
                    else "lieu"
                )
                continue
            out.append(after[0] if after else "")
    return out


def _leads_names(holders: Sequence[Statement], term: str) -> bool:
    """Whether a word is the first word of names: every holder writes it capitalised inside a
    sentence (« avec France Travail », « les espaces France services »), and it leads a
    capitalised word somewhere (« France Travail », « France Active »). The name is what they
    speak of, never « France »."""
    leads = False
    for statement in holders:
        written = statement.terms[term]
        if not written[:1].isupper() or written[1:] != written[1:].lower():
            return False
        inside = False
        for found in re.finditer(rf"(?<![\w-]){re.escape(written)}(?![\w-])", statement.text):
            before = statement.text[: found.start()].rstrip()
            if before and before[-1] not in '.!?:;•-–(«"':
                inside = True
                leads = leads or bool(re.match(r"\s+[A-ZÀ-Ý]", statement.text[found.end() :]))
        if not inside:
            return False
    return leads


# Endings of French adjectives (« classiques », « agricole », « sociales », « actives »).
_ADJECTIVE_END = re.compile(r"(?:ique|ole|[ae]l|elle|ive|if|euse|eux|able|ible|aire)s?$|aux$")
# Words after which a word is a noun, never an adjective qualifying the word before it.
_BEFORE_A_NOUN = frozenset(
    ["le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "a", "en", "et", "ou"]
    + ["pour", "sur", "dans", "par", "avec", "sans", "entre", "vers", "chez", "ce", "cet", "cette"]
    + ["ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes"]
    + ["tres", "plus", "moins", "peu", "trop", "si", "aussi", "est", "sont", "etre", "rester"]
)


def _counted_in(text: str, written: str) -> bool:
    """Whether a statement writes the word only as what a figure counts (« usine de 180
    salariés », « 1 300 logements »): the unit of a number, never what a theme is about."""
    found = False
    for hit in re.finditer(rf"(?<![\w-]){re.escape(written)}(?![\w-])", text, re.IGNORECASE):
        if not re.search(r"\d\s*$", text[: hit.start()]):
            return False
        found = True
    return found


def adjective_after_noun(word: str, texts: Iterable[str]) -> bool:
    """Whether every statement writes a word ending like an adjective only right after a
    noun, to qualify it (« agences d'intérim classiques », « porteurs de projet agricoles »):
    what their nouns are, never a subject of its own (« Classiques, un défi pour 3
    participants »). « le numérique », « du social »: a noun, a subject."""
    wanted = fold_plain(word).removesuffix("s")
    if " " in word.strip() or not _ADJECTIVE_END.search(fold_plain(word)):
        return False
    seen = False
    for text in texts:
        words = re.findall(r"[\w-]+|[^\w\s]", text)
        for n, said in enumerate(words):
            if fold_plain(said).removesuffix("s") != wanted:
                continue
            before = fold_plain(words[n - 1]) if n > 0 else ""
            if not before[:1].isalpha() or before in _BEFORE_A_NOUN or said[:1].isupper():
                return False
            seen = True
    return seen


def names_a_place(text: str, words: str) -> bool:
    """Whether the statement writes one of these words as a place's name: capitalised inside a
    sentence (« forum emploi à Poitiers »; not « Marché de producteurs » opening it, nor an
    acronym), and a commune, an EPCI or a département Atelier knows. A place is where they
    work, never what a theme is about."""
    from atelier.territories import is_place_name

    for word in re.split(r"[\s'’]+", words):
        if len(word) < 3 or not word[:1].isupper() or word[1:] != word[1:].lower():
            continue
        for found in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            before = text[: found.start()].rstrip()
            if before and before[-1] not in '.!?:;•-–(«"' and is_place_name(word):
                return True
    return False


# Words after which a word is a verb: a subject pronoun, « ne », « qui », an auxiliary
# (« est loué »); and those after which an infinitive is one (« rien à louer »).
_BEFORE_A_VERB = frozenset(
    ["ne", "n", "qui", "il", "ils", "elle", "elles", "on", "se", "s", "je", "j", "tu", "nous", "vous"]
    + ["est", "sont", "a", "ont", "ete", "etait", "etaient"]
)
_BEFORE_AN_INFINITIVE = frozenset(["a", "de", "d", "pour", "sans"])


def _as_verb(text: str, written: str) -> bool:
    """Whether a statement writes the word only as a verb (« ne trouvent rien », « qui
    trouvent un emploi », « tout est loué », « rien à louer »): what one does or fails to do,
    never a subject to group by."""
    from atelier.synthesis.terms import is_infinitive

    words = re.findall(r"[\w-]+", text)
    plain = [fold_plain(w) for w in words]
    wanted = fold_plain(written)
    at = [n for n, w in enumerate(plain) if w == wanted and n > 0]
    return bool(at) and all(
        plain[n - 1] in _BEFORE_A_VERB or (plain[n - 1] in _BEFORE_AN_INFINITIVE and is_infinitive(words[n]))
        for n in at
    )


# Where an item's first clause ends: what follows is a detail (« Prêt de scooters, entretenus
# par un bénévole retraité »), a list in brackets, a consequence (« = … »), another sentence.
_CLAUSE_END = re.compile(r"[,;(]|\s[-–=]|=>|\.\s")


def _head(text: str) -> str:
    """An item's first clause: what the action is (« démarches innovantes d'aller vers :
    exemple du porte à porte »), not its details."""
    return _CLAUSE_END.split(text, maxsplit=1)[0]


def _writes(text: str, word: str) -> bool:
    """Whether a text writes a word or phrase (accents, case and a plural « s » aside)."""
    wanted = " ".join(fold_plain(w) for w in re.split(r"[\s'’]+", word) if w)
    text = affirmed(text)  # what it denies it does not write as its own
    return f" {wanted} " in " " + " ".join(fold_plain(w) for w in re.split(r"[\s'’]+", text) if w) + " "


def _from_focus(clause: str, focus: Sequence[str]) -> list[str]:
    """Phrases of a clause that start at a topic word (« logements sociaux » of « Parc de
    1 300 logements sociaux sur le pays »)."""
    words = clause.split()
    out = []
    for at in range(1, len(words)):
        plain = fold_plain(re.split(r"['’]", words[at])[-1])
        if any(f and plain.startswith(f) for f in focus):
            for phrase in _prefixes(" ".join(words[at:])):
                inner = [re.split(r"['’]", w)[0].lower() for w in phrase.split()[1:]]
                # A noun phrase only: « logements sociaux », not « stratégie et prioriser ».
                verbs_or_links = {w for w in inner if w != "à" and fold_plain(w) in PHRASE_STARTS}
                if len(inner) <= 3 and "/" not in phrase and not verbs_or_links and phrase not in out:
                    out.append(phrase)
    return out


# Words after which a phrase goes on to its end: a relative clause or an indirect question.
_OPENS_CLAUSE = frozenset(["ou", "qui", "que", "qu", "dont", "quel", "quelle", "quels", "quelles", "comment"])


def _prefixes(clause: str) -> list[str]:
    """The clause and its starts that end on a content word (« accompagnement des
    entreprises » of « accompagnement des entreprises avec les mesures… »), two words and up."""
    words = clause.split()
    whole: list[str] = []
    # An indefinite article does not start a title (« Une GPECT » → « GPECT »).
    start = 1 if len(words) > 2 and fold_plain(words[0]) in {"un", "une", "de", "du"} else 0
    if fold_plain(words[0]) == "de" and len(words) > 2:
        start = 1
    out = []
    for end in range(2, min(len(words), TITLE_WORDS) + 1):
        last = fold_plain(re.split(r"['’]", words[end - 1])[-1])
        if last in GRAMMAR or last in NOT_LAST or len(last) < 3:
            continue
        if any(fold_plain(re.split(r"['’]", w)[0]) in _OPENS_CLAUSE for w in words[1:end]):
            break  # a relative clause (« projets où… »), a question (« voir quelles… »): past a title
        if end < len(words) and words[end - 1].lower().endswith(("é", "ée", "és", "ées")):
            continue  # « GPECT lancée | en 2015 »: a participle wants what follows
        if end < len(words):
            after = fold_plain(re.split(r"['’]", words[end])[0])
            # Cut only where a new phrase starts (« accompagnement des entreprises | avec
            # les mesures… »), not before a complement or an adjective (« GPECT de sortie |
            # de crise », « le secteur | privé »).
            if after not in PHRASE_STARTS:
                continue
        out.append(" ".join(words[start:end]).rstrip(" ,;:"))
    return out + whole


def join_focus(focus: Sequence[str]) -> str:
    """« entreprises, recrutement et financements »: the topic's words as written, each once."""
    seen: list[str] = []
    for word in focus:
        if fold_plain(word) not in {fold_plain(s) for s in seen}:
            seen.append(word if sum(c.isupper() for c in word) >= 2 else word.lower())
    shown = seen[:3]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " et " + shown[-1]


def capitalise(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    first = text.split()[0]
    if sum(c.isupper() for c in first) >= 2:  # an acronym stays as it is
        return text
    return text[:1].upper() + text[1:]

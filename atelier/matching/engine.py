"""Needs matched to the offers (and actions, challenges) of other participants, with reasons.

Each statement becomes weighted features: word stems, acronyms (found written or
spelled out), and families of near-synonyms from the glossary. Features are weighted
by how rare they are in the workshop (IDF) and compared by cosine similarity, as sparse
matrices so that ten thousand needs against ten thousand offers stays fast. Every
suggestion keeps the features that linked it, which become reasons a person can read.

Over 500 lines: the Engine is one class because indexing, scoring, reasons and groups
share its sparse matrices and their column order; its numeric helpers sit at the end.
"""

from __future__ import annotations

import contextlib
import gc
import math
import re
import threading
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from atelier.confidence import POSSIBLE, VERY_LIKELY
from atelier.domain import (
    IN_PIECES,
    NEAR_MEANING,
    OFFER_FIRST,
    RELATED_FORMS,
    ItemKind,
    Reason,
    ReasonKind,
    shown_order,
)
from atelier.french import affirmed, one_word, remark_said, same_form, states_a_fact
from atelier.matching.named import StructureNames
from atelier.matching.semantic import NEAR_PAIR_MIN, WEIGHT, WORD_PAIR_MIN
from atelier.matching.text import (
    Glossary,
    Token,
    fold_word,
    phrase_key,
    sequence,
    stem,
    strip_accents,
    tokens,
    without_addresses,
)
from atelier.reasons import one_word_of_a_short_statement

if TYPE_CHECKING:
    from atelier.matching.semantic import WordVectors

# Features by what they are; weights before IDF. A word also weighs by how rare it is in
# French (`WordVectors.weight`): « pendant » or « personnes » shared by chance link less than
# « hébergement ». A glossary theme counts as much as a word, with the IDF of the rarest
# (a theme is chosen by people of the field, not common by chance).
WORD, ACRONYM, EXPANSION, FAMILY = "w", "a", "x", "f"
FEATURE_WEIGHT = {WORD: 1.0, ACRONYM: 1.2, EXPANSION: 0.5, FAMILY: 1.0}
# A need of one theme and a resource of a related theme (the glossary's [voisins]: « partage
# d'expériences » and « coopération », one subject seen from two sides) are linked at half what
# a shared theme links them: related is less than the same. Added to the need's row after it is
# made of unit length, so every score without related themes stays what it was.
NEIGHBOUR_WEIGHT = 0.5
# An explicit offer ranks above a participant's action ("a déjà fait…"), which ranks
# above a shared challenge, for the same textual strength. Grids hold several times
# more actions than offers (people describe at length what they do, and offer in a
# line: 92 actions, 35 challenges, 17 offers in the example), so an action matches a
# need by chance far more often than an offer does: it must match much better to come
# first. (Was 0.55 / 0.4: then actions took two thirds of the top-3 slots of the example.)
SOURCE_FACTOR = {ItemKind.OFFER: 1.0, ItemKind.ACTION: 0.4, ItemKind.CHALLENGE: 0.25}
# An offer close in meaning with no word, acronym or theme in common is suggested at half
# its score: halfway between an offer and an action, it comes after the offers that share
# words with the need, usually in the place left to the rest, not before them (measured on both
# labelled workshops: at its full score it pushed out actions that answer; at an action's
# 0.4, offers that answer came too late).
UNLINKED_OFFER = 0.5
# ... and only when clearly close: from this score (its cosine 0.25 beyond the resource's
# usual closeness to the workshop). Below, on the two labelled workshops, such offers were
# right no more often than chance; a small workshop's sentences are all a little alike.
UNLINKED_FLOOR = 0.05
# A statement's words after « pour » (or « afin de ») that follow what it is or asks for say
# whom or what for, not what: they count half. A resource: « Location de voitures … pour se
# rendre à un emploi ou une formation » is not about training. A need: « Trouver un hangar pour
# stocker des meubles » asks for a hangar, not for furniture. (Resources only first: then
# needs too raised nDCG@5 on all three labelled workshops' sum, none lower.)
PURPOSE_TAIL = 0.5
_PURPOSE = frozenset({"pour", "afin"})
SOURCE_NAME = {ItemKind.OFFER: "offer", ItemKind.ACTION: "action", ItemKind.CHALLENGE: "challenge"}
_KIND_REASON = {kind: ReasonKind(name) for kind, name in SOURCE_NAME.items()}


# Nothing is suggested below this score, offers included: a suggestion has a link (a word,
# an acronym, a theme of the glossary, or a meaning clearly closer than the resource's usual
# closeness to the workshop's needs). Better fewer than five than one that nothing links,
# except the places filled by meaning alone below it (FILL_MIN_STATEMENTS, « à vérifier »).
MIN_SCORE = 0.03
# A need with fewer than `top` suggestions gets its empty places filled by meaning alone: the
# resources of other participants closest to it by the word vectors distilled from
# multilingual-e5-small (semantic.WordVectors.filler), each closer to it than it is to the
# workshop's needs on average, after the linked ones, below MIN_SCORE (« à vérifier »: on the
# development workshops 5 of 27 such places were right, against 2 of 27 by the fastText
# vectors; hit@3 with the glossary before it was tuned on them 0.709 → 0.742; the same
# workshops cut to 40–46 statements, 0.619 → 0.653). Only in a workshop of FILL_MIN_STATEMENTS
# statements or more (about four participants): what a smaller one's sentences share, and how
# close each resource is to everything, cannot be read off it (two of four sentences look
# alike by chance).
FILL_MIN_STATEMENTS = 40
# Closeness in meaning counts in a score (semantic.WEIGHT) only in a workshop of this many
# statements or more: with the workshop's mean and first direction removed (`_remove_common`),
# n sentences keep n − 2 directions, so in a tiny grid they are all very close or opposite
# (three statements: cosines of exactly ±1). A probe of three participants put « Garage
# solidaire associatif » (cosine 1, score 1.0) above the need's very words, « Garage solidaire
# pour les jeunes » (cosine −1). Below it, the score is the words', acronyms' and themes'. On
# the development workshops and the example cut to two or three participants (15–30
# statements) the quality is the same with any such floor up to 16 statements and lower from
# 20 (the meaning helps there): 12 keeps it where it helps.
MEANING_MIN_STATEMENTS = 12
# A word in at least 1 of HERE_SHARE of the workshop's statements is the workshop's everyday
# vocabulary, as the thousand most frequent words are everyday French (semantic.COMMON_RANK):
# « territorial » in a workshop on territorial employment. It counts in a score, but never links
# two statements alone (it is still named: « Initiatives territoriales »). One in 20 (5 %): on
# both labelled workshops, quality is the same for any share from 1 in 8 to 1 in 20; 1 in 20 is
# the widest, « territorial » is in 14 of the example's 157 statements.
HERE_SHARE = 20
# The projector shows a suggestion to the room (when the facilitator turns suggestions on) only
# from « très probable » on the confidence scale (atelier/confidence.py): on the nine labelled
# workshops pooled, such suggestions are right 64 % of the time, « possible » ones 39 %
# (benchmarks/bench_matching.py prints both). What the room reads must be true more often than
# not; the minutes and participant pages, read later and said to be leads to check, keep
# « possible » ones (synthesis.LEAD_MIN).
SHOWN_TO_ROOM = VERY_LIKELY
# With word vectors every need/resource pair is scored densely, a block of needs at a time:
# about this many scores per block (40 MB of float32), whatever the workshop's size.
BLOCK_SCORES = 10_000_000
# Sentence meanings are compared in the workshop's MEANING_DIMS main directions (after its
# common one, `_remove_common`), not in the vectors' 300: a workshop of n statements has its
# sentences in n − 1 directions, so below about 100 statements nothing changes, and 96 keep
# 97.6 % of the variance of the example's 157 sentences and 91 % of the 48,000 of the scale
# benchmark, where every need × resource product costs 96 multiplications instead of 300. On
# the ten labelled workshops the quality benchmark is the same with 300, 128 or 96 (to 0.001).
MEANING_DIMS = 96
# Lexical features held by at least 1 resource in FREQUENT_SHARE are scored by a dense
# product (at most FREQUENT_MOST of them), the others by a sparse one: the same sums. A
# sparse product costs about 13 ns a pair it makes, a dense one 0.02 ns a multiplication
# (measured at 4,000 participants): a feature held by 1 need in 32 and 1 resource in 32 makes
# about as many pairs either way. Was 1 in 10 (at most 64): the lexical part took 1.17 s of
# CPU there, 0.72 s now.
FREQUENT_SHARE = 32
FREQUENT_MOST = 96
# Blocks of needs scored at once, each in its own thread, while the reasons are written: on two
# cores, the reasons' Python and the products of two blocks (outside the GIL) share them.
SCORERS = 2
# A block of at least this many needs has its frequent features' product made by numpy (which
# lets other threads run meanwhile), a smaller one by scipy's BLAS in place: one row is a
# matrix-vector product there, whose sums numpy's would make in another order.
SHARED_PRODUCT_ROWS = 16


# A need's scores may not depend on the needs scored with it: the window matches a
# participant's edited needs again on their own (one to four) and must show what matching the
# whole workshop shows. numpy's BLAS (OpenBLAS) sums a row of a product in an order that
# depends on the product's shape: against fewer than about 1,000 columns (a workshop's
# resources) every number of rows sums its own way (measured with 97 dimensions, 50 to 36,000
# columns). There, every meaning product is made SAME_ROWS rows at a time, the last with zero
# rows added (`_rows_times`): the same sums for a need however many are matched with it.
# Against more columns, any block of 2 rows or more sums a row alike, but a row alone is a
# matrix-vector product, summed its own way: there one need matched again on its own may
# differ in its last bit; made as 4 rows its product took 4 ms instead of 0.6 at 4,000
# participants, for the 5 ms that re-matching one need may take.
SAME_ROWS = 4
SAME_ROWS_COLUMNS = 2000


_blas: Any = None  # threadpoolctl's controller, made once (it looks for the loaded BLAS)


@contextlib.contextmanager
def _one_blas_thread() -> Iterator[None]:
    """BLAS on one thread while matching: the scoring thread and the reasons thread already
    use both cores, and OpenBLAS's own threads spin waiting for each other when the cores
    are busy (measured at 4,000 participants on a shared 2-core machine: 1.5 s of CPU
    instead of 2.8 s for 4,096 needs; one edited need 3.6 ms instead of 7.8). Indexing too:
    the 300 × 300 scatter matrix of 48,000 sentences and its eigenvectors took 1.7 s of CPU
    on OpenBLAS's threads, 0.06 s on one (the same numbers). threadpoolctl is the well-kept
    way to say so at run time, whichever BLAS numpy came with."""
    global _blas
    try:
        if _blas is None:
            import scipy.linalg.blas  # noqa: F401 - its BLAS (scipy ships its own) loaded first
            from threadpoolctl import ThreadpoolController

            _blas = ThreadpoolController()  # sees the BLAS libraries loaded at this moment
    except ImportError:  # not installed: BLAS keeps its own threads
        yield
        return
    with _blas.limit(limits=1, user_api="blas"):
        yield


@contextlib.contextmanager
def _without_gc() -> Iterator[None]:
    """Matching makes a few hundred thousand small objects and no reference cycles: the
    cyclic garbage collector would walk the whole heap again and again for nothing
    (a tenth of the time at 10,000 needs). Switched back on afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(slots=True)
class Statement:
    id: str
    participant_id: str
    kind: ItemKind
    text: str
    # Who says it: the speaker's structure and people's names, as written in the grid. Their
    # words in the text (« CIAP-Champs du Partage fait partie du Réseau… ») name the speaker,
    # not what they do: they link nothing (`Analyzer.analyze`).
    own: tuple[str, ...] = ()
    # The speaker's structure as the grid writes it (« Cité de l'emploi à Tarbes »), when
    # known: a need naming it asks for them (`atelier.matching.named`).
    structure: str = ""


@dataclass(slots=True)
class Suggestion:
    need_id: str
    resource_id: str
    source: str  # "offer" | "action" | "challenge"
    score: float
    reasons: list[Reason] = field(default_factory=list)


@dataclass(slots=True)
class NeedGroup:
    label: str  # « 3 participants cherchent des ressources sur : … » (French, for the minutes)
    need_ids: list[str]
    participant_ids: list[str]
    topic: str = ""  # the words they share, as written (empty: « un même sujet »)
    # What every need of the group holds (« f:coopération », « w:reseau », « a:PLIE ») and how
    # each writes it (« interconnaissance », « cloisonnée »): what the minutes cite them by.
    feature: str = ""
    words: list[str] = field(default_factory=list)
    # How many people the rows name (« Cécile BECHON et Ghislaine Paparemborde »: two), when
    # the names are known (`atelier.matching.need_groups`); 0: one per row.
    people: int = 0

    def headcount(self) -> int:
        """The people this group's needs come from, as every « N participants » counts them."""
        return self.people or len(self.participant_ids)


@dataclass(slots=True)
class Analysis:
    weights: dict[str, float]
    surface: dict[str, str]  # feature -> how this text wrote it
    words: list[str] = field(default_factory=list)  # the words, as written (for word vectors)
    # The words whose vectors make the text's meaning: an acronym of the glossary by its
    # expansion (« PLIE » is not « plier »), numbers left out.
    meaning: list[str] = field(default_factory=list)
    # Word features whose every form in the text is everyday French (`WordVectors.common`):
    # they count in a score, but never link two statements alone.
    common: frozenset[str] = frozenset()
    # Word features that are one-word members of a glossary theme here: a subject, however common.
    themed: frozenset[str] = frozenset()
    # A need's themes' related themes ([voisins] of the glossary) that it does not have itself:
    # theme feature -> (weight, the need's own theme it comes from), at NEIGHBOUR_WEIGHT of
    # that theme's weight (`Analyzer.related`, `Engine._related_rows`). Empty for resources.
    neighbours: dict[str, tuple[float, str]] = field(default_factory=dict)
    # Word features this text says only as a piece of something longer: an acronym's
    # expansion (« PLIE » gives « local », « insertion », « emploi ») or an expression of several
    # words of the glossary (« publics » of « marchés publics », « locaux » of « producteurs
    # locaux »). They count in a score, but never link alone (`Engine.linked`): « initiatives
    # locales sur l'emploi » is not the PLIE, « mobilité des publics » no public procurement.
    # A word of an acronym's expansion links nothing (the text does not say it: `expansion`;
    # the acronym, or its expansion said in full, does). A piece of an expression links as
    # little as an everyday word (two together do: « facture d'énergie » and « conseils » with
    # « Conseil en énergie »), and as a word when the other says every word of the expression
    # (`wholes`: « Partage des expériences » says « partage d'expériences »). Never a word the
    # glossary holds alone (`themed`).
    loose: frozenset[str] = frozenset()
    expansion: frozenset[str] = frozenset()  # those of `loose` said through an acronym only
    # The word features of each such expression, when some are `loose`.
    wholes: tuple[frozenset[str], ...] = ()


# What a word adds to a text (`Analyzer._plan`).
_Plan = tuple[tuple[tuple[str, float], ...], tuple[str, ...], tuple[str, bool] | None]
_NO_POSITIONS: frozenset[int] = frozenset()
_NO_FEATURES: frozenset[str] = frozenset()


class Analyzer:
    """Turns a statement's text into features, using the glossary."""

    def __init__(
        self,
        glossary: Glossary,
        rarity: Callable[[str], float] | None = None,
        common: Callable[[str], bool] | None = None,
    ) -> None:
        self.glossary = glossary
        self.rarity = rarity  # how much a word says, by its rarity in French (0 to 1)
        self.common = common  # whether a word is everyday French (see COMMON_RANK)
        self._acronyms: dict[str, str] = {}  # folded acronym -> canonical
        self._phrases: dict[tuple[str, ...], list[str]] = defaultdict(list)
        # (stem, theme) -> the theme's one-word members with that stem, folded: a word finds
        # the theme only if it is one of them in another form (« cloisonnée », « recrutent »),
        # not any word of the same stem (« facilitée » is not « facilitatrice »).
        self._forms: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._form_of: dict[tuple[str, str], bool] = {}  # (word as written, theme) -> `same_form`
        # A word as written -> what it adds to a text (`_plan`): the same words come back in
        # every statement, worked out once each.
        self._plans: dict[str, _Plan] = {}
        self._longest = 1
        for acronym, expansion in glossary.acronyms.items():
            self._acronyms[strip_accents(acronym).lower()] = acronym
            key = phrase_key(expansion)
            if key:
                self._phrases[key].append(f"{ACRONYM}:{acronym}")
                self._longest = max(self._longest, len(key))
        for family, members in glossary.families.items():
            for member in members:
                if member in glossary.acronyms:
                    self._phrases[("\0acr", member)].append(f"{FAMILY}:{family}")
                    continue
                key = phrase_key(member)
                if key:
                    self._phrases[key].append(f"{FAMILY}:{family}")
                    self._longest = max(self._longest, len(key))
                    if len(key) == 1:  # one word (« à l'année » is « année »: « à », « l' » go)
                        word = next(t.surface for t in sequence(member) if not t.stop)
                        self._forms[(key[0], f"{FAMILY}:{family}")].append(word.lower())
        # Expressions where a theme's word says something else ([autres_sens]: « leurs études »
        # are no survey, « difficulté d'apprentissage » no apprenticeship): inside one, that
        # theme is not found.
        # « … » in one stands for any one word: « a … permis » is « a notamment permis », « a
        # aussi permis » (the verb permettre, not a driving licence).
        self._other_senses: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for family, expressions in glossary.other_senses.items():
            for expression in expressions:
                parts = [tuple(t.stem for t in sequence(part)) for part in expression.split("…")]
                if len(parts) == 1:
                    parts = [phrase_key(expression)]
                key = tuple(word for i, part in enumerate(parts) for word in ((_ANY,) if i else ()) + part)
                if key and any(word != _ANY for word in key):
                    self._other_senses[key].append(f"{FAMILY}:{family}")
        # Each expression's words (but « … »), under its longest: a text that holds every word
        # of none of them says none of them (`_other_sense_at`; « a … permis » starts with « a »,
        # in four texts out of five).
        self._other_words: dict[str, list[frozenset[str]]] = defaultdict(list)
        for key in self._other_senses:
            words = frozenset(word for word in key if word != _ANY)
            self._other_words[max(sorted(words), key=len)].append(words)
        self._other_lengths: dict[str, set[int]] = defaultdict(set)
        self._other_gaps: dict[tuple[str, int], list[tuple[str, ...]]] = defaultdict(list)
        for key in self._other_senses:
            self._other_lengths[key[0]].add(len(key))
            if _ANY in key:
                self._other_gaps[(key[0], len(key))].append(key)
        # Theme feature -> its related themes' features (the glossary's [voisins]).
        self._related = {
            f"{FAMILY}:{theme}": [f"{FAMILY}:{other}" for other in others]
            for theme, others in glossary.neighbours.items()
        }
        # An expression's feature -> its weight before the « pour … » tail.
        self._phrase_weight = {
            feature: FEATURE_WEIGHT[ACRONYM if feature.startswith(f"{ACRONYM}:") else FAMILY]
            for found in self._phrases.values()
            for feature in found
        }
        # Which phrase lengths start with each stem: most words start no phrase at all.
        self._lengths: dict[str, set[int]] = defaultdict(set)
        for key in self._phrases:
            self._lengths[key[0]].add(len(key))
        # Each stem -> the second words of the expressions of several words it starts: « de »,
        # « des », « les » start some, and are followed by one of their second words about one
        # time in five; the others are ruled out without slicing the text's stems.
        self._seconds: dict[str, set[str]] = defaultdict(set)
        for key in self._phrases:
            if len(key) > 1:
                self._seconds[key[0]].add(key[1])
        self._expansion_stems = {
            acronym: [t.stem for t in tokens(expansion)] for acronym, expansion in glossary.acronyms.items()
        }
        self._expansion_words = {
            acronym: [t.surface for t in tokens(expansion)]
            for acronym, expansion in glossary.acronyms.items()
        }

    def analyze(self, text: str, own: Sequence[str] = (), tail: float = 1.0) -> Analysis:
        """`own`: the speaker's structure and names; where the text says them, those words
        are left out (`_own_words`). `tail`: the weight of the words of a trailing « pour … »
        clause (`_purpose_start`). E-mail and web addresses are no words of it
        (`without_addresses`), nor what it denies (`french.affirmed`: « pas besoin de
        formation » asks for no training)."""
        text = affirmed(without_addresses(text))
        every = sequence(text)
        masked = _own_words(every, own) if own else _NO_POSITIONS
        stems = [t.stem for t in every]
        # Most texts say no « pour » nor « afin » (checked on their stems at once): no tail.
        cut = _purpose_start(every) if tail != 1.0 and not _PURPOSE.isdisjoint(stems) else len(every)
        weights: dict[str, float] = {}
        surface: dict[str, str] = {}
        words: list[str] = []
        meaning: list[str] = []
        everyday: dict[str, bool] = {}  # word feature -> all its forms here are everyday French
        word_at: list[tuple[int, str]] = []  # (position, word feature) of the words said
        expanded: set[str] = set()  # the word features of the expansions of the acronyms said
        spelled: set[str] = set()  # the word features said as words
        plans = self._plans
        for i, token in enumerate(every):
            if token.stop or i in masked:
                continue
            written = token.surface
            words.append(written)
            plan = plans.get(written)
            if plan is None:
                plan = plans[written] = self._plan(token)
            features, said, usual = plan
            part = tail if i >= cut else 1.0
            for feature, weight in features:
                weight *= part
                if weight > weights.get(feature, 0.0):
                    weights[feature] = weight
                if feature not in surface:
                    surface[feature] = written
            if usual is not None:
                everyday[usual[0]] = everyday.get(usual[0], True) and usual[1]
                word_at.append((i, usual[0]))
                if usual[0] in expanded and usual[0] not in spelled:
                    # A word said after an acronym whose expansion holds it: written as the
                    # word, not as the acronym (« le PLIE et l'emploi » says « emploi »).
                    surface[usual[0]] = written
                spelled.add(usual[0])
            elif features:  # an acronym of the glossary
                expanded.update(f for f, _w in features if f[0] == WORD)
            meaning += said
        # The speaker's own name is no expression of the glossary either (« \0 » matches none).
        if masked:
            stems = ["\0" if i in masked else stem for i, stem in enumerate(stems)]
        themed_words: set[str] = set()
        spans: list[tuple[int, int]] = []  # where expressions of several words are said
        elsewhere = self._other_sense_at(stems) if self._other_senses else {}
        lengths, seconds = self._lengths, self._seconds
        for start, first in enumerate(stems):
            sizes = lengths.get(first)
            if not sizes:
                continue
            for size in sizes:
                if start + size > len(stems):
                    continue
                if size > 1 and stems[start + 1] not in seconds[first]:
                    continue  # no expression of the glossary goes on with this word
                key = tuple(stems[start : start + size])
                for feature in self._phrases.get(key, ()):
                    if size == 1 and not self._is_form(every[start].surface, first, feature):
                        continue
                    if elsewhere and any(feature in elsewhere.get(i, ()) for i in range(start, start + size)):
                        continue  # the theme's word in another sense (`_other_senses`)
                    if size == 1:  # a word the glossary names as a theme is a subject
                        everyday[f"{WORD}:{first}"] = False
                        themed_words.add(f"{WORD}:{first}")
                    else:
                        spans.append((start, start + size))
                    weight = self._phrase_weight[feature] * (tail if start >= cut else 1.0)
                    if weight > weights.get(feature, 0.0):
                        weights[feature] = weight
                    if feature not in surface:  # the first place it is said
                        if size == 1:
                            surface[feature] = every[start].surface
                        else:
                            surface[feature] = _written(text, every[start : start + size])
        # The one empty set when empty (most texts' `themed`): not one more object per text.
        common = frozenset(f for f, yes in everyday.items() if yes) or _NO_FEATURES
        themed = frozenset(f for f in themed_words if f in weights) or _NO_FEATURES
        analysis = Analysis(weights, surface, words, meaning, common, themed)
        if expanded or spans:
            _pieces(analysis, word_at, expanded, spans)
        return analysis

    def _other_sense_at(self, stems: Sequence[str]) -> dict[int, set[str]]:
        """Position -> the themes its word does not say there (`_other_senses`)."""
        # Most texts: not every word of any of them; two in five hold not even one's longest
        # word (one check on the list, no set made).
        if self._other_words.keys().isdisjoint(stems):
            return {}
        present = set(stems)
        if not any(
            words <= present
            for longest in self._other_words.keys() & present
            for words in self._other_words[longest]
        ):
            return {}
        found: dict[int, set[str]] = defaultdict(set)
        for start, first in enumerate(stems):
            for size in self._other_lengths.get(first, ()):
                if start + size > len(stems):
                    continue
                said = tuple(stems[start : start + size])
                keys = [said] + [key for key in self._other_gaps.get((first, size), ()) if _fits(key, said)]
                for key in keys:
                    for feature in self._other_senses.get(key, ()):
                        for i in range(start, start + size):
                            found[i].add(feature)
        return found

    def _is_form(self, written: str, stem: str, feature: str) -> bool:
        """`same_form` for this word and theme, kept: a workshop says the same words again
        and again (a fifth of the time of indexing 48,000 statements was spent here)."""
        key = (written, feature)
        found = self._form_of.get(key)
        if found is None:
            found = self._form_of[key] = same_form(written, self._forms.get((stem, feature)))
        return found

    def related(self, weights: dict[str, float]) -> dict[str, tuple[float, str]]:
        """The related themes of these features' themes that they do not hold themselves
        (see `Analysis.neighbours`)."""
        neighbours: dict[str, tuple[float, str]] = {}
        for feature in sorted(self._related.keys() & weights.keys()):
            value = weights[feature] * NEIGHBOUR_WEIGHT
            for related in self._related[feature]:
                if related not in weights and value > neighbours.get(related, (0.0, ""))[0]:
                    neighbours[related] = (value, feature)
        return neighbours

    def _plan(self, token: Token) -> _Plan:
        """What a word (not a small word) adds to the text that says it, whatever the text:
        its features with their weights (before the « pour … » tail), the words it gives the
        text's meaning, and its word feature with whether it is everyday French (or None). An
        acronym of the glossary: itself, its expansion's words, the themes it belongs to, and
        its expansion for the meaning (« PLIE » is not « plier »). A number: nothing
        (« 25 postes » and « les 16-25 ans » say nothing in common)."""
        acronym = self._acronym(token)
        if acronym is not None:
            features = [(f"{ACRONYM}:{acronym}", FEATURE_WEIGHT[ACRONYM])]
            features += [
                (f"{WORD}:{s}", FEATURE_WEIGHT[EXPANSION]) for s in self._expansion_stems.get(acronym, [])
            ]
            features += [(f, FEATURE_WEIGHT[FAMILY]) for f in self._phrases.get(("\0acr", acronym), [])]
            return tuple(features), tuple(self._expansion_words.get(acronym) or [token.surface]), None
        if token.surface.isdigit():
            return (), (), None
        rarity = self.rarity(token.surface) if self.rarity is not None else 1.0
        usual = self.common(token.surface) if self.common is not None else False
        feature = f"{WORD}:{token.stem}"
        return ((feature, FEATURE_WEIGHT[WORD] * rarity),), (token.surface,), (feature, usual)

    def _acronym(self, token: Token) -> str | None:
        if not token.upper:
            return None
        return self._acronyms.get(strip_accents(token.surface).lower())


def _without_meaning(rows: Any) -> Any:
    """Which sentence vectors are zero: texts without a word of meaning (a phone number, « été »,
    « le », a dash; `Analyzer.analyze` leaves numbers, small words and e-mail or web addresses
    out of `Analysis.meaning`). Such a text stays the zero vector once the workshop's common
    part is removed, close in meaning to nothing: with the workshop's mean taken from it, every
    such text was one and the same vector, « close » to every other and to whatever lies
    opposite the mean (a probe: « été » ← « 06 12 34 56 78 », « Seul lien : un sens voisin »)."""
    return ~rows.any(axis=1)


class _Filler:
    """The empty places of a need's suggestions filled by meaning alone (FILL_MIN_STATEMENTS),
    with the distilled word vectors: sentences as the engine's (`Engine._remove_common`: the
    workshop's mean and first direction removed, MEANING_DIMS directions kept), each resource
    measured from its mean cosine to the workshop's needs (no hubs)."""

    def __init__(self, vectors: WordVectors, engine: Engine) -> None:
        # The workshop as indexed (an edited need is compared as it is now, against this);
        # the sentences are made only when a need first has a place to fill: at 4,000
        # participants every need has five linked suggestions, and this costs nothing.
        self.vectors = vectors
        self.engine = engine
        self.ids = list(engine.statements)
        self.analyses = dict(engine.analyses)
        self.needs = engine.need_ids()
        self.resource_ids = list(engine._resource_ids)
        self.meanings: Any = None

    def _build(self) -> None:
        import numpy as np

        ids, analyses = self.ids, self.analyses
        raw = self.vectors.sentences([analyses[i].meaning for i in ids])
        empty = _without_meaning(raw)
        mean = raw.mean(axis=0)
        raw -= mean
        _values, directions = np.linalg.eigh((raw.T @ raw).astype(np.float64))
        keep = min(MEANING_DIMS, directions.shape[1] - 1)
        self.mean = mean.astype(np.float32)
        self.basis = np.ascontiguousarray(directions[:, -1 - keep : -1][:, ::-1], dtype=np.float32)
        where = {statement_id: i for i, statement_id in enumerate(ids)}
        self.meanings = self._unit(raw @ self.basis)
        self.meanings[empty] = 0.0
        self.where = where
        self.resources = np.ascontiguousarray(self.meanings[[where[r] for r in self.resource_ids]])
        needs = [where[n] for n in self.needs]
        center = self.meanings[needs].mean(axis=0) if needs else np.zeros(keep, dtype=np.float32)
        self.usual = self.resources @ center  # each resource's mean cosine to the needs

    @staticmethod
    def _unit(rows: Any) -> Any:
        import numpy as np

        norms = np.linalg.norm(rows, axis=1)
        norms[norms == 0] = 1.0
        return (rows / norms[:, None]).astype(np.float32)

    def meaning(self, statement_id: str) -> Any:
        """A statement's sentence in this space (an edited need: computed again)."""
        import numpy as np

        engine = self.engine
        found = self.where.get(statement_id)
        if found is not None and engine.analyses[statement_id] is self.analyses.get(statement_id):
            return self.meanings[found]
        raw = self.vectors.sentences([engine.analyses[statement_id].meaning])
        if _without_meaning(raw)[0]:
            return np.zeros(self.basis.shape[1], dtype=np.float32)
        return self._unit((raw - self.mean) @ self.basis)[0]

    def fill(
        self,
        wanting: list[tuple[str, list[tuple[str, float, float]]]],
        excluded: set[tuple[str, str]],
        top: int,
    ) -> dict[str, list[tuple[str, float, float]]]:
        """For each need and what it has (`wanting`), the resources of other participants
        closest to it in meaning beyond their usual closeness, not already chosen nor rejected,
        until `top`; scored below MIN_SCORE. Needs a block at a time (BLOCK_SCORES)."""
        import numpy as np

        if self.meanings is None:
            self._build()
        engine = self.engine
        owners = engine._columns_of_owner()
        rejected: Counter[str] = Counter(n for n, _ in excluded)
        found: dict[str, list[tuple[str, float, float]]] = {}
        step = max(1, BLOCK_SCORES // max(len(self.resources), 1))
        for start in range(0, len(wanting), step):
            block = wanting[start : start + step]
            needs = np.stack([self.meaning(need_id) for need_id, _chosen in block])
            closeness = _rows_times(
                needs, self.resources.T, np.empty((len(needs), len(self.resources)), dtype=np.float32)
            )
            closeness -= self.usual
            # Nothing is close to a text without a word of meaning, nor is it to anything.
            closeness[_without_meaning(needs)] = -np.inf
            closeness[:, _without_meaning(self.resources)] = -np.inf
            for row, (need_id, _chosen) in enumerate(block):
                owner = engine._owners.get(engine.statements[need_id].participant_id)
                own = owners.get(owner) if owner is not None else None
                if own is not None:
                    closeness[row, own] = -np.inf
            reach = min(closeness.shape[1], top + max(rejected[n] for n, _chosen in block))
            best = _top(closeness, reach, 0)  # each row's best above zero, best first
            for row, (need_id, chosen) in enumerate(block):
                taken = {resource_id for resource_id, _value, _shown in chosen}
                wanted = top - len(chosen)
                added: list[tuple[str, float, float]] = []
                columns, values = best[row]
                for column, value in zip(columns.tolist(), values.tolist(), strict=True):
                    resource_id = self.resource_ids[column]
                    if len(added) >= wanted:
                        break
                    if resource_id in taken or (need_id, resource_id) in excluded:
                        continue
                    score = round(MIN_SCORE * min(value, 1.0), 4)
                    added.append((resource_id, score, score))
                found[need_id] = added
        return found


class Engine:
    """Index a workshop's statements once; suggest for all needs or for a few edited ones."""

    def __init__(self, glossary: Glossary, vectors: WordVectors | None = None) -> None:
        self.analyzer = Analyzer(
            glossary,
            vectors.weight if vectors is not None else None,
            vectors.common if vectors is not None else None,
        )
        self.glossary = glossary
        self.vectors = vectors
        self._resource_meaning: Any = None  # one unit word-vector mean per resource
        self._meanings: dict[str, Any] = {}
        self._common: tuple[Any, Any] | None = None  # the workshop's mean sentence, first direction
        self._resource_meaning_scaled: Any = None
        self._resource_lexical_t: Any = None  # features x resources, each times its kind's factor
        self._offer_lexical_t: Any = None  # its first columns: the offers
        self._stacked: Any = None  # see `_stacked_t`
        self._lexical: _LexicalProduct | None = None  # the same, for dense blocks
        self._buffers = threading.local()  # each scoring thread's dense block, reused
        self._owner_columns: dict[int, Any] | None = None
        self._known_words: dict[str, tuple[list[str], list[str], Any]] = {}
        self.statements: dict[str, Statement] = {}
        self.analyses: dict[str, Analysis] = {}
        self._features: dict[str, int] = {}
        self._owners: dict[str, int] = {}
        self._idf: Any = None
        self._idf_list: list[float] = []
        self._idf_of: dict[str, float] = {}
        self._resource_ids: list[str] = []
        self._resource_matrix: Any = None
        self._resource_owner: Any = None
        self._resource_factor: Any = None
        self._offers = 0  # columns [0, _offers) are offers, the others actions and challenges
        self._baseline: Any = None  # each resource's mean closeness in meaning to the needs
        self._column_index: dict[str, int] = {}
        self._everyday_here: frozenset[str] = frozenset()
        # For comparison only (benchmarks, tests): one cosine floor for every resource, as
        # before hubs were corrected (it was 0.5), instead of each resource's own baseline;
        # `correct_hubs = False`: the workshop's median baseline for every resource.
        self.fixed_baseline: float | None = None
        self.correct_hubs = True
        self.fill = True  # fill empty places by meaning (FILL_MIN_STATEMENTS); False to compare
        self._filler: _Filler | None = None
        self._structures = StructureNames(())
        self._named: dict[str, dict[str, str]] = {}  # need id -> `named`, once

    # ------------------------------------------------------------- index

    def _analyze(self, statement: Statement) -> Analysis:
        analysis = self.analyzer.analyze(statement.text, statement.own, PURPOSE_TAIL)
        if statement.kind == ItemKind.NEED and self.analyzer._related:
            analysis.neighbours = self.analyzer.related(analysis.weights)
        return analysis

    @_without_gc()
    @_one_blas_thread()  # the workshop's scatter matrix and its eigenvectors (see there)
    def index(self, statements: Iterable[Statement]) -> None:
        import numpy as np

        self.statements = {s.id: s for s in statements}
        self.analyses = {s.id: self._analyze(s) for s in self.statements.values()}
        self._structures = StructureNames({(s.participant_id, s.structure) for s in self.statements.values()})
        self._named = {}
        self._meanings = {}
        self._known_words = {}
        document_frequency: Counter[str] = Counter()
        for analysis in self.analyses.values():
            document_frequency.update(analysis.weights.keys())
        self._features = {f: i for i, f in enumerate(sorted(document_frequency))}
        total = len(self.analyses) or 1
        self._idf = np.zeros(len(self._features), dtype=np.float64)
        rarest = math.log((1 + total) / 2) + 1.0
        for feature, column in self._features.items():
            if feature.startswith(f"{FAMILY}:"):
                self._idf[column] = rarest
            else:
                self._idf[column] = math.log((1 + total) / (1 + document_frequency[feature])) + 1.0
        self._idf_list = self._idf.tolist()  # Python floats: far quicker one at a time
        self._idf_of = dict(zip(self._features, self._idf_list, strict=True))  # feature -> IDF
        self._everyday_here = frozenset(
            f
            for f, count in document_frequency.items()
            if f.startswith(f"{WORD}:") and count * HERE_SHARE >= total and total >= 3 * HERE_SHARE
        )
        # Offers in the first columns, then actions and challenges: each part is ranked apart.
        # A remark someone is quoted saying, written among their actions (an observer's
        # « « La redistribution… doit être réfléchie. » »), is no action: never « a déjà fait ».
        # Nor is a fact about the territory taken down there (« En effet, 80 % des entreprises
        # du territoire n'ont pas de salariés. »): `french.states_a_fact`.
        resources = [s for s in self.statements.values() if s.kind == ItemKind.OFFER]
        resources += [
            s
            for s in self.statements.values()
            if s.kind in SOURCE_FACTOR
            and s.kind != ItemKind.OFFER
            and not (s.kind == ItemKind.ACTION and (remark_said(s.text) or states_a_fact(s.text)))
        ]
        self._resource_ids = [s.id for s in resources]
        self._column_index = {r: i for i, r in enumerate(self._resource_ids)}
        self._resource_matrix = self._matrix([s.id for s in resources])
        participant_ids = sorted({s.participant_id for s in self.statements.values()})
        owners = {pid: i for i, pid in enumerate(participant_ids)}
        self._owners = owners
        self._resource_owner = np.array([owners[s.participant_id] for s in resources], dtype=np.int64)
        self._resource_factor = np.array([SOURCE_FACTOR[s.kind] for s in resources])
        self._owner_columns = None
        self._common = None
        if self.vectors is not None:
            self._remove_common([s.id for s in self.statements.values()])
        self._resource_meaning = None
        if self.vectors is not None and len(self.statements) >= MEANING_MIN_STATEMENTS:
            self._resource_meaning = self._meaning(self._resource_ids)
        lexical = self._resource_matrix.multiply(self._resource_factor[:, None]).tocsr().astype(np.float32)
        self._resource_lexical_t = lexical.T.tocsr()
        self._offers = sum(1 for s in resources if s.kind == ItemKind.OFFER)
        self._offer_lexical_t = self._resource_lexical_t[:, : self._offers]  # features x offers
        self._stacked = None
        self._lexical = _LexicalProduct(lexical) if self.vectors is not None else None
        self._baseline = None
        if self._resource_meaning is not None:
            # No hubs: a resource counts as close in meaning to a need only beyond how close it
            # is to everything the workshop says, on average (a long generic offer is close to
            # all). Its mean cosine to every other statement, in one product with their sum.
            everything = self._meaning(list(self.statements))
            others = max(len(everything) - 1, 1)
            total = everything.sum(axis=0)
            baseline = ((self._resource_meaning @ total - 1.0) / others).astype(np.float32)
            # Only a hub's excess counts against it: a resource no closer to everything than
            # the workshop's typical resource is measured from that typical closeness (the
            # median), not from its own (which would favour the resources close to nothing);
            # and never from below 0, the closeness of unrelated texts: once the workshop's
            # common part is removed, a statement's mean cosine to the n − 1 others is about
            # −1 / (n − 1), so in a small workshop (median −0.13 for 7 statements) every pair would
            # count as close by that much (« Entretien des espaces verts » for « Comment
            # financer l'accompagnement des jeunes décrocheurs ? »).
            if len(baseline):
                median = np.float32(max(np.median(baseline), 0.0))
                baseline = (
                    np.maximum(baseline, median) if self.correct_hubs else np.full_like(baseline, median)
                )
            self._baseline = baseline
            if self.fixed_baseline is not None:
                self._baseline = np.full(len(self._resource_ids), self.fixed_baseline, dtype=np.float32)
            scale = (WEIGHT * self._resource_factor).astype(np.float32)[:, None]
            self._resource_meaning_scaled = np.hstack(
                [self._resource_meaning * scale, -self._baseline[:, None] * scale]
            ).astype(np.float32)
        self._filler = None
        distilled = self.vectors.filler if self.vectors is not None else None
        if self.fill and distilled is not None and len(self.statements) >= FILL_MIN_STATEMENTS:
            self._filler = _Filler(distilled, self)

    def _remove_common(self, ids: list[str]) -> None:
        """What every sentence of the workshop shares is no meaning of its own: the workshop's
        mean sentence vector and its first principal direction are removed from each sentence
        ("SIF", Arora et al. 2017; "all-but-the-top", Mu and Viswanath 2018). Raw means of a
        workshop's sentences are all 0.7 to 0.85 alike (employment, territory, partners): once
        the common part is removed, the close pairs stand out. Read off the workshop itself,
        no tuned knob; an edited statement is projected the same way (`_meaning`). Each
        sentence is kept as its coordinates on the next MEANING_DIMS principal directions.
        A text with no word of meaning (`_without_meaning`) stays the zero vector."""
        import numpy as np

        assert self.vectors is not None
        if len(ids) < 3:
            return
        raw = self.vectors.sentences([self.analyses[i].meaning for i in ids])
        empty = _without_meaning(raw)
        mean = raw.mean(axis=0)
        raw -= mean
        # The first principal direction: the top eigenvector of the 300 × 300 scatter matrix
        # (one product over the sentences, linear in their number).
        _values, directions = np.linalg.eigh((raw.T @ raw).astype(np.float64))
        keep = min(MEANING_DIMS, directions.shape[1] - 1)
        basis = np.ascontiguousarray(directions[:, -1 - keep : -1][:, ::-1], dtype=np.float32)
        self._common = (mean.astype(np.float32), basis)
        raw = raw @ basis
        norms = np.linalg.norm(raw, axis=1)
        norms[norms == 0] = 1.0
        raw /= norms[:, None]
        raw[empty] = 0.0
        self._meanings = dict(zip(ids, raw, strict=True))

    def _meaning(self, ids: Sequence[str]) -> Any:
        """Unit word-vector means of these statements, the workshop's common part removed
        (`_remove_common`), kept until their text changes."""
        import numpy as np

        assert self.vectors is not None
        missing = [i for i in dict.fromkeys(ids) if i not in self._meanings]
        if missing:
            computed = self.vectors.sentences([self.analyses[i].meaning for i in missing])
            if self._common is not None:
                mean, basis = self._common
                empty = _without_meaning(computed)
                computed = (computed - mean) @ basis
                norms = np.linalg.norm(computed, axis=1)
                norms[norms == 0] = 1.0
                computed /= norms[:, None]
                computed[empty] = 0.0
            self._meanings.update(zip(missing, computed, strict=True))
        if not ids:
            size = self._common[1].shape[1] if self._common is not None else self.vectors.size
            return np.zeros((0, size), dtype=np.float32)
        return np.stack([self._meanings[i] for i in ids])

    def update(self, changed: Iterable[Statement], removed: Iterable[str] = ()) -> None:
        """Take edited or new statements into account without re-indexing everything.

        Needs are compared against the indexed resources at once; a changed resource
        (offer, action, challenge) needs `index()` again, which the window schedules.
        """
        for statement in changed:
            self.statements[statement.id] = statement
            self.analyses[statement.id] = self._analyze(statement)
            self._meanings.pop(statement.id, None)
            self._known_words.pop(statement.id, None)
            self._named.pop(statement.id, None)
            if statement.participant_id not in self._owners:
                self._owners[statement.participant_id] = len(self._owners)
        for statement_id in removed:
            if statement_id not in self._resource_ids:
                self.statements.pop(statement_id, None)
                self.analyses.pop(statement_id, None)

    def _vector_rows(self, analyses: Sequence[Analysis], related: bool = False) -> Any:
        """Unit rows of IDF-weighted features, float32 (half the memory traffic of float64).
        With `related` (needs), also the rows of their related themes alone, divided by the
        same lengths, as a second matrix: they add links, and change no other score."""
        import numpy as np
        from scipy import sparse

        features, idf = self._features, self._idf_list
        # Every (row, feature, weight) at once, the columns looked up in one pass (a feature
        # the index does not know, of an edited need, has none and is left out); each value
        # weight · IDF in float64, then float32, as one at a time.
        named: list[str] = []
        weights: list[float] = []
        for analysis in analyses:
            named += analysis.weights
            weights += analysis.weights.values()
        sizes = np.fromiter((len(a.weights) for a in analyses), dtype=np.int64, count=len(analyses))
        row_of = np.repeat(np.arange(len(analyses), dtype=np.int64), sizes)
        found = list(map(features.get, named))
        if None in found:
            known = [c is not None for c in found]
            found = [c for c in found if c is not None]
            weights = [w for w, k in zip(weights, known, strict=True) if k]
            row_of = row_of[np.array(known, dtype=bool)]
        columns = np.array(found, dtype=np.int64)
        products = np.array(weights, dtype=np.float64) * self._idf[columns]
        matrix = sparse.csr_matrix(
            (products.astype(np.float32), (row_of, columns)),
            shape=(len(analyses), len(self._features)),
        )
        matrix.sum_duplicates()
        lengths = np.diff(matrix.indptr)
        owners = np.repeat(np.arange(len(analyses)), lengths)
        norms = np.sqrt(
            np.bincount(owners, weights=matrix.data.astype(np.float64) ** 2, minlength=len(analyses))
        )
        norms[norms == 0] = 1.0
        matrix.data /= norms[owners].astype(np.float32)  # each row of unit length
        if related:
            rows, cols, values = [], [], []
            for row, analysis in enumerate(analyses):
                for feature, (weight, _theme) in analysis.neighbours.items():
                    column = features.get(feature)
                    if column is not None:
                        rows.append(row)
                        cols.append(column)
                        values.append(weight * idf[column] / norms[row])
            extra = sparse.csr_matrix(
                (
                    np.array(values, dtype=np.float32),
                    (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)),
                ),
                shape=matrix.shape,
            )
            return matrix, extra
        return matrix

    def _matrix(self, ids: Sequence[str]) -> Any:
        return self._vector_rows([self.analyses[i] for i in ids]).tocsr()

    def _need_rows(self, ids: Sequence[str]) -> tuple[Any, Any]:
        """The needs' rows, and the rows of their related themes alone (`_vector_rows`)."""
        import numpy as np

        rows, related = self._vector_rows([self.analyses[i] for i in ids], related=True)
        return rows.tocsr().astype(np.float32), related.tocsr().astype(np.float32)

    def _stacked_t(self) -> Any:
        """The resources' features over the offers' features (the other columns empty):
        what the needs' rows and their related themes' rows, side by side, multiply."""
        from scipy import sparse

        if self._stacked is None:
            offers = self._resource_lexical_t.copy()
            offers.data[offers.indices >= self._offers] = 0.0
            offers.eliminate_zeros()
            self._stacked = sparse.vstack([self._resource_lexical_t, offers], format="csr")
        return self._stacked

    def _related_scores(self, related: Any) -> Any:
        """Related themes' scores against the offers only (columns [0, _offers)): a related
        theme is a weaker link than a shared one, enough for an explicit offer (« Plateforme
        collaborative » for « Partage d'expériences »), not for the many actions and
        challenges (their factor would bury it; and this product stays small)."""
        return related @ self._offer_lexical_t

    # ----------------------------------------------------------- suggest

    def need_ids(self) -> list[str]:
        return [s.id for s in self.statements.values() if s.kind == ItemKind.NEED]

    @_without_gc()
    def suggest(
        self,
        need_ids: Sequence[str] | None = None,
        *,
        top: int = 5,
        excluded: set[tuple[str, str]] | None = None,
        chunk: int | None = None,
    ) -> dict[str, list[Suggestion]]:
        """The best `top` resources of other participants for each need."""
        # Blocks of needs: a dense block (with word vectors) stays small whatever the size.
        if chunk is None:
            dense = self._resource_meaning is not None
            chunk = max(32, min(1000, BLOCK_SCORES // max(len(self._resource_ids), 1))) if dense else 2000
        wanted = list(need_ids) if need_ids is not None else self.need_ids()
        results: dict[str, list[Suggestion]] = {}
        if not wanted or not self._resource_ids:
            return {n: [] for n in wanted}
        excluded = excluded or set()
        blocked: dict[str, int] = Counter(n for n, _ in excluded)
        keep = top + 8 + (max(blocked.values()) if blocked else 0)
        resources_t = self._resource_lexical_t
        blocks = [wanted[start : start + chunk] for start in range(0, len(wanted), chunk)]
        wanting: list[tuple[str, list[tuple[str, float, float]]]] = []  # empty places to fill
        for need_id, offers, helpers in self._scored(blocks, resources_t, keep):
            kept_offers = self._admitted(need_id, offers, MIN_SCORE, excluded, top, offers=True)
            kept_helpers = self._admitted(need_id, helpers, MIN_SCORE, excluded, top)
            chosen = self._places(kept_offers, kept_helpers, top)
            chosen = self._with_named(need_id, chosen, excluded, top)
            results[need_id] = self._surer_first(need_id, self._suggestions(need_id, chosen))
            if len(chosen) < top and self._filler is not None:
                wanting.append((need_id, chosen))
        if wanting and self._filler is not None:
            with _one_blas_thread():  # OpenBLAS's threads spin on a busy machine (see there)
                filled = self._filler.fill(wanting, excluded, top)
            for need_id, added in filled.items():
                results[need_id] += self._suggestions(need_id, added, filled=True)
        return results

    def _suggestions(
        self, need_id: str, chosen: list[tuple[str, float, float]], filled: bool = False
    ) -> list[Suggestion]:
        return [
            Suggestion(
                need_id,
                resource_id,
                SOURCE_NAME[self.statements[resource_id].kind],
                shown,
                self.reasons(need_id, resource_id, value, filled=filled),
            )
            for resource_id, value, shown in chosen
        ]

    def _surer_first(self, need_id: str, found: list[Suggestion]) -> list[Suggestion]:
        """The suggestions in the order the window, the projector and the documents show them
        (`shown_order`): one linked by a single word to a short statement, or in a small grid
        (`reasons.one_word_of_a_short_statement`), is « possible » at most whatever its score,
        and comes after the « très probable » ones of its group (offers first, then the rest)."""
        need = self.statements[need_id].text
        size = len(self.statements)

        def key(suggestion: Suggestion) -> tuple[int, int, float]:
            resource = self.statements[suggestion.resource_id]
            thin = one_word_of_a_short_statement(suggestion.reasons, need, resource.text, size)
            return shown_order(resource.kind, suggestion.score, thin)

        return sorted(found, key=key)

    def _admitted(
        self,
        need_id: str,
        candidates: tuple[Any, Any],
        floor: float,
        excluded: set[tuple[str, str]],
        top: int,
        offers: bool = False,
    ) -> list[tuple[str, float]]:
        """The best `top` candidates (columns, scores, best first) from `floor` on, not excluded,
        each linked by more than everyday words (`linked`): an action or a challenge that only
        everyday words link is left out; such an offer counts as one only close in meaning
        (UNLINKED_OFFER of its meaning part, from UNLINKED_FLOOR), or is left out."""
        found: list[tuple[str, float]] = []
        columns, values = candidates
        demoted = False
        for column, value in zip(columns.tolist(), values.tolist(), strict=True):
            if value < floor or (len(found) >= top and not demoted):
                break
            resource_id = self._resource_ids[column]
            if (need_id, resource_id) in excluded:
                continue
            if not self.linked(need_id, resource_id):
                if not offers:
                    continue
                value = self._meaning_part(need_id, resource_id) * UNLINKED_OFFER
                if value < max(UNLINKED_FLOOR, floor):
                    continue
                demoted = True
            found.append((resource_id, value))
        found.sort(key=lambda c: -c[1])
        return found[:top]

    def _weak(self, need: Analysis, resource: Analysis, here: bool = True) -> frozenset[str]:
        """Word features that say too little to link the two alone: everyday French on either
        side, and (`here`) the workshop's own everyday words (HERE_SHARE), unless a theme's word."""
        weak = need.common | resource.common
        return weak | (self._everyday_here - need.themed - resource.themed) if here else weak

    def linked(self, need_id: str, resource_id: str, pieces: bool = True) -> bool:
        """Whether something more than everyday French links the two: an acronym, a theme of
        the glossary, a shared word that is not everyday French on either side (« venir »,
        « créer », « existe », « permet » link « à venir » and « Projet de Parc à venir » by
        chance, not by subject), or two shared everyday words. Meaning alone is not a link
        (offers: `_offers_by_meaning`).
        Without `pieces` (what a reason may say): a word one side says only through an
        acronym's expansion links nothing, one it says only inside an expression of the
        glossary counts as an everyday word, unless the other says every word of that
        expression (`Analysis.loose`). Suggestions still count them as words (measured: on
        the workshops tuned on, ranking them so removed 11 wrong suggestions of 12, but on
        the never-tuned ones one need of 24 lost its right offer from the first three)."""
        need, resource = self.analyses[need_id], self.analyses[resource_id]
        # `_weak` feature by feature, without making its sets: asked for every candidate.
        here, theirs = self._everyday_here, resource.weights
        everyday = 0  # shared features that are everyday French but not the workshop's own
        found = False  # pieces shared (`Analysis.loose`), when they are not links
        for feature in need.weights:
            if feature not in theirs:
                continue
            if feature in here and feature not in need.themed and feature not in resource.themed:
                continue
            if not pieces and (feature in need.loose or feature in resource.loose):
                found = True  # a piece of an acronym's expansion or of an expression
                if feature not in need.expansion and feature not in resource.expansion:
                    everyday += 1
                continue
            if feature not in need.common and feature not in resource.common:
                return True
            everyday += 1
        if found and (_says_whole(need, theirs) or _says_whole(resource, need.weights)):
            return True
        # Two everyday words together say a subject neither says alone (« conseil » and
        # « énergie » in « Des conseils pour baisser la facture d'énergie » and « Conseil en
        # énergie partagé »); the workshop's own everyday vocabulary still links nothing.
        return everyday >= 2 or self._related_link(need, resource_id)

    def _related_link(self, need: Analysis, resource_id: str) -> bool:
        """Whether a theme of the need is related to one of this offer (offers only: see
        `_related_scores`)."""
        if not need.neighbours or self.statements[resource_id].kind != ItemKind.OFFER:
            return False
        return not need.neighbours.keys().isdisjoint(self.analyses[resource_id].weights)

    def _places(
        self, offers: list[tuple[str, float]], helpers: list[tuple[str, float]], top: int
    ) -> list[tuple[str, float, float]]:
        """Offers first, when they answer: an explicit offer from OFFER_FIRST
        is never crowded out by the many actions a grid holds; all places but the last may go
        to such offers, the last to the best of the rest. The rest (weaker offers, actions,
        challenges) by score: an offer sharing a word in passing does not push out an action
        that answers the need. One place asked for is the first of five: such an offer's.
        The same order as `atelier.domain.shown_order`; scores equal as shown (4 decimals) in
        the grid's order (`_by_shown_score`)."""
        first = sorted((c for c in offers if c[1] >= OFFER_FIRST), key=self._by_shown_score)
        first = first[: top - 1] if helpers and top > 1 else first[:top]
        rest = sorted([c for c in offers if c[1] < OFFER_FIRST] + helpers, key=self._by_shown_score)
        chosen = first + rest[: top - len(first)]
        return [(resource_id, value, round(min(value, 1.0), 4)) for resource_id, value in chosen]

    def _by_shown_score(self, candidate: tuple[str, float]) -> tuple[float, int]:
        """Sort key of candidates: the score as shown (4 decimals), best first, then the grid's
        order. Two resources that say the same thing score the same but for their last bits,
        and those bits depend on how many needs BLAS scored at once (its kernels sum the edge
        columns of a block their own way): without this, a need matched again on its own could
        show two such resources in the other order than the whole workshop's matching."""
        resource_id, value = candidate
        return (-round(value, 4), self._column_index.get(resource_id, len(self._column_index)))

    def named(self, need_id: str) -> dict[str, str]:
        """The participants this need names by their structure (`atelier.matching.named`):
        participant id -> the name as the need writes it."""
        found = self._named.get(need_id)
        if found is None:
            need = self.statements[need_id]
            found = self._named[need_id] = self._structures.named(need.text, need.participant_id)
        return found

    def _with_named(
        self, need_id: str, chosen: list[tuple[str, float, float]], excluded: set[tuple[str, str]], top: int
    ) -> list[tuple[str, float, float]]:
        """The places, with each participant the need names among them: one of their
        statements (`_named_resource`) first, before the others, when none is there yet."""
        named = self.named(need_id)
        if not named:
            return chosen
        # A participant the need names is « possible » at least, as sure as the first place
        # when that is surer, whether their statement was among the places already or not:
        # « exemple de la Cité de l'emploi » asks for the Cité de l'emploi in the room, and a
        # suggestion said « à vérifier » never reaches the minutes or her page.
        best = max(chosen[0][1] if chosen else MIN_SCORE, POSSIBLE)
        lifted = [
            (r, max(v, best), round(min(max(v, best), 1.0), 4))
            if self.statements[r].participant_id in named
            else (r, v, s)
            for r, v, s in chosen
        ]
        if lifted != chosen:
            kinds_now = {r: self.statements[r].kind for r, _v, _s in lifted}
            chosen = sorted(lifted, key=lambda c: shown_order(kinds_now[c[0]], round(c[1], 4)))
        present = {self.statements[r].participant_id for r, _v, _s in chosen}
        added: list[tuple[str, float, float]] = []
        for participant_id in named:
            if participant_id in present:
                continue
            resource_id = self._named_resource(need_id, participant_id, excluded)
            if resource_id is not None:
                value = max(self.score(need_id, resource_id), best)
                added.append((resource_id, value, round(min(value, 1.0), 4)))
        if not added:
            return chosen
        # In the order the window shows them (`shown_order`), whatever `top`: the first place
        # stays the first of five (`--top 1`), the named take the next ones.
        kinds = {r: self.statements[r].kind for r, _v, _s in added + chosen}
        ordered = sorted(added + chosen, key=lambda c: shown_order(kinds[c[0]], round(c[1], 4)))
        kept = (ordered[:1] + [c for c in ordered[1:] if c in added])[:top]
        kept += [c for c in ordered[1:] if c not in kept][: max(top - len(kept), 0)]
        return sorted(kept, key=lambda c: shown_order(kinds[c[0]], round(c[1], 4)))

    def _named_resource(
        self, need_id: str, participant_id: str, excluded: set[tuple[str, str]]
    ) -> str | None:
        """What a named participant is suggested by: their offer that answers the need best
        (or their first offer); without offers, their action that does (or their first one);
        without actions, a challenge likewise."""
        for kind in (ItemKind.OFFER, ItemKind.ACTION, ItemKind.CHALLENGE):
            theirs = [
                s.id
                for s in self.statements.values()
                if s.participant_id == participant_id
                and s.kind == kind
                and s.id in self._column_index
                and (need_id, s.id) not in excluded
            ]
            if theirs:
                scores = [self.score(need_id, r) for r in theirs]
                best = max(range(len(theirs)), key=lambda i: (scores[i], -i))
                return theirs[best]
        return None

    def _scored(
        self, blocks: Sequence[Sequence[str]], resources_t: Any, keep: int
    ) -> Iterable[tuple[str, Any, Any]]:
        """Candidates block after block. With several blocks, the next ones are scored in
        SCORERS threads while this one's reasons are written: the matrix products and the
        partitions run outside the GIL, the reasons are Python; on two cores they overlap."""
        with _one_blas_thread():
            yield from self._blocks(blocks, resources_t, keep)

    def _blocks(
        self, blocks: Sequence[Sequence[str]], resources_t: Any, keep: int
    ) -> Iterable[tuple[str, Any, Any]]:
        if len(blocks) == 1:
            yield from self._candidates(blocks[0], resources_t, keep)
            return
        from concurrent.futures import ThreadPoolExecutor

        def score(block: Sequence[str]) -> list[tuple[str, Any, Any]]:
            return list(self._candidates(block, resources_t, keep))

        with ThreadPoolExecutor(max_workers=SCORERS, thread_name_prefix="atelier-match") as pool:
            pending = deque(pool.submit(score, block) for block in blocks[:SCORERS])
            following = iter(blocks[SCORERS:])
            while pending:
                ready = pending.popleft().result()
                block = next(following, None)
                if block is not None:
                    pending.append(pool.submit(score, block))
                yield from ready

    def _candidates(
        self, block: Sequence[str], resources_t: Any, keep: int
    ) -> Iterable[tuple[str, Any, Any]]:
        """For each need of the block: its best offers and its best actions and challenges,
        each as (columns, scores), best first."""
        import numpy as np

        owners = np.array([self._owners[self.statements[n].participant_id] for n in block])
        if self._resource_meaning is not None:
            # Dense: every pair has a meaning score, float32, a block of needs at a time.
            # factor · WEIGHT · max(0, cos − baseline) in one product: each resource row is
            # [factor·WEIGHT·r, −factor·WEIGHT·baseline(r)] and each need row [n, 1].
            needs = self._meaning(block)
            needs = np.hstack([needs, np.ones((len(block), 1), dtype=np.float32)])
            shape = (len(block), len(self._resource_ids))
            buffer = getattr(self._buffers, "block", None)
            if buffer is None or buffer.shape[1] != shape[1] or buffer.shape[0] < shape[0]:
                buffer = self._buffers.block = np.empty(shape, dtype=np.float32)
            scores = buffer[: shape[0]]
            assert self._lexical is not None
            meaning: Any = None  # the block's meaning parts, kept apart (not for one need)
            if len(block) == 1:  # one edited need: the same sums without scipy's matrices
                _rows_times(needs, self._resource_meaning_scaled.T, scores)
                np.maximum(scores, 0.0, out=scores)
                self._add_one_need(scores, self.analyses[block[0]])
            else:
                kept = getattr(self._buffers, "meaning", None)
                if kept is None or kept.shape[1] != shape[1] or kept.shape[0] < shape[0]:
                    kept = self._buffers.meaning = np.empty(shape, dtype=np.float32)
                meaning = kept[: shape[0]]
                _rows_times(needs, self._resource_meaning_scaled.T, meaning)
                np.maximum(meaning, 0.0, out=meaning)
                # The lexical scores (already times each kind's factor), added to it.
                rows, related = self._need_rows(block)
                self._lexical.add_into(scores, rows, base=meaning)
                if related.nnz:
                    extra = self._related_scores(related).tocoo()
                    scores.reshape(-1)[extra.row * scores.shape[1] + extra.col] += extra.data
            # Never one's own offers: every (row, own column) of the block at once.
            own = self._columns_of_owner()
            none = np.zeros(0, dtype=np.int64)
            columns = [own.get(owner, none) for owner in owners.tolist()]
            lengths = np.fromiter((len(c) for c in columns), dtype=np.int64, count=len(columns))
            if lengths.sum():
                rows = np.repeat(np.arange(len(block)), lengths)
                scores.reshape(-1)[rows * scores.shape[1] + np.concatenate(columns)] = -1.0
            # An explicit offer close in meaning is a candidate on its meaning alone (offers are
            # few, and said in a line: « Club d'entreprises » for « Partage d'expériences »).
            # For actions and challenges, many and long, meaning counts only for pairs something
            # links (a word, an acronym, a theme): alone it finds noise as often as paraphrase.
            # The best candidates are taken on the whole score, twice as many as needed, and
            # those with no lexical part (their score is their meaning part) are dropped: no
            # second pass over the block.
            wide = 2 * keep
            offers = _top(scores[:, : self._offers], wide, 0)
            helpers = _top(scores[:, self._offers :], wide, self._offers)
            for row, need_id in enumerate(block):
                near = meaning[row] if meaning is not None else None
                yield (
                    need_id,
                    self._offers_by_meaning(needs[row], offers[row], keep, near),
                    self._linked_only(needs[row], helpers[row], keep, near),
                )
            return
        # Sparse all the way: most need/offer pairs share nothing.
        from scipy import sparse

        rows, related = self._need_rows(block)
        if related.nnz:  # one product: [rows | related] @ [resources ; offers, the rest empty]
            lexical = sparse.hstack([rows, related], format="csr") @ self._stacked_t()
        else:
            lexical = rows @ resources_t
        indptr, indices, data = lexical.indptr, lexical.indices, lexical.data
        for row, need_id in enumerate(block):
            columns = indices[indptr[row] : indptr[row + 1]]
            values = data[indptr[row] : indptr[row + 1]].copy()
            values[self._resource_owner[columns] == owners[row]] = 0.0
            is_offer = columns < self._offers
            found = []
            for part in (is_offer, ~is_offer):
                part_columns, part_values = columns[part], values[part]
                width = min(keep, part_values.size)
                best = (
                    np.argpartition(-part_values, width - 1)[:width]
                    if width < part_values.size
                    else np.arange(part_values.size)
                )
                best = best[np.argsort(-part_values[best], kind="stable")]
                found.append((part_columns[best], part_values[best]))
            yield need_id, found[0], found[1]

    def _one_row(self, analysis: Analysis) -> tuple[Any, Any, Any, Any]:
        """One need's row and its related themes' row (`_vector_rows`), each as (columns in
        order, float32 values): the same numbers, computed the same way, without building
        scipy matrices (a dozen of them cost more than the rest of matching one edited need)."""
        import numpy as np

        features, idf = self._features, self._idf_list
        known = sorted((c, w) for f, w in analysis.weights.items() if (c := features.get(f)) is not None)
        columns = np.array([c for c, _w in known], dtype=np.int64)
        products = np.array([w for _c, w in known], dtype=np.float64) * self._idf[columns]
        values = products.astype(np.float32)
        norms = np.sqrt(
            np.bincount(
                np.zeros(len(values), dtype=np.int64), weights=values.astype(np.float64) ** 2, minlength=1
            )
        )
        norms[norms == 0] = 1.0
        values /= norms.astype(np.float32)
        related = sorted(
            (column, weight * idf[column] / norms[0])
            for feature, (weight, _theme) in analysis.neighbours.items()
            if (column := features.get(feature)) is not None
        )
        related_columns = np.array([c for c, _v in related], dtype=np.int64)
        related_values = np.array([v for _c, v in related], dtype=np.float32)
        return columns, values, related_columns, related_values

    def _add_one_need(self, scores: Any, analysis: Analysis) -> None:
        """`_candidates`' lexical and related themes' scores of one need, added into its row."""
        assert self._lexical is not None
        columns, values, related_columns, related_values = self._one_row(analysis)
        self._lexical.add_one(scores, columns, values)
        if len(related_columns):
            offers = self._offer_lexical_t
            _add_row_sums(
                scores[0], offers.indptr, offers.indices, offers.data, related_columns, related_values
            )

    def _meaning_of(self, need: Any, columns: Any, near: Any) -> Any:
        """The meaning part of these candidates' scores: read off the block's (`near`, every
        resource's, as the whole scores were made from it), else made again. Only compared
        with the whole score to tell a score of meaning alone (equal to it) from one with a
        link (above it by its lexical part, far beyond 1e-5 and any float rounding)."""
        import numpy as np

        if near is not None:
            return near[columns]
        return np.maximum(self._resource_meaning_scaled[columns] @ need, 0.0)

    def _offers_by_meaning(
        self, need: Any, candidates: tuple[Any, Any], keep: int, near: Any = None
    ) -> tuple[Any, Any]:
        """Of offers (columns, scores), best first, the first `keep`, those that only mean
        something close (no word, acronym or theme in common) at UNLINKED_OFFER of their score."""
        import numpy as np

        columns, values = candidates
        if not len(columns):
            return candidates
        meaning = self._meaning_of(need, columns, near)
        unlinked = values * np.float32(UNLINKED_OFFER)
        unlinked[unlinked < UNLINKED_FLOOR] = 0.0
        values = np.where(values - meaning > 1e-5, values, unlinked)
        order = np.argsort(-values, kind="stable")[:keep]
        return columns[order], values[order]

    def _linked_only(
        self, need: Any, candidates: tuple[Any, Any], keep: int, near: Any = None
    ) -> tuple[Any, Any]:
        """Of (columns, scores), best first, the first `keep` whose score is not meaning alone."""
        columns, values = candidates
        if not len(columns):
            return candidates
        meaning = self._meaning_of(need, columns, near)
        linked = values - meaning > 1e-5
        return columns[linked][:keep], values[linked][:keep]

    def _known(self, statement_id: str) -> tuple[list[str], list[str], Any]:
        assert self.vectors is not None
        found = self._known_words.get(statement_id)
        if found is None:
            found = self._known_words[statement_id] = self.vectors.known(self.analyses[statement_id].words)
        return found

    def _columns_of_owner(self) -> dict[int, Any]:
        import numpy as np

        if self._owner_columns is None:
            grouped: dict[int, list[int]] = defaultdict(list)
            for column, owner in enumerate(self._resource_owner.tolist()):
                grouped[owner].append(column)
            self._owner_columns = {o: np.array(c, dtype=np.int64) for o, c in grouped.items()}
        return self._owner_columns

    def meaning(self, need_id: str, resource_id: str) -> float:
        """Cosine of the two statements' word-vector means (0 without vectors)."""
        if self.vectors is None:
            return 0.0
        if need_id not in self._meanings or resource_id not in self._meanings:
            self._meaning([need_id, resource_id])
        return float(self._meanings[need_id] @ self._meanings[resource_id])

    def _meaning_part(self, need_id: str, resource_id: str) -> float:
        """WEIGHT · max(0, cos − the resource's mean cos to the needs), before the kind's factor."""
        if self.vectors is None or self._baseline is None:
            return 0.0
        column = self._column_of(resource_id)
        baseline = float(self._baseline[column]) if column is not None else 0.0
        return WEIGHT * max(0.0, self.meaning(need_id, resource_id) - baseline)

    def _column_of(self, resource_id: str) -> int | None:
        return self._column_index.get(resource_id)

    def score(self, need_id: str, resource_id: str) -> float:
        need, related = self._need_rows([need_id])
        resource = self._matrix([resource_id])
        value = float((need @ resource.T).toarray()[0, 0])
        if self.statements[resource_id].kind == ItemKind.OFFER:
            value += float((related @ resource.T).toarray()[0, 0])
        if not self.linked(need_id, resource_id):
            value = 0.0  # everyday words only: no link (see `linked`)
        offer = self.statements[resource_id].kind == ItemKind.OFFER
        if value <= 0.0 and not offer:
            return 0.0  # nothing links them: meaning alone does not, but for an offer
        if value <= 0.0:
            value = self._meaning_part(need_id, resource_id) * UNLINKED_OFFER
            return round(min(value, 1.0), 4) if value >= UNLINKED_FLOOR else 0.0
        value += self._meaning_part(need_id, resource_id)
        return round(min(value * SOURCE_FACTOR.get(self.statements[resource_id].kind, 1.0), 1.0), 4)

    # ----------------------------------------------------------- reasons

    def shared(self, a: str, b: str) -> list[tuple[float, str]]:
        """Features two statements share, strongest first."""
        first, second = self.analyses[a].weights, self.analyses[b].weights
        idf_of = self._idf_of
        common = []
        for feature, weight in first.items():
            if feature in second:
                idf = idf_of.get(feature, 1.0)
                common.append((weight * second[feature] * idf * idf, feature))
        common.sort(reverse=True)
        return common

    def reasons(
        self, need_id: str, resource_id: str, score: float | None = None, *, filled: bool = False
    ) -> list[Reason]:
        """Why this resource for this need, as data (see `atelier.reasons.say` for the words):
        first what the resource is, with the words it shares with the need; then acronyms and
        glossary families linking them; then meaning, when it weighs in the score, or when
        meaning alone brought the resource: it fills an empty place (`filled`), or it is an
        offer nothing else links (`_by_meaning`); then `_near_reason`. A suggestion whose
        reasons name no link says plainly what is left: meaning alone (« Seul lien : un sens
        voisin, à vérifier »), or a word said only inside an expression or an acronym."""
        need, resource = self.analyses[need_id], self.analyses[resource_id]
        statement = self.statements[resource_id]
        name = self.named(need_id).get(statement.participant_id)
        cited: list[Reason] = []
        if name is not None:
            people = tuple(n for n in statement.own if n and n != statement.structure)
            cited = [_reason(ReasonKind.CITED, people, term=name, resource=statement.structure)]
        shared_words: list[str] = []
        need_words: list[str] = []  # the same words as the need writes them
        lines: list[Reason] = []
        covered: set[str] = set()
        piece_said = ("", "")  # the word linking as a piece only, as each side writes it
        shared = self.shared(need_id, resource_id)
        if (
            (need.loose or resource.loose)
            and any(f in need.loose or f in resource.loose for _s, f in shared)  # else nothing to drop
            and not self.linked(need_id, resource_id, pieces=False)
        ):
            # Nothing but pieces of an expression or of an acronym's expansion, or meaning
            # alone, links them: such a piece is no word in common (« Le besoin dit « PLIE »,
            # l'offre porte justement sur « locales sur l'emploi » »), nor a word of the same
            # meaning as itself.
            pieces = need.loose | resource.loose
            covered |= {fold_word(x.surface[f]) for _s, f in shared if f in pieces for x in (need, resource)}
            piece = next((f for _s, f in shared if f in pieces), None)
            if piece is not None:  # the strongest, as each side writes it (« publics », « BTP »)
                piece_said = (need.surface[piece], resource.surface[piece])
            shared = [(strength, f) for strength, f in shared if f not in pieces]
        # A word one side says only through an acronym's expansion is no word in common (« Le
        # besoin dit « TPE », l'offre aussi : « entreprises » »: the offer never says TPE): said
        # as what it is, after the other links (`_expansion_reasons`).
        spelled_out = [
            (strength, f) for strength, f in shared if f in need.expansion or f in resource.expansion
        ]
        if spelled_out:
            shared = [
                (strength, f)
                for strength, f in shared
                if f not in need.expansion and f not in resource.expansion
            ]
        related = self._related_link(need, resource_id)
        # Everyday words (« répondre », « créer ») are named only when nothing else links the two.
        weak = self._weak(need, resource, here=False)
        weak_words: list[str] = []
        if any(f not in weak for _strength, f in shared) or related:
            weak_words = [resource.surface[f] for _s, f in shared if f in weak]
            covered |= {fold_word(need.surface[f]) for _s, f in shared if f in weak}
            covered |= {fold_word(w) for w in weak_words}
            shared = [(strength, f) for strength, f in shared if f not in weak]
        said = {f for _strength, f in shared if f[0] == WORD}  # named as words in common
        for _strength, feature in shared:
            kind, value = feature[0], feature[2:]  # every kind is one letter: « w:emploi »
            if kind == WORD:
                written = resource.surface[feature]
                folded = fold_word(written)
                asked_as = need.surface[feature]
                if not one_word(asked_as, written):
                    # Two words of one stem, not one word (« préparateurs » / « Préparation »):
                    # said as the pair, never as a word both say.
                    if folded not in covered and len(lines) < 3:
                        lines.append(
                            _reason(ReasonKind.WORDS, need=asked_as, resource=written, detail=RELATED_FORMS)
                        )
                    covered |= {folded, fold_word(asked_as)}
                    continue
                if folded not in covered:
                    covered.add(folded)
                    shared_words.append(written)
                    need_words.append(need.surface[feature])
                covered.add(fold_word(need.surface[feature]))
            elif kind == ACRONYM and len(lines) < 3:
                a, b = need.surface[feature], resource.surface[feature]
                expansion = self.glossary.acronyms.get(value, "")
                lines.append(_reason(ReasonKind.ACRONYM, term=value, need=a, resource=b, detail=expansion))
                covered |= {fold_word(a), fold_word(b)}
            elif kind == FAMILY and len(lines) < 3:
                a, b = need.surface[feature], resource.surface[feature]
                says, again = _theme_line(a, b, value)
                if not says or again in said:
                    continue  # the same word in two forms, or the word in common said again
                lines.append(_reason(ReasonKind.TOPIC, term=value, need=a, resource=b))
        if spelled_out:
            lines += self._expansion_reasons(need_id, resource_id, spelled_out, lines, covered)
        # Related themes, weaker than a shared one, for an offer: said after.
        neighbours = need.neighbours if related else {}
        for feature, (_weight, own) in neighbours.items():
            if feature in resource.weights and len(lines) < 3:
                lines.append(
                    _reason(
                        ReasonKind.NEIGHBOUR,
                        term=own.split(":", 1)[1],
                        need=need.surface[own],
                        resource=resource.surface[feature],
                        detail=feature.split(":", 1)[1],
                    )
                )
        statement = self.statements[resource_id]
        # The three strongest words at most: a reason is a sentence read aloud, not a list.
        shared_words, need_words = shared_words[:NAMED_WORDS], need_words[:NAMED_WORDS]
        named = _phrase(statement.text, tuple(shared_words))
        if weak_words and shared_words:
            # An everyday word inside the stretch the resource says (« cités de l'emploi »).
            whole = _phrase(statement.text, (*shared_words, *weak_words))
            if len(whole) == 1:
                named = whole
        # The need's side, said the same way: « entreprises » ↔ « Club d'entreprises ».
        asked = ", ".join(_phrase(self.statements[need_id].text, tuple(need_words))) if named else ""
        reasons = [_reason(_KIND_REASON[statement.kind], named, need=asked)]
        reasons += lines
        explained = bool(shared_words or lines)
        if cited and not explained:
            # Nothing but the name links them (it was chosen by its speaker's name): « A déjà
            # mené une action proche » or « a piece of an expression » would say more than is
            # known. The name alone is said.
            return cited
        close = self._meaning_reason(need_id, resource_id, covered, explained, score)
        if close is None and not explained:
            if filled or self._by_meaning(need_id, resource_id):
                # Meaning alone brought it: said so, with its two closest words when close enough.
                close = self._near_reason(need_id, resource_id, covered)
                close = close or _reason(ReasonKind.MEANING, detail=NEAR_MEANING)
            else:
                # Only a piece of an expression or of an acronym's expansion links them.
                close = _reason(
                    ReasonKind.WORDS, need=piece_said[0], resource=piece_said[1], detail=IN_PIECES
                )
        if close is not None:
            reasons.append(close)
        return cited + reasons

    def _expansion_reasons(
        self,
        need_id: str,
        resource_id: str,
        spelled_out: list[tuple[float, str]],
        lines: list[Reason],
        covered: set[str],
    ) -> list[Reason]:
        """Words one side says only through an acronym's expansion, the other as words: said as
        the acronym, the other's words and what the acronym stands for (« Le besoin dit « TPE »,
        l'offre « entreprises » : TPE veut dire très petites entreprises »), strongest first,
        one line per acronym, after the other lines (three lines at most). Not named: a word two
        acronyms' expansions share (« insertion » of « SIAE » and « CDDI »: said by neither text),
        an everyday one (`_weak`: « centre » is no link to a « CFA »), nor a pair a theme's line
        already quotes (« Le besoin dit « TPE », l'offre « Club d'entreprises » : même thème
        (entreprises) »)."""
        need, resource = self.analyses[need_id], self.analyses[resource_id]
        named = {line.term for line in lines if line.kind == ReasonKind.ACRONYM}
        weak = self._weak(need, resource)
        found: list[Reason] = []
        groups: dict[tuple[str, bool], list[str]] = {}  # (acronym, said by the need) -> words
        for _strength, feature in spelled_out:
            covered.add(fold_word(need.surface[feature]))
            covered.add(fold_word(resource.surface[feature]))
            by_need = feature in need.expansion
            if by_need == (feature in resource.expansion) or feature in weak:
                continue  # both through an acronym, or a word that links nothing alone
            acronym = self._acronym_saying(need if by_need else resource, feature)
            if acronym is not None and acronym not in named:
                groups.setdefault((acronym, by_need), []).append(feature)
        for (acronym, by_need), features in groups.items():
            if len(lines) + len(found) >= 3:
                break
            short, other = (need, resource) if by_need else (resource, need)
            other_id = resource_id if by_need else need_id
            words = [other.surface[f] for f in features]
            stretch = _phrase(self.statements[other_id].text, tuple(words))
            said = stretch[0] if len(stretch) == 1 else words[0]
            written = short.surface.get(f"{ACRONYM}:{acronym}", acronym)
            if fold_word(written) != fold_word(acronym):
                written = acronym  # its expansion said in full elsewhere in the text
            expansion = self.glossary.acronyms.get(acronym, "")
            a, b = (written, said) if by_need else (said, written)
            if any(_quotes(line, a, b) for line in lines):
                continue
            found.append(_reason(ReasonKind.ACRONYM, term=acronym, need=a, resource=b, detail=expansion))
            named.add(acronym)
        return found

    def _acronym_saying(self, analysis: Analysis, feature: str) -> str | None:
        """The acronym of the glossary said in this text whose expansion holds this word."""
        stems = self.analyzer._expansion_stems
        word = feature[2:]
        for held in analysis.weights:
            if held.startswith(f"{ACRONYM}:") and word in stems.get(held[2:], ()):
                return held[2:]
        return None

    def _meaning_reason(
        self, need_id: str, resource_id: str, covered: set[str], explained: bool, score: float | None
    ) -> Reason | None:
        """Two words of the same meaning, one on each side, when the word vectors helped bring
        the pair together and the two words are near-synonyms (WORD_PAIR_MIN: « durant » ≈
        « pendant », never « connaissances » ≈ « compétences »). Never « says the same thing in
        other words » for a whole sentence: measured on the labelled workshops, sentence vectors
        find noise as often as paraphrase, so it would not be true often enough to say aloud."""
        if self.vectors is None or explained or self._meaning_part(need_id, resource_id) <= 0:
            return None  # what the pair shares is said already: the vectors add no reason
        pair = self.vectors.closest_pair(self._known(need_id), self._known(resource_id), covered)
        if pair is None or pair[2] < WORD_PAIR_MIN:
            return None
        return _reason(ReasonKind.MEANING, need=pair[0], resource=pair[1])

    def _by_meaning(self, need_id: str, resource_id: str) -> bool:
        """Whether the resource is an offer suggested for meaning alone: no word, acronym or
        theme links it to the need (`linked`), its sentence is close (UNLINKED_OFFER)."""
        return self.statements[resource_id].kind == ItemKind.OFFER and not self.linked(need_id, resource_id)

    def _near_reason(self, need_id: str, resource_id: str, covered: set[str]) -> Reason | None:
        """For a resource brought by meaning alone (a filled place, an offer `_by_meaning`): the
        need's word and the resource's word closest by the distilled e5 table, among their
        content words (`_content_words`), when close enough to say aloud
        (semantic.NEAR_PAIR_MIN: « Le besoin dit « collèges », l'offre « scolaire » : sens
        voisin »); else none, and the kind line says what the resource is, no more."""
        filler = self.vectors.filler if self.vectors is not None else None
        if filler is None:
            return None
        need = filler.known(self._content_words(need_id))
        resource = filler.known(self._content_words(resource_id))
        pair = filler.closest_pair(need, resource, covered)
        if pair is None or pair[2] < NEAR_PAIR_MIN:
            return None
        return _reason(ReasonKind.MEANING, need=pair[0], resource=pair[1], detail=NEAR_MEANING)

    def _content_words(self, statement_id: str) -> list[str]:
        """The statement's words a reason may name as close in meaning to another: not stop
        words, numbers or the speaker's own name (`Analysis.words`), nor everyday French
        (« nouveau » ≈ « nouvelle », « ans » ≈ « année » say nothing), each with a vector of its
        own (`WordVectors.own_row`), and said as a word of the text, not a piece of a
        hyphenated one (« week » of « week-end » is not « semaine »)."""
        assert self.vectors is not None
        vectors, text = self.vectors, self.statements[statement_id].text
        return [
            word
            for word in self.analyses[statement_id].words
            if not vectors.common(word) and vectors.own_row(word) and _said_alone(text, word)
        ]

    # ------------------------------------------------------------ groups

    @_without_gc()
    def groups(
        self, *, threshold: float = 0.3, minimum: int = 2, heads: Mapping[str, int] | None = None
    ) -> list[NeedGroup]:
        """Needs of several participants that say the same thing, for the minutes: sets of
        alike needs (`alike_sets`), each cut into groups that all hold one same subject
        (`_said_alike`), so that what a group's label says is true of every need in it.
        `heads`: how many people each participant's row names (`atelier.matching.need_groups`),
        what the label counts and the groups are ordered by; without it, one per row."""
        # Sets that are not alike may hold the same subject: one group for it, not two rows
        # of the minutes saying the same thing of the same people.
        by_subject: dict[str, list[str]] = {}
        for ids in self.alike_sets(threshold=threshold, minimum=minimum):
            for feature, members in self._said_alike(ids, minimum):
                by_subject.setdefault(feature, []).extend(members)
        groups = []
        for feature, members in by_subject.items():
            topic = self._group_topic(members, feature)
            people = sorted({self.statements[n].participant_id for n in members})
            count = sum(heads.get(p, 1) for p in people) if heads is not None else 0
            label = f"{count or len(people)} participants cherchent des ressources sur\u00a0: {topic}"
            words = list(dict.fromkeys(self.analyses[n].surface[feature] for n in members))
            groups.append(NeedGroup(label, members, people, topic, feature, words, count))
        groups.sort(key=lambda g: (-g.headcount(), -len(g.participant_ids)))
        return groups

    def alike_sets(self, *, threshold: float = 0.3, minimum: int = 2) -> list[list[str]]:
        """The needs linked, directly or through others, by pairs at least `threshold` alike
        (connected components), those of at least `minimum` needs.

        Linear in memory: the need × need similarities are made a block of needs at a time
        (a few million scores) and only the pairs at least `threshold` alike are kept, never
        the whole square; and of those, only the pairs that join needs not joined yet (at
        4,000 participants, 8.5 million pairs alike, nearly all inside one set already)."""
        import numpy as np

        needs = self.need_ids()
        if len(needs) < minimum:
            return []
        matrix = self._matrix(needs).astype(np.float32)
        product = _LexicalProduct(matrix)
        step = max(64, min(2000, 4_000_000 // max(len(needs), 1)))
        joined = _Joined(len(needs))
        with _one_blas_thread():
            for first, second in self._alike_pairs(matrix, product, step, threshold):
                joined.add(first, second)
        clusters: dict[int, list[str]] = defaultdict(list)
        for i, label in enumerate(joined.labels.tolist()):
            clusters[label].append(needs[i])
        return [members for members in clusters.values() if len(members) >= minimum]

    def _alike_pairs(
        self, matrix: Any, product: _LexicalProduct, step: int, threshold: float
    ) -> Iterator[tuple[Any, Any]]:
        """(i, j), i < j, of the needs at least `threshold` alike, a block of rows at a time,
        in order, SCORERS blocks at once (the products and comparisons run outside the GIL)."""
        import numpy as np

        count = matrix.shape[0]

        def pairs_from(start: int) -> tuple[Any, Any]:
            # Pairs once (j > i): the needs from this block's first on, not the whole square.
            shape = (min(step, count - start), count - start)
            buffer = getattr(self._buffers, "alike", None)
            if buffer is None or buffer.size < shape[0] * shape[1]:
                buffer = self._buffers.alike = np.empty(min(step, count) * count, dtype=np.float32)
            alike = buffer[: shape[0] * shape[1]].reshape(shape)
            alike.fill(0.0)
            product.add_into(alike, matrix[start : start + step], start=start)
            rows, columns = np.nonzero(alike >= threshold)
            later = columns > rows
            return rows[later] + start, columns[later] + start

        starts = range(0, count, step)
        if len(starts) == 1:
            yield pairs_from(0)
            return
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=SCORERS, thread_name_prefix="atelier-groups") as pool:
            yield from pool.map(pairs_from, starts)

    def _said_alike(self, ids: list[str], minimum: int) -> list[tuple[str, list[str]]]:
        """Needs alike (one connected set of `groups`) cut into groups that each say one same
        thing, and that thing (a feature): a word, a theme or an acronym every need holds
        (« 3 participants cherchent des ressources sur : réseau » is true of each of the three).
        Alike needs chain (A like B through one word, B like C through another): said of the
        whole set, the words of a few were put in everyone's mouth. Greedy: the subject held by
        the needs of the most participants first, then the same among the needs left; a need
        that shares its subject with no other participant's is in no group. Linear in the
        needs' features (a heap, counts brought up to date when popped)."""
        import heapq

        rank = {FAMILY: 0, WORD: 1, ACRONYM: 2}
        holders: dict[str, list[str]] = defaultdict(list)
        for need_id in ids:
            analysis = self.analyses[need_id]
            for feature in analysis.weights:
                kind = feature.split(":", 1)[0]
                if kind in rank and (feature not in analysis.common or feature in analysis.themed):
                    holders[feature].append(need_id)
        heap = [(-len(h), rank[f.split(":", 1)[0]], f) for f, h in holders.items() if len(h) >= minimum]
        heapq.heapify(heap)
        taken: set[str] = set()
        found: list[tuple[str, list[str]]] = []
        while heap:
            count, order, feature = heapq.heappop(heap)
            live = [n for n in holders[feature] if n not in taken]
            if len(live) < -count:  # some were taken since: back in line with their count
                if len(live) >= minimum:
                    heapq.heappush(heap, (-len(live), order, feature))
                continue
            if len({self.statements[n].participant_id for n in live}) < minimum:
                continue  # one person's needs: not shared (fewer people, never more, later)
            taken.update(live)
            found.append((feature, live))
        return found

    def _group_topic(self, need_ids: list[str], feature: str) -> str:
        """The subject of needs that all hold `feature`, with up to two more words they all
        hold: « réseau, méthodes »; a theme by its name, an acronym as it is written. A word
        the theme's name already says (« recruter » after « recrutement ») is not said again."""
        first = self.analyses[need_ids[0]]
        kind, value = feature.split(":", 1)
        topic = value if kind == FAMILY else first.surface[feature]
        said = [topic if kind == ACRONYM else topic.lower()]
        stems = {f"{WORD}:{stem(word)}" for word in re.findall(r"[^\W\d_]+", topic)}
        for other in first.weights:
            if len(said) == 3:
                break
            if (
                other != feature
                and other.startswith(f"{WORD}:")
                and other not in stems
                and (other not in first.common or other in first.themed)
                and all(other in self.analyses[n].weights for n in need_ids[1:])
            ):
                said.append(first.surface[other].lower())
        return ", ".join(dict.fromkeys(said))


NAMED_WORDS = 3  # words of each side a reason names


@lru_cache(maxsize=65_536)
def _theme_line(need: str, resource: str, theme: str) -> tuple[bool, str]:
    """Whether a theme's line quoting these words of each side (as written) says something,
    and the word feature that, when the two are said to have it in common, makes the line say
    that word again ("" if none): kept, a workshop's theme lines quote the same words again
    and again (at 4,000 participants, 71,114 lines, 1,822 different).
    Says nothing: the same word in two forms (already said as a word in common). Says the
    word again: « Même thème (entreprises) : entreprises ↔ Club d'entreprises » when
    « entreprises » is a word in common: the theme is that very word."""
    if fold_word(need) == fold_word(resource) or phrase_key(need) == phrase_key(resource):
        return False, ""
    key = phrase_key(need)
    if len(key) == 1 and key == phrase_key(theme) and key[0] in phrase_key(resource):
        return True, f"{WORD}:{key[0]}"
    return True, ""


@lru_cache(maxsize=65_536)
def _reason(
    kind: ReasonKind,
    words: tuple[str, ...] = (),
    term: str = "",
    need: str = "",
    resource: str = "",
    detail: str = "",
) -> Reason:
    """A reason, made once for the same fields and shared (it is frozen): a workshop's
    suggestions say the same things again and again (at 4,000 participants, 144,732 reasons
    of which 7,119 differ; a frozen dataclass costs 1.5 µs or more to make, its lookup here a
    fifth of that, and 137,000 fewer objects for the garbage collector to walk)."""
    return Reason(kind, words, term, need, resource, detail)


@lru_cache(maxsize=4096)
def _phrase(text: str, words: tuple[str, ...], most: int = NAMED_WORDS) -> tuple[str, ...]:
    """The shared words as the resource says them: one stretch of its text when they stand
    together (« règlement d'intervention », with its small words), else each word, in the
    order of the text. Kept for the last few thousand: a need's five suggestions mostly name
    the same words of it (at 4,000 participants, 40,000 different of 114,000)."""
    if not words:
        return ()
    spans = []
    for word in words:
        start = _first_at(text, word)
        spans.append((start, start + len(word), word) if start is not None else (len(text), len(text), word))
    spans.sort()
    if len(spans) > 1 and spans[-1][0] < len(text):
        stretch = text[spans[0][0] : spans[-1][1]]
        if len(stretch.split()) <= len(spans) + 2 and not _PUNCTUATION.search(stretch):
            return (stretch,)
    return tuple(word for _, _, word in spans[:most])


# Any one word, in an expression of [autres_sens] (« a … permis »).
_ANY = "\0any"


def _said_alone(text: str, word: str) -> bool:
    """Whether the text says `word` as written, at least once as a word of its own, not only as
    a piece of a hyphenated one (« week-end », « main-d'œuvre »)."""
    for found in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
        after = text[found.end()] if found.end() < len(text) else " "
        if after not in _HYPHENS and not _JOINED_BEFORE.search(text[: found.start()]):
            return True
    return False


_HYPHENS = frozenset("-‐‑")
# What ends just before a piece of a hyphenated word: « week- », « main-d' ».
_JOINED_BEFORE = re.compile(r"[-‐‑](?:\w+['’])?$")


def _pieces(
    analysis: Analysis, word_at: list[tuple[int, str]], expanded: set[str], spans: list[tuple[int, int]]
) -> None:
    """The word features a text says only inside an expression of several words (`spans`), or
    only through an acronym's expansion (`expanded`), and those expressions' word features
    (`Analysis.loose`, `Analysis.expansion`, `Analysis.wholes`). `word_at`: (position, word
    feature) of each word said (not the glossary's acronyms, numbers, small words)."""
    # Most texts with an expression name no acronym: nothing said through one, no list to make.
    expansion = (
        expanded.difference([feature for _i, feature in word_at], analysis.themed) if expanded else set()
    )
    if not spans:  # most texts that have pieces: an acronym, no expression
        if expansion:
            analysis.loose = analysis.expansion = frozenset(expansion)
        return
    said = dict(word_at)
    inside = {i for start, end in spans for i in range(start, end)}
    alone = {feature for i, feature in word_at if i not in inside}
    wholes = [frozenset(said[i] for i in range(start, end) if i in said) for start, end in spans]
    loose = ({f for whole in wholes for f in whole} - alone - analysis.themed) | expansion
    if loose:
        analysis.loose = frozenset(loose)
        analysis.expansion = frozenset(expansion) or _NO_FEATURES
        analysis.wholes = tuple(dict.fromkeys(w for w in wholes if len(w) > 1 and not w.isdisjoint(loose)))


def _says_whole(pieces: Analysis, other: dict[str, float]) -> bool:
    """Whether `other` holds every word of one of the glossary's expressions that `pieces`
    says (`Analysis.wholes`): « Partage des expériences » says « partage d'expériences »."""
    return any(whole.issubset(other) for whole in pieces.wholes)


def _quotes(line: Reason, need: str, resource: str) -> bool:
    """Whether a theme's line quotes these words of each side (as they are, or inside its own)."""
    if line.kind not in (ReasonKind.TOPIC, ReasonKind.NEIGHBOUR):
        return False
    return need.lower() in line.need.lower() and resource.lower() in line.resource.lower()


def _fits(key: tuple[str, ...], said: tuple[str, ...]) -> bool:
    """Whether words said in a text are this expression, « … » standing for any one word."""
    return all(want in (_ANY, word) for want, word in zip(key, said, strict=True))


def _purpose_start(every: Sequence[Token]) -> int:
    """Where a trailing « pour … » clause starts (PURPOSE_TAIL), or the text's length: the
    first « pour » (« afin ») after at least two words that say what the statement is."""
    said = 0
    for i, token in enumerate(every):
        if token.stop and token.stem in _PURPOSE and said >= 2:
            return i
        if not token.stop and not token.surface.isdigit():
            said += 1
    return len(every)


def _own_words(every: Sequence[Token], own: Sequence[str]) -> set[int]:
    """Positions of the words of `every` that say the speaker's own name: a stretch of the text
    written as in one of the names (`own`: structure, people), the whole name or at least two
    of its words in a row (« CIAP-Champs du Partage », « Champs du Partage »); one word alone
    only when it is the whole name (« CitiZchool »). « la Région » in a text of « Région N-A »
    is the Region, said as a subject, and stays."""
    written = [fold_word(t.surface) for t in every]
    masked: set[int] = set()
    for name in own:
        parts = [fold_word(t.surface) for t in sequence(name)]
        if not parts:
            continue
        whole = len(_LETTERS.findall(name))  # « Région N-A » is three words, not « Région »
        for start in range(len(written)):
            for first in (i for i, part in enumerate(parts) if part == written[start]):
                length = 0
                while (
                    start + length < len(written)
                    and first + length < len(parts)
                    and written[start + length] == parts[first + length]
                ):
                    length += 1
                content = sum(1 for t in every[start : start + length] if not t.stop)
                if (length == len(parts) == whole) or content >= 2:
                    masked.update(range(start, start + length))
    return masked


def _written(text: str, words: Sequence[Token]) -> str:
    """An expression as the text writes it, from its first word to its last (« faire du
    lien », « mode de garde », « d'enfants », « main-d'œuvre » with its apostrophe and
    hyphen, « France Rénov' »)."""
    if len(words) == 1:
        return words[0].surface
    # Most often the first word's first place and the last word's first place hold it: read
    # there (a dictionary lookup per expression; the scan below folds every word of the text).
    start_at, end_word_at = _first_at(text, words[0].surface), _first_at(text, words[-1].surface)
    if start_at is not None and end_word_at is not None and end_word_at > start_at:
        end_at = end_word_at + len(words[-1].surface)
        between = len(_LETTERS.findall(text, start_at, end_at))
        if len(words) <= between <= 2 * len(words) + 1 and "œ" not in text[start_at:end_at]:
            return text[start_at : _name_end(text, end_at)]
    found = _words_at(text)
    first, last = (fold_word(w.surface).replace("œ", "oe") for w in (words[0], words[-1]))
    reach = 2 * len(words) + 2
    for i, (word, start, _end) in enumerate(found):
        if word != first:
            continue
        for j in range(i + len(words) - 1, min(i + reach, len(found))):
            if found[j][0] == last:
                return text[start : _name_end(text, found[j][2])]
    return " ".join(t.surface for t in words)


def _name_end(text: str, end: int) -> int:
    """Where an expression ending at `end` ends: after a closing apostrophe (« France Rénov' »:
    the apostrophe is part of the name), not before an elided word (« l'emploi »)."""
    if text[end : end + 1] in ("'", "’") and not text[end + 1 : end + 2].isalpha():
        return end + 1
    return end


@lru_cache(maxsize=20_000)
def _words_at(text: str) -> tuple[tuple[str, int, int], ...]:
    """Each word of a text, folded (« œ » as « oe », as `sequence` reads it), with where it stands."""
    return tuple(
        (fold_word(m.group(0)).replace("œ", "oe").replace("æ", "ae"), m.start(), m.end())
        for m in _LETTERS.finditer(text)
    )


_LETTERS = re.compile(r"[^\W_]+")
_PUNCTUATION = re.compile(r"[,;:.!?()«»\n]")


def _first_at(text: str, word: str) -> int | None:
    """Where `word` (a run of letters and digits, `_LETTERS`) first stands in the text as a word
    of its own, not inside a longer one, or None: found by `str.find` and the characters on
    either side (`str.isalnum` is what `_LETTERS` matches). Was a table of every word's place in
    the text, made by the regex and kept for 100,000 texts: at 4,000 participants, analysing a
    text 118 → 99 µs and writing a suggestion's reasons 53 → 46 µs without it."""
    end_of_text = len(text)
    at = text.find(word) if word.isalnum() else -1  # a table's key is one run, never empty
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (end == end_of_text or not text[end].isalnum()):
            return at
        at = text.find(word, at + 1)
    return None


@lru_cache(maxsize=1)
def _csr_add_into() -> Any:
    """scipy's C loop behind toarray(): adds a CSR matrix into a dense array, in place.

    Looked up when first needed, not at import: the window imports this module to sort the
    suggestions it shows, and importing scipy (with numpy) there cost 130 ms before the
    first paint. None if a later scipy moved it: flat indices instead (slower, the same sums).
    """
    try:
        from scipy.sparse._sparsetools import csr_todense
    except ImportError:
        return None
    return csr_todense


class _LexicalProduct:
    """Rows of unit TF-IDF features (a block of needs) times the rows of `right`, added into a
    dense block. A sum over features: the few features many rows of `right` share (« emploi »,
    a broad family) make most of the pairs, and go through a dense product (BLAS, in place);
    the others through a sparse product added by flat indices. The same sums, far faster than
    one sparse product that is a third full."""

    def __init__(self, right: Any) -> None:
        import numpy as np
        from scipy import sparse

        right = right.tocsc()
        features = right.shape[1]
        held = np.diff(right.indptr)  # rows of `right` holding each feature
        frequent = np.flatnonzero(held * FREQUENT_SHARE >= max(right.shape[0], 1))
        self.frequent = frequent[np.argsort(-held[frequent], kind="stable")][:FREQUENT_MOST]
        self.pick = sparse.csr_matrix(
            (np.ones(len(self.frequent), dtype=np.float32), (self.frequent, np.arange(len(self.frequent)))),
            shape=(features, len(self.frequent)),
        )
        # (rows of right, frequent features), Fortran order: BLAS reads it without a copy.
        self.dense = np.asfortranarray(right[:, self.frequent].toarray(), dtype=np.float32)
        rare = np.ones(features, dtype=np.float32)
        rare[self.frequent] = 0.0
        self.sparse_t = (right @ sparse.diags(rare)).T.tocsr()
        self.sparse_t.eliminate_zeros()
        self.where = np.full(features, -1, dtype=np.int64)  # feature -> its place among the frequent
        self._buffers = threading.local()  # each scoring thread's product block, reused
        self.where[self.frequent] = np.arange(len(self.frequent))

    def add_one(self, scores: Any, columns: Any, values: Any) -> None:
        """`add_into` for one row of `left`, given as its columns (in order) and float32
        values: the same sums in the same order, without scipy's matrices."""
        import numpy as np

        if len(self.frequent):
            picked = np.zeros((len(self.frequent), 1), dtype=np.float32)
            where = self.where[columns]
            held = where >= 0
            picked[where[held], 0] = values[held]
            self._add_frequent(scores, picked)
        rare = self.sparse_t
        _add_row_sums(scores[0], rare.indptr, rare.indices, rare.data, columns, values)

    def add_into(self, scores: Any, left: Any, base: Any = None, start: int = 0) -> None:
        """scores += left @ right.T, scores C-ordered float32 (rows of left, rows of right);
        with `base` (of the same shape), scores = base + left @ right.T. From `start`: the
        rows of right from there on only (scores has as many columns)."""
        import numpy as np

        if len(self.frequent):
            picked = (left @ self.pick).toarray().T  # (frequent, rows of left)
            self._add_frequent(scores, picked, base, start)
        elif base is not None:
            scores[...] = base
        rest = (left @ (self.sparse_t[:, start:] if start else self.sparse_t)).tocsr()
        add_into = _csr_add_into()
        if add_into is not None and scores.flags.c_contiguous and rest.data.dtype == scores.dtype:
            # scipy's own C loop of toarray(), which adds into the array it is given.
            add_into(rest.shape[0], rest.shape[1], rest.indptr, rest.indices, rest.data, scores)
        else:
            rows = np.repeat(np.arange(left.shape[0]), np.diff(rest.indptr))
            scores.reshape(-1)[rows * scores.shape[1] + rest.indices] += rest.data

    def _add_frequent(self, scores: Any, picked: Any, base: Any = None, start: int = 0) -> None:
        """scores += picked.T @ (the frequent features' columns of right).T, in place (BLAS);
        with `base`, scores = base + that product. From `start`: see `add_into`."""
        import numpy as np

        dense = self.dense[start:] if start else self.dense
        used = np.flatnonzero(picked.any(axis=1))
        if 2 * len(used) <= len(self.frequent):  # a few needs (one edited): their features only
            dense, picked = np.asfortranarray(dense[:, used]), picked[used]
        rows = scores.shape[0]
        if rows >= SHARED_PRODUCT_ROWS:
            # numpy's product lets go of the GIL, scipy.linalg.blas's does not: with it, this
            # product (as long as the meaning's at 4,000 participants) stopped the reasons
            # being written and the other block being scored. The same sums (the same BLAS
            # kernel, each score its own dot product, then added to what was there).
            if base is not None:  # into the scores themselves, then the base added
                np.matmul(picked.T, dense.T, out=scores)
                scores += base
                return
            block = getattr(self._buffers, "block", None)
            if block is None or block.size < scores.size:
                block = self._buffers.block = np.empty(scores.size, dtype=np.float32)
            product = block[: scores.size].reshape(scores.shape)
            np.matmul(picked.T, dense.T, out=product)
            scores += product
            return
        from scipy.linalg.blas import sgemm

        if base is not None:
            scores[...] = base
        # scores.T (F-ordered) += dense @ picked, in place: no temporary block.
        done = sgemm(1.0, dense, np.asfortranarray(picked), beta=1.0, c=scores.T, overwrite_c=1)
        if not np.shares_memory(done, scores):  # BLAS could not write in place
            scores[...] = done.T


def _rows_times(left: Any, right_t: Any, out: Any) -> Any:
    """out = left @ right_t (float32), against fewer than SAME_ROWS_COLUMNS columns each row
    summed the same way whatever the other rows (see SAME_ROWS)."""
    import numpy as np

    if right_t.shape[1] >= SAME_ROWS_COLUMNS:
        return np.matmul(left, right_t, out=out)
    padded = np.zeros((SAME_ROWS, left.shape[1]), dtype=left.dtype)
    product = np.empty((SAME_ROWS, right_t.shape[1]), dtype=out.dtype)
    for start in range(0, left.shape[0], SAME_ROWS):
        part = left[start : start + SAME_ROWS]
        padded[: len(part)] = part
        padded[len(part) :] = 0.0
        np.matmul(padded, right_t, out=product)
        out[start : start + len(part)] = product[: len(part)]
    return out


def _add_row_sums(row: Any, indptr: Any, indices: Any, data: Any, columns: Any, values: Any) -> None:
    """row += Σ values[i] · (row columns[i] of a float32 CSR matrix), as scipy's sparse product
    then its toarray() make it: each sum in float32, in the order of `columns`, zero sums left
    out, then added into the row."""
    import numpy as np

    sums = np.zeros(len(row), dtype=np.float32)
    for column, value in zip(columns.tolist(), values, strict=True):
        start, end = indptr[column], indptr[column + 1]
        if start < end:
            sums[indices[start:end]] += value * data[start:end]
    found = np.flatnonzero(sums)
    row[found] += sums[found]


def _top(scores: Any, keep: int, offset: int) -> list[tuple[Any, Any]]:
    """Each row's `keep` best scores above zero, best first, as (columns + offset, scores).

    Without sorting, partitioning or even comparing whole rows (36,000 scores each at 4,000
    participants): each row's columns are cut in groups of 64; the keep-th best of the
    groups' maxima is a score that at least `keep` entries reach, so only the groups whose
    maximum reaches it are read again (about `keep` of them), and only their entries reaching
    it sorted (by score, then column: which columns make a group changes nothing found).
    A group is one column in every `groups` (column g, g + groups, g + 2·groups…), the last
    columns (fewer than 64) one more: the rows seen as 64 stretches of `groups` columns, one
    under the other, their maxima are elementwise maxima of long contiguous stretches, in
    halves (the row's 64 stretches, then 32…), not a reduction of each 64 columns apart
    (np.maximum.reduceat: 0.6 s of CPU at 4,000 participants, against 0.2 s)."""
    import numpy as np

    rows, width = scores.shape
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=scores.dtype))
    if width == 0 or rows == 0:
        return [empty] * rows
    size = 64
    groups = width // size  # the groups of `size` columns, each one column in every `groups`
    tail = width - groups * size  # the last columns, fewer than `size`: one group more
    count = groups + (1 if tail else 0)
    maxima = np.empty((rows, count), dtype=scores.dtype)
    stretches = scores[:, : groups * size].reshape(rows, size, groups)  # a view: row, stretch, column
    if groups:
        for first in range(0, rows, 32):  # 32 rows at a time: the halves' block stays small
            half = np.maximum(
                stretches[first : first + 32, : size // 2], stretches[first : first + 32, size // 2 :]
            )
            width_left = size // 2
            while width_left > 1:
                width_left //= 2
                np.maximum(
                    half[:, :width_left], half[:, width_left : 2 * width_left], out=half[:, :width_left]
                )
            maxima[first : first + 32, :groups] = half[:, 0]
    if tail:
        np.max(scores[:, groups * size :], axis=1, out=maxima[:, groups])
    if count > keep:
        threshold = np.partition(maxima, count - keep, axis=1)[:, count - keep]
    else:
        threshold = np.zeros(rows, dtype=scores.dtype)
    # Only what scores above zero can be shown (own offers are −1, nothing in common 0).
    threshold = np.maximum(threshold, np.finfo(np.float32).tiny)
    hit_rows, hit_groups = np.nonzero(maxima >= threshold[:, None])
    # The groups read again, 64 scores each; the last, shorter group padded with −1, below
    # any threshold.
    values = np.empty((len(hit_rows), size), dtype=scores.dtype)
    full = hit_groups < groups
    if groups:
        if full.all():
            values[...] = stretches[hit_rows, :, hit_groups]
        else:
            values[full] = stretches[hit_rows[full], :, hit_groups[full]]
    last = np.flatnonzero(~full)
    if len(last):
        values[last] = -1.0
        values[last, :tail] = scores[hit_rows[last], groups * size :]
    found, place = np.nonzero(values >= threshold[hit_rows][:, None])
    found_rows = hit_rows[found]
    found_groups = hit_groups[found]
    found_columns = np.where(found_groups < groups, place * groups + found_groups, groups * size + place)
    found_values = values[found, place]
    order = np.lexsort((found_columns, -found_values, found_rows))
    found_rows, found_columns, found_values = found_rows[order], found_columns[order], found_values[order]
    bounds = np.searchsorted(found_rows, np.arange(rows + 1))
    return [
        (found_columns[a : min(b, a + keep)] + offset, found_values[a : min(b, a + keep)])
        for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)
    ]


class _Joined:
    """Which of `count` items are joined, directly or through others, by the pairs added so
    far: each item's label is the first item of its set. A pair inside a set already changes
    nothing and is dropped at once, so each step works on the new pairs and one pair per item
    (to its set's first item), however many pairs came before: the same sets as the connected
    components of every pair at once."""

    def __init__(self, count: int) -> None:
        import numpy as np

        self.count = count
        self.labels = np.arange(count, dtype=np.int64)

    def add(self, first: Any, second: Any) -> None:
        import numpy as np
        from scipy import sparse
        from scipy.sparse.csgraph import connected_components

        new = self.labels[first] != self.labels[second]
        if not new.any():
            return
        items = np.arange(self.count, dtype=np.int64)
        tails = np.concatenate([items, first[new]])
        heads = np.concatenate([self.labels, second[new]])
        graph = sparse.coo_matrix(
            (np.ones(len(tails), dtype=np.int8), (tails, heads)), shape=(self.count, self.count)
        )
        _sets, component = connected_components(graph, directed=False)
        lowest = np.full(_sets, self.count, dtype=np.int64)
        np.minimum.at(lowest, component, items)
        self.labels = lowest[component]

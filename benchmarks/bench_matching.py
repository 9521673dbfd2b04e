"""Matching quality on the labelled example, and speed on 10,000 needs × 10,000 offers.

    python benchmarks/bench_matching.py [--size 10000] [--skip-speed]

Quality: hit@3 (a relevant offer in the top 3), MRR and nDCG@5 against the hand-graded
labels in tests/data/example_labels.json, for Atelier's engine and for a plain TF-IDF
cosine baseline (scikit-learn), both ranking every offer, action and challenge of the
other participants, then offers only.
Speed: full matching against scikit-learn TF-IDF top-5 over the same texts in the same
run; re-matching after one edited need; peak memory (tracemalloc) of each.
Needs scikit-learn (pip install scikit-learn); the app itself does not.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from atelier.domain import ItemKind  # noqa: E402
from atelier.matching import Statement, default_glossary  # noqa: E402
from atelier.matching.engine import MIN_SCORE, Engine  # noqa: E402
from atelier.store import Store  # noqa: E402

RESOURCE_KINDS = (ItemKind.OFFER, ItemKind.ACTION, ItemKind.CHALLENGE)


def example_statements() -> tuple[list[Statement], dict[str, str]]:
    with Store.open(ROOT / "examples" / "atelier-2021-03-16.atelier", readonly=True) as store:
        workshop_id = store.workshops()[0].id
        owners = {p.id: p.source_text for p in store.participants(workshop_id)}
        found = [Statement(i.id, i.participant_id, i.kind, i.text) for i in store.workshop_items(workshop_id)]
    return found, owners


def metrics(rankings: dict[str, list[str]], relevant: dict[str, dict[str, int]]) -> dict[str, float]:
    hits, reciprocal, ndcg = [], [], []
    for need, ranked in rankings.items():
        grades = relevant[need]
        hits.append(any(r in grades for r in ranked[:3]))
        first = next((i for i, r in enumerate(ranked) if r in grades), None)
        reciprocal.append(0.0 if first is None else 1.0 / (first + 1))
        dcg = sum((2 ** grades.get(r, 0) - 1) / math.log2(i + 2) for i, r in enumerate(ranked[:5]))
        ideal = sorted(grades.values(), reverse=True)[:5]
        idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
        ndcg.append(dcg / idcg if idcg else 0.0)
    count = len(rankings)
    return {"hit@3": sum(hits) / count, "MRR": sum(reciprocal) / count, "nDCG@5": sum(ndcg) / count}


def quality() -> None:
    statements, owners = example_statements()
    by_text = {(owners[s.participant_id], s.text): s for s in statements}
    labels = json.loads((ROOT / "tests" / "data" / "example_labels.json").read_text("utf-8"))
    relevant: dict[str, dict[str, int]] = {}
    for label in labels["labels"]:
        need = by_text[(label["need_participant"], label["need"])]
        relevant[need.id] = {
            by_text[(r["offer_participant"], r["offer"])].id: r["grade"] for r in label["relevant"]
        }

    engine = Engine(default_glossary())
    engine.index(statements)
    from sklearn.feature_extraction.text import TfidfVectorizer

    for scope, kinds in (("offers, actions, challenges", RESOURCE_KINDS), ("offers only", (ItemKind.OFFER,))):
        candidates = [s for s in statements if s.kind in kinds]
        vectorizer = TfidfVectorizer(strip_accents="unicode", lowercase=True)
        vectorizer.fit([s.text for s in statements])
        matrix = vectorizer.transform([s.text for s in candidates])
        ours, baseline = {}, {}
        for need_id in relevant:
            need = engine.statements[need_id]
            others = [c for c in candidates if c.participant_id != need.participant_id]
            scored = sorted(others, key=lambda c: -engine.score(need_id, c.id))
            ours[need_id] = [c.id for c in scored if engine.score(need_id, c.id) >= MIN_SCORE]
            vector = vectorizer.transform([need.text])
            cosine = (matrix @ vector.T).toarray().ravel()
            order = sorted(
                (i for i, c in enumerate(candidates) if c.participant_id != need.participant_id),
                key=lambda i: -cosine[i],
            )
            baseline[need_id] = [candidates[i].id for i in order if cosine[i] > 0]
        arms = [("Atelier engine", ours), ("TF-IDF cosine", baseline)]
        arms += semantic_arms(statements, relevant, candidates)
        print(f"Quality on {len(relevant)} labelled needs, ranking {scope}:")
        for name, ranking in arms:
            values = metrics(ranking, relevant)
            print(f"  {name:16s} " + "  ".join(f"{k} {v:.3f}" for k, v in values.items()))


def load_vectors():
    """The app's word vectors (the table shipped in atelier/resources/vectors), or None."""
    import os

    os.environ["ATELIER_SEMANTIC"] = "1"
    from atelier.matching.semantic import shared_vectors

    started = time.perf_counter()
    vectors = shared_vectors()
    if vectors is not None:
        print(f"  (word vectors loaded in {(time.perf_counter() - started) * 1000:.1f} ms)")
    return vectors


def semantic_arms(statements: list, relevant: dict, candidates: list) -> list:
    """The engine as the app runs it once the word vectors are loaded (lexical score +
    0.3 · max(0, cosine − 0.5), weight fixed before looking), and the vectors alone."""
    vectors = load_vectors()
    if vectors is None:
        print("  (no word vectors: atelier/resources/vectors is missing, see scripts/build_vectors.py)")
        return []
    engine = Engine(default_glossary(), vectors)
    engine.index(statements)
    alone, mixed = {}, {}
    for need_id in relevant:
        need = engine.statements[need_id]
        others = [c for c in candidates if c.participant_id != need.participant_id]
        cosine = {c.id: engine.meaning(need_id, c.id) for c in others}
        alone[need_id] = sorted(cosine, key=lambda c: -cosine[c])
        combined = {c.id: engine.score(need_id, c.id) for c in others}
        mixed[need_id] = [c for c in sorted(combined, key=lambda c: -combined[c]) if combined[c] >= MIN_SCORE]
    return [("word vectors", alone), ("engine + vectors", mixed)]


def synthetic(size: int, seed: int = 7) -> list[Statement]:
    statements, _ = example_statements()
    rng = random.Random(seed)
    vocabulary = sorted({w for s in statements for w in s.text.split() if len(w) > 4})
    participants = [f"p{i}" for i in range(max(size // 5, 2))]
    made = []
    for kind in (ItemKind.NEED, ItemKind.OFFER):
        for number in range(size):
            base = rng.choice(statements).text
            extra = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(2, 5)))
            made.append(Statement(f"{kind}-{number}", rng.choice(participants), kind, f"{base} {extra}"))
    return made


def measure(label: str, work):
    """Time a run without tracing (tracing slows Python code far more than C code), then
    run it again under tracemalloc for its peak memory."""
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"  {label:48s} {seconds:8.2f} s   peak {peak / 2**20:7.1f} MiB")
    return result, seconds


def speed(size: int) -> None:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    statements = synthetic(size)
    needs = [s for s in statements if s.kind == ItemKind.NEED]
    offers = [s for s in statements if s.kind == ItemKind.OFFER]
    print(f"Speed on {len(needs)} needs × {len(offers)} offers:")

    def sklearn_top5():
        vectorizer = TfidfVectorizer(strip_accents="unicode", lowercase=True)
        vectorizer.fit([s.text for s in statements])
        offer_matrix = vectorizer.transform([s.text for s in offers]).T.tocsc()
        need_matrix = vectorizer.transform([s.text for s in needs])
        top = []
        for start in range(0, len(needs), 2000):
            scores = (need_matrix[start : start + 2000] @ offer_matrix).toarray()
            top.append(np.argpartition(-scores, 5, axis=1)[:, :5])
        return top

    def engine_full():
        engine = Engine(default_glossary())
        engine.index(statements)
        return engine, engine.suggest(top=5)

    _, baseline_seconds = measure("scikit-learn TF-IDF top-5 (fit + match)", sklearn_top5)
    (engine, _), engine_seconds = measure("Atelier engine, full (index + match + reasons)", engine_full)
    edited = needs[123]
    edited.text = "Comment financer l'accompagnement des jeunes décrocheurs ?"

    def rematch_one():
        engine.update([edited])
        return engine.suggest([edited.id], top=5)

    samples = []
    for _ in range(20):
        start = time.perf_counter()
        rematch_one()
        samples.append(time.perf_counter() - start)
    measure("Atelier engine, re-match one edited need", rematch_one)
    print(f"  re-match one need, median of 20: {sorted(samples)[10] * 1000:.1f} ms")
    print(f"  engine / scikit-learn time ratio: {engine_seconds / baseline_seconds:.2f}")
    vectors = load_vectors()
    if vectors is None:
        return

    def engine_vectors_full():
        engine = Engine(default_glossary(), vectors)
        engine.index(statements)
        return engine, engine.suggest(top=5)

    (engine, _), vector_seconds = measure("Atelier engine + word vectors, full", engine_vectors_full)
    samples = []
    for _ in range(20):
        start = time.perf_counter()
        rematch_one()
        samples.append(time.perf_counter() - start)
    print(f"  re-match one need with vectors, median of 20: {sorted(samples)[10] * 1000:.1f} ms")
    print(f"  engine + vectors / scikit-learn time ratio: {vector_seconds / baseline_seconds:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    quality()
    if not args.skip_speed:
        speed(args.size)


if __name__ == "__main__":
    main()

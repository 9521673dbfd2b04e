"""Dump everything matching decides, to check that a speed-up changes no result.

    python benchmarks/check_match_identical.py OUT.jsonl [--participants 4000,1000] [--quick]

Runs the engine (with the shipped word vectors, and on words alone) on the bundled example,
on every labelled workshop of tests/data and on the scale benchmark's synthetic workshops
(`bench_matching.synthetic`), and writes one JSON line per fact: each statement's analysis
(features and weights, surfaces, words, common and themed words, related themes), each
suggestion (need, resource, rank, kind, score rounded to 1e-9, each reason as data and as
its French and English sentence), each group of shared needs, and one edited need matched
again (as the benchmark's re-match does). Run it before and after a change: the files must
be byte-identical (`cmp`), and the last line printed is the file's SHA-256.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_matching as bench  # noqa: E402

from atelier.matching import default_glossary  # noqa: E402
from atelier.matching.engine import Engine, Statement  # noqa: E402
from atelier.reasons import say  # noqa: E402


def _num(value: float) -> float:
    return round(float(value), 9)


def _analysis(statement_id: str, engine: Engine) -> dict[str, object]:
    a = engine.analyses[statement_id]
    return {
        "id": statement_id,
        "weights": sorted((f, _num(w)) for f, w in a.weights.items()),
        "surface": sorted(a.surface.items()),
        "words": a.words,
        "meaning": a.meaning,
        "common": sorted(a.common),
        "themed": sorted(a.themed),
        "neighbours": sorted((f, _num(w), t) for f, (w, t) in a.neighbours.items()),
    }


def _suggestions(found: dict[str, list], write) -> None:  # type: ignore[no-untyped-def]
    for need_id in sorted(found):
        for rank, s in enumerate(found[need_id]):
            write(
                {
                    "need": s.need_id,
                    "resource": s.resource_id,
                    "rank": rank,
                    "source": s.source,
                    "score": _num(s.score),
                    "reasons": [
                        {"data": r.as_json(), "fr": say(r, "fr"), "en": say(r, "en")} for r in s.reasons
                    ],
                }
            )


def run(name: str, statements: list[Statement], vectors, write, analyses: bool = True) -> None:  # type: ignore[no-untyped-def]
    for arm, with_vectors in (("vectors", True), ("words", False)):
        started = time.perf_counter()
        engine = Engine(default_glossary(), vectors if with_vectors else None)
        engine.index(statements)
        write({"workshop": name, "arm": arm, "statements": len(statements)})
        if analyses:
            for statement in statements:
                write(_analysis(statement.id, engine))
        _suggestions(engine.suggest(top=5), write)
        # The window's larger list, and one need's suggestions with a decided pair excluded.
        needs = engine.need_ids()
        _suggestions(engine.suggest(needs[:50], top=10), write)
        if needs:
            first = engine.suggest(needs[:1], top=5)[needs[0]]
            excluded = {(needs[0], first[0].resource_id)} if first else set()
            _suggestions(engine.suggest(needs[:1], top=5, excluded=excluded), write)
        for group in engine.groups():
            write(
                {
                    "group": group.label,
                    "topic": group.topic,
                    "needs": group.need_ids,
                    "participants": group.participant_ids,
                }
            )
        if len(needs) > 1:  # one need edited and matched again, as in the window
            edited = next(s for s in statements if s.id == needs[len(needs) // 2])
            changed = Statement(
                edited.id,
                edited.participant_id,
                edited.kind,
                "Comment financer l'accompagnement des jeunes décrocheurs ?",
                edited.own,
            )
            engine.update([changed])
            write(_analysis(changed.id, engine))
            _suggestions(engine.suggest([changed.id], top=5), write)
        print(f"  {name} ({arm}): {time.perf_counter() - started:.1f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--participants", default="4000,1000", help="synthetic sizes, comma-separated")
    parser.add_argument("--quick", action="store_true", help="the labelled workshops and 1,000 only")
    args = parser.parse_args()
    sizes = [1000] if args.quick else [int(n) for n in args.participants.split(",") if n]
    vectors = bench.load_vectors()
    digest = hashlib.sha256()
    with args.out.open("w", encoding="utf-8") as out:

        def write(record: dict[str, object]) -> None:
            line = json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
            out.write(line)
            digest.update(line.encode("utf-8"))

        workshops = [("example", bench.example_workshop()[0])]
        for path in sorted((ROOT / "tests" / "data").glob("*_workshop*.json")):
            workshops.append((path.stem, bench.held_out_workshop(path.name)[0]))
        for name, statements in workshops:
            run(name, statements, vectors, write)
        for size in sizes:
            run(f"synthetic-{size}", bench.synthetic(size), vectors, write, analyses=size <= 1000)
    print(f"{args.out}: sha256 {digest.hexdigest()}")


if __name__ == "__main__":
    main()

"""A learned re-ranker over the engine's candidates (issue 16): measured, gated once, not kept.

    pip install scikit-learn      # fit time only (atelier[bench]); the app never imports it
    python scripts/fit_ranker.py             # headroom, then leave-one-workshop-out
    python scripts/fit_ranker.py --search    # the grid the configuration was chosen on
    python scripts/fit_ranker.py --gate      # the chosen model on the four never-tuned workshops

What it tries: each need's candidate pool is the engine's own `suggest(top=POOL)` (its order,
its scores, its fill by meaning); each (need, candidate) pair gets the features the engine
computes or can cheaply (`FEATURES`: the score, its share of the need's best, the rank, the
resource's kind, filled by meaning alone, a single thin link, the sentence cosine and the same
beyond the resource's mean closeness to the needs, shared words, themes and acronyms and their
weights, linked with and without pieces of longer expressions, both lengths). A linear model
scores them; the five shown are the pool's best by that score, plus ALPHA × (5 − place) for the
engine's own five (a prior towards the engine's order), each place keeping the kind the engine
gave it (an offer's place to an offer, another's to an action or challenge: the example's
labels name offers only, and a free re-ranker learnt on the development workshops put actions
there, example hit@3 1.000 → 0.50–0.79).

Fitted on labelled workshops that are not the test sets: the example and the four development
workshops, the latter with the shipped glossary and with the glossary before dev tuning (the
stand-in for a never-seen workshop): two views of the same labels. The example's pairs of an
action or a challenge are left out of the fit (unlabelled there, not wrong). Pairwise logistic
regression (RankNet-like: a right pair against a wrong one, or a grade-2 against a grade-1,
of the same need) or pointwise (right or not, grade 2 counted twice); regularisation C, pool
size, feature set, free or per-kind places and ALPHA were chosen by leaving one of the five
workshops out (`--search`). The numbers are in benchmarks/bench_matching.py's docstring.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_matching as bench  # noqa: E402

from atelier.confidence import VERY_LIKELY  # noqa: E402
from atelier.domain import NEAR_MEANING, ItemKind, ReasonKind  # noqa: E402
from atelier.matching import default_glossary  # noqa: E402
from atelier.matching.engine import ACRONYM, FAMILY, SOURCE_FACTOR, WORD, Engine  # noqa: E402
from atelier.reasons import one_word_of_a_short_statement  # noqa: E402

FEATURES = (
    "score",
    "score / need's best",
    "1 / rank",
    "log rank",
    "offer",
    "action",
    "challenge",
    "filled by meaning",
    "thin link",
    "structure named",
    "cosine",
    "cosine beyond baseline",
    "baseline",
    "shared words",
    "shared words' weight",
    "best shared word",
    "shared themes",
    "shared themes' weight",
    "shared acronyms",
    "linked",
    "linked without pieces",
    "log resource length",
    "log need length",
    "score / kind's factor",
)
THIN = FEATURES.index("thin link")
WORKSHOPS = ("example", "A", "B", "C", "D")
# The configuration chosen by leaving one workshop out (`--search`): the one with no workshop
# lower on either measure, with either glossary.
CHOSEN = {"pool": 50, "pairwise": True, "features": "all", "C": 0.1, "slots": True, "alpha": 0.3}
CORE = (0, 1, 2, 4, 5, 6, 7, 8, 10, 11, 13, 14, 16, 18, 19)


def features(engine: Engine, need: str, found, text: dict[str, str]) -> np.ndarray:
    rows = []
    best = max((s.score for s in found), default=0.0) or 1e-9
    for rank, s in enumerate(found):
        resource = s.resource_id
        kind = engine.statements[resource].kind
        shared = engine.shared(need, resource)
        words = [w for w, f in shared if f.startswith(f"{WORD}:")]
        themes = [w for w, f in shared if f.startswith(f"{FAMILY}:")]
        acronyms = [w for w, f in shared if f.startswith(f"{ACRONYM}:")]
        cosine = engine.meaning(need, resource)
        column = engine._column_of(resource)
        baseline = 0.0
        if engine._baseline is not None and column is not None:
            baseline = float(engine._baseline[column])
        rows.append(
            [
                s.score,
                s.score / best,
                1.0 / (rank + 1),
                math.log(rank + 1),
                kind == ItemKind.OFFER,
                kind == ItemKind.ACTION,
                kind == ItemKind.CHALLENGE,
                any(r.kind == ReasonKind.MEANING and r.detail == NEAR_MEANING for r in s.reasons),
                one_word_of_a_short_statement(s.reasons, text[need], text[resource]),
                any(r.kind == ReasonKind.CITED for r in s.reasons),
                cosine,
                cosine - baseline,
                baseline,
                len(words),
                sum(words),
                max(words, default=0.0),
                len(themes),
                sum(themes),
                len(acronyms),
                engine.linked(need, resource),
                engine.linked(need, resource, pieces=False),
                math.log1p(len(engine.analyses[resource].words)),
                math.log1p(len(engine.analyses[need].words)),
                s.score / SOURCE_FACTOR[kind],
            ]
        )
    return np.array(rows, dtype=float).reshape(-1, len(FEATURES))


def collect(pool: int) -> list[dict]:
    """Every labelled need's pool, its features, its labels and the five the window shows;
    `ws` "never …" for the four never-tuned workshops (only `--gate` reads them)."""
    vectors = bench.load_vectors()
    shipped, before = default_glossary(), bench.glossary_before_dev()
    sets = [("example", "shipped", shipped, bench.example_workshop())]
    for title, workshop in bench.dev_workshops():
        letter = title.split()[2]
        sets += [(letter, "shipped", shipped, workshop), (letter, "before", before, workshop)]
    never = [("held-out", bench.held_out_workshop()), ("third", bench.third_workshop())]
    never += [(title.split()[2], workshop) for title, workshop in bench.later_workshops()]
    sets += [(f"never {name}", "shipped", shipped, workshop) for name, workshop in never]
    data = []
    for name, glossary_name, glossary, (statements, relevant) in sets:
        engine = Engine(glossary, vectors)
        engine.index(statements)
        text = {s.id: s.text for s in statements}
        kinds = {s.id: s.kind for s in statements}
        pooled = engine.suggest(list(relevant), top=pool)
        shown = engine.suggest(list(relevant), top=bench.TOP)
        for need, found in pooled.items():
            ids = [s.resource_id for s in found]
            data.append(
                {
                    "ws": name,
                    "gl": glossary_name,
                    "ids": ids,
                    "kinds": [kinds[i] for i in ids],
                    "X": features(engine, need, found, text),
                    "grades": relevant[need],
                    "shown": [s.resource_id for s in shown[need]],
                    "shownX": features(engine, need, shown[need], text),
                }
            )
    return data


def metric(ranked: list[str], grades: dict[str, int]) -> tuple[bool, float]:
    """hit@3 and nDCG@5, as benchmarks/bench_matching.py's `metrics`."""
    ranked = ranked[: bench.TOP]
    dcg = sum((2 ** grades.get(r, 0) - 1) / math.log2(i + 2) for i, r in enumerate(ranked))
    ideal = sorted(grades.values(), reverse=True)[: bench.TOP]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return any(r in grades for r in ranked[:3]), dcg / idcg if idcg else 0.0


def evaluate(items: list[dict], rank) -> dict[tuple[str, str], tuple[float, float]]:
    found: dict[tuple[str, str], list[tuple[bool, float]]] = {}
    for d in items:
        found.setdefault((d["ws"], d["gl"]), []).append(metric(rank(d), d["grades"]))
    return {
        k: (float(np.mean([h for h, _ in v])), float(np.mean([n for _, n in v]))) for k, v in found.items()
    }


def summary(res: dict[tuple[str, str], tuple[float, float]]) -> str:
    def mean(glossary: str) -> str:
        values = [res[(w, glossary)] for w in "ABCD"]
        return f"{np.mean([h for h, _ in values]):.3f} / {np.mean([n for _, n in values]):.3f}"

    example = res[("example", "shipped")]
    return (
        f"example {example[0]:.3f} / {example[1]:.3f}   development {mean('shipped')}"
        f"   before dev tuning {mean('before')}"
    )


def headroom(data: list[dict], pool: int) -> None:
    """Needs with no right resource among the first three shown, and of those how many have one
    in the pool's first 10, 20, `pool`; the same for the five shown."""
    print(f"Headroom (example and development workshops; pool = the engine's suggest(top={pool}))")
    for glossary in ("shipped", "before"):
        items = [d for d in data if d["gl"] == glossary and not d["ws"].startswith("never")]
        for cut in (3, 5):
            missed = [d for d in items if not any(r in d["grades"] for r in d["shown"][:cut])]
            within = [
                f"first {k}: {sum(any(r in d['grades'] for r in d['ids'][:k]) for d in missed)}"
                for k in (10, 20, pool)
                if k <= pool
            ]
            print(
                f"  {glossary:8s} {len(items)} needs, none right in the {cut} shown: {len(missed)};"
                f" a right one in the pool's {', '.join(within)}"
            )
    oracle = evaluate(
        [d for d in data if not d["ws"].startswith("never")],
        lambda d: sorted(d["ids"], key=lambda r: -d["grades"].get(r, 0)),
    )
    print(f"  the pool's best five (oracle): {summary(oracle)}")


def pair_rows(items: list[dict], columns: list[int]) -> tuple[np.ndarray, np.ndarray]:
    x, y = [], []
    for d in items:
        table = d["X"][:, columns]
        grades = [d["grades"].get(r, 0) for r in d["ids"]]
        offers = [k == ItemKind.OFFER for k in d["kinds"]]
        for i, gi in enumerate(grades):
            for j, gj in enumerate(grades):
                if gi <= gj or (d["ws"] == "example" and not (offers[i] and offers[j])):
                    continue
                x += [table[i] - table[j], table[j] - table[i]]
                y += [1, 0]
    return np.array(x), np.array(y)


def point_rows(items: list[dict], columns: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x, y, w = [], [], []
    for d in items:
        for i, r in enumerate(d["ids"]):
            if d["ws"] == "example" and d["kinds"][i] != ItemKind.OFFER:
                continue
            grade = d["grades"].get(r, 0)
            x.append(d["X"][i, columns])
            y.append(grade > 0)
            w.append(1 + (grade == 2))
    return np.array(x), np.array(y), np.array(w)


def fit(train: list[dict], config: dict):
    """The model and the ranking it gives a need's pool (`config` as CHOSEN)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    columns = list(range(len(FEATURES))) if config["features"] == "all" else list(CORE)
    if config["pairwise"]:
        x, y = pair_rows(train, columns)
        scaler = StandardScaler(with_mean=False).fit(x)
        model = LogisticRegression(C=config["C"], max_iter=3000, fit_intercept=False)
        model.fit(scaler.transform(x), y)
    else:
        x, y, w = point_rows(train, columns)
        scaler = StandardScaler().fit(x)
        model = LogisticRegression(C=config["C"], max_iter=3000).fit(scaler.transform(x), y, sample_weight=w)

    def rank(d: dict) -> list[str]:
        if not d["ids"]:
            return []
        s = model.decision_function(scaler.transform(d["X"][:, columns]))
        s = (s - s.mean()) / (s.std() + 1e-9)
        place = {r: i for i, r in enumerate(d["shown"])}
        s = s + config["alpha"] * np.array([bench.TOP - place[r] if r in place else 0 for r in d["ids"]])
        order = [d["ids"][i] for i in np.argsort(-s, kind="stable")]
        if not config["slots"]:
            return order
        kinds = dict(zip(d["ids"], d["kinds"], strict=True))
        offers = [r for r in order if kinds[r] == ItemKind.OFFER]
        others = [r for r in order if kinds[r] != ItemKind.OFFER]
        ranked = []
        for shown in d["shown"]:
            source = offers if kinds.get(shown) == ItemKind.OFFER else others
            if source:
                ranked.append(source.pop(0))
        return ranked

    return model, columns, rank


def left_out(data: list[dict], config: dict) -> dict[int, list[str]]:
    """Each example or development need's ranking by the model fitted without its workshop."""
    tuned = [d for d in data if not d["ws"].startswith("never")]
    ranked = {}
    for workshop in WORKSHOPS:
        _model, _columns, rank = fit([d for d in tuned if d["ws"] != workshop], config)
        ranked.update({id(d): rank(d) for d in tuned if d["ws"] == workshop})
    return ranked


def very_likely(items: list[dict], rankings: list[list[str]], reassigned: bool) -> str:
    """How many of the suggestions shown said « très probable » are labelled right: each pair
    with its own score, or (`reassigned`) each place with the score the engine showed there."""
    said = []
    for d, ranked in zip(items, rankings, strict=True):
        pool = {r: i for i, r in enumerate(d["ids"])}
        shown = {r: i for i, r in enumerate(d["shown"])}
        for place, r in enumerate(ranked[: bench.TOP]):
            row = d["shownX"][shown[r]] if r in shown else d["X"][pool[r]]
            score = d["shownX"][place, 0] if reassigned and place < len(d["shown"]) else row[0]
            if score >= VERY_LIKELY and not row[THIN]:
                said.append(r in d["grades"])
    return f"{sum(said)} of {len(said)} ({sum(said) / max(len(said), 1):.0%})"


def search(data_by_pool: dict[int, list[dict]]) -> None:
    """Every configuration left out workshop by workshop, those keeping the example at its goal
    (hit@3 ≥ 0.9, nDCG@5 ≥ 0.65), by mean nDCG@5 gain over the eight development views."""
    found = []
    for pool, data in data_by_pool.items():
        tuned = [d for d in data if not d["ws"].startswith("never")]
        base = evaluate(tuned, lambda d: d["shown"])
        for pairwise in (True, False):
            for chosen_features in ("all", "core"):
                for c in (0.01, 0.1, 1.0):
                    for slots in (False, True):
                        for alpha in (0.0, 0.3, 0.6):
                            config = {"pool": pool, "pairwise": pairwise, "features": chosen_features}
                            config |= {"C": c, "slots": slots, "alpha": alpha}
                            ranked = left_out(data, config)
                            res = evaluate(tuned, lambda d, ranked=ranked: ranked[id(d)])
                            example = res[("example", "shipped")]
                            if example[0] < 0.9 or example[1] < 0.65:
                                continue
                            views = [(w, g) for w in "ABCD" for g in ("shipped", "before")]
                            gain = np.mean([res[v][1] - base[v][1] for v in views])
                            worst = min(res[v][k] - base[v][k] for v in views for k in (0, 1))
                            found.append((gain, worst, config, summary(res)))
    found.sort(key=lambda f: -f[0])
    for gain, worst, config, line in found[:12]:
        print(f"  nDCG@5 {gain:+.4f}, worst view {worst:+.3f}  {config}\n    {line}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--search", action="store_true", help="the grid, pools of 10, 20 and 50")
    parser.add_argument("--gate", action="store_true", help="the four never-tuned workshops (once)")
    args = parser.parse_args()
    if args.search:
        search({pool: collect(pool) for pool in (10, 20, 50)})
        return
    data = collect(CHOSEN["pool"])
    headroom(data, CHOSEN["pool"])
    tuned = [d for d in data if not d["ws"].startswith("never")]
    base = evaluate(tuned, lambda d: d["shown"])
    ranked = left_out(data, CHOSEN)
    res = evaluate(tuned, lambda d: ranked[id(d)])
    print(f"Leave one workshop out, {CHOSEN}")
    print(f"  engine     {summary(base)}\n  re-ranked  {summary(res)}")
    for key in sorted(res):
        print(
            f"    {key[0]:8s} {key[1]:8s} {base[key][0]:.3f} / {base[key][1]:.3f}"
            f" → {res[key][0]:.3f} / {res[key][1]:.3f}"
        )
    shipped = [d for d in tuned if d["gl"] == "shipped"]
    engine_said = very_likely(shipped, [d["shown"] for d in shipped], False)
    reranked = [ranked[id(d)] for d in shipped]
    print(
        f"  « très probable » on the tuned workshops: engine {engine_said},"
        f" re-ranked {very_likely(shipped, reranked, False)}"
        f" (scores reassigned by place {very_likely(shipped, reranked, True)})"
    )
    model, columns, rank = fit(tuned, CHOSEN)
    weights = ", ".join(f"{FEATURES[c]} {w:+.2f}" for c, w in zip(columns, model.coef_[0], strict=True))
    print(f"Fitted on all five (standardised weights): {weights}")
    if not args.gate:
        return
    never = [d for d in data if d["ws"].startswith("never")]
    before, after = evaluate(never, lambda d: d["shown"]), evaluate(never, rank)
    print("Gate: the four never-tuned workshops")
    for key in sorted(before):
        was, now = before[key], after[key]
        print(f"  {key[0]:15s} {was[0]:.3f} / {was[1]:.3f} → {now[0]:.3f} / {now[1]:.3f}")
    means = [[np.mean([v[k] for v in res.values()]) for k in (0, 1)] for res in (before, after)]
    print(
        f"  mean hit@3 / nDCG@5 {means[0][0]:.3f} / {means[0][1]:.3f} → {means[1][0]:.3f} / {means[1][1]:.3f}"
    )
    print(
        f"  « très probable »: engine {very_likely(never, [d['shown'] for d in never], False)},"
        f" re-ranked {very_likely(never, [rank(d) for d in never], False)}"
        f" (scores reassigned by place {very_likely(never, [rank(d) for d in never], True)})"
    )


if __name__ == "__main__":
    main()

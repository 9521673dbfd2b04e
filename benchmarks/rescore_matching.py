"""Ranking variants that rescore the engine's admitted candidates (issue 16, session 52).

    python benchmarks/rescore_matching.py [--variants NAME ...] [--list] [--never-tuned]

(a few seconds a variant family on two cores.) Each variant takes, for each labelled need, the
candidates the engine admits (`Engine._admitted`, offers and the rest apart, the first
`--keep` of each, 13 by default: more than the five shown), changes their values, then places
them as the engine does (`Engine._places`, `_with_named`, the e5 fill of empty places). With no
change this gives exactly the engine's five suggestions (checked on every run: « engine »).
Scored as bench_matching.py scores: hit@3 and nDCG@5 of the five shown, on the example and
the development workshops A–D with the shipped glossary and with the glossary before dev
tuning (the stand-in for a workshop never seen). `--never-tuned` scores the four never-tuned
workshops instead: that is the gate, to be used once for a chosen candidate.

The families (their numbers are in bench_matching.py's docstring):
- « clauses »: a need naming two things (« Trouver un hébergement et un moyen de transport
  pour… ») read also as its clauses (split on « et », « ou », « , », « ; », « : », « ( »,
  each of two words of three letters or more, needs giving two or more), each clause indexed
  as a need of its own (`Engine.update`: the workshop's IDF and hub baselines unchanged), its
  candidates combined with the whole need's: « max λ » (a resource's value is the larger of
  the whole need's and λ × its best clause's), « mean α » ((1 − α) × the whole's + α × the mean
  of the clauses' values, 0 where a clause does not admit it), « first λ » (each clause's
  first candidate at λ × its value, when higher: each aspect a place), « meaning λ » (λ × how
  much closer in meaning the closest clause is than the whole need added, and with
  « admitted » offers so close made candidates);
- « mnn »: mutual nearest neighbours, a pair's value × (1 + β) when the need is among the
  `k` needs of the workshop the resource is best admitted for (its values over every need's
  candidates), for offers or for all kinds;
- « ngram »: a character n-gram link between a content word of the need and one of the
  resource that Snowball does not join (« saisonnier » / « saisonnalité », « mobile » /
  « mobilité »): the best Dice coefficient of their word-bounded n-grams from τ (three
  n-grams shared at least; not everyday words, five letters or more), γ × that × the kind's
  factor added to a pair's value, or making a candidate of an unlinked pair (with its meaning
  part).
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_matching import (  # noqa: E402
    TOP,
    dev_workshops,
    example_workshop,
    glossary_before_dev,
    held_out_workshop,
    later_workshops,
    load_vectors,
    metrics,
    third_workshop,
)

from atelier.domain import ItemKind  # noqa: E402
from atelier.matching import default_glossary  # noqa: E402
from atelier.matching.engine import (  # noqa: E402
    MIN_SCORE,
    SOURCE_FACTOR,
    UNLINKED_FLOOR,
    UNLINKED_OFFER,
    Engine,
    Statement,
)

Candidates = list[tuple[str, float]]
# (engine, need id, its offers, its other candidates) -> the two lists changed.
Adjust = Callable[[Engine, str, Candidates, Candidates], tuple[Candidates, Candidates]]
Prepare = Callable[[Engine, list[str]], Adjust]


def admitted(engine: Engine, need_ids: list[str], keep: int) -> dict[str, tuple[Candidates, Candidates]]:
    """Each need's admitted offers and other candidates (the first `keep` of each), as
    `Engine.suggest` admits them."""
    found = {}
    blocks = [need_ids]
    for need_id, offers, helpers in engine._scored(blocks, engine._resource_lexical_t, keep + 8):
        found[need_id] = (
            engine._admitted(need_id, offers, MIN_SCORE, set(), keep, offers=True),
            engine._admitted(need_id, helpers, MIN_SCORE, set(), keep),
        )
    return found


def replay(engine: Engine, need_ids: list[str], prepare: Prepare | None, keep: int) -> dict[str, list[str]]:
    """The five suggestions shown for each need, its candidates changed by `prepare`'s."""
    adjust = prepare(engine, need_ids) if prepare is not None else None
    found = admitted(engine, need_ids, keep)
    shown: dict[str, list[str]] = {}
    wanting = []
    for need_id in need_ids:
        offers, helpers = found[need_id]
        if adjust is not None:
            offers, helpers = adjust(engine, need_id, offers, helpers)
        chosen = engine._places(offers[:TOP], helpers[:TOP], TOP)
        chosen = engine._with_named(need_id, chosen, set(), TOP)
        shown[need_id] = [resource_id for resource_id, _value, _shown in chosen]
        if len(chosen) < TOP and engine._filler is not None:
            wanting.append((need_id, chosen))
    if wanting and engine._filler is not None:
        for need_id, added in engine._filler.fill(wanting, set(), TOP).items():
            shown[need_id] += [resource_id for resource_id, _value, _shown in added]
    return shown


def _best_first(values: dict[str, float]) -> Candidates:
    return sorted(values.items(), key=lambda c: -c[1])


# ------------------------------------------------------------------ (a) clauses

_CLAUSE = re.compile(r"\s+(?:et|ou)\s+|[,;:()]")


def clauses(text: str) -> list[str]:
    parts = [p.strip(" .?!") for p in _CLAUSE.split(text)]
    parts = [p for p in parts if len(re.findall(r"\w{3,}", p)) >= 2]
    return parts if len(parts) >= 2 else []


def by_clauses(combine: Callable[[Candidates, list[Candidates]], Candidates], keep: int) -> Prepare:
    def prepare(engine: Engine, need_ids: list[str]) -> Adjust:
        of: dict[str, list[str]] = {}
        added = []
        for need_id in need_ids:
            need = engine.statements[need_id]
            for number, text in enumerate(clauses(need.text)):
                clause_id = f"{need_id}#{number}"
                added.append(
                    Statement(clause_id, need.participant_id, ItemKind.NEED, text, need.own, need.structure)
                )
                of.setdefault(need_id, []).append(clause_id)
        engine.update(added)
        found = admitted(engine, [c for ids in of.values() for c in ids], keep)

        def adjust(engine: Engine, need_id: str, offers: Candidates, helpers: Candidates):
            if need_id not in of:
                return offers, helpers
            parts = [found[c] for c in of[need_id]]
            return combine(offers, [p[0] for p in parts]), combine(helpers, [p[1] for p in parts])

        return adjust

    return prepare


def clause_max(lam: float) -> Callable[[Candidates, list[Candidates]], Candidates]:
    def combine(whole: Candidates, parts: list[Candidates]) -> Candidates:
        best = dict(whole)
        for part in parts:
            for resource_id, value in part:
                best[resource_id] = max(best.get(resource_id, 0.0), lam * value)
        return _best_first(best)

    return combine


def clause_mean(alpha: float) -> Callable[[Candidates, list[Candidates]], Candidates]:
    def combine(whole: Candidates, parts: list[Candidates]) -> Candidates:
        own, each = dict(whole), [dict(p) for p in parts]
        every = set(own).union(*each)
        return _best_first(
            {
                r: (1 - alpha) * own.get(r, 0.0) + alpha * sum(p.get(r, 0.0) for p in each) / len(each)
                for r in every
            }
        )

    return combine


def clause_first(lam: float) -> Callable[[Candidates, list[Candidates]], Candidates]:
    def combine(whole: Candidates, parts: list[Candidates]) -> Candidates:
        best = dict(whole)
        for part in parts:
            if part:
                resource_id, value = part[0]
                best[resource_id] = max(best.get(resource_id, 0.0), lam * value)
        return _best_first(best)

    return combine


def clause_meaning(lam: float, admit: bool) -> Prepare:
    """Each candidate's value + λ × the kind's factor × how much closer in meaning its closest
    clause is than the whole need (`Engine._meaning_part`: beyond the resource's baseline);
    `admit`: offers so close and linked by nothing made candidates too (UNLINKED_OFFER, from
    UNLINKED_FLOOR)."""

    def prepare(engine: Engine, need_ids: list[str]) -> Adjust:
        of: dict[str, list[str]] = {}
        added = []
        for need_id in need_ids:
            need = engine.statements[need_id]
            for number, text in enumerate(clauses(need.text)):
                clause_id = f"{need_id}#{number}"
                added.append(
                    Statement(clause_id, need.participant_id, ItemKind.NEED, text, need.own, need.structure)
                )
                of.setdefault(need_id, []).append(clause_id)
        engine.update(added)

        def closest(need_id: str, resource_id: str) -> float:
            return max(engine._meaning_part(c, resource_id) for c in of[need_id])

        def adjust(engine: Engine, need_id: str, offers: Candidates, helpers: Candidates):
            if need_id not in of:
                return offers, helpers
            changed = []
            for found in (offers, helpers):
                values = {
                    r: v
                    + lam
                    * SOURCE_FACTOR[engine.statements[r].kind]
                    * max(0.0, closest(need_id, r) - engine._meaning_part(need_id, r))
                    for r, v in found
                }
                changed.append(values)
            if admit:
                owner = engine.statements[need_id].participant_id
                for r in engine._resource_ids[: engine._offers]:
                    if r not in changed[0] and engine.statements[r].participant_id != owner:
                        value = lam * UNLINKED_OFFER * closest(need_id, r)
                        if value >= UNLINKED_FLOOR:
                            changed[0][r] = value
            return _best_first(changed[0]), _best_first(changed[1])

        return adjust

    return prepare


# ------------------------------------------------- (c) mutual nearest neighbours


def mutual(k: int, beta: float, kinds: str, keep: int) -> Prepare:
    def prepare(engine: Engine, need_ids: list[str]) -> Adjust:
        every = admitted(engine, engine.need_ids(), keep)
        by_resource: dict[str, list[tuple[float, str]]] = {}
        for need_id, (offers, helpers) in every.items():
            for resource_id, value in offers + helpers:
                by_resource.setdefault(resource_id, []).append((value, need_id))
        near = {
            (need_id, resource_id)
            for resource_id, found in by_resource.items()
            for _value, need_id in sorted(found, key=lambda c: -c[0])[:k]
        }

        def boosted(need_id: str, found: Candidates) -> Candidates:
            return _best_first({r: v * (1 + beta) if (need_id, r) in near else v for r, v in found})

        def adjust(engine: Engine, need_id: str, offers: Candidates, helpers: Candidates):
            return boosted(need_id, offers), boosted(need_id, helpers) if kinds == "all" else helpers

        return adjust

    return prepare


# ------------------------------------------------------- (b) character n-grams


def _grams(word: str, n: int) -> set[str]:
    folded = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if unicodedata.category(c) != "Mn")
    marked = f"<{folded}>"
    return {marked[i : i + n] for i in range(len(marked) - n + 1)}


def content_grams(engine: Engine, statement_id: str, n: int) -> dict[str, set[str]]:
    """A statement's word features that may link (not everyday French nor the workshop's own
    everyday words, five letters or more as written) -> their n-grams."""
    analysis = engine.analyses[statement_id]
    return {
        feature: _grams(written, n)
        for feature, written in analysis.surface.items()
        if feature.startswith("w:")
        and feature not in analysis.common
        and feature not in engine._everyday_here
        and len(written) >= 5
    }


def gram_link(first: dict[str, set[str]], second: dict[str, set[str]], least: float) -> float:
    """The best Dice coefficient of two words' n-grams, one of each side, not the same
    feature, from `least` and three n-grams shared; 0 if none."""
    best = 0.0
    for feature, grams in first.items():
        if feature in second:
            continue
        for _other, theirs in second.items():
            shared = len(grams & theirs)
            if shared >= 3:
                dice = 2 * shared / (len(grams) + len(theirs))
                if dice >= least:
                    best = max(best, dice)
    return best


def ngrams(n: int, least: float, gamma: float, new: bool) -> Prepare:
    def prepare(engine: Engine, need_ids: list[str]) -> Adjust:
        grams: dict[str, dict[str, set[str]]] = {}

        def of(statement_id: str) -> dict[str, set[str]]:
            if statement_id not in grams:
                grams[statement_id] = content_grams(engine, statement_id, n)
            return grams[statement_id]

        def adjust(engine: Engine, need_id: str, offers: Candidates, helpers: Candidates):
            owner = engine.statements[need_id].participant_id
            links = {
                r: link
                for r in engine._resource_ids
                if engine.statements[r].participant_id != owner
                and (link := gram_link(of(need_id), of(r), least))
            }
            changed = []
            for found, want_offers in ((offers, True), (helpers, False)):
                values = dict(found)
                for r, link in links.items():
                    kind = engine.statements[r].kind
                    if (kind == ItemKind.OFFER) != want_offers:
                        continue
                    if r in values:
                        values[r] += SOURCE_FACTOR[kind] * gamma * link
                    elif new:
                        values[r] = SOURCE_FACTOR[kind] * (gamma * link + engine._meaning_part(need_id, r))
                changed.append(_best_first(values))
            return changed[0], changed[1]

        return adjust

    return prepare


# --------------------------------------------------------------------- running


def variants(keep: int) -> dict[str, list[tuple[str, Prepare | None]]]:
    return {
        "engine": [("engine", None)],
        "clauses": [
            *((f"clauses max {lam}", by_clauses(clause_max(lam), keep)) for lam in (0.5, 0.6, 0.7, 0.8, 1.0)),
            *((f"clauses mean {a}", by_clauses(clause_mean(a), keep)) for a in (0.25, 0.5, 1.0)),
            *((f"clauses first {lam}", by_clauses(clause_first(lam), keep)) for lam in (0.8, 1.0)),
            *((f"clauses meaning {lam}", clause_meaning(lam, False)) for lam in (0.25, 0.5, 1.0)),
            *((f"clauses meaning {lam}, admitted", clause_meaning(lam, True)) for lam in (0.5, 1.0)),
        ],
        "mnn": [
            (f"mnn {kinds} k {k} β {beta}", mutual(k, beta, kinds, keep))
            for kinds in ("offers", "all")
            for k in (1, 3, 5)
            for beta in (0.1, 0.25, 0.5)
        ],
        "ngram": [
            *(
                (f"ngram n {n} τ {least} γ {gamma}", ngrams(n, least, gamma, True))
                for n in (4, 5)
                for least in (0.5, 0.65)
                for gamma in (0.05, 0.15)
            ),
            ("ngram n 4 τ 0.5 γ 0.1, linked pairs only", ngrams(4, 0.5, 0.1, False)),
        ],
    }


def views(never_tuned: bool) -> Iterator[tuple[str, Any, tuple[list[Statement], dict[str, dict[str, int]]]]]:
    shipped = default_glossary()
    if never_tuned:
        yield "held-out", shipped, held_out_workshop()
        yield "third", shipped, third_workshop()
        for title, workshop in later_workshops():
            yield title.split(" (")[0][-1], shipped, workshop
        return
    yield "example", shipped, example_workshop()
    before = glossary_before_dev()
    for glossary, mark in ((shipped, ""), (before, " before")):
        for title, workshop in dev_workshops():
            yield title.split(" (")[0][-1] + mark, glossary, workshop


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--variants", nargs="*", default=["clauses", "mnn", "ngram"])
    parser.add_argument("--keep", type=int, default=13, help="candidates admitted of each part")
    parser.add_argument("--never-tuned", action="store_true", help="the gate: the four never-tuned")
    args = parser.parse_args()
    vectors = load_vectors()
    families = variants(args.keep)
    chosen = [("engine", None)] + [v for name in args.variants for v in families[name]]
    scores: dict[str, dict[str, dict[str, float]]] = {}
    for view, glossary, (statements, relevant) in views(args.never_tuned):
        need_ids = list(relevant)
        engine = Engine(glossary, vectors)
        engine.index(statements)
        for name, prepare in chosen:
            if len(engine.statements) != len(statements):  # clauses were added: index again
                engine.index(statements)
            shown = replay(engine, need_ids, prepare, args.keep)
            if prepare is None:  # the replay is the engine
                suggested = engine.suggest(need_ids, top=TOP)
                assert shown == {n: [s.resource_id for s in found] for n, found in suggested.items()}, view
            scores.setdefault(name, {})[view] = metrics(shown, relevant)
    for name, by_view in scores.items():
        groups = (
            [("never-tuned", list(by_view))]
            if args.never_tuned
            else [
                ("example", ["example"]),
                ("dev", [v for v in by_view if len(v) == 1 and v != "example"]),
                ("before dev", [v for v in by_view if v.endswith(" before")]),
            ]
        )
        means = "  ".join(
            f"{group} {_mean(by_view, views_, 'hit@3'):.3f}/{_mean(by_view, views_, 'nDCG@5'):.3f}"
            for group, views_ in groups
        )
        each = " ".join(
            f"{v.replace(' before', 'b')} {m['hit@3']:.3f}/{m['nDCG@5']:.3f}" for v, m in by_view.items()
        )
        print(f"{name:40s} {means}\n{'':4s}{each}", flush=True)


def _mean(by_view: dict[str, dict[str, float]], views_: list[str], key: str) -> float:
    return sum(by_view[v][key] for v in views_) / len(views_)


if __name__ == "__main__":
    main()

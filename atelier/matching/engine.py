"""Needs matched to the offers (and actions, challenges) of other participants, with reasons.

Each statement becomes weighted features: word stems, acronyms (found written or
spelled out), and families of near-synonyms from the glossary. Features are weighted
by how rare they are in the workshop (IDF) and compared by cosine similarity, as sparse
matrices so that ten thousand needs against ten thousand offers stays fast. Every
suggestion keeps the features that linked it, which become reasons a person can read.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from atelier.domain import ItemKind
from atelier.matching.text import Glossary, Token, fold_word, phrase_key, strip_accents, tokens

# Features by what they are; weights before IDF.
WORD, ACRONYM, EXPANSION, FAMILY = "w", "a", "x", "f"
FEATURE_WEIGHT = {WORD: 1.0, ACRONYM: 1.2, EXPANSION: 0.5, FAMILY: 0.55}
# An explicit offer ranks above a participant's action ("a déjà fait…"), which ranks
# above a shared challenge, for the same textual strength.
SOURCE_FACTOR = {ItemKind.OFFER: 1.0, ItemKind.ACTION: 0.55, ItemKind.CHALLENGE: 0.4}
SOURCE_NAME = {ItemKind.OFFER: "offer", ItemKind.ACTION: "action", ItemKind.CHALLENGE: "challenge"}
MIN_SCORE = 0.03


@dataclass(slots=True)
class Statement:
    id: str
    participant_id: str
    kind: ItemKind
    text: str


@dataclass(slots=True)
class Suggestion:
    need_id: str
    resource_id: str
    source: str  # "offer" | "action" | "challenge"
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass(slots=True)
class NeedGroup:
    label: str
    need_ids: list[str]
    participant_ids: list[str]


@dataclass(slots=True)
class Analysis:
    weights: dict[str, float]
    surface: dict[str, str]  # feature -> how this text wrote it


class Analyzer:
    """Turns a statement's text into features, using the glossary."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._acronyms: dict[str, str] = {}  # folded acronym -> canonical
        self._phrases: dict[tuple[str, ...], list[str]] = defaultdict(list)
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
        # Which phrase lengths start with each stem: most words start no phrase at all.
        self._lengths: dict[str, set[int]] = defaultdict(set)
        for key in self._phrases:
            self._lengths[key[0]].add(len(key))
        self._expansion_stems = {
            acronym: [t.stem for t in tokens(expansion)] for acronym, expansion in glossary.acronyms.items()
        }

    def analyze(self, text: str) -> Analysis:
        words = tokens(text)
        weights: dict[str, float] = {}
        surface: dict[str, str] = {}

        def add(feature: str, weight: float, written: str) -> None:
            if weight > weights.get(feature, 0.0):
                weights[feature] = weight
            surface.setdefault(feature, written)

        for token in words:
            acronym = self._acronym(token)
            if acronym is not None:
                add(f"{ACRONYM}:{acronym}", FEATURE_WEIGHT[ACRONYM], token.surface)
                for expansion_stem in self._expansion_stems.get(acronym, []):
                    add(f"{WORD}:{expansion_stem}", FEATURE_WEIGHT[EXPANSION], token.surface)
                for feature in self._phrases.get(("\0acr", acronym), []):
                    add(feature, FEATURE_WEIGHT[FAMILY], token.surface)
            else:
                add(f"{WORD}:{token.stem}", FEATURE_WEIGHT[WORD], token.surface)
        stems = [t.stem for t in words]
        for start, first in enumerate(stems):
            for size in self._lengths.get(first, ()):
                if start + size > len(stems):
                    continue
                key = tuple(stems[start : start + size])
                for feature in self._phrases.get(key, ()):
                    written = " ".join(t.surface for t in words[start : start + size])
                    kind = feature.split(":", 1)[0]
                    add(feature, FEATURE_WEIGHT[ACRONYM if kind == ACRONYM else FAMILY], written)
        return Analysis(weights, surface)

    def _acronym(self, token: Token) -> str | None:
        if not token.upper:
            return None
        return self._acronyms.get(strip_accents(token.surface).lower())


class Engine:
    """Index a workshop's statements once; suggest for all needs or for a few edited ones."""

    def __init__(self, glossary: Glossary) -> None:
        self.analyzer = Analyzer(glossary)
        self.glossary = glossary
        self.statements: dict[str, Statement] = {}
        self.analyses: dict[str, Analysis] = {}
        self._features: dict[str, int] = {}
        self._owners: dict[str, int] = {}
        self._idf: Any = None
        self._resource_ids: list[str] = []
        self._resource_matrix: Any = None
        self._resource_owner: Any = None
        self._resource_factor: Any = None

    # ------------------------------------------------------------- index

    def index(self, statements: Iterable[Statement]) -> None:
        import numpy as np

        self.statements = {s.id: s for s in statements}
        self.analyses = {s.id: self.analyzer.analyze(s.text) for s in self.statements.values()}
        document_frequency: Counter[str] = Counter()
        for analysis in self.analyses.values():
            document_frequency.update(analysis.weights.keys())
        self._features = {f: i for i, f in enumerate(sorted(document_frequency))}
        total = len(self.analyses) or 1
        self._idf = np.zeros(len(self._features), dtype=np.float64)
        for feature, column in self._features.items():
            self._idf[column] = math.log((1 + total) / (1 + document_frequency[feature])) + 1.0
        resources = [s for s in self.statements.values() if s.kind in SOURCE_FACTOR]
        self._resource_ids = [s.id for s in resources]
        self._resource_matrix = self._matrix([s.id for s in resources])
        participant_ids = sorted({s.participant_id for s in self.statements.values()})
        owners = {pid: i for i, pid in enumerate(participant_ids)}
        self._owners = owners
        self._resource_owner = np.array([owners[s.participant_id] for s in resources], dtype=np.int64)
        self._resource_factor = np.array([SOURCE_FACTOR[s.kind] for s in resources])

    def update(self, changed: Iterable[Statement], removed: Iterable[str] = ()) -> None:
        """Take edited or new statements into account without re-indexing everything.

        Needs are compared against the indexed resources at once; a changed resource
        (offer, action, challenge) needs `index()` again, which the window schedules.
        """
        for statement in changed:
            self.statements[statement.id] = statement
            self.analyses[statement.id] = self.analyzer.analyze(statement.text)
            if statement.participant_id not in self._owners:
                self._owners[statement.participant_id] = len(self._owners)
        for statement_id in removed:
            if statement_id not in self._resource_ids:
                self.statements.pop(statement_id, None)
                self.analyses.pop(statement_id, None)

    def _vector_rows(self, analyses: Sequence[Analysis]) -> Any:
        import numpy as np
        from scipy import sparse

        rows, cols, values = [], [], []
        for row, analysis in enumerate(analyses):
            for feature, weight in analysis.weights.items():
                column = self._features.get(feature)
                if column is not None:
                    rows.append(row)
                    cols.append(column)
                    values.append(weight * self._idf[column])
        matrix = sparse.csr_matrix(
            (np.array(values, dtype=np.float64), (np.array(rows), np.array(cols))),
            shape=(len(analyses), len(self._features)),
        )
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.diags(1.0 / norms) @ matrix

    def _matrix(self, ids: Sequence[str]) -> Any:
        return self._vector_rows([self.analyses[i] for i in ids]).tocsr()

    # ----------------------------------------------------------- suggest

    def need_ids(self) -> list[str]:
        return [s.id for s in self.statements.values() if s.kind == ItemKind.NEED]

    def suggest(
        self,
        need_ids: Sequence[str] | None = None,
        *,
        top: int = 5,
        excluded: set[tuple[str, str]] | None = None,
        chunk: int = 2000,
    ) -> dict[str, list[Suggestion]]:
        """The best `top` resources of other participants for each need."""
        import numpy as np

        wanted = list(need_ids) if need_ids is not None else self.need_ids()
        results: dict[str, list[Suggestion]] = {}
        if not wanted or not self._resource_ids:
            return {n: [] for n in wanted}
        resources_t = self._resource_matrix.T.tocsr()
        excluded = excluded or set()
        for start in range(0, len(wanted), chunk):
            block = wanted[start : start + chunk]
            # Sparse all the way: most need/offer pairs share nothing.
            product = (self._matrix(block) @ resources_t).tocsr()
            indptr, indices, data = product.indptr, product.indices, product.data
            for row, need_id in enumerate(block):
                columns = indices[indptr[row] : indptr[row + 1]]
                if columns.size == 0:
                    results[need_id] = []
                    continue
                scores = data[indptr[row] : indptr[row + 1]] * self._resource_factor[columns]
                owner = self._owners[self.statements[need_id].participant_id]
                scores[self._resource_owner[columns] == owner] = 0.0
                keep = min(top + 8, scores.size)
                best = (
                    np.argpartition(-scores, keep - 1)[:keep]
                    if keep < scores.size
                    else np.arange(scores.size)
                )
                best = best[np.argsort(-scores[best], kind="stable")]
                found: list[Suggestion] = []
                for position in best:
                    score = float(scores[position])
                    if score < MIN_SCORE or len(found) >= top:
                        break
                    resource_id = self._resource_ids[columns[position]]
                    if (need_id, resource_id) in excluded:
                        continue
                    resource = self.statements[resource_id]
                    found.append(
                        Suggestion(
                            need_id,
                            resource_id,
                            SOURCE_NAME[resource.kind],
                            round(min(score, 1.0), 4),
                            self.reasons(need_id, resource_id),
                        )
                    )
                results[need_id] = found
        return results

    def score(self, need_id: str, resource_id: str) -> float:
        need = self._matrix([need_id])
        resource = self._matrix([resource_id])
        value = float((need @ resource.T).toarray()[0, 0])
        return round(min(value * SOURCE_FACTOR.get(self.statements[resource_id].kind, 1.0), 1.0), 4)

    # ----------------------------------------------------------- reasons

    def shared(self, a: str, b: str) -> list[tuple[float, str]]:
        """Features two statements share, strongest first."""
        first, second = self.analyses[a], self.analyses[b]
        common = []
        for feature in first.weights.keys() & second.weights.keys():
            column = self._features.get(feature)
            idf = self._idf[column] if column is not None else 1.0
            common.append((first.weights[feature] * second.weights[feature] * idf * idf, feature))
        return sorted(common, reverse=True)

    def reasons(self, need_id: str, resource_id: str) -> list[str]:
        need, resource = self.analyses[need_id], self.analyses[resource_id]
        words: list[str] = []
        lines: list[str] = []
        covered: set[str] = set()
        for _strength, feature in self.shared(need_id, resource_id):
            kind, value = feature.split(":", 1)
            if kind == WORD:
                written = resource.surface[feature]
                if fold_word(written) not in covered:
                    covered.add(fold_word(written))
                    words.append(f"« {written} »")
            elif kind == ACRONYM and len(lines) < 3:
                a, b = need.surface[feature], resource.surface[feature]
                expansion = self.glossary.acronyms.get(value, "")
                if a == b:
                    lines.append(f"même sigle « {value} » ({expansion})")
                else:
                    lines.append(f"« {a} » et « {b} » : {value} = {expansion}")
                covered |= {fold_word(a), fold_word(b)}
            elif kind == FAMILY and len(lines) < 3:
                a, b = need.surface[feature], resource.surface[feature]
                if fold_word(a) == fold_word(b) or phrase_key(a) == phrase_key(b):
                    continue  # the same word in two forms: already said as a word in common
                lines.append(f"« {a} » et « {b} » : même thème ({value})")
        reasons = []
        if words:
            label = "mot en commun" if len(words) == 1 else "mots en commun"
            reasons.append(f"{label} : {', '.join(words[:5])}")
        reasons += lines
        kind = self.statements[resource_id].kind
        reasons.append(
            {
                ItemKind.OFFER: "ressource proposée (« je peux être ressource sur… »)",
                ItemKind.ACTION: "action déjà menée (« a déjà fait… »), pas une offre explicite",
                ItemKind.CHALLENGE: "défi partagé : à traiter ensemble, pas une offre explicite",
            }[kind]
        )
        return reasons

    # ------------------------------------------------------------ groups

    def groups(self, *, threshold: float = 0.3, minimum: int = 2) -> list[NeedGroup]:
        """Needs of several participants that say the same thing, for the minutes."""
        import numpy as np

        needs = self.need_ids()
        if len(needs) < minimum:
            return []
        matrix = self._matrix(needs)
        similarity = (matrix @ matrix.T).toarray()
        parent = list(range(len(needs)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        rows, cols = np.nonzero(np.triu(similarity, 1) >= threshold)
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            parent[find(i)] = find(j)
        clusters: dict[int, list[int]] = defaultdict(list)
        for i in range(len(needs)):
            clusters[find(i)].append(i)
        groups = []
        for members in clusters.values():
            ids = [needs[i] for i in members]
            people = sorted({self.statements[n].participant_id for n in ids})
            if len(people) < minimum:
                continue
            groups.append(NeedGroup(self._group_label(ids, len(people)), ids, people))
        groups.sort(key=lambda g: -len(g.participant_ids))
        return groups

    def _group_label(self, need_ids: list[str], people: int) -> str:
        counts: Counter[str] = Counter()
        written: dict[str, str] = {}
        for need_id in need_ids:
            analysis = self.analyses[need_id]
            for feature in analysis.weights:
                counts[feature] += 1
                written.setdefault(feature, analysis.surface[feature])
        shared = [f for f, c in counts.most_common() if c >= 2]
        families = [f.split(":", 1)[1] for f in shared if f.startswith(f"{FAMILY}:")]
        words = [written[f] for f in shared if not f.startswith(f"{FAMILY}:")]
        topic = ", ".join(dict.fromkeys(w.lower() for w in words[:3])) or ", ".join(families[:2])
        return f"{people} participants cherchent des ressources sur : {topic or 'un même sujet'}"

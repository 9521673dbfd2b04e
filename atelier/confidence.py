"""How sure a suggestion is, in words a facilitator can say, and the one order suggestions
are shown in: the window, the projector, the command line, the minutes, the Excel tables and
the participant pages all use these (no numpy, no Qt: the window imports this module).

A score is not a probability: « 0,23 » tells a facilitator nothing. The levels are read on the
nine hand-labelled workshops (`python benchmarks/bench_matching.py` prints how often each level's
suggestions are labelled right): from 0.45 about two times in three (« très probable »), from 0.2
about two in five (« possible »), below about three in ten (« à vérifier »).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from atelier.domain import OFFER_FIRST, VERY_LIKELY, MatchStatus, shown_order

__all__ = [
    "LEVELS",
    "OFFER_FIRST",
    "POSSIBLE",
    "VERY_LIKELY",
    "confidence",
    "ordered",
    "shown_order",
    "very_likely",
]

POSSIBLE = 0.2
# (lowest score, French, English), most confident first.
LEVELS: tuple[tuple[float, str, str], ...] = (
    (VERY_LIKELY, "très probable", "very likely"),
    (POSSIBLE, "possible", "possible"),
    (0.0, "à vérifier", "to be checked"),
)


def confidence(score: float, lang: str | None = None, *, thin: bool = False) -> str:
    """« très probable », « possible » or « à vérifier » (English with lang="en"; the user's
    language by default). `thin`: one word links the two and one of them is a statement of
    two words or fewer, or that word is a public or an acronym alone
    (`reasons.one_word_of_a_short_statement`): « possible » at most, whatever the score
    (« € budget » for « financement FSE », on the theme alone, read « très probable »; so did
    « Accompagnement vers l'emploi des jeunes » for « Mobilité des jeunes »)."""
    if lang is None:
        from atelier.i18n import current_language

        lang = current_language()
    english = lang.startswith("en")
    if thin:
        score = min(score, POSSIBLE)
    for lowest, french, in_english in LEVELS:
        if score >= lowest:
            return in_english if english else french
    return LEVELS[-1][2] if english else LEVELS[-1][1]


def very_likely(score: float, thin: bool = False) -> bool:
    """Whether a suggestion is « très probable » (what the projector may show the room)."""
    return score >= VERY_LIKELY and not thin


M = TypeVar("M")
DECIDED = (MatchStatus.CONFIRMED, MatchStatus.MANUAL)


def ordered(
    matches: Iterable[M],
    kind_of: Callable[[M], str],
    *,
    status_of: Callable[[M], str] = lambda m: str(getattr(m, "status")),  # noqa: B009
    score_of: Callable[[M], float] = lambda m: float(getattr(m, "score")),  # noqa: B009
    least: float = 0.0,
    thin_of: Callable[[M], bool] = lambda m: False,
) -> list[M]:
    """One need's matches as everything shows them: decisions first (best score first), then
    the suggestions from `least` in the window's order (`shown_order`, with `thin_of` saying
    which are « possible » at most whatever their score); rejected ones never."""
    matches = list(matches)
    decided = [m for m in matches if status_of(m) in DECIDED]
    decided.sort(key=lambda m: -score_of(m))
    open_ = [m for m in matches if status_of(m) == MatchStatus.SUGGESTED and score_of(m) >= least]
    open_.sort(key=lambda m: shown_order(kind_of(m), score_of(m), thin_of(m)))  # atelier.domain's
    return decided + open_

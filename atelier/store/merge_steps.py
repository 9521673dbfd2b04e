"""A match's follow-up steps when two copies recorded some each (atelier/store/merge.py).

The copy that changed the follow-up last gives its path; the steps only the other copy has (a
contact recorded on the other laptop) join it in date order, each saying the copy it came from,
so that the history never loses a contact that happened. When one of them is the latest step,
the match stands there: its state is always its history's last step."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from atelier.domain import FollowUp, FollowUpStep
from atelier.french import local_day

# The order of two steps of one day: a decision comes before a contact, a contact before its end.
_RANK = {FollowUp.TO_CONTACT: 0, FollowUp.CONTACTED: 1, FollowUp.DONE: 2, FollowUp.DROPPED: 2}


@dataclass
class Combined:
    path: list[FollowUpStep]  # the merged history, the state its last step
    added: list[FollowUpStep]  # the other copy's steps it took in
    # The other copy's steps that are steps of this path dated otherwise: (theirs, the path's).
    redated: list[tuple[FollowUpStep, FollowUpStep]]
    # Steps of this path the merge dated as the other copy does, because a step that followed
    # them there comes before this path's date: (this path's, as merged).
    taken: list[tuple[FollowUpStep, FollowUpStep]] = field(default_factory=list)

    @property
    def moved(self) -> bool:
        """The latest step is one the other copy brought: the match stands there now."""
        return any(step is self.path[-1] for step in self.added)


def _keys(path: Sequence[FollowUpStep]) -> list[tuple[FollowUp, int]]:
    """Each step as (its state, how many steps of that state came before it): the decision is
    (à contacter, 0), a first contact (contacté, 0); the same step in two copies of a path."""
    seen: dict[FollowUp, int] = {}
    keys = []
    for step in path:
        keys.append((step.state, seen.get(step.state, 0)))
        seen[step.state] = seen.get(step.state, 0) + 1
    return keys


def _comes_after(step: FollowUpStep, other: FollowUpStep) -> bool:
    """`step` happened after `other`: a later day; on one day, a later moment when both were
    dated at the moment they were recorded, else the state that follows."""
    day, other_day = local_day(step.at), local_day(other.at)
    if day != other_day:
        return day > other_day
    if len(step.at) > 10 and len(other.at) > 10:
        return step.at > other.at
    return _RANK[step.state] > _RANK[other.state]


def aligned(path: Sequence[FollowUpStep], other: Sequence[FollowUpStep]) -> dict[int, int]:
    """Which step of `path` each step of `other` is (index in other -> index in path)."""
    where = {key: index for index, key in enumerate(_keys(path))}
    return {i: where[key] for i, key in enumerate(_keys(other)) if key in where}


def combine(
    path: Sequence[FollowUpStep],
    other: Sequence[FollowUpStep],
    other_copy: str,
    *,
    decided_again: bool = False,
) -> Combined:
    """`path` (the copy that changed the follow-up last) with the steps only `other` has, in
    date order, each marked with `other_copy` (unless an earlier merge already said where it
    was recorded). The history always goes forward in time, and its last step is the latest.

    A step both copies have is one step, however each dated it: a step `other` recorded after
    it stays after it (its decision, then its contact), and when this path dates the shared
    step after that one (the decision dated again on one laptop after the other recorded the
    contact), the shared step takes `other`'s date: never « contactée le 04 · remise à
    contacter le 05 » of a match nobody set aside. When this path's copy decided the match
    again (`decided_again`: set aside, then confirmed afresh, after the other's decision), its
    path started afresh and has none of the other's steps: all of them come in by date (the
    first decision, a contact), and its new decision after them reads « remise à contacter »."""
    result = list(path)
    matched = {} if decided_again else aligned(path, other)
    current = {index: path[index] for index in matched.values()}  # the shared steps as merged
    added: list[FollowUpStep] = []
    taken: list[tuple[FollowUpStep, FollowUpStep]] = []
    shared: tuple[int, FollowUpStep] | None = None  # the last shared step so far: (path index, theirs)
    start = 0
    for i, step in enumerate(other):
        if i in matched:
            shared = (matched[i], step)
            continue
        if any(s.state == step.state and s.at == step.at for s in result):
            continue
        step = step if step.copy else replace(step, copy=other_copy)
        if shared is not None:
            index, theirs = shared
            ours = current[index]
            at_shared = next(j for j, s in enumerate(result) if s is ours)
            if _comes_after(ours, step) and not _comes_after(theirs, step):
                dated = replace(ours, at=theirs.at, recorded=theirs.recorded)
                result[at_shared] = current[index] = dated
                taken.append((path[index], dated))
            start = max(start, at_shared + 1)
        at = next((j for j in range(start, len(result)) if _comes_after(result[j], step)), len(result))
        result.insert(at, step)
        added.append(step)
        start = at + 1
    redated = [
        (step, current[matched[i]])
        for i, step in enumerate(other)
        if i in matched and local_day(step.at) != local_day(current[matched[i]].at)
    ]
    return Combined(result, added, redated, taken)


def step_told(step: FollowUpStep, lang: str, *, first: bool = False) -> str:
    """A step as the follow-up says it, of the match: « contactée le 04/11/2026 »; the first
    « à contacter » is its decision (« décidée le … »), a later one « remise à contacter »."""
    from atelier.french import list_date
    from atelier.i18n import MESSAGES

    key = "step.decided" if first and step.state == FollowUp.TO_CONTACT else f"step.{step.state.value}"
    word = MESSAGES[key][lang]
    day = list_date(step.at, lang)
    return MESSAGES["followup.state_on"][lang].format(state=word, date=day) if day else word


def path_told(path: Sequence[FollowUpStep], lang: str) -> str:
    """« décidée le 02/11/2026 · contactée le 04/11/2026 (a.atelier) »: each step, one that
    another copy recorded with that copy's name."""
    said = [step_told(step, lang, first=index == 0) for index, step in enumerate(path)]
    return " · ".join(
        f"{text} ({step.copy})" if step.copy else text for text, step in zip(said, path, strict=True)
    )

"""Why two statements were put together, said in one short sentence a facilitator can read aloud.

The engine stores each reason as data (`atelier.domain.Reason`: its kind and the words
involved); this module is the one place that turns it into words, in French or English,
wherever it is shown: the window, the projector, the command line, the minutes, Excel,
the participant pages. The words quoted from the grid stay as the participants wrote them.

    say(Reason(ReasonKind.TOPIC, term="financement", need="financer", resource="aides de la Région"))
    → « Même thème (financement) : financer ↔ aides de la Région »
      (English: "Same theme (funding): financer ↔ aides de la Région")
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from atelier.domain import Reason, ReasonKind

__all__ = ["DECIDED", "KIND_ONLY", "KIND_REASONS", "legacy", "say", "say_all"]

KIND_REASONS = (ReasonKind.OFFER, ReasonKind.ACTION, ReasonKind.CHALLENGE)

# (French, English) for each kind of reason: with the words involved, and without.
_WITH_WORDS: dict[ReasonKind, tuple[str, str]] = {
    ReasonKind.OFFER: ("Propose justement : {words}", "Offers exactly that: {words}"),
    ReasonKind.ACTION: ("L'a déjà fait : {words}", "Has already done it: {words}"),
    ReasonKind.CHALLENGE: ("A le même défi : {words}", "Has the same challenge: {words}"),
    ReasonKind.WORDS: ("Mots en commun : {words}", "Words in common: {words}"),
    ReasonKind.TOPIC: (
        "Même thème ({term}) : {need} ↔ {resource}",
        "Same theme ({term}): {need} ↔ {resource}",
    ),
    ReasonKind.MEANING: ("Sens proche : {need} ↔ {resource}", "Close in meaning: {need} ↔ {resource}"),
    ReasonKind.ACRONYM: ("{term} = {detail}", "{term} stands for {detail}"),
    ReasonKind.NEIGHBOUR: ("Thèmes voisins : {term} ↔ {detail}", "Related themes: {term} ↔ {detail}"),
}
_WITHOUT_WORDS: dict[ReasonKind, tuple[str, str]] = {
    ReasonKind.OFFER: ("Le propose comme ressource", "Offers it as a resource"),
    ReasonKind.ACTION: ("A déjà mené une action proche", "Has already done something close"),
    ReasonKind.CHALLENGE: ("A un défi proche", "Has a similar challenge"),
    ReasonKind.WORDS: ("Mots en commun", "Words in common"),
    ReasonKind.TOPIC: ("Même thème : {term}", "Same theme: {term}"),
    ReasonKind.MEANING: ("Dit la même chose autrement", "Says the same thing in other words"),
    ReasonKind.ACRONYM: ("Même sigle : {term}", "Same acronym: {term}"),
    ReasonKind.NEIGHBOUR: ("Thèmes voisins : {term} ↔ {detail}", "Related themes: {term} ↔ {detail}"),
}
DECIDED = ("Mise en relation décidée par l'animateur", "Match made by the facilitator")
# What a kind line says when it names no words, in both languages: « Le propose comme ressource ».
KIND_ONLY: tuple[str, ...] = tuple(text for kind in KIND_REASONS for text in _WITHOUT_WORDS[kind])


def _lang(lang: str | None) -> str:
    if lang:
        return "en" if lang.startswith("en") else "fr"
    from atelier.i18n import current_language

    return current_language()


def say(reason: Reason | str, lang: str | None = None) -> str:
    """One reason as a sentence in `lang` ("fr" or "en"; the user's language by default)."""
    language = _lang(lang)
    if isinstance(reason, str):
        reason = Reason(ReasonKind.TEXT, detail=reason)
    if reason.kind == ReasonKind.TEXT:
        understood = legacy(reason.detail)
        if understood is None:
            return reason.detail  # an old sentence we cannot read: shown as it was written
        reason = understood
    index = 1 if language == "en" else 0
    if reason.kind in (*KIND_REASONS, ReasonKind.WORDS):
        has_words = bool(reason.words)
    elif reason.kind == ReasonKind.ACRONYM:
        has_words = bool(reason.detail)
    else:
        has_words = bool(reason.need and reason.resource)
    if reason.kind == ReasonKind.EARLIER:
        return _earlier(reason, language)
    template = (_WITH_WORDS if has_words else _WITHOUT_WORDS)[reason.kind][index]
    term, detail = reason.term, reason.detail
    if reason.kind in (ReasonKind.TOPIC, ReasonKind.NEIGHBOUR) and language == "en":
        names = english_theme_names()
        term = names.get(term, term)  # a theme of the workshop's own: as named
        if reason.kind == ReasonKind.NEIGHBOUR:
            detail = names.get(detail, detail)
    text = template.format(
        words=_join(reason.words, language),
        term=term,
        need=reason.need,
        resource=reason.resource,
        detail=detail,
    )
    if language == "fr":
        from atelier.french import typography

        text = typography(text, "fr")
    return text


@cache
def english_theme_names() -> dict[str, str]:
    """The shipped glossary's theme names in English (its [noms_en] table), read once."""
    import tomllib

    from atelier.paths import resources_dir

    data = tomllib.loads((resources_dir() / "glossaire.toml").read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data.get("noms_en", {}).items()}


def say_all(
    reasons: Iterable[Reason | str],
    lang: str | None = None,
    *,
    kind: bool = True,
    limit: int | None = None,
) -> list[str]:
    """Each reason as a sentence, in order, each said once; `kind=False` leaves out the
    line saying what the resource is (offer, action, challenge) unless it names words.
    No reason at all (a match made by hand) says so."""
    lines: list[str] = []
    seen: set[str] = set()
    given = list(reasons)
    for reason in given:
        data = reason if isinstance(reason, Reason) else Reason(ReasonKind.TEXT, detail=reason)
        if not kind:
            understood = legacy(data.detail) if data.kind == ReasonKind.TEXT else data
            if understood is not None and understood.kind in KIND_REASONS and not understood.words:
                continue
        line = say(data, lang)
        if line and line not in seen:
            seen.add(line)
            lines.append(line)
    if not given:
        lines.append(DECIDED[1 if _lang(lang) == "en" else 0])
    return lines[:limit] if limit is not None else lines


def _earlier(reason: Reason, language: str) -> str:
    """« A proposé lors de l'atelier du 16 mars 2021 » (« … de l'atelier « Titre » » undated)."""
    from atelier.french import long_date, typography

    offer = reason.resource != str(ReasonKind.ACTION)
    if language == "en":
        verb = "Offered" if offer else "Presented this action"
        when = f"of {long_date(reason.detail, 'en')}" if reason.detail else f"“{reason.term}”"
        return f"{verb} at the workshop {when}"
    verb = "A proposé" if offer else "A présenté cette action"
    when = f"du {long_date(reason.detail, 'fr')}" if reason.detail else f"« {reason.term} »"
    return typography(f"{verb} lors de l'atelier {when}", "fr")


def _join(words: Sequence[str], language: str) -> str:
    return ", ".join(words)


# ------------------------------------------------------------------ older files
# Files written before format 5 hold the sentences Atelier's engine wrote then, in French.
# Those it can read back become data again, so that they are said in the reader's language;
# anything else (typed by hand, from another tool) is shown as written.

_Q = r"« ([^»]+?) »"
_LEGACY: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^ressource proposée \(« je peux être ressource sur… »\)$"), "offer"),
    (re.compile(r"^action déjà menée \(« a déjà fait… »\), pas une offre explicite$"), "action"),
    (re.compile(r"^défi partagé : à traiter ensemble, pas une offre explicite$"), "challenge"),
    (re.compile(r"^mots? en commun : (.+)$"), "words"),
    (re.compile(rf"^même sigle {_Q} \((.*)\)$"), "same_acronym"),
    (re.compile(rf"^{_Q} et {_Q} : (\S+) = (.+)$"), "acronym"),
    (re.compile(rf"^{_Q} et {_Q} : même thème \((.+)\)$"), "topic"),
    (re.compile(rf"^sens voisin \(modèle de langue\) : {_Q} ≈ {_Q}$"), "meaning"),
    (re.compile(r"^formulations de sens voisin \(modèle de langue\)(, sans mot en commun)?$"), "close"),
]


def legacy(text: str) -> Reason | None:
    """A sentence written by Atelier before format 5, read back as data (None if not one)."""
    for pattern, name in _LEGACY:
        found = pattern.match(text.strip())
        if found is None:
            continue
        groups = found.groups()
        if name in ("offer", "action", "challenge"):
            return Reason(ReasonKind(name))
        if name == "words":
            words = tuple(re.findall(_Q, groups[0]))
            return Reason(ReasonKind.WORDS, words) if words else None
        if name == "same_acronym":
            return Reason(ReasonKind.ACRONYM, term=groups[0], detail=groups[1])
        if name == "acronym":
            return Reason(
                ReasonKind.ACRONYM, term=groups[2], need=groups[0], resource=groups[1], detail=groups[3]
            )
        if name == "topic":
            return Reason(ReasonKind.TOPIC, term=groups[2], need=groups[0], resource=groups[1])
        if name == "meaning":
            return Reason(ReasonKind.MEANING, need=groups[0], resource=groups[1])
        return Reason(ReasonKind.MEANING)
    return None

"""Why two statements were put together, said in one short sentence a facilitator can read aloud.

The engine stores each reason as data (`atelier.domain.Reason`: its kind and the words
involved); this module is the one place that turns it into words, in French or English,
wherever it is shown: the window, the projector, the command line, the minutes, Excel,
the participant pages. The words quoted from the grid stay as the participants wrote them.

    say(Reason(ReasonKind.TOPIC, term="financement", need="financer", resource="aides de la Région"))
    → « Le besoin dit « financer », l'offre « aides de la Région » : même thème (financement) »
      (English: "The need says “financer”, the offer “aides de la Région”: same theme (funding)")

Each sentence names the words of the need and those of the resource, quoted as written
there, then what links them; the resource is called what it is (l'offre, l'action, le défi),
read from the kind line of the same list (`say_all`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache

from atelier.domain import (
    IN_PIECES,
    NEAR_MEANING,
    RELATED_FORMS,
    SPELLED_ALIKE,
    ItemKind,
    Match,
    MatchStatus,
    Reason,
    ReasonKind,
)
from atelier.french import fold, quoted, states_an_aim, typography

__all__ = [
    "aimed",
    "DECIDED",
    "acronym_expansion",
    "checked",
    "english_acronyms",
    "KIND_ONLY",
    "KIND_REASONS",
    "legacy",
    "on_its_subject",
    "one_word_of_a_short_statement",
    "say",
    "say_all",
]

KIND_REASONS = (ReasonKind.OFFER, ReasonKind.ACTION, ReasonKind.CHALLENGE)

# (French, English) for each kind of reason, with the words of both sides: {need} and
# {resource} are quoted, {side} is « l'offre », « l'action » or « le défi ».
_BOTH_SIDES: dict[ReasonKind, tuple[str, str]] = {
    # What both say, no more: a word in common is not the resource's subject (« Le besoin dit
    # « appuyer », l'action déjà menée porte sur « appuie » » made a verb a topic).
    ReasonKind.OFFER: (
        "Le besoin dit {need}, l'offre aussi : {words}",
        "The need says {need}, and so does the offer: {words}",
    ),
    ReasonKind.ACTION: (
        "Le besoin dit {need}, l'action aussi : {words}",
        "The need says {need}, and so does the action: {words}",
    ),
    ReasonKind.CHALLENGE: (
        "Le besoin dit {need}, le défi aussi : {words}",
        "The need says {need}, and so does the challenge: {words}",
    ),
    ReasonKind.TOPIC: (
        "Le besoin dit {need}, {side} {resource} : même thème ({term})",
        "The need says {need}, {side} {resource}: same theme ({term})",
    ),
    ReasonKind.NEIGHBOUR: (
        "Le besoin dit {need}, {side} {resource} : thèmes voisins ({term}, {detail})",
        "The need says {need}, {side} {resource}: related themes ({term}, {detail})",
    ),
    ReasonKind.MEANING: (
        "Le besoin dit {need}, {side} {resource} : même sens",
        "The need says {need}, {side} {resource}: same meaning",
    ),
    ReasonKind.ACRONYM: (
        "Le besoin dit {need}, {side} {resource} : {term} veut dire {detail}",
        "The need says {need}, {side} {resource}: {term} stands for {detail}",
    ),
}
# Two words close in meaning, not the same (a place filled by meaning alone: NEAR_MEANING):
# nothing else links the two, which the room must hear.
_NEAR = (
    "Le besoin dit {need}, {side} {resource} : sens voisin, à vérifier",
    "The need says {need}, {side} {resource}: close in meaning, to be checked",
)
# A word one side says only inside an expression or an acronym's expansion (IN_PIECES), nothing
# else: no word in common, said so.
_PIECES = (
    "Seul lien : un mot pris dans un sigle ou une expression, à vérifier",
    "Only link: a word inside an acronym or an expression, to be checked",
)
# The same, with the word each side writes (the engine keeps them since it names them: « Seul
# lien : un mot pris dans un sigle… » named none, and the facilitator could not read it aloud).
_PIECES_SAID = (
    "Seul lien, à vérifier : le besoin dit {need}, {side} {resource} "
    "(un mot pris dans un sigle ou une expression)",
    "Only link, to be checked: the need says {need}, {side} {resource} "
    "(a word inside an acronym or an expression)",
)
_PIECES_SAME = (
    "Seul lien, à vérifier : le besoin et {side} disent {need}, mais l'un des deux dans un sigle ou "
    "une expression",
    "Only link, to be checked: the need and {side} both say {need}, but one of them inside an acronym "
    "or an expression",
)
# Two words of one stem and two meanings (SPELLED_ALIKE: « départ », « Département »), nothing
# else: no word in common, said so, with both words. Files matched by Atelier between the reasons
# learning to tell them apart and the stems telling them apart (faux_amis.toml) may hold one.
_ALIKE = (
    "Seul lien : {need} et {resource} se ressemblent sans être le même mot, à vérifier",
    "Only link: {need} and {resource} look alike but are not the same word, to be checked",
)
# Two words of one family, one on each side (RELATED_FORMS: « préparateurs », « Préparation »):
# the pair as each writes it, never « l'offre aussi », which claimed one word both say.
_RELATED = (
    "Le besoin dit {need}, {side} {resource} : mots de la même famille",
    "The need says {need}, {side} {resource}: words of the same family",
)
# The same, read from a word-in-common reason an earlier version stored for two such words (one
# word each side): « Le besoin dit « préparateurs », l'offre aussi : « Préparation » ».
_RELATED_WORDS = (
    "Le besoin dit {need}, {side} {words} : mots de la même famille",
    "The need says {need}, {side} {words}: words of the same family",
)
# The same words on both sides (as folded): said once.
_SAME_WORDS = ("Le besoin et {side} disent tous deux {words}", "The need and {side} both say {words}")
# One acronym both write (« FSE »): a word in common like any other, with what it stands for
# (« FSE = fonds social européen » alone, read aloud, glossed the word without saying why).
_SAME_ACRONYM = (
    "Le besoin et {side} disent tous deux {words} ({detail})",
    "The need and {side} both say {words} ({detail})",
)
_SAME_ACRONYM_BARE = ("Le besoin et {side} disent tous deux {words}", "The need and {side} both say {words}")
_WORDS_IN_COMMON = ("Le besoin et {side} ont en commun {words}", "The need and {side} share {words}")
# What the resource is, as the sentence names it: (French, English).
_SIDE: dict[ReasonKind, tuple[str, str]] = {
    ReasonKind.OFFER: ("l'offre", "the offer"),
    ReasonKind.ACTION: ("l'action", "the action"),
    ReasonKind.CHALLENGE: ("le défi", "the challenge"),
}
# Older files: the resource's words only (the need's were not kept).
_WITH_WORDS: dict[ReasonKind, tuple[str, str]] = {
    ReasonKind.OFFER: ("En commun avec le besoin : {words}", "In common with the need: {words}"),
    ReasonKind.ACTION: ("En commun avec le besoin : {words}", "In common with the need: {words}"),
    ReasonKind.CHALLENGE: ("En commun avec le besoin : {words}", "In common with the need: {words}"),
    ReasonKind.WORDS: ("Mots en commun : {words}", "Words in common: {words}"),
    ReasonKind.TOPIC: (
        "Même thème ({term}) : {need} ↔ {resource}",
        "Same theme ({term}): {need} ↔ {resource}",
    ),
    ReasonKind.MEANING: ("Sens proche : {need} ↔ {resource}", "Close in meaning: {need} ↔ {resource}"),
    ReasonKind.ACRONYM: ("{term} = {detail}", "{term} stands for {detail}"),
    ReasonKind.NEIGHBOUR: ("Thèmes voisins : {term} ↔ {detail}", "Related themes: {term} ↔ {detail}"),
}
# What the resource is, no more: the line names no link (« Le propose comme ressource », « A déjà
# mené une action proche », read aloud, sounded like reasons for the match).
_WITHOUT_WORDS: dict[ReasonKind, tuple[str, str]] = {
    ReasonKind.OFFER: ("Ressource proposée", "A resource offered"),
    ReasonKind.ACTION: ("Action déjà menée", "An action already run"),
    ReasonKind.CHALLENGE: ("Un de ses défis", "One of their challenges"),
    ReasonKind.WORDS: ("Mots en commun", "Words in common"),
    ReasonKind.TOPIC: ("Même thème : {term}", "Same theme: {term}"),
    # Meaning alone, no words to name (« Dit la même chose autrement » claimed a paraphrase).
    ReasonKind.MEANING: (
        "Seul lien : un sens voisin, à vérifier",
        "Only link: close in meaning, to be checked",
    ),
    ReasonKind.ACRONYM: ("Même sigle : {term}", "Same acronym: {term}"),
    ReasonKind.NEIGHBOUR: ("Thèmes voisins : {term} ↔ {detail}", "Related themes: {term} ↔ {detail}"),
}
# An aim or a plan typed among actions (`french.states_an_aim`: « objectifs : créer… »): said
# as what it is, never « Action déjà menée », « l'action »: they have not done it, they aim to.
_AIM_ONLY = ("Objectif noté parmi ses actions", "An aim noted among their actions")
_AIM_SIDE = ("l'objectif", "the aim")
_AIM_BOTH = (
    "Le besoin dit {need}, l'objectif aussi : {words}",
    "The need says {need}, and so does the aim: {words}",
)
DECIDED = ("Mise en relation décidée par l'animateur", "Match made by the facilitator")
# An older file's « formulations de sens voisin (modèle de langue) », written beside the words
# and themes that linked the two already (`legacy`): meaning was one link more, never « Seul
# lien : un sens voisin ». Read back only, never stored.
_BESIDE = "beside"
_ALSO_CLOSE = ("Sens voisin en plus", "Close in meaning as well")
# What a kind line says when it names no words, in both languages: « Ressource proposée ».
KIND_ONLY: tuple[str, ...] = (
    *(text for kind in KIND_REASONS for text in _WITHOUT_WORDS[kind]),
    *_AIM_ONLY,
)


def aimed(kind: ItemKind | str, text: str) -> bool:
    """Whether a resource is an aim or a plan its author typed among their actions
    (`french.states_an_aim`): offered as one (« a pour objectif », « objectif annoncé »),
    never as something done (« a déjà fait », « action déjà menée »)."""
    return str(kind) == str(ItemKind.ACTION) and states_an_aim(text)


def _lang(lang: str | None) -> str:
    if lang:
        return "en" if lang.startswith("en") else "fr"
    from atelier.i18n import current_language

    return current_language()


def say(
    reason: Reason | str,
    lang: str | None = None,
    side: ReasonKind = ReasonKind.OFFER,
    *,
    confirmed: bool = False,
    aim: bool = False,
) -> str:
    """One reason as a sentence in `lang` ("fr" or "en"; the user's language by default);
    `side`: what the resource is (an offer, an action, a challenge), to name it right.
    `confirmed`: the facilitator decided the match, so the sentence no longer asks to check
    it (« Seul lien : un sens voisin », never « …, à vérifier », under a decision: `_checked`).
    `aim`: the resource is an aim typed among actions (`aimed`): « Objectif noté parmi ses
    actions », « l'objectif aussi », never « Action déjà menée »."""
    text = _say(reason, lang, side, aim)
    written = isinstance(reason, str) or reason.kind == ReasonKind.TEXT
    if written and legacy(reason if isinstance(reason, str) else reason.detail) is None:
        return text  # a sentence shown as it was written, word for word
    return _checked(text) if confirmed else text


def checked(match: Match) -> bool:
    """Decided by the facilitator (confirmed or made by hand) on the words the grid still says:
    its reasons are said `confirmed`, never asking to check it (« Seul lien : un sens voisin »,
    never « …, à vérifier »); a suggestion, and a decision retyped since (« à revoir »), do."""
    return match.status in (MatchStatus.CONFIRMED, MatchStatus.MANUAL) and not match.retyped


# What a sentence says to check a link meaning alone or a piece of a word makes (« Seul lien,
# à vérifier : … », « …, sens voisin, à vérifier »), in both languages: left out once the
# facilitator confirmed the match (« Seul lien : … », « …, sens voisin »). Never inside the
# grid's words the sentence quotes.
_TO_CHECK = (", à vérifier", ", to be checked")


def _checked(text: str) -> str:
    """`text` without what asks to check it, outside the words it quotes."""
    parts = re.split(r"(«[^»]*»|“[^”]*”)", text)  # the quoted stretches at odd places
    for index in range(0, len(parts), 2):
        for asking in _TO_CHECK:
            parts[index] = parts[index].replace(asking, "")
    return "".join(parts)


def _say(reason: Reason | str, lang: str | None, side: ReasonKind, aim: bool = False) -> str:
    language = _lang(lang)
    if isinstance(reason, str):
        reason = Reason(ReasonKind.TEXT, detail=reason)
    if reason.kind == ReasonKind.TEXT:
        understood = legacy(reason.detail)
        if understood is None:
            return reason.detail  # an old sentence we cannot read: shown as it was written
        reason = understood
    index = 1 if language == "en" else 0
    aim = aim and ReasonKind.ACTION in (side, reason.kind)
    side_word = _AIM_SIDE[index] if aim else _SIDE.get(side, _SIDE[ReasonKind.OFFER])[index]
    if reason.kind in (*KIND_REASONS, ReasonKind.WORDS):
        has_words = bool(reason.words)
    elif reason.kind == ReasonKind.ACRONYM:
        has_words = bool(reason.detail)
    else:
        has_words = bool(reason.need and reason.resource)
    if reason.kind == ReasonKind.EARLIER:
        return _earlier(reason, language)
    if reason.kind == ReasonKind.MEANING and reason.detail == _BESIDE:
        return _ALSO_CLOSE[index]
    if reason.kind == ReasonKind.CITED:
        return _cited(reason, language)
    if reason.kind == ReasonKind.WORDS and reason.detail == RELATED_FORMS and reason.need and reason.resource:
        text = _RELATED[index].format(
            need=quoted(reason.need, language),
            resource=quoted(reason.resource, language),
            side=side_word,
        )
        return typography(text, "fr") if language == "fr" else text
    if reason.kind == ReasonKind.WORDS and reason.detail == IN_PIECES and reason.need and reason.resource:
        same = fold(reason.need) == fold(reason.resource)
        text = (_PIECES_SAME if same else _PIECES_SAID)[index].format(
            need=quoted(reason.need, language),
            resource=quoted(reason.resource, language),
            side=side_word,
        )
        return typography(text, "fr") if language == "fr" else text
    if reason.kind == ReasonKind.WORDS and reason.detail == SPELLED_ALIKE and reason.need and reason.resource:
        text = _ALIKE[index].format(
            need=quoted(reason.need, language), resource=quoted(reason.resource, language)
        )
        return typography(text, "fr") if language == "fr" else text
    english = (
        acronym_expansion(reason.term, reason.detail, language) if reason.kind == ReasonKind.ACRONYM else ""
    )
    if english and english != reason.detail:
        # What it stands for, in English: both write the acronym (« European Social Fund »); one
        # side writes words of its French expansion, which stays to show them, the English after
        # (« VAE stands for validation des acquis de l'expérience (accreditation of prior experience) »).
        said = english if _same_acronym(reason) else f"{reason.detail} ({english})"
        reason = replace(reason, detail=said)
    if _same_acronym(reason):
        template = (_SAME_ACRONYM if reason.detail else _SAME_ACRONYM_BARE)[index]
        text = template.format(
            words=quoted(reason.need or reason.resource or reason.term, language),
            detail=reason.detail,
            side=side_word,
        )
        return typography(text, "fr") if language == "fr" else text
    template = (_WITH_WORDS if has_words else _WITHOUT_WORDS)[reason.kind][index]
    if reason.kind == ReasonKind.WORDS and not has_words and reason.detail == IN_PIECES:
        template = _PIECES[index]
    both = _both_sides(reason, index)
    if both is not None:
        template = both
    if aim and reason.kind == ReasonKind.ACTION:
        if template == _WITHOUT_WORDS[ReasonKind.ACTION][index]:
            template = _AIM_ONLY[index]
        elif template == _BOTH_SIDES[ReasonKind.ACTION][index]:
            template = _AIM_BOTH[index]
    term, detail = reason.term, reason.detail
    if reason.kind in (ReasonKind.TOPIC, ReasonKind.NEIGHBOUR) and language == "en":
        names = english_theme_names()
        term = names.get(term, term)  # a theme of the workshop's own: as named
        if reason.kind == ReasonKind.NEIGHBOUR:
            detail = names.get(detail, detail)
    if both is not None:
        text = template.format(
            words=_quoted_all(reason.words, language),
            term=term,
            # The need's words: one stretch, or words apart (« mobilité », « jeunes »).
            need=_quoted_all(reason.need.split(", "), language)
            if reason.kind in KIND_REASONS
            else quoted(reason.need, language),
            resource=quoted(reason.resource, language),
            detail=detail,
            side=side_word,
        )
        return typography(text, "fr") if language == "fr" else text
    text = template.format(
        words=_quoted_all(reason.words, language),
        term=term,
        need=reason.need,
        resource=reason.resource,
        detail=detail,
    )
    return typography(text, "fr") if language == "fr" else text


def _same_acronym(reason: Reason) -> bool:
    """Whether the reason is one acronym both texts write (« FSE » and « FSE »), or an older
    file's « même sigle » (the acronym alone, no words of either side)."""
    if reason.kind != ReasonKind.ACRONYM:
        return False
    if reason.need and reason.resource:
        return fold(reason.need) == fold(reason.resource)
    return not reason.need and not reason.resource and bool(reason.term)


def _both_sides(reason: Reason, index: int) -> str | None:
    """The template naming the words of both sides, when the reason holds them."""
    from atelier.french import fold

    if reason.kind in KIND_REASONS and reason.words:
        if reason.need and fold(reason.need) == fold(" ".join(reason.words)):
            return _SAME_WORDS[index]
        if reason.need and _two_words_of_one_family(reason.need, reason.words):
            return _RELATED_WORDS[index]
        if reason.need:
            return _BOTH_SIDES[reason.kind][index]
        return None
    if reason.kind == ReasonKind.WORDS and reason.words:
        return _WORDS_IN_COMMON[index]
    if reason.kind in (ReasonKind.TOPIC, ReasonKind.NEIGHBOUR, ReasonKind.MEANING, ReasonKind.ACRONYM):
        if not (reason.need and reason.resource):
            return None
        if reason.kind == ReasonKind.ACRONYM and (
            not reason.detail or fold(reason.need) == fold(reason.resource)
        ):
            return None
        if reason.kind == ReasonKind.MEANING and reason.detail == NEAR_MEANING:
            return _NEAR[index]
        return _BOTH_SIDES[reason.kind][index]
    return None


def _two_words_of_one_family(need: str, words: Sequence[str]) -> bool:
    """One word each side that is not one word in two forms (« préparateurs », « Préparation »):
    what a file matched before reasons told them apart may hold as a word in common."""
    from atelier.french import one_word

    single = len(words) == 1 and len(need.split()) == 1 and len(words[0].split()) == 1
    if not single or "," in need:
        return False
    # A word inside a compound or after an elision is that word (« soignant » of « aide-soignant »).
    ours, theirs = (re.split(r"[-'’]", word) for word in (need, words[0]))
    return not any(one_word(a, b) for a in ours for b in theirs if a and b)


def _quoted_all(words: Sequence[str], language: str) -> str:
    """« a », « b » (English: “a”, “b”)."""
    return ", ".join(quoted(word, language) for word in words)


def english_theme_names() -> dict[str, str]:
    """The shipped glossary's theme names in English (its [noms_en] table), read once."""
    return _glossary_table("noms_en")


def english_acronyms() -> dict[str, str]:
    """What the shipped glossary's acronyms stand for, in English (its [sigles_en] table:
    « FSE » → « European Social Fund »), read once."""
    return _glossary_table("sigles_en")


def acronym_expansion(acronym: str, expansion: str, lang: str) -> str:
    """What an acronym stands for in `lang`: `expansion` as given (the glossary's French), or in
    English the shipped glossary's [sigles_en] one when `expansion` is the shipped French one (a
    workshop's own acronym, or its own meaning for one, keeps its words)."""
    if lang == "en" and expansion and _glossary_table("sigles").get(acronym) == expansion:
        return english_acronyms().get(acronym, expansion)
    return expansion


@cache
def _glossary_table(name: str) -> dict[str, str]:
    import tomllib

    from atelier.paths import resources_dir

    data = tomllib.loads((resources_dir() / "glossaire.toml").read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data.get(name, {}).items()}


def say_all(
    reasons: Iterable[Reason | str],
    lang: str | None = None,
    *,
    kind: bool = True,
    limit: int | None = None,
    names: bool = True,
    confirmed: bool = False,
    aim: bool = False,
) -> list[str]:
    """Each reason as a sentence, in order, each said once; `kind=False` leaves out the
    line saying what the resource is (offer, action, challenge) unless it names words.
    No reason at all (a match made by hand) says so. `names=False` (names hidden: the
    projector's private mode, anonymised documents, where each person stands as their
    structure): a need that cites a structure says the structure once (« … : Cité de l'emploi
    à Tarbes est là »), never its people replaced by it beside it (« Cité de l'emploi à
    Tarbes (Cité de l'emploi à Tarbes) est là »). `confirmed`: a match the facilitator
    decided, said without « à vérifier » (`say`). `aim`: the resource is an aim typed among
    actions (`aimed`), said as one (`say`)."""
    lines: list[str] = []
    seen: set[str] = set()
    given = list(reasons)
    side = _side_of(given)
    for reason in given:
        data = reason if isinstance(reason, Reason) else Reason(ReasonKind.TEXT, detail=reason)
        if not names and data.kind == ReasonKind.CITED and data.resource:
            data = replace(data, words=())
        if not kind:
            understood = legacy(data.detail) if data.kind == ReasonKind.TEXT else data
            if understood is not None and understood.kind in KIND_REASONS and not understood.words:
                continue
        line = say(data, lang, side, confirmed=confirmed, aim=aim)
        if line and line not in seen:
            seen.add(line)
            lines.append(line)
    if not given:
        lines.append(DECIDED[1 if _lang(lang) == "en" else 0])
    lines = _said_once(lines, lang)
    return lines[:limit] if limit is not None else lines


# « Le besoin et l'offre disent tous deux « … » » (`_SAME_WORDS`, `_SAME_ACRONYM`): its opening,
# then what both say.
_BOTH_SAY = re.compile(r"^((?:Le besoin et .+? disent tous deux|The need and .+? both say) )(.+)$")


def _said_once(lines: list[str], lang: str | None) -> list[str]:
    """Lines in a row that open the same way, each on what both sides say, said as one: « Le
    besoin et l'offre disent tous deux « recrutement » et « BTP » (bâtiment et travaux
    publics) », never the opening twice (« … « recrutement » · Le besoin et l'offre disent tous
    deux « BTP » (…) »)."""
    from atelier.french import join

    joined: list[str] = []
    openings: list[str] = []
    said: list[list[str]] = []
    for line in lines:
        found = _BOTH_SAY.match(line)
        if found and openings and openings[-1] == found.group(1):
            said[-1].append(found.group(2))
            continue
        joined.append(line)
        openings.append(found.group(1) if found else "")
        said.append([found.group(2)] if found else [])
    return [
        opening + join(words, _lang(lang)) if len(words) > 1 else line
        for line, opening, words in zip(joined, openings, said, strict=True)
    ]


def on_its_subject(reasons: Iterable[Reason | str]) -> bool:
    """Whether the reasons show the resource saying what the need is about: a word in common,
    an acronym. Not a theme of the glossary alone (« Garde d'enfants très tôt le matin » and
    « les parents voient encore l'usine… » share the theme « famille », not a challenge),
    meaning alone (« Seul lien : un sens voisin, à vérifier », « même sens »), related themes,
    a word inside an expression or an acronym's expansion, a structure the need names, nor no
    reason at all (a match made by hand): a challenge is called « le même défi » only when
    this holds, else only « a pour défi »."""
    for reason in reasons:
        data = reason if isinstance(reason, Reason) else Reason(ReasonKind.TEXT, detail=reason)
        if data.kind == ReasonKind.TEXT:
            data = legacy(data.detail) or data
        if data.kind in (*KIND_REASONS, ReasonKind.WORDS) and data.words:
            return True
        if data.kind == ReasonKind.ACRONYM or (
            data.kind == ReasonKind.WORDS and data.detail == RELATED_FORMS
        ):
            return True
    return False


# A word of a statement, as counted for « short »: letters or digits, two at least (« € »,
# « l' », « à » are none).
_WORD = re.compile(r"[^\W_]{2,}")
# How many words make a statement too short to be sure of on one word: « € budget »,
# « mobilité », « financement FSE ».
SHORT_STATEMENT = 2
# How many statements a grid holds before one word in common can be « très probable ». The
# levels (`confidence.LEVELS`) were read on labelled workshops of 81 to 156 statements, where a
# word two statements share and few others say weighs as rare; in a smaller grid every word is
# about as rare as any other (two statements: « financement » weighs as « permis »), and the
# engine reads a workshop's everyday vocabulary only from 3 × `engine.HERE_SHARE` statements:
# 60 (the engine imports this module: the figure is kept here, a test checks the two agree).
KNOWN_VOCABULARY = 60
_ONE_EACH = (ReasonKind.TOPIC, ReasonKind.ACRONYM, ReasonKind.NEIGHBOUR, ReasonKind.MEANING, ReasonKind.CITED)


# Who a statement is for, not what it is about: a public (« jeunes », « seniors », « femmes »,
# « demandeurs d'emploi »…), as a word in common writes it, lowercased. A need and a resource
# that share only this (« Mobilité des jeunes », « Accompagnement vers l'emploi des jeunes »)
# may be on two subjects.
PUBLICS = frozenset(
    f"{word}{plural}"
    for word in (
        "jeune",
        "senior",
        "femme",
        "homme",
        "adulte",
        "personne",
        "famille",
        "parent",
        "public",
        "élève",
        "habitant",
        "habitante",
        "salarié",
        "salariée",
        "allocataire",
        "bénéficiaire",
        "réfugié",
        "réfugiée",
        "migrant",
        "migrante",
        "étudiant",
        "étudiante",
        "chômeur",
        "chômeuse",
    )
    for plural in ("", "s")
) | {
    "gens",
    "jeunesse",
    "demandeur d'emploi",
    "demandeurs d'emploi",
    "demandeuse d'emploi",
    "demandeuses d'emploi",
}


def _public(word: str) -> bool:
    return word.strip().lower().replace("\u2019", "'") in PUBLICS


def one_word_of_a_short_statement(
    reasons: Iterable[Reason | str], need: str, resource: str, statements: int | None = None
) -> bool:
    """Whether what links a need and a resource is a single word (one word in common, one
    theme, one acronym, one pair close in meaning) and one of the two says two words or fewer,
    or whatever their length, that single word is a public (`PUBLICS`: « jeunes » alone links
    « Mobilité des jeunes » to « Accompagnement vers l'emploi des jeunes ») or an acronym alone
    (« SIAE », « CAF »: a kind of structure, a body, said by both about different things), or
    the grid holds fewer than KNOWN_VOCABULARY `statements` (the need's workshop's: « Aide au
    financement de projets » for « Financement du permis de conduire » in a grid of two):
    too little to be « très probable » (`confidence(thin=…)`). A reason that cannot be read
    (an older file's sentence) counts as more than one word: nothing is lowered on a guess.
    Measured on the labelled workshops (`benchmarks/bench_matching.py`): see its docstring."""
    short = min(len(_WORD.findall(need)), len(_WORD.findall(resource))) <= SHORT_STATEMENT
    small = statements is not None and statements < KNOWN_VOCABULARY
    links = 0
    generic = 0  # links that are a public or an acronym alone
    for reason in reasons:
        data = reason if isinstance(reason, Reason) else Reason(ReasonKind.TEXT, detail=reason)
        if data.kind == ReasonKind.TEXT:
            understood = legacy(data.detail)
            if understood is None:
                return False
            data = understood
        if data.kind == ReasonKind.WORDS and data.detail == RELATED_FORMS:
            links += 1  # one word each side, as when it was counted a word in common
            generic += _public(data.need) and _public(data.resource)
        elif data.kind in (*KIND_REASONS, ReasonKind.WORDS):
            for word in data.words:
                if _public(word):  # « demandeurs d'emploi »: one public, one link
                    links += 1
                    generic += 1
                else:
                    links += len(_WORD.findall(word))
        elif data.kind in _ONE_EACH:
            links += 1
            generic += data.kind == ReasonKind.ACRONYM
    # In a small grid, one link exactly: a match stored with no reasons (an older file's) says
    # nothing of what links it, and nothing is lowered on a guess.
    return (links <= 1 and (short or generic == links == 1)) or (small and links == 1)


def _side_of(reasons: Sequence[Reason | str]) -> ReasonKind:
    """What the resource is, as the list's kind line (or « offered at another workshop ») says."""
    for reason in reasons:
        if isinstance(reason, str):
            reason = legacy(reason) or Reason(ReasonKind.TEXT)
        if reason.kind in KIND_REASONS:
            return reason.kind
        if reason.kind == ReasonKind.EARLIER and reason.resource == str(ReasonKind.ACTION):
            return ReasonKind.ACTION
    return ReasonKind.OFFER


def helper_away(reasons: Iterable[Reason], away: str) -> list[Reason]:
    """A match's reasons as told when its helper's cell says they were not at their workshop
    (`Participant.away`: EXCUSED or ABSENT): « A proposé lors de l'atelier du 16 mars 2021 »
    would say they were there; it is said « Excusé·e à l'atelier du 16 mars 2021 (ressource
    notée dans sa grille) » (`_earlier`). The stored reasons are not changed."""
    if not away:
        return list(reasons)
    return [replace(r, need=away) if r.kind == ReasonKind.EARLIER else r for r in reasons]


# An EARLIER reason whose helper was not at that workshop (`helper_away`): its `need`.
_AWAY_SAID = {
    "excused": ("Excusé·e à l'atelier {when}", "Excused from the workshop {when}"),
    "absent": ("Absent·e à l'atelier {when}", "Absent from the workshop {when}"),
}


def _earlier(reason: Reason, language: str) -> str:
    """« A proposé lors de l'atelier du 16 mars 2021 » (« … de l'atelier « Titre » » undated);
    said at two: « … lors des ateliers du 16 mars 2021 et du 15 mars 2022 »; at more: « … lors
    de 3 ateliers, du 4 mai 2020 au 15 mars 2022 ». `words`: the other workshops the same
    person said it at (a date, or a title when undated)."""
    from atelier.french import long_date, typography, without_quotes

    offer = reason.resource != str(ReasonKind.ACTION)
    english = language == "en"
    if english:
        verb = "Offered" if offer else "Presented this action"
    else:
        verb = "A proposé" if offer else "A présenté cette action"
    dated = _ISO_DAY.match
    every = sorted(
        {reason.detail or reason.term, *reason.words} - {""},
        key=lambda w: (not dated(w), w),  # the dated in order, then the titled
    )

    def when(workshop: str) -> str:
        if dated(workshop):
            return ("of " if english else "du ") + long_date(workshop, language)
        title = without_quotes(workshop)  # « « Mobilité » » typed: quoted once
        return f"“{title}”" if english else f"« {title} »"

    if reason.need in _AWAY_SAID:  # not there: what they wrote is in that workshop's grid
        at = reason.detail or reason.term
        said = _AWAY_SAID[reason.need][1 if english else 0].format(when=when(at) if at else "")
        if english:
            return f"{said} ({'offer' if offer else 'action'} noted in its grid)".replace("  ", " ")
        return typography(f"{said} ({'ressource' if offer else 'action'} notée dans sa grille)", "fr")

    if len(every) <= 1:
        one = when(every[0]) if every else ""
        said = f"{verb} at the workshop {one}" if english else f"{verb} lors de l'atelier {one}"
    elif len(every) == 2:
        first, second = when(every[0]), when(every[1])
        if english:
            said = f"{verb} at the workshops {first} and {second.removeprefix('of ')}"
        else:
            said = f"{verb} lors des ateliers {first} et {second}"
    else:
        days = [w for w in every if dated(w)]
        span = ""
        if len(days) >= 2:
            start, end = long_date(days[0], language), long_date(days[-1], language)
            span = f", from {start} to {end}" if english else f", du {start} au {end}"
        said = (
            f"{verb} at {len(every)} workshops{span}"
            if english
            else f"{verb} lors de {len(every)} ateliers{span}"
        )
    return said.strip() if english else typography(said.strip(), "fr")


def _cited(reason: Reason, language: str) -> str:
    """« Le besoin cite « Cité de l'emploi » : Martine Colin Rabouan (Cité de l'emploi à
    Tarbes) est là » (English: "The need names “Cité de l'emploi”: … is here")."""
    from atelier.french import join

    people = join(reason.words, language)
    who = f"{people} ({reason.resource})" if people and reason.resource else people or reason.resource
    several = len([w for w in reason.words if w]) > 1
    if language == "en":
        return f"The need names {quoted(reason.term, 'en')}: {who} {'are' if several else 'is'} here"
    said = f"Le besoin cite {quoted(reason.term, 'fr')} : {who} {'sont' if several else 'est'} là"
    return typography(said, "fr")


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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
            # Two words at least 0.8 alike then (« connaissances » ≈ « compétences », 0.87):
            # « sens voisin » as written, never « même sens » (semantic.WORD_PAIR_MIN, 0.9).
            return Reason(ReasonKind.MEANING, need=groups[0], resource=groups[1], detail=NEAR_MEANING)
        if groups[0] is None:  # beside words or themes that link the two: one link more
            return Reason(ReasonKind.MEANING, detail=_BESIDE)
        return Reason(ReasonKind.MEANING)  # « sans mot en commun »: the only link
    return None

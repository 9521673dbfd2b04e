"""A first draft of the minutes' synthesis, from the whole grid (no Qt).

Used by the window's synthesis editor and by `atelier export` (a workshop whose synthesis
nobody typed gets this draft; one the facilitator wrote keeps theirs).

Themes are found, not listed in advance: every action, challenge and need is cut into
terms (words, their stems, phrases of two or three words such as « feuille de route »,
acronyms and their spelled-out forms, the glossary's families of near-synonyms). A term
that several participants use seeds a theme; the terms that go with it name it, in the
participants' own words; statements close to it in meaning (shared rare terms, and the
word vectors when they are installed) join it. Themes are written largest first, each
with who (and from which territory) does it, struggles with it or needs help on it, and
short quotes, always with their author.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from atelier.domain import ItemKind, MatchStatus
from atelier.french import count, join, plural

if TYPE_CHECKING:
    from atelier.matching.semantic import WordVectors

# What the drafter reads: atelier.exports.ExportData (the exports import this module, not
# the other way round).
ExportData = Any
# A suggestion this strong is shown to participants as a lead (« Pistes de mise en relation »);
# weaker ones stay in the Excel sheet, and their need counts as not yet answered.
LEAD_MIN = 0.12

# Grammar words: never a term, never the first or last word of a phrase.
GRAMMAR = frozenset(
    [
        "a",
        "à",
        "afin",
        "ai",
        "au",
        "aux",
        "avec",
        "avoir",
        "c",
        "ça",
        "ce",
        "ceci",
        "cela",
        "celle",
        "celles",
        "celui",
        "ces",
        "cet",
        "cette",
        "ceux",
        "chaque",
        "comme",
        "comment",
        "d",
        "dans",
        "de",
        "des",
        "donc",
        "dont",
        "du",
        "elle",
        "elles",
        "en",
        "entre",
        "est",
        "et",
        "être",
        "etc",
        "eux",
        "il",
        "ils",
        "j",
        "je",
        "l",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "lui",
        "m",
        "ma",
        "mais",
        "me",
        "même",
        "mes",
        "moi",
        "mon",
        "n",
        "ne",
        "ni",
        "nos",
        "notre",
        "nous",
        "on",
        "ont",
        "ou",
        "où",
        "par",
        "pas",
        "peu",
        "plus",
        "pour",
        "qu",
        "quand",
        "que",
        "quel",
        "quelle",
        "quelles",
        "quels",
        "qui",
        "quoi",
        "s",
        "sa",
        "sans",
        "se",
        "ses",
        "si",
        "son",
        "sont",
        "sous",
        "sur",
        "t",
        "ta",
        "te",
        "tes",
        "toi",
        "ton",
        "tous",
        "tout",
        "toute",
        "toutes",
        "très",
        "tu",
        "un",
        "une",
        "vos",
        "votre",
        "vous",
        "y",
        "faire",
        "fait",
        "font",
        "peut",
        "peuvent",
        "doit",
        "doivent",
        "avoir",
        "ayant",
        "été",
        "cas",
        "lors",
        "ainsi",
        "aussi",
        "alors",
        "car",
        "certains",
        "certaines",
        "autres",
        "autre",
        "déjà",
        "encore",
        "notamment",
        "également",
        "exemple",
        "ex",
        "type",
        "niveau",
        "moment",
        "façon",
        "manière",
        "mise",
        "mettre",
        "place",
        "cours",
        "via",
        "fin",
        "non",
        "bien",
        "mieux",
        "moins",
        "trop",
        "afin",
        "chez",
        "vers",
        "aller",
    ]
)
# Words that carry no topic of their own in a workshop grid (its meta vocabulary).
META = frozenset(
    [
        "besoin",
        "besoins",
        "ressource",
        "ressources",
        "question",
        "questions",
        "sujet",
        "sujets",
        "objectif",
        "objectifs",
        "enjeu",
        "enjeux",
        "problématique",
        "problématiques",
        "réussir",
        "parvenir",
        "travailler",
        "travail",
        "actions",
        "action",
        "démarche",
        "démarches",
        "projet",
        "projets",
        "dispositif",
        "dispositifs",
    ]
)
GRAMMAR = frozenset(
    _g
    for w in GRAMMAR
    for _g in (
        w,
        w.replace("à", "a")
        .replace("ç", "c")
        .replace("é", "e")
        .replace("è", "e")
        .replace("ê", "e")
        .replace("ù", "u")
        .replace("ô", "o"),
    )
)
META = frozenset(_m for w in META for _m in (w, w.replace("é", "e").replace("è", "e")))
KIND_LABEL = {
    ItemKind.ACTION: ("déjà engagé", "déjà engagé"),
    ItemKind.CHALLENGE: ("défi", "défis"),
    ItemKind.NEED: ("besoin", "besoins"),
}
THEME_KINDS = (ItemKind.ACTION, ItemKind.CHALLENGE, ItemKind.NEED)
QUOTE_WORDS = 12
_DEBUG = False
_ELISION = re.compile(r"\b(?:l|d|j|qu|n|s|c|m|t|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W_]+['’]|[^\W_]+(?:-[^\W_]+)*|[.;:!?()=>/+«»\"]|\s-\s", re.UNICODE)
_BREAK = set('.;:!?()=>/+«»"') | {" - "}


@dataclass(slots=True)
class Statement:
    id: str
    owner: str
    kind: ItemKind
    text: str
    terms: dict[str, str] = field(default_factory=dict)  # term -> as written here


@dataclass(slots=True)
class Theme:
    name: str
    terms: list[str]
    statements: list[Statement]

    @property
    def owners(self) -> list[str]:
        return list(dict.fromkeys(s.owner for s in self.statements))


# ------------------------------------------------------------------ terms


def _stem(word: str) -> str:
    from atelier.matching.text import fold_word, stem

    plain = fold_word(word)
    return stem(plain) if not plain.isdigit() else plain


def _fold(word: str) -> str:
    from atelier.matching.text import fold_word

    return fold_word(word)


def terms_of(text: str, analyzer: Any = None) -> dict[str, str]:
    """A statement's terms (stem keys) and how it wrote each: words, 2- and 3-word phrases
    (« feuille de route », « aller vers »), acronyms and glossary families."""
    plain = text.replace("œ", "oe")
    found: dict[str, str] = {}
    segment: list[tuple[str, str, bool, int, int]] = []  # (stem, as written, grammar word, span)

    def close_segment() -> None:
        for i, (key, written, grammar, _a, _b) in enumerate(segment):
            if grammar:
                continue
            is_acronym = len(written) > 1 and sum(c.isupper() for c in written) >= 2
            if (len(key) >= 3 or is_acronym) and _fold(written) not in META and not key.isdigit():
                found.setdefault(f"w:{key}", written)
            # Phrases: two or three content words, grammar words allowed between.
            content = [(i, key, written)]
            j = i + 1
            gap = 0
            while j < len(segment) and len(content) < 3 and gap <= 2:
                k, w, g, _a, _b = segment[j]
                if g:
                    gap += 1
                else:
                    content.append((j, k, w))
                    gap = 0
                    if len(content) >= 2:
                        keys = [c[1] for c in content]
                        if all(not c.isdigit() for c in keys):
                            start, end = content[0][0], content[-1][0]
                            words = text[segment[start][3] : segment[end][4]]
                            found.setdefault("p:" + " ".join(keys), words)
                j += 1
        segment.clear()

    for match in _TOKEN.finditer(plain):
        token = match.group(0)
        if token in _BREAK or token.strip() in _BREAK:
            close_segment()
            continue
        folded = _fold(token.rstrip("'’"))
        grammar = token[-1] in "'’" or folded in GRAMMAR or len(folded) < 2
        segment.append((_stem(token) if not grammar else folded, token, grammar, match.start(), match.end()))
    close_segment()
    if analyzer is not None:
        analysis = analyzer.analyze(text)
        for feature, written in analysis.surface.items():
            kind, _, value = feature.partition(":")
            if kind == "a":
                found[f"a:{value}"] = value
            elif kind == "f":
                found[f"f:{value}"] = written
    return found


# ------------------------------------------------------------------ themes


def find_themes(
    statements: Sequence[Statement],
    participants: int,
    *,
    vectors: WordVectors | None = None,
    most: int = 9,
    least_people: int = 2,
) -> list[Theme]:
    """Themes shared by several participants, largest first, each named by its own words."""
    people: dict[str, set[str]] = defaultdict(set)
    holders: dict[str, list[int]] = defaultdict(list)
    for index, statement in enumerate(statements):
        for term in statement.terms:
            people[term].add(statement.owner)
            holders[term].append(index)
    everyone = max(participants, 1)
    # A term half the room uses says nothing of any one theme (« emploi », « territoire »).
    common = {t for t, who in people.items() if len(who) > max(3, everyone * 0.45)}
    idf = {t: math.log((1 + len(statements)) / (1 + len(holders[t]))) + 1 for t in holders}

    def weight(term: str) -> float:
        kind = term[0]
        factor = {"w": 1.0, "p": 1.6, "a": 1.4, "f": 0.5}[kind]
        return factor * idf[term] * (0.15 if term in common else 1.0)

    vectors_of = _vectors(statements, weight)
    meaning = _meaning(statements, vectors) if vectors is not None else None
    themes: list[Theme] = []
    taken: list[set[int]] = []
    # Seeds: terms several participants use, the more specific the better (a rare phrase of
    # four participants makes a better theme than a word of half the room).
    seeds = []
    for term, indices in holders.items():
        if term in common or term[0] == "f":
            continue
        owners = {statements[i].owner for i in indices}
        if len(owners) < least_people:
            continue
        bonus = {"p": 2.0, "a": 1.6}.get(term[0], 1.0)
        kinds = {statements[i].kind for i in indices}
        spread = 1.0 + 0.2 * (len(kinds) - 1)  # done by some, a challenge or a need for others
        specific = math.log(1 + everyone / len(owners))
        seeds.append((len(owners) * specific * bonus * spread, term))
    seeds.sort(key=lambda s: (-s[0], s[1]))
    if _DEBUG:
        for score, term in seeds[:40]:
            print(f"{score:6.2f} {term} {sorted({statements[i].owner[:4] for i in holders[term]})}")
    for _score, seed in seeds:
        if len(themes) >= most:
            break
        members = list(dict.fromkeys(holders[seed]))
        centre = _centre([vectors_of[i] for i in members])
        # Close in meaning: shared rare terms (and word vectors) with the seed's statements.
        for i in range(len(statements)):
            if i in members:
                continue
            closeness = _cosine(vectors_of[i], centre)
            if meaning is not None:
                closeness = max(closeness, _dense_closeness(meaning, i, members) - 0.35)
            if closeness >= 0.3:
                members.append(i)
        group = set(members)
        core = set(holders[seed])
        # A theme much like one already written is the same theme.
        if any(len(core & other) / len(core | other) > 0.4 or core <= other for other in taken):
            continue
        chosen = [statements[i] for i in sorted(group)]
        if len({s.owner for s in chosen}) < least_people:
            continue
        taken.append(core)
        terms = _naming_terms(seed, chosen, holders, statements, common)
        name = _name([chosen_written(t, chosen) for t in terms])
        themes.append(Theme(name, terms, chosen))
    themes.sort(key=lambda t: (-len(t.owners), -len(t.statements)))
    return themes


def chosen_written(term: str, statements: Sequence[Statement]) -> str:
    written = Counter(s.terms[term] for s in statements if term in s.terms)
    text = written.most_common(1)[0][0] if written else term.split(":", 1)[1]
    return text if sum(c.isupper() for c in text) >= 2 else text.lower()


def _naming_terms(
    seed: str,
    chosen: Sequence[Statement],
    holders: dict[str, list[int]],
    statements: Sequence[Statement],
    common: set[str],
) -> list[str]:
    """The seed, then up to two terms most of the theme's people use too (not its parts)."""
    owners_by_term: dict[str, set[str]] = defaultdict(set)
    for statement in chosen:
        for term in statement.terms:
            owners_by_term[term].add(statement.owner)

    def words_of(term: str) -> set[str]:
        value = term.split(":", 1)[1]
        return {_stem(value)} if term[0] == "a" else set(value.split())

    seed_words = words_of(seed)
    if seed[0] == "w":
        # A word is better named by the phrase most of its people say it in (« réseau d'acteurs »).
        phrases = [
            t
            for t in owners_by_term
            if t[0] == "p" and seed_words <= set(t[2:].split()) and len(owners_by_term[t]) >= 2
        ]
        if phrases:
            seed = max(phrases, key=lambda t: (len(owners_by_term[t]), -len(t), t))
            seed_words = set(seed[2:].split())
    picked = [seed]
    total = len({s.owner for s in chosen})
    ranked = sorted(
        (t for t in owners_by_term if t != seed and t[0] in "pa" and t not in common),
        key=lambda t: (-len(owners_by_term[t]), t[0] != "p", t),
    )
    for term in ranked:
        if len(picked) >= 3 or len(owners_by_term[term]) < max(2, total // 2):
            break
        words = words_of(term)
        if words & seed_words or any(words & words_of(p) for p in picked):
            continue
        picked.append(term)
    return picked


def _name(words: Sequence[str]) -> str:
    text = ", ".join(dict.fromkeys(w for w in words if w))
    return text[:1].upper() + text[1:]


def _vectors(statements: Sequence[Statement], weight: Callable[[str], float]) -> list[dict[str, float]]:
    out = []
    for statement in statements:
        vector = {t: weight(t) for t in statement.terms}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        out.append({t: v / norm for t, v in vector.items()})
    return out


def _centre(vectors: Sequence[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = defaultdict(float)
    for vector in vectors:
        for term, value in vector.items():
            total[term] += value
    norm = math.sqrt(sum(v * v for v in total.values())) or 1.0
    return {t: v / norm for t, v in total.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _meaning(statements: Sequence[Statement], vectors: WordVectors) -> Any:
    from atelier.matching.text import tokens

    return vectors.sentences([[t.surface for t in tokens(s.text)] for s in statements])


def _dense_closeness(meaning: Any, index: int, members: Sequence[int]) -> float:
    centre = meaning[list(members)].mean(axis=0)
    norm = float((centre @ centre) ** 0.5) or 1.0
    return float(meaning[index] @ centre) / norm


# ------------------------------------------------------------------ writing


def shorten(text: str, term_words: Sequence[str] = (), limit: int = QUOTE_WORDS) -> str:
    """The part of a statement that carries the theme, word for word: at most `limit` words
    from the start of the clause that names the theme (« … » where it is cut)."""
    text = " ".join(text.split()).strip(" -•–=>")
    clauses = [c.strip(" -–=>,") for c in re.split(r"\s*(?:=>|>>|\s>\s|;|\.\s|\s-\s|\s=\s)\s*", text)]
    clauses = [c for c in clauses if c]
    if not clauses:
        return text
    folded = [_fold(w) for w in term_words]
    best = clauses[0]
    for clause in clauses:
        if any(w and w in _fold(clause) for w in folded):
            best = clause
            break
    start = max(0, text.find(best))
    rest = text[start:]
    words = rest.split()
    # The clause alone when it says enough; else on into the next words, up to the limit.
    clause_words = best.split()
    if 5 <= len(clause_words) <= limit:
        return best.rstrip(" .,;:")
    cut = len(words) > limit
    short = " ".join(words[:limit]).rstrip(" ,;:(-=>.")
    return short + ("…" if cut else "")


@dataclass(slots=True)
class Draft:
    sections: list[tuple[str, str]]
    themes: list[Theme]


def draft(data: ExportData, *, vectors: WordVectors | None = None) -> Draft:
    """The synthesis' sections (heading, text): « - » lines are bullets."""
    from atelier.matching.engine import Analyzer
    from atelier.matching.text import default_glossary

    analyzer = Analyzer(default_glossary())
    who = short_names(data)
    place = {p.id: p.territory for p in data.participants}
    entries = data.entries
    statements = [
        Statement(e.id, e.participant_id, e.kind, e.text, terms_of(e.text, analyzer))
        for e in entries
        if e.kind in THEME_KINDS and e.text.strip()
    ]
    themes = find_themes(statements, len(data.participants), vectors=vectors)
    sections: list[tuple[str, str]] = [("Le contexte", _context(data))]
    quoted: set[str] = set()
    for theme in themes:
        sections.append((theme.name, _theme_text(theme, who, place, quoted)))
    offers = _offers(data)
    if offers:
        sections.append(("Ce que la salle peut apporter", offers))
    unanswered = _unanswered(data)
    if unanswered:
        sections.append(("Les besoins encore sans réponse", unanswered))
    sections.append(("Qui peut aider qui", _matches(data)))
    return Draft(sections, themes)


def drafted_sections(data: ExportData, *, vectors: WordVectors | None = None) -> list[tuple[str, str]]:
    return draft(data, vectors=vectors).sections


def short_names(data: ExportData) -> dict[str, str]:
    """How the synthesis names a participant: their structure when no one else has it (the
    full « names / structure » otherwise, and always the anonymised label when anonymised)."""
    if data.anonymised:
        return dict(data.who)
    structures = Counter(p.organisation for p in data.participants if p.organisation)
    return {
        p.id: p.organisation if p.organisation and structures[p.organisation] == 1 else data.who[p.id]
        for p in data.participants
    }


def _sentences_without_table(description: str) -> str:
    """The grid's intro, without what speaks of the table it stood above."""
    parts = re.split(r"(?<=[.!?])\s+", description.strip())
    kept = [p for p in parts if p and not re.search(r"\b(ce|le|du|dans ce) tableau\b", p, re.IGNORECASE)]
    return " ".join(kept)


def _context(data: ExportData) -> str:
    territories = data.territories()
    counts = {k: sum(1 for e in data.entries if e.kind == k) for k in ItemKind}
    opening = count(len(data.participants), "participant", lang="fr")
    if territories:
        opening += f", venus de {count(len(territories), 'territoire', lang='fr')},"
    text = (
        f"{opening} {plural(len(data.participants), 'a', 'ont', lang='fr')} présenté "
        "où en est leur territoire, "
        f"leurs actions ({counts[ItemKind.ACTION]}), leurs défis ({counts[ItemKind.CHALLENGE]}), "
        f"leurs besoins de ressources ({counts[ItemKind.NEED]}) et ce sur quoi ils peuvent être ressource "
        f"({counts[ItemKind.OFFER]}). La grille complète figure en annexe."
    )
    return text


def _who_list(owners: Sequence[str], who: dict[str, str], place: dict[str, str]) -> str:
    named = []
    for owner in owners:
        label = who[owner]
        territory = place.get(owner, "")
        if territory and _fold(territory) not in _fold(label):
            label += f" ({territory})"
        named.append(label)
    return join(named, lang="fr")


def _theme_text(
    theme: Theme, who: dict[str, str], place: dict[str, str], quoted: set[str] | None = None
) -> str:
    quoted = quoted if quoted is not None else set()
    owners = theme.owners
    words = [w for t in theme.terms for w in t.split(":", 1)[1].split()]
    written = [chosen_written(t, theme.statements) for t in theme.terms]
    lines = [f"{count(len(owners), 'participant', lang='fr')} : {_who_list(owners, who, place)}."]
    for kind in THEME_KINDS:
        found = [s for s in theme.statements if s.kind == kind]
        if not found:
            continue
        # One quote per participant, at most four, the first statement of each.
        seen: set[str] = set()
        quotes: list[str] = []
        # Each participant's statement not yet quoted in another theme, if they have one.
        found.sort(key=lambda s: s.id in quoted)
        for statement in found:
            if statement.owner in seen:
                continue
            seen.add(statement.owner)
            if len(quotes) < 3:
                quoted.add(statement.id)
            quote = shorten(statement.text, written + words)
            quotes.append(f"« {quote} » ({who[statement.owner]})")
        shown = quotes[:3]
        more = len(quotes) - len(shown)
        singular, plural_form = KIND_LABEL[kind]
        label = plural(len(seen), singular, plural_form, lang="fr")
        line = f"- {label[:1].upper() + label[1:]} : " + " ; ".join(shown)
        if more > 0:
            line += f" ; et {count(more, 'autre participant', 'autres participants', lang='fr')}"
        lines.append(line + ".")
    return "\n".join(lines)


def _offers(data: ExportData) -> str:
    who = short_names(data)
    lines = []
    for participant in data.participants:
        offers = [
            e.text for e in data.entries if e.participant_id == participant.id and e.kind == ItemKind.OFFER
        ]
        if offers:
            shown = " ; ".join(shorten(o, limit=10) for o in offers)
            lines.append(f"- {who[participant.id]} : {shown}.")
    if not lines:
        return ""
    verb = plural(len(lines), "propose", "proposent", lang="fr")
    head = f"{count(len(lines), 'participant', lang='fr')} {verb} d'être ressource :"
    return head + "\n" + "\n".join(lines)


def _unanswered(data: ExportData) -> str:
    answered = {
        (m.need_who, m.need) for m in data.matches if m.score >= LEAD_MIN or m.status != MatchStatus.SUGGESTED
    }
    lines = []
    for entry in data.entries:
        if entry.kind != ItemKind.NEED:
            continue
        who = data.who[entry.participant_id]
        if (who, entry.text) not in answered:
            lines.append(f"- « {shorten(entry.text)} » ({who})")
    if not lines:
        return ""
    head = (
        f"{count(len(lines), 'besoin', lang='fr')} "
        f"{plural(len(lines), 'n’a', 'n’ont', lang='fr')} pas encore trouvé de ressource dans la salle :"
    )
    return head + "\n" + "\n".join(lines)


def _matches(data: ExportData) -> str:
    made = [m for m in data.matches if m.status != MatchStatus.SUGGESTED]
    leads = {
        (m.need_who, m.need)
        for m in data.matches
        if m.status == MatchStatus.SUGGESTED and m.score >= LEAD_MIN
    }
    leads -= {(m.need_who, m.need) for m in made}
    parts = []
    if made:
        parts.append(
            f"{count(len(made), 'mise en relation décidée', 'mises en relation décidées', lang='fr')} "
            "pendant l'atelier :"
        )
        for m in made:
            parts.append(f"- {m.need_who} ← {m.resource_who} : « {shorten(m.resource, limit=12)} »")
    else:
        parts.append("Aucune mise en relation n'a été décidée pendant l'atelier.")
    if leads:
        parts.append(
            f"{count(len(leads), 'autre besoin', 'autres besoins', lang='fr')} "
            f"{plural(len(leads), 'a', 'ont', lang='fr')} une piste de mise en relation, "
            "détaillée dans « Pistes de mise en relation »."
        )
    return "\n".join(parts)

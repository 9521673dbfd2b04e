"""A statement's terms: words, their stems, phrases of two or three words, acronyms and the
glossary's families (no Qt). The drafter groups statements and names groups with them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

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
_ELISION = re.compile(r"\b(?:l|d|j|qu|n|s|c|m|t|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W_]+['’]|[^\W_]+(?:-[^\W_]+)*|[.,;:!?()=>/+«»\"]|\s-\s", re.UNICODE)
_BREAK = set('.,;:!?()=>/+«»"') | {" - "}


def _stem(word: str) -> str:
    from atelier.matching.text import fold_word, stem

    plain = fold_word(word)
    return stem(plain) if not plain.isdigit() else plain


def _fold(word: str) -> str:
    from atelier.matching.text import fold_word

    return fold_word(word)


def terms_of(text: str, analyzer: Any = None) -> dict[str, str]:
    """A statement's terms (stem keys) and how it wrote each: words, 2- and 3-word phrases
    (« feuille de route », « aller vers »), acronyms and glossary families. Not the words of
    what it denies (`french.affirmed`): « pas de crise de recrutement chez nous » is no term of
    « crise » or « recrutement »."""
    from atelier.french import affirmed

    text = affirmed(text)
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
                found[f"f:{value}"] = _as_written(text, written)
    return found


def _as_written(text: str, words: str) -> str:
    """The span of `text` that `words` (tokens joined by spaces, elisions dropped) came
    from: « cités emploi » → « cités de l'emploi »."""
    parts = words.split()
    if len(parts) < 2:
        return words
    gap = r"[\s'’-]+(?:[^\W\d_]{1,3}['’]\s*|[^\W\d_]{1,3}\s+)*"
    found = re.search(gap.join(re.escape(p) for p in parts), text, re.IGNORECASE)
    return found.group(0) if found else words


@lru_cache(maxsize=100_000)
def fold_plain(word: str) -> str:
    """Lower case, no accents, no plural « s » or « x », « œ » spelled out: how two
    spellings of one word are compared (« Entreprises » = « entreprise »)."""
    plain = _fold(word.replace("œ", "oe").replace("Œ", "OE")).strip(" .,;:!?'’\"«»()")
    if len(plain) > 3 and plain[-1] in "sx" and not plain.endswith("ss"):
        plain = plain[:-1]
    return plain


def names_no_subject(label: str, said: str) -> bool:
    """Whether the label before « : » names no subject of its own, so that the words after it
    can be cited without it: only words of the grid's kind (« Objectifs : », « Enjeu : »), or
    words those after it say again (« Crise : accompagnement … suite à la crise »). « Mobilité
    des jeunes : pas de transport le soir », « TZCLD : 1 en expérimentation » are not: without
    their label the words lose what they are about."""
    words = [fold_plain(w) for w in re.findall(r"[^\W_]+", label)]
    topic = [w for w in words if len(w) > 2 and w not in GRAMMAR]
    meta = {fold_plain(m) for m in META}
    after = {fold_plain(w) for w in re.findall(r"[^\W_]+", said)}
    return all(w in meta or w in after for w in topic)


# ------------------------------------------------------------------ quoting

# « M. », « Mme. », « Mlle. », « Dr. » end no sentence (« contacter M. Dupuis pour le local »),
# nor « cat. », « cf. », « ex. », « env. », « pers. », « hab. » (« 3 800 DEFM cat. A sur le
# bassin », « présence en baisse (12 pers. à la dernière) »).
_NOT_AN_END = (
    r"(?<!\bM\.)(?<!\bMme\.)(?<!\bMlle\.)(?<!\bDr\.)"
    r"(?<!\bcat\.)(?<!\bCat\.)(?<!\bcf\.)(?<!\bex\.)(?<!\bEx\.)(?<!\benv\.)"
    r"(?<!\bpers\.)(?<!\bhab\.)(?<!\bmax\.)(?<!\bmin\.)(?<!\bnb\.)(?<!\bapprox\.)"
)
_CLAUSE = re.compile(r"\s*(?:=>|>>|\s>\s|;|(?<=[.?!])" + _NOT_AN_END + r"\s|\s-\s|\s=\s)\s*")
# « qui pensent que handicap = fauteuil roulant » : an « = » inside a clause « que » opened is
# what the clause says (an equation), not where it ends; cut there, the piece stops mid-way.
_OPEN_THAT = re.compile(r"(?:^|\s)(?:que|qu['’]\S*)(?:\s+\S+){1,3}\s*$", re.IGNORECASE)


def clause_cuts(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Where `pattern` cuts `text` into clauses, but never at an « = » a clause still open
    holds (« … pensent que handicap = fauteuil roulant ? »)."""
    return [
        cut
        for cut in pattern.finditer(text)
        if cut.group().strip() != "=" or not _OPEN_THAT.search(text[max(0, cut.start() - 80) : cut.start()])
    ]


def _clauses(text: str) -> list[str]:
    """`text` cut into its clauses (`_CLAUSE`), an « = » inside a clause kept (`clause_cuts`)."""
    out, at = [], 0
    for cut in clause_cuts(_CLAUSE, text):
        out.append(text[at : cut.start()])
        at = cut.end()
    return [*out, text[at:]]


_LEAD_IN = re.compile(r"^(?:[-–•=>\s]+|[A-Za-zÀ-ÿ' ]{3,24}\s:\s)")


def unmarked(text: str, marks: str = " -•–=>") -> str:
    """`text` without the bullets and arrows around it (`marks`), but a minus sign kept:
    « -15 % de délais » is a fall, never « 15 % de délais »."""
    text = text.rstrip(marks)
    lead = "".join(re.escape(m) for m in marks if m != "-")
    return re.sub(rf"^(?:[{lead}]|-(?!\d))+", "", text)


# Adjectives that go before their noun (« la bonne personne »): a piece never ends on them.
# Not « seul », as often after it (« les mères seules »).
_BEFORE_THEIR_NOUN = frozenset(
    fold_plain(w)
    for w in ["bon", "bonne", "bons", "bonnes", "grand", "grande", "grands", "grandes", "petit", "petite"]
    + ["petits", "petites", "nouveau", "nouvel", "nouvelle", "nouveaux", "nouvelles", "même", "mêmes"]
    + ["premier", "première", "premiers", "premières", "dernier"]
    + ["dernière", "derniers", "dernières", "meilleur", "meilleure", "meilleurs", "meilleures", "gros"]
    + ["grosse", "grosses", "vrai", "vraie", "vrais", "vraies", "mauvais", "mauvaise", "mauvaises"]
)
# Words that open a clause: a piece cut inside the clause leaves it hanging.
_OPENS_A_CLAUSE = frozenset(
    fold_plain(w)
    for w in [
        "parce",
        "puisque",
        "car",
        "lorsque",
        "lorsqu",
        "quand",
        "qui",
        "que",
        "qu",
        "dont",
        "afin",
        "alors",
    ]
)


def quote(text: str, focus: Sequence[str] = (), limit: int = 22) -> str:
    """Words of a statement, as written, that carry what `focus` names: the clause that
    says it (and the ones after it while they fit), at most `limit` words; « … » where
    it is cut. Always a piece of the statement itself (the attribution checks rely on it)."""
    text = unmarked(" ".join(text.split()))
    if len(text.split()) <= limit + 4:
        return text.rstrip(" ,;:(-=>")
    clauses = [c for c in _clauses(text) if c.strip(" -–=>,")]
    if not clauses:
        return text
    # A phrase is found by its first word (« éloignés de l'emploi » → « éloignés »).
    folded = [fold_plain(re.split(r"[\s'’]+", f.strip())[0]) for f in focus if f and f.strip()]
    start_clause = 0
    for index, clause in enumerate(clauses):
        plain = " ".join(fold_plain(w) for w in clause.split())
        if any(f and f in plain for f in folded):
            start_clause = index
            break
    first = unmarked(clauses[start_clause], " -–=>,")
    # A short label before « : » that names no subject (« objectifs : », « Crise : … la
    # crise ») is not what was said; one that does (« Mobilité des jeunes : ») stays.
    label = re.match(r"^([^:]{2,24})\s:\s(.+)$", first)
    if (
        label
        and len(label.group(1).split()) <= 2
        and not any(f in fold_plain(label.group(1)) for f in folded)
        and names_no_subject(label.group(1), label.group(2))
    ):
        first = label.group(2)
    at = text.find(first, text.find(clauses[start_clause]))
    rest = text[at:] if at >= 0 else first
    words = rest.split()
    # The clause alone when it says enough; else on into the next clauses, up to the limit.
    clause_words = first.split()
    if len(clause_words) >= 6 or len(words) <= len(clause_words):
        words = clause_words
        if len(words) <= limit + 3:
            return " ".join(words).rstrip(" ,;:(-=>")
    if len(words) <= limit:
        return " ".join(words).rstrip(" ,;:(-=>")
    lead = ""
    plain_words = [fold_plain(w) for w in words]
    where = next((n for n, w in enumerate(plain_words) if any(f and f in w for f in folded)), 0)
    if where > limit // 2:
        # The focus is far into a long run: start where a phrase starts (a capital after a
        # lost full stop, after a comma), early enough to keep some words before it.
        earliest = max(0, where - limit + 4)

        def starts_phrase(n: int) -> bool:
            return (
                n == 0
                or words[n - 1].endswith((",", ".", ";", ":"))
                or (
                    words[n][:1].isupper()
                    and not words[n].isupper()
                    and sum(c.isupper() for c in words[n]) == 1
                )
            )

        start = next((n for n in range(earliest, where + 1) if starts_phrase(n)), None)
        if start is None:
            # No phrase starts there: the clause's start a few words before, when the clause
            # still fits (« le salaire ne couvre pas l'essence et la nounou », never « […] ne
            # couvre pas… »: what does not cover it cut off).
            start = next(
                (n for n in range(earliest - 1, max(0, where - limit - 3) - 1, -1) if starts_phrase(n)),
                None,
            )
            if start is not None and len(words) - start <= limit + 3:
                limit = len(words) - start
            else:
                start = earliest
        words, lead = words[start:], ("…" if start > 0 else "")
    if len(words) <= limit:
        return lead + " ".join(words).rstrip(" ,;:(-=>")
    cut = words[:limit]
    # End on a comma's pause when there is one in the last third, not mid-phrase.
    for back in range(len(cut) - 1, int(limit * 0.6), -1):
        if cut[back].endswith(","):
            cut = cut[: back + 1]
            break
    else:
        # Else before a clause it would leave hanging (« refusent une alternance | parce
        # qu'ils n'ont… »: the reason opened, never said), when enough words stay before it.
        for back in range(len(cut) - 1, int(limit * 0.6), -1):
            if fold_plain(re.split(r"['’]", cut[back])[0]) in _OPENS_A_CLAUSE:
                cut = cut[:back]
                while len(cut) > 1 and fold_plain(cut[-1]) in _OPENS_A_CLAUSE:
                    cut.pop()  # « parce | qu'ils », « alors | que »: the whole conjunction
                break
    # Never on a little word, nor on a figure whose unit is cut off (« 3 ha : 18… »: 18 what?),
    # nor on a sign (« à + de 3 mois »: « à +… »).
    while len(cut) > 1 and (
        fold_plain(cut[-1]) in GRAMMAR | {"et", "ou"} | _BEFORE_THEIR_NOUN
        or re.fullmatch(r"[\d.,]+[:;,]?|[^\w«»()]+", cut[-1])
    ):
        cut.pop()
    said = _before_open_aside(" ".join(cut))
    return lead + said.rstrip(" ,;:(-=>") + "…"


def _before_open_aside(words: str) -> str:
    """Words cut off inside an aside they open (« besoins de connaissances (de ce qu'il se fait
    localement »): the words before it, when two at least, never a bracket left open."""
    depth, opened = 0, -1
    for at, character in enumerate(words):
        if character == "(":
            depth += 1
            if depth == 1:
                opened = at
        elif character == ")" and depth:
            depth -= 1
    if not depth:
        return words
    before = words[:opened].rstrip(" ,;:(-=>")
    return before if len(before.split()) >= 2 else words


# ------------------------------------------------------------------ pieces

_PIECE_SPLIT = re.compile(r"\s*(?:=>|>>|\s>\s|;|(?<=[.?!])" + _NOT_AN_END + r"\s+|\s-\s|\s=\s)\s*")
_HOW = re.compile(r"^comment\s+", re.IGNORECASE)
_HOW_TO = re.compile(r"^comment\s+faire\s+(?:pour|en\s+sorte|que|qu['’])", re.IGNORECASE)
_LABEL = re.compile(r"^([^:]{2,30}?)\s?:\s(.+)$")
FIRST_PERSON = frozenset(["je", "j", "nous", "nos", "notre", "mon", "ma", "mes", "on", "moi"])
# Words a piece of a list cannot start with (it would lean on what the statement said before).
_LEANING = frozenset(
    [
        "il",
        "ils",
        "elle",
        "elles",
        "on",
        "nous",
        "vous",
        "je",
        "j",
        "ce",
        "cela",
        "ça",
        "c",
        "qui",
        "que",
        "qu",
        "dont",
        "et",
        "ou",
        "mais",
        "car",
        "donc",
        "si",
        "pour",
        "puis",
        "sinon",
        "celle",
        "celui",
        "ceux",
        "celles",
        "y",
        "en",
    ]
)
# Words that point at what the statement said before (« ce groupement », « celles-ci »).
_POINTING = frozenset(["ce", "cet", "cette", "ces", "celui", "celle", "ceux", "celles", "ci"])
# Nouns (and a few adjectives) that end like an infinitive.
_NOT_VERBS = frozenset(
    fold_plain(w)
    for w in [
        "atelier",
        "métier",
        "chantier",
        "quartier",
        "dossier",
        "foyer",
        "loyer",
        "premier",
        "dernier",
        "fichier",
        "levier",
        "calendrier",
        "panier",
        "papier",
        "cahier",
        "particulier",
        "entier",
        "hiver",
        "hier",
        "fer",
        "mer",
        "cher",
        "collier",
        "conseiller",
        "officier",
        "ouvrier",
        "routier",
        "fermier",
        "boucher",
        "boulanger",
        "berger",
        "étranger",
        "danger",
        "avenir",
        "loisir",
        "plaisir",
        "désir",
        "souvenir",
        "saphir",
        "soupir",
        "cadre",
        "ordre",
        "poudre",
        "foudre",
        "lettre",
        "mètre",
        "maître",
        "centre",
        "titre",
        "autre",
        "contre",
        "entre",
        "notre",
        "votre",
        "cendre",
        "gendre",
        "méandre",
        "cylindre",
        "affaire",
        "sourire",
        "empire",
        "navire",
        "délire",
    ]
)
# Verbs in « -aire » are few (faire, plaire, taire, traire and their compounds); the many
# nouns and adjectives in « -aire » are not verbs (« sanitaire », « exemplaire », « contraire »).
_RE_VERB = re.compile(
    r"(?:uire|crire|dire|lire|^(?:|dé|re|satis|contre|par|sur)faire|^(?:|dé|com)plaire|^taire|"
    r"^(?:|ex|dis|sous|abs|re)traire|ndre|ttre|a[iî]tre|o[iî]tre|vivre|"
    r"suivre|clure|boire|croire|rire|suffire|soudre|moudre|coudre)$"
)
_OIR_VERB = re.compile(
    r"(?:avoir|pouvoir|vouloir|savoir|voir|devoir|cevoir|mouvoir|valoir|falloir|pleuvoir|seoir)$"
)


def is_infinitive(word: str) -> bool:
    """Whether a French word reads as an infinitive (« travailler », « soutenir », « inclure »,
    « avoir »), not a noun that ends like one (« atelier », « avenir », « centre »)."""
    plain = word.strip(" .,;:!?«»\"'’").lower()
    if len(plain) < 4 or not plain.isalpha() or fold_plain(plain) in _NOT_VERBS:
        return False
    if plain.endswith("oir"):
        return bool(_OIR_VERB.search(plain))
    if plain.endswith(("er", "ir")):
        return True
    return plain.endswith("re") and bool(_RE_VERB.search(plain))


def piece(
    text: str, focus: Sequence[str] = (), limit: int = 10, known: frozenset[str] = frozenset()
) -> tuple[str, bool]:
    """A short piece of a statement, as written, to cite in a sentence: the clause that says
    `focus` (the whole statement when short), at most `limit` words (« … » where cut), and
    whether it must be shown between guillemets: when it is said in the first person, holds
    more than one sentence, a colon or guillemets, or leans on what came before it. A piece
    shown bare reads as part of the sentence (« gérer la concurrence entre structures »,
    from « comment gérer la concurrence entre structures ? »). Always words of the statement
    itself (the attribution checks rely on it). With `known` (word stems the sentence already
    says), a clause that adds something to them goes first."""
    from atelier.matching.text import tokens

    text = unmarked(" ".join(text.split()))
    phrases = [f.strip() for f in focus if f and f.strip()]
    folded = [fold_plain(re.split(r"[\s'’]+", f)[0]) for f in phrases]

    def says_focus(part: str) -> int:
        plain = " ".join(fold_plain(w) for w in part.split())
        return sum(1 for f in folded if f and f in plain)

    def cleaned(part: str) -> str:
        part = unmarked(part, " -–=>,").rstrip(" :")
        label = _LABEL.match(part)
        if (
            label
            and len(label.group(1).split()) <= 3
            and not says_focus(label.group(1))
            and names_no_subject(label.group(1), label.group(2))
        ):
            part = label.group(2)  # « objectifs : … », « Crise : … la crise »: a label, not what was said
        how = _HOW.match(part)
        # Not « comment faire pour que… ? »: « faire pour que les services travaillent… » is
        # half a sentence; the question stays whole.
        if how and is_infinitive(part[how.end() :].split(" ", 1)[0]) and not _HOW_TO.match(part):
            part = part[how.end() :].rstrip(" ?")  # « comment gérer… ? »: what to do
        return part

    # Clauses, as spans of the text; and two clauses in a row when they fit together
    # (« Changement de majorité à Poitiers. Feuille de route non stabilisée »).
    spans, at = [], 0
    for cut in [*clause_cuts(_PIECE_SPLIT, text), None]:
        end = cut.start() if cut is not None else len(text)
        if end > at:
            spans.append((at, end))
        at = cut.end() if cut is not None else at
    parts = [cleaned(text[a:b]) for a, b in spans]
    pairs = [cleaned(text[a:d]) for (a, _b), (_c, d) in zip(spans, spans[1:], strict=False)]
    whole = cleaned(text)
    candidates = [p for p in dict.fromkeys(parts) if len(p.split()) >= 2]
    candidates += [p for p in pairs if len(p.split()) <= limit and p not in candidates]
    if len(parts) > 1 and len(whole.split()) <= limit and whole not in candidates:
        candidates.append(whole)  # a short statement of several clauses: all of it
    if not candidates:
        candidates = [whole]

    def rank(part: str) -> tuple[int, bool, bool, bool, int]:
        words = len(part.split())
        adds = len({t.stem for t in tokens(part)} - known) >= 2
        return (
            says_focus(part),
            words <= limit,
            adds,
            not _must_quote(part),
            -abs(min(words, limit) - limit),
        )

    best = max(candidates, key=rank)
    if len(best.split()) > limit:
        # From its start when the focus is said early enough (a few words more than the
        # limit rather than a piece that starts mid-phrase); else around the focus.
        # The first word that says the focus (a focus word has no space: it lies within one
        # word), each word folded once: linear in the statement, which may be pages long.
        words = best.split()
        at = next(
            (n for n, word in enumerate(words) if any(f and f in fold_plain(word) for f in folded)),
            len(words),
        )
        # The whole of the focus phrase that starts there (« non pourvues »: never cut after
        # « non », nor before it, which leaves « des offres… » of a recruiting challenge).
        said = max(
            (
                len(p.split())
                for p, f in zip(phrases, folded, strict=True)
                if at < len(words) and f in fold_plain(words[at])
            ),
            default=1,
        )
        best = quote(best, (), max(limit, at + said)) if at < limit + 5 else quote(best, focus, limit)
    best = best.rstrip(" ,;:(-=>")
    if best.endswith(".") and not best.endswith("..."):
        best = best[:-1]
    return best, _must_quote(best)


# A short label a quote may keep before its words (« Objet de l'étude : »).
_SHORT_LABEL = re.compile(r"^[^:]{2,30}?\s?:\s*$")


def marked_cuts(text: str, shown: str) -> str:
    """`shown`, a piece of the statement `text` to put between guillemets, as the statement
    says it: a question kept whole (« comment transformer … ? », never « transformer … »
    stated), a short label before it kept (« Objet de l'étude : identifier … ? »), and
    « […] » where other words of the statement are left out, before or after it."""
    whole = unmarked(" ".join(text.split()))
    core = shown.strip()
    if core.startswith("…"):
        core = core[1:].strip()
    if core.endswith("…") and not core.endswith("..."):
        core = core[:-1].strip()
    at = whole.casefold().find(core.casefold())
    if not core or at < 0:
        return shown
    end = at + len(core)
    before, after = whole[:at], whole[end:]
    how = re.search(r"(?:^|\s)(comment\s+)$", before, re.IGNORECASE)
    if how:
        at -= len(how.group(1))
        before = whole[:at]
    if _SHORT_LABEL.match(before) and len(before.split()) <= 4:
        at, before = 0, ""
    mark = re.match(r"^\s*[?!]+", after)
    if mark:
        end += mark.end()
        after = whole[end:]
    quoted = whole[at:end]
    if before.strip(" -–•=>,;:."):
        quoted = "[…] " + quoted
    if after.strip(" -–•=>,;:.…"):
        quoted = quoted.rstrip(" ,;:(-=>") + " […]"
    return quoted


# Words between straight apostrophes used as quotation marks (« image du secteur ('un métier
# de dockers') »), never an elision (« l'emploi », « aujourd'hui »).
SINGLE_QUOTED = re.compile(r"(?<![\w'])'([^'\n]*[^\s'])'(?![\w'])")


def _must_quote(text: str) -> bool:
    words = [w.strip('.,;:!?()«»"').lower() for w in re.split(r"[\s'’\-]+", text) if w]
    if not words or set(words) & (FIRST_PERSON | _POINTING) or words[0] in _LEANING:
        return True
    if SINGLE_QUOTED.search(text):
        return True  # words the participant quotes: their words, quoted
    if any(mark in text for mark in (":", ";", "«", "»", '"', "“", "”")):
        return True
    if (
        re.search(r"[.?!]" + _NOT_AN_END + r"\s+\S", text)
        or text.startswith("…")
        or text.endswith(("?", "!"))
    ):
        return True
    return text.count("(") != text.count(")")

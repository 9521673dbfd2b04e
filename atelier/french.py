"""French wording, written once: plurals, agreement, lists of names, typography, accent folding.

Everything Atelier puts in front of people (window, projector, minutes, Excel, command line)
counts and joins words through these functions, so that « 1 mise en relation »,
« 2 participants cherchent » and « Zoé et Loïc cherchent » agree everywhere, and French
text gets its non-breaking spaces (« », : ; ! ?) before it reaches a page or a screen.

English is handled too (the interface's other language): `lang` defaults to the user's.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from os.path import commonprefix

from atelier.i18n import without_quotes as without_quotes  # the messages' too: one code path
from atelier.lazy import regex

NBSP = "\u00a0"  # espace insécable: before « : » and inside guillemets
NNBSP = "\u202f"  # espace fine insécable: before ; ! ? and between thousands


def _lang(lang: str | None) -> str:
    if lang:
        return lang
    from atelier.i18n import current_language

    return current_language()


def is_plural(count: int, lang: str | None = None) -> bool:
    """French treats 0 and 1 as singular (« 0 participant »); English only 1."""
    if _lang(lang) == "fr":
        return abs(count) >= 2
    return abs(count) != 1


def plural(count: int, singular: str, plural_form: str | None = None, lang: str | None = None) -> str:
    """The noun (or verb, or adjective) that agrees with `count`, without the number."""
    if not is_plural(count, lang):
        return singular
    return plural_form if plural_form is not None else singular + "s"


def count(number: int, singular: str, plural_form: str | None = None, lang: str | None = None) -> str:
    """« 1 mise en relation », « 3 mises en relation », « 1 200 participants »."""
    return f"{format_number(number, lang)} {plural(number, singular, plural_form, lang)}"


def counted(number: int, key: str, lang: str | None = None, **params: object) -> str:
    """A phrase of the message catalogue (atelier.i18n.COUNTED) that holds a number, in the
    form the number takes: « 1 défi », « 0 confirmée », « 3 entrées ajoutées », « (le premier
    ci-dessous) »; English « 0 challenges », « 1 challenge »."""
    from atelier.i18n import counted_message

    lang = _lang(lang)
    return counted_message(key, is_plural(number, lang), lang, n=format_number(number, lang), **params)


def format_number(number: int, lang: str | None = None) -> str:
    """Thousands apart as each language writes them: « 12 000 » in French, « 12,000 » in English."""
    text = f"{number:,}"
    return text.replace(",", NNBSP) if _lang(lang) == "fr" else text


def join(items: Iterable[str], lang: str | None = None) -> str:
    """« A », « A et B », « A, B et C » (English: « A and B », « A, B and C »)."""
    words = [item for item in items if item]
    conjunction = " et " if _lang(lang) == "fr" else " and "
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + conjunction + words[-1]


def aside(label: str, *notes: str) -> str:
    """`label` with what is said beside it in one pair of parentheses, never two in a row:
    « Grégory TALVY (Région N-A) » and « (a déjà fait) » read « Grégory TALVY (Région N-A,
    a déjà fait) »; « Grégory TALVY » and « (a déjà fait) », « Grégory TALVY (a déjà fait) ».
    A note is written « (…) » or bare; an empty one adds nothing."""
    said = [n.strip().removeprefix("(").removesuffix(")").strip() for n in notes if n.strip()]
    if not said:
        return label
    if label.endswith(")") and "(" in label:
        return f"{label[:-1]}, {', '.join(said)})"
    return f"{label} ({', '.join(said)})" if label else ", ".join(said)


def unnested(credit: str) -> str:
    """A name to be written between parentheses, its own asides as commas: « Salaisons du
    Ségala (agroalimentaire, 230 salariés) » is credited « (Salaisons du Ségala,
    agroalimentaire, 230 salariés) », « Logis Nord Habitat (bailleur social) – DSU » « (Logis
    Nord Habitat, bailleur social – DSU) », never « (… (…)) ». An aside inside the name's words
    (« Atelier (re)partir ») or not after a space (« =SOMME(A1) ») is left as typed."""
    if credit.count("(") != credit.count(")"):
        return credit
    return _ASIDE.sub(r", \1", credit)


# « X (y) » at the end of the name or before its next part (« – DSU », « , antenne Nord »)
_ASIDE = re.compile(r"(?<=\S)\s+\(([^()]+)\)(?=$|\s+[–-]\s|,)")


def quoted(text: object, lang: str | None = None) -> str:
    """What the user typed or named, quoted as each language quotes: « emploi » with
    non-breaking spaces inside in French, “emploi” in English."""
    return f"«{NBSP}{text}{NBSP}»" if _lang(lang) == "fr" else f"“{text}”"


def join_choices(items: Iterable[object], lang: str | None = None) -> str:
    """Values one may choose from, each quoted: « « a », « b » ou « c » » (English: “a”, “b” or “c”)."""
    words = [quoted(item, lang) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + (" ou " if _lang(lang) == "fr" else " or ") + words[-1]


def join_few(items: Iterable[object], limit: int = 8, lang: str | None = None) -> str:
    """A list a warning cites, joined as a sentence: « 3 et 4 », « 3, 4 et 7 »; past `limit`,
    the first ones and how many more: « 3, 4, 5, 6, 7, 8, 9, 10 et 4 autres » (English:
    « 3, 4 and 7 », « … and 4 more »)."""
    words = [str(item) for item in items if str(item)]
    if len(words) > limit:
        rest = len(words) - limit
        more = count(rest, "autre", "autres", "fr") if _lang(lang) == "fr" else f"{rest} more"
        words = [*words[:limit], more]
    return join(words, lang)


def subject(names: Sequence[str], verb_singular: str, verb_plural: str, lang: str | None = None) -> str:
    """Names joined with the verb agreeing: « Zoé Martin cherche », « Zoé et Loïc cherchent »."""
    verb = verb_plural if len(names) >= 2 else verb_singular
    return f"{join(names, lang)} {verb}"


_OPEN_QUOTE = regex(r"«[ \u00a0\u202f]*")
_CLOSE_QUOTE = regex(r"[ \u00a0\u202f]*»")
# ; ! ? after a word or a closing mark; a run such as « ?! » gets one space, before its first mark.
# « ;; » is not prose but Qt's separator of file types (« Grilles (*.docx);;Tous (*) »).
_HIGH_MARK = regex(r"(?<=[^\s;!?:])[ \u00a0\u202f]*([;!?])(?!;)")
_DIGITS = regex(r"(?<=\d) (?=\d{3}\b)")
# What any of the rules below acts on: a text without it comes out as it went in (most of the
# window's labels: ~300 of them at start, each spared the six passes below).
_TOUCHED = regex(r"[«»:;!?]|\d \d")


def typography(text: str, lang: str | None = None) -> str:
    """French typography: non-breaking spaces so that « », : ; ! ? never start or end a line.

    An espace insécable before « : » and inside guillemets, an espace fine insécable before
    ; ! ?. Left alone: URLs (« https:// »), times (« 14:30 »), a punctuation mark at the start
    of the text or right after a line break, runs of the same mark (« ?! »), Qt's « ;; ».
    English text is returned as it is.
    """
    if TYPED_START in text:
        return _around_typed(text, lang)
    if _lang(lang) != "fr" or not text or not _TOUCHED.search(text):
        return text
    skeleton, words = _set_quotes_aside(text)
    out = _typeset(skeleton)
    if words:
        out = _HOLDER.sub(lambda found: words[ord(found.group()) - _FIRST_HOLDER], out)
    return out


# Someone's words shown as typed within Atelier's sentence, without guillemets (a need on the
# projector, a name, a cell of the grid in the minutes): between two marks of Unicode's last
# private-use plane that no text holds, set aside like a quote's words, then dropped.
TYPED_START, TYPED_END = "\U0010fffb", "\U0010fffc"
_TYPED = regex("\U0010fffb(.*?)\U0010fffc", re.DOTALL)
_TYPED_MARKS = regex("[\U0010fffb\U0010fffc]")
_FIRST_TYPED_HOLDER = 0x100000
_TYPED_HOLDER = regex("[\U00100000-\U0010fffa]")


def as_typed(text: object) -> str:
    """Someone's words inside one of Atelier's sentences, shown as they typed them without
    guillemets: `typography` sets the sentence around them and leaves the words as typed,
    « ok? » never « ok ? » (their own spaces before « : ; ! ? » made non-breaking, none
    added), then drops the marks. A text so marked is shown through `typography` or `plain`."""
    return f"{TYPED_START}{text}{TYPED_END}"


def plain(text: str) -> str:
    """`text` without the marks of `as_typed` (its words as typed, nothing set)."""
    return _TYPED_MARKS.sub("", text) if TYPED_START in text or TYPED_END in text else text


def keep_together(text: str) -> str:
    """Words as typed, their own spaces before « : ; ! ? » and inside « » non-breaking, the
    ones `typography` puts there (U+00A0 before « : » and inside « », U+202F before ; ! ?):
    the line never starts with a mark, and no space is added where the person typed none."""
    out = re.sub(r" (?= *[:»])", NBSP, text)
    out = re.sub(r" (?= *[;!?])", NNBSP, out)
    return re.sub(r"(?<=«) ", NBSP, out)


def _around_typed(text: str, lang: str | None) -> str:
    """`typography` of a sentence holding words marked `as_typed`: the sentence set, the
    words as typed."""
    words: list[str] = []

    def hold(found: re.Match[str]) -> str:
        words.append(plain(found.group(1)))
        return chr(_FIRST_TYPED_HOLDER + len(words) - 1)

    skeleton = plain(_TYPED.sub(hold, text)) if len(words) < 0xFFFA else plain(text)
    french = _lang(lang) == "fr"
    out = typography(skeleton, lang) if french else skeleton

    def back(found: re.Match[str]) -> str:
        said = words[ord(found.group()) - _FIRST_TYPED_HOLDER]
        return keep_together(said) if french else said

    return _TYPED_HOLDER.sub(back, out)


# What is between guillemets is someone's words (a note, a title, a need as it was typed):
# quoted exactly, never set again. Each quote's words wait aside while the sentence around
# them is set, each in one character of a private-use plane no text of Atelier holds.
_FIRST_HOLDER = 0xF0000
_HOLDER = regex("[\U000f0000-\U000ffffd]")
_QUOTE_EDGE = " \u00a0\u202f"


def _set_quotes_aside(text: str) -> tuple[str, list[str]]:
    """`text` with the words of each outermost « … » replaced by a holder, and those words.

    Guillemets within the words (« il a dit « oui » ») are part of them. Words that open
    guillemets they never close (« voir «x ») end at the first « » » instead, so that they
    do not take the rest of Atelier's sentence with them; a « « » never closed quotes nothing.
    The spaces just inside the guillemets are the quote's, not the words': set as usual."""
    if "«" not in text or _HOLDER.search(text):
        return text, []
    nested = _quote_spans(text, nest=True)
    spans = nested if nested is not None else _quote_spans(text, nest=False) or []
    words: list[str] = []
    parts: list[str] = []
    done = 0
    for start, end in spans:  # the words run from start (after « ) to end (at » )
        said = text[start:end].strip(_QUOTE_EDGE)
        if not said or len(words) >= 0xFFFFD - _FIRST_HOLDER:
            continue
        parts += [text[done:start], " ", chr(_FIRST_HOLDER + len(words)), " "]
        words.append(said)
        done = end
    parts.append(text[done:])
    return "".join(parts), words


def _quote_spans(text: str, *, nest: bool) -> list[tuple[int, int]] | None:
    """Where the words of each outermost quote start and end; None when, nesting, a quote is
    left open (the words opened guillemets of their own and never closed them)."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for index, char in enumerate(text):
        if char == "«":
            if depth == 0:
                start = index + 1
            depth = depth + 1 if nest or depth == 0 else depth
        elif char == "»" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, index))
    if depth and nest:
        return None
    return spans


def _typeset(text: str) -> str:
    out = _OPEN_QUOTE.sub("«" + NBSP, text)
    out = _CLOSE_QUOTE.sub(NBSP + "»", out)
    out = out.replace("\n" + NBSP + "»", "\n»")
    if out.startswith(NBSP + "»"):
        out = out[1:]
    # A colon after a letter or a closing mark, not inside a time (14:30) nor a URL scheme.
    out = re.sub(r"(?<=[^\s:;!?\d])[ \u00a0\u202f]*:(?!//)(?!\d)", NBSP + ":", out)
    out = re.sub(r"(?<=\d) :(?!\d)", NBSP + ":", out)
    out = _HIGH_MARK.sub(NNBSP + r"\1", out)
    out = _DIGITS.sub(NNBSP, out)
    return out


@functools.cache
def _remark_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compiled when first asked for (`remark_said`): never at start-up."""
    quoted = re.compile(r"«\s*([^«»]+?)\s*»|“([^“”]+)”|\"([^\"]+)\"")
    # A name put between quotation marks: a programme, an operation, a label (« le programme
    # « Un jeune, une solution » »), or a quotation a colon then follows with what was done
    # about it (« « Territoire zéro chômeur de longue durée » : candidature déposée »).
    naming = re.compile(
        r"\b(?:programmes?|op[ée]rations?|dispositifs?|d[ée]marches?|projets?|actions?|labels?|"
        r"appels? [àa] projets?|plans?|chartes?|r[ée]seaux?|plate-?formes?|collectifs?|festivals?|"
        r"forums?|salons?|concours|journ[ée]es?|semaines?|challenges?|marques?|campagnes?|"
        r"parcours|exp[ée]rimentations?|intitul[ée]e?s?|nomm[ée]e?s?|appel[ée]e?s?|dites?|dits)\s*$",
        re.IGNORECASE,
    )
    return quoted, naming


def remark_said(text: str) -> str | None:
    """What a grid's statement quotes someone saying word for word (« … » of five words or
    more, not a name between quotation marks: a programme, a label), as the facilitator took
    it down: the quoted words when they make a sentence, else the whole statement; None when
    it quotes no one. The minutes quote such remarks apart (« Des observations à retenir »),
    and matching never offers one as something its author did (« a déjà fait »)."""
    if not any(mark in text for mark in '«“"'):
        return None
    quoted, naming = _remark_patterns()
    spans = []
    for found in quoted.finditer(text):
        before = text[: found.start()]
        if re.match(r"\s*:\s*\w", text[found.end() :]) or naming.search(before):
            continue  # a name, not words someone said
        words = next(g for g in found.groups() if g).strip()
        if (
            words[:1].isupper()
            and not re.search(r"[.!?…]", words)
            and before.strip()
            and not before.rstrip().endswith(":")
        ):
            continue  # « Participation au « Salon des entrepreneurs du Médoc » »: a title
        if len(words.split()) >= 5:
            spans.append(words)
    if not spans:
        return None
    said = " ".join(spans)
    if len(said.split()) < 8 and len(text.split()) <= 30:
        return text
    return said


@functools.cache
def _fact_patterns() -> tuple[re.Pattern[str], ...]:
    """Compiled when first asked for (`states_a_fact`): never at start-up."""
    # Words that open a sentence to explain or set the scene, left aside before reading it.
    connector = re.compile(
        r"^(?:en effet|effectivement|de fait|or|par ailleurs|de plus|en outre|pour rappel|"
        r"aujourd'hui|actuellement|à noter)\s*,?\s+",
        re.IGNORECASE,
    )
    place = (
        r"(?:cdc|cc|communauté de communes|communauté d'agglomération|agglo(?:mération)?|territoire|"
        r"commune|ville|epci|interco(?:mmunalité)?|bassin(?: d'emploi| de vie)?|département|région|"
        r"pays|petr|quartier|zone|collectivité|métropole|population)"
    )
    fact = re.compile(
        r"^(?:"
        # « Il y a … », « On constate … » (not « Il y a deux ans, la CdC a créé… »)
        r"il y a\b(?!(?:\s+\S+){0,2}?\s+(?:ans?|années?|mois|semaines?|jours?|temps)\b)"
        r"|il existe\b|on (?:compte|constate|observe|note|remarque|dénombre|retrouve)\b"
        r"|nous (?:constatons|observons|remarquons)\b|force est de constater\b"
        # « Constat : … », « problématiques : chômage structurel… »
        r"|(?:constats?|problématiques?)\s*:"
        # « Manque de lien entre les actions. »
        r"|(?:manque|absence)\s+d"
        # « Les financements sont multiples : FSE + Région + 5 EPCI » (the funders listed after
        # the colon; not « Plusieurs financements sont mobilisés », something done)
        r"|(?:les|ses|leurs|nos)\s+(?:co-?)?financements\s+(?:sont|restent)\s+(?:multiples|nombreux|variés"
        r"|diversifiés|divers|croisés|éclatés)\b(?:\s*:)?"
        # « Les habitants sont "fatigués" par les nombreux projets »: how the people are.
        r"|(?:les|nos|certains|beaucoup\s+d'|de\s+nombreux|de\s+nombreuses)\s*(?:habitants|publics|jeunes"
        r"|demandeurs\s+d'emploi|familles|ménages|personnes|entreprises|employeurs|élus|acteurs)\b"
        r"(?:\s+[^\s.;:,]+){0,3}?\s+(?:sont|se\s+sentent|restent|semblent)\s+"
        r"(?:(?:très|trop|souvent|peu|parfois|assez|de\s+plus\s+en\s+plus)\s+)*[\"«“]?\s*"
        r"(?:(?:fatigué|éloigné|isolé|démotivé|épuisé|saturé|découragé|dispersé|sollicité|sur-?sollicité"
        r"|perdu)e?s?|méfiante?s?|réticente?s?|inquiète?s?|précaires?)\b"
        # « On retrouve les mêmes demandeurs d'emploi chez les différents opérateurs. Les
        # opérateurs sous-traitants gèrent les mêmes demandeurs d'emploi que… »: the same
        # people seen by several, a finding.
        r"|(?:les|des|certains|plusieurs|d'autres)\s+[^.;:]{0,60}?\s(?:gèrent|suivent|reçoivent|voient"
        r"|touchent)\s+les\s+mêmes\b"
        # « 2 900 demandeurs d'emploi inscrits sur le bassin », « 1 250 allocataires du RSA sur
        # le territoire »: how many the place counts (not « 1 100 jeunes suivis »: the author's
        # work, nor « 140 assistantes maternelles sur le territoire », a reader's resource).
        r"|\d[\d\s\u00a0\u202f]*\s(?:demandeurs\s+d'emploi|DEFM|chômeurs|allocataires(?:\s+du\s+RSA)?"
        rf"|bénéficiaires\s+du\s+RSA|BRSA)\s+(?:inscrits\b|(?:sur|dans)\s+(?:le|la|l'|les)\s*{place}\b)"
        # « La CdC est située… », « La Cdc est le résultat d'une fusion… », « Le territoire
        # compte 12 communes »: what the place is, where, since when, made of what.
        rf"|(?:l[ae]\s+|l'|notre\s+|ce\s+|cette\s+|son\s+|sa\s+){place}\b(?:\s+[^\s.;:,]+){{0,4}}?\s+"
        r"(?:(?:est|sont)\s+(?:située?s?|localisée?s?|implantée?s?|issue?s?\s+d|composée?s?\s+d"
        r"|constituée?s?\s+d|(?:le|la|les|l'|un|une)\s*(?:résultat|fruit|conséquence)s?\b"
        r"|(?:très\s+|majoritairement\s+|essentiellement\s+|principalement\s+|plutôt\s+)?"
        r"(?:rurale?s?|urbaine?s?|enclavée?s?|industriel(?:le)?s?|agricoles?)\b|marquée?s?\s+par)"
        r"|se\s+(?:situe|trouve)nt?\b|compte(?:nt)?\s+\d)"
        r")",
        re.IGNORECASE,
    )
    # « 80 % des entreprises du territoire n'ont pas de salariés »: a share of the place's
    # firms or people, then what they are or have (not « 60 % des jeunes ont trouvé… »).
    share = re.compile(
        r"^(?:\d[\d\s\u00a0\u202f,.]*%|la moitié|la majorité|la plupart|une majorité|un tiers|"
        r"deux tiers|un quart|trois quarts)\s+(?:des|de la|de l'|du|d')\s*(?P<who>[^.;:]*?)\s"
        r"(?:n'|ne\s+)?(?:ont|a|sont|est|vivent|habitent|résident)(?:\s+(?:pas|plus|jamais|aucune?))?\s+"
        r"(?:de|d'|des|du|un|une|le|la|les|l'|moins|plus|sans|en|au|aux|à)(?:\s|(?<='))",
        re.IGNORECASE,
    )
    of_the_place = re.compile(rf"\b(?:{place}|habitants|ménages|foyers)\b", re.IGNORECASE)
    # What, after the fact, tells of something done about it: « Manque de places en crèche :
    # ouverture d'une micro-crèche », « Il y a une forte demande, nous avons donc lancé… ».
    then = re.compile(
        r"=>|->|→|>|:|\bdonc\b|c'est pourquoi|\bd'où\b|\b(?:nous|on)\s+(?:avons|a)\b|\bavons\b"
        r"|\b(?:a|ont)\s+été\b|\bmise?s?\s+en\s+place\b",
        re.IGNORECASE,
    )
    # A mark that ends a sentence, then the space before the next one (« … zone rurale. La Cdc… »).
    sentences = re.compile(r"[.!?…](\s+)(?=[A-ZÀ-Ý«\d])")
    return connector, fact, share, of_the_place, then, sentences


def _sentences(text: str, ends: re.Pattern[str]) -> Iterator[str]:
    """The sentences of `text`, one at a time: asked of every action at each match (12,000 at
    4,000 participants), most of which the first sentence settles."""
    start = 0
    for found in ends.finditer(text):
        yield text[start : found.start(1)]
        start = found.end(1)
    yield text[start:]


def states_a_fact(text: str) -> bool:
    """Whether a grid's statement only states facts (what the territory is, has or lacks, what
    is found there) and says nothing its author did: « La CdC est située sur un territoire
    d'industrie », « En effet, 80 % des entreprises du territoire n'ont pas de salariés. »,
    « Manque de lien entre les actions. ». Each of its sentences must; one action among them
    (« … Le service développement économique a été créé à ce moment-là. ») and it is an action.
    Written among actions, such a statement is context the facilitator took down: matching
    never offers one as something its author did (« a déjà fait »), as for `remark_said`."""
    connector, fact, share, of_the_place, then, sentences = _fact_patterns()
    found = False
    for sentence in _sentences(" ".join(text.split()), sentences):
        sentence = connector.sub("", sentence.strip(" -–•"))
        if not sentence:
            continue
        said = fact.match(sentence)
        if said is None:
            said = share.match(sentence)
            if said is not None and not of_the_place.search(said.group("who")):
                said = None
        if said is None or then.search(sentence, said.end()):
            return False
        found = True
    return found


@functools.cache
def _aim_patterns() -> tuple[re.Pattern[str], ...]:
    """Compiled when first asked for (`states_an_aim`): never at start-up."""
    aim = (
        r"(?:objectifs?|enjeux?|buts?|ambitions?|finalités?|visées?|perspectives?)"
        r"(?:\s+(?:principa(?:l|ux)|généra(?:l|ux)|premiers?|prioritaires?|\d{4}))?"
    )
    owner = r"(?:(?:l'|les\s+|le\s+|nos\s+|notre\s+|ses\s+|son\s+|leurs?\s+|mon\s+|mes\s+)\s*)"
    # A subject of a few words, before a verb saying what they mean to do (« Le territoire se
    # questionne… »): not a clause (« Création d'un club qui vise à… » is a club made).
    subject = r"(?:(?!(?:qui|que|qu'|dont|pour|afin|et|mais)\b)[^\s.;:!?]+\s+){0,5}?"
    opening = re.compile(
        r"^(?:"
        # « Objectifs : créer une nouvelle synergie… », « Enjeu : la création… », « Objectif
        # principal (2022) : … »
        rf"{owner}?{aim}\s*(?:\([^)]*\)\s*)?:"
        # « L'objectif est de mieux mettre en adéquation… », « Ses objectifs sont notamment de… »
        # (not « L'objectif est atteint »)
        rf"|{owner}{aim}\s+(?:[^\s.;:!?]+\s+)?(?:est|sont|sera|seront|serait|seraient|reste|restent)\b"
        r"(?!\s+(?:atteinte?s?|réalisée?s?|remplie?s?|dépassée?s?|tenue?s?)\b)"
        # « Le territoire se questionne pour s'engager dans un PLIE… », « Nous souhaitons… »,
        # « La CdC envisage… », « L'association a pour objectif de… »
        rf"|{subject}(?:souhaite(?:nt)?|souhaitons|envisage(?:nt)?|envisageons|prévoi(?:t|ent)|prévoyons"
        r"|projette(?:nt)?|projetons|ambitionne(?:nt)?|ambitionnons|aimerai(?:t|ent|ons)|voudrai(?:t|ent|ons)"
        r"|vise(?:nt)?\s+à|visons\s+à|réfléchi(?:t|ssent|ssons)\s+(?:à|sur)|s'interroge(?:nt)?|se\s+questionne(?:nt)?"
        r"|nous\s+(?:interrogeons|questionnons)|(?:a|ont|avons)\s+(?:pour\s+(?:objectif|ambition|but|projet)"
        r"|le\s+projet))\b"
        # « Réflexions en cours sur les orientations du futur protocole… »
        r"|réflexions?\s+(?:en\s+cours\s+)?(?:sur|autour|pour|quant|concernant)\b"
        # « Projet de forum emploi intercommunal », « Futur tiers-lieu… »: planned, not yet there
        r"|(?:un\s+)?projets?\s+(?:de\s|d')"
        r"|(?:(?:le|la|les|un|une|notre|nos)\s+)?futur(?:e|s|es)?\s"
        r")",
        re.IGNORECASE,
    )
    # Said of the thing, wherever in the sentence: « Diagnostic à venir », « Feuille de route
    # ESS en cours d'élaboration », « Légumerie en projet », « Ouverture prévue en 2023 ».
    planned = re.compile(
        r"\b(?:à\s+venir|en\s+projet|à\s+l'étude|en\s+réflexion|en\s+préparation|en\s+gestation"
        r"|en\s+cours\s+(?:d'élaboration|de\s+réflexion|de\s+définition|de\s+préparation|de\s+conception"
        r"|de\s+montage|d'étude)"
        r"|pas\s+encore\s+(?:lancée?s?|démarrée?s?|engagée?s?|mise?s?\s+en\s+place|créée?s?)"
        r"|envisagée?s?|(?<!comme\s)prévue?s?\s+(?:en|pour|d'ici|à|au|courant|début|fin|dans|le|la)\b)\b",
        re.IGNORECASE,
    )
    # What tells of something done, which no aim says: a compound past (« a été créé »,
    # « ont permis », « avons lancé »), « depuis », « déjà ».
    done = re.compile(
        r"\b(?:a|ont|avons|avez|avait|avaient)\s+(?:déjà\s+|bien\s+|aussi\s+|également\s+|notamment\s+)?"
        r"(?:été\s+|eu\s+)?(?!pour\b)[^\W\d_]+(?:é|ée|és|ées|i|ie|is|ies|it|ite|its|u|ue|us|ert|erte|int|inte)\b"
        r"|\bdepuis\b|\bdéjà\b|\bexistante?s?\b",
        re.IGNORECASE,
    )
    # A sentence after the first that only details it: « 3 axes de travail : … ».
    detail = re.compile(r"^[^.;:!?]{1,60}:")
    infinitive = re.compile(
        r"^(?:de\s+|d')?(?:(?:mieux|bien|davantage|ne\s+(?:pas|plus)|aussi|également|encore)\s+)?"
        r"([^\W\d_]+)\s+(?:le|la|les|l'|un|une|des|de|d'|du|en|à|au|aux|sur|avec|ses|son|sa|leurs?|nos|notre"
        r"|ce|cet|cette|ces|tous|toutes|davantage|mieux|plus|ensemble)(?:\s|(?<='))",
        re.IGNORECASE,
    )
    aside = re.compile(r"\([^()]*\)")
    return opening, planned, done, detail, infinitive, aside


# Nouns that end like an infinitive and open an action (« Atelier de… », « Chantier d'insertion »).
_NOUNS_LIKE_VERBS = frozenset(
    [
        "atelier",
        "chantier",
        "quartier",
        "dossier",
        "metier",
        "foyer",
        "loyer",
        "pilier",
        "sentier",
        "verger",
        "potager",
        "grenier",
        "courrier",
        "cahier",
        "calendrier",
        "fichier",
        "levier",
        "panier",
        "papier",
        "premier",
        "dernier",
        "conseiller",
        "ouvrier",
        "officier",
        "boucher",
        "boulanger",
        "berger",
        "danger",
        "etranger",
        "particulier",
        "hiver",
        "janvier",
        "fevrier",
        "dejeuner",
        "diner",
        "gouter",
        "cluster",
        "leader",
        "manager",
        "master",
        "poster",
        "flyer",
        "super",
        "container",
        "partner",
        "newsletter",
        "avenir",
        "loisir",
        "plaisir",
        "desir",
        "souvenir",
        "pouvoir",
        "savoir",
        "devoir",
        "lettre",
        "maitre",
        "cendre",
        "gendre",
        "meandre",
        "cylindre",
        "clocher",
        "rocher",
        "laser",
        "cancer",
        "enfer",
        "fer",
        "mer",
        "hier",
        "cher",
    ]
)
_RE_VERBS = re.compile(
    r"(?:uire|crire|dire|lire|faire|plaire|traire|ndre|ttre|a[iî]tre|o[iî]tre|vivre|suivre|clure|boire"
    r"|croire|rire|suffire|soudre)$"
)
_OIR_VERBS = re.compile(r"(?:avoir|voir|cevoir|mouvoir|valoir)$")


def _infinitive(word: str) -> bool:
    """Whether a word opening a statement reads as an infinitive (« éviter », « financer »,
    « mettre », « promouvoir »), not a noun ending like one (« Atelier », « Chantier »)."""
    plain = strip_accents(word.lower())
    if len(plain) < 4 or plain in _NOUNS_LIKE_VERBS:
        return False
    if plain.endswith("oir"):
        return bool(_OIR_VERBS.search(plain))
    if plain.endswith(("er", "ir")):
        return True
    return plain.endswith("re") and bool(_RE_VERBS.search(plain))


def states_an_aim(text: str) -> bool:
    """Whether a statement typed among actions states an aim or a plan, not something its author
    did: « Objectifs : créer une nouvelle synergie des acteurs… », « enjeu : la création d'une
    culture commune… », « L'objectif est de mieux mettre en adéquation… », « Réflexions en cours
    sur les orientations du futur protocole du PLIE », « Feuille de route ESS en cours
    d'élaboration », « Diagnostic à venir », « Projet de forum emploi intercommunal », or what
    follows an aim cut into bullets (« éviter le doublonnage… », « de mobiliser l'ensemble… »).
    Its first sentence must say so, and the others add to it; nothing in it may tell of
    something done (« a été créé », « depuis 2018 », « déjà »): « Mise en place d'un forum »,
    « Une étude est en cours », « Étude … pour mieux connaître … » are actions. Matching still
    offers such a statement (how it ranks is unchanged), as an aim of theirs (« a pour
    objectif »), never as something they did (« a déjà fait »)."""
    opening, planned, done, detail, infinitive, aside = _aim_patterns()
    _connector, fact, *_rest, ends = _fact_patterns()
    first = True
    for sentence in _sentences(" ".join(text.split()), ends):
        sentence = aside.sub("", sentence.strip(" -–•*")).strip()
        if not sentence:
            continue
        if done.search(sentence):
            return False
        said = bool(opening.match(sentence) or planned.search(sentence))
        if not said:
            verb = infinitive.match(sentence)
            said = verb is not None and _infinitive(verb.group(1))
        if first and not said:
            return False
        if not first and not (said or detail.match(sentence) or fact.match(sentence)):
            return False
        first = False
    return not first


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut between words and ending with « … » when cut:
    « Démarches territorialisées pour l'emploi, où… » (never « … pou » without saying so)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def fold(text: str) -> str:
    """Case- and accent-insensitive form for comparing and searching: « Défis » → « defis ».

    The one fold of Atelier (the grid's search and its highlights, the import's headers and
    names, anonymising, re-import's keys, dates). NFKD also undoes typographic forms
    (« ﬁ » → « fi », a non-breaking space → a space), so that text pasted from Word compares
    with text typed."""
    return strip_accents(unicodedata.normalize("NFKD", text.casefold()))


def strip_accents(text: str) -> str:
    """The text without its accents, its case and its typographic forms kept: « Défis » →
    « Defis ». Matching folds words with it (after its own lower-casing, on the forms the
    stemmer and the word-vector table were built with); everything else uses `fold`."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


MONTHS_FR = ("janvier février mars avril mai juin juillet août septembre octobre novembre décembre").split()  # noqa: SIM905 - twelve words read better on one line
MONTHS_EN = ("January February March April May June July August September October November December").split()  # noqa: SIM905


def local_day(stamp: str | None) -> str:
    """The local calendar day (YYYY-MM-DD) of a stored UTC timestamp « 2026-03-02T09:15:00.000Z »;
    a bare date is returned as it is; "" when nothing is known."""
    if not stamp:
        return ""
    if len(stamp) <= 10:
        return stamp
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp[:10]
    if moment.tzinfo is None:
        return moment.date().isoformat()
    return moment.astimezone().date().isoformat()


def long_date(day: str | None, lang: str | None = None) -> str:
    """« 16 mars 2021 », « 1er avril 2021 » (English: « 16 March 2021 »); "" when unknown.
    Takes a date (YYYY-MM-DD) or a stored UTC timestamp (its local day)."""
    text = local_day(day)
    if not text:
        return ""
    try:
        value = date.fromisoformat(text)
    except ValueError:
        return text
    if _lang(lang) == "fr":
        return f"{'1er' if value.day == 1 else value.day} {MONTHS_FR[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def short_date(day: str | None, lang: str | None = None) -> str:
    """« 02/03/2026 » in French, « 2026-03-02 » in English; "" when unknown."""
    text = local_day(day)
    if len(text) != 10:
        return text
    return f"{text[8:10]}/{text[5:7]}/{text[0:4]}" if _lang(lang) == "fr" else text


def list_date(day: str | None, lang: str | None = None) -> str:
    """A day in a list or a table of the window: « 02/03/2026 » in French, « 2 March 2026 »
    in English, as the rest of the English window says a date (never the ISO « 2026-03-02 »
    no one writes, nor « 02/03/2026 », read as 3 February on one side of the Atlantic);
    "" when unknown."""
    return short_date(day, lang) if _lang(lang) == "fr" else long_date(day, lang)


# Every way a month is written in a French or English date, folded: « févr. », « sept », « aout »…
_MONTH_WORDS: dict[str, int] = {}
for _number, (_fr, _en) in enumerate(zip(MONTHS_FR, MONTHS_EN, strict=True), start=1):
    for _word in (_fr, _en):
        _folded = fold(_word)
        _MONTH_WORDS[_folded] = _number
        for _length in (3, 4):
            _MONTH_WORDS.setdefault(_folded[:_length], _number)
del _MONTH_WORDS["jui"]  # juin or juillet: ambiguous
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class _Pattern:
    """A regular expression compiled the first time it is used: reading dates is for typing
    and importing, never for opening the window (~0.8 ms at every start for these eight)."""

    __slots__ = ("_source", "_compiled")

    def __init__(self, source: str) -> None:
        self._source = source
        self._compiled: re.Pattern[str] | None = None

    def _pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source)
        return self._compiled

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self._pattern().fullmatch(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self._pattern().search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self._pattern().finditer(text)


_NUMERIC = _Pattern(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{2}|\d{4}))?")
_ISO = _Pattern(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WORDS = _Pattern(r"(\d{1,2})(?:er|st|nd|rd|th)?\s+([a-z]+)\.?(?:\s+(\d{4}|\d{2}))?")
_WORDS_EN = _Pattern(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{4}))?")


def parse_date(text: str, today: date | None = None) -> date:
    """A date as people type it in France, or ISO: « 23/11/2026 », « 23/11/26 », « 23.11.2026 »,
    « 23 novembre 2026 », « lundi 1er mars 2021 », « 23 nov. 2026 », « 2026-11-23 »; without a
    year (« 23/11 », « 23 novembre »), this year. English « November 23, 2026 » too. A year of
    two digits is the nearest one no more than ten years ahead (`_full_year`).

    Raises ValueError when the text is not a date: NoSuchDay for a day its month has not
    (« 31/02/2026 »), YearOutOfRange for a year outside FIRST_YEAR..LAST_YEAR (« 01/01/0021 »),
    WrongWeekday for a weekday that is not the date's; `date_refused` says which.
    """
    year_now = (today or date.today()).year
    return _parse_date(text, year_now, year_now)


class WrongWeekday(ValueError):
    """A date typed with a weekday that is not its own (« lundi 16 mars 2021 », a Tuesday):
    which day was meant is not known. `found` is the date, `typed` the weekday's index."""

    def __init__(self, text: str, found: date, typed: int) -> None:
        super().__init__(f"{text!r}: {found.isoformat()} is not weekday {typed}")
        self.found, self.typed = found, typed


# The years a date typed may have: « 01/01/0021 » or « 9999-01-01 » is a slip of the keyboard,
# never a workshop, and would be printed as such in the minutes.
FIRST_YEAR, LAST_YEAR = 1900, 2099


class NoSuchDay(ValueError):
    """A day of a month that does not have it (« 29/02/2023 », « 31 avril »): its numbers, to
    say so."""

    def __init__(self, year: int, month: int, day: int) -> None:
        super().__init__(f"{year:04d}-{month:02d}-{day:02d} does not exist")
        self.year, self.month, self.day = year, month, day


class YearOutOfRange(ValueError):
    """A real date of a year outside FIRST_YEAR..LAST_YEAR (« 01/01/0021 »)."""

    def __init__(self, year: int) -> None:
        super().__init__(f"year {year} is not between {FIRST_YEAR} and {LAST_YEAR}")
        self.year = year


def _real_date(year: int, month: int, day: int) -> date:
    """The date of these numbers; ValueError when they are none (« 99/99 »), NoSuchDay when
    the month has no such day, YearOutOfRange when the year is not one a workshop has."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise ValueError(f"not a date: {year}-{month}-{day}")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise YearOutOfRange(year)
    try:
        return date(year, month, day)
    except ValueError:
        raise NoSuchDay(year, month, day) from None


def date_refused(text: str, error: ValueError) -> tuple[str, dict[str, object]]:
    """Why `text` is no date, as the command line and the window both say it: the message
    key of the catalogue (atelier.i18n) and its parameters, for the `error` `parse_date`,
    `iso_date` or `past_date` raised on it."""
    import calendar

    lang = _lang(None)
    months = MONTHS_FR if lang == "fr" else MONTHS_EN
    if isinstance(error, WrongWeekday):
        return "date.wrong_weekday", {
            "value": text,
            "date": long_date(error.found.isoformat(), lang),
            "actual": weekday_name(error.found.weekday(), lang),
            "typed": weekday_name(error.typed, lang),
        }
    if isinstance(error, NoSuchDay):
        return "date.no_such_day", {
            "value": text,
            "day": error.day,
            "month": months[error.month - 1],
            "year": error.year,
            "days": calendar.monthrange(error.year, error.month)[1],
        }
    if isinstance(error, YearOutOfRange):
        return "date.year_out_of_range", {
            "value": text,
            "year": f"{error.year:04d}",
            "first": FIRST_YEAR,
            "last": LAST_YEAR,
        }
    return "date.unreadable", {"value": text}


def date_refused_said(text: str, error: ValueError) -> str:
    """`date_refused` as a sentence, in the user's language."""
    from atelier.i18n import message

    key, params = date_refused(text, error)
    return message(key, **params)


def weekday_name(index: int, lang: str = "fr") -> str:
    """« lundi » for 0 (Monday), « Tuesday » in English for 1."""
    return _WEEKDAYS_EN[index].capitalize() if lang == "en" else _WEEKDAYS[index]


def _parse_date(text: str, year_now: int, this_year: int) -> date:
    """`parse_date`, a missing year being `year_now`, a two-digit one read from `this_year`;
    WrongWeekday when the weekday typed is not the date's."""
    folded = fold(text).strip().strip(".,")
    typed: int | None = None
    for index, weekday in enumerate((*_WEEKDAYS, *_WEEKDAYS_EN)):
        if folded.startswith(weekday + " ") or folded.startswith(weekday + ", "):
            folded = folded[len(weekday) :].lstrip(" ,")
            typed = index % 7
            break
    found = _date_of(folded, year_now, this_year)
    if found is None:
        raise ValueError(f"not a date: {text!r}")
    if typed is not None and found.weekday() != typed:
        raise WrongWeekday(text, found, typed)
    return found


def _date_of(folded: str, year_now: int, this_year: int) -> date | None:
    """The date `folded` writes (its weekday taken off), None when it writes none; ValueError
    when it is not a real one (« 31/02/2026 »)."""
    found = _ISO.fullmatch(folded)
    if found:
        return _real_date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    found = _NUMERIC.fullmatch(folded)
    if found:
        day, month = int(found.group(1)), int(found.group(2))
        return _real_date(_full_year(found.group(3), year_now, this_year), month, day)
    found = _WORDS.fullmatch(folded)
    if found and found.group(2) in _MONTH_WORDS:
        year = _full_year(found.group(3), year_now, this_year)
        return _real_date(year, _MONTH_WORDS[found.group(2)], int(found.group(1)))
    found = _WORDS_EN.fullmatch(folded)
    if found and found.group(1) in _MONTH_WORDS:
        year = _full_year(found.group(3), year_now, this_year)
        return _real_date(year, _MONTH_WORDS[found.group(1)], int(found.group(2)))
    return None


# Days of one workshop, its first day first: « du 3 au 5 mai 2023 », « 3-5 mai 2023 », « les 3
# et 4 mai 2023 », « 3, 4 et 5 mai 2023 », « du 30 avril au 2 mai 2023 ». A dash between spaced
# numbers is none (« Atelier n° 3 - 5 mai 2023 » is the third, on 5 May).
_IN_RANGE = _Pattern(
    r"(?<!°)(?<!° )\b(\d{1,2})(?:er)?(?:\s+([a-z]+)\.?)?"
    r"(?:\s+(?:au|a|et)\s+|[-–]|(?:\s*,\s*\d{1,2})+\s+et\s+)"
    r"(\d{1,2})(?:er)?\s+([a-z]+)\.?\s+(\d{4})\b"
)
_IN_WORDS = _Pattern(r"\b(\d{1,2})(?:er)?\s+([a-z]+)\.?\s+(\d{4})\b")
_IN_NUMBERS = _Pattern(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_IN_ISO = _Pattern(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def find_date(text: str) -> date | None:
    """A whole date written inside a sentence, year included: « Atelier du 16 mars 2021 »,
    « le 16/03/2021 », « 2021-03-16 »; None when there is none (or not a real one)."""
    found = _date_in(fold(text))
    return found[0] if found is not None else None


def days_written(text: str) -> tuple[date, date] | None:
    """The first and last day of the date `find_date` reads (« Atelier du 3 au 5 mars 2021 »:
    3 and 5 March; « Atelier du 16 mars 2021 »: 16 March twice), or None."""
    found = _date_in(fold(text))
    return (found[0], found[3]) if found is not None else None


def date_written(text: str) -> tuple[int, int] | None:
    """Where in `text` the date `find_date` reads is written (« Atelier du 16 mars 2150 » →
    the span of « 16 mars 2150 »), or None."""
    pieces = [fold(character) for character in text]
    found = _date_in("".join(pieces))
    if found is None:
        return None
    ends = list(itertools.accumulate(len(piece) for piece in pieces))
    start = next(index for index, end in enumerate(ends) if end > found[1])
    stop = next(index for index, end in enumerate(ends) if end >= found[2]) + 1
    return start, stop


def _date_in(folded: str) -> tuple[date, int, int, date] | None:
    """The date `find_date` reads in folded text, with where it is written and the last day
    of the days it begins (itself when one day)."""
    first = _first_day(folded)
    if first is not None:
        return first
    for pattern, order in ((_IN_WORDS, "dmy"), (_IN_NUMBERS, "dmy"), (_IN_ISO, "ymd")):
        for found in pattern.finditer(folded):
            parts = dict(zip(order, found.groups(), strict=True))
            month = _MONTH_WORDS.get(parts["m"]) if pattern is _IN_WORDS else int(parts["m"])
            if month is None:
                continue
            try:
                day = date(int(parts["y"]), month, int(parts["d"]))
            except ValueError:
                continue
            return day, found.start(), found.end(), day
    return None


def _first_day(folded: str) -> tuple[date, int, int, date] | None:
    """The first day of days written as a range (`_IN_RANGE`), or None."""
    for found in _IN_RANGE.finditer(folded):
        first_day, first_month, last_day, last_month, year = found.groups()
        month = _MONTH_WORDS.get(last_month)
        start_month = _MONTH_WORDS.get(first_month) if first_month else month
        if month is None or start_month is None:
            continue
        try:
            last = date(int(year), month, int(last_day))
            start = date(int(year) - (start_month > month), start_month, int(first_day))
        except ValueError:
            continue
        if start <= last:
            return start, found.start(), found.end(), last
    return None


_YEAR = _Pattern(r"\b(19|20)\d{2}\b")


def says_where(title: str, place: str) -> bool:
    """Whether a title already names its place (« Atelier du 3 mars 2023 — Langon », place
    « Langon »): « …, Langon » after it would say it twice."""
    wanted = fold(place).strip()
    return bool(wanted) and re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", fold(title)) is not None


def says_when(text: str, day: str | None = "") -> bool:
    """Whether a title already says when: a year (« Atelier d'octobre 2023 », « Rencontres
    2024 »), a date (« 16/03/2021 »), or `day` as `long_date` writes it.
    « Rencontre emploi Médoc » does not: « du 12 octobre 2023 » may follow it; nor does a
    month without its year: « Atelier de septembre », on a page read a year later, says
    which September?"""
    folded = fold(text)
    if day and fold(long_date(day, "fr")) in folded:
        return True
    return bool(_YEAR.search(folded)) or find_date(text) is not None


# How far ahead a year typed with two digits may be: « 99 » typed in 2026 is 1999, not 2099.
_TWO_DIGITS_AHEAD = 10


def _full_year(text: str | None, year_now: int, this_year: int) -> int:
    """A missing year is `year_now`; one of two digits is the year ending in them among the
    ninety years before `this_year` and the ten after it (in 2026: « 26 » 2026, « 36 » 2036,
    « 37 » 1937, « 99 » 1999): a facilitator typing « 99 » means 1999, never 2099."""
    if not text:
        return year_now
    year = int(text)
    if len(text) != 2:
        return year
    full = this_year - this_year % 100 + year
    if full > this_year + _TWO_DIGITS_AHEAD:
        full -= 100
    elif full <= this_year + _TWO_DIGITS_AHEAD - 100:
        full += 100
    return full


_DAYS_BACK = {
    "aujourd'hui": 0,
    "aujourd’hui": 0,
    "hier": 1,
    "avant-hier": 2,
    "avant hier": 2,
    "today": 0,
    "yesterday": 1,
}


def past_date(text: str, today: date | None = None) -> date:
    """A day already past, as typed to say when something happened: « hier », « avant-hier »,
    « aujourd'hui » too; a day without its year is the most recent one not to come (« 22/12 »
    typed on 5 January is last December, not a December still to come; « 29/02 » is the last
    29 February). A day typed with its year is that day, even to come (the caller refuses it
    in its own words). Otherwise as `parse_date`: ValueError when it is not a date."""
    now = today or date.today()
    words = " ".join(fold(text).split()).strip(".")
    if words in _DAYS_BACK:
        return date.fromordinal(now.toordinal() - _DAYS_BACK[words])
    first_error: ValueError | None = None
    try:
        found: date | None = parse_date(text, now)
    except WrongWeekday as wrong:  # « lundi 22/12 »: this year's is not a Monday
        if wrong.found <= now:
            raise  # and it is the most recent one: which day was meant is not known
        found = None
    except ValueError as error:  # not a date, or « 29/02 » this year: the years before may have it
        found, first_error = None, error
    if found is not None and found <= now:
        return found
    for back in range(1, 9):  # eight years always hold a 29 February
        try:  # a year of two digits typed is read from this one, however far back it looks
            earlier = _parse_date(text, now.year - back, now.year)
        except WrongWeekday:
            raise  # never a Monday 22 December of years ago for « lundi 22/12 »
        except ValueError:
            continue
        if earlier == found:  # its year was typed: that day, to come
            return found
        if earlier <= now:
            return earlier
    if found is None:  # said as this year's reading said it (« 29/02/23 » does not exist)
        raise first_error or ValueError(f"not a date: {text!r}")
    return found


def iso_date(text: str, today: date | None = None) -> str:
    """`parse_date` written as the file keeps it: « 23 novembre 2026 » → « 2026-11-23 »."""
    return parse_date(text, today).isoformat()


# The article a structure's name takes in running text, from its first word: « la Région
# N-A », « le PETR Monts et barrages », « l'EPCI ». A name that starts with no common noun of
# this list (a place, a brand: « Grand Dax », « CitiZchool ») takes none: « de Grand Dax ».
# A small, honest rule: it knows these words, and guesses nothing else.
_FEMININE = frozenset(
    fold(w)
    for w in [
        "région",
        "communauté",
        "cc",
        "cdc",
        "cda",
        "ca",
        "cu",
        "métropole",
        "ville",
        "commune",
        "mairie",
        "mission",
        "maison",
        "cité",
        "plateforme",
        "plate-forme",
        "préfecture",
        "sous-préfecture",
        "direccte",
        "dreets",
        "ddets",
        "chambre",
        "fédération",
        "agence",
        "coopérative",
        "scic",
        "scop",
        "scop-btp",
        "siae",
        "structure",
        "collectivité",
        "délégation",
        "direction",
        "caf",
        "cpam",
        "msa",
        "régie",
        "association",
        "entreprise",
        "université",
        "école",
        "union",
        "agglomération",
        "agglo",
        # insertion and consular structures, by their acronyms: « l'ETTI », « la CCI »
        "cci",
        "cma",
        "ei",
        "etti",
        "ai",
        "e2c",
        "mdph",
        "ressourcerie",
    ]
)
_MASCULINE = frozenset(
    fold(w)
    for w in [
        "petr",
        "pays",
        "plie",
        "plan",  # « le Plan Local pour l'Insertion et l'Emploi », the PLIE spelled out
        "département",
        "conseil",
        "syndicat",
        "pôle",
        "centre",
        "gip",
        "groupement",
        "service",
        "club",
        "ccas",
        "cias",
        "sivom",
        "sivu",
        "pnr",
        "parc",
        "réseau",
        "collectif",
        "comité",
        "foyer",
        "chantier",
        "ge",
        "geiq",
        "crepi",
        "bureau",
        "cabinet",
        "institut",
        "office",
        "campus",
        "tiers-lieu",
        "lycée",
        "greta",
        "cnam",
        "epci",
        "établissement",
        "espace",
        "observatoire",
        "participant",
        # « l'ACI » (atelier chantier d'insertion), « le PTCE », « le FJT », « le GAEC »
        "aci",
        "ptce",
        "fjt",
        "gaec",
        "epide",
        "relais",
    ]
)
_VOWELS = tuple("aeiouyàâäéèêëîïôöùûüœAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒ")


def article(name: str) -> str:
    """The structure's name with its article in running text: « la Région N-A », « le PETR »,
    « l'EPCI », « les Compagnons » (as written); a name its first word does not place
    (« Grand Dax », a person) is returned as it is."""
    name = name.strip()
    if not name:
        return name
    first = fold(re.split(r"[\s'’]+", name, maxsplit=1)[0])
    word = first if first in _FEMININE | _MASCULINE else first.split("-")[0]
    if word in ("le", "la", "les", "l"):
        return name[:1].lower() + name[1:]
    if word == "participant" and re.fullmatch(r"Participant \d+", name):
        return f"le p{name[1:]}"  # an anonymised label, a common noun inside a sentence
    if word in _FEMININE or word in _MASCULINE:
        if name.startswith(_VOWELS):
            return f"l'{name}"
        return f"{'la' if word in _FEMININE else 'le'} {name}"
    return name


def _elides(name: str) -> bool:
    """Whether « de » elides before this bare name: a vowel (« d'Agnès », « d'Yves »), an h
    muet of a name in « Hé », « Hè » (« d'Hélène »); not a « y » sounded before a vowel
    (« de Yannick », « de Yoann »)."""
    if name[:1] in "yY":
        return not name[1:2].lower().startswith(_VOWELS)
    if name[:2].lower() in ("hé", "hè"):
        return True
    return name.startswith(_VOWELS)


def of(name: str) -> str:
    """« de » and the name as running text writes it: « de la Région N-A », « du PETR »,
    « de la CC », « de l'EPCI », « des Compagnons », « de Grand Dax », « d'Angoulême »."""
    bare = name.strip()
    named = article(bare)
    if named == bare:  # no article: a place, a brand, a person
        return ("d'" if _elides(bare) else "de ") + bare
    if named.startswith("le "):
        return "du " + named[3:]
    if named.startswith("les "):
        return "des " + named[4:]
    return "de " + named


# ------------------------------------------------------------------ one word, two forms


@functools.lru_cache(maxsize=100_000)
def _word_folded(word: str) -> str:
    return strip_accents(word.lower())  # as matching folds a word (matching.text.fold_word)


def same_form(written: str, members: list[str] | None) -> bool:
    """Whether a word is one of these glossary words (lowercase) in another form: the two
    differ only in their last letters (at most two more or fewer, the rest the same):
    « cloisonnée » and « cloisonné », « isolées » and « isolé », « saisonnières » and
    « saisonnier »; not « facilitée » and « facilitatrice », which Snowball gives the same stem,
    nor « fermé » and « ferme », « meubles » and « meublé »: a final « e » is not an « é »."""
    if not members:
        return True
    lower = written.lower()
    plain = _word_folded(written)
    for member in members:
        folded = _word_folded(member)
        if abs(len(plain) - len(folded)) > 2:
            continue
        shared = len(commonprefix([plain, folded]))
        if shared >= min(len(plain), len(folded)) - 2 and {plain[shared:], folded[shared:]} <= _FORM_ENDINGS:
            last = len(member) - 1
            if member[-1] in "eé" and last < len(lower) and lower[last] in "eé" and lower[last] != member[-1]:
                continue  # « ferme » / « fermé »: two words
            return True
    return False


@functools.lru_cache(maxsize=100_000)
def one_word(one: str, other: str) -> bool:
    """Whether two words one stem links are one word in two forms (`same_form`: « emplois » /
    « emploi », « territoriales » / « territorial », « appuyer » / « appuie »), not two words of
    one family (« préparateurs » / « préparation », « facilitée » / « facilitateurs », « dons » /
    « donner », « financer » / « financement »). Kept: a workshop's reasons ask the same pairs
    again and again (at 4,000 participants, a fifth of the reasons' time folded their accents)."""
    if _word_folded(one) == _word_folded(other):
        return True
    for a, b in ((one, other), (other, one)):
        if same_form(a, [b]) or same_form(a.replace("y", "i"), [b.replace("y", "i")]):
            return True
    return False


# What two forms of one word may end with once their common beginning is set aside: gender,
# number, an infinitive's or a participle's ending (« isolées » / « isolé », « recrutée » /
# « recruter », « régionaux » / « régional »). Not a derivation: « mobile » is not « mobilité »,
# « collective » not « collectivité », « alternative » not « alternant », « loi » not « loyer »
# (Snowball gives each pair one stem).
_FORM_ENDINGS = frozenset(
    {"", "e", "s", "es", "x", "r", "er", "ee", "ees", "ez", "l", "le", "les", "ux", "f", "fs", "ve", "ves"}
)


# ------------------------------------------------------------------ what a statement denies

# A statement that denies a problem or a need (« pas de crise de recrutement chez nous »,
# « aucun besoin en mobilité », « sans difficulté de recrutement », « nous ne manquons pas de
# candidats ») does not say that problem or need: its words are no theme of it, no evidence
# for a theme, no need to match. What it lacks is another matter (« pas de transport en
# commun », « jeunes sans permis »): a lack is a need, and is said as written.
_NEGATION_CUES = frozenset(
    ["pas", "aucun", "aucune", "aucuns", "aucunes", "sans", "ni", "jamais", "nul", "nulle"]
)
# « pas mal de difficultés » are many; « pas seulement un problème de… » is one.
_NOT_DENYING = frozenset(["mal", "seulement", "uniquement", "que", "qu", "simplement", "juste", "assez"])
# « n'… plus de », « ne … guère de »: a negation only after « ne » (« plus de difficultés » is more).
_AFTER_NE = frozenset(["plus", "guere"])
# What may stand between the negation and the problem it denies (« pas de réelle
# difficulté », « pas vraiment de besoin », « n'est pas un problème »): small words only.
_BETWEEN = frozenset(
    [
        "de",
        "d",
        "du",
        "des",
        "un",
        "une",
        "le",
        "la",
        "les",
        "l",
        "en",
        "y",
        "se",
        "nous",
        "vous",
        "leur",
        "lui",
        "me",
        "te",
        "ce",
        "c",
        "a",
        "vraiment",
        "reel",
        "reelle",
        "reels",
        "reelles",
        "grand",
        "grande",
        "grands",
        "grandes",
        "gros",
        "grosse",
        "grosses",
        "particulier",
        "particuliere",
        "particuliers",
        "particulieres",
        "majeur",
        "majeure",
        "majeurs",
        "majeures",
        "trop",
        "tellement",
        "forcement",
        "vrai",
        "vraie",
        "vrais",
        "vraies",
        "non",
        "plus",
        "encore",
        "aujourd",
        "hui",
        "actuellement",
        "specialement",
        "specifique",
        "specifiques",
        "nouveau",
        "nouvelle",
        "nouveaux",
        "nouvelles",
    ]
)
# The problems and needs a statement may deny, folded (« besoin », « difficulté », « crise »…).
_DENIED = regex(
    r"^(?:besoins?|necessites?|difficultes?|difficiles?|problemes?|problematiques?|soucis?|crises?|"
    r"tensions?|freins?|obstacles?|blocages?|penuries?|manques?|manqu(?:er|ons|ez|ent|ait|aient|e|es)|"
    r"mal|inquietudes?|urgences?|enjeux?|compliquee?s?)$"
)
# Where one clause ends and another starts: punctuation, a list's marks, « mais ».
_CLAUSE_END = regex(
    r"[,;.:!?()\[\]\n•…]|\s[-–—]\s|=>|\b(?:mais|cependant|toutefois|n[ée]anmoins|pourtant|"
    r"par contre|en revanche|alors que|tandis que)\b",
    re.IGNORECASE,
)
_WORD = regex(r"[^\W\d_]+|\d+")
# A clause that takes up what the one before said (« la mobilité, ce n'est pas un souci »).
_RESUMING = frozenset(["ce", "c", "cela", "ca"])


def affirmed(text: str) -> str:
    """The text with what it denies blanked, the rest in place (same length, same offsets):
    « pas de crise de recrutement chez nous, mais besoin de former les tuteurs » keeps
    « mais besoin de former les tuteurs ». Denied: a problem or a need (`_DENIED`) right after a
    negation (`_NEGATION_CUES`, small words between), from the negation to the end of its
    clause; the whole clause when the verb is negated (« le recrutement n'est pas un problème »,
    « nous ne manquons pas de candidats »), and the clause before when this one takes it up
    (« la mobilité, ce n'est pas un souci »). « Pas mal de difficultés » is many of them;
    « pas seulement un problème de mobilité » is one."""
    if not text or not _MAY_DENY.search(text):
        return text
    return _affirmed(text)


# « pas », « aucun(e)(s) », « sans », « ni », « jamais », « nul(le) », « plus », « guère » as
# words. Written from the first letter (a class the engine scans for), then the word boundary
# before it and the rest of the word: twice as fast to search as \b(?:pas|aucune?s?|…)\b,
# which tries every place of the text, for the same matches (the engine analyses every text).
_MAY_DENY = regex(
    r"[pasnjg](?<=\b[pasnjg])"
    r"(?:(?<=p)(?:as|lus)|(?<=a)ucune?s?|(?<=s)ans|(?<=n)(?:i|ulle?)|(?<=j)amais|(?<=g)u[èe]re)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def _affirmed(text: str) -> str:
    clauses: list[tuple[int, int]] = []
    start = 0
    for found in _CLAUSE_END.finditer(text):
        clauses.append((start, found.start()))
        start = found.end() if not found.group(0).strip().isalpha() else found.start()
    clauses.append((start, len(text)))
    blank: list[tuple[int, int]] = []
    for n, (begin, end) in enumerate(clauses):
        words = [(_folded_word(m.group(0)), m.start() + begin) for m in _WORD.finditer(text, begin, end)]
        denied_from = _denial(words)
        if denied_from is None:
            continue
        at, whole = denied_from
        if whole:
            blank.append((begin, end))
            if n and words and words[0][0] in _RESUMING:
                blank.append(clauses[n - 1])
        else:
            blank.append((at, end))
    if not blank:
        return text
    chars = list(text)
    for begin, end in blank:
        for i in range(begin, end):
            if not chars[i].isspace():
                chars[i] = " "
    return "".join(chars)


@functools.lru_cache(maxsize=100_000)
def _folded_word(word: str) -> str:
    """`fold` of one word, kept: `_affirmed` reads every word of each text that may deny
    something, and the same words come back (at 4,000 participants, 1.6 µs a word folded,
    0.2 µs looked up)."""
    return fold(word)


def _denial(words: Sequence[tuple[str, int]]) -> tuple[int, bool] | None:
    """Where a clause's words (folded, with their offsets) start denying a problem or a need,
    and whether the whole clause is denied (its verb negated by « ne »), or None."""
    plain = [w for w, _at in words]
    for i, word in enumerate(plain):
        negated_verb = "ne" in plain[:i] or "n" in plain[:i]
        if word not in _NEGATION_CUES and not (word in _AFTER_NE and negated_verb):
            continue
        after = plain[i + 1 : i + 2]
        if (
            word == "pas"
            and after
            and after[0] in ("mal", "seulement", "uniquement", "que", "qu", "simplement", "juste", "assez")
        ):
            continue  # « pas mal de difficultés » (many), « pas seulement un problème de… » (one)
        # « nous ne manquons pas de… »: the problem is the negated verb itself.
        if i and negated_verb and _DENIED.match(plain[i - 1]) and plain[i - 1] != "mal":
            return words[i][1], True
        j = i + 1
        while j < len(plain) and j - i <= 4 and plain[j] in _BETWEEN:
            j += 1
        if j < len(plain) and _DENIED.match(plain[j]):
            return words[i][1], negated_verb
    return None


# The kinds of structure French grids write in several ways, each with its spellings as words
# (folded, punctuation as spaces): « CdC », « CC », « Com. de com. » and « Communauté de
# communes » are one kind; a town hall (« Mairie de Mimizan ») is not its CdC.
_STRUCTURE_KINDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "communauté de communes": (
        ("communaute", "de", "communes"),
        ("communaute", "des", "communes"),
        ("communaute", "de", "commune"),
        ("com", "de", "com"),
        ("comm", "de", "comm"),
        ("com", "com"),
        ("comcom",),
        ("cdc",),
        ("cc",),
    ),
    "communauté d'agglomération": (
        ("communaute", "d", "agglomeration"),
        ("communaute", "de", "l", "agglomeration"),
        ("communaute", "d", "agglo"),
        ("comm", "d", "agglo"),
        ("com", "d", "agglo"),
        ("cda",),
        ("ca",),
        ("agglomeration",),
        ("agglo",),
    ),
    "communauté urbaine": (("communaute", "urbaine"), ("cu",)),
    "mission locale": (("mission", "locale"), ("ml",)),
    "maison de l'emploi": (("maison", "de", "l", "emploi"), ("mde",)),
}
# Little words between the kind and the name: « CdC du Pays de Born », « CdC Pays de Born ».
_AFTER_KIND = frozenset({"d", "de", "des", "du", "l", "la", "le", "les"})


def structure_kind(organisation: str) -> tuple[str, tuple[str, ...]]:
    """The kind a structure's name starts with, however written, and the words that follow it
    (folded, little linking words after the kind aside): « CdC du Pays de Born » and
    « Communauté de communes Pays de Born » are both (« communauté de communes », (pays, de,
    born)); a name that starts with no known kind is ("", its words)."""
    words = tuple("".join(c if c.isalnum() else " " for c in fold(organisation)).split())
    for kind, spellings in _STRUCTURE_KINDS.items():
        for spelling in sorted(spellings, key=len, reverse=True):
            if words[: len(spelling)] == spelling and len(words) > len(spelling):
                rest = words[len(spelling) :]
                while len(rest) > 1 and rest[0] in _AFTER_KIND:
                    rest = rest[1:]
                return kind, rest
    return "", words


def structure_key(organisation: str) -> str:
    """A structure as comparing two entries reads it: case, accents, punctuation and the way its
    kind is written aside (`structure_kind`)."""
    kind, rest = structure_kind(organisation)
    return " ".join((kind, *rest)) if kind else " ".join(rest)

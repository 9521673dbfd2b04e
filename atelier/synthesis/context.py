"""What participants say of their territory's situation, found with words of the field.

These lists are the ordinary vocabulary of French territorial employment work, not of any
one workshop: the kinds of structures (intercommunalités, opérateurs de l'emploi…), words
that say a territory is changing (réécriture, changement de majorité, mission récente),
words of a crisis, of rural and urban places, and of who started a project (« pilotée
par », « est né »). A workshop whose grid says none of it gets none of these paragraphs;
what they quote is always a participant's own words, with their name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from atelier.french import affirmed

# (one such structure, several, pattern): the kind said first in a participant's structure,
# role or place (« Office de tourisme du Pays Foyen » is a tourist office, not a pays) says what
# kind of structure they come from; « Autour de la table » counts the people of each kind
# (« intercommunalité ou pays (3 participants) »: one structure, two rows of it).
STRUCTURE_KINDS: list[tuple[str, str, re.Pattern[str]]] = [
    (
        "opérateur de l'emploi et de l'insertion",
        "opérateurs de l'emploi et de l'insertion",
        re.compile(
            r"\b(PLIE|plans? loca(?:l|ux) pour l['’]insertion et l['’]emploi|"  # the PLIE spelled out
            r"maisons? de l['’]emploi|MDE|missions? locales?|p[ôo]le emploi|france travail|"
            r"cap emploi|cités? de l['’]emploi|SIAE|GEIQ|CREPI|IAE|"
            # the four kinds of SIAE, by name or acronym (« ACI Les Ateliers du Blavet »)
            r"(?:ateliers? )?chantiers? d['’]insertion|entreprises? d['’]insertion|"
            r"entreprises? de travail temporaire d['’]insertion|associations? interm[ée]diaires?|"
            r"r[ée]gies? de quartiers?|(?-i:ACI|EI|ETTI|AI))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "Région",
        "Région",
        re.compile(r"\b(r[ée]gion|conseil r[ée]gional|pays de la loire)\b", re.I),
    ),
    (
        "département",
        "départements",
        re.compile(r"\b(d[ée]partement|conseil d[ée]partemental)\b", re.I),
    ),
    (
        "intercommunalité ou pays",
        "intercommunalités ou pays",
        # Never « CA »: a communauté d'agglomération, a chambre d'agriculture or the Crédit
        # agricole, nothing says which. « Pays » is a structure only as its name's first word
        # (« Pays Foyen », « PETR du Pays… »), a syndicat only when mixte or intercommunal.
        # « Communauté » alone only after a place's name, as intercommunalities name themselves
        # (« Pontivy Communauté », « Quimperlé Communauté »): a Communauté Emmaüs is none, nor
        # a « communauté professionnelle territoriale de santé ».
        re.compile(
            r"\b(CC|CdC|CDA|EPCI|PETR|communaut[ée]s? (?:de communes|des communes|d['’]agglom[ée]ration|"
            r"urbaine)|(?-i:(?!(?:La|Le|Les|Une|Un|Notre|Votre|Cette|Sa|Leur|Nos)\s)[A-ZÉÈ][\w'’-]*\s+Communaut[ée])|"
            r"intercommunalit[ée]s?|interco|com['’ ]?com|"
            r"agglom[ée]ration|agglo|m[ée]tropole|syndicats? (?:mixtes?|intercommuna(?:l|ux)))\b|"
            r"^(?:Grand\s+[A-ZÉ]|pays\b)",
            re.IGNORECASE,
        ),
    ),
    ("commune", "communes", re.compile(r"\b(commune|ville|mairie|maire|municipal\w*)\b", re.I)),
    # « La Fabrique du Bourg, tiers-lieu associatif » says it; the ADMR is a network of them.
    (
        "association",
        "associations",
        re.compile(
            r"\b(association|SCIC|SCOP|fondation|ADMR|"
            r"(?:tiers[- ]lieux?|lieu|structure|caf[ée]|collectif|r[ée]seau)\s+associati(?:f|ve))\b",
            re.I,
        ),
    ),
]
# Structures of none of these kinds, said as what they are so that a word of their name says no
# kind (« Office de tourisme du Pays Foyen », « Club d'entreprises de la Métropole », « UMIH
# Gironde, syndicat des hôteliers »): a participant from one is of « autres structures ».
OTHER_KINDS = re.compile(
    r"\b(?:offices? de tourisme|syndicats?(?! (?:mixtes?|intercommuna(?:l|ux))\b)|clubs?|"
    r"chambres? (?:de commerce|des m[ée]tiers|de m[ée]tiers|d['’]agriculture|consulaires?)|"
    r"cr[ée]dit agricole|banques?|caisses?|unions?|f[ée]d[ée]rations?|"
    r"entreprises?(?! (?:d['’]insertion|de travail temporaire d['’]insertion))|soci[ée]t[ée]s?|"
    r"groupements?|coop[ée]ratives?|centres? sociaux|centre social|[ée]coles?|lyc[ée]es?|"
    r"coll[èe]ges?|universit[ée]s?|(?-i:OT|CCI|CMA|CA|UMIH|CFDT|CGT|FO|CFTC|MEDEF|CPME|U2P|SARL|"
    r"SAS|SA|EURL|SCI|CCAS|CIAS|CAF|GRETA|AFPA))\b",
    re.IGNORECASE,
)
OTHER = -1  # structure_kind's answer for a structure of none of STRUCTURE_KINDS' kinds

# The same kinds in English (one such structure, several), in the same order.
STRUCTURE_KINDS_EN: list[tuple[str, str]] = [
    # English words for them, not the French ones (« 2 intercommunalities or pays », « the Région »).
    ("employment and inclusion operator", "employment and inclusion operators"),
    ("regional council", "regional council"),
    ("departmental council", "departmental councils"),
    ("inter-municipal body or local development area", "inter-municipal bodies or local development areas"),
    ("municipality", "municipalities"),
    ("association", "associations"),
]

# What a territory's change is a change of: its programmes, plans and organisations (« réécriture
# du protocole du PLIE », « les PLIE redéfinissent leur protocole »), never a CV or a website.
_GOVERNED = (
    r"(?:protocoles?|projets?|feuilles? de route|programmes?|programmation|contrats?|conventions?|"
    r"strat[ée]gies?|sch[ée]mas?|chartes?|gouvernance|organisations?|organigrammes?|statuts?|"
    r"p[ée]rim[èe]tres?|comp[ée]tences?|politiques?|orientations?|plans?|pactes?|PLIE|PDI|PTI|"
    r"CTG|PLH|SRDEII|dispositifs?|missions?|services?|[ée]quipes?|intercommunalit[ée]s?|"
    r"communaut[ée]s?|EPCI|structures?|antennes?|cartes?|sch[ée]ma)"
)
# What merges in a territory: structures, not files.
_MERGED = (
    r"(?:communes|communaut[ée]s?|intercommunalit[ée]s?|EPCI|CdC|CC|r[ée]gions?|structures?|"
    r"antennes?|services?|associations?|missions? locales?|PLIE|agences?|maisons?|territoires?|"
    r"[ée]tablissements?|[ée]quipes?|deux|trois|plusieurs)"
)
# What a recent event is when it changes the territory: people elected, appointed, arrived.
_NEWLY = (
    r"(?:[ée]lue?s?|nomm[ée]e?s?|arriv[ée]e?s?|install[ée]e?s?|recrut[ée]e?s?|fusionn[ée]e?s?|"
    r"r[ée]organis[ée]e?s?|renouvel[ée]e?s?|recompos[ée]e?s?)"
)
# A territory that is changing: an election, a rewriting, a new team, a merger. Each word says
# it only with what changes (« réécriture du protocole », « élections municipales », « arrivés
# récemment »): « ateliers de réécriture de CV », « élections des délégués de jeunes », « forum
# lancé récemment » are no change of the territory.
CHANGE = re.compile(
    r"\b((?:r[ée][ée]cri\w*|red[ée]fini\w*|refontes?)"
    r"(?=\s+(?:(?:du|de|des|d['’]|de la|de l['’]|le|la|les|l['’]|leurs?|son|sa|ses|notre|nos)\s*)?"
    r"(?:\w+\s+){0,2}?"
    + _GOVERNED
    + r"\b)|"
    + _GOVERNED
    + r"\b[^.;:\n]{0,40}?\b(?:en cours de |en )?(?:r[ée][ée]criture|red[ée]finition|refonte)|"
    r"[ée]lections?\s+(?:municipales|communautaires|d[ée]partementales|r[ée]gionales|l[ée]gislatives|"
    r"pr[ée]sidentielles?|locales|de (?:mars |juin )?20\d\d)|"
    r"(?:depuis|apr[èe]s|avant|suite aux|avec) les [ée]lections\b(?!\s+(?:de|des|du|d['’])\b)|"
    r"mandature|"
    r"changements? de (?:majorit[ée]|direction|gouvernance|pr[ée]siden\w*|[ée]quipe|[ée]lus?|"
    r"municipalit[ée]|ex[ée]cutif)|"
    r"nouvel(?:le)?s? (?:[ée]quipes?|majorit[ée]|mandature|[ée]lus?|direction|directeur|directrice|"
    r"pr[ée]siden\w*)|"
    r"(?:missions?|postes?|services?|arriv[ée]es?) r[ée]cente?s?|"
    r"r[ée]cemment\s+(?:\w+\s+)?" + _NEWLY + r"|" + _NEWLY + r"\s+r[ée]cemment|"
    r"fusion(?:s|n\w*)?(?=[^.;:\n]{0,30}?\b" + _MERGED + r"\b)|" + _MERGED + r"\b[^.;:\n]{0,30}?\bfusionn\w*|"
    r"fusions? forc[ée]es?|"
    r"non stabilis[ée]e?s?|en cours d['’][ée]laboration|"
    r"futur(?:e|s)? (?:protocole|contrat|programme|mandat))\b",
    re.IGNORECASE,
)
# A crisis the territory goes through: « la crise », « crise sanitaire / du recrutement »,
# « sortie de crise » — not a crisis unit for a heatwave, crisis management in families or a
# teenager's crisis (« cellule de crise », « gestion de crise », « crise d'adolescence »).
# The word itself is the group « word »: « La crise revient chez… ».
_PERSONAL_CRISIS = (
    r"(?!\s+(?:d['’]adolescence|de nerfs|d['’]angoisse|de panique|d['’][ée]pilepsie|d['’]asthme|"
    r"familiales?|conjugales?|suicidaires?|existentielles?|identitaires?|de couple)\b)"
)
CRISIS = re.compile(
    r"\b(?:(?:(?<=\bla )|(?<=\bcette )|(?<=\bles )|(?<=\bdes )|(?<=\bsortie de )|(?<=\bsorties de )|"
    r"(?<=\bl['’]apr[èe]s-)|(?<=^)|(?<=^- )|(?<=^-))(?P<word>crises?)" + _PERSONAL_CRISIS + r"|"
    r"(?P<qualified>crises?)(?=\s+(?:sanitaires?|[ée]conomiques?|covid|du covid|de la covid|financi[èe]res?|"
    r"industrielles?|agricoles?|viticoles?|sociales?|[ée]nerg[ée]tiques?|climatiques?|du logement|"
    r"de l['’]emploi|du recrutement|de recrutement|des vocations|de l['’]attractivit[ée]|"
    r"des m[ée]tiers|actuelles?|de 2008|de 2020|du secteur|de la fili[èe]re)\b)|"
    r"(?P<other>confinements?|pand[ée]mie|covid\w*|plans? sociaux|plan social|licenciements?|"
    r"fermetures? d['’](?:usine|entreprise|site)s?))\b",
    re.IGNORECASE,
)
RURAL = re.compile(r"\b(rura(?:l|le|les|ux)|campagnes?|p[ée]riurbain\w*|montagne|bourgs?)\b", re.IGNORECASE)
URBAN = re.compile(
    r"\b(urbain\w*|m[ée]tropol\w*|quartiers?|QPV|centres?-villes?|c(?:œ|oe)ur de ville|"
    r"politique de la ville)\b",
    re.IGNORECASE,
)
# Who started or carries a project.
CARRIED = re.compile(
    r"\b((?:pilot|initi|port|anim|lanc|impuls)(?:é|ée|és|ées)\s+(?:directement\s+)?par|"
    r"(?:est|sont)\s+n[ée]e?s?|[àa] l['’]initiative d|co[- ]?pilotage)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Said:
    """A statement of a participant that a lexicon found, and the words it found."""

    owner: str
    text: str
    found: str


def find(pattern: re.Pattern[str], statements: Sequence[tuple[str, str]]) -> list[Said]:
    """(owner, text) pairs whose text the pattern finds, in grid order, in what the text says,
    not in what it denies (`french.affirmed`: « pas de crise de recrutement chez nous » is no
    crisis)."""
    out = []
    for owner, text in statements:
        match = pattern.search(affirmed(text))
        if match:
            # The word a pattern names as what it found (« crise » of « la crise sanitaire »).
            words = [match.group(g) for g in pattern.groupindex if match.group(g)]
            out.append(Said(owner, text, words[0] if words else match.group(0)))
    return out


def structure_kind(*texts: str) -> int | None:
    """Index in STRUCTURE_KINDS of the kind the first text that says one says first: the
    structure before the function or the cell (« Département de l'Aude », function « PLIE »,
    is a département, not an employment operator; « Office de tourisme du Pays Foyen » is no
    pays). OTHER when that text names a structure of another kind (a union, a tourist office,
    a business club, « CA »); None when no text says any."""
    for text in texts:
        found: list[tuple[int, int]] = []
        for index, (_one, _many, pattern) in enumerate(STRUCTURE_KINDS):
            match = pattern.search(text or "")
            if match:
                found.append((match.start(), index))
        other = OTHER_KINDS.search(text or "")
        if other:
            found.append((other.start(), OTHER))
        if found:
            return min(found)[1]
    return None

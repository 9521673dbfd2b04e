"""A first draft of the minutes' synthesis, from the whole grid (no Qt).

Used by the window's synthesis editor and by `atelier export` (a workshop whose synthesis
nobody typed gets this draft; one the facilitator wrote keeps theirs). It is written the
way a person writes such minutes from a grid, in sentences that say what participants share,
not a list of quotes (about twice the length of the hand-written minutes of the example):

- **Le contexte**: who was there (kinds of structures), and what participants say of
  their territory's situation: rural or urban places, a period of change (elections,
  rewritten protocols, new teams), a crisis (`atelier.synthesis.context`).
- **Ce qui est déjà engagé**: the actions in groups found in the grid, the largest three
  said with pieces of what was said, the others named and counted; who started them.
- **Les défis à relever** and **Les besoins de ressources**: groups found the same way
  (`atelier.synthesis.groups`), one sentence each (« 8 participants veulent travailler avec
  les entreprises : piece (A) ; piece (B) ; aussi C et D. »), a few examples of the rest;
  where the needs stand (answered, a lead in the room, none yet). Then the challenges' themes
  of a few (`groups.specific_themes`): what two or three share that the larger groups took
  apart (« Concurrence, un défi pour 2 participants : … »), and a challenge another
  participant already has among their actions (« « Aller vers », un défi pour A et déjà parmi
  les actions de B : … »).
- **Ce que la salle peut apporter**: one offer of each participant who made one.
The full list of items is the annex and the Excel.

CREDIT, the one rule for who said what (everywhere in the draft): each piece of a statement
is followed by its author in brackets, « piece (Who) »; a piece said in the first person, of
several sentences, or that leans on what came before, is between guillemets. Who is named
by their structure when no one else in the room has it (« Grand Dax »); by their name and
the structure when several share it (« Grégory TALVY de la Région N-A »); by their name when
no structure is known (« Myriam LOUIS »). Anonymised, by the export's label: the structure,
numbered when shared (« Région N-A n° 2 »), else the territory. Remarks the grid quotes word
for word, all of one participant, name them once, in their lead. A theme's title is said as
what several participants share only when its words are theirs; one participant's words are
never said of others (`groups.title`).

Nothing is hard-coded about one workshop: groups come from the terms participants share
(phrases, acronyms, rare words, families of near-synonyms of the glossary) and from the word
vectors; titles and pieces are the participants' own words, every piece with its author.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from atelier.confidence import POSSIBLE, very_likely
from atelier.domain import FollowUp, ItemKind, MatchStatus, people_of
from atelier.drafted import HEADINGS, draft_heading_key, drafted_record, facts_of, heading_of
from atelier.french import (
    affirmed,
    article,
    aside,
    count,
    join,
    of,
    plural,
    remark_said,
    states_a_fact,
    states_an_aim,
    unnested,
)
from atelier.synthesis import context as ctx
from atelier.synthesis.groups import (
    SPECIFIC_MOST,
    Group,
    Space,
    Statement,
    capitalise,
    group,
    in_brackets,
    specific_themes,
)
from atelier.synthesis.groups import title as group_title
from atelier.synthesis.terms import (
    GRAMMAR,
    SINGLE_QUOTED,
    _must_quote,
    fold_plain,
    is_infinitive,
    marked_cuts,
    piece,
    quote,
    terms_of,
)

if TYPE_CHECKING:
    from atelier.matching.semantic import WordVectors

# What the drafter reads: atelier.exports.ExportData (the exports import this module, not
# the other way round).
ExportData = Any
# A suggestion this strong is shown to participants as a lead (« Pistes de mise en relation »,
# the participant pages): « possible » and up on the confidence scale, the projector's level;
# weaker ones stay in the Excel sheet, and their need counts as not yet answered.
LEAD_MIN = POSSIBLE
THEME_KINDS = (ItemKind.ACTION, ItemKind.CHALLENGE, ItemKind.NEED)

__all__ = [
    "HEADINGS",
    "LEAD_MIN",
    "first_leads",
    "Draft",
    "draft",
    "draft_heading_key",
    "drafted_record",
    "drafted_sections",
    "facts_of",
    "heading_of",
    "short_names",
]


@dataclass(slots=True)
class Draft:
    sections: list[tuple[str, str]]  # (heading, text): « - » lines are bullets
    groups: dict[ItemKind, list[Group]]


def drafted_sections(data: ExportData, *, vectors: WordVectors | None = None) -> list[tuple[str, str]]:
    return draft(data, vectors=vectors).sections


def draft(data: ExportData, *, vectors: WordVectors | None = None) -> Draft:
    """The synthesis' sections, from the whole grid."""
    from atelier.matching.engine import Analyzer
    from atelier.matching.text import default_glossary

    if vectors is None:
        vectors = _vectors()
    glossary = default_glossary()
    analyzer = Analyzer(glossary)
    statements = [
        Statement(ids, owner, kind, text, terms_of(text, analyzer))
        for ids, owner, kind, text in joined_entries(data.entries)
        if kind in THEME_KINDS
    ]
    # What of the actions' column is no action already engaged: quoted, cited or said apart.
    aside = set_apart(statements, data.entries)
    remarks, facts, aims, aim_ids, noted = aside.remarks, aside.facts, aside.aims, aside.aim_ids, aside.noted
    statements = [s for s in statements if id(s) not in noted]
    space = Space(statements, len(data.participants), glossary.families, vectors, glossary.acronyms)
    writer = _Writer(data)
    lang = writer.lang
    total = Counter(e.kind for e in data.entries if e.text.strip())
    apart_from_actions = aside.remarked
    total[ItemKind.ACTION] -= apart_from_actions + aside.found + len(aim_ids)
    by_kind: dict[ItemKind, list[Group]] = {}
    actions_apart: list[Statement] = []  # the actions no theme holds, said after the challenges
    sections = [
        (
            heading_of("context", lang),
            writer.context(statements, apart_from_actions, facts, aims, len(aim_ids)),
        )
    ]
    for kind, heading, most in (
        (ItemKind.ACTION, heading_of("actions", lang), 6),
        (ItemKind.CHALLENGE, heading_of("challenges", lang), 5),
        (ItemKind.NEED, heading_of("needs", lang), 4),
    ):
        indices = [i for i, s in enumerate(statements) if s.kind == kind]
        if not indices:
            if kind == ItemKind.ACTION and remarks:  # remarks alone in the actions' column
                sections.append((heading_of("observations", lang), writer.observations(remarks)))
            continue
        if kind == ItemKind.NEED:  # the groups the Excel sheet and `atelier match` show
            groups, apart = shared_groups(data.shared, space, indices)
        else:
            groups, apart = group(space, indices, most=most)
        # The statements of a theme titled in its participants' words that do not say those
        # words (« recrutement dans le BTP » beside « Forum emploi, chez 30 participants »):
        # never cited under the title (`_Writer.pick`), they are counted with the others.
        unsaid = {
            id(st): st
            for g in groups
            if _own_words(g)
            for st in g.statements
            if not _stems(g.title) <= _stems(affirmed(st.text))
        }
        if kind == ItemKind.ACTION:
            # The smaller themes of the actions are only named and counted (« Viennent
            # ensuite : formation (3 participants) … »): a group no words of its participants
            # name has no name to say (never « des actions proches (2 participants) »); its
            # actions are counted with those no theme holds.
            unnamed = [g for g in groups[3:] if not g.title]
            groups = [g for g in groups if all(g is not u for u in unnamed)]
            unsaid.update({id(st): st for g in unnamed for st in g.statements})
        if unsaid:
            held = {id(st) for st in apart}
            fresh = [st for key, st in unsaid.items() if key not in held]
            apart = sorted([*apart, *fresh], key=lambda st: statements.index(st))
        specific: list[Group] = []
        if kind == ItemKind.CHALLENGE:
            # Themes a few share that the larger groups took apart, and challenges others
            # already act on (their actions: `Group.doers`).
            actions = [i for i, s in enumerate(statements) if s.kind == ItemKind.ACTION]
            found = [g for g in specific_themes(space, indices, groups, doers=actions) if writer.fresh(g)]
            specific = [g for g in found if not g.doers][: SPECIFIC_MOST["shared"]]
            specific += [g for g in found if g.doers][: SPECIFIC_MOST["doers"]]
            held = {id(s) for g in specific for s in g.statements}
            apart = [s for s in apart if id(s) not in held]
            writer.reserved.update({id(s): g for g in specific for s in (*g.statements, *g.doers)})
        by_kind[kind] = groups + specific
        if kind == ItemKind.ACTION:
            writer.cited |= {r[0].text for r in remarks}  # quoted whole in their own section
            sections.append((heading, writer.actions(groups, statements, total[kind], space)))
            actions_apart = apart if groups else []
            if remarks:
                sections.append((heading_of("observations", lang), writer.observations(remarks)))
            continue
        sections.append((heading, writer.listed(kind, groups, apart, total[kind], space, specific)))
    if actions_apart:
        # The actions no theme holds are counted too, as the challenges and the needs are
        # (« 6 autres actions ne se rattachent à aucun de ces thèmes… »): never a section that
        # says 2 of 8 actions as if that were all. Written once the challenges have cited the
        # actions they hold (« déjà parmi les actions de… »): each cited once.
        place = next(n for n, (h, _b) in enumerate(sections) if h == heading_of("actions", lang))
        lines = sections[place][1].split("\n")
        last = max(n for n, line in enumerate(lines) if line.startswith("- "))
        themes = len(by_kind[ItemKind.ACTION])
        lines.insert(last + 1, "- " + writer.others(ItemKind.ACTION, actions_apart, themes))
        sections[place] = (sections[place][0], "\n".join(lines))
    offers = writer.offers()
    if offers:
        sections.append((heading_of("offers", lang), offers))
    # Everyone finds something they said: a participant the themes above left out (or only
    # named, « aussi Grand Dax ») gets one of their actions, else one of their challenges.
    # The aims, said as such in one line (« Objectifs annoncés : … (Who) »), last of what is
    # engaged; one of the actions of those it only names is still said (« Autres actions… »).
    aimed = writer.aims(aims)
    for kind, key in ((ItemKind.ACTION, "actions"), (ItemKind.CHALLENGE, "challenges")):
        line = writer.also_said(kind, statements)
        at = next((n for n, (h, _b) in enumerate(sections) if h == heading_of(key, lang)), None)
        if line and at is not None:
            sections[at] = (sections[at][0], f"{sections[at][1]}\n{line}")
    if aimed:
        at = next((n for n, (h, _b) in enumerate(sections) if h == heading_of("actions", lang)), None)
        if at is None:  # nothing but aims in the actions' column
            sections.insert(1, (heading_of("actions", lang), aimed))
        else:
            sections[at] = (sections[at][0], f"{sections[at][1]}\n{aimed}")
    return Draft(sections, by_kind)


@dataclass(slots=True)
class ActionsApart:
    """The items of the actions' column that are no action already engaged: remarks quoted
    word for word, facts about the territory, aims and plans. The minutes' context counts them
    apart (« 70 actions déjà engagées, … 4 observations, 7 constats et 10 objectifs annoncés »),
    and the Excel summary says how the column's items divide the same way."""

    remarks: list[tuple[Statement, str]]  # of every kind: quoted apart (« Des observations… »)
    facts: list[Statement]
    aims: list[Statement]
    aim_ids: set[str]  # the grid's lines of the aims (one split mid-sentence: each line)
    noted: set[int]  # id() of the statements of the actions' column set apart

    @property
    def remarked(self) -> int:
        """The lines of the actions' column quoted as remarks (« 4 observations »)."""
        return sum(len(s.ids) for s, _said in self.remarks if id(s) in self.noted)

    @property
    def found(self) -> int:
        """The lines of the actions' column said as findings (« 7 constats »)."""
        return sum(len(s.ids) for s in self.facts)


def set_apart(statements: Sequence[Statement], entries: Sequence[Any]) -> ActionsApart:
    """What of the actions' column is no action already engaged (see ActionsApart); text only."""
    # Remarks quoted word for word (« Des observations à retenir »): one written in the actions'
    # column is no action its author did (an observer's « La coopération elle ne l'est pas
    # forcément »): quoted apart, never counted, grouped nor cited among the actions.
    remarks = observations(statements)
    noted = {id(s) for s, _said in remarks if s.kind == ItemKind.ACTION}
    # Nor is a fact about the territory typed there (« En effet, 80 % des entreprises du
    # territoire n'ont pas de salariés. »): said in the context as a finding, counted apart.
    # Nor how many people someone counts, and nothing else (« 50 personnes habitant les QPV
    # avec identification de publics spécifiques »): a figure the grid notes, no action.
    facts = [
        s
        for s in statements
        if s.kind == ItemKind.ACTION
        and id(s) not in noted
        and (states_a_fact(s.text) or counts_people_only(s.text))
    ]
    facts.sort(key=lambda s: counts_people_only(s.text))  # what the place is, first
    noted |= {id(s) for s in facts}
    # Nor is an aim or a plan typed there (« objectifs : créer une nouvelle synergie… »,
    # « Projet de forum emploi intercommunal »): said as an aim, counted apart, never among
    # what is « déjà engagé » (`french.states_an_aim`, as matching says it: « a pour objectif »).
    aims = [
        s for s in statements if s.kind == ItemKind.ACTION and id(s) not in noted and states_an_aim(s.text)
    ]
    # Counted by the grid's lines: one a row split mid-sentence joined to an action (« … L'objectif
    # est » + « éviter le doublonnage… ») is an aim all the same, not one more action.
    apart_ids = {i for s in statements if id(s) in noted for i in s.ids}
    aim_ids = {i for s in aims for i in s.ids} | {
        e.id
        for e in entries
        if e.kind == ItemKind.ACTION and e.id not in apart_ids and e.text.strip() and states_an_aim(e.text)
    }
    noted |= {id(s) for s in aims}
    return ActionsApart(remarks, facts, aims, aim_ids, noted)


def actions_column(data: ExportData) -> tuple[int, int, int, int]:
    """How the actions' column's items divide, as the minutes count them: (actions already
    engaged, observations, findings, aims stated), adding up to the column's items."""
    statements = [
        Statement(ids, owner, kind, text)
        for ids, owner, kind, text in joined_entries(data.entries)
        if kind in THEME_KINDS
    ]
    apart = set_apart(statements, data.entries)
    column = sum(1 for e in data.entries if e.kind == ItemKind.ACTION and e.text.strip())
    aimed = len(apart.aim_ids)
    return column - apart.remarked - apart.found - aimed, apart.remarked, apart.found, aimed


def observations(statements: Sequence[Statement]) -> list[tuple[Statement, str]]:
    """Statements that quote someone word for word (« … » in the grid): remarks the
    facilitator took down as said (`french.remark_said`). Each with what to quote."""
    out = []
    for statement in statements:
        said = remark_said(statement.text)
        if said:
            out.append((statement, said))
    return out


def _vectors() -> WordVectors | None:
    try:
        from atelier.matching.semantic import shared_vectors

        return shared_vectors()
    except (ImportError, OSError, ValueError):
        return None


def _straight_quotes_curled(text: str) -> str:
    """Straight quotation marks typed in the grid (« sont "fatigués" », « ('un métier de
    dockers') ») as the quote within a quote they are once between guillemets: “fatigués”
    (English then makes them ‘ ’)."""
    return SINGLE_QUOTED.sub(r"“\1”", re.sub(r'"([^"]+)"', r"“\1”", text))


# « 15 demandeurs d'emploi de plus de 50 ans », « environ 50 personnes habitant les QPV »: a
# statement that opens on how many people.
_COUNTED_PEOPLE = re.compile(
    r"^\W*(?:environ\s+|près\s+de\s+|plus\s+de\s+|moins\s+de\s+)?\d[\d\s\u00a0\u202f.]*\s*"
    r"(?:personnes|demandeu(?:r|se)s\s+d['’]emploi|jeunes|habitants|bénéficiaires|allocataires|salariés"
    r"|participants|familles|ménages|chômeurs|stagiaires|femmes|hommes|seniors|apprentis|candidats"
    r"|élèves|étudiants|usagers|(?-i:DE|BRSA))(?![\w-])",
    re.IGNORECASE,
)


# What the author does with the people counted (« 520 jeunes accompagnés », « 24 salariés en
# parcours d'insertion », « 3 adultes-relais qui font du porte-à-porte »): their work, an action.
_THEIR_WORK = re.compile(
    r"\b(?:(?:accompagn|suiv|suivi|re[çc]u|accueilli|embauch|form|plac|orient|parrain|recrut|tutor|mobilis"
    r"|ins[ée]r|remobilis|coach|h[ée]berg|employ)(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)?s?\b"
    r"|en\s+parcours\b|qui\s)",
    re.IGNORECASE,
)


def counts_people_only(text: str) -> bool:
    """Whether an item of the actions' column only counts people: it opens on a number of
    people, in one clause (brackets aside), and says nothing the author does with them
    (« 50 personnes habitant les QPV avec identification de publics spécifiques »; not « 520
    jeunes accompagnés en 2023 », nor « 11 salariés en binôme saisonnier : chantier l'été… »)."""
    if not _COUNTED_PEOPLE.match(text):
        return False
    plain = re.sub(r"\([^()]*\)", "", text).strip().rstrip(".")
    return not re.search(r"[,;:=]|\s[-–]\s", plain) and not _THEIR_WORK.search(plain)


def joined_entries(entries: Sequence[Any]) -> list[tuple[tuple[str, ...], str, ItemKind, str]]:
    """Items as (ids, participant, kind, text), with a row the grid split mid-sentence put
    back together (« … la personne qui sera chargée de » + « former les entreprises… »)."""
    out: list[tuple[tuple[str, ...], str, ItemKind, str]] = []
    for entry in entries:
        text = " ".join(entry.text.split())
        if not text:
            continue
        if out:
            ids, owner, kind, previous = out[-1]
            last = previous.rstrip().split()[-1] if previous.strip() else ""
            if (
                owner == entry.participant_id
                and kind == entry.kind
                and last
                and not last.endswith((".", "!", "?", ":", ";", ")"))
                and fold_plain(last) in GRAMMAR
                and not text[:1].isupper()  # « … ne revient pas » + « Jeunes invisibles : … »: two
            ):
                out[-1] = ((*ids, entry.id), owner, kind, f"{previous} {text}")
                continue
        out.append(((entry.id,), entry.participant_id, entry.kind, text))
    return out


def shared_groups(
    shared: Sequence[Any], space: Space, indices: Sequence[int]
) -> tuple[list[Group], list[Statement]]:
    """The needs several participants share, as the Excel summary and `atelier match` group
    them (`ExportData.shared`, from `atelier.matching.need_groups`), as the draft's groups, and
    the needs none of them holds. Each group is named by what all its needs hold: a theme of the
    glossary by its name (in English, its English name), an acronym as written, words by the
    clause of a need that says them (`groups.title`: « mobiliser les entreprises »)."""
    from atelier.matching.engine import ACRONYM, FAMILY

    where = {item_id: i for i in indices for item_id in space.statements[i].ids}
    groups: list[Group] = []
    taken: set[int] = set()
    for found in shared:
        members = sorted({where[n] for n in found.need_ids if n in where} - taken)
        need_group = found.group
        if len({space.statements[i].owner for i in members}) < 2 or need_group is None:
            continue
        statements = [space.statements[i] for i in members]
        if all(_only_in_brackets(s.text, need_group.words) for s in statements):
            continue  # « un appui juridique (numérique) »: each wrote it as a detail, in brackets
        made = Group(need_group.feature, statements, focus=list(need_group.words), held_by_all=True)
        kind, name = need_group.feature.split(":", 1)
        shared = _family_word_all_write(statements, space.families.get(name, [])) if kind == FAMILY else ""
        if shared and len({fold_plain(word) for word in made.focus}) > 1:
            # Each says the theme in words of their own, and all write one of them: that word,
            # theirs, not the theme's name (« juillet-août » of a residence to fill in summer
            # and of seasonal workers to house: no seasonal job for the residence).
            made.focus = [shared]
            made.title = group_title(made, space, members, space.acronyms) or capitalise(shared)
        elif kind == FAMILY and len({fold_plain(word) for word in made.focus}) > 1:
            # Each says the theme in words of their own (« interconnaissance », « cloisonnée »):
            # the theme's name, as the Excel sheet names it, not one participant's word for it.
            made.title, made.theme = capitalise(name), name  # English: `english_title`
        elif kind == ACRONYM:
            made.title = need_group.topic
        else:  # a word they all write: the clause that says it (« mobiliser les entreprises »)
            made.title = group_title(made, space, members, space.acronyms)
        groups.append(made)
        taken.update(members)
    return groups, [space.statements[i] for i in indices if i not in taken]


def _family_word_all_write(statements: Sequence[Statement], words: Sequence[str]) -> str:
    """The longest word (or phrase) of a glossary theme that every statement writes, as the
    first writes it; empty when none."""
    import unicodedata

    def bare(text: str) -> str:  # accents off, one character for one: spans stay the text's
        return "".join(unicodedata.normalize("NFD", c)[0] for c in text.casefold())

    texts = [bare(s.text) if len(bare(s.text)) == len(s.text) else s.text.casefold() for s in statements]
    for word in sorted(words, key=len, reverse=True):
        pattern = re.compile(rf"(?<![\w-]){re.escape(bare(word))}s?(?![\w-])")
        found = [pattern.search(text) for text in texts]
        if found and all(found) and found[0] is not None:
            return statements[0].text[found[0].start() : found[0].end()]
    return ""


def _only_in_brackets(text: str, words: Sequence[str]) -> bool:
    """Whether the statement writes the group's words it holds only between brackets."""
    said = [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.IGNORECASE)]
    return bool(said) and all(in_brackets(text, w) for w in said)


def short_names(data: ExportData) -> dict[str, str]:
    """How the synthesis credits a participant, everywhere (one rule, see CREDIT)."""
    from atelier.french import of

    if data.anonymised:
        return dict(data.who)
    structures = Counter(p.organisation for p in data.participants if p.organisation)
    english = getattr(data, "lang", "fr") == "en"
    out: dict[str, str] = {}
    for p in data.participants:
        people = p.people("en" if english else "fr")
        if p.organisation and structures[p.organisation] == 1:
            out[p.id] = p.organisation
        elif p.organisation and people:
            out[p.id] = f"{people} of {p.organisation}" if english else f"{people} {of(p.organisation)}"
        else:
            out[p.id] = people or data.who[p.id]
    if len(set(out.values())) < len(out):  # two people of one name and no structure: the export's labels
        return {p.id: data.who[p.id] for p in data.participants}
    return out


def _sentences_without_table(description: str) -> str:
    """The grid's intro, without what speaks of the table it stood above."""
    parts = re.split(r"(?<=[.!?])\s+", description.strip())
    kept = [p for p in parts if p and not re.search(r"\b(ce|le|du|dans ce) tableau\b", p, re.IGNORECASE)]
    return " ".join(kept)


class _Writer:
    """The sentences of the draft, in the documents' language (French, or English when the
    interface is), every piece of a statement with its author, in the participant's words."""

    def __init__(self, data: ExportData) -> None:
        self.data = data
        self.lang = "en" if getattr(data, "lang", "fr") == "en" else "fr"
        self.en = self.lang == "en"
        self.who = short_names(data)
        # Those credited by their name alone (no structure known): named last in a list, never
        # « Myriam LOUIS et Grégory TALVY de la Région N-A », which reads as both of the Région.
        self.bare = {p.id for p in data.participants if not data.anonymised and not p.organisation}
        # How many people each row names (« Cécile BECHON et Ghislaine Paparemborde »: two):
        # every « N participants » of the draft counts people, as its opening does.
        self.heads = {p.id: people_of(p) for p in data.participants}
        self.cited: set[str] = set()  # statements already cited: once each in the draft
        # Who typed each statement word for word (« financement FSE » of Grand Dax and of the
        # CCAS de Dax): its piece is credited to each of them, « (Grand Dax, CCAS de Dax) ».
        typed: dict[tuple[ItemKind, str], list[str]] = defaultdict(list)
        for _ids, owner, kind, text in joined_entries(data.entries):
            if owner not in typed[kind, _alike(text)]:
                typed[kind, _alike(text)].append(owner)
        self.alike: dict[tuple[str, str], list[str]] = {}
        for (_kind, key), owners in typed.items():
            for owner in owners:
                mine = self.alike.setdefault((owner, key), [owner])
                mine.extend(o for o in owners if o not in mine)
        # Needs put in touch whose every contact was put down « sans suite » since (`answers`).
        self._dropped: set[tuple[str, str]] = set()
        # Statements a theme of a few will cite (`specific_themes`): a larger group cites
        # another statement of their author when it has one.
        self.reserved: dict[int, Group] = {}
        self.heard: set[str] = set()  # participants of whom the draft cites something
        # The words of what the draft cites of each participant: a piece that says again what
        # another section cited of them (the challenge « inclure davantage les entreprises… »
        # and the need « Comment inclure davantage les entreprises… ? ») gives way to another.
        self.said_of: dict[str, list[set[str]]] = defaultdict(list)
        # Words the grid capitalises inside a sentence (« démarche Territoire zéro chômeur »,
        # « Ville de Bordeaux »): names. A piece that starts with any other capitalised word
        # (« Réflexions en cours… ») is written in lower case inside a sentence.
        capitalised = {
            m.group(2)
            for e in data.entries
            for m in re.finditer(r"(?<=[\wà-ÿ,'’] )([\w'’]+) ([A-ZÀ-Ý][\w-]*)", e.text)
            if m.group(1)[:1].islower() and m.group(1).lower() not in ("du", "des", "de", "la", "le", "les")
        }
        lower = {w for e in data.entries for w in re.findall(r"[\w-]+", e.text) if w.islower()}
        self.names_seen = {w for w in capitalised if w.lower() not in lower}
        # Words the grid writes with an accent on their first letter (« étude »): the same word
        # at the start of a line, its capital left without it (« Etude »), lowered with it.
        self.accented: dict[str, str] = {fold_plain(w[0]) + w[1:]: w for w in lower if w[0] in "éèêàâ"}

    def credit(self, owner: str) -> str:
        return self.who.get(owner) or self.data.who.get(owner, "")

    def short(self, label: str) -> str:
        """The synthesis' name for the participant an export names `label`."""
        owner = next((pid for pid, shown in self.data.who.items() if shown == label), None)
        return self.who.get(owner, label) if owner is not None else label

    def lower(self, text: str) -> str:
        """A piece starting with a capitalised word (not a name) inside a sentence: the word in
        lower case, with the accent a capital is often typed without (« A la fin » is « à la
        fin », never the verb « a »; « Etude » is « étude » when the grid writes it so)."""
        first = re.split(r"['’\s]", text, maxsplit=1)[0]
        if first[:1].isupper() and first[1:] == first[1:].lower() and first not in self.names_seen:
            word, rest = first.lower(), text[len(first) :]
            if word == "a" and rest[:1].isspace():
                return "à" + rest
            return self.accented.get(word, word) + rest
        return text

    def cite(self, owner: str, text: str, focus: Sequence[str] = (), limit: int = 10) -> str:
        """« piece (Who) »: a short piece of the statement, bare when it reads as part of the
        sentence, between guillemets when it is said in the first person or as a whole."""
        shown, quoted = piece(text, focus, limit)
        return self.shown(owner, text, shown, quoted)

    def typed_alike(self, owner: str, text: str) -> list[str]:
        """The participants who typed this statement of `owner` word for word, `owner` first."""
        return self.alike.get((owner, _alike(text)), [owner])

    def credited(self, said: Iterable[tuple[str, str]]) -> set[str]:
        """The participants the pieces of these (owner, text) statements credit."""
        return {o for owner, text in said for o in self.typed_alike(owner, text)}

    def shown(self, owner: str, text: str, shown: str, quoted: bool) -> str:
        self.cited.add(text)
        owners = self.typed_alike(owner, text)
        for one in owners:
            self.heard.add(one)
            self.said_of[one].append(_stems(shown))
        credit = ", ".join(unnested(self.credit(o)) for o in owners)
        # A piece ending with its own aside (« … Agricoles (RENETA) ») between guillemets: its
        # credit never reads as a second aside of the piece, « (RENETA) (CIAP-Champs du Partage) ».
        quoted = quoted or shown.rstrip().endswith((")", "]"))
        if quoted:  # the participant's words: the question whole, « […] » where some are left out
            shown = _straight_quotes_curled(marked_cuts(text, shown))
        if quoted and self.en:  # a quote within the quote: ‘ ’
            shown = re.sub(r"\s*»", "’", re.sub(r"«\s*", "‘", shown)).replace("“", "‘").replace("”", "’")
            return f"“{shown}” ({credit})"
        if quoted:  # a quote within the quote: “ ” (French typography nests them so)
            shown = re.sub(r"\s*»", "”", re.sub(r"«\s*", "“", shown))
            return f"« {shown} » ({credit})"
        return f"{self.lower(shown)} ({credit})"

    def quoted(self, words: str) -> str:
        """The participant's words between the draft's guillemets, a quote within nested."""
        if self.en:
            inner = re.sub(r"\s*»", "’", re.sub(r"«\s*", "‘", words)).replace("“", "‘").replace("”", "’")
            return f"“{inner}”"
        inner = re.sub(r"\s*»", "”", re.sub(r"«\s*", "“", words))
        return f"« {inner} »"

    def names(self, owners: Sequence[str], most: int = 4) -> str:
        """« la Région N-A, le PETR Sud Gironde et 3 autres participants »."""
        owners = sorted(dict.fromkeys(owners), key=lambda o: o in self.bare)
        if self.en:  # English names a structure without an article: « Région N-A »
            labels = [self.credit(o) for o in owners]
            if len(labels) > most + 1:
                others = self.people(owners[most:])
                labels = [*labels[:most], count(others, "other participant", "other participants", lang="en")]
            return join(labels, lang="en")
        labels = [article(self.credit(o)) for o in owners]
        if len(labels) > most + 1:  # one more is named rather than counted
            others = self.people(owners[most:])
            labels = [*labels[:most], count(others, "autre participant", "autres participants", lang="fr")]
        return join(labels, lang="fr")

    def count(self, number: int, singular: str, plural_form: str | None = None) -> str:
        return count(number, singular, plural_form, lang=self.lang)

    def people(self, owners: Iterable[str]) -> int:
        """How many people these rows of the grid name (a row naming no one: one)."""
        return sum(self.heads.get(o, 1) for o in set(owners))

    def t(self, french: str, english: str) -> str:
        """The sentence in the draft's language."""
        return english if self.en else french

    def agree(self, number: int, french: tuple[str, str], english: tuple[str, str]) -> str:
        """A verb or noun agreeing with `number`, in the draft's language."""
        one, many = english if self.en else french
        return plural(number, one, many, lang=self.lang)

    def colon(self) -> str:
        return ":" if self.en else " :"

    def semicolons(self, parts: Sequence[str]) -> str:
        return ("; " if self.en else " ; ").join(parts)

    # ---------------------------------------------------------- context

    def context(
        self,
        statements: Sequence[Statement],
        remarks: int = 0,
        facts: Sequence[Statement] = (),
        aims: Sequence[Statement] = (),
        aimed: int = 0,
    ) -> str:
        """The room and what it said; `remarks`: the items of the actions' column that are
        remarks quoted apart (« Des observations à retenir »), counted apart from the actions;
        `facts`: statements of fact typed there (`french.states_a_fact`), said here as findings;
        `aims`: aims and plans typed there (`french.states_an_aim`), `aimed` lines of the grid."""
        data = self.data
        territories = data.territories()
        counts = Counter(e.kind for e in data.entries if e.text.strip())
        found = sum(len(f.ids) for f in facts)
        counts[ItemKind.ACTION] -= remarks + found + aimed
        people, named = len(data.participants), data.people_named()
        opening = self.count(named, "participant")
        if named != people:  # two people on one row of the grid: both counted, the rows said
            rows = (
                self.t("ligne de la grille", "row of the grid"),
                self.t("lignes de la grille", "rows of the grid"),
            )
            if data.away:  # the annex grid holds their rows too: these are those present's
                rows = (
                    self.t("ligne de la grille des présents", "row of the grid of those present"),
                    self.t("lignes de la grille des présents", "rows of the grid of those present"),
                )
            opening += f" ({self.count(people, *rows)})"
        located = sum(1 for p in data.participants if p.territory)
        if len(territories) > 1 and people > 1:
            where = self.count(
                len(territories), "territoire", "territoires" if not self.en else "territories"
            )
            opening += self.t(f", venus de {where},", f", from {where},")
        elif territories and people > 1 and located == people:  # never said of those with none
            opening += self.t(", venus d'un même territoire,", ", from one same territory,")
        every = [
            (ItemKind.ACTION, "action déjà engagée", "actions déjà engagées"),
            (ItemKind.CHALLENGE, "défi", "défis"),
            (ItemKind.NEED, "besoin de ressources", "besoins de ressources"),
            (ItemKind.OFFER, "offre d'aide", "offres d'aide"),
        ]
        if self.en:
            every = [
                (ItemKind.ACTION, "action already under way", "actions already under way"),
                (ItemKind.CHALLENGE, "challenge", "challenges"),
                (ItemKind.NEED, "need for resources", "needs for resources"),
                (ItemKind.OFFER, "offer of help", "offers of help"),
            ]
        # What nobody wrote is not counted (« 0 défi, 0 besoin de ressources »); nothing at all
        # is said as it is, never « 0 participant a présenté 0 action déjà engagée, 0 défi… ».
        said = [self.count(counts[k], one, many) for k, one, many in every if counts[k]]
        if remarks:  # « … 16 offres d'aide et 4 observations »: quoted in their own section
            said.append(self.count(remarks, "observation"))
        if found:  # « … et 3 constats »: cited below
            said.append(self.count(found, *(("finding", "findings") if self.en else ("constat", "constats"))))
        if aimed:  # « … et 10 objectifs annoncés »: said after what is engaged
            said.append(
                self.count(
                    aimed,
                    *(
                        ("stated aim", "stated aims")
                        if self.en
                        else ("objectif annoncé", "objectifs annoncés")
                    ),
                )
            )
        if not people:
            return self.t("La grille ne compte encore aucun participant.", "The grid has no participant yet.")
        if not said and self.en:
            lines = [
                f"{opening} {plural(named, 'is', 'are', lang='en')} in the grid, which notes no action, "
                "challenge, need or offer yet."
            ]
        elif not said:
            lines = [
                f"{opening} {plural(named, 'est inscrit', 'sont inscrits', lang='fr')} dans la grille, "
                "qui ne note encore ni action, ni défi, ni besoin, ni offre."
            ]
        elif self.en:
            lines = [f"{opening} presented {join(said, lang='en')}; the full grid is in the annex."]
        else:
            lines = [
                f"{opening} {plural(named, 'a', 'ont', lang='fr')} présenté {join(said, lang='fr')} ; "
                "la grille complète figure en annexe."
            ]
        kinds = self.structure_kinds()
        if kinds:
            lines.append(self.t(f"Autour de la table : {kinds}.", f"Around the table: {kinds}."))
        pairs = [(s.owner, s.text) for s in (*statements, *facts)]
        rural = list(dict.fromkeys(c.owner for c in ctx.find(ctx.RURAL, pairs)))
        urban = list(dict.fromkeys(c.owner for c in ctx.find(ctx.URBAN, pairs)))
        if rural and urban:
            lines.append(self.rural_and_urban(rural, urban))
        elif (rural or urban) and self.en:
            what = (
                "The countryside is brought up" if rural else "The city and its neighbourhoods are brought up"
            )
            lines.append(f"{what} by {self.names(rural or urban, 3)}.")
        elif rural or urban:
            what = "Le monde rural est évoqué" if rural else "La ville et ses quartiers sont évoqués"
            lines.append(f"{what} par {self.names(rural or urban, 3)}.")
        if facts:
            # « Constats notés parmi les actions : 80 % des entreprises… (CC Val de Gâtine) ; … »
            cites = [self.cite(f.owner, f.text) for f in facts[:2]]
            # Named after them, those who said what the place is (not who counted people).
            rest = [
                f.owner
                for f in facts[2:]
                if f.owner not in self.credited((c.owner, c.text) for c in facts[:2])
                and not counts_people_only(f.text)
            ]
            if rest:
                cites.append(f"{self.t('aussi', 'also')} {self.names(rest, 3)}")
            lead = self.t("Constats notés parmi les actions :", "Findings noted among the actions:")
            lines.append(f"{lead} {self.semicolons(cites)}.")
        # A protocol being rewritten, a road map in the making: a period of change, aims too.
        actions = [(s.owner, s.text) for s in (*statements, *aims) if s.kind == ItemKind.ACTION]
        change = ctx.find(ctx.CHANGE, actions)
        if change:
            lines.append(self.change(change))
        crisis = ctx.find(ctx.CRISIS, pairs)
        if len({c.owner for c in crisis}) >= 2:
            lines.append(self.crisis(crisis, statements))
        return "\n".join(lines)

    def rural_and_urban(self, rural: Sequence[str], urban: Sequence[str]) -> str:
        """« … : le monde rural est évoqué par A, la ville et ses quartiers par B, l'un et l'autre
        par C »: each participant on one side only, those who speak of both said once (never
        « le monde rural est évoqué par A et B, la ville et ses quartiers par A et B »)."""
        both = [o for o in rural if o in urban]
        rural = [o for o in rural if o not in both]
        urban = [o for o in urban if o not in both]
        if self.en:
            parts = []
            if rural:
                parts.append(f"the countryside is brought up by {self.names(rural, 2)}")
            if urban:
                verb = "" if parts else " are brought up"
                parts.append(f"the city and its neighbourhoods{verb} by {self.names(urban, 2)}")
            if both and parts:
                parts.append(f"both by {self.names(both, 2)}")
            elif both:
                parts.append(
                    f"both the countryside and the city and its neighbourhoods are brought up by "
                    f"{self.names(both, 2)}"
                )
            return f"The territories represented are rural and urban alike: {', '.join(parts)}."
        parts = []
        if rural:
            parts.append(f"le monde rural est évoqué par {self.names(rural, 2)}")
        if urban:
            verb = "" if parts else " sont évoqués"
            parts.append(f"la ville et ses quartiers{verb} par {self.names(urban, 2)}")
        if both and parts:
            parts.append(f"l'un et l'autre par {self.names(both, 2)}")
        elif both:
            parts.append(
                f"le monde rural comme la ville et ses quartiers sont évoqués par {self.names(both, 2)}"
            )
        return f"Les territoires représentés sont ruraux comme urbains : {', '.join(parts)}."

    def change(self, change: Sequence[ctx.Said]) -> str:
        """« 6 participants font état d'une période de changement : piece (A) ; piece (B) ;
        aussi C, D et E. « protocole du PLIE » revient chez 4 d'entre eux. »"""
        owners = list(dict.fromkeys(c.owner for c in change))
        found: dict[str, list[str]] = defaultdict(list)
        for said in change:
            found[said.text] = [m.group(0) for m in ctx.CHANGE.finditer(said.text)]
        # The statements that say the most of the change, one per participant, at most two.
        ranked = sorted(change, key=lambda c: -len(set(found[c.text])))
        cites: list[str] = []
        cited_owners: list[str] = []
        for said in ranked:
            if said.owner in cited_owners or len(cites) >= 2:
                continue
            cites.append(self.cite(said.owner, said.text, found[said.text], limit=10))
            cited_owners.extend(self.typed_alike(said.owner, said.text))
        rest = [o for o in owners if o not in cited_owners]
        if rest:
            cites.append(f"{self.t('aussi', 'also')} {self.names(rest, 3)}")
        # What each of them says of the change is said here, once: a theme (« Plan local pour
        # l'insertion et l'emploi (PLIE) ») cites what its participants do besides.
        self.cited |= {c.text for c in change}
        n = self.people(owners)
        # Participants, not territories: two of one territory (or of none: « changement de
        # direction » of a structure) are not two territories.
        if self.en:
            line = (
                f"{self.count(n, 'participant')} {plural(n, 'reports', 'report', lang='en')} a period "
                f"of change: {self.semicolons(cites)}."
            )
        else:
            line = (
                f"{self.count(n, 'participant')} {plural(n, 'fait', 'font', lang='fr')} état d'une période "
                f"de changement : {' ; '.join(cites)}."
            )
        shared = self.shared_term(change)
        return f"{line} {shared}." if shared else line

    def crisis(self, crisis: Sequence[ctx.Said], statements: Sequence[Statement]) -> str:
        """« La crise revient chez 6 participants : piece (A) ; aussi B, C… »: what it asks of
        them first (a challenge or a need), else the shortest mention."""
        owners = list(dict.fromkeys(c.owner for c in crisis))
        kinds = {(s.owner, s.text): s.kind for s in statements}
        ranked = sorted(
            crisis, key=lambda c: (kinds.get((c.owner, c.text)) == ItemKind.ACTION, len(c.text.split()))
        )
        # What the crisis asks of them (challenges, needs): two; else one mention.
        most = 2 if kinds.get((ranked[0].owner, ranked[0].text)) != ItemKind.ACTION else 1
        chosen: list[ctx.Said] = []
        for said in ranked:
            fresh = len(chosen) < most and said.owner not in {c.owner for c in chosen}
            if fresh and (not chosen or kinds.get((said.owner, said.text)) != ItemKind.ACTION):
                chosen.append(said)
        word = Counter(c.found.lower() for c in crisis).most_common(1)[0][0]
        subject = f"La {word}" if word in ("crise", "pandémie") else f"« {word} »"
        if self.en:
            subject = {"crise": "The crisis", "pandémie": "The pandemic"}.get(word, f"“{word}”")
        cites = [self.cite(c.owner, c.text, [c.found], limit=14) for c in chosen]
        rest = [o for o in owners if o not in self.credited((c.owner, c.text) for c in chosen)]
        if rest:
            cites.append(f"{self.t('aussi', 'also')} {self.names(rest, 2)}")
        if self.en:
            return (
                f"{subject} comes up with {self.count(self.people(owners), 'participant')}: "
                f"{self.semicolons(cites)}."
            )
        return (
            f"{subject} revient chez {self.count(self.people(owners), 'participant')} : {' ; '.join(cites)}."
        )

    def structure_kinds(self) -> str:
        """« intercommunalités ou pays (12 participants), opérateurs de l'emploi et de
        l'insertion (4), autre structure (1) et sans structure indiquée (1) »: the people of
        each kind of structure, each person once (two of one row are two), so that the figures
        add up to the participants the opening counts; a structure of no known kind (or of an
        unsure one, « CA ») among « autres structures ». A kind is said in the singular only
        when it is one structure: one row, or rows that name it however spelled (« CC du
        Val », « Communauté de communes du Val »: `same_structure`); « PETR du Pays Foyen » and
        « Syndicat mixte du Pays Foyen » are two."""
        from atelier.matching.across import same_structure

        people: Counter[int] = Counter()
        structures: defaultdict[int, list[str]] = defaultdict(list)
        unknown = 0
        for p in self.data.participants:
            kind = ctx.structure_kind(p.organisation, p.role, p.territory, p.source_text)
            if kind is None and not p.organisation.strip():
                unknown += people_of(p)
                continue
            kind = ctx.OTHER if kind is None else kind
            people[kind] += people_of(p)
            structures[kind].append(p.organisation.strip())
        known = sorted(((k, n) for k, n in people.items() if k != ctx.OTHER), key=lambda kv: (-kv[1], kv[0]))
        if not known:
            return ""
        labels = {
            k: (ctx.STRUCTURE_KINDS_EN[k] if self.en else ctx.STRUCTURE_KINDS[k][:2]) for k, _n in known
        }
        labels[ctx.OTHER] = (
            self.t("autre structure", "other structure"),
            self.t("autres structures", "other structures"),
        )
        parts: list[str] = []
        for kind, number in [*known, *([(ctx.OTHER, people[ctx.OTHER])] if people[ctx.OTHER] else [])]:
            one, many = labels[kind]
            names = structures[kind]
            # One row is one structure, written or not (« Métropole » said by the role alone).
            alone = len(names) == 1 or (all(names) and all(same_structure(names[0], b) for b in names))
            figure = self.count(number, "participant") if not parts else str(number)
            parts.append(f"{one if alone else many} ({figure})")
        if unknown:
            parts.append(f"{self.t('sans structure indiquée', 'no structure given')} ({unknown})")
        return join(parts, lang=self.lang)

    def shared_term(self, found: Sequence[ctx.Said]) -> str:
        """« « protocole du PLIE » revient chez 4 d'entre eux »: a phrase or acronym several
        of these statements share."""
        from atelier.synthesis.terms import terms_of as terms

        owners: dict[str, set[str]] = defaultdict(set)
        written: dict[str, Counter[str]] = defaultdict(Counter)
        for said in found:
            for term, as_written in terms(said.text).items():
                if term[0] == "p" and fold_plain(as_written.split()[0]) not in GRAMMAR:
                    owners[term].add(said.owner)
                    written[term][as_written] += 1
        candidates = [(self.people(who), len(t), t) for t, who in owners.items() if len(who) >= 2]
        if not candidates:
            return ""
        number, _length, term = max(candidates)
        text = written[term].most_common(1)[0][0]
        if self.en:
            return f"The phrase “{text}” comes up with {number} of them"
        return f"L'expression « {text} » revient chez {number} d'entre eux"

    # ---------------------------------------------------------- themes

    def pick(
        self, found: Group, space: Space, most: int, limit: int = 10
    ) -> list[tuple[Statement, str, bool]]:
        """Pieces of a group's statements to cite (statement, piece, between guillemets): the
        statements that say the group's main word first, the most central first, one per
        participant, each adding to what the title and the others already say."""
        index = {id(s): n for n, s in enumerate(space.statements)}
        members = [index[id(s)] for s in found.statements]
        # Of a challenge or a need, first those the draft has cited least so far: each
        # participant's words heard where the room says what it must do or lacks (the
        # actions' examples stay the most central).
        spread = found.statements[0].kind != ItemKind.ACTION

        def focus_rank(statement: Statement) -> int:
            """The first of the group's words (its main word first) the statement says; under a
            theme's name (« Formation »), first a statement that says the name itself (not
            « logement pour les apprentis » as the first example of a training need)."""
            if found.theme and _says(statement.text, [found.theme]):
                return -1
            return next((n for n, word in enumerate(found.focus) if _says(statement.text, [word])), 99)

        ranked = [
            s
            for _i, s in sorted(
                zip(members, found.statements, strict=True),
                key=lambda pair: (
                    self.reserved.get(id(pair[1]), found) is not found,
                    focus_rank(pair[1]),
                    len(self.said_of[pair[1].owner]) if spread else 0,
                    -space.closeness(pair[0], members),
                ),
            )
        ]
        said = _stems(found.title)
        own_words = _own_words(found)
        title_stems = set(said)
        # A piece says more than the title: two words more, one when the title is one word
        # (« Jeunes »: « garantie jeunes » and « chantier jeunes l'été » say what each does).
        more = 1 if len(said) <= 1 else 2
        focus = self.shared_focus(found)
        picked: list[tuple[Statement, str, bool]] = []
        # First pieces that read as part of a sentence and say the topic, then any that say
        # it, then any.
        for clean, topical in ((True, True), (False, True), (False, False)):
            for statement in ranked:
                if len(picked) >= most:
                    break
                if statement.text in self.cited or statement.owner in {p[0].owner for p in picked}:
                    continue
                if self.reserved.get(id(statement), found) is not found:
                    continue  # cited by the theme of a few it belongs to (`specific_theme`)
                shown, quoted = piece(statement.text, found.focus, limit, frozenset(said))
                if clean and (quoted or "…" in shown):
                    continue
                if topical and not _says(shown, focus):
                    continue
                # Never cited under the title a statement that does not say its topic (one the
                # meaning alone brought close): « Solutions de mobilité pour les publics, un
                # besoin pour 7 participants : … des exemples de coopération réussie (…) ».
                if not _says(statement.text, found.focus):
                    continue
                # Under a title in the participants' words, an example says them (never
                # « Forum emploi, chez 30 participants, par exemple : recrutement dans le BTP »).
                if own_words and not title_stems <= _stems(shown):
                    continue
                if len(_stems(shown) - said) < more or self.said_again(statement.owner, shown):
                    continue
                picked.append((statement, shown, quoted))
                said |= _stems(shown)
        return picked

    def said_again(self, owner: str, shown: str) -> bool:
        """Whether most of a piece's words are those of a piece the draft already cited of the
        same participant (a challenge and a need they wrote alike)."""
        words = _stems(shown)
        return bool(words) and any(len(words & before) >= 0.8 * len(words) for before in self.said_of[owner])

    def topical(self, found: Group) -> list[str]:
        """The group's participants whose own words say its topic (not those the meaning
        alone brought close): those a sentence names and counts."""
        if found.held_by_all:
            return found.owners
        if _own_words(found):
            # Titled in some participants' words (« Marché de producteurs » of a group the
            # theme « alimentation » brought together, beside « 240 repas/jour » and
            # « maraîchage bio »): those who write them, never the others of the group.
            title = _stems(found.title)
            return list(dict.fromkeys(s.owner for s in found.statements if title <= _stems(s.text)))
        words = self.shared_focus(found)
        topical = [s.owner for s in found.statements if _says(s.text, words)]
        if len(set(topical)) >= 2:
            return list(dict.fromkeys(topical))
        # Else those whose words hold the group's topic: never one the meaning alone brought.
        return list(dict.fromkeys(s.owner for s in found.statements if found.topic in s.terms))

    def shared_focus(self, found: Group) -> list[str]:
        """The words of a group's topic that two of its participants or more write (a family
        of the glossary has words only one says: « SEM » beside « filières »)."""
        shared = [
            w for w in found.focus if len({s.owner for s in found.statements if _says(s.text, [w])}) >= 2
        ]
        return shared or list(found.focus)

    def untitled(self, kind: ItemKind, who: str = "") -> str:
        """A group no words of all its participants name: « Des défis proches chez 2
        participants », never one participant's words as the group's (`groups.title`)."""
        if self.en:
            noun = {ItemKind.ACTION: "actions", ItemKind.CHALLENGE: "challenges"}.get(kind, "needs")
            return f"Related {noun} from {who}" if who else f"related {noun}"
        noun = {ItemKind.ACTION: "actions proches", ItemKind.CHALLENGE: "défis proches"}.get(
            kind, "besoins proches"
        )
        return f"Des {noun} chez {who}" if who else f"des {noun}"

    def english_title(self, found: Group, within: bool = False) -> str:
        """A group's title in an English sentence: the participants' words between quotation
        marks (never translated); Atelier's own words in English, unquoted: the glossary theme's
        English name (« Recruitment »), also for a title that is only the theme's name as they
        wrote it (« Les entreprises » of « entreprises »: « Businesses »), and an acronym the
        glossary spells out (« Local plan for integration and employment (PLIE) »). `within`: in
        the course of a sentence (« Then come: priority neighbourhoods (5 participants) »),
        Atelier's words in lower case, as English writes common nouns after a colon."""
        from atelier.reasons import acronym_expansion, english_theme_names

        def case(text: str) -> str:
            if not within:
                return capitalise(text)
            first = text.split(" ", 1)[0]  # never an acronym's capitals (« PLIE », « RSA »)
            return text[:1].lower() + text[1:] if first[1:] == first[1:].lower() else text

        theme = found.theme or (found.topic[2:] if _names_its_theme(found) else "")
        if theme:
            return case(english_theme_names().get(theme, theme))
        # The words they all write are the name of a theme of the glossary (« garde
        # d'enfants »): Atelier's English name for it (« Childcare »), not French quoted.
        named = {fold_plain(f): e for f, e in english_theme_names().items()}.get(fold_plain(found.title))
        if named:
            return case(named)
        if found.acronym:
            said = found.title.removesuffix(f" ({found.acronym})")
            for french in (said[:1].lower() + said[1:], said):  # as the glossary writes it
                english = acronym_expansion(found.acronym, french, "en")
                if english != french:
                    return f"{case(english)} ({found.acronym})"
            return found.title  # an acronym with no English: the glossary's words, unquoted
        return f"“{found.title}”"

    def theme(self, kind: ItemKind, found: Group, space: Space, most: int, limit: int = 10) -> str:
        """One sentence: what the group's participants share, and pieces of what they said.
        « 8 participants veulent travailler avec les entreprises : piece (A) ; piece (B) ;
        aussi C, D et 3 autres participants. »"""
        picked = self.pick(found, space, most, limit)
        owners = list(dict.fromkeys([*self.topical(found), *(s.owner for s, _p, _q in picked)]))
        if _own_words(found):
            # Each counted writes the title: they find what they said in it (never listed again
            # among « Autres actions présentées », 29 times « forum emploi »).
            self.heard |= set(owners)
        n = self.people(owners)
        who = self.count(n, "participant")
        title = found.title
        if not title:  # nothing all of them write: their statements side by side, no name
            lead = self.untitled(kind, who)
        elif self.en:  # the title is the participants' own words, quoted in an English sentence
            said = self.english_title(found)
            lead = {
                ItemKind.ACTION: f"{said}, with {who}",
                ItemKind.CHALLENGE: f"{said}, a challenge for {who}",
            }.get(kind, f"{said}, a need for {who}")
        elif kind == ItemKind.ACTION:
            lead = f"{title}, chez {who}"
        elif is_infinitive(title.split()[0]):
            verb = (
                plural(n, "veut", "veulent", lang="fr")
                if kind == ItemKind.CHALLENGE
                else plural(n, "cherche", "cherchent", lang="fr") + " des ressources pour"
            )
            lead = f"{who} {verb} {self.lower(title)}"
        else:
            lead = f"{title}, {'un défi' if kind == ItemKind.CHALLENGE else 'un besoin'} pour {who}"
        cites = [self.shown(s.owner, s.text, shown, quoted) for s, shown, quoted in picked]
        rest = [o for o in owners if o not in self.credited((s.owner, s.text) for s, _p, _q in picked)]
        if not cites:  # no piece to cite: who
            if self.en:
                return (
                    f"{lead}, including {self.names(owners, 3)}."
                    if n > 3
                    else f"{lead}: {self.names(owners)}."
                )
            return f"{lead}, dont {self.names(owners, 3)}." if n > 3 else f"{lead} : {self.names(owners)}."
        if rest and kind == ItemKind.ACTION:  # some cited, not each: said as examples
            lead += self.t(", par exemple", ", for example")
        elif rest:
            also = self.names(rest, 2)
            cites.append(f"{self.t('aussi', 'also')} {also}")
            # Those named as saying what the title says (their words say it: `topical`).
            self.heard |= {o for o in rest if o in self.topical(found) and self.credit(o) in also}
        return f"{lead}{self.colon()} {self.semicolons(cites)}." if cites else f"{lead}."

    def actions(
        self,
        groups: Sequence[Group],
        statements: Sequence[Statement],
        total: int,
        space: Space,
    ) -> str:
        lines = []
        if groups and self.en:
            themes = "one theme" if len(groups) == 1 else self.count(len(groups), "theme")
            lines.append(f"The {self.count(total, 'action')} presented fall first into {themes}:")
        elif groups:
            themes = "d'un thème" if len(groups) == 1 else f"de {self.count(len(groups), 'thème')}"
            lines.append(
                f"Les {self.count(total, 'action')} présentées se regroupent d'abord autour {themes} :"
            )
        elif self.en:  # no theme shared: a few of them, cited
            actions = [s for s in statements if s.kind == ItemKind.ACTION][:3]
            examples = [self.cite(s.owner, s.text) for s in actions]
            lines.append(
                f"The {total} actions presented share no common theme"
                f"{', for example' if total > len(examples) else ''}: {self.semicolons(examples)}."
                if total > 1
                else f"One action presented: {examples[0]}."
            )
        else:  # no theme shared: a few of them, cited
            actions = [s for s in statements if s.kind == ItemKind.ACTION][:3]
            examples = [self.cite(s.owner, s.text) for s in actions]
            lead = f"{capitalise(plural(total, 'une action', f'les {total} actions', lang='fr'))}"
            lines.append(
                f"{lead} {plural(total, 'présentée', 'présentées', lang='fr')} ne forment pas de thème commun"
                f"{', par exemple' if total > len(examples) else ''} : {' ; '.join(examples)}."
                if total > 1
                else f"Une action présentée : {examples[0]}."
            )
        for found in groups[:3]:
            lines.append("- " + self.theme(ItemKind.ACTION, found, space, most=2, limit=8))
        if groups[3:]:  # the smaller themes: named and counted in one line, a title's own
            # brackets holding its count (« … (PLIE, 4 participants) », never « (PLIE) (4 …) »)
            smaller = sorted(groups[3:], key=lambda g: -self.people(self.topical(g)))
            if self.en:
                after = [
                    aside(
                        self.english_title(g, within=True) if g.title else self.untitled(ItemKind.ACTION),
                        self.count(self.people(self.topical(g)), "participant"),
                    )
                    for g in smaller
                ]
                lines.append(f"- Then come: {self.semicolons(after)}.")
            else:
                after = [
                    aside(
                        self.lower(g.title) if g.title else self.untitled(ItemKind.ACTION),
                        self.count(self.people(self.topical(g)), "participant"),
                    )
                    for g in smaller
                ]
                lines.append(f"- Viennent ensuite : {' ; '.join(after)}.")
        carried = ctx.find(
            ctx.CARRIED,
            [(s.owner, s.text) for s in statements if s.kind == ItemKind.ACTION and s.text not in self.cited],
        )
        if len({c.owner for c in carried}) >= 2:
            cites: list[str] = []
            owners: set[str] = set()
            for said in sorted(carried, key=lambda c: len(c.text.split())):
                if said.owner in owners or len(cites) >= 2:
                    continue
                owners.add(said.owner)
                cites.append(self.cite(said.owner, said.text, [said.found], limit=14))  # who started it, said
            lines.append(
                self.t(
                    f"Ces démarches naissent d'initiatives diverses : {' ; '.join(cites)}.",
                    f"These approaches come from various initiatives: {self.semicolons(cites)}.",
                )
            )
        return "\n".join(lines)

    def aims(self, aims: Sequence[Statement]) -> str:
        """« Objectifs annoncés : créer une nouvelle synergie des acteurs… (Who) ; … ; aussi
        A et B. »: the aims and plans typed among the actions, as aims (none cited already)."""
        fresh = [a for a in aims if a.text not in self.cited]
        if not fresh:
            return ""
        cites: list[str] = []
        owners: list[str] = []
        for aim in fresh:
            if aim.owner in owners or len(cites) >= 2:
                continue
            owners.extend(self.typed_alike(aim.owner, aim.text))
            cites.append(self.cite(aim.owner, aim.text, limit=6))
        rest = [a.owner for a in fresh if a.owner not in owners]
        self.cited |= {a.text for a in fresh}  # those only named still get one of their actions
        if rest:
            cites.append(f"{self.t('aussi', 'also')} {self.names(rest, 2)}")
        lead = self.t("Objectifs annoncés :", "Stated aims:")  # counted apart in the context
        return f"{lead} {self.semicolons(cites)}."

    def observations(self, remarks: Sequence[tuple[Statement, str]]) -> str:
        owners = list(dict.fromkeys(s.owner for s, _ in remarks))
        lead = (
            f"Observations {of(self.credit(owners[0]))}, notées telles quelles :"
            if len(owners) == 1
            else "Propos notés tels quels dans la grille :"
        )
        if self.en:
            lead = (
                f"Observations of {self.credit(owners[0])}, noted as said:"
                if len(owners) == 1
                else "Remarks noted word for word in the grid:"
            )
        lines = [lead]
        for statement, said in remarks[:4]:
            self.cited.add(statement.text)
            self.heard.add(statement.owner)
            # « Telles quelles »: the whole remark when it is a few sentences, else a visible
            # « … » where it is cut (quote() may keep a first clause and drop the rest).
            text = quote(said, limit=30)
            if not text.endswith("…") and len(text.rstrip(" .").split()) < len(said.rstrip(" .").split()):
                text = text.rstrip(" .,;:") + "…"
            text = re.sub(r"\s*»", "”", re.sub(r"«\s*", "“", _straight_quotes_curled(text)))
            # One author, named in the lead: the quotes need not name them again.
            credit = "" if len(owners) == 1 else f" ({unnested(self.credit(statement.owner))})"
            if self.en:
                text = text.replace("“", "‘").replace("”", "’")
                lines.append(f"- “{text}”{credit}")
            else:
                lines.append(f"- « {text} »{credit}")
        return "\n".join(lines)

    def listed(
        self,
        kind: ItemKind,
        groups: Sequence[Group],
        apart: Sequence[Statement],
        total: int,
        space: Space,
        specific: Sequence[Group] = (),
    ) -> str:
        singular, plural_form = {
            ItemKind.CHALLENGE: ("défi", "défis"),
            ItemKind.NEED: ("besoin", "besoins"),
        }[kind]
        if self.en:
            return self.listed_in_english(kind, groups, apart, total, space, specific)
        owners = self.people(
            {s.owner for g in [*groups, *specific] for s in g.statements} | {s.owner for s in apart}
        )
        if total == 1 and apart and not groups:  # « Le 1 défi… Parmi eux : » said of one
            alone = apart[0]
            lines = [f"Un seul {singular} a été exprimé : {self.cite(alone.owner, alone.text, limit=10)}."]
            return self._with_answers(kind, lines)
        said_by = (
            f"{self.count(total, singular, plural_form)}, {plural(total, 'exprimé', 'exprimés', lang='fr')}"
        )
        lines = [
            f"{capitalise(plural(total, 'le', 'les', lang='fr'))} {said_by} par "
            f"{self.count(owners, 'participant')}"
            + (", se regroupent ainsi :" if (groups or specific) and total > 1 else " :")
            if total > 1
            else f"Un seul {singular} a été exprimé :"  # not « Le 1 défi, exprimé par 1 participant »
        ]
        lines += self._theme_lines(kind, groups, space)
        lines += ["- " + self.specific_theme(found) for found in specific]
        if apart:
            cites = self._apart_cites(apart)
            n = len(apart)
            if groups or specific:
                lead = (
                    f"{self.count(n, 'autre ' + singular, 'autres ' + plural_form)} "
                    f"{self.fits_none(n, len(groups) + len(specific))}"
                )
            else:  # « Les 2 besoins, exprimés par 2 participants, ne forment pas de thème commun : … »
                lines[0] = lines[0].removesuffix(" :") + ", ne forment pas de thème commun"
                lines[0] += f"{', par exemple' if n > len(cites) else ''} : {' ; '.join(cites)}."
                return self._with_answers(kind, lines)
            lines.append(f"- {lead}{', par exemple' if n > len(cites) else ''} : {' ; '.join(cites)}.")
        return self._with_answers(kind, lines)

    def fits_none(self, n: int, themes: int) -> str:
        """« ne se rattachent à aucun de ces thèmes », said of `n` statements; « ne se rattache
        pas à ce thème » when there is one theme (not « aucun de ces thèmes »), in the draft's
        language."""
        if self.en:
            if themes == 1:
                return f"{plural(n, 'does', 'do', lang='en')} not fit this theme"
            return f"{plural(n, 'fits', 'fit', lang='en')} none of these themes"
        verb = plural(n, "se rattache", "se rattachent", lang="fr")
        return f"ne {verb} pas à ce thème" if themes == 1 else f"ne {verb} à aucun de ces thèmes"

    def others(self, kind: ItemKind, apart: Sequence[Statement], themes: int) -> str:
        """« 3 autres actions ne se rattachent à aucun de ces thèmes, par exemple : piece (A) ;
        piece (B) ; piece (C). » (« à ce thème » after one theme), in the draft's language."""
        # Of those the draft has cited nothing yet first (« Autres actions présentées » would
        # cite them after; each participant finds something they said, once).
        cites = self._apart_cites(sorted(apart, key=lambda s: s.owner in self.heard), most=2)
        n = len(apart)
        example = n > len(cites)
        if self.en:
            noun = {ItemKind.ACTION: "action", ItemKind.CHALLENGE: "challenge"}.get(kind, "need")
            lead = f"{self.count(n, 'other ' + noun, 'other ' + noun + 's')} {self.fits_none(n, themes)}"
            return f"{lead}{', for example' if example else ''}: {self.semicolons(cites)}."
        one, many = {
            ItemKind.ACTION: ("autre action", "autres actions"),
            ItemKind.CHALLENGE: ("autre défi", "autres défis"),
        }.get(kind, ("autre besoin", "autres besoins"))
        lead = f"{self.count(n, one, many)} {self.fits_none(n, themes)}"
        return f"{lead}{', par exemple' if example else ''} : {' ; '.join(cites)}."

    def fresh(self, found: Group) -> bool:
        """Whether the theme says what the draft has not said yet: a statement of it of two of
        its participants at least not cited yet (« la crise », said in the context already,
        is no theme to add); for a challenge others act on, the challenge (their action may
        have been cited among the actions: the theme puts them side by side)."""
        said = [s for s in found.statements if s.text not in self.cited and _says(s.text, found.focus)]
        if found.doers:
            return bool(said)
        return len({s.owner for s in said}) >= 2

    def specific_theme(self, found: Group) -> str:
        """A theme a few participants share (`groups.specific_themes`), in their words, each
        piece with its author: « Concurrence, un défi pour 2 participants : piece (A) ; piece
        (B). »; a challenge others already act on: « « Aller vers », un défi pour la Maison de
        l'emploi de Bordeaux et déjà parmi les actions de Grand Dax : piece (Maison de
        l'emploi de Bordeaux) ; piece (Grand Dax). »"""
        title = found.title = capitalise(found.title)
        if self.en:  # the participants' words, quoted in an English sentence
            title = self.english_title(found)
        elif len(title.split()) > 1 and is_infinitive(
            title.split()[0]
        ):  # a verb as a name (« le aller vers »)
            title = f"« {title} »"
        owners = found.owners
        doers = list(dict.fromkeys(s.owner for s in found.doers))
        who = self.count(self.people(owners), "participant") if len(owners) > 1 else self.names(owners)
        # Their action is what the grid's column of actions holds (« Quelles actions déjà
        # engagées ? »): said as such, never more (« une démarche déjà engagée » of a remark).
        if self.en:
            lead = f"{title}, a challenge for {who}"
            if doers:
                lead += f" and already among the actions of {self.names(doers)}"
        else:
            lead = f"{title}, un défi pour {who}"
            if doers:
                of_them = [of(self.credit(o)) for o in sorted(doers, key=lambda o: o in self.bare)]
                lead += f" et déjà parmi les actions {join(of_them, lang='fr')}"
        cites: list[str] = []
        named: list[str] = []  # those the lead names and nothing cites: « aussi … »
        credited: set[str] = set()  # those a piece credits, theirs typed by another too
        for people, said in ((owners, found.statements), (doers, found.doers)):
            for owner in people:
                own = [s for s in said if s.owner == owner and _says(s.text, found.focus)]
                fresh = [s for s in own if s.text not in self.cited]
                if fresh:
                    # Of an action, the words that say the theme; of a challenge, a little more.
                    limit = 10 if people is owners else 6
                    cites.append(self.cite(owner, fresh[0].text, found.focus, limit=limit))
                    credited |= self.credited([(owner, fresh[0].text)])
                elif owner not in named and owner not in credited and people is owners:
                    named.append(owner)
        if named:
            cites.append(f"{self.t('aussi', 'also')} {self.names(named, 2)}")
        return f"{lead}{self.colon()} {self.semicolons(cites)}."

    def _theme_lines(self, kind: ItemKind, groups: Sequence[Group], space: Space) -> list[str]:
        """One line a group, in either language: the first two groups of challenges cite more."""
        lines = []
        for rank, found in enumerate(groups):
            most = (4, 3)[rank] if rank < 2 and kind == ItemKind.CHALLENGE else 2
            lines.append("- " + self.theme(kind, found, space, most=most))
        return lines

    def _apart_cites(self, apart: Sequence[Statement], most: int = 3) -> list[str]:
        """Three statements at the most that no group took, one a participant: first those the
        draft has not cited yet (« remédier à la crise… (Commune de Fauillet) » was said twice,
        under « La crise revient… » and among the other challenges), else any."""
        for fresh_only in (True, False):
            chosen: list[tuple[Statement, str, bool]] = []
            for statement in apart:
                if statement.owner in {c[0].owner for c in chosen} or len(chosen) >= most:
                    continue
                shown, quoted = piece(statement.text, (), 10)
                if fresh_only and (statement.text in self.cited or self.said_again(statement.owner, shown)):
                    continue
                if shown.casefold() in {c[1].casefold() for c in chosen}:
                    continue  # the same words twice are no two examples
                chosen.append((statement, shown, quoted))
            if chosen:
                return [self.shown(s.owner, s.text, shown, quoted) for s, shown, quoted in chosen]
        return []

    def _with_answers(self, kind: ItemKind, lines: list[str]) -> str:
        """The lines, and for needs what has answered them since (`answers`)."""
        if kind == ItemKind.NEED:
            answered = self.answers()
            if answered:
                lines.append(answered)
        return "\n".join(lines)

    def listed_in_english(
        self,
        kind: ItemKind,
        groups: Sequence[Group],
        apart: Sequence[Statement],
        total: int,
        space: Space,
        specific: Sequence[Group] = (),
    ) -> str:
        """`listed` in English: « The 14 needs, expressed by 9 participants, fall into these groups: »."""
        singular, plural_form = {
            ItemKind.CHALLENGE: ("challenge", "challenges"),
            ItemKind.NEED: ("need", "needs"),
        }[kind]
        owners = self.people(
            {s.owner for g in [*groups, *specific] for s in g.statements} | {s.owner for s in apart}
        )
        if total == 1 and apart and not groups:
            alone = apart[0]
            lines = [f"Only one {singular} was expressed: {self.cite(alone.owner, alone.text, limit=10)}."]
            return self._with_answers(kind, lines)
        said_by = (
            f"{self.count(total, singular, plural_form)}, expressed by {self.count(owners, 'participant')}"
        )
        lines = [
            "The " + said_by + (", fall into these groups:" if groups or specific else ":")
            if total > 1
            else f"Only one {singular} was expressed:"
        ]
        lines += self._theme_lines(kind, groups, space)
        lines += ["- " + self.specific_theme(found) for found in specific]
        if apart:
            cites = self._apart_cites(apart)
            n = len(apart)
            if groups or specific:
                lead = (
                    f"{self.count(n, 'other ' + singular, 'other ' + plural_form)} "
                    f"{self.fits_none(n, len(groups) + len(specific))}"
                )
            else:  # « The 2 needs, expressed by 2 participants, share no common theme: … »
                lines[0] = lines[0].removesuffix(":") + ", share no common theme"
                lines[0] += f"{', for example' if n > len(cites) else ''}: {self.semicolons(cites)}."
                return self._with_answers(kind, lines)
            lines.append(f"- {lead}{', for example' if n > len(cites) else ''}: {self.semicolons(cites)}.")
        return self._with_answers(kind, lines)

    # ---------------------------------------------------------- matches

    def answers(self) -> str:
        """Where the needs stand: answered during the workshop, with a lead in the room, or
        still unanswered (a few of those cited)."""
        data = self.data
        from atelier.domain import decided_when

        decided: set[tuple[str, str]] = set()
        kept: set[tuple[str, str]] = set()  # needs with a decided match not « sans suite »
        leads: set[tuple[str, str]] = set()
        in_room: set[tuple[str, str]] = set()  # needs with a lead from someone at this workshop
        # When each answered need got its first answer: « during » the workshop, « since »,
        # or « unknown » (no date for the workshop or the decision).
        when: dict[tuple[str, str], str] = {}
        for match in data.matches:
            key = (match.need_who, match.need)
            if match.status != MatchStatus.SUGGESTED:
                # Put in touch, then perhaps « sans suite »: the room did put it in touch (the
                # table below shows it), and the sentence says what came of it since.
                decided.add(key)
                if match.follow_up != FollowUp.DROPPED:
                    kept.add(key)
                during, since, _unknown = decided_when([match.decided], data.workshop.date)
                this = "during" if during else "since" if since else "unknown"
                before = when.get(key, "since")
                both = (this, before)
                when[key] = "during" if "during" in both else "unknown" if "unknown" in both else "since"
            elif match.score >= LEAD_MIN:
                leads.add(key)
                if not match.elsewhere:
                    in_room.add(key)
        # « a une piste » as the table of leads marks it: the lead it shows is « très probable ».
        sure = {(m.need_who, m.need) for m in first_leads(data.matches, kept) if _very_likely(m)}
        needs = [e for e in data.entries if e.kind == ItemKind.NEED and e.text.strip()]
        if not needs:
            return ""
        made = [e for e in needs if (data.who[e.participant_id], e.text) in decided]
        led = [e for e in needs if (data.who[e.participant_id], e.text) in leads - decided]
        open_ = [e for e in needs if e not in made and e not in led]
        # A lead the projector would show the room (« très probable »): « a une piste »; one
        # only « possible » (one word in common, « financer » and « financement de modes de
        # garde ») is said as such, never counted as a lead a facilitator stands by.
        maybe = [e for e in led if (data.who[e.participant_id], e.text) not in sure]
        # Needs whose every contact came to nothing since: counted once among those put in
        # touch, and said « classée sans suite » (a dropped match is no answer).
        self._dropped = {(data.who[e.participant_id], e.text) for e in made} - kept
        if self.en:
            return self.answers_in_english(needs, made, led, open_, when, in_room, maybe)
        parts = []
        during, since, all_here = self._answer_counts(made, led, when, in_room)
        gone = self._dropped_counts(made, when)
        if made:
            # « une mise en relation », not « une réponse »: a contact decided in the room is
            # still « à contacter »; what came of it is the follow-up's to say.
            if during + since < len(made):
                verb = plural(len(made), "a donné", "ont donné", lang="fr")
                parts.append(
                    f"{len(made)} {verb} lieu à une mise en relation{_dropped_fr(gone['all'], len(made))}"
                )
            elif during and since:  # two items of the list: « …pendant l'atelier, 1 depuis et 10 ont… »
                verb = plural(during, "a donné", "ont donné", lang="fr")
                parts += [
                    f"{during} {verb} lieu à une mise en relation pendant l'atelier"
                    + _dropped_fr(gone["during"], during),
                    f"{since} depuis{_dropped_fr(gone['since'], since, since=True)}",
                ]
            elif during:
                verb = plural(during, "a donné", "ont donné", lang="fr")
                parts.append(
                    f"{during} {verb} lieu à une mise en relation pendant l'atelier"
                    + _dropped_fr(gone["all"], during)
                )
            else:
                verb = plural(since, "a donné", "ont donné", lang="fr")
                parts.append(
                    f"{since} {verb} lieu à une mise en relation depuis l'atelier"
                    + _dropped_fr(gone["all"], since, since=True)
                )
        room = " dans la salle" if all_here else ""
        see = " (voir « Les mises en relation »)"
        strong = len(led) - len(maybe)
        if strong:
            verb = plural(strong, "a une piste", "ont une piste", lang="fr")
            parts.append(f"{strong} {verb}{room}{see}")
        if maybe:
            verb = plural(len(maybe), "n'a qu'une piste", "n'ont qu'une piste", lang="fr")
            parts.append(f"{len(maybe)} {verb} possible{'' if strong else see}")
        still = plural(len(open_), "reste sans réponse", "restent sans réponse", lang="fr")
        if open_:
            parts.append(f"{len(open_)} {still} pour l'instant")
        sentence = f"Sur ces {self.count(len(needs), 'besoin')}, {join(parts, lang='fr')}"
        if len(needs) == 1 and made:  # not « Sur ces 1 besoin, 1 a donné lieu à… »
            key = (data.who[made[0].participant_id], made[0].text)
            sentence = "Il a donné lieu à une mise en relation" + {
                "during": " pendant l'atelier",
                "since": " depuis l'atelier",
            }.get(when[key], "")
            if key in self._dropped:
                sentence += ", classée sans suite" + ("" if when[key] == "since" else " depuis")
        elif len(needs) == 1 and led:
            sentence = f"Il a une piste{room}{see}" if strong else f"Il n'a qu'une piste possible{room}{see}"
        elif len(led) == len(needs) and not maybe:  # not « Sur ces 14 besoins, 14 ont une piste »
            sentence = f"Chacun des {len(needs)} besoins a une piste{room}{see}"
        elif len(maybe) == len(needs):
            sentence = f"Chacun des {len(needs)} besoins n'a qu'une piste possible{room}{see}"
        elif len(made) == len(needs) and (len(made) in (during, since) or during + since < len(made)):
            said_when = ""
            if during == len(made):
                said_when = " pendant l'atelier"
            elif since == len(made):
                said_when = " depuis l'atelier"
            sentence = f"Chacun des {len(needs)} besoins a donné lieu à une mise en relation{said_when}"
            sentence += _dropped_fr(gone["all"], len(made), since=since == len(made))
        if not made and not led:
            sentence = (
                "Aucun de ces besoins n'a encore de réponse dans la salle"
                if len(needs) > 1
                else "Il n'a pas encore de réponse dans la salle"
            )
        cites, said = self._first_open(open_)
        if cites and (made or led):  # « dont » some of them; all, or the one, said here: none
            sentence += f"{', dont' if len(open_) > said else ''} : {' ; '.join(cites)}"
        elif cites:  # none has an answer: those the lines above did not cite, after them
            lead = plural(said, "L'autre besoin exprimé", "Les autres besoins exprimés", lang="fr")
            return f"{sentence}. {lead} : {' ; '.join(cites)}."
        return sentence + "."

    def answers_in_english(
        self,
        needs: list[Any],
        made: list[Any],
        led: list[Any],
        open_: list[Any],
        when: dict[tuple[str, str], str],
        in_room: set[tuple[str, str]],
        maybe: list[Any],
    ) -> str:
        """`answers` in English: « Of these 14 needs, 3 led to a match during the workshop,
        5 have a lead in the room (see “The matches”) and 6 remain unanswered for now, including: … »."""
        data = self.data
        parts = []
        during, since, all_here = self._answer_counts(made, led, when, in_room)
        gone = self._dropped_counts(made, when)
        if made:
            if during + since < len(made):
                parts.append(f"{len(made)} led to a match{_dropped_en(gone['all'], len(made))}")
            elif during and since:
                parts += [
                    f"{during} led to a match during the workshop{_dropped_en(gone['during'], during)}",
                    f"{since} since{_dropped_en(gone['since'], since)}",
                ]
            elif during:
                parts.append(f"{during} led to a match during the workshop{_dropped_en(gone['all'], during)}")
            else:
                parts.append(f"{since} led to a match since the workshop{_dropped_en(gone['all'], since)}")
        room = " in the room" if all_here else ""
        see = "(see “The matches”)"
        strong = len(led) - len(maybe)
        if strong:
            parts.append(f"{strong} {plural(strong, 'has', 'have', lang='en')} a lead{room} {see}")
        if maybe:
            has = plural(len(maybe), "has", "have", lang="en")
            parts.append(f"{len(maybe)} {has} only a possible lead{'' if strong else ' ' + see}")
        if open_:
            parts.append(
                f"{len(open_)} {plural(len(open_), 'remains', 'remain', lang='en')} unanswered for now"
            )
        sentence = f"Of these {self.count(len(needs), 'need')}, {join(parts, lang='en')}"
        if len(needs) == 1 and made:
            key = (data.who[made[0].participant_id], made[0].text)
            sentence = "It led to a match" + {
                "during": " during the workshop",
                "since": " since the workshop",
            }.get(when[key], "")
            if key in self._dropped:
                sentence += ", since dropped"
        elif len(needs) == 1 and led:
            sentence = f"It has a lead{room} {see}" if strong else f"It has only a possible lead{room} {see}"
        elif len(led) == len(needs) and not maybe:
            sentence = f"Each of the {len(needs)} needs has a lead{room} {see}"
        elif len(maybe) == len(needs):
            sentence = f"Each of the {len(needs)} needs has only a possible lead{room} {see}"
        elif len(made) == len(needs) and (len(made) in (during, since) or during + since < len(made)):
            said_when = ""
            if during == len(made):
                said_when = " during the workshop"
            elif since == len(made):
                said_when = " since the workshop"
            sentence = f"Each of the {len(needs)} needs led to a match{said_when}"
            sentence += _dropped_en(gone["all"], len(made))
        if not made and not led:
            sentence = (
                "None of these needs has an answer in the room yet"
                if len(needs) > 1
                else "It has no answer in the room yet"
            )
        cites, said = self._first_open(open_)
        if cites and (made or led):
            sentence += f"{', including' if len(open_) > said else ''}: {self.semicolons(cites)}"
        elif cites:
            lead = plural(said, "The other need expressed", "The other needs expressed", lang="en")
            return f"{sentence}. {lead}: {self.semicolons(cites)}."
        return sentence + "."

    def _answer_counts(
        self, made: list[Any], led: list[Any], when: dict[tuple[str, str], str], in_room: set[tuple[str, str]]
    ) -> tuple[int, int, bool]:
        """Of the needs that led to a match, how many during the workshop and how many since (a
        need answered weeks later did not find it « pendant l'atelier »); and whether every lead
        is someone who was there (a lead met at an earlier workshop of the file was not in the
        room), in either language."""
        who = self.data.who
        keys = [(who[e.participant_id], e.text) for e in made]
        during = sum(when[k] == "during" for k in keys)
        since = sum(when[k] == "since" for k in keys)
        return during, since, all((who[e.participant_id], e.text) in in_room for e in led)

    def _dropped_counts(self, made: list[Any], when: dict[tuple[str, str], str]) -> dict[str, int]:
        """How many of the needs put in touch had every contact put down « sans suite » since:
        in all, among those put in touch during the workshop, among those put in touch since."""
        keys = [(self.data.who[e.participant_id], e.text) for e in made]
        gone = [k for k in keys if k in self._dropped]
        return {
            "all": len(gone),
            "during": sum(when[k] == "during" for k in gone),
            "since": sum(when[k] == "since" for k in gone),
        }

    def _first_open(self, open_: list[Any]) -> tuple[list[str], int]:
        """The needs still without an answer that the minutes have not quoted yet, each quoted
        with its author: what a recipient can still help with (only the first was, and the
        others of a workshop's unanswered needs were in the annex alone)."""
        cites: list[str] = []
        said = 0  # needs those pieces say: one piece for a need two typed alike, credited to both
        credited: set[tuple[str, str]] = set()
        for e in open_:
            if e.text in self.cited and (e.participant_id, _alike(e.text)) not in credited:
                continue
            said += 1
            if (e.participant_id, _alike(e.text)) not in credited:
                cites.append(self.cite(e.participant_id, e.text, limit=10))
                credited |= {(o, _alike(e.text)) for o in self.typed_alike(e.participant_id, e.text)}
        return cites, said

    def shown_matches(self) -> list[Any]:
        """The matches the minutes' tables show: those decided, and for each need no decision
        answers (« sans suite » answers none), its first lead strong enough to be shown."""
        made = [m for m in self.data.matches if m.status != MatchStatus.SUGGESTED]
        answered = {(m.need_who, m.need) for m in made if m.follow_up != FollowUp.DROPPED}
        return [*made, *first_leads(self.data.matches, answered)]

    def also_said(self, kind: ItemKind, statements: Sequence[Statement]) -> str:
        """« Autres actions présentées : piece (A) ; piece (B). »: the first `kind` statement
        of each participant of whom the draft cites nothing yet (what the minutes had left to
        the annex: some read them and found nothing they had said)."""
        # Those the minutes' match tables show with their need or their offer are heard there.
        shown: set[str] = set()
        for match in self.shown_matches():
            shown |= {match.need_owner, match.resource_owner}
        first: dict[str, Statement] = {}
        for statement in statements:
            if statement.kind == kind and statement.owner not in self.heard | shown:
                first.setdefault(statement.owner, statement)
        if not first:
            return ""
        cites = []
        for statement in first.values():
            # Its first words, the label of a « label : … » kept (« Ateliers de français :
            # garder… », not « garder… », the same as three others).
            start = quote(statement.text, limit=12).rstrip(" .;,")
            cites.append(self.shown(statement.owner, statement.text, start, _must_quote(start)))
        if kind == ItemKind.ACTION:
            lead = self.t("Autres actions présentées", "Other actions presented")
        else:
            lead = self.t("Parmi les autres défis exprimés", "Among the other challenges expressed")
        return f"{lead}{self.colon()} {self.semicolons(cites)}."

    # ---------------------------------------------------------- offers

    def offers(self) -> str:
        """« 7 participants proposent d'être ressource : », then one line a participant with
        every offer they made: « - CdC du Bazadais : club d'entreprises ; accompagnement à
        la mutualisation des besoins et des compétences des entreprises. » What the room can
        give is what a reader acts on: all of it, each with its author (a long offer cut
        with « … »; the annex has it whole)."""
        offering: dict[str, list[str]] = defaultdict(list)
        for entry in self.data.entries:
            if entry.kind == ItemKind.OFFER and entry.text.strip():
                offering[entry.participant_id].append(entry.text)
        if not offering:
            return ""
        n = self.people(offering)
        if self.en:
            verb = plural(n, "offers", "offer", lang="en")
            lines = [f"{self.count(n, 'participant')} {verb} to be a resource:"]
        else:
            verb = plural(n, "propose", "proposent", lang="fr")
            lines = [f"{self.count(n, 'participant')} {verb} d'être ressource :"]
        for owner, texts in offering.items():
            said: list[str] = []
            self.heard.add(owner)
            for text in texts:
                self.cited.add(text)
                # As typed (« Plateforme mobilité : prêt de voitures » keeps what it is); a
                # long one to its first words, cut with « … » (the annex has it whole).
                text = " ".join(text.split())
                shown = (text if len(text.split()) <= 24 else quote(text, limit=20)).rstrip(" .;")
                if ";" in shown:  # one offer, never two: its own « ; » is not the list's
                    shown = self.quoted(shown)
                if shown.casefold() not in {s.casefold() for s in said}:  # the same offer written twice: once
                    said.append(shown)
            lines.append(f"- {self.credit(owner)}{self.colon()} {self.semicolons(said)}.")
        return "\n".join(lines)


def _alike(text: str) -> str:
    """A statement as two participants type it alike: spaces, case and a final stop aside."""
    return " ".join(text.split()).casefold().rstrip(" .;")


# Articles a title may start with (« Les entreprises »), folded.
_ARTICLES = frozenset(["le", "la", "les", "l", "un", "une", "des", "du"])


def _dropped_fr(dropped: int, of: int, *, since: bool = False) -> str:
    """« (dont 1 classée sans suite depuis) » after « 5 ont donné lieu à une mise en relation
    pendant l'atelier »: those of the `of` needs whose contact came to nothing since (no
    « depuis » twice after « depuis l'atelier »)."""
    if not dropped:
        return ""
    after = "" if since else " depuis"
    if dropped == of:
        return f" ({'classée' if of == 1 else 'toutes classées'} sans suite{after})"
    return f" (dont {dropped} classée{'s' if dropped > 1 else ''} sans suite{after})"


def _dropped_en(dropped: int, of: int) -> str:
    """`_dropped_fr` in English: « (including 1 since dropped) »."""
    if not dropped:
        return ""
    if dropped == of:
        return " (since dropped)" if of == 1 else " (all since dropped)"
    return f" (including {dropped} since dropped)"


def _own_words(found: Group) -> bool:
    """Whether a group's title is its participants' own words, each of them writing it
    (`groups.title`), not Atelier's name for a theme or an acronym's expansion."""
    return bool(found.title) and not found.theme and not found.acronym and not _names_its_theme(found)


def _names_its_theme(found: Group) -> bool:
    """Whether a group of a glossary theme is titled by the theme's name alone, an article
    and the plural aside (« Les entreprises », « Entreprises » of « entreprises »)."""
    if not found.topic.startswith("f:"):
        return False
    words = [fold_plain(w) for w in re.split(r"[\s'’]+", found.title) if w]
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    name = [fold_plain(w) for w in re.split(r"[\s'’]+", found.topic[2:]) if w]
    return bool(words) and words == name


def _stems(text: str) -> set[str]:
    from atelier.matching.text import tokens

    return {t.stem for t in tokens(text)}


@functools.lru_cache(maxsize=8192)
def _said_forms(text: str) -> tuple[frozenset[str], str]:
    """A text's folded words, and the text folded whole: read once per text, though a draft
    asks it of each of its themes' words (a region's grid: a second of the worker's time).
    What the text denies is not said (`french.affirmed`)."""
    text = affirmed(text)
    said = frozenset(fold_plain(w) for w in re.split(r"[\s'’]+", text) if w)
    return said, " ".join(fold_plain(w) for w in text.split())


@functools.lru_cache(maxsize=8192)
def _content_words(phrase: str) -> tuple[str, ...]:
    """A focus phrase's folded words but the little ones (all of them if only little ones)."""
    words = [fold_plain(w) for w in re.split(r"[\s'’]+", phrase.strip()) if w]
    return tuple([w for w in words if w not in GRAMMAR] or words)


def _says(text: str, focus: Sequence[str]) -> bool:
    """Whether `text` says one of the `focus` words or phrases: a phrase by all its words but
    the little ones (« réseau d'acteurs » is said by « le réseau des acteurs »; « Défi sur
    gpec » is not said by « Défi sur financement », as it was by its first word alone)."""
    said, plain = _said_forms(text)
    for f in focus:
        content = _content_words(f)
        if len(content) == 1:  # one word: as part of a word too, as before
            if content[0] and content[0] in plain:
                return True
        elif content and all(w in said for w in content):
            return True
    return False


def _very_likely(match: Any) -> bool:
    """Whether a suggestion is « très probable », as the window and the projector say it."""
    return very_likely(match.score, getattr(match, "thin", False))


def first_leads(matches: Sequence[Any], answered: set[tuple[str, str]]) -> list[Any]:
    """Each need's lead for the minutes (`answered`: the needs a decision answers, left out):
    its first suggestion strong enough to show, from another structure when there is one (the
    room learns nothing from two agents of the same Région introduced to each other), else the
    colleague's, which the table says is of the same structure. When that first one is only
    « possible » and another (of another structure as it is) is « très probable », that one
    too, after it: the table marks each, and a need the synthesis says has a lead in the room
    shows it there."""
    leads: dict[tuple[str, str], Any] = {}
    sure: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for m in matches:
        key = (m.need_who, m.need)
        if m.status != MatchStatus.SUGGESTED or m.score < LEAD_MIN or key in answered:
            continue
        if key not in leads or (leads[key].same_structure and not m.same_structure):
            leads[key] = m
        if _very_likely(m):
            sure[key].append(m)
    shown: list[Any] = []
    for key, lead in leads.items():
        shown.append(lead)
        # Never the colleague after someone of another structure (the room learns nothing).
        also = [m for m in sure[key] if lead.same_structure or not m.same_structure]
        if not _very_likely(lead) and also:
            shown.append(also[0])
    return shown

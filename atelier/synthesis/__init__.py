"""A first draft of the minutes' synthesis, from the whole grid (no Qt).

Used by the window's synthesis editor and by `atelier export` (a workshop whose synthesis
nobody typed gets this draft; one the facilitator wrote keeps theirs). It is written the
way a person writes such minutes from a grid:

- **Le contexte**: who was there (kinds of structures), and what participants say of
  their territory's situation: rural or urban places, a period of change (elections,
  rewritten protocols, new teams), a crisis (`atelier.synthesis.context`).
- **Ce qui est déjà engagé**: the actions in groups found in the grid, each named by its
  most central short statement, with who does it and a few quotes; who started them.
- **Les défis à relever** and **Les besoins de ressources**: every challenge and every
  need, in groups found the same way (`atelier.synthesis.groups`), each need with its lead
  when the room has one.
- **Ce que la salle peut apporter**: the offers, participant by participant.

Nothing is hard-coded about one workshop: groups come from the terms participants share
(phrases, acronyms, rare words, families of near-synonyms of the glossary) and from the word
vectors; titles and quotes are the participants' own words, every quote with its author.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from atelier.domain import ItemKind, MatchStatus
from atelier.french import count, join, plural
from atelier.synthesis import context as ctx
from atelier.synthesis.groups import Group, Space, Statement, capitalise, group
from atelier.synthesis.terms import GRAMMAR, fold_plain, quote, terms_of

if TYPE_CHECKING:
    from atelier.matching.semantic import WordVectors

# What the drafter reads: atelier.exports.ExportData (the exports import this module, not
# the other way round).
ExportData = Any
# A suggestion this strong is shown to participants as a lead (« Pistes de mise en relation »);
# weaker ones stay in the Excel sheet, and their need counts as not yet answered.
LEAD_MIN = 0.12
THEME_KINDS = (ItemKind.ACTION, ItemKind.CHALLENGE, ItemKind.NEED)

__all__ = ["LEAD_MIN", "Draft", "draft", "drafted_sections", "short_names"]


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
    space = Space(statements, len(data.participants), glossary.families, vectors, glossary.acronyms)
    writer = _Writer(data)
    total = Counter(e.kind for e in data.entries if e.text.strip())
    by_kind: dict[ItemKind, list[Group]] = {}
    sections = [("Le contexte", writer.context(statements))]
    for kind, heading, most in (
        (ItemKind.ACTION, "Ce qui est déjà engagé", 6),
        (ItemKind.CHALLENGE, "Les défis à relever", 5),
        (ItemKind.NEED, "Les besoins de ressources", 4),
    ):
        indices = [i for i, s in enumerate(statements) if s.kind == kind]
        if not indices:
            continue
        groups, apart = group(space, indices, most=most)
        by_kind[kind] = groups
        if kind == ItemKind.ACTION:
            remarks = observations(statements)
            text = writer.actions(groups, statements, total[kind], space, {id(r[0]) for r in remarks})
            sections.append((heading, text))
            if remarks:
                sections.append(("Des observations à retenir", writer.observations(remarks)))
            continue
        sections.append((heading, writer.listed(kind, groups, apart, total[kind])))
    offers = writer.offers()
    if offers:
        sections.append(("Ce que la salle peut apporter", offers))
    return Draft(sections, by_kind)


_QUOTED = re.compile(r"«\s*([^«»]+?)\s*»|“([^“”]+)”|\"([^\"]+)\"")


def observations(statements: Sequence[Statement]) -> list[tuple[Statement, str]]:
    """Statements that quote someone word for word (« … » in the grid): remarks the
    facilitator took down as said. Each with what to quote: the quoted words when they
    make a sentence, else the whole statement."""
    out = []
    for statement in statements:
        spans = [next(g for g in m.groups() if g) for m in _QUOTED.finditer(statement.text)]
        spans = [s.strip() for s in spans if len(s.split()) >= 5]
        if not spans:
            continue
        said = " ".join(spans)
        if len(said.split()) < 8 and len(statement.text.split()) <= 30:
            said = statement.text
        out.append((statement, said))
    return out


def _vectors() -> WordVectors | None:
    try:
        from atelier.matching.semantic import shared_vectors

        return shared_vectors()
    except (ImportError, OSError, ValueError):
        return None


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
            ):
                out[-1] = ((*ids, entry.id), owner, kind, f"{previous} {text}")
                continue
        out.append(((entry.id,), entry.participant_id, entry.kind, text))
    return out


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


class _Writer:
    """The sentences of the draft, in French, every quote with its author."""

    def __init__(self, data: ExportData) -> None:
        self.data = data
        self.who = short_names(data)
        self.quoted: set[str] = set()  # texts quoted in the context and the actions, once each

    def short(self, label: str) -> str:
        """The synthesis' name for the participant an export names `label`."""
        owner = next((pid for pid, shown in self.data.who.items() if shown == label), None)
        return self.who.get(owner, label) if owner is not None else label

    def said(self, owner: str, text: str, focus: Sequence[str] = (), limit: int = 16) -> str:
        return f"« {quote(text, focus, limit)} » ({self.who[owner]})"

    def count(self, number: int, singular: str, plural_form: str | None = None) -> str:
        return count(number, singular, plural_form, lang="fr")

    # ---------------------------------------------------------- context

    def context(self, statements: Sequence[Statement]) -> str:
        data = self.data
        territories = data.territories()
        counts = Counter(e.kind for e in data.entries)
        people = len(data.participants)
        opening = self.count(people, "participant")
        if territories:
            opening += f", venus de {self.count(len(territories), 'territoire')},"
        said = [
            self.count(counts[ItemKind.ACTION], "action déjà engagée", "actions déjà engagées"),
            self.count(counts[ItemKind.CHALLENGE], "défi", "défis"),
            self.count(counts[ItemKind.NEED], "besoin de ressources", "besoins de ressources"),
            self.count(counts[ItemKind.OFFER], "offre d'aide", "offres d'aide"),
        ]
        lines = [
            f"{opening} {plural(people, 'a', 'ont', lang='fr')} présenté {join(said, lang='fr')} ; "
            "la grille complète figure en annexe."
        ]
        kinds = self.structure_kinds()
        if kinds:
            lines.append(f"Autour de la table : {kinds}.")
        # Actions first: the challenges and needs are all listed further on.
        ordered = sorted(statements, key=lambda s: s.kind != ItemKind.ACTION)
        pairs = [(s.owner, s.text) for s in ordered]
        rural, urban = ctx.find(ctx.RURAL, pairs), ctx.find(ctx.URBAN, pairs)
        if rural or urban:
            both = "ruraux comme urbains" if rural and urban else ("ruraux" if rural else "urbains")
            lines.append(f"Les territoires représentés sont {both} :")
            urban = [u for u in urban if all(u.text != r.text for r in rural)]
            lines += [f"- {q}" for q in self.quotes(rural, 1, limit=12) + self.quotes(urban, 1, limit=12)]
        change = ctx.find(ctx.CHANGE, [(s.owner, s.text) for s in statements if s.kind == ItemKind.ACTION])
        if change:
            owners = len({c.owner for c in change})
            shared = self.shared_term(change)
            lead = (
                f"{self.count(owners, 'territoire')} {plural(owners, 'traverse', 'traversent', lang='fr')} "
                "une période de changement"
            )
            if shared:
                lead += f" ; {shared}"
            lines.append(lead + " :")
            lines += [f"- {q}" for q in self.quotes(change, 5, per_owner=2, limit=10)]
        crisis = ctx.find(ctx.CRISIS, pairs)
        if len({c.owner for c in crisis}) >= 2:
            owners = len({c.owner for c in crisis})
            word = Counter(c.found.lower() for c in crisis).most_common(1)[0][0]
            lines.append(
                f"La {word} revient chez {self.count(owners, 'participant')} :"
                if word in ("crise", "pandémie")
                else f"« {word} » revient chez {self.count(owners, 'participant')} :"
            )
            lines += [f"- {q}" for q in self.quotes(crisis, 3, limit=12)]
            if not lines[-1].startswith("- "):
                lines.pop()
        return "\n".join(lines)

    def structure_kinds(self) -> str:
        found: Counter[int] = Counter()
        unknown = 0
        for p in self.data.participants:
            kind = ctx.structure_kind(p.organisation, p.role, p.territory, p.source_text)
            if kind is None:
                unknown += 1
            else:
                found[kind] += 1
        if not found:
            return ""
        parts = []
        for index, number in sorted(found.items(), key=lambda kv: (-kv[1], kv[0])):
            one, many, _pattern = ctx.STRUCTURE_KINDS[index]
            parts.append(self.count(number, one, many))
        if unknown:
            parts.append(self.count(unknown, "autre participant", "autres participants"))
        return join(parts, lang="fr")

    def quotes(self, found: Sequence[ctx.Said], most: int, per_owner: int = 1, limit: int = 18) -> list[str]:
        """One quote per participant (or `per_owner`), at most `most`, each with its author."""
        out: list[str] = []
        seen: Counter[str] = Counter()
        for said in found:
            if seen[said.owner] >= per_owner:
                continue
            seen[said.owner] += 1
            if said.text in self.quoted:
                continue
            self.quoted.add(said.text)
            out.append(self.said(said.owner, said.text, [said.found], limit=limit))
            if len(out) >= most:
                break
        return out

    def shared_term(self, found: Sequence[ctx.Said]) -> str:
        """« le protocole PLIE revient chez 4 d'entre eux »: a phrase or acronym several of
        these statements share."""
        from atelier.synthesis.terms import terms_of as terms

        owners: dict[str, set[str]] = defaultdict(set)
        written: dict[str, Counter[str]] = defaultdict(Counter)
        for said in found:
            for term, as_written in terms(said.text).items():
                if term[0] == "p" and fold_plain(as_written.split()[0]) not in GRAMMAR:
                    owners[term].add(said.owner)
                    written[term][as_written] += 1
        candidates = [(len(who), len(t), t) for t, who in owners.items() if len(who) >= 2]
        if not candidates:
            return ""
        number, _length, term = max(candidates)
        text = written[term].most_common(1)[0][0]
        return f"« {text} » revient chez {number} d'entre eux"

    # ---------------------------------------------------------- actions

    def actions(
        self,
        groups: Sequence[Group],
        statements: Sequence[Statement],
        total: int,
        space: Space,
        remarks: set[int],
    ) -> str:
        lines = []
        if groups:
            lines.append(
                f"Les {self.count(total, 'action')} présentées se regroupent d'abord autour de "
                f"{self.count(len(groups), 'thème')} :"
            )
        for rank, found in enumerate(groups):
            owners = found.owners
            lines.append(f"{found.title} — {self.count(len(owners), 'participant')} :")
            lines += [
                f"- {q}"
                for q in self.group_quotes(
                    found, space, most=3 if rank < 1 else (2 if rank < 3 else 1), skip=remarks
                )
            ]
        carried = ctx.find(ctx.CARRIED, [(s.owner, s.text) for s in statements if s.kind == ItemKind.ACTION])
        if len({c.owner for c in carried}) >= 2:
            lines.append("Ces démarches naissent d'initiatives diverses :")
            lines += [f"- {q}" for q in self.quotes(carried, 3, limit=12)]
        return "\n".join(lines)

    def observations(self, remarks: Sequence[tuple[Statement, str]]) -> str:
        owners = list(dict.fromkeys(s.owner for s, _ in remarks))
        lead = (
            f"Observations de {self.who[owners[0]]}, notées telles quelles :"
            if len(owners) == 1
            else "Propos notés tels quels dans la grille :"
        )
        lines = [lead]
        for statement, said in remarks:
            text = re.sub(r"\s*»", "”", re.sub(r"«\s*", "“", " ".join(said.split()[:45])))
            lines.append(f"- « {text} » ({self.who[statement.owner]})")
        return "\n".join(lines)

    def group_quotes(self, found: Group, space: Space, most: int, skip: Collection[int] = ()) -> list[str]:
        """Statements that show the group's range: the one its title comes from, then one
        for each other word of its topic (« PLIE », then « éloignés de l'emploi »), the most
        central first, from as many participants as possible."""
        index = {id(s): n for n, s in enumerate(space.statements)}
        members = [index[id(s)] for s in found.statements]
        ranked = [
            s
            for _i, s in sorted(
                (
                    (i, s)
                    for i, s in zip(members, found.statements, strict=True)
                    if id(s) not in skip and s.text not in self.quoted
                ),
                key=lambda pair: -space.closeness(pair[0], members),
            )
        ]
        picked: list[Statement] = [s for s in ranked if found.title_from is s][:1]
        why: dict[int, list[str]] = {id(s): [found.title] for s in picked}

        def says(statement: Statement, word: str) -> bool:
            wanted = " ".join(fold_plain(w) for w in word.split())
            return wanted in " ".join(fold_plain(w) for w in statement.text.split())

        for word in found.focus:
            if len(picked) >= most:
                break
            if any(says(p, word) for p in picked):
                continue
            owners = {p.owner for p in picked}
            fresh = [s for s in ranked if s not in picked and says(s, word)]
            fresh.sort(key=lambda s: s.owner in owners)
            for statement in fresh[:1]:
                picked.append(statement)
                why[id(statement)] = [word]
        for statement in ranked:  # then other participants, then anyone
            if len(picked) >= most:
                break
            if statement not in picked and statement.owner not in {p.owner for p in picked}:
                picked.append(statement)
        for statement in ranked:
            if len(picked) >= most:
                break
            if statement not in picked:
                picked.append(statement)
        picked.sort(key=lambda s: found.statements.index(s))
        self.quoted |= {s.text for s in picked}
        return [self.said(s.owner, s.text, why.get(id(s), found.focus), limit=12) for s in picked]

    # ---------------------------------------------------------- challenges, needs

    def listed(self, kind: ItemKind, groups: Sequence[Group], apart: Sequence[Statement], total: int) -> str:
        singular, plural_form = {
            ItemKind.CHALLENGE: ("défi", "défis"),
            ItemKind.NEED: ("besoin", "besoins"),
        }[kind]
        leads = self.leads() if kind == ItemKind.NEED else {}
        owners = len({s.owner for g in groups for s in g.statements} | {s.owner for s in apart})
        said_by = (
            f"{self.count(total, singular, plural_form)}, {plural(total, 'exprimé', 'exprimés', lang='fr')}"
        )
        lines = [
            f"{capitalise(plural(total, 'le', 'les', lang='fr'))} {said_by} par "
            f"{self.count(owners, 'participant')}"
            + (", se regroupent ainsi :" if groups and total > 1 else " :")
        ]
        for found in groups:
            people = len(found.owners)
            lines.append(f"{found.title} — {self.count(people, 'participant')} :")
            lines += self.items(found.statements, found.focus, leads)
        if apart:
            if groups:
                lines.append(
                    f"{capitalise(plural(len(apart), 'autre ' + singular, 'autres ' + plural_form))} :"
                )
            lines += self.items(apart, (), leads)
        return "\n".join(lines)

    def items(
        self, statements: Sequence[Statement], focus: Sequence[str], leads: dict[str, str]
    ) -> list[str]:
        """One bullet per participant: their statements quoted, then who they are (and the
        lead of each need that has one)."""
        by_owner: dict[str, list[Statement]] = defaultdict(list)
        for statement in statements:
            by_owner[statement.owner].append(statement)
        lines = []
        for owner, said in by_owner.items():
            if leads:  # needs: one each, with its lead after who said it
                for statement in said:
                    lead = next((leads[i] for i in statement.ids if i in leads), "")
                    lines.append(f"- {self.said(owner, statement.text, focus, 11)}{lead}")
                continue
            parts = [f"« {quote(statement.text, focus, 10)} »" for statement in said]
            lines.append(f"- {' ; '.join(parts)} ({self.who[owner]})")
        return lines

    def leads(self) -> dict[str, str]:
        """Need id -> « , piste : X » (or « , mise en relation : X » once decided)."""
        data = self.data
        by_text: dict[tuple[str, str], list[Any]] = defaultdict(list)
        for match in data.matches:
            if match.status != MatchStatus.SUGGESTED or match.score >= LEAD_MIN:
                by_text[(match.need_who, match.need)].append(match)
        out = {}
        for entry in data.entries:
            if entry.kind != ItemKind.NEED:
                continue
            found = by_text.get((data.who[entry.participant_id], entry.text), [])
            made = [self.short(m.resource_who) for m in found if m.status != MatchStatus.SUGGESTED]
            if made:
                out[entry.id] = f" → mise en relation : {join(list(dict.fromkeys(made)), lang='fr')}"
            elif found:
                best = max(found, key=lambda m: m.score)
                out[entry.id] = f" → piste : {self.short(best.resource_who)}"
        return out

    # ---------------------------------------------------------- offers

    def offers(self) -> str:
        lines = []
        for participant in self.data.participants:
            offers = [
                quote(e.text, limit=6)
                for e in self.data.entries
                if e.participant_id == participant.id and e.kind == ItemKind.OFFER
            ]
            if offers:
                shown = " ; ".join(o.rstrip(" .") for o in offers)
                lines.append(f"- {self.who[participant.id]} : {shown}{'' if shown.endswith('…') else '.'}")
        if not lines:
            return ""
        verb = plural(len(lines), "propose", "proposent", lang="fr")
        return f"{self.count(len(lines), 'participant')} {verb} d'être ressource :\n" + "\n".join(lines)

"""After the workshop, from the command line: the follow-up of confirmed matches (`suivi`),
the directory across the workshops of a file (`search`) and the workshops themselves
(`workshops`). Each subcommand's options sit beside its handler."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from atelier.domain import FOLLOW_UPS, FollowUp
from atelier.errors import AtelierError, UsageError
from atelier.french import count, fold, long_date, short_date
from atelier.i18n import current_language, message
from atelier.reasons import say_all

if TYPE_CHECKING:
    from atelier.domain import FollowUpEntry, Participant, Workshop
    from atelier.store import Store

EXIT_OK = 0


def _t(fr: str, en: str) -> str:
    return fr if current_language() == "fr" else en


# What a person may type for each state: French with or without accents, or English.
_STATE_WORDS = {
    FollowUp.TO_CONTACT: ("acontacter", "tocontact"),
    FollowUp.CONTACTED: ("contacte", "contacted"),
    FollowUp.DONE: ("fait", "done"),
    FollowUp.DROPPED: ("sanssuite", "dropped", "abandonne"),
}


def parse_state(text: str) -> FollowUp:
    """« contacté », « contacte », « sans-suite », « sans suite », « to_contact »… → a state."""
    typed = "".join(c for c in fold(text) if c.isalnum())
    for state, words in _STATE_WORDS.items():
        if typed in words:
            return state
    raise AtelierError("followup.bad_state", value=text)


def state_label(state: FollowUp | str) -> str:
    return message(f"state.{FollowUp(state).value}")


def add_parsers(commands: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add `suivi`, `search` and `workshops` to the `atelier` command line."""
    p = commands.add_parser(
        "suivi",
        aliases=["follow-up"],
        help=_t(
            "liste le suivi des mises en relation confirmées, ou change l'état de l'une d'elles",
            "list the follow-up of confirmed matches, or set the state of one",
        ),
    )
    p.add_argument("file", metavar="FICHIER")
    p.add_argument(
        "match",
        nargs="?",
        metavar="MISE_EN_RELATION",
        help=_t(
            "l'identifiant de la mise en relation, ou ses premiers caractères (ceux de la liste)",
            "the match id, or its first characters (as listed)",
        ),
    )
    p.add_argument(
        "--etat",
        "--state",
        dest="state",
        metavar="ETAT",
        help=_t(
            "a-contacter, contacte, fait ou sans-suite : l'état à donner (avec une mise en relation), "
            "ou ceux à lister",
            "to-contact, contacted, done or dropped: the state to set (with a match), or to list",
        ),
    )
    p.add_argument(
        "--note", help=_t("note de suivi (avec une mise en relation)", "follow-up note (with a match)")
    )
    p.add_argument(
        "--le",
        "--on",
        dest="day",
        metavar="AAAA-MM-JJ",
        help=_t(
            "date du changement d'état (aujourd'hui par défaut)", "date of the change (today by default)"
        ),
    )
    p.add_argument("--workshop", metavar="ATELIER", help=_t("un seul atelier", "one workshop only"))
    p.add_argument(
        "--participant",
        metavar="NOM",
        help=_t(
            "ceux où cette personne ou structure cherche ou aide",
            "those where this person or body needs or helps",
        ),
    )
    p.add_argument("--json", action="store_true", help=_t("sortie JSON", "JSON output"))

    p = commands.add_parser(
        "search",
        aliases=["chercher"],
        help=_t(
            "cherche dans tous les ateliers du fichier : personnes, structures, territoires, actions, "
            "besoins, ressources",
            "search every workshop of the file: people, bodies, territories, actions, needs, offers",
        ),
    )
    p.add_argument("file", metavar="FICHIER")
    p.add_argument("text", nargs="+", metavar="TEXTE")
    p.add_argument(
        "--limit", type=int, default=30, metavar="N", help=_t("résultats montrés (30)", "results shown (30)")
    )
    p.add_argument("--json", action="store_true", help=_t("sortie JSON", "JSON output"))

    p = commands.add_parser(
        "workshops",
        aliases=["ateliers"],
        help=_t(
            "les ateliers d'un fichier : lister, ajouter, renommer, supprimer",
            "the workshops of a file: list, add, rename, delete",
        ),
    )
    p.add_argument("file", metavar="FICHIER")
    action = p.add_mutually_exclusive_group()
    action.add_argument(
        "--add",
        action="store_true",
        help=_t("ajoute un atelier vide (avec --title)", "add an empty workshop"),
    )
    action.add_argument(
        "--rename",
        metavar="ATELIER",
        help=_t("change le titre, la date ou le lieu", "change title, date or place"),
    )
    action.add_argument("--delete", metavar="ATELIER", help=_t("supprime un atelier", "delete a workshop"))
    p.add_argument("--title", help=_t("titre", "title"))
    p.add_argument("--date", help=_t("date AAAA-MM-JJ", "date YYYY-MM-DD"))
    p.add_argument("--place", help=_t("lieu", "place"))
    p.add_argument(
        "--yes", "--oui", action="store_true", help=_t("confirme la suppression", "confirm the deletion")
    )
    p.add_argument("--json", action="store_true", help=_t("sortie JSON", "JSON output"))


# ------------------------------------------------------------------ suivi


def _who(participant: Participant) -> str:
    people = ", ".join(n for n in participant.names if n)
    if people and participant.organisation:
        return f"{people} ({participant.organisation})"
    return (
        people or participant.organisation or participant.territory or participant.source_text.strip() or "—"
    )


def _workshop_date(workshop: Workshop) -> str:
    return long_date(workshop.date) if workshop.date else ""


def _verb(kind: str) -> str:
    return message({"offer": "followup.offered", "action": "followup.did"}.get(kind, "followup.shared"))


def entry_as_dict(entry: FollowUpEntry) -> dict[str, Any]:
    match = entry.match

    def workshop(w: Workshop) -> dict[str, Any]:
        return {"id": w.id, "title": w.title, "date": w.date}

    return {
        "id": match.id,
        "short_id": entry.short_id,
        "workshop": workshop(entry.workshop),
        "status": str(match.status),
        "state": str(match.follow_up),
        "state_label": state_label(match.follow_up),
        "state_changed": short_date(match.follow_up_changed, "en") or None,
        "note": match.note,
        "need": {
            "id": entry.need.id,
            "text": entry.need.text,
            "participant": _who(entry.need_participant),
            "participant_id": entry.need_participant.id,
        },
        "resource": {
            "id": entry.resource.id,
            "text": entry.resource.text,
            "kind": str(entry.resource.kind),
            "participant": _who(entry.resource_participant),
            "participant_id": entry.resource_participant.id,
            "workshop": workshop(entry.resource_workshop),
        },
        "reasons": say_all(match.reasons) if match.reasons else [],
        "why": [r.as_json() for r in match.reasons],
    }


def _entry_lines(entry: FollowUpEntry) -> list[str]:
    match = entry.match
    changed = short_date(match.follow_up_changed)
    state = state_label(match.follow_up)
    head = message("followup.state_since", state=state, date=changed) if changed else state
    pad = " " * (len(entry.short_id) + 4)
    lines = [f"  {entry.short_id}  {head}"]
    lines.append(pad + message("followup.asks", who=_who(entry.need_participant), text=entry.need.text))
    if entry.resource_workshop.id != entry.workshop.id:
        lines.append(
            pad
            + message(
                "followup.helps_earlier",
                who=_who(entry.resource_participant),
                verb=_verb(str(entry.resource.kind)),
                date=_workshop_date(entry.resource_workshop) or entry.resource_workshop.title,
                text=entry.resource.text,
            )
        )
    else:
        lines.append(
            pad + message("followup.helps", who=_who(entry.resource_participant), text=entry.resource.text)
        )
    if match.note.strip():
        lines.append(pad + message("followup.note", text=" ".join(match.note.split())))
    return lines


def _states_summary(entries: list[FollowUpEntry]) -> str:
    counts = Counter(e.match.follow_up for e in entries)
    states = ", ".join(
        f"{state_label(s)} : {counts.get(s, 0)}"
        if current_language() == "fr"
        else f"{state_label(s)}: {counts.get(s, 0)}"
        for s in FOLLOW_UPS
    )
    total = count(
        len(entries),
        *(
            ("mise en relation suivie", "mises en relation suivies")
            if current_language() == "fr"
            else ("match followed up", "matches followed up")
        ),
    )
    return message("followup.total", count=total, states=states)


def _cmd_suivi(args: argparse.Namespace) -> int:
    from atelier.store import Store

    if args.match is not None:
        return _set_follow_up(args)
    if args.note is not None or args.day is not None:
        raise UsageError("--note/--le : " + _t("donnez la mise en relation", "give the match"))
    state = parse_state(args.state) if args.state else None
    with Store.open(args.file, readonly=True) as store:
        workshop_id = store.find_workshop(args.workshop).id if args.workshop else None
        entries = store.follow_ups(workshop_id, state=state, participant=args.participant)
    if args.json:
        sys.stdout.write(json.dumps([entry_as_dict(e) for e in entries], ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    if not entries:
        print(message("followup.none", where=""))
        return EXIT_OK
    lines: list[str] = []
    current = None
    for entry in entries:
        if entry.workshop.id != current:
            current = entry.workshop.id
            if lines:
                lines.append("")
            date = _workshop_date(entry.workshop)
            lines.append(
                message("followup.title", title=entry.workshop.title, date=f" — {date}" if date else "")
            )
        lines += _entry_lines(entry)
    lines += ["", _states_summary(entries)]
    print("\n".join(lines))
    return EXIT_OK


def _set_follow_up(args: argparse.Namespace) -> int:

    if args.state is None and args.note is None:
        raise UsageError(
            _t("--etat ou --note attendu avec une mise en relation", "--state or --note expected")
        )
    with _writable(args.file) as store:
        match = store.find_follow_up(args.match)
        state = parse_state(args.state) if args.state else match.follow_up
        updated = store.set_follow_up(match.id, state, note=args.note, day=args.day)
        (entry,) = [e for e in store.follow_ups(updated.workshop_id) if e.match.id == updated.id]
    if args.json:
        sys.stdout.write(json.dumps(entry_as_dict(entry), ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    print(
        message(
            "followup.set",
            id=entry.short_id,
            state=state_label(updated.follow_up),
            date=short_date(updated.follow_up_changed),
            need=_who(entry.need_participant),
            resource=_who(entry.resource_participant),
        )
    )
    return EXIT_OK


class _writable:
    """Open a file for writing from the command line: refused if another window has it."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.store: Store | None = None

    def __enter__(self) -> Store:
        from atelier.errors import FileRefused
        from atelier.store import Store

        store = Store.open(self.path, lock=True)
        if store.locked_by_other:
            store.close()
            raise FileRefused("file.open_elsewhere", path=self.path)
        if store.readonly:
            store.close()
            raise FileRefused("file.readonly", path=self.path)
        self.store = store
        return store

    def __exit__(self, *exc: object) -> None:
        if self.store is not None:
            self.store.close()


# ----------------------------------------------------------------- search


def hit_as_dict(hit: Any) -> dict[str, Any]:
    return {
        "kind": hit.kind,
        "kind_label": message(f"hit.{hit.kind}"),
        "id": hit.ref,
        "text": hit.text,
        "fields": hit.fields,
        "participant": {
            "id": hit.participant.id,
            "display": hit.participant.display_name(),
            "names": hit.participant.names,
            "organisation": hit.participant.organisation,
            "territory": hit.participant.territory,
        },
        "workshop": {"id": hit.workshop.id, "title": hit.workshop.title, "date": hit.workshop.date},
    }


def _cmd_search(args: argparse.Namespace) -> int:
    from atelier.store import Store

    if args.limit < 1:
        raise UsageError("--limit")
    text = " ".join(args.text)
    with Store.open(args.file, readonly=True) as store:
        hits, total = store.search(text, limit=args.limit)
        workshops = len(store.workshops())
    if args.json:
        data = {"query": text, "total": total, "hits": [hit_as_dict(h) for h in hits]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    fr = current_language() == "fr"
    if not hits:
        print(
            message(
                "search.none",
                text=text,
                workshops=count(workshops, "atelier") if fr else count(workshops, "workshop"),
                path=Path(args.file).name,
            )
        )
        return EXIT_OK
    more = message("search.more", shown=len(hits)) if total > len(hits) else ""
    print(message("search.total", text=text, count=count(total, "résultat" if fr else "result"), more=more))
    for hit in hits:
        date = short_date(hit.workshop.date)
        who = hit.participant.territory if hit.kind == "participant" else hit.participant.display_name()
        where = (
            message("search.where", who=who, date=date, title=hit.workshop.title)
            if date
            else message("search.where_undated", who=who, title=hit.workshop.title)
        ).lstrip(" ·")
        print(f"  [{message(f'hit.{hit.kind}')}] {hit.text}")
        print(f"      {where}")
    return EXIT_OK


# -------------------------------------------------------------- workshops


def _workshop_counts(store: Store, workshop_id: str) -> tuple[int, int, int]:
    participants = len(store.participants(workshop_id))
    items = len(store.workshop_items(workshop_id))
    decided = len(store.follow_ups(workshop_id))
    return participants, items, decided


def _what(participants: int, items: int, decided: int) -> str:
    if current_language() == "fr":
        return ", ".join(
            (
                count(participants, "participant"),
                count(items, "élément"),
                count(decided, "mise en relation confirmée", "mises en relation confirmées"),
            )
        )
    return ", ".join(
        (
            count(participants, "participant"),
            count(items, "item"),
            count(decided, "confirmed match", "confirmed matches"),
        )
    )


def _cmd_workshops(args: argparse.Namespace) -> int:
    from atelier.domain import Workshop
    from atelier.store import Store, validate_workshop

    if args.add:
        if not args.title:
            raise UsageError("--add --title")
        workshop = Workshop(title=args.title, date=args.date, place=args.place or "")
        validate_workshop(workshop)
        with _writable(args.file) as store:
            store.add_workshop(workshop)
        date = f" ({short_date(workshop.date)})" if workshop.date else ""
        print(message("workshop.added", title=workshop.title, date=date, path=args.file, id=workshop.id[:8]))
        return EXIT_OK
    if args.rename:
        changes = {
            k: v
            for k, v in (("title", args.title), ("date", args.date), ("place", args.place))
            if v is not None
        }
        if not changes:
            raise UsageError("--rename --title/--date/--place")
        with _writable(args.file) as store:
            found = store.find_workshop(args.rename)
            if changes.get("date") == "":
                changes["date"] = None
            renamed = store.update_workshop(found.id, **changes)
        date = f" ({short_date(renamed.date)})" if renamed.date else ""
        print(message("workshop.renamed", id=renamed.id[:8], title=renamed.title, date=date))
        return EXIT_OK
    if args.delete:
        return _delete_workshop(args)
    with Store.open(args.file, readonly=True) as store:
        rows = []
        for workshop in store.workshops():
            rows.append((workshop, *_workshop_counts(store, workshop.id)))
    if args.json:
        data = [
            {
                "id": w.id,
                "title": w.title,
                "date": w.date,
                "place": w.place,
                "participants": p,
                "items": i,
                "confirmed_matches": d,
            }
            for w, p, i, d in rows
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for workshop, participants, items, decided in rows:
        counts = _what(participants, items, decided).split(", ")
        print(
            message(
                "workshops.line",
                id=workshop.id[:8],
                date=short_date(workshop.date) or "—",
                title=workshop.title,
                place=f", {workshop.place}" if workshop.place else "",
                participants=counts[0],
                items=counts[1],
                decided=counts[2],
            )
        )
    return EXIT_OK


def _delete_workshop(args: argparse.Namespace) -> int:
    from atelier.backups import make_backup

    with _writable(args.file) as store:
        workshop = store.find_workshop(args.delete)
        if len(store.workshops()) == 1:
            raise AtelierError("workshop.last", title=workshop.title)
        what = _what(*_workshop_counts(store, workshop.id))
        if not args.yes:
            raise AtelierError("workshop.delete_confirm", title=workshop.title, what=what)
        backup = make_backup(store)
        if backup is None:
            raise AtelierError("workshop.no_backup", title=workshop.title)
        store.delete_workshop(workshop.id)
    print(message("workshop.deleted", title=workshop.title, what=what, backup=backup.path))
    return EXIT_OK


HANDLERS = {
    "suivi": _cmd_suivi,
    "follow-up": _cmd_suivi,
    "search": _cmd_search,
    "chercher": _cmd_search,
    "workshops": _cmd_workshops,
    "ateliers": _cmd_workshops,
}

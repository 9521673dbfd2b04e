"""`atelier` after the workshop: the follow-up of confirmed matches (`suivi`), the directory
across the workshops of a file (`search`) and the workshops themselves (`workshops`)."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from atelier.cli.options import (
    DATE,
    EXIT_OK,
    FILE,
    FORCE,
    JSON,
    PLACE,
    TITLE,
    OneOf,
    arg,
    command,
    date_refused,
    day,
    day_given,
    one_line,
    print_json,
    say,
    title_given,
    title_shown,
    title_typed,
    typed_line,
    writable,
)
from atelier.domain import ABSENT, EXCUSED, FOLLOW_UPS, FollowUp, Reason, ReasonKind, Workshop
from atelier.errors import AtelierError, BadOptionValue, FollowUpBackwards, InvalidValue, UsageError
from atelier.french import counted, fold, list_date, long_date, of, says_where
from atelier.i18n import command_line, current_language, message

if TYPE_CHECKING:
    from atelier.domain import FollowUpEntry
    from atelier.store import Store

# What a person may type for each state: French with or without accents, or English.
_STATE_WORDS = {
    FollowUp.TO_CONTACT: ("acontacter", "tocontact"),
    FollowUp.CONTACTED: ("contactee", "contacte", "contacted"),
    FollowUp.DONE: ("faite", "fait", "done"),
    FollowUp.DROPPED: ("sanssuite", "classeesanssuite", "dropped", "abandonnee", "abandonne"),
}


def parse_state(text: str) -> FollowUp:
    """« contacté », « contacte », « sans-suite », « sans suite », « to_contact »… → a state."""
    typed = "".join(c for c in fold(text) if c.isalnum())
    for state, words in _STATE_WORDS.items():
        if typed in words:
            return state
    raise BadOptionValue("followup.bad_state", value=text)


# ------------------------------------------------------------------ suivi


@command(
    "suivi",
    "cli.help.suivi",
    FILE,
    arg("match", nargs="?", metavar="MISE_EN_RELATION", help="cli.help.suivi_match"),
    arg("--etat", "--state", dest="state", metavar="ETAT", help="cli.help.suivi_state"),
    arg("--note", help="cli.help.suivi_note"),
    arg("--le", "--on", dest="day", metavar="DATE", help="cli.help.suivi_day"),
    arg("--workshop", metavar="ATELIER", help="cli.help.suivi_workshop"),
    arg("--participant", metavar="NOM", help="cli.help.suivi_participant"),
    arg("--historique", "--history", dest="history", action="store_true", help="cli.help.suivi_history"),
    arg(
        "--retirer-etape",
        "--remove-step",
        dest="remove_step",
        action="store_true",
        help="cli.help.suivi_remove_step",
    ),
    arg("--oui", "--yes", dest="yes", action="store_true", help="cli.help.suivi_yes"),
    JSON,
    arg("--xlsx", metavar="SORTIE.xlsx", help="cli.help.suivi_xlsx"),
    FORCE,
    aliases=["follow-up"],
)
def suivi(args: argparse.Namespace) -> int:
    from atelier.jsonexport import entry_as_dict
    from atelier.store import Store

    if args.yes and not args.remove_step:
        raise UsageError(message("cli.usage.yes_with_remove_step"))
    if args.xlsx is not None and (args.json or args.remove_step or args.match is not None or args.history):
        raise UsageError(message("cli.usage.suivi_xlsx_alone"))
    if args.force and args.xlsx is None:
        raise UsageError(message("cli.usage.force_with_xlsx"))
    # A script's empty $WHO or $STATE: never taken for « no filter » (every match listed as
    # if filtered), nor for the state the match has (rewritten as it was).
    if args.state is not None and not args.state.strip():
        raise BadOptionValue("followup.empty_state")
    if args.participant is not None and not args.participant.strip():
        raise BadOptionValue("followup.empty_participant")
    if args.remove_step:
        given = (args.state, args.note, args.day, args.workshop, args.participant)
        if args.match is None or any(v is not None for v in given) or args.history:
            raise UsageError(message("cli.usage.remove_step_alone"))
        return _remove_step(args)
    if args.match is not None:
        for option, given in (("--workshop", args.workshop), ("--participant", args.participant)):
            if given is not None:  # never set aside without a word: the id alone says which
                raise UsageError(message("cli.usage.filter_with_match", option=option, id=args.match))
        if args.history and args.state is None and args.note is None and args.day is None:
            return _show_follow_up(args)  # « suivi FICHIER 17cafa --historique »: its steps
        return _set_follow_up(args)
    if args.note is not None or args.day is not None:
        raise UsageError(message("cli.usage.give_the_match"))
    state = parse_state(args.state) if args.state else None
    with Store.open(args.file, readonly=True) as store:
        asked = store.find_workshop(args.workshop) if args.workshop else None
        # A workshop's follow-up: the needs said there, and the matches of other workshops
        # where one of its participants is the one who can help (each said as such).
        entries = store.follow_ups(
            asked.id if asked else None, state=state, participant=args.participant, helping=True
        )
        # Of one state: the count says out of how many (« 1 sur 5 »), as the window's does.
        every = (
            store.follow_ups(asked.id if asked else None, participant=args.participant, helping=True)
            if state is not None
            else None
        )
    if args.xlsx is not None:
        return _follow_up_xlsx(args, entries, state)
    if args.json:
        # Every match asked for, one of a person with themself flagged (`with_themself`, as
        # `export --json` says it): a program reading the list is told, not left to guess.
        print_json([entry_as_dict(e, asked.id if asked else None) for e in entries])
        return EXIT_OK
    entries, themself = _without_themself(entries)
    if not entries:
        # The match of a person with themself said first, then that there is no other.
        if themself:
            print(_themself_said(themself))
        _say_none(state, args.participant, other=bool(themself))
    else:
        lines = _follow_up_lines(entries, asked, history=args.history, summary=every is None)
        if every is not None:
            lines += ["", _states_summary(entries, out_of=len(_without_themself(every)[0]), only=state)]
        print("\n".join(lines))
        if themself:
            print("\n" + _themself_said(themself))
    return EXIT_OK


def _follow_up_xlsx(args: argparse.Namespace, entries: list[FollowUpEntry], state: FollowUp | None) -> int:
    """`suivi FICHIER --xlsx SORTIE.xlsx`: the follow-up listed (every workshop's, unless
    --workshop) in one Excel sheet, each row naming its workshop. Nothing to follow up: said,
    as the listing says it, and no sheet of headings over no row is written (as `export
    --fiches` refuses a workshop without participants)."""
    from atelier.exports import check_suffix, check_target
    from atelier.exports.xlsx import write_follow_up_xlsx

    written, themself = _without_themself(entries)
    if not written:
        none = _none_sentence(state, args.participant, other=bool(themself))
        raise AtelierError("suivi.nothing_to_export", none=none.rstrip("."))
    from atelier.store.files import document_target

    # « --xlsx suivi » writes « suivi.xlsx », as `export --xlsx` does (said as written); never a
    # file « suivi » the user has (notes, a README), even with --force.
    target = document_target(args.xlsx, ".xlsx")
    check_target(target, (Path(args.file),), replace=args.force, suffix=".xlsx")
    check_suffix(target, ".xlsx")
    write_follow_up_xlsx(entries, target, current_language(), replace=args.force)
    say("suivi.exported", path=target, matches=counted(len(written), "n.followed_match"))
    return EXIT_OK


def _without_themself(entries: list[FollowUpEntry]) -> tuple[list[FollowUpEntry], list[FollowUpEntry]]:
    """The matches to follow up, and those that put a person in touch with themself (older
    versions confirmed « A. Martin » with what « Mme Anne Martin » offered the year before):
    nobody follows those up; they are said once, not listed as if someone could help."""
    from atelier.matching.across import one_person

    themself = [e for e in entries if one_person(e.need_participant, e.resource_participant)]
    ids = {e.match.id for e in themself}
    return [e for e in entries if e.match.id not in ids], themself


def _themself_said(entries: list[FollowUpEntry]) -> str:
    """« 1 mise en relation confirmée met une personne en relation avec elle-même (« A. Martin »
    et « Mme Anne Martin », atelier du 15 mars 2022) : … »."""
    from atelier.exports import met_at
    from atelier.french import quoted

    lang = current_language()
    pairs = []
    for entry in entries:
        one, other = (", ".join(p.names) for p in (entry.need_participant, entry.resource_participant))
        people = quoted(one, lang)
        if other != one:
            people = message("followup.themself_people", one=people, other=quoted(other, lang))
        pairs.append(message("followup.themself_pair", people=people, where=met_at(entry.workshop, lang)))
    return counted(
        len(entries), "n.with_themself", pairs="\xa0; ".join(pairs) if lang == "fr" else "; ".join(pairs)
    )


def _past_day(text: str | None) -> str | None:
    """--le as people write it (23/11/2026, 23 novembre 2026) or ISO; a day without its year
    (« 22/11 ») is the most recent one not to come, as in the window (typed on 3 January, last
    November). Never a day still to come: « contacté le 01/12/2026 » printed in minutes of 29
    November would not be true."""
    from datetime import date

    from atelier.french import past_date

    if text is None:
        return None
    if not text.strip():  # --le "" is no day, never today
        raise BadOptionValue("date.empty", option="--on" if current_language() == "en" else "--le")
    try:
        found = past_date(text).isoformat()
    except ValueError as error:
        raise date_refused(text, error) from None
    if found > date.today().isoformat():  # never true, whatever the file holds
        raise BadOptionValue("date.future", value=text)
    return found


def _backwards(refused: FollowUpBackwards, args: argparse.Namespace) -> InvalidValue:
    """The refusal of a step dated before the previous one, saying how to put it right: date
    that previous step first (the decision, « à contacter », is dated « now » when it was
    confirmed after the workshop), with the very command to type."""
    from atelier.french import short_date
    from atelier.store.followup import step_said

    english = current_language() == "en"
    words = _STATE_OPTION_EN if english else _STATE_OPTION_FR
    command = command_line(
        "follow-up",
        args.file,
        args.match,
        "--state" if english else "--etat",
        words[FollowUp(refused.previous_state)],
        "--on" if english else "--le",
        short_date(refused.day, "en" if english else "fr"),  # 2026-11-22 / 22/11/2026
    )
    decision = refused.previous_state == FollowUp.TO_CONTACT.value
    return InvalidValue(
        "followup.before_decision_cli" if decision else "followup.before_step_cli",
        new=step_said(refused.state, refused.day),
        previous=step_said(refused.previous_state, refused.previous_day),
        day=list_date(refused.day),
        command=command,
    )


# A state as `--etat` / `--state` takes it, in the command a refusal suggests.
_STATE_OPTION_FR = {
    FollowUp.TO_CONTACT: "a-contacter",
    FollowUp.CONTACTED: "contacte",
    FollowUp.DONE: "fait",
    FollowUp.DROPPED: "sans-suite",
}
_STATE_OPTION_EN = {
    FollowUp.TO_CONTACT: "to-contact",
    FollowUp.CONTACTED: "contacted",
    FollowUp.DONE: "done",
    FollowUp.DROPPED: "dropped",
}


def _say_none(state: FollowUp | None, participant: str | None, *, other: bool = False) -> None:
    """Nothing to list: said of what was asked (`_none_sentence`)."""
    print(_none_sentence(state, participant, other=other))


def _none_sentence(state: FollowUp | None, participant: str | None, *, other: bool = False) -> str:
    """Nothing to list, said of what was asked (« classée sans suite », a person), not as if
    no match had been confirmed at all: « Aucune mise en relation contactée. »; `other`: a
    match of a person with themself was just said, « Aucune autre … »."""
    where = message("followup.for_participant", who=participant) if participant else ""
    if state is not None:
        said = message(f"followup.none_state.{state.value}")
        key = "followup.none_other_in_state" if other else "followup.none_in_state"
        return message(key, state=said, where=where)
    return message("followup.none_other" if other else "followup.none", where=where)


def _show_follow_up(args: argparse.Namespace) -> int:
    """One match as the listing says it, with every step of its follow-up; nothing written."""
    from atelier.jsonexport import entry_as_dict
    from atelier.store import Store

    with Store.open(args.file, readonly=True) as store:
        match = store.find_follow_up(args.match)
        (entry,) = [e for e in store.follow_ups(match.workshop_id) if e.match.id == match.id]
    if args.json:
        print_json(entry_as_dict(entry))
    else:
        print("\n".join(_follow_up_lines([entry], history=True, summary=False)))
        _say_if_themself(entry)
    return EXIT_OK


def _say_if_themself(entry: FollowUpEntry) -> None:
    """One match shown or followed up that puts a person in touch with themself: said so."""
    from atelier.french import quoted
    from atelier.matching.across import one_person

    if not one_person(entry.need_participant, entry.resource_participant):
        return
    lang = current_language()
    one, other = (", ".join(p.names) for p in (entry.need_participant, entry.resource_participant))
    people = quoted(one, lang)
    if other != one:
        people = message("followup.themself_people", one=people, other=quoted(other, lang))
    say("followup.themself_one", people=people)


def _set_follow_up(args: argparse.Namespace) -> int:
    from atelier.jsonexport import entry_as_dict, who
    from atelier.store.followup import match_step_said, path_said

    if args.state is None and args.note is None:
        raise UsageError(message("cli.usage.state_or_note"))
    if not args.match.strip():  # « atelier suivi F "" --etat fait »: no id typed at all
        raise AtelierError("followup.no_id", command=command_line("follow-up", args.file))
    with writable(args.file) as store:
        match = store.find_follow_up(args.match)
        state = parse_state(args.state) if args.state else match.follow_up
        changed = _past_day(args.day)
        workshop = store.workshop(match.workshop_id)
        if changed and workshop.date and changed < workshop.date:
            # « contacté le 01/03/2021 » after a workshop of 16 March 2021 cannot be true
            raise InvalidValue("date.before_workshop", value=args.day, workshop=long_date(workshop.date))
        # The same words again (« --note " Appel " » on « Appel »): the note the file has.
        note = None if args.note is not None and args.note.strip() == match.note.strip() else args.note
        try:
            updated = store.set_follow_up(match.id, state, note=note, day=changed)
        except FollowUpBackwards as refused:
            raise _backwards(refused, args) from None
        (entry,) = [e for e in store.follow_ups(updated.workshop_id) if e.match.id == updated.id]
    if args.json:
        print_json(entry_as_dict(entry))
        return EXIT_OK
    say(
        "followup.set",
        id=entry.short_id,
        # said of the match (« la mise en relation ») as the window's steps say it
        state=match_step_said(updated.follow_up, updated.follow_up_changed),
        need=who(entry.need_participant),
        resource=who(entry.resource_participant),
    )
    # An earlier step dated again (a contact's day corrected on a match done since): the day it
    # had is gone from the file, so both are said (it printed only where the match stands).
    before, after = path_said(match.follow_up_steps), path_said(updated.follow_up_steps)
    if len(before) == len(after):  # (the last step, where the match stands, is said just above)
        for was, now in zip(before[:-1], after[:-1], strict=True):
            if was != now:
                say("followup.redated", was=was, now=now)
    if args.history and updated.follow_up_steps:  # asked with the step: the path it is now on
        say("followup.path", steps=" · ".join(path_said(updated.follow_up_steps)))
    if updated.updated == match.updated:  # nothing new: the file was not written
        say("followup.unchanged", path=args.file)
        _say_if_themself(entry)
        return EXIT_OK
    if args.note is not None and args.note.strip():  # the note, as the file keeps it
        say("followup.note_saved", text=updated.note)
    if args.note is not None and match.note.strip() and args.note.strip() != match.note.strip():
        # The note it had is gone from the file: said, with its words, never silently.
        said = "followup.note_replaced" if args.note.strip() else "followup.note_erased"
        say(said, text=match.note.strip())
    _say_if_themself(entry)
    return EXIT_OK


def _remove_step(args: argparse.Namespace) -> int:
    """« suivi FICHIER ID --retirer-etape »: says which step would go and where the match would
    stand, and asks for --oui; with it, takes the step out (a step recorded by mistake)."""
    from atelier.jsonexport import entry_as_dict, who
    from atelier.store.followup import path_said

    if not args.match.strip():
        raise AtelierError("followup.no_id", command=command_line("follow-up", args.file))
    with writable(args.file) as store:
        match = store.find_follow_up(args.match)
        said = path_said(match.follow_up_steps)
        if len(said) < 2:
            raise AtelierError("followup.only_decision")
        (entry,) = [e for e in store.follow_ups(match.workshop_id) if e.match.id == match.id]
        need, resource = who(entry.need_participant), who(entry.resource_participant)
        # « Zoé a appelé Cécile », written with the step, goes with it: said before and after.
        note = " ".join(store.note_of_latest_step(match.id).split())
        if not args.yes:
            raise AtelierError(
                "followup.remove_confirm_note" if note else "followup.remove_confirm",
                step=said[-1],
                previous=said[-2],
                need=need,
                of_need=of(need),  # « du suivi d'Agnès Pallet », « du suivi du PETR »
                resource=resource,
                note=note,
            )
        store.remove_follow_up_step(match.id)
        (entry,) = [e for e in store.follow_ups(match.workshop_id) if e.match.id == match.id]
    if args.json:
        print_json(entry_as_dict(entry))
        return EXIT_OK
    say(
        "followup.step_removed",
        step=said[-1],
        previous=said[-2],
        id=entry.short_id,
        need=need,
        of_need=of(need),
        resource=resource,
    )
    if note:
        say("followup.note_removed_with_step", text=note)
    return EXIT_OK


def _follow_up_lines(
    entries: list[FollowUpEntry],
    asked: Workshop | None = None,
    *,
    history: bool = False,
    summary: bool = True,
) -> list[str]:
    lines: list[str] = []
    current = None
    for entry in entries:
        if entry.workshop.id != current:
            current = entry.workshop.id
            if lines:
                lines.append("")
            date = _workshop_date(entry.workshop)
            title = message(
                "followup.title", title=title_shown(entry.workshop.title), date=f" — {date}" if date else ""
            )
            if asked is not None and entry.workshop.id != asked.id:
                # The other side: a need of another workshop, one of the asked one's people helping.
                title = message("followup.title_helping", title=title, asked=title_shown(asked.title))
            lines.append(title)
        lines += _entry_lines(entry, history=history)
    return [*lines, "", _states_summary(entries)] if summary else lines


def _workshop_date(workshop: Workshop) -> str:
    return long_date(workshop.date) if workshop.date else ""


def _verb(kind: str, people: int = 1) -> str:
    """« a proposé », or « ont proposé » when the row speaks for several people."""
    key = {"offer": "followup.offered", "action": "followup.did"}.get(kind, "followup.shared")
    return message(f"{key}_many" if people >= 2 else key)


def _entry_lines(entry: FollowUpEntry, *, history: bool = False) -> list[str]:
    from atelier.jsonexport import state_label, who
    from atelier.store.followup import path_said, step_said

    match = entry.match
    # « contacté le 22/11/2026 », « à contacter depuis le … »: as the window says a step
    head = step_said(match.follow_up, match.follow_up_changed) if match.follow_up_changed else ""
    head = head or state_label(match.follow_up)
    pad = " " * (len(entry.short_id) + 4)
    lines = [f"  {entry.short_id}  {head}"]
    asks = "followup.asks_many" if len(entry.need_participant.names) >= 2 else "followup.asks"
    asker = who(entry.need_participant)
    asker = asker[:1].upper() + asker[1:] if entry.need_participant.unnamed else asker  # starts the line
    lines.append(pad + message(asks, who=asker, text=entry.need.text))
    away = entry.resource_participant.away() if entry.resource_workshop.id != entry.workshop.id else ""
    if away:
        # Their cell there says they were not at it (« (excusée) »): never « a proposé lors de
        # l'atelier du … », « excusé·e à l'atelier du 16 mars 2021 (ressource notée dans sa grille) ».
        from atelier.reasons import helper_away, say_all

        told = helper_away(
            [
                Reason(
                    ReasonKind.EARLIER,
                    term=entry.resource_workshop.title,
                    resource=str(entry.resource.kind),
                    detail=entry.resource_workshop.date or "",
                )
            ],
            away,
        )
        said = say_all(told, current_language())[0]
        lines.append(
            pad
            + message(
                "followup.helps_away",
                who=who(entry.resource_participant),
                said=said[:1].lower() + said[1:],
                text=entry.resource.text,
            )
        )
    elif entry.resource_workshop.id != entry.workshop.id:
        other = entry.resource_workshop
        # « lors de l'atelier du 16 mars 2021 »; a workshop without a date is named by its title.
        lines.append(
            pad
            + message(
                "followup.helps_earlier" if other.date else "followup.helps_earlier_titled",
                who=who(entry.resource_participant),
                verb=_verb(str(entry.resource.kind), len(entry.resource_participant.names)),
                date=_workshop_date(other),
                title=other.title,
                text=entry.resource.text,
            )
        )
    else:
        lines.append(
            pad + message("followup.helps", who=who(entry.resource_participant), text=entry.resource.text)
        )
    if match.retyped:  # the window marks it ⚠: the people agreed on a text the grid no longer says
        lines.append(pad + message("followup.retyped"))
    if history and match.follow_up_steps:  # « étapes : décidée le 16/03/2026 · contactée le 22/03/2026 »
        lines.append(pad + message("followup.steps", steps=" · ".join(path_said(match.follow_up_steps))))
    if match.note.strip():
        lines.append(pad + message("followup.note", text=" ".join(match.note.split())))
    return lines


def _states_summary(entries: list[FollowUpEntry], *, out_of: int = 0, only: FollowUp | None = None) -> str:
    """« 5 mises en relation suivies — à contacter : 2, contactée : 1, … »; of `only` one state,
    listed out of `out_of`: « 1 sur 5 mises en relation suivies — faite : 1 », never « à
    contacter : 0 » for the states not asked for."""
    from atelier.jsonexport import state_label

    counts = Counter(e.match.follow_up for e in entries)
    fr = current_language() == "fr"
    states = ", ".join(
        f"{state_label(s)}\xa0: {counts.get(s, 0)}" if fr else f"{state_label(s)}: {counts.get(s, 0)}"
        for s in FOLLOW_UPS
        if only is None or s == only
    )
    count = counted(len(entries), "n.followed_match")
    if only is not None and out_of != len(entries):
        count = message("followup.shown_of", shown=len(entries), total=counted(out_of, "n.followed_match"))
    return message("followup.total", count=count, states=states)


# ----------------------------------------------------------------- search


@command(
    "search",
    "cli.help.search",
    FILE,
    arg("text", nargs="+", metavar="TEXTE", help="cli.help.search_text"),
    arg("--limit", type=int, default=30, metavar="N", help="cli.help.search_limit"),
    JSON,
    aliases=["chercher"],
    dash_words=True,
)
def search(args: argparse.Namespace) -> int:
    from atelier.jsonexport import hit_as_dict
    from atelier.store import Store

    if args.limit < 1:
        raise UsageError(message("cli.usage.at_least_one", option="--limit"))
    text = " ".join(args.text)
    if not text.strip():  # « atelier search FICHIER "" »: every line would match, or none
        raise UsageError(message("cli.usage.search_empty"))
    from atelier.store.directory import fts_query

    if fts_query(text) is None:  # « 🎉 », « € »: no word, nothing searched, not « no result »
        raise UsageError(message("cli.usage.search_no_word", text=text.strip()))
    from atelier.matching.across import one_row_per_person

    with Store.open(args.file, readonly=True) as store:
        found, total = store.search(text, limit=args.limit)
        # One person at several workshops, under two spellings perhaps: one result, naming
        # every workshop they came to, as the window's directory shows them.
        hits = one_row_per_person(store, found)
        total -= len(found) - len(hits)
        workshops = len(store.workshops())
    if args.json:
        print_json({"query": text, "total": total, "hits": [hit_as_dict(h) for h in hits]})
        return EXIT_OK
    if not hits:
        where = counted(workshops, "n.search_workshops", path=Path(args.file).name)
        say("search.none", text=text, where=where)
        return EXIT_OK
    more = counted(len(hits), "n.search_first") if total > len(hits) else ""
    say("search.total", text=text, count=counted(total, "n.result"), more=more)
    for hit in hits:
        person = hit.participant.territory if hit.kind == "participant" else hit.participant.display_name()
        print(f"  [{message(f'hit.{hit.kind}')}] {hit.text}")
        if len(hit.workshops) > 1:  # one person, every workshop of theirs (latest first)
            several = message(
                "search.where_several", who=person, count=counted(len(hit.workshops), "n.workshop")
            )
            print(f"      {several.lstrip(' ·')}")
            for workshop in hit.workshops:
                print(f"        {_where(workshop, '', hit.away_at.get(workshop.id, ''))}")
        else:
            # Their cell says they were not there (« (excusée) »): said, never shown as present.
            print(f"      {_where(hit.workshop, person, hit.participant.away())}")
        if hit.why:  # found through a place typed, not its words (atelier/territories.py)
            print(f"      {hit.why}")
    return EXIT_OK


def _where(workshop: Workshop, who: str, away: str) -> str:
    """« Bazadais · atelier du 16/03/2021 « Atelier du 16 mars 2021 » », « excusé·e à
    l'atelier du … » when their cell says they were not there; without `who`, the workshop."""
    date = list_date(workshop.date)
    state = {EXCUSED: "_excused", ABSENT: "_absent"}.get(away, "")
    title = title_shown(workshop.title)
    if date:
        return message(f"search.where{state}", who=who, date=date, title=title).lstrip(" ·")
    key = f"search.where{state}_undated" if state else "search.where_undated"
    return message(key, who=who, title=title).lstrip(" ·")


# -------------------------------------------------------------- workshops


@command(
    "workshops",
    "cli.help.workshops",
    FILE,
    OneOf(
        (
            arg("--add", action="store_true", help="cli.help.workshops_add"),
            arg("--rename", metavar="ATELIER", help="cli.help.workshops_rename"),
            arg("--delete", metavar="ATELIER", help="cli.help.workshops_delete"),
            arg(
                "--join",
                "--reunir",
                dest="join",
                nargs=2,
                metavar=("ATELIER", "AUTRE"),
                help="cli.help.workshops_join",
            ),
        )
    ),
    TITLE,
    DATE,
    PLACE,
    arg("--oui", "--yes", dest="yes", action="store_true", help="cli.help.workshops_yes"),
    JSON,
    aliases=["ateliers"],
)
def workshops(args: argparse.Namespace) -> int:
    from atelier.jsonexport import workshops_as_list
    from atelier.store import Store

    if args.json and (args.add or args.rename or args.delete or args.join):
        raise UsageError(message("cli.usage.json_with_list"))
    if args.yes and not args.delete:
        raise UsageError(message("cli.usage.yes_with_delete"))
    if not (args.add or args.rename) and any(v is not None for v in (args.title, args.date, args.place)):
        raise UsageError(message("cli.usage.fields_with_add_rename"))
    if args.add:
        return _add_workshop(args)
    if args.rename:
        return _rename_workshop(args)
    if args.delete:
        return _delete_workshop(args)
    if args.join:
        return _join_workshops(args)
    with Store.open(args.file, readonly=True) as store:
        listed = workshops_as_list(store)
    if args.json:
        print_json(listed)
        return EXIT_OK
    for entry in listed:
        # People, as the minutes count them (« 24 participants » on 22 rows of the grid).
        counts = _what(entry["people"], entry["items"], entry["confirmed_matches"]).split(", ")
        say(
            "workshops.line",
            id=entry["id"][:8],
            date=list_date(entry["date"]) or "—",
            title=title_shown(entry["title"]),
            # Not said twice when the title names it (« Atelier du 3 mars 2023 — Langon »).
            place=f", {one_line(entry['place'])}"
            if entry["place"] and not says_where(entry["title"], entry["place"])
            else "",
            # « 3 participants (dont 1 excusé ou absent) », as the import says it: the minutes
            # count 2 in the room.
            participants=message(
                "import.with_away", participants=counts[0], away=counted(entry["away"], "n.away")
            )
            if entry["away"]
            else counts[0],
            items=counts[1],
            decided=counts[2]
            + (counted(entry["dropped"], "n.dropped_aside") if entry["dropped"] else "")
            + (counted(entry["with_themself"], "n.themself_aside") if entry["with_themself"] else ""),
        )
    return EXIT_OK


def _add_workshop(args: argparse.Namespace) -> int:
    from datetime import date as calendar

    from atelier.domain import Workshop
    from atelier.store import validate_workshop

    if not args.title:
        raise UsageError(message("cli.usage.add_needs_title"))
    # Today's unless --date, as `atelier new` and the window's new file date theirs: the
    # workshops list would show « — » and the minutes no « Atelier du … ».
    workshop = Workshop(
        title=title_typed(args.title) or "",
        date=day_given(args.date) or calendar.today().isoformat(),
        place=typed_line(args.place) or "",
    )
    validate_workshop(workshop)  # before the file is opened for writing
    with writable(args.file) as store:
        there = store.same_workshop(workshop.title, workshop.date)
        if there is not None:  # the command run twice: the directory would list it twice
            when = message("workshop.of_date", date=long_date(there.date)) if there.date else ""
            raise AtelierError(
                "workshop.add_already_there", path=args.file, title=title_shown(there.title), date=when
            )
        store.add_workshop(workshop)
    # The date in words, as `new` and `import --new-workshop` say it.
    say(
        "workshop.added",
        title=workshop.title,
        date=f" ({long_date(workshop.date)})",
        path=args.file,
        id=workshop.id[:8],
    )
    return EXIT_OK


def _rename_workshop(args: argparse.Namespace) -> int:
    changes = {
        k: v
        for k, v in (
            ("title", title_given(args.title)),
            ("date", args.date),
            ("place", typed_line(args.place)),
        )
        if v is not None
    }
    if not changes:
        raise UsageError(message("cli.usage.rename_needs_change"))
    if "date" in changes:
        changes["date"] = day(changes["date"]) or ""  # "" takes the date away
    from atelier.store import Store

    # Read first: given what the workshop already has, nothing is written (the file's bytes
    # as they were, an older format not upgraded for nothing), and that is what is said.
    with Store.open(args.file, readonly=True) as store:
        current = store.find_workshop(args.rename)
    _title_follows_date(current, changes)
    if not _renamed(current, changes):
        _say_unchanged(args.file, current, changes)
        return EXIT_OK
    with writable(args.file) as store:
        current = store.find_workshop(args.rename)
        _title_follows_date(current, changes)
        changed = _renamed(current, changes)
        if changed:  # a window may have made it so meanwhile: then nothing to write either
            store.update_workshop(
                current.id, **{k: (v or None) if k == "date" else v for k, v in changed.items()}
            )
    if not changed:
        _say_unchanged(args.file, current, changes)
        return EXIT_OK
    title = title_shown(changed.get("title", current.title))
    say("workshop.renamed", id=current.id[:8], title=title, changes=_changes_said(current, changed))
    return EXIT_OK


def _title_follows_date(current: Workshop, changes: dict[str, str]) -> None:
    """A title that says the workshop's day (« Atelier du 16 mars 2021 ») given another date
    and no title: the title loses that day (`title_redated`), as an import's title does when
    --date replaces the heading's, and is said changed. The title and the date printed under
    it never disagree. A title that says another day than the workshop's (« Retour sur
    l'atelier du 2 février ») is not about that day: left as it is."""
    from atelier.importers import title_redated

    if "title" not in changes:
        title = title_redated(current.title, current.date, changes.get("date"))
        if title is not None:
            changes["title"] = title


def _renamed(current: Workshop, changes: dict[str, str]) -> dict[str, str]:
    """What `changes` changes of the workshop (a field given as it already is: left out)."""
    return {k: v for k, v in changes.items() if v != (getattr(current, k) or "")}


def _changes_said(was: Workshop, changed: dict[str, str]) -> str:
    """« nouveau titre (c'était « Réseau »), date retirée (c'était le 16/03/2021) »: each field
    changed, and what it was, for the facilitator to see what the command did."""
    from atelier.french import join, quoted

    lang = current_language()
    said = []
    if "title" in changed:
        said.append(message("workshop.changed_title", was=quoted(title_shown(was.title), lang)))
    if "date" in changed:
        new, old = list_date(changed["date"]), list_date(was.date)
        if not new:
            said.append(message("workshop.changed_date_removed", was=old))
        else:
            said.append(
                message("workshop.changed_date" if old else "workshop.changed_date_added", date=new, was=old)
            )
    if "place" in changed:
        new, old = (quoted(one_line(p) or "", lang) for p in (changed["place"], was.place))
        if not changed["place"]:
            said.append(message("workshop.changed_place_removed", was=old))
        else:
            said.append(
                message(
                    "workshop.changed_place" if was.place else "workshop.changed_place_added",
                    place=new,
                    was=old,
                )
            )
    return join(said, lang)


def _say_unchanged(path: str, current: Workshop, changes: dict[str, str]) -> None:
    """« Rien n'a changé : l'atelier [0f50001f] « Réseau » (16/03/2021) est déjà tel que
    demandé (même titre, même date) ; « F.atelier » n'a pas été modifié. »"""
    has = [
        message(f"workshop.has_{field}" if value else f"workshop.has_no_{field}")
        for field, value in changes.items()
    ]
    date = f" ({list_date(current.date)})" if current.date else ""
    say(
        "workshop.rename_unchanged",
        id=current.id[:8],
        title=title_shown(current.title),
        date=date,
        has=", ".join(has),
        path=path,
    )


def _delete_workshop(args: argparse.Namespace) -> int:
    from atelier.backups import make_backup

    with writable(args.file) as store:
        workshop = store.find_workshop(args.delete)
        title = title_shown(workshop.title)
        if len(store.workshops()) == 1:
            raise AtelierError("workshop.last", title=title)
        what = _what(*_workshop_counts(store, workshop.id), going=_follow_ups_going(store, workshop.id))
        if not args.yes:
            raise AtelierError("workshop.delete_confirm", title=title, what=what)
        backup = make_backup(store, "delete")
        if backup is None:
            raise AtelierError("workshop.no_backup", title=title)
        store.delete_workshop(workshop.id)
    say("workshop.deleted", title=title, what=what, backup=backup.path)
    return EXIT_OK


def _join_workshops(args: argparse.Namespace) -> int:
    """Two workshops of the file made one: the two halves of one room, captured apart and then
    merged into one file (`atelier merge` says the command)."""
    from atelier.backups import make_backup

    with writable(args.file) as store:
        keep, other = (store.find_workshop(typed) for typed in args.join)
        if keep.id == other.id:
            raise AtelierError("join.same", title=title_shown(keep.title))
        if (keep.date or None) != (other.date or None):
            raise AtelierError(
                "join.other_dates",
                first=title_shown(keep.title),
                first_date=f" ({list_date(keep.date)})" if keep.date else message("workshop.undated"),
                second=title_shown(other.title),
                second_date=f" ({list_date(other.date)})" if other.date else message("workshop.undated"),
                command=_same_date_command(args.file, keep, other),
            )
        if make_backup(store, "merge") is None:
            raise AtelierError("join.no_backup", title=title_shown(keep.title))
        summary = store.join_workshops(keep.id, other.id)
    print(summary.sentence(in_files=False))
    for line in summary.details():
        say("merge.difference", text=line)
    return EXIT_OK


def _same_date_command(path: str, keep: Workshop, other: Workshop) -> str:
    """The command that gives the second workshop the first one's date (the first's the
    second's when the first has none), as it can be pasted: the command's name in the
    user's language, the file, the workshop's identifier, a date the option reads."""
    from atelier.french import short_date

    renamed, date = (other, keep.date) if keep.date else (keep, other.date)
    return command_line(
        "workshops", path, "--rename", renamed.id[:8], "--date", short_date(date, current_language())
    )


def _workshop_counts(store: Store, workshop_id: str) -> tuple[int, int, int, int]:
    """What deleting the workshop takes away, down to the follow-ups of later workshops
    whose helper was one of its participants."""
    participants = store.people_counts().get(workshop_id, 0)  # people, as the minutes count them
    items = len(store.workshop_items(workshop_id))
    decided, elsewhere = store.decided_going_with(workshop_id)
    return participants, items, decided, elsewhere


def _what(participants: int, items: int, decided: int, elsewhere: int = 0, going: str = "") -> str:
    parts = [
        counted(participants, "n.participant"),
        counted(items, "n.item"),
        counted(decided, "n.decided_matches"),
    ]
    if elsewhere:
        parts.append(
            counted(elsewhere, "n.decided_matches_elsewhere")
            + (message("list.colon") + going if going else "")
        )
    return ", ".join(parts)


def _follow_ups_going(store: Store, workshop_id: str) -> str:
    """« Nadia Ferrand ← Corinne Corcuff («\xa0Atelier d'automne\xa0», à contacter depuis le
    29/11/2026) »: the follow-ups of other workshops that deleting this one takes away (their
    helper is one of its participants), each named with where it stood; "" if none."""
    from atelier.french import join

    said = []
    for entry in store.follow_ups(workshop_id, helping=True):
        if entry.workshop.id == workshop_id:
            continue
        match = entry.match
        day = list_date(match.follow_up_changed)
        if match.follow_up == FollowUp.TO_CONTACT:
            state = message("followup.to_contact_since", date=day) if day else message("state.to_contact")
        else:
            label = message(f"state.{match.follow_up.value}")
            state = message("followup.state_on", state=label, date=day) if day else label
        said.append(
            message(
                "followup.going",
                need=join(entry.need_participant.names) or entry.need_participant.organisation,
                helper=join(entry.resource_participant.names) or entry.resource_participant.organisation,
                title=title_shown(entry.workshop.title),
                state=state,
            )
        )
    return message("list.semicolon").join(said)

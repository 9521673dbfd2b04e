"""A document holding several workshops: a Word table per session, each under its own dated
title (« Atelier du 3 mars 2023 — Langon », « Atelier du 7 juin 2023 — Bazas »), or a workbook
of a sheet per session. Read as one grid, the June participants were put in the March
workshop. Each table or sheet whose heading (or sheet name) gives another date than the one
before it starts a workshop of its own, and so does one of the same day in another place
(« 12 mars 2024 – Dax », then « 12 mars 2024 – Mont-de-Marsan »: a place the territory table
knows, `session_place`); a table or sheet without a date of its own (the afternoon's grid, a
grid carried onto the next page under no new title), or of the same day and no other place
(« 12 mars 2024 – Après-midi »), stays with the one before it. Nothing is split when fewer
than two sessions are found: one grid, as before."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from atelier.importers.cells import clean

__all__ = ["Session", "find_sessions", "session_when", "title_place"]


@dataclass(slots=True)
class Session:
    """One workshop of a document that holds several: the tables or sheets it is read from
    (as the rows cite them: « tableau 2 », « feuille « Juin » »), and what its heading says."""

    wheres: list[str]
    title: str
    date: str | None = None  # ISO, when the heading gives the day
    place: str = ""  # what follows the date after a dash in its title (« — Langon »)
    description: str = ""  # the heading's other lines
    month: str = ""  # « 2023-06 » when the heading names a month, not a day (« Juin 2023 »)
    heading: list[str] = field(default_factory=list)

    def when(self) -> str:
        return self.date or self.month


_MONTH_YEAR = re.compile(
    r"\b(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\s+((?:19|20)\d{2})\b"
)
_MONTHS = {
    name: number
    for names in (
        ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre")
        + ("octobre", "novembre", "decembre"),
        ("january", "february", "march", "april", "may", "june", "july", "august", "september")
        + ("october", "november", "december"),
    )
    for number, name in enumerate(names, start=1)
}
_DASH = re.compile(r"\s+[—–-]\s+")


def session_when(text: str) -> tuple[str | None, str]:
    """The day a heading gives (ISO), or else the month it names (« Juin 2023 » → « 2023-06 »):
    a month alone is no day, and none is invented."""
    from atelier.french import find_date, fold

    line = clean(text)
    day = find_date(line)
    if day is not None:
        return day.isoformat(), day.isoformat()[:7]
    found = _MONTH_YEAR.search(fold(line))
    if found is None:
        return None, ""
    return None, f"{found.group(2)}-{_MONTHS[found.group(1)]:02d}"


def title_place(title: str) -> str:
    """« Atelier du 3 mars 2023 — Langon » → « Langon »: a short last part, after a dash, of a
    title whose date is in the part before it; "" otherwise (nothing guessed)."""
    parts = _DASH.split(title)
    if len(parts) < 2:
        return ""
    last = parts[-1].strip()
    dated = any(session_when(p) != (None, "") for p in parts[:-1])
    if dated and last and len(last) <= 40 and not any(c.isdigit() for c in last) and last[0].isupper():
        return last
    return ""


def session_place(title: str) -> str:
    """The place a dated title names after its date (`title_place`), when it is a place the
    territory table knows, a commune, an EPCI or a département (« 12 mars 2024 – Dax »,
    « – Mont-de-Marsan »): what tells two sessions of one day apart; "" for anything else
    (« – Matin », « – Après-midi », « – Salle Rabelais »: parts of one day's workshop)."""
    place = title_place(title)
    if not place:
        return ""
    from atelier.territories import is_place_name

    return place if is_place_name(place) else ""


def find_sessions(parts: list[tuple[str, list[str], str]]) -> list[Session]:
    """The workshops of a document, or [] when it holds one. `parts` are, in the document's
    order, each table or sheet read as the grid: (how its rows cite it, the lines of its heading,
    its own name (a sheet's, "" for a table)). A part's day (or month) comes from its heading,
    else from its name."""
    found: list[tuple[str, list[str], str, str | None, str]] = []  # + its title line, day, month
    for where, heading, name in parts:
        lines = [clean(t) for t in heading if clean(t)]
        title, day, month = "", None, ""
        for line in [*lines, *([clean(name)] if clean(name) else [])]:
            day, month = session_when(line)
            if month:
                title = line
                break
        found.append((where, lines, title, day, month))
    places = [session_place(title) if title else "" for _w, _l, title, _d, _m in found]
    # The sessions said: each day (or month) and the place that tells it apart from another of
    # its day; fewer than two, one grid.
    said = {(day or month, at) for (*_r, day, month), at in zip(found, places, strict=True) if month}
    if len(said) < 2:
        return []
    sessions: list[Session] = []
    at_current = ""  # the place that tells the current session apart from another of its day
    for (where, lines, title, day, month), at in zip(found, places, strict=True):
        current = sessions[-1] if sessions else None
        if current is not None and (
            not month or ((day or month) == current.when() and (not at or not at_current or at == at_current))
        ):
            # No date of its own, or the same one and not two places said: the same workshop.
            current.wheres.append(where)
            continue
        at_current = at
        if not title:  # a first table under no dated title: its heading's first line, if any
            title = next((line for line in lines if len(line) <= 120), "")
        sessions.append(
            Session(
                [where],
                title[:200],
                day,
                title_place(title),
                "\n".join(line for line in lines if line != title),
                "" if day else month,
                lines,
            )
        )
    return sessions if len(sessions) > 1 else []

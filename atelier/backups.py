"""Rolling backups of the files a facilitator opens, in the user data folder.

On opening a file for editing, a copy is made with SQLite's backup API (a consistent
snapshot of a live WAL database, which a file copy is not), unless the newest backup
already holds the same content. The last KEEP copies of each file are kept, and besides them
every copy whose path a command printed for a user to come back to (`_spared`: before the file
was replaced, a workshop deleted, a format upgrade; a copy before an import NAMED_DAYS days) and
the newest copy at each older format (the one an older Atelier opens), in a folder
named after the file (and a short hash of its full path, so that two files of the same
name in different folders never share backups). A copy's name says when it was made and,
since Atelier 0.32, why (`REASONS`: on opening, before a restore…), so that two copies of
one minute are told apart in the list a user chooses from (`told_apart`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from atelier.paths import user_data_dir


class Backed(Protocol):
    """What a backup needs of an open file (atelier.store.Store): this module sits below the
    store, which asks it for a file's backups when it refuses an empty file."""

    path: Path

    def fingerprint(self) -> str: ...

    def save_copy(self, target: Path) -> None: ...


KEEP = 5
_NAME = re.compile(r"^(\d{8}-\d{6}-\d{3})-([0-9a-f]{12})(?:-([a-z]+))?\.atelier$")
# Why a copy was made, as its name keeps it (a word of this list, or nothing for the copies of
# earlier versions), and as a user reads it (atelier.i18n, « backup.<reason> »).
REASONS = ("open", "restore", "merge", "import", "delete", "replace", "upgrade")
# Copies never rolled away, and copies kept NAMED_DAYS days at least (`_spared`).
KEPT_FOR_GOOD = ("replace", "delete", "upgrade")
NAMED = ("import",)
NAMED_DAYS = 30


@dataclass(frozen=True)
class Backup:
    path: Path
    when: datetime  # UTC
    fingerprint: str
    reason: str = ""  # one of REASONS; "" for a copy made by an earlier version

    def label(self, lang: str | None = None, *, milliseconds: bool = False) -> str:
        """When the copy was made, in the reader's language: « 22/11/2026 à 14:03:05 »,
        English « 22 November 2026, 14:03:05 » (never a French « à », nor a day read as a
        month on one side of the Atlantic), as the merge history says a moment; to the
        millisecond (« 14:03:05,120 », « 14:03:05.120 ») when asked."""
        from atelier.french import list_date
        from atelier.i18n import current_language

        english = (lang or current_language()) == "en"
        local = self.when.astimezone()
        day = list_date(local.date().isoformat(), "en" if english else "fr")
        time = f"{local:%H:%M:%S}"
        if milliseconds:
            time += ("." if english else ",") + f"{local.microsecond // 1000:03d}"
        return f"{day}, {time}" if english else f"{day} à {time}"

    def why(self, lang: str | None = None) -> str:
        """Why the copy was made (« à l'ouverture », « avant une restauration »); "" if unknown."""
        from atelier.i18n import MESSAGES, current_language

        if self.reason not in REASONS:
            return ""
        said = MESSAGES[f"backup.{self.reason}"]
        return said.get(lang or current_language()) or said["fr"]


def told_apart(backups: list[Backup], lang: str | None = None) -> list[str]:
    """A line for each backup that no other reads like: when it was made, and why
    (« 22/11/2026 à 14:03:05 (avant une restauration) »); to the millisecond where two were
    made in the same second, or where the clock went back an hour (the last Sunday of
    October, 02:30 comes twice)."""
    said = [b.label(lang) for b in backups]
    said = [
        b.label(lang, milliseconds=True) if said.count(said[index]) > 1 else said[index]
        for index, b in enumerate(backups)
    ]
    lines = []
    for backup, when in zip(backups, said, strict=True):
        why = backup.why(lang)
        lines.append(f"{when} ({why})" if why else when)
    return lines


def folder_for(path: Path) -> Path:
    resolved = str(Path(path).resolve())
    digest = hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:8]
    safe = re.sub(r"[^\w.-]+", "_", Path(path).stem)[:60] or "atelier"
    return user_data_dir() / "sauvegardes" / f"{safe}-{digest}"


def _when(stamp: str) -> datetime:
    """20261122-140305-123 -> that moment, UTC (strptime would import _strptime at opening)."""
    day, time, milli = stamp.split("-")
    return datetime(
        int(day[:4]), int(day[4:6]), int(day[6:8]),
        int(time[:2]), int(time[2:4]), int(time[4:6]), int(milli) * 1000, tzinfo=UTC,
    )  # fmt: skip


def backups_of(path: Path) -> list[Backup]:
    """The file's backups, newest first."""
    folder = folder_for(path)
    found = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            match = _NAME.match(entry.name)
            if match:
                when = _when(match.group(1))
                found.append(Backup(entry, when, match.group(2), match.group(3) or ""))
    return sorted(found, key=lambda b: b.when, reverse=True)


def make_backup(store: Backed, reason: str, *, keep: int | None = KEEP) -> Backup | None:
    """Back the open file up (`reason`: one of REASONS, kept in the copy's name) unless the
    newest backup has the same content. Never fails the opening: a backup that cannot be
    written is skipped (returns None). `keep=None`: no older copy deleted yet (`roll_backups`
    once the change is written; a change that writes nothing takes no older copy's place)."""
    fingerprint = store.fingerprint()
    existing = backups_of(store.path)
    if existing and existing[0].fingerprint == fingerprint:
        return existing[0]
    folder = folder_for(store.path)
    now = datetime.now(UTC)
    stamp = f"{now.strftime('%Y%m%d-%H%M%S')}-{now.microsecond // 1000:03d}"
    target = folder / f"{stamp}-{fingerprint}-{reason}.atelier"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        store.save_copy(target)  # SQLite's backup API, written beside then renamed
    except Exception:  # a backup must never stop the facilitator from working
        return None
    if keep is not None:
        _roll(store.path, keep)
    return Backup(target, now, fingerprint, reason)


def roll_backups(path: Path, keep: int = KEEP) -> None:
    """The copies of `path` beyond the newest `keep` deleted (`_roll`): after a backup made
    with `keep=None`, once the change it was made for is written."""
    _roll(path, keep)


def _roll(path: Path, keep: int) -> None:
    """The copies beyond the newest `keep` deleted, except those a user was told of or that are
    the only copy of something the file no longer holds (`_spared`), which never push the
    ordinary copies out either."""
    now = datetime.now(UTC)
    found = backups_of(path)
    older_format = _newest_of_each_older_format(found)
    rolling = [b for b in found if not _spared(b, now) and b.path not in older_format]
    for old in rolling[keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()


def _spared(backup: Backup, now: datetime) -> bool:
    """Never deleted: a copy made before the file was replaced (« avant un remplacement »), before
    a workshop was deleted (« avant la suppression d'un atelier ») or before a format upgrade
    (« avant un changement de format »): each is the only copy left of a workshop or a format the
    file no longer is, and the command that made it printed its path. A copy made before an
    import, whose path the import printed (« Sauvegarde d'avant : … »), is kept NAMED_DAYS days."""
    if backup.reason in KEPT_FOR_GOOD:
        return True
    return backup.reason in NAMED and now - backup.when < timedelta(days=NAMED_DAYS)


def _newest_of_each_older_format(backups: list[Backup]) -> set[Path]:
    """The newest copy at each format older than the file's, among `backups` (newest first):
    the one copy an older Atelier still opens, whatever the reason it was made for (the copy
    taken on opening, or before an import, is the upgrade copy when it has the same content,
    and the upgrade message names it)."""
    newest: dict[int, Path] = {}
    for backup in backups:
        version = _format_of(backup.path)
        if version is not None:
            newest.setdefault(version, backup.path)
    # The file's format is its latest copies' (a roll follows the copy just made): the file
    # itself is never opened here, since closing any descriptor of it would drop the SQLite
    # locks this process holds on it (a window's), letting another program delete its journal.
    today = max(newest, default=0)
    return {copy for version, copy in newest.items() if version < today}


def _format_of(path: Path) -> int | None:
    """A copy's format (SQLite's user_version, read from its header), None if unreadable."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(64)
    except OSError:
        return None
    if len(header) < 64 or not header.startswith(b"SQLite format 3\x00"):
        return None
    return int.from_bytes(header[60:64], "big")


def keep_replaced(path: Path, *, keep: int = KEEP) -> Backup | None:
    """A copy of the workshop file `path`, about to be replaced by another file written in its
    place (a new workshop, an imported grid, a copy, a merge, « --force »), kept among its
    backups (« avant un remplacement ») so that it can be restored. SQLite's backup API reads
    what a `-wal` beside it holds too; otherwise the file is copied byte for byte (a damaged
    one as it is).
    None if no copy could be written (the caller then does not replace the file)."""
    folder = folder_for(path)
    now = datetime.now(UTC)
    stamp = f"{now.strftime('%Y%m%d-%H%M%S')}-{now.microsecond // 1000:03d}"
    temp = folder / f".{stamp}-{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        wal = path.with_name(path.name + "-wal")
        if wal.is_file() and wal.stat().st_size > 0:  # changes not yet in the file itself
            try:
                _sqlite_copy(path, temp)
            except sqlite3.Error:
                with contextlib.suppress(OSError):
                    temp.unlink()
                shutil.copyfile(path, temp)
        else:  # byte for byte: a damaged file is kept as it is
            shutil.copyfile(path, temp)
        digest = hashlib.sha1()
        with open(temp, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
            os.fsync(handle.fileno())
        fingerprint = digest.hexdigest()[:12]
        target = folder / f"{stamp}-{fingerprint}-replace.atelier"
        os.replace(temp, target)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()
        return None
    _roll(path, keep)
    return Backup(target, now, fingerprint, "replace")


def _sqlite_copy(path: Path, target: Path) -> None:
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()

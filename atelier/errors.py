"""Errors a user can meet, each carrying a message in the user's language."""

from __future__ import annotations

from atelier.i18n import message


class AtelierError(Exception):
    """An expected failure: shown to the user as one sentence, never as a traceback."""

    key = "cli.unexpected"

    def __init__(self, key: str | None = None, **params: object) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.user_message())

    def user_message(self) -> str:
        return message(self.key, **self.params)


class FileRefused(AtelierError):
    """The file cannot be opened as an Atelier file; it was left untouched."""


class NotAtelierFile(FileRefused):
    key = "file.not_atelier"

    def __init__(self, key: str | None = None, **params: object) -> None:
        # A grid opened where an Atelier file was expected (« Ouvrir avec Atelier » on it, Ctrl+O):
        # said what it is and how to bring it in, not only what it is not.
        suffix = str(getattr(params.get("path"), "suffix", "")).lower()
        if key is None and suffix in GRID_KINDS:
            kind = GRID_KINDS[suffix] or message("kind.text")
            # English says « an Excel file », « an HTML file », « a Word file » (French: « un »).
            article = "an" if kind in ("Excel", "HTML") else "a"
            key, params = "file.grid_not_atelier", {**params, "kind": kind, "article": article}
        super().__init__(key, **params)


GRID_KINDS = {
    ".docx": "Word",
    ".xlsx": "Excel",
    ".xlsm": "Excel",
    ".csv": "CSV",
    ".html": "HTML",
    ".htm": "HTML",
    ".txt": "",  # said in the user's language: « texte », « text »
}


class CorruptFile(FileRefused):
    key = "file.corrupt"


class NewerFile(FileRefused):
    key = "file.newer"


class ReadOnlyError(AtelierError):
    key = "file.read_only_edit"


class NotFound(AtelierError):
    key = "record.unknown"


class InvalidValue(AtelierError):
    pass


class BadOptionValue(InvalidValue):
    """A value given to an option of the command line that no file could make right (a date
    that is none, a follow-up state that does not exist, an empty title): the command used the
    wrong way, exit 2 as argparse's own refusals, said in its own one sentence. A value the
    file refuses (a workshop not in it, a day before its workshop) stays a failure, exit 1."""


class FollowUpBackwards(InvalidValue):
    """A follow-up step dated before the match's previous step (« contacté le 22/11 » after
    « à contacter depuis le 29/11 »). It carries both steps, for the command line and the
    window to say, each in its own way, how to put it right (date the previous step first)."""

    key = "followup.before_previous"

    def __init__(
        self,
        *,
        state: str,
        day: str,
        previous_state: str,
        previous_day: str,
        previous_current: bool = True,
        **params: object,
    ) -> None:
        self.state, self.day = state, day  # the step refused, its day (YYYY-MM-DD)
        self.previous_state, self.previous_day = previous_state, previous_day
        # Whether that previous step is the match's current one (dated again with D in the
        # window) or an earlier one of its history (dated again with Maj+its letter).
        self.previous_current = previous_current
        super().__init__(None, **params)


class UsageError(Exception):
    """A command used the wrong way (a missing or contradictory option): exit 2."""

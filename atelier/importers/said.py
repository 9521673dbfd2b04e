"""A warning of the import as it is said, with what it was made from: the message's key and
parameters, so that a reader who names rows otherwise can say it again. Rows pasted into the
grid are said by the grid's rows and their participants, never by the lines of the pasted
text (« ligne 1 » of a paste at the grid's second row pointed at the wrong person)."""

from __future__ import annotations

from collections.abc import Callable

from atelier.i18n import message

# The parameters of a warning that name a row, by the warning's key (« line » in every one).
ROW_PARAMETERS: dict[str, tuple[str, ...]] = {
    "import.warn.named_twice": ("line", "first"),
    "import.warn.after_shifted": ("line", "shifted"),
}


class Said(str):
    """The text of a warning (a str, as every warning is), with its key and parameters."""

    key: str
    params: dict[str, object]


def said(key: str, **params: object) -> str:
    """The message `key` with its parameters, as `message` says it, remembering them."""
    text = Said(message(key, **params))
    text.key = key
    text.params = params
    return text


def said_again(warning: str, place: Callable[[str], str]) -> str:
    """`warning` said again with each row it names as `place` names it (a row cited as the
    import cites it, « 3 »); a warning that names no row, or not made by `said`, as it is."""
    if not isinstance(warning, Said) or "line" not in warning.params:
        return str(warning)
    params = dict(warning.params)
    for name in ROW_PARAMETERS.get(warning.key, ("line",)):
        if name in params:
            params[name] = place(str(params[name]))
    return message(warning.key, **params)

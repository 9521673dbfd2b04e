"""What a command prints of a workshop file's text, shown rather than obeyed by the terminal.

Atelier cleans the text it writes (`domain.clean_text`), but a `.atelier` written by another
program (a shared copy, a merge's input) may hold anything. A terminal obeys some characters
instead of showing them: escape (clear the screen, retitle the window, move the cursor, fake
a line), the C1 controls (U+009B is an escape on its own), the bell, a carriage return (the
rest of the line written over its start), the bidirectional overrides (text shown in another
order than it is). Printed as they are, `atelier info` on such a file cleared the screen.
"""

from __future__ import annotations

from typing import Any

OBEYED = frozenset(
    {*map(chr, range(0x20)), *map(chr, range(0x7F, 0xA0)), *"\u202a\u202b\u202c\u202d\u202e"} - {"\n", "\t"}
)
_SHOWN = {ord(c): "\ufffd" for c in OBEYED}  # « � »: something was there, not what it did
_ESCAPED = {ord(c): f"\\u{ord(c):04x}" for c in OBEYED}


def json_text(text: str) -> str:
    """JSON (`json.dumps(…, ensure_ascii=False)`) with these characters as \\uXXXX escapes:
    the same data once read, nothing a terminal obeys when it is printed. Outside its strings
    JSON holds none of them but the line breaks of its indentation, which stay."""
    return text.translate(_ESCAPED)


class Shown:
    """A text stream (the standard output or error) that writes each of these characters as
    « � »: what Atelier says and what the file holds, never a command to the terminal."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(text.translate(_SHOWN))
        return len(text)

    def __getattr__(self, name: str) -> Any:  # flush, fileno, isatty, buffer, encoding…
        return getattr(self.stream, name)

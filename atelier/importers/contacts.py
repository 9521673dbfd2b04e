"""E-mail addresses and phone numbers written in a participant's cell (« Anne Martin / PLIE Sud
Gironde / anne.martin@plie.fr », a line « 06 12 34 56 78 » under the name): the participant's
contact, as a « Mail » or « Téléphone » column gives it, never part of their structure or
territory (which the projector, the minutes and the anonymised documents print)."""

from __future__ import annotations

import re

from atelier.anonymise import EMAIL, PHONE

_LABEL = (
    r"(?:(?:t[ée]l(?:[ée]phone)?|port(?:able)?|mob(?:ile)?|fixe|e-?mail|mail|courriel|m[ée]l)\.?\s*:?\s*)?"
)
# French numbers written as people write them: « 06 12 34 56 78 », « 06.12.34.56.78 »,
# « 0612345678 », « +33 6 12 34 56 78 », « +33 (0)6 12 34 56 78 »; the same patterns the
# anonymised documents mask in any text.
_EMAIL = EMAIL
_PHONE = PHONE
_CONTACT = re.compile(rf"{_LABEL}(?P<found>{_EMAIL}|{_PHONE})", re.IGNORECASE)
_SIGN = r"[/|,;–—-]"


def contacts_out(cell: str) -> tuple[str, str]:
    """The cell without its e-mail addresses and phone numbers (and the « / », « - », « , »
    they leave alone, an empty line, « () »), and those, joined by « , »."""
    found = [m.group("found") for m in _CONTACT.finditer(cell)]
    if not found:
        return cell, ""
    lines = []
    for line in _CONTACT.sub(" ", cell).splitlines():
        line = re.sub(rf"\s*{_SIGN}?\s*\)", ")", re.sub(rf"\(\s*{_SIGN}?\s*", "(", line))
        line = re.sub(r"\(\)", " ", line)
        line = re.sub(rf"\s*{_SIGN}(?:\s*{_SIGN})+\s*", lambda m: f" {m.group(0).strip()[0]} ", line)
        line = re.sub(rf"(?:\s+{_SIGN}|[/|,;])\s*$", "", line.rstrip())
        line = re.sub(rf"^\s*{_SIGN}(?:\s+|$)", "", line)
        if line.strip():
            lines.append(line.strip())
    return "\n".join(lines), ", ".join(dict.fromkeys(" ".join(f.split()) for f in found))

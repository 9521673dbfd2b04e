"""An Excel cell's value as the sheet shows it: its number format applied (« 25 % », « 16/03/2021 »,
« 1 234 567,89 € », « VRAI »), not the raw value stored under it (0.25, 2021-03-16, True).

The file does not say in which language Excel showed it: a format's own locale tag
(« [$-409] », « [$€-40C] ») decides, else French, as the grids Atelier reads are written.
Only the codes a grid's cells carry are rendered (numbers, percentages, currencies, dates,
times, booleans, literal text); anything stranger (fractions, conditions) falls back to the
General format, which still writes the number as that locale does."""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import Any

from atelier.french import MONTHS_EN, MONTHS_FR

NBSP = "\u00a0"
NNBSP = "\u202f"

# The month names are the ones Atelier writes dates with (atelier.french); Excel's short
# forms beside them.
_MONTHS = {
    "fr": (
        MONTHS_FR,
        ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
    ),
    "en": (MONTHS_EN, ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]),
}
_DAYS = {
    "fr": (
        ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
        ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
    ),
    "en": (
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    ),
}

# Excel's built-in date formats are shown in the system's short date: openpyxl names them by
# their US spelling, which a French Excel shows day first, the year in full.
_SYSTEM_DATES = {
    "mm-dd-yy": "dd/mm/yyyy",
    "m/d/yy": "dd/mm/yyyy",
    "m/d/yy h:mm": "dd/mm/yyyy hh:mm",
    "m/d/yyyy": "dd/mm/yyyy",
}


def shown(value: Any, number_format: str | None) -> str:
    """The text Excel shows for a cell holding `value` under `number_format`."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    fmt = (number_format or "General").strip()
    sections = _sections(fmt)
    lang = _locale(fmt)
    if isinstance(value, bool):
        if lang == "en":
            return "TRUE" if value else "FALSE"
        return "VRAI" if value else "FAUX"
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
        return _date(value, sections[0], lang)
    if isinstance(value, (int, float)):
        try:
            return _number(float(value), sections, lang)
        except (ValueError, OverflowError):
            return _general(float(value), lang)
    return str(value)


# ------------------------------------------------------------------ parsing


@lru_cache(maxsize=512)
def _sections(fmt: str) -> tuple[str, ...]:
    """The format's sections (positive;negative;zero;text), split outside quotes."""
    sections, current, quoted, escaped = [], [], False, False
    for char in fmt:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            current.append(char)
            escaped = True
        elif char == '"':
            current.append(char)
            quoted = not quoted
        elif char == ";" and not quoted:
            sections.append("".join(current))
            current = []
        else:
            current.append(char)
    sections.append("".join(current))
    return tuple(sections)


@lru_cache(maxsize=512)
def _locale(fmt: str) -> str:
    """« en » if the format carries an English locale tag (« [$-409] », « [$$-809] »), else « fr »."""
    for tag in re.findall(r"\[\$[^\]-]*-([0-9A-Fa-f]+)\]", fmt):
        if int(tag, 16) & 0xFF == 0x09:
            return "en"
    return "fr"


@lru_cache(maxsize=512)
def _tokens(section: str) -> tuple[tuple[str, str], ...]:
    """(kind, text): « lit » literal text, « code » a format character or run of them."""
    tokens: list[tuple[str, str]] = []
    index = 0
    while index < len(section):
        char = section[index]
        if char == '"':
            end = section.find('"', index + 1)
            end = len(section) if end < 0 else end
            tokens.append(("lit", section[index + 1 : end]))
            index = end + 1
        elif char == "\\" and index + 1 < len(section):
            tokens.append(("lit", section[index + 1]))
            index += 2
        elif char == "_" and index + 1 < len(section):  # room as wide as a character
            tokens.append(("lit", " "))
            index += 2
        elif char == "*" and index + 1 < len(section):  # fill the column: nothing to show
            index += 2
        elif char == "[":
            end = section.find("]", index)
            end = len(section) if end < 0 else end
            inside = section[index + 1 : end]
            if inside.startswith("$"):  # currency and locale: « [$€-40C] » shows « € »
                tokens.append(("lit", inside[1:].split("-")[0]))
            elif re.fullmatch(r"[hHmMsS]+", inside):
                tokens.append(("code", inside.lower()))  # elapsed time
            index = end + 1
        else:
            tokens.append(("code", char))
            index += 1
    return tuple(tokens)


# ------------------------------------------------------------------ numbers


def _separators(lang: str) -> tuple[str, str]:
    return (",", NNBSP) if lang == "fr" else (".", ",")


def _general(value: float, lang: str) -> str:
    decimal, _group = _separators(lang)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.10g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}E{'+' if int(exponent) >= 0 else '-'}{abs(int(exponent)):02d}"
    return text.replace(".", decimal)


def _number(value: float, sections: tuple[str, ...], lang: str) -> str:
    section, sign = sections[0], "-" if value < 0 else ""
    if value < 0 and len(sections) > 1 and sections[1]:
        section, sign = sections[1], ""
    elif value == 0 and len(sections) > 2 and sections[2]:
        section = sections[2]
    if re.search(r"\[[<>=]", section) or "/" in section.replace('"/"', ""):
        return sign + _general(abs(value), lang)  # a condition or a fraction: not rendered here
    tokens = _tokens(section)
    codes = "".join(text for kind, text in tokens if kind == "code")
    if codes.strip().lower() in ("general", "standard", "") and not any(k == "lit" for k, _ in tokens):
        return sign + _general(abs(value), lang)
    if "general" in codes.lower() or "standard" in codes.lower():
        literal = "".join(text if kind == "lit" else "" for kind, text in tokens)
        return sign + _general(abs(value), lang) + literal
    if not any(text in "0#?" for kind, text in tokens if kind == "code"):
        return "".join(text for kind, text in tokens if kind == "lit") or sign + _general(abs(value), lang)
    return sign + _digits(abs(value), tokens, lang)


def _digits(value: float, tokens: tuple[tuple[str, str], ...], lang: str) -> str:
    decimal, group_separator = _separators(lang)
    items: list[tuple[str, str]] = list(tokens)
    # Written with French separators (« # ##0,00 € », as a French Excel's dialog shows it):
    # the space between digits groups them and the comma is the decimal point.
    codes = "".join(text if kind == "code" else "\0" for kind, text in items)
    if "." not in codes and re.search(r"[#0?] [#0?]{3}(?:,[#0?]+)?(?![#0? ])", codes):
        french = []
        for i, (kind, text) in enumerate(items):
            between = 0 < i < len(items) - 1 and items[i - 1][1] in "#0?" and items[i + 1][1] in "#0?"
            if kind == "code" and text == ",":
                text = "."
            elif kind == "code" and text == " " and between:
                text = ","
            french.append((kind, text))
        items = french
    if any(kind == "code" and text in "Ee" for kind, text in items):
        mantissa_codes = "".join(text for kind, text in items if kind == "code").upper().split("E")[0]
        shown_places = sum(1 for char in mantissa_codes.partition(".")[2] if char in "0#?")
        mantissa, exponent = f"{value:.{shown_places}E}".split("E")
        return f"{mantissa.replace('.', decimal)}E{exponent[0]}{int(exponent[1:]):02d}"
    percent = sum(1 for kind, text in items if kind == "code" and text == "%")
    value *= 100**percent
    dot = next((i for i, (kind, text) in enumerate(items) if kind == "code" and text == "."), len(items))
    whole, fraction = items[:dot], items[dot + 1 :]
    places = [i for i, (kind, text) in enumerate(whole) if kind == "code" and text in "0#?"]
    grouped = False
    for i, (kind, text) in enumerate(whole):
        if kind == "code" and text == ",":
            if places and places[0] < i < places[-1]:
                grouped = True
            elif places and i > places[-1]:
                value /= 1000  # a comma after the digits: in thousands
    decimals = sum(1 for kind, text in fraction if kind == "code" and text in "0#?")
    rounded = f"{value:.{decimals}f}"
    integer, _, fractional = rounded.partition(".")
    if integer == "0" and not any(whole[i][1] == "0" for i in places):
        integer = ""
    out: list[str] = []
    if grouped:
        minimum = sum(1 for i in places if whole[i][1] == "0")
        digits = integer.rjust(minimum, "0") if integer or minimum else ""
        text = f"{int(digits):,}".replace(",", group_separator) if digits else ""
        for i, (kind, chars) in enumerate(whole):
            if i == (places[0] if places else -1):
                out.append(text)
            elif kind == "lit" and (not places or i < places[0] or i > places[-1]):
                out.append(chars)
            elif kind == "code" and chars not in "0#?,":
                out.append(_code_text(chars, lang))
    else:
        left = list(integer)
        filled: list[str] = [""] * len(whole)
        for i in reversed(range(len(whole))):
            kind, chars = whole[i]
            if kind == "code" and chars in "0#?":
                if i == (places[0] if places else -1):
                    filled[i] = "".join(left).rjust(1, "0" if chars == "0" else " " if chars == "?" else "\0")
                    left = []
                elif left:
                    filled[i] = left.pop()
                else:
                    filled[i] = "0" if chars == "0" else " " if chars == "?" else ""
            elif kind == "lit":
                filled[i] = chars
            elif chars != ",":
                filled[i] = _code_text(chars, lang)
        out = [text.replace("\0", "") for text in filled]
    if dot < len(items):
        digits_left = list(fractional)
        rendered: list[str] = []
        codes_left = [text for kind, text in fraction if kind == "code" and text in "0#?"]
        # trailing digits shown by « # » only when they are not zeros
        while digits_left and digits_left[-1] == "0" and codes_left and codes_left[-1] != "0":
            digits_left.pop()
            codes_left.pop()
        if digits_left or any(text == "0" for text in codes_left):
            rendered.append(decimal)
        for kind, chars in fraction:
            if kind == "code" and chars in "0#?":
                if digits_left:
                    rendered.append(digits_left.pop(0))
                elif chars == "?":
                    rendered.append(" ")
            elif kind == "lit":
                rendered.append(chars)
            elif chars not in ",.":
                rendered.append(_code_text(chars, lang))
        out.extend(rendered)
    return "".join(out).strip()


def _code_text(chars: str, lang: str) -> str:
    """A format character shown as itself: « % » (apart from the number in French), a sign,
    a bracket, a space; letters that are no code in a number format show as they are."""
    if chars == "%":
        return NBSP + "%" if lang == "fr" else "%"
    if chars in "@":
        return ""
    return chars


# -------------------------------------------------------------------- dates

_DATE_CODE = re.compile(
    r"yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am/pm|a/p|e|\.0+", re.IGNORECASE
)


def _date(value: Any, section: str, lang: str) -> str:
    spelled = section.strip()
    spelled = _SYSTEM_DATES.get(spelled.lower(), spelled)
    if spelled.lower() in ("general", "standard", "") or not re.search(r"[yYmMdDhHsS]", spelled):
        spelled = _default_date_format(value)
    if isinstance(value, datetime.timedelta):
        return _elapsed(value, spelled)
    if isinstance(value, datetime.time):
        value = datetime.datetime.combine(datetime.date(1899, 12, 30), value)
    elif not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time())
    pieces, twelve = _date_pieces(spelled)
    return "".join(text if kind == "lit" else _date_code(value, text, lang, twelve) for kind, text in pieces)


@lru_cache(maxsize=256)
def _date_pieces(spelled: str) -> tuple[tuple[tuple[str, str], ...], bool]:
    """The date format's literals and codes, « m » and « mm » after an hour or before seconds
    told apart as minutes (« n », « nn »), and whether it shows a 12-hour clock."""
    parts: list[tuple[str, str]] = []
    for kind, text in _tokens(spelled):
        if kind == "lit":
            parts.append(("lit", text))
        elif parts and parts[-1][0] == "code":
            parts[-1] = ("code", parts[-1][1] + text)
        else:
            parts.append(("code", text))
    pieces: list[tuple[str, str]] = []
    for kind, text in parts:
        if kind == "lit":
            pieces.append(("lit", text))
            continue
        position = 0
        for found in _DATE_CODE.finditer(text):
            if found.start() > position:
                pieces.append(("lit", text[position : found.start()]))
            pieces.append(("code", found.group().lower()))
            position = found.end()
        if position < len(text):
            pieces.append(("lit", text[position:]))
    twelve = any(kind == "code" and text in ("am/pm", "a/p") for kind, text in pieces)
    codes = [i for i, (kind, _t) in enumerate(pieces) if kind == "code"]
    for index in codes:
        code = pieces[index][1]
        before = [pieces[i][1] for i in codes if i < index]
        after = [pieces[i][1] for i in codes if i > index]
        if code in ("m", "mm") and (
            (before and before[-1] in ("h", "hh")) or (after and after[0] in ("s", "ss"))
        ):
            pieces[index] = ("code", code.replace("m", "n"))
    return tuple(pieces), twelve


def _default_date_format(value: Any) -> str:
    if isinstance(value, (datetime.time, datetime.timedelta)):
        return "hh:mm"
    if isinstance(value, datetime.datetime) and value.time() != datetime.time():
        return "dd/mm/yyyy hh:mm"
    return "dd/mm/yyyy"


def _date_code(value: datetime.datetime, code: str, lang: str, twelve: bool) -> str:
    months, short_months = _MONTHS[lang]
    days, short_days = _DAYS[lang]
    hour = value.hour % 12 or 12 if twelve else value.hour
    return {
        "yyyy": f"{value.year:04d}",
        "e": f"{value.year:04d}",
        "yy": f"{value.year % 100:02d}",
        "mmmmm": months[value.month - 1][0],
        "mmmm": months[value.month - 1],
        "mmm": short_months[value.month - 1],
        "mm": f"{value.month:02d}",
        "m": str(value.month),
        "dddd": days[value.weekday()],
        "ddd": short_days[value.weekday()],
        "dd": f"{value.day:02d}",
        "d": str(value.day),
        "hh": f"{hour:02d}",
        "h": str(hour),
        "ss": f"{value.second:02d}",
        "s": str(value.second),
        "am/pm": "AM" if value.hour < 12 else "PM",
        "a/p": "A" if value.hour < 12 else "P",
        "nn": f"{value.minute:02d}",
        "n": str(value.minute),
    }.get(code, _fraction_of_second(value, code, lang))


def _fraction_of_second(value: datetime.datetime, code: str, lang: str) -> str:
    if not code.startswith("."):
        return code
    return _separators(lang)[0] + f"{value.microsecond:06d}"[: len(code) - 1]


def _elapsed(value: datetime.timedelta, spelled: str) -> str:
    seconds = int(value.total_seconds())
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{'-' if seconds < 0 else ''}{hours}:{minutes:02d}"
    return text + f":{secs:02d}" if re.search(r"s", spelled, re.IGNORECASE) else text

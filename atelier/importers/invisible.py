"""Which Excel cells hold text the sheet does not show: a number format whose section for the
value is empty (« ;;; », the usual way to hide a cell), a font of the colour of the cell's
fill (white on no fill, green on the same green). Such a cell is a note its author hid: the
import leaves it out and says where (`readers.read_xlsx`).

What openpyxl's read-only workbook exposes is used, and nothing is guessed: a font colour
given by value, by the palette (the workbook's own, if it redefines it) or by the theme
(« Blanc, Arrière-plan 1 », with its tint); a fill that is none (the sheet's white), solid, or
a pattern (its two colours mixed as the eye sees them from afar); a cell with no style of its
own in a row or a column formatted as a whole has theirs (`readers._Formats`). Words of a cell
typed in a format of their own (a line struck through, a note in white) are left out and the
rest of the cell read (`runs_left`). Conditional
formats are not evaluated: a rule that may hide or strike text is said (`may_hide`), its cells
read as they show without it. Not handled, so such a cell is read: gradient fills, a sheet's
background picture, number formats with conditions (« [>100] »)."""

from __future__ import annotations

import colorsys
import re
from typing import Any

FORMAT = "format"  # hidden by its number format
COLOUR = "colour"  # written in the colour of its fill
STRUCK = "struck"  # struck through (Police › Barré): its author marked it as no longer holding

WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
# Channels within this of each other are one colour to the eye (white and the theme's white
# darkened 5 %, F2F2F2, are 13 apart); light grey on white (BFBFBF, 64 apart) shows.
_SAME = 20

_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# A theme's colours in the order SpreadsheetML numbers them: light 1 and dark 1 swapped, as
# Excel writes « Blanc, Arrière-plan 1 » theme="0" and « Noir, Texte 1 » theme="1".
_THEME_ORDER = ("lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6")

Rgb = tuple[int, int, int]

# How much of a patterned fill is its pattern's colour (the rest, its background's), as the eye
# mixes them from afar.
_PATTERNS = {
    "gray0625": 0.0625,
    "gray125": 0.125,
    "lightGray": 0.25,
    "mediumGray": 0.5,
    "darkGray": 0.75,
    **dict.fromkeys(
        ("lightHorizontal", "lightVertical", "lightDown", "lightUp", "lightGrid", "lightTrellis"), 0.25
    ),
    **dict.fromkeys(("darkHorizontal", "darkVertical", "darkDown", "darkUp", "darkGrid", "darkTrellis"), 0.5),
}


class InvisibleCells:
    """`why(cell)`: FORMAT, COLOUR, STRUCK, or None for a cell that shows its text as live."""

    def __init__(self, workbook: Any) -> None:
        self.workbook = workbook
        self.theme = _theme_colours(getattr(workbook, "loaded_theme", None))
        palette = getattr(workbook, "_colors", None)
        self.palette: list[str] = list(palette) if palette else []
        self._known: dict[tuple[int, str], str | None] = {}

    def why(self, cell: Any) -> str | None:
        value = getattr(cell, "value", None)
        if isinstance(value, list):  # a text of runs (CellRichText): a text
            value = str(value)
        style = getattr(cell, "_style_id", 0)
        if (
            not style
            or value is None
            or isinstance(value, bool)
            or (isinstance(value, str) and not value.strip())
        ):
            return None
        sign = _sign(value)
        key = (style, sign)
        if key not in self._known:
            try:
                self._known[key] = self._why(cell, sign)
            except Exception:  # a style openpyxl could not make sense of: the cell shows
                self._known[key] = None
        return self._known[key]

    def _why(self, cell: Any, sign: str) -> str | None:
        if _format_hides(str(cell.number_format or ""), sign):
            return FORMAT
        font = self.rgb(getattr(cell.font, "color", None), BLACK)
        background = self.fill(cell.fill)
        if font is not None and background is not None and same_colour(font, background):
            return COLOUR
        if getattr(cell.font, "strike", None):
            return STRUCK
        return None

    def runs_left(self, cell: Any, runs: Any) -> tuple[str, list[tuple[str, str]]]:
        """A cell's text typed in runs of their own format (« Financement FSE » struck
        through inside a cell of three lines): the text with the runs struck through or in the
        colour of the cell's fill taken out (their line breaks kept), and those runs (STRUCK or
        COLOUR, their words), the runs side by side of one kind as one."""
        try:
            background = self.fill(cell.fill)
        except Exception:  # a style openpyxl could not make sense of
            background = None
        kept: list[str] = []
        left: list[tuple[str, str]] = []
        last_left = False
        for run in runs:
            text = str(run)
            font = getattr(run, "font", None)
            why = None
            if font is not None and text.strip():
                colour = self.rgb(font.color, BLACK) if getattr(font, "color", None) is not None else None
                if getattr(font, "strike", None):
                    why = STRUCK
                elif colour is not None and background is not None and same_colour(colour, background):
                    why = COLOUR
            if why is None:
                kept.append(text)
                last_left = last_left and not text.strip()
                continue
            kept.append("\n" * text.count("\n"))
            if last_left and left and left[-1][0] == why:
                left[-1] = (why, f"{left[-1][1]} {text}")
            else:
                left.append((why, text))
            last_left = True
        return "".join(kept), [(why, " ".join(words.split())) for why, words in left]

    def fill(self, fill: Any) -> Rgb | None:
        """The colour a cell's text is shown on: none is the sheet's white; solid, its colour;
        a pattern, its colour over its background as the eye mixes them (« 12,5 % gris »: nearly
        its background); a gradient, unknown."""
        pattern = getattr(fill, "patternType", "unknown")
        if pattern in (None, "none"):
            return WHITE
        if pattern == "solid":
            return self.rgb(getattr(fill, "fgColor", None), WHITE)
        share = _PATTERNS.get(str(pattern))
        if share is None:
            return None
        background = getattr(fill, "bgColor", None)
        if getattr(background, "type", None) == "rgb" and str(getattr(background, "rgb", "")) == "00000000":
            background = None  # not given (openpyxl's default): the sheet's white
        over = self.rgb(getattr(fill, "fgColor", None), BLACK)
        under = self.rgb(background, WHITE)
        if over is None or under is None:
            return None
        red, green, blue = (round(b * (1 - share) + o * share) for o, b in zip(over, under, strict=True))
        return (red, green, blue)

    def may_hide(self, rule: int) -> bool:
        """Whether a conditional format's rule (its format's number in the workbook's
        `dxfs`; -1: a bar or icons showing no value) may hide or strike a cell's text: a font
        struck, or of the colour of the sheet's white or of the rule's own fill, a number
        format that shows nothing. What the cell looks like when its rule holds is not told:
        the rule is not evaluated."""
        if rule == -1:
            return True
        styles = getattr(getattr(self.workbook, "_differential_styles", None), "dxf", None) or []
        if not 0 <= rule < len(styles):
            return False
        try:
            style = styles[rule]
            font = style.font
            if font is not None and font.strike:
                return True
            code = str(getattr(style.numFmt, "formatCode", "") or "") if style.numFmt is not None else ""
            if code and (_format_hides(code, "text") or _format_hides(code, "positive")):
                return True
            colour = self.rgb(font.color, BLACK) if font is not None and font.color is not None else None
            if colour is None:
                return False
            grounds = [WHITE]
            if style.fill is not None:  # a rule's solid fill is written as its background colour
                for side in ("bgColor", "fgColor"):
                    found = getattr(style.fill, side, None)
                    if found is not None and not (found.type == "rgb" and str(found.rgb) == "00000000"):
                        ground = self.rgb(found, WHITE)
                        if ground is not None:
                            grounds.append(ground)
            return any(same_colour(colour, ground) for ground in grounds)
        except Exception:  # a rule openpyxl could not make sense of
            return False

    def rgb(self, color: Any, default: Rgb) -> Rgb | None:
        """A colour as red, green, blue; `default` when none is given or it is « automatic »;
        None when it cannot be told."""
        if color is None:
            return default
        kind = getattr(color, "type", None)
        if kind == "auto":
            return default
        if kind == "rgb":
            return hex_rgb(str(color.rgb))
        if kind == "indexed":
            index = int(color.indexed)
            if index == 64:  # the system's text colour
                return BLACK
            if index == 65:  # the system's window colour
                return WHITE
            return hex_rgb(self.palette[index]) if 0 <= index < len(self.palette) else None
        if kind == "theme":
            index = int(color.theme)
            if not 0 <= index < len(self.theme) or self.theme[index] is None:
                return None
            base = self.theme[index]
            assert base is not None
            return tinted(base, float(color.tint or 0.0))
        return None


def _sign(value: object) -> str:
    if isinstance(value, (int, float)):
        return "negative" if value < 0 else "zero" if value == 0 else "positive"
    if isinstance(value, str):
        return "text"
    return "positive"  # a date or a time is a positive number of days


_QUOTED = re.compile(r'"[^"]*"|\\.')
_BRACKETS = re.compile(r"\[[^\]]*\]")


def _format_hides(number_format: str, sign: str) -> bool:
    """Whether the format's section for this value shows nothing: « ;;; » hides everything,
    « 0;-0;;@ » hides zeros; a text is shown as typed unless a fourth section says otherwise."""
    if ";" not in number_format:
        return False
    sections = _sections(number_format)
    if any(re.match(r"\[[<>=]", s.strip()) for s in sections):
        return False  # sections chosen by conditions: not told here
    if sign == "text":
        return len(sections) >= 4 and _empty(sections[3])
    index = {"positive": 0, "negative": 1, "zero": 2}[sign]
    section = sections[index] if index < len(sections) else sections[0]
    return _empty(section)


def _sections(number_format: str) -> list[str]:
    """The format cut at its « ; », those inside quotes or escaped kept."""
    sections, current, at = [], [], 0
    while at < len(number_format):
        found = _QUOTED.match(number_format, at)
        if found:
            current.append(found.group())
            at = found.end()
        elif number_format[at] == ";":
            sections.append("".join(current))
            current, at = [], at + 1
        else:
            current.append(number_format[at])
            at += 1
    sections.append("".join(current))
    return sections


def _empty(section: str) -> bool:
    """A section that writes nothing: empty, or only a colour, a locale, empty quotes."""
    return not _BRACKETS.sub("", section).replace('""', "").strip()


def same_colour(first: Rgb, second: Rgb) -> bool:
    return all(abs(a - b) <= _SAME for a, b in zip(first, second, strict=True))


def hex_rgb(value: str) -> Rgb | None:
    digits = value.strip()[-6:]
    if len(digits) != 6 or not re.fullmatch(r"[0-9A-Fa-f]{6}", digits):
        return None
    return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))


def tinted(base: Rgb, tint: float) -> Rgb:
    """A theme colour lightened (tint > 0) or darkened (tint < 0) as Excel does, on its lightness."""
    if not tint:
        return base
    hue, lightness, saturation = colorsys.rgb_to_hls(*(c / 255 for c in base))
    lightness = lightness * (1 + tint) if tint < 0 else lightness * (1 - tint) + tint
    red, green, blue = colorsys.hls_to_rgb(hue, max(0.0, min(1.0, lightness)), saturation)
    return (round(red * 255), round(green * 255), round(blue * 255))


def _theme_colours(theme: bytes | str | None) -> list[Rgb | None]:
    """The theme's colours by their number in the sheets; Office's when the workbook has none
    (openpyxl writes Office's theme; an .xlsx without one shows Office's)."""
    found = theme_scheme(theme)
    return [found.get(name) for name in _THEME_ORDER]


def theme_scheme(theme: bytes | str | None) -> dict[str, Rgb | None]:
    """The theme's colours by their name in its scheme (« lt1 », « dk1 », « accent1 »…);
    Office's when there is no theme. Word names them too (`word._Colours`)."""
    import xml.etree.ElementTree as ET  # the package was checked: no DTD, no bomb

    found: dict[str, Rgb | None] = {}
    if theme:
        try:
            root = ET.fromstring(theme)
        except ET.ParseError:
            root = None
        scheme = root.find(f".//{_DRAWING}clrScheme") if root is not None else None
        for entry in scheme if scheme is not None else ():
            name = entry.tag.removeprefix(_DRAWING)
            colour = next(iter(entry), None)
            if colour is None:
                found[name] = None
            elif colour.tag == f"{_DRAWING}srgbClr":
                found[name] = hex_rgb(colour.get("val") or "")
            elif colour.tag == f"{_DRAWING}sysClr":
                found[name] = hex_rgb(colour.get("lastClr") or "") or (
                    WHITE if colour.get("val") == "window" else BLACK
                )
            else:
                found[name] = None
    if not found:
        found = {"lt1": WHITE, "dk1": BLACK, "lt2": (0xE7, 0xE6, 0xE6), "dk2": (0x44, 0x54, 0x6A)}
    return found

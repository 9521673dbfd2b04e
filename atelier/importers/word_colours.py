"""Which Word runs are written in the colour of what they stand on: white text on the white
page, green on a cell shaded the same green. That is how a note is hidden in a Word table
without Police › Masqué; the import leaves such a run out and says it, with its words
(`word._Reader`).

A run's colour is its own (`w:color`: a value, or a theme colour with its tint or shade),
else its character style's, its paragraph style's, the document's default; « Automatique »
is never the colour of its background (Word turns it white on a dark one). What it stands on
is, from nearest: the run's highlight or shading, its paragraph's shading (own or by style),
its cell's, its table's, the page colour (Création › Couleur de page), else white.

Nothing is guessed: a pattern of stripes, a table style that shades cells (« Tableau
Grille 4 — Accentuation 1 »: its header row's white text is on the style's colour), a text
box or shape (its fill is a drawing's) give a background that cannot be told, and the run is
read as it is."""

from __future__ import annotations

from typing import Any

from atelier.importers.invisible import WHITE, Rgb, hex_rgb, same_colour, theme_scheme, tinted

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
UNKNOWN = "unknown"  # a background that cannot be told
Background = Rgb | str | None  # a colour, UNKNOWN, or None: not said here (the one under it shows)

# Word's theme colour names -> the theme's scheme (with Office's usual mapping of background
# and text onto light and dark).
_THEME_NAMES = {
    "dark1": "dk1",
    "light1": "lt1",
    "dark2": "dk2",
    "light2": "lt2",
    "text1": "dk1",
    "background1": "lt1",
    "text2": "dk2",
    "background2": "lt2",
    "hyperlink": "hlink",
    "followedHyperlink": "folHlink",
    **{f"accent{n}": f"accent{n}" for n in range(1, 7)},
}
# Surligneur (`w:highlight`).
_HIGHLIGHTS: dict[str, Rgb] = {
    "black": (0, 0, 0),
    "blue": (0, 0, 255),
    "cyan": (0, 255, 255),
    "green": (0, 255, 0),
    "magenta": (255, 0, 255),
    "red": (255, 0, 0),
    "yellow": (255, 255, 0),
    "white": (255, 255, 255),
    "darkBlue": (0, 0, 128),
    "darkCyan": (0, 128, 128),
    "darkGreen": (0, 128, 0),
    "darkMagenta": (128, 0, 128),
    "darkRed": (128, 0, 0),
    "darkYellow": (128, 128, 0),
    "darkGray": (128, 128, 128),
    "lightGray": (192, 192, 192),
}


class WordColours:
    def __init__(self, document: Any) -> None:
        self.scheme = theme_scheme(_theme_part(document))
        self.based_on: dict[str, str] = {}
        self.fonts: dict[str, Rgb | str | None] = {}  # style -> its text colour (AUTO as "auto")
        self.run_shading: dict[str, Background] = {}
        self.paragraph_shading: dict[str, Background] = {}
        self.shading_tables: set[str] = set()  # table styles that shade cells
        styles = document.styles.element
        for style in styles.findall(f"{W}style"):
            identifier = style.get(f"{W}styleId") or ""
            parent = style.find(f"{W}basedOn")
            if parent is not None:
                self.based_on[identifier] = parent.get(f"{W}val") or ""
            run = style.find(f"{W}rPr")
            if run is not None:
                self.fonts[identifier] = self.colour(run.find(f"{W}color"))
                self.run_shading[identifier] = self.run_background(run)
            paragraph = style.find(f"{W}pPr")
            if paragraph is not None:
                self.paragraph_shading[identifier] = self.shading(paragraph.find(f"{W}shd"))
            if style.get(f"{W}type") == "table" and any(
                self.shading(shd) not in (None, WHITE) for shd in style.iter(f"{W}shd")
            ):
                self.shading_tables.add(identifier)
        defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.default_font = self.colour(defaults.find(f"{W}color")) if defaults is not None else None
        background = document.element.find(f"{W}background")
        page = self.colour(background) if background is not None else None
        self.page: Rgb | str = page if isinstance(page, tuple) else WHITE

    # ---------------------------------------------------------------- colours

    def colour(self, element: Any) -> Rgb | str | None:
        """A `w:color` (or `w:background`): its colour, "auto", or None when not said or not
        told."""
        if element is None:
            return None
        theme = element.get(f"{W}themeColor")
        if theme:
            base = self.scheme.get(_THEME_NAMES.get(theme, ""))
            if base is None:
                return None
            return _toned(base, element.get(f"{W}themeTint"), element.get(f"{W}themeShade"))
        value = (element.get(f"{W}val") or element.get(f"{W}color") or "").strip()
        if value.lower() == "auto":
            return "auto"
        return hex_rgb(value) if len(value) == 6 else None

    def shading(self, shd: Any) -> Background:
        """A `w:shd`'s colour as the eye sees it: its fill, its pattern's colour (« Uni »),
        the two mixed (« 25 % »); None for none; UNKNOWN for stripes and the like."""
        if shd is None:
            return None
        pattern = (shd.get(f"{W}val") or "clear").strip()
        if pattern == "nil":
            return None
        fill: Rgb | str | None
        theme_fill = shd.get(f"{W}themeFill")
        if theme_fill:
            base = self.scheme.get(_THEME_NAMES.get(theme_fill, ""))
            fill = (
                _toned(base, shd.get(f"{W}themeFillTint"), shd.get(f"{W}themeFillShade"))
                if base is not None
                else UNKNOWN
            )
        else:
            raw = (shd.get(f"{W}fill") or "auto").strip()
            fill = "auto" if raw.lower() == "auto" else (hex_rgb(raw) if len(raw) == 6 else None) or UNKNOWN
        if pattern == "clear":
            return None if fill == "auto" else fill
        raw_colour = (shd.get(f"{W}color") or "auto").strip()
        colour = None if raw_colour.lower() == "auto" else hex_rgb(raw_colour)
        if pattern == "solid":
            return colour if colour is not None else UNKNOWN
        if pattern.startswith("pct") and pattern[3:].isdigit() and fill != UNKNOWN:
            share = int(pattern[3:]) / 100
            under = WHITE if fill == "auto" else fill
            over = colour or (0, 0, 0)
            assert isinstance(under, tuple)
            red, green, blue = (round(a * (1 - share) + b * share) for a, b in zip(under, over, strict=True))
            return (red, green, blue)
        return UNKNOWN

    def run_background(self, properties: Any) -> Background:
        """A run's own highlight (drawn over its shading), else its shading; None if neither."""
        highlight = properties.find(f"{W}highlight")
        if highlight is not None:
            name = highlight.get(f"{W}val") or ""
            if name != "none":
                return _HIGHLIGHTS.get(name, UNKNOWN)
        return self.shading(properties.find(f"{W}shd"))

    # ------------------------------------------------------------- by style

    def _chain(self, identifier: str) -> list[str]:
        chain: list[str] = []
        for _ in range(32):  # a loop of basedOn in a damaged file ends here
            if not identifier or identifier in chain:
                break
            chain.append(identifier)
            identifier = self.based_on.get(identifier, "")
        return chain

    def _by_style(self, table: dict[str, Any], identifier: str) -> Any:
        for style in self._chain(identifier):
            if table.get(style) is not None:
                return table[style]
        return None

    def font(self, run: Any, paragraph_style: str) -> Rgb | None:
        """The run's text colour; None when automatic or not told."""
        properties = run.find(f"{W}rPr")
        said: Rgb | str | None = None
        if properties is not None:
            said = self.colour(properties.find(f"{W}color"))
            style = properties.find(f"{W}rStyle")
            if said is None and style is not None:
                said = self._by_style(self.fonts, style.get(f"{W}val") or "")
        if said is None:
            said = self._by_style(self.fonts, paragraph_style)
        if said is None:
            said = self.default_font
        return said if isinstance(said, tuple) else None

    def run_behind(self, run: Any) -> Background:
        """What the run itself puts behind its text (own or by its character style)."""
        properties = run.find(f"{W}rPr")
        if properties is None:
            return None
        own = self.run_background(properties)
        if own is not None:
            return own
        style = properties.find(f"{W}rStyle")
        return self._by_style(self.run_shading, style.get(f"{W}val") or "") if style is not None else None

    def paragraph_behind(self, paragraph: Any, style: str) -> Background:
        properties = paragraph.find(f"{W}pPr")
        own = self.shading(properties.find(f"{W}shd")) if properties is not None else None
        return own if own is not None else self._by_style(self.paragraph_shading, style)

    def cell_behind(self, cell: Any) -> Background:
        properties = cell.find(f"{W}tcPr")
        return self.shading(properties.find(f"{W}shd")) if properties is not None else None

    def table_behind(self, table: Any) -> Background:
        """The table's own shading; UNKNOWN under a table style that shades cells."""
        properties = table.find(f"{W}tblPr")
        if properties is None:
            return None
        style = properties.find(f"{W}tblStyle")
        if style is not None and any(
            s in self.shading_tables for s in self._chain(style.get(f"{W}val") or "")
        ):
            return UNKNOWN
        return self.shading(properties.find(f"{W}shd"))


def in_fill_colour(font: Rgb | None, backgrounds: list[Background]) -> bool:
    """Whether text of this colour is lost on the nearest background said (the last of
    `backgrounds` that is not None)."""
    if font is None:
        return False
    behind = next((b for b in reversed(backgrounds) if b is not None), WHITE)
    return isinstance(behind, tuple) and same_colour(font, behind)


def _toned(base: Rgb, tint: str | None, shade: str | None) -> Rgb:
    """A theme colour lightened (`themeTint`, « BF ») or darkened (`themeShade`) as Word does."""
    for value, lighten in ((tint, True), (shade, False)):
        try:
            share = int(value or "", 16) / 255
        except ValueError:
            continue
        base = tinted(base, 1 - share if lighten else share - 1)
    return base


def _theme_part(document: Any) -> bytes | None:
    try:
        for relationship in document.part.rels.values():
            if str(relationship.reltype).endswith("/theme") and not relationship.is_external:
                return bytes(relationship.target_part.blob)
    except Exception:  # a damaged package: Office's theme
        return None
    return None

"""Turn one grid cell (HTML fragment, Word paragraphs, spreadsheet text) into clean items."""

from __future__ import annotations

import functools
import html
import re
from html.parser import HTMLParser

# A bullet at the start of a line: -, –, —, •, *, ▪, ►, ➢, ✓, ✔, an arrow (→, ⇒, ->), a
# square or a circle, or "1." / "1-" / "a)". A « - » or « – » directly followed by a digit is a
# sign, not a bullet (« -20 % de chômage », « -2+3 »), and so is a number's dash set against the
# next number (« 1-2 jeunes ») or before one (« 3- 5 ans »). « => » is left: it is typed as a
# « so » inside a cell (« … prioriser ¶ => réussir à … », the bundled example keeps it).
_LINE_BULLET = re.compile(
    r"^\s*(?:->\s*|[-–](?!\d)\s*|[—•*▪►➢✓✔→⇒➔➜➤▶◦○■□❖·]\ufe0f?\s*"
    r"|(?:o|\d{1,2}[.)/]|\d{1,2}[-–](?=\s+\D)|[a-z][)])\s+)(?=\S)"
)
# An inline dash list "- a - b -c": a dash after a space, followed by a letter, a
# quote or a digit (after a space: « -20 % » is a negative number). "co-pilotage",
# "Hautes-Pyrénées" and "N-A" have no space before.
_INLINE_DASH = re.compile(
    r"(?:(?<=\s)|^)(?:[-–—•](?=\s*[^\W\d_]|\s*[\"«(]|\s+\d+\s*[^\d\s-])|[—•](?=\d+\s*[^\d\s-]))"
)
_SEPARATOR = re.compile(r"^[\s\-–—_=.*~·•]*$")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")

_BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
}


class _Fragment(HTMLParser):
    """Collect text from an HTML fragment, one entry per block; <li> entries are bullets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[bool, str]] = []
        self._current: list[str] = []
        self._in_li = False

    def _flush(self) -> None:
        text = "".join(self._current)
        self._current = []
        for line in text.split("\n"):
            if line.strip():
                self.blocks.append((self._in_li, line))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        written = self.get_starttag_text() or ""
        if not is_markup(written):  # « <Mission locale> » typed beside real markup: words
            self._current.append(written)
            return
        if tag in _BLOCK_TAGS:
            self._flush()
            if tag == "li":
                self._in_li = True
        elif tag == "br":
            self._current.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        written = self.get_starttag_text() or ""
        if not is_markup(written):
            self._current.append(written)
            return
        if tag == "br":
            self._current.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if not _element(tag):
            self._current.append(f"</{tag}>")
            return
        if tag in _BLOCK_TAGS:
            self._flush()
            if tag == "li":
                self._in_li = False

    def handle_data(self, data: str) -> None:
        self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


# Markup is told from a person's words between angle brackets (« <Mission locale> »,
# « <a compléter> », « <nom du référent> »: dropped on import before) by its element's name,
# one HTML has (or Word's « o:p », « w:… », « v:… », « st1:… »), and by its attributes, each
# « name=value » but for a few of HTML's yes-or-no ones.
_ELEMENT_NAMES = """a abbr acronym address article aside b basefont bdi bdo big blockquote body br
    caption center cite code col colgroup dd del dfn dir div dl dt em figcaption figure font footer
    h1 h2 h3 h4 h5 h6 head header hr html i img ins kbd label li link main mark meta nav nobr ol p
    pre q s samp section small span strike strong style sub sup table tbody td tfoot th thead title
    tr tt u ul var wbr"""
_ELEMENTS = frozenset(_ELEMENT_NAMES.split())
_OFFICE_NAMESPACES = frozenset(("o", "w", "v", "m", "x", "st1"))
_CANDIDATE = re.compile(r"<(/?)([A-Za-z][\w:.-]*)([^<>]*)>")
_ATTRIBUTES = re.compile(
    r"(?:\s+(?:[A-Za-z_:][-A-Za-z0-9_:.]*\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+)"
    r"|nowrap|hidden|checked|selected|disabled|compact|noshade))*\s*/?",
    re.IGNORECASE,
)


def _element(name: str) -> bool:
    prefix, colon, local = name.lower().partition(":")
    if colon:
        return prefix in _OFFICE_NAMESPACES and local.isascii() and local.isalnum()
    return prefix in _ELEMENTS


def _is_markup(found: re.Match[str]) -> bool:
    closing, name, rest = found.groups()
    if not _element(name):
        return False
    return not rest.strip() if closing else bool(_ATTRIBUTES.fullmatch(rest))


def is_markup(tag: str) -> bool:
    """Whether `tag` (« <p class=MsoNormal> », « </b> ») is markup, not someone's words."""
    found = _CANDIDATE.fullmatch(tag)
    return found is not None and _is_markup(found)


def _drop_markup(text: str) -> str:
    return _CANDIDATE.sub(lambda found: " " if _is_markup(found) else found.group(0), text)


def looks_like_html(text: str) -> bool:
    return any(_is_markup(found) for found in _CANDIDATE.finditer(text))


def cell_lines(text: str) -> list[tuple[bool, str]]:
    """The cell as lines, each flagged True when markup already made it a list item."""
    if looks_like_html(text):
        parser = _Fragment()
        parser.feed(text)
        parser.close()
        return parser.blocks
    text = html.unescape(text) if "&" in text else text
    return [(False, line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


# Zero-width space, byte order mark, word joiner, soft hyphen; and the bidirectional
# controls (embeddings, overrides U+202A–202E, isolates U+2066–2069): a right-to-left
# override pasted with a name shows « Zoé Reverse » while the cell holds « esreveR ».
_INVISIBLE = re.compile("[\u200b\ufeff\u2060\xad\u202a-\u202e\u2066-\u2069]")


@functools.lru_cache(maxsize=4096)
def clean(text: str) -> str:
    """Whitespace folded, stray markup and entities removed, outer punctuation trimmed.
    Remembered: reading a grid asks it of the same cells many times (finding the header,
    the columns of numbers, the header repeated on a page), and a long cell costs."""
    text = _drop_markup(text)
    text = html.unescape(text)
    # Invisible marks that would cut a word in two for search and matching: zero-width
    # space, byte order mark, word joiner, the soft hyphen of text pasted from a PDF or a
    # web page (« Finance\xadments » is « Financements »), and bidirectional controls
    # (text shown in another order than it is held: found by no search, split by nothing).
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    return text.strip(" ;,").strip()


def is_separator(text: str) -> bool:
    """A row or cell made only of dashes, underscores, dots: a visual separator."""
    return bool(_SEPARATOR.match(text))


def _split_inline(line: str) -> list[str]:
    """Split "- a - b -c" typed on one line into its items."""
    marks = [m.start() for m in _INLINE_DASH.finditer(line)]
    if not marks:
        return [line]
    before = line[: marks[0]].strip()
    if before and (len(marks) < 2 or not (before.endswith(":") or all(_tight(line, m) for m in marks))):
        # Dashes inside a sentence, not a list: « création d'une cohorte - 50 personnes »,
        # « Navette Bazas - Langon - Bordeaux », « lundi 9h - 12h ». A list typed on one line
        # after text is introduced (« Feuille de route : - a - b ») or tight (« -a -b »).
        return [line]
    starts_with_mark = not before
    pieces = []
    if not starts_with_mark:
        pieces.append(line[: marks[0]])
    for index, start in enumerate(marks):
        end = marks[index + 1] if index + 1 < len(marks) else len(line)
        pieces.append(line[start + 1 : end])
    return pieces


# A number or a letter starting an item of a list typed on one line: « 1) », « 2. », « 3/ », « 4- »,
# « b) »,
# after a space (or the line's start) and before a space and a word. « 1.5 », « 2)» closing a
# bracket, « n°2) » are none.
_NUMBER_MARK = re.compile(r"(?:(?<=[\s;,])|^)(?:(\d{1,2})([.)/–-])|([a-z])(\)))(?=\s+\S)")


def _split_numbered(line: str) -> list[str] | None:
    """A numbered list typed on one line (« 1) forum emploi 2) salon 3) job dating »,
    « 1. … 2. … », « a) … b) … ») as its pieces, each mark removed; the words before a list
    introduced by a colon (« Nos actions : 1) … ») come first. None when the line is no such
    list: the marks must follow each other (1, 2, 3 or a, b, c, the same closing sign), be two
    at least, and the first start the line or follow a colon, so that a number inside a
    sentence (« l'article 2) du règlement », « les volets 1) et 2) ») stays in it."""
    marks = list(_NUMBER_MARK.finditer(line))
    if len(marks) < 2:
        return None
    for first_index, first in enumerate(marks):
        before = line[: first.start()].strip()
        if before and not before.endswith(":"):
            continue
        run = [first]
        for mark in marks[first_index + 1 :]:
            if _mark_value(mark) == _mark_value(run[-1]) + 1 and _mark_style(mark) == _mark_style(run[-1]):
                run.append(mark)
        if len(run) < 2:
            return None
        pieces = [before] if before else []
        for index, mark in enumerate(run):
            end = run[index + 1].start() if index + 1 < len(run) else len(line)
            pieces.append(line[mark.end() : end].strip().rstrip(";,").strip())
        return pieces
    return None


def unbulleted(line: str) -> str:
    """A line without the bullet, arrow or number a list gives it (« - », « • », « → », « 1) »,
    « 1- »); the line as it is when it starts with none."""
    return _LINE_BULLET.sub("", line, count=1).strip() if _LINE_BULLET.match(line) else line


def _mark_value(mark: re.Match[str]) -> int:
    return int(mark.group(1)) if mark.group(1) else ord(mark.group(3)) - ord("a") + 1


def _mark_style(mark: re.Match[str]) -> str:
    return ("1" + mark.group(2)) if mark.group(1) else ("a" + mark.group(4))


def _tight(line: str, mark: int) -> bool:
    """A dash set against the word it starts (« -Réflexions »), as list items are typed."""
    return mark + 1 < len(line) and not line[mark + 1].isspace()


def split_cell(text: str, *, lead: str = "") -> list[str]:
    """Each bullet, dash item or paragraph of a cell as one clean item, in order.

    Lines that follow a bulleted line without a bullet of their own continue it
    (a bullet wrapped onto two lines); a paragraph ending with ':' introduces the
    next one ("Retour d'expériences : Un club d'entreprises…"); a line after one whose
    sentence cannot end there (« … pour les », « … métiers de », a comma) goes on with it.
    `lead`: a list's lead-in said before the cell (in the row above, `open_lead`), said with
    each of the cell's first bullets, as in one cell.
    """
    return _split(text, lead)[0]


def open_lead(text: str) -> str:
    """The lead-in of a list still open at the end of `text` (« Freins : ¶ - mobilité »: the
    next bullet is one of its items too), or `text`'s last item when it is a lead-in waiting
    for its list (« Freins : »); "" when none is."""
    items, lead = _split(text, "")
    if lead:
        return lead
    return items[-1] if items and _lead_in(items[-1]) else ""


def _split(text: str, lead: str) -> tuple[list[str], str]:
    """`split_cell`'s items, and the lead-in whose list is still open at the end."""
    if not text or not text.strip():
        return [], lead
    lines = cell_lines(text)
    # Separate HTML blocks (<p>, <li>) are separate statements; only plain text
    # lines can be a bullet wrapped onto the next line.
    wraps = not looks_like_html(text)
    # « => un local ¶ => des stages »: lines starting with « => », two at least, are a list; one
    # alone is the « so » a paragraph goes on with (« … se coordonne ¶ => réussir à … », as the
    # bundled example types it), kept as typed.
    arrows = sum(1 for _li, line in lines if line.strip().startswith("=>")) >= 2
    has_bullets = arrows or any(li or _LINE_BULLET.match(line) for li, line in lines)
    items: list[str] = []
    continuing = False
    # « lever les freins : ¶ - mobilité ¶ - garde »: the words before a list, said with each
    # of its items (« garde » alone was a need of its own), until a paragraph without a bullet.
    # Indents (plain text): « - Freins : ¶   - mobilité ¶ - Un local »: a bullet back at the
    # lead-in's own indent is its sibling, not an item of its list.
    indent = lead_indent = items_indent = 0
    for is_li, raw in lines:
        line = raw.strip()
        if not line or is_separator(line):
            continue
        previous_indent, indent = indent, len(raw) - len(raw.lstrip()) if wraps else 0
        arrow = arrows and line.startswith("=>") and bool(line[2:].strip())
        if arrow:
            line = line[2:].strip()
        bulleted = arrow or is_li or bool(_LINE_BULLET.match(line))
        numbered = _split_numbered(line)
        if numbered is not None:  # « 1) forum emploi 2) salon 3) job dating »
            pieces = [clean(p) for p in numbered]
        else:
            if not _INLINE_DASH.match(line) and _LINE_BULLET.match(line):
                line = _LINE_BULLET.sub("", line, count=1)  # "•", "1.", "a)": not a dash list
            pieces = [clean(p) for p in _split_inline(line)]
        pieces = [p for p in pieces if p and not is_separator(p)]
        if not pieces:
            continue
        wrapped_line = (
            wraps and has_bullets and not bulleted and continuing and items and not _starts_item(line)
        )
        # « forum pour les ¶ jeunes du quartier »: a line after one whose sentence cannot end
        # there goes on with it, as a row under a participant's does (`continues_sentence`).
        cut = items and not bulleted and numbered is None and continues_sentence(items[-1], line)
        if bulleted and items and _lead_in(items[-1]):
            lead = items.pop()  # « lever les freins : ¶ - mobilité »: a list's lead-in
            lead_indent, items_indent = previous_indent, indent
        elif not (bulleted or wrapped_line or cut):
            lead = ""  # a paragraph of its own: the list, if any, has ended
        elif lead and bulleted and lead_indent < items_indent and indent <= lead_indent:
            lead = ""  # a bullet beside the lead-in's own: its list has ended
        if len(pieces) > 1 and _lead_in(pieces[0]):
            lead, pieces = pieces[0], pieces[1:]  # « lever les freins : - mobilité - garde »
            lead_indent = items_indent = indent
        elif lead and (wrapped_line or cut):
            items[-1] = f"{items[-1]} {pieces[0]}"  # an item of the list wrapped onto this line
            pieces = pieces[1:]
        elif wrapped_line or cut or (items and items[-1].endswith(":")):
            items[-1] = f"{items[-1]} {pieces[0]}"
            pieces = pieces[1:]
        items.extend(f"{lead} {piece}" if lead else piece for piece in pieces)
        continuing = True
    return [item for item in (clean(i) for i in items) if item], lead


# Said before a list, short (« lever les freins : », « Financements : »): a phrase that each
# item of the list completes. A sentence before a list (« Changement de majorité à Poitiers.
# Feuille de route non stabilisée : ») is an item of its own, as it was.
_LEAD_IN_WORDS = 6


def _lead_in(text: str) -> bool:
    words = text[:-1].split()
    return text.endswith(":") and 0 < len(words) <= _LEAD_IN_WORDS and not any(c in text for c in '.!?…;"«»')


def _starts_item(line: str) -> bool:
    """An unbulleted line that is clearly a new statement, not a wrapped bullet.

    Only a line starting with a lowercase letter reads as the rest of the line above.
    """
    return not (line[:1].isalpha() and line[:1].islower())


# A text ends its sentence with one of these (quotes and brackets after them aside).
_SENTENCE_END = (".", "!", "?", "…", ";")
# Words and marks no sentence ends on: the next row's first words must follow them.
_CONNECTIVES = frozenset(
    [
        "à",
        "au",
        "aux",
        "de",
        "du",
        "des",
        "d'",
        "l'",
        "la",
        "le",
        "les",
        "un",
        "une",
        "et",
        "ou",
        "en",
        "pour",
        "par",
        "avec",
        "sans",
        "sur",
        "sous",
        "dans",
        "entre",
        "vers",
        "chez",
        "que",
        "qu'",
        "qui",
        "dont",
        "afin",
        "mais",
        "donc",
        "car",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "ce",
        "cette",
        "ces",
        "notre",
        "nos",
        "votre",
        "vos",
        "plus",
        "très",
        "the",
        "of",
        "and",
        "to",
    ]
)


def _last_line(text: str) -> str:
    lines = [line.strip() for _li, line in cell_lines(text) if line.strip()]
    return lines[-1] if lines else ""


def continues_sentence(previous: str, following: str) -> bool:
    """Whether the cell `following` (a row with no participant under the previous one's) starts
    by finishing the sentence the cell `previous` ends on, rather than with a new item: only
    where that sentence cannot have ended, after a word or mark no sentence ends on (« fond
    de », « , », « : », « + », « d' »), never after a sentence's end (« . ! ? … ; ») nor after
    any other word. One rule for every grid, Word, HTML, text or spreadsheet: no file cuts a
    row across pages (a Word row a page break splits is one row of the table still), so a row
    of its own is a new line, by the same participant (« permanence emploi » under « forum
    emploi » is an item of its own, lowercase or not), unless its sentence had to go on.
    """
    end = _last_line(previous).rstrip(" \"'»)]”’")
    start = next((line for _li, line in cell_lines(following) if line.strip()), "")
    if not end or not start.strip() or is_separator(start.strip()):
        return False
    if end.endswith(_SENTENCE_END):
        return False
    last_word = end.split()[-1].lower().replace("’", "'")
    if end.endswith((",", ":", "+", "&", "/", "(", "-", "–")) or last_word in _CONNECTIVES:
        return True
    return last_word.endswith("'")  # « d' », « l' », « jusqu' »

"""How many of the points each participant wrote do the Word minutes say, credited to them?

    python benchmarks/point_coverage.py FICHIER.atelier MINUTES.docx [--workshop W] [--lang fr|en] [--show]
    python benchmarks/point_coverage.py FICHIER.atelier            # exports the minutes itself

Reads the minutes as their recipient does (python-docx, body order) and, for each participant of
the workshop, counts their points (the grid's statements: actions, challenges, needs, offers):

- « corps »: points the body of the minutes (synthesis, matches, leads) says, as a piece of
  text followed by the participant's credit « (Grand Dax) », or in a match table row under
  their name. A piece counts for the point of its author it shares most words with (French
  stems, accents ignored; at least 60 % of the piece's words, and two of them, or all of a short
  piece). A piece credited to one participant that is another's statement is a misattribution.
- « nommé »: participants only named in the body (« aussi Grand Dax et Myriam LOUIS »).
- « annexe »: points found word for word in their own row of the annex (and the rows « Nom
  (suite) » that carry it on), in the right column.

Prints one line per participant and the totals; exits 1 when the annex misses a point or a
piece is misattributed (what a reader would take as false).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# What the leads' table adds after a resource: « (ressource proposée) », « (offer) »…
SOURCE_WORDS = (
    r" \((ressource proposée|action déjà menée|défi partagé|offer|action already run|shared challenge)\)$"
)
SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})
STOP = set(
    [
        "les",
        "des",
        "une",
        "pour",
        "dans",
        "sur",
        "par",
        "avec",
        "aux",
        "que",
        "qui",
        "est",
        "sont",
        "ses",
        "son",
        "leur",
        "leurs",
        "plus",
        "aussi",
        "cette",
        "ces",
        "ont",
        "the",
        "and",
        "for",
        "with",
        "this",
        "that",
        "are",
        "from",
    ]
)


def plain(text: str) -> str:
    return " ".join(text.translate(SPACES).split())


def key(text: str) -> str:
    """A text compared as written, whatever spaces typography put before « ? » or inside « »."""
    return re.sub(r"\s+", "", text.translate(SPACES))


def stems(text: str) -> list[str]:
    from atelier.matching.text import stem

    folded = unicodedata.normalize("NFD", text.casefold().replace("’", "'").replace("œ", "oe"))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return [stem(w) for w in re.findall(r"[a-z0-9]+", folded) if len(w) >= 3 and w not in STOP]


@dataclass
class Point:
    participant: str
    kind: str
    text: str
    words: set[str] = field(default_factory=set)


@dataclass
class Tally:
    points: int = 0
    body: set[int] = field(default_factory=set)
    named: bool = False
    annex: int = 0


def read_minutes(path: Path) -> tuple[list[tuple[str, str]], list[list[list[str]]], list[list[list[str]]]]:
    """(paragraphs of the synthesis as (style, text)), match tables' rows, annex rows; each row
    a list of cells, each cell its paragraphs' texts."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    part = ""
    synthesis: list[tuple[str, str]] = []
    matches: list[list[list[str]]] = []
    annex: list[list[list[str]]] = []
    headings = {
        "Synthèse des échanges": "synthesis",
        "Summary of the discussions": "synthesis",
        "Les mises en relation": "matches",
        "The matches": "matches",
        "Annexe : la grille complète": "annex",
        "Annex: the full grid": "annex",
        "Participants": "participants",
    }
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            style = paragraph.style.name if paragraph.style is not None else ""
            text = plain(paragraph.text)
            if style == "Heading 1":
                part = headings.get(text, part)
            elif part == "synthesis" and text:
                synthesis.append((style, text))
        elif tag == "tbl" and part in ("matches", "annex"):
            table = Table(child, document)
            rows = [[[p.text for p in cell.paragraphs] for cell in row.cells] for row in table.rows[1:]]
            (matches if part == "matches" else annex).extend(rows)
    return synthesis, matches, annex


def credited_pieces(text: str, labels: dict[str, str]) -> tuple[list[tuple[str, str]], set[str]]:
    """(participant id, piece) for each « piece (Label) » of a paragraph, and the ids only named."""
    from atelier.french import unnested

    marks = []
    # A label with its own parentheses is credited with them as a comma (« (Salaisons du Ségala,
    # agroalimentaire) » for « Salaisons du Ségala (agroalimentaire) »): read so.
    credits = {pid: unnested(label) for pid, label in labels.items()}
    for pid, label in credits.items():
        for m in re.finditer(r"\(" + re.escape(plain(label)) + r"\)", text):
            marks.append((m.start(), m.end(), pid))
    # A piece two typed word for word, credited to both: « financement FSE (Grand Dax, CCAS de Dax) ».
    names = sorted(credits.items(), key=lambda pair: -len(plain(pair[1])))
    one = "|".join(re.escape(plain(label)) for _pid, label in names)
    for m in re.finditer(rf"\((?:{one})(?:, (?:{one}))+\)", text):
        inside = m.group(0)[1:-1]
        for pid, label in names:
            if re.search(rf"(?:^|, ){re.escape(plain(label))}(?=, |$)", inside):
                marks.append((m.start(), m.end(), pid))
    marks.sort()
    # A label inside a longer one's brackets (« (Région N-A) » in « (Jacques … de la Région N-A) »).
    kept: list[tuple[int, int, str]] = []
    for mark in marks:
        if kept and mark[:2] == kept[-1][:2]:  # one credit naming two
            kept.append(mark)
            continue
        if kept and mark[0] < kept[-1][1]:
            if mark[1] - mark[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = mark
            continue
        kept.append(mark)
    pieces = []
    start = 0
    for begin, end, pid in kept:
        if begin < start:  # the same piece, credited to the next one named
            pieces.append((pid, pieces[-1][1]))
            continue
        segment = text[start:begin]
        segment = re.split(r"\s;\s|;\s|\s:\s|:\s(?=[«“a-zà-ÿA-Z])", segment)[-1]
        pieces.append((pid, segment.strip(' ,.;:«»“”"')))
        start = end
    named = set()
    for pid, label in labels.items():
        bare = plain(label)
        if re.search(r"(?<![\w(])" + re.escape(bare) + r"(?![\w)])", text):
            named.add(pid)
    return pieces, named


def best_point(words: list[str], candidates: list[tuple[int, Point]]) -> tuple[int | None, float]:
    """The point a piece is of: the most of the piece's words it holds, then (a tie: a short
    piece such as « Club d'entreprises », in an offer and in a longer action) the point the
    piece is the most of."""
    if not words:
        return None, 0.0
    wanted = set(words)
    best, rank = None, (0.0, 0.0)
    for index, point in candidates:
        shared = len(wanted & point.words)
        this = (shared / len(wanted), shared / max(1, len(point.words)))
        if this > rank and (shared >= 2 or shared == len(wanted)):
            best, rank = index, this
    return best, rank[0]


def measure(atelier: Path, minutes: Path, workshop: str | None, lang: str, show: bool = False) -> int:
    from atelier.exports import gather
    from atelier.store import Store
    from atelier.synthesis import short_names

    with Store.open(atelier) as store:
        workshop_id = store.pick_workshop(workshop)
        data = gather(store, workshop_id, lang=lang, match_first=False)
    credit = short_names(data)
    who = data.who
    names = {p.id: p.people(lang) for p in data.participants}
    points: list[Point] = []
    for entry in data.entries:
        if entry.text.strip():
            points.append(Point(entry.participant_id, str(entry.kind), entry.text, set(stems(entry.text))))
    by_owner: dict[str, list[tuple[int, Point]]] = defaultdict(list)
    for index, point in enumerate(points):
        by_owner[point.participant].append((index, point))
    tally = {p.id: Tally(points=len(by_owner[p.id])) for p in data.participants}
    wrong: list[str] = []
    synthesis, match_rows, annex_rows = read_minutes(minutes)
    labels = dict(credit)
    # The synthesis credits by `credit`; « Observations de X, notées telles quelles : » credits
    # the bullets after it.
    lead_owner: str | None = None
    for style, text in synthesis:
        if style != "List Bullet":
            lead_owner = None
            for pid, label in labels.items():
                if text.startswith(("Observations de ", "Observations of ", "Observations by ")) and (
                    plain(label) in text or (names[pid] and names[pid] in text)
                ):
                    lead_owner = pid
        pieces, named = credited_pieces(text, labels)
        for pid, label in labels.items():  # « Who : piece ; piece. » (what the room can offer)
            lead = plain(label)
            if style == "List Bullet" and re.match(re.escape(lead) + r" ?: ", text):
                rest = text[len(lead) :].lstrip(" :").rstrip(".")
                pieces += [(pid, part.strip(" «»“”")) for part in re.split(r" ?; ", rest)]
                named.add(pid)
        if not pieces and lead_owner is not None and style == "List Bullet":
            pieces = [(lead_owner, text.strip("«» “”"))]
        for pid in named:
            tally[pid].named = True
        for pid, piece in pieces:
            words = stems(piece)
            own, score = best_point(words, by_owner[pid])
            if own is not None and (score >= 0.6 or len(words) <= 2):
                tally[pid].body.add(own)
                continue
            other, other_score = best_point(words, list(enumerate(points)))
            if other is not None and other_score >= 0.8 and points[other].participant != pid:
                wrong.append(
                    f"« {piece} » credited to {credit[pid]}, said by {credit[points[other].participant]}"
                )
            elif show:
                print(f"  ? ({credit[pid]}) {piece}")
    label_of = {plain(v): k for k, v in who.items()}
    for row in match_rows:
        for cell in row[:2]:
            texts = [plain(t) for t in cell if plain(t)]
            if not texts or texts[0] not in label_of:
                continue
            pid = label_of[texts[0]]
            for text in texts[1:]:
                bare = re.sub(SOURCE_WORDS, "", text)
                # (a statement's final full stop is not printed before its kind)
                found = [i for i, p in by_owner[pid] if key(p.text) in (key(bare), key(bare) + ".")]
                if found:
                    tally[pid].body.add(found[0])
                elif not bare.startswith("("):
                    wrong.append(f"« {bare} » under {who[pid]} in a match table is none of their statements")
    columns = ["action", "challenge", "need", "offer"]
    seen_rows: set[str] = set()
    last: str | None = None
    for row in annex_rows:
        texts = [plain(t) for t in row[0] if plain(t)]
        rest = re.fullmatch(r"(.+) \((?:suite|continued)\)", texts[0]) if texts else None
        if rest is not None and last is not None:  # the rest of a tall row, under its name
            if not plain(who[last]).startswith(rest.group(1).split(",")[0].split(" (")[0]):
                wrong.append(f"« {texts[0]} » in the annex follows the row of {who[last]}")
            pid: str | None = last
        else:
            pid = label_of.get(texts[0]) if texts else None
            if pid is None:
                continue
            if pid in seen_rows:  # two participants the annex names alike: which row is whose is unsure
                wrong.append(f"two rows of the annex are named {who[pid]}")
            seen_rows.add(pid)
            last = pid
        for column, kind in enumerate(columns, start=1):
            cell = {key(t).removeprefix("•") for t in row[column] if plain(t)}
            tally[pid].annex += sum(1 for _, p in by_owner[pid] if p.kind == kind and key(p.text) in cell)
    print(f"{'participant':46} {'points':>6} {'corps':>6} {'annexe':>6}  nommé")
    totals = [0, 0, 0]
    missing_annex = 0
    for p in data.participants:
        t = tally[p.id]
        totals[0] += t.points
        totals[1] += len(t.body)
        totals[2] += t.annex
        missing_annex += t.points - t.annex
        flag = "oui" if t.named or t.body else "NON"
        print(f"{who[p.id][:46]:46} {t.points:6} {len(t.body):6} {t.annex:6}  {flag}")
    share = 100 * totals[1] / max(1, totals[0])
    print(f"{'TOTAL':46} {totals[0]:6} {totals[1]:6} {totals[2]:6}   corps : {share:.0f} %")
    never = [who[p.id] for p in data.participants if tally[p.id].points and not tally[p.id].body]
    print(f"participants with points and none in the body: {len(never)}")
    for kind in columns:
        said = sum(1 for t in tally.values() for i in t.body if points[i].kind == kind)
        total = sum(1 for p in points if p.kind == kind)
        print(f"  {kind:10} {said:4} / {total:4} in the body")
    if show:
        for t in tally.values():
            for _index, point in by_owner.get(next(k for k, v in tally.items() if v is t), []):
                if _index not in t.body and point.kind in ("need", "offer"):
                    print(f"  not in the body: {point.kind} « {point.text[:70]} »")
    for line in wrong:
        print("MISATTRIBUTED:", line)
    if missing_annex:
        print(f"ANNEX MISSES {missing_annex} points")
    return 1 if wrong or missing_annex else 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("atelier", type=Path)
    parser.add_argument("minutes", type=Path, nargs="?")
    parser.add_argument("--workshop")
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--show", action="store_true", help="print the pieces no point was found for")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        minutes = args.minutes
        if minutes is None:
            minutes = Path(folder) / "minutes.docx"
            command = [sys.executable, "-m", "atelier", "export", str(args.atelier), "--docx", str(minutes)]
            if args.workshop:
                command += ["--workshop", args.workshop]
            env = {**__import__("os").environ, "ATELIER_LANG": args.lang}
            subprocess.run(command, check=True, capture_output=True, env=env)
        sys.exit(measure(args.atelier, minutes, args.workshop, args.lang, args.show))


if __name__ == "__main__":
    main()

"""How much of the hand-written synthesis does Atelier's draft say, and at what length?

    python benchmarks/score_synthesis.py [--grid GRILLE] [--hand SYNTHESE.txt] [--show] [--markdown]

Does what a staff member would: `atelier import GRILLE -o x.atelier`, then
`atelier export x.atelier --docx x.docx` straight away (no synthesis typed: the draft is
written), and reads the « Synthèse des échanges » part of the Word document.

Each point of the hand synthesis (benchmarks/data/synthese-2021-03-16-points.json) counts as
covered when ONE UNIT of the draft holds, for every group of the point, one of its words
(French stems, accents ignored). A unit is a heading or a sentence; a sentence that lists
« lead : piece (A) ; piece (B) » gives one unit per piece, with its lead, so that words of
two participants never add up to a point. The table printed says, for each point, the unit
of the draft that covers it, or « absent »: a lead for a person, who reads and judges each row.

Length: the draft's body (headings and text of the synthesis) against the hand synthesis's
body (without its closing « Vous souhaitez en savoir plus ? » and contact lines), in
characters and in words (guillemets and dashes are not words).

On a clean clone it reads the example grid the repository holds (examples/); the hand
synthesis is not in the repository: its length, measured once, is kept with the points, and
--hand gives the file itself (../shared/data/ when it is beside the clone).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data"
GRID = ROOT / "examples" / "grille-atelier-2021-03-16.txt"
HAND = SHARED / "synthese-atelier-2021-03-16.txt"
POINTS = ROOT / "benchmarks" / "data" / "synthese-2021-03-16-points.json"


def _stems(text: str) -> list[str]:
    from atelier.matching.text import stem

    plain = unicodedata.normalize("NFD", text.casefold().replace("’", "'"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return [stem(w) for w in re.findall(r"[a-z0-9]+", plain)]


def _holds(words: list[str], phrase: str) -> bool:
    wanted = _stems(phrase)
    n = len(wanted)
    return any(words[i : i + n] == wanted for i in range(len(words) - n + 1))


def drafted_synthesis(grid: Path, folder: Path) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) of the « Synthèse des échanges » of the exported minutes."""
    import docx

    atelier = [sys.executable, "-m", "atelier"]
    source, target = folder / "x.atelier", folder / "x.docx"
    subprocess.run([*atelier, "import", str(grid), "-o", str(source)], check=True, capture_output=True)
    subprocess.run([*atelier, "export", str(source), "--docx", str(target)], check=True, capture_output=True)
    sections: list[tuple[str, list[str]]] = []
    inside = False
    for paragraph in docx.Document(str(target)).paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if style == "Heading 1":
            inside = paragraph.text.strip() == "Synthèse des échanges"
            continue
        if not inside:
            continue
        if style == "Heading 2":
            sections.append((paragraph.text, []))
        elif sections and paragraph.text.strip():
            sections[-1][1].append(paragraph.text)
    return sections


def hand_body(text: str) -> str:
    """The hand synthesis without its closing (« Vous souhaitez en savoir plus ? » and after)."""
    return text.split("Vous souhaitez en savoir plus", 1)[0].strip()


def sentences(paragraph: str) -> list[str]:
    """Sentences, never cut inside « … » (a quote may hold several)."""
    out, start, depth = [], 0, 0
    for at, char in enumerate(paragraph):
        depth += (char == "«") - (char == "»")
        after = paragraph[at + 1 : at + 3]
        if depth == 0 and char in ".!?" and len(after) == 2 and after[0].isspace() and after[1].isupper():
            out.append(paragraph[start : at + 1].strip())
            start = at + 1
    out.append(paragraph[start:].strip())
    return [s for s in out if s]


def units(paragraph: str) -> list[str]:
    """A paragraph's sentences; a sentence « lead : a ; b ; c » as « lead : a », « lead : b »…"""
    out = []
    for sentence in sentences(paragraph):
        lead, colon, rest = sentence.partition(" : ")
        items = [i for i in re.split(r"\s;\s", rest) if i.strip()] if colon else []
        if len(items) >= 2:
            out += [f"{lead} : {item}" for item in items]
        else:
            out.append(sentence)
    return out


def words(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--grid", type=Path, default=GRID)
    parser.add_argument("--hand", type=Path, default=HAND if HAND.is_file() else None)
    parser.add_argument("--show", action="store_true", help="print the draft")
    parser.add_argument("--markdown", action="store_true", help="the table as Markdown")
    args = parser.parse_args()
    reference = json.loads(POINTS.read_text(encoding="utf-8"))
    points = reference["points"]
    for given in (args.grid, args.hand):
        if given is not None and not given.is_file():
            sys.exit(f"score_synthesis: {given} is not a file.")
    with tempfile.TemporaryDirectory() as folder:
        sections = drafted_synthesis(args.grid, Path(folder))
    body = "\n".join(f"{h}\n" + "\n".join(ps) for h, ps in sections)
    if args.show:
        print(body, end="\n\n")
    found = [(h, u) for h, ps in sections for p in [h, *ps] for u in units(p)]
    stems = [_stems(u) for _h, u in found]
    covered = 0
    rows = []
    for point in points:
        hit = next(
            (
                (h, p)
                for (h, p), s in zip(found, stems, strict=True)
                if point.get("in", "") in h.lower()
                and all(any(_holds(s, w) for w in g) for g in point["all"])
            ),
            None,
        )
        covered += hit is not None
        said = f"{hit[1][:150]}{'…' if len(hit[1]) > 150 else ''} [{hit[0]}]" if hit else "absent"
        rows.append((point["theme"], point["point"], said))
    if args.markdown:
        print("| thème | point de la synthèse à la main | phrase du premier jet qui le dit |")
        print("| --- | --- | --- |")
        for theme, point_text, said in rows:
            print(f"| {theme} | {point_text} | {said.replace('|', '/')} |")
    else:
        for theme, point_text, said in rows:
            print(f"[{theme}] {point_text}\n    → {said}")
    if args.hand is not None:
        hand = hand_body(args.hand.read_text(encoding="utf-8"))
        hand_chars, hand_words = len(hand), words(hand)
    else:
        hand_chars, hand_words = reference["hand"]["characters"], reference["hand"]["words"]
        print("\n(the hand synthesis is not beside this clone: its length kept in benchmarks/data is used)")
    print(
        f"\ncovered {covered}/{len(points)} points ({covered / len(points):.0%}), each by one unit; "
        f"length {len(body)} characters / {hand_chars} by hand = {len(body) / hand_chars:.2f}x, "
        f"{words(body)} words / {hand_words} = {words(body) / hand_words:.2f}x"
    )


if __name__ == "__main__":
    main()

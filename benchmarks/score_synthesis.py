"""How much of the hand-written synthesis does Atelier's draft say, and at what length?

    python benchmarks/score_synthesis.py [--grid GRILLE] [--hand SYNTHESE.txt] [--show]

Does what a staff member would: `atelier import GRILLE -o x.atelier`, then
`atelier export x.atelier --docx x.docx` straight away (no synthesis typed: the draft is
written), and reads the « Synthèse des échanges » part of the Word document. Each point of
the hand synthesis (benchmarks/data/synthese-2021-03-16-points.json) counts as covered
when one section of the draft holds, for every group of the point, one of its words
(French stems, accents ignored). Prints the points covered, the share, and the length of
the draft against the hand synthesis (characters and words).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data"
POINTS = ROOT / "benchmarks" / "data" / "synthese-2021-03-16-points.json"


def _stems(text: str) -> list[str]:
    import re

    from atelier.matching.text import stem

    plain = unicodedata.normalize("NFD", text.casefold().replace("’", "'"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return [stem(w) for w in re.findall(r"[a-z0-9]+", plain)]


def _holds(section: list[str], phrase: str) -> bool:
    wanted = _stems(phrase)
    n = len(wanted)
    return any(section[i : i + n] == wanted for i in range(len(section) - n + 1))


def drafted_synthesis(grid: Path, folder: Path) -> list[tuple[str, str]]:
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
        elif sections:
            sections[-1][1].append(paragraph.text)
    return [(heading, "\n".join(lines)) for heading, lines in sections]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--grid", type=Path, default=SHARED / "grille-atelier-2021-03-16.txt")
    parser.add_argument("--hand", type=Path, default=SHARED / "synthese-atelier-2021-03-16.txt")
    parser.add_argument("--show", action="store_true", help="print the draft")
    args = parser.parse_args()
    points = json.loads(POINTS.read_text(encoding="utf-8"))["points"]
    with tempfile.TemporaryDirectory() as folder:
        sections = drafted_synthesis(args.grid, Path(folder))
    body = "\n".join(f"{h}\n{b}" for h, b in sections)
    if args.show:
        print(body, end="\n\n")
    stems = [_stems(f"{h}\n{b}") for h, b in sections]
    covered = 0
    for point in points:
        hit = next(
            (
                h
                for (h, _), s in zip(sections, stems, strict=True)
                if all(any(_holds(s, w) for w in g) for g in point["all"])
            ),
            None,
        )
        covered += hit is not None
        mark = f"oui ({hit})" if hit else "non"
        print(f"[{point['theme']}] {point['point']}: {mark}")
    hand = args.hand.read_text(encoding="utf-8")
    print(
        f"\ncovered {covered}/{len(points)} points ({covered / len(points):.0%}); "
        f"length {len(body)} characters / {len(hand)} by hand = {len(body) / len(hand):.2f}x, "
        f"{len(body.split())} words / {len(hand.split())} = {len(body.split()) / len(hand.split()):.2f}x"
    )


if __name__ == "__main__":
    main()

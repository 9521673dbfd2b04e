"""A participant cell near the million-character cap (a broken or hostile file): how long
reading it takes, for cells of several shapes, at growing sizes.

    python benchmarks/bench_participant_cell.py [--sizes 10000,40000,160000] [--shapes dash,colon]

Each shape repeats one piece (« Anne Martin / », « PLIE du Marsan », « ( », « - a »…) up to
the size, then a name; the cell is read as the import and the window read it
(parse_participant, then person_in_structure for the « à vérifier » warning). A reading that
is linear takes about 4 times longer for 4 times the characters: the « x » column says by how
much the time grew against the size before. Before the fix, 40 000 characters of « ( » took
47 s (each prefix of the words re-read to find a spelled-out acronym, the parentheses counted
again before each separator, each part of the structure searched for in the whole cell).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.getcwd())

SHAPES = {
    "names_slash": "Anne Martin / ",
    "names_comma": "Anne Martin, ",
    "names_et": "Anne Martin et ",
    "structure": "PLIE du Marsan ",
    "parentheses": "(Anne) ",
    "open_paren": "( ",
    "lines": "Anne Roux\n",
    "blank_lines": "a\n\n\n\n\n\n\n\n",
    "form_feeds": "a\x0c\x0c\x0c\x0c\x0c\x0c\x0c",  # whitespace that is neither a space nor a line
    "words": "forum emploi ",
    "dash": "- a ",
    "colon": "PLIE : ",
    "lower": "anne martin ",
    "capitals": "ANNE MARTIN ",
}


def main() -> None:
    from atelier.importers.cells import clean
    from atelier.importers.participant import parse_participant, person_in_structure

    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,40000,160000,1000000")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'shape':<12} {'chars':>10} {'s':>8} {'x':>6}")
    for name in args.shapes.split(","):
        unit, before = SHAPES[name], None
        for size in sizes:
            cell = (unit * (size // len(unit) + 1))[:size] + " Anne Roux"
            clean.cache_clear()
            start = time.perf_counter()
            person_in_structure(parse_participant(cell))
            took = time.perf_counter() - start
            grew = f"{took / before:6.1f}" if before else ""
            print(f"{name:<12} {size:>10,} {took:>8.2f} {grew:>6}", flush=True)
            before = took


if __name__ == "__main__":
    main()

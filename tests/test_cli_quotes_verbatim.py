"""What people wrote is quoted exactly: French typography is for Atelier's own sentence, never
for the words it quotes. A note typed « Appel: ok? » is reported « Appel: ok? » by the merge,
the follow-up, the search and the list of workshops — as the file keeps it — and a quote cut
short ends « certains… », the way Atelier cuts every text."""

from __future__ import annotations

import hashlib
import shutil
import time
from datetime import date
from pathlib import Path

from atelier.french import NBSP, NNBSP, typography
from tests.conftest import run_cli
from tests.helpers.one_match import lucie_and_cecile

NEED = "faire du lien entre certains acteurs du territoire et les entreprises qui recrutent"


def _digest(*paths: Path) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


def _ok(*args: str, env: dict[str, str] | None = None) -> str:
    done = run_cli(*args, env=env)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def test_the_merge_report_quotes_both_notes_as_they_were_typed(tmp_path: Path) -> None:
    na, nb = tmp_path / "na.atelier", tmp_path / "nb.atelier"
    match = lucie_and_cecile(na, date(2021, 3, 16), title="Atelier réseau", need=NEED)[:6]
    shutil.copy(na, nb)
    _ok("suivi", str(na), match, "--note", "Appel: ok?")
    time.sleep(0.01)
    _ok("suivi", str(nb), match, "--note", "Mail envoyé; attendre!")
    before = _digest(na, nb)
    report = _ok("merge", str(na), str(nb), "-o", str(tmp_path / "m.atelier"))
    assert _digest(na, nb) == before
    line = next(li for li in report.splitlines() if "[conflit]" in li)
    # The people's words, exactly; Atelier's own sentence, in French typography.
    assert f"«{NBSP}Appel: ok?{NBSP}»" in line, line
    assert f"«{NBSP}Mail envoyé; attendre!{NBSP}»" in line, line
    assert f"note{NBSP}: les deux gardées" in line, line
    # A quote cut short ends with its ellipsis against the last word, as Atelier cuts texts.
    assert f"«{NBSP}faire du lien entre certains…{NBSP}»" in line, line
    assert " …" not in line and f"{NBSP}…" not in line, line
    english = _ok("merge", str(na), str(nb), "-o", str(tmp_path / "e.atelier"), env={"ATELIER_LANG": "en"})
    assert "“Appel: ok?”" in english and "“Mail envoyé; attendre!”" in english, english


def test_words_with_punctuation_are_printed_as_typed_by_every_command(tmp_path: Path) -> None:
    """The workshop's title, the need, the note: each as typed, wherever it is printed."""
    path = tmp_path / "a.atelier"
    title = "Emploi: quelles pistes?"
    need = "Clauses sociales; où trouver un appui!"
    match = lucie_and_cecile(path, date(2021, 3, 16), title=title, need=need)[:6]
    _ok("suivi", str(path), match, "--note", "Rappel: lundi?")
    listed = _ok("suivi", str(path), "--historique")
    assert f"«{NBSP}{title}{NBSP}»" in listed and need in listed and "Rappel: lundi?" in listed, listed
    found = _ok("search", str(path), "clauses")
    assert need in found and title in found, found
    workshops = _ok("workshops", str(path))
    assert f"«{NBSP}{title}{NBSP}»" in workshops, workshops


def test_typography_sets_atelier_s_sentence_and_leaves_the_quoted_words_alone() -> None:
    said = typography("Note : « Appel: ok? » puis « Mail; attendre! » ; fin ?", "fr")
    assert said == (
        f"Note{NBSP}: «{NBSP}Appel: ok?{NBSP}» puis «{NBSP}Mail; attendre!{NBSP}»{NNBSP}; fin{NNBSP}?"
    )
    # A quote within the quote is part of the words; guillemets the words leave open do not
    # swallow the rest of the sentence.
    assert typography("Note : « il a dit « oui: demain » » ?", "fr") == (
        f"Note{NBSP}: «{NBSP}il a dit « oui: demain »{NBSP}»{NNBSP}?"
    )
    assert typography("Note : « voir «x: y » ; puis « a? » !", "fr") == (
        f"Note{NBSP}: «{NBSP}voir «x: y{NBSP}»{NNBSP}; puis «{NBSP}a?{NBSP}»{NNBSP}!"
    )
    assert typography("« cloisonné »", "fr") == f"«{NBSP}cloisonné{NBSP}»"

"""`atelier merge A B -o C` copied B's workshop dates into C without checking their year: a
file whose workshop is dated 16/03/2150 (written by another program, or before Atelier refused
such years) gave C that date, which the store refuses on every other path (1900–2099). The
merge is now refused in one sentence naming the file, the workshop and the date, and how to
correct it; nothing written: C absent, or byte-identical when it existed (--force)."""

from __future__ import annotations

import hashlib
import shlex
import sqlite3
from pathlib import Path

from atelier.store import Store

from .conftest import run_cli

NB = "\u00a0"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(folder: Path) -> tuple[Path, Path]:
    first, second = folder / "A.atelier", folder / "B.atelier"
    assert run_cli("new", str(first), "--title", "Atelier de Dax", "--date", "2026-03-16").returncode == 0
    assert run_cli("new", str(second), "--title", "Atelier de Mont", "--date", "2026-03-17").returncode == 0
    with sqlite3.connect(second) as conn:  # as another program wrote it
        conn.execute("UPDATE workshops SET date = '2150-03-17'")
    conn.close()
    return first, second


def test_a_date_of_another_century_is_not_merged_in(tmp_path: Path) -> None:
    first, second = _files(tmp_path)
    before = {p: _digest(p) for p in (first, second)}
    output = tmp_path / "C.atelier"
    done = run_cli("merge", str(first), str(second), "-o", str(output), cwd=tmp_path)
    said = done.stdout + done.stderr
    assert done.returncode != 0, said
    assert "Traceback" not in said
    assert len(said.strip().splitlines()) == 1, said
    assert f"«{NB}B.atelier{NB}»" in said and "Atelier de Mont" in said and "17/03/2150" in said, said
    assert "rien n'a été écrit" in said, said
    assert not output.exists()
    assert {p: _digest(p) for p in (first, second)} == before
    # The command it gives, pasted with a date in place of « JJ/MM/AAAA », corrects B; then
    # the merge is done.
    command = said.split(f"puis fusionnez{NB}: ", 1)[1].strip().replace("JJ/MM/AAAA", "17/03/2026")
    corrected = run_cli(*shlex.split(command)[1:], cwd=tmp_path)
    assert corrected.returncode == 0, corrected.stdout + corrected.stderr
    merged = run_cli("merge", str(first), str(second), "-o", str(output), cwd=tmp_path)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    with Store.open(output, readonly=True) as store:
        assert sorted(w.date for w in store.workshops()) == ["2026-03-16", "2026-03-17"]


def test_refused_over_an_existing_output_leaves_it_byte_identical(tmp_path: Path) -> None:
    first, second = _files(tmp_path)
    output = tmp_path / "C.atelier"
    assert run_cli("new", str(output), "--title", "Ancien", "--date", "2025-01-10").returncode == 0
    was = _digest(output)
    done = run_cli("merge", str(first), str(second), "-o", str(output), "--force", env={"ATELIER_LANG": "en"})
    said = done.stdout + done.stderr
    assert done.returncode != 0, said
    assert "“B.atelier” gives the workshop “Atelier de Mont” the date 17 March 2150" in said, said
    assert "nothing was written" in said, said
    assert _digest(output) == was

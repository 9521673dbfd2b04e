"""What the command line and the window say of a file they cannot (fully) use, before doing
anything: an empty .atelier (a copy interrupted) called what it is, with the backup to take
instead; `match --save` on a file another window holds, refused before any result is
printed as if saved; a file on a full disk opened read-only, and said so. Every file stays
byte-identical (sha256 before and after)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from atelier.store import Store
from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
NBSP, NNBSP = "\u00a0", "\u202f"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _listing(folder: Path) -> dict[str, str]:
    return {p.name: _sha(p) for p in sorted(folder.iterdir()) if p.is_file()}


# ------------------------------------------------------------------ an empty file


def test_an_empty_file_is_called_empty_and_its_backup_is_named(tmp_path: Path, _user_data: Path) -> None:
    """A copy onto a USB key interrupted leaves a 0-byte .atelier: it was « pas un fichier
    Atelier », which sends the facilitator looking for the wrong thing. It is called an empty
    file, with its latest backup (sauvegardes/) to copy in its place when there is one."""
    from atelier.backups import backups_of, make_backup

    folder = tmp_path / "cle"
    folder.mkdir()
    path = folder / "atelier.atelier"
    path.write_bytes(b"")
    before = _listing(folder)
    done = run_cli("info", str(path), env={"ATELIER_DATA_DIR": str(_user_data)})
    assert done.returncode == 1 and done.stdout == ""
    (sentence,) = done.stderr.strip().splitlines()
    assert sentence == (
        f"«{NBSP}{path}{NBSP}» est un fichier vide (0{NBSP}octet), sans doute une copie interrompue"
        f"{NBSP}: aucune sauvegarde de ce fichier n'existe sur cet ordinateur{NNBSP}; ouvrez une autre "
        "copie de l'atelier si vous en avez une (clé USB, courriel). Il n'a pas été modifié."
    ), sentence
    assert _listing(folder) == before

    # The same file had been opened (backed up) before the copy went wrong.
    shutil.copy(EXAMPLE, path)
    with Store.open(path, lock=True) as store:
        backup = make_backup(store)
    assert backup is not None and backups_of(path)[0].path == backup.path
    path.write_bytes(b"")
    before = _listing(folder)
    for lang, words in (
        ("fr", f"est un fichier vide (0{NBSP}octet), sans doute une copie interrompue{NBSP}: sa dernière "
         f"sauvegarde, du {backup.label('fr')}, est «{NBSP}{backup.path}{NBSP}»{NNBSP}; copiez-la à sa "
         "place. Il n'a pas été modifié."),
        ("en", f"is an empty file (0 bytes), probably an interrupted copy: its latest backup, from "
         f"{backup.label('en')}, is “{backup.path}”; copy it in its place. It was left unchanged."),
    ):  # fmt: skip
        for command in (
            ["info", str(path)],
            ["match", str(path), "--lexical"],
            ["open", str(path), "--quit-after-show"],  # as the window is opened: no message box
        ):
            done = run_cli(*command, env={"ATELIER_DATA_DIR": str(_user_data), "ATELIER_LANG": lang})
            assert done.returncode == 1 and done.stdout == "", done.stdout
            (sentence,) = done.stderr.strip().splitlines()
            assert words in sentence, sentence
    assert _listing(folder) == before and path.stat().st_size == 0


# ------------------------------------------------------------ match --save, file held


HOLDER = (
    "import sys, time\nfrom atelier.store import Store\n"
    "s = Store.open(sys.argv[1], lock=True)\n"
    "print('ok', flush=True)\ntime.sleep(120)"
)


def test_match_save_on_a_file_open_in_a_window_is_refused_before_anything_is_printed(tmp_path: Path) -> None:
    """`atelier match --save` printed the suggestions, as if they were being saved, then said
    the file was open in another window: refused first, in one sentence, nothing on stdout."""
    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        before = _sha(path)
        for args in (["--save", "--lexical"], ["--save", "--lexical", "--json"]):
            done = run_cli("match", str(path), *args)
            assert done.returncode == 1, done.stderr
            assert done.stdout == "", done.stdout[:300]
            assert done.stderr.strip() == (
                f"«{NBSP}{path}{NBSP}» est ouvert dans une autre fenêtre d'Atelier{NNBSP}; fermez-la, "
                "puis réessayez."
            )
            assert _sha(path) == before
        # Without --save, it only reads: the suggestions are printed as before.
        read = run_cli("match", str(path), "--lexical")
        assert read.returncode == 0 and "cherche" in read.stdout, read.stderr
    finally:
        holder.kill()
        holder.wait()


def test_match_save_on_a_read_only_file_is_refused_before_anything_is_printed(tmp_path: Path) -> None:
    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    os.chmod(path, 0o444)
    try:
        before = _sha(path)
        done = run_cli("match", str(path), "--save", "--lexical")
        assert done.returncode == 1 and done.stdout == "", done.stdout[:300]
        assert "lecture seule" in done.stderr and len(done.stderr.strip().splitlines()) == 1
        assert _sha(path) == before
    finally:
        os.chmod(path, 0o644)

"""Nothing lost: the four ways a workshop file used to be destroyed or shown short, each
driven through the public command line (a real process) or the real window.

1. an export written onto its own input, or onto any other Atelier file;
2. `--force` onto a file another Atelier window (or program) holds open;
3. a file on read-only media whose last edits are still in SQLite's journal (-wal);
4. a second merge erasing what the first one set aside.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from atelier.store import Store
from tests.conftest import ROOT, example_window, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _digests(folder: Path) -> dict[str, str]:
    """Every file of the folder (links as links); of SQLite's shared-memory index, which
    every reader of a file open elsewhere updates, only whether it is there."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            found[name] = "-> " + os.readlink(path)
        elif path.name.endswith("-shm"):
            found[name] = "present"
        elif path.is_file():
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _one_french_line(result: subprocess.CompletedProcess[str], *pieces: str) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "Traceback" not in line and "Error" not in line, line
    for piece in pieces:
        assert piece in line, line
    return line


# --------------------------------------------------------- 1. export onto its input


def _targets(folder: Path, source: Path) -> dict[str, str]:
    """Ways of naming the input again, or another workshop file, as an export's target."""
    other = folder / "autre-atelier.atelier"
    shutil.copy(EXAMPLE, other)
    disguised = folder / "sauvegarde.json"  # an Atelier file whatever its name says
    shutil.copy(EXAMPLE, disguised)
    (folder / "lien.atelier").symlink_to(source.name)
    os.link(source, folder / "lien-dur.xlsx")
    (folder / "sous").mkdir()
    return {
        "the same path": str(source),
        "a relative spelling": os.path.relpath(source, Path.cwd()),
        "through a sub-folder": str(folder / "sous" / ".." / source.name),
        "a symbolic link to it": str(folder / "lien.atelier"),
        "a hard link to it": str(folder / "lien-dur.xlsx"),
        "another workshop file": str(other),
        "a workshop file named .json": str(disguised),
        "its journal": str(folder / (source.name + "-wal")),
    }


@pytest.mark.parametrize("fmt", ["--json", "--xlsx", "--docx"])
def test_an_export_never_replaces_its_input_nor_any_workshop_file(fmt: str, tmp_path: Path) -> None:
    source = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, source)
    targets = _targets(tmp_path, source)
    # With a window holding the input open, its journal exists and must not be replaced.
    holder = _hold_open(source)
    try:
        before = _digests(tmp_path)
        names = (
            targets
            if fmt == "--json"
            else {
                k: targets[k]
                for k in ("the same path", "a symbolic link to it", "a workshop file named .json")
            }
        )
        for label, target in names.items():
            result = run_cli("export", str(source), fmt, target)
            line = _one_french_line(result, "choisissez un autre nom")
            assert _digests(tmp_path) == before, f"{label}: {line}"
    finally:
        _release(holder)
    with Store.open(source, readonly=True) as store:
        assert store.integrity_check() == "ok" and store.summary().participants == 22


def test_an_export_to_a_new_file_beside_the_input_still_works(tmp_path: Path) -> None:
    source = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, source)
    result = run_cli("export", str(source), "--json", str(tmp_path / "atelier.json"))
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "atelier.json").read_text(encoding="utf-8"))["workshops"]


@pytest.mark.parametrize("fmt", ["--json", "--xlsx", "--docx", "--fiches"])
def test_an_export_named_atelier_that_is_not_there_is_not_called_a_workshop_file(
    fmt: str, tmp_path: Path
) -> None:
    """`export F --xlsx nouveau.atelier`, no such file: the refusal said « « nouveau.atelier »
    est un fichier d'atelier : un export ne le remplace jamais », of a file that does not
    exist. It now says what is true: the name ends in .atelier, the workshop files' extension."""
    source = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, source)
    before = _digests(tmp_path)
    for lang, said in (
        ("fr", "«\u00a0nouveau.atelier\u00a0» se termine par .atelier, l'extension des fichiers d'atelier"),
        ("en", "“nouveau.atelier” ends in .atelier, the extension of workshop files"),
    ):
        result = run_cli(
            "export", str(source), fmt, "nouveau.atelier", cwd=tmp_path, env={"ATELIER_LANG": lang}
        )
        assert result.returncode == 1, result.stdout
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith(said), line
        assert "est un fichier d'atelier" not in line and "is a workshop file" not in line, line
        assert _digests(tmp_path) == before
    # A workshop file that is there is still said to be one.
    other = tmp_path / "autre.atelier"
    shutil.copy(EXAMPLE, other)
    result = run_cli("export", str(source), fmt, str(other), "--force")
    _one_french_line(result, "est un fichier d'atelier")


TEMPLATE = ROOT / "atelier" / "resources" / "templates" / "compte-rendu.docx"
GRID_DOCX = ROOT / "examples" / "grille-atelier-2021-03-16.docx"
GRID_TXT = ROOT / "examples" / "grille-atelier-2021-03-16.txt"


@pytest.mark.parametrize("how", ["the same path", "a symbolic link", "a hard link"])
@pytest.mark.parametrize("fmt", ["--docx", "--fiches"])
def test_an_export_never_writes_onto_the_template_it_reads(fmt: str, how: str, tmp_path: Path) -> None:
    """Not even with --force: the template is one of the export's inputs."""
    template = tmp_path / "modele.docx"
    shutil.copy(TEMPLATE, template)
    target = {
        "the same path": template,
        "a symbolic link": tmp_path / "lien.docx",
        "a hard link": tmp_path / "lien-dur.docx",
    }[how]
    if how == "a symbolic link":
        target.symlink_to(template.name)
    elif how == "a hard link":
        os.link(template, target)
    before = _digests(tmp_path)
    for force in ([], ["--force"]):
        result = run_cli("export", str(EXAMPLE), fmt, str(target), "--template", str(template), *force)
        _one_french_line(result, "modèle Word que cet export lit", "rien n'a été écrit")
        assert _digests(tmp_path) == before


@pytest.mark.parametrize(
    "fmt, grid",
    [("--json", GRID_TXT), ("--docx", GRID_DOCX), ("--xlsx", GRID_DOCX), ("--fiches", GRID_DOCX)],
)
def test_an_export_replaces_an_existing_file_only_with_force(fmt: str, grid: Path, tmp_path: Path) -> None:
    """The facilitator's original grid, named by mistake as the export's target: kept, with
    one French sentence, unless --force says to replace it. (Its bytes under the export's
    own extension: a name ending in another format's is refused even with --force.)"""
    target = tmp_path / (grid.stem + (".xlsx" if fmt == "--xlsx" else grid.suffix))
    shutil.copy(grid, target)
    before = _digests(tmp_path)
    result = run_cli("export", str(EXAMPLE), fmt, str(target))
    _one_french_line(result, "existe déjà", "--force")
    assert _digests(tmp_path) == before
    result = run_cli("export", str(EXAMPLE), fmt, str(target), "--force")
    assert result.returncode == 0, result.stderr
    assert target.read_bytes() != grid.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # nothing else left


def test_the_window_s_export_asks_before_replacing_a_file(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = example_window(qtbot, tmp_path)
    try:
        out = tmp_path / "exports"
        out.mkdir()
        dialog = window.export_office(show=False)
        dialog.folder.setText(str(out))
        dialog.excel.setChecked(False)
        existing = out / f"{dialog.name.text()}.docx"
        shutil.copy(GRID_DOCX, existing)
        asked: list[str] = []
        answer = [QMessageBox.StandardButton.No]

        def question(_parent, title, text, *_args):
            asked.append(f"{title} {text}")
            return answer[0]

        monkeypatch.setattr(QMessageBox, "question", question)
        dialog.start()  # « Remplacer ? » — Non: nothing written
        assert not dialog.running and "Rien n'a été écrit" in dialog.message.text()
        assert len(asked) == 1 and "Remplacer" in asked[0] and existing.name in asked[0]
        assert existing.read_bytes() == GRID_DOCX.read_bytes()
        answer[0] = QMessageBox.StandardButton.Yes
        dialog.start()  # « Remplacer ? » — Oui
        qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
        assert dialog.error is None and len(asked) == 2, (dialog.error, asked)
        assert existing.read_bytes() != GRID_DOCX.read_bytes()
        # A template the export reads is never its target, even when the user says replace.
        dialog.template.setText(str(existing))
        before = existing.read_bytes()
        dialog.start()
        qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
        assert "modèle Word que cet export lit" in (dialog.error or "")
        assert existing.read_bytes() == before
        dialog.close()
    finally:
        window.close()


# ------------------------------------------------- 2. --force onto an open file


HOLDER = """
import sys, time
from atelier.store import Store
store = Store.open(sys.argv[1], lock=sys.argv[2] == "atelier")
workshop = store.workshops()[0]
store.update_workshop(workshop.id, place="Saisi dans l'autre fenêtre")  # left in the -wal
print("ok", flush=True)
for line in sys.stdin:  # each line: one more edit, then its answer
    store.update_workshop(workshop.id, place=line.strip())
    print(store.integrity_check(), flush=True)
"""

SQLITE_HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("UPDATE workshops SET place = 'Saisi dans un autre programme'")
print("ok", flush=True)
sys.stdin.readline()
"""


def _hold_open(path: Path, how: str = "atelier") -> subprocess.Popen[str]:
    code = SQLITE_HOLDER if how == "sqlite" else HOLDER
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(path), how],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
    return holder


def _release(holder: subprocess.Popen[str]) -> None:
    holder.kill()
    holder.wait()


@pytest.mark.parametrize("how", ["atelier", "sqlite"])
def test_force_never_replaces_a_file_another_window_or_program_holds_open(how: str, tmp_path: Path) -> None:
    target = tmp_path / "ouvert.atelier"
    shutil.copy(EXAMPLE, target)
    other = tmp_path / "autre.atelier"
    shutil.copy(EXAMPLE, other)
    grid = tmp_path / "grille.csv"
    grid.write_text("Participant;Besoins\nZoé Martin;un besoin\n", encoding="utf-8")
    holder = _hold_open(target, how)
    expected = "autre fenêtre" if how == "atelier" else "autre programme"
    try:
        assert target.with_name(target.name + "-wal").stat().st_size > 0
        before = _digests(tmp_path)
        for command in (
            ["import", str(grid), "-o", str(target), "--force"],
            ["new", str(target), "--title", "Écrasé", "--force"],
            ["merge", str(other), str(EXAMPLE), "-o", str(target), "--force"],
        ):
            _one_french_line(run_cli(*command), expected)
            assert _digests(tmp_path) == before, command
        if how == "atelier":
            assert holder.stdin is not None and holder.stdout is not None
            holder.stdin.write("Encore une saisie\n")
            holder.stdin.flush()
            assert holder.stdout.readline().strip() == "ok"  # the window's file is sound
    finally:
        _release(holder)
    with Store.open(target, readonly=True) as store:
        assert store.integrity_check() == "ok"
        place = store.workshops()[0].place
    assert place in ("Encore une saisie", "Saisi dans un autre programme")


def test_force_replaces_a_file_nobody_holds_and_its_stale_journal_goes_with_it(tmp_path: Path) -> None:
    target = tmp_path / "ancien.atelier"
    shutil.copy(EXAMPLE, target)
    _kill_after_an_edit(target, "Titre de l'ancien fichier")  # its -wal stays beside it
    assert target.with_name(target.name + "-wal").exists()
    result = run_cli("new", str(target), "--title", "Nouveau départ", "--force")
    assert result.returncode == 0, result.stderr
    assert not target.with_name(target.name + "-wal").exists()
    info = run_cli("info", str(target))
    assert "Nouveau départ" in info.stdout and "Participants\u00a0: 0" in info.stdout


@pytest.mark.skipif(os.name == "nt", reason="POSIX locks")
def test_reading_the_header_of_a_file_this_process_has_open_keeps_its_journal(tmp_path: Path) -> None:
    """The window has its file open; an export or a match across workshops reads the file's
    header again. Closing that read must not drop the window's SQLite locks: else the next
    program to open and close the file takes itself for the last one and deletes the journal
    every later edit goes to (shown as saved, lost if the laptop dies)."""
    from atelier.store.files import is_atelier_file

    path = tmp_path / "ouvert.atelier"
    shutil.copy(EXAMPLE, path)
    with Store.open(path, lock=True) as store:
        workshop = store.workshops()[0].id
        store.update_workshop(workshop, title="Saisi avant la lecture")
        assert is_atelier_file(path)  # the header read by this process, then closed
        other = subprocess.run(  # another program, which may write, opens and closes the file
            [
                sys.executable,
                "-c",
                "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\n"
                "c.execute('SELECT count(*) FROM participants').fetchall()\nc.close()",
                str(path),
            ],
            capture_output=True,
            text=True,
        )
        assert other.returncode == 0, other.stderr
        store.update_workshop(workshop, title="Saisi après la lecture")
        assert path.with_name(path.name + "-wal").exists()
        seen = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sqlite3, sys\nc = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', "
                "uri=True)\nprint(c.execute('SELECT title FROM workshops').fetchone()[0])",
                str(path),
            ],
            capture_output=True,
            text=True,
        )
        assert seen.stdout.strip() == "Saisi après la lecture", seen.stderr


def test_the_window_s_new_workshop_never_replaces_an_open_file(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window = example_window(qtbot, tmp_path)
    elsewhere = tmp_path / "ouvert-ailleurs.atelier"
    shutil.copy(EXAMPLE, elsewhere)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    holder = _hold_open(elsewhere)
    try:
        before = _digests(tmp_path)
        for chosen in (elsewhere, window.store.path):
            monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, c=chosen, **_k: (str(c), ""))
            window.new_file()
            assert _digests(tmp_path) == before
    finally:
        _release(holder)
    assert "autre fenêtre" in said[0] and "celui qui est ouvert" in said[1]
    assert window.store.path.name == "exemple.atelier" and window.model is not None
    assert window.model.rowCount() == 22


# ------------------------------------- 3. read-only media with edits in the journal


def _kill_after_an_edit(path: Path, title: str) -> None:
    """A window writing the file is killed: its last edit is only in the -wal."""
    code = (
        "import os, signal, sys\nfrom atelier.store import Store\n"
        "store = Store.open(sys.argv[1], lock=True)\nworkshop = store.workshops()[0]\n"
        "store.update_workshop(workshop.id, title=sys.argv[2])\n"
        "participant = store.participants(workshop.id)[0]\n"
        "store.update_participant(participant.id, territory='Territoire saisi en dernier')\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path), title], cwd=ROOT)
    assert done.returncode == -signal.SIGKILL
    assert path.with_name(path.name + "-wal").stat().st_size > 0


def _stick_left_by_a_killed_window(tmp_path: Path, *, keep_shm: bool = False) -> tuple[Path, Path]:
    """A USB stick made read-only after a window writing its file was killed: the last edits
    are only in the journal beside it (without its -shm when only the file and its journal
    were copied onto the stick, not the index)."""
    stick = tmp_path / "cle-usb"
    stick.mkdir()
    path = stick / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    _kill_after_an_edit(path, "Titre saisi juste avant l'arrêt")
    if not keep_shm:
        path.with_name(path.name + "-shm").unlink()
    _read_only(stick)
    return stick, path


def _read_only(folder: Path) -> None:
    for path in folder.iterdir():
        path.chmod(0o444)
    folder.chmod(0o555)


def _mount_read_only_works() -> bool:
    if not shutil.which("unshare") or not shutil.which("mount"):
        return False
    probe = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", "mount -t tmpfs none /mnt"],
        capture_output=True,
    )
    return probe.returncode == 0


READ_ONLY_MOUNT = _mount_read_only_works()


def _run_on_read_only_media(stick: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the command line with `stick` mounted read-only, as a USB stick would be (a
    private mount namespace, so nothing outside the test sees it); chmod where mounting
    is not allowed (an administrator then bypasses file modes, Atelier does not)."""
    if not READ_ONLY_MOUNT:
        return run_cli(*args)
    command = " ".join(
        [
            f"mount --bind '{stick}' '{stick}' && mount -o remount,ro,bind '{stick}' &&",
            f"exec '{sys.executable}' -m atelier \"$@\"",
        ]
    )
    return subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", command, "sh", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "ATELIER_LANG": "fr"},
    )


@pytest.mark.parametrize("shm", ["with its -shm", "without its -shm"])
def test_read_only_media_shows_every_edit_still_in_the_journal(shm: str, tmp_path: Path) -> None:
    stick, path = _stick_left_by_a_killed_window(tmp_path, keep_shm=shm == "with its -shm")
    try:
        before = _digests(stick)
        info = _run_on_read_only_media(stick, "info", str(path))
        assert info.returncode == 0, info.stderr
        assert "Titre saisi juste avant l'arrêt" in info.stdout
        exported = _run_on_read_only_media(stick, "export", str(path), "--json", "-")
        assert exported.returncode == 0, exported.stderr
        (workshop,) = json.loads(exported.stdout)["workshops"]
        assert workshop["title"] == "Titre saisi juste avant l'arrêt"
        assert "Territoire saisi en dernier" in exported.stdout
        assert _digests(stick) == before  # nothing written there, nothing left beside it
    finally:
        stick.chmod(0o755)


def test_reading_a_file_left_with_its_journal_changes_nothing_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    _kill_after_an_edit(path, "Titre dans le journal")
    before = _digests(tmp_path)
    for command in (
        ["info", str(path)],
        ["export", str(path), "--json", "-"],
        ["match", str(path), "--lexical"],
    ):
        result = run_cli(*command)
        assert result.returncode == 0, result.stderr
        assert _digests(tmp_path) == before, command
    assert "Titre dans le journal" in run_cli("info", str(path)).stdout


def test_the_window_on_read_only_media_shows_the_journal_s_edits(qtbot, tmp_path: Path) -> None:
    from atelier.ui.main_window import MainWindow

    stick, path = _stick_left_by_a_killed_window(tmp_path)
    try:
        before = _digests(stick)
        window = MainWindow(Store.open(path, lock=True))
        qtbot.addWidget(window)
        window.show()
        assert window.store.readonly
        assert "Titre saisi juste avant l'arrêt" in window.windowTitle()
        territories = {
            window.store.participant(window.model.participant_at(r).id).territory for r in range(22)
        }
        assert "Territoire saisi en dernier" in territories
        window.close()
        assert _digests(stick) == before
    finally:
        stick.chmod(0o755)


def test_a_read_only_file_opened_in_the_window_leaves_nothing_beside_it(qtbot, tmp_path: Path) -> None:
    """A read-only .atelier in a folder one can write to: the window reads it (its matching and
    its export read it again on a worker) and, once closed, nothing lies beside it: no -wal,
    no -shm that the next person to copy the folder would take along."""
    from atelier.ui.main_window import MainWindow

    folder = tmp_path / "partage"
    folder.mkdir()
    path = folder / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    path.chmod(0o444)
    before = _digests(folder)
    window = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.store.readonly
    window.matching.run_all()
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=60_000)
    window.close()
    assert sorted(p.name for p in folder.iterdir()) == ["atelier.atelier"]
    assert _digests(folder) == before


def test_the_export_of_a_file_on_read_only_media_holds_the_journal_s_edits(qtbot, tmp_path: Path) -> None:
    """On a read-only USB stick, the edits still in the journal beside the file are shown in
    the window; the Word minutes written from that window hold them too."""
    import docx
    from PySide6.QtCore import Qt

    from atelier.ui.main_window import MainWindow

    stick, path = _stick_left_by_a_killed_window(tmp_path)
    out = tmp_path / "exports"
    out.mkdir()
    try:
        before = _digests(stick)
        window = MainWindow(Store.open(path, lock=True))
        qtbot.addWidget(window)
        window.show()
        assert window.store.readonly
        dialog = window.export_office(show=False)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.folder.setText(str(out))
        dialog.excel.setChecked(False)
        qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
        assert dialog.error is None, dialog.error
        (minutes,) = out.glob("*.docx")
        document = docx.Document(str(minutes))
        text = "\n".join(p.text for p in document.paragraphs)
        text += "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
        assert "Territoire saisi en dernier" in text
        dialog.close()
        window.close()
        assert _digests(stick) == before
    finally:
        stick.chmod(0o755)


# ------------------------------------------------------------ 4. merge history


def _capture(folder: Path, name: str, territory: str) -> Path:
    path = folder / name
    shutil.copy(EXAMPLE, path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        first = store.participants(workshop_id)[0]
        store.update_participant(first.id, territory=territory)
    time.sleep(0.01)
    return path


def test_every_merge_keeps_what_it_set_aside_and_earlier_merges_stay(tmp_path: Path) -> None:
    a = _capture(tmp_path, "a.atelier", "Saisie A")
    b = _capture(tmp_path, "b.atelier", "Saisie B")
    c = _capture(tmp_path, "c.atelier", "Saisie C")
    d = _capture(tmp_path, "d.atelier", "Saisie D")
    ab, cd = tmp_path / "ab.atelier", tmp_path / "cd.atelier"
    assert run_cli("merge", str(a), str(b), "-o", str(ab)).returncode == 0
    assert run_cli("merge", str(c), str(d), "-o", str(cd)).returncode == 0
    # The second merge takes in a file that was itself merged: both histories are kept.
    final = tmp_path / "tout.atelier"
    result = run_cli("merge", str(ab), str(cd), "-o", str(final))
    assert result.returncode == 0, result.stderr
    with Store.open(final, readonly=True) as store:
        history = store.merge_history()
    assert [r.files for r in history] == [
        ["a.atelier", "b.atelier"],
        ["c.atelier", "d.atelier"],
        ["ab.atelier", "cd.atelier"],
    ]
    set_aside = {d.set_aside for r in history for d in r.differences}
    assert {"Saisie A", "Saisie C", "Saisie B"} <= set_aside  # D is kept: the newest edit


def test_the_window_shows_the_merge_history(qtbot, tmp_path: Path) -> None:
    window = example_window(qtbot, tmp_path)
    workshop_id = window.model.workshop_id
    first_id = window.store.participants(workshop_id)[0].id
    window.store.update_participant(first_id, territory="Saisie de cette fenêtre")
    time.sleep(0.01)
    for name, territory in (("table-2.atelier", "Saisie table 2"), ("table-3.atelier", "Saisie table 3")):
        other = _capture(tmp_path, name, territory)
        assert window.merge_file(other, report=False, confirm=False) is not None
    dialog = window.show_merge_history(show=False)
    text = dialog.text.toPlainText()
    assert text.count("Fusion du") == 2
    assert "Saisie de cette fenêtre" in text and "Saisie table 2" in text
    assert window.store.participant(first_id).territory == "Saisie table 3"


def test_a_merge_written_by_an_earlier_version_stays_in_the_history(tmp_path: Path) -> None:
    a = _capture(tmp_path, "a.atelier", "Saisie A")
    b = _capture(tmp_path, "b.atelier", "Saisie B")
    # About an entry the files still have: format 9 keeps no line on an entry deleted since.
    with Store.open(b, readonly=True) as store:
        person = store.participants(store.workshops()[0].id)[0].id
    old = {
        "when": "2025-01-02T10:00:00.000Z",
        "files": ["x.atelier", "y.atelier"],
        "added": {},
        "shared": {},
        "conflicts": 1,
        "differences": [
            {
                "table": "participants",
                "row_id": person,
                "what": "Participant « X »",
                "field": "territoire",
                "kept": "gardé",
                "kept_from": "y.atelier",
                "kept_when": "",
                "set_aside": "Écarté autrefois",
                "set_aside_from": "x.atelier",
                "set_aside_when": "",
                "conflict": True,
            }
        ],
    }
    conn = sqlite3.connect(b)
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('last_merge', ?)", (json.dumps(old, ensure_ascii=False),)
    )
    conn.commit()
    conn.close()
    out = tmp_path / "ab.atelier"
    assert run_cli("merge", str(a), str(b), "-o", str(out)).returncode == 0
    with Store.open(out, readonly=True) as store:
        history = store.merge_history()
    assert [r.files for r in history] == [["x.atelier", "y.atelier"], ["a.atelier", "b.atelier"]]
    assert history[0].differences[0].set_aside == "Écarté autrefois"


# ------------------------------------------------- 5. the window stopped by a signal


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
@pytest.mark.parametrize("after", [2.0, 0.0], ids=["shown", "starting"])
def test_a_signal_closes_the_window_as_the_user_would(signum: int, after: float, tmp_path: Path) -> None:
    """A session logging out or `kill` sends SIGTERM to `atelier open`: the window closes as
    when the user closes it (the file checkpointed and unlocked, nothing left beside it),
    no traceback, and the file opens again with its content. Also when the signal comes as
    the window is being built (« starting »): Ctrl+C then was a KeyboardInterrupt raised
    inside Qt, which swallowed it, and the window stayed open, deaf to any further Ctrl+C."""
    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    lock = tmp_path / ".~lock.atelier.atelier"
    window = subprocess.Popen(
        [sys.executable, "-m", "atelier", "open", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        deadline = time.monotonic() + 60
        while not lock.exists() and window.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert lock.exists() and window.poll() is None, window.communicate()
        time.sleep(after)  # the window shows (well under a second; the file is open from the start)
        window.send_signal(signum)
        _out, err = window.communicate(timeout=60)
    finally:
        if window.poll() is None:
            window.kill()
    assert window.returncode in (0, 128 + signum), err
    assert "Traceback" not in err and "Error" not in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atelier.atelier"]  # no lock, journal, temporary
    info = run_cli("info", str(path))
    assert info.returncode == 0, info.stderr
    said = " ".join(info.stdout.replace("\xa0", " ").replace("\u202f", " ").split())
    assert "Atelier du 16 mars 2021" in said and "Participants : 24 (22 lignes de la grille)" in said, said
    with Store.open(path, lock=True) as again:  # not locked by anyone any more
        assert len(again.participants(again.workshops()[0].id)) == 22


# ------------------------------------------------------------- older formats


def test_info_says_the_format_on_disk_and_match_save_upgrades_only_when_it_writes(tmp_path: Path) -> None:
    old = tmp_path / "ancien.atelier"
    shutil.copy(ROOT / "tests" / "fixtures" / "format-v2.atelier", old)
    before = _digests(tmp_path)
    info = run_cli("info", str(old))
    assert info.returncode == 0 and "(format 2 ;" in info.stdout.replace("\u202f", " ")
    # Its one match is confirmed: nothing to suggest, nothing written, the format kept.
    same = run_cli("match", str(old), "--save", "--lexical")
    assert same.returncode == 0 and "n'a pas été modifié" in same.stderr
    assert _digests(tmp_path) == before
    # Without it, a suggestion is saved: the file is written, at today's format, and said.
    conn = sqlite3.connect(old)
    conn.execute("DELETE FROM matches")
    conn.execute("UPDATE items SET text = 'un répertoire des initiatives locales' WHERE kind = 'offer'")
    conn.commit()
    conn.close()
    saved = run_cli("match", str(old), "--save", "--lexical")
    assert saved.returncode == 0, saved.stderr
    assert "Suggestions enregistrées" in saved.stderr and "du format 2 au format" in saved.stderr
    assert "(format 2" not in run_cli("info", str(old)).stdout


# ------------------------------------------- the window's file checked while Qt starts


def _with_bad_json(folder: Path) -> Path:
    """The example whose tables are all there but one value is not JSON: only the check of
    the values (the part the window runs in a thread) can tell."""
    path = folder / "valeur.atelier"
    shutil.copy(EXAMPLE, path)
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE participants SET names = '[\"Lucie' WHERE rowid = (SELECT min(rowid) FROM participants)"
    )
    conn.commit()
    conn.close()
    return path


def test_a_file_checked_in_the_background_is_written_only_once_the_check_passes(tmp_path: Path) -> None:
    from atelier.errors import CorruptFile

    path = _with_bad_json(tmp_path)
    before = _digests(tmp_path)
    store = Store.open(path, lock=True, check_later=True)
    assert store.pending_check is not None  # opened at once; the rest of the check runs on
    workshop = store.workshops()[0].id
    for _attempt in range(2):  # refused at the first write, and at every one after it
        with pytest.raises(CorruptFile) as refused:
            store.update_workshop(workshop, place="Salle du conseil")
        assert "valeur illisible" in refused.value.user_message()
    store.close()
    assert _digests(tmp_path) == before  # byte-identical, no -wal or -shm left beside it
    from atelier.store.lock import WriterLock

    lock = WriterLock(path)
    assert lock.acquire()  # the refused store let its lock go
    lock.release()


def test_a_sound_file_checked_in_the_background_takes_its_first_edit(tmp_path: Path) -> None:
    path = tmp_path / "sain.atelier"
    shutil.copy(EXAMPLE, path)
    store = Store.open(path, lock=True, check_later=True)
    workshop = store.workshops()[0].id
    store.update_workshop(workshop, place="Salle du conseil")  # waits for the check, then writes
    assert store.pending_check is None
    store.close()
    with Store.open(path, readonly=True) as again:
        assert again.workshops()[0].place == "Salle du conseil"


_CTRL_C_AFTER_COMMIT = """
import contextlib, os, signal, sys
from atelier.store import base

written = base.StoreBase._write

@contextlib.contextmanager
def _write(self):
    with written(self) as db:
        yield db
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C the instant the change is in the file

base.StoreBase._write = _write
from atelier.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_ctrl_c_once_the_change_is_written_does_not_say_interrupted(tmp_path: Path) -> None:
    """Ctrl+C a moment too late, as a 3 000-row grid was being added: « Interrompu. », exit
    130, nothing else — yet the workshop was in the file, and running the command again
    would have added it twice. A write that began ends, and the command says what it did."""
    path = tmp_path / "reseau.atelier"
    shutil.copy(EXAMPLE, path)
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Zoé Martin / Mission locale Bazas;Navette Bazas - Langon;Mobilité des jeunes;"
        "Financer le permis;Accompagnement des jeunes\n",
        encoding="utf-8",
    )
    added = subprocess.run(
        [
            sys.executable,
            "-c",
            _CTRL_C_AFTER_COMMIT,
            "import",
            str(grid),
            "--into",
            str(path),
            "--new-workshop",
            "--title",
            "Atelier 2022",
            "--date",
            "2022-03-15",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "ATELIER_LANG": "fr"},
        timeout=120,
    )
    with Store.open(path, readonly=True) as store:
        assert [w.title for w in store.workshops()][-1] == "Atelier 2022"
    assert "Interrompu" not in added.stderr, added.stderr
    assert added.returncode == 0, added.stderr
    assert "Atelier «\u00a0Atelier 2022\u00a0» (15 mars 2022) ajouté à" in added.stdout


_CTRL_C_AFTER_RENAME = """
import os, signal, sys
from atelier.store import files

replace = files.os.replace

class _Os:
    def __getattr__(self, name):
        return getattr(os, name)

    @staticmethod
    def replace(source, target):
        replace(source, target)
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C the instant the export is in place

files.os = _Os()
from atelier.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_ctrl_c_as_a_new_file_is_still_being_written_leaves_nothing_and_once_in_place_says_done(
    tmp_path: Path,
) -> None:
    """A merge writes its result in a temporary: a Ctrl+C while it is written (after one of
    its transactions) still stops it and leaves no result; a Ctrl+C once an export replaced
    the old one lets the command say « Exporté », not « Interrompu » over a replaced file."""
    second = tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, second)
    merged = tmp_path / "c.atelier"
    stopped = subprocess.run(
        [sys.executable, "-c", _CTRL_C_AFTER_COMMIT, "merge", str(EXAMPLE), str(second), "-o", str(merged)],
        capture_output=True,
        text=True,
        env={**os.environ, "ATELIER_LANG": "fr"},
        timeout=120,
    )
    assert stopped.returncode == 130 and "Interrompu" in stopped.stderr, stopped.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.atelier"]
    minutes = tmp_path / "cr.json"
    minutes.write_text("{}", encoding="utf-8")
    exported = subprocess.run(
        [
            sys.executable,
            "-c",
            _CTRL_C_AFTER_RENAME,
            "export",
            str(EXAMPLE),
            "--json",
            str(minutes),
            "--force",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "ATELIER_LANG": "fr"},
        timeout=120,
    )
    assert exported.returncode == 0 and "Interrompu" not in exported.stderr, exported.stderr
    assert "Exporté" in exported.stdout and json.loads(minutes.read_text(encoding="utf-8"))["workshops"]


def test_ctrl_c_while_the_store_is_still_being_imported_stops_the_command(monkeypatch) -> None:
    """Ctrl+C as `atelier match --save` started, while Python was importing the store:
    « Erreur inattendue : AttributeError: partially initialized module 'atelier.store.files' »
    instead of « Interrompu. »."""
    import types

    from atelier import cli

    monkeypatch.setitem(sys.modules, "atelier.store.files", types.ModuleType("atelier.store.files"))
    with pytest.raises(KeyboardInterrupt):
        cli._interrupted(signal.SIGINT, None)


_CTRL_C_AS_IT_EXITS = """
import os, signal, sys, time
from atelier.cli import main

code = main()  # the command's words from sys.argv, as the `atelier` command runs
os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C as the process exits, its work done and said
time.sleep(0.2)
sys.exit(code)
"""


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_ctrl_c_as_the_command_exits_keeps_its_exit_status(tmp_path: Path) -> None:
    """« Atelier « Big » ajouté » was printed, then a Ctrl+C as Python shut down made the exit
    status say the command was stopped (-2): a script would run it again, adding the
    workshop twice. Once a command has said what it did, its exit status is what it said
    (here `info`, whose Ctrl+C handler would otherwise still stop it)."""
    done = subprocess.run(
        [sys.executable, "-c", _CTRL_C_AS_IT_EXITS, "info", str(EXAMPLE)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, (done.returncode, done.stderr)
    assert "Participants" in done.stdout and not done.stderr

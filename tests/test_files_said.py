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

import pytest

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
        backup = make_backup(store, "open")
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


def test_a_damaged_file_names_its_latest_backup(tmp_path: Path, _user_data: Path) -> None:
    """A copy cut short (a USB key pulled out half-way) of a file opened three times on this
    computer: « est endommagé (fichier tronqué) ; il n'a pas été modifié », and nothing more,
    while its backups lay in sauvegardes/; the empty file got its backup named, the damaged
    one (worse for the facilitator) did not. It is named, to copy in its place, in the
    command line and where the window would open it."""
    from atelier.backups import make_backup

    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    with Store.open(path, lock=True) as store:
        backup = make_backup(store, "open")
    assert backup is not None
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    before = _listing(tmp_path)
    for lang, words in (
        ("fr", f"est endommagé (fichier tronqué){NNBSP}; il n'a pas été modifié. Sa dernière sauvegarde, du "
         f"{backup.label('fr')}, est «{NBSP}{backup.path}{NBSP}»{NBSP}: copiez-la à sa place."),
        ("en", f"is damaged (truncated file); it was left unchanged. Its latest backup, from "
         f"{backup.label('en')}, is “{backup.path}”: copy it in its place."),
    ):  # fmt: skip
        for command in (["info", str(path)], ["open", str(path), "--quit-after-show"]):
            done = run_cli(*command, env={"ATELIER_DATA_DIR": str(_user_data), "ATELIER_LANG": lang})
            assert done.returncode == 1 and done.stdout == "", done.stdout
            (sentence,) = done.stderr.strip().splitlines()
            assert words in sentence, sentence
    assert _listing(tmp_path) == before


# ------------------------------------------------------------ match --save, file held


HOLDER = (
    "import sys, time\nfrom atelier.store import Store\n"
    "s = Store.open(sys.argv[1], lock=True)\n"
    "print('ok', flush=True)\ntime.sleep(120)"
)


COMMAND_HOLDER = (  # what `atelier match --save`, `import --into`, `ateliers --add` hold while they write
    "import sys, time\nfrom atelier.store import Store\n"
    "s = Store.open_to_write(sys.argv[1])\n"
    "print('ok', flush=True)\ntime.sleep(120)"
)


def test_a_file_a_command_is_writing_is_not_said_open_in_a_window(tmp_path: Path) -> None:
    """While a command wrote a file (a long `atelier match --save`, an import into it), every
    other writer was told « est ouvert dans une autre fenêtre d'Atelier ; fermez-la » with no
    window open anywhere. The command is named as what holds it; a window still is."""
    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    holder = subprocess.Popen(
        [sys.executable, "-c", COMMAND_HOLDER, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        before = _sha(path)
        for args in (
            ["match", str(path), "--save", "--lexical"],
            ["ateliers", str(path), "--add", "--title", "Atelier de Pau"],
            ["import", str(ROOT / "examples" / "grille-atelier-2021-03-16.docx"), "--into", str(path)],
        ):
            done = run_cli(*args)
            assert done.returncode == 1, done.stderr
            assert done.stderr.strip() == (
                f"«{NBSP}{path}{NBSP}» est en cours d'écriture par une autre commande d'Atelier{NNBSP}; "
                "réessayez quand elle aura fini."
            ), args
            assert _sha(path) == before
        english = run_cli("match", str(path), "--save", "--lexical", env={"ATELIER_LANG": "en"})
        assert english.stderr.strip() == (
            f"“{path}” is being written by another Atelier command; try again once it has finished."
        )
    finally:
        holder.kill()
        holder.wait()


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


# ------------------------------------------------------------------ a full disk


def _tmpfs_allowed() -> bool:
    from tests.test_bad_inputs import _tmpfs_allowed as allowed

    return allowed()


# A USB key found full when the facilitator arrives: a real small tmpfs in a private mount
# namespace (as in tests/test_bad_inputs.py), filled but for 8 KB, the workshop file on it.
FULL_KEY = """
set -u
mount -t tmpfs -o size=2m none "$DISK"
cp "$EXAMPLE" "$DISK/atelier.atelier"
free=$(df -k "$DISK" | awk 'NR==2 {print $4}')
dd if=/dev/zero of="$DISK/plein" bs=1k count=$(( free - 8 )) 2>/dev/null
sha256sum "$DISK"/atelier.atelier > "$OUT/before"
ls -A "$DISK" > "$OUT/files-before"
run() {
  name=$1; shift
  "$PYTHON" -m atelier "$@" > "$OUT/$name.out" 2> "$OUT/$name.err"; echo "$?" > "$OUT/$name.code"
}
run info info "$DISK/atelier.atelier"
run match match "$DISK/atelier.atelier" --lexical
run export export "$DISK/atelier.atelier" --json "$ELSEWHERE/atelier.json"
run save match "$DISK/atelier.atelier" --lexical --save
run open open "$DISK/atelier.atelier" --quit-after-show
"$PYTHON" -c "$WINDOW" "$DISK/atelier.atelier" > "$OUT/window.out" 2> "$OUT/window.err"
sha256sum "$DISK"/atelier.atelier > "$OUT/after"
ls -A "$DISK" > "$OUT/files-after"
"""

WINDOW = """
import sys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
from atelier.store import Store
from atelier.ui.app import application
from atelier.ui.main_window import MainWindow

app = application()
store = Store.open(sys.argv[1], lock=True, check_later=True)  # as `atelier FILE` opens it
store.checked()
window = MainWindow(store)
window.show()
QTest.qWaitForWindowExposed(window)
print(store.readonly, store.disk_full)
print(window.readonly_banner.isVisible())
print(window.readonly_banner.text().replace("\\n", " "))
print(window.windowTitle())
window.header.place.setFocus()
QTest.keyClicks(window.header.place, "Cognac")  # typing: nothing is written, nothing breaks
QTest.keyClick(window.header.place, Qt.Key.Key_Tab)
QApplication.processEvents()
print(window.header.place.text())
window.close()
"""


def test_a_file_on_a_full_disk_is_read_only_said_so_and_left_as_it_was(tmp_path: Path) -> None:
    """The USB key was full on arrival: opening the workshop said « Plus de place sur le
    disque … » and showed nothing, though the file can be read. It opens read-only with a
    banner saying why and what to do; reading commands and exports to another disk work;
    `match --save` still says the disk is full; the file and the key's listing unchanged."""
    if not _tmpfs_allowed():
        pytest.skip("needs a private mount namespace (unshare) for a small disk")
    disk, out, elsewhere = tmp_path / "cle", tmp_path / "resultats", tmp_path / "portable"
    for folder in (disk, out, elsewhere):
        folder.mkdir()
    done = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", FULL_KEY],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "ATELIER_LANG": "fr",
            "DISK": str(disk),
            "OUT": str(out),
            "ELSEWHERE": str(elsewhere),
            "EXAMPLE": str(EXAMPLE),
            "PYTHON": sys.executable,
            "WINDOW": WINDOW,
        },
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr

    def said(name: str) -> tuple[str, str, str]:
        return tuple(  # type: ignore[return-value]
            (out / f"{name}.{part}").read_text(encoding="utf-8").strip() for part in ("code", "out", "err")
        )

    for name in ("info", "match", "export", "open"):
        code, printed, errors = said(name)
        errors = errors.replace("This plugin does not support raise()", "").strip()  # Qt offscreen
        assert (code, errors) == ("0", ""), (name, errors)
    assert "cherche" in said("match")[1] and (elsewhere / "atelier.json").stat().st_size > 0
    code, printed, errors = said("save")
    assert code == "1" and errors.startswith(f"Plus de place sur le disque pour écrire «{NBSP}{disk}"), errors
    window = (out / "window.out").read_text(encoding="utf-8").splitlines()
    assert (out / "window.err").read_text() == ""
    assert window[:2] == ["True True", "True"], window
    assert window[2] == (
        f"Le disque où se trouve ce fichier est plein{NBSP}: l'atelier est ouvert en lecture seule, vos "
        f"saisies ne seraient pas enregistrées. Libérez de la place sur ce disque, puis rouvrez le fichier"
        f"{NNBSP}; ou enregistrez-en une copie sur un autre disque "
        "(Fichier\xa0›\xa0Enregistrer une copie sous…)."
    ), window[2]
    assert window[3].endswith(" (lecture seule) — Atelier"), window[3]
    assert window[4] == "Visioconférence", window[4]  # the place as it is in the file
    assert (out / "before").read_text() == (out / "after").read_text()
    assert (out / "files-before").read_text() == (out / "files-after").read_text()  # nothing left beside


# ------------------------------------------------- a read-only window's workshop header


def _background(field) -> tuple[int, int, int]:
    """The colour a user sees behind a field's text: the commonest of its pixels."""
    from collections import Counter

    image = field.grab().toImage()
    seen: Counter[tuple[int, int, int]] = Counter()
    for x in range(0, image.width(), 3):
        for y in range(0, image.height(), 3):
            colour = image.pixelColor(x, y)
            seen[colour.red(), colour.green(), colour.blue()] += 1
    return seen.most_common(1)[0][0]


def test_a_read_only_window_s_header_looks_read_only_and_says_why_when_typed_into(
    qtbot, tmp_path: Path
) -> None:
    """Opened while another window edits the file, the workshop's title, date, place… looked
    like the editable fields of the window that can save: white boxes with a frame, which took
    the cursor and silently dropped what was typed. They now look like text on the window,
    and typing in one says in the status bar why nothing is saved; the file is unchanged."""
    from PySide6.QtCore import Qt

    from tests.conftest import example_window

    editing = example_window(qtbot, tmp_path)
    path = editing.store.path
    before = _sha(path)
    from atelier.ui.main_window import MainWindow

    reading = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(reading)
    reading.resize(1400, 900)
    reading.show()
    qtbot.waitExposed(reading)
    assert reading.store.locked_by_other
    header, editable = reading.header, editing.header
    fields = ("title", "date", "place", "organiser", "contact", "themes")
    window_colour = reading.palette().color(reading.backgroundRole())
    for name in fields:
        field, twin = getattr(header, name), getattr(editable, name)
        assert _background(twin) != _background(field), name  # not the same white box
        assert _background(field) == (window_colour.red(), window_colour.green(), window_colour.blue()), name
        assert not field.hasFrame() and field.placeholderText() == "", name
    assert editable.place.hasFrame() and editable.themes.placeholderText()

    header.place.setFocus()
    qtbot.keyClicks(header.place, "Cognac")
    assert header.place.text() == "Visioconférence"
    notice = reading.saved_label.text()
    assert notice == (
        "⚠ Lecture seule\u00a0: ce fichier est ouvert pour modification dans une autre fenêtre\u202f; "
        "ce que vous tapez ici n'est pas enregistré."
    ), notice
    reading.show_status("")
    qtbot.keyClick(header.place, Qt.Key.Key_Right)  # moving along the text says nothing
    assert reading.saved_label.text() == ""
    qtbot.keyClick(header.place, Qt.Key.Key_Backspace)
    assert reading.saved_label.text() == notice
    reading.close()
    editing.close()
    assert _sha(path) == before


def test_typing_in_a_read_only_window_s_grid_says_why_nothing_is_saved(qtbot, tmp_path: Path) -> None:
    """In the grid of a window opened read-only, a letter or Entrée did nothing at all (the
    banner above said why, if one looked up): the status bar now says it at the keystroke."""
    from PySide6.QtCore import Qt

    from atelier.ui.main_window import MainWindow
    from tests.conftest import example_window

    editing = example_window(qtbot, tmp_path)
    path = editing.store.path
    before = _sha(path)
    reading = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(reading)
    reading.show()
    qtbot.waitExposed(reading)
    why = (
        "⚠ Lecture seule\u00a0: ce fichier est ouvert pour modification dans une autre fenêtre\u202f; "
        "ce que vous tapez ici n'est pas enregistré."
    )
    reading.grid.setFocus()
    reading.grid.setCurrentIndex(reading.grid.model().index(0, 3))
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Delete):
        reading.show_status("")
        qtbot.keyClick(reading.grid, key)
        assert reading.saved_label.text() == why, key
    reading.show_status("")
    qtbot.keyClicks(reading.grid, "un lieu")
    assert reading.saved_label.text() == why
    reading.show_status("")
    qtbot.keyClick(reading.grid, Qt.Key.Key_Down)  # moving in the grid says nothing
    assert reading.saved_label.text() == ""
    # The window that can edit is not told so.
    editing.grid.setFocus()
    editing.grid.setCurrentIndex(editing.grid.model().index(0, 3))
    qtbot.keyClick(editing.grid, Qt.Key.Key_Down)
    assert "Lecture seule" not in editing.saved_label.text()
    reading.close()
    editing.close()
    assert _sha(path) == before


def test_the_banner_of_a_file_open_elsewhere_says_where_in_words(qtbot, tmp_path: Path) -> None:
    """The banner said « …par une autre fenêtre (vm 29671) »: the computer's network name
    and a process number. It says « sur cet ordinateur », or the other computer's name."""
    from atelier.store.lock import _machine, lock_path
    from atelier.ui.main_window import MainWindow
    from tests.conftest import example_window

    editing = example_window(qtbot, tmp_path)
    path = editing.store.path
    reading = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(reading)
    reading.show()
    qtbot.waitExposed(reading)
    banner = reading.readonly_banner.text()
    assert "par une autre fenêtre sur cet ordinateur. Il est ouvert ici en lecture seule" in banner, banner
    assert str(os.getpid()) not in banner and f"({_machine()}" not in banner, banner
    reading.close()
    editing.close()

    with Store.open(path, lock=True):  # held by the laptop across the room, on a shared folder
        held = lock_path(path).read_text(encoding="utf-8")
        lock_path(path).write_text(held.replace(_machine(), "portable-anne", 1), encoding="utf-8")
        reading = MainWindow(Store.open(path, lock=True))
        qtbot.addWidget(reading)
        reading.show()
        qtbot.waitExposed(reading)
        banner = reading.readonly_banner.text().replace("\u00a0", " ")
        assert "par une autre fenêtre sur l'ordinateur « portable-anne ». Il est" in banner, banner
        reading.close()


def test_a_window_on_a_file_a_command_is_writing_says_a_command_has_it(qtbot, tmp_path: Path) -> None:
    """Opened while `atelier match --save` writes it, the window said the file was open « par
    une autre fenêtre »: there was none to close. It names the command, and what to do."""
    from atelier.ui.main_window import MainWindow
    from atelier.ui.status import why_read_only

    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    with Store.open_to_write(path):
        reading = MainWindow(Store.open(path, lock=True))
        qtbot.addWidget(reading)
        reading.show()
        qtbot.waitExposed(reading)
        banner = reading.readonly_banner.text().replace(NBSP, " ").replace(NNBSP, " ")
        assert "en cours d'écriture par une commande d'Atelier sur cet ordinateur" in banner, banner
        assert "rouvrez-le quand elle aura fini" in banner and "autre fenêtre" not in banner, banner
        assert "une commande d'Atelier écrit ce fichier" in why_read_only(reading.store)
        reading.close()

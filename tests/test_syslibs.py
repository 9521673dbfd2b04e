"""A machine without Qt's system libraries hears which packages to install, in French, before Qt starts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from atelier import syslibs
from atelier.syslibs import QT_XCB_LIBRARIES, Library

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
ABSENT = Library("libatelier-absente.so.9", "libatelier-absente9", "atelier-absente")

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plugin is Linux's")


@linux_only
def test_the_libraries_of_this_machine_load_and_an_absent_one_is_named() -> None:
    icccm = next(lib for lib in QT_XCB_LIBRARIES if lib.soname == "libxcb-icccm.so.4")
    assert syslibs.missing([icccm]) == []  # the tests open windows here: Qt's libraries are installed
    assert syslibs.missing([icccm, ABSENT]) == [ABSENT]


@linux_only
def test_the_list_is_what_pysides_xcb_plugin_links() -> None:
    """Each library Qt's xcb plugin and the window's Qt libraries link directly (NEEDED) is listed,
    and each listed one is loaded by the plugin (ldd): a PySide6 upgrade that changes them fails here."""
    import shutil

    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        pytest.skip("this PySide6 has no xcb plugin")
    listed = {lib.soname for lib in QT_XCB_LIBRARIES}
    loaded = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    assert listed <= {line.split()[0] for line in loaded.splitlines() if "=>" in line}
    if not shutil.which("readelf"):
        pytest.skip("readelf (binutils) is not installed")
    needed: set[str] = set()
    for binary in [
        plugin,
        *(qt / "lib" / f"libQt6{m}.so.6" for m in ("Core", "Gui", "Widgets", "XcbQpa", "DBus")),
    ]:
        dynamic = subprocess.run(["readelf", "-d", str(binary)], capture_output=True, text=True, check=True)
        needed |= {
            line.split("[")[1].rstrip("]") for line in dynamic.stdout.splitlines() if "(NEEDED)" in line
        }
    runtime = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "ld-linux-x86-64.so.2"}
    system = {name for name in needed if "Qt6" not in name and not name.startswith("libicu")} - runtime
    assert system - listed == set()


def test_the_install_command_names_the_packages_of_the_distribution() -> None:
    icccm, keysyms = (
        next(lib for lib in QT_XCB_LIBRARIES if lib.soname == name)
        for name in ("libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    )
    assert (
        syslibs.install_command([icccm, keysyms], "debian")
        == "sudo apt install libxcb-icccm4 libxcb-keysyms1"
    )
    assert (
        syslibs.install_command([icccm, keysyms], "fedora") == "sudo dnf install xcb-util-wm xcb-util-keysyms"
    )
    both = syslibs.install_command([icccm], "")
    assert "apt install libxcb-icccm4" in both and "dnf install xcb-util-wm" in both


@pytest.mark.parametrize(
    ("release", "family"),
    [
        ('ID=debian\nVERSION_ID="12"\n', "debian"),
        ("ID=ubuntu\nID_LIKE=debian\n", "debian"),
        ('ID=linuxmint\nID_LIKE="ubuntu debian"\n', "debian"),
        ("ID=fedora\nVERSION_ID=40\n", "fedora"),
        ('ID="rocky"\nID_LIKE="rhel centos fedora"\n', "fedora"),
        ("ID=arch\n", ""),
    ],
)
def test_the_distribution_is_read_from_os_release(tmp_path: Path, release: str, family: str) -> None:
    (tmp_path / "os-release").write_text(release)
    assert syslibs.distribution(tmp_path / "os-release") == family
    assert syslibs.distribution(tmp_path / "absent") == ""


def test_only_an_x11_start_on_linux_is_checked() -> None:
    assert syslibs.uses_xcb({"DISPLAY": ":0"}, "linux")
    assert syslibs.uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not syslibs.uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not syslibs.uses_xcb({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, "linux")
    assert not syslibs.uses_xcb({"DISPLAY": ":0"}, "win32")
    assert not syslibs.uses_xcb({"DISPLAY": ":0"}, "darwin")


def _start_window(env_changes: dict[str, str | None], code: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ATELIER_LANG="fr")
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60, cwd=ROOT
    )


@linux_only
def test_atelier_open_names_the_missing_package_instead_of_letting_qt_abort(tmp_path: Path) -> None:
    """With one library absent, `atelier open` says which package to install and never loads Qt.

    DISPLAY points at no X server: had Qt started, it would have aborted in English.
    """
    work = tmp_path / "atelier.atelier"
    work.write_bytes(EXAMPLE.read_bytes())
    code = (
        "import sys, atelier.syslibs as s\n"
        f"s.QT_XCB_LIBRARIES += (s.Library({ABSENT.soname!r}, {ABSENT.debian!r}, {ABSENT.fedora!r}),)\n"
        "s.distribution = lambda: 'debian'\n"
        "from atelier.cli import main\n"
        f"code = main(['open', {str(work)!r}])\n"
        "assert 'PySide6' not in sys.modules, 'Qt was loaded'\n"
        "sys.exit(code)\n"
    )
    done = _start_window({"QT_QPA_PLATFORM": None, "WAYLAND_DISPLAY": None, "DISPLAY": ":97"}, code)
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip() == (
        "La fenêtre ne peut pas s'ouvrir\u00a0: il manque à ce système des bibliothèques dont Qt a besoin "
        "(libatelier-absente.so.9). Installez-les, puis relancez Atelier\u00a0: "
        "sudo apt install libatelier-absente9"
    )
    assert work.read_bytes() == EXAMPLE.read_bytes()


@linux_only
def test_no_screen_is_said_in_one_french_sentence() -> None:
    code = f"import sys\nfrom atelier.cli import main\nsys.exit(main(['open', {str(EXAMPLE)!r}]))\n"
    done = _start_window({"QT_QPA_PLATFORM": None, "WAYLAND_DISPLAY": None, "DISPLAY": None}, code)
    assert done.returncode == 1
    assert done.stderr.strip().startswith("La fenêtre ne peut pas s'ouvrir\u00a0: aucun écran")


def _unused_display() -> str:
    number = next(n for n in range(4790, 4890) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    return f":{number}"


@linux_only
def test_a_screen_that_does_not_answer_is_said_in_one_french_sentence(tmp_path: Path) -> None:
    """DISPLAY names an X server that is not there (an ssh -X session closed, a desktop session
    ended): Qt aborted (exit 134, a core dump) saying in English that libxcb-cursor0 was needed,
    which is installed. Now one French sentence names the screen, and the file is untouched."""
    if syslibs.missing():
        pytest.skip("this machine lacks Qt's libraries: that is said first")
    work = tmp_path / "atelier d'été.atelier"
    work.write_bytes(EXAMPLE.read_bytes())
    display = _unused_display()
    code = f"import sys\nfrom atelier.cli import main\nsys.exit(main(['open', {str(work)!r}]))\n"
    done = _start_window({"QT_QPA_PLATFORM": None, "WAYLAND_DISPLAY": None, "DISPLAY": display}, code)
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip() == (
        f"La fenêtre ne peut pas s'ouvrir\u00a0: l'écran «\u00a0{display}\u00a0» (DISPLAY) ne répond pas. "
        "Lancez Atelier depuis le bureau, ou sans écran avec «\u00a0xvfb-run -a\u00a0»."
    )
    assert work.read_bytes() == EXAMPLE.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [work.name]  # no lock, no -wal left


@linux_only
def test_bootstrap_run_checks_before_setting_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """`packaging/bootstrap.py run` says it before the minute of setup, with the same check."""
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import bootstrap
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    monkeypatch.setattr(syslibs, "QT_XCB_LIBRARIES", (*QT_XCB_LIBRARIES, ABSENT))
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":97")
    monkeypatch.setattr(bootstrap, "setup", lambda: pytest.fail("set up before checking"))
    assert bootstrap.main(["run"]) == 1
    assert "libatelier-absente" in (bootstrap.window_problem() or "")


def test_the_readme_lists_every_package_per_distribution() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # « Debian, Ubuntu : », its colon after a non-breaking space as French writes it.
    debian = re.split(r"- Debian, Ubuntu[ \u00a0]:", readme)[1].split("\n- ")[0].split()
    fedora = re.split(r"- Fedora[ \u00a0]:", readme)[1].split("\n- ")[0].split()
    assert {lib.debian for lib in QT_XCB_LIBRARIES} <= {word.strip("`") for word in debian}
    assert {lib.fedora for lib in QT_XCB_LIBRARIES} <= {word.strip("`") for word in fedora}

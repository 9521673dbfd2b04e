"""Before Qt starts on Linux: the system libraries its X11 (xcb) platform plugin loads.

PySide6 brings Qt but not these. On a fresh Debian desktop some are missing
(libxcb-icccm4, libxcb-keysyms1…) and Qt aborts with an English message that names
another one. Atelier loads each first, as Qt's dynamic linker would (same search path), and
names the packages to install. The list is what `readelf -d` shows as NEEDED by PySide6's
libqxcb.so and the Qt libraries the window uses (Core, Gui, Widgets, XcbQpa, DBus), minus
the C and C++ runtimes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import NamedTuple


class Library(NamedTuple):
    soname: str
    debian: str  # Debian and Ubuntu package
    fedora: str


QT_XCB_LIBRARIES: tuple[Library, ...] = (
    Library("libxcb.so.1", "libxcb1", "libxcb"),
    Library("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    Library("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    Library("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    Library("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    Library("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    Library("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    Library("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    Library("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    Library("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    Library("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    Library("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    Library("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    Library("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
    Library("libX11.so.6", "libx11-6", "libX11"),
    Library("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    Library("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    Library("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    Library("libEGL.so.1", "libegl1", "libglvnd-egl"),
    Library("libGL.so.1", "libgl1", "libglvnd-glx"),
    Library("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    Library("libfreetype.so.6", "libfreetype6", "freetype"),
    Library("libglib-2.0.so.0", "libglib2.0-0", "glib2"),
    Library("libgthread-2.0.so.0", "libglib2.0-0", "glib2"),
    Library("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
    Library("libz.so.1", "zlib1g", "zlib"),
    Library("libzstd.so.1", "libzstd1", "libzstd"),
)


def missing(
    libraries: Iterable[Library] | None = None, load: Callable[[str], object] | None = None
) -> list[Library]:
    """The libraries the dynamic linker cannot load (Qt loads them next anyway: nothing is wasted)."""
    if load is None:
        import ctypes  # only on the way to an X11 window

        load = ctypes.CDLL
    absent = []
    for library in QT_XCB_LIBRARIES if libraries is None else libraries:
        try:
            load(library.soname)
        except OSError:
            absent.append(library)
    return absent


def uses_xcb(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt will start on its xcb (X11) plugin: Linux, not told otherwise, not in a Wayland session."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return not (environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland")


def distribution(os_release: Path = Path("/etc/os-release")) -> str:
    """'debian' (Debian, Ubuntu, Mint…), 'fedora' (Fedora, RHEL…) or '' when unknown."""
    try:
        text = os_release.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    fields = {}
    for line in text.splitlines():
        key, _, value = line.partition("=")
        fields[key.strip()] = value.strip().strip('"').lower()
    family = {fields.get("ID", ""), *fields.get("ID_LIKE", "").split()}
    if family & {"debian", "ubuntu"}:
        return "debian"
    if family & {"fedora", "rhel", "centos"}:
        return "fedora"
    return ""


def install_command(absent: Iterable[Library], family: str) -> str:
    """The command that installs the packages holding `absent`, for the distribution `family`."""
    absent = list(absent)
    debian = " ".join(dict.fromkeys(library.debian for library in absent))
    fedora = " ".join(dict.fromkeys(library.fedora for library in absent))
    if family == "debian":
        return f"sudo apt install {debian}"
    if family == "fedora":
        return f"sudo dnf install {fedora}"
    return f"sudo apt install {debian} (Debian, Ubuntu) / sudo dnf install {fedora} (Fedora)"


def qt_problem(environ: Mapping[str, str] = os.environ) -> tuple[str, dict[str, str]] | None:
    """Why the window cannot open here, as a message key of atelier.i18n and its parameters."""
    if not uses_xcb(environ):
        return None
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        return "cli.no_screen", {}
    absent = missing()
    if absent:
        return "cli.missing_libraries", {
            "libraries": ", ".join(library.soname for library in absent),
            "command": install_command(absent, distribution()),
        }
    display = environ.get("DISPLAY", "")
    if display and not answers(display):
        return "cli.screen_silent", {"display": display}
    return None


def answers(display: str, connect: Callable[[str], bool] | None = None) -> bool:
    """Whether the X server of `display` accepts a connection, as Qt's will try next.

    A DISPLAY left from a closed ssh -X session or an ended desktop session made Qt abort
    (a core dump) saying libxcb-cursor0 was needed. libxcb's own xcb_connect (the library
    Qt connects with: same address, same Xauthority) asks, and the connection is closed.
    """
    if connect is None:
        connect = _xcb_connects
    try:
        return connect(display)
    except OSError:  # libxcb itself would not load: missing() has said so already
        return True


def _xcb_connects(display: str) -> bool:
    import ctypes  # only on the way to an X11 window

    xcb = ctypes.CDLL("libxcb.so.1")
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)  # never NULL: an error object at worst
    try:
        return bool(connection) and xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)  # frees it; a no-op on libxcb's static error object

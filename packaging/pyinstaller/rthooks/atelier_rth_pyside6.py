"""Qt's plugin folder for the bundle, without importing PySide6.QtCore at every start.

PyInstaller's own pyi_rth_pyside6 imports PySide6.QtCore (Qt's core library and its 31 MiB
of ICU data) before any command, to check that Qt knows where it is installed (its embedded
qt.conf): `atelier --help`, `info` or `match` paid ~70 ms for a Qt they never use. PySide6
from PyPI writes that qt.conf itself when QtCore is first imported (libpyside6), which the
window does; so this sets only what the stock hook sets before that.
"""

import os
import sys

if sys.platform.startswith("win"):
    os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, "PySide6", "plugins")
else:
    os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, "PySide6", "Qt", "plugins")

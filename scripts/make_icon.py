"""Render resources/icons/atelier.svg to the PNG sizes desktops and installers want.

python scripts/make_icon.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "atelier" / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - painting needs an application
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "atelier.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"atelier-{size}.png"))
    # Windows and macOS installers want their own formats (Qt writes both).
    big = QImage(str(ICONS / "atelier-256.png"))
    for target, fmt in (
        (ROOT / "packaging" / "windows" / "atelier.ico", "ico"),
        (ROOT / "packaging" / "macos" / "atelier.icns", "icns"),
    ):
        target.parent.mkdir(parents=True, exist_ok=True)
        big.save(str(target), fmt)
    print(f"{len(SIZES)} PNG in {ICONS}, atelier.ico and atelier.icns in packaging/")
    return 0


if __name__ == "__main__":
    sys.exit(main())

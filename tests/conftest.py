"""Shared fixtures: a fresh real .atelier file per test, French messages, offscreen Qt."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ATELIER_LANG"] = "fr"

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own settings, recent files and backups folder."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("ATELIER_DATA_DIR", str(folder))
    monkeypatch.setenv("ATELIER_LANG", "fr")
    # Lexical matching unless a test asks for the meaning model (tests/test_semantic.py):
    # most tests check what shared words and the glossary do, and need not load 45 MB.
    monkeypatch.setenv("ATELIER_SEMANTIC", "0")
    return folder


@pytest.fixture(autouse=True)
def _today_at_each_test(request: pytest.FixtureRequest) -> None:
    """A test module's ``TODAY`` is today when each test runs, not when the suite was collected:
    a suite started at 23:48 expected « contactée le 30/11/2026 » of a contact the app recorded
    after midnight, on the 1st (the clean-clone run of 1 December failed twice on that)."""
    module = request.module
    if isinstance(getattr(module, "TODAY", None), date):
        module.TODAY = date.today()


@pytest.fixture
def store(tmp_path: Path):
    from atelier.store import Store

    s = Store.create(
        tmp_path / "atelier.atelier", title="Atelier du 16 mars 2021", date="2021-03-16", place="Bordeaux"
    )
    yield s
    s.close()


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float = 120):
    """Run `python -m atelier ARGS` in a fresh process, as a user would (a fork of a process
    that has Atelier imported: `tests/cli_process.py`)."""
    from tests import cli_process

    full_env = dict(os.environ)
    full_env.update(env or {})
    return cli_process.run(list(args), full_env, cwd, timeout)


def example_window(qtbot, tmp_path: Path):  # pytest-qt's bot
    """The real main window on a copy of the example workshop, shown and exposed."""
    import shutil

    from atelier.store import Store
    from atelier.ui.main_window import MainWindow

    path = tmp_path / "exemple.atelier"
    if not path.exists():
        shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    window = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def no_modal_boxes(monkeypatch):
    """Message boxes would block an offscreen test: each one's text is recorded instead, in
    the list this fixture gives (the window tests use it for every test of their file)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: shown.append(str(a[2])))
    return shown


@pytest.fixture(params=["fr", "en"])
def language(request, monkeypatch):
    """The window in French (the default), then in English as ATELIER_LANG=en starts it: the
    test runs once in each (its `language` argument says which)."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    import atelier.i18n
    from atelier.paths import resource

    monkeypatch.setenv("ATELIER_LANG", request.param)
    monkeypatch.setattr(atelier.i18n, "_chosen", [request.param])
    translator = QTranslator()
    if request.param == "en":
        assert translator.load(str(resource("i18n", "atelier_en.qm")))
        QCoreApplication.installTranslator(translator)
    yield request.param
    if request.param == "en":
        QCoreApplication.removeTranslator(translator)

#!/usr/bin/env python3
"""Set up a local virtual environment, then run Atelier or its tests.

    python3 packaging/bootstrap.py run    # set up, then open the example workshop
    python3 packaging/bootstrap.py test   # set up, then run the whole test suite

Only the standard library is used here, so it works on a fresh machine with
Python 3.11+. The venv is remade only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("ATELIER_VENV", ROOT / ".venv"))
STAMP = VENV / ".atelier-installed"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def setup() -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script runs before any install, on any Python
        sys.exit("Atelier demande Python 3.11 ou plus récent (Python 3.11+ required).")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    python = venv_python()
    if python.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return python
    if not has_pip(python):  # none yet, or one whose creation was interrupted (no pip in it)
        print("Création de l'environnement Python…", flush=True)
        if VENV.exists():
            shutil.rmtree(VENV)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installation des dépendances…", flush=True)
    pip = [str(python), "-m", "pip", "--disable-pip-version-check"]
    steps = (["install", "-q", "--upgrade", "pip", "setuptools"], ["install", "-q", "-e", f"{ROOT}[test]"])
    for step in steps:
        if subprocess.call([*pip, *step]) != 0:
            sys.exit(
                "L'installation des dépendances a échoué (le message de pip est ci-dessus)\u00a0: "
                "vérifiez l'accès au réseau, puis relancez la même commande."
            )
    STAMP.write_text(wanted)
    return python


def has_pip(python: Path) -> bool:
    """Whether this venv's Python exists and runs pip (a venv whose creation was interrupted
    has a Python but no pip: it is made again, not used)."""
    if not python.exists():
        return False
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    return subprocess.call([str(python), "-m", "pip", "--version"], **quiet) == 0


def _libreoffice_has_calc() -> bool:
    """Writer alone converts the minutes; the tests also open the Excel workbooks in Calc."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    return soffice is not None and (Path(soffice).resolve().parent / "libsclo.so").exists()


def ensure_libreoffice() -> bool:
    """The tests convert the Word minutes to PDF and the workbooks to HTML with LibreOffice:
    install its Writer and Calc on Debian if missing.

    Returns whether LibreOffice is there (then its tests must pass, not be skipped).
    """
    has_soffice = bool(shutil.which("soffice") or shutil.which("libreoffice"))
    if has_soffice and (sys.platform != "linux" or _libreoffice_has_calc()):
        return True
    if sys.platform != "linux" or not shutil.which("apt-get") or os.geteuid() != 0:
        if not has_soffice:
            print("LibreOffice absent\u00a0: les tests de conversion seront ignorés.", flush=True)
        return has_soffice
    print("Installation de LibreOffice Writer et Calc (conversions des tests)…", flush=True)
    _apt_install(["libreoffice-writer-nogui", "libreoffice-calc-nogui"])
    return bool(shutil.which("soffice"))


def _apt_install(packages: list[str]) -> None:
    """apt-get install, quietly, with the package lists refreshed once if it fails."""
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    quiet = {"stdout": subprocess.DEVNULL, "env": env}
    if subprocess.call(["apt-get", "install", "-y", "-q", *packages], **quiet) != 0:
        subprocess.call(["apt-get", "update", "-q"], **quiet)
        subprocess.call(["apt-get", "install", "-y", "-q", *packages], **quiet)


def ensure_qt_libraries() -> None:
    """Qt's X11 window needs system libraries a minimal Debian lacks (libxcb-icccm4…, the list
    of atelier/syslibs.py): installed here when this runs as root with apt-get, as LibreOffice
    is for the tests, so that both commands work on a fresh machine. Otherwise nothing is
    installed: `run` then says which packages are missing and the command (window_problem)."""
    if sys.platform != "linux" or not shutil.which("apt-get") or os.geteuid() != 0:
        return
    sys.path.insert(0, str(ROOT))
    try:
        from atelier.syslibs import QT_XCB_LIBRARIES, distribution, missing
    finally:
        sys.path.remove(str(ROOT))
    absent = missing(QT_XCB_LIBRARIES)
    if not absent or distribution() != "debian":
        return
    packages = list(dict.fromkeys(library.debian for library in absent))
    print(f"Installation des bibliothèques de la fenêtre de Qt ({', '.join(packages)})…", flush=True)
    _apt_install(packages)


def window_problem() -> str | None:
    """Why the window cannot open on this machine (missing Qt system libraries, no screen), in French.

    Checked before the setup and before Qt, with atelier/syslibs.py (standard library only),
    so that a fresh machine hears at once which packages to install.
    """
    sys.path.insert(0, str(ROOT))
    try:
        from atelier.i18n import message
        from atelier.syslibs import qt_problem
    finally:
        sys.path.remove(str(ROOT))
    problem = qt_problem()
    if problem is None:
        return None
    key, params = problem
    return message(key, **params)


def cores() -> int:
    """The cores this process may run on (a CI container may be given fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def pytest_arguments(extra: list[str], available: int) -> list[str]:
    """pytest's arguments for the test command: the suite spread over the cores (pytest-xdist,
    at most four workers: each runs Qt and LibreOffice), unless the command line says how
    (`-n 0`, `-n 2`, `-p no:xdist`) or a single core leaves nothing to spread."""
    said = any(a == "-n" or a.startswith(("-n", "--numprocesses")) or a == "no:xdist" for a in extra)
    workers = min(available, 4)
    spread = [] if said or workers < 2 else ["-n", str(workers)]
    return ["-p", "no:cacheprovider", *spread, *extra]


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "run"
    extra = argv[1:]
    if command not in ("run", "test"):  # said before anything is installed
        print(
            f"utilisation\u00a0: {sys.argv[0]} run (ouvrir Atelier sur l'exemple) ou test (lancer les tests)",
            file=sys.stderr,
        )
        return 2
    ensure_qt_libraries()
    if command == "run":
        problem = window_problem()
        if problem:
            print(problem, file=sys.stderr)
            return 1
    python = setup()
    env = dict(os.environ)
    if command == "run":
        return subprocess.call([str(python), "-m", "atelier", "example", *extra], env=env)
    if command == "test":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        if ensure_libreoffice():
            env["ATELIER_REQUIRE_LIBREOFFICE"] = "1"
        # Atelier's modules compiled once before the suite (2 s): where PYTHONDONTWRITEBYTECODE
        # is set, as on the CI machine, each test worker and every interpreter a test starts (a
        # window, a killed child, a command not forked) compiled them again from their source,
        # about 0.2 s of each start; 11 s of the 35 s of processor time of three files that
        # start some (tests/test_data_safety.py, test_window_session_end.py, test_leftovers.py).
        subprocess.call(
            [str(python), "-m", "compileall", "-q", "atelier", "tests/helpers", "tests/cli_process.py"],
            cwd=ROOT,
            env=env,
        )
        code = subprocess.call(
            [str(python), "-m", "pytest", *pytest_arguments(extra, cores())], cwd=ROOT, env=env
        )
        if code == 5:
            print("Aucun test n'a été exécuté : c'est un échec.", file=sys.stderr)
            return 1
        return code
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

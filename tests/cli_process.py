"""`atelier ARGS` in a fresh process of its own, as a user runs it, without paying Python's start
and Atelier's imports each time (about 1 s of a 2-core machine per command; the suite runs
about a thousand of them).

A server process per test worker imports Atelier's command line and the libraries its commands
load (numpy, scipy, openpyxl, python-docx, pandas), then forks once per command: the command
runs in a new process, in the test's working folder and environment, its output and exit
status read as `subprocess.run` gives them. Nothing is shared between two commands but what
was imported before any of them ran: what a command does to its process (signals, settings read
from the environment, files it opens or locks, caches it fills) ends with it.

A real interpreter is started instead (`fresh_process`) where the fork cannot stand for one:
an environment that changes how Python itself starts (PYTHON* variables, a locale that is not
UTF-8), a call from another thread than the test's, a platform without fork.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import struct
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path

# What the commands load lazily, loaded once in the server (never Qt: a forked Qt is unusable).
PRELOADED = (
    "atelier.cli",
    "atelier.store",
    "atelier.matching",
    "atelier.matching.engine",
    "atelier.matching.semantic",
    "atelier.exports",
    "atelier.importers",
    "numpy",
    "scipy.sparse",
    "scipy.linalg",
    "openpyxl",
    "docx",
    "pandas",
)


def _send(stream, value: object) -> None:
    data = json.dumps(value).encode()
    stream.write(struct.pack("!I", len(data)) + data)
    stream.flush()


def _exactly(stream, size: int) -> bytes:
    """`size` bytes from a pipe (unbuffered on the client's side: what `select` sees is all
    there is), however they come."""
    data = b""
    while len(data) < size:
        part = stream.read(size - len(data))
        if not part:
            raise EOFError
        data += part
    return data


def _receive(stream) -> object:
    (size,) = struct.unpack("!I", _exactly(stream, 4))
    return json.loads(_exactly(stream, size))


# ------------------------------------------------------------------- the server


def _serve() -> None:  # pragma: no cover - runs in the server process
    import importlib

    sys.path[0] = os.getcwd()  # as `python -m atelier` run from the project's folder
    requests = os.fdopen(os.dup(0), "rb")
    replies = os.fdopen(os.dup(1), "wb")
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)  # the protocol's pipes are no command's stdin or stdout
    os.dup2(null, 1)
    for name in PRELOADED:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    _warm()
    _send(replies, {"ready": os.getpid()})
    while True:
        try:
            request = _receive(requests)
        except EOFError:
            return
        assert isinstance(request, dict)
        pid = os.fork()
        if pid == 0:
            requests.close()
            replies.close()
            _child(request)  # never returns
        with contextlib.suppress(OSError):  # its own group from the start, whoever runs first
            os.setpgid(pid, pid)
        _send(replies, {"pid": pid})
        _, status = os.waitpid(pid, 0)
        _send(replies, {"status": os.waitstatus_to_exitcode(status)})


def _warm() -> None:  # pragma: no cover - runs in the server process
    """What every matching command works out first, worked out once: the shipped glossary
    read and each of its 1,800 expressions stemmed (Snowball in pure Python: about 1 s of
    every command that matches, exports or drafts). Pure functions' caches only (a word's
    stem, a text's tokens): the same in every process, whatever its environment."""
    with contextlib.suppress(ImportError):
        from atelier.matching.engine import Analyzer
        from atelier.matching.text import default_glossary

        Analyzer(default_glossary())


def _child(request: dict) -> None:  # pragma: no cover - runs in a forked command process
    code = 1
    interrupted = False
    try:
        with contextlib.suppress(OSError):
            os.setpgid(0, 0)  # its own group: a timeout stops it and whatever it started
        for number, path in ((1, request["stdout"]), (2, request["stderr"])):
            fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
            os.dup2(fd, number)
            os.close(fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        import atelier.__main__ as entry

        sys.argv = [entry.__file__, *request["args"]]
        sys.path[0] = request["cwd"]
        try:
            code = entry.main()
        except SystemExit as exc:
            if exc.code is None or isinstance(exc.code, int):
                code = exc.code or 0
            else:
                print(exc.code, file=sys.stderr)
                code = 1
        except BaseException as exc:
            import traceback

            traceback.print_exc()
            code = 1
            interrupted = isinstance(exc, KeyboardInterrupt)
        # As the interpreter ends: threads joined, exit functions run, output flushed.
        threading._shutdown()  # type: ignore[attr-defined]
        import atexit

        atexit._run_exitfuncs()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except Exception:
                pass
        if interrupted:  # as Python ends on an uncaught Ctrl+C: by the signal itself
            import signal

            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGINT)
        os._exit(code if isinstance(code, int) else 1)


# ------------------------------------------------------------------- the client

_server: subprocess.Popen[bytes] | None = None
# The environment the server started in: what Python reads as it starts (its locale, PYTHON*
# variables) is that one, in every command forked from it.
_server_environment: dict[str, str] = {}


def _start() -> subprocess.Popen[bytes]:
    global _server, _server_environment
    if _server is None or _server.poll() is not None:
        if _server is not None:  # ended: its pipes closed before another is started
            for pipe in (_server.stdin, _server.stdout):
                if pipe is not None:
                    pipe.close()
        _server_environment = dict(os.environ)
        _server = subprocess.Popen(
            [sys.executable, __file__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
            cwd=Path(__file__).resolve().parent.parent,
        )
        assert _server.stdout is not None
        _receive(_server.stdout)
    return _server


def fresh_process(args: list[str], env: Mapping[str, str]) -> bool:
    """Whether the command needs a real new interpreter rather than a fork of the server."""
    if not hasattr(os, "fork") or threading.current_thread() is not threading.main_thread():
        return True
    started = _server_environment if _server is not None and _server.poll() is None else os.environ
    for name in {*env, *started}:
        value = env.get(name, "")
        if name.startswith("PYTHON") and started.get(name, "") != value:
            return True
        utf8 = not value or "utf8" in value.lower().replace("-", "")
        if name in {"LC_ALL", "LC_CTYPE", "LANG"} and started.get(name, "") != value and not utf8:
            return True  # a locale that is not UTF-8: another output encoding
    return False


def run(
    args: list[str], env: Mapping[str, str], cwd: Path | None, timeout: float
) -> subprocess.CompletedProcess[str]:
    import tempfile

    command = [sys.executable, "-m", "atelier", *args]
    if fresh_process(args, env):
        return subprocess.run(
            command, capture_output=True, text=True, env=dict(env), cwd=cwd, timeout=timeout
        )
    server = _start()
    assert server.stdin is not None and server.stdout is not None
    with tempfile.TemporaryDirectory(prefix="atelier-cli-") as folder:
        out, err = Path(folder, "stdout"), Path(folder, "stderr")
        out.touch()
        err.touch()
        _send(
            server.stdin,
            {
                "args": list(args),
                "env": dict(env),
                "cwd": str(Path(cwd or os.getcwd()).resolve()),
                "stdout": str(out),
                "stderr": str(err),
            },
        )
        started = _receive(server.stdout)
        assert isinstance(started, dict)
        pid = int(started["pid"])
        finished = _wait(server, pid, timeout)
        if finished is None:
            raise subprocess.TimeoutExpired(command, timeout, out.read_bytes(), err.read_bytes())
        return subprocess.CompletedProcess(
            command,
            int(finished["status"]),
            out.read_text(encoding="utf-8"),  # strictly, as subprocess.run(text=True) decodes
            err.read_text(encoding="utf-8"),
        )


class Server:
    """A server of a test's own, for a test that stops the command itself (a signal at a moment
    of its choosing): `start` gives the command's process as `subprocess.Popen` does (its pid,
    `poll`, `send_signal`, `communicate`). One command at a time; a test running commands side
    by side in threads gives each thread its own server."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, __file__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
            cwd=Path(__file__).resolve().parent.parent,
        )
        assert self.process.stdout is not None
        _receive(self.process.stdout)

    def start(self, args: list[str], env: Mapping[str, str], cwd: Path) -> Forked:
        return Forked(self, args, env, cwd)

    def close(self) -> None:
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:  # still waiting for a command: a test that failed
            self.process.kill()
            self.process.wait()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


class Forked:
    """`atelier ARGS` forked by a `Server`, running until its end is read (`poll`,
    `communicate`): its output goes to files read at its end, as `communicate` returns it."""

    def __init__(self, server: Server, args: list[str], env: Mapping[str, str], cwd: Path) -> None:
        import tempfile

        self.server = server.process
        self.returncode: int | None = None
        self._folder = tempfile.TemporaryDirectory(prefix="atelier-cli-")
        self._out, self._err = Path(self._folder.name, "stdout"), Path(self._folder.name, "stderr")
        self._out.touch()
        self._err.touch()
        assert self.server.stdin is not None and self.server.stdout is not None
        _send(
            self.server.stdin,
            {
                "args": list(args),
                "env": dict(env),
                "cwd": str(Path(cwd).resolve()),
                "stdout": str(self._out),
                "stderr": str(self._err),
            },
        )
        started = _receive(self.server.stdout)
        assert isinstance(started, dict)
        self.pid = int(started["pid"])

    def _ended(self, timeout: float) -> bool:
        import selectors

        if self.returncode is None:
            assert self.server.stdout is not None
            with selectors.DefaultSelector() as selector:
                selector.register(self.server.stdout, selectors.EVENT_READ)
                if not selector.select(timeout):
                    return False
            finished = _receive(self.server.stdout)
            assert isinstance(finished, dict)
            self.returncode = int(finished["status"])
        return True

    def poll(self) -> int | None:
        self._ended(0)
        return self.returncode

    def send_signal(self, signal_number: int) -> None:
        """As Popen's: to the command if it has not ended (its end not yet reported by the
        server, which reaps it: until then its pid is still its own, if only as a zombie)."""
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal_number)

    def communicate(self, timeout: float) -> tuple[str, str]:
        if not self._ended(timeout):
            try:  # stopped, with whatever it started, as run() stops one that outlives its time
                os.killpg(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self.pid, signal.SIGKILL)
            self._ended(60)
            raise subprocess.TimeoutExpired(["atelier"], timeout)
        try:
            return self._out.read_text(encoding="utf-8"), self._err.read_text(encoding="utf-8")
        finally:
            self._folder.cleanup()


def _wait(server: subprocess.Popen[bytes], pid: int, timeout: float) -> dict | None:
    """The server's report of the command's end; None if it outlived `timeout` (then stopped)."""
    import selectors

    assert server.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(server.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            import signal

            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            _receive(server.stdout)  # the server saw it end
            return None
    finished = _receive(server.stdout)
    assert isinstance(finished, dict)
    return finished


if __name__ == "__main__":
    _serve()

"""A command whose standard output is closed (`atelier export F --json - >&-`) said « Erreur
inattendue : AttributeError: 'NoneType' object has no attribute 'write'… signalez-la aux
développeurs »; one whose reader went away (`… | head -0`) ended with Python's « Exception
ignored … BrokenPipeError ». Now: one sentence for the closed output, nothing for the reader
gone, exit status 1 for both, the workshop file byte-identical."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"

pytestmark = pytest.mark.skipif(os.name == "nt", reason="closing a descriptor the POSIX way")


def _run(args: list[str], lang: str, stdout: int | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "atelier", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, ATELIER_LANG=lang),
        timeout=120,
        # No output at all, as `>&-` starts it: descriptor 1 closed in the child.
        preexec_fn=(lambda: os.close(1)) if stdout is None else None,
    )


@pytest.mark.parametrize(
    ("args", "lang", "said"),
    [
        (["export", "{f}", "--json", "-"], "fr", "La sortie de la commande est fermée"),
        (["info", "{f}"], "fr", "La sortie de la commande est fermée"),
        (["match", "{f}", "--top", "1"], "en", "The command's output is closed"),
    ],
)
def test_a_closed_output_is_said_in_one_sentence(
    tmp_path: Path, args: list[str], lang: str, said: str
) -> None:
    work = tmp_path / "atelier.atelier"
    work.write_bytes(EXAMPLE.read_bytes())
    done = _run([a.format(f=work) for a in args], lang, None)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(said), done.stderr
    assert done.returncode == 1
    assert work.read_bytes() == EXAMPLE.read_bytes()


@pytest.mark.parametrize("args", [["export", "{f}", "--json", "-"], ["info", "{f}"]])
def test_a_reader_gone_ends_the_command_quietly(tmp_path: Path, args: list[str]) -> None:
    """`… | head -0`: the pipe's reading end closed before the command writes."""
    work = tmp_path / "atelier.atelier"
    work.write_bytes(EXAMPLE.read_bytes())
    read, write = os.pipe()
    os.close(read)
    try:
        done = _run([a.format(f=work) for a in args], "fr", write)
    finally:
        os.close(write)
    assert done.stderr == "", done.stderr
    assert done.returncode == 1
    assert work.read_bytes() == EXAMPLE.read_bytes()

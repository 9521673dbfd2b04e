"""« atelier export FILE --json OUT --anonymise » wrote every name, note and contact of the
file and said « Exporté » (the option was silently ignored): a staff member sending what they
asked to be anonymised sent the names. It is refused in one sentence, nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT, run_cli


def test_json_asked_anonymised_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    source = tmp_path / "atelier.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", source)
    before = source.read_bytes()
    for target in (str(tmp_path / "anonyme.json"), "-"):
        done = run_cli("export", str(source), "--json", target, "--anonymise")
        assert done.returncode == 2, (done.stdout, done.stderr)
        assert "Lucie" not in done.stdout and "Exporté" not in done.stdout
        assert "--anonymise" in done.stderr and "--json" in done.stderr
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "anonyme.json").exists()
    english = run_cli("export", str(source), "--json", "-", "--anonymize", env={"ATELIER_LANG": "en"})
    assert english.returncode == 2 and "does not go with --json" in english.stderr, english.stderr
    assert source.read_bytes() == before

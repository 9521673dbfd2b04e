"""Two exports writing the same new file at once (a script running `atelier export --xlsx
same.xlsx` three times in the background, two terminals): each found no file of that name when
it began, wrote its own beside it, then renamed it into place. Without --force, the later ones
replaced the file another had just written, and all said « Exporté : same.xlsx ». The name is
taken only if it is still free as the file is put in place: the later one is refused with the
sentence said of an existing file, the file the other wrote stays byte-identical."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from atelier.errors import AtelierError
from atelier.exports.formats import export
from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
WORKSHOP = "2021-03-16"


def _workshop_id() -> str:
    from atelier.store import Store

    with Store.open(EXAMPLE, readonly=True) as store:
        return store.find_workshop(WORKSHOP).id


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _refusal(path: Path) -> str:
    return f"«\xa0{path}\xa0» existe déjà\u202f; choisissez un autre nom (ou --force pour le remplacer)."


@pytest.mark.parametrize(
    ("option", "name"), [("xlsx", "same.xlsx"), ("docx", "same.docx"), ("fiches", "f.docx")]
)
def test_a_file_exported_by_another_command_meanwhile_is_not_replaced(
    tmp_path: Path, option: str, name: str
) -> None:
    target = tmp_path / name
    made: dict[str, str] = {}

    def another_export_meanwhile(_percent: int, _step: str) -> None:
        # While this export reads and writes (its name checked free when it began), another
        # command, a process of its own, exports to the same name.
        if made:
            return
        done = run_cli("export", str(EXAMPLE), "--workshop", WORKSHOP, f"--{option}", str(target))
        assert done.returncode == 0, done.stderr
        made["digest"] = _digest(target)

    with pytest.raises(AtelierError) as refused:
        export(EXAMPLE, _workshop_id(), {option: target}, progress=another_export_meanwhile)

    assert str(refused.value) == _refusal(target)
    assert _digest(target) == made["digest"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary left beside it


def test_json_exported_by_another_command_while_written_is_not_replaced(tmp_path: Path) -> None:
    from atelier.store.files import replacing

    target = tmp_path / "same.json"
    with pytest.raises(AtelierError) as refused, replacing(target, export=True, replace=False) as temp:
        temp.write_text("{}\n", encoding="utf-8")
        # Written beside it, not yet in place: another command exports to the same name.
        assert run_cli("export", str(EXAMPLE), "--json", str(target)).returncode == 0
        before = _digest(target)
    assert str(refused.value) == _refusal(target)
    assert _digest(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["same.json"]


def test_without_hard_links_the_name_is_still_taken_only_if_free(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk without hard links (FAT, some network shares): still never replaced."""
    import errno
    import os

    from atelier.store.files import replacing

    def no_links(_source: object, _target: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "same.json"
    with pytest.raises(AtelierError) as refused, replacing(target, export=True, replace=False) as temp:
        temp.write_text("{}\n", encoding="utf-8")
        target.write_text("l'autre\n", encoding="utf-8")
    assert str(refused.value) == _refusal(target)
    assert target.read_text(encoding="utf-8") == "l'autre\n"
    free = tmp_path / "free.json"
    with replacing(free, export=True, replace=False) as temp:
        temp.write_text("{}\n", encoding="utf-8")
    assert free.read_text(encoding="utf-8") == "{}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["free.json", "same.json"]


def test_the_json_and_follow_up_writers_refuse_an_existing_file_without_force(tmp_path: Path) -> None:
    from atelier.exports import write_text
    from atelier.exports.xlsx import write_follow_up_xlsx

    for name, write in (
        ("same.json", lambda target: write_text(target, "{}\n", replace=False)),
        ("suivi.xlsx", lambda target: write_follow_up_xlsx([], target, replace=False)),
    ):
        target = tmp_path / name
        target.write_bytes(b"l'autre")
        with pytest.raises(AtelierError) as refused:
            write(target)
        assert str(refused.value) == _refusal(target)
        assert target.read_bytes() == b"l'autre"


def test_with_force_the_later_export_replaces_it(tmp_path: Path) -> None:
    target = tmp_path / "same.xlsx"

    def another_export_meanwhile(_percent: int, _step: str) -> None:
        if not target.exists():
            done = run_cli("export", str(EXAMPLE), "--workshop", WORKSHOP, "--xlsx", str(target))
            assert done.returncode == 0, done.stderr
            target.write_bytes(b"not this one")

    export(EXAMPLE, _workshop_id(), {"xlsx": target}, progress=another_export_meanwhile, replace=True)
    assert target.read_bytes()[:2] == b"PK"

"""The export formats, declared once, and the one function that writes them, for the command
line (`atelier export`) and the window's export dialog alike.

Adding a format is a writer module and one `Format` line in `FORMATS`: the command line gets
its option (`--NAME SORTIE.suffix`) and the dialog its target from this table.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from atelier.errors import FileRefused
from atelier.exports import ExportData, Progress, check_suffix, check_target

if TYPE_CHECKING:
    from atelier.domain import Workshop
    from atelier.exports.fiches import Fiche
    from atelier.matching.semantic import WordVectors
    from atelier.store import Store

MATCHING = "rapprochement"  # the step reported while a workshop never matched is matched first


@dataclass
class Job:
    """What the writers of one export share: the workshop's data, read once."""

    template: Path | None
    progress: Progress
    notes: list[str]  # what an export had to change (cells cut at Excel's limit), said after
    minutes: ExportData | None = None
    fiches: tuple[Workshop, list[Fiche]] | None = None
    lang: str = "fr"  # the documents' language: the interface's
    replace: bool = True  # an existing file (--force): else a name still free as it is written


@dataclass(frozen=True)
class Format:
    name: str  # the command line's option, the dialog's key: "docx"
    suffix: str  # of the file written: ".docx"
    write: Callable[[Job, Path], Path]
    reads: str = "minutes"  # what it writes from: "minutes" (exports.gather) or "fiches"
    template: bool = False  # takes the Word template (--template)
    names_people: bool = False  # a page per named participant: not to be anonymised
    help: tuple[str, str] = field(default=("", ""))  # the command line's help (fr, en)


def _docx(job: Job, target: Path) -> Path:
    from atelier.exports.word import write_docx

    assert job.minutes is not None
    written = write_docx(
        job.minutes, target, template=job.template, progress=job.progress, replace=job.replace
    )
    job.notes.extend(_stale_notes(job.minutes))
    return written


def _stale_notes(data: ExportData) -> list[str]:
    """A section the facilitator edited or wrote that still names someone deleted from the grid
    since, or whose figures the grid no longer gives: said, never printed silently (the minutes
    keep the facilitator's text as written)."""
    from atelier.exports import gone_sentences, minutes_synthesis, stale_sentences

    synthesis = minutes_synthesis(data)
    return gone_sentences(synthesis.named, data.lang) + stale_sentences(synthesis.stale, data.lang)


def _unsure_note(words: list[str], lang: str) -> str:
    """« Anonymisation : 2 mots laissés tels quels pourraient être des prénoms (« Pierre »,
    « Rose ») : relisez le document avant de le diffuser. »"""
    from atelier.french import counted, quoted

    return counted(len(words), "n.anonymise_unsure", lang, words=", ".join(quoted(w, lang) for w in words))


def _kept_note(names: list[str], lang: str) -> str:
    """« Anonymisation : 2 structures semblent contenir le nom d'une personne et restent
    imprimées telles quelles (« Guy Hoquet », « Paul Durand ») : … corrigez leurs lignes … »"""
    from atelier.french import counted, quoted

    return counted(len(names), "n.anonymise_kept", lang, names=", ".join(quoted(n, lang) for n in names))


def _unread_note(unread: list[tuple[str, str]], lang: str) -> str:
    """« Anonymisation : 1 structure semblait contenir le nom d'une personne, imprimée sans ce
    nom (« Karine et Luc Blanc / Centre social » → « Centre social ») : corrigez … »"""
    from atelier.french import counted, quoted

    said = ", ".join(f"{quoted(cell, lang)} → {quoted(label, lang)}" for cell, label in unread)
    return counted(len(unread), "n.anonymise_unread", lang, cells=said)


def _xlsx(job: Job, target: Path) -> Path:
    from atelier.exports.xlsx import write_xlsx

    assert job.minutes is not None
    return write_xlsx(job.minutes, target, progress=job.progress, notes=job.notes, replace=job.replace)


def _fiches(job: Job, target: Path) -> Path:
    from atelier.exports.fiches import write_fiches

    assert job.fiches is not None
    workshop, pages = job.fiches
    return write_fiches(
        workshop,
        pages,
        target,
        template=job.template,
        progress=job.progress,
        lang=job.lang,
        replace=job.replace,
    )


# In the order they are written when several are asked (the dialog's).
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "fiches",
            ".docx",
            _fiches,
            reads="fiches",
            template=True,
            names_people=True,
            help=(
                "une page Word par participant : ce qu'il cherche et qui peut l'aider, ce qu'il "
                "propose et qui l'a demandé",
                "a Word page per participant: what they need and who can help, what they offer and who asked",
            ),
        ),
        Format("docx", ".docx", _docx, template=True, help=("compte rendu Word", "Word minutes")),
        Format("xlsx", ".xlsx", _xlsx, help=("tableaux de synthèse Excel", "Excel summary tables")),
    )
}


def check_targets(
    source: Path, targets: dict[str, Path], template: Path | None = None, *, replace: bool = False
) -> None:
    """Refuse, before any reading or matching, a target that must not be written (its input,
    any workshop file, the template it reads, an existing file unless `replace`, a document
    open elsewhere, a file named twice, a name whose extension is another format's) and a
    template that is not a file."""
    from atelier.store.files import same_file

    uses_template = template is not None and any(FORMATS[name].template for name in targets)
    seen: list[Path] = []
    for name, target in targets.items():
        check_target(
            target,
            (Path(source),),
            template=template if uses_template else None,
            replace=replace,
            suffix=FORMATS[name].suffix,
        )
        check_suffix(target, FORMATS[name].suffix)
        if any(
            os.path.realpath(target) == os.path.realpath(other) or same_file(target, other) for other in seen
        ):
            raise FileRefused("export.same_target", path=target)
        seen.append(Path(target))
    if template is not None and uses_template:
        from atelier.exports.word import check_template

        check_template(template)


def export(
    source: Path,
    workshop_id: str,
    targets: dict[str, Path],
    *,
    anonymise: bool = False,
    template: Path | None = None,
    progress: Progress | None = None,
    notes: list[str] | None = None,
    replace: bool = False,
    lang: str | None = None,
    opening: Callable[[], Store] | None = None,
) -> list[Path]:
    """Write each asked format (`targets`: format name → file) of one workshop of `source`;
    an existing file only if `replace` (checked first, as check_targets says).

    The file is read once, on its own read-only connection (a worker thread may run this):
    `source` opened by its name and checked whole (the command line), or what `opening`
    gives (the window: its own file, already checked, not whatever lies at its name now).
    A workshop never matched is matched first, in memory and with meaning (the file is not
    changed), and `progress` says so with the step `MATCHING`.

    The documents are written in `lang` (the interface's language by default: the window's
    setting, or ATELIER_LANG and the system's for the command line), French unless English."""
    from atelier.domain import MatchStatus
    from atelier.exports import document_language, gather
    from atelier.store import Store

    check_targets(source, targets, template, replace=replace)  # the window's dialog comes here directly
    say: Progress = progress or (lambda _percent, _step: None)
    job = Job(
        template, say, notes if notes is not None else [], lang=document_language(lang), replace=replace
    )
    reads = {FORMATS[name].reads for name in targets}
    with opening() if opening is not None else Store.open(source, readonly=True) as store, store.reading():
        vectors: WordVectors | None = None
        if not store.matches(workshop_id, MatchStatus.SUGGESTED):
            from atelier.matching.semantic import shared_vectors

            say(5, MATCHING)
            vectors = shared_vectors()
        if "minutes" in reads:
            job.minutes = gather(
                store,
                workshop_id,
                anonymise=anonymise,
                progress=say,
                vectors=vectors,
                lang=job.lang,
            )
            if job.minutes.unsure:  # said to whoever exports, never written in the documents
                job.notes.append(_unsure_note(job.minutes.unsure, job.lang))
            if job.minutes.unread:
                job.notes.append(_unread_note(job.minutes.unread, job.lang))
            if job.minutes.kept_named:
                job.notes.append(_kept_note(job.minutes.kept_named, job.lang))
        if "fiches" in reads:
            from atelier.exports.fiches import fiches_for

            job.fiches = fiches_for(store, workshop_id, vectors=vectors, progress=say, lang=job.lang)
            if not job.fiches[1]:  # a document of no page is not « exporté »
                from atelier.errors import AtelierError

                raise AtelierError("export.no_pages", title=job.fiches[0].title)
    return [format.write(job, targets[name]) for name, format in FORMATS.items() if name in targets]

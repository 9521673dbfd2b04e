"""Take screenshots of the real window under a real X server (Xvfb), for the README and reviews.

    SHOT_FIT=1 xvfb-run -s "-screen 0 1920x1080x24" python scripts/screenshot.py window docs/fenetre.png
    SHOT_FIT=1 xvfb-run -s "-screen 0 1366x768x24" python scripts/screenshot.py window docs/fenetre-1366.png
    xvfb-run -s "-screen 0 1920x1080x24" python scripts/screenshot.py projector-cards OUT.png
    xvfb-run -s "-screen 0 1920x1080x24" python scripts/screenshot.py projector-network OUT.png
    xvfb-run -s "-screen 0 1600x1000x24" python scripts/screenshot.py repertoire docs/repertoire.png
    xvfb-run -s "-screen 0 1600x1000x24" python scripts/screenshot.py import docs/import.png
    xvfb-run -s "-screen 0 1600x1000x24" python scripts/screenshot.py suivi docs/suivi.png
    xvfb-run -s "-screen 0 1600x1000x24" python scripts/screenshot.py shortcuts docs/aide-raccourcis.png

(OUT: docs/projecteur-mises-en-relation.png, docs/projecteur-reseau.png.)
The whole screen is grabbed from the X server, as a user would see it.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(scene: str, output: str, source: str | None = None) -> int:
    import os

    os.environ.setdefault("ATELIER_DATA_DIR", tempfile.mkdtemp(prefix="atelier-shot-"))
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    from atelier.store import Store
    from atelier.ui.app import application
    from atelier.ui.main_window import MainWindow

    app = application()
    work = Path(tempfile.mkdtemp(prefix="atelier-shot-")) / "atelier.atelier"
    shutil.copy(source or ROOT / "examples" / "atelier-2021-03-16.atelier", work)
    if scene == "repertoire":
        _three_workshops(work)
    window = MainWindow(Store.open(work))
    window.resize(1560, 960)
    window.move(20, 20)
    if os.environ.get("SHOT_FIT"):  # the whole screen: a 1366×768 laptop shows its status bar
        window.setGeometry(app.primaryScreen().availableGeometry())
    window.show()
    extra: list = []

    def confirm_best(count: int) -> None:
        """The example matched, its `count` best suggestions confirmed by the facilitator."""
        from atelier.domain import MatchStatus
        from atelier.matching import match_workshop, save_suggestions

        store = window.store
        workshop_id = window.model.workshop_id
        save_suggestions(store, workshop_id, match_workshop(store, workshop_id).suggestions)
        for match in sorted(store.matches(workshop_id), key=lambda m: -m.score)[:count]:
            store.update_match(match.id, status=MatchStatus.CONFIRMED)
        window.model.matches_changed.emit()

    def pick(who: str) -> None:
        """The needs of the first participant whose first name starts with `who`: the panel
        says who can help them."""
        for row in range(window.model.rowCount()):
            participant = window.model.participant_at(row)
            named = participant.names[0] if participant.names else participant.organisation
            if named.startswith(who):  # a row with no person read: by its structure
                window._select(participant.id, 3)
                return

    if scene == "import":
        from atelier.ui.import_dialog import ImportDialog

        dialog = ImportDialog(ROOT / "examples" / "grille-atelier-2021-03-16.docx", window)
        dialog.read_now()
        dialog.move(200, 60)
        dialog.show()
        extra.append(dialog)
    elif scene == "glossary":
        from atelier.domain import GlossaryEntry, GlossaryKind

        workshop_id = window.model.workshop_id
        window.store.put_glossary_entry(
            GlossaryEntry(workshop_id, GlossaryKind.ACRONYM, "CLEE", ["comité local école entreprise"])
        )
        window.store.put_glossary_entry(
            GlossaryEntry(workshop_id, GlossaryKind.FAMILY, "partage", ["partage", "mutualisation"])
        )
        dialog = window.edit_glossary(show=False)
        dialog.move(300, 120)
        dialog.show()
        extra.append(dialog)
    elif scene.startswith("projector-"):
        view = scene.split("-", 1)[1]
        # « projector-cards-suggestions »: nothing confirmed, the suggestions turned on (the
        # facilitator's Projecteur › Montrer les suggestions); else the six best confirmed.
        suggested = view.endswith("-suggestions")
        view = view.removesuffix("-suggestions")
        confirm_best(0 if suggested else int(os.environ.get("SHOT_CONFIRM", "6")))
        if suggested:
            window.suggestions_action.setChecked(True)
        private = view.endswith("-private")
        view = view.removesuffix("-private")
        if private:
            window.privacy_action.setChecked(True)
        pick(os.environ.get("SHOT_WHO", "Lucie"))
        window.projector_view(view)
        window.projector.setGeometry(app.primaryScreen().geometry())  # no window manager under Xvfb
        window.projector.showFullScreen()
    elif scene == "suivi":
        # « Suivi » a week after the workshop: eight matches confirmed, their steps dated on
        # the days they happened (decided at the workshop, contacts since), one being dated with
        # Maj+C, its day typed and its key line saying so.
        from atelier.domain import FollowUp, MatchStatus
        from atelier.matching import match_workshop, save_suggestions

        store = window.store
        workshop_id = window.model.workshop_id
        save_suggestions(store, workshop_id, match_workshop(store, workshop_id).suggestions)
        chosen = sorted(store.matches(workshop_id), key=lambda m: -m.score)[:8]
        steps = [
            ("2021-03-22", FollowUp.CONTACTED, "Appelée, RDV le 12 avril"),
            ("2021-04-12", FollowUp.DONE, "Annuaire envoyé"),
            ("2021-03-25", FollowUp.DROPPED, "Plus de budget"),
            ("2021-03-23", FollowUp.CONTACTED, ""),
        ]
        for number, match in enumerate(chosen):
            store.update_match(match.id, status=MatchStatus.CONFIRMED)
            store.set_follow_up(match.id, FollowUp.TO_CONTACT, day="2021-03-16")  # decided there
            if number < len(steps):
                day, state, note = steps[number]
                store.set_follow_up(match.id, state, note=note or None, day=day)
        window.model.matches_changed.emit()

        def date_one() -> None:
            from PySide6.QtWidgets import QLineEdit

            window.show_page("followup")
            view = window.followup
            view.select_match(chosen[-1].id)
            view.table.setFocus()
            view.date_current(FollowUp.CONTACTED)
            editor = view.table.findChild(QLineEdit, "followupDay")
            if editor is not None:
                editor.setText("29/03/2021")  # typed as a facilitator would, not yet recorded

        QTimer.singleShot(1200, date_one)  # once « Suivi » has read the matches
    elif scene == "shortcuts":
        # F1's list of keys, the size of docs/aide-raccourcis.png (1180×660), at the window's corner.
        dialog = window.show_shortcuts(show=False)
        dialog.setGeometry(0, 0, 1180, 660)
        dialog.show()
        extra.append(dialog)
    elif scene == "matches":
        QTimer.singleShot(900, lambda: pick(os.environ.get("SHOT_WHO", "Eric")))
    elif scene == "window":
        # The README's window: the six best suggestions confirmed, Lucie Leroy's needs chosen
        # and, beside the grid, who can help with each (« Nom (Structure) », ✓ when confirmed).
        confirm_best(6)
        QTimer.singleShot(900, lambda: pick(os.environ.get("SHOT_WHO", "Lucie")))
    elif scene == "merge":
        from atelier.domain import Participant

        other = work.with_name("table-2.atelier")
        shutil.copy(work, other)
        with Store.open(other) as second:
            workshop_id = second.workshops()[0].id
            first = second.participants(workshop_id)[0]
            newcomer = Participant(workshop_id, names=["Nina Vidal"], organisation="Mission locale")
            second.add_participant(newcomer)
            window.store.update_participant(first.id, territory="Monts et barrages (table 1)")
            second.update_participant(first.id, territory="Monts et barrages (table 2)")
        QTimer.singleShot(300, lambda: window.merge_file(other))
    elif scene == "merge-history":
        import time

        from atelier.domain import Participant

        workshop_id = window.model.workshop_id
        first = window.store.participants(workshop_id)[0]
        for table, place in (
            ("table-2", "Monts et barrages (table 2)"),
            ("table-3", "Haute-Corrèze (table 3)"),
        ):
            other = work.with_name(f"{table}.atelier")
            window.store.update_participant(first.id, territory=f"Saisie de la table 1 avant la {table}")
            time.sleep(0.01)
            shutil.copy(work, other)
            with Store.open(other) as capture:
                capture.add_participant(Participant(workshop_id, names=[f"Nina Vidal ({table})"]))
                capture.update_participant(first.id, territory=place)
            window.merge_file(other, report=False, confirm=False)

        def history() -> None:
            dialog = window.show_merge_history(show=False)
            dialog.move(200, 80)
            dialog.show()
            extra.append(dialog)

        QTimer.singleShot(300, history)
    elif scene == "gone":
        from atelier.domain import ItemKind
        from atelier.ui.commands import EditCell, push

        def pull_the_stick() -> None:
            work.unlink()
            first = window.model.participant_at(0)
            push(
                window.model,
                EditCell(window.model, first.id, ItemKind.NEED, ["Besoin tapé après le retrait"]),
            )

        QTimer.singleShot(300, pull_the_stick)
    elif scene == "restore":
        from atelier.backups import make_backup

        workshop_id = window.model.workshop_id
        from atelier.domain import Participant

        for name in ("Nina Vidal", "Paul Aubert"):
            window.store.add_participant(Participant(workshop_id, names=[name]))
            make_backup(window.store, "open")
        QTimer.singleShot(300, lambda: window.restore_backup())
    elif scene == "export-replace":
        # The export dialog asking « Remplacer ? » before it writes over existing files.
        def export_over() -> None:
            dialog = window.export_office(show=False)
            folder = work.parent
            for suffix in (".docx", ".xlsx"):
                (folder / f"{dialog.name.text()}{suffix}").write_bytes(b"already there")
            dialog.folder.setText(str(folder))
            dialog.move(300, 160)
            dialog.show()
            extra.append(dialog)
            QTimer.singleShot(200, dialog.start)

        QTimer.singleShot(300, export_over)
    elif scene == "repertoire":
        # « Répertoire » (Alt+3) over the example imported three times (2021, 2022, 2023):
        # « clauses d'insertion » typed, each hit with who said it and at which workshop.
        window.show_page("directory")
        window.directory.field.setText("clauses d'insertion")
        window.directory.search_now()
        window.directory.table.selectRow(0)
    elif scene != "main":
        hook = getattr(window, f"screenshot_scene_{scene}", None)
        if hook is None:
            print(f"unknown scene {scene}", file=sys.stderr)
            return 2
        hook()

    def grab() -> None:
        screen = QGuiApplication.primaryScreen()
        if scene == "shortcuts":  # the dialog alone, as the README shows it
            extra[0].grab().save(output)
        else:
            screen.grabWindow(0).save(output)
        print(output)
        app.quit()

    QTimer.singleShot(int(os.environ.get("SHOT_DELAY_MS", "2500")), grab)  # longer: let the model load
    return app.exec()


def _three_workshops(work: Path) -> None:
    """The example's grid added twice more to `work`, as the workshops of 2022 and 2023,
    and a participant of 2021 who needs what others offer there."""
    import subprocess

    from atelier.domain import Item, ItemKind, Participant
    from atelier.store import Store

    grid = ROOT / "examples" / "grille-atelier-2021-03-16.docx"
    for day, said in (("2022-03-15", "15 mars 2022"), ("2023-03-14", "14 mars 2023")):
        title = f"Atelier territorial du {said}"
        added = ["import", str(grid), "--into", str(work), "--new-workshop", "--date", day, "--title", title]
        subprocess.run([sys.executable, "-m", "atelier", *added], check=True, capture_output=True)
    need = "mobiliser les entreprises sur les clauses d'insertion"
    with Store.open(work) as store:
        workshop = next(w for w in store.workshops() if w.date == "2021-03-16")
        newcomer = Participant(workshop.id, names=["Gérard Müller"], organisation="Mission locale du Médoc")
        store.add_participant(newcomer)
        store.add_item(Item(newcomer.id, ItemKind.NEED, need))


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))

"""Every sentence said outside the window (command line, its help, errors, documents' notes),
in French first, with English: `message(key, **params)` in the user's language.

A catalogue, kept in one file over 500 lines on purpose: a translator reads every sentence
of the command line in one place. The window's sentences go through Qt (atelier/ui/translate.py).
"""

from __future__ import annotations

import os
import re

# Every message a user can read outside the window. Keys are stable identifiers;
# the window translates its own strings with Qt Linguist files in atelier/resources/i18n/.
# French typography is typed in (this module sits below atelier.french): an espace
# insécable (\xa0) before « : » and inside guillemets, a fine one (\u202f) before ; ! ?
MESSAGES: dict[str, dict[str, str]] = {
    "file.missing": {
        "fr": "Le fichier «\xa0{path}\xa0» est introuvable.",
        "en": "The file “{path}” does not exist.",
    },
    "file.not_atelier": {
        "fr": "«\xa0{path}\xa0» n'est pas un fichier Atelier\u202f; il n'a pas été modifié.",
        "en": "“{path}” is not an Atelier file; it was left unchanged.",
    },
    "file.empty": {
        "fr": (
            "«\xa0{path}\xa0» est un fichier vide (0\xa0octet), sans doute une copie interrompue\xa0: "
            "aucune sauvegarde de ce fichier n'existe sur cet ordinateur\u202f; ouvrez une autre copie "
            "de l'atelier si vous en avez une (clé USB, courriel). Il n'a pas été modifié."
        ),
        "en": (
            "“{path}” is an empty file (0 bytes), probably an interrupted copy: there is no backup "
            "of it on this computer; open another copy of the workshop if you have one (USB key, "
            "e-mail). It was left unchanged."
        ),
    },
    "file.empty_backup": {
        "fr": (
            "«\xa0{path}\xa0» est un fichier vide (0\xa0octet), sans doute une copie interrompue\xa0: "
            "sa dernière sauvegarde, du {when}, est «\xa0{backup}\xa0»\u202f; copiez-la à sa place. "
            "Il n'a pas été modifié."
        ),
        "en": (
            "“{path}” is an empty file (0 bytes), probably an interrupted copy: its latest backup, "
            "from {when}, is “{backup}”; copy it in its place. It was left unchanged."
        ),
    },
    "kind.text": {"fr": "texte", "en": "text"},
    "file.grid_not_atelier": {
        "fr": (
            "«\xa0{path}\xa0» est un fichier {kind}, pas un fichier Atelier\xa0: pour reprendre sa grille, "
            "importez-le (Fichier\xa0›\xa0Importer une grille…, Ctrl+I, ou «\xa0atelier import\xa0»)\u202f; "
            "il n'a pas été modifié."
        ),
        "en": (
            "“{path}” is {article} {kind} file, not an Atelier file: to bring its grid in, import it "
            "(File\xa0›\xa0Import a grid…, Ctrl+I, or “atelier import”); it was left unchanged."
        ),
    },
    "file.corrupt": {
        "fr": "Le fichier Atelier «\xa0{path}\xa0» est endommagé ({detail})\u202f; il n'a pas été modifié.",
        "en": "The Atelier file “{path}” is damaged ({detail}); it was left unchanged.",
    },
    "file.corrupt_backup": {
        "fr": (
            "Le fichier Atelier «\xa0{path}\xa0» est endommagé ({detail})\u202f; il n'a pas été modifié. "
            "Sa dernière sauvegarde, du {when}, est «\xa0{backup}\xa0»\xa0: copiez-la à sa place."
        ),
        "en": (
            "The Atelier file “{path}” is damaged ({detail}); it was left unchanged. Its latest "
            "backup, from {when}, is “{backup}”: copy it in its place."
        ),
    },
    "detail.unreadable": {"fr": "contenu illisible", "en": "unreadable content"},
    "detail.truncated": {"fr": "fichier tronqué", "en": "truncated file"},
    "detail.header": {"fr": "en-tête invalide", "en": "invalid header"},
    "detail.denied": {"fr": "accès refusé", "en": "access denied"},
    "detail.bad_text": {
        "fr": "texte illisible\xa0: octets qui ne sont pas de l'UTF-8",
        "en": "unreadable text: bytes that are not UTF-8",
    },
    "detail.bad_text_in": {
        "fr": "texte illisible dans la table «\xa0{table}\xa0»\xa0: octets qui ne sont pas de l'UTF-8",
        "en": "unreadable text in table “{table}”: bytes that are not UTF-8",
    },
    "detail.bad_json": {
        "fr": "valeur illisible dans la colonne «\xa0{column}\xa0» de la table «\xa0{table}\xa0»",
        "en": "unreadable value in column “{column}” of table “{table}”",
    },
    "detail.columns": {
        "fr": "colonnes absentes de la table «\xa0{table}\xa0»\xa0: {columns}",
        "en": "columns missing from table “{table}”: {columns}",
    },
    "detail.index": {"fr": "index incohérent avec les données", "en": "an index disagrees with the data"},
    "file.no_tables": {
        "fr": (
            "«\xa0{path}\xa0» porte l'en-tête d'un fichier Atelier mais n'en a pas les tables "
            "({tables})\xa0: il n'a pas été écrit par Atelier, ou il est endommagé. Il n'a pas été "
            "modifié."
        ),
        "en": "“{path}” has an Atelier file's header but not its tables ({tables}): it was not written "
        "by Atelier, or it is damaged. It was left unchanged.",
    },
    "file.foreign_schema": {
        "fr": (
            "«\xa0{path}\xa0» contient des éléments qu'Atelier n'a pas écrits ({found})\xa0: par "
            "précaution, il n'est pas ouvert. Il n'a pas été modifié."
        ),
        "en": (
            "“{path}” holds things Atelier did not write ({found}): as a precaution it is not opened. "
            "It was left unchanged."
        ),
    },
    "file.missing_schema": {
        "fr": (
            "«\xa0{path}\xa0» n'a plus tous les éléments qu'Atelier écrit dans ses fichiers (il y "
            "manque {found})\xa0: il a été modifié par un autre programme, ou il est endommagé. "
            "Par précaution, il n'est pas ouvert. Il n'a pas été modifié."
        ),
        "en": (
            "“{path}” lacks things Atelier writes in its files ({found} missing): it was changed by "
            "another program, or it is damaged. As a precaution it is not opened. It was left "
            "unchanged."
        ),
    },
    "schema.name": {"fr": "«\xa0{name}\xa0»", "en": "“{name}”"},
    # What a file holds that Atelier did not write, one kind or several, with their names.
    "schema.trigger": {"fr": "déclencheur {names}", "en": "trigger {names}"},
    "schema.triggers": {"fr": "déclencheurs {names}", "en": "triggers {names}"},
    "schema.view": {"fr": "vue {names}", "en": "view {names}"},
    "schema.views": {"fr": "vues {names}", "en": "views {names}"},
    "schema.table": {"fr": "table {names}", "en": "table {names}"},
    "schema.tables": {"fr": "tables {names}", "en": "tables {names}"},
    "schema.index": {"fr": "index {names}", "en": "index {names}"},
    "schema.indexes": {"fr": "index {names}", "en": "indexes {names}"},
    "file.foreign_schema_while_open": {
        "fr": (
            "«\xa0{path}\xa0» a été modifié par un autre programme depuis son ouverture\xa0: il "
            "contient maintenant des éléments qu'Atelier n'a pas écrits ({found}). Par précaution, "
            "rien de plus n'y a été lu ni écrit."
        ),
        "en": (
            "“{path}” was changed by another program since it was opened: it now holds things "
            "Atelier did not write ({found}). As a precaution, nothing more was read from it or "
            "written to it."
        ),
    },
    "file.missing_schema_while_open": {
        "fr": (
            "«\xa0{path}\xa0» a été modifié par un autre programme depuis son ouverture\xa0: il y "
            "manque maintenant {found}. Par précaution, rien de plus n'y a été lu ni écrit."
        ),
        "en": (
            "“{path}” was changed by another program since it was opened: {found} now missing. As "
            "a precaution, nothing more was read from it or written to it."
        ),
    },
    # What a file lacks of what Atelier writes, said after « il y manque » (English: « … missing »).
    "schema.missing.trigger": {"fr": "le déclencheur {names}", "en": "trigger {names}"},
    "schema.missing.triggers": {"fr": "les déclencheurs {names}", "en": "triggers {names}"},
    "schema.missing.table": {"fr": "la table {names}", "en": "table {names}"},
    "schema.missing.tables": {"fr": "les tables {names}", "en": "tables {names}"},
    "schema.missing.index": {"fr": "l'index {names}", "en": "index {names}"},
    "schema.missing.indexes": {"fr": "les index {names}", "en": "indexes {names}"},
    "file.newer": {
        "fr": (
            "«\xa0{path}\xa0» a été enregistré par une version plus récente d'Atelier "
            "(format {found}, cette version lit jusqu'au format {supported})\u202f; "
            "mettez Atelier à jour. Le fichier n'a pas été modifié."
        ),
        "en": (
            "“{path}” was saved by a newer version of Atelier (format {found}, this "
            "version reads up to format {supported}); please update Atelier. "
            "The file was left unchanged."
        ),
    },
    "file.replaced_while_open": {
        "fr": (
            "«\xa0{path}\xa0» vient d'être remplacé sur le disque par un autre fichier (une "
            "synchronisation\u202f?)\xa0: rien n'a été lu ni écrit\u202f; recommencez, Atelier lira "
            "l'atelier ouvert dans la fenêtre."
        ),
        "en": (
            "“{path}” has just been replaced on the disk by another file (a sync?): nothing was read "
            "or written; try again, Atelier will read the workshop open in the window."
        ),
    },
    "file.exists": {
        "fr": "«\xa0{path}\xa0» existe déjà\u202f; choisissez un autre nom (ou --force pour le remplacer).",
        "en": "“{path}” already exists; choose another name (or --force to replace it).",
    },
    "file.exists_not_named": {
        "fr": (
            "«\xa0{path}\xa0» existe déjà\xa0: Atelier ajoute .atelier à «\xa0{given}\xa0», mais ne remplace "
            "pas un fichier que vous n'avez pas nommé\u202f; choisissez un autre nom "
            "(ou «\xa0{path}\xa0» avec --force pour le remplacer)\u202f; rien n'a été écrit."
        ),
        "en": (
            "“{path}” already exists: Atelier adds .atelier to “{given}”, but never replaces a file you "
            "did not name; choose another name (or “{path}” with --force to replace it); nothing was written."
        ),
    },
    "file.no_backup": {
        "fr": (
            "«\xa0{path}\xa0» n'a pas été remplacé\xa0: sa copie de sauvegarde n'a pas pu être "
            "écrite (disque plein\u202f?). Rien n'a été écrit."
        ),
        "en": (
            "“{path}” was not replaced: its backup copy could not be written (disk full?). "
            "Nothing was written."
        ),
    },
    "file.not_a_workshop": {
        "fr": (
            "«\xa0{path}\xa0» n'est pas un fichier d'atelier\xa0: --force ne remplace qu'un fichier "
            "d'atelier\u202f; choisissez un autre nom. Rien n'a été écrit."
        ),
        "en": "“{path}” is not a workshop file: --force only replaces a workshop file; choose another name. "
        "Nothing was written.",
    },
    "file.readonly": {
        "fr": "Impossible d'écrire dans «\xa0{path}\xa0»\xa0: dossier ou fichier en lecture seule.",
        "en": "Cannot write to “{path}”: the folder or file is read-only.",
    },
    "file.journal_is_dir": {
        "fr": (
            "«\xa0{side}\xa0», à côté de «\xa0{path}\xa0», est un dossier, à la place du journal "
            "de ce fichier\xa0: déplacez-le ou renommez-le, puis réessayez\u202f; le fichier n'a pas "
            "été modifié."
        ),
        "en": (
            "“{side}”, beside “{path}”, is a folder where this file's journal goes: move or rename "
            "it, then try again; the file was left unchanged."
        ),
    },
    "file.is_dir": {
        "fr": "«\xa0{path}\xa0» est un dossier, pas un fichier.",
        "en": "“{path}” is a folder, not a file.",
    },
    "file.locked": {
        "fr": "«\xa0{path}\xa0» est en cours d'utilisation par un autre programme\u202f; réessayez.",
        "en": "“{path}” is being used by another program; try again.",
    },
    "file.open_elsewhere": {
        "fr": (
            "«\xa0{path}\xa0» est ouvert dans une autre fenêtre d'Atelier\u202f; fermez-la, puis réessayez."
        ),
        "en": "“{path}” is open in another Atelier window; close it, then try again.",
    },
    "file.written_elsewhere": {
        "fr": (
            "«\xa0{path}\xa0» est en cours d'écriture par une autre commande d'Atelier\u202f; "
            "réessayez quand elle aura fini."
        ),
        "en": "“{path}” is being written by another Atelier command; try again once it has finished.",
    },
    "file.io": {
        "fr": "Erreur d'accès au fichier «\xa0{path}\xa0»\xa0: {detail}.",
        "en": "Could not access “{path}”: {detail}.",
    },
    "file.denied": {
        "fr": "Impossible de lire «\xa0{path}\xa0»\xa0: accès refusé\u202f; rien n'a été modifié.",
        "en": "Cannot read “{path}”: access denied; nothing was changed.",
    },
    "file.loop": {
        "fr": (
            "«\xa0{path}\xa0» est un lien symbolique qui boucle (il renvoie à lui-même)\u202f; "
            "rien n'a été lu ni écrit."
        ),
        "en": "“{path}” is a symbolic link that loops back on itself; nothing was read or written.",
    },
    "file.not_regular": {
        "fr": (
            "«\xa0{path}\xa0» n'est pas un fichier ordinaire (tube, périphérique ou socket)\u202f; "
            "rien n'a été lu ni écrit."
        ),
        "en": "“{path}” is not a regular file (a pipe, a device or a socket); nothing was read or written.",
    },
    "file.is_input": {
        "fr": (
            "«\xa0{path}\xa0» est le fichier lu par cette commande\xa0: choisissez un autre nom de sortie."
        ),
        "en": "“{path}” is the file this command reads: choose another output name.",
    },
    "file.too_large_for_system": {
        "fr": (
            "«\xa0{path}\xa0» dépasse la taille de fichier que le système autorise\u202f; rien n'a "
            "été modifié."
        ),
        "en": "“{path}” exceeds the file size the system allows; nothing was changed.",
    },
    "folder.missing": {
        "fr": "Le dossier «\xa0{path}\xa0» n'existe pas\u202f; rien n'a été écrit.",
        "en": "The folder “{path}” does not exist; nothing was written.",
    },
    "folder.not_folder": {
        "fr": "«\xa0{path}\xa0» n'est pas un dossier\u202f; rien n'a été écrit.",
        "en": "“{path}” is not a folder; nothing was written.",
    },
    "name.too_long": {
        "fr": (
            "Le nom «\xa0{name}\xa0» est trop long ({length} octets\u202f; {limit} au plus)\xa0: "
            "choisissez un nom plus court. Rien n'a été écrit."
        ),
        "en": "The name “{name}” is too long ({length} bytes; {limit} at most): choose a shorter one. "
        "Nothing was written.",
    },
    "path.too_long": {
        "fr": (
            "Le chemin «\xa0{path}\xa0» est trop long pour le système ({length} octets)\xa0: "
            "choisissez un dossier moins profond ou des noms plus courts. Rien n'a été écrit."
        ),
        "en": (
            "The path “{path}” is too long for the system ({length} bytes): choose a folder less "
            "deep or shorter names. Nothing was written."
        ),
    },
    "name.not_utf8_read": {
        "fr": (
            "Le nom «\xa0{path}\xa0» contient des octets qui ne sont pas du texte (UTF-8)\xa0: "
            "renommez le fichier en caractères ordinaires, puis réessayez. Il n'a pas été modifié."
        ),
        "en": "The name “{path}” holds bytes that are not text (UTF-8): rename the file with plain "
        "characters, then try again. It was left unchanged.",
    },
    "name.not_utf8": {
        "fr": (
            "Le nom «\xa0{path}\xa0» contient des octets qui ne sont pas du texte (UTF-8)\xa0: "
            "choisissez un nom en caractères ordinaires. Rien n'a été écrit."
        ),
        "en": "The name “{path}” holds bytes that are not text (UTF-8): choose a plain name. "
        "Nothing was written.",
    },
    "text.not_utf8": {
        "fr": (
            "Le texte donné à {what} contient des octets qui ne sont pas de l'UTF-8 "
            "(«\xa0{value}\xa0»)\xa0: retapez-le\u202f; rien n'a été écrit."
        ),
        "en": (
            "The text given to {what} holds bytes that are not UTF-8 (“{value}”): "
            "type it again; nothing was written."
        ),
    },
    "cli.output_closed": {
        "fr": (
            "La sortie de la commande est fermée\xa0: ce qu'elle devait y écrire ne l'a pas été\u202f; "
            "relancez-la sans fermer sa sortie (ou envoyez-la dans un fichier)."
        ),
        "en": (
            "The command's output is closed: what it had to write there was not written; run it again "
            "without closing its output (or send it to a file)."
        ),
    },
    "cli.output_full": {
        "fr": (
            "Plus de place sur le disque pour la sortie de la commande\xa0: libérez de la place "
            "ou envoyez-la ailleurs, puis réessayez."
        ),
        "en": "No space left on the disk for the command's output: free some space or send it elsewhere, "
        "then try again.",
    },
    "disk.full": {
        "fr": (
            "Plus de place sur le disque pour écrire «\xa0{path}\xa0»\xa0: libérez de la place, "
            "puis réessayez\u202f; rien n'a été modifié."
        ),
        "en": "No space left on the disk to write “{path}”: free some space, then try again; "
        "nothing was changed.",
    },
    "disk.io": {
        "fr": (
            "Le disque n'a pas pu lire ou écrire «\xa0{path}\xa0» (support retiré ou "
            "abîmé\u202f?)\u202f; rien n'a été modifié."
        ),
        "en": "The disk could not read or write “{path}” (medium removed or damaged?); nothing was changed.",
    },
    "export.onto_input": {
        "fr": (
            "«\xa0{path}\xa0» est le fichier exporté lui-même\xa0: choisissez un autre nom de "
            "sortie\u202f; rien n'a été écrit."
        ),
        "en": "“{path}” is the file being exported: choose another output name; nothing was written.",
    },
    "export.onto_template": {
        "fr": (
            "«\xa0{path}\xa0» est le modèle Word que cet export lit\xa0: choisissez un autre nom de "
            "sortie\u202f; rien n'a été écrit."
        ),
        "en": "“{path}” is the Word template this export reads: choose another output name; "
        "nothing was written.",
    },
    "export.exists_not_named": {
        "fr": (
            "«\xa0{path}\xa0» existe déjà\xa0: Atelier ajoute {suffix} à «\xa0{given}\xa0», mais ne remplace "
            "pas un fichier que vous n'avez pas nommé\u202f; choisissez un autre nom "
            "(ou «\xa0{path}\xa0» avec --force pour le remplacer)\u202f; rien n'a été écrit."
        ),
        "en": (
            "“{path}” already exists: Atelier adds {suffix} to “{given}”, but never replaces a file you "
            "did not name; choose another name (or “{path}” with --force to replace it); nothing was written."
        ),
    },
    "file.workshop_suffix": {
        "fr": (
            "«\xa0{path}\xa0» se termine par {found}, mais un fichier d'atelier est un fichier .atelier\xa0: "
            "donnez-lui un nom en .atelier\u202f; rien n'a été écrit."
        ),
        "en": "“{path}” ends in {found}, but a workshop file is an .atelier file: give it a name ending "
        "in .atelier; nothing was written.",
    },
    "export.wrong_suffix": {
        "fr": (
            "«\xa0{path}\xa0» se termine par {found}, mais cet export est un fichier {suffix}\xa0: "
            "donnez-lui un nom en {suffix}\u202f; rien n'a été écrit."
        ),
        "en": "“{path}” ends in {found}, but this export is a {suffix} file: give it a name ending "
        "in {suffix}; nothing was written.",
    },
    "export.no_pages": {
        "fr": "L'atelier «\xa0{title}\xa0» n'a encore aucun participant\xa0: pas de fiche à écrire\u202f; "
        "rien n'a été écrit.",
        "en": "The workshop “{title}” has no participant yet: no page to write; nothing was written.",
    },
    "export.same_target": {
        "fr": (
            "«\xa0{path}\xa0» est demandé pour deux formats\xa0: donnez-leur deux noms\u202f; "
            "rien n'a été écrit."
        ),
        "en": "“{path}” is asked for two formats: give them two names; nothing was written.",
    },
    # {suffix}: the extension of what is being exported (« .docx » for the minutes), or
    # export.any_suffix when the caller does not say.
    "export.onto_atelier": {
        "fr": (
            "«\xa0{path}\xa0» est un fichier d'atelier\xa0: un export ne le remplace jamais\u202f; "
            "choisissez un autre nom, en {suffix}. Rien n'a été écrit."
        ),
        "en": "“{path}” is a workshop file: an export never replaces one; choose another name, "
        "ending in {suffix}. Nothing was written.",
    },
    "export.named_atelier": {
        "fr": (
            "«\xa0{path}\xa0» se termine par .atelier, l'extension des fichiers d'atelier\xa0: un export "
            "ne porte jamais ce nom\u202f; choisissez un autre nom, en {suffix}. Rien n'a été écrit."
        ),
        "en": "“{path}” ends in .atelier, the extension of workshop files: an export is never named so; "
        "choose another name, ending in {suffix}. Nothing was written.",
    },
    "export.any_suffix": {"fr": ".json, .xlsx ou .docx", "en": ".json, .xlsx or .docx"},
    "export.onto_side_file": {
        "fr": (
            "«\xa0{path}\xa0» accompagne le fichier d'atelier «\xa0{base}\xa0» (journal ou "
            "verrou)\xa0: choisissez un autre nom\u202f; rien n'a été écrit."
        ),
        "en": "“{path}” belongs with the workshop file “{base}” (journal or lock): choose another name; "
        "nothing was written.",
    },
    "merge.date_out_of_range": {
        "fr": (
            "Fusion refusée, rien n'a été écrit\xa0: «\xa0{path}\xa0» date l'atelier «\xa0{title}\xa0» "
            "du {value}, et l'année {year} n'est pas plausible (Atelier accepte les années de {first} à "
            "{last})\u202f; corrigez sa date dans ce fichier, puis fusionnez\xa0: {command} JJ/MM/AAAA"
        ),
        "en": (
            "Merge refused, nothing was written: “{path}” gives the workshop “{title}” the date {value}, "
            "and the year {year} is not plausible (Atelier accepts the years {first} to {last}); correct "
            "its date in that file, then merge: {command} DD/MM/YYYY"
        ),
    },
    "merge.same_input": {
        "fr": "«\xa0{path}\xa0» est le fichier à compléter lui-même\xa0: choisissez l'autre saisie.",
        "en": "“{path}” is the file being merged into: choose the other capture.",
    },
    # On the command line, two files are given: neither is « the file being completed ».
    "merge.same_file_twice": {
        "fr": (
            "«\xa0{path}\xa0» est donné deux fois\xa0: une fusion lit deux fichiers différents, la "
            "saisie de chaque ordinateur (atelier merge A B -o C)\u202f; rien n'a été écrit."
        ),
        "en": "“{path}” is given twice: a merge reads two different files, each computer's capture "
        "(atelier merge A B -o C); nothing was written.",
    },
    "merge.same_files": {
        "fr": (
            "«\xa0{first}\xa0» et «\xa0{second}\xa0» sont le même fichier\xa0: une fusion lit deux "
            "fichiers différents, la saisie de chaque ordinateur (atelier merge A B -o C)\u202f; rien "
            "n'a été écrit."
        ),
        "en": "“{first}” and “{second}” are the same file: a merge reads two different files, each "
        "computer's capture (atelier merge A B -o C); nothing was written.",
    },
    "merge.same_output": {
        "fr": "Le fichier fusionné ne peut pas remplacer «\xa0{path}\xa0», l'un des deux fichiers lus.",
        "en": "The merged file cannot replace “{path}”, one of the two files read.",
    },
    "merge.written": {"fr": "Fusion écrite dans «\xa0{path}\xa0».", "en": "Merge written to “{path}”."},
    "merge.summary": {
        "fr": (
            "Fusion écrite dans «\xa0{path}\xa0»\xa0: {added} depuis "
            "«\xa0{second}\xa0», {removed}, {shared}, {conflicts}, {updates}."
        ),
        "en": (
            "Merge written to “{path}”: {added} from “{second}”, {removed}, {shared}, {conflicts}, {updates}."
        ),
    },
    "merge.added_and_suggestions": {"fr": "{added} et {suggestions}", "en": "{added} and {suggestions}"},
    "merge.nothing_new": {
        "fr": (
            "Fusion écrite dans «\xa0{path}\xa0»\xa0: rien de nouveau dans «\xa0{second}\xa0», "
            "«\xa0{first}\xa0» avait déjà tout ce qu'il apporte."
        ),
        "en": (
            "Merge written to “{path}”: nothing new in “{second}”, "
            "“{first}” already had everything it brings."
        ),
    },
    # An entry one copy deleted and the other changed afterwards (French agrees with the noun).
    "merge.kept.participants": {
        "fr": (
            "Le participant «\xa0{name}\xa0», supprimé dans «\xa0{deleted_in}\xa0», est gardé{along}\xa0: "
            "«\xa0{edited_in}\xa0» l'a modifié ensuite."
        ),
        "en": "The participant “{name}”, deleted in “{deleted_in}”, is kept{along}: "
        "“{edited_in}” edited it afterwards.",
    },
    "merge.kept.items": {
        "fr": (
            "L'élément «\xa0{name}\xa0», supprimé dans «\xa0{deleted_in}\xa0», est gardé{along}\xa0: "
            "«\xa0{edited_in}\xa0» l'a modifié ensuite."
        ),
        "en": "The item “{name}”, deleted in “{deleted_in}”, is kept{along}: "
        "“{edited_in}” edited it afterwards.",
    },
    "merge.kept.matches": {
        "fr": (
            "La mise en relation «\xa0{name}\xa0», supprimée dans «\xa0{deleted_in}\xa0», "
            "est gardée{along}\xa0: "
            "«\xa0{edited_in}\xa0» l'a modifiée ensuite."
        ),
        "en": "The match “{name}”, deleted in “{deleted_in}”, is kept{along}: "
        "“{edited_in}” edited it afterwards.",
    },
    # Kept because a match decided on it after the copies parted depends on it: the copy that
    # deleted it never knew of that decision.
    "merge.kept_decision.participants": {
        "fr": (
            "Le participant «\xa0{name}\xa0», supprimé dans «\xa0{deleted_in}\xa0», est gardé{along}\xa0: "
            "la mise en relation {decision}, décidée le {day} dans «\xa0{edited_in}\xa0», en dépend."
        ),
        "en": "The participant “{name}”, deleted in “{deleted_in}”, is kept{along}: "
        "the match {decision}, decided on {day} in “{edited_in}”, depends on it.",
    },
    "merge.kept_decision.items": {
        "fr": (
            "L'élément «\xa0{name}\xa0», supprimé dans «\xa0{deleted_in}\xa0», est gardé{along}\xa0: "
            "la mise en relation {decision}, décidée le {day} dans «\xa0{edited_in}\xa0», en dépend."
        ),
        "en": "The item “{name}”, deleted in “{deleted_in}”, is kept{along}: "
        "the match {decision}, decided on {day} in “{edited_in}”, depends on it.",
    },
    # A decided match that goes with an entry the other copy deleted knowing it (decided before
    # the copies parted): the deletion is applied, the match named.
    "merge.removed_decision.participants": {
        "fr": (
            "La mise en relation {decision}, décidée le {day}, est retirée avec le participant "
            "«\xa0{name}\xa0», supprimé dans «\xa0{deleted_in}\xa0»."
        ),
        "en": "The match {decision}, decided on {day}, is removed with the participant “{name}”, "
        "deleted in “{deleted_in}”.",
    },
    "merge.removed_decision.items": {
        "fr": (
            "La mise en relation {decision}, décidée le {day}, est retirée avec l'élément "
            "«\xa0{name}\xa0», supprimé dans «\xa0{deleted_in}\xa0»."
        ),
        "en": "The match {decision}, decided on {day}, is removed with the item “{name}”, "
        "deleted in “{deleted_in}”.",
    },
    "merge.removed_decision.matches": {
        "fr": (
            "La mise en relation {decision}, décidée le {day}, est retirée\xa0: supprimée dans "
            "«\xa0{deleted_in}\xa0»."
        ),
        "en": "The match {decision}, decided on {day}, is removed: deleted in “{deleted_in}”.",
    },
    "merge.kept.workshops": {
        "fr": (
            "L'atelier «\xa0{name}\xa0», supprimé dans «\xa0{deleted_in}\xa0», est gardé{along}\xa0: "
            "«\xa0{edited_in}\xa0» l'a modifié ensuite."
        ),
        "en": "The workshop “{name}”, deleted in “{deleted_in}”, is kept{along}: "
        "“{edited_in}” edited it afterwards.",
    },
    "merge.kept.synthesis_sections": {
        "fr": (
            "La section «\xa0{name}\xa0», supprimée dans «\xa0{deleted_in}\xa0», est gardée{along}\xa0: "
            "«\xa0{edited_in}\xa0» l'a modifiée ensuite."
        ),
        "en": "The section “{name}”, deleted in “{deleted_in}”, is kept{along}: "
        "“{edited_in}” edited it afterwards.",
    },
    "merge.kept.glossary_entries": {
        "fr": (
            "L'entrée de glossaire «\xa0{name}\xa0», supprimée dans «\xa0{deleted_in}\xa0», "
            "est gardée{along}\xa0: "
            "«\xa0{edited_in}\xa0» l'a modifiée ensuite."
        ),
        "en": (
            "The glossary entry “{name}”, deleted in “{deleted_in}”, is kept{along}: "
            "“{edited_in}” edited it afterwards."
        ),
    },
    "merge.difference": {"fr": "  - {text}", "en": "  - {text}"},
    "merge.twin": {
        "fr": (
            "Le participant «\xa0{added}\xa0», ajouté depuis «\xa0{second}\xa0», porte le nom de "
            "«\xa0{existing}\xa0», déjà dans l'atelier\xa0: les deux sont gardés\u202f; supprimez l'un "
            "d'eux si c'est la même personne saisie sur les deux ordinateurs."
        ),
        "en": "The participant “{added}”, added from “{second}”, has the name of “{existing}”, already "
        "in the workshop: both are kept; delete one if they are the same person typed on both computers.",
    },
    "merge.twin_line": {
        "fr": (
            "La ligne «\xa0{added}\xa0» de «\xa0{name}\xa0», ajoutée depuis «\xa0{second}\xa0», redit "
            "«\xa0{existing}\xa0», déjà dans sa cellule\xa0: les deux sont gardées\u202f; supprimez "
            "l'une d'elles si c'est la même ligne saisie sur les deux ordinateurs."
        ),
        "en": "The line “{added}” of “{name}”, added from “{second}”, repeats “{existing}”, already in its "
        "cell: both are kept; delete one if it is the same line typed on both computers.",
    },
    # A copy made on a computer whose clock was ahead: its times in the future do not win.
    "merge.future": {
        "fr": (
            "La copie «\xa0{name}\xa0» porte des modifications datées {days}, dans le futur\xa0: "
            "horloge de l'ordinateur déréglée\u202f? Elles ne l'emportent pas\xa0: {what}."
        ),
        "en": (
            "The copy “{name}” carries changes dated {days}, in the future: was that computer's clock "
            "wrong? They do not win: {what}."
        ),
    },
    # A match's decision as a merge line says it (« décision : gardé « confirmée » … »).
    "merge.status.suggested": {"fr": "suggérée", "en": "suggested"},
    "merge.status.confirmed": {"fr": "confirmée", "en": "confirmed"},
    "merge.status.rejected": {"fr": "écartée", "en": "set aside"},
    "merge.status.manual": {"fr": "ajoutée à la main", "en": "added by hand"},
    "merge.no_common_workshop": {
        "fr": (
            "Attention\xa0: les deux fichiers n'ont aucun atelier en commun (ce ne sont pas deux saisies "
            "du même atelier)\u202f; le fichier fusionné contient les ateliers des deux."
        ),
        "en": (
            "Note: the two files have no workshop in common (not two captures of the same "
            "workshop); the merged file holds the workshops of both."
        ),
    },
    # Two files that each hold a workshop of the same title and date, captured apart (two
    # laptops, two halves of one room): said, with the command that makes them one.
    "merge.twin_workshop": {
        "fr": (
            "Attention\xa0: les deux fichiers ont chacun un atelier «\xa0{title}\xa0»{date}, saisi à "
            "part (ce ne sont pas deux copies du même fichier)\u202f; le fichier fusionné les garde "
            "côte à côte, chacun avec sa moitié des participants. S'il s'agit du même atelier, "
            "réunissez-les\xa0: {command}"
        ),
        "en": (
            "Note: both files hold a workshop “{title}”{date}, captured apart (not two copies of one "
            "file); the merged file keeps them side by side, each with its half of the participants. "
            "If they are the same workshop, join them: {command}"
        ),
    },
    "join.summary": {
        "fr": (
            "2 ateliers réunis\xa0: {first} + {second}{twice}\u202f; «\xa0{title}\xa0»{date} a "
            "maintenant {total}."
        ),
        "en": "2 workshops joined: {first} + {second}{twice}; “{title}”{date} now has {total}.",
    },
    "join.twice": {"fr": ", dont {count}", "en": ", {count}"},
    "join.same_person": {
        "fr": "«\xa0{name}\xa0», saisi dans les deux, n'est plus qu'un participant (ses lignes réunies, "
        "sans doublon, ses décisions et son suivi gardés).",
        "en": "“{name}”, typed in both, is now one participant (their lines together, none twice, their "
        "decisions and follow-up kept).",
    },
    "join.lines_once": {"fr": "{lines}.", "en": "{lines}."},
    "join.same_structure": {
        "fr": (
            "«\xa0{name}\xa0»\xa0: «\xa0{kept}\xa0» et «\xa0{other}\xa0» (de l'autre saisie) sont la même "
            "structure ({kind})\u202f; le nom «\xa0{kept}\xa0» est gardé."
        ),
        "en": (
            "“{name}”: “{kept}” and “{other}” (of the other capture) are the same structure ({kind}); the "
            "name “{kept}” is kept."
        ),
    },
    "join.same_structure_written": {
        "fr": (
            "«\xa0{name}\xa0»\xa0: «\xa0{kept}\xa0» et «\xa0{other}\xa0» (de l'autre saisie) sont la même "
            "structure, écrite autrement\u202f; le nom «\xa0{kept}\xa0» est gardé."
        ),
        "en": (
            "“{name}”: “{kept}” and “{other}” (of the other capture) are the same structure, written "
            "another way; the name “{kept}” is kept."
        ),
    },
    "join.kept_first": {
        "fr": (
            "«\xa0{name}\xa0», {field}\xa0: «\xa0{kept}\xa0» gardé, «\xa0{aside}\xa0» de l'autre "
            "saisie écarté."
        ),
        "en": "“{name}”, {field}: “{kept}” kept, “{aside}” of the other capture set aside.",
    },
    "join.no_twin": {
        "fr": (
            "«\xa0{first}\xa0» et «\xa0{second}\xa0» n'ont pas d'atelier de même titre et de même date "
            "à réunir\u202f; rien n'a été écrit. Pour fusionner en gardant leurs ateliers côte à côte\xa0: "
            "{merge}{then}"
        ),
        "en": (
            "“{first}” and “{second}” have no workshops of the same title and date to join; nothing was "
            "written. To merge them keeping their workshops side by side: {merge}{then}"
        ),
    },
    "join.no_twin_then": {
        "fr": (
            "\u202f; puis, si «\xa0{first}\xa0» et «\xa0{second}\xa0»{date} sont le même atelier, "
            "réunissez-les\xa0: {command}"
        ),
        "en": "; then, if “{first}” and “{second}”{date} are one workshop, join them: {command}",
    },
    "import.no_backup": {
        "fr": "La grille n'a pas été réimportée\xa0: la sauvegarde d'avant n'a pas pu être écrite.",
        "en": "The grid was not imported again: the backup from before could not be written.",
    },
    "join.no_backup": {
        "fr": "Rien n'a été réuni\xa0: la sauvegarde de «\xa0{title}\xa0» d'avant n'a pas pu être écrite.",
        "en": "Nothing was joined: the backup of “{title}” from before could not be written.",
    },
    "join.same": {
        "fr": "«\xa0{title}\xa0» est nommé deux fois\xa0: il faut deux ateliers différents à réunir.",
        "en": "“{title}” is named twice: two different workshops are needed to join.",
    },
    "join.other_dates": {
        "fr": (
            "Rien n'a été réuni, car «\xa0{first}\xa0»{first_date} et «\xa0{second}\xa0»{second_date} "
            "n'ont pas la même date\u202f; si c'est le même atelier, donnez-leur la même date avant de les "
            "réunir\xa0: {command}"
        ),
        "en": (
            "Nothing was joined, because “{first}”{first_date} and “{second}”{second_date} do not have the "
            "same date; if they are one workshop, give them the same date before joining them: {command}"
        ),
    },
    "file.read_only_edit": {
        "fr": "Ce fichier est ouvert en lecture seule\u202f; la modification n'a pas été faite.",
        "en": "This file is open read-only; the change was not made.",
    },
    "workshop.none": {
        "fr": "Le fichier «\xa0{path}\xa0» ne contient aucun atelier.",
        "en": "The file “{path}” holds no workshop.",
    },
    "workshop.unknown": {
        "fr": "Aucun atelier «\xa0{id}\xa0» dans ce fichier (identifiant ou son début, date, titre ou "
        "partie du titre\xa0: voir «\xa0{command}\xa0»).",
        "en": "No workshop “{id}” in this file (id or its start, date, title or part of the title: see "
        "“{command}”).",
    },
    "workshop.several": {
        "fr": "{count} ateliers répondent à «\xa0{id}\xa0», {which}\xa0: précisez le titre ou la date, "
        "ou donnez l'identifiant (voir «\xa0{command}\xa0»).",
        "en": "{count} workshops answer to “{id}”, {which}: say more of the title or the date, or give "
        "the id (see “{command}”).",
    },
    "workshop.named": {"fr": "«\xa0{title}\xa0»{date}", "en": "“{title}”{date}"},
    "workshop.which": {
        "fr": "Ce fichier contient {count} ateliers\u202f; précisez celui qui reçoit la grille\xa0: {which}, "
        "ou --new-workshop pour l'ajouter comme un nouvel atelier.",
        "en": "This file holds {count} workshops; say which one receives the grid: {which}, or "
        "--new-workshop to add it as a new workshop.",
    },
    "workshop.which_many": {
        "fr": "Ce fichier contient {count} ateliers\u202f; précisez celui qui reçoit la grille avec "
        "--workshop (leur liste\xa0: atelier ateliers {command}), ou --new-workshop pour l'ajouter comme "
        "un nouvel atelier.",
        "en": "This file holds {count} workshops; say which one receives the grid with --workshop (to list "
        "them: atelier workshops {command}), or --new-workshop to add it as a new workshop.",
    },
    "workshop.delete_confirm": {
        "fr": "Supprimer l'atelier «\xa0{title}\xa0» ({what})\u202f? Ajoutez --oui pour le faire\u202f; "
        "une sauvegarde du fichier est faite avant.",
        "en": "Delete the workshop “{title}” ({what})? Add --yes to do it; the file is backed up first.",
    },
    "workshop.deleted": {
        "fr": "Atelier «\xa0{title}\xa0» supprimé ({what}). Sauvegarde d'avant\xa0: {backup}",
        "en": "Workshop “{title}” deleted ({what}). Backup from before: {backup}",
    },
    "workshop.already_there": {
        "fr": "Le fichier «\xa0{path}\xa0» contient déjà l'atelier «\xa0{title}\xa0»{date} et n'a pas été "
        "modifié\xa0: pour mettre cet atelier à jour avec la grille, relancez sans --new-workshop "
        "(avec --workshop {id})\u202f; pour l'ajouter comme un autre atelier, donnez-lui un autre "
        "titre (--title) ou une autre date (--date).",
        "en": "The file “{path}” already holds the workshop “{title}”{date} and was left unchanged: "
        "to update that workshop with the grid, run again without --new-workshop (with --workshop "
        "{id}); to add it as another workshop, give it another title (--title) or date (--date).",
    },
    "workshop.add_already_there": {
        "fr": "Le fichier «\xa0{path}\xa0» contient déjà l'atelier «\xa0{title}\xa0»{date} et n'a pas été "
        "modifié\xa0: pour en ajouter un autre, donnez-lui un autre titre (--title) ou une autre date "
        "(--date).",
        "en": "The file “{path}” already holds the workshop “{title}”{date} and was left unchanged: to "
        "add another, give it another title (--title) or date (--date).",
    },
    "workshop.of_date": {"fr": " du {date}", "en": " of {date}"},
    "workshop.undated": {"fr": " (sans date)", "en": " (undated)"},
    "workshop.added": {
        "fr": "Atelier «\xa0{title}\xa0»{date} ajouté à {path} [{id}].",
        "en": "Workshop “{title}”{date} added to {path} [{id}].",
    },
    # `ateliers --rename`: what changed, each field with what it was.
    "workshop.renamed": {
        "fr": "Atelier [{id}] «\xa0{title}\xa0»\xa0: {changes}.",
        "en": "Workshop [{id}] “{title}”: {changes}.",
    },
    "workshop.changed_title": {"fr": "nouveau titre (c'était {was})", "en": "new title (was {was})"},
    "workshop.changed_date": {"fr": "daté du {date} (c'était le {was})", "en": "dated {date} (was {was})"},
    "workshop.changed_date_added": {
        "fr": "daté du {date} (il n'avait pas de date)",
        "en": "dated {date} (it had no date)",
    },
    "workshop.changed_date_removed": {
        "fr": "date retirée (c'était le {was})",
        "en": "date removed (was {was})",
    },
    "workshop.changed_place": {"fr": "lieu {place} (c'était {was})", "en": "place {place} (was {was})"},
    "workshop.changed_place_added": {
        "fr": "lieu {place} (il n'en avait pas)",
        "en": "place {place} (it had none)",
    },
    "workshop.changed_place_removed": {
        "fr": "lieu retiré (c'était {was})",
        "en": "place removed (was {was})",
    },
    # `ateliers --rename` given what the workshop already has: nothing written.
    "workshop.rename_unchanged": {
        "fr": (
            "Rien n'a changé\xa0: l'atelier [{id}] «\xa0{title}\xa0»{date} est déjà tel que demandé "
            "({has})\u202f; «\xa0{path}\xa0» n'a pas été modifié."
        ),
        "en": (
            "Nothing changed: workshop [{id}] “{title}”{date} is already as asked ({has}); "
            "“{path}” was left unchanged."
        ),
    },
    "workshop.has_title": {"fr": "même titre", "en": "same title"},
    "workshop.has_date": {"fr": "même date", "en": "same date"},
    "workshop.has_no_date": {"fr": "sans date", "en": "no date"},
    "workshop.has_place": {"fr": "même lieu", "en": "same place"},
    "workshop.has_no_place": {"fr": "sans lieu", "en": "no place"},
    "workshop.no_backup": {
        "fr": (
            "L'atelier «\xa0{title}\xa0» n'a pas été supprimé\xa0: "
            "la sauvegarde d'avant n'a pas pu être écrite."
        ),
        "en": "The workshop “{title}” was not deleted: the backup from before could not be written.",
    },
    "workshop.last": {
        "fr": "«\xa0{title}\xa0» est le seul atelier du fichier\xa0: il ne peut pas être supprimé.",
        "en": "“{title}” is the file's only workshop: it cannot be deleted.",
    },
    "workshop.ambiguous": {
        "fr": "Ce fichier contient {count} ateliers\u202f; précisez lequel\xa0: {which}.",
        "en": "This file holds {count} workshops; say which one: {which}.",
    },
    "workshop.option_for": {
        "fr": "--workshop {value} pour «\xa0{title}\xa0»",
        "en": "--workshop {value} for “{title}”",
    },
    "workshop.ambiguous_many": {
        "fr": "Ce fichier contient {count} ateliers\u202f; précisez lequel avec --workshop (leur liste\xa0: "
        "atelier ateliers {command}).",
        "en": "This file holds {count} workshops; say which one with --workshop (to list them: "
        "atelier workshops {command}).",
    },
    "state.to_contact": {"fr": "à contacter", "en": "to contact"},
    "state.contacted": {"fr": "contactée", "en": "contacted"},
    "state.done": {"fr": "faite", "en": "done"},
    "state.dropped": {"fr": "sans suite", "en": "dropped"},
    "followup.title": {"fr": "Atelier «\xa0{title}\xa0»{date}", "en": "Workshop “{title}”{date}"},
    "followup.going": {
        "fr": "{need} ← {helper} («\xa0{title}\xa0», {state})",
        "en": "{need} ← {helper} (“{title}”, {state})",
    },
    "list.semicolon": {"fr": "\u202f; ", "en": "; "},
    "list.colon": {"fr": "\xa0: ", "en": ": "},
    "followup.title_helping": {
        "fr": "{title}, où aide un participant de «\xa0{asked}\xa0»",
        "en": "{title}, where a participant of “{asked}” helps",
    },
    "followup.asks": {"fr": "{who} cherche\xa0: {text}", "en": "{who} needs: {text}"},
    "followup.asks_many": {"fr": "{who} cherchent\xa0: {text}", "en": "{who} need: {text}"},
    "followup.helps": {"fr": "← {who}\xa0: {text}", "en": "← {who}: {text}"},
    "followup.helps_earlier": {
        "fr": "← {who}, {verb} lors de l'atelier du {date}\xa0: {text}",
        "en": "← {who}, {verb} at the workshop of {date}: {text}",
    },
    "followup.helps_earlier_titled": {
        "fr": "← {who}, {verb} lors de l'atelier «\xa0{title}\xa0»\xa0: {text}",
        "en": "← {who}, {verb} at the workshop “{title}”: {text}",
    },
    # Their cell at that workshop says they were not there: « excusé·e à l'atelier du 16 mars
    # 2021 (ressource notée dans sa grille) » (reasons.helper_away).
    "followup.helps_away": {"fr": "← {who}, {said}\xa0: {text}", "en": "← {who}, {said}: {text}"},
    "followup.offered": {"fr": "a proposé", "en": "offered"},
    "followup.offered_many": {"fr": "ont proposé", "en": "offered"},
    "followup.did": {"fr": "a présenté cette action", "en": "presented this action"},
    "followup.did_many": {"fr": "ont présenté cette action", "en": "presented this action"},
    "followup.shared": {"fr": "a exprimé ce défi", "en": "raised this challenge"},
    "followup.shared_many": {"fr": "ont exprimé ce défi", "en": "raised this challenge"},
    "followup.note": {"fr": "note\xa0: {text}", "en": "note: {text}"},
    # A decided match whose need or offer was retyped since it was decided (matches.retyped):
    # the people agreed on a text that is no longer the grid's. The window marks it ⚠ too.
    "followup.retyped": {
        "fr": "⚠ texte modifié depuis la décision\xa0: à revoir (dans la fenêtre, confirmez-la "
        "de nouveau ou écartez-la)",
        "en": "⚠ text changed since the decision: to review (in the window, confirm it again or set "
        "it aside)",
    },
    "followup.note_erased": {
        "fr": "Note effacée (elle disait\xa0: «\xa0{text}\xa0»).",
        "en": "Note erased (it said: “{text}”).",
    },
    "followup.unchanged": {
        "fr": "Rien de nouveau à noter\xa0: «\xa0{path}\xa0» n'a pas été modifié.",
        "en": "Nothing new to record: “{path}” was left unchanged.",
    },
    "followup.note_saved": {
        "fr": "Note enregistrée\xa0: «\xa0{text}\xa0».",
        "en": "Note saved: “{text}”.",
    },
    "followup.no_id": {
        "fr": (
            "Identifiant de la mise en relation manquant\xa0: donnez ses premiers caractères, "
            "tels que «\xa0{command}\xa0» les liste."
        ),
        "en": "The match's id is missing: give its first characters, as “{command}” lists them.",
    },
    "followup.note_replaced": {
        "fr": "Note remplacée (l'ancienne disait\xa0: «\xa0{text}\xa0»).",
        "en": "Note replaced (the old one said: “{text}”).",
    },
    "followup.none": {
        "fr": "Aucune mise en relation décidée à suivre{where}.",
        "en": "No decided match to follow up{where}.",
    },
    # Nothing in the state asked for, said as a facilitator says it: « Aucune mise en relation
    # contactée. »; « autre » when a match of a person with themself was just said apart.
    "followup.none_in_state": {
        "fr": "Aucune mise en relation {state}{where}.",
        "en": "No match {state}{where}.",
    },
    "followup.none_other_in_state": {
        "fr": "Aucune autre mise en relation {state}{where}.",
        "en": "No other match {state}{where}.",
    },
    "followup.none_other": {
        "fr": "Aucune autre mise en relation confirmée à suivre{where}.",
        "en": "No other confirmed match to follow up{where}.",
    },
    "followup.none_state.to_contact": {"fr": "à contacter", "en": "to contact"},
    "followup.none_state.contacted": {"fr": "contactée", "en": "contacted"},
    "followup.none_state.done": {"fr": "faite", "en": "done"},
    "followup.none_state.dropped": {"fr": "classée sans suite", "en": "dropped"},
    "followup.for_participant": {
        "fr": " pour «\xa0{who}\xa0»",
        "en": " for “{who}”",
    },
    "followup.total": {"fr": "{count} — {states}", "en": "{count} — {states}"},
    # Of one state (--etat): « 1 sur 5 mises en relation suivies », as the window's count.
    "followup.shown_of": {"fr": "{shown} sur {total}", "en": "{shown} of {total}"},
    # One person twice in a match (« A. Martin » ← « Mme Anne Martin »): who, where it was decided.
    "followup.themself_one": {
        "fr": (
            "Cette mise en relation met une personne en relation avec elle-même ({people})\xa0: elle "
            "n'est ni projetée ni exportée\u202f; écartez-la dans la fenêtre (Ctrl+Maj+X) pour la retirer."
        ),
        "en": (
            "This match puts a person in touch with themself ({people}): it is neither projected nor "
            "exported; reject it in the window (Ctrl+Shift+X) to remove it."
        ),
    },
    "followup.themself_pair": {"fr": "{people}, {where}", "en": "{people}, {where}"},
    "followup.themself_people": {"fr": "{one} et {other}", "en": "{one} and {other}"},
    "followup.set": {
        "fr": "Mise en relation {id}\xa0: {state} — {need} ← {resource}.",
        "en": "Match {id}: {state} — {need} ← {resource}.",
    },
    "search.none": {
        "fr": "Aucun résultat pour «\xa0{text}\xa0» {where}.",
        "en": "No result for “{text}” {where}.",
    },
    "search.total": {
        "fr": "«\xa0{text}\xa0»\xa0: {count}{more}.",
        "en": "“{text}”: {count}{more}.",
    },
    "search.hit": {"fr": "{kind} — {text}", "en": "{kind} — {text}"},
    "search.where": {
        "fr": "{who} · atelier du {date} «\xa0{title}\xa0»",
        "en": "{who} · workshop of {date} “{title}”",
    },
    "search.spelled": {"fr": "«\xa0{written}\xa0»\xa0: {name}", "en": "“{written}”: {name}"},
    "search.inside": {"fr": "{said} — {where}", "en": "{said} — {where}"},
    "search.where_undated": {"fr": "{who} · atelier «\xa0{title}\xa0»", "en": "{who} · workshop “{title}”"},
    # Their cell says they were not at that workshop (« Mme Sabine Roux (excusée) »): what
    # they wrote is theirs, their presence is not said.
    "search.where_excused": {
        "fr": "{who} · excusé·e à l'atelier du {date} «\xa0{title}\xa0»",
        "en": "{who} · excused from the workshop of {date} “{title}”",
    },
    "search.where_excused_undated": {
        "fr": "{who} · excusé·e à l'atelier «\xa0{title}\xa0»",
        "en": "{who} · excused from the workshop “{title}”",
    },
    "search.where_absent": {
        "fr": "{who} · absent·e à l'atelier du {date} «\xa0{title}\xa0»",
        "en": "{who} · absent from the workshop of {date} “{title}”",
    },
    "search.where_absent_undated": {
        "fr": "{who} · absent·e à l'atelier «\xa0{title}\xa0»",
        "en": "{who} · absent from the workshop “{title}”",
    },
    # One person found at several workshops (matching.across `one_row_per_person`, as the
    # window's directory shows them): « Bazadais · 2 ateliers : », each workshop under it.
    "search.where_several": {"fr": "{who} · {count}\xa0:", "en": "{who} · {count}:"},
    "hit.participant": {"fr": "participant", "en": "participant"},
    "hit.need": {"fr": "besoin", "en": "need"},
    "hit.offer": {"fr": "ressource", "en": "offer"},
    "hit.action": {"fr": "action", "en": "action"},
    "hit.challenge": {"fr": "défi", "en": "challenge"},
    "workshops.line": {
        "fr": "{id}  {date}  «\xa0{title}\xa0»{place} — {participants}, {items}, {decided}",
        "en": "{id}  {date}  “{title}”{place} — {participants}, {items}, {decided}",
    },
    "followup.unknown": {
        "fr": "Aucune mise en relation décidée ne commence par «\xa0{id}\xa0» "
        "(voir la liste\xa0: {command}).",
        "en": "No decided match starts with “{id}” (see the list: {command}).",
    },
    "followup.too_short": {
        "fr": "«\xa0{id}\xa0» est trop court pour désigner une mise en relation\xa0: tapez au moins "
        "{least}\xa0caractères de son identifiant (voir la liste\xa0: {command}).",
        "en": "“{id}” is too short to name a match: type at least {least} characters of its id "
        "(see the list: {command}).",
    },
    "followup.ambiguous": {
        "fr": (
            "«\xa0{id}\xa0» désigne plusieurs mises en relation "
            "({ids})\xa0: tapez quelques caractères de plus."
        ),
        "en": "“{id}” names several matches ({ids}): type a few more characters.",
    },
    "followup.only_decision": {
        "fr": (
            "Il ne reste que la décision dans ce suivi\xa0: ce n'est pas une étape à retirer. Pour "
            "revenir sur la décision elle-même, écartez la mise en relation dans la grille "
            "(Ctrl+Maj+X)."
        ),
        "en": "Only the decision is left in this follow-up: it is not a step to take out. To go back "
        "on the decision itself, set the match aside in the grid (Ctrl+Shift+X).",
    },
    "followup.not_decided": {
        "fr": (
            "«\xa0{id}\xa0» est une suggestion, pas une mise "
            "en relation confirmée\xa0: confirmez-la d'abord "
            "(dans la fenêtre), puis suivez-la."
        ),
        "en": "“{id}” is a suggestion, not a confirmed match: confirm it first (in the window), "
        "then follow it up.",
    },
    "followup.bad_state": {
        "fr": "État de suivi inconnu «\xa0{value}\xa0»\xa0: a-contacter, contactee, faite ou sans-suite.",
        "en": "Unknown follow-up state “{value}”: to-contact, contacted, done or dropped.",
    },
    "record.unknown": {
        "fr": "Élément introuvable (il a peut-être été supprimé)\xa0: {id}.",
        "en": "Item not found (it may have been deleted): {id}.",
    },
    "date.invalid": {
        "fr": "Date invalide «\xa0{value}\xa0»\xa0: attendu AAAA-MM-JJ, par exemple 2021-03-16.",
        "en": "Invalid date “{value}”: expected YYYY-MM-DD, for example 2021-03-16.",
    },
    "date.future": {
        "fr": "La date «\xa0{value}\xa0» est à venir\xa0: le suivi note ce qui a déjà eu lieu.",
        "en": "The date “{value}” is still to come: follow-up records what has already happened.",
    },
    "date.before_workshop": {
        "fr": "La date «\xa0{value}\xa0» précède l'atelier du {workshop}\xa0: le suivi note ce qui a eu lieu "
        "depuis l'atelier.",
        "en": "The date “{value}” is before the workshop of {workshop}: follow-up records what happened "
        "since the workshop.",
    },
    "date.after_follow_up": {
        "fr": "L'atelier ne peut pas être daté du {date}\xa0: le premier suivi noté, «\xa0{follow_up}\xa0», "
        "le précéderait (l'atelier a eu lieu le {latest} au plus tard).",
        "en": "The workshop cannot be dated {date}: the first follow-up recorded, “{follow_up}”, would "
        "come before it (the workshop took place on {latest} at the latest).",
    },
    "followup.before_workshop": {
        "fr": "L'atelier «\xa0{title}\xa0» a lieu le {date}\xa0: «\xa0{state}\xa0» ne se note qu'à partir de "
        "ce jour (si la date de l'atelier est fausse, corrigez-la d'abord).",
        "en": "The workshop “{title}” takes place on {date}: “{state}” can only be recorded from that day "
        "on (if the workshop's date is wrong, correct it first).",
    },
    "followup.state_on": {"fr": "{state} le {date}", "en": "{state} on {date}"},
    "followup.to_contact_since": {"fr": "à contacter depuis le {date}", "en": "to contact since {date}"},
    # The steps of a match's follow-up, said of « la mise en relation »: « décidée le 16/03/2026 ·
    # contactée le 22/03/2026 · faite le 03/04/2026 ».
    "step.decided": {"fr": "décidée", "en": "decided"},
    "step.to_contact": {"fr": "remise à contacter", "en": "back to contact"},
    "step.contacted": {"fr": "contactée", "en": "contacted"},
    "step.done": {"fr": "faite", "en": "done"},
    "step.dropped": {"fr": "classée sans suite", "en": "dropped"},
    "followup.steps": {"fr": "étapes\xa0: {steps}", "en": "steps: {steps}"},
    "followup.step_copy": {
        "fr": "{step} (notée dans «\xa0{copy}\xa0»)",
        "en": "{step} (recorded in “{copy}”)",
    },
    "followup.path": {"fr": "Étapes du suivi\xa0: {steps}", "en": "Follow-up steps: {steps}"},
    "followup.redated": {
        "fr": "Étape redatée\xa0: «\xa0{was}\xa0» devient «\xa0{now}\xa0».",
        "en": "Step dated again: “{was}” is now “{now}”.",
    },
    "followup.before_previous": {
        "fr": "«\xa0{new}\xa0» précéderait l'étape d'avant de ce suivi, «\xa0{previous}\xa0»\xa0: "
        "le suivi d'une mise en relation ne remonte pas le temps.",
        "en": "“{new}” would come before the previous step of this follow-up, “{previous}”: a match's "
        "follow-up does not go back in time.",
    },
    "followup.before_decision_cli": {
        "fr": "«\xa0{new}\xa0» précéderait la décision, notée «\xa0{previous}\xa0»\xa0: si elle a été prise "
        "plus tôt, datez-la d'abord du {day} ou d'avant ({command}), puis relancez cette commande.",
        "en": "“{new}” would come before the decision, recorded as “{previous}”: if it was taken earlier, "
        "date it first, on {day} or before ({command}), then run this command again.",
    },
    "followup.before_step_cli": {
        "fr": "«\xa0{new}\xa0» précéderait l'étape d'avant, «\xa0{previous}\xa0»\xa0: si cette étape a eu "
        "lieu plus tôt, datez-la d'abord du {day} ou d'avant ({command}), puis relancez cette commande.",
        "en": "“{new}” would come before the previous step, “{previous}”: if that step happened earlier, "
        "date it first, on {day} or before ({command}), then run this command again.",
    },
    "followup.empty_state": {
        "fr": "--etat attend un état (a-contacter, contactee, faite ou sans-suite), pas un texte vide.",
        "en": "--state expects a state (to-contact, contacted, done or dropped), not an empty text.",
    },
    "followup.empty_participant": {
        "fr": "--participant attend un nom de participant (ou une partie), pas un texte vide.",
        "en": "--participant expects a participant's name (or part of it), not an empty text.",
    },
    "date.wrong_weekday": {
        "fr": (
            "«\xa0{value}\xa0»\xa0: le {date} est un {actual}, pas un {typed}\u202f; écrivez la date voulue."
        ),
        "en": "“{value}”: {date} is a {actual}, not a {typed}; write the date meant.",
    },
    "date.empty": {
        "fr": (
            "Une date est attendue après {option}, pas un texte vide\xa0: écrivez par exemple "
            "23/11/2026, 23 novembre 2026 ou 2026-11-23."
        ),
        "en": (
            "A date is expected after {option}, not an empty text: write for example 23/11/2026, "
            "23 November 2026 or 2026-11-23."
        ),
    },
    "date.no_such_day": {
        "fr": (
            "«\xa0{value}\xa0»\xa0: le {day} {month} {year} n'existe pas ({month} {year} a {days}\xa0jours)."
        ),
        "en": "“{value}”: {day} {month} {year} does not exist ({month} {year} has {days} days).",
    },
    "import.grid_date_out_of_range": {
        "fr": (
            "La grille date l'atelier du {value}\xa0: l'année {year} n'est pas plausible (Atelier accepte "
            "les années de {first} à {last})\u202f; donnez sa date avec --date. Rien n'a été écrit."
        ),
        "en": (
            "The grid dates the workshop {value}: the year {year} is not plausible (Atelier accepts the "
            "years {first} to {last}); give its date with --date. Nothing was written."
        ),
    },
    "date.year_out_of_range": {
        "fr": (
            "«\xa0{value}\xa0»\xa0: l'année {year} n'est pas plausible, Atelier accepte les années "
            "de {first} à {last}."
        ),
        "en": "“{value}”: the year {year} is not plausible, Atelier accepts the years {first} to {last}.",
    },
    "date.unreadable": {
        "fr": "Date non reconnue «\xa0{value}\xa0»\xa0: écrivez par exemple 23/11/2026, 23 novembre 2026 "
        "ou 2026-11-23.",
        "en": "Date not recognised “{value}”: write for example 23/11/2026, 23 November 2026 or 2026-11-23.",
    },
    "export.in_use": {
        "fr": "«\xa0{path}\xa0» est ouvert dans un autre programme (Word, LibreOffice…)\xa0: fermez-le, "
        "ou choisissez un autre nom.",
        "en": "“{path}” is open in another program (Word, LibreOffice…): close it, or choose another name.",
    },
    "export.template_missing": {
        "fr": "Le modèle Word «\xa0{path}\xa0» est introuvable.",
        "en": "The Word template “{path}” does not exist.",
    },
    "export.template_invalid": {
        "fr": "«\xa0{path}\xa0» n'est pas un modèle Word utilisable (.docx).",
        "en": "“{path}” is not a usable Word template (.docx).",
    },
    "export.template_styles": {
        "fr": "Le modèle Word «\xa0{path}\xa0» n'a pas le style «\xa0{style}\xa0»\xa0: "
        "partez du modèle fourni avec Atelier.",
        "en": "The Word template “{path}” has no “{style}” style: "
        "start from the template shipped with Atelier.",
    },
    "export.synthesis_stale": {
        "fr": (
            "La section «\xa0{heading}\xa0» a été modifiée à la main avant les derniers changements "
            "de la grille\xa0: relisez ses chiffres."
        ),
        "en": (
            "The section “{heading}” was edited by hand before the latest changes to the grid: "
            "check its figures."
        ),
    },
    "export.cells_cut": {
        "fr": (
            "Attention\xa0: texte coupé à {limit} caractères, la limite d'une cellule d'Excel, "
            "dans {cells} ({where})\u202f; le texte entier est dans le fichier .atelier et dans le "
            "compte rendu Word."
        ),
        "en": (
            "Note: text cut at {limit} characters, the limit of an Excel cell, in {cells} ({where}); "
            "the whole text is in the .atelier file and in the Word minutes."
        ),
    },
    "export.written": {"fr": "Exporté\xa0: {path}", "en": "Exported: {path}"},
    "export.matching": {
        "fr": "Rapprochement des besoins et des ressources avant l'export (jamais fait pour cet atelier)…",
        "en": "Matching needs and offers before exporting (never done for this workshop)…",
    },
    "glossary.empty": {
        "fr": "Une entrée du glossaire a besoin d'un terme et d'au moins un mot.",
        "en": "A glossary entry needs a term and at least one word.",
    },
    "title.too_long": {
        "fr": (
            "Ce titre fait {length}\xa0caractères\xa0: un titre d'atelier tient sur une ligne, "
            "{limit}\xa0caractères au plus. Rien n'a été écrit."
        ),
        "en": (
            "This title is {length} characters long: a workshop title fits on one line, "
            "{limit} characters at most. Nothing was written."
        ),
    },
    "title.empty": {
        "fr": "Le titre de l'atelier ne peut pas être vide.",
        "en": "The workshop title cannot be empty.",
    },
    "import.unreadable": {
        "fr": "Impossible de lire «\xa0{path}\xa0»\xa0: accès refusé.",
        "en": "Cannot read “{path}”: access denied.",
    },
    "import.too_big": {
        "fr": "«\xa0{path}\xa0» est trop gros pour une grille d'atelier ({size} Mo, limite {limit} Mo).",
        "en": "“{path}” is too big for a workshop grid ({size} MB, limit {limit} MB).",
    },
    "import.empty": {"fr": "«\xa0{path}\xa0» est vide.", "en": "“{path}” is empty."},
    "import.encrypted": {
        "fr": (
            "«\xa0{path}\xa0» est protégé par un mot de passe\xa0: ouvrez-le dans Word ou Excel, "
            "enregistrez une copie sans mot de passe, puis importez cette copie."
        ),
        "en": (
            "“{path}” is password-protected: open it in Word or Excel, save a copy "
            "without a password, then import that copy."
        ),
    },
    "import.old_format": {
        "fr": (
            "«\xa0{path}\xa0» est dans un ancien format Office (.doc ou .xls)\xa0: ouvrez-le dans Word, "
            "Excel ou LibreOffice et enregistrez-le au format {new}, puis importez-le."
        ),
        "en": (
            "“{path}” is in an old Office format (.doc or .xls): open it in Word, Excel or "
            "LibreOffice, save it as {new}, then import it."
        ),
    },
    "import.opendocument": {
        "fr": (
            "«\xa0{path}\xa0» est un document LibreOffice ({suffix})\xa0: ouvrez-le dans LibreOffice, "
            "enregistrez-le au format {new} (Fichier\xa0›\xa0Enregistrer sous), puis importez-le."
        ),
        "en": (
            "“{path}” is a LibreOffice document ({suffix}): open it in LibreOffice, save it as {new} "
            "(File\xa0›\xa0Save As), then import it."
        ),
    },
    "import.not_office": {
        "fr": "«\xa0{path}\xa0» n'est pas un fichier {kind} valide (fichier endommagé ou mal nommé).",
        "en": "“{path}” is not a valid {kind} file (damaged or misnamed).",
    },
    "import.bomb": {
        "fr": (
            "«\xa0{path}\xa0» est refusé\xa0: son contenu décompressé serait démesuré (fichier piégé\u202f?)."
        ),
        "en": "“{path}” was refused: its unpacked content would be enormous (a trap file?).",
    },
    # An Office file is a zip of parts: one of very many parts, however small, is refused for
    # their number (never « contenu décompressé démesuré »: there may be nothing to unpack).
    "import.too_many_parts": {
        "fr": (
            "«\xa0{path}\xa0» est refusé\xa0: il regroupe {count}\xa0fichiers internes, plus que les "
            "{limit} qu'Atelier accepte (fichier piégé\u202f?)."
        ),
        "en": (
            "“{path}” was refused: it packs {count} files inside, more than the {limit} Atelier accepts "
            "(a trap file?)."
        ),
    },
    "import.xml_entities": {
        "fr": "«\xa0{path}\xa0» est refusé\xa0: il contient des déclarations XML qu'Office n'écrit jamais "
        "(fichier piégé\u202f?).",
        "en": "“{path}” was refused: it holds XML declarations Office never writes (a trap file?).",
    },
    "import.tables_too_nested": {
        "fr": (
            "«\xa0{path}\xa0» est refusé\xa0: des tableaux y sont imbriqués les uns dans les autres "
            "(un tableau dans une cellule d'un tableau, et ainsi de suite) sur plus de {limit}\xa0niveaux, "
            "ce qu'aucune grille d'atelier ne fait (fichier piégé\u202f?)."
        ),
        "en": (
            "“{path}” was refused: tables are nested in it one inside the other (a table in a cell of a "
            "table, and so on) more than {limit} levels deep, which no workshop grid does (a trap file?)."
        ),
    },
    "import.too_deep": {
        "fr": (
            "«\xa0{path}\xa0» est refusé\xa0: son contenu est imbriqué sur plus de 256\xa0niveaux, "
            "ce qu'aucune grille d'atelier ne fait (fichier piégé\u202f?)."
        ),
        "en": "“{path}” was refused: its content is nested more than 256 levels deep, which no workshop "
        "grid does (a trap file?).",
    },
    "import.is_workshop": {
        "fr": (
            "«\xa0{path}\xa0» est un fichier d'atelier, pas une grille\xa0: ouvrez-le (atelier open) "
            "ou réunissez-le avec un autre (atelier merge)\u202f; rien n'a été écrit."
        ),
        "en": (
            "“{path}” is a workshop file, not a grid: open it (atelier open) or merge it with "
            "another (atelier merge); nothing was written."
        ),
    },
    "import.is_pdf": {
        "fr": (
            "«\xa0{path}\xa0» est un document PDF, pas une grille\xa0: Atelier ne lit pas les PDF, "
            "importez le document Word, le classeur Excel ou le CSV d'où il vient\u202f; rien n'a été écrit."
        ),
        "en": (
            "“{path}” is a PDF document, not a grid: Atelier does not read PDFs, import the Word "
            "document, Excel workbook or CSV file it comes from; nothing was written."
        ),
    },
    "import.is_image": {
        "fr": (
            "«\xa0{path}\xa0» est une image ({kind}), pas une grille\xa0: importez le document Word, "
            "le classeur Excel ou le CSV de la grille\u202f; rien n'a été écrit."
        ),
        "en": (
            "“{path}” is an image ({kind}), not a grid: import the grid's Word document, Excel "
            "workbook or CSV file; nothing was written."
        ),
    },
    "import.office_renamed": {
        "fr": (
            "«\xa0{path}\xa0» est un fichier Word ou Excel (.docx, .xlsx) renommé\xa0: rendez-lui "
            "son extension, puis importez-le."
        ),
        "en": (
            "“{path}” is a Word or Excel file (.docx, .xlsx) renamed: give it back its extension, "
            "then import it."
        ),
    },
    "import.unknown_type": {
        "fr": "Format non pris en charge\xa0: «\xa0{path}\xa0». Importez un fichier .docx, .xlsx, .csv, "
        ".html ou .txt.",
        "en": "Unsupported format: “{path}”. Import a .docx, .xlsx, .csv, .html or .txt file.",
    },
    "import.encoding": {
        "fr": "«\xa0{path}\xa0» n'est pas un texte lisible (encodage inconnu)\xa0: enregistrez-le en "
        "CSV UTF-8 depuis votre tableur.",
        "en": "“{path}” is not readable text (unknown encoding): save it as CSV UTF-8 from your spreadsheet.",
    },
    "import.no_table": {
        "fr": "Aucun tableau trouvé dans «\xa0{path}\xa0»\xa0: la grille doit être un tableau.",
        "en": "No table found in “{path}”: the grid must be a table.",
    },
    "import.other_workshop": {
        "fr": "«\xa0{grid}\xa0» est la grille de {theirs}, pas celle de {ours} de «\xa0{path}\xa0»\xa0: "
        "rien n'a été importé. Pour l'ajouter au fichier comme un nouvel atelier\xa0: --new-workshop\u202f; "
        "pour la fusionner quand même avec cet atelier\xa0: --merge-anyway.",
        "en": "“{grid}” is the grid of {theirs}, not that of {ours} in “{path}”: nothing was imported. "
        "To add it to the file as a new workshop: --new-workshop; to merge it into this workshop "
        "anyway: --merge-anyway.",
    },
    "import.no_one_shared": {
        "fr": "«\xa0{grid}\xa0» n'a aucun des participants de {ours} de «\xa0{path}\xa0» ({theirs_count} "
        "dans la grille, {ours_count} dans l'atelier)\xa0: c'est sans doute la grille d'un autre "
        "atelier\u202f; rien n'a été importé. Pour l'ajouter au fichier comme un nouvel atelier\xa0: "
        "--new-workshop\u202f; "
        "pour la fusionner quand même avec cet atelier\xa0: --merge-anyway.",
        "en": "“{grid}” has none of the participants of {ours} in “{path}” ({theirs_count} in the grid, "
        "{ours_count} in the workshop): it is probably another workshop's grid; nothing was imported. "
        "To add it to the file as a new workshop: --new-workshop; to merge it into this workshop "
        "anyway: --merge-anyway.",
    },
    "import.other.named": {
        "fr": "l'atelier «\xa0{title}\xa0» ({date})",
        "en": "the workshop “{title}” ({date})",
    },
    "import.other.unnamed": {"fr": "un atelier du {date}", "en": "a workshop of {date}"},
    "import.other.undated": {"fr": "sans date", "en": "undated"},
    "import.own_minutes": {
        "fr": "«\xa0{path}\xa0» est le compte rendu écrit par Atelier, pas une grille d'atelier\xa0: "
        "ouvrez le fichier .atelier de l'atelier.",
        "en": "“{path}” is the minutes Atelier wrote, not a workshop grid: open the workshop's "
        ".atelier file.",
    },
    "import.own_pages": {
        "fr": "«\xa0{path}\xa0» contient les fiches des participants écrites par Atelier, pas une grille "
        "d'atelier\xa0: ouvrez le fichier .atelier de l'atelier.",
        "en": "“{path}” holds the participant pages Atelier wrote, not a workshop grid: open the "
        "workshop's .atelier file.",
    },
    "import.no_columns": {
        "fr": "Aucune colonne de grille reconnue. En-têtes trouvés\xa0: {headers}. Indiquez-les avec "
        '--columns, par exemple --columns "participant=1,actions=2,defis=3,besoins=4,'
        'offres=5".',
        "en": "No grid column recognised. Headers found: {headers}. Map them with --columns, "
        'for example --columns "participant=1,actions=2,challenges=3,needs=4,offers=5".',
    },
    "import.item_list_no_people": {
        "fr": (
            "Dans «\xa0{path}\xa0», chaque ligne est un élément (la colonne {column} dit {labels}) mais "
            "aucune colonne n'est reconnue comme celle des participants\xa0: écrivez «\xa0Participant\xa0» "
            "en tête de la colonne qui les nomme, puis importez-le à nouveau (une ligne par élément est "
            "alors lue comme une grille, un participant par nom)."
        ),
        "en": (
            "In “{path}”, each row is one item (column {column} says {labels}) but no column is "
            "recognised as the participants': write “Participant” at the head of the column naming "
            "them, then import it again (one row per item is then read as a grid, one participant "
            "per name)."
        ),
    },
    "import.participants_in_columns": {
        "fr": (
            "Dans «\xa0{path}\xa0», les participants sont en colonnes ({labels} sont écrits "
            "en tête de ligne)\xa0: Atelier lit une grille à un participant par ligne. "
            "Transposez le tableau (dans Excel ou LibreOffice\xa0: copier, puis Collage spécial, "
            "Transposer), puis importez-le à nouveau."
        ),
        "en": (
            "In “{path}”, the participants are in columns ({labels} head the rows): Atelier "
            "reads a grid with one participant per row. Transpose the table (in Excel or "
            "LibreOffice: copy, then Paste Special, Transpose), then import it again."
        ),
    },
    "import.unknown_separator": {
        "fr": "Les colonnes de «\xa0{path}\xa0» sont séparées par «\xa0{separator}\xa0», un séparateur "
        "non reconnu\xa0: Atelier lit le point-virgule, la virgule, la tabulation et la barre verticale "
        "(«\xa0|\xa0»). Enregistrez la grille depuis le tableur en «\xa0CSV (séparateur\xa0: "
        "point-virgule)\xa0».",
        "en": "The columns of “{path}” are separated by “{separator}”, a separator that is not "
        "recognised: Atelier reads the semicolon, the comma, the tab and the vertical bar (“|”). Save "
        "the grid from the spreadsheet as “CSV (comma delimited)”.",
    },
    "import.one_column": {
        "fr": "«\xa0{path}\xa0» n'est pas une grille d'atelier\xa0: il n'a qu'une colonne remplie "
        "({header}), et une grille a une colonne des participants et au moins une colonne d'actions, "
        "de défis, de besoins ou de ressources.",
        "en": "“{path}” is not a workshop grid: it has a single filled column ({header}), and a grid has a "
        "column of participants and at least one column of actions, challenges, needs or offers.",
    },
    "import.people_only": {
        "fr": "«\xa0{path}\xa0» n'est pas une grille d'atelier\xa0: ses colonnes remplies ({headers}) "
        "ne disent que qui sont les participants, et une grille a aussi au moins une colonne d'actions, de "
        "défis, de besoins ou de ressources.",
        "en": "“{path}” is not a workshop grid: its filled columns ({headers}) only say who the participants "
        "are, and a grid also has at least one column of actions, challenges, needs or offers.",
    },
    "import.no_statement_column": {
        "fr": "Aucune colonne d'actions, de défis, de besoins ou de ressources n'est indiquée pour "
        "«\xa0{path}\xa0»\xa0: une grille en a au moins une, à côté de celle des participants.",
        "en": "No column of actions, challenges, needs or offers is given for “{path}”: a grid has at "
        "least one, besides the participants' column.",
    },
    "import.no_header_row": {
        "fr": "La première ligne de «\xa0{path}\xa0» est celle d'un participant, «\xa0{who}\xa0», pas "
        "une ligne de titres\xa0: ajoutez au-dessus une ligne qui nomme les colonnes, par exemple "
        "«\xa0Participant\u202f; Actions\u202f; Défis\u202f; Besoins\u202f; Ressources\xa0», puis importez "
        "de nouveau. Rien n'a été écrit.",
        "en": "The first row of “{path}” is a participant's, “{who}”, not a row of titles: add above it "
        "a row naming the columns, for instance “Participant; Actions; Challenges; Needs; Offers”, then "
        "import again. Nothing was written.",
    },
    "import.no_participant_column": {
        "fr": "Colonne des participants introuvable. En-têtes trouvés\xa0: {headers}. "
        "Indiquez-la avec --columns participant=N.",
        "en": "No participant column found. Headers found: {headers}. Map it with --columns participant=N.",
    },
    "import.bad_columns": {
        "fr": "Option --columns incorrecte\xa0: «\xa0{value}\xa0» (attendu par exemple "
        "participant=1,besoins=4\u202f; rubriques\xa0: participant, actions, defis, besoins, "
        "offres, et pour les parties du participant prenom, structure, territoire, fonction, "
        "contact\u202f; ignorer pour sauter une colonne).",
        "en": "Bad --columns option: “{value}” (expected for example participant=1,needs=4; "
        "kinds: participant, actions, challenges, needs, offers, and for the participant's parts "
        "first_name, structure, territory, role, contact; ignore to skip a column).",
    },
    "import.empty_participant_column": {
        "fr": "La colonne {column} choisie pour les participants est vide dans toute la grille "
        "«\xa0{path}\xa0»\xa0: choisissez celle qui les nomme\u202f; rien n'a été écrit.",
        "en": "Column {column}, chosen for the participants, is empty in the whole grid “{path}”: "
        "choose the one that names them; nothing was written.",
    },
    "import.cell_too_long": {
        "fr": (
            "«\xa0{path}\xa0», {place}\xa0: une cellule de {length} caractères (une grille "
            "d'atelier en tient au plus {limit})\u202f; rien n'a été importé."
        ),
        "en": (
            "“{path}”, {place}: a cell of {length} characters (a workshop grid holds at most "
            "{limit}); nothing was imported."
        ),
    },
    "import.too_many_rows": {
        "fr": "«\xa0{path}\xa0» a plus de {limit} lignes\xa0: ce n'est pas une grille d'atelier.",
        "en": "“{path}” has more than {limit} rows: this is not a workshop grid.",
    },
    "import.too_many_empty_rows": {
        "fr": (
            "«\xa0{path}\xa0» a plus de {limit} lignes, presque toutes vides\xa0: supprimez les lignes "
            "vides sous la grille (ou copiez la grille dans un nouveau fichier), puis importez-la de nouveau."
        ),
        "en": (
            "“{path}” has more than {limit} rows, nearly all of them empty: delete the empty rows below "
            "the grid (or copy the grid into a new file), then import it again."
        ),
    },
    "import.no_rows_read": {
        "fr": (
            "Aucun participant à importer de «\xa0{path}\xa0»\xa0: la cellule de participant de chaque "
            "ligne ne se voit pas, est une formule jamais calculée ou affiche une erreur de formule "
            "({lines})."
        ),
        "en": (
            "No participant to import from “{path}”: the participant cell of every row does not show, "
            "is a formula never computed or shows a formula error ({lines})."
        ),
    },
    "import.no_rows": {
        "fr": "Aucune ligne de participant sous les en-têtes de «\xa0{path}\xa0».",
        "en": "No participant row below the headers of “{path}”.",
    },
    "import.warn.continued": {
        "fr": "ligne {line} rattachée à la ligne précédente ({who})",
        "en": "row {line} joined to the previous row ({who})",
    },
    "import.warn.separator": {
        "fr": "ligne {line} ignorée (séparateur)",
        "en": "row {line} skipped (separator)",
    },
    "import.warn.no_participant": {
        "fr": "ligne {line}\xa0: participant non renseigné",
        "en": "row {line}: no participant given",
    },
    "import.warn.shifted_row": {
        "fr": (
            "ligne {line}\xa0: {cells} pour {columns} ({separator} dans le texte d'une cellule\u202f?)\xa0: "
            "ligne non importée, pour ne rien lire dans la mauvaise colonne («\xa0{row}\xa0»)\u202f; "
            'mettez entre guillemets («\xa0"\xa0») le texte de la cellule qui contient {separator}, puis '
            "importez de nouveau"
        ),
        "en": (
            "row {line}: {cells} for {columns} ({separator} inside a cell?): row not imported, so that "
            "nothing is read into the wrong column (“{row}”); put the text of the cell holding "
            '{separator} between double quotes (") and import again'
        ),
    },
    "import.warn.after_shifted": {
        "fr": "ligne {line}\xa0: suite de la ligne {shifted}, non importée non plus",
        "en": "row {line}: continues row {shifted}, not imported either",
    },
    "import.warn.beyond_headers": {
        "fr": (
            "ligne {line}\xa0: du texte au-delà des colonnes du tableau, non importé "
            "(«\xa0{text}\xa0»\u202f; {separator} dans le texte d'une cellule\u202f?)"
        ),
        "en": (
            "row {line}: text beyond the table's columns, not imported (“{text}”; {separator} inside a cell?)"
        ),
    },
    "import.hint.semicolon": {"fr": "un point-virgule", "en": "a semicolon"},
    "import.hint.comma": {"fr": "une virgule", "en": "a comma"},
    "import.hint.tab": {"fr": "une tabulation", "en": "a tab"},
    "import.hint.pipe": {"fr": "une barre verticale", "en": "a vertical bar"},
    "import.warn.beyond_more": {
        "fr": (
            "{count} autres lignes ont du texte au-delà des colonnes du tableau, non importé\xa0: "
            "lignes {lines}"
        ),
        "en": "{count} more rows have text beyond the table's columns, not imported: rows {lines}",
    },
    "import.warn.beyond_columns": {
        "fr": "ligne {line}\xa0: du texte au-delà des colonnes du tableau, non importé («\xa0{text}\xa0»)",
        "en": "row {line}: text beyond the table's columns, not imported (“{text}”)",
    },
    "import.warn.named_twice": {
        "fr": (
            "ligne {line}\xa0: «\xa0{who}\xa0» figure déjà ligne {first}\u202f; ce sont deux entrées "
            "distinctes"
        ),
        "en": "row {line}: “{who}” is already on row {first}; they are two separate entries",
    },
    "import.warn.unread_column": {
        "fr": "colonne {column} «\xa0{header}\xa0» non importée ({cells})",
        "en": "column {column} “{header}” not imported ({cells})",
    },
    "import.warn.unread_columns": {
        "fr": (
            "{count} colonnes sans titre reconnu non importées ({cells})\xa0: "
            "{columns} (les {first} premières)"
        ),
        "en": (
            "{count} columns without a recognised title not imported ({cells}): {columns} (the first {first})"
        ),
    },
    "import.warn.tables_not_grid": {
        "fr": "{count} tableaux non importés\xa0: ce ne sont pas des grilles (tableaux {tables})",
        "en": "{count} tables not imported: they are not grids (tables {tables})",
    },
    "import.warn.unread_column_untitled": {
        "fr": "colonne {column} sans titre non importée ({cells})",
        "en": "column {column}, untitled, not imported ({cells})",
    },
    "import.warn.header_repeated": {
        "fr": "ligne {line} ignorée (en-têtes répétés)",
        "en": "row {line} skipped (repeated headers)",
    },
    "import.warn.merged_people": {
        "fr": "ligne {line}\xa0: plusieurs personnes dans une même entrée ({who})",
        "en": "row {line}: several people in one entry ({who})",
    },
    "import.warn.person_in_structure": {
        "fr": (
            "ligne {line}\xa0: «\xa0{part}\xa0», lu comme structure ou fonction, semble contenir le nom "
            "d'une personne, à vérifier"
        ),
        "en": "row {line}: “{part}”, read as a structure or role, seems to hold someone's name, please check",
    },
    "import.warn.lone_name": {
        "fr": (
            "ligne {line}\xa0: «\xa0{name}\xa0», seul et prénom peu donné, lu comme une personne "
            "(une structure, une marque\u202f?), à vérifier"
        ),
        "en": (
            "row {line}: “{name}”, alone and a rarely given first name, read as a person (a structure, "
            "a brand?), please check"
        ),
    },
    "import.warn.unsure_place": {
        "fr": (
            "ligne {line}\xa0: «\xa0{part}\xa0», lu comme territoire, n'est pas un lieu connu "
            "(une structure\u202f?), à vérifier"
        ),
        "en": "row {line}: “{part}”, read as a territory, is no known place (a structure?), please check",
    },
    "import.warn.mac_roman": {
        "fr": (
            "fichier lu comme un CSV d'Excel pour Mac (Mac Roman)\xa0: ses lettres accentuées "
            "ne se lisent qu'ainsi, à vérifier"
        ),
        "en": (
            "file read as an Excel for Mac CSV (Mac Roman): its accented letters read only so, please check"
        ),
    },
    "import.warn.stray_byte": {
        "fr": (
            "ligne {line}\xa0: l'octet {byte} n'est pas de l'UTF-8\u202f; lu comme "
            "«\xa0{char}\xa0» (Windows-1252), à vérifier"
        ),
        "en": "line {line}: byte {byte} is not UTF-8; read as “{char}” (Windows-1252), please check",
    },
    "import.warn.unclosed_quote": {
        "fr": (
            "ligne {line}\xa0: guillemet ouvert jamais refermé\u202f; lu comme un caractère, les "
            "lignes suivantes restent des lignes"
        ),
        "en": (
            "line {line}: a quote opened and never closed; read as a character, the following rows stay rows"
        ),
    },
    "import.warn.hidden_sheets": {
        "fr": "feuilles masquées ignorées\xa0: {names}",
        "en": "hidden sheets skipped: {names}",
    },
    "import.warn.hidden_sheet_read": {
        "fr": ("seule la feuille masquée «\xa0{name}\xa0» contient un tableau\xa0: c'est elle qui est lue"),
        "en": "only the hidden sheet “{name}” holds a table: it is the one read",
    },
    "import.warn.hidden_rows": {
        "fr": "{rows} ({sheet}, {lines})",
        "en": "{rows} ({sheet}, {lines})",
    },
    "import.warn.fiches_read": {
        "fr": (
            "{fiches} comme une ligne de la grille chacune (un tableau par participant, intitulés "
            "à gauche)\xa0: vérifiez que chaque intitulé est dans la bonne colonne"
        ),
        "en": (
            "{fiches} as one row of the grid each (one table per participant, labels on the left): "
            "check that each label is in the right column"
        ),
    },
    "import.warn.filtered_rows": {
        "fr": "{rows} ({sheet}, {lines})\xa0: {names}",
        "en": "{rows} ({sheet}, {lines}): {names}",
    },
    "import.warn.filtered_rows_unnamed": {
        "fr": "{rows} ({sheet}, {lines})",
        "en": "{rows} ({sheet}, {lines})",
    },
    "import.warn.hidden_rows_read": {
        "fr": "{rows} ({sheet}, {lines})\xa0: la grille n'est que là",
        "en": "{rows} ({sheet}, {lines}): the grid is only there",
    },
    "import.warn.hidden_column": {
        "fr": "colonne masquée lue ({sheet})\xa0: {columns}",
        "en": "hidden column read ({sheet}): {columns}",
    },
    "import.warn.hidden_columns": {
        "fr": "colonnes masquées lues ({sheet})\xa0: {columns}",
        "en": "hidden columns read ({sheet}): {columns}",
    },
    "import.warn.hidden_column_left": {
        "fr": "colonne masquée non importée ({sheet})\xa0: {columns}",
        "en": "hidden column not imported ({sheet}): {columns}",
    },
    "import.warn.hidden_columns_left": {
        "fr": "colonnes masquées non importées ({sheet})\xa0: {columns}",
        "en": "hidden columns not imported ({sheet}): {columns}",
    },
    "import.warn.formula": {
        "fr": (
            "{cells} ({where})\xa0: pour la lire, ouvrez le classeur dans Excel ou LibreOffice, "
            "enregistrez-le, puis importez-le à nouveau"
        ),
        "en": (
            "{cells} ({where}): to read it, open the workbook in Excel or LibreOffice, save it, "
            "then import it again"
        ),
    },
    "import.warn.formulas": {
        "fr": (
            "{cells} ({where})\xa0: pour les lire, ouvrez le classeur dans Excel ou LibreOffice, "
            "enregistrez-le, puis importez-le à nouveau"
        ),
        "en": (
            "{cells} ({where}): to read them, open the workbook in Excel or LibreOffice, save it, "
            "then import it again"
        ),
    },
    "import.warn.row_no_one.unshown": {
        "fr": (
            "ligne {line} non importée\xa0: sa cellule de participant ne se voit pas, ses éléments "
            "ne sont donnés à personne"
        ),
        "en": "row {line} not imported: its participant cell does not show, its items are given to no one",
    },
    "import.warn.row_no_one.struck": {
        "fr": (
            "ligne {line} non importée\xa0: sa cellule de participant est barrée, ses éléments "
            "ne sont donnés à personne"
        ),
        "en": (
            "row {line} not imported: its participant cell is struck through, its items are given to no one"
        ),
    },
    "import.warn.row_no_one.deleted": {
        "fr": (
            "ligne {line} non importée\xa0: sa cellule de participant est supprimée (suivi des "
            "modifications), ses éléments ne sont donnés à personne"
        ),
        "en": (
            "row {line} not imported: its participant cell is deleted (track changes), its items are "
            "given to no one"
        ),
    },
    "import.warn.row_no_one.error": {
        "fr": (
            "ligne {line} non importée\xa0: sa cellule de participant affiche une erreur de formule, "
            "ses éléments ne sont donnés à personne"
        ),
        "en": (
            "row {line} not imported: its participant cell shows a formula error, its items are given "
            "to no one"
        ),
    },
    "import.warn.formula_errors": {
        "fr": "{cells} ({where})\xa0: à corriger dans le classeur, puis à importer à nouveau",
        "en": "{cells} ({where}): correct them in the workbook, then import it again",
    },
    "import.warn.row_no_one.uncomputed": {
        "fr": (
            "ligne {line} non importée\xa0: sa cellule de participant est une formule jamais calculée, "
            "ses éléments ne sont donnés à personne"
        ),
        "en": (
            "row {line} not imported: its participant cell is a formula never computed, its items "
            "are given to no one"
        ),
    },
    "import.warn.row_no_one.formula_text": {
        "fr": (
            "ligne {line} non importée\xa0: sa cellule de participant commence par «\xa0=\xa0» (une "
            "formule de tableur écrite en texte, sans sa valeur\xa0: {formula}), ses éléments ne sont "
            "donnés à personne"
        ),
        "en": (
            "row {line} not imported: its participant cell starts with “=” (a spreadsheet formula written "
            "as text, without its value: {formula}), its items are given to no one"
        ),
    },
    "import.warn.tracked_changes": {
        "fr": (
            "modifications suivies\xa0: les insertions sont reprises, les suppressions laissées de "
            "côté (comme Word avec les modifications acceptées)"
        ),
        "en": (
            "tracked changes: insertions are read, deletions left out "
            "(as Word shows them with changes accepted)"
        ),
    },
    "import.warn.hidden_text": {"fr": "{passages} ({places})", "en": "{passages} ({places})"},
    "import.warn.own_matches": {
        "fr": (
            "feuille «\xa0{sheet}\xa0»\xa0: {matches}\u202f; la grille importée est à apparier de "
            "nouveau{again}"
        ),
        "en": "sheet “{sheet}”: {matches}; match the imported grid again{again}",
    },
    "import.warn.conditional": {
        "fr": (
            "{rules} règle de mise en forme conditionnelle pourrait masquer ou barrer du texte "
            "({cells})\xa0: elle n'est pas évaluée, ce texte est importé tel quel"
        ),
        "en": (
            "{rules} conditional formatting rule could hide or strike through text ({cells}): it is "
            "not evaluated, that text is imported as it is"
        ),
    },
    "import.warn.conditionals": {
        "fr": (
            "{rules} règles de mise en forme conditionnelle pourraient masquer ou barrer du texte "
            "({cells})\xa0: elles ne sont pas évaluées, ce texte est importé tel quel"
        ),
        "en": (
            "{rules} conditional formatting rules could hide or strike through text ({cells}): they "
            "are not evaluated, that text is imported as it is"
        ),
    },
    "import.warn.struck_text": {"fr": "{said}\xa0: {texts}", "en": "{said}: {texts}"},
    "import.place.above_table": {"fr": "au-dessus du tableau", "en": "above the table"},
    "import.place.the_table": {"fr": "le tableau", "en": "the table"},
    "import.place.the_last_table": {"fr": "le dernier tableau", "en": "the last table"},
    "import.place.row": {"fr": "ligne {line}", "en": "row {line}"},
    "import.place.deleted_row": {
        "fr": "ligne supprimée après la ligne {line}",
        "en": "deleted row after row {line}",
    },
    "import.place.cell": {"fr": "ligne {line}, colonne {column}", "en": "row {line}, column {column}"},
    "import.place.cell_header": {"fr": "ligne {line}, «\xa0{header}\xa0»", "en": "row {line}, “{header}”"},
    "import.warn.table_in_cell": {
        "fr": "tableau dans une cellule ({places})\xa0: chaque ligne lue comme un élément",
        "en": "table in a cell ({places}): each row read as one item",
    },
    "import.warn.whole_row": {
        "fr": (
            "ligne {line} ignorée\xa0: «\xa0{text}\xa0» couvre toute la largeur du tableau, une "
            "note ou un titre et non un participant"
        ),
        "en": "row {line} skipped: “{text}” spans the whole table, a note or a title and not a participant",
    },
    "import.warn.placeholder": {
        "fr": "1 cellule ne disant rien ({words}) est lue comme vide",
        "en": "1 cell saying nothing ({words}) is read as empty",
    },
    "import.warn.placeholders": {
        "fr": "{count} cellules ne disant rien ({words}) sont lues comme vides",
        "en": "{count} cells saying nothing ({words}) are read as empty",
    },
    "import.warn.both_kinds": {
        "fr": (
            "colonne {column} «\xa0{header}\xa0»\xa0: besoins et ressources dans une même colonne, "
            "chaque ligne lue selon son intitulé («\xa0Besoin\xa0:\xa0», «\xa0Ressource\xa0:\xa0»)\xa0: "
            "{needs}, {offers}"
        ),
        "en": (
            "column {column} “{header}”: needs and offers in one column, each line read by its label "
            "(“Besoin:”, “Ressource:”): {needs}, {offers}"
        ),
    },
    "import.warn.no_label": {
        "fr": (
            "ligne {line}\xa0: «\xa0{text}\xa0», dans la colonne «\xa0{header}\xa0», ne dit ni besoin ni "
            "ressource\xa0: lu comme {kind}, à vérifier"
        ),
        "en": (
            "row {line}: “{text}”, in the column “{header}”, says neither need nor offer: read as {kind}, "
            "to check"
        ),
    },
    "import.kind_one.need": {"fr": "un besoin", "en": "a need"},
    "import.kind_one.offer": {"fr": "une ressource", "en": "an offer"},
    "import.warn.away": {
        "fr": (
            "ligne {line}\xa0: {who}, {state}\xa0: ni compté·e parmi les présents, ni rapproché·e, "
            "ni projeté·e{kept}"
        ),
        "en": "row {line}: {who}, {state}: not counted among those present, matched or projected{kept}",
    },
    "import.state.excused": {"fr": "excusé·e", "en": "excused"},
    "import.state.absent": {"fr": "absent·e", "en": "absent"},
    "import.away_kept": {
        "fr": "\u202f; ce que cette personne a écrit reste dans la grille ({items})",
        "en": "; what they wrote stays in the grid ({items})",
    },
    "import.warn.stood_in": {
        "fr": "ligne {line}\xa0: {away}, {said}\xa0: {who} importé·e comme présent·e{structure}",
        "en": "row {line}: {away}, {said}: {who} imported as present{structure}",
    },
    "import.warn.represented": {
        "fr": (
            "ligne {line}\xa0: {away}, {said}\xa0: ses lignes restent à son nom, {who} est la personne "
            "présente{structure}"
        ),
        "en": (
            "row {line}: {away}, {said}: their lines stay in their name, {who} is the person "
            "present{structure}"
        ),
    },
    "import.with_away": {"fr": "{participants} (dont {away})", "en": "{participants} ({away})"},
    "import.for_structure": {"fr": " pour {structure}", "en": " for {structure}"},
    "import.warn.away_among": {
        "fr": (
            "ligne {line}\xa0: «\xa0{said}\xa0» dans la cellule de plusieurs personnes ({who})\xa0: "
            "toutes comptées présentes, à vérifier"
        ),
        "en": "row {line}: “{said}” in the cell of several people ({who}): all counted present, to check",
    },
    "import.warn.ditto": {
        "fr": (
            "ligne {line}\xa0: «\xa0{text}\xa0» renvoie à une autre cellule, gardé tel quel\xa0: à vérifier"
        ),
        "en": "row {line}: “{text}” points to another cell, kept as written: to check",
    },
    "import.warn.merged_cell": {
        "fr": (
            "ligne {line}, colonne {column}\xa0: la cellule fusionnée avec celle du dessus est "
            "reprise pour {who} aussi"
        ),
        "en": "row {line}, column {column}: the cell merged with the one above is also given to {who}",
    },
    "import.warn.spanning_cell": {
        "fr": "ligne {line}\xa0: la cellule fusionnée sur {columns} est lue comme {first} seulement",
        "en": "row {line}: the cell merged across {columns} is read as {first} only",
    },
    "import.warn.spanning_participant": {
        "fr": (
            "ligne {line}\xa0: la cellule fusionnée sur {columns} est lue comme le participant d'après "
            "sa première ligne («\xa0{first}\xa0»)\u202f; la suite («\xa0{rest}\xa0») n'est rangée dans "
            "aucune colonne, à reporter à la main"
        ),
        "en": (
            "row {line}: the cell merged across {columns} is read as the participant from its first "
            "line (“{first}”); the rest (“{rest}”) is put in no column, to be added by hand"
        ),
    },
    "import.warn.count_row": {
        "fr": "ligne {line} ignorée\xa0: «\xa0{text}\xa0» est un total et non un participant",
        "en": "row {line} skipped: “{text}” is a total, not a participant",
    },
    "import.warn.note_under_grid": {
        "fr": (
            "ligne {line} ignorée\xa0: «\xa0{text}\xa0», sous la grille après une ligne vide, est une "
            "note et non l'élément d'un participant"
        ),
        "en": (
            "row {line} skipped: “{text}”, under the grid after an empty row, is a note, not a "
            "participant's item"
        ),
    },
    "import.warn.summary_row": {
        "fr": (
            "ligne {line} ignorée\xa0: «\xa0{text}\xa0» n'est pas un participant (une ligne de "
            "synthèse ou de titre)"
        ),
        "en": "row {line} skipped: “{text}” is not a participant (a summary or heading row)",
    },
    "import.warn.note_row": {
        "fr": (
            "ligne {line} ignorée\xa0: «\xa0{text}\xa0» est une note et non un participant (rien dans "
            "les autres colonnes)"
        ),
        "en": "row {line} skipped: “{text}” is a note, not a participant (nothing in the other columns)",
    },
    "import.warn.section_row": {
        "fr": (
            "ligne {line} ignorée\xa0: «\xa0{text}\xa0» est un intertitre (un groupe ou un moment de "
            "l'atelier) et non un participant"
        ),
        "en": (
            "row {line} skipped: “{text}” is a heading (a group or a time of the workshop), not a participant"
        ),
    },
    "import.warn.numbers_row": {
        "fr": "ligne {line} ignorée\xa0: des nombres à la place des éléments (une ligne de totaux)",
        "en": "row {line} skipped: numbers instead of items (a totals row)",
    },
    "import.warn.grids_combined.table": {
        "fr": (
            "{places}\xa0: mêmes colonnes, lus comme une seule grille (chaque ligne citée l'est "
            "dans son tableau)"
        ),
        "en": "{places}: same columns, read as one grid (each row cited is counted within its table)",
    },
    "import.warn.grids_combined.sheet": {
        "fr": (
            "{places}\xa0: mêmes colonnes, lues comme une seule grille (chaque ligne citée l'est "
            "dans sa feuille)"
        ),
        "en": "{places}: same columns, read as one grid (each row cited is counted within its sheet)",
    },
    "import.warn.one_row_per_item": {
        "fr": (
            "une ligne par élément ({columns})\xa0: lue comme une grille, un participant par valeur "
            "de {people} ({rows}, {participants})"
        ),
        "en": (
            "one row per item ({columns}): read as a grid, one participant per value of {people} "
            "({rows}, {participants})"
        ),
    },
    "import.warn.rubrique_left_out": {
        "fr": "rubrique {rubrique} non importée (aucune colonne de la grille ne la nomme)\xa0: {lines}",
        "en": "item type {rubrique} not imported (no column of the grid names it): {lines}",
    },
    "import.warn.table_continued": {
        "fr": "{place} lu comme la suite du {first} (mêmes colonnes, sans ligne d'en-tête)",
        "en": "{place} read as the rest of {first} (same columns, no header row)",
    },
    "import.warn.grid_not_read.table": {
        "fr": "{place} non importé\xa0: ses colonnes ne sont pas celles de la grille",
        "en": "{place} not imported: its columns are not the grid's",
    },
    "import.warn.grids_beside": {
        "fr": (
            "grilles côte à côte ({places})\xa0: mêmes colonnes, lues l'une après l'autre (chaque "
            "ligne citée l'est avec sa grille)"
        ),
        "en": (
            "grids side by side ({places}): same columns, read one after the other (each row cited "
            "with its grid)"
        ),
    },
    "import.warn.grid_beside_not_read": {
        "fr": (
            "grille voisine {place} non importée, ses colonnes n'étant pas celles de la première\xa0: "
            "{count} ({who})"
        ),
        "en": ("grid alongside {place} not imported, its columns not being the first one's: {count} ({who})"),
    },
    "import.warn.grid_not_read_who.table": {
        "fr": (
            "{place} non importé\xa0: ses colonnes ne sont pas celles de la grille (participants "
            "laissés de côté\xa0: {who})"
        ),
        "en": "{place} not imported: its columns are not the grid's (participants left out: {who})",
    },
    "import.warn.grid_not_read_who.sheet": {
        "fr": (
            "{place} non importée\xa0: ses colonnes ne sont pas celles de la grille (participants "
            "laissés de côté\xa0: {who})"
        ),
        "en": "{place} not imported: its columns are not the grid's (participants left out: {who})",
    },
    "import.warn.grid_not_read.sheet": {
        "fr": "{place} non importée\xa0: ses colonnes ne sont pas celles de la grille",
        "en": "{place} not imported: its columns are not the grid's",
    },
    "import.warn.table_in_columns": {
        "fr": (
            "{place} non importé\xa0: ses participants sont en colonnes ({labels} sont écrits en "
            "tête de ligne)\u202f; transposez-le (copiez-le dans Excel ou LibreOffice\xa0: Collage "
            "spécial, Transposer), puis importez à nouveau"
        ),
        "en": (
            "{place} not imported: its participants are in columns ({labels} head the rows); "
            "transpose it (copy it into Excel or LibreOffice: Paste Special, Transpose), then "
            "import again"
        ),
    },
    "import.warn.table_not_grid": {
        "fr": "{place} ({columns}\xa0: {headers}) non importé\xa0: ce n'est pas une grille",
        "en": "{place} ({columns}: {headers}) not imported: it is not a grid",
    },
    "import.warn.sheet_not_read": {
        "fr": "feuille sans grille non importée\xa0: {names}",
        "en": "sheet without a grid not imported: {names}",
    },
    "import.warn.sheets_not_read": {
        "fr": "feuilles sans grille non importées\xa0: {names}",
        "en": "sheets without a grid not imported: {names}",
    },
    "import.place.table": {"fr": "tableau {names}", "en": "table {names}"},
    "import.place.tables": {"fr": "tableaux {names}", "en": "tables {names}"},
    "import.place.sheet": {"fr": "feuille {names}", "en": "sheet {names}"},
    "import.place.sheets": {"fr": "feuilles {names}", "en": "sheets {names}"},
    "import.place.quoted": {"fr": "«\xa0{name}\xa0»", "en": "“{name}”"},
    "import.place.column": {"fr": "colonne {column}", "en": "column {column}"},
    "import.place.columns": {"fr": "colonnes {first} à {last}", "en": "columns {first} to {last}"},
    "import.summary": {
        "fr": "Import\xa0: {participants}, {action}, {challenge}, {need}, {offer}.",
        "en": "Import: {participants}, {action}, {challenge}, {need}, {offer}.",
    },
    "import.columns": {"fr": "Colonnes\xa0: {columns}", "en": "Columns: {columns}"},
    "import.header_rows": {
        "fr": "En-tête lu sur deux lignes\xa0: {lines}.",
        "en": "Header read from two rows: {lines}.",
    },
    "import.column": {"fr": "{number} «\xa0{header}\xa0» → {kind}", "en": "{number} “{header}” → {kind}"},
    "import.column_untitled": {"fr": "{number} (sans titre) → {kind}", "en": "{number} (untitled) → {kind}"},
    "import.warning": {"fr": "Attention\xa0: {text}", "en": "Warning: {text}"},
    "import.written": {"fr": "Fichier créé\xa0: {path}", "en": "File created: {path}"},
    "import.title_from_name": {
        "fr": (
            "Titre repris du nom du fichier «\xa0{file}\xa0»\xa0: «\xa0{title}\xa0» (la grille n'en donne "
            "pas)\u202f; pour le changer\xa0: {command}"
        ),
        "en": (
            "Title taken from the name of the file “{file}”: “{title}” (the grid gives none); "
            "to change it: {command}"
        ),
    },
    "import.title_undated": {
        "fr": (
            "Titre repris de la grille sans la date que --date remplace\xa0: «\xa0{title}\xa0» "
            "(la grille dit «\xa0{heading}\xa0»)\u202f; pour le changer\xa0: {command}"
        ),
        "en": (
            "Title taken from the grid without the date --date replaces: “{title}” (the grid says "
            "“{heading}”); to change it: {command}"
        ),
    },
    "import.title_from_name_undated": {
        "fr": (
            "Titre repris du nom du fichier «\xa0{file}\xa0»\xa0: «\xa0{title}\xa0» "
            "(la grille ne donne que la date «\xa0{heading}\xa0», que --date remplace)\u202f; "
            "pour le changer\xa0: {command}"
        ),
        "en": (
            "Title taken from the name of the file “{file}”: “{title}” (the grid gives only the date "
            "“{heading}”, which --date replaces); to change it: {command}"
        ),
    },
    "import.title_command": {
        "fr": 'atelier ateliers {path} --rename {title} --title "…"',
        "en": 'atelier workshops {path} --rename {title} --title "…"',
    },
    # A document holding several workshops (a table or a sheet per dated session).
    "import.sessions_head": {"fr": "{said}\xa0:", "en": "{said}:"},
    "import.session": {"fr": "«\xa0{title}\xa0» ({details})", "en": "“{title}” ({details})"},
    "import.session_undated": {"fr": "«\xa0{title}\xa0»", "en": "“{title}”"},
    "import.session_count": {"fr": "{session}\xa0: {participants}", "en": "{session}: {participants}"},
    "workshop.untitled_session": {"fr": "(sans titre)", "en": "(untitled)"},
    "import.session_already": {
        "fr": (
            "{session}\xa0: déjà dans le fichier, laissé tel quel (pour le mettre à jour avec ce "
            "document\xa0: sans --new-workshop, avec --workshop {id})"
        ),
        "en": (
            "{session}: already in the file, left as it is (to update it with this document: "
            "without --new-workshop, with --workshop {id})"
        ),
    },
    "import.sessions_fields": {
        "fr": (
            "Ce document contient plusieurs ateliers, chacun avec le titre, la date et le lieu de son "
            "titre\xa0: {sessions}. --title, --date et --place ne diraient pas lequel\xa0: relancez sans "
            "eux (rien n'a été écrit)."
        ),
        "en": (
            "This document holds several workshops, each with the title, date and place of its "
            "heading: {sessions}. --title, --date and --place would not say which: run again without "
            "them (nothing was written)."
        ),
    },
    "import.sessions_missing": {
        "fr": (
            "Ce document contient {count} ateliers ({sessions}). Pas dans le fichier «\xa0{path}\xa0»\xa0: "
            "{missing}. Le fichier n'a pas été modifié\xa0: relancez avec --new-workshop pour ajouter ce "
            "qui manque (les ateliers qu'il contient déjà restent tels quels)."
        ),
        "en": (
            "This document holds {count} workshops ({sessions}). Not in the file “{path}”: {missing}. "
            "The file was left unchanged: run again with --new-workshop to add what is missing (the "
            "workshops it already holds stay as they are)."
        ),
    },
    "import.sessions_all_there": {
        "fr": (
            "Le fichier «\xa0{path}\xa0» contient déjà les {count} ateliers de ce document ({sessions}) et "
            "n'a pas été modifié\xa0: pour les mettre à jour avec lui, relancez sans --new-workshop."
        ),
        "en": (
            "The file “{path}” already holds the {count} workshops of this document ({sessions}) and was "
            "left unchanged: to update them with it, run again without --new-workshop."
        ),
    },
    "import.sessions_reimported": {
        "fr": "Ateliers du document, chacun réimporté dans le sien\xa0: {sessions}.",
        "en": "Workshops of the document, each imported again into its own: {sessions}.",
    },
    "import.sessions_not_this_workshop": {
        "fr": (
            "Ce document contient {count} ateliers ({sessions})\xa0: aucun n'a le titre et la date de "
            "l'atelier choisi avec --workshop. Le fichier «\xa0{path}\xa0» n'a pas été modifié."
        ),
        "en": (
            "This document holds {count} workshops ({sessions}): none has the title and date of the "
            "workshop chosen with --workshop. The file “{path}” was left unchanged."
        ),
    },
    # A re-import that brought nothing new: the file not written (after import.reimported).
    "import.reimport_unchanged": {
        "fr": (
            "Rien n'a changé\xa0: cette grille n'apporte rien de nouveau au fichier «\xa0{path}\xa0», "
            "qui n'a pas été modifié."
        ),
        "en": "Nothing changed: this grid brings nothing new to “{path}”, which was left unchanged.",
    },
    "import.reimported": {
        "fr": "Grille réimportée dans {path}\xa0: {updated}, {added}, {absent}, {kept}.",
        "en": "Grid imported again into {path}: {updated}, {added}, {absent}, {kept}.",
    },
    # Why a backup was made (atelier.backups), as the list of backups to restore says it.
    "backup.open": {"fr": "à l'ouverture", "en": "when opened"},
    "backup.restore": {"fr": "avant une restauration", "en": "before a restore"},
    "backup.merge": {"fr": "avant une fusion", "en": "before a merge"},
    "backup.import": {"fr": "avant un import", "en": "before an import"},
    "backup.delete": {"fr": "avant la suppression d'un atelier", "en": "before a workshop was deleted"},
    "backup.replace": {"fr": "avant un remplacement", "en": "before the file was replaced"},
    "backup.upgrade": {"fr": "avant un changement de format", "en": "before a format upgrade"},
    "file.replaced_kept": {
        "fr": "L'ancien «\xa0{name}\xa0» est gardé dans les sauvegardes\xa0: {backup}",
        "en": "The former “{name}” is kept among the backups: {backup}",
    },
    "import.backup": {"fr": "Sauvegarde d'avant\xa0: {backup}", "en": "Backup from before: {backup}"},
    # Someone of another workshop who asked not to be published in the directory, as this
    # workshop's pages, lists and documents say them (Participant.seen_from).
    "participant.unnamed": {
        "fr": "une personne non nommée à sa demande",
        "en": "someone not named at their request",
    },
    # A row new to the file naming someone who asked not to be published in the directory.
    "import.kept_unlisted": {
        "fr": "«\xa0{name}\xa0» reste hors du répertoire, à sa demande "
        "(comme «\xa0{was}\xa0» dans le fichier).",
        "en": "“{name}” stays out of the directory, at their request (as “{was}” in the file).",
    },
    "import.renamed_kept": {
        "fr": (
            "«\xa0{grid}\xa0» de la grille reconnu comme «\xa0{kept}\xa0» du fichier (structure ou nom "
            "en commun, mêmes éléments)\xa0: le nom du fichier est gardé."
        ),
        "en": (
            "“{grid}” of the grid recognised as “{kept}” of the file (structure or name in common, "
            "same items): the file's name is kept."
        ),
    },
    # A row recognised by the cell the grid gave it at the last import, its name corrected since.
    "import.renamed_since": {
        "fr": (
            "«\xa0{grid}\xa0» de la grille reconnu comme «\xa0{kept}\xa0» du fichier (nom corrigé dans "
            "Atelier depuis le dernier import)\xa0: le nom du fichier est gardé."
        ),
        "en": (
            "“{grid}” of the grid recognised as “{kept}” of the file (name corrected in Atelier since "
            "the last import): the file's name is kept."
        ),
    },
    "import.added_beside": {
        "fr": (
            "«\xa0{grid}\xa0» de la grille ajouté à côté de «\xa0{other}\xa0» du fichier, qui lui "
            "ressemble\xa0: s'il s'agit de la même personne, supprimez l'une des deux lignes."
        ),
        "en": (
            "“{grid}” of the grid added beside “{other}” of the file, which looks like it: if they "
            "are the same person, delete one of the two rows."
        ),
    },
    # A decided match whose statement the grid imported again retyped (after n.decided_retyped).
    "import.retyped": {
        "fr": "  {need} ← {resource}\xa0: «\xa0{before}\xa0» devenu «\xa0{now}\xa0»",
        "en": "  {need} ← {resource}: “{before}” became “{now}”",
    },
    # A line of the file the grid imported again no longer has, deleted (after n.item_removed).
    "import.deleted_kept": {"fr": "{count}\xa0: {which}.", "en": "{count}: {which}."},
    "import.removed": {
        "fr": "  {who}\xa0: «\xa0{text}\xa0»",
        "en": "  {who}: “{text}”",
    },
    # The same, when the document re-imported held several workshops: « l'atelier « … » (date) ».
    "import.removed_from": {
        "fr": "  {who}, dans {workshop}\xa0: «\xa0{text}\xa0»",
        "en": "  {who}, in {workshop}: “{text}”",
    },
    # A field or line edited in Atelier since the last import, kept though the grid imported
    # again says otherwise (after n.edit_kept_over_grid): the participant, the field or the
    # line's kind (import.edited.*), the value kept and the grid's (import.edited_value).
    "import.kept_over_grid": {
        "fr": "  {who}, {what}\xa0: {kept} (dans la grille\xa0: {grid})",
        "en": "  {who}, {what}: {kept} (in the grid: {grid})",
    },
    # A name the grid imported again spells otherwise, taken (after n.name_taken).
    "import.name_taken": {
        "fr": "  {who}, nom\xa0: «\xa0{before}\xa0» → «\xa0{now}\xa0»",
        "en": "  {who}, name: “{before}” → “{now}”",
    },
    # A participant of one of the workshops a document re-imported held: « l'atelier « … » (date) ».
    "import.who_in_workshop": {"fr": "{who}, dans {workshop}", "en": "{who}, in {workshop}"},
    "import.edited_value": {"fr": "«\xa0{text}\xa0»", "en": "“{text}”"},
    "import.edited_empty": {"fr": "vide", "en": "empty"},
    "import.edited_deleted": {"fr": "ligne supprimée dans Atelier", "en": "line deleted in Atelier"},
    # « … besoin : « Un financement Région 2024 » (dans la grille : ligne retirée) »
    "import.edited_dropped": {"fr": "ligne retirée", "en": "line removed"},
    "import.edited.names": {"fr": "nom", "en": "name"},
    "import.edited.organisation": {"fr": "structure", "en": "organisation"},
    "import.edited.territory": {"fr": "territoire", "en": "territory"},
    "import.edited.role": {"fr": "fonction", "en": "role"},
    "import.edited.contact": {"fr": "contact", "en": "contact"},
    "import.edited.source_text": {"fr": "cellule du participant", "en": "participant cell"},
    "import.edited.need": {"fr": "besoin", "en": "need"},
    "import.edited.offer": {"fr": "ressource", "en": "offer"},
    "import.edited.action": {"fr": "action", "en": "action"},
    "import.edited.challenge": {"fr": "défi", "en": "challenge"},
    "kind.participant": {"fr": "participant", "en": "participant"},
    "kind.action": {"fr": "actions", "en": "actions"},
    "kind.challenge": {"fr": "défis", "en": "challenges"},
    "kind.need": {"fr": "besoins", "en": "needs"},
    "kind.offer": {"fr": "offres", "en": "offers"},
    "kind.need_and_offer": {
        "fr": "besoins et offres, selon l'intitulé de chaque ligne",
        "en": "needs and offers, by each line's label",
    },
    "kind.ignore": {"fr": "ignorée", "en": "ignored"},
    "kind.first_name": {"fr": "prénom", "en": "first name"},
    "kind.structure": {"fr": "structure", "en": "organisation"},
    "kind.territory": {"fr": "territoire", "en": "territory"},
    "kind.role": {"fr": "fonction", "en": "role"},
    "kind.contact": {"fr": "contact", "en": "contact"},
    "cli.usage": {
        "fr": "atelier\xa0: {detail} (voir «\xa0atelier --help\xa0»).",
        "en": "atelier: {detail} (see “atelier --help”).",
    },
    "example.copied": {"fr": "Exemple copié dans\xa0: {path}", "en": "Example copied to: {path}"},
    # Said before the window opens (it may not: no screen): where the copy is, not « ouverte ».
    "example.reopened": {
        "fr": "Exemple déjà copié dans\xa0: {path}",
        "en": "Example already copied to: {path}",
    },
    "example.damaged": {
        "fr": (
            "Pour repartir de l'exemple fourni, renommez cette copie ou déplacez-la\xa0: "
            "«\xa0atelier example\xa0» en fera une nouvelle."
        ),
        "en": (
            "To start again from the bundled example, rename this copy or move it away: "
            "“atelier example” will make a new one."
        ),
    },
    "cli.created": {
        "fr": "Fichier créé\xa0: {path} — atelier «\xa0{title}\xa0» du {date}.",
        "en": "File created: {path} — workshop “{title}” of {date}.",
    },
    "cli.exported": {
        "fr": "Exporté\xa0: {path}",
        "en": "Exported: {path}",
    },
    "cli.interrupted": {
        "fr": "Interrompu.",
        "en": "Interrupted.",
    },
    "cli.unexpected": {
        "fr": "Erreur inattendue\xa0: {detail}. Rien n'a été modifié\u202f; signalez-la aux développeurs.",
        "en": "Unexpected error: {detail}. Nothing was changed; please report it.",
    },
    "cli.missing_libraries": {
        "fr": (
            "La fenêtre ne peut pas s'ouvrir\xa0: il manque à ce système des bibliothèques dont Qt a "
            "besoin ({libraries}). Installez-les, puis relancez Atelier\xa0: {command}"
        ),
        "en": (
            "The window cannot open: this system lacks libraries Qt needs ({libraries}). "
            "Install them, then start Atelier again: {command}"
        ),
    },
    "cli.screen_silent": {
        "fr": (
            "La fenêtre ne peut pas s'ouvrir\xa0: l'écran «\xa0{display}\xa0» (DISPLAY) ne répond pas. "
            "Lancez Atelier depuis le bureau, ou sans écran avec «\xa0xvfb-run -a\xa0»."
        ),
        "en": (
            "The window cannot open: the screen “{display}” (DISPLAY) does not answer. "
            "Start Atelier from the desktop, or without a screen with “xvfb-run -a”."
        ),
    },
    "cli.no_screen": {
        "fr": (
            "La fenêtre ne peut pas s'ouvrir\xa0: aucun écran (ni DISPLAY ni WAYLAND_DISPLAY). "
            "Lancez Atelier depuis le bureau, ou sans écran avec «\xa0xvfb-run -a\xa0»."
        ),
        "en": (
            "The window cannot open: no screen (neither DISPLAY nor WAYLAND_DISPLAY). "
            "Start Atelier from the desktop, or without a screen with “xvfb-run -a”."
        ),
    },
    "cli.no_display": {
        "fr": "Impossible d'ouvrir la fenêtre\xa0: {detail}.",
        "en": "Cannot open the window: {detail}.",
    },
    "info.file": {"fr": "Fichier\xa0: {path} (format {version})", "en": "File: {path} (format {version})"},
    "info.file_old": {
        "fr": (
            "Fichier\xa0: {path} (format {version}\u202f; Atelier le mettra au format {current} à "
            "la première modification)"
        ),
        "en": (
            "File: {path} (format {version}; Atelier will bring it to format {current} at the first change)"
        ),
    },
    "file.upgraded_copy": {
        "fr": (
            "Une copie au format\xa0{old}, que ces versions ouvrent, est gardée dans les "
            "sauvegardes\xa0: {backup}"
        ),
        "en": "A copy at format {old}, which those versions open, is kept among the backups: {backup}",
    },
    "file.upgraded": {
        "fr": (
            "«\xa0{path}\xa0» est passé du format {old} au format {new}\xa0: les versions "
            "d'Atelier plus anciennes ne l'ouvriront plus."
        ),
        "en": (
            "“{path}” went from format {old} to format {new}: "
            "older versions of Atelier will no longer open it."
        ),
    },
    "match.saved": {
        "fr": "Suggestions enregistrées dans «\xa0{path}\xa0»\xa0: {count}.",
        "en": "Suggestions saved in “{path}”: {count}.",
    },
    "match.seeks": {"fr": "{who} cherche\xa0: {text}", "en": "{who} is looking for: {text}"},
    "match.seeks_many": {"fr": "{who} cherchent\xa0: {text}", "en": "{who} are looking for: {text}"},
    "match.no_needs": {
        "fr": "Aucun besoin de ressources noté dans cet atelier\xa0: rien à rapprocher.",
        "en": "No need noted in this workshop: nothing to match.",
    },
    "match.none": {
        "fr": "    (aucune ressource proche dans la grille)",
        "en": "    (nothing close in the grid)",
    },
    "match.helper": {
        "fr": "  ← {who} [{kind}, {score}]\xa0: {text}",
        "en": "  ← {who} [{kind}, {score}]: {text}",
    },
    "match.kind.offer": {"fr": "ressource", "en": "offer"},
    "match.kind.action": {"fr": "a déjà fait", "en": "has already done"},
    # An aim or a plan typed among actions (`reasons.aimed`: « objectifs : créer… »): not done.
    "match.kind.aim": {"fr": "a pour objectif", "en": "has the aim"},
    "match.kind.challenge": {"fr": "même défi", "en": "same challenge"},
    # A challenge nothing but meaning (or a name, a piece of an expression) links to the need:
    # theirs, not « the same ».
    "match.kind.challenge_theirs": {"fr": "a pour défi", "en": "has the challenge"},
    "match.status.confirmed": {"fr": "mise en relation confirmée", "en": "confirmed match"},
    "match.status.manual": {"fr": "mise en relation ajoutée à la main", "en": "match added by hand"},
    "match.retyped": {
        "fr": ", texte modifié depuis la décision, à revoir",
        "en": ", text changed since the decision, to review",
    },
    "match.elsewhere": {"fr": " · autre atelier", "en": " · another workshop"},
    "match.groups": {"fr": "Besoins partagés\xa0:", "en": "Shared needs:"},
    "match.same_topic": {"fr": "un même sujet", "en": "one same subject"},
    # Nothing suggested for any need (no resource near any of them), and none stored before.
    "match.none_to_save": {
        "fr": "Aucune suggestion à enregistrer\xa0: «\xa0{path}\xa0» n'a pas été modifié.",
        "en": "No suggestion to save: “{path}” was left unchanged.",
    },
    "match.nothing_to_save": {
        "fr": "«\xa0{path}\xa0» contient déjà ces suggestions\xa0: il n'a pas été modifié.",
        "en": "“{path}” already holds these suggestions: it was left unchanged.",
    },
    "info.workshop": {"fr": "Atelier\xa0: {title}{date} [{id}]", "en": "Workshop: {title}{date} [{id}]"},
    "info.participants": {"fr": "Participants\xa0: {count}", "en": "Participants: {count}"},
    # People, then the rows of the grid naming them, as the minutes say it.
    "info.people_rows": {"fr": "{people} ({rows})", "en": "{people} ({rows})"},
    # A file of several workshops: each person once, however many of them they came to.
    "info.people_across": {
        "fr": "{times} aux {workshops} ateliers, {people}",
        "en": "{times} at the {workshops} workshops, {people}",
    },
    "info.people_rows_away": {"fr": "{people} ({rows}, dont {away})", "en": "{people} ({rows}, {away})"},
    "info.items": {
        "fr": "Éléments\xa0: {action}, {challenge}, {need}, {offer}",
        "en": "Items: {action}, {challenge}, {need}, {offer}",
    },
    # Decided (confirmed or added by hand), as the minutes and the Excel summary count them;
    # where their follow-up stands on a line of its own: one « sans suite » is no live match.
    "info.matches": {
        "fr": "Mises en relation\xa0: {suggested}, {decided}, {rejected}",
        "en": "Matches: {suggested}, {decided}, {rejected}",
    },
    "info.decided_by_hand": {
        "fr": "{decided} (dont {manual})",
        "en": "{decided} ({n} of them added by hand)",
    },
    "info.follow_up": {
        "fr": "Suivi des décidées\xa0: {to_contact}, {contacted}, {done}, {dropped}",
        "en": "Follow-up of those decided: {to_contact}, {contacted}, {done}, {dropped}",
    },
    "info.deletions": {
        "fr": (
            "Suppressions retenues pour les fusions\xa0: {count} (un identifiant et une heure pour "
            "chacune, pour qu'une copie plus ancienne ne ramène pas ce qui a été supprimé)"
        ),
        "en": (
            "Deletions remembered for merges: {count} (an id and a time for each, so that an older "
            "copy does not bring back what was deleted)"
        ),
    },
    "info.merges": {"fr": "Historique des fusions\xa0: {merges}", "en": "Merge history: {merges}"},
    # The command line's help and its usage refusals (atelier/cli/).
    "cli.help.atelier": {
        "fr": "Atelier\xa0: saisir, croiser et partager les grilles des ateliers territoriaux.",
        "en": "Atelier: capture, match and share the grids of territorial workshops.",
    },
    "cli.help.version": {"fr": "affiche la version", "en": "show the version"},
    "cli.help.open": {"fr": "ouvre un fichier dans la fenêtre", "en": "open a file"},
    "cli.help.open_file": {
        "fr": "sans fichier\xa0: le dernier ouvert, comme «\xa0atelier\xa0» seul",
        "en": "without one: the last file opened, as “atelier” alone",
    },
    "cli.help.example": {
        "fr": (
            "ouvre une copie de travail de l'atelier d'exemple, un véritable atelier français\xa0: "
            "son contenu reste en français"
        ),
        "en": (
            "open a working copy of the example workshop, a real French workshop: its content "
            "stays in French, the copy is named in your language"
        ),
    },
    "cli.help.new": {
        "fr": "crée un fichier d'atelier, daté d'aujourd'hui sauf --date",
        "en": "create a workshop file, dated today unless --date",
    },
    "cli.help.title": {"fr": "titre de l'atelier", "en": "workshop title"},
    "cli.help.date": {
        "fr": (
            "date\xa0: 23/11/2026, 23 novembre 2026 ou 2026-11-23 (une année à deux chiffres est "
            "l'une des 90\xa0dernières ou des 10\xa0prochaines\xa0: 21 pour 2021, 99 pour 1999)"
        ),
        "en": (
            "date: 23/11/2026, 23 November 2026 or 2026-11-23 (a two-digit year is one of the last "
            "90 or the next 10: 21 for 2021, 99 for 1999)"
        ),
    },
    "cli.help.place": {"fr": "lieu", "en": "place"},
    "cli.help.organiser": {"fr": "organisateur", "en": "organiser"},
    "cli.help.contact": {
        "fr": "comment joindre l'organisateur (nom, téléphone, courriel), imprimé dans le compte rendu",
        "en": "how to reach the organiser (name, phone, e-mail), printed in the minutes",
    },
    "cli.help.epilog": {
        "fr": (
            "atelier COMMANDE --help\xa0: l'aide d'une commande. Langue\xa0: --lang en pour "
            "l'anglais (in English), --lang fr pour le français, avant ou après la commande\u202f; "
            "sans --lang, la variable ATELIER_LANG (fr ou en), sinon la langue du système."
        ),
        "en": (
            "atelier COMMAND --help: the help of a command. Language: --lang fr for French "
            "(en français), --lang en for English, before or after the command; without --lang, "
            "the variable ATELIER_LANG (fr or en), else the system's."
        ),
    },
    "cli.help.lang": {
        "fr": "langue des messages et des documents\xa0: fr (français) ou en (anglais, in English)",
        "en": "language of the messages and documents: en (English) or fr (French, en français)",
    },
    "cli.unknown_env_language": {
        "fr": (
            "ATELIER_LANG={value}\xa0: Atelier parle français (fr) et anglais (en), pas cette "
            "langue\u202f; il continue en français."
        ),
        "en": (
            "ATELIER_LANG={value}: Atelier speaks French (fr) and English (en), not this "
            "language; it goes on in French."
        ),
    },
    "cli.help.force": {"fr": "remplace un fichier existant", "en": "replace an existing file"},
    "cli.help.import": {
        "fr": "importe une grille Word, Excel, CSV, HTML ou texte (.txt)",
        "en": "import a Word, Excel, CSV, HTML or text (.txt) grid",
    },
    "cli.help.import_output": {
        "fr": "fichier Atelier à créer (.atelier est ajouté à un nom sans extension)",
        "en": "Atelier file to create (.atelier is added to a name without an extension)",
    },
    "cli.help.import_into": {
        "fr": "réimporte la grille dans un fichier existant (les décisions sont gardées)",
        "en": "import the grid again into an existing file (decisions are kept)",
    },
    "cli.help.import_merge_anyway": {
        "fr": (
            "avec --into\xa0: réimporte la grille dans l'atelier même si son en-tête nomme un autre "
            "atelier (une autre date ou un autre titre), ou si elle n'a aucun de ses participants"
        ),
        "en": "with --into: re-import the grid into the workshop even when its heading names another "
        "workshop (another date or another title), or when it has none of its participants",
    },
    "cli.help.import_new_workshop": {
        "fr": (
            "avec --into\xa0: ajoute la grille au fichier comme un nouvel atelier (--title, --date, "
            "--place), sauf si le fichier a déjà un atelier de ce titre à cette date"
        ),
        "en": "with --into: add the grid to the file as a new workshop (--title, --date, --place), "
        "unless the file already holds a workshop with that title on that date",
    },
    "cli.help.import_columns": {
        "fr": "colonnes à la main, ex. participant=1,actions=2,defis=3,besoins=4,offres=5",
        "en": "columns by hand, e.g. participant=1,actions=2,challenges=3,needs=4,offers=5",
    },
    "cli.help.match": {
        "fr": "rapproche les besoins des ressources des autres participants",
        "en": "match needs to the other participants' offers",
    },
    "cli.help.match_top": {"fr": "suggestions par besoin (5 par défaut)", "en": "suggestions per need (5)"},
    "cli.help.json": {"fr": "sortie JSON", "en": "JSON output"},
    "cli.help.match_save": {
        "fr": "enregistre les suggestions dans le fichier",
        "en": "store the suggestions in the file",
    },
    "cli.help.match_across": {
        "fr": (
            "aussi les ressources et actions des autres ateliers du fichier, classées après "
            "celles de l'atelier à force égale"
        ),
        "en": (
            "also the offers and actions of the file's other workshops, ranked after this "
            "workshop's own for the same strength"
        ),
    },
    "cli.help.match_lexical": {
        "fr": "mots en commun seulement, sans le modèle de sens (plus rapide)",
        "en": "shared words only, without the meaning model (faster)",
    },
    "cli.help.merge": {
        "fr": "fusionne deux saisies du même atelier (la modification la plus récente de chaque champ gagne)",
        "en": "merge two captures of the same workshop (the newer edit of each field wins)",
    },
    "cli.help.merge_output": {
        "fr": "fichier fusionné (.atelier est ajouté à un nom sans extension)",
        "en": "merged file (.atelier is added to a name without an extension)",
    },
    "cli.help.merge_same_workshop": {
        "fr": "les deux fichiers ont chacun saisi une moitié du même atelier (même titre, même date)\xa0: "
        "n'en faire qu'un atelier, une personne saisie dans les deux n'étant qu'un participant",
        "en": "each file captured half of the same workshop (same title, same date): make them one "
        "workshop, a person typed in both being one participant",
    },
    "cli.help.merge_json": {"fr": "résumé en JSON", "en": "summary as JSON"},
    "cli.help.info": {"fr": "résumé d'un fichier", "en": "summary of a file"},
    "cli.help.export": {"fr": "exporte un fichier", "en": "export a file"},
    "cli.help.export_json": {
        "fr": "tout le fichier en JSON («\xa0-\xa0» pour la sortie standard)",
        "en": "the whole file as JSON ('-' for standard output)",
    },
    "cli.help.export_xlsx": {"fr": "tableaux de synthèse Excel", "en": "Excel summary tables"},
    "cli.help.export_docx": {"fr": "compte rendu Word", "en": "Word minutes"},
    "cli.help.export_fiches": {
        "fr": (
            "une page Word par participant\xa0: ce qu'il cherche et qui peut l'aider, ce qu'il "
            "propose et qui l'a demandé"
        ),
        "en": "a Word page per participant: what they need and who can help, what they offer and who asked",
    },
    "cli.help.export_template": {
        "fr": "modèle Word du compte rendu et des fiches (avec --docx ou --fiches)",
        "en": "Word template of the minutes and participant pages (with --docx or --fiches)",
    },
    "cli.help.export_anonymise": {
        "fr": "remplace le nom des personnes par leur structure ou leur territoire",
        "en": "replace people's names by their organisation or territory",
    },
    "cli.help.quit_after_show": {
        "fr": "quitte dès la fenêtre affichée (mesure du démarrage)",
        "en": "quit once the window is painted (startup timing)",
    },
    "cli.usage.new_workshop_into": {
        "fr": "--new-workshop va avec --into FICHIER",
        "en": "--new-workshop goes with --into FILE",
    },
    "cli.usage.new_workshop_or_workshop": {
        "fr": "--new-workshop ou --workshop, pas les deux",
        "en": "--new-workshop or --workshop, not both",
    },
    "cli.usage.workshop_into": {
        "fr": "--workshop va avec --into FICHIER\xa0: il choisit l'atelier du fichier à réimporter",
        "en": "--workshop goes with --into FILE: it chooses the workshop of the file to re-import",
    },
    "cli.usage.force_output": {
        "fr": (
            "--force va avec -o FICHIER, pour remplacer un fichier existant\xa0: --into ajoute au "
            "fichier donné sans le remplacer"
        ),
        "en": (
            "--force goes with -o FILE, to replace an existing file: --into adds to the file given "
            "without replacing it"
        ),
    },
    "cli.usage.force_stdout": {
        "fr": "--force ne va pas avec «\xa0-\xa0»\xa0: la sortie standard ne remplace aucun fichier",
        "en": "--force does not go with “-”: the standard output replaces no file",
    },
    "cli.usage.filter_with_match": {
        "fr": (
            "{option} ne va pas avec l'identifiant d'une mise en relation («\xa0{id}\xa0»)\xa0: "
            "--workshop et --participant choisissent les mises en relation à lister, l'identifiant en "
            "désigne une"
        ),
        "en": (
            "{option} does not go with a match's id (“{id}”): --workshop and --participant choose the "
            "matches to list, the id names one"
        ),
    },
    "cli.usage.fields_with_add_rename": {
        "fr": "--title, --date et --place vont avec --add ou --rename",
        "en": "--title, --date and --place go with --add or --rename",
    },
    "cli.usage.yes_with_delete": {
        "fr": "--oui va avec --delete\xa0: il confirme la suppression",
        "en": "--yes goes with --delete: it confirms the deletion",
    },
    "cli.usage.json_with_list": {
        "fr": "--json va avec la liste des ateliers, sans --add, --rename ni --delete",
        "en": "--json goes with the list of workshops, without --add, --rename or --delete",
    },
    "cli.usage.merge_anyway_into": {
        "fr": "--merge-anyway va avec --into FICHIER (sans --new-workshop)",
        "en": "--merge-anyway goes with --into FILE (without --new-workshop)",
    },
    "cli.usage.fields_with_reimport": {
        "fr": (
            "--title, --date, --place, --organiser et --contact vont avec -o ou --into … "
            "--new-workshop (une réimportation garde ceux de l'atelier)"
        ),
        "en": (
            "--title, --date, --place, --organiser and --contact go with -o or --into … "
            "--new-workshop (a re-import keeps the workshop's own)"
        ),
    },
    "cli.usage.stdout_json_only": {
        "fr": "«\xa0-\xa0» (la sortie standard) ne va qu'avec --json\xa0: donnez un nom de fichier",
        "en": "“-” (the standard output) goes with --json only: give a file name",
    },
    "cli.usage.anonymise_fiches": {
        "fr": "--anonymise ne va pas avec --fiches\xa0: chaque fiche est nominative",
        "en": "--anonymise does not go with --fiches: each page names its participant",
    },
    "cli.usage.anonymise_json": {
        "fr": "--anonymise ne va pas avec --json\xa0: le JSON est tout le fichier, noms et notes compris",
        "en": "--anonymise does not go with --json: the JSON is the whole file, names and notes included",
    },
    "cli.help.suivi": {
        "fr": (
            "liste le suivi des mises en relation décidées (confirmées ou ajoutées à la main), "
            "ou change l'état de l'une d'elles"
        ),
        "en": "list the follow-up of decided matches (confirmed or added by hand), or set the state of one",
    },
    "cli.help.suivi_match": {
        "fr": "l'identifiant de la mise en relation, ou ses premiers caractères (ceux de la liste)",
        "en": "the match id, or its first characters (as listed)",
    },
    "cli.help.suivi_state": {
        "fr": (
            "a-contacter, contactee, faite ou sans-suite\xa0: l'état à donner (avec une mise en "
            "relation), ou ceux à lister"
        ),
        "en": "to-contact, contacted, done or dropped: the state to set (with a match), or to list",
    },
    "cli.help.suivi_note": {
        "fr": "note de suivi (avec une mise en relation)",
        "en": "follow-up note (with a match)",
    },
    "cli.help.suivi_day": {
        "fr": "date du changement d'état, passée ou du jour\xa0: 23/11/2026, 23 novembre 2026 ou 2026-11-23 "
        "(aujourd'hui par défaut)",
        "en": "date of the change, past or today: 23/11/2026, 23 November 2026 or 2026-11-23 "
        "(today by default)",
    },
    "cli.help.suivi_workshop": {"fr": "un seul atelier", "en": "one workshop only"},
    "cli.help.suivi_remove_step": {
        "fr": (
            "retire la dernière étape du suivi de la mise en relation donnée (notée par erreur)\xa0: "
            "dit d'abord laquelle, à confirmer avec --oui"
        ),
        "en": (
            "take the latest step out of the follow-up of the match given (recorded by mistake): says "
            "which one first, to confirm with --yes"
        ),
    },
    "cli.help.suivi_xlsx": {
        "fr": "écrit le suivi listé (de tous les ateliers, sauf --workshop) dans un tableau Excel",
        "en": "write the follow-up listed (of every workshop, unless --workshop) to an Excel sheet",
    },
    "cli.usage.suivi_xlsx_alone": {
        "fr": "--xlsx écrit la liste du suivi : sans identifiant de mise en relation, --json, "
        "--historique ni --retirer-etape",
        "en": "--xlsx writes the follow-up list: without a match id, --json, --history or --remove-step",
    },
    "cli.usage.force_with_xlsx": {
        "fr": "--force va avec --xlsx : il remplace un tableau existant",
        "en": "--force goes with --xlsx: it replaces an existing workbook",
    },
    # `suivi --xlsx` with nothing to follow up (« Aucune mise en relation faite », as the
    # listing says it): no sheet of headings over no row, as `export --fiches` refuses.
    "suivi.nothing_to_export": {
        "fr": "{none}\xa0: pas de tableau à écrire\u202f; rien n'a été écrit.",
        "en": "{none}: no table to write; nothing was written.",
    },
    "suivi.exported": {
        "fr": "Suivi exporté ({matches}) : {path}",
        "en": "Follow-up exported ({matches}): {path}",
    },
    "cli.help.suivi_yes": {
        "fr": "confirme --retirer-etape",
        "en": "confirm --remove-step",
    },
    "cli.usage.remove_step_alone": {
        "fr": (
            "--retirer-etape va avec une mise en relation, son identifiant après le fichier, sans "
            "--etat, --note ni --le"
        ),
        "en": "--remove-step goes with a match, its id after the file, without --state, --note or --on",
    },
    "cli.usage.yes_with_remove_step": {
        "fr": "--oui va avec --retirer-etape\xa0: il confirme le retrait de l'étape",
        "en": "--yes goes with --remove-step: it confirms taking the step out",
    },
    "followup.remove_confirm": {
        "fr": (
            "Retirer l'étape «\xa0{step}\xa0» du suivi {of_need} ← {resource}\u202f? La mise en relation "
            "en reviendra à «\xa0{previous}\xa0». Ajoutez --oui pour la retirer."
        ),
        "en": (
            "Take the step “{step}” out of the follow-up of {need} ← {resource}? The match will be back "
            "at “{previous}”. Add --yes to take it out."
        ),
    },
    "followup.remove_confirm_note": {
        "fr": (
            "Retirer l'étape «\xa0{step}\xa0» du suivi {of_need} ← {resource}\u202f? La mise en relation "
            "en reviendra à «\xa0{previous}\xa0», sans la note «\xa0{note}\xa0» écrite avec cette étape. "
            "Ajoutez --oui pour la retirer."
        ),
        "en": (
            "Take the step “{step}” out of the follow-up of {need} ← {resource}? The match will be back "
            "at “{previous}”, without the note “{note}” written with this step. Add --yes to take it out."
        ),
    },
    "followup.note_removed_with_step": {
        "fr": "La note «\xa0{text}\xa0», écrite avec cette étape, est retirée aussi.",
        "en": "The note “{text}”, written with this step, is taken out too.",
    },
    "followup.step_removed": {
        "fr": (
            "Étape «\xa0{step}\xa0» retirée du suivi {of_need} ← {resource} ({id})\xa0: la mise en "
            "relation en est à «\xa0{previous}\xa0»."
        ),
        "en": (
            "Step “{step}” taken out of the follow-up of {need} ← {resource} ({id}): the match is back "
            "at “{previous}”."
        ),
    },
    "cli.help.suivi_history": {
        "fr": (
            "montre aussi les étapes du suivi (décidée le…, contactée le…) de chaque mise en relation "
            "listée, ou de celle donnée"
        ),
        "en": (
            "also show the steps of the follow-up (decided on…, contacted on…) of each match listed, "
            "or of the one given"
        ),
    },
    "cli.help.suivi_participant": {
        "fr": (
            "ceux où cette personne ou structure cherche ou aide (une structure par son sigle ou en "
            "toutes lettres)"
        ),
        "en": "those where this person or body needs or helps (a body by its acronym or spelled out)",
    },
    "cli.help.search": {
        "fr": (
            "cherche dans tous les ateliers du fichier\xa0: personnes, structures, territoires, "
            "actions, défis, besoins, ressources"
        ),
        "en": (
            "search every workshop of the file: people, bodies, territories, actions, challenges, "
            "needs, offers"
        ),
    },
    "cli.help.search_text": {
        "fr": (
            "les mots cherchés (le début d'un mot suffit, accents et majuscules indifférents)\u202f; "
            "un mot qui commence par un tiret est cherché comme les autres\xa0: «\xa0-emploi\xa0» "
            "trouve «\xa0emploi\xa0», rien n'est exclu"
        ),
        "en": (
            "the words searched for (the start of a word is enough, accents and case do not matter); "
            "a word starting with a dash is searched like any other: “-emploi” finds “emploi”, "
            "nothing is excluded"
        ),
    },
    "cli.help.search_limit": {"fr": "résultats montrés (30)", "en": "results shown (30)"},
    "cli.help.workshops": {
        "fr": "les ateliers d'un fichier\xa0: lister, ajouter, renommer, supprimer",
        "en": "the workshops of a file: list, add, rename, delete",
    },
    "cli.help.workshops_add": {
        "fr": "ajoute un atelier vide (avec --title), daté d'aujourd'hui sauf --date",
        "en": "add an empty workshop (with --title), dated today unless --date",
    },
    "cli.help.workshops_rename": {
        "fr": "change le titre, la date ou le lieu",
        "en": "change title, date or place",
    },
    "cli.help.workshops_delete": {"fr": "supprime un atelier", "en": "delete a workshop"},
    "cli.help.workshops_join": {
        "fr": "réunit deux ateliers du fichier en un (le premier nommé reste, avec les participants "
        "des deux)",
        "en": "join two workshops of the file into one (the first named stays, with the participants "
        "of both)",
    },
    "cli.help.workshops_yes": {"fr": "confirme la suppression", "en": "confirm the deletion"},
    "cli.usage.state_or_note": {
        "fr": "--etat, --note ou --historique attendu avec une mise en relation",
        "en": "--state, --note or --history expected with a match",
    },
    "cli.usage.search_empty": {
        "fr": "donnez au moins un mot à chercher",
        "en": "give at least one word to search for",
    },
    "cli.usage.search_no_word": {
        "fr": (
            "«\xa0{text}\xa0» n'a ni lettre ni chiffre\xa0: la recherche trouve des mots, pas des signes "
            "ni des émojis\u202f; donnez au moins un mot à chercher"
        ),
        "en": (
            "“{text}” has no letter or digit: the search finds words, not signs or emoji; "
            "give at least one word to search for"
        ),
    },
    "cli.usage.give_the_match": {
        "fr": "--note et --le vont avec une mise en relation, son identifiant après le fichier",
        "en": "--note and --le go with a match, its id after the file",
    },
    "cli.usage.template_word_only": {
        "fr": "--template ne sert qu'aux documents Word (--docx, --fiches)",
        "en": "--template is for the Word documents only (--docx, --fiches)",
    },
    "cli.usage.add_needs_title": {
        "fr": "--add demande le titre du nouvel atelier\xa0: --title TITRE",
        "en": "--add needs the new workshop's title: --title TITLE",
    },
    "cli.usage.rename_needs_change": {
        "fr": "--rename demande ce qui change\xa0: --title, --date ou --place",
        "en": "--rename needs what changes: --title, --date or --place",
    },
    "cli.usage.at_least_one": {
        "fr": "{option} attend un nombre entier d'au moins 1",
        "en": "{option} takes a whole number of at least 1",
    },
    "cli.help.help": {"fr": "affiche cette aide", "en": "show this help"},
    "cli.help.workshop": {
        "fr": "l'atelier du fichier\xa0: son identifiant (ou son début), sa date ou son titre",
        "en": "the workshop of the file: its id (or its start), its date or its title",
    },
}

# Phrases that hold a number, in the two forms the number asks for: singular, plural. The
# form is chosen by atelier.french.counted (French puts 0 and 1 in the singular: « 0 défi »,
# « 1 confirmée »; English only 1), which writes the number « {n} » as each language does; a
# message then takes the counted phrase as a parameter: message("import.summary",
# participants=counted(3, "n.participant"), …). One mechanism for every count said outside
# the window (the window has Qt's %n).
COUNTED: dict[str, dict[str, tuple[str, str]]] = {
    # An anonymised export: the structures that read as holding a person's name (a cell the
    # import could not split), printed without the name.
    "n.anonymise_unread": {
        "fr": (
            "Anonymisation\xa0: {n} structure semblait contenir le nom d'une personne, imprimée "
            "sans ce nom ({cells})\xa0: corrigez la ligne dans la grille et relisez le document avant "
            "de le diffuser.",
            "Anonymisation\xa0: {n} structures semblaient contenir le nom d'une personne, imprimées "
            "sans ces noms ({cells})\xa0: corrigez ces lignes dans la grille et relisez le document avant "
            "de le diffuser.",
        ),
        "en": (
            "Anonymising: {n} organisation seemed to hold a person's name, printed without it "
            "({cells}): correct the row in the grid and read the document before sending it.",
            "Anonymising: {n} organisations seemed to hold people's names, printed without them "
            "({cells}): correct these rows in the grid and read the document before sending it.",
        ),
    },
    # An anonymised export: the structures of rows with a person that read as a person's name
    # (« Anne Martin / Paul Durand », « à vérifier » at the import), printed as written.
    "n.synthesis_names_gone": {
        "fr": (
            "La section «\xa0{heading}\xa0» nomme encore {names}, qui n'est plus dans la grille\xa0: "
            "relisez-la avant d'envoyer le compte rendu.",
            "La section «\xa0{heading}\xa0» nomme encore {names}, qui ne sont plus dans la grille\xa0: "
            "relisez-la avant d'envoyer le compte rendu.",
        ),
        "en": (
            "The section “{heading}” still names {names}, who is no longer in the grid: "
            "read it again before sending the minutes.",
            "The section “{heading}” still names {names}, who are no longer in the grid: "
            "read it again before sending the minutes.",
        ),
    },
    "n.anonymise_kept": {
        "fr": (
            "Anonymisation\xa0: {n} structure semble contenir le nom d'une personne et reste "
            "imprimée telle quelle ({names})\xa0: s'il s'agit d'une personne, corrigez sa ligne "
            "dans la grille avant de diffuser le document.",
            "Anonymisation\xa0: {n} structures semblent contenir le nom d'une personne et restent "
            "imprimées telles quelles ({names})\xa0: s'il s'agit de personnes, corrigez leurs lignes "
            "dans la grille avant de diffuser le document.",
        ),
        "en": (
            "Anonymising: {n} structure seems to hold a person's name and is printed as written "
            "({names}): if it is a person, correct its row in the grid before sending the document.",
            "Anonymising: {n} structures seem to hold a person's name and are printed as written "
            "({names}): if they are people, correct their rows in the grid before sending the document.",
        ),
    },
    # An anonymised export: the words it left as written that may be someone's first name.
    "n.anonymise_unsure": {
        "fr": (
            "Anonymisation\xa0: {n} mot laissé tel quel pourrait être un prénom ({words})\xa0: "
            "relisez le document avant de le diffuser.",
            "Anonymisation\xa0: {n} mots laissés tels quels pourraient être des prénoms ({words})\xa0: "
            "relisez le document avant de le diffuser.",
        ),
        "en": (
            "Anonymising: {n} word left as written may be a first name ({words}): "
            "read the document before sending it.",
            "Anonymising: {n} words left as written may be first names ({words}): "
            "read the document before sending it.",
        ),
    },
    "n.session_imported": {
        "fr": ("{n} atelier importé", "{n} ateliers importés"),
        "en": ("{n} workshop imported", "{n} workshops imported"),
    },
    "n.fiche": {
        "fr": ("{n} fiche lue", "{n} fiches lues"),
        "en": ("{n} form read", "{n} forms read"),
    },
    "n.participant": {
        "fr": ("{n} participant", "{n} participants"),
        "en": ("{n} participant", "{n} participants"),
    },
    "n.participant_left_out": {
        "fr": ("{n} participant non importé", "{n} participants non importés"),
        "en": ("{n} participant not imported", "{n} participants not imported"),
    },
    "n.action": {"fr": ("{n} action", "{n} actions"), "en": ("{n} action", "{n} actions")},
    "n.challenge": {"fr": ("{n} défi", "{n} défis"), "en": ("{n} challenge", "{n} challenges")},
    "n.need": {"fr": ("{n} besoin", "{n} besoins"), "en": ("{n} need", "{n} needs")},
    "n.offer": {"fr": ("{n} ressource", "{n} ressources"), "en": ("{n} offer", "{n} offers")},
    "n.item": {"fr": ("{n} élément", "{n} éléments"), "en": ("{n} item", "{n} items")},
    "n.paragraph_below": {
        "fr": ("{n} paragraphe sous {table} non importé", "{n} paragraphes sous {table} non importés"),
        "en": ("{n} paragraph below {table} not imported", "{n} paragraphs below {table} not imported"),
    },
    "n.struck_passage": {
        "fr": ("{n} passage barré non importé", "{n} passages barrés non importés"),
        "en": ("{n} struck-through passage not imported", "{n} struck-through passages not imported"),
    },
    "n.decided_match": {
        "fr": (
            "{n} mise en relation décidée non reprise (décision et suivi)",
            "{n} mises en relation décidées non reprises (décision et suivi)",
        ),
        "en": (
            "{n} decided match not taken back (decision and follow-up)",
            "{n} decided matches not taken back (decision and follow-up)",
        ),
    },
    # The matches the facilitator set aside, listed in Atelier's own workbook: not taken back by
    # its import, so matching the imported grid may suggest them again.
    "n.rejected_match": {
        "fr": ("{n} mise en relation écartée non reprise", "{n} mises en relation écartées non reprises"),
        "en": ("{n} rejected match not taken back", "{n} rejected matches not taken back"),
    },
    "import.own_rejected_again": {
        "fr": (
            ", et l'appariement pourra suggérer de nouveau la mise en relation écartée",
            ", et l'appariement pourra suggérer de nouveau ces {n} mises en relation écartées",
        ),
        "en": (
            ", and matching may suggest the rejected match again",
            ", and matching may suggest these {n} rejected matches again",
        ),
    },
    "n.passage_in_fill_colour": {
        "fr": (
            "{n} passage écrit de la couleur de son fond non importé",
            "{n} passages écrits de la couleur de leur fond non importés",
        ),
        "en": (
            "{n} passage written in the colour of its background not imported",
            "{n} passages written in the colour of their background not imported",
        ),
    },
    "n.deleted_passage": {
        "fr": (
            "{n} passage supprimé (suivi des modifications) non importé",
            "{n} passages supprimés (suivi des modifications) non importés",
        ),
        "en": (
            "{n} passage deleted with track changes not imported",
            "{n} passages deleted with track changes not imported",
        ),
    },
    "n.cell_struck": {
        "fr": ("{n} cellule barrée non importée", "{n} cellules barrées non importées"),
        "en": ("{n} struck-through cell not imported", "{n} struck-through cells not imported"),
    },
    "n.hidden_passage": {
        "fr": ("{n} passage en texte masqué non importé", "{n} passages en texte masqué non importés"),
        "en": ("{n} hidden text passage not imported", "{n} hidden text passages not imported"),
    },
    "n.participation": {
        "fr": ("{n} participation", "{n} participations"),
        "en": ("{n} attendance", "{n} attendances"),
    },
    "n.different_person": {
        "fr": ("{n} personne différente", "{n} personnes différentes"),
        "en": ("{n} different person", "{n} different people"),
    },
    "n.grid_row": {
        "fr": ("{n} ligne de la grille", "{n} lignes de la grille"),
        "en": ("{n} row of the grid", "{n} rows of the grid"),
    },
    # Rows of the file a grid imported again does not have (typed or pasted in the window, or
    # of an earlier grid): not rows of this grid.
    "n.file_row": {
        "fr": ("{n} ligne du fichier", "{n} lignes du fichier"),
        "en": ("{n} row of the file", "{n} rows of the file"),
    },
    "n.away": {
        "fr": ("{n} excusé ou absent", "{n} excusés ou absents"),
        "en": ("{n} excused or absent", "{n} excused or absent"),
    },
    "n.row_cell": {"fr": ("{n} cellule", "{n} cellules"), "en": ("{n} cell", "{n} cells")},
    "n.column": {"fr": ("{n} colonne", "{n} colonnes"), "en": ("{n} column", "{n} columns")},
    "n.error_cell": {
        "fr": (
            "{n} cellule affichant une erreur de formule non importée",
            "{n} cellules affichant une erreur de formule non importées",
        ),
        "en": (
            "{n} cell showing a formula error not imported",
            "{n} cells showing a formula error not imported",
        ),
    },
    "n.uncomputed_cell": {
        "fr": (
            "{n} cellule à formule sans valeur calculée non importée",
            "{n} cellules à formule sans valeur calculée non importées",
        ),
        "en": (
            "{n} formula cell never computed not imported",
            "{n} formula cells never computed not imported",
        ),
    },
    # A CSV, a text grid or a paste: the formula is there as text, no spreadsheet computed it.
    "n.formula_as_text": {
        "fr": (
            "{n} cellule commençant par «\xa0=\xa0» (une formule de tableur écrite en texte, sans sa "
            "valeur) non importée",
            "{n} cellules commençant par «\xa0=\xa0» (des formules de tableur écrites en texte, sans "
            "leur valeur) non importées",
        ),
        "en": (
            "{n} cell starting with “=” (a spreadsheet formula written as text, without its value) not "
            "imported",
            "{n} cells starting with “=” (spreadsheet formulas written as text, without their values) not "
            "imported",
        ),
    },
    # « =HYPERLINK("https://…";"Mission locale") » in a CSV: « Mission locale » is read.
    "n.link_text_kept": {
        "fr": (
            "{n} lien écrit en formule, importé par son texte seul, sans son adresse",
            "{n} liens écrits en formule, importés par leur texte seul, sans leur adresse",
        ),
        "en": (
            "{n} link written as a formula, imported as its text alone, without its address",
            "{n} links written as formulas, imported as their text alone, without their addresses",
        ),
    },
    "n.cell_hidden_by_format": {
        "fr": (
            "{n} cellule masquée par son format de nombre non importée",
            "{n} cellules masquées par leur format de nombre non importées",
        ),
        "en": (
            "{n} cell hidden by its number format not imported",
            "{n} cells hidden by their number format not imported",
        ),
    },
    "n.cell_in_fill_colour": {
        "fr": (
            "{n} cellule écrite de la couleur de son fond non importée",
            "{n} cellules écrites de la couleur de leur fond non importées",
        ),
        "en": (
            "{n} cell written in the colour of its fill not imported",
            "{n} cells written in the colour of their fill not imported",
        ),
    },
    "n.filled_cell": {
        "fr": ("{n} cellule remplie", "{n} cellules remplies"),
        "en": ("{n} cell with text", "{n} cells with text"),
    },
    "n.workshop": {"fr": ("{n} atelier", "{n} ateliers"), "en": ("{n} workshop", "{n} workshops")},
    "n.result": {"fr": ("{n} résultat", "{n} résultats"), "en": ("{n} result", "{n} results")},
    "n.match.suggested": {"fr": ("{n} suggérée", "{n} suggérées"), "en": ("{n} suggested", "{n} suggested")},
    "n.match.confirmed": {
        "fr": ("{n} confirmée", "{n} confirmées"),
        "en": ("{n} confirmed", "{n} confirmed"),
    },
    "n.match.manual": {
        "fr": ("{n} ajoutée à la main", "{n} ajoutées à la main"),
        "en": ("{n} added by hand", "{n} added by hand"),
    },
    "n.match.rejected": {"fr": ("{n} écartée", "{n} écartées"), "en": ("{n} rejected", "{n} rejected")},
    "n.match.decided": {"fr": ("{n} décidée", "{n} décidées"), "en": ("{n} decided", "{n} decided")},
    # Where the decided matches' follow-up stands (`atelier info`), said of « la mise en relation ».
    "n.follow_up.to_contact": {
        "fr": ("{n} à contacter", "{n} à contacter"),
        "en": ("{n} to contact", "{n} to contact"),
    },
    "n.follow_up.contacted": {
        "fr": ("{n} contactée", "{n} contactées"),
        "en": ("{n} contacted", "{n} contacted"),
    },
    "n.follow_up.done": {"fr": ("{n} faite", "{n} faites"), "en": ("{n} done", "{n} done")},
    "n.follow_up.dropped": {"fr": ("{n} sans suite", "{n} sans suite"), "en": ("{n} dropped", "{n} dropped")},
    # A workshop's matches decided (confirmed or added by hand, whatever their follow-up), as
    # `atelier info` counts them: what `workshops` lists and what `--delete` takes away.
    # `atelier match`: the headings of a need's decisions, then of its suggestions.
    "n.match.decided_heading": {
        "fr": ("  {n} mise en relation décidée\xa0:", "  {n} mises en relation décidées\xa0:"),
        "en": ("  {n} decided match:", "  {n} decided matches:"),
    },
    "n.match.suggested_heading": {
        "fr": ("  {n} suggestion d'Atelier\xa0:", "  {n} suggestions d'Atelier\xa0:"),
        "en": ("  {n} suggestion by Atelier:", "  {n} suggestions by Atelier:"),
    },
    "n.decided_matches": {
        "fr": ("{n} mise en relation décidée", "{n} mises en relation décidées"),
        "en": ("{n} decided match", "{n} decided matches"),
    },
    "n.decided_matches_elsewhere": {
        "fr": (
            "{n} mise en relation décidée d'un autre atelier avec ses participants",
            "{n} mises en relation décidées d'autres ateliers avec ses participants",
        ),
        "en": (
            "{n} decided match of another workshop with its participants",
            "{n} decided matches of other workshops with its participants",
        ),
    },
    "n.with_themself": {
        "fr": (
            "{n} mise en relation confirmée met une personne en relation avec elle-même ({pairs})\xa0: "
            "elle reste dans le fichier, mais n'est ni suivie ici, ni projetée, ni exportée\xa0; "
            "écartez-la dans la fenêtre (Ctrl+Maj+X) pour la retirer.",
            "{n} mises en relation confirmées mettent une personne en relation avec elle-même "
            "({pairs})\xa0: elles restent dans le fichier, mais ne sont ni suivies ici, ni projetées, "
            "ni exportées\xa0; écartez-les dans la fenêtre (Ctrl+Maj+X) pour les retirer.",
        ),
        "en": (
            "{n} confirmed match puts a person in touch with themself ({pairs}): it stays in the "
            "file but is not followed up here, nor projected or exported; reject it in the window "
            "(Ctrl+Shift+X) to remove it.",
            "{n} confirmed matches put a person in touch with themself ({pairs}): they stay in the "
            "file but are not followed up here, nor projected or exported; reject them in the window "
            "(Ctrl+Shift+X) to remove them.",
        ),
    },
    "n.info_with_themself": {
        "fr": (
            "Mise en relation d'une personne avec elle-même\xa0: {n} (gardée dans le fichier, ni "
            "projetée ni exportée\xa0; à écarter dans la fenêtre, Ctrl+Maj+X)",
            "Mises en relation d'une personne avec elle-même\xa0: {n} (gardées dans le fichier, ni "
            "projetées ni exportées\xa0; à écarter dans la fenêtre, Ctrl+Maj+X)",
        ),
        "en": (
            "Match of a person with themself: {n} (kept in the file, neither projected nor exported; "
            "reject it in the window, Ctrl+Shift+X)",
            "Matches of a person with themself: {n} (kept in the file, neither projected nor exported; "
            "reject them in the window, Ctrl+Shift+X)",
        ),
    },
    # As the window's matches panel says it beside its count of confirmed matches.
    # `atelier ateliers`: of a workshop's decided matches, those followed up « sans suite ».
    "n.dropped_aside": {
        "fr": (" (dont {n} classée sans suite)", " (dont {n} classées sans suite)"),
        "en": (" ({n} of them dropped)", " ({n} of them dropped)"),
    },
    "n.themself_aside": {
        "fr": (
            " (et {n} d'une personne avec elle-même, à écarter)",
            " (et {n} d'une personne avec elle-même, à écarter)",
        ),
        "en": (
            " (and {n} of a person with themself, to reject)",
            " (and {n} of a person with themself, to reject)",
        ),
    },
    "n.followed_match": {
        "fr": ("{n} mise en relation suivie", "{n} mises en relation suivies"),
        "en": ("{n} match followed up", "{n} matches followed up"),
    },
    # What came back with an entry one copy deleted and the merge kept (merge.kept.*'s {along}).
    "n.kept_along": {
        "fr": ("avec l'entrée qui en fait partie", "avec les {n} entrées qui en font partie"),
        "en": ("with the entry that belongs to it", "with the {n} entries that belong to it"),
    },
    "n.typed_in_both_files": {
        "fr": ("{n} saisi sur les deux fichiers", "{n} saisis sur les deux fichiers"),
        "en": ("{n} of them typed in both files", "{n} of them typed in both files"),
    },
    "n.typed_in_both_workshops": {
        "fr": ("{n} saisi dans les deux ateliers", "{n} saisis dans les deux ateliers"),
        "en": ("{n} of them typed in both workshops", "{n} of them typed in both workshops"),
    },
    "n.line_typed_twice": {
        "fr": (
            "{n} ligne saisie deux fois n'est gardée qu'une fois, avec ses mises en relation",
            "{n} lignes saisies deux fois ne sont gardées qu'une fois, avec leurs mises en relation",
        ),
        "en": (
            "{n} line typed twice is kept once, with its matches",
            "{n} lines typed twice are kept once, with their matches",
        ),
    },
    "n.suggestion_computed": {
        "fr": ("{n} suggestion calculée par Atelier", "{n} suggestions calculées par Atelier"),
        "en": ("{n} suggestion computed by Atelier", "{n} suggestions computed by Atelier"),
    },
    "n.entry_added": {
        "fr": ("{n} entrée ajoutée", "{n} entrées ajoutées"),
        "en": ("{n} entry added", "{n} entries added"),
    },
    "n.merge": {"fr": ("{n} fusion", "{n} fusions"), "en": ("{n} merge", "{n} merges")},
    "n.future_field": {
        "fr": (
            "{n} champ garde la valeur de ce fichier (celle de la copie est listée et gardée dans "
            "l'historique des fusions)",
            "{n} champs gardent la valeur de ce fichier (celles de la copie sont listées et gardées "
            "dans l'historique des fusions)",
        ),
        "en": (
            "{n} field keeps this file's value (the copy's is listed and kept in the merge history)",
            "{n} fields keep this file's value (the copy's are listed and kept in the merge history)",
        ),
    },
    "n.future_deletion": {
        "fr": ("{n} suppression n'est pas appliquée", "{n} suppressions ne sont pas appliquées"),
        "en": ("{n} deletion is not applied", "{n} deletions are not applied"),
    },
    "n.future_added": {
        "fr": (
            "{n} entrée ajoutée est datée de cette fusion",
            "{n} entrées ajoutées sont datées de cette fusion",
        ),
        "en": ("{n} new entry is dated at this merge", "{n} new entries are dated at this merge"),
    },
    "n.deletion_applied": {
        "fr": ("{n} suppression appliquée", "{n} suppressions appliquées"),
        "en": ("{n} deletion applied", "{n} deletions applied"),
    },
    "n.in_common": {"fr": ("{n} en commun", "{n} en commun"), "en": ("{n} in common", "{n} in common")},
    "n.conflict": {"fr": ("{n} conflit", "{n} conflits"), "en": ("{n} conflict", "{n} conflicts")},
    "n.field_updated": {
        "fr": ("{n} champ mis à jour", "{n} champs mis à jour"),
        "en": ("{n} field updated", "{n} fields updated"),
    },
    "n.participant_updated": {
        "fr": ("{n} participant mis à jour", "{n} participants mis à jour"),
        "en": ("{n} participant updated", "{n} participants updated"),
    },
    # Participants a re-import found again in the grid whose fields and lines it left as they were.
    "n.participant_unchanged": {
        "fr": ("{n} participant retrouvé sans changement", "{n} participants retrouvés sans changement"),
        "en": ("{n} participant unchanged", "{n} participants unchanged"),
    },
    "n.found_unchanged": {
        "fr": ("{n} retrouvé sans changement", "{n} retrouvés sans changement"),
        "en": ("{n} unchanged", "{n} unchanged"),
    },
    "n.added": {"fr": ("{n} ajouté", "{n} ajoutés"), "en": ("{n} added", "{n} added")},
    "n.absent_kept": {
        "fr": ("{n} absent de la grille conservé", "{n} absents de la grille conservés"),
        "en": ("{n} missing from the grid kept", "{n} missing from the grid kept"),
    },
    "n.item_kept": {
        "fr": (
            "{n} élément conservé pour une mise en relation confirmée",
            "{n} éléments conservés pour une mise en relation confirmée",
        ),
        "en": ("{n} item kept for a confirmed match", "{n} items kept for a confirmed match"),
    },
    # Then « Sauvegarde d'avant : … » (import.backup) says where they are kept, when a copy
    # could be made: never claimed here, a backup that cannot be written is skipped.
    # Grid rows of participants deleted in the window: not imported again (store/graves.py).
    "n.row_deleted_kept": {
        "fr": (
            "{n} ligne de la grille, supprimée dans Atelier, n'a pas été réimportée",
            "{n} lignes de la grille, supprimées dans Atelier, n'ont pas été réimportées",
        ),
        "en": (
            "{n} grid row, deleted in Atelier, was not imported again",
            "{n} grid rows, deleted in Atelier, were not imported again",
        ),
    },
    "n.item_removed": {
        "fr": (
            "{n} élément du fichier absent de la grille a été retiré\xa0:",
            "{n} éléments du fichier absents de la grille ont été retirés\xa0:",
        ),
        "en": (
            "{n} item of the file missing from the grid was removed:",
            "{n} items of the file missing from the grid were removed:",
        ),
    },
    # Fields and lines edited in Atelier since the last import that the grid imported again
    # still says as it did then: kept.
    "n.edit_kept": {
        "fr": (
            "{n} modification faite dans Atelier depuis le dernier import, que la grille n'a pas "
            "changée, est gardée.",
            "{n} modifications faites dans Atelier depuis le dernier import, que la grille n'a pas "
            "changées, sont gardées.",
        ),
        "en": (
            "{n} edit made in Atelier since the last import, which the grid did not change, is kept.",
            "{n} edits made in Atelier since the last import, which the grid did not change, are kept.",
        ),
    },
    # The same, that the grid changed too, to something else: kept, each said (import.kept_over_grid).
    # Lines typed in the window, never in a grid, that the grid re-imported does not have: kept.
    # Lines of the grid added to a participant of a file of format 14 or before, whose lines at
    # the last import are not known: each may be one deleted in Atelier then. Said, per person.
    "n.added_unknown": {
        "fr": (
            "{n} ligne de la grille, absente du fichier, a été ajoutée pour {who}\xa0: {which} "
            "(fichier d'un format antérieur\xa0: Atelier ne sait pas si elle y avait été supprimée).",
            "{n} lignes de la grille, absentes du fichier, ont été ajoutées pour {who}\xa0: {which} "
            "(fichier d'un format antérieur\xa0: Atelier ne sait pas si elles y avaient été supprimées).",
        ),
        "en": (
            "{n} line of the grid, missing from the file, was added for {who}: {which} "
            "(file of an earlier format: Atelier cannot tell whether it had been deleted there).",
            "{n} lines of the grid, missing from the file, were added for {who}: {which} "
            "(file of an earlier format: Atelier cannot tell whether they had been deleted there).",
        ),
    },
    "n.typed_kept": {
        "fr": (
            "{n} ligne saisie dans Atelier, que la grille n'a pas, est gardée.",
            "{n} lignes saisies dans Atelier, que la grille n'a pas, sont gardées.",
        ),
        "en": (
            "{n} line typed in Atelier, which the grid does not have, is kept.",
            "{n} lines typed in Atelier, which the grid does not have, are kept.",
        ),
    },
    "n.edit_kept_over_grid": {
        "fr": (
            "{n} modification faite dans Atelier depuis le dernier import est gardée, alors que la "
            "grille dit autre chose\xa0:",
            "{n} modifications faites dans Atelier depuis le dernier import sont gardées, alors que la "
            "grille dit autre chose\xa0:",
        ),
        "en": (
            "{n} edit made in Atelier since the last import is kept, though the grid says otherwise:",
            "{n} edits made in Atelier since the last import are kept, though the grid says otherwise:",
        ),
    },
    # Names the grid imported again spells otherwise, never edited in Atelier: taken, each said
    # (import.name_taken).
    "n.name_taken": {
        "fr": (
            "{n} nom changé dans la grille depuis le dernier import est repris\xa0:",
            "{n} noms changés dans la grille depuis le dernier import sont repris\xa0:",
        ),
        "en": (
            "{n} name changed in the grid since the last import is taken:",
            "{n} names changed in the grid since the last import are taken:",
        ),
    },
    "n.decided_retyped": {
        "fr": (
            "{n} mise en relation confirmée porte sur un texte modifié\xa0: ses raisons disent le "
            "nouveau texte\xa0; revoyez-la dans la fenêtre («\xa0Qui peut aider\xa0?\xa0»)",
            "{n} mises en relation confirmées portent sur un texte modifié\xa0: leurs raisons disent le "
            "nouveau texte\xa0; revoyez-les dans la fenêtre («\xa0Qui peut aider\xa0?\xa0»)",
        ),
        "en": (
            "{n} confirmed match is about a changed text: its reasons speak of the new text; "
            "review it in the window (“Who can help?”)",
            "{n} confirmed matches are about a changed text: their reasons speak of the new text; "
            "review them in the window (“Who can help?”)",
        ),
    },
    "n.search_first": {
        "fr": (" (le premier ci-dessous)", " (les {n} premiers ci-dessous)"),
        "en": (" (the first below)", " (the first {n} below)"),
    },
    "n.search_workshops": {
        "fr": (
            "dans l'atelier du fichier «\xa0{path}\xa0»",
            "dans les {n} ateliers du fichier «\xa0{path}\xa0»",
        ),
        "en": ("in the one workshop of “{path}”", "in the {n} workshops of “{path}”"),
    },
    "n.seekers": {
        "fr": (
            "{n} participant cherche des ressources sur\xa0: {topic}",
            "{n} participants cherchent des ressources sur\xa0: {topic}",
        ),
        "en": (
            "{n} participant is looking for resources on: {topic}",
            "{n} participants are looking for resources on: {topic}",
        ),
    },
    "n.more_stray_bytes": {
        "fr": (
            "et {n} autre octet qui n'est pas de l'UTF-8, lu de la même façon",
            "et {n} autres octets qui ne sont pas de l'UTF-8, lus de la même façon",
        ),
        "en": (
            "and {n} more byte that is not UTF-8, read the same way",
            "and {n} more bytes that are not UTF-8, read the same way",
        ),
    },
}

SUPPORTED = ("fr", "en")


_chosen: list[str] = []  # the window's language, once it has started (its own setting)
_asked: list[str] = []  # `--lang`, typed on the command line: above the window's setting


def choose_language(code: str) -> None:
    """The window says which language it speaks: its errors and messages follow it."""
    _chosen[:] = [code] if code in SUPPORTED else []


def ask_language(code: str | None) -> None:
    """The language typed on the command line (`--lang`), for this run: above the window's
    setting and the environment; None: not typed."""
    _asked[:] = [code] if code in SUPPORTED else []


def asked_language() -> str | None:
    """The language typed on the command line (`--lang`), or None."""
    return _asked[0] if _asked else None


def current_language() -> str:
    """French unless the user asked for English: `--lang`, else the window's setting, else the
    environment (`environment_language`)."""
    if _asked:
        return _asked[0]
    if _chosen:
        return _chosen[0]
    return environment_language() or "fr"


# ATELIER_LANG as people may write it: a code, a locale (« en_GB.UTF-8 »), the language's name.
_LANGUAGE_NAMES = {
    "en": "en",
    "eng": "en",
    "english": "en",
    "anglais": "en",
    "fr": "fr",
    "fra": "fr",
    "fre": "fr",
    "french": "fr",
    "francais": "fr",
    "français": "fr",
}


def _named_language(value: str) -> str | None:
    """The language ATELIER_LANG names, or None when Atelier does not speak it."""
    return _LANGUAGE_NAMES.get(value) or _LANGUAGE_NAMES.get(spoken_language(value))


def unknown_environment_language() -> str | None:
    """ATELIER_LANG as set when it names a language Atelier does not speak (« de »): said by the
    command line, which then speaks French; None when it is unset or names French or English."""
    wanted = os.environ.get("ATELIER_LANG", "").strip()
    if wanted and _named_language(wanted.lower()) is None:
        return wanted
    return None


def spoken_language(value: str) -> str:
    """The language of a locale name, « en » for en_GB.UTF-8, « fr » for fr_CA@euro, or ""."""
    return re.split(r"[_.@-]", value.strip().lower(), maxsplit=1)[0]


def environment_language() -> str | None:
    """The language the environment asks for, or None when it says nothing.

    ATELIER_LANG first (fr or en, a locale such as en_GB.UTF-8, or the language's name:
    « anglais », « english »); then, as GNU gettext reads them, LANGUAGE, a list of
    languages by preference (« de:en:fr ») whose first one Atelier speaks is chosen, above
    the locale of LC_ALL, LC_MESSAGES or LANG (the first set, « C » and « POSIX » passed
    over). A language Atelier does not speak is French, its first language."""
    wanted = os.environ.get("ATELIER_LANG", "").strip().lower()
    if wanted:
        return _named_language(wanted) or "fr"
    preferences = [
        spoken_language(part) for part in os.environ.get("LANGUAGE", "").split(":") if part.strip()
    ]
    if preferences:
        return next((code for code in preferences if code in SUPPORTED), "fr")
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "").strip().lower()
        if value and value not in ("c", "posix") and not value.startswith("c."):
            return "en" if spoken_language(value) == "en" else "fr"
    return None


def _shown(value: object) -> object:
    """A parameter as it can be printed: a file name that is not valid UTF-8 (bytes kept by
    Python as surrogates) shows its bad bytes as « \ufffd » instead of failing to print."""
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return value


def without_quotes(title: str) -> str:
    """A name typed between quotation marks (a workshop titled « « Mobilité » » or
    « "Mobilité" »), without them: the messages and documents quote it themselves, once (« l'atelier
    « Mobilité » », never « l'atelier « « Mobilité » » »). A name that only begins or ends with
    a quotation (« « Mobilité » et « Emploi » ») is left as typed."""
    text = title.strip()
    for opening, closing in (("«", "»"), ("“", "”"), ('"', '"'), ("‹", "›"), ("„", "“")):
        inner = text[len(opening) : -len(closing)] if len(text) > 2 else ""
        if (
            text.startswith(opening)
            and text.endswith(closing)
            and opening not in inner
            and closing not in inner
        ):
            return inner.strip(" \u00a0\u202f") or title
    return title


# The parameters that hold a workshop's title: quoted by a message (« l'atelier « {title} » »),
# a title typed between guillemets is quoted once (`without_quotes`).
_TITLES = ("title", "asked")


def _filled(text: str, params: dict[str, object]) -> str:
    shown = {name: _shown(value) for name, value in params.items()}
    for name in _TITLES:
        value = shown.get(name)
        quoted = ("«\xa0{" + name + "}\xa0»", "“{" + name + "}”")
        if isinstance(value, str) and any(form in text for form in quoted):
            shown[name] = without_quotes(value)
    return text.format(**shown)


def message(key: str, **params: object) -> str:
    """The message `key` in the user's language, with its parameters filled in."""
    entry = MESSAGES[key]
    text = entry.get(current_language()) or entry["fr"]
    return _filled(text, params)


def counted_message(key: str, plural: bool, lang: str | None = None, **params: object) -> str:
    """The counted phrase `key` (see COUNTED) in its singular or plural form, in `lang` (the
    user's language by default), its parameters filled in. Use atelier.french.counted, which
    knows which form a number takes."""
    entry = COUNTED[key]
    one, many = entry.get(lang or current_language()) or entry["fr"]
    return _filled(many if plural else one, params)


def away_word(away: str, lang: str | None = None) -> str:
    """« excusé·e », « absent·e » (English « excused », « absent ») for `Participant.away`, in
    `lang` (the user's language by default)."""
    entry = MESSAGES[f"import.state.{away}"]
    return entry.get(lang or current_language()) or entry["fr"]


# The commands a message tells to type, by their English name: their French name (the one
# `atelier --help` lists first in French, cli/options.py FRENCH_NAMES).
_FRENCH_COMMANDS = {"workshops": "ateliers", "follow-up": "suivi"}


def command_line(command: str, path: object, *words: object) -> str:
    """A command as it can be pasted in a terminal and run as is: « atelier ateliers
    'mon fichier.atelier' --rename 4974db6c --date 12/11/2026 », the command's name in the
    user's language (« atelier workshops … » in English), the file and each word shell-quoted."""
    import shlex

    english = current_language() == "en"
    name = command if english else _FRENCH_COMMANDS.get(command, command)
    return " ".join(["atelier", name, *(shlex.quote(str(word)) for word in (path, *words))])

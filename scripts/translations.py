"""Refresh the window's English translation: lupdate, fill from the table below, lrelease.

    python scripts/translations.py

French is the source language. Every string the window shows goes through tr(); this
table holds its English. The script fails if a string has no English yet.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET  # our own .ts file, not untrusted input
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "atelier_en.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent

EN = {
    "&Exporter le compte rendu et les tableaux…": "&Export the minutes and tables…",
    "Exporter en &JSON…": "Export as &JSON…",
    "S&ynthèse du compte rendu…": "S&ynthesis for the minutes…",
    "Exporter le compte rendu et les tableaux": "Export the minutes and tables",
    "Compte rendu &Word (.docx)": "&Word minutes (.docx)",
    "Tableaux &Excel (.xlsx)": "&Excel tables (.xlsx)",
    "&Anonymiser : les structures ou territoires à la place des noms": "&Anonymise: organisations or territories instead of names",
    "Formats": "Formats",
    "&Parcourir…": "&Browse…",
    "&Dossier": "&Folder",
    "&Nom des fichiers": "File &name",
    "modèle fourni avec Atelier": "template shipped with Atelier",
    "&Modèle…": "&Template…",
    "Modèle Word": "Word template",
    "E&xporter": "E&xport",
    "&Ouvrir le document": "&Open the document",
    "Ouvrir le &dossier": "Open the &folder",
    "Dossier d'export": "Export folder",
    "Documents Word (*.docx)": "Word documents (*.docx)",
    "Cochez au moins un format.": "Tick at least one format.",
    "Export en cours…": "Exporting…",
    "Exporté : {files}": "Exported: {files}",
    "L'export a échoué : {error}": "The export failed: {error}",
    "Synthèse du compte rendu": "Synthesis for the minutes",
    "Les sections du compte rendu, dans l'ordre. Atelier en propose un premier jet à partir de la grille ; réécrivez-les. Une ligne commençant par « - » devient une puce. Tout est enregistré au fil de la frappe.": "The sections of the minutes, in order. Atelier drafts them from the grid; rewrite them. A line starting with “- ” becomes a bullet. Everything is saved as you type.",
    "&Nouvelle section": "&New section",
    "Monter": "Up",
    "Descendre": "Down",
    "Supprimer": "Delete",
    "Ajouter le premier jet d'Atelier": "Add Atelier's first draft",
    "Titre de la section": "Section heading",
    "Texte de la section": "Section text",
    "(sans titre)": "(untitled)",
    "Enregistré": "Saved",
    "Nouvelle section": "New section",
    "Supprimer la section « {heading} » et son texte ?": "Delete the section “{heading}” and its text?",
    "Section « {heading} » supprimée": "Section “{heading}” deleted",
    "&Réimporter la grille dans cet atelier…": "&Re-import the grid into this workshop…",
    "&Glossaire de l'atelier…": "Workshop &glossary…",
    "Réimporter la grille dans cet atelier": "Re-import the grid into this workshop",
    "Réimporter la grille": "Re-import the grid",
    "{updated} participants mis à jour, {added} ajoutés, {absent} absents de la grille conservés ; {kept} éléments retirés de la grille conservés pour une mise en relation confirmée.": "{updated} participants updated, {added} added, {absent} missing from the grid kept; {kept} items removed from the grid kept for a confirmed match.",
    "Sigle": "Acronym",
    "Mots proches": "Near-synonyms",
    "Glossaire de l'atelier": "Workshop glossary",
    "Ajoutez les sigles et les mots proches propres à cet atelier : le rapprochement s'en sert aussitôt. Ils sont enregistrés dans le fichier de l'atelier ; le glossaire fourni avec Atelier ({acronyms} sigles, {families} familles de mots) reste inchangé.": "Add this workshop's own acronyms and near-synonyms: matching uses them at once. They are saved in the workshop file; the glossary shipped with Atelier ({acronyms} acronyms, {families} word families) is left unchanged.",
    "Type": "Type",
    "Terme": "Term",
    "Développé ou mots proches": "Expansion or near-synonyms",
    "ex. CLEE, ou insertion": "e.g. CLEE, or insertion",
    "sigle : son développé ; mots proches : séparés par des virgules (bénévoles, associations)": "acronym: its expansion; near-synonyms: separated by commas (volunteers, associations)",
    "&Type": "&Type",
    "T&erme": "T&erm",
    "&Développé ou mots": "E&xpansion or words",
    "&Ajouter": "&Add",
    "&Supprimer la ligne": "&Remove the row",
    "« {term} » ajouté au glossaire de l'atelier.": "“{term}” added to the workshop glossary.",
    "« {term} » retiré du glossaire de l'atelier.": "“{term}” removed from the workshop glossary.",
    "Impossible d'ouvrir le fichier": "Cannot open the file",
    "ligne {n}": "row {n}",
    "Modifier « {column} » de {who}": "Edit “{column}” of {who}",
    "Modifier la fiche de {who}": "Edit the card of {who}",
    "Modifier le participant {who}": "Edit participant {who}",
    "Ajouter un participant": "Add a participant",
    "Supprimer {who}": "Delete {who}",
    "Déplacer {who}": "Move {who}",
    "Modifier l'en-tête de l'atelier": "Edit the workshop header",
    "Participant / territoire": "Participant / territory",
    "Actions engagées": "Actions under way",
    "Défis": "Challenges",
    "Besoins de ressources": "Needs resources on",
    "Peut être ressource sur": "Can be a resource on",
    "Participant": "Participant",
    "Besoins": "Needs",
    "Peut être ressource": "Can be a resource",
    "Ignorer": "Ignore",
    "Ligne": "Row",
    "(sans nom)": "(no name)",
    " (+{n})": " (+{n})",
    "Importer une grille — {name}": "Import a grid — {name}",
    "Lecture de la grille…": "Reading the grid…",
    "AAAA-MM-JJ": "YYYY-MM-DD",
    "&Titre :": "&Title:",
    "&Date :": "&Date:",
    "&Lieu :": "&Place:",
    "Colonnes détectées": "Detected columns",
    "&Importer…": "&Import…",
    "Impossible de lire la grille : {detail}": "Cannot read the grid: {detail}",
    "Colonne {n} « {header} »": "Column {n} “{header}”",
    "{participants} participants · {action} actions · {challenge} défis · {need} besoins · "
    "{offer} ressources": "{participants} participants · {action} actions · {challenge} "
    "challenges · {need} needs · {offer} offers",
    "Importer une grille": "Import a grid",
    "Grilles (*.docx *.xlsx *.csv *.html *.htm *.txt);;Tous les fichiers (*)": "Grids (*.docx *.xlsx *.csv *.html *.htm *.txt);;All files (*)",
    "Enregistrer l'atelier importé": "Save the imported workshop",
    "Fichiers Atelier (*.atelier)": "Atelier files (*.atelier)",
    "Rechercher dans la grille (Ctrl+F)…": "Search the grid (Ctrl+F)…",
    "Fiche du participant": "Participant card",
    "&Fichier": "&File",
    "&Nouvel atelier…": "&New workshop…",
    "&Ouvrir…": "&Open…",
    "Fichiers &récents": "&Recent files",
    "&Importer une grille…": "&Import a grid…",
    "&Exporter en JSON…": "&Export as JSON…",
    "&Quitter": "&Quit",
    "É&dition": "&Edit",
    "&Annuler": "&Undo",
    "&Rétablir": "&Redo",
    "&Nouveau participant": "&New participant",
    "&Supprimer le participant": "&Delete participant",
    "Monter le participant": "Move participant up",
    "Descendre le participant": "Move participant down",
    "&Rechercher": "&Search",
    "Aller à la &grille": "Go to the &grid",
    "&Affichage": "&View",
    "A&grandir le texte": "&Larger text",
    "&Réduire le texte": "&Smaller text",
    "Taille &normale": "&Normal size",
    "Contraste &élevé": "&High contrast",
    "&Langue (au prochain démarrage)": "&Language (at next start)",
    "Celle du système": "The system's",
    "&Aide": "&Help",
    "&Raccourcis clavier": "&Keyboard shortcuts",
    "À &propos d'Atelier": "&About Atelier",
    "&Annuler {what}": "&Undo {what}",
    "&Rétablir {what}": "&Redo {what}",
    "Ce fichier est déjà ouvert pour modification par une autre fenêtre{owner}. Il est ouvert "
    "ici en lecture seule : vos saisies ne seraient pas enregistrées.": "This file is already open for editing in another window{owner}. It is open here "
    "read-only: what you type would not be saved.",
    "Ce fichier (ou son dossier) est en lecture seule : il est ouvert en lecture seule. Pour le "
    "modifier, enregistrez-en une copie ailleurs.": "This file (or its folder) is read-only, so it is open read-only. To edit it, save a "
    "copy elsewhere.",
    "Lecture seule": "Read-only",
    "Chaque modification est enregistrée aussitôt.": "Every change is saved at once.",
    " (lecture seule)": " (read-only)",
    "Enregistré à {time}": "Saved at {time}",
    "Modification impossible": "Change not possible",
    "Nouvel atelier": "New workshop",
    "Ouvrir un atelier": "Open a workshop",
    "Fichiers Atelier (*.atelier);;Tous les fichiers (*)": "Atelier files (*.atelier);;All files (*)",
    "Choisissez un autre fichier que celui qui est ouvert.": "Choose another file than the one that is open.",
    "Exporter en JSON": "Export as JSON",
    "JSON (*.json)": "JSON (*.json)",
    "Exporter": "Export",
    "Exporté : {path}": "Exported: {path}",
    "Langue": "Language",
    "La langue choisie s'appliquera au prochain démarrage.": "The chosen language will apply at the next start.",
    "Raccourcis clavier": "Keyboard shortcuts",
    "Modifier la cellule": "Edit the cell",
    "Entrée, F2, ou taper directement": "Enter, F2, or just type",
    "Nouvel élément dans la cellule": "New item in the cell",
    "Entrée pendant la saisie": "Enter while typing",
    "Valider la cellule": "Commit the cell",
    "Ctrl+Entrée, ou Tab pour passer à la suivante": "Ctrl+Enter, or Tab to go to the next",
    "Annuler la saisie de la cellule": "Cancel typing in the cell",
    "Échap": "Esc",
    "Cellule suivante / précédente": "Next / previous cell",
    "Tab / Maj+Tab, flèches": "Tab / Shift+Tab, arrows",
    "Vider la cellule": "Clear the cell",
    "Suppr": "Del",
    "Action": "Action",
    "Raccourci": "Shortcut",
    "À propos d'Atelier": "About Atelier",
    "Saisir, croiser et partager les grilles des ateliers territoriaux pour l'emploi. Logiciel "
    "libre (GPL-3.0 ou ultérieure).": "Capture, match and share the grids of territorial "
    "employment workshops. Free software (GPL-3.0 or later).",
    "Titre de l'atelier": "Workshop title",
    "Lieu": "Place",
    "Organisateur": "Organiser",
    "Thèmes, séparés par des virgules": "Themes, separated by commas",
    "&Organisateur :": "&Organiser:",
    "T&hèmes :": "T&hemes:",
    "Le titre de l'atelier ne peut pas être vide.": "The workshop title cannot be empty.",
    "Date invalide : écrivez-la AAAA-MM-JJ, par exemple 2021-03-16.": "Invalid date: write it YYYY-MM-DD, for example 2021-03-16.",
    "Prénom Nom ; Prénom Nom": "First Last; First Last",
    "courriel ou téléphone": "e-mail or phone",
    "&Personnes :": "&People:",
    "&Structure :": "&Organisation:",
    "&Territoire :": "&Territory:",
    "&Fonction :": "&Role:",
    "&Contact :": "&Contact:",
    "Aucun participant sélectionné": "No participant selected",
    "Participant sans nom": "Unnamed participant",
    "Saisi : « {text} »": "Typed: “{text}”",
    "Besoins ({n})": "Needs ({n})",
    "Rapprochement…": "Matching…",
    "&Rapprocher besoins et ressources": "&Match needs and resources",
    "Aller aux &mises en relation": "Go to the &matches",
    "Confirmer la mise en relation": "Confirm the match",
    "Écarter la suggestion": "Reject the suggestion",
    "Modifier la mise en relation": "Edit the match",
    "Mettre en relation à la main": "Match by hand",
    "mise en relation faite par l'animateur": "match made by the facilitator",
    "Le rapprochement a échoué : {error}": "Matching failed: {error}",
    "&Confirmer": "&Confirm",
    "É&carter": "&Reject",
    "À la &main…": "By &hand…",
    "Confirmer la suggestion choisie (Ctrl+Maj+C)": "Confirm the chosen suggestion (Ctrl+Shift+C)",
    "Écarter la suggestion : elle ne reviendra plus (Ctrl+Maj+X)": "Reject the suggestion: it will not come back (Ctrl+Shift+X)",
    "Mettre le besoin choisi en relation avec une ressource de votre choix": "Match the chosen need with a resource of your choice",
    "Qui peut aider ? ({n} besoins)": "Who can help? ({n} needs)",
    "(aucune ressource proche pour l'instant)": "(no close resource yet)",
    " (a déjà fait)": " (has done it)",
    " (même défi)": " (same challenge)",
    "Mises en relation confirmées dans l'atelier : {n}": "Confirmed matches in the workshop: {n}",
    "Quelle ressource répond à ce besoin ?": "Which resource answers this need?",
    "&Confirmer la suggestion": "&Confirm the suggestion",
    "É&carter la suggestion": "&Reject the suggestion",
}


def main() -> int:
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            *sorted(map(str, (ROOT / "atelier" / "ui").glob("*.py"))),
            "-ts",
            str(TS),
            "-source-language",
            "fr",
            "-target-language",
            "en",
            "-no-obsolete",
        ],
        check=True,
    )
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in EN:
            translation.text = EN[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    for source in missing:
        print(f"no English for: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

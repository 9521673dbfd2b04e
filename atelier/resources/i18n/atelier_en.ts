<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name />
    <message>
        <location filename="../../ui/app.py" line="91" />
        <location filename="../../ui/main_window.py" line="468" />
        <source>Impossible d'ouvrir le fichier</source>
        <translation>Cannot open the file</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="76" />
        <source>ligne {n}</source>
        <translation>row {n}</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="83" />
        <source>Modifier « {column} » de {who}</source>
        <translation>Edit “{column}” of {who}</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="108" />
        <source>Modifier la fiche de {who}</source>
        <translation>Edit the card of {who}</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="137" />
        <source>Modifier le participant {who}</source>
        <translation>Edit participant {who}</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="145" />
        <source>Ajouter un participant</source>
        <translation>Add a participant</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="166" />
        <source>Supprimer {who}</source>
        <translation>Delete {who}</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="180" />
        <source>Déplacer {who}</source>
        <translation>Move {who}</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="194" />
        <source>Modifier l'en-tête de l'atelier</source>
        <translation>Edit the workshop header</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="210" />
        <source>Confirmer la mise en relation</source>
        <translation>Confirm the match</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="211" />
        <source>Écarter la suggestion</source>
        <translation>Reject the suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="212" />
        <source>Modifier la mise en relation</source>
        <translation>Edit the match</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="227" />
        <location filename="../../ui/matching.py" line="381" />
        <source>Mettre en relation à la main</source>
        <translation>Match by hand</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="234" />
        <source>mise en relation faite par l'animateur</source>
        <translation>match made by the facilitator</translation>
    </message>
    <message>
        <location filename="../../ui/columns.py" line="24" />
        <source>Participant / territoire</source>
        <translation>Participant / territory</translation>
    </message>
    <message>
        <location filename="../../ui/columns.py" line="25" />
        <location filename="../../ui/import_dialog.py" line="54" />
        <source>Actions engagées</source>
        <translation>Actions under way</translation>
    </message>
    <message>
        <location filename="../../ui/columns.py" line="26" />
        <location filename="../../ui/import_dialog.py" line="55" />
        <source>Défis</source>
        <translation>Challenges</translation>
    </message>
    <message>
        <location filename="../../ui/columns.py" line="27" />
        <source>Besoins de ressources</source>
        <translation>Needs resources on</translation>
    </message>
    <message>
        <location filename="../../ui/columns.py" line="28" />
        <source>Peut être ressource sur</source>
        <translation>Can be a resource on</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="53" />
        <location filename="../../ui/import_dialog.py" line="96" />
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="56" />
        <source>Besoins</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="57" />
        <source>Peut être ressource</source>
        <translation>Can be a resource</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="58" />
        <source>Ignorer</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="96" />
        <source>Ligne</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="111" />
        <source>(sans nom)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="118" />
        <source> (+{n})</source>
        <translation> (+{n})</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="135" />
        <source>Importer une grille — {name}</source>
        <translation>Import a grid — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="141" />
        <source>Lecture de la grille…</source>
        <translation>Reading the grid…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="148" />
        <location filename="../../ui/panels.py" line="46" />
        <source>AAAA-MM-JJ</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="150" />
        <source>&amp;Titre :</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="151" />
        <source>&amp;Date :</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="152" />
        <location filename="../../ui/panels.py" line="58" />
        <source>&amp;Lieu :</source>
        <translation>Pl&amp;ace:</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="155" />
        <source>Colonnes détectées</source>
        <translation>Detected columns</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="179" />
        <source>&amp;Importer…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="212" />
        <source>Impossible de lire la grille : {detail}</source>
        <translation>Cannot read the grid: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="253" />
        <source>Colonne {n} « {header} »</source>
        <translation>Column {n} “{header}”</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="292" />
        <source>{participants} participants · {action} actions · {challenge} défis · {need} besoins · {offer} ressources</source>
        <translation>{participants} participants · {action} actions · {challenge} challenges · {need} needs · {offer} offers</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="315" />
        <location filename="../../ui/main_window.py" line="500" />
        <location filename="../../ui/main_window.py" line="507" />
        <source>Importer une grille</source>
        <translation>Import a grid</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="317" />
        <source>Grilles (*.docx *.xlsx *.csv *.html *.htm *.txt);;Tous les fichiers (*)</source>
        <translation>Grids (*.docx *.xlsx *.csv *.html *.htm *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="325" />
        <source>Enregistrer l'atelier importé</source>
        <translation>Save the imported workshop</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="327" />
        <location filename="../../ui/main_window.py" line="288" />
        <location filename="../../ui/main_window.py" line="424" />
        <location filename="../../ui/main_window.py" line="676" />
        <source>Fichiers Atelier (*.atelier)</source>
        <translation>Atelier files (*.atelier)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65" />
        <source>Rechercher dans la grille (Ctrl+F)…</source>
        <translation>Search the grid (Ctrl+F)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75" />
        <source>Fiche du participant</source>
        <translation>Participant card</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87" />
        <source>Rapprochement…</source>
        <translation>Matching…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="103" />
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="104" />
        <source>&amp;Nouvel atelier…</source>
        <translation>&amp;New workshop…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="105" />
        <source>&amp;Ouvrir…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="106" />
        <source>Fichiers &amp;récents</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="109" />
        <source>&amp;Importer une grille…</source>
        <translation>&amp;Import a grid…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="40" />
        <source>Saisir la grille</source>
        <translation>Typing the grid</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="41" />
        <source>Rapprocher besoins et ressources</source>
        <translation>Matching needs and resources</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="42" />
        <source>Projeter à la salle</source>
        <translation>Projecting to the room</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="43" />
        <source>Exporter et rédiger</source>
        <translation>Exporting and writing</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="44" />
        <source>Fichiers</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="45" />
        <source>Affichage et aide</source>
        <translation>Display and help</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="114" />
        <source>Réimporter la &amp;grille dans cet atelier…</source>
        <translation>Re-import the &amp;grid into this workshop…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="123" />
        <source>&amp;Exporter le compte rendu et les tableaux…</source>
        <translation>&amp;Export the minutes and tables…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="129" />
        <source>Exporter en &amp;JSON…</source>
        <translation>Export as &amp;JSON…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="133" />
        <source>Enregistrer une &amp;copie sous…</source>
        <translation>Save a &amp;copy as…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="142" />
        <source>&amp;Fusionner un fichier…</source>
        <translation>&amp;Merge a file…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="151" />
        <source>&amp;Historique des fusions…</source>
        <translation>Merge &amp;history…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="160" />
        <source>Restaurer une &amp;sauvegarde…</source>
        <translation>Restore a &amp;backup…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="167" />
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="169" />
        <source>É&amp;dition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="170" />
        <location filename="../../ui/main_window.py" line="167" />
        <source>&amp;Annuler</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="171" />
        <location filename="../../ui/main_window.py" line="172" />
        <source>&amp;Rétablir</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="176" />
        <source>&amp;Nouveau participant</source>
        <translation>&amp;New participant</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="185" />
        <source>&amp;Supprimer le participant</source>
        <translation>&amp;Delete participant</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="194" />
        <source>M&amp;onter le participant</source>
        <translation>Move participant u&amp;p</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="203" />
        <source>&amp;Descendre le participant</source>
        <translation>Move participant do&amp;wn</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="213" />
        <source>Rapprocher &amp;besoins et ressources</source>
        <translation>&amp;Match needs and resources</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="231" />
        <source>Con&amp;firmer la suggestion</source>
        <translation>&amp;Confirm the suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="275" />
        <source>R&amp;echercher</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="276" />
        <source>A&amp;ller à la grille</source>
        <translation>Go to the gr&amp;id</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="306" />
        <source>Celle du &amp;système</source>
        <translation>The &amp;system's</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="327" />
        <source>Ouvrir la barre de menus</source>
        <translation>Open the menu bar</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="333" />
        <source>&amp;Projeter à la salle</source>
        <translation>&amp;Project to the room</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="339" />
        <source>Projeter à la salle / revenir à la grille</source>
        <translation>Project to the room / back to the grid</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="356" />
        <source>Vue « Projecteur sur un p&amp;articipant »</source>
        <translation>“&amp;Spotlight on a participant” view</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="387" />
        <source>Page pré&amp;cédente</source>
        <translation>Pre&amp;vious page</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="397" />
        <source>Montrer les su&amp;ggestions</source>
        <translation>Show s&amp;uggestions</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="406" />
        <source>Masquer les &amp;noms (structures à la place)</source>
        <translation>&amp;Hide names (organisations instead)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="415" />
        <source>P&amp;lein écran du projecteur</source>
        <translation>Projector &amp;full screen</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="431" />
        <source>A&amp;ide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="440" />
        <source>Vider la cellule (Ctrl+Z la remet)</source>
        <translation>Clear the cell (Ctrl+Z puts it back)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="440" />
        <source>Suppr ou Retour arrière</source>
        <translation>Del or Backspace</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="441" />
        <source>Dans la recherche : revenir à la grille / effacer</source>
        <translation>In the search: back to the grid / clear it</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="441" />
        <source>Entrée / Échap</source>
        <translation>Enter / Esc</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="442" />
        <source>Champs de l'en-tête et de la fiche</source>
        <translation>Fields of the header and of the card</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="442" />
        <source>Alt + la lettre soulignée</source>
        <translation>Alt + the underlined letter</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="443" />
        <source>Suggestion suivante / précédente</source>
        <translation>Next / previous suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="443" />
        <source>↓ / ↑ dans la liste</source>
        <translation>↓ / ↑ in the list</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="444" />
        <source>Revenir à la grille (projection sur le seul écran)</source>
        <translation>Back to the grid (projecting on the only screen)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="222" />
        <source>Aller aux &amp;mises en relation</source>
        <translation>Go to the matc&amp;hes</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="240" />
        <source>É&amp;carter la suggestion</source>
        <translation>Re&amp;ject the suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="245" />
        <source>Écarter la suggestion (la suivante est choisie)</source>
        <translation>Reject the suggestion (the next one is chosen)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="250" />
        <source>Mettre en relation à la ma&amp;in…</source>
        <translation>Match by h&amp;and…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="268" />
        <source>S&amp;ynthèse du compte rendu…</source>
        <translation>S&amp;ynthesis for the minutes…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="259" />
        <source>&amp;Glossaire de l'atelier…</source>
        <translation>Workshop &amp;glossary…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="278" />
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="280" />
        <source>A&amp;grandir le texte</source>
        <translation>&amp;Larger text</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="282" />
        <source>&amp;Réduire le texte</source>
        <translation>&amp;Smaller text</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="283" />
        <source>Taille &amp;normale</source>
        <translation>&amp;Normal size</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="287" />
        <source>Contraste &amp;élevé</source>
        <translation>&amp;High contrast</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="296" />
        <source>Fiche du &amp;participant</source>
        <translation>&amp;Participant card</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="302" />
        <source>&amp;Langue (au prochain démarrage)</source>
        <translation>Lan&amp;guage (at next start)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="329" />
        <source>&amp;Projecteur</source>
        <translation>&amp;Projector</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="345" />
        <source>Vue « &amp;Mises en relation »</source>
        <translation>“&amp;Matches” view</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="367" />
        <source>Vue « &amp;Réseau »</source>
        <translation>“&amp;Network” view</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="378" />
        <source>Page &amp;suivante</source>
        <translation>Next pa&amp;ge</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="424" />
        <source>E&amp;xporter la vue en PNG…</source>
        <translation>E&amp;xport the view as PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="432" />
        <source>&amp;Raccourcis clavier</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="433" />
        <source>À &amp;propos d'Atelier</source>
        <translation>&amp;About Atelier</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216" />
        <source>Ce fichier est déjà ouvert pour modification par une autre fenêtre{owner}. Il est ouvert ici en lecture seule : vos saisies ne seraient pas enregistrées.</source>
        <translation>This file is already open for editing in another window{owner}. It is open here read-only: what you type would not be saved.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224" />
        <source>Ce fichier (ou son dossier) est en lecture seule : il est ouvert en lecture seule. Pour le modifier, enregistrez-en une copie ailleurs.</source>
        <translation>This file (or its folder) is read-only, so it is open read-only. To edit it, save a copy elsewhere.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232" />
        <source>Lecture seule</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232" />
        <source>Chaque modification est enregistrée aussitôt.</source>
        <translation>Every change is saved at once.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242" />
        <source> (lecture seule)</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="251" />
        <source>Enregistré à {time}</source>
        <translation>Saved at {time}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259" />
        <source>Cellule « {column} » vidée — Ctrl+Z pour annuler</source>
        <translation>Cell “{column}” cleared — Ctrl+Z to undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266" />
        <source>Le fichier « {name} » n'est plus sur le disque (supprimé, déplacé ou clé retirée) : vos modifications sont encore là, enregistrez-en une copie (Fichier › Enregistrer une copie sous…).</source>
        <translation>The file “{name}” is no longer on disk (deleted, moved or USB stick removed): your edits are still here, save a copy of them (File › Save a copy as…).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274" />
        <source>Fichier introuvable</source>
        <translation>File not found</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275" />
        <source>Enregistrer une copie…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="276" />
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286" />
        <location filename="../../ui/main_window.py" line="301" />
        <source>Enregistrer une copie sous</source>
        <translation>Save a copy as</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="308" />
        <source>Modification impossible</source>
        <translation>Change not possible</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="422" />
        <location filename="../../ui/main_window.py" line="431" />
        <location filename="../../ui/main_window.py" line="437" />
        <location filename="../../ui/main_window.py" line="439" />
        <source>Nouvel atelier</source>
        <translation>New workshop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="457" />
        <source>Ouvrir un atelier</source>
        <translation>Open a workshop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="459" />
        <source>Fichiers Atelier (*.atelier);;Tous les fichiers (*)</source>
        <translation>Atelier files (*.atelier);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="431" />
        <location filename="../../ui/main_window.py" line="500" />
        <source>Choisissez un autre fichier que celui qui est ouvert.</source>
        <translation>Choose another file than the one that is open.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="523" />
        <source>Réimporter la grille dans cet atelier</source>
        <translation>Re-import the grid into this workshop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="536" />
        <location filename="../../ui/main_window.py" line="539" />
        <location filename="../../ui/main_window.py" line="548" />
        <source>Réimporter la grille</source>
        <translation>Re-import the grid</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="542" />
        <source>{updated} participants mis à jour, {added} ajoutés, {absent} absents de la grille conservés ; {kept} éléments retirés de la grille conservés pour une mise en relation confirmée.</source>
        <translation>{updated} participants updated, {added} added, {absent} missing from the grid kept; {kept} items removed from the grid kept for a confirmed match.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="603" />
        <source> — illisible</source>
        <translation> — unreadable</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="604" />
        <source> — {participants} participants, {items} éléments</source>
        <translation> — {participants} participants, {items} items</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="621" />
        <location filename="../../ui/main_window.py" line="628" />
        <location filename="../../ui/main_window.py" line="639" />
        <location filename="../../ui/main_window.py" line="645" />
        <location filename="../../ui/main_window.py" line="647" />
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="622" />
        <source>Pas encore de sauvegarde de ce fichier : une copie est faite à chaque ouverture.</source>
        <translation>No backup of this file yet: a copy is made each time it is opened.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="598" />
        <source>Sauvegarde du {when}</source>
        <translation>Backup of {when}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167" />
        <source>&amp;Annuler : {what}</source>
        <translation>&amp;Undo: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172" />
        <source>&amp;Rétablir : {what}</source>
        <translation>&amp;Redo: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="629" />
        <source>Le fichier reprendra l'état choisi (l'état actuel est sauvegardé d'abord) :</source>
        <translation>The file will go back to the chosen state (the current state is backed up first):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="639" />
        <source>Remplacer le contenu actuel ?</source>
        <translation>Replace the current content?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="649" />
        <source>Sauvegarde restaurée ; l'état d'avant est lui-même sauvegardé.</source>
        <translation>Backup restored; the state before it is backed up too.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="674" />
        <location filename="../../ui/main_window.py" line="684" />
        <location filename="../../ui/main_window.py" line="702" />
        <location filename="../../ui/main_window.py" line="715" />
        <source>Fusionner un fichier</source>
        <translation>Merge a file</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="686" />
        <source>« {name} » ne contient pas cet atelier : ce n'est pas une autre saisie du même atelier. Ajouter quand même ses ateliers à ce fichier ?</source>
        <translation>“{name}” does not hold this workshop: it is not another capture of it. Add its workshops to this file anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="705" />
        <source>{added} entrée(s) ajoutée(s) depuis « {name} », {conflicts} conflit(s), {updates} champ(s) mis à jour.</source>
        <translation>{added} entries added from “{name}”, {conflicts} conflict(s), {updates} field(s) updated.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="718" />
        <source>Champ modifié des deux côtés : la modification la plus récente est gardée.</source>
        <translation>Field edited on both sides: the newer edit is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="720" />
        <source>Les valeurs écartées restent dans le fichier : Fichier › Historique des fusions.</source>
        <translation>The values set aside stay in the file: File › Merge history.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="790" />
        <location filename="../../ui/main_window.py" line="812" />
        <source>Exporter la vue en PNG</source>
        <translation>Export the view as PNG</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="792" />
        <source>Images PNG (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="812" />
        <source>Impossible d'écrire « {path} ».</source>
        <translation>Cannot write “{path}”.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="856" />
        <source>Exporter en JSON</source>
        <translation>Export as JSON</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="856" />
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="866" />
        <source>Exporter</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="994" />
        <source>Modèle de sens : chargement…</source>
        <translation>Meaning model: loading…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="995" />
        <source>Les suggestions se fondent sur les mots en commun en attendant le modèle de sens.</source>
        <translation>Suggestions rest on shared words until the meaning model is loaded.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="998" />
        <source>Modèle de sens : actif</source>
        <translation>Meaning model: on</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="999" />
        <source>Les suggestions tiennent compte du sens, pas seulement des mots en commun.</source>
        <translation>Suggestions weigh meaning, not only shared words.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1003" />
        <source>Modèle de sens non chargé : les suggestions se fondent sur les mots en commun.</source>
        <translation>Meaning model not loaded: suggestions rest on shared words.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1002" />
        <source>Modèle de sens : indisponible</source>
        <translation>Meaning model: unavailable</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="698" />
        <source>Fusionner « {name} »</source>
        <translation>Merge “{name}”</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="815" />
        <location filename="../../ui/main_window.py" line="868" />
        <source>Exporté : {path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="938" />
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="938" />
        <source>La langue choisie s'appliquera au prochain démarrage.</source>
        <translation>The chosen language will apply at the next start.</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="52" />
        <source>Raccourcis clavier</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="435" />
        <source>Modifier la cellule</source>
        <translation>Edit the cell</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="435" />
        <source>Entrée, F2, ou taper directement</source>
        <translation>Enter, F2, or just type</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="436" />
        <source>Nouvel élément dans la cellule</source>
        <translation>New item in the cell</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="436" />
        <source>Entrée pendant la saisie</source>
        <translation>Enter while typing</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="437" />
        <source>Valider la cellule</source>
        <translation>Commit the cell</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="437" />
        <source>Ctrl+Entrée, ou Tab pour passer à la suivante</source>
        <translation>Ctrl+Enter, or Tab to go to the next</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="438" />
        <source>Annuler la saisie de la cellule</source>
        <translation>Cancel typing in the cell</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="438" />
        <location filename="../../ui/actions.py" line="444" />
        <source>Échap</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="439" />
        <source>Cellule suivante / précédente</source>
        <translation>Next / previous cell</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="439" />
        <source>Tab / Maj+Tab, flèches</source>
        <translation>Tab / Shift+Tab, arrows</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="983" />
        <source>Saisir, croiser et partager les grilles des ateliers territoriaux pour l'emploi. Logiciel libre (GPL-3.0 ou ultérieure).</source>
        <translation>Capture, match and share the grids of territorial employment workshops. Free software (GPL-3.0 or later).</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="986" />
        <source>À propos d'Atelier</source>
        <translation>About Atelier</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="39" />
        <source>Titre de l'atelier</source>
        <translation>Workshop title</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="49" />
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="51" />
        <source>Organisateur</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="53" />
        <source>Thèmes, séparés par des virgules</source>
        <translation>Themes, separated by commas</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="57" />
        <source>Dat&amp;e :</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="59" />
        <source>&amp;Organisateur :</source>
        <translation>&amp;Organiser:</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="60" />
        <source>T&amp;hèmes :</source>
        <translation>The&amp;mes:</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="106" />
        <source>Le titre de l'atelier ne peut pas être vide.</source>
        <translation>The workshop title cannot be empty.</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="113" />
        <source>Date invalide : écrivez-la AAAA-MM-JJ, par exemple 2021-03-16.</source>
        <translation>Invalid date: write it YYYY-MM-DD, for example 2021-03-16.</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="139" />
        <source>Prénom Nom ; Prénom Nom</source>
        <translation>First Last; First Last</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="144" />
        <source>courriel ou téléphone</source>
        <translation>e-mail or phone</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="145" />
        <source>Pe&amp;rsonnes :</source>
        <translation>Peop&amp;le:</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="148" />
        <source>Fon&amp;ction :</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="149" />
        <source>Co&amp;ntact :</source>
        <translation>&amp;Contact:</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="146" />
        <source>&amp;Structure :</source>
        <translation>Or&amp;ganisation:</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="147" />
        <source>&amp;Territoire :</source>
        <translation>&amp;Territory:</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="186" />
        <source>Aucun participant sélectionné</source>
        <translation>No participant selected</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="192" />
        <source>Participant sans nom</source>
        <translation>Unnamed participant</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="199" />
        <source>Saisi : « {text} »</source>
        <translation>Typed: “{text}”</translation>
    </message>
    <message>
        <location filename="../../ui/matching.py" line="151" />
        <source>Le rapprochement a échoué : {error}</source>
        <translation>Matching failed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/matching.py" line="222" />
        <source>Confirmer la suggestion choisie (Ctrl+Maj+C)</source>
        <translation>Confirm the chosen suggestion (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location filename="../../ui/matching.py" line="223" />
        <source>Écarter la suggestion : elle ne reviendra plus (Ctrl+Maj+X)</source>
        <translation>Reject the suggestion: it will not come back (Ctrl+Shift+X)</translation>
    </message>
    <message>
        <location filename="../../ui/matching.py" line="219" />
        <source>Confirmer</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../ui/matching.py" line="220" />
        <source>Écarter</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../ui/matching.py" line="221" />
        <source>À la main…</source>
        <translation>By hand…</translation>
    </message>
    <message>
        <location filename="../../ui/matching.py" line="225" />
        <source>Mettre le besoin choisi en relation avec une ressource de votre choix (Ctrl+Maj+K)</source>
        <translation>Match the chosen need with a resource of your choice (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <location filename="../../ui/matching.py" line="270" />
        <source>Qui peut aider ? ({n} besoins)</source>
        <translation>Who can help? ({n} needs)</translation>
    </message>
    <message>
        <location filename="../../ui/matching.py" line="270" />
        <source>Qui peut aider ? ({n} besoin)</source>
        <translation>Who can help? ({n} need)</translation>
    </message>
    <message>
        <location filename="../../ui/matching.py" line="292" />
        <source>(aucune ressource proche pour l'instant)</source>
        <translation>(no close resource yet)</translation>
    </message>
    <message>
        <location filename="../../ui/matching.py" line="300" />
        <source> (a déjà fait)</source>
        <translation> (has done it)</translation>
    </message>
    <message>
        <location filename="../../ui/matching.py" line="300" />
        <source> (même défi)</source>
        <translation> (same challenge)</translation>
    </message>
    <message>
        <location filename="../../ui/matching.py" line="322" />
        <source>Mises en relation confirmées dans l'atelier : {n}</source>
        <translation>Confirmed matches in the workshop: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/matching.py" line="382" />
        <source>Quelle ressource répond à ce besoin ?</source>
        <translation>Which resource answers this need?</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_dialog.py" line="35" />
        <source>Sigle</source>
        <translation>Acronym</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_dialog.py" line="35" />
        <source>Mots proches</source>
        <translation>Near-synonyms</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_dialog.py" line="47" />
        <source>Glossaire de l'atelier</source>
        <translation>Workshop glossary</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_dialog.py" line="52" />
        <source>Ajoutez les sigles et les mots proches propres à cet atelier : le rapprochement s'en sert aussitôt. Ils sont enregistrés dans le fichier de l'atelier ; le glossaire fourni avec Atelier ({acronyms} sigles, {families} familles de mots) reste inchangé.</source>
        <translation>Add this workshop's own acronyms and near-synonyms: matching uses them at once. They are saved in the workshop file; the glossary shipped with Atelier ({acronyms} acronyms, {families} word families) is left unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_dialog.py" line="61" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_dialog.py" line="61" />
        <source>Terme</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_dialog.py" line="61" />
        <source>Développé ou mots proches</source>
        <translation>Expansion or near-synonyms</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_dialog.py" line="74" />
        <source>ex. CLEE, ou insertion</source>
        <translation>e.g. CLEE, or insertion</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_dialog.py" line="77" />
        <source>sigle : son développé ; mots proches : séparés par des virgules (bénévoles, associations)</source>
        <translation>acronym: its expansion; near-synonyms: separated by commas (volunteers, associations)</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_dialog.py" line="79" />
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_dialog.py" line="80" />
        <source>T&amp;erme</source>
        <translation>T&amp;erm</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_dialog.py" line="81" />
        <source>&amp;Développé ou mots</source>
        <translation>E&amp;xpansion or words</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_dialog.py" line="85" />
        <source>&amp;Ajouter</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_dialog.py" line="88" />
        <source>&amp;Supprimer la ligne</source>
        <translation>&amp;Remove the row</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_dialog.py" line="135" />
        <source>« {term} » ajouté au glossaire de l'atelier.</source>
        <translation>“{term}” added to the workshop glossary.</translation>
    </message>
    <message>
        <location filename="../../ui/glossary_dialog.py" line="153" />
        <source>« {term} » retiré du glossaire de l'atelier.</source>
        <translation>“{term}” removed from the workshop glossary.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="67" />
        <source>Exporter le compte rendu et les tableaux</source>
        <translation>Export the minutes and tables</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="71" />
        <source>Compte rendu &amp;Word (.docx)</source>
        <translation>&amp;Word minutes (.docx)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="73" />
        <source>Tableaux &amp;Excel (.xlsx)</source>
        <translation>&amp;Excel tables (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="75" />
        <source>&amp;Anonymiser : les structures ou territoires à la place des noms</source>
        <translation>&amp;Anonymise: organisations or territories instead of names</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="76" />
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="81" />
        <source>&amp;Parcourir…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="85" />
        <source>&amp;Dossier</source>
        <translation>&amp;Folder</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="89" />
        <source>&amp;Nom des fichiers</source>
        <translation>File &amp;name</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="92" />
        <source>modèle fourni avec Atelier</source>
        <translation>template shipped with Atelier</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="93" />
        <source>&amp;Modèle…</source>
        <translation>&amp;Template…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="97" />
        <location filename="../../ui/export_dialog.py" line="132" />
        <source>Modèle Word</source>
        <translation>Word template</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="107" />
        <source>E&amp;xporter</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="110" />
        <source>&amp;Ouvrir le document</source>
        <translation>&amp;Open the document</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="113" />
        <source>Ouvrir le do&amp;ssier</source>
        <translation>Open the fo&amp;lder</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="126" />
        <source>Dossier d'export</source>
        <translation>Export folder</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="132" />
        <source>Documents Word (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="150" />
        <source>Cochez au moins un format.</source>
        <translation>Tick at least one format.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="158" />
        <source>Export en cours…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="177" />
        <source>Exporté : {files}</source>
        <translation>Exported: {files}</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="189" />
        <source>L'export a échoué : {error}</source>
        <translation>The export failed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis.py" line="42" />
        <location filename="../../ui/synthesis.py" line="184" />
        <location filename="../../ui/synthesis.py" line="229" />
        <source>Synthèse du compte rendu</source>
        <translation>Synthesis for the minutes</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis.py" line="47" />
        <source>Les sections du compte rendu, dans l'ordre. Atelier en propose un premier jet à partir de la grille ; réécrivez-les. Une ligne commençant par « - » devient une puce. Tout est enregistré au fil de la frappe.</source>
        <translation>The sections of the minutes, in order. Atelier drafts them from the grid; rewrite them. A line starting with “- ” becomes a bullet. Everything is saved as you type.</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis.py" line="62" />
        <source>&amp;Nouvelle section</source>
        <translation>&amp;New section</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis.py" line="64" />
        <source>Monter</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis.py" line="67" />
        <source>Descendre</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis.py" line="76" />
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis.py" line="81" />
        <source>Ajouter le premier jet d'Atelier</source>
        <translation>Add Atelier's first draft</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis.py" line="90" />
        <source>Titre de la section</source>
        <translation>Section heading</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis.py" line="96" />
        <source>Texte de la section</source>
        <translation>Section text</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis.py" line="136" />
        <location filename="../../ui/synthesis.py" line="189" />
        <source>(sans titre)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis.py" line="190" />
        <source>Enregistré</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis.py" line="195" />
        <source>Nouvelle section</source>
        <translation>New section</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis.py" line="230" />
        <source>Supprimer la section « {heading} » et son texte ?</source>
        <translation>Delete the section “{heading}” and its text?</translation>
    </message>
    <message>
        <location filename="../../ui/synthesis.py" line="236" />
        <source>Section « {heading} » supprimée</source>
        <translation>Section “{heading}” deleted</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="88" />
        <source>Atelier — projecteur</source>
        <translation>Atelier — projector</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="333" />
        <source>page {page}/{pages}</source>
        <translation>page {page}/{pages}</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="335" />
        <source>Qui peut aider qui ?</source>
        <translation>Who can help whom?</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="343" />
        <source>Pas encore de mise en relation : elles s'afficheront ici dès qu'elles seront confirmées.</source>
        <translation>No match yet: they will show here as soon as they are confirmed.</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="374" />
        <source>SUGGESTION — à confirmer</source>
        <translation>SUGGESTION — to be confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="376" />
        <source>{who} cherche :</source>
        <translation>{who} is looking for:</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="380" />
        <location filename="../../ui/projector.py" line="383" />
        <source>← {who} peut aider :</source>
        <translation>← {who} can help:</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="381" />
        <source>← {who} l'a déjà fait :</source>
        <translation>← {who} has done it:</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="382" />
        <source>← {who} a le même défi :</source>
        <translation>← {who} has the same challenge:</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="402" />
        <source>Choisissez un participant dans la grille</source>
        <translation>Choose a participant in the grid</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="411" />
        <source>Cherche</source>
        <translation>Looking for</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="416" />
        <source>(aucun besoin noté)</source>
        <translation>(no need noted)</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="430" />
        <source> (suggestion)</source>
        <translation> (suggestion)</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="449" />
        <source>+ {n} autres besoins</source>
        <translation>+ {n} more needs</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="454" />
        <source>Peut apporter</source>
        <translation>Can offer</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="457" />
        <source>(rien de noté)</source>
        <translation>(nothing noted)</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="471" />
        <source>Le réseau : qui peut aider qui</source>
        <translation>The network: who can help whom</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="474" />
        <source>Calcul du réseau…</source>
        <translation>Laying out the network…</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="474" />
        <source>Pas encore de mise en relation.</source>
        <translation>No match yet.</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="557" />
        <source>Couleurs</source>
        <translation>Colours</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="572" />
        <source>+ {n} autres</source>
        <translation>+ {n} more</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="577" />
        <source>confirmée</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/projector.py" line="577" />
        <source>suggérée</source>
        <translation>suggested</translation>
    </message>
    <message>
        <location filename="../../ui/grid_view.py" line="192" />
        <source>Aucun participant ne contient « {text} ».
Échap : effacer la recherche</source>
        <translation>No participant contains “{text}”.
Esc: clear the search</translation>
    </message>
    <message>
        <location filename="../../ui/grid_view.py" line="198" />
        <source>L'atelier est vide. Pour commencer :
Ctrl+N : nouveau participant
Ctrl+I : importer une grille Word, Excel ou CSV
F1 : tous les raccourcis clavier</source>
        <translation>The workshop is empty. To start:
Ctrl+N: new participant
Ctrl+I: import a Word, Excel or CSV grid
F1: every keyboard shortcut</translation>
    </message>
    <message>
        <location filename="../../ui/merge_history.py" line="23" />
        <source>Ce fichier n'a encore été fusionné avec aucun autre.</source>
        <translation>This file has not been merged with another yet.</translation>
    </message>
    <message>
        <location filename="../../ui/merge_history.py" line="29" />
        <source>Fusion du {when} : « {first} » et « {second} »</source>
        <translation>Merge of {when}: “{first}” and “{second}”</translation>
    </message>
    <message>
        <location filename="../../ui/merge_history.py" line="36" />
        <source>entrée ajoutée</source>
        <translation>entry added</translation>
    </message>
    <message>
        <location filename="../../ui/merge_history.py" line="36" />
        <source>entrées ajoutées</source>
        <translation>entries added</translation>
    </message>
    <message>
        <location filename="../../ui/merge_history.py" line="37" />
        <source>conflit</source>
        <translation>conflict</translation>
    </message>
    <message>
        <location filename="../../ui/merge_history.py" line="37" />
        <source>conflits</source>
        <translation>conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/merge_history.py" line="38" />
        <source>champ mis à jour</source>
        <translation>field updated</translation>
    </message>
    <message>
        <location filename="../../ui/merge_history.py" line="38" />
        <source>champs mis à jour</source>
        <translation>fields updated</translation>
    </message>
    <message>
        <location filename="../../ui/merge_history.py" line="50" />
        <source>Historique des fusions</source>
        <translation>Merge history</translation>
    </message>
    <message>
        <location filename="../../ui/merge_history.py" line="55" />
        <source>Chaque valeur écartée par une fusion est gardée dans le fichier : la voici, fusion par fusion.</source>
        <translation>Every value a merge set aside is kept in the file: here it is, merge by merge.</translation>
    </message>
</context>
</TS>
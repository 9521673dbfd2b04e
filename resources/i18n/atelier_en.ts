<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name />
    <message>
        <source>Impossible d'ouvrir le fichier</source>
        <translation>Cannot open the file</translation>
    </message>
    <message>
        <source>Le dernier fichier ouvert, « {path} », est introuvable (déplacé, supprimé, ou sur une clé USB retirée) : voici la copie de travail de l'atelier d'exemple. Fichier › Ouvrir… (Ctrl+O) pour ouvrir un autre fichier.</source>
        <translation>The last file opened, “{path}”, cannot be found (moved, deleted, or on a USB stick taken out): here is the working copy of the example workshop. File › Open… (Ctrl+O) to open another file.</translation>
    </message>
    <message>
        <source>Le dernier fichier ouvert ne peut pas être ouvert : {reason} Voici la copie de travail de l'atelier d'exemple ; Fichier › Ouvrir… (Ctrl+O) pour ouvrir un autre fichier.</source>
        <translation>The last file opened cannot be opened: {reason} Here is the working copy of the example workshop; File › Open… (Ctrl+O) to open another file.</translation>
    </message>
    <message>
        <source>autre</source>
        <translation>other</translation>
    </message>
    <message>
        <source>autres</source>
        <translation>others</translation>
    </message>
    <message>
        <source>{count} : {which}</source>
        <translation>{count}: {which}</translation>
    </message>
    <message>
        <source> ; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>{need} ← {resource} (« {before} » devenu « {now} »)</source>
        <translation>{need} ← {resource} (“{before}” became “{now}”)</translation>
    </message>
    <message>
        <source>Texte modifié après la décision de {count} : {which} ; raisons revues, à confirmer (Ctrl+Maj+C) ou à écarter (Ctrl+Maj+X)</source>
        <translation>Text changed after {count} was decided: {which}; reasons worked out again, to confirm (Ctrl+Shift+C) or reject (Ctrl+Shift+X)</translation>
    </message>
    <message>
        <source>mise en relation</source>
        <translation>match</translation>
    </message>
    <message>
        <source>mises en relation</source>
        <translation>matches</translation>
    </message>
    <message>
        <source>à contacter depuis le {date}</source>
        <translation>to contact since {date}</translation>
    </message>
    <message>
        <source>{state} le {date}</source>
        <translation>{state} on {date}</translation>
    </message>
    <message>
        <source>atelier « {title} », </source>
        <translation>workshop “{title}”, </translation>
    </message>
    <message>
        <source>ligne {n}</source>
        <translation>row {n}</translation>
    </message>
    <message>
        <source>Modifier « {column} » {of_who}</source>
        <translation>Edit “{column}” of {who}</translation>
    </message>
    <message>
        <source>Vider la cellule « {column} » {of_who}</source>
        <translation>Empty the “{column}” cell of {who}</translation>
    </message>
    <message>
        <source>Modifier la fiche {of_who}</source>
        <translation>Edit the card of {who}</translation>
    </message>
    <message>
        <source>Modifier le participant {who}</source>
        <translation>Edit participant {who}</translation>
    </message>
    <message>
        <source>Ajouter un participant</source>
        <translation>Add a participant</translation>
    </message>
    <message>
        <source>Coller des lignes de tableau</source>
        <translation>Paste table rows</translation>
    </message>
    <message>
        <source>Supprimer {who}</source>
        <translation>Delete {who}</translation>
    </message>
    <message>
        <source>Déplacer {who}</source>
        <translation>Move {who}</translation>
    </message>
    <message>
        <source>Modifier l'en-tête de l'atelier</source>
        <translation>Edit the workshop header</translation>
    </message>
    <message>
        <source>Confirmer la mise en relation</source>
        <translation>Confirm the match</translation>
    </message>
    <message>
        <source>Écarter la suggestion</source>
        <translation>Reject the suggestion</translation>
    </message>
    <message>
        <source>Modifier la mise en relation</source>
        <translation>Edit the match</translation>
    </message>
    <message>
        <source>Mettre en relation à la main</source>
        <translation>Match by hand</translation>
    </message>
    <message>
        <source>Modifier la section « {heading} »</source>
        <translation>Edit the section “{heading}”</translation>
    </message>
    <message>
        <source>Déplacer la section « {heading} »</source>
        <translation>Move the section “{heading}”</translation>
    </message>
    <message>
        <source>Supprimer la section « {heading} »</source>
        <translation>Delete the section “{heading}”</translation>
    </message>
    <message>
        <source>Ajouter « {term} » au glossaire</source>
        <translation>Add “{term}” to the glossary</translation>
    </message>
    <message>
        <source>Retirer « {term} » du glossaire</source>
        <translation>Remove “{term}” from the glossary</translation>
    </message>
    <message>
        <source>Participant / territoire</source>
        <translation>Participant / territory</translation>
    </message>
    <message>
        <source>Actions engagées</source>
        <translation>Actions under way</translation>
    </message>
    <message>
        <source>Défis</source>
        <translation>Challenges</translation>
    </message>
    <message>
        <source>Besoins de ressources</source>
        <translation>Needs help with</translation>
    </message>
    <message>
        <source>Peut être ressource sur</source>
        <translation>Can help with</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Besoins</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>Peut être ressource</source>
        <translation>Can help</translation>
    </message>
    <message>
        <source>Ignorer</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <source>Ligne</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>(sans nom)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source> (+{n})</source>
        <translation> (+{n})</translation>
    </message>
    <message>
        <source>Colonne {n} (masquée, non importée)</source>
        <translation>Column {n} (hidden, not imported)</translation>
    </message>
    <message>
        <source>Colonne {n} (sans titre)</source>
        <translation>Column {n} (untitled)</translation>
    </message>
    <message>
        <source>Importer une grille — {name}</source>
        <translation>Import a grid — {name}</translation>
    </message>
    <message>
        <source>Lecture de la grille…</source>
        <translation>Reading the grid…</translation>
    </message>
    <message>
        <source>jj/mm/aaaa</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>&amp;Titre :</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>&amp;Date :</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Lieu :</source>
        <translation>Pl&amp;ace:</translation>
    </message>
    <message>
        <source>La grille est réimportée dans l'atelier ouvert : son titre, sa date et son lieu restent ceux de l'atelier.</source>
        <translation>The grid is imported again into the open workshop: its title, date and place stay the workshop's.</translation>
    </message>
    <message>
        <source>Colonnes détectées</source>
        <translation>Detected columns</translation>
    </message>
    <message>
        <source>&amp;Importer…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>&amp;Réimporter</source>
        <translation>&amp;Re-import</translation>
    </message>
    <message>
        <source>&amp;Importer dans cet atelier</source>
        <translation>&amp;Import into this workshop</translation>
    </message>
    <message>
        <source>Analyse de la grille…</source>
        <translation>Understanding the grid…</translation>
    </message>
    <message>
        <source>Impossible de lire la grille : {detail}</source>
        <translation>Cannot read the grid: {detail}</translation>
    </message>
    <message>
        <source>Colonnes détectées (en-tête lu sur deux lignes : {lines})</source>
        <translation>Detected columns (header read from two rows: {lines})</translation>
    </message>
    <message>
        <source>Cette grille a {total} colonnes : seules {shown} sont proposées ci-dessus (celles que leurs titres nomment, puis les premières) ; les {left} autres ne seront pas importées.</source>
        <translation>This grid has {total} columns: only {shown} are offered above (those their titles name, then the first ones); the other {left} will not be imported.</translation>
    </message>
    <message>
        <source>Aucune colonne n'a été reconnue comme celle des participants : choisissez « Participant » pour l'une des colonnes ci-dessous.</source>
        <translation>No column was recognised as the participants' one: choose “Participant” for one of the columns below.</translation>
    </message>
    <message>
        <source>Chaque atelier est importé avec le titre, la date et le lieu écrits au-dessus de son tableau (ou le nom de sa feuille) ; vous pourrez les changer ensuite (Ateliers et suivi › Renommer l'atelier…).</source>
        <translation>Each workshop is imported with the title, date and place written above its table (or its sheet's name); you can change them afterwards (Workshops and follow-up › Rename the workshop…).</translation>
    </message>
    <message>
        <source>Colonne {n} « {header} »</source>
        <translation>Column {n} “{header}”</translation>
    </message>
    <message>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Territoire</source>
        <translation>Territory</translation>
    </message>
    <message>
        <source>Fonction</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Colonne {n} « {header} » (masquée, non importée)</source>
        <translation>Column {n} “{header}” (hidden, not imported)</translation>
    </message>
    <message>
        <source>{count} ateliers dans ce document, chacun importé à part :</source>
        <translation>{count} workshops in this document, each imported on its own:</translation>
    </message>
    <message>
        <source>En tout : {totals}</source>
        <translation>In all: {totals}</translation>
    </message>
    <message>
        <source>Importer une grille</source>
        <translation>Import a grid</translation>
    </message>
    <message>
        <source>Grilles (*.docx *.xlsx *.csv *.html *.htm *.txt);;Tous les fichiers (*)</source>
        <translation>Grids (*.docx *.xlsx *.csv *.html *.htm *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Enregistrer l'atelier importé</source>
        <translation>Save the imported workshop</translation>
    </message>
    <message>
        <source>Fichiers Atelier (*.atelier)</source>
        <translation>Atelier files (*.atelier)</translation>
    </message>
    <message>
        <source>Rechercher dans la grille (Ctrl+F)…</source>
        <translation>Search the grid (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Entrée ou ↓ : revenir à la grille ; Échap : effacer la recherche</source>
        <translation>Enter or ↓: back to the grid; Esc: clear the search</translation>
    </message>
    <message>
        <source>Aucun résultat</source>
        <translation>No result</translation>
    </message>
    <message>
        <source>{found} sur {total}</source>
        <translation>{found} of {total}</translation>
    </message>
    <message>
        <source>ligne de la grille</source>
        <translation>row of the grid</translation>
    </message>
    <message>
        <source>lignes de la grille</source>
        <translation>rows of the grid</translation>
    </message>
    <message>
        <source>{results} + {kept}</source>
        <translation>{results} + {kept}</translation>
    </message>
    <message>
        <source>ligne modifiée</source>
        <translation>edited row</translation>
    </message>
    <message>
        <source>lignes modifiées</source>
        <translation>edited rows</translation>
    </message>
    <message>
        <source>Une ligne modifiée qui ne contient plus la recherche reste affichée, à sa place, jusqu'à ce que la recherche change.</source>
        <translation>An edited row that no longer contains the search stays shown, in its place, until the search changes.</translation>
    </message>
    <message>
        <source>Besoin</source>
        <translation>Need</translation>
    </message>
    <message>
        <source>Ressource proposée</source>
        <translation>Offer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Défi</source>
        <translation>Challenge</translation>
    </message>
    <message>
        <source>nom</source>
        <translation>name</translation>
    </message>
    <message>
        <source>structure</source>
        <translation>organisation</translation>
    </message>
    <message>
        <source>territoire</source>
        <translation>territory</translation>
    </message>
    <message>
        <source>fonction</source>
        <translation>role</translation>
    </message>
    <message>
        <source>{workshop} (excusé·e)</source>
        <translation>{workshop} (excused)</translation>
    </message>
    <message>
        <source>{workshop} (absent·e)</source>
        <translation>{workshop} (absent)</translation>
    </message>
    <message>
        <source>Quoi</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Texte</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Qui</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Atelier</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>{n} ateliers :</source>
        <translation>{n} workshops:</translation>
    </message>
    <message>
        <source>sans date</source>
        <translation>no date</translation>
    </message>
    <message>
        <source>excusé·e à cet atelier</source>
        <translation>excused from this workshop</translation>
    </message>
    <message>
        <source>absent·e à cet atelier</source>
        <translation>absent from this workshop</translation>
    </message>
    <message>
        <source>Répertoire : les personnes, structures, territoires et initiatives de tous les ateliers</source>
        <translation>Directory: the people, organisations, territories and initiatives of every workshop</translation>
    </message>
    <message>
        <source>Un nom, une structure, un territoire, un sujet : « clauses d'insertion », « GPECT »…</source>
        <translation>A name, an organisation, a territory, a subject: “social clauses”, “GPECT”…</translation>
    </message>
    <message>
        <source>Chercher :</source>
        <translation>Search:</translation>
    </message>
    <message>
        <source>↓ : aller aux résultats · Entrée : ouvrir dans la grille de son atelier</source>
        <translation>↓: go to the results · Enter: open in its workshop's grid</translation>
    </message>
    <message>
        <source>personne</source>
        <translation>person</translation>
    </message>
    <message>
        <source>personnes</source>
        <translation>people</translation>
    </message>
    <message>
        <source>Rien à chercher : la recherche trouve des mots, pas des signes ni des émojis</source>
        <translation>Nothing to search for: the search finds words, not signs or emoji</translation>
    </message>
    <message>
        <source>résultat</source>
        <translation>result</translation>
    </message>
    <message>
        <source>résultats</source>
        <translation>results</translation>
    </message>
    <message>
        <source>{total} (les {shown} premiers)</source>
        <translation>{total} (the first {shown})</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>participant</translation>
    </message>
    <message>
        <source>participants</source>
        <translation>participants</translation>
    </message>
    <message>
        <source>Fiche du participant</source>
        <translation>Participant card</translation>
    </message>
    <message>
        <source>Rapprochement…</source>
        <translation>Matching…</translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Nouvel atelier…</source>
        <translation>&amp;New workshop…</translation>
    </message>
    <message>
        <source>&amp;Ouvrir…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>Fichiers &amp;récents</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <source>&amp;Importer une grille…</source>
        <translation>&amp;Import a grid…</translation>
    </message>
    <message>
        <source>Saisir la grille</source>
        <translation>Typing the grid</translation>
    </message>
    <message>
        <source>Rapprocher besoins et ressources</source>
        <translation>Matching needs and resources</translation>
    </message>
    <message>
        <source>Projeter à la salle</source>
        <translation>Projecting to the room</translation>
    </message>
    <message>
        <source>Exporter et rédiger</source>
        <translation>Exporting and writing</translation>
    </message>
    <message>
        <source>Après l'atelier : suivi, répertoire, ateliers du fichier</source>
        <translation>After the workshop: follow-up, directory, workshops of the file</translation>
    </message>
    <message>
        <source>Fichiers</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Affichage et aide</source>
        <translation>Display and help</translation>
    </message>
    <message>
        <source>Réimporter la &amp;grille dans cet atelier…</source>
        <translation>Re-import the &amp;grid into this workshop…</translation>
    </message>
    <message>
        <source>&amp;Exporter le compte rendu et les tableaux…</source>
        <translation>&amp;Export the minutes and tables…</translation>
    </message>
    <message>
        <source>Exporter en &amp;JSON…</source>
        <translation>Export as &amp;JSON…</translation>
    </message>
    <message>
        <source>Enregistrer une &amp;copie sous…</source>
        <translation>Save a &amp;copy as…</translation>
    </message>
    <message>
        <source>&amp;Fusionner un fichier…</source>
        <translation>&amp;Merge a file…</translation>
    </message>
    <message>
        <source>&amp;Historique des fusions…</source>
        <translation>Merge &amp;history…</translation>
    </message>
    <message>
        <source>Restaurer une &amp;sauvegarde…</source>
        <translation>Restore a &amp;backup…</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>É&amp;dition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Rétablir</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Nouveau participant</source>
        <translation>&amp;New participant</translation>
    </message>
    <message>
        <source>&amp;Supprimer le participant</source>
        <translation>&amp;Delete participant</translation>
    </message>
    <message>
        <source>M&amp;onter le participant</source>
        <translation>Move participant u&amp;p</translation>
    </message>
    <message>
        <source>&amp;Descendre le participant</source>
        <translation>Move participant do&amp;wn</translation>
    </message>
    <message>
        <source>Rapprocher &amp;besoins et ressources</source>
        <translation>&amp;Match needs and resources</translation>
    </message>
    <message>
        <source>Con&amp;firmer la suggestion</source>
        <translation>&amp;Confirm the suggestion</translation>
    </message>
    <message>
        <source>R&amp;echercher</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>A&amp;ller à la grille</source>
        <translation>Go to the gr&amp;id</translation>
    </message>
    <message>
        <source>Celle du &amp;système</source>
        <translation>The &amp;system's</translation>
    </message>
    <message>
        <source>Ouvrir la barre de menus</source>
        <translation>Open the menu bar</translation>
    </message>
    <message>
        <source>&amp;Projeter à la salle</source>
        <translation>&amp;Project to the room</translation>
    </message>
    <message>
        <source>Projeter à la salle / revenir à la grille</source>
        <translation>Project to the room / back to the grid</translation>
    </message>
    <message>
        <source>Vue « Projecteur sur un p&amp;articipant »</source>
        <translation>“&amp;Spotlight on a participant” view</translation>
    </message>
    <message>
        <source>Page suivante (vue « Projecteur sur un participant » : le participant suivant)</source>
        <translation>Next page (“Spotlight on a participant” view: the next participant)</translation>
    </message>
    <message>
        <source>Page pré&amp;cédente</source>
        <translation>Pre&amp;vious page</translation>
    </message>
    <message>
        <source>Page précédente (vue « Projecteur sur un participant » : le participant précédent)</source>
        <translation>Previous page (“Spotlight on a participant” view: the previous participant)</translation>
    </message>
    <message>
        <source>Montrer les su&amp;ggestions</source>
        <translation>Show s&amp;uggestions</translation>
    </message>
    <message>
        <source>Masquer les &amp;noms (structures à la place)</source>
        <translation>&amp;Hide names (organisations instead)</translation>
    </message>
    <message>
        <source>P&amp;lein écran du projecteur</source>
        <translation>Projector &amp;full screen</translation>
    </message>
    <message>
        <source>Ateliers et s&amp;uivi</source>
        <translation>&amp;Workshops and follow-up</translation>
    </message>
    <message>
        <source>&amp;Grille de l'atelier</source>
        <translation>&amp;Grid of the workshop</translation>
    </message>
    <message>
        <source>&amp;Suivi des mises en relation</source>
        <translation>&amp;Follow-up of matches</translation>
    </message>
    <message>
        <source>&amp;Répertoire de tous les ateliers</source>
        <translation>&amp;Directory of all workshops</translation>
    </message>
    <message>
        <source>E&amp;xporter le suivi de tous les ateliers (Excel)…</source>
        <translation>E&amp;xport the follow-up of every workshop (Excel)…</translation>
    </message>
    <message>
        <source>&amp;Changer d'atelier…</source>
        <translation>&amp;Change workshop…</translation>
    </message>
    <message>
        <source>Atelier &amp;précédent</source>
        <translation>&amp;Previous workshop</translation>
    </message>
    <message>
        <source>Atelier s&amp;uivant</source>
        <translation>&amp;Next workshop</translation>
    </message>
    <message>
        <source>&amp;Nouvel atelier dans ce fichier</source>
        <translation>New &amp;workshop in this file</translation>
    </message>
    <message>
        <source>Importer une grille comme nouvel ate&amp;lier…</source>
        <translation>&amp;Import a grid as a new workshop…</translation>
    </message>
    <message>
        <source>Reno&amp;mmer l'atelier…</source>
        <translation>&amp;Rename the workshop…</translation>
    </message>
    <message>
        <source>Réunir avec un au&amp;tre atelier du même jour…</source>
        <translation>&amp;Join another workshop of the same day…</translation>
    </message>
    <message>
        <source>Supprimer l'at&amp;elier…</source>
        <translation>De&amp;lete the workshop…</translation>
    </message>
    <message>
        <source>Rapprocher aussi avec les &amp;autres ateliers</source>
        <translation>Match with the &amp;other workshops too</translation>
    </message>
    <message>
        <source>Rapprocher les besoins des offres des autres ateliers du fichier aussi</source>
        <translation>Match needs with the offers of the file's other workshops too</translation>
    </message>
    <message>
        <source>A&amp;ide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Vider la cellule (Ctrl+Z la remet)</source>
        <translation>Clear the cell (Ctrl+Z puts it back)</translation>
    </message>
    <message>
        <source>Suppr ou Retour arrière</source>
        <translation>Del or Backspace</translation>
    </message>
    <message>
        <source>Coller une liste dans la cellule, ou des lignes de tableau comme participants</source>
        <translation>Paste a list into the cell, or table rows as participants</translation>
    </message>
    <message>
        <source>Dans la recherche : revenir à la grille / effacer</source>
        <translation>In the search: back to the grid / clear it</translation>
    </message>
    <message>
        <source>Entrée / Échap</source>
        <translation>Enter / Esc</translation>
    </message>
    <message>
        <source>Champs de l'en-tête et de la fiche</source>
        <translation>Fields of the header and of the card</translation>
    </message>
    <message>
        <source>Alt + la lettre soulignée</source>
        <translation>Alt + the underlined letter</translation>
    </message>
    <message>
        <source>Suggestion suivante / précédente</source>
        <translation>Next / previous suggestion</translation>
    </message>
    <message>
        <source>↓ / ↑ dans la liste</source>
        <translation>↓ / ↑ in the list</translation>
    </message>
    <message>
        <source>Revenir à la grille (projection sur le seul écran)</source>
        <translation>Back to the grid (projecting on the only screen)</translation>
    </message>
    <message>
        <source>Sur la projection (seul écran, télécommande) : page ou participant suivant / précédent</source>
        <translation>On the projection (single screen, presenter remote): next / previous page or participant</translation>
    </message>
    <message>
        <source>Page suiv, Espace, → / Page préc, ←</source>
        <translation>PgDown, Space, → / PgUp, ←</translation>
    </message>
    <message>
        <source>A, C, F, S</source>
        <translation>T, C, O, X</translation>
    </message>
    <message>
        <source>Suivi : à contacter, contactée, faite, sans suite</source>
        <translation>Follow-up: to contact, contacted, done, dropped</translation>
    </message>
    <message>
        <source>Maj+A, C, F, S</source>
        <translation>Shift+T, C, O, X</translation>
    </message>
    <message>
        <source>Suivi : un état, à une autre date qu'aujourd'hui</source>
        <translation>Follow-up: a state, on a day other than today</translation>
    </message>
    <message>
        <source>Suivi : changer la date de l'étape</source>
        <translation>Follow-up: change the step's date</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>Suivi : écrire une note</source>
        <translation>Follow-up: write a note</translation>
    </message>
    <message>
        <source>Entrée</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Suivi : retirer la dernière étape (après confirmation)</source>
        <translation>Follow-up: take the latest step out (once confirmed)</translation>
    </message>
    <message>
        <source>Suppr</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>Répertoire : aller aux résultats / ouvrir dans la grille</source>
        <translation>Directory: go to the results / open in the grid</translation>
    </message>
    <message>
        <source>↓ / Entrée</source>
        <translation>↓ / Enter</translation>
    </message>
    <message>
        <source>Aller aux &amp;mises en relation</source>
        <translation>Go to the matc&amp;hes</translation>
    </message>
    <message>
        <source>É&amp;carter la suggestion</source>
        <translation>Re&amp;ject the suggestion</translation>
    </message>
    <message>
        <source>Écarter la suggestion (la suivante est choisie)</source>
        <translation>Reject the suggestion (the next one is chosen)</translation>
    </message>
    <message>
        <source>Mettre en relation à la ma&amp;in…</source>
        <translation>Match by h&amp;and…</translation>
    </message>
    <message>
        <source>S&amp;ynthèse du compte rendu…</source>
        <translation>S&amp;ynthesis for the minutes…</translation>
    </message>
    <message>
        <source>&amp;Glossaire de l'atelier…</source>
        <translation>Workshop &amp;glossary…</translation>
    </message>
    <message>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>A&amp;grandir le texte</source>
        <translation>&amp;Larger text</translation>
    </message>
    <message>
        <source>&amp;Réduire le texte</source>
        <translation>&amp;Smaller text</translation>
    </message>
    <message>
        <source>Taille &amp;normale</source>
        <translation>&amp;Normal size</translation>
    </message>
    <message>
        <source>Contraste &amp;élevé</source>
        <translation>&amp;High contrast</translation>
    </message>
    <message>
        <source>Fiche du &amp;participant</source>
        <translation>&amp;Participant card</translation>
    </message>
    <message>
        <source>&amp;Langue (au prochain démarrage)</source>
        <translation>Lan&amp;guage (at next start)</translation>
    </message>
    <message>
        <source>&amp;Projecteur</source>
        <translation>&amp;Projector</translation>
    </message>
    <message>
        <source>Vue « &amp;Mises en relation »</source>
        <translation>“&amp;Matches” view</translation>
    </message>
    <message>
        <source>Vue « &amp;Réseau »</source>
        <translation>“&amp;Network” view</translation>
    </message>
    <message>
        <source>Page &amp;suivante</source>
        <translation>Next pa&amp;ge</translation>
    </message>
    <message>
        <source>E&amp;xporter la vue en PNG…</source>
        <translation>E&amp;xport the view as PNG…</translation>
    </message>
    <message>
        <source>&amp;Raccourcis clavier</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>À &amp;propos d'Atelier</source>
        <translation>&amp;About Atelier</translation>
    </message>
    <message>
        <source>Ce fichier (ou son dossier) est en lecture seule : il est ouvert en lecture seule. Pour le modifier, enregistrez-en une copie ailleurs.</source>
        <translation>This file (or its folder) is read-only, so it is open read-only. To edit it, save a copy elsewhere.</translation>
    </message>
    <message>
        <source>Cette fois : {name} (--lang {code})</source>
        <translation>This time: {name} (--lang {code})</translation>
    </message>
    <message>
        <source>Lecture seule</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>Chaque modification est enregistrée aussitôt.</source>
        <translation>Every change is saved at once.</translation>
    </message>
    <message>
        <source> (lecture seule)</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>Enregistré à {time}</source>
        <translation>Saved at {time}</translation>
    </message>
    <message>
        <source>Aucune suggestion à confirmer pour ce participant.</source>
        <translation>No suggestion to confirm for this participant.</translation>
    </message>
    <message>
        <source>Aucune suggestion à écarter pour ce participant.</source>
        <translation>No suggestion to reject for this participant.</translation>
    </message>
    <message>
        <source>Aucune suggestion choisie : Ctrl+M pour aller aux suggestions de ce participant, puis Ctrl+Maj+C pour confirmer celle choisie.</source>
        <translation>No suggestion chosen: Ctrl+M to go to this participant's suggestions, then Ctrl+Shift+C to confirm the one chosen.</translation>
    </message>
    <message>
        <source>Aucune suggestion choisie : Ctrl+M pour aller aux suggestions de ce participant, puis Ctrl+Maj+X pour écarter celle choisie.</source>
        <translation>No suggestion chosen: Ctrl+M to go to this participant's suggestions, then Ctrl+Shift+X to reject the one chosen.</translation>
    </message>
    <message>
        <source>Enregistrement…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Participant en cours de saisie : enregistré en quittant la cellule (Tab, Ctrl+Entrée)</source>
        <translation>Participant being typed: saved when you leave the cell (Tab, Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cellule « {column} » vidée, avec {decided} — Ctrl+Z pour annuler</source>
        <translation>Cell “{column}” cleared, with {decided} — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Cellule « {column} » vidée — Ctrl+Z pour annuler</source>
        <translation>Cell “{column}” cleared — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Cellule « {column} » modifiée, supprimant {decided} ; {retyped} — Ctrl+Z pour annuler</source>
        <translation>Cell “{column}” edited, deleting {decided}; {retyped} — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Cellule « {column} » modifiée, supprimant {decided} — Ctrl+Z pour annuler</source>
        <translation>Cell “{column}” edited, deleting {decided} — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>{retyped} — Ctrl+Z pour annuler</source>
        <translation>{retyped} — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Rapprochement fait : suggestions à jour (Ctrl+M pour celles du participant choisi).</source>
        <translation>Matching done: suggestions up to date (Ctrl+M for those of the chosen participant).</translation>
    </message>
    <message>
        <source>Cet atelier n'a encore aucun participant : Ctrl+N pour en ajouter un.</source>
        <translation>This workshop has no participant yet: Ctrl+N to add one.</translation>
    </message>
    <message>
        <source>Aucun participant choisi : choisissez-en un dans la grille, puis Ctrl+Maj+K.</source>
        <translation>No participant chosen: choose one in the grid, then Ctrl+Shift+K.</translation>
    </message>
    <message>
        <source>Aucun participant choisi : choisissez-en un dans la grille, puis Ctrl+M.</source>
        <translation>No participant chosen: choose one in the grid, then Ctrl+M.</translation>
    </message>
    <message>
        <source>{who} n'ont aucun besoin noté (colonne « {column} ») : rien à rapprocher.</source>
        <translation>{who} have no need noted (“{column}” column): nothing to match.</translation>
    </message>
    <message>
        <source>{who} n'a aucun besoin noté (colonne « {column} ») : rien à rapprocher.</source>
        <translation>{who} has no need noted (“{column}” column): nothing to match.</translation>
    </message>
    <message>
        <source>Ce participant</source>
        <translation>This participant</translation>
    </message>
    <message>
        <source>L'autre fenêtre a fermé ce fichier : il est maintenant ouvert ici, et chaque modification y est enregistrée.</source>
        <translation>The other window closed this file: it is now open here, and every change is saved in it.</translation>
    </message>
    <message>
        <source>Participant à vérifier : « {part} », lu comme structure ou fonction, semble contenir le nom d'une personne</source>
        <translation>Participant to check: “{part}”, read as a structure or role, seems to hold someone's name</translation>
    </message>
    <message>
        <source>Participant à vérifier : plusieurs personnes dans une même entrée ({who})</source>
        <translation>Participant to check: several people in one entry ({who})</translation>
    </message>
    <message>
        <source>Rien à annuler.</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <source>Annulé : {what} — Ctrl+Y pour rétablir</source>
        <translation>Undone: {what} — Ctrl+Y to redo</translation>
    </message>
    <message>
        <source>Rien à rétablir.</source>
        <translation>Nothing to redo.</translation>
    </message>
    <message>
        <source>Rétabli : {what} — Ctrl+Z pour annuler</source>
        <translation>Redone: {what} — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>« {name} » est le fichier ouvert : une copie doit porter un autre nom ; rien n'a été écrit.</source>
        <translation>“{name}” is the open file: a copy needs another name; nothing was written.</translation>
    </message>
    <message>
        <source>Le remplacer par un atelier vide ?</source>
        <translation>Replace it with an empty workshop?</translation>
    </message>
    <message>
        <source>L'exemple fourni n'est jamais modifié : vous travaillez sur sa copie, « {path} », où vos modifications sont enregistrées.</source>
        <translation>The bundled example is never modified: you are working on its copy, “{path}”, where your changes are saved.</translation>
    </message>
    <message>
        <source>Une copie en sera gardée dans les sauvegardes.</source>
        <translation>A copy of it will be kept among the backups.</translation>
    </message>
    <message>
        <source>« {name} » existe déjà (un lien vers un fichier absent).</source>
        <translation>“{name}” already exists (a link to a missing file).</translation>
    </message>
    <message>
        <source>« {name} » existe déjà : c'est un fichier vide.</source>
        <translation>“{name}” already exists: it is an empty file.</translation>
    </message>
    <message>
        <source>« {name} » existe déjà et n'est pas un fichier Atelier : il ne sera pas remplacé. Choisissez un autre nom.</source>
        <translation>“{name}” already exists and is not an Atelier file: it will not be replaced. Choose another name.</translation>
    </message>
    <message>
        <source>« {name} » existe déjà : c'est un atelier enregistré par une version plus récente d'Atelier, que celle-ci ne sait pas lire.</source>
        <translation>“{name}” already exists: it is a workshop saved by a newer version of Atelier, which this one cannot read.</translation>
    </message>
    <message>
        <source>« {name} » existe déjà : c'est un fichier Atelier endommagé, qui ne se lit plus.</source>
        <translation>“{name}” already exists: it is a damaged Atelier file, which can no longer be read.</translation>
    </message>
    <message>
        <source>« {name} » existe déjà : c'est l'atelier « {title} », {participants}.</source>
        <translation>“{name}” already exists: it is the workshop “{title}”, {participants}.</translation>
    </message>
    <message>
        <source>« {name} » existe déjà : il contient {workshops} ({titles}), {participants}.</source>
        <translation>“{name}” already exists: it holds {workshops} ({titles}), {participants}.</translation>
    </message>
    <message>
        <source>« {title} »</source>
        <translation>“{title}”</translation>
    </message>
    <message>
        <source>Le remplacer par une copie de cet atelier ?</source>
        <translation>Replace it with a copy of this workshop?</translation>
    </message>
    <message>
        <source>Copie enregistrée : « {copy} » est ouverte, en lecture seule elle aussi.</source>
        <translation>Copy saved: “{copy}” is open, read-only too.</translation>
    </message>
    <message>
        <source>Copie enregistrée : la suite s'écrit dans « {copy} » ; « {name} », ouvert en lecture seule, reste tel quel.</source>
        <translation>Copy saved: what comes next is written to “{copy}”; “{name}”, opened read-only, stays as it was.</translation>
    </message>
    <message>
        <source>Copie enregistrée : la suite s'écrit dans la copie, Ctrl+Z y annule toujours ; « {name} » n'est plus modifié.</source>
        <translation>Copy saved: from now on edits go to the copy, where Ctrl+Z still undoes; “{name}” is no longer changed.</translation>
    </message>
    <message>
        <source>Le fichier « {name} » n'est plus sur le disque (supprimé, déplacé ou clé retirée) : vos modifications sont encore là, enregistrez-en une copie (Fichier › Enregistrer une copie sous…).</source>
        <translation>The file “{name}” is no longer on disk (deleted, moved or USB stick removed): your edits are still here, save a copy of them (File › Save a copy as…).</translation>
    </message>
    <message>
        <source>Fichier supprimé</source>
        <translation>File deleted</translation>
    </message>
    <message>
        <source>Le fichier « {name} » n'est plus sur le disque : fermer quand même ?</source>
        <translation>The file “{name}” is no longer on disk: close anyway?</translation>
    </message>
    <message>
        <source>Il a été supprimé, ou remplacé à son nom par un autre fichier : ce que montre la fenêtre n'est enregistré nulle part ailleurs, et serait perdu. Enregistrez-en une copie.</source>
        <translation>It was deleted, or replaced at its name by another file: what the window shows is saved nowhere else, and would be lost. Save a copy of it.</translation>
    </message>
    <message>
        <source>&amp;Enregistrer une copie…</source>
        <translation>&amp;Save a copy…</translation>
    </message>
    <message>
        <source>Aucune mise en relation décidée à suivre : pas de tableau à écrire ; rien n'a été écrit.</source>
        <translation>No decided match to follow up: no table to write; nothing was written.</translation>
    </message>
    <message>
        <source>Exporter le suivi de tous les ateliers</source>
        <translation>Export the follow-up of every workshop</translation>
    </message>
    <message>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Suivi de tous les ateliers exporté ({matches}) : {path}</source>
        <translation>Follow-up of every workshop exported ({matches}): {path}</translation>
    </message>
    <message>
        <source>« {name} » est passé du format {old} au format {new} : les versions d'Atelier plus anciennes ne l'ouvriront plus.</source>
        <translation>“{name}” went from format {old} to format {new}: older versions of Atelier will no longer open it.</translation>
    </message>
    <message>
        <source>Une copie au format {old}, que ces versions ouvrent, est gardée dans les sauvegardes : {path} (Fichier › Restaurer une sauvegarde…, sauvegarde du {when}).</source>
        <translation>A copy at format {old}, which those versions open, is kept among the backups: {path} (File › Restore a backup…, backup of {when}).</translation>
    </message>
    <message>
        <source>Enregistrer une copie sous</source>
        <translation>Save a copy as</translation>
    </message>
    <message>
        <source>Modification impossible</source>
        <translation>Change not possible</translation>
    </message>
    <message>
        <source>Nouvel atelier</source>
        <translation>New workshop</translation>
    </message>
    <message>
        <source>Ouvrir un atelier</source>
        <translation>Open a workshop</translation>
    </message>
    <message>
        <source>« {name} » est déjà ouvert dans cette fenêtre.</source>
        <translation>“{name}” is already open in this window.</translation>
    </message>
    <message>
        <source>Fichiers Atelier (*.atelier);;Tous les fichiers (*)</source>
        <translation>Atelier files (*.atelier);;All files (*)</translation>
    </message>
    <message>
        <source>Choisissez un autre fichier que celui qui est ouvert.</source>
        <translation>Choose another file than the one that is open.</translation>
    </message>
    <message>
        <source>Le remplacer par la grille importée ?</source>
        <translation>Replace it with the imported grid?</translation>
    </message>
    <message>
        <source>Écriture de « {name} »…</source>
        <translation>Writing “{name}”…</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Import annulé : rien n'a été écrit.</source>
        <translation>Import cancelled: nothing was written.</translation>
    </message>
    <message>
        <source>Importer une grille dans « {title} »</source>
        <translation>Import a grid into “{title}”</translation>
    </message>
    <message>
        <source>Réimporter la grille dans cet atelier</source>
        <translation>Re-import the grid into this workshop</translation>
    </message>
    <message>
        <source>Réimporter la grille</source>
        <translation>Re-import the grid</translation>
    </message>
    <message>
        <source>l'atelier « {title} » ({date})</source>
        <translation>the workshop “{title}” ({date})</translation>
    </message>
    <message>
        <source>un atelier du {date}</source>
        <translation>a workshop of {date}</translation>
    </message>
    <message>
        <source>« {name} » est la grille de {theirs}, pas celle de cet atelier, « {title} » ({date}).</source>
        <translation>“{name}” is the grid of {theirs}, not that of this workshop, “{title}” ({date}).</translation>
    </message>
    <message>
        <source>Comme nouvel atelier de ce fichier, la grille garde son titre et sa date. Fusionnée avec cet atelier, elle y ajouterait ses participants comme s'ils y étaient venus.</source>
        <translation>As a new workshop of this file, the grid keeps its title and date. Merged into this workshop, it would add its participants as if they had come to it.</translation>
    </message>
    <message>
        <source>&amp;Importer comme nouvel atelier</source>
        <translation>&amp;Import as a new workshop</translation>
    </message>
    <message>
        <source>&amp;Fusionner avec cet atelier</source>
        <translation>&amp;Merge into this workshop</translation>
    </message>
    <message>
        <source>Réimport de « {name} »…</source>
        <translation>Importing “{name}” again…</translation>
    </message>
    <message>
        <source>Import de « {name} »…</source>
        <translation>Importing “{name}”…</translation>
    </message>
    <message>
        <source>Grille importée dans l'atelier « {title} » : {added}.</source>
        <translation>Grid imported into the workshop “{title}”: {added}.</translation>
    </message>
    <message>
        <source>{updated}, {added}, {absent} ; {kept}.</source>
        <translation>{updated}, {added}, {absent}; {kept}.</translation>
    </message>
    <message>
        <source>« {text} » — {who}</source>
        <translation>“{text}” — {who}</translation>
    </message>
    <message>
        <source>mise en relation décidée porte sur un texte modifié</source>
        <translation>decided match is about a changed text</translation>
    </message>
    <message>
        <source>mises en relation décidées portent sur un texte modifié</source>
        <translation>decided matches are about a changed text</translation>
    </message>
    <message>
        <source>{count} (Ctrl+Z pour annuler le réimport) : {which}.</source>
        <translation>{count} (Ctrl+Z to undo the re-import): {which}.</translation>
    </message>
    <message>
        <source>« {name} » est un fichier d'atelier, pas une grille : ouvrez-le avec Fichier › Ouvrir… (Ctrl+O), ou ajoutez-le au fichier ouvert avec Fichier › Fusionner un fichier… (Ctrl+Maj+F) ; rien n'a été modifié.</source>
        <translation>“{name}” is a workshop file, not a grid: open it with File › Open… (Ctrl+O), or add it to the open file with File › Merge a file… (Ctrl+Shift+F); nothing was changed.</translation>
    </message>
    <message>
        <source>« {name} » n'a aucun des participants de cet atelier, « {title} » ({date}) : {theirs} dans la grille, {ours} dans l'atelier. C'est sans doute la grille d'un autre atelier.</source>
        <translation>“{name}” has none of the participants of this workshop, “{title}” ({date}): {theirs} in the grid, {ours} in the workshop. It is probably another workshop's grid.</translation>
    </message>
    <message>
        <source>Comme nouvel atelier de ce fichier, ses participants restent à part. Fusionnée avec cet atelier, elle y ajouterait ses participants comme s'ils y étaient venus.</source>
        <translation>As a new workshop of this file, its participants stay apart. Merged into this workshop, it would add its participants as if they had come to it.</translation>
    </message>
    <message>
        <source>La grille sera importée dans l'atelier vide « {title} » de ce fichier ({file}), qui garde son titre, sa date et son lieu. Pour en faire un fichier à part : Fichier › Nouvel atelier… (Ctrl+Maj+N), puis Ctrl+I.</source>
        <translation>The grid will be imported into the empty workshop “{title}” of this file ({file}), which keeps its title, date and place. To make it a file of its own: File › New workshop… (Ctrl+Shift+N), then Ctrl+I.</translation>
    </message>
    <message>
        <source>Ce document contient {count} ateliers ({sessions}) ; aucun n'a le titre et la date de cet atelier : rien n'a été réimporté. Pour les ajouter à ce fichier : Ateliers et suivi › Importer une grille comme nouvel atelier…</source>
        <translation>This document holds {count} workshops ({sessions}); none has this workshop's title and date: nothing was imported again. To add them to this file: Workshops and follow-up › Import a grid as a new workshop…</translation>
    </message>
    <message>
        <source>Rien n'a changé : cette grille n'apporte rien de nouveau au fichier « {name} », qui n'a pas été modifié.</source>
        <translation>Nothing changed: this grid brings nothing new to “{name}”, which was left unchanged.</translation>
    </message>
    <message>
        <source>{count} : {which}.</source>
        <translation>{count}: {which}.</translation>
    </message>
    <message>
        <source>ligne de la grille, supprimée dans Atelier, n'a pas été réimportée</source>
        <translation>grid row, deleted in Atelier, was not imported again</translation>
    </message>
    <message>
        <source>lignes de la grille, supprimées dans Atelier, n'ont pas été réimportées</source>
        <translation>grid rows, deleted in Atelier, were not imported again</translation>
    </message>
    <message>
        <source>élément du fichier absent de la grille retiré</source>
        <translation>item of the file missing from the grid removed</translation>
    </message>
    <message>
        <source>éléments du fichier absents de la grille retirés</source>
        <translation>items of the file missing from the grid removed</translation>
    </message>
    <message>
        <source>{need} ← {resource}, « {before} » devenu « {now} »</source>
        <translation>{need} ← {resource}, “{before}” became “{now}”</translation>
    </message>
    <message>
        <source>{count}, à revoir (⚠ dans « Qui peut aider ? ») : {which}.</source>
        <translation>{count}, to review (⚠ in “Who can help?”): {which}.</translation>
    </message>
    <message>
        <source>{count}.</source>
        <translation>{count}.</translation>
    </message>
    <message>
        <source>modification faite dans Atelier depuis le dernier import gardée : la grille ne l'a pas changée</source>
        <translation>edit made in Atelier since the last import kept: the grid did not change it</translation>
    </message>
    <message>
        <source>modifications faites dans Atelier depuis le dernier import gardées : la grille ne les a pas changées</source>
        <translation>edits made in Atelier since the last import kept: the grid did not change them</translation>
    </message>
    <message>
        <source>ligne saisie dans Atelier gardée : la grille ne l'a pas</source>
        <translation>line typed in Atelier kept: the grid does not have it</translation>
    </message>
    <message>
        <source>lignes saisies dans Atelier gardées : la grille ne les a pas</source>
        <translation>lines typed in Atelier kept: the grid does not have them</translation>
    </message>
    <message>
        <source>1 ligne de la grille, absente du fichier, a été ajoutée pour {who} : {which} (fichier d'un format antérieur : Atelier ne sait pas si elle y avait été supprimée).</source>
        <translation>1 line of the grid, missing from the file, was added for {who}: {which} (file of an earlier format: Atelier cannot tell whether it had been deleted there).</translation>
    </message>
    <message>
        <source>{count} lignes de la grille, absentes du fichier, ont été ajoutées pour {who} : {which} (fichier d'un format antérieur : Atelier ne sait pas si elles y avaient été supprimées).</source>
        <translation>{count} lines of the grid, missing from the file, were added for {who}: {which} (file of an earlier format: Atelier cannot tell whether they had been deleted there).</translation>
    </message>
    <message>
        <source>{who}, {what} : {kept} (dans la grille : {grid})</source>
        <translation>{who}, {what}: {kept} (in the grid: {grid})</translation>
    </message>
    <message>
        <source>{count}, alors que la grille dit autre chose : {which}.</source>
        <translation>{count}, though the grid says otherwise: {which}.</translation>
    </message>
    <message>
        <source>modification faite dans Atelier depuis le dernier import gardée</source>
        <translation>edit made in Atelier since the last import kept</translation>
    </message>
    <message>
        <source>modifications faites dans Atelier depuis le dernier import gardées</source>
        <translation>edits made in Atelier since the last import kept</translation>
    </message>
    <message>
        <source>{who}, nom : « {before} » → « {now} »</source>
        <translation>{who}, name: “{before}” → “{now}”</translation>
    </message>
    <message>
        <source>nom changé dans la grille depuis le dernier import repris</source>
        <translation>name changed in the grid since the last import taken</translation>
    </message>
    <message>
        <source>noms changés dans la grille depuis le dernier import repris</source>
        <translation>names changed in the grid since the last import taken</translation>
    </message>
    <message>
        <source>« {name} » reste hors du répertoire, à sa demande (comme « {was} » dans le fichier).</source>
        <translation>“{name}” stays out of the directory, at their request (as “{was}” in the file).</translation>
    </message>
    <message>
        <source>« {grid} » de la grille reconnu comme « {kept} » du fichier (structure ou nom en commun, mêmes éléments) : le nom du fichier est gardé.</source>
        <translation>“{grid}” of the grid recognised as “{kept}” of the file (structure or name in common, same items): the file's name is kept.</translation>
    </message>
    <message>
        <source>« {grid} » de la grille reconnu comme « {kept} » du fichier (nom corrigé dans Atelier depuis le dernier import) : le nom du fichier est gardé.</source>
        <translation>“{grid}” of the grid recognised as “{kept}” of the file (name corrected in Atelier since the last import): the file's name is kept.</translation>
    </message>
    <message>
        <source>« {grid} » de la grille ajouté à côté de « {other} » du fichier, qui lui ressemble : s'il s'agit de la même personne, supprimez l'une des deux lignes.</source>
        <translation>“{grid}” of the grid added beside “{other}” of the file, which looks like it: if they are the same person, delete one of the two rows.</translation>
    </message>
    <message>
        <source> — illisible</source>
        <translation> — unreadable</translation>
    </message>
    <message>
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Pas encore de sauvegarde de ce fichier : une copie est faite à chaque ouverture.</source>
        <translation>No backup of this file yet: a copy is made each time it is opened.</translation>
    </message>
    <message>
        <source>Sauvegarde du {when}</source>
        <translation>Backup of {when}</translation>
    </message>
    <message>
        <source>Projecteur</source>
        <translation>Projector</translation>
    </message>
    <message>
        <source>&amp;Annuler : {what}</source>
        <translation>&amp;Undo: {what}</translation>
    </message>
    <message>
        <source>&amp;Rétablir : {what}</source>
        <translation>&amp;Redo: {what}</translation>
    </message>
    <message>
        <source> — {participants}, {items}</source>
        <translation> — {participants}, {items}</translation>
    </message>
    <message>
        <source>Le fichier reprendra l'état choisi (l'état actuel est sauvegardé d'abord) :</source>
        <translation>The file will go back to the chosen state (the current state is backed up first):</translation>
    </message>
    <message>
        <source>Remplacer le contenu actuel ?</source>
        <translation>Replace the current content?</translation>
    </message>
    <message>
        <source>Sauvegarde restaurée ; l'état d'avant est lui-même sauvegardé.</source>
        <translation>Backup restored; the state before it is backed up too.</translation>
    </message>
    <message>
        <source>« {name} » a son propre atelier « {title} »{date}, saisi à part : l'autre moitié de la salle ? Réunis, les participants des deux fichiers ne font qu'un atelier.</source>
        <translation>“{name}” has its own workshop “{title}”{date}, captured apart: the other half of the room? Joined, the participants of both files make one workshop.</translation>
    </message>
    <message>
        <source>Une personne saisie sur les deux ordinateurs (mêmes noms, même structure) n'y est plus qu'un participant ; décisions et suivi sont gardés. Édition › Annuler (Ctrl+Z) défait la fusion d'un coup.</source>
        <translation>A person typed on both computers (same names, same organisation) is one participant there; decisions and follow-up are kept. Edit › Undo (Ctrl+Z) undoes the merge in one step.</translation>
    </message>
    <message>
        <source>&amp;Réunir en un atelier</source>
        <translation>&amp;Join into one workshop</translation>
    </message>
    <message>
        <source>&amp;Garder deux ateliers</source>
        <translation>&amp;Keep two workshops</translation>
    </message>
    <message>
        <source>Fusionner un fichier</source>
        <translation>Merge a file</translation>
    </message>
    <message>
        <source>« {name} » ne contient pas cet atelier : ce n'est pas une autre saisie du même atelier. Ajouter quand même ses ateliers à ce fichier ?</source>
        <translation>“{name}” does not hold this workshop: it is not another capture of it. Add its workshops to this file anyway?</translation>
    </message>
    <message>
        <source>Réunir « {name} »</source>
        <translation>Join “{name}”</translation>
    </message>
    <message>
        <source>Rien de nouveau dans « {name} » : ce fichier avait déjà tout ce qu'il apporte ; rien n'a été ajouté ni modifié.</source>
        <translation>Nothing new in “{name}”: this file already had everything it brings; nothing was added or changed.</translation>
    </message>
    <message>
        <source>{added} et {suggestions}</source>
        <translation>{added} and {suggestions}</translation>
    </message>
    <message>
        <source>suggestion calculée par Atelier</source>
        <translation>suggestion computed by Atelier</translation>
    </message>
    <message>
        <source>suggestions calculées par Atelier</source>
        <translation>suggestions computed by Atelier</translation>
    </message>
    <message>
        <source>{added} depuis « {name} », {removed}, {conflicts}, {updates}.</source>
        <translation>{added} from “{name}”, {removed}, {conflicts}, {updates}.</translation>
    </message>
    <message>
        <source>Les valeurs écartées restent dans le fichier : Fichier › Historique des fusions.</source>
        <translation>The values set aside stay in the file: File › Merge history.</translation>
    </message>
    <message>
        <source>suppression appliquée</source>
        <translation>deletion applied</translation>
    </message>
    <message>
        <source>suppressions appliquées</source>
        <translation>deletions applied</translation>
    </message>
    <message>
        <source>Champ modifié des deux côtés : la modification la plus récente est gardée.</source>
        <translation>Field edited on both sides: the newer edit is kept.</translation>
    </message>
    <message>
        <source>Étapes du suivi notées des deux côtés : celles des deux copies sont gardées, par date.</source>
        <translation>Follow-up steps recorded on both sides: both copies' steps are kept, by date.</translation>
    </message>
    <message>
        <source>Note écrite des deux côtés : les deux textes sont gardés.</source>
        <translation>Note written on both sides: both texts are kept.</translation>
    </message>
    <message>
        <source>Exporter la vue en PNG</source>
        <translation>Export the view as PNG</translation>
    </message>
    <message>
        <source>Images PNG (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Impossible d'écrire « {path} ».</source>
        <translation>Cannot write “{path}”.</translation>
    </message>
    <message>
        <source>Exporter en JSON</source>
        <translation>Export as JSON</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>sur cet ordinateur</source>
        <translation>on this computer</translation>
    </message>
    <message>
        <source>sur l'ordinateur « {name} »</source>
        <translation>on the computer “{name}”</translation>
    </message>
    <message>
        <source>Ce fichier est en cours d'écriture par une commande d'Atelier{where}. Il est ouvert ici en lecture seule : vos saisies ne seraient pas enregistrées ; rouvrez-le quand elle aura fini.</source>
        <translation>This file is being written by an Atelier command{where}. It is open here read-only: what you type would not be saved; open it again once the command has finished.</translation>
    </message>
    <message>
        <source>Ce fichier est déjà ouvert pour modification par une autre fenêtre{where}. Il est ouvert ici en lecture seule : vos saisies ne seraient pas enregistrées.</source>
        <translation>This file is already open for editing in another window{where}. It is open here read-only: what you type would not be saved.</translation>
    </message>
    <message>
        <source>Le disque où se trouve ce fichier est plein : l'atelier est ouvert en lecture seule, vos saisies ne seraient pas enregistrées. Libérez de la place sur ce disque, puis rouvrez le fichier ; ou enregistrez-en une copie sur un autre disque (Fichier › Enregistrer une copie sous…).</source>
        <translation>The disk this file is on is full: the workshop is open read-only, what you type would not be saved. Free some space on that disk, then open the file again; or save a copy of it on another disk (File › Save a copy as…).</translation>
    </message>
    <message>
        <source>Lecture seule : une commande d'Atelier écrit ce fichier ; ce que vous tapez ici n'est pas enregistré.</source>
        <translation>Read-only: an Atelier command is writing this file; what you type here is not saved.</translation>
    </message>
    <message>
        <source>Lecture seule : ce fichier est ouvert pour modification dans une autre fenêtre ; ce que vous tapez ici n'est pas enregistré.</source>
        <translation>Read-only: this file is open for editing in another window; what you type here is not saved.</translation>
    </message>
    <message>
        <source>Lecture seule : le disque de ce fichier est plein ; ce que vous tapez ici n'est pas enregistré.</source>
        <translation>Read-only: the disk this file is on is full; what you type here is not saved.</translation>
    </message>
    <message>
        <source>Lecture seule : ce fichier (ou son dossier) est en lecture seule ; ce que vous tapez ici n'est pas enregistré.</source>
        <translation>Read-only: this file (or its folder) is read-only; what you type here is not saved.</translation>
    </message>
    <message>
        <source>Modèle de sens : chargement…</source>
        <translation>Meaning model: loading…</translation>
    </message>
    <message>
        <source>Les suggestions se fondent sur les mots en commun en attendant le modèle de sens.</source>
        <translation>Suggestions rest on shared words until the meaning model is loaded.</translation>
    </message>
    <message>
        <source>Modèle de sens : actif</source>
        <translation>Meaning model: on</translation>
    </message>
    <message>
        <source>Les suggestions tiennent compte du sens, pas seulement des mots en commun.</source>
        <translation>Suggestions weigh meaning, not only shared words.</translation>
    </message>
    <message>
        <source>Modèle de sens non chargé : les suggestions se fondent sur les mots en commun.</source>
        <translation>Meaning model not loaded: suggestions rest on shared words.</translation>
    </message>
    <message>
        <source>Modèle de sens : indisponible</source>
        <translation>Meaning model: unavailable</translation>
    </message>
    <message>
        <source>Fusionner « {name} »</source>
        <translation>Merge “{name}”</translation>
    </message>
    <message>
        <source>Exporté : {path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>La langue choisie s'appliquera au prochain démarrage.</source>
        <translation>The chosen language will apply at the next start.</translation>
    </message>
    <message>
        <source>Raccourcis clavier</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Modifier la cellule</source>
        <translation>Edit the cell</translation>
    </message>
    <message>
        <source>Entrée, F2, ou taper directement</source>
        <translation>Enter, F2, or just type</translation>
    </message>
    <message>
        <source>Nouvel élément dans la cellule</source>
        <translation>New item in the cell</translation>
    </message>
    <message>
        <source>Entrée pendant la saisie</source>
        <translation>Enter while typing</translation>
    </message>
    <message>
        <source>Valider la cellule</source>
        <translation>Commit the cell</translation>
    </message>
    <message>
        <source>Ctrl+Entrée, ou Tab pour passer à la suivante</source>
        <translation>Ctrl+Enter, or Tab to go to the next</translation>
    </message>
    <message>
        <source>Annuler la saisie de la cellule</source>
        <translation>Cancel typing in the cell</translation>
    </message>
    <message>
        <source>Échap</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Cellule suivante / précédente</source>
        <translation>Next / previous cell</translation>
    </message>
    <message>
        <source>Tab / Maj+Tab, flèches</source>
        <translation>Tab / Shift+Tab, arrows</translation>
    </message>
    <message>
        <source>Saisir, croiser et partager les grilles des ateliers territoriaux pour l'emploi. Logiciel libre (GPL-3.0 ou ultérieure).</source>
        <translation>Capture, match and share the grids of territorial employment workshops. Free software (GPL-3.0 or later).</translation>
    </message>
    <message>
        <source>À propos d'Atelier</source>
        <translation>About Atelier</translation>
    </message>
    <message>
        <source>Titre de l'atelier</source>
        <translation>Workshop title</translation>
    </message>
    <message>
        <source>Par exemple 23/11/2026, 23/11/26, 23 novembre 2026 ou 2026-11-23</source>
        <translation>For example 23/11/2026, 23/11/26, 23 November 2026 or 2026-11-23</translation>
    </message>
    <message>
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Organisateur</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>Nom, téléphone, courriel : imprimé dans le compte rendu</source>
        <translation>Name, phone, e-mail: printed in the minutes</translation>
    </message>
    <message>
        <source>Thèmes, séparés par des virgules</source>
        <translation>Themes, separated by commas</translation>
    </message>
    <message>
        <source>Dat&amp;e :</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Organisateur :</source>
        <translation>&amp;Organiser:</translation>
    </message>
    <message>
        <source>Contact de l'or&amp;ganisateur :</source>
        <translation>Organiser's co&amp;ntact:</translation>
    </message>
    <message>
        <source>T&amp;hèmes :</source>
        <translation>The&amp;mes:</translation>
    </message>
    <message>
        <source>Nouveau titre « {title} » : il disait le {day}, que la nouvelle date remplace.</source>
        <translation>New title “{title}”: it said {day}, which the new date replaces.</translation>
    </message>
    <message>
        <source>La marque « à vérifier » s'en va quand les champs de la fiche sont corrigés.</source>
        <translation>The “to check” mark goes once the card's fields are corrected.</translation>
    </message>
    <message>
        <source>Prénom Nom ; Prénom Nom</source>
        <translation>First Last; First Last</translation>
    </message>
    <message>
        <source>courriel ou téléphone</source>
        <translation>e-mail or phone</translation>
    </message>
    <message>
        <source>Pe&amp;rsonnes :</source>
        <translation>Peop&amp;le:</translation>
    </message>
    <message>
        <source>Fon&amp;ction :</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>Co&amp;ntact :</source>
        <translation>&amp;Contact:</translation>
    </message>
    <message>
        <source>Ne pas publier « {who} » dans le répertoire</source>
        <translation>Do not publish “{who}” in the directory</translation>
    </message>
    <message>
        <source>Publier « {who} » dans le répertoire</source>
        <translation>Publish “{who}” in the directory</translation>
    </message>
    <message>
        <source>Participant « {who} » retiré du répertoire — Ctrl+Z pour annuler</source>
        <translation>Participant “{who}” taken out of the directory — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Participant « {who} » publié de nouveau dans le répertoire — Ctrl+Z pour annuler</source>
        <translation>Participant “{who}” published in the directory again — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Participant « {who} » retiré du répertoire, ici et dans {n} autre atelier du fichier — Ctrl+Z pour annuler</source>
        <translation>Participant “{who}” taken out of the directory, here and in {n} other workshop of the file — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Participant « {who} » retiré du répertoire, ici et dans {n} autres ateliers du fichier — Ctrl+Z pour annuler</source>
        <translation>Participant “{who}” taken out of the directory, here and in {n} other workshops of the file — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Participant « {who} » publié de nouveau dans le répertoire, ici et dans {n} autre atelier du fichier — Ctrl+Z pour annuler</source>
        <translation>Participant “{who}” published in the directory again, here and in {n} other workshop of the file — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Participant « {who} » publié de nouveau dans le répertoire, ici et dans {n} autres ateliers du fichier — Ctrl+Z pour annuler</source>
        <translation>Participant “{who}” published in the directory again, here and in {n} other workshops of the file — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>&amp;Structure :</source>
        <translation>Or&amp;ganisation:</translation>
    </message>
    <message>
        <source>Le titre de l'atelier ne peut pas être vide : il est remis.</source>
        <translation>The workshop title cannot be empty: it is put back.</translation>
    </message>
    <message>
        <source>&amp;Territoire :</source>
        <translation>&amp;Territory:</translation>
    </message>
    <message>
        <source>Ne pas pu&amp;blier dans le répertoire</source>
        <translation>Do not pu&amp;blish in the directory</translation>
    </message>
    <message>
        <source>À sa demande : absent du répertoire de tous les ateliers, de ses exports et des rapprochements avec les autres ateliers ; le compte rendu de son atelier le garde.</source>
        <translation>At their request: left out of the directory of all workshops, of its exports and of the matching with other workshops; their own workshop's minutes keep them.</translation>
    </message>
    <message>
        <source>Aucun participant sélectionné</source>
        <translation>No participant selected</translation>
    </message>
    <message>
        <source>Participant sans nom</source>
        <translation>Unnamed participant</translation>
    </message>
    <message>
        <source>Saisi : « {text} »</source>
        <translation>Typed: “{text}”</translation>
    </message>
    <message>
        <source>Le rapprochement a échoué : {error}</source>
        <translation>Matching failed: {error}</translation>
    </message>
    <message>
        <source>Confirmer la suggestion choisie (Ctrl+Maj+C)</source>
        <translation>Confirm the chosen suggestion (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Écarter la suggestion : elle ne reviendra plus (Ctrl+Maj+X)</source>
        <translation>Reject the suggestion: it will not come back (Ctrl+Shift+X)</translation>
    </message>
    <message>
        <source>Confirmer</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source> (ont pour défi)</source>
        <translation> (have the challenge)</translation>
    </message>
    <message>
        <source> (a pour défi)</source>
        <translation> (has the challenge)</translation>
    </message>
    <message>
        <source> (excusé·e à l'atelier du {date})</source>
        <translation> (excused from the workshop of {date})</translation>
    </message>
    <message>
        <source> (absent·e à l'atelier du {date})</source>
        <translation> (absent from the workshop of {date})</translation>
    </message>
    <message>
        <source> (atelier du {date})</source>
        <translation> (workshop of {date})</translation>
    </message>
    <message>
        <source> (excusé·e à l'atelier « {title} »)</source>
        <translation> (excused from the workshop “{title}”)</translation>
    </message>
    <message>
        <source> (absent·e à l'atelier « {title} »)</source>
        <translation> (absent from the workshop “{title}”)</translation>
    </message>
    <message>
        <source> (atelier « {title} »)</source>
        <translation> (workshop “{title}”)</translation>
    </message>
    <message>
        <source>Écarter</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>À la main…</source>
        <translation>By hand…</translation>
    </message>
    <message>
        <source>Mettre le besoin choisi en relation avec une ressource de votre choix (Ctrl+Maj+K)</source>
        <translation>Match the chosen need with a resource of your choice (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Qui peut aider ? ({n} besoins)</source>
        <translation>Who can help? ({n} needs)</translation>
    </message>
    <message>
        <source>Qui peut aider ? ({n} besoin)</source>
        <translation>Who can help? ({n} need)</translation>
    </message>
    <message>
        <source>(fichier en lecture seule : les suggestions n'y sont pas enregistrées)</source>
        <translation>(read-only file: suggestions are not saved in it)</translation>
    </message>
    <message>
        <source>(aucune ressource proche pour l'instant)</source>
        <translation>(no close resource yet)</translation>
    </message>
    <message>
        <source>Même personne que celle qui cherche : cette mise en relation n'est ni projetée ni exportée ; écartez-la (Ctrl+Maj+X) pour la retirer</source>
        <translation>The same person as the one who needs it: this match is neither projected nor exported; reject it (Ctrl+Shift+X) to remove it</translation>
    </message>
    <message>
        <source> (et {n} d'une personne avec elle-même, à écarter)</source>
        <translation> (and {n} of a person with themself, to reject)</translation>
    </message>
    <message>
        <source>atelier du {date}</source>
        <translation>workshop of {date}</translation>
    </message>
    <message>
        <source>atelier « {title} »</source>
        <translation>workshop “{title}”</translation>
    </message>
    <message>
        <source>Qui peut aider ? (aucun besoin)</source>
        <translation>Who can help? (no need)</translation>
    </message>
    <message>
        <source>Texte modifié depuis la décision : confirmez-la (Ctrl+Maj+C) ou écartez-la (Ctrl+Maj+X)</source>
        <translation>Text changed since the decision: confirm it (Ctrl+Shift+C) or reject it (Ctrl+Shift+X)</translation>
    </message>
    <message>
        <source>Mise en relation classée sans suite (Suivi, Alt+2)</source>
        <translation>Match dropped (Follow-up, Alt+2)</translation>
    </message>
    <message>
        <source>Mises en relation décidées dans l'atelier : {n}</source>
        <translation>Decided matches in the workshop: {n}</translation>
    </message>
    <message>
        <source> (dont {n} classées sans suite)</source>
        <translation> ({n} of them dropped)</translation>
    </message>
    <message>
        <source> (dont {n} classée sans suite)</source>
        <translation> ({n} of them dropped)</translation>
    </message>
    <message>
        <source> ; {n} à revoir (texte modifié depuis la décision)</source>
        <translation>; {n} to review (text changed since the decision)</translation>
    </message>
    <message>
        <source>l'atelier du {date}</source>
        <translation>the workshop of {date}</translation>
    </message>
    <message>
        <source>l'atelier « {title} »</source>
        <translation>the workshop “{title}”</translation>
    </message>
    <message>
        <source>Confirmée à {where}, classée sans suite depuis</source>
        <translation>Confirmed at {where}, dropped since</translation>
    </message>
    <message>
        <source>Confirmée à {where} : elle y est décidée et suivie</source>
        <translation>Confirmed at {where}: decided and followed up there</translation>
    </message>
    <message>
        <source>Mise en relation confirmée : {asker} ← {helper} — Ctrl+Z pour annuler</source>
        <translation>Match confirmed: {asker} ← {helper} — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Suggestion écartée : {asker} ← {helper} — Ctrl+Z pour annuler</source>
        <translation>Suggestion rejected: {asker} ← {helper} — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Ce besoin n'a pas encore de suggestion : Ctrl+Maj+K le met en relation à la main.</source>
        <translation>This need has no suggestion yet: Ctrl+Shift+K matches it by hand.</translation>
    </message>
    <message>
        <source>Aucune suggestion choisie : descendez sur l'une d'elles (↓), puis Ctrl+Maj+C pour la confirmer.</source>
        <translation>No suggestion chosen: move down to one of them (↓), then Ctrl+Shift+C to confirm it.</translation>
    </message>
    <message>
        <source>Aucune suggestion choisie : descendez sur l'une d'elles (↓), puis Ctrl+Maj+X pour l'écarter.</source>
        <translation>No suggestion chosen: move down to one of them (↓), then Ctrl+Shift+X to reject it.</translation>
    </message>
    <message>
        <source>{who} a demandé à ne pas figurer dans le répertoire (⊘ hors répertoire), et {other} est d'un autre atelier ({where}).</source>
        <translation>{who} asked not to be in the directory (⊘ not in the directory), and {other} is of another workshop ({where}).</translation>
    </message>
    <message>
        <source>Confirmée, la mise en relation est suivie ici ; les fiches, le suivi et les documents de l'{where} ne nomment pas la personne : « une personne non nommée à sa demande », et c'est à vous de faire le lien. Si elle accepte d'être nommée, décochez « Ne pas publier dans le répertoire » sur sa fiche.</source>
        <translation>Confirmed, the match is followed up here; the pages, follow-up and documents of the {where} do not name the person: “someone not named at their request”, and you make the link. If they agree to be named, untick “Do not publish in the directory” on their card.</translation>
    </message>
    <message>
        <source>&amp;Confirmer sans la nommer</source>
        <translation>&amp;Confirm without naming them</translation>
    </message>
    <message>
        <source>Mise en relation confirmée : les documents de l'{where} ne nomment pas {who}, à sa demande — Ctrl+Z pour annuler</source>
        <translation>Match confirmed: the documents of the {where} do not name {who}, at their request — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Quelle ressource répond au besoin « {need} » ?</source>
        <translation>Which resource answers the need “{need}”?</translation>
    </message>
    <message>
        <source>Choisissez une ressource (flèches ou premières lettres)</source>
        <translation>Choose a resource (arrows or first letters)</translation>
    </message>
    <message>
        <source> (a déjà fait)</source>
        <translation> (has already done)</translation>
    </message>
    <message>
        <source> (ont déjà fait)</source>
        <translation> (have already done)</translation>
    </message>
    <message>
        <source> (même défi)</source>
        <translation> (same challenge)</translation>
    </message>
    <message>
        <source>Sigle</source>
        <translation>Acronym</translation>
    </message>
    <message>
        <source>Mots proches</source>
        <translation>Near-synonyms</translation>
    </message>
    <message>
        <source>Glossaire de l'atelier</source>
        <translation>Workshop glossary</translation>
    </message>
    <message>
        <source>Ajoutez les sigles et les mots proches propres à cet atelier : le rapprochement s'en sert aussitôt. Ils sont enregistrés dans le fichier de l'atelier ; le glossaire fourni avec Atelier ({acronyms} sigles, {families} familles de mots) reste inchangé.</source>
        <translation>Add this workshop's own acronyms and near-synonyms: matching uses them at once. They are saved in the workshop file; the glossary shipped with Atelier ({acronyms} acronyms, {families} word families) is left unchanged.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Terme</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Développé ou mots proches</source>
        <translation>Expansion or near-synonyms</translation>
    </message>
    <message>
        <source>ex. CLEE, ou insertion</source>
        <translation>e.g. CLEE, or insertion</translation>
    </message>
    <message>
        <source>sigle : son développé ; mots proches : séparés par des virgules (bénévoles, associations)</source>
        <translation>acronym: its expansion; near-synonyms: separated by commas (volunteers, associations)</translation>
    </message>
    <message>
        <source>&amp;Type :</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>T&amp;erme :</source>
        <translation>T&amp;erm:</translation>
    </message>
    <message>
        <source>&amp;Développé ou mots proches :</source>
        <translation>E&amp;xpansion or near-synonyms:</translation>
    </message>
    <message>
        <source>&amp;Ajouter</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>&amp;Supprimer la ligne</source>
        <translation>&amp;Remove the row</translation>
    </message>
    <message>
        <source>« {term} » ajouté au glossaire de l'atelier.</source>
        <translation>“{term}” added to the workshop glossary.</translation>
    </message>
    <message>
        <source>« {term} » retiré du glossaire de l'atelier.</source>
        <translation>“{term}” removed from the workshop glossary.</translation>
    </message>
    <message>
        <source>Exporter le compte rendu et les tableaux</source>
        <translation>Export the minutes and tables</translation>
    </message>
    <message>
        <source>Compte rendu &amp;Word (.docx)</source>
        <translation>&amp;Word minutes (.docx)</translation>
    </message>
    <message>
        <source>&amp;Fiches : une page par participant, à remettre ou envoyer (.docx)</source>
        <translation>&amp;Pages: one per participant, to hand out or send (.docx)</translation>
    </message>
    <message>
        <source>&amp;Anonymiser : les structures ou territoires à la place des noms</source>
        <translation>&amp;Anonymise: organisations or territories instead of names</translation>
    </message>
    <message>
        <source>&amp;Parcourir…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>modèle fourni avec Atelier</source>
        <translation>template shipped with Atelier</translation>
    </message>
    <message>
        <source>&amp;Modèle…</source>
        <translation>&amp;Template…</translation>
    </message>
    <message>
        <source>Modèle Word</source>
        <translation>Word template</translation>
    </message>
    <message>
        <source>&amp;Ouvrir le document</source>
        <translation>&amp;Open the document</translation>
    </message>
    <message>
        <source>Ouvrir le do&amp;ssier</source>
        <translation>Open the fo&amp;lder</translation>
    </message>
    <message>
        <source>Dossier d'export</source>
        <translation>Export folder</translation>
    </message>
    <message>
        <source>Documents Word (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>Cochez au moins un format.</source>
        <translation>Tick at least one format.</translation>
    </message>
    <message>
        <source>Chaque fiche est nominative : décochez « Anonymiser » ou les fiches.</source>
        <translation>Each page names its participant: untick “Anonymise” or the pages.</translation>
    </message>
    <message>
        <source>Export en cours…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Rapprochement des besoins et des ressources…</source>
        <translation>Matching needs and resources…</translation>
    </message>
    <message>
        <source>Rédaction de la synthèse…</source>
        <translation>Drafting the synthesis…</translation>
    </message>
    <message>
        <source>Écriture de la grille en annexe…</source>
        <translation>Writing the grid in the appendix…</translation>
    </message>
    <message>
        <source>Enregistrement des fichiers…</source>
        <translation>Saving the files…</translation>
    </message>
    <message>
        <source>Tableaux E&amp;xcel (.xlsx)</source>
        <translation>E&amp;xcel tables (.xlsx)</translation>
    </message>
    <message>
        <source>Formats :</source>
        <translation>Formats:</translation>
    </message>
    <message>
        <source>&amp;Dossier :</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <source>&amp;Nom des fichiers :</source>
        <translation>File &amp;name:</translation>
    </message>
    <message>
        <source>Modèle Word :</source>
        <translation>Word template:</translation>
    </message>
    <message>
        <source>&amp;Exporter</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>{name} - fiches.docx</source>
        <translation>{name} - participant pages.docx</translation>
    </message>
    <message>
        <source>Rien n'a été écrit.</source>
        <translation>Nothing was written.</translation>
    </message>
    <message>
        <source>« {name} » existe déjà dans ce dossier. Le remplacer ?</source>
        <translation>“{name}” already exists in this folder. Replace it?</translation>
    </message>
    <message>
        <source>« {name} »</source>
        <translation>“{name}”</translation>
    </message>
    <message>
        <source>Ces fichiers existent déjà dans ce dossier :
{names}
Les remplacer ?</source>
        <translation>These files already exist in this folder:
{names}
Replace them?</translation>
    </message>
    <message>
        <source>Remplacer ?</source>
        <translation>Replace?</translation>
    </message>
    <message>
        <source>Annulation de l'export…</source>
        <translation>Cancelling the export…</translation>
    </message>
    <message>
        <source>Exporté : {files}</source>
        <translation>Exported: {files}</translation>
    </message>
    <message>
        <source>Export annulé ; écrit avant l'annulation : {files}</source>
        <translation>Export cancelled; written before the cancellation: {files}</translation>
    </message>
    <message>
        <source>Export annulé : rien n'a été écrit.</source>
        <translation>Export cancelled: nothing was written.</translation>
    </message>
    <message>
        <source>L'export a échoué : {error}</source>
        <translation>The export failed: {error}</translation>
    </message>
    <message>
        <source>Écrit avant l'erreur : {files}</source>
        <translation>Written before the error: {files}</translation>
    </message>
    <message>
        <source>Synthèse du compte rendu</source>
        <translation>Synthesis for the minutes</translation>
    </message>
    <message>
        <source>Les sections du compte rendu, dans l'ordre. Atelier en propose un premier jet à partir de la grille ; réécrivez-les. Une ligne commençant par « - » devient une puce. Tout est enregistré au fil de la frappe.</source>
        <translation>The sections of the minutes, in order. Atelier drafts them from the grid; rewrite them. A line starting with “- ” becomes a bullet. Everything is saved as you type.</translation>
    </message>
    <message>
        <source>&amp;Nouvelle section</source>
        <translation>&amp;New section</translation>
    </message>
    <message>
        <source>Monter</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Descendre</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Ajouter le premier jet d'Atelier</source>
        <translation>Add Atelier's first draft</translation>
    </message>
    <message>
        <source>Titre de la section</source>
        <translation>Section heading</translation>
    </message>
    <message>
        <source>Texte de la section</source>
        <translation>Section text</translation>
    </message>
    <message>
        <source>⚠ Cette section a été modifiée à la main avant les derniers changements de la grille : relisez ses chiffres.</source>
        <translation>⚠ This section was edited by hand before the latest changes to the grid: check its figures.</translation>
    </message>
    <message>
        <source>&amp;Reprendre le texte d'Atelier</source>
        <translation>&amp;Take Atelier's text again</translation>
    </message>
    <message>
        <source>Remplace le texte de cette section par le premier jet d'Atelier, tiré de la grille actuelle.</source>
        <translation>Replaces this section's text with Atelier's first draft, drawn from the grid as it is now.</translation>
    </message>
    <message>
        <source>&amp;Chiffres relus</source>
        <translation>Figures &amp;checked</translation>
    </message>
    <message>
        <source>Garde votre texte tel quel et retire cet avertissement.</source>
        <translation>Keeps your text as it is and removes this warning.</translation>
    </message>
    <message>
        <source>(sans titre)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>Les chiffres de la grille n'ont pas pu être calculés : {error}</source>
        <translation>The grid's figures could not be computed: {error}</translation>
    </message>
    <message>
        <source>Calcul des chiffres de la grille…</source>
        <translation>Computing the grid's figures…</translation>
    </message>
    <message>
        <source>Ce texte n'est pas enregistré. {why}</source>
        <translation>This text is not saved. {why}</translation>
    </message>
    <message>
        <source>Enregistré</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Nouvelle section</source>
        <translation>New section</translation>
    </message>
    <message>
        <source>Ajouter une section</source>
        <translation>Add a section</translation>
    </message>
    <message>
        <source>Le premier jet d'Atelier est déjà là : chacune de ses sections est dans la liste. « Reprendre le texte d'Atelier » refait celui d'une section d'après la grille actuelle.</source>
        <translation>Atelier's first draft is already there: each of its sections is in the list. “Take Atelier's text again” redoes one section's text from the grid as it is now.</translation>
    </message>
    <message>
        <source>1 section du premier jet ajoutée : {names} (les autres étaient déjà là)</source>
        <translation>1 section of the first draft added: {names} (the others were already there)</translation>
    </message>
    <message>
        <source>{n} sections du premier jet ajoutées : {names} (les autres étaient déjà là)</source>
        <translation>{n} sections of the first draft added: {names} (the others were already there)</translation>
    </message>
    <message>
        <source>La grille ne donne plus rien pour cette section : supprimez-la.</source>
        <translation>The grid no longer gives anything for this section: delete it.</translation>
    </message>
    <message>
        <source>Reprendre le texte d'Atelier pour « {heading} »</source>
        <translation>Take Atelier's text again for “{heading}”</translation>
    </message>
    <message>
        <source>Texte d'Atelier repris, tiré de la grille actuelle</source>
        <translation>Atelier's text taken again, drawn from the grid as it is now</translation>
    </message>
    <message>
        <source>Chiffres relus pour « {heading} »</source>
        <translation>Figures checked for “{heading}”</translation>
    </message>
    <message>
        <source>Chiffres relus : votre texte est gardé tel quel</source>
        <translation>Figures checked: your text is kept as it is</translation>
    </message>
    <message>
        <source>Supprimer la section « {heading} » et son texte ?</source>
        <translation>Delete the section “{heading}” and its text?</translation>
    </message>
    <message>
        <source>Section « {heading} » supprimée</source>
        <translation>Section “{heading}” deleted</translation>
    </message>
    <message>
        <source>Atelier — projecteur</source>
        <translation>Atelier — projector</translation>
    </message>
    <message>
        <source>page {page}/{pages}</source>
        <translation>page {page}/{pages}</translation>
    </message>
    <message>
        <source>Qui peut aider qui ?</source>
        <translation>Who can help whom?</translation>
    </message>
    <message>
        <source>SUGGESTION — à confirmer</source>
        <translation>SUGGESTION — to be confirmed</translation>
    </message>
    <message>
        <source>{who} cherche :</source>
        <translation>{who} is looking for:</translation>
    </message>
    <message>
        <source>{n} mises en relation classées sans suite</source>
        <translation>{n} matches dropped</translation>
    </message>
    <message>
        <source>{n} mise en relation classée sans suite</source>
        <translation>{n} match dropped</translation>
    </message>
    <message>
        <source>{who} cherchent :</source>
        <translation>{who} are looking for:</translation>
    </message>
    <message>
        <source>← {who} peuvent aider :</source>
        <translation>← {who} can help:</translation>
    </message>
    <message>
        <source>← {who} ont pour objectif :</source>
        <translation>← {who} have the aim:</translation>
    </message>
    <message>
        <source>← {who} ont le même défi :</source>
        <translation>← {who} have the same challenge:</translation>
    </message>
    <message>
        <source>← {who} ont pour défi :</source>
        <translation>← {who} have the challenge:</translation>
    </message>
    <message>
        <source>← {who} peut aider :</source>
        <translation>← {who} can help:</translation>
    </message>
    <message>
        <source>← {who} a pour objectif :</source>
        <translation>← {who} has the aim:</translation>
    </message>
    <message>
        <source>← {who} a le même défi :</source>
        <translation>← {who} has the same challenge:</translation>
    </message>
    <message>
        <source>← {who} a pour défi :</source>
        <translation>← {who} has the challenge:</translation>
    </message>
    <message>
        <source>Pas encore de participant : chacun s'affichera ici dès qu'il sera saisi.</source>
        <translation>No participant yet: each one will show here once typed in.</translation>
    </message>
    <message>
        <source>Choisissez un participant dans la grille</source>
        <translation>Choose a participant in the grid</translation>
    </message>
    <message>
        <source>Excusé·e à cet atelier : pas de page à projeter.</source>
        <translation>Excused from this workshop: no page to show.</translation>
    </message>
    <message>
        <source>Absent·e à cet atelier : pas de page à projeter.</source>
        <translation>Absent from this workshop: no page to show.</translation>
    </message>
    <message>
        <source>Cherche</source>
        <translation>Looking for</translation>
    </message>
    <message>
        <source>Cherchent</source>
        <translation>Looking for</translation>
    </message>
    <message>
        <source>(aucun besoin noté)</source>
        <translation>(no need noted)</translation>
    </message>
    <message>
        <source>autre aide</source>
        <translation>more offer of help</translation>
    </message>
    <message>
        <source>autres aides</source>
        <translation>more offers of help</translation>
    </message>
    <message>
        <source>autre besoin</source>
        <translation>more need</translation>
    </message>
    <message>
        <source>autres besoins</source>
        <translation>more needs</translation>
    </message>
    <message>
        <source>Peuvent apporter</source>
        <translation>Can offer</translation>
    </message>
    <message>
        <source>autre ressource</source>
        <translation>other resource</translation>
    </message>
    <message>
        <source>autres ressources</source>
        <translation>other resources</translation>
    </message>
    <message>
        <source>Ont déjà fait</source>
        <translation>Have already done</translation>
    </message>
    <message>
        <source>A déjà fait</source>
        <translation>Has already done</translation>
    </message>
    <message>
        <source>autre action</source>
        <translation>other action</translation>
    </message>
    <message>
        <source>autres actions</source>
        <translation>other actions</translation>
    </message>
    <message>
        <source>Ont pour objectif</source>
        <translation>Have the aim</translation>
    </message>
    <message>
        <source>A pour objectif</source>
        <translation>Has the aim</translation>
    </message>
    <message>
        <source>autre objectif</source>
        <translation>other aim</translation>
    </message>
    <message>
        <source>autres objectifs</source>
        <translation>other aims</translation>
    </message>
    <message>
        <source>À REVOIR — texte modifié depuis la décision</source>
        <translation>TO REVIEW — text changed since the decision</translation>
    </message>
    <message>
        <source>Aide</source>
        <translation>Helps</translation>
    </message>
    <message>
        <source>Aident</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Aucune mise en relation en cours.</source>
        <translation>No match standing.</translation>
    </message>
    <message>
        <source>autre personne</source>
        <translation>other person</translation>
    </message>
    <message>
        <source>autres personnes</source>
        <translation>other people</translation>
    </message>
    <message>
        <source>Territoires ou structures</source>
        <translation>Territories or organisations</translation>
    </message>
    <message>
        <source>+ {n} autre</source>
        <translation>+ {n} more</translation>
    </message>
    <message>
        <source>la flèche va de qui peut aider vers qui en a besoin</source>
        <translation>the arrow goes from who can help to who needs it</translation>
    </message>
    <message>
        <source>{n} participants : trop pour les nommer. Chaque point est un territoire ou une structure (nombre de participants) ; plus un trait est large, plus il y a de mises en relation. Ctrl+2 : un participant à la fois.</source>
        <translation>{n} participants: too many to name. Each dot is a territory or a structure (number of participants); the wider a line, the more matches. Ctrl+2: one participant at a time.</translation>
    </message>
    <message>
        <source> des personnes ci-dessus</source>
        <translation> of the people above</translation>
    </message>
    <message>
        <source>cherche : {text}</source>
        <translation>looks for: {text}</translation>
    </message>
    <message>
        <source>← {who}, ont pour objectif : {text}</source>
        <translation>← {who}, have the aim: {text}</translation>
    </message>
    <message>
        <source>← {who}, a pour objectif : {text}</source>
        <translation>← {who}, has the aim: {text}</translation>
    </message>
    <message>
        <source>← {who}, ont déjà fait : {text}</source>
        <translation>← {who}, have already done: {text}</translation>
    </message>
    <message>
        <source>← {who}, a déjà fait : {text}</source>
        <translation>← {who}, has already done: {text}</translation>
    </message>
    <message>
        <source>← {who}, ont le même défi : {text}</source>
        <translation>← {who}, have the same challenge: {text}</translation>
    </message>
    <message>
        <source>← {who}, a le même défi : {text}</source>
        <translation>← {who}, has the same challenge: {text}</translation>
    </message>
    <message>
        <source>← {who}, ont pour défi : {text}</source>
        <translation>← {who}, have the challenge: {text}</translation>
    </message>
    <message>
        <source>← {who}, a pour défi : {text}</source>
        <translation>← {who}, has the challenge: {text}</translation>
    </message>
    <message>
        <source>← {who} : {text}</source>
        <translation>← {who}: {text}</translation>
    </message>
    <message>
        <source> (suggestion)</source>
        <translation> (suggestion)</translation>
    </message>
    <message>
        <source> (à revoir)</source>
        <translation> (to review)</translation>
    </message>
    <message>
        <source>Peut apporter</source>
        <translation>Can offer</translation>
    </message>
    <message>
        <source>Aucune mise en relation en cours : elles s'afficheront ici dès qu'elles seront décidées.</source>
        <translation>No match standing: they will show here as soon as they are decided.</translation>
    </message>
    <message>
        <source>Pas encore de mise en relation : elles s'afficheront ici dès qu'elles seront décidées.</source>
        <translation>No match yet: they will show here as soon as they are decided.</translation>
    </message>
    <message>
        <source>← {who} ont déjà fait :</source>
        <translation>← {who} have already done:</translation>
    </message>
    <message>
        <source>← {who} a déjà fait :</source>
        <translation>← {who} has already done:</translation>
    </message>
    <message>
        <source>(rien de noté)</source>
        <translation>(nothing noted)</translation>
    </message>
    <message>
        <source>Le réseau : qui peut aider qui</source>
        <translation>The network: who can help whom</translation>
    </message>
    <message>
        <source>Calcul du réseau…</source>
        <translation>Laying out the network…</translation>
    </message>
    <message>
        <source>Le réseau n'a pas pu être dessiné. Les mises en relation sont dans la vue « Mises en relation » (Ctrl+1).</source>
        <translation>The network could not be drawn. The matches are in the “Matches” view (Ctrl+1).</translation>
    </message>
    <message>
        <source>Pas encore de mise en relation.</source>
        <translation>No match yet.</translation>
    </message>
    <message>
        <source>Territoires</source>
        <translation>Territories</translation>
    </message>
    <message>
        <source>à revoir : texte modifié depuis la décision</source>
        <translation>to review: text changed since the decision</translation>
    </message>
    <message>
        <source>suggestion à confirmer</source>
        <translation>suggestion to confirm</translation>
    </message>
    <message>
        <source>{n} participants : trop pour les nommer. Chaque point est un territoire (nombre de participants) ; plus un trait est large, plus il y a de mises en relation. Ctrl+2 : un participant à la fois.</source>
        <translation>{n} participants: too many to name. Each dot is a territory (number of participants); the wider a line, the more matches. Ctrl+2: one participant at a time.</translation>
    </message>
    <message>
        <source>territoire non précisé</source>
        <translation>territory not given</translation>
    </message>
    <message>
        <source>+ {n} autres</source>
        <translation>+ {n} more</translation>
    </message>
    <message>
        <source>Rien n'a été collé : le presse-papiers ne contient pas de texte.</source>
        <translation>Nothing was pasted: the clipboard holds no text.</translation>
    </message>
    <message>
        <source>Collé dans la cellule « {column} » — Ctrl+Z pour annuler</source>
        <translation>Pasted into the cell “{column}” — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Rien n'a été collé : la cellule contient déjà ce texte.</source>
        <translation>Nothing was pasted: the cell already holds this text.</translation>
    </message>
    <message>
        <source>{participants} collé : {items}</source>
        <translation>{participants} pasted: {items}</translation>
    </message>
    <message>
        <source>{participants} collés : {items}</source>
        <translation>{participants} pasted: {items}</translation>
    </message>
    <message>
        <source>{participants} collé</source>
        <translation>{participants} pasted</translation>
    </message>
    <message>
        <source>{participants} collés</source>
        <translation>{participants} pasted</translation>
    </message>
    <message>
        <source>{line} du texte collé</source>
        <translation>{line} of the pasted text</translation>
    </message>
    <message>
        <source> ; à vérifier : {warning}</source>
        <translation>; to check: {warning}</translation>
    </message>
    <message>
        <source> ; et {n} autre</source>
        <translation>; and {n} more</translation>
    </message>
    <message>
        <source> ; et {n} autres</source>
        <translation>; and {n} more</translation>
    </message>
    <message>
        <source> ; {n} points à vérifier : {warnings}</source>
        <translation>; {n} points to check: {warnings}</translation>
    </message>
    <message>
        <source> — Ctrl+Z pour annuler</source>
        <translation> — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Rien n'a été collé : ce texte est un tableau (cellules séparées par des tabulations) qui n'a ni les 5 colonnes de la grille, dans son ordre, ni leurs titres. Copiez les 5 colonnes, de Participant à Ressources, ou la ligne de leurs titres avec les lignes ; une grille entière s'importe dans un nouveau fichier : Fichier › Importer une grille (Ctrl+I).</source>
        <translation>Nothing was pasted: this text is a table (cells separated by tabs) that has neither the grid's 5 columns, in its order, nor their titles. Copy the 5 columns, from Participant to Resources, or their title row with the rows; a whole grid is imported into a new file: File › Import a grid (Ctrl+I).</translation>
    </message>
    <message>
        <source>Aucun participant ne contient « {text} ».
Échap : effacer la recherche</source>
        <translation>No participant contains “{text}”.
Esc: clear the search</translation>
    </message>
    <message>
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
        <source>Ce fichier n'a encore été fusionné avec aucun autre.</source>
        <translation>This file has not been merged with another yet.</translation>
    </message>
    <message>
        <source>Fusion du {when} : « {first} » et « {second} »</source>
        <translation>Merge of {when}: “{first}” and “{second}”</translation>
    </message>
    <message>
        <source>Rien de nouveau dans « {name} »</source>
        <translation>Nothing new in “{name}”</translation>
    </message>
    <message>
        <source>entrée ajoutée</source>
        <translation>entry added</translation>
    </message>
    <message>
        <source>entrées ajoutées</source>
        <translation>entries added</translation>
    </message>
    <message>
        <source>conflit</source>
        <translation>conflict</translation>
    </message>
    <message>
        <source>conflits</source>
        <translation>conflicts</translation>
    </message>
    <message>
        <source>champ mis à jour</source>
        <translation>field updated</translation>
    </message>
    <message>
        <source>champs mis à jour</source>
        <translation>fields updated</translation>
    </message>
    <message>
        <source>{n} lignes effacées : les entrées dont elles parlaient ont été supprimées depuis.</source>
        <translation>{n} lines erased: the entries they were about have been deleted since.</translation>
    </message>
    <message>
        <source>{n} ligne effacée : l'entrée dont elle parlait a été supprimée depuis.</source>
        <translation>{n} line erased: the entry it was about has been deleted since.</translation>
    </message>
    <message>
        <source>Historique des fusions</source>
        <translation>Merge history</translation>
    </message>
    <message>
        <source>Chaque valeur écartée par une fusion est gardée dans le fichier, sauf celles d'une entrée supprimée depuis. Les voici, fusion par fusion.</source>
        <translation>Every value a merge set aside is kept in the file, except those of an entry deleted since. Here they are, merge by merge.</translation>
    </message>
    <message>
        <source>Mises en relation</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>Projecteur sur un participant</source>
        <translation>Spotlight on a participant</translation>
    </message>
    <message>
        <source>Réseau</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Le projecteur est éteint : F5 pour projeter.</source>
        <translation>The projector is off: F5 to project.</translation>
    </message>
    <message>
        <source>Projecteur éteint — F5 : projeter</source>
        <translation>Projector off — F5: project</translation>
    </message>
    <message>
        <source>, page {page}/{pages}</source>
        <translation>, page {page}/{pages}</translation>
    </message>
    <message>
        <source> — noms masqués</source>
        <translation> — names hidden</translation>
    </message>
    <message>
        <source>● À L'ÉCRAN : {view}{page}{hidden}</source>
        <translation>● ON SCREEN: {view}{page}{hidden}</translation>
    </message>
    <message>
        <source>Ouvert sur « {title} », le dernier affiché</source>
        <translation>Opened on “{title}”, the one shown last</translation>
    </message>
    <message>
        <source>Ouvert sur « {title} », le plus récent avec des participants</source>
        <translation>Opened on “{title}”, the latest with participants</translation>
    </message>
    <message>
        <source>atelier dans le fichier</source>
        <translation>workshop in the file</translation>
    </message>
    <message>
        <source>ateliers dans le fichier</source>
        <translation>workshops in the file</translation>
    </message>
    <message>
        <source>Ctrl+Maj+A pour changer d'atelier.</source>
        <translation>Ctrl+Shift+A to change workshop.</translation>
    </message>
    <message>
        <source>Ouvert depuis le répertoire : {text}</source>
        <translation>Opened from the directory: {text}</translation>
    </message>
    <message>
        <source>à contacter</source>
        <translation>to contact</translation>
    </message>
    <message>
        <source>sans suite</source>
        <translation>dropped</translation>
    </message>
    <message>
        <source>contactée</source>
        <translation>contacted</translation>
    </message>
    <message>
        <source>{who} : déjà {step}, rien n'a changé (D pour changer sa date).</source>
        <translation>{who}: already {step}, nothing changed (D to change its day).</translation>
    </message>
    <message>
        <source>classée sans suite</source>
        <translation>dropped</translation>
    </message>
    <message>
        <source>décidée</source>
        <translation>decided</translation>
    </message>
    <message>
        <source>remise à contacter</source>
        <translation>back to contact</translation>
    </message>
    <message>
        <source>{step} (notée dans « {copy} »)</source>
        <translation>{step} (recorded in “{copy}”)</translation>
    </message>
    <message>
        <source>Qui cherche</source>
        <translation>Who needs</translation>
    </message>
    <message>
        <source>Qui peut aider</source>
        <translation>Who can help</translation>
    </message>
    <message>
        <source>Ce qui est proposé</source>
        <translation>What is offered</translation>
    </message>
    <message>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Note de suivi</source>
        <translation>Follow-up note</translation>
    </message>
    <message>
        <source>Étapes : {steps}</source>
        <translation>Steps: {steps}</translation>
    </message>
    <message>
        <source> (ont pour objectif)</source>
        <translation> (have the aim)</translation>
    </message>
    <message>
        <source> (a pour objectif)</source>
        <translation> (has the aim)</translation>
    </message>
    <message>
        <source>(excusé·e à l'atelier du {date})</source>
        <translation>(excused from the workshop of {date})</translation>
    </message>
    <message>
        <source>(absent·e à l'atelier du {date})</source>
        <translation>(absent from the workshop of {date})</translation>
    </message>
    <message>
        <source>(atelier du {date})</source>
        <translation>(workshop of {date})</translation>
    </message>
    <message>
        <source>(excusé·e à l'atelier « {title} »)</source>
        <translation>(excused from the workshop “{title}”)</translation>
    </message>
    <message>
        <source>(absent·e à l'atelier « {title} »)</source>
        <translation>(absent from the workshop “{title}”)</translation>
    </message>
    <message>
        <source>(atelier « {title} »)</source>
        <translation>(workshop “{title}”)</translation>
    </message>
    <message>
        <source>Étape redatée : « {was} » devient « {now} » — Ctrl+Z pour annuler</source>
        <translation>Step dated again: “{was}” is now “{now}” — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>23/11/2026 ou 23 novembre</source>
        <translation>23 November 2026 or 23 Nov</translation>
    </message>
    <message>
        <source>Aucune mise en relation décidée pour l'instant : elles viennent ici une fois confirmées.
Dans la grille (Alt+1) : Ctrl+M pour aller aux suggestions d'un participant, Ctrl+Maj+C pour en confirmer une, Ctrl+Maj+K pour mettre en relation à la main.</source>
        <translation>No decided match yet: they come here once confirmed.
In the grid (Alt+1): Ctrl+M to go to a participant's suggestions, Ctrl+Shift+C to confirm one, Ctrl+Shift+K to match by hand.</translation>
    </message>
    <message>
        <source>Tous les états</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>État :</source>
        <translation>State:</translation>
    </message>
    <message>
        <source>Nom ou structure (Ctrl+F)…</source>
        <translation>Name or organisation (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Une structure se trouve par son sigle ou en toutes lettres (PLIE, Plan local pour l'insertion et l'emploi). ↓ ou Entrée : aller à la liste.</source>
        <translation>An organisation is found by its acronym or spelled out (PLIE, Plan local pour l'insertion et l'emploi). ↓ or Enter: go to the list.</translation>
    </message>
    <message>
        <source>Participant :</source>
        <translation>Participant:</translation>
    </message>
    <message>
        <source>{one} et {other}</source>
        <translation>{one} and {other}</translation>
    </message>
    <message>
        <source>⚠ {n} mise en relation confirmée met une personne en relation avec elle-même ({pairs}) : elle n'est ni suivie ici, ni projetée, ni exportée ; écartez-la dans « Qui peut aider ? » de son atelier (Ctrl+M, puis Ctrl+Maj+X).</source>
        <translation>⚠ {n} confirmed match puts a person in touch with themself ({pairs}): it is not followed up here, nor projected or exported; reject it in “Who can help?” of its workshop (Ctrl+M, then Ctrl+Shift+X).</translation>
    </message>
    <message>
        <source>⚠ {n} mises en relation confirmées mettent une personne en relation avec elle-même ({pairs}) : elles ne sont ni suivies ici, ni projetées, ni exportées ; écartez-les dans « Qui peut aider ? » de leur atelier (Ctrl+M, puis Ctrl+Maj+X).</source>
        <translation>⚠ {n} confirmed matches put a person in touch with themself ({pairs}): they are not followed up here, nor projected or exported; reject them in “Who can help?” of their workshop (Ctrl+M, then Ctrl+Shift+X).</translation>
    </message>
    <message>
        <source>Retirer une étape du suivi</source>
        <translation>Take a step out of the follow-up</translation>
    </message>
    <message>
        <source>Il ne reste que la décision dans ce suivi : ce n'est pas une étape à retirer. Pour revenir sur la décision elle-même, écartez la mise en relation dans la grille (Ctrl+Maj+X).</source>
        <translation>Only the decision is left in this follow-up: it is not a step to take out. To go back on the decision itself, set the match aside in the grid (Ctrl+Shift+X).</translation>
    </message>
    <message>
        <source>Retirer l'étape « {step} » du suivi {of_who} ?</source>
        <translation>Take the step “{step}” out of the follow-up of {who}?</translation>
    </message>
    <message>
        <source>La mise en relation en reviendra à « {previous} ». Édition › Annuler (Ctrl+Z) remet l'étape.</source>
        <translation>The match will be back at “{previous}”. Edit › Undo (Ctrl+Z) puts the step back.</translation>
    </message>
    <message>
        <source>La mise en relation en reviendra à « {previous} », sans la note « {note} » écrite avec cette étape. Édition › Annuler (Ctrl+Z) remet l'étape et sa note.</source>
        <translation>The match will be back at “{previous}”, without the note “{note}” written with this step. Edit › Undo (Ctrl+Z) puts the step and its note back.</translation>
    </message>
    <message>
        <source>Étape « {step} » retirée du suivi {of_who} — Ctrl+Z pour annuler</source>
        <translation>Step “{step}” taken out of the follow-up of {who} — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Étape « {step} » retirée du suivi {of_who}, avec sa note — Ctrl+Z pour annuler</source>
        <translation>Step “{step}” taken out of the follow-up of {who}, with its note — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>{need} ← {helper}</source>
        <translation>{need} ← {helper}</translation>
    </message>
    <message>
        <source>Dernière étape le</source>
        <translation>Last step on</translation>
    </message>
    <message>
        <source>Suivi « {step} »</source>
        <translation>Follow-up “{step}”</translation>
    </message>
    <message>
        <source>Suivi « {state} »</source>
        <translation>Follow-up “{state}”</translation>
    </message>
    <message>
        <source>Date de l'étape « {step} » du suivi</source>
        <translation>Date of the follow-up step “{step}”</translation>
    </message>
    <message>
        <source>Retirer l'étape « {step} » du suivi</source>
        <translation>Take out the follow-up step “{step}”</translation>
    </message>
    <message>
        <source>Texte modifié depuis la décision : dans « Qui peut aider ? » (Ctrl+M), confirmez-la (Ctrl+Maj+C) ou écartez-la (Ctrl+Maj+X)</source>
        <translation>Text changed since the decision: in “Who can help?” (Ctrl+M), confirm it (Ctrl+Shift+C) or set it aside (Ctrl+Shift+X)</translation>
    </message>
    <message>
        <source>⚠ texte modifié depuis la décision</source>
        <translation>⚠ text changed since the decision</translation>
    </message>
    <message>
        <source>Suivi des mises en relation décidées, dans tous les ateliers du fichier</source>
        <translation>Follow-up of decided matches, in every workshop of the file</translation>
    </message>
    <message>
        <source>&amp;Retirer l'étape</source>
        <translation>&amp;Take the step out</translation>
    </message>
    <message>
        <source>&amp;Garder</source>
        <translation>&amp;Keep</translation>
    </message>
    <message>
        <source>Date de « {state} » : tapez-la (23/11/2026, 23/11, 23 novembre ou hier), Entrée pour l'enregistrer, Échap pour annuler.</source>
        <translation>Date of “{state}”: type it (23 November 2026, 23 Nov or yesterday), Enter to record it, Esc to cancel.</translation>
    </message>
    <message>
        <source>Touches : A à contacter · C contactée · F faite · S sans suite (datées du jour ; Maj+lettre : à une autre date) · D : changer la date · Entrée : écrire une note · Suppr : retirer la dernière étape · Ctrl+Z : annuler</source>
        <translation>Keys: T to contact · C contacted · O done · X dropped (dated today; Shift+letter: on another day) · D: change the date · Enter: write a note · Del: take the latest step out · Ctrl+Z: undo</translation>
    </message>
    <message>
        <source>mise en relation suivie</source>
        <translation>match followed up</translation>
    </message>
    <message>
        <source>touche D sur cette ligne</source>
        <translation>key D on this row</translation>
    </message>
    <message>
        <source>Maj+{letter} sur cette ligne</source>
        <translation>Shift+{letter} on this row</translation>
    </message>
    <message>
        <source>« {new} » précéderait la décision, notée « {previous} » : si elle a été prise plus tôt, datez-la d'abord du {day} ou d'avant ({how}), puis recommencez.</source>
        <translation>“{new}” would come before the decision, recorded as “{previous}”: if it was taken earlier, date it first, on {day} or before ({how}), then try again.</translation>
    </message>
    <message>
        <source>« {new} » précéderait l'étape d'avant, « {previous} » : si cette étape a eu lieu plus tôt, datez-la d'abord du {day} ou d'avant ({how}), puis recommencez.</source>
        <translation>“{new}” would come before the previous step, “{previous}”: if that step happened earlier, date it first, on {day} or before ({how}), then try again.</translation>
    </message>
    <message>
        <source>faite</source>
        <translation>done</translation>
    </message>
    <message>
        <source>Étapes du suivi ({need} ← {helper}) : {steps}</source>
        <translation>Follow-up steps ({need} ← {helper}): {steps}</translation>
    </message>
    <message>
        <source>mises en relation suivies</source>
        <translation>matches followed up</translation>
    </message>
    <message>
        <source>{shown} sur {total}</source>
        <translation>{shown} of {total}</translation>
    </message>
    <message>
        <source>Atelier du fichier :</source>
        <translation>Workshop:</translation>
    </message>
    <message>
        <source>Les ateliers de ce fichier (Ctrl+Maj+A pour en changer)</source>
        <translation>The workshops of this file (Ctrl+Shift+A to change)</translation>
    </message>
    <message>
        <source>atelier dans ce fichier</source>
        <translation>workshop in this file</translation>
    </message>
    <message>
        <source>ateliers dans ce fichier</source>
        <translation>workshops in this file</translation>
    </message>
    <message>
        <source>Ajouter l'atelier « {title} »</source>
        <translation>Add the workshop “{title}”</translation>
    </message>
    <message>
        <source>Supprimer l'atelier « {title} »</source>
        <translation>Delete the workshop “{title}”</translation>
    </message>
    <message>
        <source>élément</source>
        <translation>item</translation>
    </message>
    <message>
        <source>éléments</source>
        <translation>items</translation>
    </message>
    <message>
        <source>Importer une grille comme nouvel atelier de ce fichier</source>
        <translation>Import a grid as a new workshop of this file</translation>
    </message>
    <message>
        <source>du {date}</source>
        <translation>of {date}</translation>
    </message>
    <message>
        <source>(sans date)</source>
        <translation>(undated)</translation>
    </message>
    <message>
        <source>Importer « {name} » comme nouvel atelier</source>
        <translation>Import “{name}” as a new workshop</translation>
    </message>
    <message>
        <source>Ce fichier contient déjà l'atelier « {title} » {when} : la grille n'a pas été ajoutée une deuxième fois. Pour mettre cet atelier à jour avec elle : Fichier › Réimporter la grille dans cet atelier… ; pour l'ajouter comme un autre atelier, donnez-lui un autre titre ou une autre date dans la fenêtre d'import.</source>
        <translation>This file already holds the workshop “{title}” {when}: the grid was not added a second time. To update that workshop with it: File › Re-import the grid into this workshop…; to add it as another workshop, give it another title or date in the import window.</translation>
    </message>
    <message>
        <source>(dont {away})</source>
        <translation>({away})</translation>
    </message>
    <message>
        <source>excusé ou absent</source>
        <translation>excused or absent</translation>
    </message>
    <message>
        <source>excusés ou absents</source>
        <translation>excused or absent</translation>
    </message>
    <message>
        <source>mise en relation décidée</source>
        <translation>decided match</translation>
    </message>
    <message>
        <source>mises en relation décidées</source>
        <translation>decided matches</translation>
    </message>
    <message>
        <source>mise en relation décidée d'un autre atelier avec ses participants</source>
        <translation>decided match of another workshop with its participants</translation>
    </message>
    <message>
        <source>mises en relation décidées d'autres ateliers avec ses participants</source>
        <translation>decided matches of other workshops with its participants</translation>
    </message>
    <message>
        <source>Ce fichier contient déjà les {count} ateliers de ce document ({sessions}) : rien n'a été ajouté. Pour mettre l'un d'eux à jour avec le document : ouvrez-le, puis Fichier › Réimporter la grille dans cet atelier…</source>
        <translation>This file already holds the {count} workshops of this document ({sessions}): nothing was added. To update one of them with the document: open it, then File › Re-import the grid into this workshop…</translation>
    </message>
    <message>
        <source>Importer « {name} » comme nouveaux ateliers</source>
        <translation>Import “{name}” as new workshops</translation>
    </message>
    <message>
        <source>{count} ateliers ajoutés : {sessions}.</source>
        <translation>{count} workshops added: {sessions}.</translation>
    </message>
    <message>
        <source>1 atelier ajouté : {session}.</source>
        <translation>1 workshop added: {session}.</translation>
    </message>
    <message>
        <source>Déjà dans le fichier, laissés tels quels : {sessions}.</source>
        <translation>Already in the file, left as they are: {sessions}.</translation>
    </message>
    <message>
        <source>Renommer l'atelier</source>
        <translation>Rename the workshop</translation>
    </message>
    <message>
        <source>Titre de l'atelier :</source>
        <translation>Title of the workshop:</translation>
    </message>
    <message>
        <source>Supprimer l'atelier</source>
        <translation>Delete the workshop</translation>
    </message>
    <message>
        <source>« {title} » est le seul atelier du fichier : il ne peut pas être supprimé.</source>
        <translation>“{title}” is the only workshop of the file: it cannot be deleted.</translation>
    </message>
    <message>
        <source>Supprimer l'atelier « {title} » ({what}) ?</source>
        <translation>Delete the workshop “{title}” ({what})?</translation>
    </message>
    <message>
        <source>Édition › Annuler (Ctrl+Z) le remet tel quel.</source>
        <translation>Edit › Undo (Ctrl+Z) puts it back as it was.</translation>
    </message>
    <message>
        <source>Partent avec lui : {which}.</source>
        <translation>Going with it: {which}.</translation>
    </message>
    <message>
        <source>Garder</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Réunir deux ateliers</source>
        <translation>Join two workshops</translation>
    </message>
    <message>
        <source>Aucun autre atelier du fichier n'a la date de « {title} » : il n'y a rien à réunir.</source>
        <translation>No other workshop of the file has the date of “{title}”: there is nothing to join.</translation>
    </message>
    <message>
        <source>Réunir dans « {title} » l'atelier :</source>
        <translation>Join into “{title}” the workshop:</translation>
    </message>
    <message>
        <source>Ses participants et ceux de l'autre n'y font plus qu'un atelier ; une personne saisie dans les deux n'y est qu'une fois.</source>
        <translation>Its participants and the other's make one workshop there; a person typed in both is there once.</translation>
    </message>
    <message>
        <source>Ce fichier n'a qu'un atelier : Ctrl+Alt+N en ajoute un.</source>
        <translation>This file has only one workshop: Ctrl+Alt+N adds one.</translation>
    </message>
    <message>
        <source>Pas d'atelier précédent : celui-ci est le premier du fichier.</source>
        <translation>No previous workshop: this one is the file's first.</translation>
    </message>
    <message>
        <source>Pas d'atelier suivant : celui-ci est le dernier du fichier.</source>
        <translation>No next workshop: this one is the file's last.</translation>
    </message>
    <message>
        <source>Participant « {who} » supprimé, avec {decided} — Ctrl+Z pour annuler</source>
        <translation>Participant “{who}” deleted, with {decided} — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Participant « {who} » supprimé — Ctrl+Z pour annuler</source>
        <translation>Participant “{who}” deleted — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Le disque est plein : 1 texte saisi n'est pas enregistré. Il est gardé dans la fenêtre et sera enregistré dès qu'il y aura de la place.</source>
        <translation>The disk is full: 1 typed text is not saved. It is kept in the window and will be saved as soon as there is room.</translation>
    </message>
    <message>
        <source>Le disque est plein : {count} textes saisis ne sont pas enregistrés. Ils sont gardés dans la fenêtre et seront enregistrés dès qu'il y aura de la place.</source>
        <translation>The disk is full: {count} typed texts are not saved. They are kept in the window and will be saved as soon as there is room.</translation>
    </message>
    <message>
        <source>1 texte saisi n'est pas enregistré : le fichier l'a refusé. Il est gardé dans la fenêtre et sera enregistré dès que possible.</source>
        <translation>1 typed text is not saved: the file refused it. It is kept in the window and will be saved as soon as possible.</translation>
    </message>
    <message>
        <source>{count} textes saisis ne sont pas enregistrés : le fichier les a refusés. Ils sont gardés dans la fenêtre et seront enregistrés dès que possible.</source>
        <translation>{count} typed texts are not saved: the file refused them. They are kept in the window and will be saved as soon as possible.</translation>
    </message>
    <message>
        <source>Le disque est plein : 1 texte saisi n'est pas enregistré. Fermer quand même ?</source>
        <translation>The disk is full: 1 typed text is not saved. Close anyway?</translation>
    </message>
    <message>
        <source>1 texte saisi n'est pas enregistré. Fermer quand même ?</source>
        <translation>1 typed text is not saved. Close anyway?</translation>
    </message>
    <message>
        <source>Libérez de la place sur le disque : il sera enregistré dans les secondes qui suivent. Si vous fermez, il est perdu.</source>
        <translation>Free some space on the disk: it will be saved within seconds. If you close, it is lost.</translation>
    </message>
    <message>
        <source>Si vous fermez, ce texte est perdu.</source>
        <translation>If you close, this text is lost.</translation>
    </message>
    <message>
        <source>Le disque est plein : {count} textes saisis ne sont pas enregistrés. Fermer quand même ?</source>
        <translation>The disk is full: {count} typed texts are not saved. Close anyway?</translation>
    </message>
    <message>
        <source>{count} textes saisis ne sont pas enregistrés. Fermer quand même ?</source>
        <translation>{count} typed texts are not saved. Close anyway?</translation>
    </message>
    <message>
        <source>Libérez de la place sur le disque : ils seront enregistrés dans les secondes qui suivent. Si vous fermez, ils sont perdus.</source>
        <translation>Free some space on the disk: they will be saved within seconds. If you close, they are lost.</translation>
    </message>
    <message>
        <source>Si vous fermez, ces textes sont perdus.</source>
        <translation>If you close, these texts are lost.</translation>
    </message>
    <message>
        <source>Texte non enregistré</source>
        <translation>Text not saved</translation>
    </message>
    <message>
        <source>&amp;Fermer sans enregistrer</source>
        <translation>&amp;Close without saving</translation>
    </message>
    <message>
        <source>&amp;Ne pas fermer</source>
        <translation>&amp;Do not close</translation>
    </message>
    <message>
        <source>excusé·e</source>
        <translation>excused</translation>
    </message>
    <message>
        <source>absent·e</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>Participant à vérifier : « {name} », seul et prénom peu donné, lu comme une personne (une structure, une marque ?)</source>
        <translation>Participant to check: “{name}”, alone and a rarely given first name, read as a person (a structure, a brand?)</translation>
    </message>
    <message>
        <source>Ne pas publier dans le répertoire : à sa demande</source>
        <translation>Not to publish in the directory: at their request</translation>
    </message>
    <message>
        <source>⚠ à vérifier</source>
        <translation>⚠ to check</translation>
    </message>
    <message>
        <source>⊘ hors répertoire</source>
        <translation>⊘ not in the directory</translation>
    </message>
</context>
</TS>
"""The drafted synthesis: found in each grid's own words, true to who said what.

The example of 16 March 2021 is checked through the Word export (test_exports.py) and the
score script (benchmarks/score_synthesis.py); here, a second workshop worded differently
(mobility, housing, childcare in a rural employment area, tests/data/held_out_workshop.json)
and small grids that each hold, or do not hold, what a paragraph of the draft looks for.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from atelier.domain import Item, ItemKind, Participant
from atelier.exports import gather
from atelier.store import Store
from atelier.synthesis import Draft, draft

from .test_attribution import Truth, _quotes, check_credits

DATA = Path(__file__).parent / "data"
EXAMPLE_WORDS = {"plie", "gpect", "feuille", "coopération", "interconnaissance", "filière", "filières"}


def _store(path: Path, rows: list[tuple[str, str, dict[ItemKind, list[str]]]]) -> Path:
    with Store.create(path, title="Atelier", date="2024-05-14") as store:
        workshop_id = store.workshops()[0].id
        grid = []
        for names, organisation, items in rows:
            participant = Participant(workshop_id, names=[names], organisation=organisation)
            grid.append((participant, [Item(participant.id, k, t) for k, ts in items.items() for t in ts]))
        store.add_grid(grid)
    return path


def _held_out(path: Path, name: str = "held_out_workshop.json") -> Path:
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    kinds = {"actions": ItemKind.ACTION, "challenges": ItemKind.CHALLENGE, "needs": ItemKind.NEED}
    kinds["offers"] = ItemKind.OFFER
    rows = []
    for participant in data["participants"]:
        names, _, organisation = participant["who"].partition(" / ")
        rows.append((names, organisation, {k: participant.get(key, []) for key, k in kinds.items()}))
    return _store(path, rows)


def _draft(path: Path) -> Draft:
    with Store.open(path, readonly=True) as store:
        return draft(gather(store, store.workshops()[0].id))


def _text(sections: list[tuple[str, str]]) -> str:
    return "\n".join(f"{h}\n{b}" for h, b in sections)


def test_a_differently_worded_workshop_gets_its_own_themes_in_its_own_words(tmp_path: Path) -> None:
    path = _held_out(tmp_path / "redon.atelier")
    drafted = _draft(path)
    with Store.open(path, readonly=True) as store:
        grid = " ".join(i.text for i in store.workshop_items(store.workshops()[0].id)).casefold()
    themes = [g for groups in drafted.groups.values() for g in groups]
    titles = [g.title for g in themes]
    assert len(titles) >= 5
    for found in themes:
        title = found.title
        words = re.findall(r"[^\W\d_]{4,}", title.casefold())
        # Each title is said by this grid (an acronym's expansion comes from the glossary), or
        # is the glossary theme's name when no word of it is written by two participants: one
        # participant's words are never said of the group.
        assert all(w in grid for w in words) or "(" in title or found.theme == title.casefold(), title
        assert not set(words) & EXAMPLE_WORDS, title
    body = _text(drafted.sections)
    assert ("logement" in body.casefold() or "loger" in body.casefold()) and "saisonniers" in body.casefold()
    # Nothing from the example of 16 March 2021 leaks in.
    for phrase in ("PLIE", "GPECT", "feuille de route", "Le-priol", "période de changement"):
        assert phrase not in body


@pytest.mark.parametrize("anonymise", [False, True], ids=["named", "anonymised"])
def test_every_quote_of_the_draft_is_its_authors(tmp_path: Path, anonymise: bool) -> None:
    path = _held_out(tmp_path / "redon.atelier")
    truth = Truth(path, anonymise=anonymise)
    with Store.open(path, readonly=True) as store:
        sections = draft(gather(store, store.workshops()[0].id, anonymise=anonymise)).sections
    assert sum(check_credits(body, truth, "brouillon") for _heading, body in sections) >= 25
    # 24: « Les besoins de ressources » says the groups the Excel sheet and `atelier match` say
    # (atelier.matching.need_groups), of needs that all hold one subject, and quotes one
    # statement fewer than the draft's own grouping did.
    assert len(_quotes(_text(sections))) >= 24


def test_what_participants_say_of_their_territory_is_quoted_with_its_author(tmp_path: Path) -> None:
    rows = [
        (
            "Anne Bru",
            "CC du Haut Val",
            {
                ItemKind.ACTION: [
                    "Changement de majorité en 2020, feuille de route à reprendre",
                    "La communauté est située en zone rurale, loin des axes",
                    "Un club d'entreprises est né pendant la crise",
                ],
                ItemKind.CHALLENGE: ["Garder les jeunes sur le territoire"],
            },
        ),
        (
            "Paul Lin",
            "Ville de Montreuil",
            {
                ItemKind.ACTION: [
                    "Protocole du PLIE en cours de réécriture avec les quartiers prioritaires",
                    "Le directeur a dit : « nous devons travailler ensemble sans attendre "
                    "les appels à projets »",
                ],
                ItemKind.NEED: ["Des exemples de coopération avec les entreprises"],
            },
        ),
        ("Eva Sol", "Mission locale du Val", {ItemKind.ACTION: ["La crise a fermé deux usines du bassin"]}),
    ]
    drafted = _draft(_store(tmp_path / "a.atelier", rows))
    sections = dict(drafted.sections)
    context = sections["Le contexte"]
    # Who is rural and who is urban, named (with their article), and what changes, cited.
    assert "ruraux comme urbains : le monde rural est évoqué par la CC du Haut Val" in context
    assert "la ville et ses quartiers par la Ville de Montreuil" in context
    assert "2 participants font état d'une période de changement" in context
    assert "changement de majorité en 2020, feuille de route à reprendre (CC du Haut Val)" in context
    assert "La crise revient chez 2 participants" in context
    assert (
        "Autour de la table : opérateur de l'emploi et de l'insertion (1 participant), "
        "intercommunalité ou pays (1) et commune (1)." in context
    )
    # A remark the grid quotes word for word is kept as it was said, with who reported it.
    remarks = sections["Des observations à retenir"]
    assert "nous devons travailler ensemble sans attendre les appels à projets" in remarks
    assert remarks.startswith("Observations de la Ville de Montreuil, notées telles quelles :")
    # Written in the actions' column, it is no action: 5 actions, not 6, and the remark said apart.
    assert context.startswith(
        "3 participants ont présenté 5 actions déjà engagées, 1 défi, 1 besoin de ressources et 1 "
        "observation ; la grille complète figure en annexe."
    ), context
    engaged = sections["Ce qui est déjà engagé"]
    assert engaged.startswith("Les 5 actions présentées") and "3 autres actions" in engaged, engaged


def test_a_fact_written_among_the_actions_is_said_as_a_finding_not_as_engaged(tmp_path: Path) -> None:
    """Facilitators type what the territory is into the actions' column (« En effet, 80 % des
    entreprises du territoire n'ont pas de salariés. », « problématiques : chômage structurel »):
    the minutes cited one as an example of what is « déjà engagé » under the firms' theme. Such
    a statement (`french.states_a_fact`) is said in the context, as a finding, and counted apart."""
    facts = [
        "En effet, 80 % des entreprises du territoire n'ont pas de salariés.",
        "problématiques : chômage structurel, difficultés des entreprises à recruter",
    ]
    rows = [
        (
            "Céline Dallet",
            "CC Val de Gâtine",
            {ItemKind.ACTION: [facts[0], "Club des entreprises du territoire"]},
        ),
        ("Maxime Roby", "PETR Monts et barrages", {ItemKind.ACTION: [facts[1]]}),
        ("Anne Bru", "Mission locale du Val", {ItemKind.ACTION: ["Visites d'entreprises avec les jeunes"]}),
        ("Paul Lin", "PLIE des Graves", {ItemKind.ACTION: ["Petits déjeuners des entreprises du PLIE"]}),
    ]
    drafted = _draft(_store(tmp_path / "faits.atelier", rows))
    sections = dict(drafted.sections)
    engaged, context = sections["Ce qui est déjà engagé"], sections["Le contexte"]
    for fact in ("80 % des entreprises", "chômage structurel"):
        assert fact not in engaged, engaged
        assert fact in context.replace("\u202f", " ").replace("\u00a0", " "), context
    assert "3 actions déjà engagées et 2 constats" in context.replace("\u00a0", " "), context
    assert "Constats notés parmi les actions : " in context.replace("\u00a0", " "), context
    assert "(CC Val de Gâtine)" in context and "(PETR Monts et barrages)" in context, context


def test_people_counted_among_the_actions_are_no_action(tmp_path: Path) -> None:
    """« 15 demandeurs d'emploi de plus de 50 ans », « 50 personnes habitant les QPV… » typed
    among the actions are how many people, not something engaged: the minutes counted them in
    « N actions déjà engagées » and cited them as actions. They are said as what the grid notes
    (findings, counted apart), with their authors; a count of what the author does with them
    (« 520 jeunes accompagnés en 2023 », « 24 salariés en parcours d'insertion… ») stays an
    action."""
    rows = [
        (
            "Claire Roy",
            "Mission locale de Bordeaux",
            {ItemKind.ACTION: ["15 demandeurs d'emploi de plus de 50 ans", "Ateliers CV chaque mois"]},
        ),
        ("Anne Bru", "Mission locale du Val", {ItemKind.ACTION: ["520 jeunes accompagnés en 2023"]}),
        (
            "Thomas Rivière",
            "Chantier d'insertion Vilaine Nature",
            {ItemKind.ACTION: ["24 salariés en parcours d'insertion sur l'entretien des espaces naturels"]},
        ),
        (
            "Martine Colin",
            "Cité de l'emploi à Tarbes",
            {
                ItemKind.ACTION: [
                    "Création d'une cohorte",
                    "50 personnes habitant les QPV avec identification de publics spécifiques.",
                ]
            },
        ),
        ("Paul Lin", "PLIE des Graves", {ItemKind.ACTION: ["Forum de l'emploi chaque printemps"]}),
    ]
    sections = dict(_draft(_store(tmp_path / "comptes.atelier", rows)).sections)
    engaged = sections["Ce qui est déjà engagé"]
    context = sections["Le contexte"].replace("\u202f", " ").replace("\u00a0", " ")
    for counted in ("15 demandeurs", "50 personnes"):
        assert counted not in engaged, engaged
    assert "5 actions déjà engagées et 2 constats" in context, context
    assert "520 jeunes" not in context and "24 salariés" not in context, context
    assert "(Mission locale de Bordeaux)" in context and "Cité de l'emploi à Tarbes" in context, context


def test_an_abbreviation_ends_no_sentence_of_a_piece(tmp_path: Path) -> None:
    """« 3 800 DEFM cat. A sur le bassin et des offres qui restent sans candidat » (dev
    workshop d) was cited « à sur le bassin et des offres qui restent sans candidat… »: cut
    after « cat. » as after a sentence, and the category's letter lowered to « à »."""
    said = "3 800 DEFM cat. A sur le bassin et des offres qui restent sans candidat : le vivier ne suit pas"
    rows = [("Léa Morel", "Maison de l'emploi de la vallée", {ItemKind.CHALLENGE: [said]})]
    body = dict(_draft(_store(tmp_path / "cat.atelier", rows)).sections)["Les défis à relever"]
    assert "à sur le bassin" not in body and ": A sur" not in body, body
    assert "DEFM cat. A sur le bassin" in body, body
    # Nor « pers. » (held-out workshop f: « « […] à la dernière) » (Pontivy Communauté) »).
    said = (
        "Animation du comité local emploi-insertion depuis 2022 : 3 réunions par an, une trentaine "
        "de structures invitées, présence en baisse (12 pers. à la dernière)"
    )
    rows = [("Yann Le Gall", "Pontivy Communauté", {ItemKind.ACTION: [said, "Forum de l'emploi"]})]
    body = dict(_draft(_store(tmp_path / "pers.atelier", rows)).sections)["Ce qui est déjà engagé"]
    assert "[…] à la dernière" not in body and "« à la dernière" not in body, body
    # Nor is an item that ends on « pas » the first half of the next (« … ne revient pas
    # Jeunes… », two challenges of dev workshop b read as one).
    rows = [
        (
            "Sandrine Roux",
            "Mission locale Livradois-Forez",
            {
                ItemKind.CHALLENGE: [
                    "Après le bac la majorité part à Clermont ou Lyon et ne revient pas",
                    "Jeunes invisibles : env. 90 NEET repérés qu'on n'a jamais vus",
                ]
            },
        )
    ]
    body = dict(_draft(_store(tmp_path / "pas.atelier", rows)).sections)["Les défis à relever"]
    assert "ne revient pas Jeunes" not in body and "ne revient pas jeunes" not in body, body


def test_an_equals_sign_inside_a_clause_cuts_no_piece(tmp_path: Path) -> None:
    """« Comment convaincre les patrons de TPE qui pensent que handicap = fauteuil roulant ? »
    (dev workshop a) was cited « comment convaincre les patrons de TPE qui pensent que
    handicap (Cap emploi 19) »: cut at « = » as at the end of a clause, the question lost."""
    said = "Comment convaincre les patrons de TPE qui pensent que handicap = fauteuil roulant ?"
    rows = [
        (
            "Élodie Faure",
            "Cap emploi 19",
            {ItemKind.NEED: [said, "Des employeurs prêts à aménager un poste"]},
        ),
        ("Paul Lin", "CCI Corrèze", {ItemKind.NEED: ["Des patrons de TPE qui recrutent sans fonction RH"]}),
    ]
    body = dict(_draft(_store(tmp_path / "egal.atelier", rows)).sections)["Les besoins de ressources"]
    assert "pensent que handicap (" not in body and "pensent que handicap […]" not in body, body
    assert "pensent que handicap = fauteuil roulant" in body, body


def test_the_smaller_themes_of_the_actions_are_each_named(tmp_path: Path) -> None:
    """The third workshop's minutes said « Viennent ensuite : des actions proches (2
    participants) ; agricoles (2 participants) … »: a group no words of its participants name,
    counted as a theme with no name, its actions nowhere. A smaller theme is said by its name
    and its count; actions no name holds are counted with the others no theme holds."""
    body = dict(_draft(_held_out(tmp_path / "figeac.atelier", "third_workshop.json")).sections)
    lines = body["Ce qui est déjà engagé"].splitlines()
    after = next(line for line in lines if line.startswith("- Viennent ensuite"))
    assert "proches" not in after, after
    themes = int(re.search(r"autour de (\d+) thèmes", lines[0]).group(1))
    bullets = [line for line in lines if line.startswith("- ") and "chez " in line]
    assert themes == len(bullets) + after.count("participant"), lines
    others = re.search(r"(\d+) autres actions ne se rattachent", body["Ce qui est déjà engagé"])
    assert others is not None and int(others.group(1)) >= 9, lines


def test_a_piece_never_stops_on_a_figure_without_what_it_counts(tmp_path: Path) -> None:
    """« ACI maraîchage bio sur 3 ha : 18 salariés en parcours (CDDI), 2 encadrants techniques »
    (dev workshop b) was cited « « ACI maraîchage bio sur 3 ha : 18 […] » »: 18 what? A piece
    cut for length ends before a figure whose unit it would lose."""
    rows = [
        (
            "Patrick Gauthier",
            "Les Jardins de la Dore",
            {
                ItemKind.ACTION: [
                    "ACI maraîchage bio sur 3 ha : 18 salariés en parcours (CDDI), 2 encadrants techniques"
                ]
            },
        ),
        (
            "Élodie Marchand",
            "CC Dore et Montagnes",
            {
                ItemKind.ACTION: [
                    "Espace test agricole de 2 ha pour des porteurs de projet en maraîchage, 2 testeurs"
                ]
            },
        ),
        ("Luc Petit", "Cap emploi", {ItemKind.ACTION: ["Sensibilisation des recruteurs au handicap"]}),
    ]
    body = dict(_draft(_store(tmp_path / "ha.atelier", rows)).sections)["Ce qui est déjà engagé"]
    assert "(Les Jardins de la Dore)" in body, body
    assert not re.search(r"\d (?:\[…\]|…)|\d…", body), body
    # Nor on the sign before it (dev workshop d: « 1 450 offres non pourvues à + de 3… »).
    said = (
        "Animation de la GPECT vallée de l'Arve depuis 2019 avec les 4 intercos : diagnostic 2023 => "
        "1 450 offres non pourvues à + de 3 mois, dont 40 % en mécanique / décolletage"
    )
    rows = [("Léa Morel", "Maison de l'emploi de la vallée", {ItemKind.ACTION: [said, "Forum de l'emploi"]})]
    body = dict(_draft(_store(tmp_path / "plus.atelier", rows)).sections)["Ce qui est déjà engagé"]
    assert "(Maison de l'emploi de la vallée)" in body, body
    assert not re.search(r"(?:\d|\+|\bà) ?(?:\[…\]|…)", body), body


def test_a_quote_cut_before_its_focus_starts_where_its_clause_starts(tmp_path: Path) -> None:
    """« Caissières à temps partiel qui démissionnent : le salaire ne couvre pas l'essence et la
    nounou » (held-out workshop e) was quoted « « […] ne couvre pas l'essence et la nounou » »:
    what does not cover it was cut off. The quote starts where the clause after « : » starts."""
    said = "Caissières à temps partiel qui démissionnent : le salaire ne couvre pas l'essence et la nounou"
    rows = [
        ("Sophie Rigal", "Supermarché Le Panier Rouergat", {ItemKind.CHALLENGE: [said]}),
        (
            "Pierre Lacombe",
            "Salaisons du Ségala",
            {ItemKind.CHALLENGE: ["Les 3x8 ne collent avec aucun mode de garde"]},
        ),
        ("Luc Petit", "Cap emploi", {ItemKind.CHALLENGE: ["8 mois de délai MDPH pour une RQTH"]}),
    ]
    body = dict(_draft(_store(tmp_path / "nounou.atelier", rows)).sections)["Les défis à relever"]
    assert "(Supermarché Le Panier Rouergat)" in body, body
    assert "[…] ne couvre" not in body and "[…] pas l'essence" not in body, body


def test_a_piece_cut_for_length_stops_before_a_clause_it_cannot_finish(tmp_path: Path) -> None:
    """« Beaucoup de jeunes refusent une alternance parce qu'ils n'ont ni voiture ni
    hébergement près de l'entreprise » (held-out workshop) was cited « beaucoup de jeunes
    refusent une alternance parce qu'ils n'ont… »: the reason opened and left hanging. A piece
    cut for length ends before a clause it would cut (« parce que », « qui », « dont »…)."""
    said = (
        "Beaucoup de jeunes refusent une alternance parce qu'ils n'ont ni voiture ni hébergement "
        "près de l'entreprise"
    )
    rows = [
        ("Nadia Benali", "Mission locale du Pays de Redon", {ItemKind.CHALLENGE: [said]}),
        ("Sophie Guérin", "FJT L'Escale", {ItemKind.CHALLENGE: ["Les jeunes en stage restent peu de temps"]}),
        ("Luc Petit", "Cap emploi", {ItemKind.CHALLENGE: ["8 mois de délai MDPH pour une RQTH"]}),
        (
            "Julien Cassagne",
            "CC du Grand Figeac",
            {
                ItemKind.CHALLENGE: [
                    "Attirer des entreprises de la filière bois-construction alors qu'on n'a ni école "
                    "d'ingénieurs ni grande ville à côté"
                ]
            },
        ),
    ]
    body = dict(_draft(_store(tmp_path / "parce.atelier", rows)).sections)["Les défis à relever"]
    assert "(CC du Grand Figeac)" in body, body
    assert "(Mission locale du Pays de Redon)" in body, body
    assert not re.search(r"(?:parce qu'ils n'ont|parce qu'ils|n'ont) ?(?:…|\[…\])", body), body
    assert not re.search(r"(?:parce|alors) ?(?:…|\[…\])", body), body


def test_a_piece_cut_for_length_never_ends_before_its_noun(tmp_path: Path) -> None:
    """« Un annuaire à jour des structures emploi-insertion, avec la bonne personne à contacter
    pour chaque sujet » (held-out workshop f) was cited « un annuaire à jour des structures
    emploi-insertion, avec la bonne… »: the good what? A piece cut for length never ends on an
    adjective that goes before its noun (« bonne », « petite », « nouvelle »…)."""
    said = (
        "Un annuaire à jour des structures emploi-insertion, avec la bonne personne à contacter "
        "pour chaque sujet"
    )
    rows = [
        ("Élodie Guégan", "Pontivy Communauté", {ItemKind.NEED: [said]}),
        ("Luc Petit", "Cap emploi", {ItemKind.NEED: ["Des employeurs prêts à aménager un poste"]}),
    ]
    body = dict(_draft(_store(tmp_path / "bonne.atelier", rows)).sections)["Les besoins de ressources"]
    assert "(Pontivy Communauté)" in body, body
    assert not re.search(r"\bbonne ?(?:…|\[…\])", body), body
    # « seules » goes after its noun here: kept (« pour les mères seules… », never « les mères… »).
    said = "Des modes de garde pour les mères seules qui reprennent un travail en horaires décalés"
    rows = [
        ("Marie-Laure Février", "CCAS de Guémené-Penfao", {ItemKind.NEED: [said]}),
        ("Luc Petit", "Cap emploi", {ItemKind.NEED: ["Des employeurs prêts à aménager un poste"]}),
    ]
    body = dict(_draft(_store(tmp_path / "seules.atelier", rows)).sections)["Les besoins de ressources"]
    assert "les mères seules" in body, body


def test_a_grid_that_says_nothing_of_its_situation_gets_no_such_paragraph(tmp_path: Path) -> None:
    rows = [
        ("Anne Bru", "Atelier A", {ItemKind.ACTION: ["Forum de l'emploi chaque printemps"]}),
        ("Paul Lin", "Atelier B", {ItemKind.CHALLENGE: ["Trouver des bénévoles pour le forum"]}),
    ]
    drafted = _draft(_store(tmp_path / "b.atelier", rows))
    sections = dict(drafted.sections)
    for absent in ("changement", "crise", "ruraux", "urbains"):
        assert absent not in sections["Le contexte"]
    assert "Des observations à retenir" not in sections


def test_a_row_the_grid_split_mid_sentence_is_quoted_whole(tmp_path: Path) -> None:
    rows = [
        (
            "Denis Paineau",
            "CdC du Bazadais",
            {
                ItemKind.CHALLENGE: [
                    "Identifier le bon profil de la personne qui sera chargée de",
                    "former les entreprises à la réponse aux appels d'offres.",
                ]
            },
        ),
        ("Lucie Leroy", "Grand Angoulême", {ItemKind.CHALLENGE: ["Former les élus aux appels d'offres"]}),
    ]
    body = dict(_draft(_store(tmp_path / "c.atelier", rows)).sections)["Les défis à relever"]
    # One statement: never a quote that stops on « chargée de », nor the second half alone.
    quotes = re.findall(r"« (.+?) »", body)
    assert not any(q.rstrip("…").endswith(" de") for q in quotes)
    assert any("entreprises à la réponse aux appels d'offres" in q for q in quotes)
    assert "Les 3 défis, exprimés par 2 participants" in body
    assert sum("(CdC du Bazadais)" in line for line in body.splitlines()) == 1


def test_a_theme_says_what_its_participants_share_and_credits_each_by_one_rule(tmp_path: Path) -> None:
    """One sentence per theme: how many share it, pieces of what they said, each with its
    author; a structure names one participant, a structure two share is said with the
    person's name, a participant with no structure by their name. No sentence makes a
    participant want what another one said."""
    rows = [
        (
            "Anne Bru",
            "PETR du Val",
            {
                ItemKind.CHALLENGE: [
                    "Créer un réseau d'acteurs locaux et l'animer",
                    "Trouver des financements",
                ],
                ItemKind.NEED: ["Comment mobiliser les entreprises du bassin ?"],
            },
        ),
        (
            "Paul Lin",
            "Grand Dax",
            {
                ItemKind.CHALLENGE: ["Animer le réseau des acteurs de l'emploi"],
                ItemKind.NEED: ["Des exemples pour mobiliser les entreprises"],
            },
        ),
        (
            "Eva Sol",
            "Mission locale du Val",
            {ItemKind.CHALLENGE: ["Faire vivre un réseau d'acteurs de l'insertion"]},
        ),
        ("Jean Roc", "Région Sud", {ItemKind.CHALLENGE: ["Réduire les délais de paiement des subventions"]}),
        ("Léa Mas", "Région Sud", {ItemKind.ACTION: ["Nous animons le comité des financeurs"]}),
        ("Myriam Louis", "", {ItemKind.OFFER: ["Comment éviter le doublonnage des suivis"]}),
    ]
    path = _store(tmp_path / "t.atelier", rows)
    sections = dict(_draft(path).sections)
    challenges = sections["Les défis à relever"].splitlines()
    network = next(line for line in challenges if "réseau" in line)
    assert "3 participants" in network and "Région Sud" not in network
    for credit in ("(PETR du Val)", "(Grand Dax)", "(Mission locale du Val)"):
        assert credit in network
    # Two challenges about money, said differently: a theme, never « 2 participants veulent
    # réduire les délais de paiement » (one of them said it).
    assert "veulent réduire" not in sections["Les défis à relever"]
    assert "(Jean Roc de la Région Sud)" in sections["Les défis à relever"]
    # Said in the first person: between guillemets, credited to the person (structure shared).
    assert (
        "« Nous animons le comité des financeurs » (Léa Mas de la Région Sud)"
        in sections["Ce qui est déjà engagé"]
    )
    # An offer as typed, after its author; no structure: the person's name.
    assert (
        "- Myriam Louis : Comment éviter le doublonnage des suivis."
        in sections["Ce que la salle peut apporter"]
    )
    # The needs several share, said once, by the words both write (not « … mobiliser les
    # entreprises du bassin », the PETR's words alone); both named with their article.
    assert (
        "2 participants cherchent des ressources pour mobiliser les entreprises :"
        in sections["Les besoins de ressources"]
    )
    assert "le PETR du Val et Grand Dax" in sections["Les besoins de ressources"]
    truth = Truth(path, anonymise=False)
    assert sum(check_credits(body, truth, "brouillon") for body in sections.values()) >= 6


def test_around_the_table_counts_the_people_the_opening_counts(tmp_path: Path) -> None:
    """« 24 participants (22 lignes de la grille) » then « Autour de la table : 10
    intercommunalités ou pays, 4 opérateurs… » whose figures added up to the rows, not the
    people: two people of one row, two rows of one structure. Each person is counted once, by
    the kind of their structure, those excused in neither count."""
    path = tmp_path / "table.atelier"
    with Store.create(path, title="Atelier", date="2024-05-14") as store:
        workshop_id = store.workshops()[0].id
        rows = [
            (["Anne Bru", "Marc Vidal"], "CC du Haut Val", "Anne Bru et Marc Vidal / CC du Haut Val"),
            (["Paul Lin"], "CC du Haut Val", "Paul Lin / CC du Haut Val"),
            (["Eva Sol"], "Mission locale du Val", "Eva Sol / Mission locale du Val"),
            (["Léa Roux"], "Mairie de Langon", "Léa Roux (excusée) / Mairie de Langon"),
            (["Tom Vert"], "", "Tom Vert"),
        ]
        grid = []
        for names, organisation, cell in rows:
            participant = Participant(workshop_id, names=names, organisation=organisation, source_text=cell)
            item = Item(participant.id, ItemKind.ACTION, f"Forum de l'emploi de {cell}")
            grid.append((participant, [item]))
        store.add_grid(grid)
    for lang, around in (
        (
            "fr",
            "Autour de la table : intercommunalité ou pays (3 participants), opérateur de l'emploi et "
            "de l'insertion (1) et sans structure indiquée (1).",
        ),
        (
            "en",
            "Around the table: inter-municipal body or local development area (3 participants), "
            "employment and inclusion operator (1) and no structure given (1).",
        ),
    ):
        with Store.open(path, readonly=True) as store:
            context = draft(gather(store, workshop_id, lang=lang)).sections[0][1].replace("\u00a0", " ")
        opening, said = context.splitlines()[:2]
        assert opening.startswith(
            # Léa Roux excused: her row is in the annex grid, not among the 4 counted.
            (
                "5 participants (4 lignes de la grille des présents)",
                "5 participants (4 rows of the grid of those present)",
            )
        ), opening
        assert said == around, said
        assert sum(int(n) for n in re.findall(r"\d+", said)) == 5, said


def test_structures_named_in_a_list_take_their_article_alike(tmp_path: Path) -> None:
    """Held-out workshop F's draft read « aussi le PLIE du Centre Bretagne, PTCE Blavet
    Coopérations et la Mairie de Cléguérec » and « aussi ACI Les Ateliers du Blavet, CCI
    Morbihan - antenne de Pontivy et 2 autres participants »: the acronyms of insertion and
    consular structures (ACI, EI, ETTI, AI, PTCE, CCI…) took no article beside those that did."""
    text = _text(_draft(_held_out(tmp_path / "pontivy.atelier", "held_out_workshop_f.json")).sections)
    assert "aussi l'ACI Les Ateliers du Blavet" in text, text  # in running text: the test says something
    for bare in ("PTCE Blavet Coopérations", "ACI Les Ateliers du Blavet", "CCI Morbihan"):
        assert not re.search(rf"(?:aussi|,| et) {re.escape(bare)}", text), (bare, text)


def test_an_offer_with_a_semicolon_of_its_own_reads_as_one_offer(tmp_path: Path) -> None:
    """Held-out workshop E: « Communauté de communes Ouest Aveyron : Je peux présenter le TAD
    et les lignes liO du territoire ; courses TAD tôt le matin envisageables si une entreprise
    cofinance ; Accompagnement aux démarches… ; Bâtiments… »: the offers are listed with « ; »
    between them, and the first one's own « ; » made four offers of three. An offer that holds
    one is quoted whole, so that the line counts as the grid does."""
    path = _held_out(tmp_path / "aveyron.atelier", "held_out_workshop_e.json")
    data = json.loads((DATA / "held_out_workshop_e.json").read_text(encoding="utf-8"))
    for lang, sep in (("fr", " ; "), ("en", "; ")):
        with Store.open(path, readonly=True) as store:
            sections = dict(draft(gather(store, store.workshops()[0].id, lang=lang)).sections)
        offers = sections["Ce que la salle peut apporter" if lang == "fr" else "What the room can offer"]
        for row in data["participants"]:
            structure = row["who"].split(" / ", 1)[1]
            line = next(x for x in offers.splitlines() if x.startswith(f"- {structure}"))
            listed = line.split(":", 1)[1].strip().rstrip(".")
            outside = re.sub(r"«[^»]*»|“[^”]*”", "", listed)  # the « ; » of a quoted offer is its own
            assert outside.count(sep.strip()) + 1 == len(row["offers"]), (line, row["offers"])


def test_insertion_structures_are_counted_among_the_insertion_operators(tmp_path: Path) -> None:
    """Held-out workshop F's « Autour de la table » counted 2 « opérateurs de l'emploi et de
    l'insertion » and 10 « autres structures », among them an ACI, an EI, an ETTI and an AI:
    the four kinds of SIAE, which the list names as operators. The Redon workshop's « Chantier
    d'insertion Vilaine Nature » was another « autre structure ». A business club, a chamber of
    commerce, a PTCE stay among the others."""
    operators = re.compile(r"opérateurs de l'emploi et de l'insertion \((\d+)(?: participants)?\)")
    for name, expected in (("held_out_workshop_f.json", 6), ("held_out_workshop.json", 3)):
        text = _text(_draft(_held_out(tmp_path / f"{name}.atelier", name)).sections)
        said = operators.search(text)
        assert said and int(said.group(1)) == expected, (name, text[:600])

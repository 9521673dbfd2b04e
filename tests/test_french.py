"""French wording shared by the window, the projector, the minutes and the command line."""

from __future__ import annotations

import pytest

from atelier.french import (
    NBSP,
    NNBSP,
    article,
    count,
    fold,
    join,
    join_few,
    of,
    states_a_fact,
    states_an_aim,
    subject,
    typography,
)


def test_counts_agree_in_french_and_english() -> None:
    assert count(1, "mise en relation", "mises en relation", "fr") == "1 mise en relation"
    assert count(3, "mise en relation", "mises en relation", "fr") == "3 mises en relation"
    assert count(0, "participant", lang="fr") == "0 participant"
    assert count(0, "participant", lang="en") == "0 participants"
    assert count(12000, "élément", lang="fr") == f"12{NNBSP}000 éléments"


def test_names_are_joined_and_the_verb_agrees() -> None:
    assert subject(["Zoé Martin"], "cherche", "cherchent", "fr") == "Zoé Martin cherche"
    assert subject(["Zoé Martin", "Loïc Bérard"], "cherche", "cherchent", "fr") == (
        "Zoé Martin et Loïc Bérard cherchent"
    )
    assert join(["A", "B", "C"], "fr") == "A, B et C"
    assert join(["A", "B"], "en") == "A and B"


def test_a_few_of_a_long_list_end_with_how_many_more() -> None:
    assert join_few([3, 4], lang="fr") == "3 et 4"
    assert join_few([3, 4, 7], lang="en") == "3, 4 and 7"
    assert join_few(range(1, 11), limit=8, lang="fr") == "1, 2, 3, 4, 5, 6, 7, 8 et 2 autres"
    assert join_few(range(1, 10), limit=8, lang="fr") == "1, 2, 3, 4, 5, 6, 7, 8 et 1 autre"
    assert join_few(range(1, 11), limit=8, lang="en") == "1, 2, 3, 4, 5, 6, 7, 8 and 2 more"


def test_french_typography_keeps_marks_off_the_start_of_a_line() -> None:
    assert typography("Besoins : financement", "fr") == f"Besoins{NBSP}: financement"
    assert typography("« cloisonné »", "fr") == f"«{NBSP}cloisonné{NBSP}»"
    assert typography("Quoi ? Oui ; non !", "fr") == f"Quoi{NNBSP}? Oui{NNBSP}; non{NNBSP}!"
    assert typography("Voir https://exemple.fr à 14:30", "fr") == "Voir https://exemple.fr à 14:30"
    assert typography("Needs: funding", "en") == "Needs: funding"


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Défis ÉLEVÉS") == fold("defis eleves")


def test_dates_are_read_as_people_type_them_in_france() -> None:
    from datetime import date

    import pytest

    from atelier.french import iso_date, long_date, parse_date

    today = date(2026, 6, 1)
    for typed in (
        "23/11/2026",
        "23/11/26",
        "23.11.2026",
        "23-11-2026",
        "23 novembre 2026",
        "23 Novembre 2026",
        "lundi 23 novembre 2026",
        "23 nov. 2026",
        "2026-11-23",
        "23/11",
        "23 novembre",
        "November 23, 2026",
    ):
        assert parse_date(typed, today) == date(2026, 11, 23), typed
    assert iso_date("1er mars 2021") == "2021-03-01"
    assert iso_date("5 aout 21") == "2021-08-05"
    for wrong in ("31/02/2026", "23/13/2026", "hier", "2026", "", "12 juil. 2026 soir"):
        with pytest.raises(ValueError):
            parse_date(wrong, today)
    assert long_date("2021-03-01", "fr") == "1er mars 2021"
    assert long_date("2026-11-23", "fr") == "23 novembre 2026"
    assert long_date("2026-11-23", "en") == "23 November 2026"


def test_a_two_digit_year_is_the_one_of_the_last_ninety_years_or_the_next_ten() -> None:
    """« 01/01/99 » was read as 2099: a two-digit year is now the nearest one that is not
    more than ten years ahead (in 2026: « 26 » 2026, « 36 » 2036, « 37 » 1937, « 99 » 1999),
    the reading `atelier new` then says back in full."""
    from datetime import date

    from atelier.french import parse_date, past_date

    today = date(2026, 6, 1)
    assert parse_date("01/01/99", today) == date(1999, 1, 1)
    assert parse_date("1er janvier 99", today) == date(1999, 1, 1)
    assert parse_date("16/03/21", today) == date(2021, 3, 16)
    assert parse_date("23/11/26", today) == date(2026, 11, 23)
    assert parse_date("01/01/36", today) == date(2036, 1, 1)
    assert parse_date("01/01/37", today) == date(1937, 1, 1)
    assert parse_date("01/01/00", today) == date(2000, 1, 1)
    assert parse_date("01/01/99", date(2095, 1, 1)) == date(2099, 1, 1)
    # A day of the follow-up: the year typed is the year meant, never shifted to find a past day.
    assert past_date("01/01/99", today) == date(1999, 1, 1)
    assert past_date("01/01/36", today) == date(2036, 1, 1)
    assert past_date("22/12/25", date(2026, 1, 5)) == date(2025, 12, 22)


def test_a_weekday_that_is_not_the_date_s_is_refused() -> None:
    """« lundi 16 mars 2021 » was read as Tuesday 16 March without a word: the facilitator
    meant Monday 15 or the 16th, and the minutes would say one of them wrongly."""
    from datetime import date

    import pytest

    from atelier.french import WrongWeekday, parse_date

    today = date(2026, 6, 1)
    assert parse_date("mardi 16 mars 2021", today) == date(2021, 3, 16)
    assert parse_date("Tuesday, March 16, 2021", today) == date(2021, 3, 16)
    with pytest.raises(WrongWeekday) as refused:
        parse_date("lundi 16 mars 2021", today)
    assert refused.value.found == date(2021, 3, 16)
    with pytest.raises(ValueError):
        parse_date("Monday 16/03/2021", today)
    # A day of the follow-up without its year: the most recent one, never one of years ago
    # that happens to be that weekday.
    from atelier.french import past_date

    assert past_date("lundi 22/12", date(2026, 1, 5)) == date(2025, 12, 22)
    with pytest.raises(WrongWeekday):
        past_date("mardi 22/12", date(2026, 1, 5))


def test_a_date_is_found_inside_a_sentence_and_only_a_real_one() -> None:
    from datetime import date

    from atelier.french import find_date

    assert find_date("Atelier du 16 mars 2021 à Pau") == date(2021, 3, 16)
    assert find_date("Compte rendu — 1er Février 2022") == date(2022, 2, 1)
    assert find_date("réunion le 16/03/2021, salle B") == date(2021, 3, 16)
    assert find_date("export 2021-03-16") == date(2021, 3, 16)
    assert find_date("le 31/02/2021 puis le 1/03/2021") == date(2021, 3, 1)
    assert find_date("Atelier de mars, sans jour") is None


@pytest.mark.parametrize(
    ("name", "running", "of_it"),
    [
        ("Région N-A", "la Région N-A", "de la Région N-A"),
        ("PETR Monts et barrages", "le PETR Monts et barrages", "du PETR Monts et barrages"),
        ("CC Val de Gâtine", "la CC Val de Gâtine", "de la CC Val de Gâtine"),
        (
            "Maison de l'emploi de Bordeaux",
            "la Maison de l'emploi de Bordeaux",
            "de la Maison de l'emploi de Bordeaux",
        ),
        ("EPCI Cœur de Garonne", "l'EPCI Cœur de Garonne", "de l'EPCI Cœur de Garonne"),
        (
            "Agglomération du Pays Basque",
            "l'Agglomération du Pays Basque",
            "de l'Agglomération du Pays Basque",
        ),
        ("Les Compagnons du Devoir", "les Compagnons du Devoir", "des Compagnons du Devoir"),
        ("Le Relais", "le Relais", "du Relais"),
        (  # the PLIE spelled out takes its article as « le PLIE des Graves » does
            "Plan Local pour l'Insertion et l'Emploi des Graves",
            "le Plan Local pour l'Insertion et l'Emploi des Graves",
            "du Plan Local pour l'Insertion et l'Emploi des Graves",
        ),
        ("ACI Les Ateliers du Blavet", "l'ACI Les Ateliers du Blavet", "de l'ACI Les Ateliers du Blavet"),
        (
            "ETTI Blavet Intérim Insertion",
            "l'ETTI Blavet Intérim Insertion",
            "de l'ETTI Blavet Intérim Insertion",
        ),
        ("PTCE Blavet Coopérations", "le PTCE Blavet Coopérations", "du PTCE Blavet Coopérations"),
        ("CCI Morbihan", "la CCI Morbihan", "de la CCI Morbihan"),
        ("Grand Dax", "Grand Dax", "de Grand Dax"),  # a place: no article of its own
        ("ADSI - PLIE technowest", "ADSI - PLIE technowest", "d'ADSI - PLIE technowest"),
        ("Angoulême", "Angoulême", "d'Angoulême"),
        ("Myriam LOUIS", "Myriam LOUIS", "de Myriam LOUIS"),
        # The projector's « + 3 autres besoins de … »: an h muet elides, a « y » sounded does not
        ("Hélène DUBOIS", "Hélène DUBOIS", "d'Hélène DUBOIS"),
        ("Yannick Le Gall", "Yannick Le Gall", "de Yannick Le Gall"),
        ("Yves Martin", "Yves Martin", "d'Yves Martin"),
    ],
)
def test_a_structure_takes_its_article_in_running_text(name: str, running: str, of_it: str) -> None:
    assert article(name) == running
    assert of(name) == of_it


def test_every_french_message_is_typed_with_its_typography() -> None:
    """atelier.i18n's French reaches the window's boxes and the terminal as written: each
    message must already keep « : ; ! ? » and guillemets on their word's line (the box that
    wrapped « ; fermez-la » onto a line of its own)."""
    from atelier.i18n import MESSAGES

    loose = {
        key: entry["fr"] for key, entry in MESSAGES.items() if typography(entry["fr"], "fr") != entry["fr"]
    }
    assert loose == {}
    assert MESSAGES["file.open_elsewhere"]["fr"].startswith(f"«{NBSP}{{path}}{NBSP}» est ouvert")
    assert f"d'Atelier{NNBSP}; fermez-la" in MESSAGES["file.open_elsewhere"]["fr"]


def test_qt_file_type_separators_are_left_alone() -> None:
    filters = "Grilles (*.docx *.csv);;Tous les fichiers (*)"
    assert typography(filters, "fr") == filters
    assert typography("Non ; oui ?!", "fr") == f"Non{NNBSP}; oui{NNBSP}?!"


def test_says_when() -> None:
    from atelier.french import says_when

    assert says_when("Atelier du 16 mars 2021") and says_when("Atelier d'octobre 2023")
    assert says_when("Rencontres 2024") and says_when("Atelier 12/10/2023")
    assert says_when("Atelier du 12 octobre 2023", "2023-10-12")
    assert not says_when("Atelier de MAI") and not says_when("Atelier de septembre", "2021-09-21")
    assert not says_when("Rencontre emploi Médoc", "2023-10-12") and not says_when("Atelier Marsac")


def test_an_aside_joins_the_label_s_own_parenthesis_rather_than_open_a_second() -> None:
    from atelier.french import aside

    assert aside("Grégory TALVY (Région N-A)", " (a déjà fait)") == "Grégory TALVY (Région N-A, a déjà fait)"
    assert aside("Grégory TALVY", " (a déjà fait)", "") == "Grégory TALVY (a déjà fait)"
    assert aside("Région N-A", "atelier du 16 mars 2021") == "Région N-A (atelier du 16 mars 2021)"
    assert aside("Zoé Martin (PLIE)") == "Zoé Martin (PLIE)"


# What facilitators typed into the example grid's column of actions about the territory or
# the work, not about anything its author did: « a déjà fait : <this> » would be false.
@pytest.mark.parametrize(
    "text",
    [
        "En effet, 80% des entreprises du territoire n'ont pas de salariés.",
        "La CdC est située sur un territoire d'industrie en zone rurale.",
        "La Cdc est le résultat d'une fusion forcée en 2017.",
        "La CdC est située sur un territoire d'industrie en zone rurale. "
        "La Cdc est le résultat d'une fusion forcée en 2017.",
        "Manque de lien entre les actions.",
        "problématiques : chômage structurel, difficultés des entreprises à recruter",
        "Les financements sont multiples : FSE + Région + 5 EPCI",
        'Les habitants sont "fatigués" par les nombreux projets et sollicitations.',
        "On retrouve les mêmes demandeurs d'emploi chez les différents opérateurs. Les opérateurs "
        "sous-traitants gèrent les mêmes demandeurs d'emploi que les autres services publics pour "
        "l'emploi comme le pôle emploi.",
        # The labelled workshops' counts of the place's job seekers (no reader graded them).
        "2 900 demandeurs d'emploi inscrits sur le bassin, 27 % de plus de 50 ans",
        "5 200 demandeurs d'emploi inscrits dont 38 % en QPV",
        "1 250 allocataires du RSA sur le territoire d'action médico-sociale Livradois-Forez",
    ],
)
def test_a_statement_of_fact_is_told_apart(text: str) -> None:
    assert states_a_fact(text)


# Actions of the example grid and of the labelled workshops, some with a figure or the
# territory in them: each says what its author did or runs.
@pytest.mark.parametrize(
    "text",
    [
        "La CdC est située sur un territoire d'industrie en zone rurale. La Cdc est le résultat d'une "
        "fusion forcée en 2017. Le service développement économique a été créé à ce moment-là.",
        "Une étude est menée à l'échelle d'un bassin d'emploi sur 5 EPCI sur l'emploi et les filières.",
        "L'université réalise l'étude et le diagnostic sur le territoire.",
        "Des partenariats sont menés avec les collectivités locales notamment dans le cadre des projets "
        "alimentaires territoriaux, de manière à reconstituer un tissu de maraîchage périurbain.",
        "Mise en place d'un observatoire pour avoir un état des lieux précis et définir une stratégie",
        "Accompagne 31 démarches territoriales pour l'emploi sur la région.",
        "Sorties positives : 38 % en emploi durable ou en formation qualifiante",
        "Accompagnement de 1 150 personnes handicapées vers l'emploi, 62 % ont plus de 50 ans",
        "Le club a organisé en 2023 une journée de visites d'entreprises pour 60 collégiens",
        # Written for the rule's edges: a fact then what was done about it.
        "Il y a deux ans, la CdC a créé un club d'entreprises.",
        "Manque de places en crèche : ouverture d'une micro-crèche en 2023",
        "Il y a une forte demande, nous avons donc lancé un club d'entreprises.",
        "Les financements sont multiples : FSE + Région, nous avons donc créé un poste.",
        "2 900 demandeurs d'emploi inscrits sur le bassin : nous avons lancé un job dating.",
        # Counts of the author's own work, or of a resource a reader graded helpful.
        "300 demandeurs d'emploi suivis",
        "1 100 jeunes suivis sur l'antenne Nord dont 420 en CEJ, 35 % sans diplôme",
        "140 assistantes maternelles sur le territoire, dont 18 qui acceptent des horaires atypiques",
        "2 100 BRSA sur l'ouest du département, expérimentation des 15h d'activité depuis 2023",
        # Something done, with the funders or the people as its subject.
        "Plusieurs financements sont mobilisés : Leader + 2 Cdc + fond de revitalisation Ford.",
        "Les jeunes éloignés de l'emploi sont accompagnés par la Mission locale.",
        "Les entreprises ont mutualisé leur besoin en masques et plexiglas.",
    ],
)
def test_an_action_is_not_taken_for_a_fact(text: str) -> None:
    assert not states_a_fact(text)


# Aims and plans typed among actions: the example's, the labelled workshops' and a few written
# for the rule's edges. Matching offers them as aims (« a pour objectif »), never as done.
@pytest.mark.parametrize(
    "text",
    [
        "objectifs : créer une nouvelle synergie des acteurs et proposer des accompagnements sur mesure "
        "pour éviter les ruptures de parcours",
        "enjeu : la création d'une culture commune autour des cités de l'emploi + création d'une cohorte",
        "Réflexions en cours sur les orientations du futur protocole du PLIE (démarrage en 2022).",
        "Feuille de route ESS en cours d'élaboration. 3 axes de travail : sensibilisation des équipes en "
        "interne, emploi et formation, relations entre collectivités et acteurs",
        "Projet de forum emploi intercommunal",
        "Le territoire se questionne pour s'engager dans un PLIE et la démarche Territoire zéro chômeur",
        "L'objectif est de mieux mettre en adéquation l'offre et la demande d'emploi et d'aider à "
        "structurer la ressource humaine des entreprises.",
        # An aim cut into bullets (« L'objectif est » / « doit permettre de : »): what follows.
        "éviter le doublonnage des traitements de personne en recherche d'emploi",
        "de mobiliser l'ensemble des compétences du territoire afin de proposer un parcours personnalisé",
        "financer de la R&D pour ce groupement d'entreprises",
        "Légumerie en projet pour éplucher/couper et livrer la restauration collective",
        "Objectif : mieux connaître les besoins des entreprises du territoire",
        "Diagnostic à venir + analyse qualitative du territoire.",
        "Notre ambition est de créer un tiers-lieu d'ici 2023.",
        "La CdC souhaite s'engager dans la démarche Territoire zéro chômeur",
        "Ouverture d'une recyclerie prévue en 2023",
    ],
)
def test_an_aim_is_told_apart(text: str) -> None:
    assert states_an_aim(text)


# Actions: done or under way, some with an aim in them, a plan's words or an infinitive.
@pytest.mark.parametrize(
    "text",
    [
        "Mise en place d'un forum",
        "Mise en place d'un observatoire pour avoir un état des lieux précis et définir une stratégie",
        "Un forum intercommunal de l'emploi et de la formation",
        "Etude sur la politique emploi du Grand Poitiers pour mieux connaître et comprendre les attentes "
        "et définir des orientations.",
        "Une plateforme collaborative pilotée par l'agglo unit les structures d'insertion et les acteurs "
        "de l'emploi. Un appel a été fait au campus de l'université pour se joindre à la démarche. "
        "L'objectif est",
        "Une seconde étude est en cours autour des TPE. Elle prévoit la création d'un GE intercommunautaire "
        "avec une structure d'insertion.",
        "La création d'une SEM est en cours et doit permettre de : recruter une ressource humaine mutualisée",
        "CIAP-Champs du Partage, est un Espace Test Agricole. Ses objectifs sont notamment de répondre à une "
        "attente sociétale.",
        "Protocole PLIE en cours de réécriture",
        "Projet alimentaire territorial (PAT) porté avec le PNR Livradois-Forez : état des lieux des 9 "
        "restaurants scolaires du territoire",
        "Projet TZCLD sur le quartier des Chapélies : EBE en préfiguration, 45 volontaires recensés",
        "Requalification de la zone d'activités de l'Aiguille (12 ha) avec un objectif de sobriété foncière",
        "dans le cadre du contrat de ville : dynamique de cohésion de groupe (déjà existantes ou à créer)",
        "Chantier d'insertion de 28 salariés en CDDI : collecte, tri, réemploi, boutique solidaire",
        "Atelier numérique le vendredi : adresse mail, espace France Travail, CV",
        "Création d'un club d'entreprises qui vise à rapprocher les employeurs et les jeunes",
        "Objectif atteint : 45 entreprises mobilisées depuis 2019",
        "L'objectif est atteint : 45 entreprises mobilisées",
        "Leader + 2 Cdc + fond de revitalisation Ford.",
        "Ouverture du Pôle comme prévu en janvier",
    ],
)
def test_an_action_is_not_taken_for_an_aim(text: str) -> None:
    assert not states_an_aim(text)

"""Who said what: every quoted item sits with its own author, in every place Atelier shows it.

Workshops are built with fresh random UUIDs each time (the order of ids decides nothing),
participants share first names and words, and every attribution is checked: the Word
minutes (drafted synthesis, shared needs, matches), the Excel sheets, the synthesis draft
the window shows, and the projector's cards and spotlights, named and anonymised.
"""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import docx
import openpyxl
import pytest

from atelier.domain import ITEM_KINDS, Item, ItemKind, MatchStatus, Participant
from atelier.exports import gather
from atelier.exports.word import write_docx
from atelier.exports.xlsx import write_xlsx
from atelier.matching import match_workshop, save_suggestions
from atelier.store import Store

from .conftest import ROOT

FIRST = ["Cécile", "Céline", "Sandrine", "Julie", "Marc", "Hélène", "Agnès", "Denis"]
LAST = ["Dallet", "Bechon", "Ledieu", "Thomas", "Roby", "Pallet", "Dubois", "Paineau", "Leroy", "Bedin"]
PLACES = ["Grand Dax", "Val de Gâtine", "Sud Gironde", "Bazadais", "Est Creuse", "Grand Poitiers", "Tarbes"]


def _example_texts() -> dict[ItemKind, list[str]]:
    with Store.open(ROOT / "examples" / "atelier-2021-03-16.atelier", readonly=True) as example:
        workshop_id = example.workshops()[0].id
        return {k: [i.text for i in example.workshop_items(workshop_id, k)] for k in ITEM_KINDS}


TEXTS = _example_texts()


def build(path: Path, seed: int) -> Path:
    """A workshop of 6 to 12 participants whose items come from the real grid, shuffled."""
    rng = random.Random(seed)
    with Store.create(path, title=f"Atelier {seed}", date="2024-05-14", place="Bordeaux") as store:
        workshop_id = store.workshops()[0].id
        people = rng.sample([(f, s) for f in FIRST for s in LAST], rng.randint(6, 12))
        rows = []
        for number, (first, last) in enumerate(people):
            place = rng.choice(PLACES)
            participant = Participant(
                workshop_id,
                names=[f"{first} {last}"],
                organisation=f"Structure {number + 1} {place}",
                territory=place,
            )
            items = []
            for kind in ITEM_KINDS:
                for text in rng.sample(TEXTS[kind], rng.randint(0 if kind == ItemKind.OFFER else 1, 3)):
                    items.append(Item(participant.id, kind, text))
            # Some texts of their own name the person, or someone else by first name only.
            if rng.random() < 0.5:
                other = rng.choice(people)[0]
                items.append(Item(participant.id, ItemKind.OFFER, f"{other} {last} a travaillé dans l'ESS."))
            rows.append((participant, items))
        store.add_grid(rows)
        report = match_workshop(store, workshop_id)
        save_suggestions(store, workshop_id, report.suggestions)
        matches = store.matches(workshop_id)
        for match in rng.sample(matches, min(3, len(matches))):
            store.update_match(match.id, status=MatchStatus.CONFIRMED)
    return path


class Truth:
    """Who wrote what, read from the file, under the labels an export uses."""

    def __init__(self, path: Path, *, anonymise: bool) -> None:
        with Store.open(path, readonly=True) as store:
            workshop_id = store.workshops()[0].id
            data = gather(store, workshop_id, anonymise=anonymise)
        self.data = data
        from atelier.synthesis import short_names

        self.owner = {label: pid for pid, label in data.who.items()}
        assert len(self.owner) == len(data.who), "two participants under one label"
        short = short_names(data)  # how the drafted synthesis names them
        assert len(set(short.values())) == len(short)
        for pid, label in short.items():
            assert self.owner.setdefault(label, pid) == pid
        self.texts: dict[str, list[str]] = {pid: [] for pid in data.who}
        previous = None
        for entry in data.entries:
            self.texts[entry.participant_id].append(entry.text)
            # A row the grid split mid-sentence is quoted whole: the two items joined.
            if previous is not None and (previous.participant_id, previous.kind) == (
                entry.participant_id,
                entry.kind,
            ):
                self.texts[entry.participant_id].append(f"{previous.text} {entry.text}")
            previous = entry
        self.checked = 0

    def check(self, who: str, quote: str, where: str) -> None:
        """`quote` (maybe shortened with « … ») is an item of the participant named `who`."""
        assert who in self.owner, f"{where}: unknown participant {who!r}"
        plain = _plain(quote)
        own = [_plain(t) for t in self.texts[self.owner[who]]]
        assert any(plain in t for t in own), f"{where}: « {quote} » is not {who}'s"
        others = [pid for pid, texts in self.texts.items() if any(plain in _plain(t) for t in texts)]
        assert self.owner[who] in others
        self.checked += 1


def _plain(text: str) -> str:
    # Spaces do not count: French typography adds non-breaking ones before « ? » and « : »;
    # nor do quotation marks (a quote within a quote is written “ ”).
    text = text.replace("[…]", " ").replace("…", " ")  # words left out of a quote
    for mark in '«»“”"':
        text = text.replace(mark, "")
    # Nor accents: a capital typed without its accent (« Etude ») is quoted lowered with it
    # (« étude »).
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return "".join(text.split()).strip(".,;:").casefold()


QUOTE = re.compile(r"«\s*([^«»]+?)\s*»\s*\(([^()]+(?:\([^()]*\))?[^()]*)\)")
# A piece of a statement cited bare in a sentence, after « : » or « ; »: « lead : piece (Who) ;
# piece (Who). » (the drafter never puts « : », « ; » or guillemets in a bare piece).
PIECE = re.compile(r"(?:^|:\s|;\s)((?:[^:;«»()]|\([^()]*\))+?)\s\(([^()]+)\)(?=\s*(?:;|\.|$))", re.M)
OBSERVATIONS = re.compile(r"^Observations (.+), notées telles quelles\s*:$")


def _bracketed(text: str) -> list[tuple[str, str]]:
    """« quote » (Who) and bare « piece (Who) » pairs of a drafted text."""
    pairs = [(who.strip(), quote) for quote, who in QUOTE.findall(text)]
    return pairs + [(who.strip(), piece.strip()) for piece, who in PIECE.findall(text)]


def _observed(text: str) -> list[tuple[str, str]]:
    """The quotes under « Observations de Who, notées telles quelles : », their one author
    named once, in the lead (as « de la Région N-A »)."""
    pairs, author = [], None
    for line in text.splitlines():
        line = line.strip().removeprefix("- ")  # a bullet, in the draft (in Word: its style)
        found = OBSERVATIONS.match(line)
        if found:
            author = found.group(1)
        elif author is not None and line.startswith("«") and not line.endswith(")"):
            pairs.append((author, line.strip("«» \u00a0")))
        else:
            author = None
    return pairs


def _quotes(text: str) -> list[tuple[str, str]]:
    """(Who, quote) pairs of a drafted text, however it credits them."""
    return _bracketed(text) + _observed(text)


def check_credits(text: str, truth: Truth, where: str) -> int:
    """Every attribution of a drafted text is true, and every participant named in brackets
    after words of theirs is checked: none escapes the patterns above."""
    from atelier.french import of

    checked = 0
    for who, quote in _bracketed(text):
        if who in truth.owner:  # not « (4 participants) », « (GPECT) »
            truth.check(who, quote, where)
            checked += 1
    credited = sum(text.count(f"({label})") for label in truth.owner)
    assert checked == credited, f"{where}: {credited} credits in brackets, {checked} checked"
    authors = {of(label): label for label in truth.owner}
    for who, quote in _observed(text):
        truth.check(authors[who], quote, where)
        checked += 1
    for who, said in _offered(text, truth):
        truth.check(who, said, where)
        checked += 1
    return checked


def _offered(text: str, truth: Truth) -> list[tuple[str, str]]:
    """« Who : offer ; offer. » lines (what the room can offer: each participant's offers
    after their name), each offer with its author."""
    pairs = []
    for line in text.splitlines():
        line = line.strip().removeprefix("- ")
        found = re.match(r"^(.+?)[\u00a0 ]?: (.+)$", line)
        who, rest = found.groups() if found else ("", "")
        if who in truth.owner:
            pairs += [(who, part) for part in re.split(r"\s;\s", rest.rstrip(".")) if part.strip()]
    return pairs


def check_word(path: Path, truth: Truth) -> None:
    document = docx.Document(str(path))
    check_credits("\n".join(p.text for p in document.paragraphs), truth, "Word")
    for paragraph in document.paragraphs:
        text = paragraph.text
        if " — " in text and text.split(" — ", 1)[0] in truth.owner:
            who, quote = text.split(" — ", 1)
            truth.check(who, quote, "Word (besoins partagés)")
    for table in document.tables:
        header = [c.text for c in table.rows[0].cells]
        if header[0] != "Cherche":
            continue
        for row in table.rows[1:]:
            for cell in row.cells[:2]:
                lines = [p.text for p in cell.paragraphs]
                truth.check(lines[0], re.sub(r" \([^()]*\)$", "", lines[1]), "Word (mises en relation)")


def check_excel(path: Path, truth: Truth) -> None:
    """Each row's text with the participant the row names: the person(s) in « Participant »
    and their structure in « Structure » (named as the export's label « Nom (Structure) »);
    anonymised, the label in « Participant ». The matches: both sides, the same way."""

    def label(person: object, structure: object) -> str:
        if truth.data.anonymised or not (person and structure):
            return str(person or structure)
        return f"{person} ({structure})"

    book = openpyxl.load_workbook(path)
    for sheet in book:
        rows = list(sheet.iter_rows(values_only=True))
        if not rows:
            continue
        header = list(rows[0])
        if "Participant" in header and "Texte" in header:
            who, where, text = header.index("Participant"), header.index("Structure"), header.index("Texte")
            for row in rows[1:]:
                truth.check(label(row[who], row[where]), str(row[text]), f"Excel {sheet.title}")
        if "Peut aider\xa0: participant" in header:
            sides = [
                ("Participant", "Structure", "Besoin"),
                ("Peut aider\xa0: participant", "Peut aider\xa0: structure", "Ressource"),
            ]
            for row in rows[1:]:
                for person, structure, text in sides:
                    truth.check(
                        label(row[header.index(person)], row[header.index(structure)]),
                        str(row[header.index(text)]),
                        f"Excel {sheet.title}",
                    )


@pytest.mark.parametrize("anonymise", [False, True], ids=["named", "anonymised"])
def test_every_quote_in_word_and_excel_sits_with_its_author(tmp_path: Path, anonymise: bool) -> None:
    seeds = random.Random().sample(range(10**6), 6)  # new workshops, and new UUIDs, every run
    checked = 0
    for seed in seeds:
        path = build(tmp_path / f"a{seed}.atelier", seed)
        truth = Truth(path, anonymise=anonymise)
        with Store.open(path, readonly=True) as store:
            data = gather(store, store.workshops()[0].id, anonymise=anonymise)
        write_docx(data, tmp_path / f"a{seed}.docx")
        write_xlsx(data, tmp_path / f"a{seed}.xlsx")
        check_word(tmp_path / f"a{seed}.docx", truth)
        # The draft the window's synthesis editor starts from.
        from atelier.exports import drafted_sections

        drafted = sum(check_credits(body, truth, "draft") for _heading, body in drafted_sections(data))
        assert drafted >= 5
        check_excel(tmp_path / f"a{seed}.xlsx", truth)
        assert truth.checked > 20, f"seed {seed}: only {truth.checked} attributions found to check"
        checked += truth.checked
    assert checked > 200


@pytest.mark.parametrize("private", [False, True], ids=["named", "private"])
def test_the_projector_shows_each_need_and_offer_with_its_author(tmp_path: Path, private: bool) -> None:
    from atelier.anonymise import NameMasker, Person
    from atelier.importers.participant import first_names
    from atelier.projection import build as project

    for seed in random.Random().sample(range(10**6), 4):
        path = build(tmp_path / f"p{seed}.atelier", seed)
        with Store.open(path, readonly=True) as store:
            workshop_id = store.workshops()[0].id
            shown = project(store, workshop_id, private=private)
            items = store.workshop_items(workshop_id)
            participants = store.participants(workshop_id)
        # As the projector masks: people who are not in the room by the list of first names too.
        masker = NameMasker(
            (Person(p.id, shown.labels[p.id], tuple(p.names)) for p in participants), first_names()
        )
        texts: dict[str, list[str]] = {}
        for item in items:
            shown_text = masker(item.text, item.participant_id) if private else item.text
            texts.setdefault(item.participant_id, []).append(shown_text)
        owners: dict[str, set[str]] = {}  # hidden names: two structures may share a label
        for pid, label in shown.labels.items():
            owners.setdefault(label, set()).add(pid)
        assert shown.cards
        checked = 0
        for card in shown.cards:
            for who, text in ((card.seeker, card.need), (card.helper, card.offer)):
                assert any(text in texts[pid] for pid in owners[who]), f"« {text} » is not {who}'s"
                checked += 1
        for pid, spot in shown.spotlights.items():
            assert spot.who == shown.labels[pid]
            for need, _helpers in spot.needs:
                assert need in texts[pid]
            for offer in spot.offers:
                assert offer in texts[pid]
        assert checked >= 4


def test_a_first_name_alone_is_never_replaced_by_another_participants_structure(store: Store) -> None:
    """« Cécile Dallet a travaillé dans l'ESS », in Céline Dallet's own offer: her structure,
    not that of Cécile Bechon, who sat in the same room; « Cécile » alone in a third person's
    text is Cécile Bechon, the one participant of that first name."""
    workshop_id = store.workshops()[0].id
    cecile = store.add_participant(
        Participant(workshop_id, names=["Cécile BECHON", "Ghislaine Paparemborde"], organisation="CDA Pau")
    )
    celine = store.add_participant(
        Participant(workshop_id, names=["Céline Dallet"], organisation="CC Gâtine")
    )
    sandrine = store.add_participant(
        Participant(workshop_id, names=["Sandrine Ledieu"], organisation="Est Creuse")
    )
    store.add_item(Item(celine.id, ItemKind.OFFER, "Cécile Dallet a travaillé dans l'ESS."))
    store.add_item(Item(celine.id, ItemKind.OFFER, "Demandez à Céline ou à Dallet."))
    store.add_item(Item(sandrine.id, ItemKind.NEED, "Comme Cécile, je cherche un stagiaire."))
    store.add_item(Item(sandrine.id, ItemKind.NEED, "Voir avec Ghislaine Paparemborde et PALLET Agnès."))
    store.add_item(Item(cecile.id, ItemKind.ACTION, "BECHON Cécile anime le PLIE."))
    data = gather(store, workshop_id, anonymise=True)
    said = {e.text for e in data.entries}
    assert "CC Gâtine a travaillé dans l'ESS." in said
    assert "Demandez à CC Gâtine ou à CC Gâtine." in said
    # A first name alone in another's text: the one participant who has it.
    assert "Comme CDA Pau, je cherche un stagiaire." in said
    assert "Voir avec CDA Pau et [nom]." in said  # PALLET Agnès is nobody in this room: masked whole
    assert "CDA Pau anime le PLIE." in said

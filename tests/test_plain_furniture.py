"""A plain text's furniture (kbgen.plain_furniture): contact lines among its first and last
lines and the footer after a rule of dashes leave; sentences citing a site, dates and amounts,
and a rule inside the text stay."""

from __future__ import annotations

import datetime as dt

from conftest import write
from hypothesis import given
from hypothesis import strategies as st

from kbgen.ingest import clean_paragraphs
from kbgen.lang import profile
from kbgen.pages import parse_page
from kbgen.plain_furniture import furniture_lines, without_credit
from kbgen.plaintext import read_plain_text
from kbgen.project import Project

STORY = [
    "Une usine ouvre au Mans",
    "Le groupe annonce la construction d'une usine sur la zone d'activités du sud de la ville.",
    "Le site doit employer 180 personnes à terme, selon son président.",
    "Les travaux débuteront en septembre, a précisé la direction dans un communiqué.",
]


def lines_of(text: str) -> list[str]:
    return [line for paragraph in clean_paragraphs(text) for line in paragraph.split("\n")]


def cut(lines: list[str]) -> list[str]:
    return [lines[index] for index in sorted(furniture_lines(lines))]


def test_contact_lines_at_the_end_leave_whatever_their_separators():
    contacts = [
        "Agence Mots Clés – Juliette Ménard – 06 12 34 56 78 – jmenard@agence-motscles.fr",
        "Service de presse : +33 1 45 67 89 10",
        "Mairie de Lagord, 1 place de la Mairie, 05.46.00.00.00, accueil@lagord.example",
        "Tous nos communiqués sur www.groupe-exemple.fr",
        "Renseignements : 0546000000",
    ]
    for contact in contacts:
        assert cut([*STORY, "Contacts presse", contact]) == [contact]


def test_a_contact_line_at_the_top_leaves_too():
    sender = "De : La Lettre Éclair <lettre@eclair.example>"
    assert cut([sender, *STORY]) == [sender]


def test_sentences_citing_a_site_or_a_number_and_lines_in_the_middle_stay():
    cited = (
        "Le maire a rappelé jeudi que le programme complet du festival, qui accueillera cette année "
        "plus de quarante compagnies venues de toute l'Europe, est en ligne sur www.festival.example."
    )
    middle = [*STORY[:2], *STORY[1:] * 3, "Accueil : 05 46 00 00 00", *STORY[1:] * 3]
    assert cut([*STORY, cited]) == []
    assert cut(middle) == []
    assert cut([*STORY, "Le chantier coûte 1 250 000 000 euros, soit 12 34 56 78 par mois."]) == []


@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)), st.integers(0, 23), st.integers(0, 59))
def test_a_dateline_is_no_phone_number(day, hour, minute):
    for shape in ("%d.%m.%Y", "%d/%m/%Y", "%d %m %Y", "%Y-%m-%d"):
        dateline = f"{day.strftime(shape)} {hour:02d}:{minute:02d} - Strasbourg (AFP)"
        assert cut([*STORY, dateline]) == []


@given(st.sampled_from([" ", ".", "-", ""]), st.lists(st.integers(0, 99), min_size=4, max_size=4), st.integers(1, 9))
def test_phone_numbers_in_pairs_are_found_with_any_one_separator(sep, pairs, first):
    number = f"0{first}" + "".join(f"{sep}{pair:02d}" for pair in pairs)
    assert cut([*STORY, f"Standard : {number}"]) == [f"Standard : {number}"]


def test_what_follows_a_rule_among_the_last_lines_is_a_footer():
    footer = [
        "---",
        "Vous recevez cet e-mail car vous êtes inscrit à notre lettre.",
        "Se désinscrire | Gérer mes préférences",
        "La Lettre Éclair, 15 boulevard de Sévigné, Dijon",
    ]
    assert cut([*STORY, *footer]) == footer
    assert cut([STORY[0], "---", *STORY[1:] * 4]) == []  # a rule inside the text: a break


def test_never_all_the_lines():
    assert furniture_lines(["jm@agence.fr", "06 12 34 56 78"]) == set()
    assert furniture_lines([]) == set()


def test_a_plain_text_loses_its_contact_lines_and_keeps_its_header_date():
    text = (
        "De : La Lettre Éclair <lettre@eclair.example>\n"
        "Date : 6 juin 2025 à 07:00\n\n" + "\n\n".join(STORY) + "\n\nContact : jm@agence.fr – 06 12 34 56 78\n"
    )
    read = read_plain_text(clean_paragraphs(text), "lettre.txt", profile("fr").dates, dt.date(2025, 7, 1))
    body = "\n".join(read.paragraphs)
    assert "jm@agence.fr" not in body and "lettre@eclair.example" not in body
    assert STORY[2] in body and read.when is not None and read.when.date == dt.date(2025, 6, 6)


def test_a_repeated_footer_that_lost_a_contact_line_is_still_left_out(tmp_path):
    """The folder's texts repeat a footer paragraph; cutting its contact line must not make
    what is left of it look like the text's own."""
    from kbgen.ingest import ingest

    footer = "Vous recevez cette lettre car vous y êtes abonné.\nLa Lettre Éclair, Dijon\nlettre@eclair.example"
    for number, story in enumerate(STORY[1:], start=1):
        write(tmp_path / f"seeds/lettres/lettre-{number}.txt", f"Lettre numéro {number}\n\n{story}\n\n{footer}\n")
    report = ingest(Project.load(tmp_path))
    for path in report.written:
        body = parse_page(path.read_text("utf-8")).body
        assert "abonné" not in body and "Éclair" not in body


def test_the_credit_that_closes_a_caption_leaves_and_the_caption_stays():
    assert (
        without_credit("Photo : la cabine immobilisée au-dessus du pylône 2. © Lecteur / DR")
        == "Photo : la cabine immobilisée au-dessus du pylône 2."
    )
    assert (
        without_credit("Photo : le départ du skiff. © Rallye Passion / Léa Carrière") == "Photo : le départ du skiff."
    )
    assert without_credit("© Le Fleuve Express 2025.") == ""


def test_a_copyright_sign_inside_a_sentence_stays():
    for line in [
        "Le logo © Disney figure sur chaque boîte, a constaté la répression des fraudes lors de son contrôle.",
        "Le signe © suivi du nom du titulaire des droits et de l'année de la première publication suffit.",
        STORY[1],
    ]:
        assert without_credit(line) == line


def test_a_plain_text_loses_its_credits_not_its_captions():
    read_text = read_plain_text(
        [STORY[0], "Photo : la halle de la forge. © Ville de Pesmes", *STORY[1:]], "a.txt", profile("fr").dates
    )
    assert read_text.paragraphs == ["Photo : la halle de la forge.", *STORY[1:]]


def test_a_credits_holders_are_counted_in_words_not_slashes():
    line = "Photo : la salle des pas perdus. © La Vigie du Rhône / Anne-Claire Vasseur-Marin"
    assert without_credit(line) == "Photo : la salle des pas perdus."
    # more words than a credit's after the sign: a sentence that cites the sign
    line = "Le sigle © La Vigie du Rhône / Anne-Claire Vasseur-Marin figure sur chaque tirage vendu."
    assert without_credit(line) == line


def test_a_credit_line_with_no_caption_leaves_whole():
    for credit in ("Crédit photo : © Neige Express / Christoph Haller", "Photo : © AFP", "Photos: © Ville de Dole"):
        read_text = read_plain_text([STORY[0], credit, *STORY[1:]], "a.txt", profile("fr").dates)
        assert read_text.paragraphs == STORY[1:]

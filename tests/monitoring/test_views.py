"""The dashboards on the web: who may open them, what they show, and the downloads."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from openwmo.core.models import Verwerking
from openwmo.monitoring.dashboards import DASHBOARDS

from ..factories import AanbiederGebruikerFactory, RegioFactory, UserFactory

FILTERS = {"gebied": "g:0603", "jaar": "2017", "peildatum": "2017-01-10"}


@pytest.fixture
def controller(kleine_gemeente):
    return UserFactory(rol="controller", gemeenten=[kleine_gemeente["gemeente"]])


@pytest.fixture
def ingelogd(client, controller):
    client.force_login(controller)
    return client


@pytest.mark.parametrize("rol", ["consulent", "aanbieder"])
def test_consulent_and_provider_get_403_everywhere(client, kleine_gemeente, rol):
    if rol == "aanbieder":
        gebruiker = AanbiederGebruikerFactory().user
    else:
        gebruiker = UserFactory(rol=rol, gemeenten=[kleine_gemeente["gemeente"]])
    client.force_login(gebruiker)
    urls = [reverse("monitoring:index"), reverse("monitoring:indicatoren"), reverse("monitoring:gmsd")]
    urls += [reverse("monitoring:dashboard", args=[slug]) for slug in DASHBOARDS]
    urls += [reverse("monitoring:export", args=["wijken", "csv"]), reverse("monitoring:raadsrapport")]
    for url in urls:
        assert client.get(url).status_code == 403, url
    assert "Sturingsinformatie" not in client.get(reverse("start")).content.decode()


def test_anonymous_is_sent_to_the_login(client, db):
    antwoord = client.get(reverse("monitoring:dashboard", args=["wijken"]))
    assert antwoord.status_code == 302 and "/inloggen/" in antwoord["Location"]


@pytest.mark.parametrize("rol", ["controller", "beheerder", "contractmanager"])
def test_every_dashboard_opens_for_the_steering_roles(client, kleine_gemeente, rol):
    client.force_login(UserFactory(rol=rol, gemeenten=[kleine_gemeente["gemeente"]]))
    start = client.get(reverse("start")).content.decode()
    assert reverse("monitoring:index") in start and "Sturingsinformatie" in start
    for slug in DASHBOARDS:
        antwoord = client.get(reverse("monitoring:dashboard", args=[slug]), FILTERS)
        assert antwoord.status_code == 200, slug
        html = antwoord.content.decode()
        assert 'data-grafiek="grafiek-0-0"' in html and 'id="grafiek-0-0" type="application/json"' in html
        assert "<script>" not in html.replace("<script src=", "")  # no inline script (CSP)


def test_dashboard_shows_numbers_but_no_names_or_bsns(ingelogd, kleine_gemeente):
    html = ingelogd.get(reverse("monitoring:dashboard", args=["wijken"]), FILTERS).content.decode()
    assert "3.692,00" in html and "1,85" in html  # Nieuw: estimated spend and per inhabitant
    from openwmo.core.models import Client

    for client in Client.objects.all():
        assert client.bsn not in html and client.achternaam not in html


def test_other_municipality_cannot_be_chosen(ingelogd, kleine_gemeente):
    antwoord = ingelogd.get(reverse("monitoring:dashboard", args=["wijken"]), {**FILTERS, "gebied": "g:0503"})
    html = antwoord.content.decode()
    assert "Selecteer een geldige keuze" in html
    assert "Delft" not in html.split("<main")[1].split("</form>")[1]
    export = ingelogd.get(reverse("monitoring:export", args=["wijken", "csv"]), {**FILTERS, "gebied": "g:0503"})
    assert export.status_code == 400


def test_district_of_another_area_gets_a_dutch_message(ingelogd, kleine_gemeente):
    from ..factories import WijkFactory

    vreemd = WijkFactory(gemeente=kleine_gemeente["delft"], naam="Elders")
    antwoord = ingelogd.get(reverse("monitoring:dashboard", args=["wijken"]), {**FILTERS, "wijk": vreemd.pk})
    assert "Selecteer een geldige keuze" in antwoord.content.decode()  # not even offered


def test_region_view_covers_only_the_users_municipalities(client, kleine_gemeente):
    h4 = RegioFactory(code="H4")
    user = UserFactory(rol="controller", gemeenten=[kleine_gemeente["gemeente"]])
    assert kleine_gemeente["delft"].regio == h4
    client.force_login(user)
    antwoord = client.get(reverse("monitoring:dashboard", args=["regio"]), {"jaar": "2017"})
    tabel = antwoord.context["onderdelen"][0]["tabel"]
    assert [rij[0] for rij in tabel.rijen] == ["Rijswijk"]
    beide = UserFactory(rol="controller", gemeenten=[kleine_gemeente["gemeente"], kleine_gemeente["delft"]])
    client.force_login(beide)
    tabel = client.get(reverse("monitoring:dashboard", args=["regio"]), {"jaar": "2017"}).context["onderdelen"][0][
        "tabel"
    ]
    assert [rij[0] for rij in tabel.rijen] == ["Delft", "Rijswijk", "Totaal"]


def test_csv_and_xlsx_export_hold_the_tables_numbers(ingelogd):
    csv_antwoord = ingelogd.get(reverse("monitoring:export", args=["geraamde-kosten-per-product", "csv"]), FILTERS)
    assert csv_antwoord["Content-Disposition"].endswith('.csv"')
    rijen = list(csv.reader(io.StringIO(csv_antwoord.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0] == ["Product", "Toewijzingen in periode", "Geraamde kosten (€)", "Zonder tarief"]
    assert rijen[-1] == ["Totaal", "6", "4412.00", "1"]
    xlsx = ingelogd.get(reverse("monitoring:export", args=["wijken", "xlsx"]), FILTERS)
    blad = load_workbook(io.BytesIO(xlsx.content)).active
    waarden = list(blad.iter_rows(values_only=True))
    assert waarden[1][0] == "Wijk"
    nieuw = next(r for r in waarden if r[0] == "Nieuw")
    assert nieuw[1:4] == (2000, 1, 0.5) and float(nieuw[4]) == 3692.0


def test_every_registered_table_exports(ingelogd):
    from openwmo.monitoring.tabellen import RAPPORTEN

    for naam in RAPPORTEN:
        for formaat in ("csv", "xlsx"):
            assert ingelogd.get(reverse("monitoring:export", args=[naam, formaat]), FILTERS).status_code == 200


def test_doelenboom_groups_indicators_by_level_with_values(ingelogd):
    antwoord = ingelogd.get(reverse("monitoring:indicatoren"), FILTERS)
    niveaus = antwoord.context["niveaus"]
    assert [n["code"] for n in niveaus] == ["impact", "outcome", "output", "throughput", "input"]
    waarden = {r["indicator"].code: r["waarde"] for n in niveaus for r in n["rijen"]}
    assert waarden["OP1"] == 3 and waarden["TH1"] == 5 and str(waarden["IN1"]) == "4412.00"
    assert waarden["OP3"] == 50
    html = antwoord.content.decode()
    assert "Nog niet beschikbaar" in html and "Doelen behaald" in html


def test_council_pdf_contains_the_tables_numbers(ingelogd, kleine_gemeente):
    from openwmo.monitoring.pdf import raadsrapport_document

    antwoord = ingelogd.get(reverse("monitoring:raadsrapport"), FILTERS)
    assert antwoord.status_code == 200 and antwoord.content.startswith(b"%PDF")
    # no pdftotext or pypdf here: read the text from WeasyPrint's rendered document instead
    scope = antwoord.wsgi_request and _scope(ingelogd.get(reverse("monitoring:dashboard", args=["kosten"]), FILTERS))
    tekst = _tekst(raadsrapport_document(scope))
    assert "Raadsrapportage Wmo 2017" in tekst
    assert "4.412,00" in tekst and "3.692,00" in tekst and "Hulp bij het huishouden + Begeleiding individueel" in tekst


def _scope(antwoord):
    return antwoord.context["form"].scope()


def _tekst(document) -> str:
    delen = []

    def loop(doos):
        if getattr(doos, "text", None):
            delen.append(doos.text)
        for kind in getattr(doos, "children", []) or []:
            loop(kind)

    for pagina in document.pages:
        loop(pagina._page_box)
    return " ".join(delen)


def test_gmsd_export_is_for_the_beheerder_only_and_logged(client, kleine_gemeente, controller):
    client.force_login(controller)
    assert client.get(reverse("monitoring:gmsd")).status_code == 403
    beheerder = UserFactory(rol="beheerder", gemeenten=[kleine_gemeente["gemeente"]])
    client.force_login(beheerder)
    assert client.get(reverse("monitoring:gmsd")).status_code == 200
    gemeente = kleine_gemeente["gemeente"]
    antwoord = client.get(reverse("monitoring:gmsd"), {"gemeente": gemeente.pk, "jaar": 2017})
    regels = list(csv.reader(io.StringIO(antwoord.content.decode()), delimiter=";"))
    assert regels[0][:4] == ["gemeentecode", "verslagjaar", "bsn", "toewijzingsnummer"]
    assert len(regels) == 1 + 6  # the six Rijswijk allocations of 2017, not Delft's
    hh = next(r for r in regels[1:] if r[5] == "01A01" and r[7] == "20160601")
    assert hh[0] == "0603" and hh[8] == "" and hh[9] == "1" and len(hh[2]) == 9
    log = Verwerking.objects.get(actie="exporteren")
    assert log.gebruiker == beheerder and log.gemeente == gemeente and "6 regels" in log.omschrijving


def test_gmsd_refuses_another_municipality(client, kleine_gemeente):
    client.force_login(UserFactory(rol="beheerder", gemeenten=[kleine_gemeente["gemeente"]]))
    antwoord = client.get(reverse("monitoring:gmsd"), {"gemeente": kleine_gemeente["delft"].pk, "jaar": 2017})
    assert antwoord.status_code == 400 and "Selecteer een geldige keuze" in antwoord.content.decode()
    assert not Verwerking.objects.filter(actie="exporteren").exists()


def test_report_command_knows_the_new_tables(kleine_gemeente):
    from django.core.management import call_command

    uit = io.StringIO()
    call_command("report", "wijken", "--gemeente", "0603", "--peildatum", "2017-01-10", stdout=uit)
    assert "Nieuw" in uit.getvalue() and "3692.00" in uit.getvalue()

"""Who may open the procurement, budget and scenario screens, and what they see."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from openwmo.bekostiging.models import Begroting, Scenario
from openwmo.bekostiging.services import scenario_create
from openwmo.inkoop.models import Aanbieder, Contract, Tarief

from ..factories import UserFactory

D = datetime.date


@pytest.fixture
def gebruikers(rijswijk, delft):
    return {
        rol: UserFactory(username=rol, rol=rol, gemeenten=[rijswijk])
        for rol in ("consulent", "contractmanager", "controller", "beheerder", "aanbieder")
    }


INKOOP = ["inkoop:aanbieder-lijst", "inkoop:aanbesteding-lijst", "inkoop:contract-lijst", "inkoop:contract-nieuw"]
STUUR = ["bekostiging:begroting", "bekostiging:scenario-lijst", "bekostiging:scenario-nieuw"]


@pytest.mark.parametrize(
    ("rol", "inkoop", "stuur"),
    [
        ("consulent", 403, 403),
        ("aanbieder", 403, 403),
        ("controller", 403, 200),
        ("contractmanager", 200, 200),
        ("beheerder", 200, 200),
    ],
)
def test_roles(client, gebruikers, rol, inkoop, stuur):
    client.force_login(gebruikers[rol])
    assert {naam: client.get(reverse(naam)).status_code for naam in INKOOP} == dict.fromkeys(INKOOP, inkoop)
    assert {naam: client.get(reverse(naam)).status_code for naam in STUUR} == dict.fromkeys(STUUR, stuur)
    assert client.get(reverse("bekostiging:begroting-nieuw")).status_code == inkoop


def test_anonymous_users_go_to_the_login_page(client, db):
    antwoord = client.get(reverse("inkoop:contract-lijst"))
    assert antwoord.status_code == 302 and antwoord["Location"].startswith(reverse("login"))


def test_navigation_per_role(client, gebruikers):
    client.force_login(gebruikers["controller"])
    tekst = client.get(reverse("start")).text
    assert "Scenario&#x27;s" in tekst and "Begroting" in tekst and "Contracten" not in tekst
    client.force_login(gebruikers["contractmanager"])
    tekst = client.get(reverse("start")).text
    assert all(label in tekst for label in ("Aanbieders", "Aanbestedingen", "Contracten", "Begroting"))


def test_contract_with_tariff_through_the_forms(client, gebruikers, wereld):
    client.force_login(gebruikers["contractmanager"])
    antwoord = client.post(
        reverse("inkoop:contract-nieuw"),
        {
            "nummer": "H4-2025-01",
            "aanbieder": wereld.aanbieder.pk,
            "gemeenten": [wereld.rijswijk.pk],
            "ingangsdatum": "2025-01-01",
            "einddatum": "2026-12-31",
            "verlenging_jaren": "2",
            "verlengingen_maximaal": "1",
        },
    )
    contract = Contract.objects.get(nummer="H4-2025-01")
    assert antwoord["Location"] == reverse("inkoop:contract-detail", args=[contract.pk])
    client.post(
        reverse("inkoop:contractproduct-nieuw", args=[contract.pk]),
        {"product": wereld.uur.pk, "bekostigingsvorm": "inspanningsgericht"},
    )
    url = reverse("inkoop:tarief-nieuw", args=[contract.pk])
    client.post(
        url, {"product": wereld.uur.pk, "ingangsdatum": "2025-01-01", "einddatum": "2025-12-31", "bedrag": "61,25"}
    )
    assert Tarief.objects.get(contract=contract).bedrag == Decimal("61.25")
    # An overlapping tariff: the form shows the Dutch message at the field and writes nothing.
    antwoord = client.post(url, {"product": wereld.uur.pk, "ingangsdatum": "2025-06-01", "bedrag": "70"})
    assert "Deze periode overlapt met het tarief vanaf 01-01-2025" in antwoord.text
    assert Tarief.objects.filter(contract=contract).count() == 1
    # Extension through the button.
    client.post(reverse("inkoop:contract-verlengen", args=[contract.pk]))
    contract.refresh_from_db()
    assert contract.einddatum == D(2028, 12, 31)
    detail = client.get(reverse("inkoop:contract-detail", args=[contract.pk])).text
    assert "€ 61,25" in detail and "31-12-2028" in detail


def test_provider_form_refuses_a_bad_agb_code(client, gebruikers):
    client.force_login(gebruikers["contractmanager"])
    antwoord = client.post(reverse("inkoop:aanbieder-nieuw"), {"naam": "X", "agb_code": "123", "soort": "zorg"})
    assert "Een AGB-code bestaat uit precies 8 cijfers." in antwoord.text
    assert not Aanbieder.objects.filter(naam="X").exists()


def test_budget_page_shows_budget_estimate_and_dash_for_unknown_income(client, gebruikers, wereld):
    Begroting.objects.create(
        gemeente=wereld.rijswijk, voorzieningsoort=wereld.uur.voorzieningsoort, jaar=2024, uitgaven=Decimal("1500.00")
    )
    Begroting.objects.create(
        gemeente=wereld.delft, voorzieningsoort=wereld.uur.voorzieningsoort, jaar=2024, uitgaven=Decimal("99999.00")
    )
    wereld.toewijzing(wereld.rijswijk, D(2024, 1, 1), D(2024, 1, 28))
    client.force_login(gebruikers["controller"])
    tekst = client.get(reverse("bekostiging:begroting"), {"peildatum": "2025-06-30"}).text
    assert "€ 1.500,00" in tekst and "€ 720,00" in tekst and "€ 780,00" in tekst
    assert "99.999" not in tekst  # Delft is not the controller's municipality
    assert "nog niet uit goedgekeurde declaraties" in tekst


def test_controller_budget_form_is_for_contract_managers_and_saves_per_municipality(client, gebruikers, wereld):
    client.force_login(gebruikers["contractmanager"])
    velden = {
        "gemeente": wereld.rijswijk.pk,
        "voorzieningsoort": wereld.uur.voorzieningsoort.pk,
        "jaar": "2025",
        "uitgaven": "1.000",
    }
    client.post(reverse("bekostiging:begroting-nieuw"), {**velden, "uitgaven": "1000,50"})
    client.post(reverse("bekostiging:begroting-nieuw"), {**velden, "uitgaven": "2000"})
    assert list(Begroting.objects.values_list("uitgaven", flat=True)) == [Decimal("2000.00")]
    antwoord = client.post(reverse("bekostiging:begroting-nieuw"), {**velden, "gemeente": wereld.delft.pk})
    assert "Selecteer een geldige keuze" in antwoord.text


def test_scenario_through_the_form_then_detail_with_chart_data(client, gebruikers, wereld):
    wereld.toewijzing(wereld.rijswijk, D(2025, 1, 1), D(2025, 1, 28))
    client.force_login(gebruikers["controller"])
    antwoord = client.post(
        reverse("bekostiging:scenario-nieuw"),
        {
            "naam": "Output 500",
            "jaar": "2025",
            "gemeenten": [wereld.rijswijk.pk],
            "model": "output_per_4_weken",
            "tarief": "500",
        },
    )
    scenario = Scenario.objects.get()
    assert antwoord["Location"] == reverse("bekostiging:scenario-detail", args=[scenario.pk])
    tekst = client.get(antwoord["Location"]).text
    assert 'id="grafiek-data"' in tekst and '"500.00"' in tekst and "openwmo/grafiek.js" in tekst
    assert "<script>" not in tekst  # no inline scripts
    assert "−€ 220,00" in tekst


def test_scenario_form_names_the_missing_parameter(client, gebruikers, wereld):
    client.force_login(gebruikers["controller"])
    antwoord = client.post(
        reverse("bekostiging:scenario-nieuw"),
        {"naam": "x", "jaar": "2025", "regio": wereld.rijswijk.regio_id, "model": "populatiebudget"},
    )
    assert "Vul de efficiencykorting in (0 voor geen korting)." in antwoord.text
    assert not Scenario.objects.exists()


def test_scenarios_of_other_municipalities_are_hidden_and_compare_side_by_side(client, gebruikers, wereld):
    eigen = scenario_create(
        user=None,
        naam="Eigen",
        jaar=2025,
        gemeenten=[wereld.rijswijk],
        model="tarief_index",
        parameters={"percentage": "1"},
    )
    tweede = scenario_create(
        user=None,
        naam="Tweede",
        jaar=2025,
        gemeenten=[wereld.rijswijk],
        model="tarief_index",
        parameters={"percentage": "2"},
    )
    regio = scenario_create(
        user=None,
        naam="Regio",
        jaar=2025,
        gemeenten=[wereld.rijswijk, wereld.delft],
        model="tarief_index",
        parameters={"percentage": "1"},
    )
    client.force_login(gebruikers["controller"])
    lijst = client.get(reverse("bekostiging:scenario-lijst")).text
    assert "Eigen" in lijst and "Regio" not in lijst
    assert client.get(reverse("bekostiging:scenario-detail", args=[regio.pk])).status_code == 404
    vergelijk = client.get(reverse("bekostiging:scenario-vergelijk"), {"id": [eigen.pk, tweede.pk, regio.pk]}).text
    assert "Eigen" in vergelijk and "Tweede" in vergelijk and ">Regio<" not in vergelijk

"""Writes through the API call the toegang services: the same checks and Dutch messages as the web UI."""

import pytest

from openwmo.toegang.models import Beschikking, Toewijzing

from ..factories import DoelFactory, ProductFactory, UserFactory
from .conftest import api_als

pytestmark = pytest.mark.django_db


def _toewijzing(bsn, aanbieder, **extra):
    return {
        "bsn": bsn,
        "productcode": "02A01",
        "aanbieder": aanbieder,
        "ingangsdatum": "2016-02-01",
        "einddatum": "2016-12-31",
        "volume": "3",
        "eenheid": "04",
        "frequentie": "2",
        **extra,
    }


def test_a_consulent_allocates_through_the_api(consulent_rijswijk, client_rijswijk, contract_rijswijk):
    agb = contract_rijswijk.contract.aanbieder.agb_code
    antwoord = api_als(consulent_rijswijk).post(
        "/api/v1/toewijzingen/", _toewijzing(client_rijswijk.bsn, agb), format="json"
    )
    assert antwoord.status_code == 201, antwoord.json()
    nummer = antwoord.json()["toewijzingsnummer"]
    toewijzing = Toewijzing.objects.get(toewijzingsnummer=nummer)
    assert toewijzing.client == client_rijswijk and toewijzing.gemeente.cbs_code == "0603"
    assert antwoord.json()["bsn"] == client_rijswijk.bsn


def test_an_overlapping_allocation_gets_400_with_the_services_dutch_message(
    consulent_rijswijk, client_rijswijk, contract_rijswijk
):
    api = api_als(consulent_rijswijk)
    agb = contract_rijswijk.contract.aanbieder.agb_code
    assert api.post("/api/v1/toewijzingen/", _toewijzing(client_rijswijk.bsn, agb), format="json").status_code == 201
    tweede = api.post(
        "/api/v1/toewijzingen/", _toewijzing(client_rijswijk.bsn, agb, ingangsdatum="2016-06-01"), format="json"
    )
    assert tweede.status_code == 400
    assert "mogen niet overlappen" in tweede.json()["ingangsdatum"][0]
    assert Toewijzing.objects.count() == 1


def test_no_contract_gives_400_naming_the_provider_field(consulent_rijswijk, client_rijswijk, rijswijk):
    from ..factories import AanbiederFactory, ProductFactory

    ProductFactory()
    aanbieder = AanbiederFactory()
    antwoord = api_als(consulent_rijswijk).post(
        "/api/v1/toewijzingen/", _toewijzing(client_rijswijk.bsn, aanbieder.agb_code), format="json"
    )
    assert antwoord.status_code == 400
    assert "geen contract met een tarief" in antwoord.json()["aanbieder"][0]


def test_unknown_references_are_named_per_field(consulent_rijswijk, client_delft):
    antwoord = api_als(consulent_rijswijk).post(
        "/api/v1/toewijzingen/", _toewijzing(client_delft.bsn, "12345678", productcode="99X99"), format="json"
    )
    assert antwoord.status_code == 400
    assert antwoord.json() == {
        "bsn": [f"Geen cliënt met BSN {client_delft.bsn} in uw gemeenten."],
        "productcode": ["Onbekende productcode 99X99."],
        "aanbieder": ["Onbekende aanbieder met AGB-code 12345678."],
    }


def test_a_municipality_the_user_does_not_work_for_gives_403(consulent_rijswijk, client_rijswijk, delft):
    antwoord = api_als(consulent_rijswijk).post(
        "/api/v1/beschikkingen/",
        {"bsn": client_rijswijk.bsn, "gemeente": "0503", "besluitdatum": "2016-01-10", "ingangsdatum": "2016-02-01"},
        format="json",
    )
    assert antwoord.status_code == 403
    assert antwoord.json() == {"detail": "U werkt niet voor gemeente Delft."}


def test_a_grant_without_a_goal_in_an_active_plan_is_refused(consulent_rijswijk, client_rijswijk, referentie):
    antwoord = api_als(consulent_rijswijk).post(
        "/api/v1/beschikkingen/",
        {
            "bsn": client_rijswijk.bsn,
            "besluitdatum": "2016-01-10",
            "ingangsdatum": "2016-02-01",
            "einddatum": "2016-12-31",
            "producten": [{"productcode": "02A01", "volume": "3"}],
        },
        format="json",
    )
    assert antwoord.status_code == 400
    assert "minstens één doel in het actieve ondersteuningsplan" in antwoord.json()["besluit"][0]
    assert not Beschikking.objects.exists()


def test_a_consulent_records_a_decision_and_dates_out_of_order_are_refused(consulent_rijswijk, client_rijswijk):
    DoelFactory(plan__client=client_rijswijk)
    api = api_als(consulent_rijswijk)
    goed = api.post(
        "/api/v1/beschikkingen/",
        {
            "bsn": client_rijswijk.bsn,
            "besluitdatum": "2016-01-10",
            "ingangsdatum": "2016-02-01",
            "einddatum": "2016-12-31",
            "producten": [{"productcode": ProductFactory().productcode, "volume": "3"}],
        },
        format="json",
    )
    assert goed.status_code == 201, goed.json()
    assert goed.json()["gemeente"] == "0603"
    assert Beschikking.objects.get().producten.count() == 1
    fout = api.post(
        "/api/v1/beschikkingen/",
        {
            "bsn": client_rijswijk.bsn,
            "besluitdatum": "2016-01-10",
            "ingangsdatum": "2016-02-01",
            "einddatum": "2016-01-01",
        },
        format="json",
    )
    assert fout.status_code == 400
    assert fout.json() == {"einddatum": ["De einddatum van de beschikking ligt vóór de ingangsdatum."]}
    assert Beschikking.objects.count() == 1


def test_roles_without_personal_data_cannot_write(controller_rijswijk, client_rijswijk):
    antwoord = api_als(controller_rijswijk).post(
        "/api/v1/beschikkingen/",
        {"bsn": client_rijswijk.bsn, "besluitdatum": "2016-01-10", "ingangsdatum": "2016-02-01"},
        format="json",
    )
    assert antwoord.status_code == 403
    aanbieder = UserFactory(rol="aanbieder", gemeenten=[client_rijswijk.gemeente])
    assert api_als(aanbieder).post("/api/v1/toewijzingen/", {}, format="json").status_code == 403


def test_a_bsn_that_is_a_client_of_two_of_the_users_municipalities_needs_the_municipality(
    client_rijswijk, rijswijk, delft
):
    """Client records are per municipality: the `gemeente` of the resource picks the record, never a guess."""
    from ..factories import ClientFactory

    van_delft = ClientFactory(bsn=client_rijswijk.bsn, gemeente=delft)
    DoelFactory(plan__client=van_delft)
    api = api_als(UserFactory(rol="consulent", gemeenten=[rijswijk, delft]))
    besluit = {
        "bsn": client_rijswijk.bsn,
        "besluitdatum": "2016-01-10",
        "ingangsdatum": "2016-02-01",
        "einddatum": "2016-12-31",
        "producten": [{"productcode": ProductFactory().productcode, "volume": "3"}],
    }
    zonder = api.post("/api/v1/beschikkingen/", besluit, format="json")
    assert zonder.status_code == 400
    assert zonder.json() == {
        "bsn": [f"Cliënt met BSN {client_rijswijk.bsn} staat in meer dan één van uw gemeenten; geef de gemeente op."]
    }
    met = api.post("/api/v1/beschikkingen/", {**besluit, "gemeente": "0503"}, format="json")
    assert met.status_code == 201, met.json()
    assert Beschikking.objects.get().client == van_delft

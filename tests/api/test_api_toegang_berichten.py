"""Meldingen and ondersteuningsplannen through the API (personal data: consultant roles of the municipality, every
read logged), and iWmo messages delivered with a token (the same sender and municipality rules as the web)."""

from datetime import date

import pytest

from openwmo.berichten import simulator
from openwmo.berichten.models import Bericht
from openwmo.core.models import Verwerking
from openwmo.toegang import services as toegang
from tests.factories import ClientFactory, ResultaatgebiedFactory, UserFactory

from .conftest import api_als


@pytest.fixture
def dossier(rijswijk, client_rijswijk, consulent_rijswijk):
    melding = toegang.melding_create(
        user=consulent_rijswijk,
        client=client_rijswijk,
        meldingsdatum=date(2024, 3, 4),
        kanaal="telefoon",
        vraag="Hulp bij het huishouden",
    )
    plan = toegang.plan_create(user=consulent_rijswijk, client=client_rijswijk, ingangsdatum=date(2024, 4, 1))
    toegang.doel_create(
        user=consulent_rijswijk,
        plan=plan,
        resultaatgebied=ResultaatgebiedFactory(code="HH", naam="Schoon huis"),
        omschrijving="Zelf de keuken bijhouden",
    )
    return melding, plan


def test_a_consultant_reads_meldingen_and_each_read_is_logged(dossier, consulent_rijswijk):
    melding, _plan = dossier
    api = api_als(consulent_rijswijk)
    voor = Verwerking.objects.filter(object_type="Melding").count()
    lijst = api.get("/api/v1/meldingen/?meldingsdatum_vanaf=2024-03-01&gemeente=0603").json()
    assert [m["id"] for m in lijst["results"]] == [melding.pk]
    assert lijst["results"][0]["vraag"] == "Hulp bij het huishouden"
    assert lijst["results"][0]["onderzoek_uiterlijk"] == "2024-04-15"
    assert api.get("/api/v1/meldingen/?meldingsdatum_tot=2024-03-03").json()["count"] == 0
    detail = api.get(f"/api/v1/meldingen/{melding.pk}/").json()
    assert detail["bsn"] == melding.client.bsn
    assert Verwerking.objects.filter(object_type="Melding").count() == voor + 3
    assert Verwerking.objects.filter(object_type="Melding", betrokkene=melding.client).exists()


def test_a_plan_comes_with_its_goals_per_result_area(dossier, consulent_rijswijk):
    _melding, plan = dossier
    data = api_als(consulent_rijswijk).get(f"/api/v1/ondersteuningsplannen/{plan.pk}/").json()
    assert data["status"] == "actief" and data["ingangsdatum"] == "2024-04-01"
    assert [(d["resultaatgebied"], d["resultaatgebied_naam"], d["omschrijving"]) for d in data["doelen"]] == [
        ("HH", "Schoon huis", "Zelf de keuken bijhouden")
    ]
    api = api_als(consulent_rijswijk)
    assert api.get("/api/v1/ondersteuningsplannen/?ingangsdatum_vanaf=2024-04-02").json()["count"] == 0
    assert api.get("/api/v1/ondersteuningsplannen/?ingangsdatum_vanaf=2024-04-01").json()["count"] == 1


@pytest.mark.parametrize("pad", ["meldingen", "ondersteuningsplannen"])
def test_another_municipality_and_roles_without_personal_data_see_no_case_records(dossier, delft, rijswijk, pad):
    melding, plan = dossier
    pk = melding.pk if pad == "meldingen" else plan.pk
    delft_consulent = api_als(UserFactory(rol="consulent", gemeenten=[delft]))
    ClientFactory(gemeente=delft)
    assert delft_consulent.get(f"/api/v1/{pad}/").json()["count"] == 0
    assert delft_consulent.get(f"/api/v1/{pad}/{pk}/").status_code == 404
    assert delft_consulent.get(f"/api/v1/{pad}/?gemeente=0603").json()["count"] == 0
    controller = api_als(UserFactory(rol="controller", gemeenten=[rijswijk]))
    assert controller.get(f"/api/v1/{pad}/").status_code == 403
    assert controller.get(f"/api/v1/{pad}/{pk}/").status_code == 403


def test_a_bad_date_filter_is_a_dutch_400(dossier, consulent_rijswijk):
    antwoord = api_als(consulent_rijswijk).get("/api/v1/meldingen/?meldingsdatum_vanaf=gisteren")
    assert antwoord.status_code == 400 and "JJJJ-MM-DD" in antwoord.json()["meldingsdatum_vanaf"][0]


def _start(t, identificatie="START305"):
    return simulator.startbericht(t, t.ingangsdatum, date.today(), identificatie=identificatie)


def test_a_provider_delivers_a_message_with_its_token_and_gets_the_answer_xml(twee_aanbieders):
    eerste, _tweede, t1, _t2 = twee_aanbieders
    api = api_als(eerste.user)
    antwoord = api.generic("POST", "/api/v1/berichten/", _start(t1), content_type="application/xml")
    assert antwoord.status_code == 200, antwoord.content
    assert antwoord["Content-Type"] == "application/xml" and b"wmo306:Bericht" in antwoord.content
    aantal = Bericht.objects.count()
    opnieuw = api.generic("POST", "/api/v1/berichten/", _start(t1), content_type="application/xml")
    assert opnieuw.status_code == antwoord.status_code and opnieuw.content == antwoord.content
    assert Bericht.objects.count() == aantal  # the same message again changes nothing


def test_a_provider_cannot_deliver_in_another_providers_name(twee_aanbieders):
    eerste, tweede, t1, _t2 = twee_aanbieders
    antwoord = api_als(tweede.user).generic("POST", "/api/v1/berichten/", _start(t1), content_type="application/xml")
    assert antwoord.status_code == 403 and antwoord.json()["detail"]
    assert not Bericht.objects.exists()


def test_a_municipal_user_of_another_municipality_cannot_deliver(twee_aanbieders, delft):
    _eerste, _tweede, t1, _t2 = twee_aanbieders
    consulent = UserFactory(rol="consulent", gemeenten=[delft])
    antwoord = api_als(consulent).generic("POST", "/api/v1/berichten/", _start(t1), content_type="application/xml")
    assert antwoord.status_code == 403
    controller = UserFactory(rol="controller", gemeenten=[t1.gemeente])
    antwoord = api_als(controller).generic("POST", "/api/v1/berichten/", _start(t1), content_type="application/xml")
    assert antwoord.status_code == 403  # a role without messages
    assert not Bericht.objects.exists()


def test_messages_must_be_xml_and_garbage_is_rejected_technically(twee_aanbieders):
    eerste, _tweede, _t1, _t2 = twee_aanbieders
    api = api_als(eerste.user)
    assert api.post("/api/v1/berichten/", {"a": 1}, format="json").status_code == 415
    antwoord = api.generic("POST", "/api/v1/berichten/", b"<niet-iwmo/>", content_type="application/xml")
    assert antwoord.status_code == 422 and antwoord.json()["retourcodes"] == ["0001"]


def test_a_message_over_the_limit_is_refused(twee_aanbieders, settings):
    settings.OPENWMO_BERICHT_MAX_BYTES = 100
    eerste, _tweede, t1, _t2 = twee_aanbieders
    antwoord = api_als(eerste.user).generic("POST", "/api/v1/berichten/", _start(t1), content_type="application/xml")
    assert antwoord.status_code == 413 and not Bericht.objects.exists()

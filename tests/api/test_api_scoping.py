"""The API shows each user exactly what the web UI shows: own municipalities, own provider, BSN only to some."""

import pytest
from rest_framework.test import APIClient

from openwmo.core.models import Verwerking

from ..factories import ClientFactory, GemeenteFactory, UserFactory
from .conftest import api_als

pytestmark = pytest.mark.django_db


def test_without_token_the_api_answers_401():
    antwoord = APIClient().get("/api/v1/toewijzingen/")
    assert antwoord.status_code == 401
    assert antwoord["WWW-Authenticate"] == "Token"


def test_a_wrong_token_is_refused():
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")
    assert client.get("/api/v1/gemeenten/").status_code == 401


def test_a_providers_token_cannot_read_another_providers_allocations(twee_aanbieders):
    eerste, tweede, t1, t2 = twee_aanbieders
    api = api_als(eerste.user)
    lijst = api.get("/api/v1/toewijzingen/").json()
    assert [t["toewijzingsnummer"] for t in lijst["results"]] == [t1.toewijzingsnummer]
    assert api.get(f"/api/v1/toewijzingen/{t2.toewijzingsnummer}/").status_code == 404
    assert api.get(f"/api/v1/toewijzingen/{t1.toewijzingsnummer}/").status_code == 200


def test_a_provider_sees_the_bsn_only_on_its_own_allocations_and_no_clients_or_decisions(twee_aanbieders):
    """The BSN is in every WMO301 the provider receives and must go back in its 305/307/323; nothing more."""
    eerste, _tweede, t1, t2 = twee_aanbieders
    api = api_als(eerste.user)
    assert api.get(f"/api/v1/toewijzingen/{t1.toewijzingsnummer}/").json()["bsn"] == t1.client.bsn
    assert [t["bsn"] for t in api.get("/api/v1/toewijzingen/").json()["results"]] == [t1.client.bsn]
    assert api.get(f"/api/v1/toewijzingen/{t2.toewijzingsnummer}/").status_code == 404
    assert api.get("/api/v1/clienten/").status_code == 403
    assert api.get(f"/api/v1/clienten/{t1.client.pk}/").status_code == 403
    assert api.get("/api/v1/beschikkingen/").status_code == 403
    assert [a["agb_code"] for a in api.get("/api/v1/aanbieders/").json()["results"]] == [eerste.aanbieder.agb_code]


def test_a_municipalitys_token_cannot_read_another_municipalitys_clients(
    consulent_rijswijk, client_rijswijk, client_delft
):
    api = api_als(consulent_rijswijk)
    lijst = api.get("/api/v1/clienten/").json()
    assert [c["bsn"] for c in lijst["results"]] == [client_rijswijk.bsn]
    antwoord = api.get(f"/api/v1/clienten/{client_delft.pk}/")
    assert antwoord.status_code == 404
    assert antwoord.json() == {"detail": "Niet gevonden."}
    assert api.get("/api/v1/clienten/?gemeente=0503").json()["count"] == 0


def test_every_read_of_a_client_is_in_the_audit_log(consulent_rijswijk, client_rijswijk):
    api = api_als(consulent_rijswijk)
    api.get("/api/v1/clienten/")
    api.get(f"/api/v1/clienten/{client_rijswijk.pk}/")
    gelogd = Verwerking.objects.filter(gebruiker=consulent_rijswijk, actie="lezen", object_type="Client")
    assert gelogd.count() == 2
    assert gelogd.filter(betrokkene=client_rijswijk).exists()


def test_roles_without_personal_data_get_403_on_clients_and_no_bsn(controller_rijswijk, twee_aanbieders):
    api = api_als(controller_rijswijk)
    antwoord = api.get("/api/v1/clienten/")
    assert antwoord.status_code == 403
    assert "persoonsgegevens" in antwoord.json()["detail"]
    toewijzingen = api.get("/api/v1/toewijzingen/").json()["results"]
    assert len(toewijzingen) == 2 and all(t["bsn"] is None for t in toewijzingen)
    assert not Verwerking.objects.filter(gebruiker=controller_rijswijk, actie="lezen").exists()


def test_municipalities_list_only_the_users_own(consulent_rijswijk, delft):
    cbs = [g["cbs_code"] for g in api_als(consulent_rijswijk).get("/api/v1/gemeenten/").json()["results"]]
    assert cbs == ["0603"]


def test_pagination_is_100_by_default_and_refuses_more_than_1000(consulent_rijswijk, rijswijk):
    ClientFactory.create_batch(101, gemeente=rijswijk)
    api = api_als(consulent_rijswijk)
    eerste = api.get("/api/v1/clienten/").json()
    assert eerste["count"] == 101 and len(eerste["results"]) == 100 and eerste["next"]
    assert len(api.get("/api/v1/clienten/?page=2").json()["results"]) == 1
    te_veel = api.get("/api/v1/clienten/?page_size=1001")
    assert te_veel.status_code == 400
    assert te_veel.json() == {"page_size": ["Geef een paginagrootte van 1 tot en met 1000."]}
    assert api.get("/api/v1/clienten/?page=99").status_code == 404


def test_date_and_municipality_filters(controller_rijswijk, twee_aanbieders):
    _eerste, _tweede, t1, _t2 = twee_aanbieders
    api = api_als(controller_rijswijk)
    assert api.get("/api/v1/toewijzingen/?actief_op=2016-06-01").json()["count"] == 2
    assert api.get("/api/v1/toewijzingen/?actief_op=2017-01-01").json()["count"] == 0
    assert api.get("/api/v1/toewijzingen/?ingangsdatum_vanaf=2016-02-02").json()["count"] == 0
    assert api.get("/api/v1/toewijzingen/?ingangsdatum_tot=2016-02-01&gemeente=0603").json()["count"] == 2
    fout = api.get("/api/v1/toewijzingen/?actief_op=1-1-2016&gemeente=Rijswijk").json()
    assert fout == {
        "gemeente": ["Geef de CBS-code van de gemeente met 4 cijfers, bijv. 0603."],
        "actief_op": ["Geef een datum als JJJJ-MM-DD."],
    }


def test_contracts_and_tariffs_of_the_users_municipalities(contract_rijswijk, controller_rijswijk):
    api = api_als(controller_rijswijk)
    contracten = api.get("/api/v1/contracten/").json()["results"]
    assert [c["nummer"] for c in contracten] == [contract_rijswijk.contract.nummer]
    tarieven = api.get("/api/v1/tarieven/?actief_op=2016-01-01").json()["results"]
    assert tarieven[0]["bedrag"] == "58.40" and tarieven[0]["productcode"] == "02A01"
    elders = api_als(UserFactory(rol="controller", gemeenten=[GemeenteFactory(cbs_code="0637", naam="Zoetermeer")]))
    assert elders.get("/api/v1/contracten/").json()["count"] == 0


@pytest.mark.parametrize("sleutel", ["\x00", "a" * 40 + "\x00", "ZZZ", "0" * 39, "g" * 40])
def test_a_malformed_token_is_refused_with_401_not_a_server_error(db, sleutel):
    """Found by tests/fuzz: a NUL byte in the token made PostgreSQL raise DataError (a 500)."""
    from rest_framework.test import APIClient

    antwoord = APIClient().get("/api/v1/gemeenten/", HTTP_AUTHORIZATION=f"Token {sleutel}")
    assert antwoord.status_code == 401


@pytest.mark.parametrize("pad", ["gemeenten", "clienten", "beschikkingen", "toewijzingen", "aanbieders", "producten"])
def test_a_nul_byte_in_an_identifier_is_a_404_not_a_database_error(consulent_rijswijk, pad):
    """PostgreSQL refuses NUL bytes in text: the URL patterns must refuse them first (found by the fuzz suite)."""
    assert api_als(consulent_rijswijk).get(f"/api/v1/{pad}/%00/").status_code == 404


def test_a_providers_reads_of_bsns_are_in_the_audit_log(twee_aanbieders):
    eerste, _tweede, t1, _t2 = twee_aanbieders
    api = api_als(eerste.user)
    api.get("/api/v1/toewijzingen/")
    api.get(f"/api/v1/toewijzingen/{t1.toewijzingsnummer}/")
    gelogd = Verwerking.objects.filter(gebruiker=eerste.user, rol="aanbieder", actie="lezen", object_type="Toewijzing")
    assert gelogd.count() == 2
    detail = gelogd.get(object_id=str(t1.pk))
    assert detail.betrokkene == t1.client and detail.gemeente == t1.client.gemeente


def test_a_provider_without_a_provider_link_sees_nothing_and_no_bsn(rijswijk, twee_aanbieders):
    losse = UserFactory(rol="aanbieder", gemeenten=[rijswijk])
    assert api_als(losse).get("/api/v1/toewijzingen/").json()["count"] == 0


def test_a_contractmanager_still_sees_no_bsn(rijswijk, twee_aanbieders):
    _eerste, _tweede, t1, _t2 = twee_aanbieders
    api = api_als(UserFactory(rol="contractmanager", gemeenten=[rijswijk]))
    assert {t["bsn"] for t in api.get("/api/v1/toewijzingen/").json()["results"]} == {None}
    assert api.get(f"/api/v1/toewijzingen/{t1.toewijzingsnummer}/").json()["bsn"] is None
    assert not Verwerking.objects.filter(object_type="Toewijzing").exists()

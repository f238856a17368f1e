"""Claims through the API: reading (scoped, BSN only with personal data, logged) and submitting as JSON through
the same checks as a WMO323, with per-line outcomes; resubmitting changes nothing; bad input writes nothing."""

from datetime import date
from decimal import Decimal

import pytest

from openwmo.core.models import Verwerking
from openwmo.declaraties.models import Declaratie, Prestatie
from tests.factories import (
    AanbiederGebruikerFactory,
    ClientFactory,
    ContractFactory,
    ProductFactory,
    TariefFactory,
    ToewijzingFactory,
    UserFactory,
)

from .conftest import api_als

BSN = "999900006"


@pytest.fixture
def basis(rijswijk):
    """Allocation 1001 of 02A01 (4 hours a week in 2023, € 62.50/h) to a provider with one employee."""
    medewerker = AanbiederGebruikerFactory(user__gemeenten=[rijswijk], aanbieder__agb_code="12345678")
    aanbieder = medewerker.aanbieder
    client = ClientFactory(bsn=BSN, gemeente=rijswijk)
    product = ProductFactory()
    contract = ContractFactory(aanbieder=aanbieder, ingangsdatum=date(2023, 1, 1), einddatum=date(2023, 12, 31))
    contract.gemeenten.add(rijswijk)
    TariefFactory(contract=contract, product=product, ingangsdatum=date(2023, 1, 1), bedrag=Decimal("62.50"))
    toewijzing = ToewijzingFactory(
        toewijzingsnummer="1001",
        beschikking__client=client,
        gemeente=rijswijk,
        product=product,
        aanbieder=aanbieder,
        ingangsdatum=date(2023, 1, 1),
        einddatum=date(2023, 12, 31),
        volume=Decimal("4"),
        eenheid="04",
        frequentie="2",
    )
    return {"medewerker": medewerker, "toewijzing": toewijzing, "rijswijk": rijswijk}


def regel(**kw):
    waarden = {
        "referentienummer": "R1",
        "toewijzingsnummer": "1001",
        "bsn": BSN,
        "productcode": "02A01",
        "begindatum": "2023-03-01",
        "einddatum": "2023-03-31",
        "geleverd_volume": 17,
        "eenheid": "04",
        "producttarief": "62.50",
        "ingediend_bedrag": "1062.50",
    }
    return waarden | kw


def claim(*regels, **kw):
    return {
        "declaratienummer": "D1",
        "gemeente": "0603",
        "periode_begindatum": "2023-03-01",
        "periode_einddatum": "2023-03-31",
        "prestaties": list(regels) or [regel()],
    } | kw


def indienen(basis, body):
    return api_als(basis["medewerker"].user).post("/api/v1/declaraties/", body, format="json")


def test_a_provider_submits_a_claim_and_gets_the_outcome_per_line(basis):
    antwoord = indienen(basis, claim(regel(), regel(referentienummer="R2", toewijzingsnummer="9999")))
    assert antwoord.status_code == 201, antwoord.json()
    data = antwoord.json()
    assert [r["code"] for r in data["retourcodes"]] == ["0200"]  # partly approved
    assert data["declaratie"]["status"] == "deels" and data["declaratie"]["bron"] == "api"
    uitkomsten = {
        p["referentienummer"]: (p["status"], [r["code"] for r in p["retourcodes"]]) for p in data["prestaties"]
    }
    assert uitkomsten == {"R1": ("goedgekeurd", []), "R2": ("afgekeurd", ["9338"])}
    assert data["prestaties"][1]["retourcodes"][0]["omschrijving"]  # the Dutch meaning
    assert all(p["bsn"] is None for p in data["prestaties"])  # the answer to a submission repeats no BSNs
    assert Declaratie.objects.get().ingediend_door == basis["medewerker"].user


def test_resubmitting_the_same_claim_changes_nothing(basis):
    assert indienen(basis, claim()).status_code == 201
    aantal_log = Verwerking.objects.count()
    opnieuw = indienen(basis, claim())
    assert opnieuw.status_code == 200 and opnieuw.json()["herhaald"] is True
    assert Declaratie.objects.count() == 1 and Prestatie.objects.count() == 1
    assert Verwerking.objects.count() == aantal_log


def test_the_same_number_with_other_content_is_refused_with_9333(basis):
    indienen(basis, claim())
    antwoord = indienen(basis, claim(regel(geleverd_volume=1, ingediend_bedrag="62.50")))
    assert antwoord.status_code == 409
    assert [r["code"] for r in antwoord.json()["retourcodes"]] == ["9333"]
    assert "niets opgeslagen" in antwoord.json()["detail"]
    assert Prestatie.objects.get().volume == 17


def test_a_technically_wrong_claim_is_a_400_and_stores_nothing(basis):
    antwoord = indienen(basis, claim(periode_einddatum="2023-04-30"))  # not one calendar month
    assert antwoord.status_code == 400
    data = antwoord.json()
    assert [r["code"] for r in data["retourcodes"]] == ["0001"]
    assert any("CS340" in m for m in data["meldingen"])
    assert not Declaratie.objects.exists()


@pytest.mark.parametrize(
    ("body", "veld"),
    [
        (claim(regel(bsn="12")), "prestaties"),
        (claim(regel(eenheid="99")), "prestaties"),
        (claim(regel(ingediend_bedrag="1.234")), "prestaties"),
        (claim(regel(debet_credit="C")), "prestaties"),
        (claim(declaratienummer="D-1!"), "declaratienummer"),
        (claim(prestaties=[]), "prestaties"),
        (claim(periode_einddatum="2023-02-01"), "periode_einddatum"),
        (claim(totaal_ingediend_bedrag="1062.50"), "totaal_debet_credit"),
    ],
)
def test_bad_input_names_the_field_in_dutch_and_writes_nothing(basis, body, veld):
    antwoord = indienen(basis, body)
    assert antwoord.status_code == 400 and veld in antwoord.json(), antwoord.json()
    assert not Declaratie.objects.exists()


def test_only_a_providers_employee_submits_claims(basis, rijswijk):
    beheerder = UserFactory(rol="beheerder", gemeenten=[rijswijk])
    antwoord = api_als(beheerder).post("/api/v1/declaraties/", claim(), format="json")
    assert antwoord.status_code == 403 and "aanbieder" in antwoord.json()["detail"]
    assert not Declaratie.objects.exists()


def test_a_claim_in_another_providers_allocation_is_rejected(basis, rijswijk):
    ander = AanbiederGebruikerFactory(user__gemeenten=[rijswijk])
    antwoord = api_als(ander.user).post("/api/v1/declaraties/", claim(), format="json")
    assert antwoord.status_code == 201
    assert antwoord.json()["prestaties"][0]["status"] == "afgekeurd"
    assert Declaratie.objects.get().aanbieder == ander.aanbieder


def test_a_provider_reads_only_its_own_claims(basis, rijswijk):
    indienen(basis, claim())
    declaratie = Declaratie.objects.get()
    ander = api_als(AanbiederGebruikerFactory(user__gemeenten=[rijswijk]).user)
    assert ander.get("/api/v1/declaraties/").json()["count"] == 0
    assert ander.get(f"/api/v1/declaraties/{declaratie.pk}/").status_code == 404
    assert ander.get(f"/api/v1/declaraties/{declaratie.pk}/prestaties/").status_code == 404
    eigen = api_als(basis["medewerker"].user)
    assert eigen.get("/api/v1/declaraties/").json()["count"] == 1
    voor = Verwerking.objects.filter(object_type="Declaratie", actie="lezen", rol="aanbieder").count()
    # Its own claim: the BSN it claimed (it had it from the WMO301), and that read is logged.
    assert eigen.get(f"/api/v1/declaraties/{declaratie.pk}/prestaties/").json()["results"][0]["bsn"] == BSN
    gelogd = Verwerking.objects.filter(object_type="Declaratie", actie="lezen", rol="aanbieder")
    assert gelogd.count() == voor + 1
    assert gelogd.filter(gebruiker=basis["medewerker"].user, object_id=str(declaratie.pk)).exists()


def test_a_municipality_reads_only_its_own_claims_and_bsns_are_logged(basis, rijswijk, delft):
    indienen(basis, claim())
    declaratie = Declaratie.objects.get()
    delft_beheerder = api_als(UserFactory(rol="beheerder", gemeenten=[delft]))
    assert delft_beheerder.get("/api/v1/declaraties/").json()["count"] == 0
    assert delft_beheerder.get(f"/api/v1/declaraties/{declaratie.pk}/").status_code == 404
    controller = api_als(UserFactory(rol="controller", gemeenten=[rijswijk]))
    assert controller.get("/api/v1/declaraties/?gemeente=0603").json()["count"] == 1
    assert controller.get(f"/api/v1/declaraties/{declaratie.pk}/prestaties/").json()["results"][0]["bsn"] is None
    beheerder = api_als(UserFactory(rol="beheerder", gemeenten=[rijswijk]))
    voor = Verwerking.objects.filter(object_type="Declaratie", actie="lezen").count()
    regels = beheerder.get(f"/api/v1/declaraties/{declaratie.pk}/prestaties/?status=goedgekeurd").json()["results"]
    assert regels[0]["bsn"] == BSN
    assert Verwerking.objects.filter(object_type="Declaratie", actie="lezen").count() == voor + 1


def test_claims_filter_by_period_and_refuse_a_bad_date(basis, rijswijk):
    indienen(basis, claim())
    controller = api_als(UserFactory(rol="controller", gemeenten=[rijswijk]))
    assert controller.get("/api/v1/declaraties/?periode_begindatum_vanaf=2023-03-01").json()["count"] == 1
    assert controller.get("/api/v1/declaraties/?periode_begindatum_vanaf=2023-04-01").json()["count"] == 0
    fout = controller.get("/api/v1/declaraties/?periode_begindatum_tot=maart")
    assert fout.status_code == 400 and "JJJJ-MM-DD" in fout.json()["periode_begindatum_tot"][0]


def test_payment_batches_are_for_the_municipalitys_controller(basis, rijswijk, delft):
    from openwmo.declaraties.betaling import betaalbatch_maken

    indienen(basis, claim())
    batch = betaalbatch_maken(basis["medewerker"].aanbieder, rijswijk, date(2099, 1, 1))
    controller = api_als(UserFactory(rol="controller", gemeenten=[rijswijk]))
    data = controller.get(f"/api/v1/betaalbatches/{batch.pk}/").json()
    assert data["bedrag"] == "1062.50" and data["aanbieder"] == "12345678"
    assert (
        api_als(UserFactory(rol="controller", gemeenten=[delft])).get(f"/api/v1/betaalbatches/{batch.pk}/").status_code
        == 404
    )
    assert api_als(basis["medewerker"].user).get("/api/v1/betaalbatches/").json()["count"] == 0

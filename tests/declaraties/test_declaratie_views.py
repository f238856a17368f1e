"""Claims in the UI: who sees which claims, the provider's upload, payment batches and downloads."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from openwmo.catalogus.codelijsten import RETOURCODE
from openwmo.declaraties.models import Betaalbatch, Declaratie
from openwmo.declaraties.services import declaratie_verwerken_323
from tests.declaraties.bericht_maker import als_323
from tests.declaraties.declaratie_maker import AGB, BSN, declaratie, prestatie
from tests.declaraties.test_declaratie_service import basis  # noqa: F401  (fixture)
from tests.factories import (
    AanbiederFactory,
    AanbiederGebruikerFactory,
    ClientFactory,
    ContractFactory,
    GemeenteFactory,
    ProductFactory,
    TariefFactory,
    ToewijzingFactory,
    UserFactory,
)


@pytest.fixture
def claims(basis):  # noqa: F811
    """Claim D1 of provider 12345678 in Rijswijk; claim X1 of another provider in Delft."""
    eigen = declaratie_verwerken_323(als_323(declaratie([prestatie()], declaratienummer="D1"))).declaratie
    delft = GemeenteFactory(cbs_code="0503", naam="Delft")
    ander = AanbiederFactory(agb_code="87654321", naam="Andere Zorg")
    client = ClientFactory(gemeente=delft)
    contract = ContractFactory(aanbieder=ander, ingangsdatum=date(2023, 1, 1), einddatum=date(2023, 12, 31))
    TariefFactory(contract=contract, product=ProductFactory(), ingangsdatum=date(2023, 1, 1), bedrag=Decimal("62.50"))
    ToewijzingFactory(
        toewijzingsnummer="2001",
        beschikking__client=client,
        aanbieder=ander,
        ingangsdatum=date(2023, 1, 1),
        einddatum=date(2023, 12, 31),
        volume=Decimal("4"),
    )
    p = prestatie(toewijzingsnummer="2001", bsn=client.bsn)
    ander_d = declaratie_verwerken_323(
        als_323(declaratie([p], declaratienummer="X1", aanbieder_agb="87654321", gemeente_cbs="0503"))
    ).declaratie
    return {**basis, "eigen": eigen, "ander": ander_d, "delft": delft, "ander_aanbieder": ander}


def login(client, user):
    client.force_login(user)
    return client


def test_provider_sees_only_its_own_claims(client, claims):
    koppeling = AanbiederGebruikerFactory(aanbieder=claims["aanbieder"])
    login(client, koppeling.user)
    lijst = client.get(reverse("declaraties:lijst")).content.decode()
    assert ">D1<" in lijst and ">X1<" not in lijst
    assert client.get(reverse("declaraties:detail", args=[claims["ander"].pk])).status_code == 404
    detail = client.get(reverse("declaraties:detail", args=[claims["eigen"].pk])).content.decode()
    assert "Volledig goedgekeurd" in detail
    assert BSN not in detail  # providers are not a role with personal data here
    # No start message (305) for allocation 1001: approved, with the signal shown to the provider.
    assert escape("Signaal") in detail and escape("geen start van de ondersteuning (WMO305) ontvangen") in detail


def test_controller_of_delft_sees_nothing_of_rijswijk(client, claims):
    controller = UserFactory(rol="controller", gemeenten=[claims["delft"]])
    login(client, controller)
    lijst = client.get(reverse("declaraties:lijst")).content.decode()
    assert ">X1<" in lijst and ">D1<" not in lijst
    assert client.get(reverse("declaraties:detail", args=[claims["eigen"].pk])).status_code == 404
    assert client.get(reverse("declaraties:antwoord-325", args=[claims["eigen"].pk])).status_code == 404


def test_consulent_sees_no_claims(client, claims):
    login(client, UserFactory(rol="consulent", gemeenten=[claims["gemeente"]]))
    assert ">D1<" not in client.get(reverse("declaraties:lijst")).content.decode()
    assert client.get(reverse("declaraties:betaalbatches")).status_code == 403


def test_detail_shows_retourcode_meanings_in_dutch(client, claims):
    fout = declaratie_verwerken_323(
        als_323(declaratie([prestatie(referentienummer="R9", toewijzingsnummer="9999")], declaratienummer="D9"))
    ).declaratie
    login(client, UserFactory(rol="controller", gemeenten=[claims["gemeente"]]))
    html = client.get(reverse("declaraties:detail", args=[fout.pk]) + "?status=afgekeurd").content.decode()
    assert f"<strong>9338</strong> {escape(RETOURCODE['9338'])}" in html
    assert "Afgekeurd" in html


def test_provider_uploads_a_323_and_gets_the_325(client, claims):
    koppeling = AanbiederGebruikerFactory(aanbieder=claims["aanbieder"])
    login(client, koppeling.user)
    xml = als_323(declaratie([prestatie(referentienummer="R5", begindatum=date(2023, 4, 1),
                                        einddatum=date(2023, 4, 30))], declaratienummer="D5",
                             periode_begindatum=date(2023, 4, 1), periode_einddatum=date(2023, 4, 30)))  # fmt: skip
    antwoord = client.post(reverse("declaraties:indienen"), {"bestand": SimpleUploadedFile("d5.xml", xml)})
    d5 = Declaratie.objects.get(declaratienummer="D5")
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("declaraties:detail", args=[d5.pk])
    download = client.get(reverse("declaraties:antwoord-325", args=[d5.pk]))
    assert download.status_code == 200 and b"<wmo325:RetourCode>8001</wmo325:RetourCode>" in download.content


def test_provider_cannot_upload_a_claim_of_another_provider(client, claims):
    koppeling = AanbiederGebruikerFactory(aanbieder=claims["ander_aanbieder"])
    login(client, koppeling.user)
    xml = als_323(declaratie([prestatie()], declaratienummer="D6"))
    antwoord = client.post(reverse("declaraties:indienen"), {"bestand": SimpleUploadedFile("d6.xml", xml)})
    assert antwoord.status_code == 400
    assert f"AGB {AGB}" in antwoord.content.decode()
    assert not Declaratie.objects.filter(declaratienummer="D6").exists()


def test_upload_of_broken_xml_shows_the_reason(client, claims):
    koppeling = AanbiederGebruikerFactory(aanbieder=claims["aanbieder"])
    login(client, koppeling.user)
    antwoord = client.post(reverse("declaraties:indienen"), {"bestand": SimpleUploadedFile("x.xml", b"<kapot")})
    assert antwoord.status_code == 422
    assert "0001" in antwoord.content.decode()


def test_controller_makes_a_payment_batch_and_downloads_it(client, claims):
    controller = UserFactory(rol="controller", gemeenten=[claims["gemeente"]])
    login(client, controller)
    antwoord = client.post(
        reverse("declaraties:betaalbatches"),
        {"aanbieder": claims["aanbieder"].pk, "gemeente": claims["gemeente"].pk, "tot_datum": date.today().isoformat()},
    )
    assert antwoord.status_code == 302
    batch = Betaalbatch.objects.get()
    assert batch.bedrag == Decimal("1062.50")
    csv = client.get(reverse("declaraties:betaalbatch-export", args=[batch.pk, "csv"]))
    assert csv.status_code == 200 and "1062.50" in csv.content.decode()
    xlsx = client.get(reverse("declaraties:betaalbatch-export", args=[batch.pk, "xlsx"]))
    assert xlsx.content[:2] == b"PK"
    andere = UserFactory(rol="controller", gemeenten=[claims["delft"]])
    login(client, andere)
    assert client.get(reverse("declaraties:betaalbatch-export", args=[batch.pk, "csv"])).status_code == 404


def test_payment_batch_for_another_municipality_is_refused(client, claims):
    login(client, UserFactory(rol="controller", gemeenten=[claims["delft"]]))
    antwoord = client.post(
        reverse("declaraties:betaalbatches"),
        {"aanbieder": claims["aanbieder"].pk, "gemeente": claims["gemeente"].pk, "tot_datum": "2030-01-01"},
    )
    assert antwoord.status_code == 400 and not Betaalbatch.objects.exists()


def test_navigation_shows_claims_to_controller_and_provider(client, claims):
    koppeling = AanbiederGebruikerFactory(aanbieder=claims["aanbieder"])
    login(client, koppeling.user)
    html = client.get(reverse("start")).content.decode()
    assert reverse("declaraties:lijst") in html and reverse("declaraties:betaalbatches") not in html
    login(client, UserFactory(rol="controller", gemeenten=[claims["gemeente"]]))
    html = client.get(reverse("start")).content.decode()
    assert reverse("declaraties:betaalbatches") in html and reverse("eigenbijdrage:cak-export") in html

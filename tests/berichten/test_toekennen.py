"""Granting a 315/317 from the requests worklist: through toegang's services, answered by the next outbox run."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from openwmo.berichten import wmo301
from openwmo.berichten.inbox import ontvang
from openwmo.berichten.models import Bericht, Verzoek
from openwmo.berichten.outbox import outbox_bijwerken
from openwmo.berichten.simulator import verzoek_om_toewijzing, verzoek_om_wijziging
from openwmo.berichten.toekennen import verzoek_315_toekennen
from openwmo.toegang.models import BeschiktProduct, Toewijzing
from tests.factories import (
    AanbiederFactory,
    BeschikkingFactory,
    ClientFactory,
    GemeenteFactory,
    ProductFactory,
    TariefFactory,
    ToewijzingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
DAG = date(2016, 2, 5)


@pytest.fixture
def wereld(db):
    gemeente = GemeenteFactory(cbs_code="0603", naam="Rijswijk")
    aanbieder = AanbiederFactory(agb_code="98100001", naam="Zorg Rijswijk")
    product = ProductFactory()
    TariefFactory(contract__aanbieder=aanbieder, contract__einddatum=date(2099, 12, 31), product=product)
    client = ClientFactory(gemeente=gemeente, achternaam="Verzoeker")
    consulent = UserFactory(rol="consulent", gemeenten=[gemeente])
    return {"gemeente": gemeente, "aanbieder": aanbieder, "product": product, "client": client, "user": consulent}


def _beschikt(wereld, **extra) -> BeschiktProduct:
    beschikking = BeschikkingFactory(client=wereld["client"])
    velden = dict(
        product=wereld["product"],
        volume=Decimal("3"),
        eenheid="04",
        frequentie="2",
        ingangsdatum=date(2016, 2, 1),
        einddatum=date(2016, 12, 31),
    )
    return BeschiktProduct.objects.create(beschikking=beschikking, **{**velden, **extra})


def _315(wereld, referentie="REF315") -> Verzoek:
    sjabloon = Toewijzing(
        client=wereld["client"],
        gemeente=wereld["gemeente"],
        aanbieder=wereld["aanbieder"],
        product=wereld["product"],
        volume=Decimal("3"),
        eenheid="04",
        frequentie="2",
    )
    ontvangst = ontvang(verzoek_om_toewijzing(sjabloon, referentie, date(2016, 3, 1), DAG))
    assert ontvangst.bericht.status == "verwerkt", ontvangst.bericht.meldingen
    return Verzoek.objects.get(referentie_aanbieder=referentie)


def _formulier(bp, **extra) -> dict:
    return {
        "beschikt_product": bp.pk,
        "ingangsdatum": "2016-03-01",
        "einddatum": "2016-08-28",
        "volume": "3",
        "eenheid": "04",
        "frequentie": "2",
        "budget": "",
        **extra,
    }


def test_315_toekennen_vanuit_het_scherm_geeft_een_301_met_de_referentie(wereld, client):
    bp = _beschikt(wereld)
    verzoek = _315(wereld)
    client.force_login(wereld["user"])
    pagina = client.get(f"/berichten/verzoeken/{verzoek.pk}/toekennen/").content.decode()
    assert 'value="2016-03-01"' in pagina and 'value="2016-08-28"' in pagina  # prefilled from the request
    assert "Zorg Rijswijk" in pagina and f'value="{bp.pk}" selected' in pagina

    antwoord = client.post(f"/berichten/verzoeken/{verzoek.pk}/toekennen/", _formulier(bp), follow=True)
    assert "Verzoek REF315 is toegekend" in antwoord.content.decode()
    toewijzing = Toewijzing.objects.get()
    assert (toewijzing.aanbieder, toewijzing.beschikt_product, toewijzing.ingangsdatum) == (
        wereld["aanbieder"],
        bp,
        date(2016, 3, 1),
    )
    verzoek.refresh_from_db()
    assert verzoek.toewijzing == toewijzing and verzoek.status == "open"  # closed by the 301, not before

    [bericht] = outbox_bijwerken()
    product = wmo301.parse(bytes(bericht.inhoud)).client.toegewezen_producten[0]
    assert (product.referentie_aanbieder, product.toewijzing_nummer) == ("REF315", int(toewijzing.toewijzingsnummer))
    verzoek.refresh_from_db()
    assert verzoek.status == "toegekend"
    assert "REF315" not in client.get("/berichten/verzoeken/").content.decode()


def test_315_zonder_beschikking_zegt_wat_eerst_moet_en_schrijft_niets(wereld, client):
    verzoek = _315(wereld)
    client.force_login(wereld["user"])
    pagina = client.get(f"/berichten/verzoeken/{verzoek.pk}/toekennen/").content.decode()
    assert "Er is geen toegekende beschikking voor 02 02A01 voor deze cliënt" in pagina
    assert "Leg eerst een aanvraag en een beschikking vast" in pagina and 'name="ingangsdatum"' not in pagina

    andere = _beschikt({**wereld, "client": ClientFactory(gemeente=wereld["gemeente"])})  # another client's line
    antwoord = client.post(f"/berichten/verzoeken/{verzoek.pk}/toekennen/", _formulier(andere))
    assert antwoord.status_code == 400 and "Er is geen toegekende beschikking" in antwoord.content.decode()
    with pytest.raises(ValidationError, match="Er is geen toegekende beschikking"):
        verzoek_315_toekennen(
            verzoek, user=wereld["user"], beschikt_product=andere, ingangsdatum=date(2016, 3, 1), einddatum=None
        )
    assert not Toewijzing.objects.exists() and outbox_bijwerken() == []
    verzoek.refresh_from_db()
    assert verzoek.status == "open" and verzoek.toewijzing is None


def test_315_buiten_de_beschikte_periode_wordt_geweigerd_door_de_toewijzingscontrole(wereld, client):
    bp = _beschikt(wereld, einddatum=date(2016, 6, 30))
    verzoek = _315(wereld)
    client.force_login(wereld["user"])
    antwoord = client.post(f"/berichten/verzoeken/{verzoek.pk}/toekennen/", _formulier(bp))
    assert antwoord.status_code == 400
    melding = "De toewijzing moet binnen de toegekende periode 01-02-2016 t/m 30-06-2016 vallen."
    assert melding in antwoord.content.decode()
    assert not Toewijzing.objects.exists()
    verzoek.refresh_from_db()
    assert verzoek.toewijzing is None


def test_315_van_onbekende_client_vraagt_eerst_een_melding(wereld, client):
    verzoek = _315(wereld)
    Verzoek.objects.filter(pk=verzoek.pk).update(client=None)
    client.force_login(wereld["user"])
    pagina = client.get(f"/berichten/verzoeken/{verzoek.pk}/toekennen/").content.decode()
    assert "Er is geen cliënt met BSN" in pagina and "Leg eerst een melding vast" in pagina


def test_317_toekennen_wijzigt_de_toewijzing_zoals_gevraagd(wereld, client):
    bp = _beschikt(wereld)
    oud = ToewijzingFactory(
        toewijzingsnummer="500200",
        beschikking=bp.beschikking,
        beschikt_product=bp,
        product=wereld["product"],
        aanbieder=wereld["aanbieder"],
    )
    outbox_bijwerken()
    ontvang(verzoek_om_wijziging(oud, "REF317", DAG, volume=5))
    verzoek = Verzoek.objects.get(referentie_aanbieder="REF317")
    client.force_login(wereld["user"])
    pagina = client.get(f"/berichten/verzoeken/{verzoek.pk}/toekennen/").content.decode()
    assert "500200 Begeleiding individueel basis wijzigt per 12-02-2016 (nieuwe toewijzing)" in pagina

    client.post(f"/berichten/verzoeken/{verzoek.pk}/toekennen/", follow=True)
    oud.refresh_from_db()
    nieuw = Toewijzing.objects.get(vorige=oud)
    assert oud.einddatum == DAG + timedelta(days=6) and (nieuw.volume, nieuw.reden_wijziging) == (5, "12")
    nieuwe_301 = {b.toewijzing_id: b for b in outbox_bijwerken()}
    assert set(nieuwe_301) == {oud.pk, nieuw.pk}
    referentie = wmo301.parse(bytes(nieuwe_301[nieuw.pk].inhoud)).client.toegewezen_producten[0].referentie_aanbieder
    assert referentie == "REF317"
    verzoek.refresh_from_db()
    assert verzoek.status == "toegekend"


def test_delft_kan_een_verzoek_van_rijswijk_niet_toekennen(wereld, client):
    bp = _beschikt(wereld)
    verzoek = _315(wereld)
    client.force_login(UserFactory(rol="consulent", gemeenten=[GemeenteFactory(cbs_code="0503", naam="Delft")]))
    assert client.get(f"/berichten/verzoeken/{verzoek.pk}/toekennen/").status_code == 404
    assert client.post(f"/berichten/verzoeken/{verzoek.pk}/toekennen/", _formulier(bp)).status_code == 404
    assert not Toewijzing.objects.exists() and not Bericht.objects.filter(berichtcode="301").exists()


def test_301_op_een_toegekende_317_draagt_de_referentie_bij_alle_producten(wereld):
    """IV097/TR379: the 301 that answers a 317 carries its ReferentieAanbieder on every product (OP087: the
    client's current allocations at the provider are all in it); later 301s do not."""
    from django.utils import timezone

    from openwmo.berichten.toekennen import verzoek_317_toekennen

    vandaag = timezone.localdate()
    bp = _beschikt(wereld, ingangsdatum=vandaag - timedelta(days=30), einddatum=vandaag + timedelta(days=300))
    tweede_product = ProductFactory(productcode="02A02")
    TariefFactory(
        contract__aanbieder=wereld["aanbieder"], contract__einddatum=date(2099, 12, 31), product=tweede_product
    )
    velden = dict(
        beschikking=bp.beschikking,
        aanbieder=wereld["aanbieder"],
        ingangsdatum=vandaag - timedelta(days=30),
        einddatum=vandaag + timedelta(days=300),
    )
    a = ToewijzingFactory(toewijzingsnummer="620001", beschikt_product=bp, product=wereld["product"], **velden)
    ToewijzingFactory(toewijzingsnummer="620002", product=tweede_product, **velden)
    outbox_bijwerken()
    ontvangst = ontvang(verzoek_om_wijziging(a, "REF317B", vandaag, ongewijzigd=(620002,), volume=5))
    assert ontvangst.bericht.status == "verwerkt", ontvangst.bericht.meldingen
    verzoek = Verzoek.objects.get()
    [opvolger] = verzoek_317_toekennen(verzoek, user=wereld["user"])
    per_toewijzing = {b.toewijzing_id: b for b in outbox_bijwerken()}
    antwoord = wmo301.parse(bytes(per_toewijzing[a.pk].inhoud)).client.toegewezen_producten
    assert {p.toewijzing_nummer for p in antwoord} == {620001, 620002, int(opvolger.toewijzingsnummer)}
    assert {p.referentie_aanbieder for p in antwoord} == {"REF317B"}
    later = wmo301.parse(bytes(per_toewijzing[opvolger.pk].inhoud)).client.toegewezen_producten
    assert {p.referentie_aanbieder for p in later} == {None}
    verzoek.refresh_from_db()
    assert verzoek.status == "toegekend"

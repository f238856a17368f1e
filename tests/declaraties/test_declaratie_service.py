"""The claim service through the database: 323 in, checks mapped to retourcodes, lines stored, 325 out."""

from datetime import date
from decimal import Decimal

import pytest

from openwmo.berichten import wmo325
from openwmo.core.models import Verwerking
from openwmo.declaraties.models import Declaratie, Prestatie
from openwmo.declaraties.services import declaratie_verwerken_323, declaratie_verwerken_regels
from tests.declaraties.bericht_maker import als_323
from tests.declaraties.declaratie_maker import AGB, BSN, credit_van, declaratie, prestatie
from tests.factories import (
    AanbiederFactory,
    ClientFactory,
    ContractFactory,
    GemeenteFactory,
    ProductFactory,
    TariefFactory,
    ToewijzingFactory,
)


@pytest.fixture
def basis(db):
    """The declaratie_maker scenario in the database: allocation 1001, 4 hours/week in 2023, € 62.50/h."""
    rijswijk = GemeenteFactory(cbs_code="0603", naam="Rijswijk")
    aanbieder = AanbiederFactory(agb_code=AGB, naam="Zorg BV")
    client = ClientFactory(bsn=BSN, gemeente=rijswijk)
    product = ProductFactory()  # 02A01, hours per week
    contract = ContractFactory(aanbieder=aanbieder, ingangsdatum=date(2023, 1, 1), einddatum=date(2023, 12, 31))
    TariefFactory(contract=contract, product=product, ingangsdatum=date(2023, 1, 1), bedrag=Decimal("62.50"))
    toewijzing = ToewijzingFactory(
        toewijzingsnummer="1001",
        beschikking__client=client,
        product=product,
        aanbieder=aanbieder,
        ingangsdatum=date(2023, 1, 1),
        einddatum=date(2023, 12, 31),
        volume=Decimal("4"),
        eenheid="04",
        frequentie="2",
    )
    return {"aanbieder": aanbieder, "toewijzing": toewijzing, "gemeente": rijswijk, "contract": contract}


def verwerk(prestaties, **kw):
    return declaratie_verwerken_323(als_323(declaratie(prestaties, **kw)))


def antwoord(uitkomst):
    return wmo325.parse(uitkomst.antwoord_325)


def codes_van(uitkomst, ref="R1"):
    return Prestatie.objects.get(declaratie=uitkomst.declaratie, referentienummer=ref).codes


def test_valid_claim_is_approved_and_answered_with_8001(basis):
    uitkomst = verwerk([prestatie()])
    assert uitkomst.retourcodes == ("8001",)
    d = uitkomst.declaratie
    assert (d.status, d.retourcode, d.toegekend_totaal, d.ingediend_totaal) == (
        "goedgekeurd",
        "8001",
        Decimal("1062.50"),
        Decimal("1062.50"),
    )
    regel = d.prestaties.get()
    assert (regel.status, regel.retourcodes, regel.toewijzing) == ("goedgekeurd", "", basis["toewijzing"])
    bericht = antwoord(uitkomst)
    assert bericht.header.retourcodes == ("0200",)
    assert bericht.header.afzender == "0603" and bericht.header.ontvanger == AGB
    assert bericht.declaratie_antwoord.retourcodes == ("8001",)
    assert bericht.declaratie_antwoord.totaal_toegekend_bedrag.totaal_bedrag == 106250
    assert bericht.declaratie_antwoord.clienten == ()
    assert bytes(d.antwoord_325) == uitkomst.antwoord_325
    assert (
        Verwerking.objects.filter(object_type="Declaratie", verwerkingsactiviteit="Declaratie verwerken").count() == 1
    )


@pytest.mark.parametrize(
    ("wijziging", "code"),
    [
        ({"toewijzingsnummer": "9999"}, "9338"),
        ({"productcode": "02A02"}, "9340"),
        ({"producttarief": Decimal("63.00"), "ingediend_bedrag": Decimal("1071.00")}, "0611"),
        ({"begindatum": date(2023, 3, 1), "einddatum": date(2023, 3, 31), "geleverd_volume": 21,
          "ingediend_bedrag": Decimal("1312.50")}, "9321"),
        ({"ingediend_bedrag": Decimal("1062.51")}, "9346"),
    ],
)  # fmt: skip
def test_each_rejection_is_stored_with_its_retourcode_and_reported_in_the_325(basis, wijziging, code):
    if "productcode" in wijziging:
        ander_product = ProductFactory(productcode="02A02", naam="Begeleiding speciaal")
        TariefFactory(contract=basis["contract"], product=ander_product, bedrag=Decimal("62.50"))
    p = prestatie(**wijziging)
    uitkomst = verwerk([p])
    assert uitkomst.retourcodes == ("0200",)
    assert codes_van(uitkomst) == [code]
    regel = uitkomst.declaratie.prestaties.get()
    assert regel.status == "afgekeurd"
    assert regel.meldingen[0][0] == code and regel.meldingen[0][1]  # Dutch meaning from WJ001
    assert uitkomst.declaratie.status == "afgekeurd"
    assert uitkomst.declaratie.toegekend_totaal == Decimal("0.00")
    da = antwoord(uitkomst).declaratie_antwoord
    assert da.retourcodes == ("0200",)
    (client,) = da.clienten
    assert client.bsn == BSN and client.retourcodes == ("0200",)
    (regel_325,) = client.prestaties
    assert regel_325.retourcodes == (code,)
    assert regel_325.product_referentie.referentie_nummer == "R1"
    assert da.totaal_toegekend_bedrag.totaal_bedrag == 0


def test_unknown_allocation_is_not_linked(basis):
    uitkomst = verwerk([prestatie(toewijzingsnummer="9999")])
    assert uitkomst.declaratie.prestaties.get().toewijzing is None


def test_period_before_and_after_the_allocation_9307_9308(basis):
    basis["toewijzing"].ingangsdatum = date(2023, 3, 10)
    basis["toewijzing"].einddatum = date(2023, 3, 20)
    basis["toewijzing"].save()
    uitkomst = verwerk([prestatie()])
    assert codes_van(uitkomst)[:2] == ["9307", "9308"]


def test_other_provider_of_the_allocation_9338(basis):
    ander = AanbiederFactory(agb_code="87654321")
    basis["toewijzing"].aanbieder = ander
    basis["toewijzing"].save()
    uitkomst = verwerk([prestatie()])
    assert codes_van(uitkomst) == ["9338"]


def test_claiming_the_same_period_again_8021_and_9389(basis):
    verwerk([prestatie()], declaratienummer="D1")
    tweede = verwerk([prestatie()], declaratienummer="D2")
    assert codes_van(tweede) == ["8021", "9389"]
    derde = verwerk([prestatie(referentienummer="R2")], declaratienummer="D3")
    assert codes_van(derde, "R2") == ["9389"]
    assert Prestatie.objects.filter(status="goedgekeurd").count() == 1


def test_credit_of_an_approved_line_and_rebill(basis):
    eerste = prestatie()
    verwerk([eerste], declaratienummer="D1")
    credit = credit_van(eerste, "C1")
    nieuw = prestatie(referentienummer="R2", geleverd_volume=10, ingediend_bedrag=Decimal("625.00"))
    uitkomst = verwerk([credit, nieuw], declaratienummer="D2")
    assert uitkomst.retourcodes == ("8001",)
    assert uitkomst.declaratie.toegekend_totaal == Decimal("-437.50")
    assert antwoord(uitkomst).declaratie_antwoord.totaal_toegekend_bedrag.debet_credit == "C"


def test_credit_without_known_debet_8017(basis):
    credit = credit_van(prestatie(referentienummer="ONBEKEND"), "C1")
    uitkomst = verwerk([credit], declaratienummer="D1")
    assert codes_van(uitkomst, "C1") == ["8017"]


def test_credit_twice_9390(basis):
    eerste = prestatie()
    verwerk([eerste], declaratienummer="D1")
    verwerk([credit_van(eerste, "C1")], declaratienummer="D2")
    uitkomst = verwerk([credit_van(eerste, "C2")], declaratienummer="D3")
    assert codes_van(uitkomst, "C2") == ["9390"]


def test_header_total_wrong_is_technical_rejection_and_nothing_is_stored(basis):
    p = prestatie()
    uitkomst = verwerk([p], totaal_ingediend_bedrag=Decimal("1000.00"))
    assert uitkomst.retourcodes == ("0001",)
    assert any("TR358" in m for m in uitkomst.meldingen)
    assert uitkomst.declaratie is None
    bericht = antwoord(uitkomst)
    assert bericht.header.retourcodes == ("0001",) and bericht.declaratie_antwoord is None
    assert not Declaratie.objects.exists() and not Prestatie.objects.exists()


@pytest.mark.parametrize(
    "xml",
    [
        b"<niet-af",
        b"",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
    ],
)
def test_malformed_xml_is_rejected_with_0001_without_storing_anything(basis, xml):
    uitkomst = declaratie_verwerken_323(xml)
    assert uitkomst.retourcodes == ("0001",)
    assert uitkomst.meldingen
    assert uitkomst.antwoord_325 is None  # no readable header: nobody to answer
    assert not Declaratie.objects.exists() and not Prestatie.objects.exists()


def test_schema_error_with_a_sound_header_gets_a_header_only_325(basis):
    xml = als_323(declaratie([prestatie()])).replace(b"<wmo323:Eenheid>04<", b"<wmo323:Eenheid>99<")
    uitkomst = declaratie_verwerken_323(xml)
    assert uitkomst.retourcodes == ("0001",)
    assert any("Eenheid" in m for m in uitkomst.meldingen)
    bericht = antwoord(uitkomst)
    assert bericht.header.retourcodes == ("0001",)
    assert bericht.header.declaratie_identificatie.identificatie == "BD202303"
    assert not Declaratie.objects.exists()


def test_resending_the_same_claim_changes_nothing(basis):
    xml = als_323(declaratie([prestatie()]))
    eerste = declaratie_verwerken_323(xml)
    aantal_log = Verwerking.objects.count()
    tweede = declaratie_verwerken_323(xml)
    assert tweede.herhaald and tweede.declaratie.pk == eerste.declaratie.pk
    assert tweede.antwoord_325 == eerste.antwoord_325
    assert tweede.retourcodes == ("8001",)
    assert Declaratie.objects.count() == 1 and Prestatie.objects.count() == 1
    assert Verwerking.objects.count() == aantal_log


def test_same_number_other_content_9333_and_nothing_stored(basis):
    verwerk([prestatie()])
    uitkomst = verwerk([prestatie(referentienummer="R2", geleverd_volume=1, ingediend_bedrag=Decimal("62.50"))])
    assert uitkomst.retourcodes == ("9333",) and uitkomst.declaratie is None
    da = antwoord(uitkomst).declaratie_antwoord
    assert da.retourcodes == ("9333",) and da.totaal_toegekend_bedrag.totaal_bedrag == 0
    assert Declaratie.objects.count() == 1 and Prestatie.objects.count() == 1


def test_unknown_provider_is_a_technical_rejection(basis):
    uitkomst = verwerk([prestatie()], aanbieder_agb="11111111")
    assert uitkomst.retourcodes == ("0001",)
    assert "AGB-code 11111111" in uitkomst.meldingen[0]
    assert not Declaratie.objects.exists()


def test_lines_from_csv_or_api_use_the_same_checks(basis):
    d = declaratie([prestatie(), prestatie(referentienummer="R2", toewijzingsnummer="9999")])
    uitkomst = declaratie_verwerken_regels(d, bron="csv")
    assert uitkomst.retourcodes == ("0200",) and uitkomst.antwoord_325 is None
    assert uitkomst.declaratie.bron == "csv"
    assert dict(uitkomst.declaratie.prestaties.values_list("referentienummer", "retourcodes")) == {
        "R1": "",
        "R2": "9338",
    }
    assert declaratie_verwerken_regels(d, bron="csv").herhaald


def test_started_care_from_305_307_is_stored_as_a_signal_never_as_a_rejection(basis):
    """OP364: a line outside the started care, or on an allocation without any start message, is approved;
    the stored line carries the signal in Dutch and the 325 reports nothing for it."""
    from openwmo.toegang.models import Levering

    zonder_start = verwerk([prestatie()], declaratienummer="D1")
    regel = zonder_start.declaratie.prestaties.get()
    assert zonder_start.retourcodes == ("8001",) and regel.status == "goedgekeurd" and regel.retourcodes == ""
    assert regel.signalen == "geen_start"
    assert regel.signaal_meldingen[0].startswith("Voor deze toewijzing is geen start van de ondersteuning")

    # Started 10 April, stopped 20 April (and a deleted start from 1 April, which does not count).
    Levering.objects.create(toewijzing=basis["toewijzing"], begindatum=date(2023, 4, 1), status_aanlevering="3")
    Levering.objects.create(
        toewijzing=basis["toewijzing"],
        begindatum=date(2023, 4, 10),
        einddatum=date(2023, 4, 20),
        reden_beeindiging="19",
    )
    april = prestatie(referentienummer="R2", begindatum=date(2023, 4, 1), einddatum=date(2023, 4, 30))
    april_periode = {"periode_begindatum": date(2023, 4, 1), "periode_einddatum": date(2023, 4, 30)}
    buiten = verwerk([april], declaratienummer="D2", **april_periode)
    regel = buiten.declaratie.prestaties.get()
    assert buiten.retourcodes == ("8001",) and regel.status == "goedgekeurd"
    assert regel.signalen == "buiten_start"
    assert regel.signaal_meldingen == (
        "Prestatieperiode valt (deels) buiten de gestarte zorg uit WMO305/307. Geen afwijzing: start- en "
        "stopberichten mogen geen voorwaarde zijn voor het goedkeuren van een declaratie (OP364).",
    )
    assert antwoord(buiten).declaratie_antwoord.clienten == ()

    Levering.objects.create(toewijzing=basis["toewijzing"], begindatum=date(2023, 1, 1), einddatum=date(2023, 4, 9))
    februari = prestatie(referentienummer="R3", begindatum=date(2023, 2, 1), einddatum=date(2023, 2, 28))
    binnen = verwerk([februari], declaratienummer="D3", **april_periode)
    assert binnen.declaratie.prestaties.get().signalen == ""


def test_in_filter_matches_texts_with_quotes_backslashes_commas_and_braces(db):
    """The claims' bulk lookups pass their keys as one array on PostgreSQL: odd texts must match exactly."""
    from openwmo.declaraties.lookups import in_filter
    from openwmo.inkoop.models import Aanbieder

    namen = ['a"b', "c\\d", "e,f", "{g}", " h ", "NULL", "", "ij'k", "nuLL", "R-1.2_3"]
    aanbieders = [AanbiederFactory(agb_code=f"1234{i:04d}", naam=naam) for i, naam in enumerate(namen)]
    AanbiederFactory(agb_code="99999999", naam="anders")
    gevonden = Aanbieder.objects.filter(in_filter("naam", namen)).values_list("naam", flat=True)
    assert sorted(gevonden) == sorted(namen)
    pks = [a.pk for a in aanbieders[:3]]
    assert sorted(Aanbieder.objects.filter(in_filter("pk", pks)).values_list("pk", flat=True)) == sorted(pks)
    assert not Aanbieder.objects.filter(in_filter("naam", [])).exists()
    kaal = Aanbieder.objects.filter(in_filter("naam", ["R-1.2_3", "nuLL", "geen"])).values_list("naam", flat=True)
    assert sorted(kaal) == ["R-1.2_3", "nuLL"]  # the fast path (no quotes) and the word NULL as a text


def test_a_client_of_two_municipalities_is_checked_against_the_addressed_ones_allocation(basis):
    """The same person is a client of Delft too, with an allocation of the same provider: a claim to Rijswijk is
    checked and linked against Rijswijk's record only; Delft's allocation number is unknown to Rijswijk."""
    delft = GemeenteFactory(cbs_code="0503", naam="Delft")
    elders = ClientFactory(bsn=BSN, gemeente=delft)
    t = basis["toewijzing"]
    van_delft = ToewijzingFactory(
        toewijzingsnummer="2001",
        beschikking__client=elders,
        product=t.product,
        aanbieder=t.aanbieder,
        ingangsdatum=t.ingangsdatum,
        einddatum=t.einddatum,
        volume=t.volume,
        eenheid=t.eenheid,
        frequentie=t.frequentie,
    )
    assert van_delft.gemeente == delft
    uitkomst = verwerk([prestatie()])
    assert uitkomst.retourcodes == ("8001",)
    assert uitkomst.declaratie.prestaties.get().toewijzing == t
    anders = verwerk([prestatie(toewijzingsnummer="2001", referentienummer="R2")], declaratienummer="D202304")
    regel = Prestatie.objects.get(declaratie=anders.declaratie, referentienummer="R2")
    assert regel.status == "afgekeurd" and regel.toewijzing is None and "9338" in regel.codes

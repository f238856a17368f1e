"""The standard's conditions, constraints and technical rules (reference §9–§11) through the inbox and the outbox.

Every inbox test asserts the retourcode the provider gets back and that nothing was half-written (no Levering,
no Verzoek); every outbox test asserts the Dutch refusal and that no 301 was stored.
"""

import dataclasses
from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from openwmo.berichten import common as c
from openwmo.berichten import regels, wmo301, wmo305, wmo306, wmo315, wmo316, wmo317, wmo318
from openwmo.berichten.inbox import ontvang
from openwmo.berichten.models import Bericht, Verzoek
from openwmo.berichten.outbox import outbox_bijwerken, toewijzing_bericht_aanmaken
from openwmo.berichten.simulator import startbericht, stopbericht, verzoek_om_toewijzing, verzoek_om_wijziging
from openwmo.toegang.models import Levering
from tests.factories import ClientFactory, ProductFactory, ToewijzingFactory

pytestmark = pytest.mark.django_db
DAG = date(2016, 2, 5)


def _niets_geschreven():
    return not Levering.objects.exists() and not Verzoek.objects.exists()


def _header_only_0001(ontvangst, module):
    assert ontvangst.retourcodes == ["0001"], ontvangst.bericht.meldingen
    retour = module.parse(bytes(ontvangst.antwoord.inhoud))
    assert retour.header.retourcodes == ("0001",) and retour.client is None
    assert not ontvangst.bericht.uniek  # counts as not sent (OP286)
    assert _niets_geschreven()


# --- 305/307: XSLT level ------------------------------------------------------------------------------------
def _start_met_geboortedatum(opzet, geboortedatum: c.Geboortedatum) -> bytes:
    bericht = wmo305.parse(startbericht(opzet, date(2016, 2, 3), DAG))
    client = dataclasses.replace(bericht.client, geboortedatum=geboortedatum)
    return wmo305.build(dataclasses.replace(bericht, client=client))


def test_tr002_geboortedatum_meer_dan_120_jaar_voor_de_dagtekening(opzet):
    ontvangst = ontvang(_start_met_geboortedatum(opzet, c.Geboortedatum(datum=date(1890, 1, 1))))
    _header_only_0001(ontvangst, wmo306)
    assert "TR002" in ontvangst.bericht.meldingen


def test_tr002_onbekende_geboortedatum_1900_met_datumgebruik_3_mag(opzet):
    onbekend = c.Geboortedatum(datum=date(1900, 1, 1), datum_gebruik="3")
    assert ontvang(_start_met_geboortedatum(opzet, onbekend)).geaccepteerd


def test_cs139_datumgebruik_past_niet_bij_de_datum(opzet):
    ontvangst = ontvang(_start_met_geboortedatum(opzet, c.Geboortedatum(datum=date(1950, 5, 17), datum_gebruik="1")))
    _header_only_0001(ontvangst, wmo306)
    assert "CS139" in ontvangst.bericht.meldingen


# --- 305/307: business rules ---------------------------------------------------------------------------------
def test_s329_productcode_bestaat_niet_in_de_categorie(opzet):
    xml = startbericht(opzet, date(2016, 2, 3), DAG).replace(b">02A01<", b">02Z99<")
    ontvangst = ontvang(xml)
    assert ontvangst.retourcodes == ["S329"]
    retour = wmo306.parse(bytes(ontvangst.antwoord.inhoud))
    assert retour.client.start_producten[0].retourcodes == ("S329",)
    assert _niets_geschreven()


def test_s329_ook_op_een_stop(opzet):
    ontvang(startbericht(opzet, date(2016, 2, 3), DAG))
    xml = stopbericht(opzet, date(2016, 2, 3), date(2016, 3, 31), date(2016, 4, 1)).replace(b">02A01<", b">02Z99<")
    assert ontvang(xml).retourcodes == ["S329"]
    assert Levering.objects.get().einddatum is None  # the start stays running


def test_9019_start_op_een_verwijderde_toewijzing(opzet):
    xml = startbericht(opzet, date(2016, 2, 1), DAG)
    opzet.einddatum, opzet.reden_wijziging = opzet.ingangsdatum, "13"
    opzet.save()
    assert ontvang(xml).retourcodes == ["9019"]
    assert _niets_geschreven()


# --- 315: XSLT level ------------------------------------------------------------------------------------------
def _315(opzet, *producten: dict, referentie="REF1") -> bytes:
    """A 315 whose AangevraagdProducts are the simulator's product with the given fields replaced."""
    bericht = wmo315.parse(verzoek_om_toewijzing(opzet, referentie, date(2016, 3, 1), DAG))
    basis = bericht.client.aangevraagde_producten[0]
    lijst = tuple(
        dataclasses.replace(basis, referentie_aanbieder=f"{referentie}-{i}", **velden)
        for i, velden in enumerate(producten)
    )
    client = dataclasses.replace(bericht.client, aangevraagde_producten=lijst)
    return wmo315.build(dataclasses.replace(bericht, client=client))


@pytest.mark.parametrize(
    "velden, regel",
    [
        ({"toewijzing_einddatum": None}, "CD076"),  # 3 hours per week without an end date
        # etmalen per dag, open-ended (CS343 applies to periods ending after 2020 or open)
        ({"omvang": c.Omvang(volume=1, eenheid="14", frequentie="1"), "toewijzing_einddatum": None}, "CS343"),
        ({"budget": 100000}, "CD077"),  # budget and omvang together
        ({"omvang": None}, "CD041"),  # a product code without omvang
        ({"toewijzing_einddatum": date(2016, 2, 1)}, "CS003"),  # ends before it starts
        ({"verwijzer": c.Verwijzer(type="02")}, "CD066"),  # a huisarts without name or AGB code
        ({"verwijzer": c.Verwijzer(type="01", zorgverlener_code="12345678")}, "CD068"),
    ],
)
def test_315_condities_en_constraints_geven_0001(opzet, velden, regel):
    ontvangst = ontvang(_315(opzet, velden))
    _header_only_0001(ontvangst, wmo316)
    assert regel in ontvangst.bericht.meldingen


def test_tr386_hetzelfde_product_twee_keer_overlappend_in_een_315(opzet):
    ontvangst = ontvang(_315(opzet, {}, {"toewijzing_ingangsdatum": date(2016, 4, 1)}))
    _header_only_0001(ontvangst, wmo316)
    assert "TR386" in ontvangst.bericht.meldingen


def test_tr386_aansluitende_perioden_en_hulpmiddelen_mogen(opzet):
    ProductFactory(productcategorie="14", productcode="14X01", eenheid="82", frequentie="6")
    hulpmiddel = c.Product(categorie="14", code="14X01")
    omvang = c.Omvang(volume=1, eenheid="82", frequentie="6")
    na = {"toewijzing_ingangsdatum": date(2016, 8, 29), "toewijzing_einddatum": date(2016, 12, 31)}
    ontvangst = ontvang(
        _315(opzet, {}, na, {"product": hulpmiddel, "omvang": omvang}, {"product": hulpmiddel, "omvang": omvang})
    )
    assert ontvangst.geaccepteerd, ontvangst.bericht.meldingen
    assert Verzoek.objects.count() == 4


# --- 315: business rules --------------------------------------------------------------------------------------
def test_s329_onbekende_productcode_in_een_315(opzet):
    ontvangst = ontvang(_315(opzet, {"product": c.Product(categorie="02", code="07A01")}))
    assert ontvangst.retourcodes == ["S329"]
    retour = wmo316.parse(bytes(ontvangst.antwoord.inhoud))
    assert retour.client.aangevraagde_producten[0].retourcodes == ("S329",)
    assert _niets_geschreven()


# --- 317 ---------------------------------------------------------------------------------------------------------
def _317(opzet, *, te_wijzigen: dict | None = None, nieuw=(), ongewijzigd=(), dagtekening=DAG) -> bytes:
    bericht = wmo317.parse(verzoek_om_wijziging(opzet, "W1", dagtekening))
    verzoek = bericht.client.verzoek
    wijziging = dataclasses.replace(verzoek.te_wijzigen_producten[0], **(te_wijzigen or {}))
    verzoek = dataclasses.replace(
        verzoek,
        te_wijzigen_producten=(wijziging,),
        ongewijzigde_producten=tuple(wmo317.OngewijzigdProduct(toewijzing_nummer=n) for n in ongewijzigd),
        nieuwe_producten=tuple(nieuw),
    )
    return wmo317.build(dataclasses.replace(bericht, client=dataclasses.replace(bericht.client, verzoek=verzoek)))


def _nieuw(begin: date, einde: date, code="07A01", categorie="07") -> wmo317.NieuwProduct:
    return wmo317.NieuwProduct(
        product=c.Product(categorie=categorie, code=code),
        gewenste_ingangsdatum=begin,
        einddatum=einde,
        omvang=c.Omvang(volume=2, eenheid="16", frequentie="2"),
    )


def _codes_317(ontvangst):
    retour = wmo318.parse(bytes(ontvangst.antwoord.inhoud))
    verzoek = retour.client.verzoek
    return {
        "verzoek": verzoek.retourcodes,
        "te_wijzigen": [p.retourcodes for p in verzoek.te_wijzigen_producten],
        "nieuw": [p.retourcodes for p in verzoek.nieuwe_producten],
        "ongewijzigd": [p.retourcodes for p in verzoek.ongewijzigde_producten],
    }


def test_317_met_een_nieuw_product_wordt_vastgelegd(opzet):
    ProductFactory(productcategorie="07", productcode="07A01", eenheid="16", frequentie="2")
    ontvangst = ontvang(_317(opzet, nieuw=[_nieuw(date(2016, 3, 1), date(2016, 6, 30))]))
    assert ontvangst.geaccepteerd, ontvangst.bericht.meldingen
    assert Verzoek.objects.get().producten["nieuwe_producten"][0]["product"]["code"] == "07A01"


@pytest.mark.parametrize(
    "kwargs, regel",
    [
        ({"ongewijzigd": (500123,)}, "TR101"),  # the same allocation kept and changed
        ({"te_wijzigen": {"einddatum": None}}, "CD076"),
        ({"te_wijzigen": {"omvang": c.Omvang(volume=1, eenheid="16", frequentie="1"), "einddatum": None}}, "CS338"),
        (
            {"nieuw": [_nieuw(date(2016, 3, 1), date(2016, 6, 30)), _nieuw(date(2016, 6, 1), date(2016, 9, 30))]},
            "TR410",
        ),
        ({"nieuw": [dataclasses.replace(_nieuw(date(2016, 3, 1), date(2016, 6, 30)), omvang=None)]}, "CD041"),
    ],
)
def test_317_condities_en_constraints_geven_0001(opzet, kwargs, regel):
    ProductFactory(productcategorie="07", productcode="07A01", eenheid="16", frequentie="2")
    ontvangst = ontvang(_317(opzet, **kwargs))
    _header_only_0001(ontvangst, wmo318)
    assert regel in ontvangst.bericht.meldingen


def test_8187_toewijzing_van_een_andere_client(opzet):
    ander = ToewijzingFactory(
        toewijzingsnummer="600001",
        beschikking__client=ClientFactory(gemeente=opzet.gemeente),
        product=opzet.product,
        aanbieder=opzet.aanbieder,
    )
    ontvangst = ontvang(_317(opzet, ongewijzigd=(int(ander.toewijzingsnummer),)))
    assert ontvangst.retourcodes == ["8187"]
    assert _codes_317(ontvangst)["ongewijzigd"] == [("8187",)]
    assert _niets_geschreven()


def test_9357_wijziging_in_het_verleden_niet_op_de_ingangsdatum(opzet):
    ontvangst = ontvang(_317(opzet, te_wijzigen={"gewenste_ingangsdatum": date(2016, 2, 3)}))
    assert ontvangst.retourcodes == ["9357"]
    assert _codes_317(ontvangst)["te_wijzigen"] == [("9357",)]
    assert _niets_geschreven()


def test_9357_wijziging_over_de_hele_looptijd_mag(opzet):
    assert ontvang(_317(opzet, te_wijzigen={"gewenste_ingangsdatum": opzet.ingangsdatum})).geaccepteerd


def test_9373_totaalvolume_wijzigen_gaat_in_op_de_ingangsdatum(opzet):
    opzet.eenheid, opzet.frequentie, opzet.volume = "04", "6", Decimal("40")
    opzet.save()
    tbgt = c.Omvang(volume=60, eenheid="04", frequentie="6")
    later = {"omvang": tbgt, "gewenste_ingangsdatum": DAG + timedelta(days=7)}
    ontvangst = ontvang(_317(opzet, te_wijzigen=later))
    assert ontvangst.retourcodes == ["9373"]
    assert _niets_geschreven()
    op_ingangsdatum = {"omvang": tbgt, "gewenste_ingangsdatum": opzet.ingangsdatum}
    assert ontvang(_317(opzet, te_wijzigen=op_ingangsdatum)).geaccepteerd


def test_9411_omvang_leeg_bij_een_toewijzing_met_productcode(opzet):
    ontvangst = ontvang(_317(opzet, te_wijzigen={"omvang": None}))
    assert ontvangst.retourcodes == ["9411"]
    assert _niets_geschreven()


def test_9361_nieuw_product_overlapt_met_een_lopende_toewijzing(opzet):
    nieuw = _nieuw(date(2016, 6, 1), date(2016, 9, 30), code=opzet.product.productcode, categorie="02")
    ontvangst = ontvang(_317(opzet, nieuw=[nieuw]))
    assert ontvangst.retourcodes == ["9361"]
    assert _codes_317(ontvangst)["nieuw"] == [("9361",)]
    assert _niets_geschreven()


def test_s329_onbekend_nieuw_product_in_een_317(opzet):
    ontvangst = ontvang(_317(opzet, nieuw=[_nieuw(date(2016, 3, 1), date(2016, 6, 30), code="07Z99")]))
    assert ontvangst.retourcodes == ["S329"]
    assert _niets_geschreven()


# --- 301 we build ------------------------------------------------------------------------------------------------
def test_301_zonder_adres_wordt_geweigerd_met_een_nederlandse_reden(opzet):
    opzet.client.postcode, opzet.client.huisnummer = "", None
    opzet.client.save()
    with pytest.raises(ValidationError) as fout:
        toewijzing_bericht_aanmaken(opzet)
    tekst = " ".join(fout.value.messages)
    assert "geen geldig iWmo-bericht" in tekst and "CD034" in tekst and "TR006" in tekst
    assert not Bericht.objects.filter(berichtcode="301").exists()


def test_outbox_slaat_een_ongeldige_toewijzing_over_en_gaat_door(opzet):
    opzet.client.postcode = ""
    opzet.client.save()
    goed = ToewijzingFactory(toewijzingsnummer="600002", product__productcode="02A02")
    geweigerd = []
    nieuw = outbox_bijwerken(geweigerd=geweigerd)
    assert [b.toewijzing for b in nieuw] == [goed]
    assert [(t, "CD034" in reden) for t, reden in geweigerd] == [(opzet, True)]
    assert outbox_bijwerken() == []  # still refused, nothing half-made


def test_301_die_wij_bouwen_voldoet_aan_de_regels(opzet):
    bericht = wmo301.parse(bytes(outbox_bijwerken()[0].inhoud))
    assert regels.regels_301(bericht) == []
    assert bericht.client.contactgegevens[0].adres.land_code == "NL"


def _toewijzing_301(**velden) -> wmo301.Bericht:
    product = wmo301.ToegewezenProduct(
        toewijzing_nummer=1,
        product=c.Product(categorie="02", code="02A01"),
        toewijzingsdatum=DAG,
        toewijzingstijd=time(12, 0),
        ingangsdatum=date(2016, 2, 1),
        einddatum=date(2016, 12, 31),
        omvang=c.Omvang(volume=3, eenheid="04", frequentie="2"),
    )
    adres = c.Adres(huis=c.Huis(huisnummer=1), postcode="2281AB", land_code="NL")
    client = wmo301.Client(
        bsn="999900006",
        geboortedatum=c.Geboortedatum(datum=date(1950, 1, 1)),
        geslacht="1",
        naam=c.VolledigeNaam(geslachtsnaam=c.Achternaam(achternaam="A"), naam_gebruik="1"),
        contactgegevens=(wmo301.Contact(soort="01", adres=adres),),
        toegewezen_producten=velden.pop("producten", (product,)),
    )
    return wmo301.Bericht(header=c.Header.nieuw("0603", "98100001", "1", DAG), client=client)


def _product(**velden) -> wmo301.ToegewezenProduct:
    return dataclasses.replace(_toewijzing_301().client.toegewezen_producten[0], **velden)


@pytest.mark.parametrize(
    "producten, regel",
    [
        ((_product(einddatum=None),), "CD076"),
        ((_product(budget=1000),), "CD077"),
        ((_product(omvang=None, budget=1000, einddatum=None),), "CD075"),
        ((_product(omvang=c.Omvang(volume=1, eenheid="14", frequentie="1"), einddatum=None),), "CS338"),
        ((_product(reden_wijziging="13"),), "CS335"),
        ((_product(product=c.Product(categorie="02"), einddatum=date(2021, 6, 30)),), "CD080"),  # omvang, no code
        ((_product(), _product(toewijzing_nummer=2, ingangsdatum=date(2016, 6, 1))), "TR302"),
        ((_product(), _product()), "TR101"),
        ((_product(toewijzingsdatum=DAG + timedelta(days=1)),), "TR134"),
    ],
)
def test_regels_301_per_toegewezen_product(producten, regel):
    fouten = regels.regels_301(_toewijzing_301(producten=producten))
    assert any(f.startswith(regel) for f in fouten), fouten


def test_cs338_en_cd080_gelden_niet_voor_perioden_tot_en_met_2020():
    oud = _product(product=c.Product(categorie="02"), omvang=c.Omvang(volume=1, eenheid="14", frequentie="1"))
    assert regels.regels_301(_toewijzing_301(producten=(oud,))) == []


def test_regels_301_verwijderde_toewijzing_telt_niet_mee_voor_overlap():
    verwijderd = _product(toewijzing_nummer=2, einddatum=date(2016, 2, 1), reden_wijziging="13")
    assert regels.regels_301(_toewijzing_301(producten=(_product(), verwijderd))) == []


def test_regels_301_adres():
    bericht = _toewijzing_301()
    zonder_huis = c.Adres(postcode="2281 AB", land_code="NL")
    client = dataclasses.replace(bericht.client, contactgegevens=(wmo301.Contact(soort="01", adres=zonder_huis),))
    fouten = regels.regels_301(dataclasses.replace(bericht, client=client))
    assert {f.split(":")[0] for f in fouten} == {"CD025", "CS089", "TR006"}


def test_301_voor_een_budget_is_aspecifiek_met_budget(opzet):
    """Open Wmo's products always have a code, but a budget allocation cannot carry one (CD041 + CD077):
    the 301 sends the category and the budget only (§7.2), and the provider's start without a code links."""
    opzet.volume, opzet.eenheid, opzet.frequentie, opzet.budget = None, "", "", Decimal("1500.00")
    opzet.save()
    [bericht] = outbox_bijwerken()
    product = wmo301.parse(bytes(bericht.inhoud)).client.toegewezen_producten[0]
    assert (product.product, product.omvang, product.budget) == (c.Product(categorie="02"), None, 150000)
    start = wmo305.parse(startbericht(opzet, date(2016, 2, 3), DAG))
    zonder_code = dataclasses.replace(start.client.start_producten[0], product=c.Product(categorie="02"))
    start = dataclasses.replace(start, client=dataclasses.replace(start.client, start_producten=(zonder_code,)))
    assert ontvang(wmo305.build(start)).geaccepteerd

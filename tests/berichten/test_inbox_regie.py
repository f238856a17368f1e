"""305/307 through the inbox: every business rule asserts the retourcode the provider gets back."""

from datetime import date

import pytest

from openwmo.berichten import wmo306, wmo308
from openwmo.berichten.inbox import ontvang
from openwmo.berichten.models import Bericht, Status
from openwmo.berichten.simulator import startbericht, stopbericht
from openwmo.toegang.models import Levering
from tests.factories import AanbiederFactory, ToewijzingFactory

pytestmark = pytest.mark.django_db
DAG = date(2016, 2, 5)


def _codes_product(antwoord: Bericht, code: str):
    module = wmo306 if code == "306" else wmo308
    retour = module.parse(bytes(antwoord.inhoud))
    producten = retour.client.start_producten if code == "306" else retour.client.stop_producten
    return [p.retourcodes for p in producten]


def test_start_wordt_vastgelegd_en_beantwoord_zonder_retourcodes(opzet):
    ontvangst = ontvang(startbericht(opzet, date(2016, 2, 3), DAG))
    assert ontvangst.geaccepteerd and ontvangst.retourcodes == []
    levering = Levering.objects.get(toewijzing=opzet)
    assert levering.begindatum == date(2016, 2, 3) and levering.einddatum is None
    assert levering.bron_bericht_id == ontvangst.bericht.pk
    retour = wmo306.parse(bytes(ontvangst.antwoord.inhoud))
    assert retour.client is None and retour.header.retourcodes == ()
    assert ontvangst.antwoord.berichtcode == "306" and ontvangst.antwoord.ontvanger == "98100001"


def test_9019_onbekend_toewijzingsnummer(opzet):
    ontvangst = ontvang(startbericht(opzet, date(2016, 2, 3), DAG, nummer=999999))
    assert ontvangst.bericht.status == Status.AFGEKEURD
    assert ontvangst.retourcodes == ["9019"]
    assert _codes_product(ontvangst.antwoord, "306") == [("9019",)]
    assert not Levering.objects.exists()


def test_9019_toewijzing_van_een_andere_aanbieder(opzet):
    andere = ToewijzingFactory(toewijzingsnummer="500999", aanbieder=AanbiederFactory(agb_code="98100002"))
    xml = startbericht(andere, date(2016, 2, 3), DAG)
    xml = xml.replace(b":Afzender>98100002<", b":Afzender>98100001<")
    assert ontvang(xml).retourcodes == ["9019"]


def test_9019_start_voor_de_ingangsdatum_van_de_toewijzing(opzet):
    assert ontvang(startbericht(opzet, date(2016, 1, 20), DAG)).retourcodes == ["9019"]


def test_9074_dezelfde_start_twee_keer(opzet):
    ontvang(startbericht(opzet, date(2016, 2, 3), DAG))
    tweede = ontvang(startbericht(opzet, date(2016, 2, 3), DAG))
    assert tweede.retourcodes == ["9074"]
    assert Levering.objects.count() == 1


def test_9326_tweede_start_terwijl_de_levering_loopt(opzet):
    ontvang(startbericht(opzet, date(2016, 2, 3), DAG))
    assert ontvang(startbericht(opzet, date(2016, 2, 4), DAG)).retourcodes == ["9326"]


def test_9326_tweede_start_in_een_al_geleverde_periode(opzet):
    ontvang(startbericht(opzet, date(2016, 2, 3), DAG))
    ontvang(stopbericht(opzet, date(2016, 2, 3), date(2016, 3, 31), date(2016, 4, 1)))
    assert ontvang(startbericht(opzet, date(2016, 3, 1), date(2016, 4, 2))).retourcodes == ["9326"]


def test_9063_verwijderen_van_een_start_die_er_niet_is(opzet):
    assert ontvang(startbericht(opzet, date(2016, 2, 3), DAG, status="3")).retourcodes == ["9063"]


def test_start_verwijderen_met_status_3(opzet):
    ontvang(startbericht(opzet, date(2016, 2, 3), DAG))
    assert ontvang(startbericht(opzet, date(2016, 2, 3), date(2016, 2, 6), status="3")).geaccepteerd
    assert Levering.objects.get().status_aanlevering == "3"
    assert ontvang(startbericht(opzet, date(2016, 2, 4), date(2016, 2, 6))).geaccepteerd


def test_9071_gestopte_start_kan_niet_verwijderd_worden(opzet):
    ontvang(startbericht(opzet, date(2016, 2, 3), DAG))
    ontvang(stopbericht(opzet, date(2016, 2, 3), date(2016, 3, 31), date(2016, 4, 1)))
    assert ontvang(startbericht(opzet, date(2016, 2, 3), date(2016, 4, 2), status="3")).retourcodes == ["9071"]


def test_stop_wordt_vastgelegd(opzet):
    ontvang(startbericht(opzet, date(2016, 2, 3), DAG))
    ontvangst = ontvang(stopbericht(opzet, date(2016, 2, 3), date(2016, 3, 31), date(2016, 4, 1)))
    assert ontvangst.geaccepteerd
    levering = Levering.objects.get()
    assert (levering.einddatum, levering.reden_beeindiging) == (date(2016, 3, 31), "19")


def test_9069_stop_zonder_start(opzet):
    ontvangst = ontvang(stopbericht(opzet, date(2016, 2, 3), date(2016, 3, 31), date(2016, 4, 1)))
    assert ontvangst.retourcodes == ["9069"]
    assert _codes_product(ontvangst.antwoord, "308") == [("9069",)]


def test_9019_stop_na_de_einddatum_van_de_toewijzing(opzet):
    ontvang(startbericht(opzet, date(2016, 2, 3), DAG))
    assert ontvang(stopbericht(opzet, date(2016, 2, 3), date(2017, 1, 5), date(2017, 1, 6))).retourcodes == ["9019"]


def test_9413_tweede_tijdelijke_stop(opzet):
    ontvang(startbericht(opzet, date(2016, 2, 3), DAG))
    ontvang(stopbericht(opzet, date(2016, 2, 3), date(2016, 3, 1), date(2016, 3, 2), reden="20"))
    tweede = ontvang(stopbericht(opzet, date(2016, 2, 3), date(2016, 3, 10), date(2016, 3, 11), reden="20"))
    assert tweede.retourcodes == ["9413"]


def test_9414_definitieve_stop_voor_de_tijdelijke(opzet):
    ontvang(startbericht(opzet, date(2016, 2, 3), DAG))
    ontvang(stopbericht(opzet, date(2016, 2, 3), date(2016, 3, 10), date(2016, 3, 11), reden="20"))
    assert ontvang(stopbericht(opzet, date(2016, 2, 3), date(2016, 3, 1), date(2016, 3, 12))).retourcodes == ["9414"]
    definitief = ontvang(stopbericht(opzet, date(2016, 2, 3), date(2016, 3, 20), date(2016, 3, 21)))
    assert definitief.geaccepteerd
    assert Levering.objects.get().reden_beeindiging == "19"


def test_9415_al_definitief_gestopt(opzet):
    ontvang(startbericht(opzet, date(2016, 2, 3), DAG))
    ontvang(stopbericht(opzet, date(2016, 2, 3), date(2016, 3, 10), date(2016, 3, 11)))
    assert ontvang(
        stopbericht(opzet, date(2016, 2, 3), date(2016, 3, 10), date(2016, 3, 12), reden="22")
    ).retourcodes == ["9415"]


def test_9074_zelfde_stop_twee_keer(opzet):
    ontvang(startbericht(opzet, date(2016, 2, 3), DAG))
    ontvang(stopbericht(opzet, date(2016, 2, 3), date(2016, 3, 10), date(2016, 3, 11)))
    assert ontvang(stopbericht(opzet, date(2016, 2, 3), date(2016, 3, 10), date(2016, 3, 14))).retourcodes == ["9074"]


def test_0001_bsn_voldoet_niet_aan_de_elfproef(opzet):
    xml = startbericht(opzet, date(2016, 2, 3), DAG).replace(f":Bsn>{opzet.client.bsn}<".encode(), b":Bsn>123456789<")
    ontvangst = ontvang(xml)
    assert ontvangst.retourcodes == ["0001"]
    retour = wmo306.parse(bytes(ontvangst.antwoord.inhoud))
    assert retour.header.retourcodes == ("0001",) and retour.header.xslt_versie and retour.client is None
    assert not ontvangst.bericht.uniek  # counts as not sent: the identification may be used again (OP286)
    assert not Levering.objects.exists()


def test_0001_begindatum_na_dagtekening(opzet):
    assert ontvang(startbericht(opzet, date(2016, 2, 10), DAG)).retourcodes == ["0001"]


def test_8848_dagtekening_in_de_toekomst(opzet):
    ontvangst = ontvang(startbericht(opzet, date(2016, 2, 3), date(2060, 1, 1)))
    assert ontvangst.retourcodes == ["8848"]
    assert wmo306.parse(bytes(ontvangst.antwoord.inhoud)).header.retourcodes == ("8848",)


def test_s300_onbekende_gemeente(opzet):
    xml = startbericht(opzet, date(2016, 2, 3), DAG).replace(b":Ontvanger>0603<", b":Ontvanger>0999<")
    assert ontvang(xml).retourcodes == ["S300"]


def test_een_fout_product_keurt_het_hele_bericht_af(opzet):
    """Two products, one wrong: nothing is recorded, the good one gets 0200 and the wrong one 9019 (§8.1)."""
    from openwmo.berichten import common as c
    from openwmo.berichten import wmo305

    goed = wmo305.StartProduct(toewijzing_nummer=500123, begindatum=date(2016, 2, 3), status_aanlevering="1")
    fout = wmo305.StartProduct(toewijzing_nummer=777, begindatum=date(2016, 2, 3), status_aanlevering="1")
    bericht = wmo305.Bericht(
        header=c.Header.nieuw("98100001", "0603", "MIX1", DAG),
        client=wmo305.Client(
            bsn=opzet.client.bsn,
            geboortedatum=c.Geboortedatum(datum=date(1950, 5, 17)),
            geslacht="2",
            naam=c.VerkorteNaam(geslachtsnaam=c.Achternaam(achternaam="Jansen")),
            start_producten=(goed, fout),
        ),
    )
    ontvangst = ontvang(wmo305.build(bericht))
    assert _codes_product(ontvangst.antwoord, "306") == [("0200",), ("9019",)]
    assert wmo306.parse(bytes(ontvangst.antwoord.inhoud)).client.retourcodes == ("0200",)
    assert not Levering.objects.exists()


def test_te_late_start_wordt_gemarkeerd(opzet):
    assert ontvang(startbericht(opzet, date(2016, 2, 3), date(2016, 3, 1))).bericht.te_laat
    assert not Bericht.objects.filter(te_laat=True, berichtcode="306").exists()


def test_start_op_tijd_is_niet_te_laat(opzet):
    assert not ontvang(startbericht(opzet, date(2016, 2, 3), DAG)).bericht.te_laat


def test_start_zonder_bekend_bsn_van_de_toewijzing(opzet, client_delft):
    andere_client = ToewijzingFactory.build(client=client_delft, toewijzingsnummer="500123", aanbieder=opzet.aanbieder)
    andere_client.product = opzet.product
    andere_client.gemeente = opzet.gemeente
    assert ontvang(startbericht(andere_client, date(2016, 2, 3), DAG)).retourcodes == ["9019"]


def test_a_person_who_is_a_client_of_two_municipalities_gets_the_start_on_the_addressed_ones_record(opzet):
    """Client records are per municipality: Rijswijk's start lands on Rijswijk's allocation, Delft's on Delft's."""
    from tests.factories import ClientFactory, GemeenteFactory

    delft = GemeenteFactory(cbs_code="0503", naam="Delft")
    elders = ClientFactory(bsn=opzet.client.bsn, gemeente=delft)
    van_delft = ToewijzingFactory(
        toewijzingsnummer="600123",
        beschikking__client=elders,
        product=opzet.product,
        aanbieder=opzet.aanbieder,
        ingangsdatum=opzet.ingangsdatum,
        einddatum=opzet.einddatum,
    )
    assert ontvang(startbericht(opzet, date(2016, 2, 3), DAG)).geaccepteerd
    assert ontvang(startbericht(van_delft, date(2016, 2, 4), DAG)).geaccepteerd
    assert Levering.objects.get(toewijzing=opzet).begindatum == date(2016, 2, 3)
    assert Levering.objects.get(toewijzing=van_delft).begindatum == date(2016, 2, 4)
    # Delft's number in a message addressed to Rijswijk is unknown there, BSN or not
    xml = startbericht(van_delft, date(2016, 2, 5), DAG)
    assert b">0503<" in xml
    xml = xml.replace(b">0503<", b">0603<")
    assert ontvang(xml).retourcodes == ["9019"]

"""301s by reconciliation, export per receiver, deadlines on the lists, the command and the simulator."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command

from openwmo.berichten import wmo301
from openwmo.berichten.inbox import ontvang
from openwmo.berichten.models import Bericht, Richting, Status, Verzoek
from openwmo.berichten.outbox import exporteren, outbox_bijwerken, toewijzing_bericht_aanmaken, verzoek_toekennen
from openwmo.berichten.selectors import achterstallig_q
from openwmo.berichten.simulator import simuleer, startbericht, verzoek_om_toewijzing
from openwmo.toegang.services import toewijzing_beeindigen

pytestmark = pytest.mark.django_db


def test_301_voor_nieuwe_toewijzing_met_client_product_en_omvang(opzet):
    [bericht] = outbox_bijwerken()
    assert (bericht.berichtcode, bericht.afzender, bericht.ontvanger) == ("301", "0603", "98100001")
    assert bericht.status == Status.AANGEMAAKT and bericht.toewijzing == opzet
    heen = wmo301.parse(bytes(bericht.inhoud))
    product = heen.client.toegewezen_producten[0]
    assert heen.client.bsn == opzet.client.bsn
    assert (product.toewijzing_nummer, product.product.code, product.ingangsdatum) == (
        500123,
        "02A01",
        opzet.ingangsdatum,
    )
    assert (product.omvang.volume, product.omvang.eenheid, product.omvang.frequentie) == (3, "04", "2")
    assert outbox_bijwerken() == []  # idempotent


def test_beeindigde_toewijzing_krijgt_een_nieuw_301(opzet):
    outbox_bijwerken()
    toewijzing_beeindigen(user=None, toewijzing=opzet, einddatum=date(2016, 6, 30), reden_beeindiging="02")
    [bericht] = outbox_bijwerken()
    product = wmo301.parse(bytes(bericht.inhoud)).client.toegewezen_producten[0]
    assert (product.einddatum, product.reden_wijziging) == (date(2016, 6, 30), "02")


def test_toegekend_verzoek_draagt_de_referentie_en_sluit(opzet):
    ontvang(verzoek_om_toewijzing(opzet, "REF9", date(2016, 3, 1), date(2016, 2, 5)))
    verzoek = Verzoek.objects.get()
    verzoek_toekennen(verzoek, opzet, None)
    [bericht] = outbox_bijwerken()
    assert wmo301.parse(bytes(bericht.inhoud)).client.toegewezen_producten[0].referentie_aanbieder == "REF9"
    verzoek.refresh_from_db()
    assert verzoek.status == "toegekend"


def test_export_per_ontvanger_markeert_verzonden(opzet, tmp_path):
    outbox_bijwerken()
    ontvang(startbericht(opzet, date(2016, 2, 3), date(2016, 2, 5)))
    assert exporteren(tmp_path) == {"98100001": 2}
    bestanden = sorted(p.name for p in (tmp_path / "98100001").iterdir())
    assert bestanden[0].startswith("WMO301_0603_") and bestanden[1].startswith("WMO306_0603_")
    assert not Bericht.objects.filter(richting=Richting.UIT, status=Status.AANGEMAAKT).exists()
    assert exporteren(tmp_path) == {}


def test_301_zonder_retour_na_3_werkdagen_is_achterstallig(opzet):
    [bericht] = outbox_bijwerken()
    assert not Bericht.objects.filter(achterstallig_q()).exists()
    assert Bericht.objects.filter(achterstallig_q(bericht.deadline + timedelta(days=1))).get() == bericht


def test_opdracht_import_export_outbox(opzet, tmp_path, capsys):
    map_in = tmp_path / "in"
    map_in.mkdir()
    (map_in / "start.xml").write_bytes(startbericht(opzet, date(2016, 2, 3), date(2016, 2, 5)))
    (map_in / "kapot.xml").write_bytes(b"<kapot")
    call_command("berichten", "outbox")
    call_command("berichten", "import", str(map_in))
    call_command("berichten", "import", str(map_in / "start.xml"))
    call_command("berichten", "export", str(tmp_path / "uit"))
    uitvoer = capsys.readouterr().out
    assert "1 nieuwe 301-bericht(en) aangemaakt" in uitvoer
    assert "WMO305" in uitvoer and "Verwerkt" in uitvoer and "al eerder ontvangen" in uitvoer
    assert "onleesbaar" in uitvoer and "[0001]" in uitvoer
    assert "2 bericht(en) geëxporteerd" in uitvoer


def test_simulator_maakt_een_realistische_berichtgeschiedenis(opzet):
    from tests.factories import ToewijzingFactory

    for n in range(30):
        ToewijzingFactory(
            toewijzingsnummer=str(600000 + n),
            aanbieder=opzet.aanbieder,
            beschikking__client__gemeente=opzet.gemeente,
            product=opzet.product,
        )
    telling = simuleer(seed=1, tot_datum=date(2017, 6, 1), max_berichten=500)
    assert telling["302"] == 31 and telling["305"] >= 31 and telling["307"] >= 31
    assert Bericht.objects.filter(berichtcode="301", status=Status.RETOUR_ONTVANGEN).count() == 31
    assert Bericht.objects.filter(berichtcode="306").count() == telling["305"]
    tweede = simuleer(seed=1, tot_datum=date(2017, 6, 1), max_berichten=500)
    assert sum(tweede.values()) == 0  # everything already answered


def test_simulator_is_deterministisch_en_maakt_soms_fouten(opzet):
    from openwmo.berichten import simulator

    simulator.FOUTKANS, oud = 0.5, simulator.FOUTKANS
    try:
        from tests.factories import ToewijzingFactory

        for n in range(20):
            ToewijzingFactory(
                toewijzingsnummer=str(700000 + n),
                aanbieder=opzet.aanbieder,
                beschikking__client__gemeente=opzet.gemeente,
                product=opzet.product,
            )
        telling = simuleer(seed=7, tot_datum=date(2016, 6, 1))
    finally:
        simulator.FOUTKANS = oud
    fouten = {k for k in telling if ":" in k}
    assert fouten <= {"305:9019", "305:9074"} and fouten


def test_simulator_beantwoordt_onze_319_met_een_320(opzet):
    from openwmo.berichten import wmo320
    from openwmo.berichten.outbox import verzoek_afwijzen

    simuleer(seed=3, tot_datum=date(2016, 3, 1))
    ontvang(verzoek_om_toewijzing(opzet, "REF320", date(2016, 3, 1), date(2016, 2, 5)))
    afwijzing = verzoek_afwijzen(Verzoek.objects.get(referentie_aanbieder="REF320"), "3", None)
    telling = simuleer(seed=3, tot_datum=date(2016, 3, 1))
    assert telling["320"] == 1 and not any(k.startswith("320:") for k in telling)
    afwijzing.refresh_from_db()
    assert afwijzing.status == Status.RETOUR_ONTVANGEN and afwijzing.verzonden_op is not None
    retour = wmo320.parse(bytes(afwijzing.antwoord.inhoud))
    assert retour.header.bericht_identificatie.identificatie == afwijzing.identificatie
    assert simuleer(seed=3, tot_datum=date(2016, 3, 1))["320"] == 0  # answered once


def test_301_draagt_alle_actuele_toewijzingen_van_de_client_bij_die_aanbieder(opzet):
    """OP087: the changed allocation first, then every other current one at that provider, unchanged ones as
    last reported; not other providers' allocations, not allocations that ended before the message date."""
    from django.utils import timezone

    from tests.factories import AanbiederFactory, ProductFactory, ToewijzingFactory

    vandaag = timezone.localdate()
    gemeenschappelijk = dict(beschikking=opzet.beschikking, ingangsdatum=vandaag - timedelta(days=30))
    a = ToewijzingFactory(
        toewijzingsnummer="610001", aanbieder=opzet.aanbieder, product=opzet.product,
        einddatum=vandaag + timedelta(days=300), **gemeenschappelijk,
    )  # fmt: skip
    b = ToewijzingFactory(
        toewijzingsnummer="610002", aanbieder=opzet.aanbieder, product=ProductFactory(productcode="02A02"),
        einddatum=vandaag + timedelta(days=200), **gemeenschappelijk,
    )  # fmt: skip
    ToewijzingFactory(
        toewijzingsnummer="610003", aanbieder=AanbiederFactory(), product=opzet.product,
        einddatum=vandaag + timedelta(days=300), **gemeenschappelijk,
    )  # fmt: skip
    eerste = {bericht.toewijzing.toewijzingsnummer: bericht for bericht in outbox_bijwerken()}

    def nummers(bericht):
        return [p.toewijzing_nummer for p in wmo301.parse(bytes(bericht.inhoud)).client.toegewezen_producten]

    # opzet (500123) ended in 2016: its own 301 carries the current 610001/610002 too; they never carry it
    assert nummers(eerste["500123"]) == [500123, 610001, 610002]
    assert nummers(eerste["610001"]) == [610001, 610002] and nummers(eerste["610002"]) == [610002, 610001]
    assert nummers(eerste["610003"]) == [610003]  # another provider: its own message only

    toewijzing_beeindigen(user=None, toewijzing=a, einddatum=vandaag + timedelta(days=60), reden_beeindiging="02")
    [tweede] = outbox_bijwerken()
    producten = wmo301.parse(bytes(tweede.inhoud)).client.toegewezen_producten
    assert [p.toewijzing_nummer for p in producten] == [610001, 610002]
    assert (producten[0].einddatum, producten[0].reden_wijziging) == (vandaag + timedelta(days=60), "02")
    zoals_gemeld = wmo301.parse(bytes(eerste["610002"].inhoud)).client.toegewezen_producten[0]
    assert producten[1] == zoals_gemeld  # unchanged: resent with its own Toewijzingsdatum/-tijd (IV013)
    assert b.toewijzingsnummer == "610002" and outbox_bijwerken() == []


def test_een_onuitdrukbare_andere_toewijzing_houdt_de_301_niet_tegen(opzet):
    """A budget over LDT_Budget's maximum cannot go into any 301: the other allocation's 301 is still made."""
    from decimal import Decimal

    from django.utils import timezone

    from tests.factories import ProductFactory, ToewijzingFactory

    vandaag = timezone.localdate()
    velden = dict(beschikking=opzet.beschikking, aanbieder=opzet.aanbieder, einddatum=vandaag + timedelta(days=90))
    ToewijzingFactory(toewijzingsnummer="630001", product=opzet.product, **velden)
    ToewijzingFactory(
        toewijzingsnummer="630002", product=ProductFactory(productcode="02A02"), budget=Decimal("7654321.98"), **velden
    )
    bericht = toewijzing_bericht_aanmaken(type(opzet).objects.get(toewijzingsnummer="630001"))
    nummers = [p.toewijzing_nummer for p in wmo301.parse(bytes(bericht.inhoud)).client.toegewezen_producten]
    assert nummers == [630001]

"""Idempotency, 9056, hostile input, requests (315/317 → 316/318, 319), the 323 seam and 302 retours."""

from datetime import date
from types import SimpleNamespace

import pytest
from django.test import override_settings

from openwmo.berichten import wmo316, wmo318, wmo319
from openwmo.berichten.inbox import OntvangstGeweigerd, ontvang, wachtende_verwerken
from openwmo.berichten.models import Bericht, Richting, Status, Verzoek
from openwmo.berichten.outbox import outbox_bijwerken, verzoek_afwijzen, verzoek_in_onderzoek
from openwmo.berichten.simulator import retour_302, startbericht, verzoek_om_toewijzing, verzoek_om_wijziging
from openwmo.toegang.models import Levering

pytestmark = pytest.mark.django_db
DAG = date(2016, 2, 5)


# --- idempotency ------------------------------------------------------------------------------------------
def test_hetzelfde_bericht_twee_keer_verandert_niets_en_geeft_hetzelfde_antwoord(opzet):
    xml = startbericht(opzet, date(2016, 2, 3), DAG, identificatie="ID1")
    eerste = ontvang(xml)
    aantallen = (Bericht.objects.count(), Levering.objects.count())
    tweede = ontvang(xml)
    assert tweede.herhaald and tweede.bericht.pk == eerste.bericht.pk
    assert bytes(tweede.antwoord.inhoud) == bytes(eerste.antwoord.inhoud)
    assert (Bericht.objects.count(), Levering.objects.count()) == aantallen


def test_9056_ander_bericht_met_dezelfde_identificatie(opzet):
    ontvang(startbericht(opzet, date(2016, 2, 3), DAG, identificatie="ID1"))
    tweede = ontvang(startbericht(opzet, date(2016, 2, 4), DAG, identificatie="ID1"))
    assert tweede.retourcodes == ["9056"]
    assert not tweede.bericht.uniek and Levering.objects.count() == 1


def test_technisch_afgekeurde_identificatie_mag_opnieuw(opzet):
    ontvang(startbericht(opzet, date(2016, 2, 10), DAG, identificatie="ID2"))  # TR134 → 0001
    assert ontvang(startbericht(opzet, date(2016, 2, 3), DAG, identificatie="ID2")).geaccepteerd


# --- hostile input ----------------------------------------------------------------------------------------
BOM = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<Bericht xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo305/schema">&lol2;</Bericht>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Bericht xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo305/schema">&xxe;</Bericht>"""


def _vijandig(opzet):
    goed = startbericht(opzet, date(2016, 2, 3), DAG)
    return {
        "entity bomb": BOM,
        "external entity": XXE,
        "huge file": goed.replace(b"</wmo305:Bericht>", b"<!--" + b"x" * 300_000 + b"--></wmo305:Bericht>"),
        "wrong namespace": goed.replace(b"iwmo/3_2/wmo305/schema", b"iwmo/3_1/wmo305/schema"),
        "wrong encoding": goed.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
        "latin-1 bytes": goed.replace(b"Jansen", "J\xe4nsen".encode("latin-1")),
        "truncated": goed[: len(goed) // 2],
        "empty": b"",
        "not xml": b"%PDF-1.4 binary\x00\x01",
        "unexpected element": goed.replace(b"<wmo305:Client>", b"<wmo305:Extra>x</wmo305:Extra><wmo305:Client>"),
        "a 301 sent to the municipality": _een_301(opzet),
        "deep tree": b'<Bericht xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo305/schema">'
        + b"<a>" * 5000
        + b"</a>" * 5000
        + b"</Bericht>",
    }


def _een_301(opzet):
    outbox_bijwerken()
    return bytes(Bericht.objects.get(berichtcode="301").inhoud)


@override_settings(OPENWMO_BERICHT_MAX_BYTES=200_000)
def test_vijandige_invoer_geeft_technische_afkeur_zonder_halve_records(opzet):
    for naam, inhoud in _vijandig(opzet).items():
        voor = Bericht.objects.filter(richting=Richting.IN).count()
        ontvangst = ontvang(inhoud)
        assert ontvangst.bericht.status == Status.AFGEKEURD, naam
        assert ontvangst.retourcodes == ["0001"], naam
        assert ontvangst.antwoord is None, naam  # structure level: the standard sends no retour
        assert ontvangst.bericht.meldingen, naam
        assert not ontvangst.bericht.uniek, naam
        assert Bericht.objects.filter(richting=Richting.IN).count() == voor + 1, naam
        assert len(bytes(ontvangst.bericht.inhoud)) <= 200_000, naam
    assert not Levering.objects.exists() and not Verzoek.objects.exists()
    assert b"root:" not in b"".join(bytes(b.inhoud) + b.meldingen.encode() for b in Bericht.objects.all())


@override_settings(OPENWMO_BERICHT_MAX_BYTES=200_000)
def test_vijandige_invoer_via_de_upload_geeft_geen_serverfout(opzet, client, django_user_model):
    from tests.factories import UserFactory

    gebruiker = UserFactory(rol="consulent", gemeenten=[opzet.gemeente])
    client.force_login(gebruiker)
    from django.core.files.uploadedfile import SimpleUploadedFile

    for naam, inhoud in _vijandig(opzet).items():
        antwoord = client.post("/berichten/uploaden/", {"bestand": SimpleUploadedFile("b.xml", inhoud)})
        if naam == "empty":  # the form refuses an empty file, naming the field
            assert antwoord.status_code == 400 and "bestand" in antwoord.content.decode().lower()
        else:
            assert antwoord.status_code == 200, naam
            assert "Afgekeurd" in antwoord.content.decode(), naam
    assert not Levering.objects.exists() and not Verzoek.objects.exists()


def test_bestand_boven_de_standaardlimiet_wordt_niet_bewaard(opzet):
    groot = b'<?xml version="1.0" encoding="UTF-8"?><Bericht>' + b" " * (21 * 1024 * 1024) + b"</Bericht>"
    ontvangst = ontvang(groot)
    assert ontvangst.retourcodes == ["0001"] and "te groot" in ontvangst.bericht.meldingen
    assert bytes(ontvangst.bericht.inhoud) == b"" and ontvangst.bericht.grootte == len(groot)


# --- provider may only send as itself ---------------------------------------------------------------------
def test_aanbieder_kan_niet_namens_een_ander_versturen(opzet):
    from tests.factories import AanbiederFactory

    with pytest.raises(OntvangstGeweigerd):
        ontvang(startbericht(opzet, date(2016, 2, 3), DAG), aanbieder=AanbiederFactory(agb_code="98100009"))
    assert not Bericht.objects.exists()


# --- 315 / 317 --------------------------------------------------------------------------------------------
def test_315_komt_op_de_werklijst_en_krijgt_een_316(opzet):
    ontvangst = ontvang(verzoek_om_toewijzing(opzet, "REF1", date(2016, 3, 1), DAG))
    assert ontvangst.geaccepteerd and ontvangst.antwoord.berichtcode == "316"
    assert wmo316.parse(bytes(ontvangst.antwoord.inhoud)).header.retourcodes == ()
    verzoek = Verzoek.objects.get()
    assert (verzoek.soort, verzoek.status, verzoek.bsn) == ("toewijzing", "open", opzet.client.bsn)
    assert verzoek.client == opzet.client and verzoek.producten[0]["referentie_aanbieder"] == "REF1"
    assert verzoek.deadline > date.today()


def test_9347_referentie_al_gebruikt(opzet):
    ontvang(verzoek_om_toewijzing(opzet, "REF1", date(2016, 3, 1), DAG))
    verzoek_afwijzen(Verzoek.objects.get(), "7", None)
    ontvangst = ontvang(verzoek_om_toewijzing(opzet, "REF1", date(2016, 3, 1), DAG))
    assert ontvangst.retourcodes == ["9347"]
    retour = wmo316.parse(bytes(ontvangst.antwoord.inhoud))
    assert retour.client.aangevraagde_producten[0].retourcodes == ("9347",)


def test_9374_ander_verzoek_staat_nog_open(opzet):
    ontvang(verzoek_om_toewijzing(opzet, "REF1", date(2016, 3, 1), DAG))
    ontvangst = ontvang(verzoek_om_toewijzing(opzet, "REF2", date(2016, 3, 1), DAG))
    assert ontvangst.retourcodes == ["9374"]
    retour = wmo316.parse(bytes(ontvangst.antwoord.inhoud))
    assert retour.client.retourcodes == ("9374",)
    assert retour.client.aangevraagde_producten[0].retourcodes == ("0233",)
    assert Verzoek.objects.count() == 1


def test_317_wordt_vastgelegd(opzet):
    ontvangst = ontvang(verzoek_om_wijziging(opzet, "W1", date(2016, 3, 1)))
    assert ontvangst.geaccepteerd and ontvangst.antwoord.berichtcode == "318"
    assert Verzoek.objects.get().soort == "wijziging"


def test_9351_te_wijzigen_product_is_geen_actuele_toewijzing(opzet):
    xml = verzoek_om_wijziging(opzet, "W1", date(2016, 3, 1))  # asks to change it until its old end date
    opzet.einddatum = date(2016, 2, 20)
    opzet.save()
    ontvangst = ontvang(xml)
    assert ontvangst.retourcodes == ["9351"]
    retour = wmo318.parse(bytes(ontvangst.antwoord.inhoud))
    assert retour.client.verzoek.te_wijzigen_producten[0].retourcodes == ("9351",)
    assert not Verzoek.objects.exists()


def test_9350_en_9349(opzet):
    from tests.factories import ToewijzingFactory

    ToewijzingFactory(
        toewijzingsnummer="500124",
        beschikking__client=opzet.client,
        aanbieder=opzet.aanbieder,
        product__productcode="02A02",
    )
    assert ontvang(verzoek_om_wijziging(opzet, "W1", date(2016, 3, 1))).retourcodes == ["9349"]
    assert ontvang(verzoek_om_wijziging(opzet, "W2", date(2016, 3, 1), ongewijzigd=(424242,))).retourcodes == [
        "9350",
        "9349",
    ]


def test_0001_verzoek_om_wijziging_zonder_te_wijzigen_product(opzet):
    xml = verzoek_om_wijziging(opzet, "W1", date(2016, 3, 1))
    begin, eind = xml.index(b"<wmo317:TeWijzigenProducten>"), xml.index(b"</wmo317:TeWijzigenProducten>")
    ongewijzigd = (
        b"<wmo317:OngewijzigdeProducten><wmo317:OngewijzigdProduct><wmo317:ToewijzingNummer>500123"
        b"</wmo317:ToewijzingNummer></wmo317:OngewijzigdProduct></wmo317:OngewijzigdeProducten>"
    )
    xml = xml[:begin] + ongewijzigd + xml[eind + len(b"</wmo317:TeWijzigenProducten>") :]
    assert ontvang(xml).retourcodes == ["0001"]  # TR353


def test_afwijzen_en_in_onderzoek_maken_een_319(opzet, consulent_rijswijk):
    ontvang(verzoek_om_toewijzing(opzet, "REF1", date(2016, 3, 1), DAG))
    verzoek = Verzoek.objects.get()
    onderzoek = verzoek_in_onderzoek(verzoek, consulent_rijswijk)
    assert wmo319.parse(bytes(onderzoek.inhoud)).antwoord.verzoek_antwoord == "2"
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        verzoek_in_onderzoek(verzoek, consulent_rijswijk)  # TR360: only once
    afwijzing = verzoek_afwijzen(verzoek, "6", consulent_rijswijk)
    antwoord = wmo319.parse(bytes(afwijzing.inhoud)).antwoord
    assert (antwoord.referentie_aanbieder, antwoord.verzoek_antwoord, antwoord.reden_afwijzing_verzoek) == (
        "REF1",
        "1",
        "6",
    )
    verzoek.refresh_from_db()
    assert verzoek.status == "afgewezen" and verzoek.antwoorden.count() == 2
    with pytest.raises(ValidationError):
        verzoek_afwijzen(verzoek, "6", consulent_rijswijk)


def test_afwijzen_met_onbekende_reden_wordt_geweigerd(opzet, consulent_rijswijk):
    ontvang(verzoek_om_toewijzing(opzet, "REF1", date(2016, 3, 1), DAG))
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as fout:
        verzoek_afwijzen(Verzoek.objects.get(), "X", consulent_rijswijk)
    assert "reden" in fout.value.message_dict
    assert not Bericht.objects.filter(berichtcode="319").exists()


# --- 323 seam ---------------------------------------------------------------------------------------------
GEROEPEN = []


def nep_verwerker(xml_bytes, bron="iwmo"):
    from openwmo.berichten import lees, wmo325

    _code, declaratie = lees(xml_bytes)
    GEROEPEN.append(bron)
    header = wmo325.DeclaratieAntwoordHeader.voor(
        declaratie.header,
        afzender="0603",
        ontvanger="98100001",
        identificatie="A1",
        dagtekening=date(2016, 3, 3),
        retourcodes=("0200",),
    )
    antwoord = wmo325.DeclaratieAntwoord(
        declaratie_nummer=declaratie.declaratie.declaratie_nummer,
        totaal_ingediend_bedrag=declaratie.declaratie.totaal_ingediend_bedrag,
        totaal_toegekend_bedrag=declaratie.declaratie.totaal_ingediend_bedrag,
        retourcodes=("8001",),
    )
    return SimpleNamespace(antwoord_325=wmo325.build(wmo325.Bericht(header=header, declaratie_antwoord=antwoord)))


def _declaratie():
    from openwmo.berichten import common as c
    from openwmo.berichten import wmo323
    from tests.berichten import samples

    d = samples.declaratie()
    import dataclasses

    return wmo323.build(dataclasses.replace(d, header=c.Header.nieuw("98100001", "0603", "DCL1", date(2016, 3, 2))))


@override_settings(OPENWMO_BERICHT_VERWERKERS={"323": "tests.berichten.test_inbox_overig.nep_verwerker"})
def test_323_gaat_naar_de_declaratiemodule_en_het_325_wordt_opgeslagen(opzet):
    ontvangst = ontvang(_declaratie())
    assert GEROEPEN[-1] == "iwmo"
    assert ontvangst.geaccepteerd and ontvangst.antwoord.berichtcode == "325"
    assert "8001" in ontvangst.retourcodes
    assert ontvang(_declaratie()).bericht.pk == ontvangst.bericht.pk


def test_323_through_the_real_claims_module_gets_its_325_stored(opzet):
    ontvangst = ontvang(_declaratie())
    assert ontvangst.bericht.status == Status.VERWERKT, ontvangst.bericht.meldingen
    assert ontvangst.antwoord.berichtcode == "325"
    from openwmo.declaraties.models import Declaratie

    assert Declaratie.objects.count() <= 1  # stored when the claim passed the technical checks
    assert ontvang(_declaratie()).bericht.pk == ontvangst.bericht.pk  # the same message again changes nothing


@override_settings(OPENWMO_BERICHT_VERWERKERS={"323": "openwmo.bestaat_niet.services.verwerk"})
def test_323_zonder_declaratiemodule_wacht_op_verwerking(opzet):
    ontvangst = ontvang(_declaratie())
    assert ontvangst.bericht.status == Status.WACHT
    assert "niet beschikbaar" in ontvangst.bericht.meldingen and ontvangst.antwoord is None
    with override_settings(OPENWMO_BERICHT_VERWERKERS={"323": "tests.berichten.test_inbox_overig.nep_verwerker"}):
        assert wachtende_verwerken() == 1
    ontvangst.bericht.refresh_from_db()
    assert ontvangst.bericht.status == Status.VERWERKT and ontvangst.bericht.antwoord.berichtcode == "325"


# --- 302 on our 301 ---------------------------------------------------------------------------------------
def test_302_werkt_de_status_van_het_301_bij(opzet):
    [bericht_301] = outbox_bijwerken()
    ontvangst = ontvang(retour_302(bericht_301, date.today()))
    assert ontvangst.geaccepteerd
    bericht_301.refresh_from_db()
    assert bericht_301.status == Status.RETOUR_ONTVANGEN and bericht_301.antwoord == ontvangst.bericht
    tweede = ontvang(retour_302(bericht_301, date.today()))
    assert tweede.bericht.status == Status.AFGEKEURD and "al een retour" in tweede.bericht.meldingen


def test_302_met_retourcodes(opzet):
    from openwmo.berichten import wmo301, wmo302
    from openwmo.berichten.retour import RetourHeader

    [bericht_301] = outbox_bijwerken()
    heen = wmo301.parse(bytes(bericht_301.inhoud))
    header = RetourHeader.voor(heen.header, identificatie_retour="R1", dagtekening_retour=date.today())
    retour = wmo302.van_heen(
        heen, header, retourcodes=lambda k: ("9332",) if hasattr(k, "toewijzing_nummer") else ("0200",)
    )
    ontvang(wmo302.build(retour))
    bericht_301.refresh_from_db()
    assert bericht_301.retourcode_lijst == ["0200", "9332"]


def test_a_reason_quoting_a_nul_byte_is_stored_not_a_crash():
    """Found by tests/fuzz on PostgreSQL: the parser's reason quoted the declared encoding with its NUL byte,
    and a text column refuses NUL (DataError). The message is now rejected and stored like any other."""
    xml = b'<?xml version="1.0" encoding="U\x00F-8"?><wmo305:Bericht xmlns:wmo305="x"/>'
    ontvangst = ontvang(xml)
    assert ontvangst.bericht.status == Status.AFGEKEURD and ontvangst.retourcodes == ["0001"]
    assert "\x00" not in ontvangst.bericht.meldingen and "U\\x00F-8" in ontvangst.bericht.meldingen
    assert bytes(ontvangst.bericht.inhoud) == xml

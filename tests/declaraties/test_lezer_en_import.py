"""The fast 323 reader accepts exactly what `wmo323.parse` accepts, and the import command."""

import random
from datetime import date

import pytest
from django.core.management import call_command

from openwmo.berichten import BerichtFout, wmo323
from openwmo.declaraties.lezer import _van_model, lees_323
from openwmo.declaraties.models import Declaratie
from tests.declaraties.batch_maker import genereer_batch
from tests.declaraties.bericht_maker import als_323
from tests.declaraties.declaratie_maker import credit_van, declaratie, prestatie
from tests.declaraties.test_declaratie_service import basis  # noqa: F401  (fixture)


@pytest.fixture(scope="module")
def berichten():
    batch = genereer_batch(600, aanbieders=3, fouten=12)
    return [als_323(d) for d in batch.declaraties]


def generiek(xml):
    return _van_model(wmo323.parse(xml))


def test_fast_reader_equals_the_generic_reader_on_valid_messages(berichten):
    extra = als_323(declaratie([credit_van(prestatie(), "C1"), prestatie(referentienummer="R2")]))
    for xml in [*berichten, extra]:
        assert lees_323(xml) == generiek(xml)


MUTATIES = [
    (b"<wmo323:Eenheid>04</wmo323:Eenheid>", b"<wmo323:Eenheid>99</wmo323:Eenheid>"),
    (b"<wmo323:Eenheid>04</wmo323:Eenheid>", b"<wmo323:Eenheid>04<x/></wmo323:Eenheid>"),
    (b"<wmo323:Eenheid>04</wmo323:Eenheid>", b'<wmo323:Eenheid a="1">04</wmo323:Eenheid>'),
    (b"<wmo323:Eenheid>04</wmo323:Eenheid>", b""),
    (b"<wmo323:Eenheid>04</wmo323:Eenheid>", b"<wmo323:Eenheid>04</wmo323:Eenheid>tekst"),
    (b"<wmo323:GeleverdVolume>", b"<wmo323:GeleverdVolume>x"),
    (b"<iwmo:Begindatum>2024-03-01", b"<iwmo:Begindatum>2024-02-30"),
    (b"<wmo323:Bsn>", b"<wmo323:Bsn>1"),
    (b"</wmo323:ProductCode>", b"</wmo323:ProductCode><wmo323:ProductCode>02A01</wmo323:ProductCode>"),
    (b"<wmo323:DeclaratieNummer>", b"<wmo323:DeclaratieNummer>-"),
    (b"<iwmo:DebetCredit>D", b"<iwmo:DebetCredit>X"),
    (b"<iwmo:Bedrag>", b"<iwmo:Bedrag> 1_0"),
]


@pytest.mark.parametrize(("oud", "nieuw"), MUTATIES)
def test_fast_reader_rejects_what_the_generic_reader_rejects(berichten, oud, nieuw):
    xml = berichten[0]
    assert oud in xml
    kapot = xml.replace(oud, nieuw, 1)
    with pytest.raises(BerichtFout) as generiek_fout:
        wmo323.parse(kapot)
    with pytest.raises(BerichtFout) as snel_fout:
        lees_323(kapot)
    assert snel_fout.value.meldingen == generiek_fout.value.meldingen  # same paths and rules reported


def test_harmless_whitespace_is_accepted_like_the_generic_reader(berichten):
    xml = berichten[0].replace(b"<wmo323:GeleverdVolume>", b"<wmo323:GeleverdVolume> ", 1)
    assert lees_323(xml) == generiek(xml)


def test_random_byte_flips_never_crash(berichten):
    rng = random.Random(7)
    xml = berichten[1]
    for _ in range(40):
        i = rng.randrange(len(xml))
        kapot = xml[:i] + bytes([rng.randrange(32, 127)]) + xml[i + 1 :]
        try:
            uitkomst = lees_323(kapot)
        except BerichtFout:
            continue
        assert uitkomst == generiek(kapot)


def test_import_command_writes_the_325_next_to_each_file(basis, tmp_path, capsys):  # noqa: F811
    (tmp_path / "maart.xml").write_bytes(als_323(declaratie([prestatie()], declaratienummer="D1")))
    april = declaratie(
        [prestatie(referentienummer="R2", begindatum=date(2023, 4, 1), einddatum=date(2023, 4, 30),
                   toewijzingsnummer="9999")],
        declaratienummer="D2", periode_begindatum=date(2023, 4, 1), periode_einddatum=date(2023, 4, 30),
    )  # fmt: skip
    (tmp_path / "april.xml").write_bytes(als_323(april))
    (tmp_path / "kapot.xml").write_bytes(b"<kapot")
    call_command("declaraties_import", str(tmp_path))
    uit = capsys.readouterr().out
    assert "maart.xml: 8001" in uit and "april.xml: 0200" in uit and "kapot.xml: 0001" in uit
    assert b"8001" in (tmp_path / "maart.325.xml").read_bytes()
    assert b"9338" in (tmp_path / "april.325.xml").read_bytes()
    assert not (tmp_path / "kapot.325.xml").exists()
    call_command("declaraties_import", str(tmp_path), "--output", str(tmp_path / "antwoorden"))
    assert "al eerder verwerkt" in capsys.readouterr().out
    assert (tmp_path / "antwoorden" / "maart.325.xml").exists()
    assert Declaratie.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_import_with_two_workers_on_postgresql(tmp_path, capsys):
    from django.core.management.base import CommandError
    from django.db import connection

    from tests.declaraties.db_maker import batch_opslaan

    batch = genereer_batch(400, aanbieders=4, fouten=8)
    for d in batch.declaraties:
        (tmp_path / f"{d.declaratienummer}.xml").write_bytes(als_323(d))
    if connection.vendor != "postgresql":
        with pytest.raises(CommandError, match="alleen met PostgreSQL"):
            call_command("declaraties_import", str(tmp_path), "--workers", "2")
        return
    batch_opslaan(batch)
    call_command("declaraties_import", str(tmp_path), "--workers", "2")
    assert "4 bestanden, 400 prestaties, 8 afgekeurd." in capsys.readouterr().out
    assert len(list(tmp_path.glob("*.325.xml"))) == 4
    toegekend = {d.aanbieder.agb_code: d.toegekend_totaal for d in Declaratie.objects.filter(bron="iwmo")
                 .exclude(declaratienummer__startswith="F").select_related("aanbieder")}  # fmt: skip
    assert toegekend == batch.verwacht_bedrag

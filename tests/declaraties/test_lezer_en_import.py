"""The fast 323 reader accepts exactly what `wmo323.parse` accepts, and the import command."""

import random
import re
from datetime import date

import pytest
from django.core.management import call_command

from openwmo.berichten import BerichtFout, wmo323
from openwmo.berichten.safe_xml import parse_xml
from openwmo.declaraties import lezer
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


M_NS = wmo323.STRUCTURE.namespace
B_NS = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"


@pytest.fixture(scope="module")
def gemengd():
    """Clients with one to three lines; lines with and without ProductTarief and VorigReferentieNummer."""
    regels = []
    for n in range(12):
        bsn = ("999900006", "123456782", "111222333")[n % 3]
        p = prestatie(referentienummer=f"R{n}", bsn=bsn, toewijzingsnummer=str(1000 + n % 4))
        if n % 4 == 1:
            p = credit_van(p, f"C{n}")
        if n % 3 == 2:
            p = prestatie(referentienummer=f"Z{n}", bsn=bsn, producttarief=None)
        regels.append(p)
    xml = als_323(declaratie(regels))
    assert xml.count(b"<wmo323:ProductTarief>") == 8 and xml.count(b"<iwmo:VorigReferentieNummer>") == 2
    return xml


def _weg(xml):
    """Who reads the Clienten of `xml`: the strict pass on the "tekst", on the "boom", or the "generiek" reader."""
    try:
        root = parse_xml(xml, namespace=M_NS)
    except BerichtFout:
        return "generiek"
    strikt = lezer._Strikt()
    try:
        strikt.complex(root, wmo323.STRUCTURE.root)
        lezer._prestaties(strikt.clienten_lezen(root, root[1], xml.decode("utf-8")), uit_tekst=True)
        return "tekst"
    except lezer._Afwijking:
        pass
    try:
        lezer._strikt_lezen(root, "")  # no text: the tree walk
        return "boom"
    except lezer._Afwijking:
        return "generiek"


def _beide(xml):
    """Both readers agree on `xml`: the same result, or both refuse with the same messages."""
    try:
        verwacht = generiek(xml)
    except BerichtFout as fout:
        with pytest.raises(BerichtFout) as snel_fout:
            lees_323(xml)
        assert snel_fout.value.meldingen == fout.meldingen
        return "fout"
    assert lees_323(xml) == verwacht
    return "goed"


def test_the_strict_pass_reads_mixed_lines_and_many_clients_itself(gemengd, berichten):
    for xml in (gemengd, berichten[0], berichten[1]):
        assert _weg(xml) == "tekst"
        assert lees_323(xml) == generiek(xml)
        assert lezer._strikt_lezen(parse_xml(xml), "") == generiek(xml)  # the tree walk reads them alike
    prestaties = lees_323(gemengd).declaratie.prestaties
    assert {p.referentienummer for p in prestaties if p.producttarief is None} == {"Z2", "Z5", "Z8", "Z11"}
    assert {p.referentienummer for p in prestaties if p.vorige_referentienummer} == {"C1", "C9"}


def _prefixen(xml, m, i):
    return (xml.replace(b"xmlns:wmo323=", b"xmlns:" + m + b"=").replace(b"xmlns:iwmo=", b"xmlns:" + i + b"=")
            .replace(b"wmo323:", m + b":").replace(b"iwmo:", i + b":"))  # fmt: skip


def _eerste(oud, nieuw):
    return lambda xml: xml.replace(oud, nieuw, 1)


_NEP_CLIENTEN = (b"<!-- <wmo323:Clienten><wmo323:Client><wmo323:Bsn>999900006</wmo323:Bsn>"
                 b"<wmo323:Prestaties></wmo323:Prestaties></wmo323:Client></wmo323:Clienten> -->")  # fmt: skip

# (name, mutation, who reads the Clienten: "tekst" or "boom" (the strict pass) | "fout": rejected by both)
VARIANTEN = [
    ("compact", lambda x: re.sub(rb">\s+<", b"><", x), "tekst"),
    ("crlf", lambda x: x.replace(b"\n", b"\r\n"), "tekst"),
    ("tabs", lambda x: x.replace(b"  ", b"\t"), "tekst"),
    ("bom", lambda x: b"\xef\xbb\xbf" + x, "tekst"),
    ("geen declaratie", lambda x: x.split(b"?>", 1)[1], "tekst"),
    ("andere prefixen", lambda x: _prefixen(x, b"m", b"b"), "tekst"),
    ("lange prefix", lambda x: _prefixen(x, b"m" * 40, b"b"), "boom"),
    ("standaardnamespace", lambda x: x.replace(b"xmlns:wmo323=", b"xmlns=").replace(b"wmo323:", b""), "boom"),
    ("prefix hergebonden", lambda x: _prefixen(x, b"wmo323", b"b").replace(
        b"<wmo323:Declaratie>", f'<wmo323:Declaratie xmlns:iwmo="{M_NS}">'.encode(), 1).replace(
        b"<b:ReferentieNummer>", b"<iwmo:ReferentieNummer>", 1).replace(
        b"</b:ReferentieNummer>", b"</iwmo:ReferentieNummer>", 1), "fout"),
    ("nep-Clienten in commentaar", _eerste(b"<wmo323:Header>", b"<wmo323:Header>" + _NEP_CLIENTEN), "boom"),
    ("commentaar tussen clienten", _eerste(b"</wmo323:Client>", b"</wmo323:Client><!-- x -->"), "boom"),
    ("pi in prestatie", _eerste(b"<wmo323:Eenheid>", b"<?pi x?><wmo323:Eenheid>"), "boom"),
    ("commentaar na het bericht", lambda x: x + b"<!-- einde -->", "boom"),
    ("cdata", _eerste(b"<wmo323:Eenheid>04<", b"<wmo323:Eenheid><![CDATA[04]]><"), "boom"),
    ("tekenverwijzing", _eerste(b"<wmo323:Eenheid>04<", b"<wmo323:Eenheid>0&#52;<"), "boom"),
    ("entiteit in referentie", _eerste(b"<iwmo:ReferentieNummer>", b"<iwmo:ReferentieNummer>&amp;"), "boom"),
    ("cr in referentie", _eerste(b"<iwmo:ReferentieNummer>", b"<iwmo:ReferentieNummer>\r"), "boom"),
    ("> in referentie", _eerste(b"<iwmo:ReferentieNummer>", b"<iwmo:ReferentieNummer>>"), "tekst"),
    ("referentie van spaties", lambda x: re.sub(rb"<iwmo:ReferentieNummer>[^<]*<",
                                                b"<iwmo:ReferentieNummer> \n <", x, count=1), "tekst"),
    ("referentie met e-acute", _eerste(b"<iwmo:ReferentieNummer>", "<iwmo:ReferentieNummer>é".encode()), "tekst"),
    ("referentie van 20", lambda x: re.sub(rb"<iwmo:ReferentieNummer>[^<]*<",
                                           b"<iwmo:ReferentieNummer>" + b"R" * 20 + b"<", x, count=1), "tekst"),
    ("referentie van 21", lambda x: re.sub(rb"<iwmo:ReferentieNummer>[^<]*<",
                                           b"<iwmo:ReferentieNummer>" + b"R" * 21 + b"<", x, count=1), "fout"),
    ("lege referentie", lambda x: re.sub(rb"<iwmo:ReferentieNummer>[^<]*<", b"<iwmo:ReferentieNummer><", x,
                                         count=1), "fout"),
    ("voorloopnullen toewijzing", _eerste(b"<wmo323:ToewijzingNummer>", b"<wmo323:ToewijzingNummer>000"), "tekst"),
    ("spatie in toewijzing", _eerste(b"<wmo323:ToewijzingNummer>", b"<wmo323:ToewijzingNummer> "), "boom"),
    ("plusteken in toewijzing", _eerste(b"<wmo323:ToewijzingNummer>", b"<wmo323:ToewijzingNummer>+"), "boom"),
    ("toewijzing te lang", _eerste(b"<wmo323:ToewijzingNummer>", b"<wmo323:ToewijzingNummer>1234567"), "fout"),
    ("bedrag met voorloopnullen", _eerste(b"<iwmo:Bedrag>", b"<iwmo:Bedrag>00"), "tekst"),
    ("bedrag te groot", lambda x: re.sub(rb"<iwmo:Bedrag>[^<]*<", b"<iwmo:Bedrag>100000000<", x, count=1),
     "fout"),
    ("bedrag min nul", lambda x: re.sub(rb"<iwmo:Bedrag>[^<]*<", b"<iwmo:Bedrag>-0<", x, count=1), "boom"),
    ("tarief met spatie", _eerste(b"<wmo323:ProductTarief>", b"<wmo323:ProductTarief> "), "boom"),
    ("datum met spatie", lambda x: re.sub(rb"(<wmo323:ProductPeriode>\s*<iwmo:Begindatum>)", rb"\1 ", x, count=1),
     "boom"),
    ("periode van de declaratie met spatie", _eerste(b"<iwmo:Begindatum>2023", b"<iwmo:Begindatum> 2023"), "tekst"),
    ("31 april", lambda x: re.sub(rb"<iwmo:Einddatum>2023-03-31<", b"<iwmo:Einddatum>2023-04-31<", x,
                                  count=1), "fout"),
    ("bsn met spatie", _eerste(b"<wmo323:Bsn>", b"<wmo323:Bsn> "), "fout"),
    ("eenheid met spatie", _eerste(b"<wmo323:Eenheid>04", b"<wmo323:Eenheid>04 "), "fout"),
    ("lege productcode", lambda x: re.sub(rb"<wmo323:ProductCode>[^<]*</wmo323:ProductCode>",
                                          b"<wmo323:ProductCode/>", x, count=1), "fout"),
    ("spatie in tag", _eerste(b"<wmo323:Prestatie>", b"<wmo323:Prestatie >"), "boom"),
    ("schemaLocation op Clienten", lambda x: x.replace(b"<wmo323:Clienten>", b'<wmo323:Clienten xmlns:xsi='
        b'"http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="x">'), "boom"),
    ("schemaLocation op prestatie", _eerste(b"<wmo323:Prestatie>", b'<wmo323:Prestatie xmlns:xsi='
        b'"http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="x">'), "boom"),
    ("attribuut op prestatie", _eerste(b"<wmo323:Prestatie>", b'<wmo323:Prestatie a="1">'), "fout"),
    ("attribuut op declaratie", _eerste(b"<wmo323:Declaratie>", b'<wmo323:Declaratie a="1">'), "fout"),
    ("element in bsn", _eerste(b"</wmo323:Bsn>", b"<wmo323:Bsn/></wmo323:Bsn>"), "fout"),
    ("element in referentie", _eerste(b"</iwmo:ReferentieNummer>", b"<x/></iwmo:ReferentieNummer>"), "fout"),
    ("element in referentie van spaties", lambda x: re.sub(rb"<iwmo:ReferentieNummer>[^<]*<",
                                                          b"<iwmo:ReferentieNummer> <x/><", x, count=1), "fout"),
    ("element in declaratienummer", _eerste(b"</wmo323:DeclaratieNummer>", b"<x/></wmo323:DeclaratieNummer>"),
     "fout"),
    ("tekst in clienten", _eerste(b"<wmo323:Clienten>", b"<wmo323:Clienten>x"), "fout"),
    ("tekst in client", _eerste(b"</wmo323:Bsn>", b"</wmo323:Bsn>x"), "fout"),
    ("tekst in periode", _eerste(b"</iwmo:Begindatum>", b"</iwmo:Begindatum>x"), "fout"),
    ("tekst in header", _eerste(b"</wmo323:Afzender>", b"</wmo323:Afzender>x"), "fout"),
    ("volgorde categorie en code", lambda x: re.sub(
        rb"(<wmo323:ProductCategorie>[^<]*</wmo323:ProductCategorie>)(\s*)(<wmo323:ProductCode>[^<]*"
        rb"</wmo323:ProductCode>)", rb"\3\2\1", x, count=1), "fout"),
    ("volgorde periode", lambda x: re.sub(
        rb"(<iwmo:Begindatum>[^<]*</iwmo:Begindatum>)(\s*)(<iwmo:Einddatum>[^<]*</iwmo:Einddatum>)",
        rb"\3\2\1", x, count=1), "fout"),
    ("tarief na bedrag", lambda x: re.sub(
        rb"(<wmo323:ProductTarief>[^<]*</wmo323:ProductTarief>)(\s*)(<wmo323:IngediendBedrag>.*?"
        rb"</wmo323:IngediendBedrag>)", rb"\3\2\1", x, count=1, flags=re.S), "fout"),
    ("twee tarieven", lambda x: re.sub(rb"(<wmo323:ProductTarief>[^<]*</wmo323:ProductTarief>)", rb"\1\1", x,
                                       count=1), "fout"),
    ("twee vorige", lambda x: re.sub(rb"(<iwmo:VorigReferentieNummer>[^<]*</iwmo:VorigReferentieNummer>)",
                                     rb"\1\1", x, count=1), "fout"),
    ("zonder tarief", lambda x: re.sub(rb"<wmo323:ProductTarief>[^<]*</wmo323:ProductTarief>", b"", x), "tekst"),
    ("zonder bsn", lambda x: re.sub(rb"<wmo323:Bsn>[^<]*</wmo323:Bsn>", b"", x, count=1), "fout"),
    ("lege prestaties", lambda x: re.sub(rb"<wmo323:Prestaties>.*?</wmo323:Prestaties>",
                                         b"<wmo323:Prestaties></wmo323:Prestaties>", x, count=1, flags=re.S),
     "fout"),
    ("lege prestaties midden", lambda x: re.sub(rb"(<wmo323:Client>.*?<wmo323:Client>.*?<wmo323:Prestaties>).*?"
                                                rb"(</wmo323:Prestaties>)", rb"\1\2", x, count=1, flags=re.S), "fout"),
    ("client in prestaties", lambda x: re.sub(rb"(</wmo323:Prestatie>)", rb"\1" + re.search(
        rb"<wmo323:Client>.*?</wmo323:Client>", x, flags=re.S).group(0), x, count=1), "fout"),
    ("client zonder prestaties erbij", lambda x: re.sub(rb"(</wmo323:Client>)", rb"\1<wmo323:Client><wmo323:Bsn>"
                                                        rb"999900006</wmo323:Bsn></wmo323:Client>", x, count=1),
     "fout"),
    ("lege clienten", lambda x: re.sub(rb"<wmo323:Clienten>.*</wmo323:Clienten>",
                                       b"<wmo323:Clienten></wmo323:Clienten>", x, flags=re.S), "fout"),
    ("onbekend element in clienten", _eerste(b"</wmo323:Client>", b"</wmo323:Client><wmo323:Client/>"), "fout"),
    ("prestatie buiten prestaties", _eerste(b"</wmo323:Prestaties>", b"</wmo323:Prestaties>"
                                            b"<wmo323:Prestatie/>"), "fout"),
    ("element na clienten", _eerste(b"</wmo323:Clienten>", b"</wmo323:Clienten><wmo323:Clienten/>"), "fout"),
]


@pytest.mark.parametrize(("naam", "mutatie", "uitkomst"), VARIANTEN, ids=[v[0] for v in VARIANTEN])
def test_the_strict_pass_reads_only_the_canonical_spelling_and_agrees_with_the_generic_reader(
    gemengd, naam, mutatie, uitkomst
):
    xml = mutatie(gemengd)
    assert xml != gemengd
    assert _beide(xml) == ("fout" if uitkomst == "fout" else "goed")
    assert _weg(xml) == ("generiek" if uitkomst == "fout" else uitkomst)


def test_no_leaf_under_clienten_accepts_an_empty_text():
    """Both strict ways use "" for an absent optional element; no value can be ""."""
    for naam, soort, groep, _ in lezer._KOLOMMEN:
        assert soort.check("") is not None, naam
        assert not re.fullmatch(groep, ""), naam


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

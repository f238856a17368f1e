"""Hostile input for the iWmo inbox: `ontvang()` never raises, and a rejected message leaves only its raw record.

Entity bombs, external entities, DTDs, oversized and truncated files, wrong encodings, random bytes and
mutated valid 305/307 messages (hostile text in any element, elements removed or doubled, bytes flipped).
Invariant per input: no exception; a message rejected at the structure level adds exactly one `Bericht`
(afgekeurd, 0001, no answer, content not kept when over the limit) and changes no other table; a message
rejected by the rules adds the message and its retour and nothing else; only an accepted message may add a
delivery (`Levering`) or request (`Verzoek`).
"""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from openwmo.berichten.inbox import ontvang
from openwmo.berichten.models import Kanaal, Status
from openwmo.berichten.simulator import startbericht, stopbericht
from tests.factories import AanbiederFactory, ClientFactory, GemeenteFactory, ProductFactory, ToewijzingFactory

from .helpers import fuzz_settings, tel, tellingen, uitkomst, verschil, vijandige_tekst

pytestmark = pytest.mark.django_db
LIMIET = 16 * 1024  # a small OPENWMO_BERICHT_MAX_BYTES so that "too large" costs little to generate
NS = b"http://www.istandaarden.nl/iwmo/3_2/wmo305/schema"

BOMMEN = [
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    b'<wmo305:Bericht xmlns:wmo305="' + NS + b'">&d;</wmo305:Bericht>',
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<wmo305:Bericht xmlns:wmo305="' + NS + b'"><wmo305:Header>&x;</wmo305:Header></wmo305:Bericht>',
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>'
    b'<wmo305:Bericht xmlns:wmo305="' + NS + b'"/>',
    b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://127.0.0.1:9/x.dtd"><wmo305:Bericht xmlns:wmo305="' + NS + b'"/>',
    b'<wmo305:Bericht xmlns:wmo305="' + NS + b'" xmlns:xi="http://www.w3.org/2001/XInclude">'
    b'<xi:include href="file:///etc/passwd" parse="text"/></wmo305:Bericht>',
    b'<wmo305:Bericht xmlns:wmo305="' + NS + b'">&nbsp;</wmo305:Bericht>',
    b'<?xml-stylesheet href="http://127.0.0.1:9/x.xsl"?><wmo305:Bericht xmlns:wmo305="' + NS + b'"/>',
]
CODERINGEN = ["utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252", "utf-7"]


@pytest.fixture
def basis(settings):
    settings.OPENWMO_BERICHT_MAX_BYTES = LIMIET
    gemeente = GemeenteFactory(cbs_code="0603", naam="Rijswijk")
    aanbieder = AanbiederFactory(agb_code="98100001", naam="Zorg Rijswijk")
    toewijzing = ToewijzingFactory(
        toewijzingsnummer="500123",
        beschikking__client=ClientFactory(gemeente=gemeente),
        product=ProductFactory(),
        aanbieder=aanbieder,
        ingangsdatum=date(2016, 2, 1),
        einddatum=date(2016, 12, 31),
    )
    return [
        startbericht(toewijzing, date(2016, 2, 3), date(2016, 2, 5), identificatie="F1"),
        stopbericht(toewijzing, date(2016, 2, 3), date(2016, 6, 30), date(2016, 7, 1), identificatie="F2"),
    ]


def _muteer_element(xml: bytes, keuze: int, tekst: str, actie: str) -> bytes:
    root = etree.fromstring(xml)
    elementen = list(root.iter())
    el = elementen[keuze % len(elementen)]
    if actie == "tekst" and len(el) == 0:
        # lxml refuses text XML cannot carry (NUL, most control characters): drop those, keep the rest.
        el.text = "".join(ch for ch in tekst if ch in "\t\n\r" or ord(ch) >= 0x20 and ch not in "\ufffe\uffff")
    elif actie == "weg" and el is not root:
        el.getparent().remove(el)
    elif actie == "dubbel" and el is not root:
        el.addnext(etree.fromstring(etree.tostring(el)))
    elif actie == "attribuut":
        el.set("x", "".join(ch for ch in tekst if ch.isprintable()))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@st.composite
def vijandig_bericht(draw, geldig: list[bytes]):
    basis = draw(st.sampled_from(geldig))
    if draw(st.booleans()):  # a fresh identification, so a mutation reaches the rules instead of 9056
        basis = basis.replace(b">F1<", b">F%d<" % draw(st.integers(3, 10**9))).replace(
            b">F2<", b">G%d<" % draw(st.integers(3, 10**9))
        )
    soort = draw(
        st.sampled_from(
            ["bom", "element", "afgekapt", "codering", "bytes", "flip", "groot", "tekstvervanging", "leeg", "geldig"]
        )
    )
    if soort == "bom":
        return draw(st.sampled_from(BOMMEN))
    if soort == "element":
        actie = draw(st.sampled_from(["tekst", "tekst", "weg", "dubbel", "attribuut"]))
        return _muteer_element(basis, draw(st.integers(0, 200)), draw(vijandige_tekst), actie)
    if soort == "afgekapt":
        return basis[: draw(st.integers(0, len(basis) - 1))]
    if soort == "codering":
        codering = draw(st.sampled_from(CODERINGEN))
        tekst = basis.decode().replace("Rijswijk", "Rijswijk é ü 𝕏")
        return tekst.encode(codering, errors="replace")
    if soort == "bytes":
        return draw(st.binary(max_size=400))
    if soort == "flip":
        data = bytearray(basis)
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    if soort == "groot":
        opvulling = b"<!--" + b"x" * draw(st.integers(LIMIET, 3 * LIMIET)) + b"-->"
        return basis.replace(b"?>", b"?>" + opvulling, 1)
    if soort == "tekstvervanging":
        oud = draw(st.sampled_from([b"0603", b"98100001", b"500123", b"2016-02-03", b">1<", b">19<", b"02A01"]))
        nieuw = draw(vijandige_tekst).encode("utf-8", errors="replace")
        return basis.replace(oud, nieuw)
    if soort == "leeg":
        return draw(st.sampled_from([b"", b" ", b"\n", b"\xef\xbb\xbf", b"<", b"<?xml version='1.0'?>"]))
    return basis


def _controleer(xml: bytes) -> None:
    voor = tellingen()
    ontvangst = ontvang(xml, kanaal=Kanaal.IMPORT)  # must never raise
    delta = verschil(voor, tellingen())
    b = ontvangst.bericht
    uitkomst(f"inbox {'herhaald' if ontvangst.herhaald else b.status} {b.retourcodes[:14]}".strip())
    if ontvangst.herhaald:
        assert delta == {}, "the same bytes again must change nothing"
        return
    if b.status == Status.AFGEKEURD and b.antwoord_id is None:
        assert delta == {"berichten.bericht": 1}, delta
        assert b.retourcodes == "0001" or b.retourcodes.startswith("9056") or b.berichtcode in ("302", "320")
        if len(xml) > LIMIET:
            assert bytes(b.inhoud) == b"" and b.grootte == len(xml)
        else:
            assert bytes(b.inhoud) == xml
    elif b.status == Status.AFGEKEURD:
        # the message and its retour (whose identification comes from a number series), nothing else
        assert delta.pop("berichten.bericht") == 2 and set(delta) <= {"core.nummerreeks"}, delta
    else:
        assert set(delta) <= {"berichten.bericht", "core.nummerreeks", "toegang.levering", "berichten.verzoek"}, delta


@fuzz_settings(max_examples=4200, naam="inbox")
@given(data=st.data())
def test_inbox_weerstaat_vijandige_berichten(basis, data):
    tel("inbox")
    _controleer(data.draw(vijandig_bericht(basis)))

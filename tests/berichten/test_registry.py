"""Registry, detection, model/structure consistency and the retour helpers."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from openwmo.berichten import (
    BY_BERICHTCODE,
    REGISTRY,
    codes,
    definitie,
    detect,
    lees,
    wmo301,
    wmo302,
    wmo305,
    wmo306,
    wmo323,
    wmo325,
)
from openwmo.berichten.retour import RetourHeader
from openwmo.berichten.structure import Complex

from . import samples


def test_registry_has_the_14_messages():
    assert sorted(REGISTRY) == sorted(codes.BERICHTCODE)
    for code, module in REGISTRY.items():
        assert module.CODE == code
        assert module.STRUCTURE.berichtcode == codes.BERICHTCODE[code]
        assert module.STRUCTURE.namespace == f"http://www.istandaarden.nl/iwmo/3_2/wmo{code}/schema"
        assert definitie(code) is module.STRUCTURE
    assert BY_BERICHTCODE["414"] == "301"


def _complexes(cx: Complex, seen: dict):
    if id(cx) in seen:
        return
    seen[id(cx)] = cx
    for el in cx.children:
        if isinstance(el.type, Complex):
            _complexes(el.type, seen)


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_every_model_field_maps_to_exactly_one_element(code):
    seen: dict = {}
    _complexes(REGISTRY[code].STRUCTURE.root, seen)
    for cx in seen.values():
        if cx.model is None:
            continue
        fields = {f.name for f in dataclasses.fields(cx.model)}
        elements = {el.field for el in cx.children if el.fixed is None}
        assert fields == elements, (code, cx.name)


def test_build_detect_parse_for_built_messages():
    for msg, module in (
        (samples.toewijzing(), wmo301),
        (samples.start(), wmo305),
        (samples.declaratie(), wmo323),
    ):
        xml = module.build(msg)
        assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
        assert detect(xml) == module.CODE
        assert lees(xml) == (module.CODE, msg)


def test_retour_from_heen_message_302():
    heen = samples.toewijzing()
    header = RetourHeader.voor(heen.header, identificatie_retour="R1", dagtekening_retour=date(2024, 3, 2))
    retour = wmo302.van_heen(heen, header)
    assert isinstance(retour.client, wmo302.Client) and isinstance(retour.client, wmo301.Client)
    assert retour.client.retourcodes == ("0200",)
    assert all(p.retourcodes == ("0200",) for p in retour.client.toegewezen_producten)
    assert all(c.retourcodes == ("0200",) for c in retour.client.contactgegevens)
    xml = wmo302.build(retour)
    assert wmo302.parse(xml) == retour
    assert b"<wmo302:BerichtCode>415</wmo302:BerichtCode>" in xml
    assert b"<wmo302:Afzender>0384</wmo302:Afzender>" in xml  # copied unchanged (IV028)


def test_header_only_retour_306():
    heen = samples.start()
    header = RetourHeader.voor(
        heen.header,
        identificatie_retour="R2",
        dagtekening_retour=date(2024, 4, 3),
        retourcodes=("0001",),
        xslt_versie="1.0.0",
    )
    retour = wmo306.Bericht(header=header)
    assert wmo306.parse(wmo306.build(retour)) == retour


def test_retour_class_without_codes_is_invalid():
    heen = samples.start()
    header = RetourHeader.voor(heen.header, identificatie_retour="R3", dagtekening_retour=date(2024, 4, 3))
    retour = wmo306.van_heen(heen, header, retourcodes=lambda klasse: ())
    rules = {(e.pad, e.regel) for e in wmo306.validate(retour)}
    assert ("/Bericht/Client/RetourCodes/RetourCode", "minOccurs") in rules


def test_325_fully_approved_and_with_rejected_prestatie():
    decl = samples.declaratie()
    header = wmo325.DeclaratieAntwoordHeader.voor(
        decl.header,
        afzender="0384",
        ontvanger="42420001",
        identificatie="DA1",
        dagtekening=date(2024, 5, 10),
        retourcodes=("0200",),
    )
    totaal = decl.declaratie.totaal_ingediend_bedrag
    approved = wmo325.Bericht(
        header=header,
        declaratie_antwoord=wmo325.DeclaratieAntwoord(
            declaratie_nummer=decl.declaratie.declaratie_nummer,
            totaal_ingediend_bedrag=totaal,
            totaal_toegekend_bedrag=totaal,
            retourcodes=("8001",),
        ),
    )
    assert wmo325.parse(wmo325.build(approved)) == approved
    prestatie = wmo325.prestatie_afgewezen(decl.declaratie.clienten[0].prestaties[0], ("9339",))
    rejected = dataclasses.replace(
        approved,
        declaratie_antwoord=dataclasses.replace(
            approved.declaratie_antwoord,
            retourcodes=("0200",),
            clienten=(wmo325.Client(bsn="999900006", prestaties=(prestatie,), retourcodes=("0200",)),),
        ),
    )
    xml = wmo325.build(rejected)
    assert wmo325.parse(xml) == rejected
    assert detect(xml) == "325"


def test_read_element_reads_one_part_of_a_validated_message():
    """`read_element` (used by the claims' fast reader) gives the same header and declaration as `parse`,
    leaving out the children it is told to skip."""
    from lxml import etree

    bericht = samples.declaratie()
    xml = wmo323.build(bericht)
    root = etree.fromstring(xml)
    structuur = wmo323.STRUCTURE
    assert structuur.read_element(root[0], structuur.root.child("Header").type) == bericht.header
    d = structuur.read_element(root[1], wmo323.DECLARATIE, overslaan={"Clienten"}, clienten=())
    assert d == dataclasses.replace(bericht.declaratie, clienten=())

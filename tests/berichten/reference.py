"""Access to the official reference package (XSDs and examples) for conformance tests.

The package is never copied into the repository: tests find it through `OPENWMO_IWMO_REFERENCE`
(default `<repo>/../shared/reference`) and skip with an explanation when it is absent. For the
reply messages, for which iWmo 3.2 XSDs are not in the package, iWmo-shaped XSDs are *derived at
test time* (in a temporary directory) from the iJw 3.2 ones: namespaces and berichtcode swapped,
youth-only elements removed, the iWmo basisschema imported.
"""

from __future__ import annotations

import functools
import os
import re
import tempfile
from pathlib import Path

import pytest
from lxml import etree

from openwmo.berichten import codes

REPO = Path(__file__).resolve().parents[2]
XS = "{http://www.w3.org/2001/XMLSchema}"
HEEN = ("301", "305", "307", "315", "317", "319", "323")
REPLIES = ("302", "306", "308", "316", "318", "320", "325")
IJW_BERICHTCODE = {
    "302": "437",
    "306": "439",
    "308": "441",
    "316": "447",
    "318": "487",
    "320": "489",
    "325": "491",
}
YOUTH_ONLY = ("GezagsdragerBekend", "Woonplaatsbeginsel")
IWMO_NS = "http://www.istandaarden.nl/iwmo/3_2"
IJW_NS = "http://www.istandaarden.nl/ijw/3_2"


def reference_dir() -> Path:
    path = Path(os.environ.get("OPENWMO_IWMO_REFERENCE", REPO.parent / "shared" / "reference"))
    if not (path / "iwmo-3.2" / "xsd" / "basisschema.xsd").is_file():
        pytest.skip(
            f"official iWmo 3.2 reference package not found at {path}: set OPENWMO_IWMO_REFERENCE to a "
            "folder holding iwmo-3.2/{xsd,examples}/ (the official XSDs from Zorginstituut Nederland, "
            "with basisschema.xsd) and ijw-3.2/{xsd,examples}/ for the reply shapes"
        )
    return path


@functools.cache
def official_schema(code: str) -> etree.XMLSchema:
    """The official iWmo XSD for a heen message (301 … 323), compiled once."""
    return etree.XMLSchema(etree.parse(str(reference_dir() / "iwmo-3.2" / "xsd" / f"wmo{code}.xsd")))


def _swap_namespaces(text: str, code: str) -> str:
    text = text.replace(f"{IJW_NS}/basisschema/schema", f"{IWMO_NS}/basisschema/schema")
    text = text.replace(f"{IJW_NS}/jw{code}/schema", f"{IWMO_NS}/wmo{code}/schema")
    text = re.sub(rf"\bjw{code}:", f"wmo{code}:", text).replace(f"xmlns:jw{code}=", f"xmlns:wmo{code}=")
    return re.sub(r"\bijw:", "iwmo:", text).replace("xmlns:ijw=", "xmlns:iwmo=")


_TMP = tempfile.TemporaryDirectory(prefix="openwmo-derived-xsd-")


@functools.cache
def derived_schema(code: str) -> etree.XMLSchema:
    """An iWmo XSD for reply `code`, derived from the iJw 3.2 XSD (see module docstring)."""
    ref = reference_dir()
    tmp = Path(_TMP.name)
    (tmp / "basisschema.xsd").write_bytes((ref / "iwmo-3.2" / "xsd" / "basisschema.xsd").read_bytes())
    text = _swap_namespaces((ref / "ijw-3.2" / "xsd" / f"jw{code}.xsd").read_text("utf-8"), code)
    text = text.replace(
        f'<xs:pattern value="{IJW_BERICHTCODE[code]}"/>', f'<xs:pattern value="{codes.BERICHTCODE[code]}"/>'
    )
    assert f'value="{codes.BERICHTCODE[code]}"' in text
    tree = etree.fromstring(text.encode("utf-8"))
    for el in list(tree.iter(f"{XS}element")):
        if el.get("name") in YOUTH_ONLY:
            el.getparent().remove(el)
    path = tmp / f"wmo{code}.xsd"
    path.write_bytes(etree.tostring(tree))
    return etree.XMLSchema(etree.parse(str(path)))


def heen_example(code: str) -> bytes:
    return (reference_dir() / "iwmo-3.2" / "examples" / f"WMO{code}.xml").read_bytes()


def reply_example(code: str) -> bytes:
    """The iJw example for reply `code`, rewritten into its iWmo shape (see `ijw_to_iwmo`)."""
    return ijw_to_iwmo((reference_dir() / "ijw-3.2" / "examples" / f"JW{code}.xml").read_bytes(), code)


def ijw_to_iwmo(xml: bytes, code: str) -> bytes:
    """Namespaces and berichtcode to iWmo; youth-only elements dropped; youth-only code values mapped
    (ProductCategorie 3x/4x → 02, RedenBeeindiging not in WMO588 → 19); the stray `RetourCode` directly
    under `Verzoek` in the stored JW318 example (which makes it invalid against its own XSD) removed."""
    from openwmo.catalogus import codelijsten as cl

    root = etree.fromstring(_swap_namespaces(xml.decode("utf-8"), code).encode("utf-8"))
    ns = f"{IWMO_NS}/wmo{code}/schema"
    root.find(f"{{{ns}}}Header/{{{ns}}}BerichtCode").text = codes.BERICHTCODE[code]
    for el in list(root.iter()):
        name = etree.QName(el).localname
        if name in YOUTH_ONLY or (name == "RetourCode" and etree.QName(el.getparent()).localname == "Verzoek"):
            el.getparent().remove(el)
        elif name in ("ProductCategorie", "Categorie") and el.text not in cl.PRODUCTCATEGORIE:
            el.text = "02"
        elif name == "RedenBeeindiging" and el.text not in cl.REDEN_BEEINDIGING:
            el.text = "19"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def xsd_errors(schema: etree.XMLSchema, xml: bytes) -> list[str]:
    ok = schema.validate(etree.fromstring(xml))
    return [] if ok else [str(e) for e in schema.error_log]

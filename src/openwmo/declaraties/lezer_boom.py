"""The strict 323 pass's second way to the Clienten: walking the parsed tree.

`lezer` first matches the Clienten on the message text, which takes one canonical spelling only. A valid
message spelled otherwise — comments, CDATA, character references, whitespace around a typed value, a
default namespace, xsi:schemaLocation on an inner element — comes here before it would go to the generic
reader (about three times slower). The same rules, on the tree: every Client is Bsn + Prestaties with at
least one Prestatie, every Prestatie has its children in the order of the definition (ProductTarief and
VorigReferentieNummer optional), no attributes but xsi:schemaLocation, no text in element-only content and
no element inside a leaf (the XPath checks run in C on the Clienten subtree). The values are returned as
columns; `lezer` checks every distinct value against its LDT type and converts it.
"""

from __future__ import annotations

from lxml import etree

from openwmo.berichten import wmo323
from openwmo.berichten.structure import BASIS_NS, XSI_NS


class Afwijking(Exception):
    """The strict pass saw something it does not accept; the generic reader decides."""


TOEGESTANE_ATTRIBUTEN = frozenset({f"{{{XSI_NS}}}schemaLocation", f"{{{XSI_NS}}}noNamespaceSchemaLocation"})
_NS = wmo323.STRUCTURE.namespace
_ATTRIBUTEN = etree.XPath("descendant-or-self::*/@*")
_GEMENGDE_TEKST = etree.XPath("descendant-or-self::*[*]/text()[normalize-space()]")
_ELEMENTEN = etree.XPath("count(descendant-or-self::*)")


def _m(naam: str) -> str:
    return f"{{{_NS}}}{naam}"


def _b(naam: str) -> str:
    return f"{{{BASIS_NS}}}{naam}"


_CLIENT = _m("Client")
_BSN = _m("Bsn")
_PRESTATIES = _m("Prestaties")
_PRESTATIE = _m("Prestatie")
_MET_TARIEF = tuple(
    _m(n)
    for n in (
        "ProductReferentie",
        "ToewijzingNummer",
        "ProductCategorie",
        "ProductCode",
        "ProductPeriode",
        "GeleverdVolume",
        "Eenheid",
        "ProductTarief",
        "IngediendBedrag",
    )
)
_ZONDER_TARIEF = tuple(t for t in _MET_TARIEF if t != _m("ProductTarief"))
_REFERENTIE = (_b("ReferentieNummer"),)
_REFERENTIE_VORIG = (_b("ReferentieNummer"), _b("VorigReferentieNummer"))
_PERIODE = (_b("Begindatum"), _b("Einddatum"))
_BEDRAG = (_b("Bedrag"), _b("DebetCredit"))
_OPTIONEEL = (2, 10)  # VorigReferentieNummer, ProductTarief


def kolommen_uit_boom(clienten) -> list[list[str]]:
    """The texts of the Clienten element as 13 columns — Bsn, ReferentieNummer, VorigReferentieNummer,
    ToewijzingNummer, ProductCategorie, ProductCode, Begindatum, Einddatum, GeleverdVolume, Eenheid,
    ProductTarief, Bedrag, DebetCredit — one row per Prestatie, "" for an absent optional element.
    Raises `Afwijking` for a structure it does not accept, and for an empty leaf (no leaf type under
    Clienten accepts an empty text, so "" never stands for a value)."""
    if any(a.attrname not in TOEGESTANE_ATTRIBUTEN for a in _ATTRIBUTEN(clienten)) or _GEMENGDE_TEKST(clienten):
        raise Afwijking
    rijen: list[tuple] = []
    bsns: list[str] = []
    elementen = 1
    for client in clienten:
        kinderen = list(client)
        if client.tag != _CLIENT or len(kinderen) != 2 or kinderen[0].tag != _BSN or kinderen[1].tag != _PRESTATIES:
            raise Afwijking
        elementen += 3
        aantal = 0
        for elem in kinderen[1]:
            if elem.tag != _PRESTATIE:
                raise Afwijking
            aantal += 1
            delen = list(elem)
            tags = tuple([k.tag for k in delen])
            if tags == _MET_TARIEF:
                ref, tnr, cat, code, periode, volume, eenheid, tarief, bedrag = delen
                tarief = tarief.text or ""
            elif tags == _ZONDER_TARIEF:
                ref, tnr, cat, code, periode, volume, eenheid, bedrag = delen
                tarief = None
            else:
                raise Afwijking
            if tuple([k.tag for k in periode]) != _PERIODE or tuple([k.tag for k in bedrag]) != _BEDRAG:
                raise Afwijking
            ref_delen = list(ref)
            ref_tags = tuple([k.tag for k in ref_delen])
            if ref_tags == _REFERENTIE:
                vorig = None
            elif ref_tags == _REFERENTIE_VORIG:
                vorig = ref_delen[1].text or ""
            else:
                raise Afwijking
            elementen += 1 + len(delen) + len(ref_delen) + 4
            rijen.append(
                (
                    ref_delen[0].text or "",
                    vorig,
                    tnr.text or "",
                    cat.text or "",
                    code.text or "",
                    periode[0].text or "",
                    periode[1].text or "",
                    volume.text or "",
                    eenheid.text or "",
                    tarief,
                    bedrag[0].text or "",
                    bedrag[1].text or "",
                )
            )
        if not aantal:
            raise Afwijking
        bsns.extend([kinderen[0].text or ""] * aantal)
    if not rijen or elementen != int(_ELEMENTEN(clienten)):
        raise Afwijking  # no Client, or an element inside a leaf
    kolommen = [bsns, *map(list, zip(*rijen, strict=True))]
    if any("" in kolom for kolom in kolommen):
        raise Afwijking
    for i in _OPTIONEEL:
        kolommen[i] = ["" if w is None else w for w in kolommen[i]]
    return kolommen

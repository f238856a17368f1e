"""Reading a WMO323 into the claim checks' input: safe, complete, and fast enough for the hot path.

The generic reader (`wmo323.parse`) walks the structure definition, collects every problem with its path
and builds a frozen dataclass per element; at 1,000 lines per message that is most of the time a claim
takes. This module reads the same message in a *strict* pass driven by the same definition:

- the bytes go through `berichten.safe_xml.parse_xml` (the only XML entry point: no DTDs, entities,
  network; size cap; UTF-8 only);
- every element sequence must match the definition (order, minOccurs, maxOccurs, no unknown element),
  every leaf value must pass its own `SimpleType.check` (memoised per message: dates, codes and tariffs
  repeat), no attributes other than xsi:schemaLocation, no text in element-only content;
- the Prestaties become `declaraties.checks.Prestatie` directly (amounts in euros, sign in DebetCredit).

The strict pass only *accepts*. On the first deviation it gives up and the generic `wmo323` reader runs on
the same tree: it raises `BerichtFout` with every problem and its path (the 0001 answer), or — when the
deviation was harmless to the standard — returns the model, which is then converted. So this module never
accepts a message that `wmo323.parse` rejects; tests compare both on valid and mutated messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lxml import etree

from openwmo.berichten import common as c
from openwmo.berichten import wmo323
from openwmo.berichten.safe_xml import BerichtFout, parse_xml
from openwmo.berichten.structure import BASIS_NS, XSI_NS, Complex
from openwmo.berichten.types import XSD_WHITESPACE

from .checks import Declaratie, Prestatie

_DEFINITIE = wmo323.STRUCTURE
_NS = _DEFINITIE.namespace
_TOEGESTANE_ATTRIBUTEN = frozenset({f"{{{XSI_NS}}}schemaLocation", f"{{{XSI_NS}}}noNamespaceSchemaLocation"})
_ATTRIBUTEN = etree.XPath("//@*")
_GEMENGDE_TEKST = etree.XPath("//*[*]/text()[normalize-space()]")


@dataclass(frozen=True, slots=True)
class Gelezen323:
    """A read WMO323: its header (for the 325), the claim for the checks and the raw dagtekening."""

    header: c.Header
    declaratie: Declaratie
    dagtekening: date


class _Afwijking(Exception):
    """The strict pass saw something it does not accept; the generic reader decides."""


def _m(naam: str) -> str:
    return f"{{{_NS}}}{naam}"


def _b(naam: str) -> str:
    return f"{{{BASIS_NS}}}{naam}"


_EL = wmo323.PRESTATIE.child
_PRESTATIE_MET_TARIEF = tuple(
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
_PRESTATIE_ZONDER_TARIEF = tuple(t for t in _PRESTATIE_MET_TARIEF if t != _m("ProductTarief"))
_REFERENTIE = (_b("ReferentieNummer"),)
_REFERENTIE_VORIG = (_b("ReferentieNummer"), _b("VorigReferentieNummer"))
_PERIODE = (_b("Begindatum"), _b("Einddatum"))
_BEDRAG = (_b("Bedrag"), _b("DebetCredit"))
_REF_TYPE = c.REFERENTIE.child("ReferentieNummer").type
_DATUM_TYPE = c.GESLOTEN_PERIODE.child("Begindatum").type
_BEDRAG_TYPE = c.BEDRAG_MET_DC.child("Bedrag").type
_DC_TYPE = c.BEDRAG_MET_DC.child("DebetCredit").type
_TNR_TYPE = _EL("ToewijzingNummer").type
_CAT_TYPE = _EL("ProductCategorie").type
_CODE_TYPE = _EL("ProductCode").type
_VOLUME_TYPE = _EL("GeleverdVolume").type
_EENHEID_TYPE = _EL("Eenheid").type
_TARIEF_TYPE = _EL("ProductTarief").type
_KOLOMTYPEN = (
    _REF_TYPE,
    _REF_TYPE,
    _TNR_TYPE,
    _CAT_TYPE,
    _CODE_TYPE,
    _DATUM_TYPE,
    _DATUM_TYPE,
    _VOLUME_TYPE,
    _EENHEID_TYPE,
    _TARIEF_TYPE,
    _BEDRAG_TYPE,
    _DC_TYPE,
)
_PRESTATIES = wmo323.CLIENT.child("Prestaties").type
_PRESTATIE_TAG = _m("Prestatie")
_BSN_TAG = _m("Bsn")
_BSN_TYPE = wmo323.CLIENT.child("Bsn").type
_PRESTATIES_TAG = _m("Prestaties")
_ALLE_ELEMENTEN = etree.XPath("count(//*)")


def _euro(centen: int) -> Decimal:
    return Decimal(centen).scaleb(-2)


class _Strikt:
    """One strict pass over one message.

    Phase 1 walks the tree and collects the raw texts of each Prestatie as a row (no checks per value);
    phase 2 checks every *distinct* value of each column once against its LDT type; phase 3 converts
    (memoised) and builds the `Prestatie` objects. Attributes, mixed text and stray elements inside
    leaves are checked for the whole tree at once (XPath in C, element count).
    """

    def __init__(self) -> None:
        self.rijen: list[tuple] = []
        self.bsns: list[str] = []
        self.elementen = 0
        self.compiled = _DEFINITIE.compiled

    def tekst(self, elem, soort) -> str:
        self.elementen += 1
        tekst = elem.text or ""
        if soort.check(tekst) is not None:
            raise _Afwijking
        return tekst

    # -- generic sequence check (header, declaratie, clienten) ------------------------------------------
    def complex(self, elem, cx: Complex) -> None:
        self.elementen += 1
        tags = self.compiled.tags[id(cx)]
        children = cx.children
        n = len(children)
        i, aantal = 0, 0
        for kind in elem:
            tag = kind.tag
            while tags[i] != tag:
                if aantal < children[i].min:
                    raise _Afwijking
                i += 1
                aantal = 0
                if i == n:
                    raise _Afwijking
            el = children[i]
            aantal += 1
            if el.max is not None and aantal > el.max:
                raise _Afwijking
            soort = el.type
            if soort is wmo323.CLIENT:
                self.client(kind)
            elif isinstance(soort, Complex):
                self.complex(kind, soort)
            else:
                self.tekst(kind, soort)
        for j in range(i, n):
            if (aantal if j == i else 0) < children[j].min:
                raise _Afwijking

    # -- the hot part: one client and its Prestaties ----------------------------------------------------
    def client(self, elem) -> None:
        kinderen = list(elem)
        if len(kinderen) != 2 or kinderen[0].tag != _BSN_TAG or kinderen[1].tag != _PRESTATIES_TAG:
            raise _Afwijking
        self.elementen += 2
        self.prestaties(kinderen[1], kinderen[0].text or "")

    def prestaties(self, container, bsn: str) -> None:
        self.elementen += 1
        rijen = self.rijen
        aantal = 0
        for elem in container:
            if elem.tag != _PRESTATIE_TAG:
                raise _Afwijking
            aantal += 1
            kinderen = list(elem)
            tags = tuple([k.tag for k in kinderen])
            if tags == _PRESTATIE_MET_TARIEF:
                ref, tnr, cat, code, periode, volume, eenheid, tarief, bedrag = kinderen
                tarief = tarief.text or ""
            elif tags == _PRESTATIE_ZONDER_TARIEF:
                ref, tnr, cat, code, periode, volume, eenheid, bedrag = kinderen
                tarief = None
            else:
                raise _Afwijking
            if tuple([k.tag for k in periode]) != _PERIODE or tuple([k.tag for k in bedrag]) != _BEDRAG:
                raise _Afwijking
            ref_kinderen = list(ref)
            ref_tags = tuple([k.tag for k in ref_kinderen])
            if ref_tags == _REFERENTIE:
                vorig = None
            elif ref_tags == _REFERENTIE_VORIG:
                vorig = ref_kinderen[1].text or ""
            else:
                raise _Afwijking
            self.elementen += len(kinderen) + len(ref_kinderen) + 5
            rijen.append(
                (
                    ref_kinderen[0].text or "",
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
            raise _Afwijking
        self.bsns.extend([bsn] * aantal)

    def regels(self) -> tuple[Prestatie, ...]:
        rijen = self.rijen
        if not rijen:
            return ()
        for bsn in set(self.bsns):
            if _BSN_TYPE.check(bsn) is not None:
                raise _Afwijking
        kolommen = list(zip(*rijen, strict=True))
        for kolom, soort in zip(kolommen, _KOLOMTYPEN, strict=True):
            for waarde in set(kolom):
                if waarde is not None and soort.check(waarde) is not None:
                    raise _Afwijking
        datums = {t: _DATUM_TYPE.to_python(t) for t in set(kolommen[5]) | set(kolommen[6])}
        euros = {t: _euro(int(t.strip(XSD_WHITESPACE))) for t in set(kolommen[9]) | set(kolommen[10]) if t}
        nummers = {t: str(int(t.strip(XSD_WHITESPACE))) for t in set(kolommen[2])}
        return Prestatie.veel(
            [
                (
                    ref,
                    nummers[tnr],
                    bsn,
                    cat,
                    code,
                    datums[begin],
                    datums[eind],
                    int(volume.strip(XSD_WHITESPACE)),
                    eenheid,
                    None if tarief is None else euros[tarief],
                    euros[bedrag],
                    dc,
                    vorig,
                )
                for (ref, vorig, tnr, cat, code, begin, eind, volume, eenheid, tarief, bedrag, dc), bsn in zip(
                    rijen, self.bsns, strict=True
                )
            ]
        )


def _van_model(bericht: wmo323.Bericht) -> Gelezen323:
    """Convert the generic reader's model (the fallback path) into the checks' input."""
    d = bericht.declaratie
    prestaties = tuple(
        Prestatie(
            p.product_referentie.referentie_nummer,
            str(p.toewijzing_nummer),
            client.bsn,
            p.product_categorie,
            p.product_code,
            p.product_periode.begindatum,
            p.product_periode.einddatum,
            p.geleverd_volume,
            p.eenheid,
            None if p.product_tarief is None else _euro(p.product_tarief),
            _euro(p.ingediend_bedrag.bedrag),
            p.ingediend_bedrag.debet_credit,
            p.product_referentie.vorig_referentie_nummer,
        )
        for client in d.clienten
        for p in client.prestaties
    )
    return Gelezen323(bericht.header, _declaratie(bericht.header, d, prestaties), d.declaratie_dagtekening)


def _declaratie(header: c.Header, d: wmo323.Declaratie, prestaties: tuple[Prestatie, ...]) -> Declaratie:
    return Declaratie(
        d.declaratie_nummer,
        header.afzender,
        header.ontvanger,
        d.declaratie_periode.begindatum,
        d.declaratie_periode.einddatum,
        _euro(d.totaal_ingediend_bedrag.totaal_bedrag),
        d.totaal_ingediend_bedrag.debet_credit,
        prestaties,
    )


def _strikt_lezen(root) -> Gelezen323:
    if root.tag != _m("Bericht"):
        raise _Afwijking
    if any(a.attrname not in _TOEGESTANE_ATTRIBUTEN for a in _ATTRIBUTEN(root)) or _GEMENGDE_TEKST(root):
        raise _Afwijking
    lezer = _Strikt()
    lezer.complex(root, _DEFINITIE.root)
    prestaties = lezer.regels()
    if lezer.elementen != int(_ALLE_ELEMENTEN(root)):
        raise _Afwijking  # an element inside a leaf
    header_elem, declaratie_elem = root[0], root[1]
    # Everything is valid now; read the few header values with the generic reader (cheap: no Clienten).
    header = _DEFINITIE.read_element(header_elem, _DEFINITIE.root.child("Header").type)
    d = _DEFINITIE.read_element(declaratie_elem, wmo323.DECLARATIE, overslaan={"Clienten"}, clienten=())
    return Gelezen323(header, _declaratie(header, d, prestaties), d.declaratie_dagtekening)


def lees_323(xml: bytes) -> Gelezen323:
    """Read a WMO323 safely. Raises `BerichtFout` (retourcode 0001) for anything the standard rejects,
    including values the checks' dataclasses refuse (their shape rules mirror the XSD)."""
    root = parse_xml(xml, namespace=_NS)
    try:
        try:
            return _strikt_lezen(root)
        except _Afwijking:
            return _van_model(_DEFINITIE.from_tree(root))
    except ValueError as fout:
        if isinstance(fout, BerichtFout):
            raise
        raise BerichtFout(f"bericht kan niet worden ingelezen: {fout}") from None

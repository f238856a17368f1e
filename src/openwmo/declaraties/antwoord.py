"""Building the WMO325 (declaratie-antwoord) from the outcome of the checks (iWmo IV087/IV088, §8.1).

- technically rejected (0001): header only, header RetourCodes 0001; the 323 counts as not sent;
- DeclaratieNummer used before (9333): header 0200, DeclaratieAntwoord 9333, toegekend 0, no clients;
- fully approved: header 0200, DeclaratieAntwoord 8001, toegekend = ingediend, no clients;
- partly approved: header 0200, DeclaratieAntwoord 0200, the clients with rejected lines (client 0200),
  each rejected line as received plus its retourcodes (TR342: only rejected lines).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from openwmo.berichten import common as c
from openwmo.berichten import wmo323, wmo325
from openwmo.berichten.safe_xml import BerichtFout, parse_xml
from openwmo.berichten.structure import BASIS_NS

from .checks import CREDIT, DEBET, DeclaratieUitkomst, Prestatie

_HONDERD = Decimal(100)
_NS = wmo323.STRUCTURE.namespace


def _centen(bedrag: Decimal) -> int:
    return int(bedrag * _HONDERD)


def _totaal(bedrag: Decimal) -> c.TotaalBedragMetDC:
    return c.TotaalBedragMetDC(totaal_bedrag=_centen(abs(bedrag)), debet_credit=CREDIT if bedrag < 0 else DEBET)


def als_323_prestatie(p: Prestatie) -> wmo323.Prestatie:
    """The line as it was received (amounts back to cents)."""
    return wmo323.Prestatie(
        product_referentie=c.Referentie(
            referentie_nummer=p.referentienummer, vorig_referentie_nummer=p.vorige_referentienummer
        ),
        toewijzing_nummer=int(p.toewijzingsnummer),
        product_categorie=p.productcategorie,
        product_code=p.productcode,
        product_periode=c.GeslotenPeriode(begindatum=p.begindatum, einddatum=p.einddatum),
        geleverd_volume=p.geleverd_volume,
        eenheid=p.eenheid,
        product_tarief=None if p.producttarief is None else _centen(p.producttarief),
        ingediend_bedrag=c.BedragMetDC(bedrag=_centen(p.ingediend_bedrag), debet_credit=p.debet_credit),
    )


def _header(heen: c.Header, retourcodes: tuple[str, ...], identificatie: str, dagtekening: date):
    return wmo325.DeclaratieAntwoordHeader.voor(
        heen,
        afzender=heen.ontvanger,
        ontvanger=heen.afzender,
        identificatie=identificatie,
        dagtekening=dagtekening,
        retourcodes=retourcodes,
    )


def bouw_325(heen: c.Header, uitkomst: DeclaratieUitkomst, *, identificatie: str, dagtekening: date) -> bytes:
    """The 325 answering the 323 with header `heen`, for the checked claim `uitkomst`."""
    if uitkomst.header_retourcodes:
        return technisch_afgewezen(heen, identificatie=identificatie, dagtekening=dagtekening)
    d = uitkomst.declaratie
    codes = uitkomst.declaratie_retourcodes
    clienten: list = []
    if codes == ("0200",):
        per_bsn: dict[str, list] = {}
        for u in uitkomst.afgekeurde:
            per_bsn.setdefault(u.prestatie.bsn, []).append(
                wmo325.prestatie_afgewezen(als_323_prestatie(u.prestatie), u.retourcodes)
            )
        clienten = [
            wmo325.Client(bsn=bsn, prestaties=tuple(prestaties), retourcodes=("0200",))
            for bsn, prestaties in per_bsn.items()
        ]
    toegekend = Decimal("0.00") if "9333" in codes else uitkomst.totaal_toegekend
    bericht = wmo325.Bericht(
        header=_header(heen, ("0200",), identificatie, dagtekening),
        declaratie_antwoord=wmo325.DeclaratieAntwoord(
            declaratie_nummer=d.declaratienummer,
            totaal_ingediend_bedrag=c.TotaalBedragMetDC(
                totaal_bedrag=_centen(d.totaal_ingediend_bedrag), debet_credit=d.totaal_debet_credit
            ),
            totaal_toegekend_bedrag=_totaal(toegekend),
            clienten=tuple(clienten),
            retourcodes=codes,
        ),
    )
    return wmo325.build(bericht, validate=False)


def technisch_afgewezen(heen: c.Header, *, identificatie: str, dagtekening: date) -> bytes:
    """Header-only 325 with retourcode 0001: the 323 counts as not sent."""
    return wmo325.build(wmo325.Bericht(header=_header(heen, ("0001",), identificatie, dagtekening)))


def header_uit_kapot_bericht(xml: bytes) -> c.Header | None:
    """Best effort: the 323 header of a message that failed validation, if that header itself is sound.

    Without a valid sender, receiver and message identity there is nobody to answer; then None.
    """
    try:
        root = parse_xml(xml, namespace=_NS)
    except BerichtFout:
        return None
    header = root.find(f"{{{_NS}}}Header")
    if header is None:
        return None
    definitie = wmo323.STRUCTURE.root.child("Header").type
    waarden: dict[str, str] = {}
    for naam in ("Afzender", "Ontvanger"):
        waarden[naam] = (header.findtext(f"{{{_NS}}}{naam}") or "").strip()
        if definitie.child(naam).type.check(waarden[naam]) is not None:
            return None
    identiteit = header.find(f"{{{_NS}}}BerichtIdentificatie")
    if identiteit is None:
        return None
    identificatie = identiteit.findtext(f"{{{BASIS_NS}}}Identificatie") or ""
    dagtekening = (identiteit.findtext(f"{{{BASIS_NS}}}Dagtekening") or "").strip()
    bi = c.BERICHT_IDENTIFICATIE
    if bi.child("Identificatie").type.check(identificatie) or bi.child("Dagtekening").type.check(dagtekening):
        return None
    versie = header.find(f"{{{_NS}}}XsdVersie")
    xsd = c.XsdVersie()
    if versie is not None:
        basis = (versie.findtext(f"{{{BASIS_NS}}}BasisschemaXsdVersie") or "").strip()
        bericht = (versie.findtext(f"{{{BASIS_NS}}}BerichtXsdVersie") or "").strip()
        v = c.XSD_VERSIE.child("BasisschemaXsdVersie").type
        if v.check(basis) is None and v.check(bericht) is None:
            xsd = c.XsdVersie(basisschema_xsd_versie=basis, bericht_xsd_versie=bericht)
    return c.Header(
        afzender=waarden["Afzender"],
        ontvanger=waarden["Ontvanger"],
        bericht_identificatie=c.BerichtIdentificatie(
            identificatie=identificatie, dagtekening=date.fromisoformat(dagtekening)
        ),
        xsd_versie=xsd,
    )

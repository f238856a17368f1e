"""Turn pure `Declaratie` objects (from batch_maker / declaratie_maker) into WMO323 XML bytes.

Used by the service tests and by `benchmarks/claims.py`; the amounts are converted euros → cents here, as
a provider's software would write them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from openwmo.berichten import common as c
from openwmo.berichten import wmo323
from openwmo.declaraties.checks import Declaratie

_HONDERD = Decimal(100)


def _cent(bedrag: Decimal) -> int:
    return int(bedrag * _HONDERD)


def als_323(d: Declaratie, *, identificatie: str | None = None, dagtekening: date | None = None) -> bytes:
    """The WMO323 for `d`; lines are grouped per BSN in order of first appearance."""
    per_bsn: dict[str, list] = {}
    for p in d.prestaties:
        per_bsn.setdefault(p.bsn, []).append(
            wmo323.Prestatie(
                product_referentie=c.Referentie(
                    referentie_nummer=p.referentienummer, vorig_referentie_nummer=p.vorige_referentienummer
                ),
                toewijzing_nummer=int(p.toewijzingsnummer),
                product_categorie=p.productcategorie,
                product_code=p.productcode,
                product_periode=c.GeslotenPeriode(begindatum=p.begindatum, einddatum=p.einddatum),
                geleverd_volume=p.geleverd_volume,
                eenheid=p.eenheid,
                product_tarief=None if p.producttarief is None else _cent(p.producttarief),
                ingediend_bedrag=c.BedragMetDC(bedrag=_cent(p.ingediend_bedrag), debet_credit=p.debet_credit),
            )
        )
    dagtekening = dagtekening or date(d.periode_einddatum.year, d.periode_einddatum.month, 28)
    bericht = wmo323.Bericht(
        header=c.Header.nieuw(d.aanbieder_agb, d.gemeente_cbs, identificatie or f"B{d.declaratienummer}", dagtekening),
        declaratie=wmo323.Declaratie(
            declaratie_nummer=d.declaratienummer,
            declaratie_periode=c.GeslotenPeriode(begindatum=d.periode_begindatum, einddatum=d.periode_einddatum),
            declaratie_dagtekening=dagtekening,
            totaal_ingediend_bedrag=c.TotaalBedragMetDC(
                totaal_bedrag=_cent(d.totaal_ingediend_bedrag), debet_credit=d.totaal_debet_credit
            ),
            clienten=tuple(wmo323.Client(bsn=bsn, prestaties=tuple(prestaties)) for bsn, prestaties in per_bsn.items()),
        ),
    )
    return wmo323.build(bericht, validate=False)

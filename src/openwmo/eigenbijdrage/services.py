"""Eigen bijdrage on the database: which allocations the abonnementstarief applies to, what a client owes,
and the CSV export of the provisions the CAK must know about (layout: docs/eigenbijdrage.md).

The decisions are those of the pure `regels` module; this module only maps records to its input:
- an allocation (Toewijzing) is a provision; its kind comes from the Bijdrageregel of its product's
  voorzieningsoort (maintained in the admin), else from the shipped default in reference/eigenbijdrage.yaml,
  else "overig" (no contribution);
- the expected duration is the allocation's own period (an open end counts as lasting);
- the number of contact moments is the number of `toegang.Contactmoment` rows of the allocation (recorded by
  the consulent on the allocation); none recorded counts as unknown, so the "fewer than 5" exclusion then
  does not apply;
- the tariff per year comes from Abonnementstarief (admin; known values loaded by a migration).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from django.db.models import Count

from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.periodes import overlap_q
from openwmo.toegang.models import Contactmoment, Toewijzing

from . import standaard
from .models import Abonnementstarief, Bijdrageregel
from .regels import Abonnementstarief as TariefFeit
from .regels import TariefTabel, Verschuldigd, Voorziening, VoorzieningSoort, beoordeel, verschuldigd

CAK_KOLOMMEN = [
    "bsn",
    "gemeente_cbs",
    "toewijzingsnummer",
    "aanbieder_agb",
    "productcategorie",
    "productcode",
    "startdatum",
    "einddatum",
    "reden",
]


@dataclass(frozen=True)
class CakRegel:
    bsn: str
    gemeente_cbs: str
    toewijzingsnummer: str
    aanbieder_agb: str
    productcategorie: str
    productcode: str
    startdatum: date
    einddatum: date | None
    reden: str


def tarieftabel() -> TariefTabel:
    return TariefTabel(TariefFeit(t.jaar, t.bedrag, t.tijdvak) for t in Abonnementstarief.objects.all())


def _regels_per_soort() -> dict[str, tuple[str, bool]]:
    """{voorzieningsoort code: (kind, always contribution)}: the admin's rules over the shipped defaults."""
    uitkomst = {code: (r["soort"], r["altijd_bijdrage"]) for code, r in standaard.bijdrageregels().items()}
    for code, soort, altijd in Bijdrageregel.objects.values_list("voorzieningsoort__code", "soort", "altijd_bijdrage"):
        uitkomst[code] = (soort, altijd)
    return uitkomst


def _voorziening(regels, code: str, van: date, tot: date | None, contacten: int | None = None) -> Voorziening:
    soort, altijd = regels.get(code, (VoorzieningSoort.OVERIG.value, False))
    return Voorziening(
        soort=soort, startdatum=van, einddatum=tot, altijd_bijdrage=altijd, aantal_contactmomenten=contacten
    )


def contactmomenten_per_toewijzing(toewijzing_pks) -> dict[int, int]:
    """{allocation pk: number of recorded contact moments}, one query; allocations without any are absent
    (unknown, not zero: the rule then does not exclude them)."""
    pks = list(toewijzing_pks)
    if not pks:
        return {}
    rijen = (
        Contactmoment.objects.filter(toewijzing_id__in=pks)
        .order_by()
        .values("toewijzing_id")
        .annotate(aantal=Count("pk"))
        .values_list("toewijzing_id", "aantal")
    )
    return dict(rijen)


_VELDEN = (
    "pk",
    "client__bsn",
    "gemeente__cbs_code",
    "toewijzingsnummer",
    "aanbieder__agb_code",
    "product__productcategorie",
    "product__productcode",
    "product__voorzieningsoort__code",
    "ingangsdatum",
    "einddatum",
)


def cak_regels(gemeenten, van: date, tot: date) -> list[CakRegel]:
    """The allocations active in [van, tot] in these municipalities to which the abonnementstarief applies."""
    regels = _regels_per_soort()
    rijen = list(
        Toewijzing.objects.filter(gemeente__in=gemeenten)
        .filter(overlap_q(van, tot))
        .order_by("gemeente__cbs_code", "client__bsn", "ingangsdatum", "toewijzingsnummer")
        .values_list(*_VELDEN)
    )
    contacten = {}
    for i in range(0, len(rijen), 5_000):  # SQLite's parameter limit
        contacten.update(contactmomenten_per_toewijzing(r[0] for r in rijen[i : i + 5_000]))
    uitkomst = []
    for pk, bsn, cbs, nummer, agb, cat, code, soort_code, start, einde in rijen:
        beoordeling = beoordeel(_voorziening(regels, soort_code, start, einde, contacten.get(pk)))
        if beoordeling.van_toepassing:
            uitkomst.append(CakRegel(bsn, cbs, nummer, agb, cat, code, start, einde, beoordeling.reden))
    return uitkomst


def cak_export_csv(gemeenten, van: date, tot: date, *, user=None) -> str:
    """CSV (UTF-8, `;`, ISO dates, empty end = open) of `cak_regels`. Logged as an export of personal data."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\n")
    schrijver.writerow(CAK_KOLOMMEN)
    regels = cak_regels(gemeenten, van, tot)
    for r in regels:
        schrijver.writerow(
            [
                r.bsn,
                r.gemeente_cbs,
                r.toewijzingsnummer,
                r.aanbieder_agb,
                r.productcategorie,
                r.productcode,
                r.startdatum.isoformat(),
                r.einddatum.isoformat() if r.einddatum else "",
                r.reden,
            ]
        )
    for gemeente in gemeenten:
        log_verwerking(
            user,
            Actie.EXPORTEREN,
            activiteit="CAK-export eigen bijdrage",
            doel="Heffing eigen bijdrage Wmo (CAK)",
            object_type="Toewijzing",
            gemeente=gemeente,
            omschrijving=f"periode {van.isoformat()} t/m {tot.isoformat()}, {len(regels)} regels in totaal",
        )
    return uit.getvalue()


def verschuldigd_voor(client, van: date, tot: date) -> Verschuldigd:
    """What `client` owes as abonnementstarief for [van, tot] (full terms, once per client)."""
    regels = _regels_per_soort()
    rijen = list(
        Toewijzing.objects.filter(client=client)
        .filter(overlap_q(van, tot))
        .values_list("pk", "product__voorzieningsoort__code", "ingangsdatum", "einddatum")
    )
    contacten = contactmomenten_per_toewijzing(r[0] for r in rijen)
    voorzieningen = [_voorziening(regels, code, start, einde, contacten.get(pk)) for pk, code, start, einde in rijen]
    return verschuldigd(voorzieningen, van, tot, tarieftabel())

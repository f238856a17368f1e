"""Counts from the record-level data. Only reads; every count is a single grouped query.

Definitions (also in docs/monitoring.md):
- a toewijzing is active on a date when ingangsdatum <= date <= einddatum (open end: still running);
- "voorzieningen" = active toewijzingen; "cliënten" = distinct clients with at least one of them;
- "indicaties" = active toewijzingen of the products counted (the seeds' word for allocations).
"""

from collections.abc import Iterable
from datetime import date

from django.db.models import Count, QuerySet

from openwmo.core.periodes import actief_op_q
from openwmo.toegang.models import Toewijzing


def toewijzingen_actief(gemeenten: Iterable, peildatum: date) -> QuerySet[Toewijzing]:
    return Toewijzing.objects.filter(gemeente__in=list(gemeenten)).filter(actief_op_q(peildatum))


def voorzieningen_en_clienten_per_soort(gemeenten, peildatum: date) -> dict[str, tuple[int, int]]:
    """Per voorzieningsoort code: (number of active toewijzingen, number of distinct clients)."""
    rijen = (
        toewijzingen_actief(gemeenten, peildatum)
        .values("product__voorzieningsoort__code")
        .annotate(voorzieningen=Count("id"), clienten=Count("client", distinct=True))
    )
    return {r["product__voorzieningsoort__code"]: (r["voorzieningen"], r["clienten"]) for r in rijen}


def indicaties_per_soort_en_zwaarte(gemeenten, peildatum: date) -> dict[tuple[str, str], int]:
    """Per (voorzieningsoort code, zwaarte): number of active toewijzingen."""
    rijen = (
        toewijzingen_actief(gemeenten, peildatum)
        .values("product__voorzieningsoort__code", "product__zwaarte")
        .annotate(aantal=Count("id"))
    )
    return {(r["product__voorzieningsoort__code"], r["product__zwaarte"]): r["aantal"] for r in rijen}


def clienten_met_soort(gemeenten, peildatum: date, soorten: Iterable[str]) -> int:
    """Distinct clients with at least one active toewijzing of any of the voorzieningsoorten."""
    return (
        toewijzingen_actief(gemeenten, peildatum)
        .filter(product__voorzieningsoort__code__in=list(soorten))
        .values("client")
        .distinct()
        .count()
    )

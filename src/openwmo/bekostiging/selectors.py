"""Reads for budgets, spend and scenarios, always scoped to the user's municipalities.

Spend ("realisatie") is for now an *estimate from allocations* (see `realisatie.py`); it will
switch to approved claim lines when `declaraties` has models. Income (personal contributions)
is not known yet: it is None and shown as "–".
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404

from openwmo.core.models import Gemeente
from openwmo.core.periode import Periode, year_periode
from openwmo.core.selectors import gemeenten_voor

from .engine import year_end_forecast
from .models import Begroting, Scenario, ScenarioUitkomst
from .realisatie import NUL, TariefIndex, prijzen, vraag_in


def _som(geprijsd) -> Decimal:
    return sum((g.bedrag for g in geprijsd), NUL)


def realisatie(gemeenten, periode: Periode, voorzieningsoort=None) -> Decimal:
    """Estimated spend of the allocations of `gemeenten` within `periode` (closed)."""
    gemeenten = list(gemeenten)
    return _som(prijzen(vraag_in(gemeenten, periode, voorzieningsoort), TariefIndex(gemeenten, periode), periode))


@dataclass(frozen=True)
class Begrotingsregel:
    """One year of the budget table. None means unknown ("–")."""

    jaar: int
    begroting_uitgaven: Decimal | None
    realisatie_uitgaven: Decimal | None
    begroting_inkomsten: Decimal | None
    realisatie_inkomsten: Decimal | None
    prognose: Decimal | None
    saldo: Decimal | None
    tot_en_met: date | None  # realisatie up to this day (the peildatum in the running year)


def _nieuwe_vraag_per_maand(vragen, index, peildatum: date, maanden: int = 3) -> list[Decimal]:
    """Trend for the forecast: per closed month before the peildatum, the cost in that month of the
    allocations that started in it (the last `maanden` months of the same year)."""
    trend = []
    maand = peildatum.replace(day=1)
    for _i in range(maanden):
        maand = (maand - timedelta(days=1)).replace(day=1)
        if maand.year != peildatum.year:
            break
        periode = Periode(maand, maand.replace(day=calendar.monthrange(maand.year, maand.month)[1]))
        nieuw = [v for v in vragen if periode.contains(v.periode.start)]
        trend.append(_som(prijzen(nieuw, index, periode)))
    return trend


def begrotingstabel(gemeenten, jaren, peildatum: date, voorzieningsoort=None) -> list[Begrotingsregel]:
    """Budget, estimated spend and income per year, with the year-end forecast for the peildatum's year.

    Past years: spend over the whole year, forecast = spend. The peildatum's year: spend up to and
    including the peildatum, forecast = spend + commitments of running allocations + trend of new
    ones (engine.year_end_forecast). Later years: budget only.
    """
    gemeenten = list(gemeenten)
    begrotingen = Begroting.objects.filter(gemeente__in=gemeenten)
    if voorzieningsoort is not None:
        begrotingen = begrotingen.filter(voorzieningsoort=voorzieningsoort)
    per_jaar = {
        r["jaar"]: r
        for r in begrotingen.values("jaar").annotate(
            uitgaven=Sum("uitgaven"), inkomsten=Sum("inkomsten"), aantal=Count("pk")
        )
    }
    regels = []
    for jaar in sorted(jaren):
        b = per_jaar.get(jaar, {})
        begroot = b.get("uitgaven")
        venster = year_periode(jaar)
        spend = prognose = tot = None
        if jaar < peildatum.year:
            spend = prognose = realisatie(gemeenten, venster, voorzieningsoort)
            tot = venster.eind
        elif jaar == peildatum.year:
            vragen = vraag_in(gemeenten, venster, voorzieningsoort)
            index = TariefIndex(gemeenten, venster)
            tot = peildatum
            spend = _som(prijzen(vragen, index, Periode(venster.start, peildatum)))
            if peildatum < venster.eind:
                lopend = [v for v in vragen if v.periode.start <= peildatum]
                rest = Periode(peildatum + timedelta(days=1), venster.eind)
                verplicht = _som(prijzen(lopend, index, rest))
            else:
                verplicht = NUL
            trend = _nieuwe_vraag_per_maand(vragen, index, peildatum)
            prognose = year_end_forecast(peildatum, spend, verplicht, trend).totaal
        begroot = None if begroot is None else _centen(begroot)
        saldo = None if begroot is None or prognose is None else begroot - prognose
        regels.append(Begrotingsregel(jaar, begroot, spend, b.get("inkomsten"), None, prognose, saldo, tot))
    return regels


def begrotingen_voor(user):
    return Begroting.objects.filter(gemeente__in=gemeenten_voor(user)).select_related("gemeente", "voorzieningsoort")


def scenarios_voor(user):
    """Scenarios whose municipalities are all among the user's."""
    anderen = Gemeente.objects.exclude(pk__in=gemeenten_voor(user).values("pk"))
    return (
        Scenario.objects.exclude(gemeenten__in=anderen)
        .filter(Q(gemeenten__in=gemeenten_voor(user)))
        .distinct()
        .select_related("aangemaakt_door")
        .prefetch_related("gemeenten")
    )


def scenario_ophalen(user, pk: int) -> Scenario:
    return get_object_or_404(scenarios_voor(user), pk=pk)


def _centen(bedrag) -> Decimal:
    """Sums come back from SQLite without their two places (720 instead of 720.00)."""
    return (bedrag or NUL).quantize(Decimal("0.01"))


AS = {
    "gemeente": ("gemeente_id", "gemeente__naam"),
    "aanbieder": ("aanbieder_id", "aanbieder__naam"),
    "product": ("product_id", "product__naam"),
}


def uitkomst_per(scenario: Scenario, as_: str) -> list[dict]:
    """The scenario's outcome summed per municipality, provider or product (largest difference first)."""
    sleutel, naam = AS[as_]
    rijen = (
        ScenarioUitkomst.objects.filter(scenario=scenario)
        .values(sleutel, naam)
        .annotate(
            aantal=Sum("aantal_toewijzingen"),
            werkelijk=Sum("werkelijk"),
            scenario_bedrag=Sum("scenario_bedrag"),
            verschil=Sum("verschil"),
        )
        .order_by(naam)
    )
    return [
        {
            "naam": r[naam] or "–",
            "aantal": r["aantal"],
            "werkelijk": _centen(r["werkelijk"]),
            "scenario": _centen(r["scenario_bedrag"]),
            "verschil": _centen(r["verschil"]),
        }
        for r in rijen
    ]

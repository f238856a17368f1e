"""Spend estimate: allocated volume × contract tariff, per allocation, for a period.

This is an *estimate* ("geraamd"), not actual spend: claims (declaraties) are not in the system yet.
It is the upper bound the allocation allows, by the iWmo maximum-volume rules (IV078): per day × days,
per week × ISO weeks touched, per month × calendar months touched, in the part of the allocation inside
the period; a total volume (TBGT) counts in the period it starts in; an allocation with a budget
counts that budget pro rata per day; volume in euro (eenheid 83) is the amount itself. The tariff is
the one of the provider's contract for the product and municipality valid on the first day counted.
"""

from __future__ import annotations

from collections import defaultdict, namedtuple
from collections.abc import Callable, Hashable
from datetime import date
from decimal import Decimal

from openwmo.bekostiging.engine.units import conversion_factor, is_time_unit
from openwmo.core.periode import day_count, iso_week_count, month_count
from openwmo.core.periodes import overlap_q
from openwmo.core.rekenen import bedrag
from openwmo.inkoop.models import Tarief

from .geheugen import onthouden
from .selectors import KOSTEN_VELDEN, kostenregels

EURO = "83"
Kostenregel = namedtuple("Kostenregel", [veld.replace("client__", "") for veld in KOSTEN_VELDEN])


def eenheden_in_periode(volume, frequentie: str, start: date, eind: date | None, van: date, tot: date) -> Decimal:
    """Allocated units inside [van, tot] (0 when the allocation lies outside)."""
    s, e = max(start, van), min(eind or tot, tot)
    if s > e or volume is None:
        return Decimal(0)
    if frequentie == "1":
        return volume * day_count(s, e)
    if frequentie == "2":
        return volume * iso_week_count(s, e)
    if frequentie == "4":
        return volume * month_count(s, e)
    return volume if van <= start <= tot else Decimal(0)


def geraamd_bedrag(
    regel: Kostenregel, tarief: Decimal | None, product_eenheid: str, van: date, tot: date
) -> Decimal | None:
    """The estimate for one allocation; None when no tariff is known."""
    start, eind = regel.ingangsdatum, regel.einddatum
    if regel.budget is not None:
        s, e = max(start, van), min(eind or tot, tot)
        if s > e:
            return Decimal(0)
        return regel.budget * day_count(s, e) / day_count(start, eind or tot)
    eenheden = eenheden_in_periode(regel.volume, regel.frequentie, start, eind, van, tot)
    if regel.eenheid == EURO:
        return eenheden
    if tarief is None:
        return None
    if regel.eenheid != product_eenheid and is_time_unit(regel.eenheid) and is_time_unit(product_eenheid):
        eenheden = (
            eenheden
            * Decimal(conversion_factor(regel.eenheid, product_eenheid).numerator)
            / Decimal(conversion_factor(regel.eenheid, product_eenheid).denominator)
        )
    return eenheden * tarief


class TariefIndex:
    """Contract tariffs overlapping a period, by (aanbieder, product, gemeente)."""

    def __init__(self, van: date, tot: date):
        self._tarieven: dict[tuple, list[tuple[date, date | None, Decimal]]] = defaultdict(list)
        rijen = Tarief.objects.filter(overlap_q(van, tot)).values_list(
            "contract__aanbieder", "product", "contract__gemeenten", "ingangsdatum", "einddatum", "bedrag"
        )
        for aanbieder, product, gemeente, start, eind, tarief in rijen:
            self._tarieven[(aanbieder, product, gemeente)].append((start, eind, tarief))

    def op(self, aanbieder: int, product: int, gemeente: int, dag: date) -> Decimal | None:
        kandidaten = self._tarieven.get((aanbieder, product, gemeente))
        if not kandidaten:
            return None
        for start, eind, tarief in kandidaten:
            if start <= dag and (eind is None or dag <= eind):
                return tarief
        return kandidaten[0][2]


@onthouden
def geraamde_regels(scope, van: date, tot: date) -> list[tuple[Kostenregel, Decimal | None]]:
    """Every allocation with a day in [van, tot] and its estimate (None: no tariff)."""
    from openwmo.catalogus.models import Product

    product_eenheid = dict(Product.objects.values_list("id", "eenheid"))
    index = TariefIndex(van, tot)
    uitkomst = []
    for waarden in kostenregels(scope, van, tot):
        regel = Kostenregel._make(waarden)
        eerste_dag = max(regel.ingangsdatum, van)
        tarief = index.op(regel.aanbieder, regel.product, regel.gemeente, eerste_dag)
        uitkomst.append((regel, geraamd_bedrag(regel, tarief, product_eenheid.get(regel.product, ""), van, tot)))
    return uitkomst


def geraamde_kosten(scope, van: date, tot: date, sleutel: Callable[[Kostenregel], Hashable]) -> dict[Hashable, dict]:
    """Per key (a function of the allocation's fields): {'bedrag': Decimal, 'toewijzingen': n, 'zonder_tarief': n}."""
    uitkomst: dict[Hashable, dict] = defaultdict(lambda: {"bedrag": Decimal(0), "toewijzingen": 0, "zonder_tarief": 0})
    for regel, raming in geraamde_regels(scope, van, tot):
        totaal = uitkomst[sleutel(regel)]
        totaal["toewijzingen"] += 1
        if raming is None:
            totaal["zonder_tarief"] += 1
        else:
            totaal["bedrag"] += raming
    for totaal in uitkomst.values():
        totaal["bedrag"] = bedrag(totaal["bedrag"])
    return dict(uitkomst)

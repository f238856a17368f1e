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
from datetime import date, timedelta
from decimal import Decimal

from openwmo.bekostiging.engine.units import conversion_factor, is_time_unit
from openwmo.core.periodes import overlap_q
from openwmo.core.rekenen import bedrag
from openwmo.inkoop.models import Tarief

from .geheugen import onthouden
from .selectors import KOSTEN_VELDEN, kostenregels

EURO = "83"
Kostenregel = namedtuple("Kostenregel", KOSTEN_VELDEN)


def geraamd_bedrag(regel: Kostenregel, tarief: Decimal | None, product_eenheid: str) -> Decimal | None:
    """The estimate for one row of `kostenregels`; None when no tariff is known."""
    if regel.vast is not None:
        return regel.vast
    eenheden = regel.eenheden or Decimal(0)
    if regel.eenheid == EURO:
        return eenheden
    if tarief is None:
        return None
    if regel.eenheid != product_eenheid and is_time_unit(regel.eenheid) and is_time_unit(product_eenheid):
        factor = conversion_factor(regel.eenheid, product_eenheid)
        eenheden = eenheden * Decimal(factor.numerator) / Decimal(factor.denominator)
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

    def grenzen(self) -> tuple[date, ...]:
        """Every day on which some tariff starts or after which one ends: between two of them, each
        (aanbieder, product, gemeente) has one tariff."""
        dagen = set()
        for kandidaten in self._tarieven.values():
            for start, eind, _tarief in kandidaten:
                dagen.add(start)
                if eind is not None:
                    dagen.add(eind + timedelta(days=1))
        return tuple(sorted(dagen))

    def op(self, aanbieder: int, product: int, gemeente: int, dag: date) -> Decimal | None:
        kandidaten = self._tarieven.get((aanbieder, product, gemeente))
        if not kandidaten:
            return None
        for start, eind, tarief in kandidaten:
            if start <= dag and (eind is None or dag <= eind):
                return tarief
        return kandidaten[0][2]


@onthouden
def geraamde_regels(scope, van: date, tot: date, per_wijk: bool = False) -> list[tuple[Kostenregel, Decimal | None]]:
    """Every row of `kostenregels` (allocations with a day in [van, tot]) and its estimate (None: no tariff)."""
    from openwmo.catalogus.models import Product

    product_eenheid = dict(Product.objects.values_list("id", "eenheid"))
    index = TariefIndex(van, tot)
    uitkomst = []
    for waarden in kostenregels(scope, van, tot, index.grenzen(), per_wijk):
        regel = Kostenregel._make(waarden)
        tarief = index.op(regel.aanbieder, regel.product, regel.gemeente, regel.tariefdag)
        uitkomst.append((regel, geraamd_bedrag(regel, tarief, product_eenheid.get(regel.product, ""))))
    return uitkomst


def geraamde_kosten(
    scope, van: date, tot: date, sleutel: Callable[[Kostenregel], Hashable], per_wijk: bool = False
) -> dict[Hashable, dict]:
    """Per key (a function of the allocation's fields): {'bedrag': Decimal, 'toewijzingen': n, 'zonder_tarief': n}.

    The field `wijk` is only filled with `per_wijk` (it costs a join; otherwise it is None)."""
    uitkomst: dict[Hashable, dict] = defaultdict(lambda: {"bedrag": Decimal(0), "toewijzingen": 0, "zonder_tarief": 0})
    for regel, raming in geraamde_regels(scope, van, tot, per_wijk):
        totaal = uitkomst[sleutel(regel)]
        totaal["toewijzingen"] += regel.aantal
        if raming is None:
            totaal["zonder_tarief"] += regel.aantal
        else:
            totaal["bedrag"] += raming
    for totaal in uitkomst.values():
        totaal["bedrag"] = bedrag(totaal["bedrag"])
    return dict(uitkomst)

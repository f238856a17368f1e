"""The cost of allocations in a period, priced with the contract tariffs by the funding engine.

Until `declaraties` has models, spend ("realisatie") is an *estimate from allocations*: what the
allocations are expected to cost, not what providers claimed. When approved claim lines exist,
`selectors.realisatie` switches to them; scenarios keep pricing the allocated demand.

Rules (the maths is in `bekostiging.engine`; this module only reads the database and applies it):

- The tariff of an allocation on a day is the tariff of its provider and product under a contract
  that covers its municipality on that day (from the accession date, if any), the latest tariff
  winning where two overlap — as `inkoop.selectors.tarief_op`. Tariffs may change within the
  period: the allocation is priced per stretch of days with one tariff. Days without a tariff cost
  nothing and are counted (`zonder_tarief_dagen`).
- inspanningsgericht: `engine.expected_units` (volume per frequency pro rata by the days) ×
  tariff with `engine.cost` (which converts minutes/hours). Eenheid 83 (euro's): the volume is in
  cents. A TBGT allocation without an end date cannot be spread and is counted as not priceable.
- outputgericht: the tariff × volume per period with `engine.period_amounts`: per month for
  frequentie 4 (per maand), per 4 weeks counted from the allocation's start otherwise; a
  trajectory (frequentie 6, totaal) is spread over its days with `engine.prorate`; a one-off
  provision (frequentie 6 without an end date: an aid, a home adaptation) is paid once, on its
  start date. Eenheid 83 (euro's): the volume is the amount in cents and no tariff applies.
- taakgericht: no cost per client (the population budget pays); a budget allocation (budget, no
  volume) costs its budget pro rata by days.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from openwmo.core.periode import Periode
from openwmo.core.periodes import overlap_q
from openwmo.inkoop.models import ContractProduct, Tarief
from openwmo.toegang.models import Toewijzing

from .engine import Periodetype, ToewijzingInput, cost, expected_units, period_amounts, prorate
from .engine.money import round_cents

NUL = Decimal("0.00")
EEN_DAG = timedelta(days=1)


@dataclass(frozen=True)
class Vraag:
    """One allocation as plain data: the demand that is priced."""

    toewijzing_id: int
    gemeente_id: int
    aanbieder_id: int
    product_id: int
    voorzieningsoort_id: int
    productcode: str
    productcategorie: str
    product_eenheid: str
    periode: Periode
    volume: Decimal | None
    eenheid: str
    frequentie: str
    budget: Decimal | None
    uitvoeringsvariant: str


@dataclass(frozen=True)
class Tariefregel:
    """A tariff as it applies: its period within the contract's validity, amount and funding model."""

    periode: Periode
    bedrag: Decimal
    bekostigingsvorm: str
    ingangsdatum: date


@dataclass(frozen=True)
class Geprijsd:
    vraag: Vraag
    bedrag: Decimal
    zonder_tarief_dagen: int
    onberekenbaar: bool = False


def vraag_in(gemeenten, periode: Periode, voorzieningsoort=None) -> list[Vraag]:
    """The allocations of `gemeenten` that overlap `periode` (one query)."""
    qs = Toewijzing.objects.filter(gemeente__in=gemeenten).filter(overlap_q(periode.start, periode.eind))
    if voorzieningsoort is not None:
        qs = qs.filter(product__voorzieningsoort=voorzieningsoort)
    velden = (
        "pk",
        "gemeente_id",
        "aanbieder_id",
        "product_id",
        "product__voorzieningsoort_id",
        "product__productcode",
        "product__productcategorie",
        "product__eenheid",
        "ingangsdatum",
        "einddatum",
        "volume",
        "eenheid",
        "frequentie",
        "budget",
        "uitvoeringsvariant",
    )
    return [
        Vraag(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], Periode(r[8], r[9]), *r[10:])
        for r in qs.order_by("pk").values_list(*velden)
    ]


class TariefIndex:
    """All tariffs that may apply to `gemeenten` in `periode`, by (aanbieder, product, gemeente)."""

    def __init__(self, gemeenten, periode: Periode):
        vormen = dict(
            ((c, p), v)
            for c, p, v in ContractProduct.objects.filter(contract__gemeenten__in=gemeenten).values_list(
                "contract_id", "product_id", "bekostigingsvorm"
            )
        )
        self._regels: dict[tuple[int, int, int], list[Tariefregel]] = defaultdict(list)
        rijen = (
            Tarief.objects.filter(contract__gemeenten__in=gemeenten)
            .filter(overlap_q(periode.start, periode.eind))
            .values_list(
                "contract_id",
                "contract__aanbieder_id",
                "product_id",
                "contract__gemeenten",
                "ingangsdatum",
                "einddatum",
                "bedrag",
                "contract__ingangsdatum",
                "contract__einddatum",
                "contract__toetredingsdatum",
            )
        )
        for (
            contract_id,
            aanbieder_id,
            product_id,
            gemeente_id,
            start,
            eind,
            bedrag,
            c_start,
            c_eind,
            toetreding,
        ) in rijen:
            geldig = Periode(toetreding or c_start, c_eind).intersection(Periode(start, eind))
            if geldig is None:
                continue
            vorm = vormen.get((contract_id, product_id), "")
            self._regels[(aanbieder_id, product_id, gemeente_id)].append(Tariefregel(geldig, bedrag, vorm, start))

    def regels(self, vraag: Vraag) -> list[Tariefregel]:
        return self._regels.get((vraag.aanbieder_id, vraag.product_id, vraag.gemeente_id), [])


def stukken(regels: list[Tariefregel], periode: Periode) -> list[tuple[Periode, Tariefregel]]:
    """`periode` (closed) cut into stretches with one tariff; the latest tariff wins where two overlap."""
    kandidaten = [(r.periode.intersection(periode), r) for r in regels]
    kandidaten = [(p, r) for p, r in kandidaten if p is not None]
    if len(kandidaten) <= 1:
        return kandidaten
    grenzen = {periode.start}
    for p, _r in kandidaten:
        grenzen.add(p.start)
        if p.eind < periode.eind:
            grenzen.add(p.eind + EEN_DAG)
    grenzen = sorted(grenzen)
    resultaat: list[tuple[Periode, Tariefregel]] = []
    for i, start in enumerate(grenzen):
        eind = grenzen[i + 1] - EEN_DAG if i + 1 < len(grenzen) else periode.eind
        dekkend = [r for p, r in kandidaten if p.start <= start and p.eind >= eind]
        if not dekkend:
            continue
        beste = max(dekkend, key=lambda r: r.ingangsdatum)
        if resultaat and resultaat[-1][1] is beste and resultaat[-1][0].eind + EEN_DAG == start:
            resultaat[-1] = (Periode(resultaat[-1][0].start, eind), beste)
        else:
            resultaat.append((Periode(start, eind), beste))
    return resultaat


def kosten(vraag: Vraag, stuk: Periode, tarief: Decimal, bekostigingsvorm: str) -> Decimal:
    """The cost of `vraag` during `stuk` at `tarief` under `bekostigingsvorm` (rules in the module doc).

    Raises ValueError when the allocation cannot be priced (e.g. TBGT without an end date).
    """
    if vraag.volume is None:
        if vraag.budget is None or vraag.periode.eind is None:
            return NUL
        return prorate(vraag.budget, vraag.periode, stuk)
    vorm = bekostigingsvorm or vraag.uitvoeringsvariant
    if vorm == "taakgericht":
        return NUL
    if vorm == "outputgericht":
        if vraag.eenheid == "83":  # euro's: the volume is the amount in cents, there is no tariff (CS339)
            per_periode = round_cents(Fraction(vraag.volume) / 100)
        else:
            per_periode = tarief if vraag.volume == 1 else round_cents(Fraction(tarief) * Fraction(vraag.volume))
        if vraag.frequentie == "6":
            if vraag.periode.eind is None:
                # A one-off provision without an end (an aid, a home adaptation): paid once, at its start.
                return per_periode if stuk.contains(vraag.periode.start) else NUL
            return prorate(per_periode, vraag.periode, stuk)
        if vraag.frequentie == "4":
            return sum((p.bedrag for p in period_amounts(per_periode, stuk, Periodetype.MAAND)), NUL)
        delen = period_amounts(per_periode, stuk, Periodetype.VIER_WEKEN, vraag.periode.start)
        return sum((p.bedrag for p in delen), NUL)
    toewijzing = ToewijzingInput(vraag.periode, vraag.volume, vraag.eenheid, vraag.frequentie, vraag.productcategorie)
    eenheden = expected_units(toewijzing, stuk)
    if vraag.eenheid == "83":
        return round_cents(eenheden / 100)
    try:
        return cost(eenheden, vraag.eenheid, tarief, vraag.product_eenheid or vraag.eenheid).bedrag
    except ValueError:
        # Units that do not convert (stuks against a time unit): the tariff is per unit of the allocation.
        return cost(eenheden, vraag.eenheid, tarief).bedrag


def prijzen(vragen: list[Vraag], index: TariefIndex, venster: Periode, tariefaanpassing=None) -> list[Geprijsd]:
    """Price every allocation within `venster` (closed) with the contract tariffs.

    `tariefaanpassing(bedrag) -> bedrag` changes every tariff first (for scenarios such as indexation).
    """
    resultaat = []
    for vraag in vragen:
        binnen = vraag.periode.intersection(venster)
        if binnen is None:
            continue
        delen = stukken(index.regels(vraag), binnen)
        gedekt = sum(p.days() for p, _r in delen)
        totaal = NUL
        try:
            for stuk, regel in delen:
                tarief = tariefaanpassing(regel.bedrag) if tariefaanpassing else regel.bedrag
                totaal += kosten(vraag, stuk, tarief, regel.bekostigingsvorm)
        except ValueError:
            resultaat.append(Geprijsd(vraag, NUL, binnen.days() - gedekt, onberekenbaar=True))
            continue
        resultaat.append(Geprijsd(vraag, totaal, binnen.days() - gedekt))
    return resultaat

"""Scenarios: the actual demand of one year (its allocations) priced under another model or tariff set.

Models (`Scenario.Model`), each with its parameters as a small validated dataclass:

- ``tarief_index`` (`TariefIndexParameters`: ``percentage``): every tariff × (1 + p/100), rounded
  half-up to the cent (`engine.index_series`), the same allocations priced again;
- ``output_per_4_weken`` (`OutputParameters`: ``tarief`` for every product and/or
  ``tarieven`` per productcode): each allocation paid as a fixed amount per client per 4 weeks
  counted from its start (`engine.period_amounts`), whatever its volume; products without an
  output tariff keep their actual price;
- ``populatiebudget`` (`PopulatiebudgetParameters`: ``korting_pct``, ``sleutel``): one budget for
  the region = the actual cost × (1 − korting/100), split over the municipalities by inhabitants
  (`engine.split_population_budget`) or by their actual spend (`engine.regional_split`), and within a
  municipality over providers and products in proportion to their actual cost (largest remainder).

"Actual" is the spend estimate of `realisatie.prijzen` (allocations × tariffs) for the year.
The outcome is one row per municipality × provider × product: actual, scenario, difference.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from openwmo.core.models import Gemeente, Inwonertal
from openwmo.core.periode import year_periode

from .engine import (
    HistorischeUitgave,
    Periodetype,
    WijkInput,
    index_series,
    period_amounts,
    regional_split,
    split_largest_remainder,
    split_population_budget,
)
from .realisatie import NUL, TariefIndex, prijzen, vraag_in

MODELLEN = ("tarief_index", "output_per_4_weken", "populatiebudget")


def _decimaal(waarde, veld: str, *, minimum=None, maximum=None) -> Decimal:
    try:
        getal = Decimal(str(waarde).strip().replace(",", "."))
    except (InvalidOperation, AttributeError):
        raise ValidationError({veld: _("Vul een getal in, bijvoorbeeld 3,5.")}) from None
    if not getal.is_finite() or getal != getal.quantize(Decimal("0.01")):
        raise ValidationError({veld: _("Vul een getal in met hooguit twee decimalen.")})
    if minimum is not None and getal < minimum:
        raise ValidationError({veld: _("De waarde moet minstens %(min)s zijn.") % {"min": minimum}})
    if maximum is not None and getal > maximum:
        raise ValidationError({veld: _("De waarde mag hooguit %(max)s zijn.") % {"max": maximum}})
    return getal.quantize(Decimal("0.01"))


@dataclass(frozen=True)
class TariefIndexParameters:
    percentage: Decimal

    @classmethod
    def lezen(cls, data: dict) -> TariefIndexParameters:
        if data.get("percentage") in (None, ""):
            raise ValidationError({"percentage": _("Vul het percentage in waarmee alle tarieven veranderen.")})
        return cls(_decimaal(data["percentage"], "percentage", minimum=Decimal("-99.99")))


@dataclass(frozen=True)
class OutputParameters:
    tarief: Decimal | None = None
    tarieven: dict[str, Decimal] = field(default_factory=dict)

    @classmethod
    def lezen(cls, data: dict) -> OutputParameters:
        tarief = data.get("tarief")
        tarief = None if tarief in (None, "") else _decimaal(tarief, "tarief", minimum=0)
        tarieven = {
            str(code).strip().upper(): _decimaal(bedrag, "tarieven", minimum=0)
            for code, bedrag in (data.get("tarieven") or {}).items()
        }
        if tarief is None and not tarieven:
            raise ValidationError(
                {"tarief": _("Vul een outputtarief per 4 weken in, voor alle producten of per productcode.")}
            )
        return cls(tarief, tarieven)

    def voor(self, productcode: str) -> Decimal | None:
        return self.tarieven.get(productcode, self.tarief)


@dataclass(frozen=True)
class PopulatiebudgetParameters:
    korting_pct: Decimal
    sleutel: str = "inwoners"

    @classmethod
    def lezen(cls, data: dict) -> PopulatiebudgetParameters:
        if data.get("korting_pct") in (None, ""):
            raise ValidationError({"korting_pct": _("Vul de efficiencykorting in (0 voor geen korting).")})
        sleutel = data.get("sleutel") or "inwoners"
        if sleutel not in ("inwoners", "historisch"):
            raise ValidationError({"sleutel": _("Kies de verdeelsleutel 'inwoners' of 'historisch'.")})
        return cls(_decimaal(data["korting_pct"], "korting_pct", minimum=0, maximum=Decimal("99.99")), sleutel)


PARAMETERS = {
    "tarief_index": TariefIndexParameters,
    "output_per_4_weken": OutputParameters,
    "populatiebudget": PopulatiebudgetParameters,
}


def parameters_lezen(model: str, data: dict):
    """Validate a scenario's parameters (strings or numbers) into the model's dataclass."""
    if model not in PARAMETERS:
        raise ValidationError({"model": _("Onbekend bekostigingsmodel: %(model)s.") % {"model": model}})
    return PARAMETERS[model].lezen(data)


def parameters_als_json(parameters) -> dict:
    """The parameters as JSON-safe data (amounts as strings, never floats)."""

    def omzetten(waarde):
        if isinstance(waarde, Decimal):
            return str(waarde)
        if isinstance(waarde, dict):
            return {k: omzetten(v) for k, v in waarde.items()}
        return waarde

    return {k: omzetten(v) for k, v in asdict(parameters).items() if v not in (None, {})}


@dataclass
class Regel:
    gemeente_id: int
    aanbieder_id: int | None
    product_id: int | None
    aantal_toewijzingen: int = 0
    werkelijk: Decimal = NUL
    scenario: Decimal = NUL

    @property
    def verschil(self) -> Decimal:
        return self.scenario - self.werkelijk


@dataclass
class Uitkomst:
    regels: list[Regel]
    aantal_toewijzingen: int
    zonder_tarief: int

    @property
    def totaal_werkelijk(self) -> Decimal:
        return sum((r.werkelijk for r in self.regels), NUL)

    @property
    def totaal_scenario(self) -> Decimal:
        return sum((r.scenario for r in self.regels), NUL)


def berekenen(gemeenten, jaar: int, model: str, parameters) -> Uitkomst:
    """Price the allocations of `gemeenten` in `jaar` actually and under the scenario."""
    gemeenten = list(gemeenten)
    venster = year_periode(jaar)
    vragen = vraag_in(gemeenten, venster)
    index = TariefIndex(gemeenten, venster)
    werkelijk = prijzen(vragen, index, venster)
    regels: dict[tuple, Regel] = {}
    for g in werkelijk:
        sleutel = (g.vraag.gemeente_id, g.vraag.aanbieder_id, g.vraag.product_id)
        regel = regels.get(sleutel) or regels.setdefault(sleutel, Regel(*sleutel))
        regel.aantal_toewijzingen += 1
        regel.werkelijk += g.bedrag
    if model == "tarief_index":
        _tarief_index(regels, vragen, index, venster, parameters)
    elif model == "output_per_4_weken":
        _output(regels, werkelijk, venster, parameters)
    else:
        _populatiebudget(regels, gemeenten, jaar, parameters)
    return Uitkomst(
        regels=sorted(regels.values(), key=lambda r: (r.gemeente_id, r.aanbieder_id or 0, r.product_id or 0)),
        aantal_toewijzingen=len(werkelijk),
        zonder_tarief=sum(1 for g in werkelijk if g.zonder_tarief_dagen or g.onberekenbaar),
    )


def _tarief_index(regels, vragen, index, venster, parameters: TariefIndexParameters):
    jaar = venster.start.year

    @cache
    def geindexeerd(bedrag: Decimal) -> Decimal:
        return index_series(bedrag, jaar - 1, jaar, {jaar: parameters.percentage})[-1].bedrag

    for g in prijzen(vragen, index, venster, tariefaanpassing=geindexeerd):
        regels[(g.vraag.gemeente_id, g.vraag.aanbieder_id, g.vraag.product_id)].scenario += g.bedrag


def _output(regels, werkelijk, venster, parameters: OutputParameters):
    for g in werkelijk:
        vraag = g.vraag
        tarief = parameters.voor(vraag.productcode)
        if tarief is None:
            bedrag = g.bedrag
        else:
            binnen = vraag.periode.intersection(venster)
            delen = period_amounts(tarief, binnen, Periodetype.VIER_WEKEN, vraag.periode.start)
            bedrag = sum((d.bedrag for d in delen), NUL)
        regels[(vraag.gemeente_id, vraag.aanbieder_id, vraag.product_id)].scenario += bedrag


def inwoners(gemeente: Gemeente, jaar: int) -> int:
    """Inhabitants of the municipality on 1 January of `jaar` (or the latest earlier year)."""
    rij = (
        Inwonertal.objects.filter(gemeente=gemeente, wijk__isnull=True, jaar__lte=jaar).order_by("-jaar").first()
        or Inwonertal.objects.filter(gemeente=gemeente, wijk__isnull=True).order_by("jaar").first()
    )
    if rij is None:
        raise ValidationError(
            {"gemeenten": _("Van %(gemeente)s is geen inwonertal bekend.") % {"gemeente": gemeente.naam}}
        )
    return rij.aantal


def _populatiebudget(regels, gemeenten, jaar, parameters: PopulatiebudgetParameters):
    per_gemeente: dict[int, Decimal] = defaultdict(lambda: NUL)
    for r in regels.values():
        per_gemeente[r.gemeente_id] += r.werkelijk
    totaal = sum(per_gemeente.values(), NUL)
    budget = index_series(totaal, 0, 1, {1: -parameters.korting_pct})[-1].bedrag if totaal else NUL
    if parameters.sleutel == "inwoners":
        verdeling = split_population_budget(
            "regio", jaar, budget, [WijkInput(str(g.pk), inwoners(g, jaar)) for g in gemeenten]
        )
        budgetten = {int(w.naam): w.bedrag for w in verdeling.wijken}
    elif totaal:
        verdeling = regional_split(
            budget, [HistorischeUitgave(str(g.pk), jaar, per_gemeente[g.pk]) for g in gemeenten], [jaar]
        )
        budgetten = {int(a.gemeente): a.bedrag for a in verdeling.aandelen}
    else:
        budgetten = {g.pk: NUL for g in gemeenten}
    for gemeente_id, bedrag in budgetten.items():
        eigen = {k: r for k, r in regels.items() if k[0] == gemeente_id}
        if per_gemeente[gemeente_id] == 0:
            if bedrag:
                regels[(gemeente_id, None, None)] = Regel(gemeente_id, None, None, scenario=bedrag)
            continue
        delen = split_largest_remainder(bedrag, {_naam(k): r.werkelijk for k, r in eigen.items()})
        for k, r in eigen.items():
            r.scenario = delen[_naam(k)]


def _naam(sleutel: tuple) -> str:
    return f"{sleutel[1]:>12}-{sleutel[2]:>12}"

"""Taakgericht (task-based) funding: one population budget per consortium per year, split over districts.

In taakgericht funding (Zoetermeer) a consortium gets one budget for the whole population; there
are no claims per client (iWmo: no 323/325). For steering and accountability the budget is split
over the districts (wijken) with a key:

- ``Sleutel.INWONERS``: in proportion to each district's population;
- ``Sleutel.GEWOGEN``: in proportion to population × the district's indicator weight
  (e.g. 1.25 for a district whose indicators — share of 75+, low income, clients per 1,000 —
  point to a higher need; the weights are policy, the engine only applies them).

The district amounts add up exactly to the budget: largest-remainder rounding to the cent,
equal remainders broken by district name (:func:`~.money.split_largest_remainder`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from .money import as_money, as_non_negative, split_largest_remainder, to_fraction


class Sleutel(StrEnum):
    """Key for splitting a population budget over districts."""

    INWONERS = "inwoners"
    GEWOGEN = "gewogen"


@dataclass(frozen=True)
class WijkInput:
    """A district with its population and indicator weight (1 = average need)."""

    naam: str
    inwoners: int
    gewicht: Decimal | int = 1

    def __post_init__(self) -> None:
        if not self.naam:
            raise ValueError("WijkInput.naam: a district needs a name")
        if isinstance(self.inwoners, bool) or not isinstance(self.inwoners, int) or self.inwoners < 0:
            raise ValueError(f"WijkInput.inwoners of {self.naam!r}: a whole number >= 0, not {self.inwoners!r}")
        if isinstance(self.gewicht, Fraction):
            raise ValueError(f"WijkInput.gewicht of {self.naam!r}: give the weight as a Decimal or int")
        as_non_negative(self.gewicht, f"WijkInput.gewicht of {self.naam!r}")


@dataclass(frozen=True)
class Wijkbudget:
    """A district's part: its key value, exact share of the key, and amount."""

    naam: str
    sleutelwaarde: Decimal
    aandeel: Fraction
    bedrag: Decimal


@dataclass(frozen=True)
class Budgetverdeling:
    """A consortium's population budget for a year, split over districts."""

    samenwerkingsverband: str
    jaar: int
    budget: Decimal
    sleutel: Sleutel
    wijken: tuple[Wijkbudget, ...]


def split_population_budget(
    samenwerkingsverband: str,
    jaar: int,
    budget: Decimal,
    wijken: Sequence[WijkInput],
    sleutel: Sleutel | str = Sleutel.INWONERS,
) -> Budgetverdeling:
    """Split ``budget`` over ``wijken`` by ``sleutel``; the parts add up exactly to ``budget``.

    Example: €1,000,000.00 over districts of 30,000 / 45,000 / 25,000 inhabitants by population
    → 300,000.00 / 450,000.00 / 250,000.00.
    """
    key = Sleutel(sleutel)
    amount = as_money(budget, "budget")
    names = [w.naam for w in wijken]
    if len(set(names)) != len(names):
        raise ValueError(f"wijken: district names must be unique, got {names}")
    values: dict[str, Decimal] = {}
    for wijk in wijken:
        weight = Decimal(wijk.gewicht) if key == Sleutel.GEWOGEN else Decimal(1)
        values[wijk.naam] = wijk.inwoners * weight
    parts = split_largest_remainder(amount, values)
    total_key = sum((to_fraction(v) for v in values.values()), Fraction(0))
    return Budgetverdeling(
        samenwerkingsverband=samenwerkingsverband,
        jaar=jaar,
        budget=amount,
        sleutel=key,
        wijken=tuple(
            Wijkbudget(name, values[name], to_fraction(values[name]) / total_key, parts[name]) for name in names
        ),
    )

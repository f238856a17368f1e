"""Regional budget split: each municipality's share of a regional budget from its historical spend.

Rule (Noord-Limburg: regional budgets "based on historical data per municipality"):

1. each municipality's key is the sum of its actual spend over the chosen years;
2. its share is that sum / the sum over all municipalities;
3. the amounts are ``total × share`` with largest-remainder rounding to the cent (ties broken by
   municipality name), so they add up exactly to the total
   (:func:`~.money.split_largest_remainder`, the same function the district split uses).

Every municipality must have a figure for every chosen year (give 0 explicitly when it spent
nothing); a missing or duplicated figure raises ValueError rather than silently counting as 0.
``percentage`` is the share in percent rounded half-up to two decimals, for display only: the
percentages need not add up to exactly 100.00, the amounts do.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .money import as_money, round_cents, split_largest_remainder


@dataclass(frozen=True)
class HistorischeUitgave:
    """What a municipality spent (realisatie) in a year on the budget's scope."""

    gemeente: str
    jaar: int
    bedrag: Decimal

    def __post_init__(self) -> None:
        as_money(self.bedrag, f"HistorischeUitgave.bedrag of {self.gemeente} {self.jaar}")


@dataclass(frozen=True)
class GemeenteAandeel:
    """One municipality's historical spend over the chosen years, exact share and amount."""

    gemeente: str
    historisch: Decimal
    aandeel: Fraction
    percentage: Decimal
    bedrag: Decimal


@dataclass(frozen=True)
class RegionaleVerdeling:
    """A regional total split into municipal shares (in order of first appearance in the input)."""

    totaal: Decimal
    jaren: tuple[int, ...]
    aandelen: tuple[GemeenteAandeel, ...]


def regional_split(
    totaal: Decimal, uitgaven: Sequence[HistorischeUitgave], jaren: Collection[int]
) -> RegionaleVerdeling:
    """Split ``totaal`` over the municipalities in ``uitgaven`` by their spend in ``jaren``."""
    amount = as_money(totaal, "totaal")
    years = tuple(sorted(set(jaren)))
    if not years:
        raise ValueError("jaren: choose at least one year of historical spend")
    seen: dict[tuple[str, int], Decimal] = {}
    municipalities: list[str] = []
    for line in uitgaven:
        if (line.gemeente, line.jaar) in seen:
            raise ValueError(f"uitgaven: {line.gemeente} has more than one figure for {line.jaar}")
        seen[(line.gemeente, line.jaar)] = line.bedrag
        if line.gemeente not in municipalities:
            municipalities.append(line.gemeente)
    if not municipalities:
        raise ValueError("uitgaven: no historical spend given")
    spend: dict[str, Decimal] = {}
    for name in municipalities:
        missing = [year for year in years if (name, year) not in seen]
        if missing:
            raise ValueError(f"uitgaven: {name} has no figure for {missing}; give 0.00 if it spent nothing")
        spend[name] = sum((seen[(name, year)] for year in years), Decimal("0.00"))
    parts = split_largest_remainder(amount, spend)
    total_spend = Fraction(sum(spend.values(), Decimal(0)))
    shares = []
    for name in municipalities:
        share = Fraction(spend[name]) / total_spend
        shares.append(GemeenteAandeel(name, spend[name], share, round_cents(share * 100), parts[name]))
    return RegionaleVerdeling(totaal=amount, jaren=years, aandelen=tuple(shares))

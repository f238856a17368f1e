"""Indexatie: indexation of tariffs and budgets by a percentage per year.

Rule: starting from the amount of the base year, for every following year up to the target
year ``bedrag(y) = round_half_up(bedrag(y − 1) × (1 + p(y) / 100), 2)``, where ``p(y)`` is the
percentage for year ``y`` (the year the new amount applies). The rounding to the cent happens
*every year*, because every year's tariff is a real, published amount that the next year builds on;
so compounding twice by 2% is not always the same as one step of 4.04%.

Percentages are Decimal (2.35 means 2.35%) and may be negative (a decrease), but not −100 or lower.
A year without a percentage raises ValueError: indexing with 0% must be said explicitly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .money import as_money, as_number, round_cents, to_fraction


@dataclass(frozen=True)
class GeindexeerdBedrag:
    """The amount for ``jaar`` after applying that year's ``percentage``."""

    jaar: int
    percentage: Decimal
    bedrag: Decimal


def index_series(
    bedrag: Decimal, basisjaar: int, doeljaar: int, percentages: Mapping[int, Decimal]
) -> tuple[GeindexeerdBedrag, ...]:
    """The indexed amount for every year after ``basisjaar`` up to and including ``doeljaar``.

    Example: €58.20 (2023), +3.10% in 2024 and +2.50% in 2025 →
    58.20 × 1.031 = 60.0042 → €60.00; 60.00 × 1.025 = €61.50.
    """
    amount = as_money(bedrag, "bedrag")
    if doeljaar < basisjaar:
        raise ValueError(f"doeljaar ({doeljaar}) lies before basisjaar ({basisjaar})")
    series = []
    for year in range(basisjaar + 1, doeljaar + 1):
        if year not in percentages:
            raise ValueError(f"percentages: no indexation percentage for {year}; give 0 explicitly")
        pct = as_number(percentages[year], f"percentage {year}")
        if isinstance(pct, Fraction):
            raise ValueError(f"percentage {year}: give the percentage as a Decimal")
        if pct <= -100:
            raise ValueError(f"percentage {year}: {pct}% would make the amount zero or negative")
        amount = round_cents(to_fraction(amount) * (1 + to_fraction(pct) / 100))
        series.append(GeindexeerdBedrag(year, Decimal(pct), amount))
    return tuple(series)


def index_to_year(bedrag: Decimal, basisjaar: int, doeljaar: int, percentages: Mapping[int, Decimal]) -> Decimal:
    """The amount for ``doeljaar``: :func:`index_series`'s last amount (``bedrag`` if the years are equal)."""
    series = index_series(bedrag, basisjaar, doeljaar, percentages)
    return series[-1].bedrag if series else as_money(bedrag, "bedrag")

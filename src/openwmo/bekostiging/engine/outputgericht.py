"""Outputgericht (output-based) funding: a fixed amount per client per period, or per trajectory.

Rules:

- **Periods.** The tariff is an amount per client per *period*: a 4-week period (28 days,
  counted from an anchor date agreed in the contract, e.g. the start of the arrangement;
  Voorschoten) or a calendar month.
- **Proration** (a documented choice; the iWmo standard leaves partial output periods to the
  contract, IV078): when care covers only part of a period, the amount is
  ``tarief × days covered / days in the full period``, rounded half-up to the cent. A 4-week
  period always has 28 days; a month has 28–31. Because the covered days never exceed the full
  period, a prorated amount never exceeds the full amount.
- **Monthly claims.** iWmo claims cover exactly one calendar month (CS340). A 4-week period that
  crosses a month boundary is spread over the months by its days in each month, with the
  largest-remainder rule so the month parts add up exactly to the period's amount.
- **Trajectories** (Noord-Limburg: care form + intensity + duration) are priced as a whole: one
  amount for the trajectory. Optionally it is paid in ``n`` equal monthly instalments of
  ``bedrag / n`` *rounded down* to the cent, and the last instalment takes the remainder, so
  the instalments add up exactly and none is negative (rounding half-up could make a
  tiny last instalment negative).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from openwmo.core.periode import Periode, four_week_period_containing, month_containing

from .money import as_money, floor_cents, round_cents, split_largest_remainder, to_fraction


class Periodetype(StrEnum):
    """The period an output tariff is per."""

    VIER_WEKEN = "4 weken"
    MAAND = "maand"


@dataclass(frozen=True)
class PeriodeBedrag:
    """The amount for one (full) period, of which ``gedekt`` (``dagen`` days) had care."""

    periode: Periode
    gedekt: Periode
    dagen: int
    bedrag: Decimal


@dataclass(frozen=True)
class MaandBedrag:
    """The amount to claim for one calendar month."""

    maand: Periode
    bedrag: Decimal


@dataclass(frozen=True)
class Termijn:
    """One instalment (1-based ``volgnummer``) of a trajectory, paid for ``maand``."""

    volgnummer: int
    maand: Periode
    bedrag: Decimal


def prorate(bedrag: Decimal, periode: Periode, gedekt: Periode) -> Decimal:
    """``bedrag × days of gedekt inside periode / days of periode``, half-up to the cent.

    Example: €800.00 per 4 weeks, care on 14 of the 28 days → 800 × 14 / 28 = €400.00.
    """
    amount = as_money(bedrag, "bedrag")
    overlap = periode.intersection(gedekt)
    if overlap is None:
        return Decimal("0.00")
    return round_cents(to_fraction(amount) * Fraction(overlap.days(), periode.days()))


def _full_period(day: date, periodetype: Periodetype, anchor: date | None) -> Periode:
    if periodetype == Periodetype.MAAND:
        return month_containing(day)
    if anchor is None:
        raise ValueError("anchor: a 4-week tariff needs the anchor date its 4-week periods count from")
    return four_week_period_containing(day, anchor)


def period_amounts(
    tarief: Decimal,
    zorgperiode: Periode,
    periodetype: Periodetype | str,
    anchor: date | None = None,
) -> tuple[PeriodeBedrag, ...]:
    """The (prorated) amount per period for care during the closed ``zorgperiode``."""
    kind = Periodetype(periodetype)
    price = as_money(tarief, "tarief")
    result = []
    cursor = zorgperiode.start
    if zorgperiode.eind is None:
        raise ValueError("zorgperiode: give a closed period (eind is None); cut it off at the claim date")
    end = zorgperiode.eind
    while cursor <= end:
        full = _full_period(cursor, kind, anchor)
        covered = Periode(cursor, min(full.eind, end))
        result.append(PeriodeBedrag(full, covered, covered.days(), prorate(price, full, covered)))
        cursor = full.eind + timedelta(days=1)
    return tuple(result)


def spread_over_months(bedrag: Decimal, periode: Periode) -> tuple[MaandBedrag, ...]:
    """Spread an amount over the calendar months of a closed period by days, summing exactly.

    Example: €800.00 for 29 Jan – 25 Feb 2024 (3 + 25 days): January 800 × 3/28 = 85.714…,
    February 800 × 25/28 = 714.285…; floors 85.71 + 714.28 = 799.99, the missing cent goes to the
    larger remainder (0.43 of a cent in January, 0.57 in February) → January €85.71, February €714.29.
    """
    pieces = periode.months()
    weights = {piece.start.isoformat(): piece.days() for piece in pieces}
    parts = split_largest_remainder(as_money(bedrag, "bedrag"), weights)
    return tuple(MaandBedrag(month_containing(p.start), parts[p.start.isoformat()]) for p in pieces)


def monthly_amounts(
    tarief: Decimal,
    zorgperiode: Periode,
    periodetype: Periodetype | str,
    anchor: date | None = None,
) -> tuple[MaandBedrag, ...]:
    """What to claim per calendar month: each period's amount spread over its months, summed per month.

    The month amounts add up exactly to the sum of :func:`period_amounts`.
    """
    totals: dict[Periode, Decimal] = defaultdict(lambda: Decimal("0.00"))
    for line in period_amounts(tarief, zorgperiode, periodetype, anchor):
        for part in spread_over_months(line.bedrag, line.gedekt):
            totals[part.maand] += part.bedrag
    return tuple(MaandBedrag(month, totals[month]) for month in sorted(totals, key=lambda p: p.start))


def trajectory_instalments(bedrag: Decimal, start: date, maanden: int) -> tuple[Termijn, ...]:
    """Split a trajectory amount into ``maanden`` monthly instalments from the month of ``start``.

    Each instalment is ``bedrag / maanden`` rounded down to the cent; the last takes the rest.
    Example: €1,000.00 over 3 months → 333.33, 333.33, 333.34.
    """
    amount = as_money(bedrag, "bedrag")
    if isinstance(maanden, bool) or not isinstance(maanden, int) or maanden < 1:
        raise ValueError(f"maanden: a trajectory is paid in at least 1 monthly instalment, got {maanden!r}")
    regular = floor_cents(to_fraction(amount) / maanden)
    result = []
    month = month_containing(start)
    for number in range(1, maanden + 1):
        part = regular if number < maanden else amount - regular * (maanden - 1)
        result.append(Termijn(number, month, part))
        month = month_containing(month.eind + timedelta(days=1))
    return tuple(result)

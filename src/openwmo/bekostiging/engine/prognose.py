"""Commitments (verplichtingen) of running allocations to year-end, and the year-end forecast.

**Commitments** are the expected cost of allocations that run on after the reference date
(peildatum), from the day after the peildatum up to and including 31 December of that year (or
the allocation's end, if earlier). Per allocation, rounded half-up to the cent:

- inspanningsgericht (``LopendeInspanning``; ``tarief`` per unit of the allocation):
  remaining periods × volume × tarief, where remaining periods are counted *pro rata by days*
  (the expected use, not the claimable maximum of :func:`~.inspanningsgericht.max_volume`):

  * per dag: remaining days;
  * per week: remaining days / 7;
  * per maand: for each remaining (part of a) calendar month, its days / the days in that month;
  * TBGT: the total volume × remaining days / days of the whole allocation (linear use; needs a
    closed allocation);

- outputgericht (``LopendeOutput``): the remaining (4-week or monthly) periods × the amount,
  partial periods prorated by days (:func:`~.outputgericht.period_amounts`).

**Year-end forecast** (prognose) = actuals to date (realisatie) + commitments + expected new
demand. The trend rule for new demand: the average of the given monthly figures for the cost of
new allocations (the last N closed months, N chosen by the caller, e.g. 3) × the months left in
the year after the peildatum (whole months after its month, plus the rest of its own month pro
rata by days: peildatum 30 June → 6 months; 15 June → 15/30 + 6). With no trend figures the new
demand is 0. New demand is rounded half-up to the cent; the forecast is an exact sum of cents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from openwmo.core.periode import Periode, month_containing, year_periode

from .inspanningsgericht import ToewijzingInput
from .money import as_money, round_cents, to_fraction
from .outputgericht import Periodetype, period_amounts
from .units import Frequentie


@dataclass(frozen=True)
class LopendeInspanning:
    """A running effort-based allocation and its tariff per unit of the allocation."""

    toewijzing: ToewijzingInput
    tarief: Decimal
    kenmerk: str = ""


@dataclass(frozen=True)
class LopendeOutput:
    """A running output allocation: ``tarief`` per period (4 weeks from ``anchor``, or a month)."""

    periode: Periode
    tarief: Decimal
    periodetype: Periodetype
    anchor: date | None = None
    kenmerk: str = ""


@dataclass(frozen=True)
class Verplichting:
    """The commitment of one allocation over ``resterend`` (None when nothing is left this year)."""

    kenmerk: str
    resterend: Periode | None
    bedrag: Decimal


@dataclass(frozen=True)
class Verplichtingen:
    """All commitments at a peildatum, and their total."""

    peildatum: date
    regels: tuple[Verplichting, ...]
    totaal: Decimal


@dataclass(frozen=True)
class Prognose:
    """Year-end forecast; ``saldo`` = begroting − totaal (negative: overspend), None without a budget."""

    jaar: int
    peildatum: date
    realisatie: Decimal
    verplichtingen: Decimal
    nieuwe_vraag: Decimal
    resterende_maanden: Fraction
    totaal: Decimal
    begroting: Decimal | None
    saldo: Decimal | None


def remaining_window(peildatum: date) -> Periode | None:
    """The day after ``peildatum`` up to 31 December of its year; None on 31 December."""
    year = year_periode(peildatum.year)
    if peildatum >= year.eind:
        return None
    return Periode(peildatum + timedelta(days=1), year.eind)


def expected_units(toewijzing: ToewijzingInput, rest: Periode) -> Fraction:
    """Expected use (exact, in the allocation's unit) of an allocation during ``rest``, pro rata by days.

    The commitment rule above for any window inside the allocation: per dag = days × volume; per week
    = days / 7 × volume; per maand = Σ month days / days of that month × volume; TBGT = volume ×
    days / days of the whole (closed) allocation. Used for commitments and for spend estimates.
    """
    rest = toewijzing.periode.intersection(rest)
    if rest is None:
        return Fraction(0)
    volume = to_fraction(toewijzing.volume)
    if toewijzing.frequentie == Frequentie.PER_DAG:
        return rest.days() * volume
    if toewijzing.frequentie == Frequentie.PER_WEEK:
        return Fraction(rest.days(), 7) * volume
    if toewijzing.frequentie == Frequentie.PER_MAAND:
        month_shares = (Fraction(p.days(), month_containing(p.start).days()) for p in rest.months())
        return sum(month_shares, Fraction(0)) * volume
    if toewijzing.periode.eind is None:
        raise ValueError("toewijzing.periode: a TBGT allocation needs an end date to spread its total volume")
    return Fraction(rest.days(), toewijzing.periode.days()) * volume


def commitments(peildatum: date, lopend: Sequence[LopendeInspanning | LopendeOutput]) -> Verplichtingen:
    """Commitments of running allocations from the day after ``peildatum`` to year-end (rules above)."""
    window = remaining_window(peildatum)
    lines = []
    for item in lopend:
        periode = item.toewijzing.periode if isinstance(item, LopendeInspanning) else item.periode
        rest = window.intersection(periode) if window else None
        amount = Decimal("0.00")
        if rest is not None and isinstance(item, LopendeInspanning):
            price = to_fraction(as_money(item.tarief, f"tarief of {item.kenmerk or 'allocation'}"))
            amount = round_cents(expected_units(item.toewijzing, rest) * price)
        elif rest is not None:
            parts = period_amounts(item.tarief, rest, item.periodetype, item.anchor)
            amount = sum((p.bedrag for p in parts), Decimal("0.00"))
        lines.append(Verplichting(item.kenmerk, rest, amount))
    return Verplichtingen(peildatum, tuple(lines), sum((v.bedrag for v in lines), Decimal("0.00")))


def remaining_months(peildatum: date) -> Fraction:
    """Months left in the year after ``peildatum``: rest of its month pro rata by days + whole months."""
    month = month_containing(peildatum)
    return Fraction((month.eind - peildatum).days, month.days()) + (12 - peildatum.month)


def year_end_forecast(
    peildatum: date,
    realisatie: Decimal,
    verplichtingen: Decimal,
    nieuwe_vraag_per_maand: Sequence[Decimal],
    begroting: Decimal | None = None,
) -> Prognose:
    """Forecast = realisatie + verplichtingen + mean(nieuwe_vraag_per_maand) × remaining months."""
    actuals = as_money(realisatie, "realisatie", allow_negative=True)
    committed = as_money(verplichtingen, "verplichtingen")
    trend = [to_fraction(as_money(m, "nieuwe_vraag_per_maand")) for m in nieuwe_vraag_per_maand]
    months = remaining_months(peildatum)
    new = round_cents(sum(trend, Fraction(0)) / len(trend) * months) if trend else Decimal("0.00")
    total = actuals + committed + new
    budget = None if begroting is None else as_money(begroting, "begroting")
    return Prognose(
        jaar=peildatum.year,
        peildatum=peildatum,
        realisatie=actuals,
        verplichtingen=committed,
        nieuwe_vraag=new,
        resterende_maanden=months,
        totaal=total,
        begroting=budget,
        saldo=None if budget is None else budget - total,
    )

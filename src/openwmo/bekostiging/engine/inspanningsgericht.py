"""Inspanningsgericht (effort-based) funding: delivered volume × tariff, within the allocated volume.

Rules implemented (iWmo 3.2, see ``shared/reference/iwmo-reference.md`` §7.4):

- **Amount** (TR346, IV081): ``bedrag = volume × tarief`` when volume and tariff are in the same
  unit. When the tariff is per hour and the volume is in minutes (the one allowed mix):
  ``bedrag = round(uurtarief × minuten / 60, 2)``, half-up, computed in one step on the exact
  product (so *not* minutes × the rounded minute tariff). In general any two time units convert
  through minutes the same way. Stuks (82, 84) only go with a tariff per stuk; eenheid 83 (euro's)
  has no tariff and is refused here.
- **Minute tariff** (IV081): the ProductTarief printed on a claim in minutes is the hour tariff /
  60, rounded half-up to the cent; it is informative, the amount follows the rule above.
- **Hours from minutes** (IV079): sum the minutes of the period first, then round half-up to whole
  hours per 30 minutes, with a minimum of 1 hour when anything was delivered.
- **Maximum volume in a period** (TR321, IV076–IV078), for the part of the period that lies inside
  the allocation, in the allocation's unit:

  * per dag: days × daily volume;
  * per week: number of ISO weeks with at least one day in the period (partial weeks count whole,
    IV078) × weekly volume; for productcategorie 01 (hulp bij het huishouden) and a period within
    one calendar month the maximum is 6 × weekly volume (IV077);
  * per maand: number of calendar months with at least one day in the period (partial months
    count whole, IV078) × monthly volume;
  * totaal binnen geldigheidsduur (TBGT): the total volume, for any period. The check over the
    whole allocation (TR322) is the same function called with the allocation's own period and the
    sum of everything claimed so far.

  A period that does not overlap the allocation has maximum 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from openwmo.core.periode import Periode, month_containing

from .money import as_money, as_non_negative, as_volume, round_cents, to_fraction
from .units import Eenheid, Frequentie, conversion_factor, eenheid, finer_unit, frequentie

HH_CATEGORIE = "01"
HH_WEEKS_PER_MONTH = 6


@dataclass(frozen=True)
class ToewijzingInput:
    """A specific allocation: ``volume`` ``eenheid`` per ``frequentie`` during ``periode``.

    Codes may be given as strings ('04', '2'); they are parsed into Eenheid/Frequentie.
    """

    periode: Periode
    volume: Decimal | int
    eenheid: Eenheid
    frequentie: Frequentie
    productcategorie: str = ""

    def __post_init__(self) -> None:
        as_volume(self.volume, "ToewijzingInput.volume")
        object.__setattr__(self, "eenheid", eenheid(self.eenheid))
        object.__setattr__(self, "frequentie", frequentie(self.frequentie))


@dataclass(frozen=True)
class Kosten:
    """The amount for a delivered volume: ``volume`` ``eenheid`` at ``tarief`` per ``tarief_eenheid``."""

    volume: Decimal | int
    eenheid: Eenheid
    tarief: Decimal
    tarief_eenheid: Eenheid
    bedrag: Decimal


@dataclass(frozen=True)
class VolumeCheck:
    """Delivered volume against the maximum for a period, both in ``eenheid`` (the finer unit).

    ``excess`` is how much the delivered volume exceeds the maximum (0 when it fits).
    """

    periode: Periode
    eenheid: Eenheid
    delivered: Decimal
    maximum: Decimal
    fits: bool
    excess: Decimal


def cost(
    volume: Decimal | int,
    volume_eenheid: Eenheid | str,
    tarief: Decimal,
    tarief_eenheid: Eenheid | str | None = None,
) -> Kosten:
    """Amount for ``volume`` delivered at ``tarief`` per ``tarief_eenheid`` (default: the volume's unit).

    Example: 95 minutes at €60.00 per hour → 60.00 × 95 / 60 = 95.00; 100 minutes at €55.55 per
    hour → 55.55 × 100 / 60 = 92.5833… → €92.58.
    """
    v_unit = eenheid(volume_eenheid)
    t_unit = v_unit if tarief_eenheid is None else eenheid(tarief_eenheid)
    for unit in (v_unit, t_unit):
        if unit == Eenheid.EUROS:
            raise ValueError("eenheid 83 (euro's) has no tariff: the volume in cents is the amount (IV042)")
    exact_volume = to_fraction(as_non_negative(volume, "volume"))
    price = as_money(tarief, "tarief")
    amount = round_cents(to_fraction(price) * exact_volume * conversion_factor(v_unit, t_unit))
    return Kosten(volume=volume, eenheid=v_unit, tarief=price, tarief_eenheid=t_unit, bedrag=amount)


def minute_tariff(uurtarief: Decimal) -> Decimal:
    """ProductTarief for claims in minutes against an hour tariff: uurtarief / 60, half-up (IV081)."""
    return round_cents(to_fraction(as_money(uurtarief, "uurtarief")) / 60)


def declarable_hours(minutes: int) -> int:
    """Whole hours to claim for a period's total minutes (IV079): half-up per 30 minutes, minimum 1.

    Example: 4 × 95 min = 380 min = 6 h 20 min → 6 hours; 390 min → 7 hours; 10 min → 1 hour.
    """
    total = as_non_negative(minutes, "minutes")
    if not isinstance(total, int):
        raise ValueError(f"minutes: expected a whole number of minutes, got {total}")
    if total == 0:
        return 0
    hours, rest = divmod(total, 60)
    return max(1, hours + (1 if rest >= 30 else 0))


def max_volume(toewijzing: ToewijzingInput, periode: Periode) -> Decimal:
    """Maximum volume (in the allocation's unit) that may be claimed for ``periode``; rules above."""
    overlap = toewijzing.periode.intersection(periode)
    if overlap is None:
        return Decimal(0)
    volume = Decimal(toewijzing.volume)
    if toewijzing.frequentie == Frequentie.TOTAAL:
        return volume
    if toewijzing.frequentie == Frequentie.PER_DAG:
        return overlap.days() * volume
    if toewijzing.frequentie == Frequentie.PER_MAAND:
        return len(overlap.months()) * volume
    # per week
    if toewijzing.productcategorie == HH_CATEGORIE and month_containing(overlap.start).contains(overlap):
        return HH_WEEKS_PER_MONTH * volume
    return len(overlap.iso_weeks()) * volume


def check_volume(
    toewijzing: ToewijzingInput,
    periode: Periode,
    delivered: Decimal | int,
    delivered_eenheid: Eenheid | str | None = None,
) -> VolumeCheck:
    """Check a delivered volume for ``periode`` against :func:`max_volume`.

    ``delivered_eenheid`` defaults to the allocation's unit. When it differs (minutes against an
    allocation in hours) both sides are compared in the finer unit, which is exact.
    """
    d_unit = toewijzing.eenheid if delivered_eenheid is None else eenheid(delivered_eenheid)
    amount = as_volume(delivered, "delivered")
    unit = finer_unit(d_unit, toewijzing.eenheid)
    # Converting into the finer unit multiplies by a whole number (60 minutes per hour), so exact.
    maximum = max_volume(toewijzing, periode) * conversion_factor(toewijzing.eenheid, unit).numerator
    delivered_in_unit = amount * conversion_factor(d_unit, unit).numerator
    excess = max(delivered_in_unit - maximum, Decimal(0))
    return VolumeCheck(
        periode=periode,
        eenheid=unit,
        delivered=delivered_in_unit,
        maximum=maximum,
        fits=excess == 0,
        excess=excess,
    )

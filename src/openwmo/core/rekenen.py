"""Indicator maths on plain numbers (no Django): shares, changes, rates. Documented rounding.

The rounding rules reproduce the tables of the seed documents exactly:
- a share of a total is a whole percent rounded half-up (Rijswijk Bijlage 1.2/1.3: 211 of 378 = 56%);
- a change between two counts is a whole percent rounded towards minus infinity (Rijswijk Tabel 2:
  544 → 570 = +4%, 378 → 365 = −4%, 166 → 203 = +22%; half-up rounding would print +5% and −3%).
"""

from collections.abc import Iterable
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal


def aandeel_pct(deel: int, totaal: int) -> int | None:
    """`deel` as a whole percent of `totaal`, rounded half-up; None when the total is 0."""
    if totaal == 0:
        return None
    return int((Decimal(deel) * 100 / Decimal(totaal)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def ontwikkeling_pct(oud: int, nieuw: int) -> int | None:
    """Change from `oud` to `nieuw` in whole percent, rounded down; None when `oud` is 0."""
    if oud == 0:
        return None
    return int((Decimal(nieuw - oud) * 100 / Decimal(oud)).quantize(Decimal(1), rounding=ROUND_FLOOR))


def per_duizend(aantal: int, inwoners: int) -> Decimal | None:
    """Rate per 1,000 inhabitants with one decimal, rounded half-up; None without inhabitants."""
    if not inwoners:
        return None
    return (Decimal(aantal) * 1000 / Decimal(inwoners)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def aandeel_top_n(aantallen: Iterable[int], n: int) -> int | None:
    """The share (whole percent, half-up) of the `n` largest of `aantallen` in their sum; None when empty."""
    gesorteerd = sorted(aantallen, reverse=True)
    return aandeel_pct(sum(gesorteerd[:n]), sum(gesorteerd))


def per_inwoner(bedrag: Decimal, inwoners: int) -> Decimal | None:
    """An amount per inhabitant in euro, two places, rounded half-up; None without inhabitants."""
    if not inwoners:
        return None
    return (Decimal(bedrag) / Decimal(inwoners)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def gemiddelde(waarden: Iterable[int | Decimal], plaatsen: int = 1) -> Decimal | None:
    """The mean with `plaatsen` decimals, rounded half-up; None for no values."""
    waarden = list(waarden)
    if not waarden:
        return None
    stap = Decimal(1).scaleb(-plaatsen)
    return (Decimal(sum(waarden)) / Decimal(len(waarden))).quantize(stap, rounding=ROUND_HALF_UP)


def bedrag(waarde: Decimal | int) -> Decimal:
    """Money: two places, rounded half-up."""
    return Decimal(waarde).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

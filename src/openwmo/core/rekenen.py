"""Indicator maths on plain numbers (no Django): shares, changes, rates. Documented rounding.

The rounding rules reproduce the tables of the seed documents exactly:
- a share of a total is a whole percent rounded half-up (Rijswijk Bijlage 1.2/1.3: 211 of 378 = 56%);
- a change between two counts is a whole percent rounded towards minus infinity (Rijswijk Tabel 2:
  544 → 570 = +4%, 378 → 365 = −4%, 166 → 203 = +22%; half-up rounding would print +5% and −3%).
"""

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

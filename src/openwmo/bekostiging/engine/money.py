"""Money and number helpers shared by every calculator.

Rules that hold for the whole engine:

- Money is :class:`~decimal.Decimal` with at most two decimals; ``float`` is refused everywhere,
  because a float cannot hold most cent amounts exactly.
- Intermediate arithmetic that divides (pro rata, shares, averages) is done with
  :class:`~fractions.Fraction`, which is exact, and rounded to the cent *once*, half-up, at the
  point a rule says so (:func:`round_cents`). There is no double rounding.
- A split of an amount over parts (districts, municipalities, months) always adds up to the
  amount to the cent: :func:`split_largest_remainder` is the one function that does that.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction

CENT = Decimal("0.01")

Number = Decimal | int | Fraction


def as_number(value: object, field: str) -> Decimal | int | Fraction:
    """Return ``value`` if it is an exact number (Decimal, int or Fraction); refuse float and bool.

    ``field`` names the input in the error message.
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int | Fraction):
        kind = type(value).__name__
        raise ValueError(f"{field}: expected Decimal or int, got {kind} {value!r} (floats are never used)")
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"{field}: {value} is not a finite number")
    return value


def as_non_negative(value: object, field: str) -> Decimal | int | Fraction:
    """Like :func:`as_number`, and the value must be zero or more."""
    number = as_number(value, field)
    if number < 0:
        raise ValueError(f"{field}: must be zero or more, got {number}")
    return number


def as_volume(value: object, field: str) -> Decimal:
    """A volume: a Decimal or int of zero or more (not a Fraction or float), returned as Decimal."""
    number = as_non_negative(value, field)
    if isinstance(number, Fraction):
        raise ValueError(f"{field}: give a volume as a Decimal or int, not a Fraction")
    return Decimal(number)


def as_money(value: object, field: str, *, allow_negative: bool = False) -> Decimal:
    """Return ``value`` as a Decimal amount with exactly two places.

    Accepts Decimal or int; refuses float, more than two decimals and (unless ``allow_negative``)
    negative amounts.
    """
    number = as_number(value, field)
    if isinstance(number, Fraction):
        raise ValueError(f"{field}: an amount must be a Decimal with at most 2 decimals, got a Fraction")
    amount = Decimal(number)
    if amount != amount.quantize(CENT):
        raise ValueError(f"{field}: an amount has at most 2 decimals (whole cents), got {amount}")
    if not allow_negative and amount < 0:
        raise ValueError(f"{field}: must be zero or more, got {amount}")
    return amount.quantize(CENT)


def to_fraction(value: Number) -> Fraction:
    """Exact rational value of a Decimal, int or Fraction."""
    return value if isinstance(value, Fraction) else Fraction(value)


def round_cents(value: Number) -> Decimal:
    """Round an exact value to whole cents, half-up (0.005 → 0.01, -0.005 → -0.01).

    Half-up here means *away from zero* on a tie, as Decimal's ROUND_HALF_UP does and as the iWmo
    rules (IV081) and Dutch bookkeeping expect.
    """
    exact = to_fraction(value)
    cents = exact * 100
    sign = -1 if cents < 0 else 1
    whole, rest = divmod(abs(cents.numerator), cents.denominator)
    if 2 * rest >= cents.denominator:
        whole += 1
    return (Decimal(sign * whole) / 100).quantize(CENT, rounding=ROUND_HALF_UP)


def floor_cents(value: Number) -> Decimal:
    """Truncate a non-negative exact value to whole cents (used where a rule says 'round down')."""
    exact = to_fraction(value)
    if exact < 0:
        raise ValueError(f"floor_cents: expects a non-negative value, got {exact}")
    cents = exact.numerator * 100 // exact.denominator
    return (Decimal(cents) / 100).quantize(CENT, rounding=ROUND_DOWN)


def split_largest_remainder(total: Decimal | int, weights: Mapping[str, Number]) -> dict[str, Decimal]:
    """Split ``total`` over named parts in proportion to ``weights``, adding up exactly to the cent.

    Rule (largest-remainder method, also called Hamilton's method), all in whole cents:

    1. each part's exact quota is ``total × weight / sum(weights)``;
    2. each part first gets its quota rounded *down* to the cent;
    3. the cents still missing (fewer than the number of parts) go one each to the parts with the
       largest remainders (the dropped fraction of a cent);
    4. equal remainders are broken by name, in ascending order (``sorted`` on the key), so the
       outcome never depends on input order.

    A part with weight 0 gets 0.00. The result keeps the order of ``weights``.

    Raises ValueError for a negative total, a total with more than two decimals, a negative
    weight, an empty mapping, or weights that are all zero.
    """
    amount = as_money(total, "total")
    if not weights:
        raise ValueError("weights: there must be at least one part to split over")
    exact_weights: dict[str, Fraction] = {}
    for name, weight in weights.items():
        exact_weights[name] = to_fraction(as_non_negative(weight, f"weight of {name!r}"))
    weight_sum = sum(exact_weights.values(), Fraction(0))
    if weight_sum == 0:
        raise ValueError("weights: all weights are zero, so there is no key to split by")

    total_cents = int(amount * 100)
    floors: dict[str, int] = {}
    remainders: dict[str, Fraction] = {}
    for name, weight in exact_weights.items():
        quota = total_cents * weight / weight_sum
        floors[name] = quota.numerator // quota.denominator
        remainders[name] = quota - floors[name]
    missing = total_cents - sum(floors.values())
    for name in sorted(exact_weights, key=lambda n: (-remainders[n], n))[:missing]:
        floors[name] += 1
    return {name: (Decimal(cents) / 100).quantize(CENT) for name, cents in floors.items()}

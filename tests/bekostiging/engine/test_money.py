from decimal import Decimal
from fractions import Fraction

import pytest

from openwmo.bekostiging.engine.money import as_money, floor_cents, round_cents, split_largest_remainder


def test_round_cents_is_half_up_not_bankers():
    assert round_cents(Decimal("0.005")) == Decimal("0.01")  # banker's rounding would give 0.00
    assert round_cents(Decimal("0.015")) == Decimal("0.02")
    assert round_cents(Fraction(1, 3)) == Decimal("0.33")
    assert round_cents(Fraction(2, 3)) == Decimal("0.67")
    assert round_cents(Decimal("-0.005")) == Decimal("-0.01")  # away from zero on a tie


def test_floor_cents():
    assert floor_cents(Fraction(4500, 7)) == Decimal("642.85")


def test_money_refuses_float_and_sub_cents():
    with pytest.raises(ValueError, match="bedrag: expected Decimal or int, got float"):
        as_money(1.10, "bedrag")
    with pytest.raises(ValueError, match="at most 2 decimals"):
        as_money(Decimal("1.005"), "bedrag")
    with pytest.raises(ValueError, match="must be zero or more"):
        as_money(Decimal("-1.00"), "bedrag")


def test_split_gives_missing_cents_to_largest_remainders_then_by_name():
    # €1.00 over three equal parts: 33⅓ cents each → floors 33+33+33 = 99, 1 cent missing;
    # all remainders are ⅓, so the tie goes to the first name: "a".
    assert split_largest_remainder(Decimal("1.00"), {"c": 1, "a": 1, "b": 1}) == {
        "c": Decimal("0.33"),
        "a": Decimal("0.34"),
        "b": Decimal("0.33"),
    }


def test_split_with_zero_weight_and_bad_weights():
    assert split_largest_remainder(Decimal("10.00"), {"x": 0, "y": 3}) == {
        "x": Decimal("0.00"),
        "y": Decimal("10.00"),
    }
    with pytest.raises(ValueError, match="all weights are zero"):
        split_largest_remainder(Decimal("10.00"), {"x": 0})
    with pytest.raises(ValueError, match="weight of 'x': must be zero or more"):
        split_largest_remainder(Decimal("10.00"), {"x": -1, "y": 2})
    with pytest.raises(ValueError, match="at least one part"):
        split_largest_remainder(Decimal("10.00"), {})

from decimal import Decimal

from openwmo.core.rekenen import (
    aandeel_pct,
    aandeel_top_n,
    bedrag,
    gemiddelde,
    ontwikkeling_pct,
    per_duizend,
    per_inwoner,
)


def test_shares_and_changes_follow_the_seeds_rounding():
    assert aandeel_pct(211, 378) == 56
    assert aandeel_pct(1, 0) is None
    assert ontwikkeling_pct(378, 365) == -4
    assert per_duizend(1, 2000) == Decimal("0.5")


def test_share_of_the_top_n_providers():
    assert aandeel_top_n([10, 30, 60], 2) == 90
    assert aandeel_top_n([1, 1, 1], 1) == 33
    assert aandeel_top_n([5], 2) == 100
    assert aandeel_top_n([], 2) is None


def test_amount_per_inhabitant_rounds_half_up_to_cents():
    assert per_inwoner(Decimal("3692.00"), 2000) == Decimal("1.85")  # 1.846
    assert per_inwoner(Decimal("1.00"), 8) == Decimal("0.13")  # 0.125 → half-up
    assert per_inwoner(Decimal("10"), 0) is None


def test_mean_rounds_half_up_and_handles_no_values():
    assert gemiddelde([14, 31, 30, 14]) == Decimal("22.3")  # 22.25
    assert gemiddelde([1, 2], plaatsen=0) == Decimal("2")  # 1.5
    assert gemiddelde([]) is None
    assert bedrag(Decimal("2.005")) == Decimal("2.01")

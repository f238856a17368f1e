from decimal import Decimal

import pytest

from openwmo.bekostiging.engine.indexatie import index_series, index_to_year


def test_tariff_indexed_over_two_years():
    # €58.20 in 2023; +3.10% (2024): 58.20 × 1.031 = 60.0042 → 60.00; +2.50% (2025): 60.00 × 1.025 = 61.50
    series = index_series(Decimal("58.20"), 2023, 2025, {2024: Decimal("3.10"), 2025: Decimal("2.50")})
    assert [(s.jaar, s.bedrag) for s in series] == [(2024, Decimal("60.00")), (2025, Decimal("61.50"))]


def test_rounding_every_year_differs_from_compounding_at_once():
    # €1.00 + 0.4% twice: 1.004 → 1.00, then 1.00 again; one step would give 1.008016 → 1.01.
    assert index_to_year(Decimal("1.00"), 2023, 2025, {2024: Decimal("0.4"), 2025: Decimal("0.4")}) == Decimal("1.00")


def test_half_up_and_budget_and_decrease():
    assert index_to_year(Decimal("0.50"), 2024, 2025, {2025: Decimal("1")}) == Decimal("0.51")  # 0.505 → 0.51
    # Budget €1,000,000.00: +2.5% → 1,025,000.00; +3.1% → 1,056,775.00
    assert index_to_year(Decimal("1000000.00"), 2024, 2026, {2025: Decimal("2.5"), 2026: Decimal("3.1")}) == Decimal(
        "1056775.00"
    )
    assert index_to_year(Decimal("100.00"), 2024, 2025, {2025: Decimal("-1.5")}) == Decimal("98.50")
    assert index_to_year(Decimal("100.00"), 2024, 2024, {}) == Decimal("100.00")


def test_bad_indexation():
    with pytest.raises(ValueError, match="no indexation percentage for 2025; give 0 explicitly"):
        index_to_year(Decimal("100.00"), 2024, 2025, {})
    with pytest.raises(ValueError, match=r"doeljaar \(2023\) lies before basisjaar \(2024\)"):
        index_to_year(Decimal("100.00"), 2024, 2023, {})
    with pytest.raises(ValueError, match="percentage 2025: expected Decimal or int, got float"):
        index_to_year(Decimal("100.00"), 2024, 2025, {2025: 2.5})
    with pytest.raises(ValueError, match="would make the amount zero or negative"):
        index_to_year(Decimal("100.00"), 2024, 2025, {2025: Decimal("-100")})

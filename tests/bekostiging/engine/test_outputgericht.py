from datetime import date
from decimal import Decimal

import pytest

from openwmo.bekostiging.engine.outputgericht import (
    MaandBedrag,
    monthly_amounts,
    period_amounts,
    prorate,
    trajectory_instalments,
)
from openwmo.core.periode import Periode, month_containing

ANCHOR = date(2024, 1, 1)  # 4-week periods: 1–28 Jan, 29 Jan–25 Feb, 26 Feb–24 Mar, …


def test_four_weekly_tariff_across_a_month_boundary():
    # €800.00 per client per 4 weeks; care 15 Jan – 10 Mar 2024.
    care = Periode(date(2024, 1, 15), date(2024, 3, 10))
    lines = period_amounts(Decimal("800.00"), care, "4 weken", ANCHOR)
    # 15–28 Jan = 14/28 → 400.00; 29 Jan–25 Feb full → 800.00; 26 Feb–10 Mar = 4 + 10 = 14/28 → 400.00
    assert [(line.dagen, line.bedrag) for line in lines] == [
        (14, Decimal("400.00")),
        (28, Decimal("800.00")),
        (14, Decimal("400.00")),
    ]
    # Monthly claims. The 29 Jan–25 Feb period: Jan 800 × 3/28 = 85.714…, Feb 800 × 25/28 = 714.285…;
    # floors 85.71 + 714.28 = 799.99, the cent goes to the larger remainder (Feb) → 85.71 / 714.29.
    # The 26 Feb–10 Mar part (400.00): Feb 400 × 4/14 = 114.285…, Mar 400 × 10/14 = 285.714… →
    # floors 114.28 + 285.71 = 399.99, cent to Feb → 114.29 / 285.71.
    # January 400.00 + 85.71 = 485.71; February 714.29 + 114.29 = 828.58; March 285.71; sum 1,600.00.
    assert monthly_amounts(Decimal("800.00"), care, "4 weken", ANCHOR) == (
        MaandBedrag(month_containing(date(2024, 1, 1)), Decimal("485.71")),
        MaandBedrag(month_containing(date(2024, 2, 1)), Decimal("828.58")),
        MaandBedrag(month_containing(date(2024, 3, 1)), Decimal("285.71")),
    )


def test_prorate_by_days():
    block = Periode(date(2024, 1, 1), date(2024, 1, 28))
    # 1,234.56 × 13 / 28 = 16,049.28 / 28 = 573.188… → 573.19
    assert prorate(Decimal("1234.56"), block, Periode(date(2024, 1, 16), date(2024, 1, 28))) == Decimal("573.19")
    # Monthly tariff, care 10–29 Feb 2024: 900 × 20 / 29 = 620.689… → 620.69
    feb = month_containing(date(2024, 2, 1))
    assert prorate(Decimal("900.00"), feb, Periode(date(2024, 2, 10), date(2024, 3, 5))) == Decimal("620.69")
    assert prorate(Decimal("900.00"), feb, Periode(date(2024, 3, 1))) == Decimal("0.00")


def test_monthly_tariff_periods_are_calendar_months():
    care = Periode(date(2024, 1, 17), date(2024, 2, 29))
    # January 15 of 31 days: 620.00 × 15 / 31 = 300.00; February full: 620.00.
    assert [line.bedrag for line in period_amounts(Decimal("620.00"), care, "maand")] == [
        Decimal("300.00"),
        Decimal("620.00"),
    ]


def test_four_weeks_need_an_anchor_and_a_closed_period():
    with pytest.raises(ValueError, match="anchor"):
        period_amounts(Decimal("800.00"), Periode(date(2024, 1, 1), date(2024, 1, 31)), "4 weken")
    with pytest.raises(ValueError, match="closed period"):
        period_amounts(Decimal("800.00"), Periode(date(2024, 1, 1)), "maand")
    with pytest.raises(ValueError, match="'week' is not a valid Periodetype"):
        period_amounts(Decimal("800.00"), Periode(date(2024, 1, 1), date(2024, 1, 31)), "week")


def test_trajectory_in_instalments_last_takes_the_remainder():
    # €4,500.00 over 7 months from 15 Mar 2024: 4,500 / 7 = 642.857… → 642.85 × 6 = 3,857.10;
    # last = 4,500.00 − 3,857.10 = 642.90.
    parts = trajectory_instalments(Decimal("4500.00"), date(2024, 3, 15), 7)
    assert [p.bedrag for p in parts] == [Decimal("642.85")] * 6 + [Decimal("642.90")]
    assert parts[0].maand == month_containing(date(2024, 3, 1))
    assert parts[-1].maand == month_containing(date(2024, 9, 1))
    assert sum(p.bedrag for p in parts) == Decimal("4500.00")


def test_trajectory_bad_input():
    with pytest.raises(ValueError, match="maanden: a trajectory is paid in at least 1"):
        trajectory_instalments(Decimal("100.00"), date(2024, 1, 1), 0)
    with pytest.raises(ValueError, match="bedrag: must be zero or more"):
        trajectory_instalments(Decimal("-100.00"), date(2024, 1, 1), 2)

from datetime import date, datetime

import pytest

from openwmo.core.periode import (
    Periode,
    four_week_period_containing,
    month_containing,
    year_periode,
)

JAN = Periode(date(2024, 1, 1), date(2024, 1, 31))


def test_days_counts_both_ends():
    assert JAN.days() == 31
    assert Periode(date(2024, 2, 1), date(2024, 2, 29)).days() == 29  # leap year
    assert Periode(date(2024, 3, 5), date(2024, 3, 5)).days() == 1


def test_end_before_start_is_refused_with_both_dates_named():
    with pytest.raises(ValueError, match=r"Periode.eind \(2024-01-01\) lies before Periode.start \(2024-01-02\)"):
        Periode(date(2024, 1, 2), date(2024, 1, 1))


def test_datetime_and_strings_are_not_dates():
    with pytest.raises(ValueError, match="Periode.start: expected a date"):
        Periode(datetime(2024, 1, 1, 12, 0))
    with pytest.raises(ValueError, match="Periode.eind: expected a date"):
        Periode(date(2024, 1, 1), "2024-02-01")


def test_open_end_has_no_day_count_or_months():
    with pytest.raises(ValueError, match="open-ended"):
        Periode(date(2024, 1, 1)).days()
    with pytest.raises(ValueError, match="open-ended"):
        Periode(date(2024, 1, 1)).months()


def test_contains_dates_and_periods():
    assert JAN.contains(date(2024, 1, 31))  # end is inclusive
    assert not JAN.contains(date(2024, 2, 1))
    assert JAN.contains(Periode(date(2024, 1, 10), date(2024, 1, 20)))
    assert not JAN.contains(Periode(date(2024, 1, 10)))  # open period never fits in a closed one
    assert Periode(date(2024, 1, 1)).contains(Periode(date(2025, 1, 1)))
    assert Periode(date(2024, 1, 1)).contains(date(2099, 12, 31))


def test_overlaps_at_a_single_shared_day_and_with_open_ends():
    assert JAN.overlaps(Periode(date(2024, 1, 31), date(2024, 2, 5)))
    assert not JAN.overlaps(Periode(date(2024, 2, 1), date(2024, 2, 5)))
    assert Periode(date(2023, 6, 1)).overlaps(JAN)
    assert not Periode(date(2024, 2, 1)).overlaps(JAN)


def test_intersection():
    assert JAN.intersection(Periode(date(2023, 12, 15), date(2024, 1, 10))) == Periode(
        date(2024, 1, 1), date(2024, 1, 10)
    )
    assert Periode(date(2024, 1, 1)).intersection(Periode(date(2024, 3, 1))) == Periode(date(2024, 3, 1))
    assert JAN.intersection(Periode(date(2024, 2, 1))) is None


def test_months_cut_at_month_ends_and_over_a_year_boundary():
    pieces = Periode(date(2023, 12, 20), date(2024, 2, 10)).months()
    assert pieces == (
        Periode(date(2023, 12, 20), date(2023, 12, 31)),
        Periode(date(2024, 1, 1), date(2024, 1, 31)),
        Periode(date(2024, 2, 1), date(2024, 2, 10)),
    )
    assert month_containing(date(2023, 2, 14)) == Periode(date(2023, 2, 1), date(2023, 2, 28))
    assert year_periode(2024).days() == 366


def test_four_week_periods_from_an_anchor():
    # Anchor Monday 1 Jan 2024: blocks 1–28 Jan, 29 Jan–25 Feb, 26 Feb–24 Mar.
    pieces = Periode(date(2024, 1, 15), date(2024, 3, 10)).four_week_periods(date(2024, 1, 1))
    assert pieces == (
        Periode(date(2024, 1, 15), date(2024, 1, 28)),
        Periode(date(2024, 1, 29), date(2024, 2, 25)),
        Periode(date(2024, 2, 26), date(2024, 3, 10)),
    )


def test_four_week_block_before_the_anchor():
    # 31 Dec 2023 is 1 day before the anchor: block -1 is 4 Dec – 31 Dec 2023.
    assert four_week_period_containing(date(2023, 12, 31), date(2024, 1, 1)) == Periode(
        date(2023, 12, 4), date(2023, 12, 31)
    )


def test_iso_weeks_count_partial_weeks_and_cross_iso_years():
    # Sat 28 Dec 2024 is in ISO week 2024-52; Mon 30 Dec 2024 starts ISO week 2025-1.
    assert Periode(date(2024, 12, 28), date(2025, 1, 5)).iso_weeks() == ((2024, 52), (2025, 1))
    # One Sunday is one (partial) week.
    assert Periode(date(2024, 1, 7), date(2024, 1, 7)).iso_weeks() == ((2024, 1),)
    # 2020 has 53 ISO weeks: Thu 31 Dec 2020 is in week 53.
    assert Periode(date(2020, 12, 31), date(2021, 1, 4)).iso_weeks() == ((2020, 53), (2021, 1))

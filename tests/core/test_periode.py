from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openwmo.core.periode import (
    Periode,
    add_months,
    covered_by,
    dates_overlap,
    day_count,
    four_week_period_containing,
    is_calendar_month,
    iso_week_count,
    month_containing,
    month_count,
    month_end,
    month_start,
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


# Plain-date functions (used on the hot paths instead of building Periode objects).

_datum = st.dates(min_value=date(2021, 1, 1), max_value=date(2026, 12, 31))
_open_of_dicht = st.one_of(st.none(), _datum)


@given(_datum, st.integers(0, 120))
def test_iso_weeks_match_counting_mondays(begin, lengte):
    eind = begin + timedelta(days=lengte)
    weken = {(begin + timedelta(days=i)).isocalendar()[:2] for i in range(lengte + 1)}
    assert iso_week_count(begin, eind) == len(weken)
    assert iso_week_count(begin, eind) == len(Periode(begin, eind).iso_weeks())


@given(_datum, st.integers(0, 800))
def test_month_and_day_counts_match_the_period_methods(begin, lengte):
    eind = begin + timedelta(days=lengte)
    assert month_count(begin, eind) == len(Periode(begin, eind).months())
    assert day_count(begin, eind) == Periode(begin, eind).days() == lengte + 1


def test_month_count_counts_partial_months_over_a_year_boundary():
    assert month_count(date(2023, 12, 31), date(2024, 1, 1)) == 2
    assert month_count(date(2024, 1, 1), date(2024, 1, 31)) == 1


@given(st.lists(st.tuples(_datum, st.integers(0, 60), st.booleans()), max_size=4), _datum, st.integers(0, 60))
def test_covered_by_matches_day_by_day(ruw, begin, lengte):
    perioden = [(b, None if open_ else b + timedelta(days=n)) for b, n, open_ in ruw]
    eind = begin + timedelta(days=lengte)
    dagen = (begin + timedelta(days=i) for i in range(lengte + 1))
    verwacht = all(any(b <= d and (e is None or d <= e) for b, e in perioden) for d in dagen)
    assert covered_by(perioden, begin, eind) == verwacht


def test_covered_by_joins_adjacent_periods_but_not_a_gap():
    jan, feb = (date(2024, 1, 1), date(2024, 1, 31)), (date(2024, 2, 1), date(2024, 2, 29))
    assert covered_by([feb, jan], date(2024, 1, 15), date(2024, 2, 15))  # order does not matter
    assert not covered_by([jan, (date(2024, 2, 2), None)], date(2024, 1, 15), date(2024, 2, 15))  # 1 Feb missing
    assert not covered_by([], date(2024, 1, 1), date(2024, 1, 1))


@given(_datum, _open_of_dicht, _datum, _open_of_dicht)
def test_dates_overlap_agrees_with_periode_overlaps(start_a, eind_a, start_b, eind_b):
    eind_a = None if eind_a is None else max(start_a, eind_a)
    eind_b = None if eind_b is None else max(start_b, eind_b)
    verwacht = Periode(start_a, eind_a).overlaps(Periode(start_b, eind_b))
    assert dates_overlap(start_a, eind_a, start_b, eind_b) == verwacht
    assert dates_overlap(start_b, eind_b, start_a, eind_a) == verwacht


def test_month_bounds_and_whole_calendar_month():
    assert month_start(date(2024, 2, 14)) == date(2024, 2, 1)
    assert month_end(date(2024, 2, 14)) == date(2024, 2, 29)  # leap year
    assert month_end(date(2023, 2, 14)) == date(2023, 2, 28)
    assert is_calendar_month(date(2023, 3, 1), date(2023, 3, 31))
    assert not is_calendar_month(date(2023, 3, 1), date(2023, 3, 30))
    assert not is_calendar_month(date(2023, 3, 2), date(2023, 3, 31))
    assert not is_calendar_month(date(2023, 3, 1), date(2023, 4, 30))  # two months


def test_add_months_clamps_the_day():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 8, 15), 6) == date(2024, 2, 15)
    assert add_months(date(2024, 3, 31), -1) == date(2024, 2, 29)
    assert add_months(date(2024, 12, 31), 2) == date(2025, 2, 28)

from datetime import date
from decimal import Decimal

import pytest

from openwmo.bekostiging.engine.inspanningsgericht import (
    ToewijzingInput,
    check_volume,
    cost,
    declarable_hours,
    max_volume,
    minute_tariff,
)
from openwmo.core.periode import Periode

# Individuele begeleiding (category 02): 3 hours per week, Wed 10 Jan – Wed 20 Mar 2024.
# ISO weeks 2024: week 2 = 8–14 Jan, week 5 = 29 Jan–4 Feb, week 9 = 26 Feb–3 Mar, week 12 = 18–24 Mar.
WEEKLY = ToewijzingInput(Periode(date(2024, 1, 10), date(2024, 3, 20)), 3, "04", "2", "02")
JANUARY = Periode(date(2024, 1, 1), date(2024, 1, 31))
FEBRUARY = Periode(date(2024, 2, 1), date(2024, 2, 29))
MARCH = Periode(date(2024, 3, 1), date(2024, 3, 31))


def test_weekly_allocation_against_monthly_claims():
    # January: allocation part 10–31 Jan touches ISO weeks 2, 3, 4, 5 → 4 × 3 h = 12 h.
    assert max_volume(WEEKLY, JANUARY) == 12
    # February 1–29 touches weeks 5, 6, 7, 8, 9 → 5 × 3 h = 15 h.
    assert max_volume(WEEKLY, FEBRUARY) == 15
    # March: part 1–20 Mar touches weeks 9, 10, 11, 12 → 4 × 3 h = 12 h.
    assert max_volume(WEEKLY, MARCH) == 12
    # Whole allocation (TR322): weeks 2..12 = 11 weeks × 3 h = 33 h, less than 12 + 15 + 12 = 39
    # because the broken weeks 5 and 9 count in two months each.
    assert max_volume(WEEKLY, WEEKLY.periode) == 33


def test_claim_in_minutes_against_hours_is_checked_in_minutes():
    # January max 12 h = 720 min; 750 min claimed → 30 min too much.
    result = check_volume(WEEKLY, JANUARY, 750, "01")
    assert (result.eenheid, result.maximum, result.delivered) == ("01", 720, 750)
    assert not result.fits
    assert result.excess == 30
    assert check_volume(WEEKLY, JANUARY, 12).fits


def test_whole_allocation_check_catches_what_monthly_checks_let_through():
    # 12 + 15 + 12 = 39 h each fit their month, but the allocation allows 33 h in total.
    assert all(check_volume(WEEKLY, m, v).fits for m, v in [(JANUARY, 12), (FEBRUARY, 15), (MARCH, 12)])
    total = check_volume(WEEKLY, WEEKLY.periode, 39)
    assert (total.fits, total.excess) == (False, 6)


def test_household_help_may_claim_six_weeks_per_month():
    hh = ToewijzingInput(WEEKLY.periode, 3, "04", "2", "01")
    # IV077: for category 01 a month's maximum is always 6 × weekly volume = 18 h.
    assert max_volume(hh, JANUARY) == 18
    assert max_volume(hh, hh.periode) == 33  # over the whole allocation the week count holds


def test_per_day_per_month_and_total():
    period = Periode(date(2024, 1, 20), date(2024, 4, 10))
    per_day = ToewijzingInput(period, 30, "01", "1")
    assert max_volume(per_day, JANUARY) == 12 * 30  # 20–31 Jan = 12 days × 30 min = 360 min
    per_month = ToewijzingInput(period, 8, "04", "4")
    assert max_volume(per_month, JANUARY) == 8  # partial month counts whole (IV078)
    assert max_volume(per_month, period) == 4 * 8  # Jan, Feb, Mar, Apr
    total = ToewijzingInput(period, 40, "04", "6")
    assert max_volume(total, JANUARY) == 40
    assert max_volume(total, Periode(date(2024, 5, 1), date(2024, 5, 31))) == 0  # outside the allocation


def test_cost_same_unit_and_minutes_against_hour_tariff():
    assert cost(12, "04", Decimal("64.32")).bedrag == Decimal("771.84")  # 12 × 64.32
    # 100 min at €55.55/h: 55.55 × 100 / 60 = 5555 / 60 = 92.583… → 92.58 (IV081)
    assert cost(100, "01", Decimal("55.55"), "04").bedrag == Decimal("92.58")
    # Not minutes × rounded minute tariff: 55.55 / 60 = 0.9258… → 0.93, × 100 = 93.00.
    assert minute_tariff(Decimal("55.55")) == Decimal("0.93")
    # A tie rounds up: 10 min at €60.03/h = 600.3 / 60 = 10.005 → 10.01.
    assert cost(10, "01", Decimal("60.03"), "04").bedrag == Decimal("10.01")


def test_cost_bad_input():
    with pytest.raises(ValueError, match="volume: must be zero or more"):
        cost(-1, "04", Decimal("50.00"))
    with pytest.raises(ValueError, match="tarief: expected Decimal or int, got float"):
        cost(1, "04", 50.0)
    with pytest.raises(ValueError, match="eenheid 83"):
        cost(100, "83", Decimal("1.00"))
    with pytest.raises(ValueError, match="is not a code of iWmo code list WJ756"):
        cost(1, "05", Decimal("1.00"))


def test_negative_allocated_volume_and_unknown_frequency_are_refused():
    with pytest.raises(ValueError, match="ToewijzingInput.volume: must be zero or more"):
        ToewijzingInput(WEEKLY.periode, -3, "04", "2")
    with pytest.raises(ValueError, match="WMO757"):
        ToewijzingInput(WEEKLY.periode, 3, "04", "3")


def test_declarable_hours_iv079():
    assert declarable_hours(4 * 95) == 6  # 380 min = 6 h 20 → 6
    assert declarable_hours(390) == 7  # 6 h 30 → 7
    assert declarable_hours(10) == 1  # minimum 1 hour
    assert declarable_hours(0) == 0


def test_volumes_must_be_exact_numbers():
    with pytest.raises(ValueError, match="delivered: expected Decimal or int, got float"):
        check_volume(WEEKLY, JANUARY, 12.5)
    with pytest.raises(ValueError, match="delivered: must be zero or more"):
        check_volume(WEEKLY, JANUARY, -1)

"""The deadline rules in calendar days, without a database."""

from datetime import date as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openwmo.toegang.termijnen import (
    Termijnstatus,
    beschikking_uiterlijk,
    maanden_erbij,
    onderzoek_uiterlijk,
    termijnstatus,
    vervolgstap_uiterlijk,
)


def test_investigation_is_due_six_calendar_weeks_after_the_melding():
    assert onderzoek_uiterlijk(D(2016, 1, 4)) == D(2016, 2, 15)
    assert onderzoek_uiterlijk(D(2015, 12, 28)) == D(2016, 2, 8)  # over the year end, Christmas counts


def test_decision_is_due_two_calendar_weeks_after_the_application():
    assert beschikking_uiterlijk(D(2016, 2, 20)) == D(2016, 3, 5)  # through 29 February of a leap year
    assert beschikking_uiterlijk(D(2015, 2, 20)) == D(2015, 3, 6)


@pytest.mark.parametrize(
    ("einde", "uiterlijk"),
    [
        (D(2016, 12, 31), D(2016, 11, 30)),
        (D(2016, 3, 31), D(2016, 2, 29)),  # leap year
        (D(2015, 3, 31), D(2015, 2, 28)),
        (D(2016, 1, 15), D(2015, 12, 15)),  # over the year boundary
        (D(2016, 5, 31), D(2016, 4, 30)),
    ],
)
def test_next_step_is_due_one_calendar_month_before_the_end(einde, uiterlijk):
    assert vervolgstap_uiterlijk(einde) == uiterlijk


def test_status_near_within_seven_days_passed_after_the_deadline_day():
    uiterlijk = D(2016, 2, 15)
    assert termijnstatus(uiterlijk, D(2016, 2, 7)) == Termijnstatus.OP_TIJD
    assert termijnstatus(uiterlijk, D(2016, 2, 8)) == Termijnstatus.NADERT
    assert termijnstatus(uiterlijk, D(2016, 2, 15)) == Termijnstatus.NADERT  # the last day is still in time
    assert termijnstatus(uiterlijk, D(2016, 2, 16)) == Termijnstatus.VERLOPEN


@given(st.dates(min_value=D(1900, 3, 1), max_value=D(2100, 1, 1)), st.integers(-24, 24))
def test_month_arithmetic_stays_in_the_target_month_and_never_overshoots(dag, n):
    uitkomst = maanden_erbij(dag, n)
    assert (uitkomst.year * 12 + uitkomst.month) - (dag.year * 12 + dag.month) == n
    assert uitkomst.day == dag.day or uitkomst.day < dag.day

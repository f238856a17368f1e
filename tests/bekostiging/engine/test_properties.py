"""Properties that must hold for every input, not only the worked examples."""

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from openwmo.bekostiging.engine.money import round_cents, split_largest_remainder
from openwmo.bekostiging.engine.outputgericht import (
    monthly_amounts,
    period_amounts,
    prorate,
    trajectory_instalments,
)
from openwmo.bekostiging.engine.taakgericht import WijkInput, split_population_budget
from openwmo.bekostiging.engine.verdeling import HistorischeUitgave, regional_split
from openwmo.core.periode import Periode, four_week_period_containing

amounts = st.integers(min_value=0, max_value=10**11).map(lambda cents: Decimal(cents) / 100)
days = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))


@st.composite
def periods(draw, open_allowed=True, max_days=800):
    start = draw(days)
    if open_allowed and draw(st.booleans()):
        return Periode(start)
    return Periode(start, start + timedelta(days=draw(st.integers(0, max_days))))


closed_periods = periods(open_allowed=False)
weights = st.dictionaries(
    st.text(min_size=1, max_size=8), st.integers(min_value=0, max_value=10**9), min_size=1, max_size=12
).filter(lambda w: sum(w.values()) > 0)


@given(amounts, weights)
def test_split_adds_up_exactly_and_each_part_is_within_a_cent(total, w):
    parts = split_largest_remainder(total, w)
    assert sum(parts.values()) == total
    weight_sum = sum(w.values())
    for name, part in parts.items():
        assert part >= 0
        assert abs(part - total * w[name] / weight_sum) < Decimal("0.01")


@given(amounts, st.lists(st.integers(0, 10**6), min_size=1, max_size=10).filter(lambda xs: sum(xs) > 0))
def test_district_split_adds_up(budget, populations):
    wijken = [WijkInput(f"wijk {i}", n, Decimal(i % 3 + 1)) for i, n in enumerate(populations)]
    for key in ("inwoners", "gewogen"):
        result = split_population_budget("C", 2025, budget, wijken, key)
        assert sum(w.bedrag for w in result.wijken) == budget


@given(amounts, st.lists(amounts, min_size=7, max_size=7).filter(lambda xs: sum(xs) > 0))
def test_regional_split_adds_up(total, spend):
    uitgaven = [HistorischeUitgave(f"gemeente {i}", 2020, s) for i, s in enumerate(spend)]
    assert sum(a.bedrag for a in regional_split(total, uitgaven, [2020]).aandelen) == total


@given(amounts, closed_periods, periods())
def test_proration_never_exceeds_the_full_amount(amount, full, covered):
    part = prorate(amount, full, covered)
    assert Decimal("0.00") <= part <= amount
    if covered.contains(full):
        assert part == amount


@given(amounts, periods(open_allowed=False, max_days=200), days)
def test_month_claims_add_up_to_the_period_amounts(tariff, care, anchor):
    lines = period_amounts(tariff, care, "4 weken", anchor)
    assert sum(m.bedrag for m in monthly_amounts(tariff, care, "4 weken", anchor)) == sum(line.bedrag for line in lines)
    assert all(line.bedrag <= tariff for line in lines)


@given(amounts, days, st.integers(1, 60))
def test_instalments_add_up_and_are_never_negative(amount, start, months):
    parts = trajectory_instalments(amount, start, months)
    assert sum(p.bedrag for p in parts) == amount
    assert all(Decimal("0.00") <= p.bedrag for p in parts)
    assert parts[-1].bedrag >= parts[0].bedrag


@given(periods(), periods())
def test_overlap_and_intersection_are_symmetric(a, b):
    assert a.overlaps(b) == b.overlaps(a)
    assert a.intersection(b) == b.intersection(a)
    assert (a.intersection(b) is not None) == a.overlaps(b)
    if a.overlaps(b):
        both = a.intersection(b)
        assert a.contains(both) and b.contains(both)


@given(periods(open_allowed=False, max_days=120), days)
def test_calendar_pieces_partition_the_period(p, anchor):
    for pieces in (p.months(), p.four_week_periods(anchor)):
        assert pieces[0].start == p.start and pieces[-1].eind == p.eind
        assert sum(piece.days() for piece in pieces) == p.days()
        for before, after in zip(pieces, pieces[1:], strict=False):
            assert after.start == before.eind + timedelta(days=1)
    for piece in p.four_week_periods(anchor):
        assert four_week_period_containing(piece.start, anchor).contains(piece)


@given(periods(open_allowed=False, max_days=120))
def test_iso_weeks_match_the_calendar(p):
    every_day = {
        (d.isocalendar().year, d.isocalendar().week) for d in (p.start + timedelta(days=i) for i in range(p.days()))
    }
    assert set(p.iso_weeks()) == every_day
    assert len(p.iso_weeks()) == len(every_day)


@given(st.integers(-(10**9), 10**9), st.integers(0, 4))
def test_round_cents_agrees_with_decimal_half_up(units, exponent):
    value = Decimal(units).scaleb(-exponent)
    assert round_cents(value) == value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

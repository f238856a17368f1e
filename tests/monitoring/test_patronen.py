"""Combination and sequence patterns on plain rows (no database)."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from openwmo.monitoring.patronen import combinaties, volgordes

D = datetime.date
VAN, TOT = D(2017, 1, 1), D(2017, 12, 31)


def test_one_kind_and_pairs_held_at_the_same_time():
    rijen = [
        (1, "IB", D(2017, 1, 1), D(2017, 3, 31)),
        (1, "IB", D(2017, 5, 1), None),  # same kind twice: still "enkelvoudig"
        (2, "HH", D(2016, 1, 1), None),
        (2, "IB", D(2017, 2, 1), D(2017, 2, 28)),  # with HH at the same time
        (2, "DB", D(2017, 6, 1), D(2017, 6, 30)),  # with HH too, not with IB
        (3, "HH", D(2016, 1, 1), D(2016, 12, 31)),  # ended before the period: not in it
        (3, "IB", D(2017, 1, 1), D(2017, 1, 31)),
    ]
    uitkomst = combinaties(rijen, VAN, TOT)
    assert uitkomst.clienten == 3
    assert uitkomst.enkelvoudig == 2
    assert uitkomst.paren == {("HH", "IB"): 1, ("DB", "HH"): 1}


def test_overlap_outside_the_period_is_not_at_the_same_time():
    rijen = [(1, "HH", D(2016, 1, 1), D(2017, 1, 5)), (1, "IB", D(2016, 6, 1), D(2016, 12, 31))]
    uitkomst = combinaties(rijen, VAN, TOT)
    assert uitkomst.paren == {}
    assert uitkomst.enkelvoudig == 1


def test_sequence_counts_b_after_a_within_n_months_of_a_ending():
    rijen = [
        (1, "KAB", D(2017, 1, 1), D(2017, 3, 31)),
        (1, "IB", D(2017, 9, 30), None),  # 6 months after 31 March: still inside
        (2, "KAB", D(2017, 2, 1), D(2017, 2, 28)),
        (2, "IB", D(2017, 9, 1), None),  # more than 6 months after 28 February
        (3, "KAB", D(2017, 4, 1), None),
        (3, "IB", D(2019, 1, 1), None),  # KAB still running: any later start follows
        (4, "IB", D(2016, 1, 1), None),
        (4, "KAB", D(2017, 5, 1), D(2017, 5, 31)),  # IB began before KAB: not "followed"
        (5, "KAB", D(2016, 5, 1), D(2016, 5, 31)),  # KAB started before the period
        (5, "IB", D(2016, 6, 1), None),
    ]
    uitkomst = volgordes(rijen, VAN, TOT, maanden=6)
    assert uitkomst.met_a == {"KAB": 4, "IB": 2}
    assert uitkomst.gevolgd == {("KAB", "IB"): 2}


@given(
    st.lists(
        st.tuples(
            st.integers(1, 5),
            st.sampled_from(["HH", "IB", "DB"]),
            st.dates(D(2016, 1, 1), D(2018, 12, 31)),
            st.one_of(st.none(), st.integers(0, 400)),
        ),
        max_size=30,
    )
)
def test_shares_never_exceed_their_totals(ruw):
    rijen = [(c, s, start, None if d is None else start + datetime.timedelta(days=d)) for c, s, start, d in ruw]
    uitkomst = combinaties(rijen, VAN, TOT)
    assert 0 <= uitkomst.enkelvoudig <= uitkomst.clienten
    assert all(n <= uitkomst.clienten - uitkomst.enkelvoudig for n in uitkomst.paren.values())
    volg = volgordes(rijen, VAN, TOT, 6)
    assert all(n <= volg.met_a[a] for (a, _b), n in volg.gevolgd.items())

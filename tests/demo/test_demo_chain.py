"""The track construction hits any feasible targets exactly (property test)."""

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from openwmo.demo.planner.chain import DateTarget, solve_chain, split

DATES = [dt.date(2014, 12, 31), dt.date(2015, 12, 31), dt.date(2017, 1, 1), dt.date(2018, 1, 1)]


@settings(max_examples=60, deadline=None)
@given(
    clients=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), min_size=4, max_size=4),
    extra_share=st.floats(0, 1.5),
    meervoudig=st.booleans(),
    seed=st.integers(0, 10**6),
)
def test_tracks_reproduce_targets(clients, extra_share, meervoudig, seed):
    producten = ("A", "B")
    targets = []
    for a, b in clients:
        n = a + b
        extras = round(n * extra_share) if meervoudig else min(n, round(n * extra_share / 3))
        targets.append(DateTarget({"A": a, "B": b}, extras))
    tracks = solve_chain(random.Random(seed), DATES, targets, producten, meervoudig, 30, 0.2)
    for t, target in enumerate(targets):
        states = [tr[t] for tr in tracks if tr[t]]
        assert len(states) == target.clients
        assert sum(len(s) for s in states) == target.clients + target.extras
        if not meervoudig:
            assert all(len(set(s)) == len(s) for s in states)


def test_split_is_exact_and_largest_remainder():
    assert split(10, {"a": 1, "b": 1, "c": 1}) == {"a": 4, "b": 3, "c": 3}
    assert sum(split(1537, {"x": 0.88, "y": 0.12}).values()) == 1537

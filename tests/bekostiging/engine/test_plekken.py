from decimal import Decimal
from fractions import Fraction

import pytest

from openwmo.bekostiging.engine.plekken import Trajectvraag, places_needed, trajectories_per_place


def test_trajectories_per_place():
    assert trajectories_per_place(3) == 4  # 12 / 3
    assert trajectories_per_place(Decimal("1.5")) == 8  # 12 / 1.5
    assert trajectories_per_place(7) == Fraction(12, 7)  # exact, not 1.714…


def test_places_for_a_mix_of_durations():
    # 30 trajectories of 3 months + 20 of 6 months + 10 of 12 months per year:
    # place-months 30×3 + 20×6 + 10×12 = 90 + 120 + 120 = 330 → 330 / 12 = 27.5 places → 28.
    # Same via the mean: 60 trajectories, mean duration 330/60 = 5.5 months, 12/5.5 per place,
    # 60 / (12/5.5) = 27.5.
    need = places_needed([Trajectvraag(30, 3), Trajectvraag(20, 6), Trajectvraag(10, 12)])
    assert need.exact == Fraction(55, 2)
    assert need.plekken == 28
    assert need.trajecten_per_jaar == 60
    assert need.gemiddelde_duur_maanden == Fraction(11, 2)


def test_exact_whole_number_is_not_rounded_up():
    # 8 trajectories of 3 months → 24 / 12 = 2 places exactly.
    assert places_needed([Trajectvraag(8, 3)]).plekken == 2
    assert places_needed([]).plekken == 0


def test_bad_demand():
    with pytest.raises(ValueError, match="duur_maanden: a trajectory lasts more than 0 months"):
        Trajectvraag(5, 0)
    with pytest.raises(ValueError, match="aantal_per_jaar: must be zero or more"):
        Trajectvraag(-5, 3)

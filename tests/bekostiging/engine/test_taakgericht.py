from decimal import Decimal
from fractions import Fraction

import pytest

from openwmo.bekostiging.engine.taakgericht import WijkInput, split_population_budget

# Zoetermeer's six districts (seed 003); populations and weights are illustrative.
WIJKEN = [
    WijkInput("Buytenwegh De Leyens", 20_000, Decimal("1.0")),
    WijkInput("Centrum", 15_000, Decimal("1.2")),
    WijkInput("Oosterheem", 30_000, Decimal("0.9")),
    WijkInput("Rokkeveen", 15_000, Decimal("1.0")),
    WijkInput("Meerzicht", 12_000, Decimal("1.3")),
    WijkInput("Noordhove-Seghwaert", 8_000, Decimal("1.1")),
]


def amounts(verdeling):
    return {w.naam: w.bedrag for w in verdeling.wijken}


def test_split_by_population():
    # 600,000 × population / 100,000 inhabitants: every share is a whole amount.
    result = split_population_budget("Consortium Zoetermeer", 2021, Decimal("600000.00"), WIJKEN)
    assert amounts(result) == {
        "Buytenwegh De Leyens": Decimal("120000.00"),
        "Centrum": Decimal("90000.00"),
        "Oosterheem": Decimal("180000.00"),
        "Rokkeveen": Decimal("90000.00"),
        "Meerzicht": Decimal("72000.00"),
        "Noordhove-Seghwaert": Decimal("48000.00"),
    }
    assert result.wijken[0].aandeel == Fraction(1, 5)


def test_split_by_weighted_population_adds_up_to_the_cent():
    # Keys: 20,000; 18,000; 27,000; 15,000; 15,600; 8,800 → sum 104,400.
    # Exact amounts = key × 600,000 / 104,400 = key × 500 / 87:
    #   Buytenwegh 114,942.52|87  Centrum 103,448.27|59  Oosterheem 155,172.41|38
    #   Rokkeveen   86,206.89|66  Meerzicht 89,655.17|24 Noordhove  50,574.71|26   (| = cent fraction)
    # Floors add up to 599,999.97; the 3 missing cents go to the largest remainders: .87, .66, .59.
    result = split_population_budget("Consortium Zoetermeer", 2021, Decimal("600000.00"), WIJKEN, "gewogen")
    assert amounts(result) == {
        "Buytenwegh De Leyens": Decimal("114942.53"),
        "Centrum": Decimal("103448.28"),
        "Oosterheem": Decimal("155172.41"),
        "Rokkeveen": Decimal("86206.90"),
        "Meerzicht": Decimal("89655.17"),
        "Noordhove-Seghwaert": Decimal("50574.71"),
    }
    assert sum(amounts(result).values()) == Decimal("600000.00")


def test_bad_districts():
    with pytest.raises(ValueError, match="district names must be unique"):
        split_population_budget("C", 2021, Decimal("1.00"), [WijkInput("A", 1), WijkInput("A", 2)])
    with pytest.raises(ValueError, match="WijkInput.inwoners of 'A'"):
        WijkInput("A", -5)
    with pytest.raises(ValueError, match="WijkInput.gewicht of 'A': must be zero or more"):
        WijkInput("A", 5, Decimal("-1"))
    with pytest.raises(ValueError, match="budget: an amount has at most 2 decimals"):
        split_population_budget("C", 2021, Decimal("1.001"), [WijkInput("A", 1)])

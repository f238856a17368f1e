from decimal import Decimal

import pytest

from openwmo.bekostiging.engine.subsidie import Subsidie, totals_per_year

# Zoetermeer, Tabel 3: grants to welfare organisations in 2017 (seed 003), total €6,068,505.
ZOETERMEER_2017 = {
    "Palet Welzijn": 1527771,
    "Stichting MEE": 1344000,
    "Kwadraad": 1313920,
    "Stichting Mooi": 860296,
    "Stichting Piezo (excl. vluchtelingenwerk)": 490320,
    "Parnassia": 264636,
    "Vierstroom": 52961,
    "Buddy Netwerk": 52502,
    "Parnassia Bavo Groep": 46038,
    "GGZ Rivierduinen": 45028,
    "STAK": 37470,
    "Limor": 33563,
}


def test_zoetermeer_2017_total_matches_the_seed():
    grants = [Subsidie(org, 2017, Decimal(amount)) for org, amount in ZOETERMEER_2017.items()]
    (year,) = totals_per_year(grants)
    assert year.jaar == 2017
    assert year.totaal == Decimal("6068505.00")
    assert year.per_organisatie[0] == ("Palet Welzijn", Decimal("1527771.00"))
    assert len(year.per_organisatie) == 12


def test_grants_to_one_organisation_add_up_and_years_stay_apart():
    grants = [
        Subsidie("Stichting MEE", 2018, Decimal("1300000.00"), "basissubsidie"),
        Subsidie("Stichting MEE", 2018, Decimal("44000.50"), "project"),
        Subsidie("Kwadraad", 2017, Decimal("1313920.00")),
    ]
    totals = totals_per_year(grants)
    assert [(t.jaar, t.totaal) for t in totals] == [
        (2017, Decimal("1313920.00")),
        (2018, Decimal("1344000.50")),
    ]
    assert totals[1].per_organisatie == (("Stichting MEE", Decimal("1344000.50")),)


def test_bad_grants():
    with pytest.raises(ValueError, match="Subsidie.bedrag of Limor 2017: must be zero or more"):
        Subsidie("Limor", 2017, Decimal("-1.00"))
    with pytest.raises(ValueError, match="got float"):
        Subsidie("Limor", 2017, 33563.0)

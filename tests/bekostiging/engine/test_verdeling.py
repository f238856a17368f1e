from decimal import Decimal

import pytest

from openwmo.bekostiging.engine.verdeling import HistorischeUitgave, regional_split

# Noord-Limburg's seven municipalities (seed 004). The spend figures are illustrative.
SPEND = {  # 2019, 2020
    "Beesel": (50_000, 50_001),
    "Bergen (L.)": (65_000, 65_000),
    "Gennep": (85_001, 85_001),
    "Horst aan de Maas": (210_000, 210_001),
    "Peel en Maas": (215_000, 215_000),
    "Venlo": (600_000, 600_000),
    "Venray": (275_000, 274_996),
}
UITGAVEN = [
    HistorischeUitgave(name, year, Decimal(amount))
    for name, amounts in SPEND.items()
    for year, amount in zip((2019, 2020), amounts, strict=True)
] + [HistorischeUitgave(name, 2018, Decimal("999999.99")) for name in SPEND]  # not chosen


def test_seven_municipal_shares_add_up_to_the_cent():
    # Keys (2019 + 2020): 100,001 / 130,000 / 170,002 / 420,001 / 430,000 / 1,200,000 / 549,996
    # = 3,000,000 in total. Budget 1,000,000.00 = 100,000,000 cents → quota = key × 100 / 3 cents:
    #   Beesel 3,333,366 ⅔; Bergen 4,333,333 ⅓; Gennep 5,666,733 ⅓; Horst 14,000,033 ⅓;
    #   Peel en Maas 14,333,333 ⅓; Venlo 40,000,000; Venray 18,333,200.
    # Floors add up to 99,999,998: 2 cents missing. First to Beesel (remainder ⅔), then one of the
    # four tied ⅓ remainders, by name: "Bergen (L.)".
    result = regional_split(Decimal("1000000.00"), UITGAVEN, [2019, 2020])
    assert {a.gemeente: a.bedrag for a in result.aandelen} == {
        "Beesel": Decimal("33333.67"),
        "Bergen (L.)": Decimal("43333.34"),
        "Gennep": Decimal("56667.33"),
        "Horst aan de Maas": Decimal("140000.33"),
        "Peel en Maas": Decimal("143333.33"),
        "Venlo": Decimal("400000.00"),
        "Venray": Decimal("183332.00"),
    }
    assert sum(a.bedrag for a in result.aandelen) == Decimal("1000000.00")
    assert result.jaren == (2019, 2020)
    beesel = result.aandelen[0]
    assert beesel.historisch == Decimal("100001")
    assert beesel.percentage == Decimal("3.33")  # 100,001 / 3,000,000 = 3.3334% (display only)


def test_input_order_does_not_change_the_outcome():
    forward = regional_split(Decimal("1000000.00"), UITGAVEN, [2019, 2020])
    backward = regional_split(Decimal("1000000.00"), list(reversed(UITGAVEN)), [2020, 2019])
    assert {a.gemeente: a.bedrag for a in forward.aandelen} == {a.gemeente: a.bedrag for a in backward.aandelen}


def test_missing_or_double_figures_are_refused():
    with pytest.raises(ValueError, match=r"Venlo has no figure for \[2021\]; give 0.00"):
        regional_split(Decimal("1.00"), [HistorischeUitgave("Venlo", 2020, Decimal(1))], [2020, 2021])
    twice = [HistorischeUitgave("Venlo", 2020, Decimal(1)), HistorischeUitgave("Venlo", 2020, Decimal(2))]
    with pytest.raises(ValueError, match="Venlo has more than one figure for 2020"):
        regional_split(Decimal("1.00"), twice, [2020])
    with pytest.raises(ValueError, match="HistorischeUitgave.bedrag of Venlo 2020: must be zero or more"):
        HistorischeUitgave("Venlo", 2020, Decimal("-1.00"))

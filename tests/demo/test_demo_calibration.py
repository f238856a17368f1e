"""The Rijswijk plan reproduces the seed's tables (seeds/000 Tabel 1, Tabel 2, Bijlage 1; seeds/001)."""

import datetime as dt

import pytest

from openwmo.demo.planner import (
    SOORT_PRODUCTEN,
    count_active,
    count_clients,
    pct_change,
    pct_share,
    seed_tables,
)

RIJSWIJK = "0603"

# The seed's figures as literals, so this test means something without the shared folder.
EXPECTED = {
    "tabel_1_zin_plus_pgb": {
        "hulp_bij_het_huishouden": [1539, 1538, 1426, 1419],
        "rolstoelvoorziening": [1018, 706, 935, 645],
        "vervoervoorziening": [1891, 1550, 1866, 1521],
        "woonvoorziening": [2100, 1296, 1970, 1220],
    },
    "tabel_2_indicaties_begeleiding": {
        "totaal": [544, 570, 4],
        "individuele_begeleiding": [378, 365, -4],
        "dagbesteding": [166, 203, 22],
    },
    "bijlage_1_2_zwaarte_individuele_begeleiding": {
        "basis": [211, 56, 92, 25],
        "speciaal": [167, 44, 273, 75],
        "totaal": [378, 100, 365, 100],
    },
    "bijlage_1_3_zwaarte_dagbesteding": {
        "licht": [60, 36, 33, 16],
        "basis": [18, 11, 34, 17],
        "speciaal": [88, 53, 136, 67],
        "totaal": [166, 100, 203, 100],
    },
    "clients_2017_01_01": {"hulp_bij_het_huishouden": 1372, "begeleiding": 505},
}


@pytest.fixture(scope="module")
def tables(rijswijk_plan):
    return seed_tables(rijswijk_plan, RIJSWIJK)


@pytest.mark.parametrize("table", sorted(EXPECTED))
def test_plan_reproduces_literal_seed_table(tables, table):
    assert tables[table] == EXPECTED[table]


@pytest.mark.parametrize("table", sorted(k for k in EXPECTED if k != "clients_2017_01_01"))
def test_plan_reproduces_seed_figures_yaml(tables, seed_figures, table):
    reference = seed_figures["rijswijk_2017_plan"][table]
    rows = {k: v for k, v in reference.items() if k != "columns"}
    assert tables[table] == rows


def test_plan_reproduces_clients_2017_from_seed_figures_yaml(tables, seed_figures):
    assert tables["clients_2017_01_01"] == seed_figures["rijswijk_2018_council"]["clients_2017_01_01"]


def test_tabel_1_counts_use_the_inclusive_one_day_boundaries(rijswijk_plan):
    hh = SOORT_PRODUCTEN["hulp_bij_het_huishouden"]
    # Tabel 1 is at 31-12; exactly one client holds two HH allocations on 31-12-2014, seven on 31-12-2015
    assert (
        count_active(rijswijk_plan, hh, dt.date(2014, 12, 31)) - count_clients(rijswijk_plan, hh, dt.date(2014, 12, 31))
        == 1
    )
    assert (
        count_active(rijswijk_plan, hh, dt.date(2015, 12, 31)) - count_clients(rijswijk_plan, hh, dt.date(2015, 12, 31))
        == 7
    )
    # begeleiding only entered the Wmo on 1-1-2015: nothing is active the day before
    begeleiding = SOORT_PRODUCTEN["individuele_begeleiding"] + SOORT_PRODUCTEN["dagbesteding"]
    assert count_active(rijswijk_plan, begeleiding, dt.date(2014, 12, 31)) == 0


def test_percentages_come_out_of_the_counts():
    # shares: whole percent, half-up (211/378 = 55.8 -> 56, 34/203 = 16.7 -> 17, 136/203 = 66.99 -> 67)
    assert [pct_share(n, 378) for n in (211, 167)] == [56, 44]
    assert [pct_share(n, 365) for n in (92, 273)] == [25, 75]
    assert [pct_share(n, 166) for n in (60, 18, 88)] == [36, 11, 53]
    assert [pct_share(n, 203) for n in (33, 34, 136)] == [16, 17, 67]
    # changes: only rounding down reproduces the printed 4, -4, 22 (half-up gives 5, -3, 22)
    assert [pct_change(544, 570), pct_change(378, 365), pct_change(166, 203)] == [4, -4, 22]

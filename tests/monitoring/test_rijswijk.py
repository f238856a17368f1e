"""Rijswijk's tables from the seed (seeds/000), computed by the reports from record-level data.

The records come from the demo planner for Rijswijk alone, stored in the database; every number the
reports print must equal seed-figures.yaml (and the literal values below, so the test keeps its meaning
where the shared folder is absent).
"""

import datetime
import os
from pathlib import Path

import pytest
import yaml

from openwmo.core.models import Gemeente
from openwmo.demo.planner import plan
from openwmo.demo.scenario import load_scenario
from openwmo.demo.schrijver import plan_opslaan
from openwmo.monitoring.tabellen import RAPPORTEN, Scope

D = datetime.date
REFERENTIE = Path(os.environ.get("OPENWMO_IWMO_REFERENCE", Path(__file__).parents[2] / ".." / "shared" / "reference"))

TABEL_1 = {  # voorzieningen, cliënten at 31-12-2014; voorzieningen, cliënten at 31-12-2015
    "Hulp bij het huishouden": [1539, 1538, 1426, 1419],
    "Rolstoelvoorziening": [1018, 706, 935, 645],
    "Vervoervoorziening": [1891, 1550, 1866, 1521],
    "Woonvoorziening": [2100, 1296, 1970, 1220],
}
TABEL_2 = {"Totaal": [544, 570, 4], "Individuele begeleiding": [378, 365, -4], "Dagbesteding": [166, 203, 22]}
BIJLAGE_1_2 = {"basis": [211, 56, 92, 25], "speciaal": [167, 44, 273, 75], "totaal": [378, 100, 365, 100]}
BIJLAGE_1_3 = {
    "licht": [60, 36, 33, 16],
    "basis": [18, 11, 34, 17],
    "speciaal": [88, 53, 136, 67],
    "totaal": [166, 100, 203, 100],
}


def _rijen(naam, peildatum):
    scope = Scope(gemeenten=(Gemeente.objects.get(cbs_code="0603"),), peildatum=peildatum)
    return {rij[0]: rij[1:] for rij in RAPPORTEN[naam].maak(scope).rijen}


@pytest.fixture
def rijswijk_records(referentie):
    scenario = load_scenario().restricted_to("0603")
    plan_opslaan(scenario, plan(scenario, seed=2017))


def test_reports_reproduce_rijswijk_tables(rijswijk_records):
    tabel_1 = _rijen("voorzieningen-per-soort", D(2015, 12, 31))
    tabel_2 = _rijen("indicaties-begeleiding", D(2016, 1, 1))
    bijlage_1_2 = _rijen("zwaarte-individuele-begeleiding", D(2016, 1, 1))
    bijlage_1_3 = _rijen("zwaarte-dagbesteding", D(2016, 1, 1))
    clienten_2017 = _rijen("clienten-hh-begeleiding", D(2017, 1, 1))

    assert {k: tabel_1[k] for k in TABEL_1} == TABEL_1
    assert {k: tabel_2[k] for k in TABEL_2} == TABEL_2
    assert bijlage_1_2 == BIJLAGE_1_2
    assert bijlage_1_3 == BIJLAGE_1_3
    assert clienten_2017 == {
        "Hulp bij het huishouden": [1372],
        "Begeleiding (individueel of dagbesteding)": [505],
    }

    bestand = REFERENTIE / "seed-figures.yaml"
    if not bestand.exists():
        pytest.skip(f"{bestand} ontbreekt; de vaste waarden hierboven zijn wel gecontroleerd.")
    seed = yaml.safe_load(bestand.read_text(encoding="utf-8"))["rijswijk_2017_plan"]
    namen = dict(zip(seed["tabel_1_zin_plus_pgb"], ["columns", *TABEL_1], strict=True))
    for sleutel, naam in namen.items():
        if sleutel != "columns":
            assert tabel_1[naam] == seed["tabel_1_zin_plus_pgb"][sleutel]
    for sleutel, naam in (
        ("totaal", "Totaal"),
        ("individuele_begeleiding", "Individuele begeleiding"),
        ("dagbesteding", "Dagbesteding"),
    ):
        assert tabel_2[naam] == seed["tabel_2_indicaties_begeleiding"][sleutel]
    for sleutel, waarden in seed["bijlage_1_2_zwaarte_individuele_begeleiding"].items():
        if sleutel != "columns":
            assert bijlage_1_2[sleutel] == waarden
    for sleutel, waarden in seed["bijlage_1_3_zwaarte_dagbesteding"].items():
        if sleutel != "columns":
            assert bijlage_1_3[sleutel] == waarden
    verwacht_2017 = yaml.safe_load(bestand.read_text(encoding="utf-8"))["rijswijk_2018_council"]["clients_2017_01_01"]
    assert clienten_2017["Hulp bij het huishouden"] == [verwacht_2017["hulp_bij_het_huishouden"]]
    assert clienten_2017["Begeleiding (individueel of dagbesteding)"] == [verwacht_2017["begeleiding"]]

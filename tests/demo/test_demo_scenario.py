"""Scenario loading: the packaged scenarios are valid, and a malformed file gets a clear error."""

import copy
import datetime as dt
import re
from decimal import Decimal

import pytest
import yaml

from openwmo.demo.scenario import SCENARIO_DIR, ScenarioError, load_scenario

RAW = yaml.safe_load((SCENARIO_DIR / "h4.yaml").read_text(encoding="utf-8"))


def _load_modified(tmp_path, change):
    raw = copy.deepcopy(RAW)
    change(raw)
    path = tmp_path / "scenario.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return load_scenario(path)


def test_h4_scenario_describes_the_region(scenario):
    assert {g.cbs: g.naam for g in scenario.gemeenten} == {
        "0503": "Delft",
        "1842": "Midden-Delfland",
        "0603": "Rijswijk",
        "1783": "Westland",
    }
    for g in scenario.gemeenten:
        for year, total in g.inwoners.items():
            assert sum(w.inwoners[year] for w in g.wijken) == total
    assert all(len(a.agb) == 8 and len(a.kvk) == 8 for a in scenario.aanbieders)
    assert {a.soort for a in scenario.aanbieders} == {"zorg", "welzijn"}
    sv = scenario.samenwerkingsverbanden[0]
    assert sv.penvoerder in sv.leden
    first = scenario.aanbestedingen[0]
    assert first.procedure == "bestuurlijk_aanbesteden"
    assert {p.soort for p in first.percelen} == {"regionaal", "lokaal"}
    assert all(
        (c.start, c.looptijd_jaren, c.verlenging_jaren) == (dt.date(2015, 1, 1), 2, 2)
        for c in first.contracten
        if c.start == dt.date(2015, 1, 1)
    )
    assert any(t.key == "h4-2019" for t in scenario.aanbestedingen)


def test_tariffs_are_indexed_yearly_half_up(scenario):
    assert scenario.tarief("01A01", 2014) == Decimal("24.50")
    assert scenario.tarief("01A01", 2015) == Decimal("24.75")  # 24.50 * 1.010 = 24.745 -> 24.75
    assert scenario.tarief("13X01", 2026) == Decimal("1.00")  # amounts in euro are not indexed
    assert all(scenario.tarief(p, y) > 0 for p in scenario.tarief_basis for y in range(2014, 2027))


def test_rijswijk_scenario_is_the_calibrated_municipality_only(rijswijk_scenario):
    assert [g.cbs for g in rijswijk_scenario.gemeenten] == ["0603"]
    assert rijswijk_scenario.kalibratie.gemeente == "0603"
    assert rijswijk_scenario.kalibratie.tabel_1["hulp_bij_het_huishouden"] == (1539, 1538, 1426, 1419)


def _drop(path):
    def change(raw):
        *parents, last = path
        node = raw
        for p in parents:
            node = node[p]
        del node[last]

    return change


def _set(path, value):
    def change(raw):
        *parents, last = path
        node = raw
        for p in parents:
            node = node[p]
        node[last] = value

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_drop(["groepen", "HH", "per_1000"]), "groepen.HH.per_1000: required field is missing"),
        (_set(["groepen", "HH", "per_1000"], "many"), "groepen.HH.per_1000: must be dict"),
        (_set(["groepen", "RV", "mix", 2015], {"11X01": 0.5, "11X02": 0.4}), "groepen.RV.mix.2015"),
        (_set(["groepen", "HH", "producten"], ["01A01", "99Z99"]), "groepen.HH.producten: '99Z99'"),
        (_set(["groepen", "HH", "meervoudig"], True), "groepen.HH.meervoudig: only categories 11-14"),
        (_set(["aanbieders", 0, "agb"], "9810001"), "aanbieders[0].agb: must be a string of 8 digits"),
        (_set(["gemeenten", 2, "wijken", 0, "inwoners", 2014], 1), "gemeenten[2].wijken: inhabitants 2014"),
        (
            _set(["gemeenten", 0, "cbs"], "9999"),
            "gemeenten[0].cbs: '9999' is not in reference/gemeenten.yaml",
        ),
        (_set(["gemeenten", 1, "wijken", 0, "postcodes"], ["315"]), "gemeenten[1].wijken[0].postcodes"),
        (
            _set(["aanbestedingen", 0, "contracten", 0, "aanbieder"], "nobody"),
            "contracten[0].aanbieder: unknown",
        ),
        (_set(["aanbestedingen", 0, "contracten", 0, "eind"], dt.date(2030, 1, 1)), "contracten[0].eind"),
        (
            _set(["aanbestedingen", 2, "contracten"], []),
            "no contract for product 07A01 in Delft (0503) on 2019-01-01",
        ),
        (
            _set(["kalibratie", "tabel_1_zin_plus_pgb", "rolstoelvoorziening"], [1018, 706]),
            "kalibratie.tabel_1_zin_plus_pgb.rolstoelvoorziening: must be 4 whole numbers",
        ),
        (_drop(["tarieven", "indexatie_pct", 2020]), "tarieven.indexatie_pct: missing years [2020]"),
        (_set(["gedrag", "evaluatie_aandeel"], 1.5), "gedrag.evaluatie_aandeel: must be between 0 and 1"),
    ],
)
def test_malformed_scenario_names_the_field(tmp_path, change, message):
    with pytest.raises(ScenarioError, match=re.escape(message)):
        _load_modified(tmp_path, change)


def test_invalid_yaml_is_reported(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("naam: [unclosed\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match="not valid YAML"):
        load_scenario(path)

"""Scenarios: the same demand priced under another model, with hand-computed expectations."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from openwmo.bekostiging.models import Scenario, ScenarioUitkomst
from openwmo.bekostiging.scenario import berekenen, parameters_lezen
from openwmo.bekostiging.selectors import uitkomst_per
from openwmo.bekostiging.services import scenario_create
from openwmo.core.models import Verwerking

D = datetime.date


@pytest.fixture
def vraag(wereld):
    """2025: Rijswijk 4 weeks of 3 h/week (720.00) and 6 weeks (1,080.00); Delft 4 weeks (720.00)."""
    wereld.toewijzing(wereld.rijswijk, D(2025, 1, 1), D(2025, 1, 28))
    wereld.toewijzing(wereld.rijswijk, D(2025, 1, 1), D(2025, 2, 11))
    wereld.toewijzing(wereld.delft, D(2025, 3, 3), D(2025, 3, 30))
    return wereld


def _per_gemeente(uitkomst, wereld):
    namen = {wereld.rijswijk.pk: "Rijswijk", wereld.delft.pk: "Delft"}
    totalen = {}
    for r in uitkomst.regels:
        w, s = totalen.get(namen[r.gemeente_id], (Decimal(0), Decimal(0)))
        totalen[namen[r.gemeente_id]] = (w + r.werkelijk, s + r.scenario)
    return totalen


def test_tariff_index_prices_the_same_allocations_at_indexed_tariffs(vraag):
    uitkomst = berekenen(
        [vraag.rijswijk, vraag.delft], 2025, "tarief_index", parameters_lezen("tarief_index", {"percentage": "10"})
    )
    # €60.00 + 10% = €66.00: 10 weeks × 3 h × 66 = 1980.00 in Rijswijk, 4 × 3 × 66 = 792.00 in Delft.
    assert _per_gemeente(uitkomst, vraag) == {
        "Rijswijk": (Decimal("1800.00"), Decimal("1980.00")),
        "Delft": (Decimal("720.00"), Decimal("792.00")),
    }
    assert uitkomst.aantal_toewijzingen == 3 and uitkomst.zonder_tarief == 0


def test_output_per_four_weeks_counts_from_each_allocations_start(vraag):
    parameters = parameters_lezen("output_per_4_weken", {"tarief": "500,00"})
    uitkomst = berekenen([vraag.rijswijk, vraag.delft], 2025, "output_per_4_weken", parameters)
    # Rijswijk: 28 days = one period (500.00); 42 days = 500.00 + 14/28 × 500.00 = 750.00. Delft: 500.00.
    assert _per_gemeente(uitkomst, vraag) == {
        "Rijswijk": (Decimal("1800.00"), Decimal("1250.00")),
        "Delft": (Decimal("720.00"), Decimal("500.00")),
    }


def test_output_tariff_per_product_code_leaves_other_products_at_their_actual_price(vraag):
    parameters = parameters_lezen("output_per_4_weken", {"tarieven": {"10a01": "450"}})
    uitkomst = berekenen([vraag.rijswijk], 2025, "output_per_4_weken", parameters)
    assert uitkomst.totaal_scenario == uitkomst.totaal_werkelijk == Decimal("1800.00")


def test_population_budget_with_efficiency_cut_split_by_inhabitants(vraag):
    parameters = parameters_lezen("populatiebudget", {"korting_pct": "10"})
    uitkomst = berekenen([vraag.rijswijk, vraag.delft], 2025, "populatiebudget", parameters)
    # Region actual 2520.00 − 10% = 2268.00; inhabitants 30,000 : 10,000 → 1701.00 and 567.00.
    assert _per_gemeente(uitkomst, vraag) == {
        "Rijswijk": (Decimal("1800.00"), Decimal("1701.00")),
        "Delft": (Decimal("720.00"), Decimal("567.00")),
    }
    # Within Rijswijk both allocations are the same provider and product: one row.
    assert len(uitkomst.regels) == 2


def test_population_budget_split_by_actual_spend(vraag):
    parameters = parameters_lezen("populatiebudget", {"korting_pct": "10", "sleutel": "historisch"})
    uitkomst = berekenen([vraag.rijswijk, vraag.delft], 2025, "populatiebudget", parameters)
    assert _per_gemeente(uitkomst, vraag) == {
        "Rijswijk": (Decimal("1800.00"), Decimal("1620.00")),
        "Delft": (Decimal("720.00"), Decimal("648.00")),
    }


@pytest.mark.parametrize(
    ("model", "data", "veld", "melding"),
    [
        ("tarief_index", {}, "percentage", "Vul het percentage in waarmee alle tarieven veranderen."),
        ("tarief_index", {"percentage": "drie"}, "percentage", "Vul een getal in, bijvoorbeeld 3,5."),
        (
            "output_per_4_weken",
            {},
            "tarief",
            "Vul een outputtarief per 4 weken in, voor alle producten of per productcode.",
        ),
        ("output_per_4_weken", {"tarief": "-1"}, "tarief", "De waarde moet minstens 0 zijn."),
        ("populatiebudget", {"korting_pct": "100"}, "korting_pct", "De waarde mag hooguit 99.99 zijn."),
        (
            "populatiebudget",
            {"korting_pct": "5", "sleutel": "wijk"},
            "sleutel",
            "Kies de verdeelsleutel 'inwoners' of 'historisch'.",
        ),
        ("onbekend", {}, "model", "Onbekend bekostigingsmodel: onbekend."),
    ],
)
def test_bad_parameters_are_refused_in_dutch_naming_the_field(model, data, veld, melding):
    with pytest.raises(ValidationError) as fout:
        parameters_lezen(model, data)
    assert fout.value.message_dict[veld] == [melding]


def test_saved_scenario_keeps_rows_that_add_up_and_logs(vraag):
    scenario = scenario_create(
        user=None,
        naam="Index 10%",
        jaar=2025,
        gemeenten=[vraag.rijswijk, vraag.delft],
        model="tarief_index",
        parameters={"percentage": "10"},
    )
    assert scenario.parameters == {"percentage": "10.00"}
    assert (scenario.totaal_werkelijk, scenario.totaal_scenario, scenario.verschil) == (
        Decimal("2520.00"),
        Decimal("2772.00"),
        Decimal("252.00"),
    )
    assert [(r["naam"], r["verschil"]) for r in uitkomst_per(scenario, "gemeente")] == [
        ("Delft", Decimal("72.00")),
        ("Rijswijk", Decimal("180.00")),
    ]
    assert [(r["naam"], r["aantal"]) for r in uitkomst_per(scenario, "aanbieder")] == [("Zorg BV", 3)]
    assert Verwerking.objects.filter(verwerkingsactiviteit="Scenario berekenen", object_id=str(scenario.pk)).exists()


def test_scenario_with_bad_parameters_saves_nothing(vraag):
    with pytest.raises(ValidationError):
        scenario_create(user=None, naam="x", jaar=2025, gemeenten=[vraag.rijswijk], model="tarief_index", parameters={})
    assert not Scenario.objects.exists() and not ScenarioUitkomst.objects.exists()


def test_command_prints_json_per_municipality_provider_and_product(vraag, capsys):
    call_command(
        "scenario",
        "--jaar",
        "2025",
        "--regio",
        "H4",
        "--model",
        "output_per_4_weken",
        "--param",
        "tarief=500",
        "--format",
        "json",
    )
    uitvoer = json.loads(capsys.readouterr().out)
    assert uitvoer["totaal"] == {"werkelijk": "2520.00", "scenario": "1750.00", "verschil": "-770.00"}
    assert [(r["naam"], r["scenario"]) for r in uitvoer["per_gemeente"]] == [
        ("Delft", "500.00"),
        ("Rijswijk", "1250.00"),
    ]
    assert uitvoer["per_product"][0]["naam"] == "02A01"
    assert uitvoer["aantal_toewijzingen"] == 3
    assert not Scenario.objects.exists()


def test_command_table_and_save(vraag, capsys):
    call_command(
        "scenario",
        "--jaar",
        "2025",
        "--gemeente",
        "0603",
        "--model",
        "tarief_index",
        "--param",
        "percentage=10",
        "--opslaan",
        "CLI",
    )
    uitvoer = capsys.readouterr().out
    assert "Rijswijk" in uitvoer and "Delft" not in uitvoer
    assert uitvoer.rstrip().splitlines()[-1].split() == ["Totaal", "1800.00", "1980.00", "180.00"]
    assert Scenario.objects.get().naam == "CLI"


def test_command_explains_bad_input(vraag):
    with pytest.raises(CommandError, match="percentage: Vul een getal in"):
        call_command(
            "scenario", "--jaar", "2025", "--regio", "H4", "--model", "tarief_index", "--param", "percentage=veel"
        )
    with pytest.raises(CommandError, match="Geef --regio of --gemeente"):
        call_command("scenario", "--jaar", "2025", "--regio", "XX", "--model", "tarief_index")

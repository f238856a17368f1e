import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from ..factories import ToewijzingFactory


@pytest.fixture
def toewijzingen(referentie):
    from openwmo.catalogus.models import Product
    from openwmo.core.models import Gemeente

    rijswijk = Gemeente.objects.get(cbs_code="0603")
    basis, speciaal = Product.objects.get(productcode="02A01"), Product.objects.get(productcode="02A02")
    for product, aantal in ((basis, 3), (speciaal, 1)):
        for _ in range(aantal):
            ToewijzingFactory(
                product=product,
                beschikking__client__gemeente=rijswijk,
                ingangsdatum=datetime.date(2016, 6, 1),
                einddatum=datetime.date(2017, 12, 31),
            )


def _report(*args):
    uit = io.StringIO()
    call_command("report", *args, stdout=uit)
    return uit.getvalue()


def test_list_names_every_report(db):
    uitvoer = _report("--list")
    for naam in ("voorzieningen-per-soort", "indicaties-begeleiding", "zwaarte-dagbesteding"):
        assert naam in uitvoer


def test_table_csv_and_json_give_the_same_numbers(toewijzingen):
    args = ("zwaarte-individuele-begeleiding", "--gemeente", "0603", "--peildatum", "2017-01-01")
    tekst = _report(*args)
    assert "basis" in tekst and "speciaal" in tekst
    csv_regels = _report(*args, "--format", "csv").splitlines()
    assert csv_regels[1] == "basis;0;;3;75"
    assert csv_regels[2] == "speciaal;0;;1;25"
    rijen = json.loads(_report(*args, "--format", "json"))["rijen"]
    assert rijen[0] == {"Zwaarte": "basis", "Per 01-01-2016": 0, "% 2016": None, "Per 01-01-2017": 3, "% 2017": 75}


def test_xlsx_export_contains_the_numbers(toewijzingen, tmp_path):
    bestand = tmp_path / "zwaarte.xlsx"
    _report(
        "zwaarte-individuele-begeleiding",
        "--regio",
        "H4",
        "--peildatum",
        "2017-01-01",
        "--format",
        "xlsx",
        "--output",
        str(bestand),
    )
    blad = load_workbook(bestand).active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[2] == ("basis", 0, None, 3, 75)
    assert rijen[4] == ("totaal", 0, None, 4, 100)


@pytest.mark.parametrize(
    "args, melding",
    [
        (("bestaat-niet", "--gemeente", "0603"), "Onbekend rapport"),
        (("indicaties-begeleiding",), "Kies --gemeente"),
        (("indicaties-begeleiding", "--gemeente", "9999"), "Geen gemeente gevonden"),
        (("indicaties-begeleiding", "--gemeente", "0603", "--format", "xlsx"), "--output"),
    ],
)
def test_bad_arguments_get_a_clear_dutch_message(referentie, args, melding):
    with pytest.raises(CommandError, match=melding):
        _report(*args)

"""Payment batches through the database: exact totals, nothing paid twice, CSV and XLSX exports."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from openpyxl import load_workbook

from openwmo.declaraties.betaling import betaalbatch_csv, betaalbatch_maken, betaalbatch_xlsx
from openwmo.declaraties.models import Prestatie
from openwmo.declaraties.services import declaratie_verwerken_323
from tests.declaraties.bericht_maker import als_323
from tests.declaraties.declaratie_maker import credit_van, declaratie, prestatie
from tests.declaraties.test_declaratie_service import basis  # noqa: F401  (fixture)

VANDAAG = timezone.localdate()


@pytest.fixture
def geclaimd(basis):  # noqa: F811
    eerste = prestatie()  # € 1,062.50
    declaratie_verwerken_323(als_323(declaratie([eerste], declaratienummer="D1")))
    tweede = [
        credit_van(eerste, "C1"),  # − € 1,062.50
        prestatie(referentienummer="R2", geleverd_volume=10, ingediend_bedrag=Decimal("625.00")),
        prestatie(
            referentienummer="R3",
            begindatum=date(2023, 4, 1),
            einddatum=date(2023, 4, 30),
            geleverd_volume=3,
            ingediend_bedrag=Decimal("187.50"),
        ),
        prestatie(referentienummer="R4", toewijzingsnummer="9999"),  # rejected: not paid
    ]
    declaratie_verwerken_323(
        als_323(declaratie(tweede, declaratienummer="D2", periode_begindatum=date(2023, 4, 1),
                           periode_einddatum=date(2023, 4, 30)))
    )  # fmt: skip
    return basis


def test_batch_sums_approved_unpaid_lines_exactly(geclaimd):
    batch = betaalbatch_maken(geclaimd["aanbieder"], geclaimd["gemeente"], VANDAAG)
    assert batch.aantal_regels == 4
    assert batch.debet == Decimal("1875.00")
    assert batch.credit == Decimal("1062.50")
    assert batch.bedrag == Decimal("812.50")
    assert not Prestatie.objects.filter(status="afgekeurd", betaalbatch__isnull=False).exists()


def test_a_line_is_never_paid_twice(geclaimd):
    betaalbatch_maken(geclaimd["aanbieder"], geclaimd["gemeente"], VANDAAG)
    with pytest.raises(ValidationError) as fout:
        betaalbatch_maken(geclaimd["aanbieder"], geclaimd["gemeente"], VANDAAG)
    assert "tot_datum" in fout.value.message_dict
    assert "geen goedgekeurde" in fout.value.message_dict["tot_datum"][0]


def test_claims_received_after_the_cutoff_wait(geclaimd):
    with pytest.raises(ValidationError):
        betaalbatch_maken(geclaimd["aanbieder"], geclaimd["gemeente"], date(2020, 1, 1))


def test_csv_export_lists_signed_lines_and_the_exact_total(geclaimd):
    batch = betaalbatch_maken(geclaimd["aanbieder"], geclaimd["gemeente"], VANDAAG)
    rijen = list(csv.reader(io.StringIO(betaalbatch_csv(batch)), delimiter=";"))
    assert rijen[0][:4] == ["batchnummer", "aanbieder_agb", "gemeente_cbs", "declaratienummer"]
    regels = rijen[1:-1]
    assert len(regels) == 4
    assert sum(Decimal(r[-1]) for r in regels) == Decimal("812.50")
    assert ["C1", "-1062.50"] == [regels[1][4], regels[1][-1]]
    assert rijen[-1][0] == "totaal" and rijen[-1][-1] == "812.50"


def test_xlsx_export_opens_with_the_same_total(geclaimd):
    batch = betaalbatch_maken(geclaimd["aanbieder"], geclaimd["gemeente"], VANDAAG)
    blad = load_workbook(io.BytesIO(betaalbatch_xlsx(batch))).active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0][0] == "batchnummer"
    bedragen = [Decimal(str(r[-1])) for r in rijen[1:-1]]
    assert sum(bedragen) == Decimal("812.50")
    assert rijen[-1][0] == "totaal" and Decimal(str(rijen[-1][-1])) == Decimal("812.50")

"""A 100,000-line batch through the database service: the known bad lines and only those are rejected, the
approved totals and the payment batches equal the generator's independent sums to the cent, and sending
every file again changes nothing."""

from decimal import Decimal

import pytest
from django.utils import timezone

from openwmo.core.models import Gemeente, Verwerking
from openwmo.declaraties.betaling import betaalbatch_maken
from openwmo.declaraties.models import Declaratie, Prestatie
from openwmo.declaraties.services import declaratie_verwerken_323
from openwmo.inkoop.models import Aanbieder
from tests.declaraties.batch_maker import genereer_batch
from tests.declaraties.bericht_maker import als_323
from tests.declaraties.db_maker import batch_opslaan

AANTAL = 100_000


@pytest.fixture(scope="module")
def batch():
    return genereer_batch(AANTAL, seed=20240301)


@pytest.fixture(scope="module")
def berichten(batch):
    return [als_323(d) for d in batch.declaraties]


@pytest.mark.django_db
def test_100000_lines_through_the_service(batch, berichten):
    batch_opslaan(batch)
    uitkomsten = [declaratie_verwerken_323(xml) for xml in berichten]

    assert [u.retourcodes for u in uitkomsten] == [("0200",)] * len(berichten)
    maart = Prestatie.objects.filter(declaratie__declaratienummer__startswith="D2403")
    assert maart.count() == AANTAL
    afgekeurd = dict(maart.filter(status="afgekeurd").values_list("referentienummer", "retourcodes"))
    assert afgekeurd == batch.fouten

    per_agb = {u.declaratie.aanbieder.agb_code: u.declaratie for u in uitkomsten}
    assert {agb: d.toegekend_totaal for agb, d in per_agb.items()} == batch.verwacht_bedrag
    assert {agb: d.aantal_regels - d.aantal_afgekeurd for agb, d in per_agb.items()} == batch.verwacht_aantal

    rijswijk = Gemeente.objects.get(cbs_code="0603")
    totaal = Decimal("0.00")
    for agb, verwacht in sorted(batch.verwacht_bedrag.items()):
        betaling = betaalbatch_maken(Aanbieder.objects.get(agb_code=agb), rijswijk, timezone.localdate())
        assert (betaling.aantal_regels, betaling.bedrag) == (batch.verwacht_aantal[agb], verwacht)
        totaal += betaling.bedrag
    assert totaal == sum(batch.verwacht_bedrag.values()) and totaal.as_tuple().exponent == -2

    # One audit entry per declaration, not per line.
    assert Verwerking.objects.filter(verwerkingsactiviteit="Declaratie verwerken").count() == len(berichten)

    aantal = Prestatie.objects.count()
    opnieuw = [declaratie_verwerken_323(xml) for xml in berichten]
    assert all(u.herhaald for u in opnieuw)
    assert [u.antwoord_325 for u in opnieuw] == [u.antwoord_325 for u in uitkomsten]
    assert Prestatie.objects.count() == aantal and Declaratie.objects.count() == len(berichten) + 10

"""The demo's providers claim their care: 323s through the real inbox, 325s back, approved lines paid in batches."""

import datetime as dt
from collections import Counter

from openwmo.berichten.models import Bericht, Richting
from openwmo.declaraties.models import Betaalbatch, Declaratie, Prestatie
from openwmo.demo.planner import digest, plan
from openwmo.demo.scenario import load_scenario
from openwmo.demo.schrijver import plan_opslaan
from openwmo.demo.schrijver_declaraties import declaraties_versturen

VANDAAG = dt.date.today()
# the return code each planned mistake must get (besides others it may also get)
VERWACHT = {"volume": {"9321"}, "tarief": {"0611"}, "dubbel": {"9389"}, "periode": {"9307", "9308"}}


def test_claims_are_planned_deterministically_with_a_few_mistakes_of_each_kind(rijswijk_plan, rijswijk_scenario):
    assert rijswijk_plan.declaraties and rijswijk_plan.prestaties
    again = plan(rijswijk_scenario, rijswijk_plan.seed, vandaag=rijswijk_plan.vandaag)
    assert again.prestaties == rijswijk_plan.prestaties and digest(again) == digest(rijswijk_plan)
    other = plan(rijswijk_scenario, rijswijk_plan.seed + 1, vandaag=rijswijk_plan.vandaag)
    assert other.prestaties != rijswijk_plan.prestaties

    fouten = Counter(p.fout for p in rijswijk_plan.prestaties)
    assert set(fouten) == {"", *VERWACHT}
    assert sum(n for f, n in fouten.items() if f) < 0.06 * len(rijswijk_plan.prestaties)
    maanden = {(d.begin, d.end) for d in rijswijk_plan.declaraties}
    assert len(maanden) == 3 and all(end < VANDAAG.replace(day=1) for _b, end in maanden)
    for d in rijswijk_plan.declaraties:
        assert d.begin.day == 1 and d.end.month == d.begin.month and d.end < d.dagtekening <= VANDAAG


def test_the_demo_claims_go_through_the_inbox_and_get_a_325_with_approved_and_rejected_lines(referentie):
    scenario = load_scenario().restricted_to("1842")  # Midden-Delfland: the smallest municipality
    gepland = plan(scenario, seed=7)
    plan_opslaan(scenario, gepland)

    telling = declaraties_versturen(gepland)

    assert telling["323"] == len(gepland.declaraties) == Declaratie.objects.count()
    antwoorden = Bericht.objects.filter(richting=Richting.UIT, berichtcode="325")
    assert telling["325"] == antwoorden.count() == len(gepland.declaraties)
    assert not Bericht.objects.filter(richting=Richting.IN, berichtcode="323").exclude(status="verwerkt").exists()

    regels = {(p.aanbieder.agb_code, p.referentienummer): p for p in Prestatie.objects.select_related("aanbieder")}
    assert len(regels) == len(gepland.prestaties)
    aanbieder = {t.key: t.aanbieder for t in gepland.toewijzingen}
    for planned in gepland.prestaties:
        opgeslagen = regels[aanbieder[planned.toewijzing], planned.key]
        if planned.fout:
            assert opgeslagen.status == "afgekeurd", planned
            assert VERWACHT[planned.fout] & set(opgeslagen.codes), (planned, opgeslagen.retourcodes)
        else:
            assert opgeslagen.status == "goedgekeurd", (planned, opgeslagen.retourcodes)
    statussen = Counter(p.status for p in regels.values())
    assert statussen["goedgekeurd"] > 0 and statussen["afgekeurd"] > 0

    # every approved line is in a payment batch, whose amount is the sum of its lines
    assert not Prestatie.objects.filter(status="goedgekeurd", betaalbatch__isnull=True).exists()
    assert not Prestatie.objects.filter(status="afgekeurd", betaalbatch__isnull=False).exists()
    for batch in Betaalbatch.objects.all():
        assert batch.bedrag == sum(p.bedrag for p in batch.prestaties.all())
    assert telling["betaalbatches"] == Betaalbatch.objects.count() > 0

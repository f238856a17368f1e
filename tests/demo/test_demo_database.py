"""The demo writer stores exactly the plan: the same seed gives the same database rows."""

import hashlib

from openwmo.core.models import Client
from openwmo.demo.planner import plan
from openwmo.demo.scenario import load_scenario
from openwmo.demo.schrijver import plan_opslaan
from openwmo.toegang.models import Toewijzing


def _rijen_digest(rijen) -> str:
    h = hashlib.sha256()
    for rij in sorted(rijen):
        h.update(repr(rij).encode())
    return h.hexdigest()


def test_stored_records_are_the_plan_and_the_plan_is_deterministic(referentie):
    scenario = load_scenario().restricted_to("1842")  # Midden-Delfland: the smallest municipality
    gepland = plan(scenario, seed=7)
    plan_opslaan(scenario, gepland)

    clienten = Client.objects.values_list("bsn", "achternaam", "geboortedatum", "gemeente__cbs_code")
    assert _rijen_digest(clienten) == _rijen_digest(
        (c.bsn, c.achternaam, c.geboortedatum, c.gemeente) for c in gepland.clients
    )
    toewijzingen = Toewijzing.objects.values_list(
        "client__bsn", "product__productcode", "aanbieder__agb_code", "ingangsdatum", "einddatum"
    )
    bsn = {c.key: c.bsn for c in gepland.clients}
    verwacht = [(bsn[t.client], t.product, t.aanbieder, t.start, t.end) for t in gepland.toewijzingen]
    assert _rijen_digest(toewijzingen) == _rijen_digest(verwacht)

    opnieuw = plan(scenario, seed=7)
    ander = plan(scenario, seed=8)
    assert [c.bsn for c in opnieuw.clients] == [c.bsn for c in gepland.clients]
    assert [(t.product, t.start, t.end) for t in opnieuw.toewijzingen] == [
        (t.product, t.start, t.end) for t in gepland.toewijzingen
    ]
    assert [c.bsn for c in ander.clients] != [c.bsn for c in gepland.clients]

"""Properties of a plan that a user of the demo would notice if they broke."""

import datetime as dt
import re
from collections import defaultdict

import pytest

from openwmo.demo.bsn import elfproef
from openwmo.demo.planner import count_clients, digest, plan
from openwmo.demo.planner.records import UITKOMSTEN, ZRM_DOMEINEN
from openwmo.demo.planner.targets import rate_clients


def test_same_seed_gives_identical_plan(rijswijk_scenario, rijswijk_plan):
    again = plan(rijswijk_scenario, rijswijk_plan.seed)
    assert digest(again) == digest(rijswijk_plan)
    assert again == rijswijk_plan


def test_different_seed_gives_different_plan_with_the_same_calibrated_counts(rijswijk_scenario, rijswijk_plan):
    other = plan(rijswijk_scenario, rijswijk_plan.seed + 1)
    assert digest(other) != digest(rijswijk_plan)
    assert {c.bsn for c in other.clients} != {c.bsn for c in rijswijk_plan.clients}
    hh = ("01A01", "01A02")
    assert count_clients(other, hh, dt.date(2015, 12, 31)) == count_clients(rijswijk_plan, hh, dt.date(2015, 12, 31))


def test_bsns_are_valid_unique_test_numbers(rijswijk_plan):
    bsns = [c.bsn for c in rijswijk_plan.clients]
    assert len(bsns) == len(set(bsns))
    assert all(b.startswith("999") and elfproef(b) for b in bsns)


def test_same_product_allocations_of_a_client_never_overlap(rijswijk_plan):
    spans = defaultdict(list)
    for t in rijswijk_plan.toewijzingen:
        assert t.end is None or t.start <= t.end, t
        spans[(t.client, t.product)].append((t.start, t.end or dt.date.max))
    overlapping_aids = 0
    for (_, product), items in spans.items():
        items.sort()
        for (_, end), (start, _) in zip(items, items[1:], strict=False):
            if start <= end:
                assert product[:2] in ("11", "12", "13", "14"), f"{product} overlaps for one client"
                overlapping_aids += 1
    assert overlapping_aids > 0  # several clients hold more than one wheelchair at a time


def test_client_records_are_plausible(rijswijk_scenario, rijswijk_plan):
    wijken = {w.code: w for g in rijswijk_scenario.gemeenten for w in g.wijken}
    households = {h.key: h for h in rijswijk_plan.huishoudens}
    for c in rijswijk_plan.clients:
        assert re.fullmatch(r"[1-9]\d{3}[A-Z]{2}", c.postcode) and c.postcode[4:] not in ("SA", "SD", "SS")
        assert c.postcode[:4] in wijken[c.wijk].postcodes
        assert c.geslacht in ("1", "2")
        assert re.fullmatch(r"([A-Z]\.){1,3}", c.voorletters)
        assert dt.date(1900, 1, 1) < c.geboortedatum < dt.date(2009, 1, 1)
        h = households[c.huishouden]
        assert c.key in h.client_keys and (h.postcode, h.huisnummer) == (c.postcode, c.huisnummer)
    assert len({(h.postcode, h.huisnummer) for h in households.values()}) == len(households)
    assert any(len(h.client_keys) > 1 for h in households.values())


def test_allocations_refer_to_contracted_providers_and_catalogue_products(rijswijk_scenario, rijswijk_plan):
    agb = {a.agb for a in rijswijk_scenario.aanbieders}
    clients = {c.key for c in rijswijk_plan.clients}
    for t in rijswijk_plan.toewijzingen:
        assert t.client in clients and t.aanbieder in agb
        product = rijswijk_scenario.producten[t.product]
        assert (t.eenheid, t.frequentie) == (product["eenheid"], product["frequentie"])
        assert t.volume > 0
        assert t.melding_datum < t.beschikking_datum <= t.start
        assert t.start <= rijswijk_scenario.eind


def test_decisions_mostly_within_the_legal_eight_weeks(rijswijk_plan):
    waits = [(b.beschikking_datum - b.melding_datum).days for b in rijswijk_plan.beschikkingen]
    late = sum(w > 56 for w in waits)
    assert 0 < late < 0.1 * len(waits)


def test_evaluations_have_zrm_goals_outcomes_and_satisfaction(rijswijk_plan):
    allocations = {t.key: t for t in rijswijk_plan.toewijzingen}
    assert len(rijswijk_plan.evaluaties) > 100
    for e in rijswijk_plan.evaluaties:
        t = allocations[e.toewijzing]
        assert t.product[:2] in ("02", "07") and t.client == e.client
        assert len(e.zrm_intake) == len(e.zrm_evaluatie) == len(ZRM_DOMEINEN) == 13
        assert all(1 <= s <= 5 for s in e.zrm_intake + e.zrm_evaluatie)
        assert 1 <= e.tevredenheid <= 10 and e.intake_datum < e.evaluatie_datum
    assert {d.uitkomst for d in rijswijk_plan.doelen} == set(UITKOMSTEN)
    assert {d.evaluatie for d in rijswijk_plan.doelen} == {e.key for e in rijswijk_plan.evaluaties}


@pytest.fixture(scope="module")
def midden_delfland_plan(scenario):
    return plan(scenario.restricted_to("1842"), 5)


def test_other_municipalities_follow_the_rates(scenario, midden_delfland_plan):
    g = scenario.gemeente("1842")
    for code, groep in scenario.groepen.items():
        if code == "KV":
            continue
        for year in (2016, 2020, 2025):
            rate = rate_clients(scenario, g, groep, dt.date(year, 1, 1))
            got = count_clients(midden_delfland_plan, groep.producten, dt.date(year, 1, 1))
            assert abs(got - rate) <= 0.12 * rate + 2, (code, year, got, rate)

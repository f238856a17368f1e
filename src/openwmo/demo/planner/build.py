"""plan(scenario, seed): the whole deterministic construction, municipality by municipality."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from openwmo.demo.bsn import test_bsns
from openwmo.demo.planner import outcomes
from openwmo.demo.planner.chain import solve_chain
from openwmo.demo.planner.declaraties import claim_months, plan_declaraties
from openwmo.demo.planner.people import (
    OUDEREN,
    Addresses,
    Person,
    achternaam,
    assign_persons,
    birth_date,
    voorletters,
)
from openwmo.demo.planner.records import (
    Plan,
    PlannedBeschikking,
    PlannedClient,
    PlannedHuishouden,
    PlannedToewijzing,
)
from openwmo.demo.planner.targets import ChainSpec, chain_specs, year_of
from openwmo.demo.planner.timing import DAY, Spell, episode_spells, track_spells
from openwmo.demo.scenario import Gemeente, Scenario

LEGAL_DAYS = 56  # 6 weeks for the investigation after a melding + 2 weeks to decide on the aanvraag


@dataclass
class _Household:
    key: str
    gemeente: str
    wijk: str
    postcode: str
    huisnummer: int
    members: list[str]
    naam: tuple[str, str]


def _rng(seed: int, *parts: str) -> random.Random:
    """An independent, deterministic stream per part of the construction (stable under edits elsewhere)."""
    return random.Random("|".join((str(seed), *parts)))


def _tracks_for(s: Scenario, g: Gemeente, spec: ChainSpec, seed: int) -> list[tuple[list[Spell], bool]]:
    groep = s.groepen[spec.groep]
    rng = _rng(seed, g.cbs, spec.groep, "chain")
    tracks = solve_chain(
        rng,
        list(spec.dates),
        list(spec.targets),
        groep.producten,
        groep.meervoudig,
        groep.gemiddelde_duur_maanden,
        groep.opschaling,
    )
    out = [
        (
            track_spells(rng, groep, spec.dates, states, s.eind),
            spec.pair_index is not None and bool(states[spec.pair_index]),
        )
        for states in tracks
    ]
    # short episodes: yearly inflow the stock flow does not account for, between two reference dates
    first_index = [next(t for t, st in enumerate(states) if st) for states in tracks]
    bounds = list(spec.dates) + [s.eind + DAY]
    for t in range(len(spec.dates)):
        lo, hi = bounds[t], bounds[t + 1]
        if (hi - lo).days < 30:
            continue
        mid = lo + (hi - lo) / 2
        expected = groep.instroom_per_1000 * g.inwoners_op(year_of(mid)) / 1000 * (hi - lo).days / 365.25
        n = max(0, round(expected) - first_index.count(t + 1))
        for sp in episode_spells(rng, groep, lo, hi, n, groep.mix_op(year_of(mid)), s.eind):
            out.append(([sp], False))
    return out


def plan(scenario: Scenario, seed: int, vandaag: dt.date | None = None) -> Plan:
    """The whole plan. Claims cover the complete months before `vandaag` (default: today), so only they
    depend on the day the plan is made; everything else depends on the scenario and the seed alone."""
    s = scenario
    vandaag = vandaag or dt.date.today()
    persons: list[Person] = []
    for g in s.gemeenten:
        specs = chain_specs(s, g, _rng(seed, g.cbs, "targets"))
        tracks = {spec.groep: _tracks_for(s, g, spec, seed) for spec in specs}
        pairs = next((spec.pairs for spec in specs if spec.pairs is not None), None)
        persons += assign_persons(
            _rng(seed, g.cbs, "persons"),
            g.cbs,
            tracks,
            pairs,
            s.gedrag["combinatie_ouderen"],
            s.gedrag["combinatie_begeleiding"],
        )
    bsns = test_bsns(seed, len(persons))

    households: dict[str, list[_Household]] = {g.cbs: [] for g in s.gemeenten}
    addresses = {g.cbs: Addresses(_rng(seed, g.cbs, "addresses"), g) for g in s.gemeenten}
    rng = _rng(seed, "attributes")
    clients, all_households = [], []
    for n, person in enumerate(persons):
        key = f"C{n + 1:06d}"
        first = min(sp.start for sp in person.spells)
        older = person.first_group in OUDEREN
        leeftijd = s.groepen[person.first_group].leeftijd
        hh_list = households[person.gemeente]
        open_hh = [h for h in hh_list[-50:] if len(h.members) < 3]
        if open_hh and rng.random() < s.gedrag["huishouden_delen"]:
            hh = rng.choice(open_hh)
            naam = hh.naam if rng.random() < 0.6 else achternaam(rng)
        else:
            wijk, postcode, huisnummer = addresses[person.gemeente].new()
            naam = achternaam(rng)
            hh = _Household(f"H{len(all_households) + 1:06d}", person.gemeente, wijk, postcode, huisnummer, [], naam)
            hh_list.append(hh)
            all_households.append(hh)
        hh.members.append(key)
        geslacht = "2" if rng.random() < (0.62 if older else 0.5) else "1"
        clients.append(
            PlannedClient(
                key,
                bsns[n],
                voorletters(rng),
                naam[0],
                naam[1],
                birth_date(rng, first, leeftijd, older),
                geslacht,
                hh.postcode,
                hh.huisnummer,
                person.gemeente,
                hh.wijk,
                hh.key,
            )
        )

    toewijzingen, beschikkingen = _allocations(s, seed, persons, clients)
    evaluaties, doelen = outcomes.plan_outcomes(_rng(seed, "outcomes"), s, toewijzingen)
    declaraties, prestaties = _claims(s, seed, toewijzingen, vandaag)
    return Plan(
        scenario=s.naam,
        seed=seed,
        huishoudens=tuple(
            PlannedHuishouden(h.key, h.gemeente, h.wijk, h.postcode, h.huisnummer, tuple(h.members))
            for h in all_households
        ),
        clients=tuple(clients),
        beschikkingen=tuple(beschikkingen),
        toewijzingen=tuple(toewijzingen),
        evaluaties=tuple(evaluaties),
        doelen=tuple(doelen),
        declaraties=tuple(declaraties),
        prestaties=tuple(prestaties),
        vandaag=vandaag,
    )


def _claims(s: Scenario, seed: int, toewijzingen: list[PlannedToewijzing], vandaag: dt.date):
    contracts = _contract_index(s)

    def contract_op(agb: str, cbs: str, product: str, day: dt.date) -> bool:
        return any(a <= day <= e and c == agb for a, e, c in contracts.get((cbs, product), ()))

    tarieven: dict[tuple[str, int], object] = {}

    def tarief(product: str, year: int):
        if (product, year) not in tarieven:  # the exact indexation is worth computing once per product and year
            tarieven[product, year] = s.tarief(product, year)
        return tarieven[product, year]

    return plan_declaraties(
        _rng(seed, "claims"),
        toewijzingen,
        s.producten,
        contract_op,
        tarief,
        claim_months(vandaag, int(s.gedrag["declaratie_maanden"]), s.eind),
        vandaag,
        s.gedrag["declaratie_fout_aandeel"],
    )


def _contract_index(s: Scenario) -> dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]]:
    agb = {a.key: a.agb for a in s.aanbieders}
    index: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = {}
    for c, perceel in s.contracten():
        for cbs in perceel.gemeenten:
            for p in perceel.producten:
                index.setdefault((cbs, p), []).append((c.start, c.eind, agb[c.aanbieder]))
    return {k: sorted(v) for k, v in index.items()}


PER_WEEK = "2"


def _herindicatie(s: Scenario, start: dt.date) -> dt.date:
    """An allocation per week needs an end date (iWmo CD076): one still running at the end of the scenario
    gets the end of its fifth year, and never ends before the scenario does (counts stay as planned)."""
    return max(s.eind, dt.date(start.year + 5, 12, 31))


def _allocations(
    s: Scenario, seed: int, persons: list[Person], clients: list[PlannedClient]
) -> tuple[list[PlannedToewijzing], list[PlannedBeschikking]]:
    rng = _rng(seed, "allocations")
    contracts = _contract_index(s)
    late = s.gedrag["te_laat_aandeel"]
    toewijzingen: list[PlannedToewijzing] = []
    beschikkingen: list[PlannedBeschikking] = []
    for person, client in zip(persons, clients, strict=True):
        by_start: dict[dt.date, PlannedBeschikking] = {}
        for sp in sorted(person.spells, key=lambda sp: (sp.start, sp.product, sp.end or dt.date.max)):
            b = by_start.get(sp.start)
            if b is None:
                besluit = sp.start - dt.timedelta(days=rng.randint(0, 14))
                wait = (
                    rng.randint(LEGAL_DAYS + 1, LEGAL_DAYS + 45) if rng.random() < late else rng.randint(10, LEGAL_DAYS)
                )
                b = PlannedBeschikking(
                    f"B{len(beschikkingen) + 1:07d}",
                    client.key,
                    client.gemeente,
                    besluit - dt.timedelta(days=wait),
                    besluit,
                )
                by_start[sp.start] = b
                beschikkingen.append(b)
            options = contracts[(client.gemeente, sp.product)]
            on = max(sp.start, options[0][0])
            live = [agb for a, e, agb in options if a <= on <= e] or [agb for _, _, agb in options]
            lo, hi = s.volumes[sp.product]
            volume = rng.randint(lo, hi)
            if hi >= 100:  # amounts in euro: round to 50
                volume = max(lo, round(volume / 50) * 50)
            prod = s.producten[sp.product]
            if prod["eenheid"] == "83":  # iWmo: an amount in euro's travels as a volume in cents
                volume *= 100
            toewijzingen.append(
                PlannedToewijzing(
                    f"T{len(toewijzingen) + 1:07d}",
                    client.key,
                    client.gemeente,
                    sp.product,
                    rng.choice(live),
                    sp.start,
                    sp.end if sp.end is not None or prod["frequentie"] != PER_WEEK else _herindicatie(s, sp.start),
                    volume,
                    prod["eenheid"],
                    prod["frequentie"],
                    b.key,
                    b.melding_datum,
                    b.beschikking_datum,
                )
            )
    return toewijzingen, beschikkingen

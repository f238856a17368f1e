"""Writes a demo plan into the database inside one transaction.

The meldingen, aanvragen, beschikkingen and toewijzingen go through `toegang.services.toegang_bulk_opslaan`,
which applies the rules of the single-record services set-wise (so the `h4` region, ≈100,000 allocations,
loads in seconds and still passes the same validation as a consultant's input). Allocations that start before the
first contract (2015) stand for data migrated from the previous system, as a municipality that
adopts Open Wmo brings its running decisions along.
"""

from collections import defaultdict
from collections.abc import Callable
from datetime import date

from django.db import transaction

from openwmo.catalogus.models import Product
from openwmo.core.models import Gemeente, Inwonertal, Wijk
from openwmo.core.services import clienten_bulk_opslaan
from openwmo.inkoop.models import (
    Aanbesteding,
    Aanbieder,
    Contract,
    ContractProduct,
    Perceel,
    Samenwerkingsverband,
    Tarief,
)
from openwmo.toegang.models import Uitvoeringsvariant
from openwmo.toegang.services import toegang_bulk_opslaan

from .planner import Plan
from .scenario import Scenario
from .schrijver_toegang import evaluaties, melding_en_aanvraag_rijen

BATCH = 2000
OUTPUT_EENHEDEN = {"82", "83"}
PROCEDURES = {"bestuurlijk_aanbesteden": "bestuurlijk", "europees": "europees", "subsidie": "subsidie"}


def _nummer(key: str) -> str:
    """'T0000123' → '123': iWmo numbers are integers of at most 9 digits."""
    return str(int("".join(c for c in key if c.isdigit())))


def _gebieden(scenario: Scenario) -> dict[tuple[str, str], Wijk]:
    wijken = {}
    for g in scenario.gemeenten:
        gemeente = Gemeente.objects.get(cbs_code=g.cbs)
        for w in g.wijken:
            wijk, _c = Wijk.objects.update_or_create(gemeente=gemeente, code=w.code, defaults={"naam": w.naam})
            for jaar, aantal in w.inwoners.items():
                Inwonertal.objects.update_or_create(
                    gemeente=gemeente, wijk=wijk, jaar=jaar, defaults={"aantal": aantal}
                )
            wijken[(g.cbs, w.code)] = wijk
    return wijken


def _inkoop(s: Scenario) -> dict[str, Aanbieder]:
    aanbieders = {}
    for a in s.aanbieders:
        aanbieders[a.key], _c = Aanbieder.objects.update_or_create(
            agb_code=a.agb, defaults={"naam": a.naam, "soort": a.soort, "kvk_nummer": a.kvk}
        )
    for i, sv in enumerate(s.samenwerkingsverbanden, start=1):
        als_aanbieder, _c = Aanbieder.objects.update_or_create(
            agb_code=f"9899{i:04d}", defaults={"naam": sv.naam, "soort": Aanbieder.Soort.ZORG}
        )
        verband, _c = Samenwerkingsverband.objects.update_or_create(
            aanbieder=als_aanbieder, defaults={"penvoerder": aanbieders[sv.penvoerder]}
        )
        verband.leden.set([aanbieders[k] for k in sv.leden])
    producten = {p.productcode: p for p in Product.objects.all()}
    gemeenten = {g.cbs_code: g for g in Gemeente.objects.all()}
    tarieven = []
    for aanbesteding in s.aanbestedingen:
        a_obj, _c = Aanbesteding.objects.update_or_create(
            naam=aanbesteding.naam,
            defaults={
                "procedure": PROCEDURES.get(aanbesteding.procedure, "bestuurlijk"),
                "publicatiedatum": aanbesteding.publicatie,
            },
        )
        percelen = {}
        for p in aanbesteding.percelen:
            percelen[p.key], _c = Perceel.objects.update_or_create(
                aanbesteding=a_obj, naam=p.naam, defaults={"soort": p.soort}
            )
            percelen[p.key].gemeenten.set([gemeenten[c] for c in p.gemeenten])
        eerste_start = min(c.start for c in aanbesteding.contracten)
        for c in aanbesteding.contracten:
            perceel = next(p for p in aanbesteding.percelen if p.key == c.perceel)
            contract, created = Contract.objects.update_or_create(
                nummer=f"{aanbesteding.key}-{c.perceel}-{c.aanbieder}",
                defaults={
                    "aanbieder": aanbieders[c.aanbieder],
                    "perceel": percelen[c.perceel],
                    "ingangsdatum": c.start,
                    "einddatum": c.eind,
                    "verlenging_jaren": c.verlenging_jaren,
                    "verlengingen_maximaal": 1 if c.verlenging_jaren else 0,
                    "toetredingsdatum": c.start if c.start > eerste_start else None,
                },
            )
            if not created:
                continue
            contract.gemeenten.set([gemeenten[code] for code in perceel.gemeenten])
            for code in perceel.producten:
                bekostiging = "outputgericht" if producten[code].eenheid in OUTPUT_EENHEDEN else "inspanningsgericht"
                ContractProduct.objects.create(contract=contract, product=producten[code], bekostigingsvorm=bekostiging)
                for jaar in range(c.start.year, c.eind.year + 1):
                    tarieven.append(
                        Tarief(
                            contract=contract,
                            product=producten[code],
                            ingangsdatum=max(c.start, date(jaar, 1, 1)),
                            einddatum=min(c.eind, date(jaar, 12, 31)),
                            bedrag=s.tarief(code, jaar),
                            indexatie_pct=s.indexatie_pct.get(jaar) if code not in s.niet_indexeren else None,
                        )
                    )
    Tarief.objects.bulk_create(tarieven, batch_size=BATCH)
    return aanbieders


def plan_opslaan(
    scenario: Scenario, plan: Plan, voortgang: Callable[[str, int], None] = lambda stap, n: None
) -> dict[str, int]:
    """Store the whole plan; returns the number of rows per kind. Runs in one transaction."""
    with transaction.atomic():
        wijken = _gebieden(scenario)
        _inkoop(scenario)
        voortgang("inkoop", 1)
        gemeenten = {g.cbs_code: g for g in Gemeente.objects.all()}
        # Through the core bulk service: elfproef, postcode, district/household of the client's municipality and
        # the per-municipality BSN uniqueness, as for a consultant's input.
        huishouden_index = {h.key: n for n, h in enumerate(plan.huishoudens)}
        kern = clienten_bulk_opslaan(
            user=None,
            doel="Demo-omgeving",
            activiteit="Demo klaarzetten",
            huishoudens=[
                {"gemeente": gemeenten[h.gemeente].pk, "omschrijving": f"Huishouden {h.postcode} {h.huisnummer}"}
                for h in plan.huishoudens
            ],
            clienten=[
                {
                    "bsn": c.bsn,
                    "voorletters": c.voorletters,
                    "voorvoegsel": c.voorvoegsel,
                    "achternaam": c.achternaam,
                    "geboortedatum": c.geboortedatum,
                    "geslacht": c.geslacht,
                    "postcode": c.postcode,
                    "huisnummer": c.huisnummer,
                    "gemeente": gemeenten[c.gemeente].pk,
                    "wijk": w.pk if (w := wijken.get((c.gemeente, c.wijk))) else None,
                    "huishouden": huishouden_index.get(c.huishouden),
                }
                for c in plan.clients
            ],
        )
        voortgang("huishoudens", len(kern.huishoudens))
        clienten = {c.key: pk for c, pk in zip(plan.clients, kern.clienten, strict=True)}
        voortgang("cliënten", len(clienten))
        meldingen, aanvragen = melding_en_aanvraag_rijen(plan, clienten, gemeenten, plan.seed)
        voortgang("meldingen", len(meldingen))
        per_beschikking = defaultdict(list)
        for t in plan.toewijzingen:
            per_beschikking[t.beschikking].append(t)
        beschikkingen = []
        for n, b in enumerate(plan.beschikkingen):
            toewijzingen = per_beschikking.get(b.key, [])
            beschikkingen.append(
                {
                    "beschikkingsnummer": _nummer(b.key),
                    "client": clienten[b.client],
                    "gemeente": gemeenten[b.gemeente].pk,
                    "besluitdatum": b.beschikking_datum,
                    "aanvraag": n,  # the aanvraag of the same planned decision
                    "ingangsdatum": min((t.start for t in toewijzingen), default=b.beschikking_datum),
                    "einddatum": None
                    if any(t.end is None for t in toewijzingen) or not toewijzingen
                    else max(t.end for t in toewijzingen),
                }
            )
        voortgang("beschikkingen", len(beschikkingen))
        index = {b.key: n for n, b in enumerate(plan.beschikkingen)}
        producten = {p.productcode: p.pk for p in Product.objects.all()}
        vandaag = date.today()  # allocations that ended before today carry "levering volgens plan beëindigd"
        aanbieders = {a.agb_code: a.pk for a in Aanbieder.objects.all()}
        eerste_contract = min(c.start for c, _p in scenario.contracten())
        toewijzingen = [
            {
                "toewijzingsnummer": _nummer(t.key),
                "beschikking": index[t.beschikking],
                "client": clienten[t.client],
                "gemeente": gemeenten[t.gemeente].pk,
                "product": producten[t.product],
                "aanbieder": aanbieders[t.aanbieder],
                "ingangsdatum": t.start,
                "einddatum": t.end,
                "volume": t.volume,
                "eenheid": t.eenheid,
                "frequentie": t.frequentie,
                "uitvoeringsvariant": Uitvoeringsvariant.OUTPUTGERICHT
                if t.eenheid in OUTPUT_EENHEDEN
                else Uitvoeringsvariant.INSPANNINGSGERICHT,
                "reden_beeindiging": "19" if t.end and t.end < vandaag else "",
                # running before the first contract: migrated from the previous system (see the module doc)
                "zonder_contractcontrole": t.start < eerste_contract,
            }
            for t in plan.toewijzingen
        ]
        opgeslagen = toegang_bulk_opslaan(
            user=None,
            meldingen=meldingen,
            aanvragen=aanvragen,
            beschikkingen=beschikkingen,
            toewijzingen=toewijzingen,
            activiteit="Demogegevens vastleggen",
        )
        voortgang("toewijzingen", len(toewijzingen))
        toewijzing_ids = {t.key: pk for t, pk in zip(plan.toewijzingen, opgeslagen.toewijzingen, strict=True)}
        melding_ids = {b.key: pk for b, pk in zip(plan.beschikkingen, opgeslagen.meldingen, strict=True)}
        aantal_evaluaties = evaluaties(plan, clienten, gemeenten, toewijzing_ids, melding_ids)
        voortgang("evaluaties", aantal_evaluaties)
    return {
        "cliënten": len(clienten),
        "beschikkingen": len(beschikkingen),
        "toewijzingen": len(toewijzingen),
        "evaluaties": aantal_evaluaties,
    }

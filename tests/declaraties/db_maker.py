"""Store a generated claim batch (batch_maker.Batch) in the database, in bulk.

Providers, one contract each (valid for the batch's municipality) with the batch's tariffs, clients,
allocations and the earlier (February) lines as an approved declaration per provider. Used by the
100,000-line service test and by `benchmarks/claims.py`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from openwmo.catalogus.models import Product, Voorzieningsoort
from openwmo.core.models import Client, Gemeente
from openwmo.declaraties.models import Betaalbatch, Declaratie, Prestatie
from openwmo.inkoop.models import Aanbieder, Contract, Tarief
from openwmo.toegang.models import Toewijzing

BATCH = 5_000
_PRODUCTEN = {
    "02A01": ("02", "Begeleiding individueel basis", "04", "2"),
    "02A03": ("02", "Kortdurende ambulante begeleiding", "04", "6"),
    "07A02": ("07", "Dagbesteding basis", "16", "4"),
}


def producten() -> dict[str, Product]:
    soort, _ = Voorzieningsoort.objects.get_or_create(code="IB", defaults={"naam": "Begeleiding", "soort": "maatwerk"})
    uitkomst = {}
    for code, (cat, naam, eenheid, freq) in _PRODUCTEN.items():
        uitkomst[code], _ = Product.objects.get_or_create(
            productcategorie=cat,
            productcode=code,
            defaults={"voorzieningsoort": soort, "naam": naam, "eenheid": eenheid, "frequentie": freq},
        )
    return uitkomst


def batch_opslaan(batch, cbs: str = "0603") -> None:
    gemeente, _ = Gemeente.objects.get_or_create(cbs_code=cbs, defaults={"naam": "Rijswijk"})
    product = producten()
    agbs = sorted({t.aanbieder_agb for t in batch.tarieven})
    Aanbieder.objects.bulk_create([Aanbieder(agb_code=agb, naam=f"Aanbieder {agb}") for agb in agbs])
    aanbieders = {a.agb_code: a for a in Aanbieder.objects.filter(agb_code__in=agbs)}
    Contract.objects.bulk_create(
        [Contract(nummer=f"BENCH-{agb}", aanbieder=aanbieders[agb], ingangsdatum=date(2020, 1, 1)) for agb in agbs]
    )
    contracten = {c.aanbieder.agb_code: c for c in Contract.objects.filter(nummer__startswith="BENCH-")}
    Contract.gemeenten.through.objects.bulk_create(
        [Contract.gemeenten.through(contract_id=c.pk, gemeente_id=gemeente.pk) for c in contracten.values()]
    )
    Tarief.objects.bulk_create(
        [
            Tarief(
                contract=contracten[t.aanbieder_agb],
                product=product[t.productcode],
                ingangsdatum=t.ingangsdatum,
                einddatum=t.einddatum,
                bedrag=t.bedrag,
            )
            for t in batch.tarieven
        ]
    )
    bsns = sorted({t.bsn for t in batch.toewijzingen.values()})
    Client.objects.bulk_create(
        [
            Client(bsn=bsn, achternaam=f"Cliënt {bsn}", geboortedatum=date(1950, 1, 1), gemeente=gemeente)
            for bsn in bsns
        ],
        batch_size=BATCH,
    )
    clienten = dict(Client.objects.filter(gemeente=gemeente).values_list("bsn", "pk"))
    Toewijzing.objects.bulk_create(
        [
            Toewijzing(
                toewijzingsnummer=t.toewijzingsnummer,
                client_id=clienten[t.bsn],
                gemeente=gemeente,
                product=product[t.productcode],
                aanbieder=aanbieders[t.aanbieder_agb],
                ingangsdatum=t.ingangsdatum,
                einddatum=t.einddatum,
                volume=Decimal(t.volume),
                eenheid=t.eenheid,
                frequentie=t.frequentie,
            )
            for t in batch.toewijzingen.values()
        ],
        batch_size=BATCH,
    )
    toewijzingen = dict(Toewijzing.objects.values_list("toewijzingsnummer", "pk"))
    per_agb: dict[str, list] = {}
    for e in batch.eerdere:
        per_agb.setdefault(e.aanbieder_agb, []).append(e)
    for k, (agb, eerdere) in enumerate(sorted(per_agb.items())):
        som = sum((e.bedrag if e.debet_credit == "D" else -e.bedrag for e in eerdere), Decimal("0.00"))
        declaratie = Declaratie.objects.create(
            aanbieder=aanbieders[agb],
            gemeente=gemeente,
            declaratienummer=f"F2402{k:03d}",
            periode_begindatum=date(2024, 2, 1),
            periode_einddatum=date(2024, 2, 29),
            ingediend_totaal=som,
            toegekend_totaal=som,
            status="goedgekeurd",
            retourcode="8001",
            aantal_regels=len(eerdere),
            aantal_afgekeurd=0,
            bron="iwmo",
            inhoud_hash=f"februari-{agb}",
        )
        betaald = Betaalbatch.objects.create(
            nummer=f"F2402-{agb}",
            aanbieder=aanbieders[agb],
            gemeente=gemeente,
            tot_datum=date(2024, 3, 10),
            aantal_regels=len(eerdere),
            debet=som,
            credit=Decimal("0.00"),
            bedrag=som,
        )
        Prestatie.objects.bulk_create(
            [
                Prestatie(
                    declaratie=declaratie,
                    aanbieder=aanbieders[agb],
                    toewijzing_id=toewijzingen[e.toewijzingsnummer],
                    volgnummer=i,
                    referentienummer=e.referentienummer,
                    vorige_referentienummer=e.vorige_referentienummer or "",
                    toewijzingsnummer=e.toewijzingsnummer,
                    bsn=batch.toewijzingen[e.toewijzingsnummer].bsn,
                    productcategorie=e.productcategorie,
                    productcode=e.productcode,
                    begindatum=e.begindatum,
                    einddatum=e.einddatum,
                    volume=e.volume,
                    eenheid=e.eenheid,
                    tarief=None,
                    bedrag=e.bedrag,
                    debet_credit=e.debet_credit,
                    status=e.status,
                    retourcodes="",
                    betaalbatch=betaald,  # February was paid already
                )
                for i, e in enumerate(eerdere, start=1)
            ],
            batch_size=BATCH,
        )

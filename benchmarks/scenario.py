"""Benchmark: compute a funding scenario for one year of an H4-sized region.

Builds its own data set (the demo generator is not merged yet): the reference data (the four H4
municipalities, the catalogue), 10 providers with a contract for all four municipalities, tariffs
for 2025 that change on 1 July (so allocations are priced in two stretches), and ~8,000
allocations active in 2025 (hours per week, minutes per week, output per month), bulk-created.
Then times `bekostiging.scenario.berekenen` (read allocations and tariffs, price actual and
scenario) for each model, and `services.scenario_create` (the same plus saving the rows).

    PYTHONPATH=src python benchmarks/scenario.py [aantal_toewijzingen]

Uses a fresh SQLite file in a temporary folder unless DATABASE_URL is set (then that database is
used as is: give an empty one, e.g. postgres://postgres@127.0.0.1:5432/openwmo_bench).
"""

from __future__ import annotations

import os
import platform
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
_tmp = tempfile.mkdtemp(prefix="openwmo-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_tmp}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openwmo.conf.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from openwmo.bekostiging import scenario as rekenen  # noqa: E402
from openwmo.bekostiging.services import scenario_create  # noqa: E402
from openwmo.catalogus.models import Product  # noqa: E402
from openwmo.catalogus.referentie import referentiegegevens_laden  # noqa: E402
from openwmo.core.models import Client, Gemeente  # noqa: E402
from openwmo.core.validators import elfproef  # noqa: E402
from openwmo.inkoop.models import Aanbieder, Contract, ContractProduct, Tarief  # noqa: E402
from openwmo.toegang.models import Toewijzing  # noqa: E402

JAAR = 2025
# product code → (bekostigingsvorm, eenheid, frequentie, volume choices, tariff)
MIX = {
    "01A01": ("inspanningsgericht", "04", "2", [2, 3, 4], Decimal("32.50")),
    "02A01": ("inspanningsgericht", "04", "2", [2, 3, 5], Decimal("64.32")),
    "02A02": ("inspanningsgericht", "01", "2", [90, 120, 180], Decimal("78.10")),
    "07A02": ("inspanningsgericht", "16", "2", [2, 4, 6], Decimal("52.00")),
    "02A04": ("inspanningsgericht", "04", "4", [2, 4], Decimal("64.32")),
    "10A01": ("outputgericht", "82", "4", [1], Decimal("800.00")),
    "10A03": ("outputgericht", "82", "4", [1], Decimal("1450.00")),
}


def _bsns(n: int):
    kandidaat = 999_000_000
    while n:
        kandidaat += 1
        if elfproef(str(kandidaat)):
            n -= 1
            yield str(kandidaat)


def opbouwen(aantal: int, rng: random.Random) -> list[Gemeente]:
    call_command("migrate", verbosity=0)
    referentiegegevens_laden()
    gemeenten = list(Gemeente.objects.filter(regio__code="H4"))
    producten = {p.productcode: p for p in Product.objects.filter(productcode__in=MIX)}
    aanbieders = Aanbieder.objects.bulk_create(
        Aanbieder(agb_code=f"9820{i:04d}", naam=f"Aanbieder {i + 1}") for i in range(10)
    )
    for a in aanbieders:
        contract = Contract.objects.create(
            nummer=f"H4-{a.agb_code}", aanbieder=a, ingangsdatum=date(2023, 1, 1), einddatum=date(2026, 12, 31)
        )
        contract.gemeenten.set(gemeenten)
        ContractProduct.objects.bulk_create(
            ContractProduct(contract=contract, product=p, bekostigingsvorm=MIX[code][0])
            for code, p in producten.items()
        )
        tarieven = []
        for code, p in producten.items():
            tarief = MIX[code][4]
            tarieven.append(
                Tarief(
                    contract=contract,
                    product=p,
                    ingangsdatum=date(2023, 1, 1),
                    einddatum=date(2025, 6, 30),
                    bedrag=tarief,
                )
            )
            verhoogd = (tarief * Decimal("1.025")).quantize(Decimal("0.01"))
            tarieven.append(
                Tarief(
                    contract=contract,
                    product=p,
                    ingangsdatum=date(2025, 7, 1),
                    bedrag=verhoogd,
                    indexatie_pct=Decimal("2.5"),
                )
            )
        Tarief.objects.bulk_create(tarieven)
    clienten = Client.objects.bulk_create(
        (
            Client(
                bsn=bsn,
                voorletters="A.",
                achternaam=f"Client {i}",
                geboortedatum=date(1950, 1, 1),
                geslacht="2",
                postcode="2281AB",
                huisnummer=1,
                gemeente=gemeenten[i % len(gemeenten)],
            )
            for i, bsn in enumerate(_bsns(aantal))
        ),
        batch_size=1000,
    )
    codes = list(producten)
    toewijzingen = []
    for i, client in enumerate(clienten):
        code = rng.choice(codes)
        _vorm, eenheid, frequentie, volumes, _t = MIX[code]
        start = date(2024, 6, 1) + timedelta(days=rng.randrange(0, 540))
        eind = start + timedelta(days=rng.choice([90, 180, 365, 730]))
        if start > date(JAAR, 12, 31):
            start = date(JAAR, 12, 1)
        if eind < date(JAAR, 1, 1):
            eind = date(JAAR, 3, 31)
        toewijzingen.append(
            Toewijzing(
                toewijzingsnummer=f"{700000 + i}",
                client=client,
                gemeente=client.gemeente,
                product=producten[code],
                aanbieder=rng.choice(aanbieders),
                ingangsdatum=start,
                einddatum=eind,
                volume=Decimal(rng.choice(volumes)),
                eenheid=eenheid,
                frequentie=frequentie,
                uitvoeringsvariant=MIX[code][0],
            )
        )
    Toewijzing.objects.bulk_create(toewijzingen, batch_size=1000)
    return gemeenten


def main(aantal: int = 8000) -> None:
    rng = random.Random(2025)
    t0 = time.perf_counter()
    gemeenten = opbouwen(aantal, rng)
    t1 = time.perf_counter()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {connection.vendor}"
    )
    print(f"build data set ({aantal:,} allocations, 10 providers, 4 municipalities): {t1 - t0:.1f} s")
    modellen = {
        "tarief_index": {"percentage": "3.5"},
        "output_per_4_weken": {"tarief": "700", "tarieven": {"10A01": "750", "10A03": "1400"}},
        "populatiebudget": {"korting_pct": "5"},
    }
    for model, data in modellen.items():
        parameters = rekenen.parameters_lezen(model, data)
        beste = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            uitkomst = rekenen.berekenen(gemeenten, JAAR, model, parameters)
            beste = min(beste, time.perf_counter() - start)
        print(
            f"scenario {model:<20} best of 3: {beste:.2f} s  ({uitkomst.aantal_toewijzingen:,} allocations in {JAAR}, "
            f"{len(uitkomst.regels)} rows; actual € {uitkomst.totaal_werkelijk:,}, "
            f"scenario € {uitkomst.totaal_scenario:,})"
        )
    start = time.perf_counter()
    scenario_create(
        user=None,
        naam="bench",
        jaar=JAAR,
        gemeenten=gemeenten,
        model="output_per_4_weken",
        parameters=modellen["output_per_4_weken"],
    )
    print(f"scenario_create (compute + save rows): {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))

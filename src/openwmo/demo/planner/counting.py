"""Pure counting over a plan, with the definitions the reports use (docs/demo.md), and a digest."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from decimal import Decimal

from openwmo.core.rekenen import aandeel_pct, ontwikkeling_pct
from openwmo.demo.planner.records import Plan, PlannedToewijzing
from openwmo.demo.planner.targets import DB_ROWS, IB_ROWS

# Provision types of the seed's Tabel 1 and the begeleiding products (catalogus.yaml codes).
SOORT_PRODUCTEN = {
    "hulp_bij_het_huishouden": ("01A01", "01A02"),
    "rolstoelvoorziening": ("11X01", "11X02"),
    "vervoervoorziening": ("12X01", "12X02"),
    "woonvoorziening": ("13X01", "13X02"),
    "individuele_begeleiding": ("02A01", "02A02"),
    "dagbesteding": ("07A01", "07A02", "07A03"),
    "kortdurend_verblijf": ("04A01",),
}
# "begeleiding" clients (1-1-2017): any IB or DB product
BEGELEIDING = SOORT_PRODUCTEN["individuele_begeleiding"] + SOORT_PRODUCTEN["dagbesteding"]
# Tabel 2 "Totaal indicaties Wmo begeleiding": IB + DB + kortdurend verblijf (see docs/demo.md)
BEGELEIDING_TOTAAL = BEGELEIDING + SOORT_PRODUCTEN["kortdurend_verblijf"]


def is_active(t: PlannedToewijzing, on_date: dt.date) -> bool:
    """Active on a date: start <= date and (no end or end >= date); both ends inclusive."""
    return t.start <= on_date and (t.end is None or t.end >= on_date)


def active(
    plan: Plan, product_codes: Iterable[str], on_date: dt.date, gemeente: str | None = None
) -> list[PlannedToewijzing]:
    codes = set(product_codes)
    return [
        t
        for t in plan.toewijzingen
        if t.product in codes and (gemeente is None or t.gemeente == gemeente) and is_active(t, on_date)
    ]


def count_active(plan: Plan, product_codes: Iterable[str], on_date: dt.date, gemeente: str | None = None) -> int:
    """ "voorzieningen" / "indicaties": the number of active allocations of these products."""
    return len(active(plan, product_codes, on_date, gemeente))


def count_clients(plan: Plan, product_codes: Iterable[str], on_date: dt.date, gemeente: str | None = None) -> int:
    """ "clienten": distinct clients with at least one active allocation of these products."""
    return len({t.client for t in active(plan, product_codes, on_date, gemeente)})


def pct_share(part: int, total: int) -> int:
    """A share in whole percent, rounded half-up (reproduces the seed's Bijlage 1.2 and 1.3)."""
    return aandeel_pct(part, total)


def pct_change(old: int, new: int) -> int:
    """Change in whole percent, rounded down: the rule that reproduces the seed's Tabel 2 (see core.rekenen)."""
    return ontwikkeling_pct(old, new)


def seed_tables(plan: Plan, gemeente: str) -> dict[str, dict[str, list[int]]]:
    """The seed's tables for one municipality, computed from the records, in seed-figures.yaml's shape."""
    d14, d15 = dt.date(2014, 12, 31), dt.date(2015, 12, 31)
    j15, j16, j17 = dt.date(2015, 1, 1), dt.date(2016, 1, 1), dt.date(2017, 1, 1)

    def n(codes: Iterable[str], d: dt.date) -> int:
        return count_active(plan, codes, d, gemeente)

    tabel_1 = {
        soort: [
            n(codes, d14),
            count_clients(plan, codes, d14, gemeente),
            n(codes, d15),
            count_clients(plan, codes, d15, gemeente),
        ]
        for soort, codes in list(SOORT_PRODUCTEN.items())[:4]
    }
    tabel_2 = {}
    for row, codes in (
        ("totaal", BEGELEIDING_TOTAAL),
        ("individuele_begeleiding", SOORT_PRODUCTEN["individuele_begeleiding"]),
        ("dagbesteding", SOORT_PRODUCTEN["dagbesteding"]),
    ):
        old, new = n(codes, j15), n(codes, j16)
        tabel_2[row] = [old, new, pct_change(old, new)]

    def zwaarte(rows: dict[str, str]) -> dict[str, list[int]]:
        tot15, tot16 = n(rows.values(), j15), n(rows.values(), j16)
        out = {
            r: [n([p], j15), pct_share(n([p], j15), tot15), n([p], j16), pct_share(n([p], j16), tot16)]
            for r, p in rows.items()
        }
        out["totaal"] = [tot15, 100, tot16, 100]
        return out

    return {
        "tabel_1_zin_plus_pgb": tabel_1,
        "tabel_2_indicaties_begeleiding": tabel_2,
        "bijlage_1_2_zwaarte_individuele_begeleiding": zwaarte(IB_ROWS),
        "bijlage_1_3_zwaarte_dagbesteding": zwaarte(DB_ROWS),
        "clients_2017_01_01": {
            "hulp_bij_het_huishouden": count_clients(plan, SOORT_PRODUCTEN["hulp_bij_het_huishouden"], j17, gemeente),
            "begeleiding": count_clients(plan, BEGELEIDING, j17, gemeente),
        },
    }


def _default(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(type(value).__name__)


RECORD_KINDS = (
    "huishoudens",
    "clients",
    "beschikkingen",
    "toewijzingen",
    "evaluaties",
    "doelen",
    "declaraties",
    "prestaties",
)


def digest(plan: Plan) -> str:
    """sha256 over a canonical JSON serialisation of every record, in plan order."""
    h = hashlib.sha256()
    h.update(json.dumps([plan.scenario, plan.seed]).encode())
    for name in RECORD_KINDS:
        for record in getattr(plan, name):
            row = [type(record).__name__, dataclasses.astuple(record)]
            h.update(json.dumps(row, default=_default, ensure_ascii=False, separators=(",", ":")).encode())
            h.update(b"\n")
    return h.hexdigest()

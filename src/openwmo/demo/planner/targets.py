"""Reference dates and exact targets per municipality and product group.

The calibrated municipality (scenario ``kalibratie``) gets the seed figures at the seed's own
reference dates; every other (municipality, group, date) follows the scenario's rates per 1,000
inhabitants. For the calibrated municipality the later, rate-based years are scaled so that they
continue from its last calibrated level instead of jumping to the regional rate.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from openwmo.demo.planner.chain import DateTarget, split
from openwmo.demo.scenario import Gemeente, Groep, Kalibratie, Scenario, interpolate

# Seed table rows -> product groups (the mapping of the brief; catalogus.yaml soorten).
TABEL_1_GROEPEN = {
    "hulp_bij_het_huishouden": "HH",
    "rolstoelvoorziening": "RV",
    "vervoervoorziening": "VV",
    "woonvoorziening": "WV",
}
IB_ROWS = {"basis": "02A01", "speciaal": "02A02"}
DB_ROWS = {"licht": "07A01", "basis": "07A02", "speciaal": "07A03"}
BEGELEIDING_2017 = dt.date(2017, 1, 1)


@dataclass(frozen=True)
class ChainSpec:
    gemeente: str
    groep: str
    dates: tuple[dt.date, ...]
    targets: tuple[DateTarget, ...]
    # for the calibrated begeleiding: IB and DB clients both active on this date index must be
    # exactly this many pairs (one client holding both), so that the union count is exact
    pair_index: int | None = None
    pairs: int | None = None


def year_of(d: dt.date) -> float:
    return d.year + (d.timetuple().tm_yday - 1) / 365.25


def rate_clients(s: Scenario, g: Gemeente, groep: Groep, d: dt.date) -> float:
    y = year_of(d)
    return interpolate(groep.per_1000, y) * g.inwoners_op(y) / 1000


def _from_clients(groep: Groep, d: dt.date, clients: int, allocations: int | None = None) -> DateTarget:
    if allocations is None:
        allocations = round(clients * groep.voorzieningen_per_client)
    return DateTarget(split(clients, groep.mix_op(year_of(d))), allocations - clients)


def _rate_targets(
    s: Scenario, g: Gemeente, groep: Groep, dates: list[dt.date], factor: float, rng: random.Random
) -> list[DateTarget]:
    vj = s.gedrag["variatie_jaar"]
    out = []
    for d in dates:
        clients = max(1, round(rate_clients(s, g, groep, d) * factor * (1 + rng.uniform(-vj, vj))))
        out.append(_from_clients(groep, d, clients))
    return out


def yearly(first: int, last: int) -> list[dt.date]:
    return [dt.date(y, 1, 1) for y in range(first, last + 1)]


def chain_specs(s: Scenario, g: Gemeente, rng: random.Random) -> list[ChainSpec]:
    """One ChainSpec per product group of the scenario for municipality ``g``."""
    k = s.kalibratie
    if k is not None and k.gemeente == g.cbs:
        return _calibrated_specs(s, g, k, rng)
    specs = []
    vg = s.gedrag["variatie_gemeente"]
    for code, groep in s.groepen.items():
        dates = yearly(2015, s.eind.year)
        factor = 1 + rng.uniform(-vg, vg)
        specs.append(ChainSpec(g.cbs, code, tuple(dates), tuple(_rate_targets(s, g, groep, dates, factor, rng))))
    return specs


def _calibrated_specs(s: Scenario, g: Gemeente, k: Kalibratie, rng: random.Random) -> list[ChainSpec]:
    specs = []
    d14, d15 = dt.date(2014, 12, 31), dt.date(2015, 12, 31)
    for row, code in TABEL_1_GROEPEN.items():
        groep = s.groepen[code]
        v14, c14, v15, c15 = k.tabel_1[row]
        dates = [d14, d15]
        targets = [_from_clients(groep, d14, c14, v14), _from_clients(groep, d15, c15, v15)]
        if code == "HH":
            dates.append(BEGELEIDING_2017)
            targets.append(_from_clients(groep, BEGELEIDING_2017, k.clients_2017_01_01["hulp_bij_het_huishouden"]))
        last_clients = targets[-1].clients
        factor = last_clients / rate_clients(s, g, groep, dates[-1])
        later = yearly(dates[-1].year + 1, s.eind.year)
        specs.append(
            ChainSpec(
                g.cbs,
                code,
                tuple(dates + later),
                tuple(targets + _rate_targets(s, g, groep, later, factor, rng)),
            )
        )

    # begeleiding: indications per product at 1-1-2015 and 1-1-2016 (Bijlage 1.2 and 1.3)
    ib = [DateTarget({p: k.bijlage_1_2[r][col] for r, p in IB_ROWS.items()}) for col in (0, 2)]
    db = [DateTarget({p: k.bijlage_1_3[r][col] for r, p in DB_ROWS.items()}) for col in (0, 2)]
    # 1-1-2017: x IB clients + y DB clients - z clients holding both = the seed's begeleiding count
    union = k.clients_2017_01_01["begeleiding"]
    ratio = db[1].clients / ib[1].clients
    share = s.gedrag["combinatie_begeleiding"]
    x = round(union / (1 + ratio - share * ratio))
    y = round(x * ratio)
    z = round(share * y)
    x = union - y + z
    dates = [dt.date(2015, 1, 1), dt.date(2016, 1, 1), BEGELEIDING_2017]
    later = yearly(2018, s.eind.year)
    for code, first, n in (("IB", ib, x), ("DB", db, y)):
        groep = s.groepen[code]
        targets = first + [_from_clients(groep, BEGELEIDING_2017, n)]
        factor = n / rate_clients(s, g, groep, BEGELEIDING_2017)
        specs.append(
            ChainSpec(
                g.cbs,
                code,
                tuple(dates + later),
                tuple(targets + _rate_targets(s, g, groep, later, factor, rng)),
                pair_index=2,
                pairs=z,
            )
        )

    # The seed's Tabel 2 total (570 at 1-1-2016) is 2 more than its "waarvan" rows (365 + 203). The
    # residual is read as the third begeleiding function, kortdurend verblijf (KV): 0 and 2 here.
    if "KV" in s.groepen:
        groep = s.groepen["KV"]
        rest = [
            k.tabel_2["totaal"][col] - k.tabel_2["individuele_begeleiding"][col] - k.tabel_2["dagbesteding"][col]
            for col in (0, 1)
        ]
        if min(rest) < 0:
            raise ValueError(f"kalibratie.tabel_2: totaal is smaller than its parts ({rest})")
        targets = [DateTarget({groep.producten[0]: n}) for n in rest]
        factor = max(rest[1], 1) / rate_clients(s, g, groep, dates[1])
        later = yearly(2017, s.eind.year)
        specs.append(
            ChainSpec(
                g.cbs,
                "KV",
                tuple(dates[:2] + later),
                tuple(targets + _rate_targets(s, g, groep, later, factor, rng)),
            )
        )
    return specs

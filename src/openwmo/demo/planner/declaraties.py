"""Claims (WMO323) for delivered care in the last complete months: one declaration per provider, municipality
and month, and a small share of realistic mistakes. Pure: the writer turns these records into 323 messages
and sends them through the real inbox, whose checks answer each one with a 325.

Only periodic care is claimed (frequentie per week or per month: HH, IB, DB, KV); one-off provisions
(aids, home adaptations, categories 11–13) are paid outside the 323 traffic in this demo. A line claims
the part of the month the allocation covers (ProductPeriode = month ∩ allocation, as TR-rules 9387/9388
demand), at the contract tariff of that year: per week allocated 4 weeks per full month (fewer for a
partial month, now and then one unit less than allocated), per month at most the allocated volume. The
total of a closed allocation never exceeds what it allows (TR322), so a line without a planned mistake is
approved.

The mistakes (`fout`), each about a quarter of `foutkans` of the lines, and `periode` mostly where an
allocation starts or ends inside a month (`DEELMAAND_FOUTKANS` of those lines):

| fout | what the provider sent | the 325 says |
|---|---|---|
| `periode` | the whole month for an allocation that starts or ends inside it | 9307 / 9308 |
| `volume` | more than the allocation allows in the period | 9321 |
| `tarief` | last year's tariff (the indexation was missed) | 0611 |
| `dubbel` | a line approved last month, sent again with a new ReferentieNummer | 9389 |
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from openwmo.core.periode import add_months, iso_week_count, month_count, month_end, month_start

if TYPE_CHECKING:
    from openwmo.demo.planner.records import PlannedToewijzing

PERIODIEK = {"2", "4"}  # frequentie per week, per month (WJ757)
PER_WEEK = "2"
HH = "01"
HH_WEKEN_PER_MAAND = 6  # IV077: per-line maximum of a weekly HH allocation
EERSTE_MAAND = dt.date(2021, 1, 1)  # CS100: claims for periods before 2021 are not accepted
FOUTEN = ("periode", "volume", "tarief", "dubbel")
DEELMAAND_FOUTKANS = 0.15  # a provider that bills whole months claims a partial month in full


@dataclass(frozen=True)
class PlannedDeclaratie:
    key: str  # DeclaratieNummer, unique per provider (alphanumeric, at most 12)
    aanbieder: str  # AGB
    gemeente: str  # CBS
    begin: dt.date  # the calendar month claimed
    end: dt.date
    dagtekening: dt.date


@dataclass(frozen=True)
class PlannedPrestatie:
    key: str  # ReferentieNummer, unique per provider
    declaratie: str
    toewijzing: str  # plan key of the allocation
    begin: dt.date  # ProductPeriode
    end: dt.date
    volume: int
    eenheid: str
    tarief: Decimal
    bedrag: Decimal
    fout: str  # "" or one of FOUTEN


def claim_months(vandaag: dt.date, maanden: int, scenario_eind: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The `maanden` complete calendar months before `vandaag`'s month, oldest first, within the scenario."""
    eerste = add_months(month_start(vandaag), -maanden)
    out = []
    for i in range(maanden):
        begin = add_months(eerste, i)
        if begin >= EERSTE_MAAND and month_end(begin) <= scenario_eind:
            out.append((begin, month_end(begin)))
    return out


def _nummer(key: str) -> str:
    return str(int("".join(c for c in key if c.isdigit())))


def _claimed_volume(rng: random.Random, t: PlannedToewijzing, begin: dt.date, end: dt.date) -> int:
    if t.frequentie == PER_WEEK:
        weken = min(4, max(1, ((end - begin).days + 1) // 7))
        volume = weken * t.volume
        return volume - 1 if volume > 1 and rng.random() < 0.3 else volume
    return rng.randint(max(1, t.volume // 2), t.volume)


def _line_maximum(t: PlannedToewijzing, begin: dt.date, end: dt.date) -> int:
    """TR321 as the checks apply it: the most one ProductPeriode may hold."""
    if t.frequentie == PER_WEEK:
        weken = HH_WEKEN_PER_MAAND if t.product.startswith(HH) else iso_week_count(begin, end)
        return weken * t.volume
    return t.volume


def _total_maximum(t: PlannedToewijzing) -> int | None:
    """TR322: the most a closed allocation may hold in total (None: open end)."""
    if t.end is None:
        return None
    if t.frequentie == PER_WEEK:
        return iso_week_count(t.start, t.end) * t.volume
    return month_count(t.start, t.end) * t.volume


def plan_declaraties(
    rng: random.Random,
    toewijzingen: tuple[PlannedToewijzing, ...] | list[PlannedToewijzing],
    producten: dict[str, dict],
    contract_op: Callable[[str, str, str, dt.date], bool],
    tarief: Callable[[str, int], Decimal],
    months: list[tuple[dt.date, dt.date]],
    vandaag: dt.date,
    foutkans: float,
) -> tuple[list[PlannedDeclaratie], list[PlannedPrestatie]]:
    """Claims for `months`. `contract_op(agb, cbs, product, day)`: the provider has a contract then (a provider
    whose contract ended does not claim); `tarief(product, year)`: the contract tariff."""
    if not months:
        return [], []
    lines: dict[tuple[int, str, str], list[PlannedPrestatie]] = defaultdict(list)
    eerste, laatste = months[0][0], months[-1][1]
    for t in toewijzingen:
        prod = producten[t.product]
        if prod["frequentie"] not in PERIODIEK or t.start > laatste or (t.end is not None and t.end < eerste):
            continue
        totaal = _total_maximum(t)
        geclaimd = 0
        nummer = _nummer(t.key)
        for i, (m_begin, m_end) in enumerate(months):
            begin, end = max(m_begin, t.start), min(m_end, t.end or m_end)
            if begin > end or not contract_op(t.aanbieder, t.gemeente, t.product, begin):
                continue
            volume = _claimed_volume(rng, t, begin, end)
            if totaal is not None:
                volume = min(volume, totaal - geclaimd)
                if volume <= 0:
                    continue
            prijs = tarief(t.product, begin.year)
            fout = rng.choice(FOUTEN) if rng.random() < foutkans else ""
            deel = begin != m_begin or end != m_end  # the allocation starts or ends inside the month
            if deel and rng.random() < DEELMAAND_FOUTKANS:
                fout = "periode"
            if fout == "periode":
                if deel:
                    begin, end = m_begin, m_end
                else:
                    fout = ""  # the allocation covers the whole month: nothing to claim outside it
            elif fout == "volume":
                volume = _line_maximum(t, begin, end) + t.volume
            elif fout == "tarief":
                vorig = tarief(t.product, begin.year - 1)
                prijs = vorig if vorig != prijs else prijs + Decimal("1.00")
            elif fout == "dubbel" and i + 1 == len(months):
                fout = ""  # the copy travels in next month's claim, which is not sent yet
            ref = f"{nummer}M{m_begin:%y%m}"
            regel = PlannedPrestatie(ref, "", t.key, begin, end, volume, prod["eenheid"], prijs, volume * prijs, fout)
            if fout == "dubbel":  # the original (approved) this month, the copy with a new number next month
                lines[(i + 1, t.aanbieder, t.gemeente)].append(replace(regel, key=f"{ref}H"))
                regel = replace(regel, fout="")
            lines[(i, t.aanbieder, t.gemeente)].append(regel)
            if not regel.fout:
                geclaimd += volume
    declaraties, prestaties = [], []
    for i, agb, cbs in sorted(lines):
        m_begin, m_end = months[i]
        key = f"D{m_begin:%y%m}{cbs}"
        dagtekening = min(m_end + dt.timedelta(days=rng.randint(1, 12)), vandaag)
        declaraties.append(PlannedDeclaratie(key, agb, cbs, m_begin, m_end, dagtekening))
        prestaties += [replace(p, declaratie=key) for p in lines[(i, agb, cbs)]]
    return declaraties, prestaties

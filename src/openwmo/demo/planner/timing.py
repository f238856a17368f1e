"""Turn tracks into dated spells (one spell = one future allocation), and add short episodes.

A run is a stretch of consecutive reference dates on which a track holds (the i-th copy of) a
product. Its start falls in the gap before its first date and its end in the gap after its last
date, so every count at a reference date is exactly what the track says. Two runs of one product
in one track are separated by a reference date without it, so they can never overlap.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from openwmo.demo.planner.chain import State
from openwmo.demo.scenario import Groep

DAY = dt.timedelta(days=1)
TRANSITION = dt.date(2015, 1, 1)  # begeleiding moved from the AWBZ to the Wmo


@dataclass(frozen=True)
class Spell:
    groep: str
    product: str
    start: dt.date
    end: dt.date | None


def _between(rng: random.Random, lo: dt.date, hi: dt.date) -> dt.date:
    """A uniformly drawn day in [lo, hi]."""
    return lo + dt.timedelta(days=int(rng.random() * (max(0, (hi - lo).days) + 1)))


def _end_after(rng: random.Random, d: dt.date, mean_months: float, horizon: dt.date) -> dt.date | None:
    end = d + dt.timedelta(days=int(rng.expovariate(1 / (mean_months * 30.44))))
    return None if end > horizon else end


def _runs(states: list[State]) -> list[tuple[str, int, int, int]]:
    """(product, copy index, first date index, last date index) for every run of the track."""
    out = []
    products = sorted({p for st in states for p in st})
    for p in products:
        copies = max(st.count(p) for st in states)
        for c in range(copies):
            first = None
            for t, st in enumerate(states + [()]):
                present = st.count(p) > c
                if present and first is None:
                    first = t
                elif not present and first is not None:
                    out.append((p, c, first, t - 1))
                    first = None
    return out


def track_spells(
    rng: random.Random, groep: Groep, dates: tuple[dt.date, ...], states: list[State], horizon: dt.date
) -> list[Spell]:
    """Dated spells for one track. The first copy of each product shares the track's change dates
    (a re-indication ends one product the day before the next starts); further copies (a second
    wheelchair) get their own dates within the same windows."""
    k = len(dates)

    def window(t: int) -> tuple[dt.date, dt.date]:  # change dates for the gap ending at dates[t]
        return (groep.historie_start, dates[0]) if t == 0 else (dates[t - 1] + DAY, dates[t])

    def change(t: int) -> dt.date:
        lo, hi = window(t)
        if t > 0 and lo == TRANSITION + DAY and groep.historie_start == TRANSITION and rng.random() < 0.5:
            return hi if hi == dt.date(2016, 1, 1) else _between(rng, lo, hi)  # end of the transition year
        return _between(rng, lo, hi)

    runs = _runs(states)
    needed = sorted({a for _, _, a, _ in runs} | {b + 1 for _, _, _, b in runs if b + 1 < k})
    shared = {t: change(t) for t in needed}
    shared_end = _end_after(rng, dates[-1], groep.gemiddelde_duur_maanden, horizon)
    spells = []
    for p, copy, a, b in runs:
        if copy == 0:
            start = shared[a]
            end = shared[b + 1] - DAY if b + 1 < k else shared_end
        else:
            start = _between(rng, *window(a))
            end = (
                _between(rng, *window(b + 1)) - DAY
                if b + 1 < k
                else _end_after(rng, dates[-1], groep.gemiddelde_duur_maanden, horizon)
            )
        spells.append(Spell(groep.code, p, start, end))
    return sorted(spells, key=lambda sp: (sp.start, sp.product))


def episode_spells(
    rng: random.Random,
    groep: Groep,
    lo: dt.date,
    hi: dt.date,
    n: int,
    mix: dict[str, float],
    horizon: dt.date,
) -> list[Spell]:
    """``n`` short spells that start after ``lo`` and end before ``hi`` (no reference date inside), or
    run past ``horizon`` (open-ended) when ``hi`` lies beyond it."""
    out = []
    products, weights = list(mix), list(mix.values())
    for _ in range(n):
        start = _between(rng, lo + DAY, min(hi, horizon + DAY) - 2 * DAY)
        length = dt.timedelta(days=14 + int(rng.expovariate(1 / (groep.gemiddelde_duur_maanden * 30.44 / 3))))
        end: dt.date | None = start + length
        if hi > horizon:
            end = None if end > horizon else end
        else:
            end = min(end, hi - DAY)
        out.append(Spell(groep.code, rng.choices(products, weights)[0], start, end))
    return out

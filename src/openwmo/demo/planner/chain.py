"""Build client tracks that hit exact counts at a chain of reference dates.

A track is one client's state in one product group at each reference date: a sorted tuple of the
product codes active on that date (empty when the client has nothing of the group then). Counts at
a reference date depend only on these states, so the numbers are exact by construction; dates are
chosen later (timing.py) within the gaps between reference dates.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

State = tuple[str, ...]
MAX_EXTRAS = 4  # most extra allocations one client holds at a date (categories 11-14 only)


@dataclass(frozen=True)
class DateTarget:
    """At one reference date: clients per base product, plus extra allocations beyond one per client."""

    per_product: dict[str, int]
    extras: int = 0

    @property
    def clients(self) -> int:
        return sum(self.per_product.values())


def split(total: int, shares: dict[str, float]) -> dict[str, int]:
    """Split ``total`` by ``shares`` with the largest-remainder method (exact sum, deterministic)."""
    raw = {k: total * v / sum(shares.values()) for k, v in shares.items()}
    out = {k: math.floor(v) for k, v in raw.items()}
    rest = total - sum(out.values())
    for k in sorted(raw, key=lambda k: (out[k] - raw[k], k))[:rest]:
        out[k] += 1
    return out


def survival(a: dt.date, b: dt.date, mean_months: float) -> float:
    return math.exp(-(b - a).days / (mean_months * 30.44))


def solve_chain(
    rng: random.Random,
    dates: list[dt.date],
    targets: list[DateTarget],
    producten: tuple[str, ...],
    meervoudig: bool,
    duur_maanden: float,
    opschaling: float,
) -> list[list[State]]:
    """Tracks whose states give exactly ``targets`` at ``dates``.

    Between two dates a share of the clients continues (survival from the mean duration); of those a
    share ``opschaling`` is re-indicated one step heavier; what the targets still need is filled
    by new clients. Extra allocations persist where they can and are otherwise handed out afresh.
    """
    base: list[list[str | None]] = []
    extra: list[list[tuple[str, ...]]] = []
    active: list[int] = []
    for t, target in enumerate(targets):
        remaining = dict(target.per_product)
        now: dict[int, str] = {}
        if t > 0:
            s = survival(dates[t - 1], dates[t], duur_maanden)
            movers: list[tuple[str, int]] = []
            for p in producten:
                group = [i for i in active if base[i][t - 1] == p]
                rng.shuffle(group)
                n_surv = round(s * len(group))
                n_stay = min(round(n_surv * (1 - opschaling)), remaining[p])
                for i in group[:n_stay]:
                    now[i] = p
                remaining[p] -= n_stay
                movers += [(p, i) for i in group[n_stay:n_surv]]
            for p, i in movers:
                k = producten.index(p)
                for q in producten[k + 1 :] + (p,) + producten[:k][::-1]:
                    if remaining[q] > 0:
                        now[i], remaining[q] = q, remaining[q] - 1
                        break
        for p in producten:
            for _ in range(remaining[p]):
                base.append([None] * len(dates))
                extra.append([()] * len(dates))
                now[len(base) - 1] = p
        for i, p in now.items():
            base[i][t] = p
        active = sorted(now)
        _hand_out_extras(rng, t, active, base, extra, target.extras, producten, meervoudig)
    return [
        [tuple(sorted(((b,) if b else ()) + e)) for b, e in zip(bs, es, strict=True)]
        for bs, es in zip(base, extra, strict=True)
    ]


def _hand_out_extras(
    rng: random.Random,
    t: int,
    active: list[int],
    base: list[list[str | None]],
    extra: list[list[tuple[str, ...]]],
    wanted: int,
    producten: tuple[str, ...],
    meervoudig: bool,
) -> None:
    # keep the extras of continuing clients first (a second wheelchair stays in use)
    keepers = [i for i in active if t > 0 and extra[i][t - 1]]
    rng.shuffle(keepers)
    for i in keepers:
        kept = tuple(q for q in extra[i][t - 1] if meervoudig or q != base[i][t])
        kept = kept[:wanted]
        extra[i][t], wanted = kept, wanted - len(kept)
        if wanted == 0:
            return
    pool = [i for i in active if len(extra[i][t]) < (MAX_EXTRAS if meervoudig else 1)]
    if not meervoudig:
        pool = [i for i in pool if not extra[i][t]]
    while wanted > 0:
        if not pool and meervoudig:  # refill with everyone who still has room
            pool = [i for i in active if len(extra[i][t]) < MAX_EXTRAS]
        if not pool:
            raise ValueError(f"cannot place {wanted} extra allocations on {len(active)} clients")
        i = pool.pop(rng.randrange(len(pool)))
        options = producten if meervoudig else tuple(p for p in producten if p != base[i][t])
        n = min(wanted, 1 + (rng.random() < 0.25 if meervoudig else 0))
        extra[i][t] = extra[i][t] + tuple(rng.choice(options) for _ in range(n))
        wanted -= n
        if meervoudig and len(extra[i][t]) < MAX_EXTRAS and rng.random() < 0.5:
            pool.append(i)

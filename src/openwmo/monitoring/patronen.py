"""Combination and sequence patterns over plain allocation rows (no Django; tested without a database).

A row is `(client, soort, ingangsdatum, einddatum)`: the client's id, the voorzieningsoort code, and the
allocation's inclusive period (einddatum None = still running).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from openwmo.core.periode import add_months, dates_overlap

Rij = tuple[int, str, date, date | None]


@dataclass
class Combinaties:
    clienten: int = 0
    enkelvoudig: int = 0
    paren: dict[tuple[str, str], int] = field(default_factory=dict)


def combinaties(rijen: Iterable[Rij], van: date, tot: date) -> Combinaties:
    """Clients with allocations in [van, tot]: how many had one soort only, and per pair of soorten how
    many clients held both at the same time (the two allocations share a day inside the period)."""
    per_client: dict[int, list[tuple[str, date, date]]] = defaultdict(list)
    for client, soort, start, eind in rijen:
        s, e = max(start, van), min(eind or tot, tot)
        if s <= e:
            per_client[client].append((soort, s, e))
    uitkomst = Combinaties(clienten=len(per_client))
    paren: dict[tuple[str, str], int] = defaultdict(int)
    for toewijzingen in per_client.values():
        soorten = {t[0] for t in toewijzingen}
        if len(soorten) == 1:
            uitkomst.enkelvoudig += 1
            continue
        gevonden = set()
        for i, (a, sa, ea) in enumerate(toewijzingen):
            for b, sb, eb in toewijzingen[i + 1 :]:
                if a != b and dates_overlap(sa, ea, sb, eb):
                    gevonden.add((a, b) if a < b else (b, a))
        for paar in gevonden:
            paren[paar] += 1
    uitkomst.paren = dict(paren)
    return uitkomst


@dataclass
class Volgordes:
    met_a: dict[str, int] = field(default_factory=dict)
    gevolgd: dict[tuple[str, str], int] = field(default_factory=dict)


def volgordes(rijen: Iterable[Rij], van: date, tot: date, maanden: int) -> Volgordes:
    """Per soort A: the clients with an A allocation starting in [van, tot] (`met_a`), and per other soort B
    how many of them got a B allocation that started after that A started and at the latest `maanden`
    months after it ended (while A still runs: any later start). Rows must cover [van, tot + maanden]."""
    per_client: dict[int, list[tuple[str, date, date | None]]] = defaultdict(list)
    for client, soort, start, eind in rijen:
        per_client[client].append((soort, start, eind))
    met_a: dict[str, int] = defaultdict(int)
    gevolgd: dict[tuple[str, str], int] = defaultdict(int)
    for toewijzingen in per_client.values():
        a_soorten, paren = set(), set()
        for a, start_a, eind_a in toewijzingen:
            if not van <= start_a <= tot:
                continue
            a_soorten.add(a)
            grens = add_months(eind_a, maanden) if eind_a else None
            for b, start_b, _eind_b in toewijzingen:
                if b != a and start_b > start_a and (grens is None or start_b <= grens):
                    paren.add((a, b))
        for a in a_soorten:
            met_a[a] += 1
        for paar in paren:
            gevolgd[paar] += 1
    return Volgordes(met_a=dict(met_a), gevolgd=dict(gevolgd))

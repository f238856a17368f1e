"""Goals per result area, ZRM scores at intake and evaluation, outcome and satisfaction for a subset
of the begeleiding allocations (IB and DB)."""

from __future__ import annotations

import datetime as dt
import random

from openwmo.demo.planner.records import ZRM_DOMEINEN, PlannedDoel, PlannedEvaluatie, PlannedToewijzing
from openwmo.demo.scenario import Scenario

RESULTAATGEBIEDEN = ("RG1", "RG2", "RG3", "RG4", "RG5", "RG6")


def _clip(v: int) -> int:
    return max(1, min(5, v))


def plan_outcomes(
    rng: random.Random, s: Scenario, toewijzingen: list[PlannedToewijzing]
) -> tuple[list[PlannedEvaluatie], list[PlannedDoel]]:
    evaluaties: list[PlannedEvaluatie] = []
    doelen: list[PlannedDoel] = []
    begeleiding = set(s.groepen["IB"].producten) | set(s.groepen["DB"].producten)
    for t in toewijzingen:
        if t.product not in begeleiding or rng.random() >= s.gedrag["evaluatie_aandeel"]:
            continue
        evaluatie = t.start + dt.timedelta(days=rng.randint(180, 365))
        if t.end is not None and t.end < evaluatie:
            evaluatie = t.end
        if evaluatie > s.eind or (evaluatie - t.start).days < 60:
            continue
        heavy = t.product in ("02A02", "07A03")
        intake = tuple(
            _clip(rng.choices((1, 2, 3, 4, 5), (2, 5, 5, 3, 1) if heavy else (1, 3, 5, 5, 2))[0]) for _ in ZRM_DOMEINEN
        )
        delta = [rng.choices((-1, 0, 1, 2), (1, 5, 3, 1))[0] for _ in ZRM_DOMEINEN]
        na = tuple(_clip(a + d) for a, d in zip(intake, delta, strict=True))
        gain = sum(b - a for a, b in zip(intake, na, strict=True)) / len(ZRM_DOMEINEN)
        key = f"E{len(evaluaties) + 1:07d}"
        areas = rng.sample(RESULTAATGEBIEDEN, rng.choices((1, 2, 3), (4, 4, 2))[0])
        if t.product.startswith("07") and "RG4" not in areas:
            areas[0] = "RG4"  # day activities always work on meaningful daytime activity
        reached = 0
        for area in sorted(areas):
            score = gain + rng.gauss(0, 0.4)
            uitkomst = "behaald" if score > 0.35 else "deels behaald" if score > -0.05 else "niet behaald"
            reached += uitkomst == "behaald"
            doelen.append(PlannedDoel(f"D{len(doelen) + 1:07d}", key, area, uitkomst))
        tevredenheid = max(1, min(10, round(rng.gauss(6.9 + 0.5 * reached + gain, 1.1))))
        evaluaties.append(PlannedEvaluatie(key, t.key, t.client, t.start, evaluatie, intake, na, tevredenheid))
    return evaluaties, doelen

"""The demo planner: plan(scenario, seed) -> Plan of plain records; counting helpers; digest."""

from openwmo.demo.planner.build import plan
from openwmo.demo.planner.counting import (
    SOORT_PRODUCTEN,
    count_active,
    count_clients,
    digest,
    is_active,
    pct_change,
    pct_share,
    seed_tables,
)
from openwmo.demo.planner.records import (
    Plan,
    PlannedBeschikking,
    PlannedClient,
    PlannedDoel,
    PlannedEvaluatie,
    PlannedHuishouden,
    PlannedToewijzing,
)

__all__ = [
    "SOORT_PRODUCTEN",
    "Plan",
    "PlannedBeschikking",
    "PlannedClient",
    "PlannedDoel",
    "PlannedEvaluatie",
    "PlannedHuishouden",
    "PlannedToewijzing",
    "count_active",
    "seed_tables",
    "count_clients",
    "digest",
    "is_active",
    "pct_change",
    "pct_share",
    "plan",
]

"""Pure funding calculators for Open Wmo: plain frozen dataclasses in, plain frozen dataclasses out.

This package imports nothing from Django (``tests/bekostiging/engine/test_engine_is_pure.py``
guards that); the services in ``openwmo.bekostiging`` read the database, call these functions and
store the results. One module per concern:

- ``periods``: the period helper (``Periode``) every other module and app uses;
- ``money``: Decimal/Fraction rules and the one largest-remainder split;
- ``units``: iWmo eenheden and frequenties, unit conversion;
- ``inspanningsgericht``, ``outputgericht``, ``taakgericht``, ``subsidie``: the funding models;
- ``plekken``: trajectories and places; ``verdeling``: regional split from historical spend;
- ``prognose``: commitments and year-end forecast; ``indexatie``: yearly indexation.

See ``docs/bekostiging.md`` for each rule with a worked example.
"""

from openwmo.core.periode import Periode, four_week_period_containing, month_containing, year_periode

from .indexatie import GeindexeerdBedrag, index_series, index_to_year
from .inspanningsgericht import (
    Kosten,
    ToewijzingInput,
    VolumeCheck,
    check_volume,
    cost,
    declarable_hours,
    max_volume,
    minute_tariff,
)
from .money import CENT, round_cents, split_largest_remainder
from .outputgericht import (
    MaandBedrag,
    PeriodeBedrag,
    Periodetype,
    Termijn,
    monthly_amounts,
    period_amounts,
    prorate,
    spread_over_months,
    trajectory_instalments,
)
from .plekken import Plekkenbehoefte, Trajectvraag, places_needed, trajectories_per_place
from .prognose import (
    LopendeInspanning,
    LopendeOutput,
    Prognose,
    Verplichting,
    Verplichtingen,
    commitments,
    expected_units,
    remaining_months,
    remaining_window,
    year_end_forecast,
)
from .subsidie import Subsidie, SubsidieTotaal, totals_per_year
from .taakgericht import Budgetverdeling, Sleutel, Wijkbudget, WijkInput, split_population_budget
from .units import (
    Eenheid,
    Frequentie,
    conversion_factor,
    convert_volume,
    eenheid,
    finer_unit,
    frequentie,
    is_time_unit,
    minutes_per,
)
from .verdeling import GemeenteAandeel, HistorischeUitgave, RegionaleVerdeling, regional_split

__all__ = [
    "CENT",
    "Budgetverdeling",
    "Eenheid",
    "Frequentie",
    "GeindexeerdBedrag",
    "GemeenteAandeel",
    "HistorischeUitgave",
    "Kosten",
    "LopendeInspanning",
    "LopendeOutput",
    "MaandBedrag",
    "Periode",
    "PeriodeBedrag",
    "Periodetype",
    "Plekkenbehoefte",
    "Prognose",
    "RegionaleVerdeling",
    "Sleutel",
    "Subsidie",
    "SubsidieTotaal",
    "Termijn",
    "ToewijzingInput",
    "Trajectvraag",
    "Verplichting",
    "Verplichtingen",
    "VolumeCheck",
    "Wijkbudget",
    "WijkInput",
    "check_volume",
    "commitments",
    "conversion_factor",
    "convert_volume",
    "cost",
    "expected_units",
    "declarable_hours",
    "eenheid",
    "finer_unit",
    "four_week_period_containing",
    "frequentie",
    "index_series",
    "index_to_year",
    "is_time_unit",
    "max_volume",
    "minute_tariff",
    "minutes_per",
    "month_containing",
    "monthly_amounts",
    "period_amounts",
    "places_needed",
    "prorate",
    "regional_split",
    "remaining_months",
    "remaining_window",
    "round_cents",
    "split_largest_remainder",
    "split_population_budget",
    "spread_over_months",
    "totals_per_year",
    "trajectories_per_place",
    "trajectory_instalments",
    "year_end_forecast",
    "year_periode",
]

"""Period rules as ORM filters, so that selectors never re-write overlap or containment inline.

The rules themselves (inclusive start, inclusive and possibly open end) are those of
`openwmo.core.periode.Periode`; these filters express the same rules for the database.
"""

from datetime import date

from django.db.models import Q


def overlap_q(start: date, eind: date | None, start_veld: str = "ingangsdatum", eind_veld: str = "einddatum") -> Q:
    """ORM filter for rows whose period [start_veld, eind_veld] overlaps [start, eind] (as Periode.overlaps)."""
    q = Q(**{f"{eind_veld}__isnull": True}) | Q(**{f"{eind_veld}__gte": start})
    if eind is not None:
        q &= Q(**{f"{start_veld}__lte": eind})
    return q


def actief_op_q(dag: date, start_veld: str = "ingangsdatum", eind_veld: str = "einddatum") -> Q:
    """ORM filter for rows whose period contains `dag` (as Periode.contains)."""
    return overlap_q(dag, dag, start_veld, eind_veld)

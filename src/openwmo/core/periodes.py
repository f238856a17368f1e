"""The one place where period overlap and containment are decided.

A period has an inclusive start and an inclusive, possibly open (None) end, as in the iWmo standard.
`overlapt` and `bevat` work on plain dates; `overlap_q` and `actief_op_q` build the same rules as ORM
filters so that selectors never re-write them inline.
"""

from datetime import date

from django.db.models import Q


def overlapt(start_a: date, eind_a: date | None, start_b: date, eind_b: date | None) -> bool:
    """True when [start_a, eind_a] and [start_b, eind_b] share at least one day."""
    return (eind_b is None or start_a <= eind_b) and (eind_a is None or start_b <= eind_a)


def bevat(start: date, eind: date | None, dag: date) -> bool:
    """True when `dag` lies inside [start, eind]."""
    return start <= dag and (eind is None or dag <= eind)


def overlap_q(start: date, eind: date | None, start_veld: str = "ingangsdatum", eind_veld: str = "einddatum") -> Q:
    """ORM filter for rows whose period [start_veld, eind_veld] overlaps [start, eind]."""
    q = Q(**{f"{eind_veld}__isnull": True}) | Q(**{f"{eind_veld}__gte": start})
    if eind is not None:
        q &= Q(**{f"{start_veld}__lte": eind})
    return q


def actief_op_q(dag: date, start_veld: str = "ingangsdatum", eind_veld: str = "einddatum") -> Q:
    """ORM filter for rows whose period contains `dag`."""
    return overlap_q(dag, dag, start_veld, eind_veld)

"""The ORM filters decide overlap exactly as Periode does, on the real database."""

import datetime
import itertools

from openwmo.core.periode import Periode
from openwmo.core.periodes import overlap_q
from openwmo.toegang.models import Beschikking

from ..factories import BeschikkingFactory

D = datetime.date
GRENZEN = [D(2016, 1, 1), D(2016, 3, 31), D(2016, 4, 1), D(2016, 6, 30), None]


def test_overlap_q_agrees_with_periode_for_all_boundary_cases(client_rijswijk):
    rijen = {}
    for start, eind in itertools.product(GRENZEN[:-1], GRENZEN):
        if eind is None or eind >= start:
            rijen[BeschikkingFactory(client=client_rijswijk, ingangsdatum=start, einddatum=eind).pk] = Periode(
                start, eind
            )
    for start, eind in itertools.product(GRENZEN[:-1], GRENZEN):
        if eind is not None and eind < start:
            continue
        gevraagd = Periode(start, eind)
        verwacht = {pk for pk, periode in rijen.items() if periode.overlaps(gevraagd)}
        assert set(Beschikking.objects.filter(overlap_q(start, eind)).values_list("pk", flat=True)) == verwacht

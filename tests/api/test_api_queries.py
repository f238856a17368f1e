"""List endpoints do a fixed number of queries whatever the page holds (no N+1), so load cannot creep up unseen.

Each list is read with one record of each kind and again with four: the query count must not change. The
allocation list, the one integrators poll most, is also pinned to its exact count (scope, count, the page's
ids, its rows, audit entry), for a municipal user and for a provider. No timings here: `benchmarks/load.py`
measures those.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from openwmo.toegang.models import Toewijzing

from ..factories import (
    AanbiederGebruikerFactory,
    ClientFactory,
    DoelFactory,
    MeldingFactory,
    TariefFactory,
    ToewijzingFactory,
    UserFactory,
)
from .conftest import api_als

pytestmark = pytest.mark.django_db

LIJSTEN = [
    "/api/v1/gemeenten/",
    "/api/v1/clienten/",
    "/api/v1/clienten/?gemeente=0603",
    "/api/v1/meldingen/",
    "/api/v1/ondersteuningsplannen/",
    "/api/v1/beschikkingen/?gemeente=0603",
    "/api/v1/toewijzingen/?gemeente=0603",
    "/api/v1/toewijzingen/?actief_op=2016-06-01",
    "/api/v1/declaraties/",
    "/api/v1/betaalbatches/",
    "/api/v1/aanbieders/",
    "/api/v1/contracten/?gemeente=0603",
    "/api/v1/tarieven/?gemeente=0603",
    "/api/v1/producten/",
]


def _records(rijswijk, aanbieder):
    client = ClientFactory(gemeente=rijswijk)
    ToewijzingFactory(beschikking__client=client, gemeente=rijswijk, aanbieder=aanbieder)
    MeldingFactory(client=client)
    DoelFactory(plan__client=client)
    TariefFactory(contract__gemeenten=[rijswijk])


def _queries(api, url) -> int:
    with CaptureQueriesContext(connection) as vastgelegd:
        antwoord = api.get(url)
    assert antwoord.status_code == 200, (url, antwoord.status_code)
    return len(vastgelegd)


def test_list_endpoints_do_not_query_per_record(rijswijk):
    aanbieder = AanbiederGebruikerFactory(user__gemeenten=[rijswijk])
    beheerder = api_als(UserFactory(rol="beheerder", gemeenten=[rijswijk]))
    eigen = api_als(aanbieder.user)
    _records(rijswijk, aanbieder.aanbieder)
    een = {url: _queries(beheerder, url) for url in LIJSTEN}
    een_aanbieder = _queries(eigen, "/api/v1/toewijzingen/")
    for _ in range(3):
        _records(rijswijk, aanbieder.aanbieder)
    vier = {url: _queries(beheerder, url) for url in LIJSTEN}
    assert vier == een
    assert _queries(eigen, "/api/v1/toewijzingen/") == een_aanbieder


def test_the_allocation_list_costs_a_fixed_number_of_queries(rijswijk, django_assert_num_queries):
    aanbieder = AanbiederGebruikerFactory(user__gemeenten=[rijswijk])
    for _ in range(3):
        _records(rijswijk, aanbieder.aanbieder)
    consulent = api_als(UserFactory(rol="consulent", gemeenten=[rijswijk]))
    consulent.get("/api/v1/gemeenten/")  # the token's first use is not what is measured
    # token + user (one join), COUNT, the page's ids (municipalities as a subquery), its rows, the audit INSERT
    with django_assert_num_queries(5):
        antwoord = consulent.get("/api/v1/toewijzingen/?gemeente=0603&page_size=2")
    assert antwoord.json()["count"] == 3 and all(t["bsn"] for t in antwoord.json()["results"])
    # the page in two steps keeps the list's order across pages
    volgorde = Toewijzing.objects.order_by("-ingangsdatum", "toewijzingsnummer").values_list("toewijzingsnummer")
    paginas = [consulent.get(f"/api/v1/toewijzingen/?page_size=2&page={p}").json()["results"] for p in (1, 2)]
    assert [t["toewijzingsnummer"] for t in paginas[0] + paginas[1]] == [n for (n,) in volgorde]
    eigen = api_als(aanbieder.user)
    eigen.get("/api/v1/gemeenten/")
    # token + user, the provider link (scope), COUNT, the page's ids, its rows, the provider link (BSN rule, once
    # per request), the audit INSERT
    with django_assert_num_queries(7):
        antwoord = eigen.get("/api/v1/toewijzingen/?page_size=2")
    assert antwoord.json()["count"] == 3 and all(t["bsn"] for t in antwoord.json()["results"])

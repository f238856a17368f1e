"""Hostile requests to the REST API (/api/v1/, token auth): never a 5xx, never a partial write.

Random methods, paths and query parameters (SQL, HTML, control characters, wrong dates and codes), bodies that
are random bytes, wrong content types, random JSON and mutated valid payloads for the two write endpoints, and
garbage tokens. Django's test client re-raises any exception a view lets escape, so "no exception" and "no 5xx"
are both checked. Invariant: a refused request changes no domain table; a 201 adds exactly one decision or
allocation (and the number series it drew from).
"""

import json
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rest_framework.test import APIClient

from tests.api.conftest import api_als
from tests.factories import (
    AanbiederGebruikerFactory,
    ClientFactory,
    DoelFactory,
    GemeenteFactory,
    TariefFactory,
    ToewijzingFactory,
    UserFactory,
)

from .helpers import fuzz_settings, tel, tellingen, uitkomst, verschil, vijandige_tekst

pytestmark = pytest.mark.django_db
BRONNEN = ["gemeenten", "clienten", "beschikkingen", "toewijzingen", "aanbieders", "contracten", "tarieven"]
BRONNEN += ["producten", "rapporten", "rapporten/indicaties-begeleiding", "rapporten/wijken", "schema"]
BRONNEN += ["meldingen", "ondersteuningsplannen", "declaraties", "declaraties/1/prestaties", "betaalbatches"]
PARAMETERS = ["gemeente", "ingangsdatum_vanaf", "ingangsdatum_tot", "actief_op", "page", "page_size", "bsn"]
PARAMETERS += ["peildatum", "van", "tot", "format", "ordering", "search", "aanbieder", "regio"]
PARAMETERS += ["meldingsdatum_vanaf", "meldingsdatum_tot", "periode_begindatum_vanaf", "status"]
MAG_GROEIEN_BIJ_201 = {"toegang.beschikking", "toegang.beschiktproduct", "toegang.toewijzing", "core.nummerreeks"}
MAG_GROEIEN_BIJ_201 |= {"declaraties.declaratie", "declaraties.prestatie"}
SCHRIJFBRONNEN = ["beschikkingen", "toewijzingen", "declaraties", "berichten"]

json_waarde = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | vijandige_tekst,
    lambda kinderen: st.lists(kinderen, max_size=3) | st.dictionaries(vijandige_tekst, kinderen, max_size=3),
    max_leaves=8,
)


@pytest.fixture
def opzet():
    rijswijk = GemeenteFactory(cbs_code="0603", naam="Rijswijk")
    client = ClientFactory(gemeente=rijswijk)
    tarief = TariefFactory(contract__gemeenten=[rijswijk])
    medewerker = AanbiederGebruikerFactory(user__gemeenten=[rijswijk])
    ToewijzingFactory(beschikking__client=client, aanbieder=medewerker.aanbieder, product__productcode="02A02")
    DoelFactory(plan__client=client)  # a decision needs a goal in the client's plan
    consulent = UserFactory(rol="consulent", gemeenten=[rijswijk])
    klanten = {
        "consulent": api_als(consulent),
        "controller": api_als(UserFactory(rol="controller", gemeenten=[rijswijk])),
        "aanbieder": api_als(medewerker.user),
        "anoniem": APIClient(),
    }
    geldig = {
        "beschikkingen": {
            "bsn": client.bsn,
            "gemeente": "0603",
            "besluitdatum": "2016-01-10",
            "ingangsdatum": "2016-02-01",
            "einddatum": "2016-12-31",
            "producten": [{"productcode": "02A01", "volume": "3"}],
        },
        "toewijzingen": {
            "bsn": client.bsn,
            "productcode": "02A01",
            "aanbieder": tarief.contract.aanbieder.agb_code,
            "ingangsdatum": "2016-02-01",
            "einddatum": "2016-12-31",
            "volume": "3",
            "eenheid": "04",
            "frequentie": "2",
        },
        "declaraties": {
            "declaratienummer": "D1",
            "gemeente": "0603",
            "periode_begindatum": "2023-03-01",
            "periode_einddatum": "2023-03-31",
            "prestaties": [
                {
                    "referentienummer": "R1",
                    "toewijzingsnummer": "500000",
                    "bsn": client.bsn,
                    "productcode": "02A02",
                    "begindatum": "2023-03-01",
                    "einddatum": "2023-03-31",
                    "geleverd_volume": 10,
                    "eenheid": "04",
                    "producttarief": "50.00",
                    "ingediend_bedrag": "500.00",
                }
            ],
        },
        "berichten": {"bericht": "<Bericht/>"},
    }
    return klanten, geldig


@st.composite
def pad(draw) -> str:
    soort = draw(st.sampled_from(["lijst", "lijst", "detail", "raar", "bytes"]))
    bron = draw(st.sampled_from(BRONNEN))
    if soort == "lijst":
        return f"/api/v1/{bron}/"
    if soort == "detail":
        sleutel = draw(st.one_of(st.integers(-5, 10**12).map(str), vijandige_tekst, st.sampled_from(["1", "0603"])))
        return f"/api/v1/{bron}/{quote(sleutel, safe='')}/"
    if soort == "raar":
        return "/api/v1/" + "/".join(quote(draw(vijandige_tekst), safe="") for _ in range(draw(st.integers(1, 3))))
    return f"/api/v1/{bron}/" + "".join(f"%{b:02X}" for b in draw(st.binary(min_size=1, max_size=12)))


@st.composite
def verzoek(draw, geldig: dict):
    methode = draw(st.sampled_from(["get", "get", "get", "post", "post", "put", "patch", "delete", "options", "head"]))
    parameters = draw(
        st.dictionaries(st.one_of(st.sampled_from(PARAMETERS), vijandige_tekst), vijandige_tekst, max_size=4)
    )
    if methode not in ("post", "put", "patch"):
        return methode, draw(pad()), {"data": parameters}
    bron = draw(st.sampled_from(SCHRIJFBRONNEN))
    doel = draw(st.one_of(st.just(f"/api/v1/{bron}/"), pad()))
    soort = draw(st.sampled_from(["gemuteerd", "gemuteerd", "gemuteerd", "json", "bytes", "form"]))
    if soort == "gemuteerd":
        lichaam = dict(geldig[bron])
        for _ in range(draw(st.integers(0, 3))):
            namen = st.sampled_from(sorted(lichaam)) if lichaam else vijandige_tekst
            veld = draw(st.one_of(namen, vijandige_tekst))
            if draw(st.integers(0, 5)) == 0:
                lichaam.pop(veld, None)
            else:
                lichaam[veld] = draw(st.one_of(vijandige_tekst, json_waarde))
        return methode, doel, {"data": json.dumps(lichaam), "content_type": "application/json"}
    if soort == "json":
        return methode, doel, {"data": json.dumps(draw(json_waarde)), "content_type": "application/json"}
    if soort == "bytes":
        soort_inhoud = draw(
            st.sampled_from(["application/json", "application/xml", "text/plain", "multipart/form-data; boundary=x"])
        )
        return methode, doel, {"data": draw(st.binary(max_size=300)), "content_type": soort_inhoud}
    return methode, doel, {"data": {k: v for k, v in geldig[bron].items()} | parameters, "format": "multipart"}


def _als_wsgi(waarde: str) -> str:
    """A header as a WSGI server hands it to Django: the raw bytes (here UTF-8) decoded as ISO-8859-1 (PEP 3333)."""
    return waarde.encode("utf-8", errors="replace").decode("latin-1")


@fuzz_settings(max_examples=3000, naam="api")
@given(data=st.data())
def test_api_weerstaat_vijandige_verzoeken(opzet, data):
    tel("api")
    klanten, geldig = opzet
    wie = data.draw(st.sampled_from(["consulent", "consulent", "consulent", "controller", "aanbieder", "anoniem"]))
    klant = klanten[wie]
    extra = {}
    if data.draw(st.integers(0, 9)) == 0:  # a garbage token or authorization header
        extra["HTTP_AUTHORIZATION"] = _als_wsgi(
            data.draw(st.sampled_from(["Token ", "Bearer ", "Basic ", ""])) + data.draw(vijandige_tekst)
        )
    if data.draw(st.integers(0, 9)) == 0:
        extra["HTTP_ACCEPT"] = _als_wsgi(data.draw(st.sampled_from(["text/html", "application/xml", "*/*", "x/y;é"])))
    methode, url, kwargs = data.draw(verzoek(geldig))
    voor = tellingen()
    antwoord = getattr(klant, methode)(url, **kwargs, **extra)  # an escaping exception fails the test here
    delta = verschil(voor, tellingen())
    uitkomst(f"api {antwoord.status_code}")
    assert antwoord.status_code < 500, (methode, url, kwargs, antwoord.content[:500])
    if url.startswith("/api/v1/berichten/") and antwoord.status_code in (200, 202, 422):
        # every delivered message is kept with its status (also a rejected one), with the answer sent back
        assert {t.split(".")[0] for t in delta} <= {"berichten", "core"}, delta
    elif antwoord.status_code == 201:
        assert set(delta) <= MAG_GROEIEN_BIJ_201, delta
        assert (
            sum(delta.get(t, 0) for t in ("toegang.beschikking", "toegang.toewijzing", "declaraties.declaratie"))
            == 1
        ), delta
    else:
        assert delta == {}, (methode, url, antwoord.status_code, delta)

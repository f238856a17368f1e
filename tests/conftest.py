import os

import pytest

from openwmo.catalogus.referentie import referentiegegevens_laden

from .factories import ClientFactory, GemeenteFactory, UserFactory


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"openwmo: tests run on {database['ENGINE'].rsplit('.', 1)[-1]} ({database.get('HOST') or database['NAME']})"


@pytest.fixture
def referentie(db):
    """The real reference data (municipalities, catalogue, code lists), as load_reference loads it."""
    referentiegegevens_laden()


@pytest.fixture
def rijswijk(db):
    return GemeenteFactory(cbs_code="0603", naam="Rijswijk")


@pytest.fixture
def delft(db):
    return GemeenteFactory(cbs_code="0503", naam="Delft")


@pytest.fixture
def consulent_rijswijk(rijswijk):
    return UserFactory(username="consulent-rijswijk", rol="consulent", gemeenten=[rijswijk])


@pytest.fixture
def client_delft(delft):
    return ClientFactory(gemeente=delft, achternaam="Delftenaar")


@pytest.fixture
def client_rijswijk(rijswijk):
    return ClientFactory(gemeente=rijswijk, achternaam="Rijswijker")


@pytest.fixture(scope="session")
def artefacten_dir():
    """Where browser tests keep their screenshots (kept by CI as test artefacts)."""
    pad = os.environ.get("OPENWMO_TEST_ARTEFACTS", "test-artifacts")
    os.makedirs(pad, exist_ok=True)
    return pad

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ..factories import AanbiederGebruikerFactory, TariefFactory, ToewijzingFactory, UserFactory


def api_als(user) -> APIClient:
    """An API client that authenticates the way an integrator does: with the user's token."""
    token, _created = Token.objects.get_or_create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def twee_aanbieders(rijswijk, client_rijswijk):
    """Two providers in Rijswijk, each with one allocation and one employee."""
    eerste = AanbiederGebruikerFactory(user__gemeenten=[rijswijk])
    tweede = AanbiederGebruikerFactory(user__gemeenten=[rijswijk])
    t1 = ToewijzingFactory(beschikking__client=client_rijswijk, aanbieder=eerste.aanbieder)
    t2 = ToewijzingFactory(
        beschikking__client=client_rijswijk, aanbieder=tweede.aanbieder, product__productcode="02A02"
    )
    return eerste, tweede, t1, t2


@pytest.fixture
def controller_rijswijk(rijswijk):
    return UserFactory(rol="controller", gemeenten=[rijswijk])


@pytest.fixture
def contract_rijswijk(rijswijk):
    """A provider with a contract and tariff for product 02A01 in Rijswijk from 2015."""
    return TariefFactory(contract__gemeenten=[rijswijk])

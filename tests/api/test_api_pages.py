import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token

from ..factories import UserFactory

pytestmark = pytest.mark.django_db


def test_api_start_page_is_dutch_and_loads_nothing_from_a_cdn(client):
    antwoord = client.get("/api/v1/")
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Open Wmo API (versie 1)" in tekst and "/api/v1/schema/" in tekst
    assert "cdn" not in tekst.lower() and "<script" not in tekst


def test_schema_is_served_as_openapi_3(client):
    antwoord = client.get("/api/v1/schema/")
    assert antwoord.status_code == 200
    assert antwoord.content.startswith(b"openapi: 3")


def test_api_token_command_creates_and_rotates_a_token(capsys):
    user = UserFactory(username="koppeling-gemeente", rol="controller")
    call_command("api_token", "koppeling-gemeente")
    eerste = capsys.readouterr().out.strip()
    call_command("api_token", "koppeling-gemeente")
    tweede = capsys.readouterr().out.strip()
    assert len(eerste) == 40 and eerste != tweede
    assert Token.objects.get(user=user).key == tweede

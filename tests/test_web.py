"""The web shell: login page, start page per role, CLI and production settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

import openwmo
from openwmo.catalogus.referentie import referentiegegevens_laden
from openwmo.demo.gebruikers import DEMO_GEBRUIKERS, DEMO_RESERVECODES, demo_gebruikers_aanmaken


def test_login_page_is_dutch(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert '<html lang="nl"' in response.text
    assert "Gebruikersnaam" in response.text
    assert "vendor/utrecht-component-library-css/index.css" in response.text


def test_start_page_requires_login(client, db):
    response = client.get(reverse("start"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_wrong_password_gets_a_dutch_message(client, consulent_rijswijk):
    response = client.post(reverse("login"), {"username": consulent_rijswijk.username, "password": "fout"})
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.text


@pytest.mark.parametrize("demo", DEMO_GEBRUIKERS, ids=lambda d: d.gebruikersnaam)
def test_each_demo_user_can_log_in_and_sees_its_role(client, referentie, demo):
    demo_gebruikers_aanmaken()
    response = client.post(
        reverse("login"), {"username": demo.gebruikersnaam, "password": demo.wachtwoord}, follow=True
    )
    assert response.status_code == 200
    assert "Welkom" in response.text
    from openwmo.core.rollen import Rol

    assert f"U bent ingelogd als {Rol(demo.rol).label}." in response.text


def test_beheerder_sees_reference_data_in_the_admin(client, referentie):
    demo_gebruikers_aanmaken()
    client.login(username="beheerder", password="demo-beheerder")
    assert "Rijswijk" in client.get(reverse("admin:core_gemeente_changelist")).text
    assert "Hulp bij het huishouden" in client.get(reverse("admin:catalogus_product_changelist")).text
    assert (
        "Levering volgens plan beëindigd" in client.get(reverse("admin:catalogus_codewaarde_changelist") + "?q=19").text
    )


def test_demo_users_are_reset_not_duplicated(referentie):
    from openwmo.core.models import User

    demo_gebruikers_aanmaken()
    demo_gebruikers_aanmaken()
    referentiegegevens_laden()
    assert User.objects.count() == len(DEMO_GEBRUIKERS)


def _openwmo(args, tmp_path, **env):
    omgeving = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    # The code under test, also when PYTHONPATH is relative (the subprocess runs in tmp_path).
    bron = str(Path(openwmo.__file__).resolve().parents[1])
    omgeving["PYTHONPATH"] = os.pathsep.join(filter(None, [bron, omgeving.get("PYTHONPATH", "")]))
    omgeving.update(OPENWMO_VAR_DIR=str(tmp_path / "var"), **env)
    return subprocess.run(
        [sys.executable, "-m", "openwmo.cli", *args],
        cwd=tmp_path,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cli_demo_without_serving_prints_the_logins(tmp_path):
    uitvoer = _openwmo(["demo", "--no-serve"], tmp_path)
    assert uitvoer.returncode == 0, uitvoer.stderr
    assert "gebruikersnaam: consulent" in uitvoer.stdout
    assert "wachtwoord: demo-consulent" in uitvoer.stdout
    assert "reservecode" in uitvoer.stdout and DEMO_RESERVECODES[0] in uitvoer.stdout  # the beheerder's second step
    assert (tmp_path / "var" / "openwmo.sqlite3").exists()


def test_cli_manage_passes_through_from_any_directory(tmp_path):
    uitvoer = _openwmo(["manage", "check"], tmp_path)
    assert uitvoer.returncode == 0, uitvoer.stderr
    assert "no issues" in uitvoer.stdout


def test_production_settings_pass_check_deploy(tmp_path):
    uitvoer = _openwmo(
        ["manage", "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        DJANGO_SETTINGS_MODULE="openwmo.conf.production",
        SECRET_KEY="x" * 20 + "-productie-sleutel-" + "y" * 30,
        ALLOWED_HOSTS="wmo.example.nl",
    )
    assert uitvoer.returncode == 0, uitvoer.stdout + uitvoer.stderr


def test_production_settings_refuse_a_missing_secret_key(tmp_path):
    uitvoer = _openwmo(["manage", "check"], tmp_path, DJANGO_SETTINGS_MODULE="openwmo.conf.production")
    assert uitvoer.returncode != 0
    assert "SECRET_KEY" in uitvoer.stderr

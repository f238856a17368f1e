"""The committed openapi.yaml is what the code generates; CI fails (with the command to run) when it is stale."""

from pathlib import Path

from django.core.management import call_command

SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"
COMMANDO = "PYTHONPATH=src python -m openwmo.cli manage spectacular --file openapi.yaml --validate"


def test_committed_openapi_yaml_is_up_to_date(tmp_path):
    nieuw = tmp_path / "openapi.yaml"
    call_command("spectacular", "--file", str(nieuw), "--validate", "--fail-on-warn")
    assert SPEC.read_text(encoding="utf-8") == nieuw.read_text(encoding="utf-8"), (
        f"openapi.yaml is niet bijgewerkt. Voer uit in de hoofdmap: {COMMANDO}"
    )


def test_the_spec_is_dutch_for_integrators_and_secured_by_token():
    tekst = SPEC.read_text(encoding="utf-8")
    assert "tokenAuth" in tekst
    assert "Toewijzingen van uw gemeenten; een aanbieder ziet alleen de eigen" in tekst
    assert "cdn" not in tekst.lower()

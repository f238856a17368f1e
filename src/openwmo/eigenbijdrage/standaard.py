"""The default values of the eigen bijdrage, read from `reference/eigenbijdrage.yaml`."""

from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml

BESTAND = Path(__file__).resolve().parent.parent / "reference" / "eigenbijdrage.yaml"


@cache
def _gegevens() -> dict:
    with open(BESTAND, encoding="utf-8") as bestand:
        return yaml.safe_load(bestand)


def abonnementstarieven() -> list[dict]:
    """[{jaar, bedrag (Decimal), tijdvak}] as shipped."""
    return [{**t, "bedrag": Decimal(t["bedrag"])} for t in _gegevens()["abonnementstarieven"]]


def bijdrageregels() -> dict[str, dict]:
    """{voorzieningsoort code: {soort, altijd_bijdrage}} as shipped."""
    return {
        code: {"soort": r["soort"], "altijd_bijdrage": bool(r.get("altijd_bijdrage", False))}
        for code, r in _gegevens()["bijdrageregels"].items()
    }

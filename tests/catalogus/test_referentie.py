import os
import re
from pathlib import Path

import pytest

from openwmo.catalogus.models import Arrangement, Codewaarde, Product, Resultaatgebied
from openwmo.catalogus.referentie import inwoners_per_jaar, referentiegegevens_laden
from openwmo.core.models import Gemeente, Inwonertal, Wijk

REFERENTIE = Path(os.environ.get("OPENWMO_IWMO_REFERENCE", Path(__file__).parents[2] / ".." / "shared" / "reference"))


def _tellingen():
    return tuple(m.objects.count() for m in (Gemeente, Wijk, Inwonertal, Codewaarde, Product, Arrangement))


def test_load_reference_is_idempotent(referentie):
    eerst = _tellingen()
    referentiegegevens_laden()
    assert _tellingen() == eerst
    assert eerst[0] == 17


def test_seed_municipalities_regions_and_zoetermeer_districts(referentie):
    rijswijk = Gemeente.objects.get(cbs_code="0603")
    assert rijswijk.regio.code == "H4"
    assert set(Gemeente.objects.filter(regio__code="NL").values_list("naam", flat=True)) == {
        "Beesel",
        "Bergen (L.)",
        "Gennep",
        "Horst aan de Maas",
        "Peel en Maas",
        "Venlo",
        "Venray",
    }
    assert Wijk.objects.filter(gemeente__cbs_code="0637").count() == 6


def test_cbs_codes_match_the_official_code_list(referentie):
    bestand = REFERENTIE / "iwmo-3.2" / "codelijsten" / "CBS_Gemeentecodes.md"
    if not bestand.exists():
        pytest.skip(f"Officiële codelijst niet gevonden: {bestand}; zet OPENWMO_IWMO_REFERENCE.")
    officieel = dict(re.findall(r"^\| (\d{4}) \| ([^|]+?) \|", bestand.read_text(encoding="utf-8"), re.M))
    for gemeente in Gemeente.objects.all():
        assert gemeente.cbs_code in officieel, gemeente.naam
        assert officieel[gemeente.cbs_code].startswith(gemeente.naam.split(" (")[0]), gemeente.naam


def test_voorschoten_pilot_has_six_result_areas_and_three_arrangements(referentie):
    assert Resultaatgebied.objects.count() == 6
    assert Arrangement.objects.count() == 3
    assert Arrangement.objects.get(code="HGS").resultaatgebieden.count() == 6


def test_every_product_code_starts_with_its_category(referentie):
    for product in Product.objects.all():
        product.full_clean()


def test_inhabitants_are_interpolated_between_anchor_years():
    assert inwoners_per_jaar({2014: 100, 2016: 200}) == {2014: 100, 2015: 150, 2016: 200}

"""How a claim is stored: the raw 323 compressed by the application, lines without database FK checks."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.db.models import ProtectedError

from openwmo.declaraties.models import Declaratie, Prestatie
from openwmo.declaraties.models.declaratie import ZSTD_MAGIC, bericht_comprimeren, bericht_uitpakken
from openwmo.declaraties.services import declaratie_verwerken_323, declaratie_verwerken_regels
from tests.declaraties.bericht_maker import als_323
from tests.declaraties.declaratie_maker import declaratie, prestatie
from tests.declaraties.test_declaratie_service import basis  # noqa: F401 (fixture)

migratie_0003 = importlib.import_module("openwmo.declaraties.migrations.0003_bericht_323_zstd")


def veel_regels(n=200):
    """Lines of allocations the database does not know (9338): rejected, but stored all the same."""
    return [prestatie(referentienummer=f"R{i}", toewijzingsnummer=f"9{i:03d}") for i in range(n)]


def opgeslagen_323(pk) -> bytes:
    return bytes(Declaratie.objects.values_list("bericht_323", flat=True).get(pk=pk))


def test_the_raw_323_comes_back_byte_for_byte_and_is_stored_compressed(basis):  # noqa: F811
    xml = als_323(declaratie(veel_regels()))
    uitkomst = declaratie_verwerken_323(xml)
    assert uitkomst.verwerkt
    opgeslagen = opgeslagen_323(uitkomst.declaratie.pk)
    assert opgeslagen.startswith(ZSTD_MAGIC)
    assert len(opgeslagen) * 5 < len(xml)  # repetitive XML: zstd makes it far smaller
    assert Declaratie.objects.get(pk=uitkomst.declaratie.pk).bericht_323_xml == xml
    assert uitkomst.declaratie.bericht_323_xml == xml


def test_a_resend_is_still_recognised_and_answered_as_before(basis):  # noqa: F811
    xml = als_323(declaratie(veel_regels(3)))
    eerste = declaratie_verwerken_323(xml)
    tweede = declaratie_verwerken_323(xml)
    assert tweede.herhaald and tweede.declaratie.pk == eerste.declaratie.pk
    assert tweede.antwoord_325 == eerste.antwoord_325
    assert Declaratie.objects.count() == 1


def test_a_claim_from_lines_has_no_raw_323(basis):  # noqa: F811
    uitkomst = declaratie_verwerken_regels(declaratie([prestatie()]), bron="api")
    assert uitkomst.declaratie.bericht_323 is None and uitkomst.declaratie.bericht_323_xml is None


@pytest.mark.parametrize("data", [b"", b"<?xml version='1.0'?><a/>", ZSTD_MAGIC, bytes(range(256)) * 50])
def test_compress_and_unpack_round_trip(data):
    opgeslagen = bericht_comprimeren(data)
    assert opgeslagen.startswith(ZSTD_MAGIC)
    assert bericht_uitpakken(opgeslagen) == data
    assert bericht_uitpakken(memoryview(opgeslagen)) == data


def test_a_value_without_the_zstd_magic_is_returned_as_it_is():
    assert bericht_uitpakken(b"<?xml?><oud/>") == b"<?xml?><oud/>"


def test_migration_0003_compresses_old_rows_once_and_unpacks_them_backwards(basis):  # noqa: F811
    xml = als_323(declaratie(veel_regels(20)))
    pk = declaratie_verwerken_323(xml).declaratie.pk
    Declaratie.objects.filter(pk=pk).update(bericht_323=xml)  # as stored before migration 0003
    if connection.vendor == "postgresql":  # ALTER TABLE refuses to run with deferred checks pending, as in migrate
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    schema_editor = connection.schema_editor()  # not entered: only its connection and execute() are used

    migratie_0003.vooruit(apps, schema_editor)
    gecomprimeerd = opgeslagen_323(pk)
    assert gecomprimeerd.startswith(ZSTD_MAGIC) and bericht_uitpakken(gecomprimeerd) == xml
    migratie_0003.vooruit(apps, schema_editor)  # idempotent: a compressed value is left alone
    assert opgeslagen_323(pk) == gecomprimeerd

    migratie_0003.terug(apps, schema_editor)
    assert opgeslagen_323(pk) == xml
    migratie_0003.vooruit(apps, schema_editor)  # back to this migration's state for the rest of the test run


@pytest.mark.django_db
def test_postgresql_stores_the_compressed_323_without_compressing_it_again():
    if connection.vendor != "postgresql":
        pytest.skip("storage settings exist on PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = 'declaraties_declaratie'::regclass"
            " AND attname = 'bericht_323'"
        )
        assert cursor.fetchone() == ("e",)  # EXTERNAL: out of line, uncompressed


def test_lines_refer_to_their_claim_provider_and_allocation(basis):  # noqa: F811
    """The lines have no database FK constraints (the service is their only writer): what they refer to is
    what the service read or created in the same transaction."""
    regels = [prestatie(), prestatie(referentienummer="R2", toewijzingsnummer="9999")]
    uitkomst = declaratie_verwerken_323(als_323(declaratie(regels)))
    opgeslagen = Prestatie.objects.filter(declaratie=uitkomst.declaratie).order_by("volgnummer")
    assert [(r.referentienummer, r.declaratie_id, r.aanbieder_id, r.toewijzing_id) for r in opgeslagen] == [
        ("R1", uitkomst.declaratie.pk, basis["aanbieder"].pk, basis["toewijzing"].pk),
        ("R2", uitkomst.declaratie.pk, basis["aanbieder"].pk, None),  # unknown allocation (9338): not linked
    ]


def test_without_database_constraints_the_relations_still_protect_and_cascade(basis):  # noqa: F811
    uitkomst = declaratie_verwerken_323(als_323(declaratie([prestatie()])))
    with pytest.raises(ProtectedError):
        basis["toewijzing"].delete()
    with pytest.raises(ProtectedError):
        basis["aanbieder"].delete()
    uitkomst.declaratie.delete()
    assert not Prestatie.objects.exists()
    basis["toewijzing"].delete()  # no line refers to it any more


@pytest.mark.parametrize("vreemd", ["R\\1", "R\\N", "R\t1", "R\\t"])
def test_free_texts_with_copy_special_characters_are_stored_as_they_are(basis, vreemd):  # noqa: F811
    """On PostgreSQL lines go in through COPY's text format: a backslash or tab in a free text must not shift
    or change any value (the other lines of the claim included)."""
    try:
        regels = [prestatie(referentienummer=vreemd, toewijzingsnummer="9001"), prestatie(toewijzingsnummer="9002")]
        d = declaratie(regels)
    except ValueError:
        pytest.skip("the line facts refuse this text before it reaches storage")
    uitkomst = declaratie_verwerken_regels(d, bron="api")
    opgeslagen = Prestatie.objects.filter(declaratie=uitkomst.declaratie).order_by("volgnummer")
    assert [(r.referentienummer, r.toewijzingsnummer, r.retourcodes) for r in opgeslagen] == [
        (vreemd, "9001", "9338"),
        ("R1", "9002", "9338"),
    ]


@pytest.mark.django_db
def test_the_325_numbers_follow_the_wmo325_series_from_its_first_number():
    from openwmo.core.models import Nummerreeks
    from openwmo.declaraties.services import _identificatie_325

    assert not Nummerreeks.objects.filter(soort="wmo325").exists()
    assert [_identificatie_325() for _ in range(3)] == ["1", "2", "3"]
    assert Nummerreeks.volgende("wmo325") == 4  # one series, whichever way a number is taken
    assert _identificatie_325() == "5"
    assert Nummerreeks.objects.get(soort="wmo325").laatste == 5

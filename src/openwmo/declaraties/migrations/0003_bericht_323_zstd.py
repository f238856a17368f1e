"""The raw 323 is compressed by the application (zstd, see models/declaratie.py); PostgreSQL stores it as it is.

Forward: the column's storage becomes EXTERNAL on PostgreSQL (out of line, no second compression), and every
row stored before is compressed. Idempotent: a value that already starts with the zstd frame magic is left
alone. Backward: the rows are unpacked again and the storage is EXTENDED (with migration 0002's lz4).
"""

import zstandard
from django.db import migrations, models

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
STUKS = 20  # rows per round trip: a raw 323 can be several MB


def _opslag(schema_editor, storage: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    tabel = schema_editor.quote_name("declaraties_declaratie")
    kolom = schema_editor.quote_name("bericht_323")
    schema_editor.execute(f"ALTER TABLE {tabel} ALTER COLUMN {kolom} SET STORAGE {storage}")


def _herschrijven(apps, omzetten) -> None:
    Declaratie = apps.get_model("declaraties", "Declaratie")
    pks = list(Declaratie.objects.filter(bericht_323__isnull=False).order_by("pk").values_list("pk", flat=True))
    for i in range(0, len(pks), STUKS):
        for pk, opgeslagen in Declaratie.objects.filter(pk__in=pks[i : i + STUKS]).values_list("pk", "bericht_323"):
            data = bytes(opgeslagen)
            nieuw = omzetten(data)
            if nieuw is not None:
                Declaratie.objects.filter(pk=pk).update(bericht_323=nieuw)


def comprimeren(data: bytes) -> bytes | None:
    """The stored form of an old row's raw 323; None when it is compressed already."""
    if data.startswith(ZSTD_MAGIC):
        return None
    return zstandard.compress(data, 1)


def uitpakken(data: bytes) -> bytes | None:
    if not data.startswith(ZSTD_MAGIC):
        return None
    return zstandard.decompress(data)


def vooruit(apps, schema_editor):
    _opslag(schema_editor, "EXTERNAL")
    _herschrijven(apps, comprimeren)


def terug(apps, schema_editor):
    _herschrijven(apps, uitpakken)
    _opslag(schema_editor, "EXTENDED")


class Migration(migrations.Migration):
    dependencies = [
        ("declaraties", "0002_prestatie_signalen"),
    ]

    operations = [
        migrations.AlterField(
            model_name="declaratie",
            name="bericht_323",
            field=models.BinaryField(
                blank=True,
                help_text="Gecomprimeerd opgeslagen; de oorspronkelijke bytes geeft bericht_323_xml.",
                null=True,
                verbose_name="ontvangen WMO323 (zstd)",
            ),
        ),
        migrations.RunPython(vooruit, terug),
    ]

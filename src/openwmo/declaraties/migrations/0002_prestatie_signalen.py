from django.db import migrations, models


def lz4_voor_berichten(apps, schema_editor):
    """On PostgreSQL built with lz4: compress the raw 323/325 with lz4 instead of pglz. A 1 MB 323 is
    stored with every claim; pglz spends most of the write on compressing it (docs/declaraties.md)."""
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
        )
        if cursor.fetchone() is None:
            return
        tabel = schema_editor.quote_name("declaraties_declaratie")
        for kolom in ("bericht_323", "antwoord_325"):
            cursor.execute(f"ALTER TABLE {tabel} ALTER COLUMN {schema_editor.quote_name(kolom)} SET COMPRESSION lz4")


class Migration(migrations.Migration):
    dependencies = [
        ("declaraties", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="prestatie",
            name="signalen",
            field=models.CharField(
                blank=True,
                help_text="Komma-gescheiden signalen die de prestatie niet afkeuren, zoals zorg buiten de gestarte zorg.",
                max_length=40,
                verbose_name="signalen",
            ),
        ),
        migrations.RunPython(lz4_voor_berichten, migrations.RunPython.noop, elidable=True),
    ]

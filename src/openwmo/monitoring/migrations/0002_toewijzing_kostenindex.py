"""Widen the dashboards' covering index on toegang_toewijzing with the fields of the spend estimate.

The estimate sums volume × units per municipality, provider, product and unit in SQL (monitoring/selectors.py,
`kostenregels`); with volume, eenheid, frequentie and budget in the index that query, like the counts, reads
the index alone (h4 region, SQLite: ~15% less time). The new index starts with the columns of 0001's, so it
serves the counts too and replaces it.
"""

from django.db import migrations

OUD = "toewijzing_monitoring_tel"
OUDE_KOLOMMEN = "gemeente_id, ingangsdatum, einddatum, product_id, client_id, aanbieder_id"
NAAM = "toewijzing_monitoring_kosten"
KOLOMMEN = f"{OUDE_KOLOMMEN}, volume, eenheid, frequentie, budget"


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_toewijzing_telindex")]

    operations = [
        migrations.RunSQL(
            sql=[
                f"CREATE INDEX IF NOT EXISTS {NAAM} ON toegang_toewijzing ({KOLOMMEN})",
                f"DROP INDEX IF EXISTS {OUD}",
            ],
            reverse_sql=[
                f"CREATE INDEX IF NOT EXISTS {OUD} ON toegang_toewijzing ({OUDE_KOLOMMEN})",
                f"DROP INDEX IF EXISTS {NAAM}",
            ],
        )
    ]

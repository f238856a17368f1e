"""Insert already-validated rows fast: one prepared INSERT executed for all rows, no model instance per row.

Primary keys are reserved first so that the caller can link rows to each other: on PostgreSQL from the
table's identity sequence (`nextval` for all of them in one query, safe next to other writers), on SQLite
above the current maximum after this transaction holds the database's write lock (SQLite has one writer).
Values go through each field's `get_db_prep_save`, as Django's own inserts do; fields not given get their
default (`auto_now`/`auto_now_add`: now).
"""

from __future__ import annotations

from django.db import connection, models
from django.utils import timezone

BATCH = 5000


def _ids_reserveren(model, aantal: int) -> list[int]:
    tabel = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [tabel, aantal]
            )
            return [rij[0] for rij in cursor.fetchall()]
        # Take SQLite's write lock before reading the maximum: a write that changes nothing still locks.
        cursor.execute(f"UPDATE {connection.ops.quote_name(tabel)} SET id = id WHERE id = -1")
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {connection.ops.quote_name(tabel)}")
        start = cursor.fetchone()[0] + 1
    return list(range(start, start + aantal))


def invoegen(model, rijen: list[dict]) -> list[int]:
    """Insert `rijen` (dicts by field name; foreign keys as primary keys) and return their ids in order."""
    if not rijen:
        return []
    ids = _ids_reserveren(model, len(rijen))
    nu = timezone.now()
    kolommen, makers = [], []
    for veld in model._meta.concrete_fields:
        kolommen.append(connection.ops.quote_name(veld.column))
        if veld.primary_key:
            makers.append(None)
        elif getattr(veld, "auto_now", False) or getattr(veld, "auto_now_add", False):
            makers.append((None, None, veld.get_db_prep_save(nu, connection), None))
        else:
            makers.append((veld.name, veld.attname, veld.get_default(), _omzetter(veld)))
    sql = (
        f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({', '.join(kolommen)}) "
        f"VALUES ({', '.join(['%s'] * len(kolommen))})"
    )
    waarden = []
    for pk, rij in zip(ids, rijen, strict=True):
        tupel = []
        for m in makers:
            if m is None:
                tupel.append(pk)
                continue
            naam, attnaam, standaard, omzetten = m
            if naam is None:
                tupel.append(standaard)
                continue
            waarde = rij[naam] if naam in rij else rij.get(attnaam, standaard)
            tupel.append(waarde if omzetten is None or waarde is None else omzetten(waarde))
        waarden.append(tupel)
    with connection.cursor() as cursor:
        for i in range(0, len(waarden), BATCH):
            cursor.executemany(sql, waarden[i : i + BATCH])
    return ids


_ZELF = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.ForeignKey)


def _omzetter(veld):
    """How a Python value of this field becomes a database value: None for "as is" (text, numbers, keys),
    the backend's date adapter for dates, the field's own `get_db_prep_save` for everything else."""
    if isinstance(veld, _ZELF) and not isinstance(veld, models.JSONField):
        return None
    if type(veld) is models.DateField:
        return connection.ops.adapt_datefield_value
    return lambda waarde: veld.get_db_prep_save(waarde, connection)

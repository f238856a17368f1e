"""Insert already-validated rows fast: one prepared INSERT executed for all rows, no model instance per row.

Primary keys are reserved first so that the caller can link rows to each other: on PostgreSQL from the
table's identity sequence (`nextval` for all of them in one query, safe next to other writers), on SQLite
above the current maximum after this transaction holds the database's write lock (SQLite has one writer).
Values go through each field's `get_db_prep_save`, as Django's own inserts do; fields not given get their
default (`auto_now`/`auto_now_add`: now).
"""

from __future__ import annotations

from django.db import connection
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
    velden = [f for f in model._meta.concrete_fields]
    nu = timezone.now()
    kolommen, maker = [], []
    for veld in velden:
        kolommen.append(connection.ops.quote_name(veld.column))
        if veld.primary_key:
            maker.append(None)
        elif getattr(veld, "auto_now", False) or getattr(veld, "auto_now_add", False):
            vast = veld.get_db_prep_save(nu, connection)
            maker.append(("vast", vast))
        else:
            maker.append(("veld", veld, veld.get_default()))
    sql = (
        f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({', '.join(kolommen)}) "
        f"VALUES ({', '.join(['%s'] * len(kolommen))})"
    )
    cache: dict = {}

    def prep(veld, waarde):
        sleutel = (veld.attname, type(waarde), waarde)
        try:
            return cache[sleutel]
        except (KeyError, TypeError):
            pass
        uit = veld.get_db_prep_save(waarde, connection)
        if isinstance(waarde, str | int | type(None)) or hasattr(waarde, "isoformat"):
            try:
                cache[sleutel] = uit
            except TypeError:
                pass
        return uit

    waarden = []
    for pk, rij in zip(ids, rijen, strict=True):
        tupel = []
        for m in maker:
            if m is None:
                tupel.append(pk)
            elif m[0] == "vast":
                tupel.append(m[1])
            else:
                veld, standaard = m[1], m[2]
                waarde = rij.get(veld.name, standaard) if veld.name in rij else rij.get(veld.attname, standaard)
                tupel.append(prep(veld, waarde))
        waarden.append(tupel)
    with connection.cursor() as cursor:
        for i in range(0, len(waarden), BATCH):
            cursor.executemany(sql, waarden[i : i + BATCH])
    return ids

"""Benchmark: claims end to end on PostgreSQL — parse 323, check, store, build 325 — in lines per second,
next to a bare lxml parse of the same files in the same run.

    PYTHONPATH=src python benchmarks/claims.py [declaraties] [regels_per_declaratie] [workers]

Default 100 declarations × 1,000 lines (100 providers, the generator of the 100,000-line test,
tests/declaraties/batch_maker.py, with 0.6 % bad lines). Uses DATABASE_URL when set (it must be an empty
or scratch PostgreSQL database: the script migrates it and fills it); otherwise it creates the scratch
database `openwmo_bench_claims` on postgres://postgres@127.0.0.1:5432 and drops it afterwards.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
SCRATCH = "openwmo_bench_claims"
SERVER = "postgres://postgres@127.0.0.1:5432"


@contextmanager
def database():
    if os.environ.get("DATABASE_URL"):
        yield os.environ["DATABASE_URL"]
        return
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {SCRATCH}")
        conn.execute(f"CREATE DATABASE {SCRATCH}")
    try:
        yield f"{SERVER}/{SCRATCH}"
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {SCRATCH}")


def main(declaraties: int = 100, per_declaratie: int = 1_000, workers: int = 2) -> None:
    with database() as url:
        os.environ["DATABASE_URL"] = url
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openwmo.conf.base")
        import django

        django.setup()
        run(declaraties, per_declaratie, workers)


def _verwerk_bestanden(paden: list[str]) -> int:
    """Worker: process files in this process (own database connection); returns the number of lines."""
    from openwmo.declaraties.services import declaratie_verwerken_323

    aantal = 0
    for pad in paden:
        uitkomst = declaratie_verwerken_323(Path(pad).read_bytes())
        aantal += uitkomst.declaratie.aantal_regels
    return aantal


def _starten(barriere) -> None:
    """Worker start-up: connect to the database, then wait until every worker is ready (not timed)."""
    from django.db import connection

    connection.ensure_connection()
    barriere.wait()


def _server_pid(connection) -> int | None:
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _cpu_van(pid: int | None) -> float | None:
    """User + system CPU seconds of a local process (the PostgreSQL backend), or None when not readable."""
    if pid is None:
        return None
    try:
        velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")


def run(declaraties: int, per_declaratie: int, workers: int) -> None:
    from django.core.management import call_command
    from django.db import connection
    from lxml import etree

    from openwmo.declaraties.models import Prestatie
    from openwmo.declaraties.services import declaratie_verwerken_323
    from tests.declaraties.batch_maker import genereer_batch
    from tests.declaraties.bericht_maker import als_323
    from tests.declaraties.db_maker import batch_opslaan

    aantal = declaraties * per_declaratie
    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    batch = genereer_batch(aantal, aanbieders=declaraties, fouten=aantal * 6 // 1000)
    batch_opslaan(batch)
    map_ = Path(tempfile.mkdtemp(prefix="claims-bench-"))
    for d in batch.declaraties:
        (map_ / f"{d.declaratienummer}.xml").write_bytes(als_323(d))
    bestanden = sorted(map_.glob("*.xml"))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # statistics for the bulk-loaded tables, as autovacuum would gather them
    t1 = time.perf_counter()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{connection.vendor} {connection.pg_version if connection.vendor == 'postgresql' else ''}")  # fmt: skip
    megabytes = sum(b.stat().st_size for b in bestanden) / 1e6
    print(f"setup: {aantal:,} lines in {len(bestanden)} files ({megabytes:.0f} MB), "
          f"allocations and tariffs stored: {t1 - t0:.1f} s")  # fmt: skip

    inhoud = [b.read_bytes() for b in bestanden]
    start = time.perf_counter()
    for xml in inhoud:
        etree.fromstring(xml)
    lxml_s = time.perf_counter() - start

    # Single process, first half of the files (each file is one provider's claim: independent).
    helft = len(inhoud) // 2 if workers > 1 else len(inhoud)
    enkel_regels = sum(len(d.prestaties) for d in batch.declaraties[:helft])
    server_pid = _server_pid(connection)
    server_cpu = _cpu_van(server_pid)
    start, cpu = time.perf_counter(), time.process_time()
    uitkomsten = [declaratie_verwerken_323(xml) for xml in inhoud[:helft]]
    enkel_s, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"whole path, 1 process ({helft} files): {enkel_s:.2f} s → {enkel_regels / enkel_s:,.0f} lines/s")
    # CPU per line does not depend on what else runs on the machine (wall time does).
    regel = f"CPU per line: this process {cpu / enkel_regels * 1e6:.0f} µs"
    if server_cpu is not None:
        regel += f", its PostgreSQL backend {(_cpu_van(server_pid) - server_cpu) / enkel_regels * 1e6:.0f} µs"
    print(regel)
    totaal_s = enkel_s
    if workers > 1:  # each file is one provider's claim: independent, so workers need no coordination
        import multiprocessing

        from django.db import connections

        rest = [str(b) for b in bestanden[helft:]]
        delen = [rest[i::workers] for i in range(workers)]
        connections.close_all()
        context = multiprocessing.get_context("fork")
        barriere = context.Barrier(workers + 1)
        opstart = time.perf_counter()
        with context.Pool(workers, _starten, (barriere,)) as pool:
            barriere.wait()  # the workers run and are connected, as long-lived workers are
            start = time.perf_counter()
            parallel_regels = sum(pool.map(_verwerk_bestanden, delen, chunksize=1))
            parallel_s = time.perf_counter() - start
        print(f"whole path, {workers} processes ({len(rest)} files): {parallel_s:.2f} s → "
              f"{parallel_regels / parallel_s:,.0f} lines/s (worker start-up and database connection before "
              f"the clock: {start - opstart:.2f} s)")  # fmt: skip
        uitkomsten += [declaratie_verwerken_323(xml) for xml in inhoud[helft:]]  # resends: fetch the outcomes
        assert all(u.herhaald for u in uitkomsten[helft:])
        totaal_s = enkel_s + parallel_s

    afgekeurd = Prestatie.objects.filter(declaratie__declaratienummer__startswith="D", status="afgekeurd").count()
    toegekend = sum((u.declaratie.toegekend_totaal for u in uitkomsten), Decimal("0.00"))
    verwacht = sum(batch.verwacht_bedrag.values(), Decimal("0.00"))
    print(f"bare lxml parse of the same files: {lxml_s:.2f} s → {aantal / lxml_s:,.0f} lines/s")
    print(f"whole path (parse, check, store, 325), all files: {totaal_s:.2f} s → {aantal / totaal_s:,.0f} lines/s "
          f"({totaal_s / lxml_s:.1f}× the bare parse)")  # fmt: skip
    goed = toegekend == verwacht and afgekeurd == len(batch.fouten)
    print(f"rejected lines: {afgekeurd:,} (expected {len(batch.fouten):,}); approved total € {toegekend} "
          f"(expected € {verwacht}): {'OK' if goed else 'WRONG'}")  # fmt: skip

    start = time.perf_counter()
    herhaald = [declaratie_verwerken_323(xml) for xml in inhoud]
    herhaald_s = time.perf_counter() - start
    assert all(h.herhaald for h in herhaald)
    print(f"resending all files (idempotent, stored 325 returned): {herhaald_s:.2f} s")
    for b in bestanden:
        b.unlink()
    map_.rmdir()


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:4]))

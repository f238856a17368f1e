"""Worker processes for processing claim files in parallel (`declaraties_import --workers`).

Workers are *spawned*, not forked: forking a process that runs threads (a web server, a test runner,
a browser driver) can deadlock the child. This module imports nothing from Django at module level, so a
spawned worker can load it before Django is set up; `starten` then sets Django up with the parent's
database settings.
"""

from __future__ import annotations

from pathlib import Path


def starten(settings_module: str, database: dict) -> None:
    import os

    import django
    from django.conf import settings

    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    django.setup()
    from django.db import connections

    settings.DATABASES["default"].update(database)
    connections["default"].settings_dict.update(database)  # not connected yet: the next query uses these


def verwerken(bestanden: list[Path], uitmap: Path | None) -> list[tuple[str, str, int, int, str]]:
    """Process files in order; returns (name, retourcodes, lines, rejected, remark) per file."""
    from .services import declaratie_verwerken_323

    uitkomsten = []
    for bestand in bestanden:
        uitkomst = declaratie_verwerken_323(bestand.read_bytes())
        if uitkomst.antwoord_325 is not None:
            doel = (uitmap or bestand.parent) / f"{bestand.stem}.325.xml"
            doel.write_bytes(uitkomst.antwoord_325)
        d = uitkomst.declaratie
        codes = ",".join(uitkomst.retourcodes)
        if d is not None:
            status = f"{d.aantal_regels} prestaties, {d.aantal_afgekeurd} afgekeurd, toegekend € {d.toegekend_totaal}"
            if uitkomst.herhaald:
                status = "al eerder verwerkt: " + status
            uitkomsten.append((bestand.name, codes, d.aantal_regels, d.aantal_afgekeurd, status))
        else:
            uitkomsten.append((bestand.name, codes, 0, 0, "; ".join(uitkomst.meldingen[:3])))
    return uitkomsten


def verwerken_deel(args) -> list[tuple[str, str, int, int, str]]:
    return verwerken(*args)


def parallel(delen: list[list[Path]], uitmap: Path | None) -> list[tuple[str, str, int, int, str]]:
    """Process each part in its own spawned worker (on PostgreSQL); results in part order."""
    import multiprocessing
    import os

    from django.db import connections

    database = dict(connections["default"].settings_dict)  # the connection's own (a test run renames it)
    connections.close_all()
    start = (os.environ.get("DJANGO_SETTINGS_MODULE", "openwmo.conf.base"), database)
    with multiprocessing.get_context("spawn").Pool(len(delen), starten, start) as pool:
        return [u for deel in pool.map(verwerken_deel, [(d, uitmap) for d in delen]) for u in deel]

"""Benchmark: server time of every dashboard page on the h4 demo, as the controller sees them.

Build the demo once in a scratch folder, then run this against it (SQLite, the embedded default):

    OPENWMO_VAR_DIR=/tmp/openwmo-h4 PYTHONPATH=src python -m openwmo.cli demo --no-serve
    OPENWMO_VAR_DIR=/tmp/openwmo-h4 PYTHONPATH=src python benchmarks/dashboards.py [herhalingen] [jaar] [pagina,...]

Each page is requested `herhalingen` times (default 20) with Django's test Client, logged in as the
demo controller (all four H4 municipalities), after one warm-up request; it prints median and p95.
The warm-up request stores the page's tables if they were not yet (`monitoring.Stand`), so the figures are
those of a page whose records did not change since; `dashboards_koud.py` measures the request after a write.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time


def main(herhalingen: int = 20, jaar: int = 2017, alleen: str = "") -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openwmo.conf.base")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from openwmo.core.models import User
    from openwmo.monitoring.dashboards import DASHBOARDS
    from openwmo.toegang.models import Toewijzing

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    client.force_login(User.objects.get(username="controller"))
    filters = f"jaar={jaar}"
    paginas = [("overzicht", reverse("monitoring:index"))]
    paginas += [(slug, reverse("monitoring:dashboard", args=[slug])) for slug in DASHBOARDS]
    paginas += [("doelenboom", reverse("monitoring:indicatoren"))]
    if alleen:
        paginas = [(naam, url) for naam, url in paginas if naam in alleen.split(",")]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(
        f"database: {connection.vendor}, {Toewijzing.objects.count():,} toewijzingen; {herhalingen} requests per page"
    )
    print(f"{'page':<16} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for naam, url in paginas:
        url = f"{url}?{filters}"
        antwoord = client.get(url)
        assert antwoord.status_code == 200, (url, antwoord.status_code)
        tijden = []
        for _ in range(herhalingen):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                client.get(url)
                tijden.append((time.perf_counter() - start) * 1000)
        tijden.sort()
        p95 = tijden[min(len(tijden) - 1, round(0.95 * (len(tijden) - 1)))]
        print(f"{naam:<16} {statistics.median(tijden):>10.1f} {p95:>8.1f} {len(queries):>8}")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]), *sys.argv[3:4])

"""Benchmark: each dashboard page right after a write (stored tables stale) and the request after it.

The dashboards read stored tables (`monitoring.Stand`) while the records are unchanged; any write makes
them stale and the next request computes them again. This measures both, per page, on the h4 demo:

    OPENWMO_VAR_DIR=/tmp/openwmo-h4 PYTHONPATH=src python benchmarks/dashboards_koud.py [jaar]

Before each page it rewrites one allocation's volume with itself (an UPDATE that changes nothing but
fires the triggers), as a claim or a decision would.
"""

from __future__ import annotations

import os
import sys
import time


def main(jaar: int = 2017) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openwmo.conf.base")
    import django

    django.setup()
    from django.conf import settings
    from django.db.models import F
    from django.test import Client
    from django.urls import reverse

    from openwmo.core.models import User
    from openwmo.monitoring.dashboards import DASHBOARDS
    from openwmo.toegang.models import Toewijzing

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    client.force_login(User.objects.get(username="controller"))
    paginas = [(slug, reverse("monitoring:dashboard", args=[slug])) for slug in DASHBOARDS]
    paginas += [("doelenboom", reverse("monitoring:indicatoren"))]
    eerste = Toewijzing.objects.order_by("pk").values_list("pk", flat=True).first()
    print(f"{'page':<16} {'after a write ms':>17} {'next ms':>8}")
    for naam, url in paginas:
        url = f"{url}?jaar={jaar}"
        Toewijzing.objects.filter(pk=eerste).update(volume=F("volume"))
        start = time.perf_counter()
        assert client.get(url).status_code == 200
        koud = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        client.get(url)
        print(f"{naam:<16} {koud:>17.1f} {(time.perf_counter() - start) * 1000:>8.1f}")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))

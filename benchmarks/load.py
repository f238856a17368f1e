"""Load test: the h4 demo served by gunicorn on 127.0.0.1, driven by a bounded Python load generator.

    PYTHONPATH=src python benchmarks/load.py [--var-dir DIR] [--scenario h4] [--seconden 60] [--threads 8]
                                             [--workers 4] [--max-requests 30000] [--profiel]
                                             [--database-url postgres://…] [--conn-max-age 0] [--groepen api,…]

1. Builds the demo in DIR (`openwmo demo --no-serve --scenario …` with OPENWMO_VAR_DIR=DIR; SQLite) unless
   DIR already holds it. Default DIR: a fresh temporary folder. With `--database-url` (PostgreSQL) the demo
   must already be loaded in that database (`DATABASE_URL=… openwmo demo --no-serve --scenario h4`).
2. Makes a session for the demo controller and the demo consulent and an API token for the consulent
   (directly in the database: no login form, so no lockout or 2FA in the way; both roles have no 2FA).
3. Starts `gunicorn openwmo.wsgi:application` on a free port of 127.0.0.1 (needs `gunicorn`, not a
   dependency of Open Wmo) and waits until it answers.
4. Drives three groups one after the other, each for `--seconden` seconds with `--threads` keep-alive
   connections, never more than `--max-requests` requests per group: the API (token; lists with filters,
   a client, a report), the client dossier (consulent session) and the dashboards (controller session).
   Loopback only; it stops by itself and stops gunicorn.
5. Prints requests/s, p50/p95/max latency and errors (non-2xx or connection errors) per group, and the load
   average of the machine before and after. `--profiel` also profiles one API request in-process (cProfile)
   and prints where its time goes.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
DATABASE: dict[str, str] = {}  # DATABASE_URL / DATABASE_CONN_MAX_AGE for gunicorn and the in-process setup


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(var_dir: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(SRC), "OPENWMO_VAR_DIR": str(var_dir)}
    env["DJANGO_SETTINGS_MODULE"] = "openwmo.conf.base"
    env.pop("DATABASE_URL", None)  # the demo's SQLite file in var_dir, unless --database-url
    return env | DATABASE


def demo_klaarzetten(var_dir: Path, scenario: str) -> None:
    if "DATABASE_URL" in DATABASE or (var_dir / "openwmo.sqlite3").exists():
        print(f"demo: using the existing database in {var_dir}")
        return
    print(f"demo: building scenario {scenario} in {var_dir} …", flush=True)
    start = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "openwmo.cli", "demo", "--no-serve", "--scenario", scenario],
        env=_env(var_dir),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"demo: ready in {time.monotonic() - start:.0f} s")


def toegang_regelen(var_dir: Path) -> dict:
    """Sessions for controller and consulent, a token for the consulent, and some of the consulent's clients."""
    os.environ.update(_env(var_dir))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from rest_framework.authtoken.models import Token

    from openwmo.core.models import User
    from openwmo.core.selectors import clienten_voor
    from openwmo.monitoring.dashboards import DASHBOARDS

    def sessie(user) -> str:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.set_expiry(3600)
        store.save()
        return store.session_key

    consulent = User.objects.get(username="consulent")
    controller = User.objects.get(username="controller")
    clienten = list(clienten_voor(consulent).order_by("pk").values_list("pk", "bsn")[:5000])
    random.Random(1).shuffle(clienten)
    return {
        "cookie": settings.SESSION_COOKIE_NAME,
        "consulent": sessie(consulent),
        "controller": sessie(controller),
        "token": Token.objects.get_or_create(user=consulent)[0].key,
        "clienten": clienten[:500],
        "dashboards": list(DASHBOARDS),
    }


def paden(groep: str, t: dict, rng: random.Random) -> tuple[str, dict]:
    if groep == "api":
        pk, _bsn = rng.choice(t["clienten"])
        url = rng.choice(
            [
                "/api/v1/gemeenten/",
                "/api/v1/producten/",
                f"/api/v1/clienten/{pk}/",
                f"/api/v1/toewijzingen/?gemeente=0603&page_size=25&page={rng.randint(1, 40)}",
                f"/api/v1/toewijzingen/?actief_op=2017-0{rng.randint(1, 9)}-15&page_size=25",
                f"/api/v1/beschikkingen/?gemeente=0603&page_size=25&page={rng.randint(1, 40)}",
            ]
        )
        return url, {"Authorization": f"Token {t['token']}", "Accept": "application/json"}
    if groep == "dossier":
        pk, _bsn = rng.choice(t["clienten"])
        return f"/toegang/clienten/{pk}/", {"Cookie": f"{t['cookie']}={t['consulent']}"}
    slug = rng.choice(["", *t["dashboards"]])
    return f"/sturing/{slug + '/' if slug else ''}?jaar=2017", {"Cookie": f"{t['cookie']}={t['controller']}"}


def belasten(poort: int, groep: str, t: dict, seconden: float, threads: int, max_requests: int) -> dict:
    tijden: list[float] = []
    fouten: dict[str, int] = {}
    slot = threading.Lock()
    teller = iter(range(max_requests))
    einde = time.monotonic() + seconden

    def werker(nummer: int) -> None:
        rng = random.Random(nummer)
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
        while time.monotonic() < einde:
            with slot:
                if next(teller, None) is None:
                    return
            url, kop = paden(groep, t, rng)
            start = time.perf_counter()
            try:
                verbinding.request("GET", url, headers=kop)
                antwoord = verbinding.getresponse()
                antwoord.read()
                status = antwoord.status
                if antwoord.getheader("Connection", "").lower() == "close":
                    verbinding.close()
                    verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
            except (OSError, http.client.HTTPException) as fout:
                status = type(fout).__name__
                verbinding.close()
                verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
            duur = time.perf_counter() - start
            with slot:
                tijden.append(duur)
                if status != 200:
                    fouten[str(status)] = fouten.get(str(status), 0) + 1

    start = time.monotonic()
    werkers = [threading.Thread(target=werker, args=(i,)) for i in range(threads)]
    for w in werkers:
        w.start()
    for w in werkers:
        w.join()
    duur = time.monotonic() - start
    tijden.sort()

    def pct(p: float) -> float:
        return tijden[min(len(tijden) - 1, round(p * (len(tijden) - 1)))] * 1000 if tijden else float("nan")

    return {
        "groep": groep,
        "requests": len(tijden),
        "per_s": len(tijden) / duur,
        "p50": statistics.median(tijden) * 1000 if tijden else float("nan"),
        "p95": pct(0.95),
        "max": pct(1.0),
        "fouten": fouten,
    }


def profiel(t: dict) -> None:
    """One API request in-process under cProfile: where does its time go?"""
    import cProfile
    import pstats

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["*"]
    client = Client(HTTP_AUTHORIZATION=f"Token {t['token']}")
    url = "/api/v1/toewijzingen/?gemeente=0603&page_size=25&page=7"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(20):
            client.get(url)
        profiler.disable()
    print(f"\nprofile of 20 x GET {url}: {len(queries) / 20:.0f} queries per request")
    som = {}
    for q in queries.captured_queries:
        som[q["sql"][:90]] = som.get(q["sql"][:90], 0) + float(q["time"])
    for sql, tijd in sorted(som.items(), key=lambda x: -x[1])[:6]:
        print(f"  {tijd * 1000 / 20:7.2f} ms/request  {sql}")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--var-dir", type=Path)
    parser.add_argument("--scenario", default="h4")
    parser.add_argument("--seconden", type=float, default=60)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2)
    parser.add_argument("--max-requests", type=int, default=30_000)
    parser.add_argument("--groepen", default="api,dossier,dashboards")
    parser.add_argument("--profiel", action="store_true")
    parser.add_argument("--database-url", help="PostgreSQL with the demo already loaded (default: SQLite in DIR)")
    parser.add_argument("--conn-max-age", type=int, default=0, help="DATABASE_CONN_MAX_AGE for gunicorn (s)")
    args = parser.parse_args()
    if args.database_url:
        DATABASE["DATABASE_URL"] = args.database_url
    DATABASE["DATABASE_CONN_MAX_AGE"] = str(args.conn_max_age)
    var_dir = args.var_dir or Path(tempfile.mkdtemp(prefix="openwmo-load-"))
    demo_klaarzetten(var_dir, args.scenario)
    t = toegang_regelen(var_dir)
    poort = _vrije_poort()
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "openwmo.wsgi:application", "--bind", f"127.0.0.1:{poort}"]
        + ["--workers", str(args.workers), "--timeout", "120", "--keep-alive", "30", "--log-level", "warning"],
        env=_env(var_dir),
    )
    try:
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", poort), timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        with open("/proc/loadavg") as f:
            print(f"machine: {os.cpu_count()} cores; loadavg before: {f.read().strip()}")
        database = "PostgreSQL" if args.database_url else "SQLite"
        print(f"gunicorn: {args.workers} workers on 127.0.0.1:{poort}; {args.threads} client threads per group")
        print(f"database: {database}, DATABASE_CONN_MAX_AGE={args.conn_max_age}; code: {SRC}")
        print(f"{'group':<11} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}  errors")
        for groep in args.groepen.split(","):
            belasten(poort, groep, t, min(5.0, args.seconden), args.threads, 200)  # warm-up, not counted
            r = belasten(poort, groep, t, args.seconden, args.threads, args.max_requests)
            fouten = json.dumps(r["fouten"]) if r["fouten"] else "0"
            print(
                f"{groep:<11} {r['requests']:>8} {r['per_s']:>7.1f} {r['p50']:>7.1f} {r['p95']:>7.1f} "
                f"{r['max']:>7.1f}  {fouten}",
                flush=True,
            )
        with open("/proc/loadavg") as f:
            print(f"loadavg after: {f.read().strip()}")
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
    if args.profiel:
        profiel(t)


if __name__ == "__main__":
    main()

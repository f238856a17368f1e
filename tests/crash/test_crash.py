"""Crash safety: `openwmo import` and `openwmo berichten import` killed with SIGKILL halfway, then run again.

Each test runs the real command line as a subprocess against its own scratch database (a SQLite file in a
temporary OPENWMO_VAR_DIR, or a scratch PostgreSQL database made from DATABASE_URL and dropped afterwards),
waits until the work is visibly under way, kills it with SIGKILL, runs the same command to completion and
proves nothing was lost or stored twice. The test database of pytest-django is not used: a subprocess cannot
see it.
"""

import fcntl
import os
import pty
import re
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import time
import uuid
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from openwmo.berichten.simulator import startbericht, stopbericht
from openwmo.catalogus.models import Product
from openwmo.core.bsn import elfproef
from openwmo.core.models import Client, Gemeente
from openwmo.inkoop.models import Aanbieder
from openwmo.toegang.models import Toewijzing

SRC = Path(__file__).resolve().parents[2] / "src"
AGB = "98000011"
N_IMPORT = 2500  # clients, each with one decision and one allocation: 7,500 rows
N_BERICHTEN = 120  # allocations, each with a 305 and a 307: 240 messages


def _bsns(aantal: int, begin: int) -> list[str]:
    uit, n = [], begin
    while len(uit) < aantal:
        if elfproef(f"{n:09d}"):
            uit.append(f"{n:09d}")
        n += 1
    return uit


class Scratch:
    """A scratch database for subprocesses plus a separate connection to look into it."""

    def __init__(self, var_dir: Path, url: str | None):
        self.var_dir, self.url = var_dir, url
        self.env = {**os.environ, "PYTHONPATH": str(SRC), "OPENWMO_VAR_DIR": str(var_dir)}
        self.env["DJANGO_SETTINGS_MODULE"] = "openwmo.conf.test"
        self.env.pop("DATABASE_URL", None)
        if url:
            self.env["DATABASE_URL"] = url

    def openwmo(self, *args, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "openwmo.cli", *args], env=self.env, capture_output=True, text=True, **kwargs
        )

    def start(self, *args, **kwargs) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "openwmo.cli", *args], env=self.env, **kwargs)

    def query(self, sql: str) -> list[tuple]:
        if self.url:
            import psycopg

            with psycopg.connect(self.url.replace("postgres://", "postgresql://", 1), autocommit=True) as conn:
                return conn.execute(sql).fetchall()
        conn = sqlite3.connect(self.var_dir / "openwmo.sqlite3", timeout=60)
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()

    def tel(self, tabel: str, waar: str = "") -> int:
        return self.query(f"SELECT COUNT(*) FROM {tabel} {waar}")[0][0]

    def dubbel(self, tabel: str, sleutel: str, waar: str = "") -> list[tuple]:
        return self.query(f"SELECT {sleutel}, COUNT(*) FROM {tabel} {waar} GROUP BY {sleutel} HAVING COUNT(*) > 1")


@pytest.fixture
def scratch(tmp_path):
    url = None
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        import psycopg

        basis = os.environ["DATABASE_URL"].replace("postgres://", "postgresql://", 1)
        naam = f"openwmo_crash_{uuid.uuid4().hex[:10]}"
        beheer = basis.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(beheer, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{naam}"')
        url = basis.rsplit("/", 1)[0] + f"/{naam}"
    db = Scratch(tmp_path / "var", url)
    try:
        for stap in (("manage", "migrate", "--no-input"), ("manage", "load_reference")):
            uitkomst = db.openwmo(*stap)
            assert uitkomst.returncode == 0, uitkomst.stderr
        yield db
    finally:
        if url:
            with psycopg.connect(beheer, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


def _importbestanden(map_: Path, bsns: list[str], eerste_nummer: int) -> None:
    map_.mkdir()
    clienten = ["bsn;geboortedatum;achternaam;gemeente"]
    beschikkingen = ["beschikkingsnummer;bsn;besluitdatum;ingangsdatum;einddatum;producten"]
    toewijzingen = [
        "toewijzingsnummer;beschikkingsnummer;bsn;productcode;aanbieder;ingangsdatum;einddatum;volume;eenheid;frequentie"
    ]
    for i, bsn in enumerate(bsns):
        nummer = eerste_nummer + i
        clienten.append(f"{bsn};1950-05-17;Crash{i};0603")
        beschikkingen.append(f"B{nummer};{bsn};2016-01-10;2016-02-01;2016-12-31;02A01")
        toewijzingen.append(f"{nummer};B{nummer};{bsn};02A01;{AGB};2016-02-01;2016-12-31;3;04;2")
    for naam, regels in (("clienten", clienten), ("beschikkingen", beschikkingen), ("toewijzingen", toewijzingen)):
        (map_ / f"{naam}.csv").write_text("\n".join(regels) + "\n", encoding="utf-8")


IMPORT_OPTIES = ("--historisch", "--aanbieders-aanmaken")


def _wacht_op_voortgang(proces: subprocess.Popen, lezer: int, totaal: int, drempel: float) -> int:
    """Read the progress bar (the command writes it to a terminal) until `drempel` of the rows are done."""
    buffer, gedaan, einde = b"", 0, time.monotonic() + 600
    while gedaan < drempel * totaal:
        assert proces.poll() is None, f"the import ended before it was killed ({gedaan}/{totaal} rows)"
        assert time.monotonic() < einde, "no progress within 10 minutes"
        if select.select([lezer], [], [], 1)[0]:
            buffer = (buffer + os.read(lezer, 65536))[-4096:]
            standen = re.findall(rb"(\d+)/%d" % totaal, buffer)
            if standen:
                gedaan = int(standen[-1])
    return gedaan


def _doden(proces: subprocess.Popen) -> None:
    os.kill(proces.pid, signal.SIGKILL)
    assert proces.wait(timeout=60) == -signal.SIGKILL


def test_an_import_killed_halfway_and_run_again_loses_nothing_and_stores_nothing_twice(scratch, tmp_path):
    bestanden = tmp_path / "import"
    _importbestanden(bestanden, _bsns(N_IMPORT, 100_000_000), 700_000)
    totaal = 3 * N_IMPORT
    hoofd, kind = pty.openpty()  # a terminal for stderr, so the command shows its progress bar
    fcntl.ioctl(kind, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # tqdm draws nothing in 0 columns
    try:
        proces = scratch.start("import", str(bestanden), *IMPORT_OPTIES, stdout=subprocess.DEVNULL, stderr=kind)
        os.close(kind)
        gedaan = _wacht_op_voortgang(proces, hoofd, totaal, drempel=0.5)
        _doden(proces)
    finally:
        os.close(hoofd)
    assert gedaan < totaal
    # The import is one transaction: a kill leaves nothing of it behind, not half a file.
    assert scratch.tel("core_client") == 0 and scratch.tel("toegang_toewijzing") == 0

    opnieuw = scratch.openwmo("import", str(bestanden), *IMPORT_OPTIES, timeout=900)
    assert opnieuw.returncode == 0, opnieuw.stdout[-2000:] + opnieuw.stderr[-2000:]
    assert scratch.tel("core_client") == N_IMPORT
    assert scratch.tel("toegang_beschikking") == N_IMPORT
    assert scratch.tel("toegang_toewijzing") == N_IMPORT
    assert scratch.dubbel("core_client", "bsn") == []
    assert scratch.dubbel("toegang_beschikking", "beschikkingsnummer") == []
    assert scratch.dubbel("toegang_toewijzing", "toewijzingsnummer") == []
    assert scratch.tel("inkoop_aanbieder", f"WHERE agb_code = '{AGB}'") == 1

    nog_eens = scratch.openwmo("import", str(bestanden), *IMPORT_OPTIES, timeout=900)
    assert nog_eens.returncode == 0 and f"0 nieuw, 0 bijgewerkt, {N_IMPORT} ongewijzigd" in nog_eens.stdout
    assert scratch.tel("core_client") == N_IMPORT and scratch.tel("toegang_toewijzing") == N_IMPORT


def _berichten(map_: Path, bsns: list[str], eerste_nummer: int) -> None:
    """A 305 and a 307 per allocation, built with the simulator's helpers from unsaved model instances."""
    map_.mkdir()
    gemeente = Gemeente(cbs_code="0603", naam="Rijswijk")
    aanbieder = Aanbieder(agb_code=AGB, naam="Crash")
    product = Product(productcategorie="02", productcode="02A01")
    for i, bsn in enumerate(bsns):
        client = Client(bsn=bsn, geboortedatum=date(1950, 5, 17), achternaam=f"Crash{i}", geslacht="0")
        t = Toewijzing(
            toewijzingsnummer=str(eerste_nummer + i),
            client=client,
            gemeente=gemeente,
            aanbieder=aanbieder,
            product=product,
            ingangsdatum=date(2016, 2, 1),
            einddatum=date(2016, 12, 31),
        )
        start = startbericht(t, date(2016, 2, 3), date(2016, 2, 5), identificatie=f"C305-{i}")
        stop = stopbericht(t, date(2016, 2, 3), date(2016, 6, 30), date(2016, 7, 1), identificatie=f"C307-{i}")
        (map_ / f"a{i:05d}_305.xml").write_bytes(start)  # sorted: every start before every stop
        (map_ / f"b{i:05d}_307.xml").write_bytes(stop)


def test_a_message_batch_killed_halfway_and_sent_again_is_processed_exactly_once(scratch, tmp_path):
    bsns = _bsns(N_BERICHTEN, 200_000_000)
    _importbestanden(tmp_path / "import", bsns, 800_000)
    assert scratch.openwmo("import", str(tmp_path / "import"), *IMPORT_OPTIES).returncode == 0
    berichten = tmp_path / "berichten"
    _berichten(berichten, bsns, 800_000)
    totaal = 2 * N_BERICHTEN

    proces = scratch.start("berichten", "import", str(berichten), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    einde = time.monotonic() + 600
    while (binnen := scratch.tel("berichten_bericht", "WHERE richting = 'in'")) < totaal // 3:
        assert proces.poll() is None, proces.stderr.read().decode()[-2000:]
        assert time.monotonic() < einde, "no progress within 10 minutes"
        time.sleep(0.2)
    _doden(proces)
    assert binnen < totaal

    opnieuw = scratch.openwmo("berichten", "import", str(berichten), timeout=900)
    assert opnieuw.returncode == 0, opnieuw.stderr[-2000:]
    assert opnieuw.stdout.count("(al eerder ontvangen)") >= binnen  # what arrived before the kill is recognised
    assert scratch.tel("berichten_bericht", "WHERE richting = 'in'") == totaal
    assert scratch.dubbel("berichten_bericht", "sha256", "WHERE richting = 'in'") == []
    # every message processed (none refused as a duplicate 9074/9056), each with exactly one stored answer
    assert scratch.tel("berichten_bericht", "WHERE richting = 'in' AND status = 'verwerkt'") == totaal
    assert scratch.tel("berichten_bericht", "WHERE richting = 'in' AND antwoord_id IS NULL") == 0
    assert scratch.tel("berichten_bericht", "WHERE richting = 'uit' AND berichtcode IN ('306', '308')") == totaal
    assert scratch.dubbel("berichten_bericht", "antwoord_id", "WHERE richting = 'in'") == []
    # one delivery per allocation, started and stopped
    assert scratch.tel("toegang_levering") == N_BERICHTEN
    assert scratch.tel("toegang_levering", "WHERE einddatum IS NULL") == 0
    assert scratch.dubbel("toegang_levering", "toewijzing_id") == []

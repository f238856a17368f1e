"""Processing claims: read, identify, check against allocations/contracts/earlier lines, store, answer.

Every input (WMO323, CSV, API) goes through `_verwerken`: one transaction and one audit-log entry per
declaration, a fixed number of queries per declaration (see `laden.py`), lines stored in bulk.

Identity first (docs/declaraties.md, "Resending is harmless"): a declaration is identified by
(AGB, DeclaratieNummer). Same number and same content (SHA-256 of the message bytes, or of the lines for
CSV/API) → the stored answer is returned and nothing changes. Same number, other content → 9333, nothing
stored. A technically rejected message (0001) is not stored either: it counts as not sent.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from openwmo.berichten import common as c
from openwmo.berichten.safe_xml import BerichtFout
from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.models import Gemeente, Nummerreeks
from openwmo.inkoop.models import Aanbieder

from . import checks
from .antwoord import bouw_325, header_uit_kapot_bericht, technisch_afgewezen
from .laden import eerdere_laden, tarieven_laden, toewijzingen_laden
from .lezer import lees_323
from .models import Bron, Declaratie, DeclaratieStatus, Prestatie
from .models.declaratie import bericht_comprimeren

DOEL = "Uitvoering Wmo 2015: declaraties controleren en betalen"
BATCH_SIZE = 2_000


@dataclass(frozen=True)
class Uitkomst:
    """What happened to one submitted claim.

    `retourcodes`: the answer's decisive codes — ("0001",) technically rejected, ("9333",) number reused,
    ("8001",) fully approved, ("0200",) partly approved. `meldingen`: why (Dutch), for 0001/9333.
    `declaratie` is the stored claim (None when nothing was stored); `herhaald` is True when the same
    claim was sent before and its stored answer is returned.
    """

    declaratie: Declaratie | None
    antwoord_325: bytes | None
    retourcodes: tuple[str, ...]
    meldingen: tuple[str, ...] = ()
    herhaald: bool = False

    @property
    def verwerkt(self) -> bool:
        return self.declaratie is not None


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _identificatie_325() -> str:
    return str(Nummerreeks.volgende("wmo325"))


def declaratie_verwerken_323(xml_bytes: bytes, *, bron: str = Bron.IWMO, user=None) -> Uitkomst:
    """Process one WMO323. Never raises for bad input: a message that cannot be read is answered with a
    header-only 325 with 0001 (when its header names a sender and receiver) and nothing is stored."""
    inhoud_hash = _hash(xml_bytes)
    eerder = Declaratie.objects.filter(inhoud_hash=inhoud_hash, bron=bron).only("pk", "antwoord_325", "retourcode")
    for bestaand in eerder[:1]:  # the very same message again: answer as before, read nothing
        opgeslagen = bytes(bestaand.antwoord_325) if bestaand.antwoord_325 is not None else None
        return Uitkomst(bestaand, opgeslagen, (bestaand.retourcode,), herhaald=True)
    try:
        gelezen = lees_323(xml_bytes)
    except BerichtFout as fout:
        heen = header_uit_kapot_bericht(xml_bytes)
        antwoord = None
        if heen is not None:
            antwoord = technisch_afgewezen(heen, identificatie=_identificatie_325(), dagtekening=timezone.localdate())
        _log_technisch(user, fout.meldingen, heen)
        return Uitkomst(None, antwoord, ("0001",), tuple(fout.meldingen))
    return _verwerken(
        gelezen.declaratie,
        bron=bron,
        user=user,
        inhoud_hash=inhoud_hash,
        heen=gelezen.header,
        dagtekening=gelezen.dagtekening,
        bericht_323=xml_bytes,
    )


def declaratie_verwerken_regels(
    declaratie: checks.Declaratie, *, bron: str, user=None, dagtekening: date | None = None
) -> Uitkomst:
    """Process a claim that arrived as lines (CSV import, API) through the same checks. No 325 is built
    (there is no 323 to answer); the outcome and the stored lines say what was approved."""
    inhoud = repr(declaratie).encode("utf-8")
    return _verwerken(declaratie, bron=bron, user=user, inhoud_hash=_hash(inhoud), heen=None, dagtekening=dagtekening)


def _log_technisch(user, meldingen, heen: c.Header | None) -> None:
    afzender = f" van {heen.afzender}" if heen else ""
    log_verwerking(
        user,
        Actie.AANMAKEN,
        activiteit="Declaratie technisch afgewezen (0001)",
        doel=DOEL,
        object_type="Declaratie",
        omschrijving=f"bericht{afzender}: " + "; ".join(meldingen[:3]),
    )


def _verwerken(
    d: checks.Declaratie,
    *,
    bron: str,
    user,
    inhoud_hash: str,
    heen: c.Header | None,
    dagtekening: date | None,
    bericht_323: bytes | None = None,
) -> Uitkomst:
    # The 325's number is taken before the claim's transaction, in a transaction of its own: taken inside,
    # the series' row lock would be held until the claim commits, so claims of different providers (processed
    # in parallel) would store one at a time. A claim that ends without a 325 leaves a gap in the series.
    identificatie = _identificatie_325() if heen is not None else ""
    dag = timezone.localdate()

    def antwoord(uitkomst: checks.DeclaratieUitkomst) -> bytes | None:
        if heen is None:
            return None
        return bouw_325(heen, uitkomst, identificatie=identificatie, dagtekening=dag)

    with transaction.atomic():
        # One claim of a provider at a time: the checks read the provider's earlier lines, so two claims of
        # the same provider checked side by side could both approve the same period (workers run in parallel
        # per provider). The row lock, taken as the provider is looked up, ends with the transaction.
        aanbieder = Aanbieder.objects.select_for_update().filter(agb_code=d.aanbieder_agb).first()
        gemeente = Gemeente.objects.filter(cbs_code=d.gemeente_cbs).first()
        if aanbieder is None or gemeente is None:
            meldingen = []
            if aanbieder is None:
                meldingen.append(f"Afzender: aanbieder met AGB-code {d.aanbieder_agb} is niet bekend")
            if gemeente is None:
                meldingen.append(f"Ontvanger: gemeente {d.gemeente_cbs} is niet bekend")
            antwoord_bytes = None
            if heen is not None:
                antwoord_bytes = technisch_afgewezen(heen, identificatie=identificatie, dagtekening=dag)
            _log_technisch(user, meldingen, heen)
            return Uitkomst(None, antwoord_bytes, ("0001",), tuple(meldingen))

        bestaand = _bestaande(aanbieder, d, inhoud_hash, antwoord, user)
        if bestaand is not None:
            return bestaand

        prestaties = d.prestaties
        toewijzingen, toewijzing_pks = toewijzingen_laden({p.toewijzingsnummer for p in prestaties})
        tarieven = tarieven_laden(aanbieder, gemeente, {p.productcode for p in prestaties})
        referenties = {p.referentienummer for p in prestaties}
        referenties.update(p.vorige_referentienummer for p in prestaties if p.vorige_referentienummer)
        gekoppeld = [pk for nr, pk in toewijzing_pks.items() if nr in toewijzingen]
        eerdere = eerdere_laden(aanbieder, gekoppeld, referenties)
        uitkomst = checks.check_declaratie(d, toewijzingen, tarieven, eerdere)
        if uitkomst.header_retourcodes:
            _log_technisch(user, uitkomst.technische_fouten, heen)
            return Uitkomst(None, antwoord(uitkomst), ("0001",), uitkomst.technische_fouten)

        declaratie = _opslaan(
            d, uitkomst, aanbieder, gemeente, toewijzing_pks, toewijzingen,
            bron=bron, user=user, inhoud_hash=inhoud_hash, heen=heen, dagtekening=dagtekening,
            bericht_323=bericht_323, antwoord_325=antwoord(uitkomst),
        )  # fmt: skip
    return Uitkomst(declaratie, declaratie.antwoord_325, uitkomst.declaratie_retourcodes)


def _bestaande(aanbieder, d: checks.Declaratie, inhoud_hash: str, antwoord, user) -> Uitkomst | None:
    """Resend (same content → the stored answer) or reused number (other content → 9333, nothing stored);
    None for a new declaration."""
    bestaand = (
        Declaratie.objects.filter(aanbieder=aanbieder, declaratienummer=d.declaratienummer)
        .only("pk", "inhoud_hash", "antwoord_325", "retourcode")
        .first()
    )
    if bestaand is None:
        return None
    if bestaand.inhoud_hash == inhoud_hash:
        opgeslagen = bytes(bestaand.antwoord_325) if bestaand.antwoord_325 is not None else None
        return Uitkomst(bestaand, opgeslagen, (bestaand.retourcode,), herhaald=True)
    uitkomst = checks.check_declaratie(
        d, {}, checks.TariefIndex(), checks.EerdereIndex(), bekende_declaratienummers={d.declaratienummer}
    )
    if uitkomst.header_retourcodes:
        _log_technisch(user, uitkomst.technische_fouten, None)
        return Uitkomst(None, antwoord(uitkomst), ("0001",), uitkomst.technische_fouten)
    melding = f"DeclaratieNummer {d.declaratienummer} is al gebruikt voor een declaratie met een andere inhoud"
    log_verwerking(
        user,
        Actie.AANMAKEN,
        activiteit="Declaratie afgewezen (9333)",
        doel=DOEL,
        object_type="Declaratie",
        object_id=bestaand.pk,
        omschrijving=melding,
    )
    return Uitkomst(None, antwoord(uitkomst), ("9333",), (melding,))


def _opslaan(
    d, uitkomst, aanbieder, gemeente, toewijzing_pks, toewijzingen, *, bron, user, inhoud_hash, heen,
    dagtekening, bericht_323, antwoord_325,
) -> Declaratie:  # fmt: skip
    afgekeurd = len(uitkomst.afgekeurde)
    if afgekeurd == 0:
        status = DeclaratieStatus.GOEDGEKEURD
    elif afgekeurd == len(uitkomst.prestaties):
        status = DeclaratieStatus.AFGEKEURD
    else:
        status = DeclaratieStatus.DEELS
    declaratie = Declaratie.objects.create(
        aanbieder=aanbieder,
        gemeente=gemeente,
        declaratienummer=d.declaratienummer,
        periode_begindatum=d.periode_begindatum,
        periode_einddatum=d.periode_einddatum,
        dagtekening=dagtekening,
        ingediend_totaal=d.totaal_met_teken,
        toegekend_totaal=uitkomst.totaal_toegekend,
        status=status,
        retourcode=uitkomst.declaratie_retourcodes[0],
        aantal_regels=len(uitkomst.prestaties),
        aantal_afgekeurd=afgekeurd,
        bron=bron,
        bericht_identificatie=heen.bericht_identificatie.identificatie if heen else "",
        inhoud_hash=inhoud_hash,
        ingediend_door=user if getattr(user, "is_authenticated", False) else None,
        # Compressed here (~0.5 ms per 1 MB), so the row is written in one INSERT of ~25 KB and PostgreSQL
        # stores it as it is (storage EXTERNAL, migration 0003).
        bericht_323=None if bericht_323 is None else bericht_comprimeren(bericht_323),
        antwoord_325=antwoord_325,
    )
    _regels_opslaan(declaratie.pk, aanbieder.pk, uitkomst, toewijzing_pks, toewijzingen)
    log_verwerking(
        user,
        Actie.AANMAKEN,
        activiteit="Declaratie verwerken",
        doel=DOEL,
        object_type="Declaratie",
        object_id=declaratie.pk,
        gemeente=gemeente,
        omschrijving=(
            f"{d.declaratienummer} van {aanbieder.agb_code}: {len(uitkomst.prestaties)} prestaties, "
            f"{afgekeurd} afgekeurd, retourcode {declaratie.retourcode}"
        ),
    )
    return declaratie


_KOLOMMEN = (
    "declaratie_id",
    "aanbieder_id",
    "toewijzing_id",
    "volgnummer",
    "referentienummer",
    "vorige_referentienummer",
    "toewijzingsnummer",
    "bsn",
    "productcategorie",
    "productcode",
    "begindatum",
    "einddatum",
    "volume",
    "eenheid",
    "tarief",
    "bedrag",
    "debet_credit",
    "status",
    "retourcodes",
    "signalen",
)


_NULL = "\\N"  # NULL in COPY text format
_COPY_SPECIAAL = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_tekst(tekst: str) -> str:
    """Free text (ReferentieNummer, ProductCode) in PostgreSQL's COPY text format."""
    if "\\" in tekst or "\t" in tekst or "\n" in tekst or "\r" in tekst:
        return tekst.translate(_COPY_SPECIAAL)
    return tekst


def _db_waarde(waarde):
    """Dates as ISO text and Decimals as text, as Django's DateField/DecimalField store them on SQLite."""
    if isinstance(waarde, date | Decimal):
        return str(waarde)
    return waarde


def _copy_regels(declaratie_id, aanbieder_id, uitkomst, toewijzing_pks, toewijzingen) -> str:
    """The lines in PostgreSQL's COPY text format. Every value but the free texts (ReferentieNummer, vorige,
    ProductCode) is a validated code, digits, date, Decimal or int and needs no escaping; the free texts are
    checked for COPY's special characters all at once (escaped per line only when one occurs). Dates and
    amounts repeat within a claim: each distinct one is formatted once."""
    uitkomsten = uitkomst.prestaties
    vrij = "".join(
        f"{u.prestatie.referentienummer}{u.prestatie.vorige_referentienummer or ''}{u.prestatie.productcode}"
        for u in uitkomsten
    )
    tekst = _copy_tekst if any(t in vrij for t in "\\\t\n\r") else str
    goed, fout = checks.GOEDGEKEURD, checks.AFGEKEURD
    kop = f"{declaratie_id}\t{aanbieder_id}\t"
    gekoppeld = {nr: f"{kop}{toewijzing_pks[nr]}\t" for nr in toewijzingen if nr in toewijzing_pks}
    los = f"{kop}{_NULL}\t"
    # date / Decimal → its text (equal Decimals such as 62.5 and 62.50 share one: the same numeric value)
    opgemaakt: dict = {None: _NULL}
    regels = []
    for volgnummer, u in enumerate(uitkomsten, start=1):
        p = u.prestatie
        codes = u.retourcodes
        nr = p.toewijzingsnummer
        begin = los if "9338" in codes else gekoppeld.get(nr, los)
        van, tot, tarief, bedrag = p.begindatum, p.einddatum, p.producttarief, p.ingediend_bedrag
        van = opgemaakt.get(van) or opgemaakt.setdefault(van, str(van))
        tot = opgemaakt.get(tot) or opgemaakt.setdefault(tot, str(tot))
        tarief = opgemaakt.get(tarief) or opgemaakt.setdefault(tarief, str(tarief))
        bedrag = opgemaakt.get(bedrag) or opgemaakt.setdefault(bedrag, str(bedrag))
        regels.append(
            f"{begin}{volgnummer}\t{tekst(p.referentienummer)}\t{tekst(p.vorige_referentienummer or '')}\t{nr}\t"
            f"{p.bsn}\t{p.productcategorie}\t{tekst(p.productcode)}\t{van}\t{tot}\t{p.geleverd_volume}\t"
            f"{p.eenheid}\t{tarief}\t{bedrag}\t{p.debet_credit}\t"
            + (f"{fout}\t{','.join(codes)}\t" if codes else f"{goed}\t\t")
            + (f"{','.join(u.signalen)}\n" if u.signalen else "\n")
        )
    return "".join(regels)


def _regels_opslaan(declaratie_id, aanbieder_id, uitkomst, toewijzing_pks, toewijzingen) -> None:
    """Store the lines in bulk, no model instance per line: COPY on PostgreSQL (each row written straight
    into COPY's text format), one prepared INSERT executed for all rows elsewhere (SQLite)."""
    if connection.vendor == "postgresql":
        regels = _copy_regels(declaratie_id, aanbieder_id, uitkomst, toewijzing_pks, toewijzingen)
        with connection.cursor() as cursor:
            tabel = Prestatie._meta.db_table
            with cursor.cursor.copy(f"COPY {tabel} ({', '.join(_KOLOMMEN)}) FROM STDIN") as copy:
                copy.write(regels.encode("utf-8"))
        return
    goed, fout = checks.GOEDGEKEURD, checks.AFGEKEURD
    rijen = []
    for volgnummer, u in enumerate(uitkomst.prestaties, start=1):
        p = u.prestatie
        codes = u.retourcodes
        gekoppeld = p.toewijzingsnummer in toewijzingen and "9338" not in codes
        rijen.append(
            (
                declaratie_id,
                aanbieder_id,
                toewijzing_pks[p.toewijzingsnummer] if gekoppeld else None,
                volgnummer,
                p.referentienummer,
                p.vorige_referentienummer or "",
                p.toewijzingsnummer,
                p.bsn,
                p.productcategorie,
                p.productcode,
                p.begindatum,
                p.einddatum,
                p.geleverd_volume,
                p.eenheid,
                p.producttarief,
                p.ingediend_bedrag,
                p.debet_credit,
                fout if codes else goed,
                ",".join(codes),
                ",".join(u.signalen),
            )
        )
    tabel = connection.ops.quote_name(Prestatie._meta.db_table)
    sql = f"INSERT INTO {tabel} ({', '.join(_KOLOMMEN)}) VALUES ({', '.join(['%s'] * len(_KOLOMMEN))})"
    with connection.cursor() as cursor:
        for i in range(0, len(rijen), BATCH_SIZE):
            cursor.executemany(sql, [tuple(map(_db_waarde, rij)) for rij in rijen[i : i + BATCH_SIZE]])

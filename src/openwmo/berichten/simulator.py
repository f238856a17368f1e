"""Provider simulator for the demo: the scenario's providers answer our 301s and report care as real ones do.

`simuleer(seed, tot_datum, max_berichten)`: creates the missing 301s (outbox), "sends" them, and for each
one the provider answers a 302 and — when the dates have passed — a 305 at the start and a 307 at the end
of the allocation; now and then a 315 (request for an extra product) or a 317 (request to change). About
2 % of the provider messages contain a realistic mistake: a wrong toewijzingsnummer (9019), a start before
the allocation (9019) or the same start sent twice (9074). Everything goes through the real inbox, so the
message history, retours and codes are the ones a municipality would see. Deterministic for a seed.

The builders (`startbericht`, `stopbericht`, `verzoek_om_toewijzing`, `verzoek_om_wijziging`, `retour_302`)
make a provider's message from an allocation; the tests use them too.

Our 319s (refused / in onderzoek) get a 320 from the provider (`retour_320`, `_beantwoord_319s`).
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

from django.utils import timezone

from openwmo.core.models import Nummerreeks
from openwmo.toegang.models import Levering, Toewijzing

from . import common as c
from . import wmo301, wmo302, wmo305, wmo307, wmo315, wmo317, wmo319, wmo320
from .inbox import ontvang
from .models import Bericht, Kanaal, Richting, Status
from .outbox import outbox_bijwerken
from .retour import RetourHeader

FOUTKANS = 0.02
VERZOEKKANS = 0.02


def _identificatie() -> str:
    return f"S{Nummerreeks.volgende('simulator-bericht')}"


def _kern(t: Toewijzing) -> dict:
    client = t.client
    return dict(
        bsn=client.bsn,
        geboortedatum=c.Geboortedatum(datum=client.geboortedatum),
        geslacht=client.geslacht or "0",
        naam=c.VerkorteNaam(geslachtsnaam=c.Achternaam(achternaam=client.achternaam[:200])),
    )


def _kop(t: Toewijzing, dagtekening: date, identificatie: str | None = None) -> c.Header:
    return c.Header.nieuw(t.aanbieder.agb_code, t.gemeente.cbs_code, identificatie or _identificatie(), dagtekening)


def _product(t: Toewijzing) -> c.Product:
    return c.Product(categorie=t.product.productcategorie, code=t.product.productcode or None)


def startbericht(
    t: Toewijzing, begindatum: date, dagtekening: date, *, status: str = "1", nummer=None, identificatie=None
) -> bytes:
    product = wmo305.StartProduct(
        toewijzing_nummer=int(nummer if nummer is not None else t.toewijzingsnummer),
        product=_product(t),
        toewijzing_ingangsdatum=t.ingangsdatum,
        begindatum=begindatum,
        status_aanlevering=status,
    )
    client = wmo305.Client(**_kern(t), start_producten=(product,))
    return wmo305.build(wmo305.Bericht(header=_kop(t, dagtekening, identificatie), client=client))


def stopbericht(
    t: Toewijzing,
    begindatum: date,
    einddatum: date,
    dagtekening: date,
    *,
    reden: str = "19",
    status: str = "1",
    identificatie=None,
) -> bytes:
    product = wmo307.StopProduct(
        toewijzing_nummer=int(t.toewijzingsnummer),
        product=_product(t),
        toewijzing_ingangsdatum=t.ingangsdatum,
        begindatum=begindatum,
        reden_beeindiging=reden,
        einddatum=einddatum,
        status_aanlevering=status,
    )
    client = wmo307.Client(**_kern(t), stop_producten=(product,))
    return wmo307.build(wmo307.Bericht(header=_kop(t, dagtekening, identificatie), client=client))


def verzoek_om_toewijzing(
    t: Toewijzing, referentie: str, ingangsdatum: date, dagtekening: date, *, identificatie=None
) -> bytes:
    """A 315 from `t`'s provider for `t`'s client asking for `t`'s product (volume and unit as allocated)."""
    product = wmo315.AangevraagdProduct(
        referentie_aanbieder=referentie,
        product=_product(t),
        toewijzing_ingangsdatum=ingangsdatum,
        toewijzing_einddatum=ingangsdatum + timedelta(days=180),
        omvang=c.Omvang(volume=int(t.volume or 1), eenheid=t.eenheid or "04", frequentie=t.frequentie or "2"),
        verwijzer=c.Verwijzer(type="01"),
    )
    client = wmo315.Client(**_kern(t), aangevraagde_producten=(product,))
    return wmo315.build(wmo315.Bericht(header=_kop(t, dagtekening, identificatie), client=client))


def verzoek_om_wijziging(
    t: Toewijzing,
    referentie: str,
    dagtekening: date,
    *,
    ongewijzigd: tuple[int, ...] = (),
    volume: int | None = None,
    identificatie=None,
) -> bytes:
    """A 317 asking to change `t` to `volume` per period from a week after `dagtekening` (a total volume, TBGT,
    changes over the whole period: from the allocation's Ingangsdatum, TR373)."""
    te_wijzigen = wmo317.TeWijzigenProduct(
        toewijzing_nummer=int(t.toewijzingsnummer),
        gewenste_ingangsdatum=t.ingangsdatum if t.frequentie == "6" else dagtekening + timedelta(days=7),
        einddatum=t.einddatum,
        omvang=c.Omvang(
            volume=volume or int(t.volume or 1) + 1, eenheid=t.eenheid or "04", frequentie=t.frequentie or "2"
        ),
    )
    verzoek = wmo317.Verzoek(
        referentie_aanbieder=referentie,
        reden_verzoek="1",
        ongewijzigde_producten=tuple(wmo317.OngewijzigdProduct(toewijzing_nummer=n) for n in ongewijzigd),
        te_wijzigen_producten=(te_wijzigen,),
    )
    client = wmo317.Client(bsn=t.client.bsn, verzoek=verzoek)
    return wmo317.build(wmo317.Bericht(header=_kop(t, dagtekening, identificatie), client=client))


def retour_302(bericht_301: Bericht, dagtekening: date, *, identificatie=None) -> bytes:
    """The provider's 302 on our 301: header only, no codes (accepted)."""
    toewijzing = wmo301.parse(bytes(bericht_301.inhoud))
    header = RetourHeader.voor(
        toewijzing.header, identificatie_retour=identificatie or _identificatie(), dagtekening_retour=dagtekening
    )
    return wmo302.build(wmo302.Bericht(header=header))


def retour_320(bericht_319: Bericht, dagtekening: date, *, identificatie=None) -> bytes:
    """The provider's 320 on our 319: header only, no codes (accepted), like `retour_302`."""
    antwoord = wmo319.parse(bytes(bericht_319.inhoud))
    header = RetourHeader.voor(
        antwoord.header, identificatie_retour=identificatie or _identificatie(), dagtekening_retour=dagtekening
    )
    return wmo320.build(wmo320.Bericht(header=header))


def _beantwoord_319s(stuur, rng: random.Random, vandaag: date, ruimte: int) -> None:
    """Every provider answers our 319s (refused / in onderzoek) with a 320, as it answers 301s with 302s."""
    openstaand = (
        Bericht.objects.filter(richting=Richting.UIT, berichtcode="319", antwoord__isnull=True)
        .exclude(status=Status.RETOUR_ONTVANGEN)
        .order_by("pk")
    )
    for bericht in openstaand[: max(ruimte, 0)]:
        if bericht.status == Status.AANGEMAAKT:
            Bericht.objects.filter(pk=bericht.pk).update(status=Status.VERZONDEN, verzonden_op=timezone.now())
        stuur(retour_320(bericht, min(bericht.dagtekening + timedelta(days=rng.randint(0, 2)), vandaag)), "320")


def simuleer(
    seed: int = 2017, tot_datum: date | None = None, max_berichten: int = 500, vanaf: date | None = None
) -> Counter:
    """Play the providers up to `tot_datum` (default today), at most about `max_berichten` provider messages.

    `vanaf` sends 301s only for allocations starting or ending from that date (see `outbox_bijwerken`).

    Returns counts: messages per type and received retourcodes ("305:9019", …).
    """
    rng = random.Random(seed)
    vandaag = timezone.localdate()
    tot_datum = min(tot_datum or vandaag, vandaag)
    telling: Counter = Counter()
    outbox_bijwerken(max_berichten=max_berichten, vanaf=vanaf)

    def stuur(xml: bytes, code: str) -> None:
        ontvangst = ontvang(xml, kanaal=Kanaal.SIMULATOR)
        telling[code] += 1
        for retourcode in ontvangst.retourcodes:
            if retourcode not in ("0200", "0233"):
                telling[f"{code}:{retourcode}"] += 1

    openstaand = (
        Bericht.objects.filter(richting=Richting.UIT, berichtcode="301", antwoord__isnull=True)
        .exclude(status=Status.RETOUR_ONTVANGEN)
        .select_related("toewijzing__client", "toewijzing__product", "toewijzing__aanbieder", "toewijzing__gemeente")
        .order_by("pk")
    )
    for bericht in openstaand:
        if sum(telling.values()) >= max_berichten:
            break
        if bericht.status == Status.AANGEMAAKT:
            Bericht.objects.filter(pk=bericht.pk).update(status=Status.VERZONDEN, verzonden_op=timezone.now())
        stuur(retour_302(bericht, min(bericht.dagtekening + timedelta(days=rng.randint(0, 2)), vandaag)), "302")
        t = bericht.toewijzing
        if t is None or t.ingangsdatum > tot_datum or Levering.objects.filter(toewijzing=t).exists():
            continue
        begin = min(t.ingangsdatum + timedelta(days=rng.randint(0, 3)), t.einddatum or date.max, tot_datum)
        dagtekening = min(begin + timedelta(days=rng.randint(1, 4)), tot_datum)
        fout = rng.random() < FOUTKANS
        soort_fout = rng.choice(("nummer", "vroeg", "dubbel")) if fout else ""
        if soort_fout == "nummer":
            stuur(startbericht(t, begin, dagtekening, nummer=int(t.toewijzingsnummer) + 7_000_000), "305")
        elif soort_fout == "vroeg":
            stuur(startbericht(t, t.ingangsdatum - timedelta(days=14), dagtekening), "305")
        stuur(startbericht(t, begin, dagtekening), "305")
        if soort_fout == "dubbel":
            stuur(startbericht(t, begin, dagtekening), "305")
        if t.einddatum and t.einddatum <= tot_datum and t.einddatum >= begin:
            stuur(
                stopbericht(t, begin, t.einddatum, min(t.einddatum + timedelta(days=rng.randint(1, 4)), vandaag)), "307"
            )
        elif rng.random() < VERZOEKKANS:
            referentie = f"R{Nummerreeks.volgende('simulator-referentie')}"
            stuur(verzoek_om_wijziging(t, referentie, tot_datum), "317")
        if rng.random() < VERZOEKKANS:
            referentie = f"R{Nummerreeks.volgende('simulator-referentie')}"
            stuur(verzoek_om_toewijzing(t, referentie, tot_datum + timedelta(days=14), tot_datum), "315")
    _beantwoord_319s(stuur, rng, vandaag, max_berichten - sum(telling.values()))
    return telling

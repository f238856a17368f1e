"""The iWmo outbox: 301s for allocations, 319s for refused/under-investigation requests, export per receiver.

Outbox by reconciliation, not by signals: toegang's services emit nothing (dependencies point one way:
this adapter reads toegang, toegang never imports berichten). `outbox_bijwerken()` (command
`openwmo berichten outbox`) compares every allocation's current content (`toestand()`) with the content
of the last 301 sent for it and creates a 301 when they differ: new allocations, changed end dates
(intrekken/oprekken), endings and replacements (`vorige`). Running it twice creates nothing new.

A 301 carries the allocation that changed plus every other current allocation of that client at that provider
(OP087); the unchanged ones are resent exactly as last reported.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import re
import zipfile
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.catalogus.codelijsten import REDEN_AFWIJZING_VERZOEK
from openwmo.core.audit import Actie, log_verwerking
from openwmo.toegang.models import Toewijzing

from . import common as c
from . import wmo301, wmo319
from .inbox.kern import TERMIJN_RETOUR, deadline_na, nieuwe_identificatie, uitgaand_opslaan, vandaag
from .models import Bericht, Richting, Status, Verzoek
from .regels import regels_301
from .safe_xml import BerichtFout

logger = logging.getLogger(__name__)

# reden beëindiging (WMO588) → reden wijziging (WMO002) for a 301 that shortens an allocation
_REDEN_WIJZIGING_BIJ_EINDE = {"02": "02", "31": "07", "38": "09", "39": "06", "37": "12"}


def toestand(t: Toewijzing) -> str:
    """The allocation content a 301 reports; a different value means a new 301 is due."""
    return "|".join(
        str(v if v is not None else "")
        for v in (
            t.ingangsdatum,
            t.einddatum,
            t.product_id,
            t.volume,
            t.eenheid,
            t.frequentie,
            t.budget,
            t.reden_wijziging,
            t.reden_beeindiging,
        )
    )[:200]


def _einddatum_uit(toestand_tekst: str) -> date | None:
    deel = toestand_tekst.split("|")[1] if toestand_tekst.count("|") >= 1 else ""
    return date.fromisoformat(deel) if deel else None


def _heel(waarde: Decimal) -> int:
    return int(Decimal(waarde).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def _client(t: Toewijzing, producten: tuple[wmo301.ToegewezenProduct, ...]) -> wmo301.Client:
    client = t.client
    voorletters = re.sub(r"[^a-zA-Z\u00c0-\u1ef3]", "", client.voorletters)[:6] or None
    adres = c.Adres(
        huis=c.Huis(huisnummer=client.huisnummer) if client.huisnummer else None,
        postcode=client.postcode or None,
        straatnaam=client.straat[:24] or None,
        plaatsnaam=client.woonplaats[:80] or None,
        land_code="NL" if client.postcode else None,  # CD005: the country code goes with a postcode
    )
    return wmo301.Client(
        bsn=client.bsn,
        geboortedatum=c.Geboortedatum(datum=client.geboortedatum),
        geslacht=client.geslacht or "0",
        naam=c.VolledigeNaam(
            geslachtsnaam=c.Achternaam(achternaam=client.achternaam[:200], voorvoegsel=client.voorvoegsel or None),
            voorletters=voorletters,
            naam_gebruik="1",
        ),
        contactgegevens=(wmo301.Contact(soort="01", adres=adres),),
        toegewezen_producten=producten,
    )


def _vorige_301(t: Toewijzing) -> Bericht | None:
    return Bericht.objects.filter(richting=Richting.UIT, berichtcode="301", toewijzing=t).order_by("-pk").first()


def _product(t: Toewijzing, vorige_301: Bericht | None, reden: str = "") -> wmo301.ToegewezenProduct:
    """`t`'s current content as a ToegewezenProduct; Toewijzingsdatum/-tijd = now (its creation for a first 301)."""
    reden = reden or t.reden_wijziging
    if not reden and vorige_301 is not None:
        oud_einde = _einddatum_uit(vorige_301.toestand)
        if t.einddatum != oud_einde:
            verlengd = oud_einde is not None and (t.einddatum is None or t.einddatum > oud_einde)
            reden = "04" if verlengd else _REDEN_WIJZIGING_BIJ_EINDE.get(t.reden_beeindiging, "05")
    moment = timezone.localtime(t.aangemaakt_op if vorige_301 is None else timezone.now())
    omvang = (
        c.Omvang(volume=_heel(t.volume), eenheid=t.eenheid, frequentie=t.frequentie)
        if t.volume is not None and t.eenheid and t.frequentie
        else None
    )
    # A budget without omvang is an "aspecifieke toewijzing met budget" (§7.2): category only, since a product
    # code demands an Omvang (CD041) and Omvang and Budget exclude each other (CD077).
    code = t.product.productcode if omvang is not None or t.budget is None else None
    return wmo301.ToegewezenProduct(
        toewijzing_nummer=int(t.toewijzingsnummer),
        product=c.Product(categorie=t.product.productcategorie, code=code or None),
        toewijzingsdatum=moment.date(),
        toewijzingstijd=moment.time().replace(microsecond=0),
        ingangsdatum=t.ingangsdatum,
        einddatum=t.einddatum,
        reden_wijziging=reden or None,
        omvang=omvang,
        budget=_heel(t.budget * 100) if t.budget is not None else None,
    )


def _zoals_gemeld(t: Toewijzing) -> wmo301.ToegewezenProduct:
    """`t` as its last 301 reported it when unchanged since (resent as is: same Toewijzingsdatum/-tijd, IV013),
    else its current content."""
    vorige = _vorige_301(t)
    if vorige is not None and vorige.toestand == toestand(t):
        for p in wmo301.parse(bytes(vorige.inhoud)).client.toegewezen_producten:
            if p.toewijzing_nummer == int(t.toewijzingsnummer):
                return dataclasses.replace(p, referentie_aanbieder=None)
    return _product(t, vorige)


def _andere_actuele(t: Toewijzing, dag: date) -> list[Toewijzing]:
    """The client's other current allocations at the same provider in the same municipality (OP087): not ended
    before `dag`, not deleted (RedenWijziging 13 with Einddatum = Ingangsdatum), with a numeric number."""
    andere = (
        Toewijzing.objects.filter(client_id=t.client_id, aanbieder_id=t.aanbieder_id, gemeente_id=t.gemeente_id)
        .exclude(pk=t.pk)
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=dag))
        .exclude(reden_wijziging="13", einddatum=F("ingangsdatum"))
        .select_related("product")
        .order_by("ingangsdatum", "toewijzingsnummer")
    )
    return [a for a in andere if a.toewijzingsnummer.isdigit()]


def _ongeldig(header, t: Toewijzing, product: wmo301.ToegewezenProduct) -> bool:
    alleen = wmo301.Bericht(header=header, client=_client(t, (product,)))
    return bool(wmo301.validate(alleen) or regels_301(alleen))


def toewijzing_bericht_aanmaken(toewijzing: Toewijzing, reden: str = "") -> Bericht:
    """Build and store (status "klaar voor verzending") the WMO301 for `toewijzing`'s current content.

    The message carries `toewijzing` first and then every other current allocation of the client at that
    provider (OP087), unchanged ones exactly as last reported. A request granted by one of these allocations and
    not yet answered is answered by this 301 (TR379): its ReferentieAanbieder goes on the granted product (315)
    or on every product (317, IV097), and the request closes.
    `reden`: the RedenWijziging (WMO002) to report; empty takes it from the allocation or the change.
    Raises `ValidationError` (Dutch, naming the rules) when the message would break a condition or constraint
    of the standard (`regels.regels_301`: CD005/CD025/CD034/TR006 address, CD075/CD076/CD077/CS338 omvang, TR302
    overlap, …), and `BerichtFout` when it breaks the structure; nothing is stored then.
    """
    t = Toewijzing.objects.select_related("client", "product", "gemeente", "aanbieder").get(pk=toewijzing.pk)
    dag = vandaag()
    andere = _andere_actuele(t, dag)
    verzoek = (
        Verzoek.objects.filter(
            toewijzing__in=[t, *andere], status__in=(Verzoek.VerzoekStatus.OPEN, Verzoek.VerzoekStatus.IN_ONDERZOEK)
        )
        .order_by("pk")
        .first()
    )
    producten = []
    for a, product in ((t, _product(t, _vorige_301(t), reden)), *((a, _zoals_gemeld(a)) for a in andere)):
        if verzoek is not None and (verzoek.soort == Verzoek.Soort.WIJZIGING or verzoek.toewijzing_id == a.pk):
            product = dataclasses.replace(product, referentie_aanbieder=verzoek.referentie_aanbieder)
        producten.append(product)
    identificatie = nieuwe_identificatie()
    header = c.Header.nieuw(t.gemeente.cbs_code, t.aanbieder.agb_code, identificatie, dag)
    bericht = wmo301.Bericht(header=header, client=_client(t, tuple(producten)))
    try:
        xml = wmo301.build(bericht)  # validates the structure
        fouten = regels_301(bericht)
    except BerichtFout:
        xml, fouten = b"", ["structuur"]
    if fouten:
        # Another allocation the standard cannot express (e.g. a budget over LDT_Budget's maximum) must not stop
        # this one's 301: leave out the others that are invalid on their own; an invalid `t` still raises.
        producten = [producten[0]] + [p for p in producten[1:] if not _ongeldig(header, t, p)]
        bericht = wmo301.Bericht(header=header, client=_client(t, tuple(producten)))
        fouten = regels_301(bericht)
        if fouten:
            raise ValidationError(
                _("Voor toewijzing %(nummer)s kan geen geldig iWmo-bericht (WMO301) worden gemaakt: %(fouten)s")
                % {"nummer": t.toewijzingsnummer, "fouten": "; ".join(fouten)}
            )
        xml = wmo301.build(bericht)
    uit = uitgaand_opslaan(
        "301",
        xml,
        afzender=t.gemeente.cbs_code,
        ontvanger=t.aanbieder.agb_code,
        identificatie=identificatie,
        dagtekening=dag,
        gemeente=t.gemeente,
        aanbieder=t.aanbieder,
        toewijzing=t,
        deadline=deadline_na(dag, TERMIJN_RETOUR),
        toestand=toestand(t),
    )
    if verzoek is not None:
        verzoek.status = Verzoek.VerzoekStatus.TOEGEKEND
        verzoek.save(update_fields=["status"])
    return uit


def outbox_bijwerken(
    *,
    gemeenten=None,
    max_berichten: int | None = None,
    vanaf: date | None = None,
    geweigerd: list[tuple[Toewijzing, str]] | None = None,
) -> list[Bericht]:
    """Create the missing 301s (idempotent). Returns the new messages.

    An allocation whose 301 would break a rule of the standard gets none (it is tried again on the next run);
    the run goes on with the others, and `(toewijzing, reason)` is appended to `geweigerd` when given.

    `vanaf` limits the run to allocations that start or end on or after that date (for a first run over
    a migrated history, where the old allocations were never sent from Open Wmo).
    """
    laatste: dict[int, str] = {}
    for toewijzing_id, tekst in (
        Bericht.objects.filter(richting=Richting.UIT, berichtcode="301", toewijzing__isnull=False)
        .order_by("pk")
        .values_list("toewijzing_id", "toestand")
    ):
        laatste[toewijzing_id] = tekst
    toewijzingen = Toewijzing.objects.order_by("aangemaakt_op", "pk")
    if gemeenten is not None:
        toewijzingen = toewijzingen.filter(gemeente__in=gemeenten)
    if vanaf is not None:
        toewijzingen = toewijzingen.filter(Q(ingangsdatum__gte=vanaf) | Q(einddatum__gte=vanaf))
    nieuw = []
    for t in toewijzingen.iterator(chunk_size=2000):
        if laatste.get(t.pk) == toestand(t) or not t.toewijzingsnummer.isdigit():
            continue
        try:
            with transaction.atomic():
                nieuw.append(toewijzing_bericht_aanmaken(t))
        except (ValidationError, BerichtFout) as fout:
            reden = "; ".join(fout.messages) if isinstance(fout, ValidationError) else str(fout)
            logger.warning("geen WMO301 voor toewijzing %s: %s", t.toewijzingsnummer, reden)
            if geweigerd is not None:
                geweigerd.append((t, reden))
            continue
        if max_berichten is not None and len(nieuw) >= max_berichten:
            break
    return nieuw


# --- answers to requests (319) ------------------------------------------------------------------------
def _319(verzoek: Verzoek, antwoord: str, reden: str | None, user) -> Bericht:
    identificatie = nieuwe_identificatie()
    dag = vandaag()
    bericht = wmo319.Bericht(
        header=c.Header.nieuw(verzoek.gemeente.cbs_code, verzoek.aanbieder.agb_code, identificatie, dag),
        antwoord=wmo319.Antwoord(
            referentie_aanbieder=verzoek.referentie_aanbieder,
            verzoek_antwoord=antwoord,
            reden_afwijzing_verzoek=reden,
        ),
    )
    uit = uitgaand_opslaan(
        "319",
        wmo319.build(bericht),
        afzender=verzoek.gemeente.cbs_code,
        ontvanger=verzoek.aanbieder.agb_code,
        identificatie=identificatie,
        dagtekening=dag,
        gemeente=verzoek.gemeente,
        aanbieder=verzoek.aanbieder,
        deadline=deadline_na(dag, TERMIJN_RETOUR),
    )
    verzoek.antwoorden.add(uit)
    log_verwerking(
        user,
        Actie.WIJZIGEN,
        activiteit="Verzoek van aanbieder beantwoorden",
        doel="Uitvoering Wmo 2015",
        object_type="Verzoek",
        object_id=verzoek.pk,
        betrokkene=verzoek.client,
        gemeente=verzoek.gemeente,
        omschrijving=f"WMO319 {identificatie}: antwoord {antwoord} {reden or ''}",
    )
    return uit


def _open_verzoek(verzoek: Verzoek) -> Verzoek:
    verzoek = Verzoek.objects.select_for_update().select_related("gemeente", "aanbieder").get(pk=verzoek.pk)
    if not verzoek.is_open:
        raise ValidationError({"status": _("Dit verzoek is al afgehandeld (%s).") % verzoek.get_status_display()})
    return verzoek


@transaction.atomic
def verzoek_afwijzen(verzoek: Verzoek, reden: str, user) -> Bericht:
    """Refuse a 315/317: a 319 "afgewezen" with reden (WJ759); closes the request."""
    if reden not in REDEN_AFWIJZING_VERZOEK:
        raise ValidationError({"reden": _("Kies een reden van afwijzing uit de lijst.")})
    verzoek = _open_verzoek(verzoek)
    uit = _319(verzoek, "1", reden, user)
    verzoek.status = Verzoek.VerzoekStatus.AFGEWEZEN
    verzoek.reden_afwijzing = reden
    verzoek.behandeld_door = user if getattr(user, "is_authenticated", False) else None
    verzoek.save()
    return uit


@transaction.atomic
def verzoek_in_onderzoek(verzoek: Verzoek, user) -> Bericht:
    """Answer a 315/317 with 319 "in onderzoek" (allowed once, TR360); the request stays open."""
    verzoek = _open_verzoek(verzoek)
    if verzoek.status == Verzoek.VerzoekStatus.IN_ONDERZOEK:
        raise ValidationError({"status": _("Een verzoek kan maar één keer 'in onderzoek' worden gezet (TR360).")})
    uit = _319(verzoek, "2", None, user)
    verzoek.status = Verzoek.VerzoekStatus.IN_ONDERZOEK
    verzoek.behandeld_door = user if getattr(user, "is_authenticated", False) else None
    verzoek.save()
    return uit


@transaction.atomic
def verzoek_toekennen(verzoek: Verzoek, toewijzing: Toewijzing, user) -> Verzoek:
    """Link a request to the allocation that grants it (made with toegang's toewijzing_create).

    The next outbox run sends its 301 with the request's ReferentieAanbieder and closes the request.
    """
    verzoek = _open_verzoek(verzoek)
    if toewijzing.aanbieder_id != verzoek.aanbieder_id or toewijzing.gemeente_id != verzoek.gemeente_id:
        raise ValidationError({"toewijzing": _("De toewijzing hoort niet bij deze aanbieder en gemeente.")})
    verzoek.toewijzing = toewijzing
    verzoek.behandeld_door = user if getattr(user, "is_authenticated", False) else None
    verzoek.save()
    return verzoek


# --- export -------------------------------------------------------------------------------------------
def bestandsnaam(bericht: Bericht) -> str:
    return f"WMO{bericht.berichtcode}_{bericht.afzender}_{bericht.identificatie}.xml"


def te_verzenden(gemeenten=None):
    berichten = Bericht.objects.filter(richting=Richting.UIT, status=Status.AANGEMAAKT).order_by("pk")
    return berichten.filter(gemeente__in=gemeenten) if gemeenten is not None else berichten


def _als_verzonden(berichten: list[Bericht]) -> None:
    Bericht.objects.filter(pk__in=[b.pk for b in berichten], status=Status.AANGEMAAKT).update(
        status=Status.VERZONDEN, verzonden_op=timezone.now()
    )


@transaction.atomic
def exporteren(map_: Path, *, gemeenten=None) -> dict[str, int]:
    """Write every message ready to send into `map_/<receiver>/`; marks them sent. Returns count per receiver."""
    per_ontvanger: dict[str, int] = {}
    berichten = list(te_verzenden(gemeenten).select_for_update())
    for bericht in berichten:
        doel = Path(map_) / bericht.ontvanger
        doel.mkdir(parents=True, exist_ok=True)
        (doel / bestandsnaam(bericht)).write_bytes(bytes(bericht.inhoud))
        per_ontvanger[bericht.ontvanger] = per_ontvanger.get(bericht.ontvanger, 0) + 1
    _als_verzonden(berichten)
    return per_ontvanger


@transaction.atomic
def zip_voor_ontvanger(ontvanger: str, *, gemeenten=None, user=None) -> tuple[bytes, int]:
    """A ZIP with the messages ready for `ontvanger` (AGB code); marks them sent."""
    berichten = list(te_verzenden(gemeenten).filter(ontvanger=ontvanger).select_for_update())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for bericht in berichten:
            zf.writestr(bestandsnaam(bericht), bytes(bericht.inhoud))
    _als_verzonden(berichten)
    log_verwerking(
        user,
        Actie.EXPORTEREN,
        activiteit="iWmo-berichten downloaden",
        doel="Uitvoering Wmo 2015",
        object_type="Bericht",
        omschrijving=f"{len(berichten)} berichten voor {ontvanger}",
    )
    return buffer.getvalue(), len(berichten)

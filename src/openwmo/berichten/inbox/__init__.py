"""The iWmo inbox: every incoming message goes through `ontvang()` (upload, import command, API, simulator).

Steps: (1) the same bytes again → the stored message and its stored answer, nothing else happens;
(2) safe parse (`safe_xml`: no DTD/entities/network, size limit, UTF-8 only) and structure validation;
a message failing here is stored raw as *afgekeurd* with retourcode 0001 and gets **no** retour message
(level 1 of §8.1: the standard sends no retour on an XSD error); (3) identity (TR056: a different message
re-using sender + type + identificatie ⇒ 9056); (4) the rules inside the message (XSLT level: CS002
eleven-proof, CS058, TR018, TR101, TR134, …) ⇒ header-only retour with 0001 and the message counts as not
sent (OP286); (5) header rules against the outside world (8848 dagtekening in the future, S300 unknown
municipality); (6) the business rules per message type, whose writes happen in a savepoint and are undone
when any class is rejected; (7) the retour (306/308/316/318) or, for a 323, the claims module's 325.

Nothing here raises on bad input: `ontvang` returns an `Ontvangst`. The only exception is
`OntvangstGeweigerd`, for a provider trying to send in another provider's name (nothing is stored).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.bsn import elfproef
from openwmo.core.models import Gemeente
from openwmo.core.selectors import gemeenten_voor
from openwmo.inkoop.models import Aanbieder
from openwmo.inkoop.selectors import aanbieder_van

from .. import REGISTRY, detect_tree
from ..models import Bericht, Kanaal, Richting, Status
from ..retour import RETOUR_VAN
from ..safe_xml import DEFAULT_MAX_BYTES, BerichtFout, parse_xml
from ..selectors import is_aanbieder
from ..structure import MESSAGE_NS_RE
from .declaraties import verwerk_323, wachtende_verwerken
from .kern import (
    TERMIJN_325,
    TERMIJN_RETOUR,
    Afgekeurd,
    Oordeel,
    antwoord_325_op_kop,
    deadline_na,
    retour_maken,
    sha256,
    vandaag,
)
from .regie import technische_regels_regie, verwerk_305, verwerk_307
from .retouren import verwerk_retour
from .verzoeken import technische_regels_verzoek, verwerk_315, verwerk_317

VAN_AANBIEDER = ("305", "307", "315", "317", "323")
RETOUR_OP_ONS = ("302", "320")
VERWERKERS = {"305": verwerk_305, "307": verwerk_307, "315": verwerk_315, "317": verwerk_317}
TECHNISCHE_REGELS = {
    "305": technische_regels_regie,
    "307": technische_regels_regie,
    "315": technische_regels_verzoek,
    "317": technische_regels_verzoek,
}


class OntvangstGeweigerd(Exception):
    """A provider user tried to deliver a message sent by someone else; nothing was stored."""


@dataclass
class Ontvangst:
    bericht: Bericht
    herhaald: bool = False

    @property
    def antwoord(self) -> Bericht | None:
        return self.bericht.antwoord

    @property
    def geaccepteerd(self) -> bool:
        return self.bericht.status == Status.VERWERKT

    @property
    def retourcodes(self) -> list[str]:
        return self.bericht.retourcode_lijst

    @property
    def samenvatting(self) -> dict:
        """Status, retourcodes and Dutch remarks: the answer when there is no retour message to send back."""
        b = self.bericht
        return {"status": b.status, "retourcodes": b.retourcode_lijst, "meldingen": b.meldingen.splitlines()}


def max_bytes() -> int:
    return int(getattr(settings, "OPENWMO_BERICHT_MAX_BYTES", DEFAULT_MAX_BYTES))


def ontvang_van_gebruiker(inhoud: bytes, *, user, kanaal: str) -> Ontvangst:
    """Receive a message a person delivers (upload, API): a provider's employee only messages its own AGB code
    sent, municipal staff only messages addressed to one of their municipalities (else `OntvangstGeweigerd`)."""
    if is_aanbieder(user):
        aanbieder = aanbieder_van(user)
        if aanbieder is None:
            raise OntvangstGeweigerd(_("Uw gebruiker is niet aan een aanbieder gekoppeld."))
        return ontvang(inhoud, kanaal=kanaal, user=user, aanbieder=aanbieder)
    return ontvang(inhoud, kanaal=kanaal, user=user, gemeenten=list(gemeenten_voor(user)))


def ontvang(
    inhoud: bytes,
    *,
    kanaal: str = Kanaal.UPLOAD,
    user=None,
    aanbieder: Aanbieder | None = None,
    gemeenten=None,
) -> Ontvangst:
    """Receive one message. `aanbieder`: the provider the uploading user works for (it must be the sender);
    `gemeenten`: the municipalities an uploading municipal user works for (the message must be addressed to one)."""
    if isinstance(inhoud, bytearray | memoryview):
        inhoud = bytes(inhoud)
    if not isinstance(inhoud, bytes):
        raise TypeError("een bericht wordt als bytes aangeleverd")
    digest = sha256(inhoud)
    bestaand = _zelfde(digest)
    if bestaand is not None:
        # the same rights as a first delivery: the stored outcome is that sender's and municipality's business
        _controleer_afzender_en_ontvanger(bestaand.afzender, bestaand.ontvanger, aanbieder, gemeenten)
        return Ontvangst(bestaand, herhaald=True)
    limiet = max_bytes()
    try:
        root = parse_xml(inhoud, namespace_pattern=MESSAGE_NS_RE, max_bytes=limiet)
        code = detect_tree(root)
    except BerichtFout as fout:
        return _technisch_afgekeurd(inhoud, digest, kanaal, fout.meldingen, limiet)
    kop = _kop(root, code)
    _controleer_afzender_en_ontvanger(kop["afzender"], kop["ontvanger"], aanbieder, gemeenten)
    if code not in VAN_AANBIEDER + RETOUR_OP_ONS:
        melding = f"WMO{code} wordt niet door een aanbieder naar de gemeente gestuurd."
        return _technisch_afgekeurd(inhoud, digest, kanaal, [melding], limiet, kop=kop, code=code)
    try:
        model = REGISTRY[code].STRUCTURE.from_tree(root, validate=True)
    except BerichtFout as fout:
        return _technisch_afgekeurd(inhoud, digest, kanaal, fout.meldingen, limiet, kop=kop, code=code)
    for _poging in range(2):
        try:
            with transaction.atomic():
                return Ontvangst(_verwerk(inhoud, digest, code, model, kop, kanaal, user))
        except IntegrityError:  # a concurrent delivery of the same identity won the race
            bestaand = _zelfde(digest)
            if bestaand is not None:
                return Ontvangst(bestaand, herhaald=True)
    raise RuntimeError("bericht kon niet worden vastgelegd")  # pragma: no cover


def _controleer_afzender_en_ontvanger(afzender: str, ontvanger: str, aanbieder, gemeenten) -> None:
    """A provider's employee delivers only its own provider's messages; municipal staff only messages addressed to
    their own municipalities (another municipality's message would change its records and tell the uploader
    whether that BSN has that allocation)."""
    if aanbieder is not None and afzender != aanbieder.agb_code:
        raise OntvangstGeweigerd(
            f"Dit bericht is verstuurd door {afzender or 'een onbekende afzender'}, "
            f"niet door {aanbieder.naam} ({aanbieder.agb_code})."
        )
    if gemeenten is not None and ontvanger not in {g.cbs_code for g in gemeenten}:
        raise OntvangstGeweigerd(
            f"Dit bericht is gericht aan gemeente {ontvanger or '(onbekend)'}, niet aan een gemeente waarvoor u werkt."
        )


def _zelfde(digest: str) -> Bericht | None:
    return Bericht.objects.filter(richting=Richting.IN, sha256=digest).select_related("antwoord").first()


def _tekst(root, ns: str, pad: str, lengte: int) -> str:
    waarde = root.findtext(
        "/".join(f"{{{ns}}}{deel}" if i == 0 else f"{{*}}{deel}" for i, deel in enumerate(pad.split("/")))
    )
    return (waarde or "").strip()[:lengte]


def _kop(root, code: str) -> dict:
    """Sender (the provider's AGB), municipality, identity and date, read leniently from the raw header."""
    ns = root.tag[1:].split("}", 1)[0]
    gemeente_el, aanbieder_el = (
        ("Afzender", "Ontvanger")
        if code in RETOUR_OP_ONS or code == "301"
        else (
            "Ontvanger",
            "Afzender",
        )
    )
    if code in RETOUR_OP_ONS:
        identificatie, dagtekening = "Header/IdentificatieRetour", "Header/DagtekeningRetour"
    else:
        identificatie = "Header/BerichtIdentificatie/Identificatie"
        dagtekening = "Header/BerichtIdentificatie/Dagtekening"
    try:
        dag = date.fromisoformat(_tekst(root, ns, dagtekening, 10))
    except ValueError:
        dag = None
    return {
        "afzender": _tekst(root, ns, f"Header/{aanbieder_el}", 8),
        "ontvanger": _tekst(root, ns, f"Header/{gemeente_el}", 8),
        "identificatie": _tekst(root, ns, identificatie, 20),
        "dagtekening": dag,
    }


def _meldingtekst(meldingen: list[str]) -> str:
    """The reasons as stored text. A parser's message may quote the hostile bytes, NUL included, which a
    PostgreSQL text column refuses (DataError: a crash instead of a rejection; found by tests/fuzz)."""
    return "\n".join(meldingen).replace("\x00", "\\x00")


def _technisch_afgekeurd(inhoud, digest, kanaal, meldingen, limiet, kop=None, code="") -> Ontvangst:
    """Level 1 (structure) or unreadable: stored raw as rejected (0001), no retour, identity not taken."""
    kop = kop or {}
    bericht = Bericht.objects.create(
        richting=Richting.IN,
        berichtcode=code,
        afzender=kop.get("afzender", ""),
        ontvanger=kop.get("ontvanger", ""),
        identificatie=kop.get("identificatie", ""),
        dagtekening=kop.get("dagtekening"),
        inhoud=inhoud if len(inhoud) <= limiet else b"",
        grootte=len(inhoud),
        sha256=digest,
        status=Status.AFGEKEURD,
        retourcodes="0001",
        meldingen=_meldingtekst(meldingen[:20]),
        uniek=False,
        kanaal=kanaal,
        gemeente=Gemeente.objects.filter(cbs_code=kop.get("ontvanger", "")).first() if kop else None,
        aanbieder=Aanbieder.objects.filter(agb_code=kop.get("afzender", "")).first() if kop else None,
        verwerkt_op=timezone.now(),
    )
    return Ontvangst(bericht)


def _verwerk(inhoud, digest, code, model, kop, kanaal, user) -> Bericht:
    gemeente = Gemeente.objects.filter(cbs_code=kop["ontvanger"]).first()
    aanbieder = Aanbieder.objects.filter(agb_code=kop["afzender"]).first()
    bericht = Bericht(
        richting=Richting.IN,
        berichtcode=code,
        afzender=kop["afzender"],
        ontvanger=kop["ontvanger"],
        identificatie=kop["identificatie"],
        dagtekening=kop["dagtekening"],
        inhoud=inhoud,
        grootte=len(inhoud),
        sha256=digest,
        status=Status.ONTVANGEN,
        kanaal=kanaal,
        gemeente=gemeente,
        aanbieder=aanbieder,
        deadline=deadline_na(vandaag(), TERMIJN_325 if code == "323" else TERMIJN_RETOUR),
    )
    if Bericht.objects.filter(
        richting=Richting.IN,
        afzender=bericht.afzender,
        berichtcode=code,
        identificatie=bericht.identificatie,
        uniek=True,
    ).exists():
        bericht.uniek = False
        return _afronden(bericht, model, Oordeel(kop=("9056",), meldingen=["9056: identificatie is al gebruikt"]))
    if code in RETOUR_OP_ONS:
        bericht.save()
        verwerk_retour(bericht, model)
        bericht.verwerkt_op = timezone.now()
        bericht.deadline = None
        bericht.save()
        return bericht

    oordeel = Oordeel()
    if code != "323":
        if not elfproef(model.client.bsn):
            oordeel.technisch.append("CS002: het BSN voldoet niet aan de elfproef")
        oordeel.technisch.extend(TECHNISCHE_REGELS[code](model, code))
    if aanbieder is None:
        oordeel.technisch.append(f"afzender {bericht.afzender} is geen bekende aanbieder (AGB-code)")
    if oordeel.technisch:
        bericht.uniek = False  # counts as not sent (OP286)
        oordeel.meldingen.extend(oordeel.technisch)
    elif bericht.dagtekening > vandaag():
        oordeel.kop = ("8848",)
        oordeel.meldingen.append("8848: de dagtekening ligt na de systeemdatum")
    elif gemeente is None:
        oordeel.kop = ("S300",)
        oordeel.meldingen.append(f"S300: gemeentecode {bericht.ontvanger} is onbekend")
    bericht.save()
    if not oordeel.afgekeurd:
        if code == "323":
            verwerk_323(bericht)
            _log(user, bericht)
            return bericht
        try:
            with transaction.atomic():
                VERWERKERS[code](bericht, model, oordeel)
                if oordeel.afgekeurd:
                    raise Afgekeurd
        except Afgekeurd:
            bericht.te_laat = False
    return _afronden(bericht, model, oordeel, user)


def _afronden(bericht: Bericht, model, oordeel: Oordeel, user=None) -> Bericht:
    bericht.status = Status.AFGEKEURD if oordeel.afgekeurd else Status.VERWERKT
    bericht.retourcodes = ",".join(oordeel.codes())
    bericht.meldingen = _meldingtekst(oordeel.meldingen[:50])
    bericht.verwerkt_op = timezone.now()
    bericht.save()
    if bericht.berichtcode in RETOUR_OP_ONS:
        return bericht
    if bericht.berichtcode == "323":
        codes = ("0001",) if oordeel.technisch else oordeel.kop
        bericht.antwoord = antwoord_325_op_kop(bericht, model, codes)
    else:
        bericht.antwoord = retour_maken(bericht, model, oordeel)
    bericht.save(
        update_fields=["antwoord", "status", "retourcodes", "meldingen", "verwerkt_op", "toewijzing", "te_laat"]
    )
    _log(user, bericht)
    return bericht


def _log(user, bericht: Bericht) -> None:
    log_verwerking(
        user,
        Actie.AANMAKEN,
        activiteit=f"iWmo-bericht WMO{bericht.berichtcode} ontvangen",
        doel="Uitvoering Wmo 2015",
        object_type="Bericht",
        object_id=bericht.pk,
        betrokkene=bericht.toewijzing.client if bericht.toewijzing_id else None,
        gemeente=bericht.gemeente,
        omschrijving=f"{bericht.afzender} {bericht.identificatie}: {bericht.status} {bericht.retourcodes}",
    )


__all__ = ["RETOUR_VAN", "Ontvangst", "OntvangstGeweigerd", "ontvang", "wachtende_verwerken"]

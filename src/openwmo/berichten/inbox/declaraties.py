"""WMO323: handed to the claims module through a handler named in settings (a seam, not an import).

    OPENWMO_BERICHT_VERWERKERS = {"323": "openwmo.declaraties.services.declaratie_verwerken_323"}

The handler is called as `handler(xml_bytes, bron="iwmo")` and returns an outcome whose `antwoord_325` holds the
325 bytes (`declaraties.services.Uitkomst`).
When it cannot be imported (the claims module is not installed) or fails, the 323 is kept with status
"wacht op verwerking" and a clear message, and `wachtende_verwerken()` (run by `openwmo berichten outbox`)
tries again later. Nothing the handler wrote survives a failure (it runs in a savepoint).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .. import safe_xml
from ..models import Bericht, Richting, Status
from ..structure import MESSAGE_NS_RE
from .kern import alle_retourcodes, uitgaand_opslaan

logger = logging.getLogger(__name__)

STANDAARD_VERWERKERS = {"323": "openwmo.declaraties.services.declaratie_verwerken_323"}


def verwerker(code: str):
    """The handler for `code`, or raises ImportError with a clear message."""
    pad = {**STANDAARD_VERWERKERS, **getattr(settings, "OPENWMO_BERICHT_VERWERKERS", {})}.get(code)
    if not pad:
        raise ImportError(f"geen verwerker ingesteld voor WMO{code}")
    try:
        return import_string(pad)
    except ImportError as exc:
        raise ImportError(f"verwerker {pad} is niet beschikbaar ({exc})") from None


def verwerk_323(bericht: Bericht) -> None:
    try:
        handler = verwerker("323")
    except ImportError as exc:
        _wacht(bericht, f"De declaratie kan nog niet verwerkt worden: {exc}.")
        return
    try:
        with transaction.atomic():
            uitkomst = handler(bytes(bericht.inhoud), bron="iwmo")
            antwoord = _325_opslaan(bericht, uitkomst.antwoord_325)
    except Exception as exc:  # noqa: BLE001 - a failing handler must not lose the message or crash the inbox
        logger.exception("verwerking WMO323 %s mislukt", bericht.pk)
        _wacht(bericht, f"De declaratie kon niet verwerkt worden ({type(exc).__name__}: {exc}).")
        return
    bericht.antwoord = antwoord
    bericht.status = Status.VERWERKT
    bericht.retourcodes = antwoord.retourcodes
    bericht.meldingen = ""
    bericht.verwerkt_op = timezone.now()
    bericht.save()


def _wacht(bericht: Bericht, melding: str) -> None:
    bericht.status = Status.WACHT
    bericht.meldingen = melding
    bericht.save()


def _325_opslaan(bericht: Bericht, xml: bytes) -> Bericht:
    from .. import wmo325

    root = safe_xml.parse_xml(xml, namespace_pattern=MESSAGE_NS_RE)
    antwoord = wmo325.from_tree(root)
    kop = antwoord.header
    return uitgaand_opslaan(
        "325",
        xml,
        afzender=kop.afzender,
        ontvanger=kop.ontvanger,
        identificatie=kop.bericht_identificatie.identificatie,
        dagtekening=kop.bericht_identificatie.dagtekening,
        gemeente=bericht.gemeente,
        aanbieder=bericht.aanbieder,
        retourcodes=alle_retourcodes(antwoord),
    )


def wachtende_verwerken() -> int:
    """Retry every 323 that waits for the claims module; returns how many are now processed."""
    klaar = 0
    for bericht in Bericht.objects.filter(richting=Richting.IN, berichtcode="323", status=Status.WACHT):
        with transaction.atomic():
            verwerk_323(bericht)
        klaar += bericht.status == Status.VERWERKT
    return klaar

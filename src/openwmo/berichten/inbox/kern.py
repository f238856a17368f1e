"""Shared pieces of the inbox: the judgement of one message, retour building, storing outgoing messages."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from openwmo.catalogus.models import Product as CatalogusProduct
from openwmo.core.models import Nummerreeks

from .. import REGISTRY, wmo325
from ..common import BerichtIdentificatie
from ..models import Bericht, Kanaal, Richting, Status
from ..retour import RETOUR_VAN, RetourHeader
from ..werkdagen import werkdagen_na

XSLT_VERSIE = "1.0.0"
RETOUR_VOOR = {heen: retour for retour, heen in RETOUR_VAN.items()}
TERMIJN_RETOUR = 3  # working days (OP090)
TERMIJN_VERZOEK = 5  # working days for a 301/319 after a 315/317 (OP274, OP346)
TERMIJN_325 = 10  # working days (OP090x4)


class Afgekeurd(Exception):
    """Raised inside the processing savepoint to undo every write of a rejected message."""


@dataclass
class Oordeel:
    """What the rules decided about one message: codes per berichtklasse (by id) or on the header."""

    klassen: dict[int, tuple[str, ...]] = field(default_factory=dict)
    kop: tuple[str, ...] = ()
    technisch: list[str] = field(default_factory=list)  # XSLT-level findings ⇒ header-only 0001
    meldingen: list[str] = field(default_factory=list)

    def fout(self, klasse, code: str, melding: str = "") -> None:
        self.klassen[id(klasse)] = (*self.klassen.get(id(klasse), ()), code)
        if melding:
            self.meldingen.append(f"{code}: {melding}")

    @property
    def afgekeurd(self) -> bool:
        return bool(self.technisch or self.kop or self.klassen)

    def codes(self) -> list[str]:
        if self.technisch:
            return ["0001"]
        gezien: list[str] = list(self.kop)
        for codes in self.klassen.values():
            gezien.extend(c for c in codes if c not in gezien)
        return list(dict.fromkeys(gezien))


def productcode_ongeldig(product) -> bool:
    """TR381 (S329): a Product/Code that the product list in use (our catalogue) does not hold for that
    category. A product without a code (aspecific) is not checked here."""
    if product is None or not product.code:
        return False
    return not CatalogusProduct.objects.filter(productcategorie=product.categorie, productcode=product.code).exists()


def sha256(inhoud: bytes) -> str:
    return hashlib.sha256(inhoud).hexdigest()


def vandaag() -> date:
    return timezone.localdate()


def nieuwe_identificatie() -> str:
    return str(Nummerreeks.volgende("iwmo-bericht"))


def alle_retourcodes(obj) -> list[str]:
    """Every retourcode in a retour/325 model (header and classes), distinct, in document order."""
    gevonden: list[str] = []

    def loop(waarde):
        if dataclasses.is_dataclass(waarde):
            for f in dataclasses.fields(waarde):
                sub = getattr(waarde, f.name)
                if f.name == "retourcodes":
                    gevonden.extend(sub)
                else:
                    loop(sub)
        elif isinstance(waarde, tuple):
            for sub in waarde:
                loop(sub)

    loop(obj)
    return list(dict.fromkeys(gevonden))


def naar_json(waarde):
    """A message model (part) as JSON-able data (dates as ISO strings, None fields left out)."""
    if dataclasses.is_dataclass(waarde):
        return {
            f.name: naar_json(getattr(waarde, f.name))
            for f in dataclasses.fields(waarde)
            if getattr(waarde, f.name) not in (None, ())
        }
    if isinstance(waarde, tuple | list):
        return [naar_json(v) for v in waarde]
    if isinstance(waarde, date):
        return waarde.isoformat()
    return waarde


def uitgaand_opslaan(
    code: str,
    xml: bytes,
    *,
    afzender: str,
    ontvanger: str,
    identificatie: str,
    dagtekening: date,
    gemeente=None,
    aanbieder=None,
    toewijzing=None,
    retourcodes: list[str] | tuple[str, ...] = (),
    deadline: date | None = None,
    toestand: str = "",
) -> Bericht:
    return Bericht.objects.create(
        richting=Richting.UIT,
        berichtcode=code,
        afzender=afzender,
        ontvanger=ontvanger,
        identificatie=identificatie,
        dagtekening=dagtekening,
        inhoud=xml,
        grootte=len(xml),
        sha256=sha256(xml),
        status=Status.AANGEMAAKT,
        retourcodes=",".join(retourcodes),
        kanaal=Kanaal.SYSTEEM,
        gemeente=gemeente,
        aanbieder=aanbieder,
        toewijzing=toewijzing,
        deadline=deadline,
        toestand=toestand,
    )


def retour_maken(bericht: Bericht, heen, oordeel: Oordeel) -> Bericht:
    """Build, store and link the retour (306/308/316/318) for incoming heen message `heen` (IV028, §8.1)."""
    code = RETOUR_VOOR[bericht.berichtcode]
    module = REGISTRY[code]
    identificatie = nieuwe_identificatie()
    dag = vandaag()
    kwargs = {"identificatie_retour": identificatie, "dagtekening_retour": dag}
    if oordeel.technisch:
        header = RetourHeader.voor(heen.header, xslt_versie=XSLT_VERSIE, retourcodes=("0001",), **kwargs)
        retour = module.Bericht(header=header)
    elif oordeel.kop:
        retour = module.Bericht(header=RetourHeader.voor(heen.header, retourcodes=oordeel.kop, **kwargs))
    elif oordeel.klassen:
        header = RetourHeader.voor(heen.header, **kwargs)
        retour = module.van_heen(heen, header, retourcodes=_retourcodes_per_klasse(heen, oordeel))
    else:
        retour = module.Bericht(header=RetourHeader.voor(heen.header, **kwargs))
    xml = module.build(retour)
    antwoord = uitgaand_opslaan(
        code,
        xml,
        afzender=bericht.ontvanger,
        ontvanger=bericht.afzender,
        identificatie=identificatie,
        dagtekening=dag,
        gemeente=bericht.gemeente,
        aanbieder=bericht.aanbieder,
        toewijzing=bericht.toewijzing,
        retourcodes=oordeel.codes(),
    )
    return antwoord


def _retourcodes_per_klasse(heen, oordeel: Oordeel):
    """retourcodes(klasse): its own codes, 0233 below a rejected class, otherwise 0200 (§8.1)."""
    onder_afgekeurd: set[int] = set()

    def markeer(obj, afgekeurd_boven: bool):
        if dataclasses.is_dataclass(obj):
            if afgekeurd_boven:
                onder_afgekeurd.add(id(obj))
            eigen = id(obj) in oordeel.klassen
            for f in dataclasses.fields(obj):
                markeer(getattr(obj, f.name), afgekeurd_boven or eigen)
        elif isinstance(obj, tuple):
            for sub in obj:
                markeer(sub, afgekeurd_boven)

    markeer(heen, False)

    def retourcodes(klasse):
        if id(klasse) in oordeel.klassen:
            return oordeel.klassen[id(klasse)]
        if id(klasse) in onder_afgekeurd:
            return ("0233",)
        return ("0200",)

    return retourcodes


def antwoord_325_op_kop(bericht: Bericht, heen, codes: tuple[str, ...]) -> Bericht:
    """A 325 with only a header code (e.g. 9056, 8848) for a 323 we cannot process."""
    identificatie = nieuwe_identificatie()
    dag = vandaag()
    header = wmo325.DeclaratieAntwoordHeader.voor(
        heen.header,
        afzender=heen.header.ontvanger,
        ontvanger=heen.header.afzender,
        identificatie=identificatie,
        dagtekening=dag,
        retourcodes=codes,
    )
    xml = wmo325.build(wmo325.Bericht(header=header))
    return uitgaand_opslaan(
        "325",
        xml,
        afzender=heen.header.ontvanger,
        ontvanger=heen.header.afzender,
        identificatie=identificatie,
        dagtekening=dag,
        gemeente=bericht.gemeente,
        aanbieder=bericht.aanbieder,
        retourcodes=codes,
    )


def deadline_na(dag: date, werkdagen: int) -> date:
    return werkdagen_na(dag, werkdagen)


__all__ = [
    "Afgekeurd",
    "BerichtIdentificatie",
    "Oordeel",
    "alle_retourcodes",
    "antwoord_325_op_kop",
    "deadline_na",
    "naar_json",
    "productcode_ongeldig",
    "retour_maken",
    "sha256",
    "uitgaand_opslaan",
    "vandaag",
]

"""One function per file that applies a parsed row through the domain services.

Each returns what it did ("aangemaakt", "bijgewerkt", "ongewijzigd"; claims "gecontroleerd", processed per claim
at the end of the file by `declaraties.afronden`) or raises
ValidationError / RijFouten with Dutch messages. Rules are never re-implemented here: the services
decide (elfproef, overlap, contract and tariff, dates in order); this module only looks up the
records a row names by their natural keys.
"""

from dataclasses import dataclass, field

from openwmo.catalogus.models import Product, Voorzieningsoort
from openwmo.core.audit import Actie, log_verwerking
from openwmo.core.models import Client, Gemeente, Wijk
from openwmo.core.selectors import clienten_voor
from openwmo.core.services import client_create, client_update
from openwmo.inkoop.models import Aanbieder
from openwmo.toegang.models import Beschikking, Toewijzing
from openwmo.toegang.services import beschikking_create, toewijzing_beeindigen, toewijzing_create

from . import declaraties
from .rijen import BeschikkingRij, ClientRij, RijFouten, ToewijzingRij

# Model field → column of the import file, so the service's messages name the column the user sees.
_KOLOMMEN = {"client": "bsn", "product": "productcode", "budget": "bedrag", "__all__": ""}
_CLIENT_VELDEN = (
    "geboortedatum",
    "geslacht",
    "achternaam",
    "voorvoegsel",
    "voorletters",
    "straat",
    "postcode",
    "huisnummer",
    "huisnummer_toevoeging",
    "woonplaats",
)
_VOORZIENINGSOORT_IMPORT = {"code": "IMP", "naam": "Geïmporteerd (nog indelen)", "soort": "maatwerk"}


def kolom_voor(bestand: str, veld: str) -> str:
    return _KOLOMMEN.get(veld, veld)


@dataclass
class Context:
    """Options, the acting user and look-up caches for one import run."""

    opties: object
    user: object = None
    _gemeenten: dict = field(default_factory=dict)
    claims: declaraties.Claims = field(default_factory=declaraties.Claims)

    def gemeente(self, cbs: str, client: Client | None = None) -> Gemeente:
        gekozen = self.opties.gemeente
        if cbs and gekozen and cbs != gekozen:
            raise RijFouten([("gemeente", f"{cbs} is niet de gekozen gemeente {gekozen} (--gemeente).")])
        cbs = cbs or gekozen or (client.gemeente.cbs_code if client else "")
        if not cbs:
            raise RijFouten([("gemeente", "is verplicht (of kies de gemeente met --gemeente).")])
        if cbs not in self._gemeenten:
            self._gemeenten[cbs] = Gemeente.objects.filter(cbs_code=cbs).first()
        if self._gemeenten[cbs] is None:
            raise RijFouten([("gemeente", f"onbekende CBS-gemeentecode {cbs}.")])
        return self._gemeenten[cbs]

    def client_en_gemeente(self, bsn: str, cbs: str) -> tuple[Client | None, Gemeente]:
        """The row's municipality and its client with this BSN, if any, among the clients the user may see.

        A person can be a client of several municipalities (one record each): the row's municipality (or
        --gemeente) picks the record; without one, the BSN must be a client of only one of the user's municipalities.
        """
        clienten = Client.objects.all() if self.user is None else clienten_voor(self.user)
        clienten = clienten.select_related("gemeente", "wijk")
        if cbs or self.opties.gemeente:
            gemeente = self.gemeente(cbs)
            return clienten.filter(gemeente=gemeente, bsn=bsn).first(), gemeente
        gevonden = list(clienten.filter(bsn=bsn)[:2])
        if len(gevonden) > 1:
            raise RijFouten([("gemeente", "is verplicht: dit BSN is cliënt in meer dan één van uw gemeenten.")])
        bestaand = gevonden[0] if gevonden else None
        return bestaand, self.gemeente(cbs, bestaand)

    def client(self, bsn: str, cbs: str) -> tuple[Client, Gemeente]:
        client, gemeente = self.client_en_gemeente(bsn, cbs)
        if client is None:
            raise RijFouten([("bsn", f"geen cliënt met BSN {bsn}; neem hem op in clienten.csv.")])
        return client, gemeente

    def product(self, productcategorie: str, productcode: str, eenheid: str = "", frequentie: str = "") -> Product:
        product = Product.objects.filter(productcategorie=productcategorie, productcode=productcode).first()
        if product is not None:
            return product
        if not self.opties.producten_aanmaken:
            raise RijFouten(
                [
                    (
                        "productcode",
                        f"onbekend product {productcategorie}/{productcode} (maak het aan met --producten-aanmaken).",
                    )
                ]
            )
        soort, _nieuw = Voorzieningsoort.objects.get_or_create(
            code=_VOORZIENINGSOORT_IMPORT["code"], defaults=_VOORZIENINGSOORT_IMPORT
        )
        product = Product(
            voorzieningsoort=soort,
            productcategorie=productcategorie,
            productcode=productcode,
            naam=f"Product {productcode} (geïmporteerd)",
            eenheid=eenheid,
            frequentie=frequentie,
        )
        product.full_clean()
        product.save()
        _log_aangemaakt(self.user, product, "Product aanmaken bij import", "Catalogusbeheer")
        return product

    def aanbieder(self, agb: str) -> Aanbieder:
        aanbieder = Aanbieder.objects.filter(agb_code=agb).first()
        if aanbieder is not None:
            return aanbieder
        if not self.opties.aanbieders_aanmaken:
            raise RijFouten(
                [("aanbieder", f"onbekende aanbieder met AGB-code {agb} (maak hem aan met --aanbieders-aanmaken).")]
            )
        aanbieder = Aanbieder(agb_code=agb, naam=f"Aanbieder {agb} (geïmporteerd)")
        aanbieder.full_clean()
        aanbieder.save()
        _log_aangemaakt(self.user, aanbieder, "Aanbieder aanmaken bij import", "Contractbeheer")
        return aanbieder


def _log_aangemaakt(user, obj, activiteit: str, doel: str) -> None:
    log_verwerking(
        user, Actie.AANMAKEN, activiteit=activiteit, doel=doel, object_type=type(obj).__name__, object_id=obj.pk
    )


def client_verwerken(context: Context, rij: ClientRij, kolommen: set[str]) -> str:
    # Matched among the clients the user may see, in the row's municipality only: matching any client would answer
    # "ongewijzigd" or "U werkt niet voor gemeente X" for another municipality's client, telling who is a Wmo client
    # where. The same person in another municipality is a separate record there, unknown to this one.
    bestaand, gemeente = context.client_en_gemeente(rij.bsn, rij.gemeente)
    velden = {veld: getattr(rij, veld) for veld in _CLIENT_VELDEN if veld in kolommen or bestaand is None}
    velden["gemeente"] = gemeente
    if "wijk" in kolommen:
        wijk = None
        if rij.wijk:
            wijk = Wijk.objects.filter(gemeente=gemeente, code=rij.wijk).first()
            if wijk is None:
                raise RijFouten([("wijk", f"gemeente {gemeente.cbs_code} heeft geen wijk met code {rij.wijk}.")])
        velden["wijk"] = wijk
    doel = "Import bestaande gegevens"
    if bestaand is None:
        client_create(user=context.user, doel=doel, bsn=rij.bsn, **velden)
        return "aangemaakt"
    if all(getattr(bestaand, veld) == waarde for veld, waarde in velden.items()):
        return "ongewijzigd"
    client_update(user=context.user, client=bestaand, doel=doel, **velden)
    return "bijgewerkt"


def beschikking_verwerken(context: Context, rij: BeschikkingRij, kolommen: set[str]) -> str:
    client, gemeente = context.client(rij.bsn, rij.gemeente)
    onbekend = [p for p in rij.producten if not Product.objects.filter(productcode=p).exists()]
    if onbekend:
        raise RijFouten([("producten", "onbekend product " + ", ".join(onbekend) + ".")])
    velden = {
        "client": client,
        "gemeente": gemeente,
        "besluitdatum": rij.besluitdatum,
        "ingangsdatum": rij.ingangsdatum,
        "einddatum": rij.einddatum,
        "besluit": rij.besluit,
    }
    bestaand = Beschikking.objects.filter(beschikkingsnummer=rij.beschikkingsnummer).first()
    if bestaand is None:
        beschikking_create(user=context.user, beschikkingsnummer=rij.beschikkingsnummer, migratie=True, **velden)
        return "aangemaakt"
    anders = [veld for veld, waarde in velden.items() if getattr(bestaand, veld) != waarde]
    if anders:
        raise RijFouten(
            [
                (
                    kolom_voor("beschikkingen", veld),
                    f"beschikking {rij.beschikkingsnummer} bestaat al met een andere waarde.",
                )
                for veld in anders
            ]
        )
    return "ongewijzigd"


def toewijzing_verwerken(context: Context, rij: ToewijzingRij, kolommen: set[str]) -> str:
    client, gemeente = context.client(rij.bsn, rij.gemeente)
    beschikking = None
    if rij.beschikkingsnummer:
        beschikking = Beschikking.objects.filter(beschikkingsnummer=rij.beschikkingsnummer, client=client).first()
        if beschikking is None:
            raise RijFouten([("beschikkingsnummer", f"geen beschikking {rij.beschikkingsnummer} voor deze cliënt.")])
    velden = {
        "beschikking": beschikking,
        "client": client,
        "gemeente": gemeente,
        "product": context.product(rij.productcategorie, rij.productcode, rij.eenheid, rij.frequentie),
        "aanbieder": context.aanbieder(rij.aanbieder),
        "ingangsdatum": rij.ingangsdatum,
        "einddatum": rij.einddatum,
        "volume": rij.volume,
        "eenheid": rij.eenheid,
        "frequentie": rij.frequentie,
        "budget": rij.bedrag,
        "uitvoeringsvariant": rij.uitvoeringsvariant,
        "leveringsvorm": rij.leveringsvorm,
        "reden_beeindiging": rij.reden_beeindiging,
    }
    bestaand = Toewijzing.objects.filter(toewijzingsnummer=rij.toewijzingsnummer).first()
    if bestaand is None:
        toewijzing_create(
            user=context.user,
            zonder_contractcontrole=context.opties.historisch,
            toewijzingsnummer=rij.toewijzingsnummer,
            **velden,
        )
        return "aangemaakt"
    anders = [veld for veld, waarde in velden.items() if getattr(bestaand, veld) != waarde]
    if not anders:
        return "ongewijzigd"
    if set(anders) <= {"einddatum", "reden_beeindiging"} and rij.einddatum is not None:
        toewijzing_beeindigen(
            user=context.user, toewijzing=bestaand, einddatum=rij.einddatum, reden_beeindiging=rij.reden_beeindiging
        )
        return "bijgewerkt"
    raise RijFouten(
        [
            (
                kolom_voor("toewijzingen", veld),
                f"toewijzing {rij.toewijzingsnummer} bestaat al met een andere waarde; een import beëindigt alleen "
                "(einddatum, reden_beeindiging). Wijzig een toewijzing in de webapplicatie.",
            )
            for veld in anders
        ]
    )


VERWERKERS = {
    "clienten": client_verwerken,
    "beschikkingen": beschikking_verwerken,
    "toewijzingen": toewijzing_verwerken,
    "declaraties": declaraties.declaratie_verwerken,
}

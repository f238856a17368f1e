"""Stored iWmo messages and the requests (315/317) they carry. Django only; the message layer is pure."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openwmo.catalogus.codelijsten import RETOURCODE
from openwmo.core.models import Client, Gemeente
from openwmo.inkoop.models import Aanbieder
from openwmo.toegang.models import Toewijzing


class Richting(models.TextChoices):
    IN = "in", _("Ontvangen")
    UIT = "uit", _("Verstuurd")


class Status(models.TextChoices):
    ONTVANGEN = "ontvangen", _("Ontvangen")
    AFGEKEURD = "afgekeurd", _("Afgekeurd")
    VERWERKT = "verwerkt", _("Verwerkt")
    WACHT = "wacht", _("Wacht op verwerking")
    AANGEMAAKT = "aangemaakt", _("Klaar voor verzending")
    VERZONDEN = "verzonden", _("Verzonden")
    RETOUR_ONTVANGEN = "retour_ontvangen", _("Retour ontvangen")


class Kanaal(models.TextChoices):
    UPLOAD = "upload", _("Upload")
    IMPORT = "import", _("Import (opdrachtregel)")
    API = "api", _("API")
    SIMULATOR = "simulator", _("Simulator")
    SYSTEEM = "systeem", _("Open Wmo")


BERICHTCODES = [(c, f"WMO{c}") for c in ("301", "302", "305", "306", "307", "308", "315", "316", "317", "318")] + [
    (c, f"WMO{c}") for c in ("319", "320", "323", "325")
]


class Bericht(models.Model):
    """One iWmo message, in or out, stored raw with its identity and what became of it.

    Identity (TR056): sender + message type + identificatie. `uniek` marks messages whose identity is
    taken; a message rejected on a technical rule counts as not sent (OP286) and does not take it.
    `berichtcode` is the message type ("305"), not the Vektis code (418). `antwoord` is the reply:
    the retour/325 we sent for an incoming message, or the retour we received for an outgoing one.
    """

    richting = models.CharField(_("richting"), max_length=3, choices=Richting.choices)
    berichtcode = models.CharField(_("berichttype"), max_length=3, choices=BERICHTCODES, blank=True)
    afzender = models.CharField(_("afzender"), max_length=8, blank=True, help_text=_("AGB-code of CBS-code"))
    ontvanger = models.CharField(_("ontvanger"), max_length=8, blank=True)
    identificatie = models.CharField(_("identificatie"), max_length=20, blank=True)
    dagtekening = models.DateField(_("dagtekening"), null=True, blank=True)
    inhoud = models.BinaryField(_("inhoud"), blank=True)
    grootte = models.PositiveIntegerField(_("grootte (bytes)"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    retourcodes = models.CharField(_("retourcodes"), max_length=500, blank=True)
    meldingen = models.TextField(_("meldingen"), blank=True)
    uniek = models.BooleanField(_("identificatie vastgelegd"), default=True)
    te_laat = models.BooleanField(_("te laat aangeleverd"), default=False)
    kanaal = models.CharField(_("kanaal"), max_length=10, choices=Kanaal.choices, default=Kanaal.SYSTEEM)
    antwoord = models.OneToOneField(
        "self",
        verbose_name=_("antwoord"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="antwoord_op",
    )
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, null=True, blank=True)
    aanbieder = models.ForeignKey(
        Aanbieder, verbose_name=_("aanbieder"), on_delete=models.PROTECT, null=True, blank=True
    )
    toewijzing = models.ForeignKey(
        Toewijzing,
        verbose_name=_("toewijzing"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="berichten",
    )
    toestand = models.CharField(
        _("toestand toewijzing"), max_length=200, blank=True, help_text=_("Inhoud van de toewijzing bij een 301.")
    )
    ontvangen_op = models.DateTimeField(_("ontvangen/aangemaakt op"), default=timezone.now)
    verwerkt_op = models.DateTimeField(_("verwerkt op"), null=True, blank=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    deadline = models.DateField(_("uiterste datum"), null=True, blank=True)

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["-ontvangen_op", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["richting", "afzender", "berichtcode", "identificatie"],
                condition=models.Q(uniek=True),
                name="bericht_identificatie_uniek_per_afzender",
            )
        ]
        indexes = [
            models.Index(fields=["richting", "berichtcode", "status"]),
            models.Index(fields=["gemeente", "ontvangen_op"]),
            models.Index(fields=["toewijzing", "berichtcode"]),
        ]

    def __str__(self):
        return f"WMO{self.berichtcode or '???'} {self.afzender} {self.identificatie}".strip()

    @property
    def retourcode_lijst(self) -> list[str]:
        return [c for c in self.retourcodes.split(",") if c]

    @property
    def retourcodes_met_betekenis(self) -> list[tuple[str, str]]:
        return [(c, RETOURCODE.get(c, _("onbekende retourcode"))) for c in self.retourcode_lijst]

    @property
    def te_laat_beantwoord(self) -> bool:
        return bool(self.deadline and self.deadline < timezone.localdate() and self.status in OPENSTAAND)

    def xml_tekst(self) -> str:
        return bytes(self.inhoud).decode("utf-8", "replace")


# Statuses that still owe an action: ours (a 323 waiting for a 325) or the provider's (a 301 waiting for a 302).
OPENSTAAND = (Status.WACHT, Status.AANGEMAAKT, Status.VERZONDEN)


class Verzoek(models.Model):
    """A provider's request: WMO315 (one per AangevraagdProduct) or WMO317 (the whole request).

    Open until a 301 (toegekend) or a 319 "afgewezen" answers it; a 319 "in onderzoek" keeps it open.
    """

    class Soort(models.TextChoices):
        TOEWIJZING = "toewijzing", _("Verzoek om toewijzing (315)")
        WIJZIGING = "wijziging", _("Verzoek om wijziging (317)")

    class VerzoekStatus(models.TextChoices):
        OPEN = "open", _("Open")
        IN_ONDERZOEK = "in_onderzoek", _("In onderzoek")
        TOEGEKEND = "toegekend", _("Toegekend")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices)
    bsn = models.CharField(_("BSN"), max_length=9)
    client = models.ForeignKey(Client, verbose_name=_("cliënt"), on_delete=models.PROTECT, null=True, blank=True)
    aanbieder = models.ForeignKey(Aanbieder, verbose_name=_("aanbieder"), on_delete=models.PROTECT)
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT)
    producten = models.JSONField(_("gevraagde producten"), default=list)
    referentie_aanbieder = models.CharField(_("referentie aanbieder"), max_length=20)
    status = models.CharField(_("status"), max_length=15, choices=VerzoekStatus.choices, default=VerzoekStatus.OPEN)
    bron = models.ForeignKey(Bericht, verbose_name=_("bericht"), on_delete=models.PROTECT, related_name="verzoeken")
    ontvangen_op = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    deadline = models.DateField(_("uiterste antwoorddatum"))
    toewijzing = models.ForeignKey(
        Toewijzing, verbose_name=_("toewijzing"), on_delete=models.SET_NULL, null=True, blank=True
    )
    antwoorden = models.ManyToManyField(
        Bericht, verbose_name=_("antwoordberichten (319)"), blank=True, related_name="+"
    )
    reden_afwijzing = models.CharField(_("reden afwijzing"), max_length=1, blank=True)
    behandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("behandeld door"), on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        verbose_name = _("verzoek")
        verbose_name_plural = _("verzoeken")
        ordering = ["deadline", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["aanbieder", "referentie_aanbieder"], name="verzoek_referentie_uniek_per_aanbieder"
            )
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.referentie_aanbieder}"

    @property
    def is_open(self) -> bool:
        return self.status in (self.VerzoekStatus.OPEN, self.VerzoekStatus.IN_ONDERZOEK)

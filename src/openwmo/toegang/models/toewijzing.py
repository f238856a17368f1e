from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.catalogus.codelijsten import EENHEID, FREQUENTIE, REDEN_BEEINDIGING, REDEN_WIJZIGING, choices
from openwmo.catalogus.models import Leveringsvorm, Product
from openwmo.core.models import Client, Gemeente
from openwmo.inkoop.models import Aanbieder

from .beschikking import Beschikking


class Uitvoeringsvariant(models.TextChoices):
    INSPANNINGSGERICHT = "inspanningsgericht", _("Inspanningsgericht")
    OUTPUTGERICHT = "outputgericht", _("Outputgericht")
    TAAKGERICHT = "taakgericht", _("Taakgericht")


class Toewijzing(models.Model):
    """An allocation of a product to a provider for a client and period (iWmo WMO301)."""

    toewijzingsnummer = models.CharField(_("toewijzingsnummer"), max_length=20, unique=True)
    beschikking = models.ForeignKey(
        Beschikking,
        verbose_name=_("beschikking"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="toewijzingen",
    )
    client = models.ForeignKey(Client, verbose_name=_("cliënt"), on_delete=models.PROTECT, related_name="toewijzingen")
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT)
    product = models.ForeignKey(Product, verbose_name=_("product"), on_delete=models.PROTECT)
    aanbieder = models.ForeignKey(
        Aanbieder, verbose_name=_("aanbieder"), on_delete=models.PROTECT, related_name="toewijzingen"
    )
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    volume = models.DecimalField(
        _("volume"), max_digits=10, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    eenheid = models.CharField(_("eenheid"), max_length=2, choices=choices(EENHEID), blank=True)
    frequentie = models.CharField(_("frequentie"), max_length=1, choices=choices(FREQUENTIE), blank=True)
    budget = models.DecimalField(
        _("budget (euro)"), max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    uitvoeringsvariant = models.CharField(
        _("uitvoeringsvariant"),
        max_length=20,
        choices=Uitvoeringsvariant.choices,
        default=Uitvoeringsvariant.INSPANNINGSGERICHT,
    )
    leveringsvorm = models.CharField(
        _("leveringsvorm"), max_length=3, choices=Leveringsvorm.choices, default=Leveringsvorm.ZIN
    )
    reden_wijziging = models.CharField(_("reden wijziging"), max_length=2, choices=choices(REDEN_WIJZIGING), blank=True)
    reden_beeindiging = models.CharField(
        _("reden beëindiging"), max_length=2, choices=choices(REDEN_BEEINDIGING), blank=True
    )
    vorige = models.OneToOneField(
        "self",
        verbose_name=_("vervangt toewijzing"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opvolger",
    )
    beschikt_product = models.ForeignKey(
        "toegang.BeschiktProduct",
        verbose_name=_("toegekend product"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="toewijzingen",
    )
    intensiteit_uren_per_week = models.DecimalField(
        _("intensiteit (uur per week)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    overgang_goedkeuring = models.CharField(
        _("goedkeuring overgangsregel"),
        max_length=500,
        blank=True,
        help_text=_("Verplicht als voor dit product een overgangsregel geldt."),
    )
    overgang_goedgekeurd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("goedgekeurd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("toewijzing")
        verbose_name_plural = _("toewijzingen")
        ordering = ["-ingangsdatum", "toewijzingsnummer"]
        indexes = [
            models.Index(fields=["client", "product"]),
            models.Index(fields=["gemeente", "ingangsdatum"]),
            models.Index(fields=["aanbieder", "ingangsdatum"]),
        ]

    def __str__(self):
        return f"{self.toewijzingsnummer} {self.product.productcode}"

    def clean(self):
        fouten = {}
        if self.einddatum and self.ingangsdatum and self.einddatum < self.ingangsdatum:
            fouten["einddatum"] = _("De einddatum van de toewijzing ligt vóór de ingangsdatum.")
        if self.frequentie == "2" and self.einddatum is None:
            fouten["einddatum"] = _("Bij een volume per week is een einddatum verplicht (iWmo CD076).")
        if self.budget is not None and self.einddatum is None:
            fouten["einddatum"] = _("Bij een budget is een einddatum verplicht (iWmo CD075).")
        if self.budget is not None and self.volume is not None:
            fouten["budget"] = _("Een toewijzing heeft een budget of een volume, niet allebei (iWmo CD077).")
        if (
            self.eenheid in ("14", "16", "83", "84")
            and self.frequentie == "1"
            and (self.einddatum is None or self.einddatum.year > 2020)
        ):
            fouten["frequentie"] = _(
                "Etmalen, dagdelen, euro's en stuks worden per week, per maand of in totaal toegewezen, "
                "niet per dag (iWmo CS338)."
            )
        if self.uitvoeringsvariant != Uitvoeringsvariant.TAAKGERICHT and self.budget is None:
            for veld in ("volume", "eenheid", "frequentie"):
                if getattr(self, veld) in (None, ""):
                    fouten[veld] = _("Vul volume, eenheid en frequentie in (iWmo CD041).")
        if self.client_id and self.gemeente_id and self.client.gemeente_id != self.gemeente_id:
            fouten["gemeente"] = _("De cliënt woont niet in deze gemeente.")
        if fouten:
            raise ValidationError(fouten)

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.catalogus.codelijsten import EENHEID, FREQUENTIE, choices
from openwmo.catalogus.models import Arrangement, Product, Trajecttype
from openwmo.inkoop.models import Aanbieder

from .beschikking import Beschikking
from .toewijzing import Uitvoeringsvariant


class BeschiktProduct(models.Model):
    """What a decision grants: a product with volume (inspanningsgericht), an arrangement paid per 4 weeks
    (outputgericht, Voorschoten) or a trajectory (care form + intensity + duration, Noord-Limburg), for a period."""

    beschikking = models.ForeignKey(
        Beschikking, verbose_name=_("beschikking"), on_delete=models.CASCADE, related_name="producten"
    )
    uitvoeringsvariant = models.CharField(
        _("uitvoeringsvariant"),
        max_length=20,
        choices=Uitvoeringsvariant.choices,
        default=Uitvoeringsvariant.INSPANNINGSGERICHT,
    )
    product = models.ForeignKey(Product, verbose_name=_("product"), on_delete=models.PROTECT)
    arrangement = models.ForeignKey(
        Arrangement, verbose_name=_("arrangement"), on_delete=models.PROTECT, null=True, blank=True
    )
    trajecttype = models.ForeignKey(
        Trajecttype, verbose_name=_("traject"), on_delete=models.PROTECT, null=True, blank=True
    )
    volume = models.DecimalField(
        _("volume"), max_digits=10, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    eenheid = models.CharField(_("eenheid"), max_length=2, choices=choices(EENHEID), blank=True)
    frequentie = models.CharField(_("frequentie"), max_length=1, choices=choices(FREQUENTIE), blank=True)
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"))
    voorkeur_aanbieder = models.ForeignKey(
        Aanbieder,
        verbose_name=_("gekozen aanbieder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Leeg: de cliënt kiest later uit de gecontracteerde aanbieders."),
    )

    class Meta:
        verbose_name = _("toegekend product")
        verbose_name_plural = _("toegekende producten")
        ordering = ["beschikking", "id"]

    def __str__(self):
        if self.arrangement_id:
            return str(self.arrangement)
        if self.trajecttype_id:
            return str(self.trajecttype)
        return str(self.product) if self.product_id else ""

    @property
    def client(self):
        return self.beschikking.client

    @property
    def gemeente(self):
        return self.beschikking.gemeente

    @property
    def omschrijving(self) -> str:
        """How the letter and the screens describe what is granted."""
        if self.uitvoeringsvariant == Uitvoeringsvariant.OUTPUTGERICHT and self.arrangement_id:
            return _("Arrangement %(naam)s (vast bedrag per 4 weken)") % {"naam": self.arrangement.naam}
        if self.trajecttype_id:
            t = self.trajecttype
            return _("Traject %(naam)s: %(uren)s uur per week, %(maanden)s maanden") % {
                "naam": t.naam,
                "uren": f"{t.uren_per_week.normalize():f}",
                "maanden": t.duur_maanden,
            }
        volume = f"{self.volume.normalize():f}" if self.volume is not None else ""
        return f"{self.product.naam}: {volume} {self.get_eenheid_display()} {self.get_frequentie_display().lower()}"

    def clean(self):
        fouten = {}
        if self.einddatum and self.ingangsdatum and self.einddatum < self.ingangsdatum:
            fouten["einddatum"] = _("De einddatum ligt vóór de ingangsdatum.")
        if self.uitvoeringsvariant == Uitvoeringsvariant.OUTPUTGERICHT and not (
            self.arrangement_id or self.trajecttype_id
        ):
            fouten["arrangement"] = _("Kies het arrangement of traject dat wordt toegekend.")
        if self.uitvoeringsvariant == Uitvoeringsvariant.INSPANNINGSGERICHT and not self.trajecttype_id:
            for veld in ("volume", "eenheid", "frequentie"):
                if getattr(self, veld) in (None, ""):
                    fouten[veld] = _("Vul volume, eenheid en frequentie in voor een inspanningsgericht product.")
        b = self.beschikking if self.beschikking_id else None
        if b and self.ingangsdatum and self.ingangsdatum < b.ingangsdatum:
            fouten["ingangsdatum"] = _("Het product gaat in vóór de ingangsdatum van de beschikking.")
        if b and b.einddatum and self.einddatum and self.einddatum > b.einddatum:
            fouten["einddatum"] = _("Het product loopt door na de einddatum van de beschikking.")
        if fouten:
            raise ValidationError(fouten)

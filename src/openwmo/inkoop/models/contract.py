from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.catalogus.models import Product
from openwmo.core.models import Gemeente
from openwmo.core.periodes import overlap_q

from .aanbesteding import Perceel
from .aanbieder import Aanbieder


class Bekostigingsvorm(models.TextChoices):
    INSPANNINGSGERICHT = "inspanningsgericht", _("Inspanningsgericht (P×Q)")
    OUTPUTGERICHT = "outputgericht", _("Outputgericht")
    TAAKGERICHT = "taakgericht", _("Taakgericht (populatiebekostiging)")


class Contract(models.Model):
    """A contract with a provider for a lot: a term, extension options (e.g. 2+2) and open-house accession."""

    nummer = models.CharField(_("contractnummer"), max_length=50, unique=True)
    aanbieder = models.ForeignKey(
        Aanbieder, verbose_name=_("aanbieder"), on_delete=models.PROTECT, related_name="contracten"
    )
    perceel = models.ForeignKey(
        Perceel, verbose_name=_("perceel"), on_delete=models.PROTECT, null=True, blank=True, related_name="contracten"
    )
    gemeenten = models.ManyToManyField(Gemeente, verbose_name=_("gemeenten"), related_name="contracten")
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    verlenging_jaren = models.PositiveSmallIntegerField(_("jaren per verlenging"), default=0)
    verlengingen_maximaal = models.PositiveSmallIntegerField(_("aantal verlengingsopties"), default=0)
    verlengingen_gebruikt = models.PositiveSmallIntegerField(_("gebruikte verlengingen"), default=0)
    toetredingsdatum = models.DateField(
        _("toetredingsdatum"),
        null=True,
        blank=True,
        help_text=_("Bij open house: de datum waarop de aanbieder tijdens de looptijd is toegetreden."),
    )

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracten")
        ordering = ["-ingangsdatum", "nummer"]

    def __str__(self):
        return f"{self.nummer} – {self.aanbieder}"

    @property
    def geldig_vanaf(self):
        return self.toetredingsdatum or self.ingangsdatum

    def clean(self):
        fouten = {}
        if self.einddatum and self.ingangsdatum and self.einddatum < self.ingangsdatum:
            fouten["einddatum"] = _("De einddatum van het contract ligt vóór de ingangsdatum.")
        if self.toetredingsdatum and self.ingangsdatum and self.toetredingsdatum < self.ingangsdatum:
            fouten["toetredingsdatum"] = _("De toetredingsdatum ligt vóór de ingangsdatum van het contract.")
        if self.toetredingsdatum and self.einddatum and self.toetredingsdatum > self.einddatum:
            fouten["toetredingsdatum"] = _("De toetredingsdatum ligt na de einddatum van het contract.")
        if self.verlengingen_gebruikt > self.verlengingen_maximaal:
            fouten["verlengingen_gebruikt"] = _("Er zijn meer verlengingen gebruikt dan het contract toestaat.")
        if fouten:
            raise ValidationError(fouten)


class ContractProduct(models.Model):
    """A product a contract covers, with the funding model that applies to it."""

    contract = models.ForeignKey(
        Contract, verbose_name=_("contract"), on_delete=models.CASCADE, related_name="producten"
    )
    product = models.ForeignKey(Product, verbose_name=_("product"), on_delete=models.PROTECT)
    bekostigingsvorm = models.CharField(_("bekostigingsvorm"), max_length=20, choices=Bekostigingsvorm.choices)

    class Meta:
        verbose_name = _("product in contract")
        verbose_name_plural = _("producten in contract")
        constraints = [models.UniqueConstraint(fields=["contract", "product"], name="contractproduct_uniek")]

    def __str__(self):
        return f"{self.contract.nummer}: {self.product}"


class Tarief(models.Model):
    """The price of one unit of a product under a contract for a period (inclusive start and end)."""

    contract = models.ForeignKey(
        Contract, verbose_name=_("contract"), on_delete=models.CASCADE, related_name="tarieven"
    )
    product = models.ForeignKey(Product, verbose_name=_("product"), on_delete=models.PROTECT, related_name="tarieven")
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    bedrag = models.DecimalField(
        _("tarief (euro per eenheid)"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )
    indexatie_pct = models.DecimalField(
        _("indexatie (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Het indexatiepercentage ten opzichte van het vorige tarief."),
    )

    class Meta:
        verbose_name = _("tarief")
        verbose_name_plural = _("tarieven")
        ordering = ["contract", "product", "ingangsdatum"]
        indexes = [models.Index(fields=["product", "ingangsdatum"])]

    def __str__(self):
        return f"{self.product.productcode} {self.ingangsdatum}: € {self.bedrag}"

    def clean(self):
        if self.einddatum and self.ingangsdatum and self.einddatum < self.ingangsdatum:
            raise ValidationError({"einddatum": _("De einddatum van het tarief ligt vóór de ingangsdatum.")})
        if self.contract_id and self.product_id and self.ingangsdatum:
            overlappend = Tarief.objects.filter(contract_id=self.contract_id, product_id=self.product_id).filter(
                overlap_q(self.ingangsdatum, self.einddatum)
            )
            if self.pk:
                overlappend = overlappend.exclude(pk=self.pk)
            bestaand = overlappend.first()
            if bestaand is not None:
                raise ValidationError(
                    {
                        "ingangsdatum": _(
                            "Deze periode overlapt met het tarief vanaf %(datum)s voor hetzelfde product en contract."
                        )
                        % {"datum": bestaand.ingangsdatum.strftime("%d-%m-%Y")}
                    }
                )


class Prestatieafspraak(models.Model):
    """A performance agreement in a contract: an indicator and its target."""

    contract = models.ForeignKey(
        Contract, verbose_name=_("contract"), on_delete=models.CASCADE, related_name="prestatieafspraken"
    )
    indicator = models.CharField(_("indicator"), max_length=200)
    streefwaarde = models.DecimalField(_("streefwaarde"), max_digits=12, decimal_places=2)
    eenheid = models.CharField(_("eenheid"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("prestatieafspraak")
        verbose_name_plural = _("prestatieafspraken")

    def __str__(self):
        return f"{self.indicator}: {self.streefwaarde} {self.eenheid}".strip()

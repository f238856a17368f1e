from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.core.models import Gemeente

from .aanbesteding import Perceel
from .aanbieder import Aanbieder


class Budgetafspraak(models.Model):
    """A budget agreed with a provider for one municipality and year (regional lot, from historical data)."""

    aanbieder = models.ForeignKey(
        Aanbieder, verbose_name=_("aanbieder"), on_delete=models.PROTECT, related_name="budgetafspraken"
    )
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT)
    perceel = models.ForeignKey(Perceel, verbose_name=_("perceel"), on_delete=models.PROTECT, null=True, blank=True)
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    bedrag = models.DecimalField(_("bedrag"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])

    class Meta:
        verbose_name = _("budgetafspraak")
        verbose_name_plural = _("budgetafspraken")
        ordering = ["-jaar", "aanbieder"]
        constraints = [
            models.UniqueConstraint(fields=["aanbieder", "gemeente", "perceel", "jaar"], name="budgetafspraak_uniek")
        ]

    def __str__(self):
        return f"{self.aanbieder} {self.gemeente.naam} {self.jaar}: € {self.bedrag}"


class Subsidie(models.Model):
    """A lump-sum grant to an organisation for a year (algemene voorzieningen, welzijn)."""

    organisatie = models.ForeignKey(
        Aanbieder, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="subsidies"
    )
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT)
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    bedrag = models.DecimalField(_("bedrag"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])
    omschrijving = models.CharField(_("omschrijving"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("subsidie")
        verbose_name_plural = _("subsidies")
        ordering = ["-jaar", "organisatie"]

    def __str__(self):
        return f"{self.organisatie} {self.jaar}: € {self.bedrag}"

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openwmo.core.models import Gemeente
from openwmo.inkoop.models import Aanbieder


class Betaalbatch(models.Model):
    """The approved, not yet paid claim lines of one provider for one municipality, to pay in one go."""

    nummer = models.CharField(_("batchnummer"), max_length=20, unique=True)
    aanbieder = models.ForeignKey(
        Aanbieder, verbose_name=_("aanbieder"), on_delete=models.PROTECT, related_name="betaalbatches"
    )
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT)
    tot_datum = models.DateField(_("prestaties tot en met"))
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    aantal_regels = models.PositiveIntegerField(_("aantal prestaties"))
    debet = models.DecimalField(_("totaal debet (euro)"), max_digits=14, decimal_places=2)
    credit = models.DecimalField(_("totaal credit (euro)"), max_digits=14, decimal_places=2)
    bedrag = models.DecimalField(_("te betalen (euro)"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("betaalbatch")
        verbose_name_plural = _("betaalbatches")
        ordering = ["-aangemaakt_op", "-pk"]

    def __str__(self):
        return f"{self.nummer} {self.aanbieder} € {self.bedrag}"

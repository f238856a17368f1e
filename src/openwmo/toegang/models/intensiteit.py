from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .toewijzing import Toewijzing


class Intensiteitswijziging(models.Model):
    """Op- of afschalen within an arrangement without a new decision (Voorschoten): history on the allocation."""

    toewijzing = models.ForeignKey(
        Toewijzing, verbose_name=_("toewijzing"), on_delete=models.PROTECT, related_name="intensiteitswijzigingen"
    )
    ingangsdatum = models.DateField(_("ingangsdatum"))
    van_uren_per_week = models.DecimalField(
        _("was (uur per week)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    naar_uren_per_week = models.DecimalField(
        _("wordt (uur per week)"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0)]
    )
    reden = models.CharField(_("reden"), max_length=500)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, null=True, blank=True
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("intensiteitswijziging")
        verbose_name_plural = _("intensiteitswijzigingen")
        ordering = ["toewijzing", "ingangsdatum", "id"]

    def __str__(self):
        return f"{self.ingangsdatum}: {self.van_uren_per_week} → {self.naar_uren_per_week}"

    @property
    def richting(self) -> str:
        if self.van_uren_per_week is None or self.naar_uren_per_week > self.van_uren_per_week:
            return _("opschalen")
        return _("afschalen") if self.naar_uren_per_week < self.van_uren_per_week else _("gelijk")

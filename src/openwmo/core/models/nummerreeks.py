from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


class Nummerreeks(models.Model):
    """Hands out unique sequential numbers (toewijzingsnummers, beschikkingsnummers, berichtidentificaties)."""

    soort = models.CharField(_("soort"), max_length=50, unique=True)
    laatste = models.PositiveBigIntegerField(_("laatst uitgegeven"), default=0)

    class Meta:
        verbose_name = _("nummerreeks")
        verbose_name_plural = _("nummerreeksen")

    def __str__(self):
        return f"{self.soort}: {self.laatste}"

    @classmethod
    def volgende(cls, soort: str) -> int:
        """The next number of the series, safe under concurrent transactions (row lock)."""
        with transaction.atomic():
            reeks, _created = cls.objects.select_for_update().get_or_create(soort=soort)
            reeks.laatste += 1
            reeks.save(update_fields=["laatste"])
            return reeks.laatste

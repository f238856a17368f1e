from django.db import models
from django.utils.translation import gettext_lazy as _

from ..validators import validate_cbs_code


class Regio(models.Model):
    """Municipalities that procure together (H4, H6, Noord-Limburg)."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    naam = models.CharField(_("naam"), max_length=200)

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Gemeente(models.Model):
    cbs_code = models.CharField(_("CBS-gemeentecode"), max_length=4, unique=True, validators=[validate_cbs_code])
    naam = models.CharField(_("naam"), max_length=200)
    regio = models.ForeignKey(
        Regio, verbose_name=_("regio"), on_delete=models.PROTECT, null=True, blank=True, related_name="gemeenten"
    )

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self):
        return f"{self.naam} ({self.cbs_code})"


class Wijk(models.Model):
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.CASCADE, related_name="wijken")
    code = models.CharField(_("code"), max_length=20)
    naam = models.CharField(_("naam"), max_length=200)

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["gemeente__naam", "code"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "code"], name="wijk_code_uniek_per_gemeente")]

    def __str__(self):
        return self.naam


class Inwonertal(models.Model):
    """Inhabitants of a municipality (wijk empty) or of one of its districts, at 1 January of a year."""

    gemeente = models.ForeignKey(
        Gemeente, verbose_name=_("gemeente"), on_delete=models.CASCADE, related_name="inwonertallen"
    )
    wijk = models.ForeignKey(
        Wijk, verbose_name=_("wijk"), on_delete=models.CASCADE, null=True, blank=True, related_name="inwonertallen"
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    aantal = models.PositiveIntegerField(_("aantal inwoners"))

    class Meta:
        verbose_name = _("inwonertal")
        verbose_name_plural = _("inwonertallen")
        ordering = ["gemeente__naam", "wijk__code", "jaar"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "jaar"], condition=models.Q(wijk__isnull=True), name="inwonertal_gemeente_jaar"
            ),
            models.UniqueConstraint(
                fields=["wijk", "jaar"], condition=models.Q(wijk__isnull=False), name="inwonertal_wijk_jaar"
            ),
        ]

    def __str__(self):
        return f"{self.wijk or self.gemeente} {self.jaar}: {self.aantal}"

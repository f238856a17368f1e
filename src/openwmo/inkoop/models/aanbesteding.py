from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.core.models import Gemeente, Regio


class Aanbesteding(models.Model):
    class Procedure(models.TextChoices):
        BESTUURLIJK = "bestuurlijk", _("Bestuurlijk aanbesteden / open house")
        EUROPEES = "europees", _("Europese aanbesteding")
        SUBSIDIE = "subsidie", _("Subsidie")

    naam = models.CharField(_("naam"), max_length=200)
    procedure = models.CharField(_("procedure"), max_length=20, choices=Procedure.choices)
    regio = models.ForeignKey(Regio, verbose_name=_("regio"), on_delete=models.PROTECT, null=True, blank=True)
    publicatiedatum = models.DateField(_("publicatiedatum"), null=True, blank=True)
    gunningsdatum = models.DateField(_("gunningsdatum"), null=True, blank=True)

    class Meta:
        verbose_name = _("aanbesteding")
        verbose_name_plural = _("aanbestedingen")
        ordering = ["-publicatiedatum", "naam"]

    def __str__(self):
        return self.naam


class Perceel(models.Model):
    class Soort(models.TextChoices):
        REGIONAAL = "regionaal", _("Regionaal")
        LOKAAL = "lokaal", _("Lokaal")

    aanbesteding = models.ForeignKey(
        Aanbesteding, verbose_name=_("aanbesteding"), on_delete=models.CASCADE, related_name="percelen"
    )
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices)
    gemeenten = models.ManyToManyField(Gemeente, verbose_name=_("deelnemende gemeenten"), related_name="percelen")

    class Meta:
        verbose_name = _("perceel")
        verbose_name_plural = _("percelen")
        ordering = ["aanbesteding", "naam"]

    def __str__(self):
        return f"{self.aanbesteding} – {self.naam}"

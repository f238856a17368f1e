from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.core.validators import validate_agb, validate_kvk


class Aanbieder(models.Model):
    """A provider (zorg or welzijn), identified in iWmo by its AGB code. A consortium is an Aanbieder too."""

    class Soort(models.TextChoices):
        ZORG = "zorg", _("Zorgaanbieder")
        WELZIJN = "welzijn", _("Welzijnsorganisatie")

    agb_code = models.CharField(_("AGB-code"), max_length=8, unique=True, validators=[validate_agb])
    kvk_nummer = models.CharField(_("KvK-nummer"), max_length=8, blank=True, validators=[validate_kvk])
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices, default=Soort.ZORG)

    class Meta:
        verbose_name = _("aanbieder")
        verbose_name_plural = _("aanbieders")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class AanbiederGebruiker(models.Model):
    """Ties a user with role `aanbieder` to the provider it works for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="aanbieder_koppeling",
    )
    aanbieder = models.ForeignKey(Aanbieder, verbose_name=_("aanbieder"), on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("medewerker aanbieder")
        verbose_name_plural = _("medewerkers aanbieders")

    def __str__(self):
        return f"{self.user} – {self.aanbieder}"


class Samenwerkingsverband(models.Model):
    """A consortium: contracts and receives allocations as one Aanbieder, led by a penvoerder."""

    aanbieder = models.OneToOneField(
        Aanbieder, verbose_name=_("als aanbieder"), on_delete=models.CASCADE, related_name="samenwerkingsverband"
    )
    penvoerder = models.ForeignKey(
        Aanbieder, verbose_name=_("penvoerder"), on_delete=models.PROTECT, related_name="penvoerder_van"
    )
    leden = models.ManyToManyField(Aanbieder, verbose_name=_("leden"), related_name="lid_van")

    class Meta:
        verbose_name = _("samenwerkingsverband")
        verbose_name_plural = _("samenwerkingsverbanden")

    def __str__(self):
        return self.aanbieder.naam

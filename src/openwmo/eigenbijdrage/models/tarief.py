from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.catalogus.models import Voorzieningsoort

from ..regels import Tijdvak, VoorzieningSoort

TIJDVAK_KEUZES = [
    (Tijdvak.MAAND.value, _("per maand")),
    (Tijdvak.VIER_WEKEN.value, _("per 4 weken")),
    (Tijdvak.JAAR.value, _("per jaar")),
]
SOORT_KEUZES = [
    (VoorzieningSoort.INDIVIDUELE_ONDERSTEUNING_THUIS.value, _("Individuele ondersteuning thuis")),
    (VoorzieningSoort.INDIVIDUELE_ONDERSTEUNING_OP_LOCATIE.value, _("Individuele ondersteuning op locatie")),
    (VoorzieningSoort.GROEPSONDERSTEUNING.value, _("Groepsondersteuning")),
    (VoorzieningSoort.DAGBESTEDING.value, _("Dagbesteding")),
    (VoorzieningSoort.LAAGDREMPELIGE_INLOOP.value, _("Laagdrempelige inloop")),
    (VoorzieningSoort.PREVENTIEVE_ACTIVITEIT.value, _("Preventieve activiteit")),
    (VoorzieningSoort.INFORMATIE_EN_ADVIES.value, _("Informatie en advies")),
    (VoorzieningSoort.GROEPSACTIVITEIT.value, _("Groepsactiviteit")),
    (VoorzieningSoort.OVERIG.value, _("Overig")),
]


class Abonnementstarief(models.Model):
    """The abonnementstarief of one calendar year, as the national government sets it. Maintained in the
    admin; the known values are loaded by a data migration (never constants in code)."""

    jaar = models.PositiveSmallIntegerField(
        _("jaar"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    bedrag = models.DecimalField(_("bedrag (euro)"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0)])
    tijdvak = models.CharField(_("tijdvak"), max_length=8, choices=TIJDVAK_KEUZES)

    class Meta:
        verbose_name = _("abonnementstarief")
        verbose_name_plural = _("abonnementstarieven")
        ordering = ["jaar"]

    def __str__(self):
        return f"{self.jaar}: € {self.bedrag} {self.get_tijdvak_display()}"


class Bijdrageregel(models.Model):
    """How the contribution rules see a kind of provision (Zoetermeer: which kinds form a lasting care
    relationship, and which the municipality configures as "always contribution")."""

    voorzieningsoort = models.OneToOneField(
        Voorzieningsoort, verbose_name=_("voorzieningsoort"), on_delete=models.CASCADE, related_name="bijdrageregel"
    )
    soort = models.CharField(_("soort voor de eigen bijdrage"), max_length=40, choices=SOORT_KEUZES)
    altijd_bijdrage = models.BooleanField(
        _("altijd eigen bijdrage"), default=False, help_text=_("Deze instelling gaat voor alle andere regels.")
    )

    class Meta:
        verbose_name = _("bijdrageregel")
        verbose_name_plural = _("bijdrageregels")
        ordering = ["voorzieningsoort__naam"]

    def __str__(self):
        return f"{self.voorzieningsoort}: {self.get_soort_display()}"

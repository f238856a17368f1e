"""Budgets per municipality, provision group and year, and saved funding scenarios with their outcome."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.catalogus.models import Product, Voorzieningsoort
from openwmo.core.models import Gemeente
from openwmo.inkoop.models import Aanbieder


class Begroting(models.Model):
    """The council's budget for one provision group in one municipality and year: spend and income."""

    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT)
    voorzieningsoort = models.ForeignKey(Voorzieningsoort, verbose_name=_("voorzieningsoort"), on_delete=models.PROTECT)
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    uitgaven = models.DecimalField(
        _("begrote uitgaven"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    inkomsten = models.DecimalField(
        _("begrote inkomsten (eigen bijdragen)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        verbose_name = _("begroting")
        verbose_name_plural = _("begrotingen")
        ordering = ["-jaar", "gemeente__naam", "voorzieningsoort__naam"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "voorzieningsoort", "jaar"], name="begroting_uniek")]

    def __str__(self):
        return f"{self.gemeente.naam} {self.voorzieningsoort} {self.jaar}"


class Scenario(models.Model):
    """The actual demand of one year priced under another funding model or tariff set (see scenario.py)."""

    class Model(models.TextChoices):
        TARIEF_INDEX = "tarief_index", _("Alle tarieven met een percentage (P×Q)")
        OUTPUT_PER_4_WEKEN = "output_per_4_weken", _("Outputtarief per 4 weken per arrangement")
        POPULATIEBUDGET = "populatiebudget", _("Populatiebudget met efficiencykorting")

    naam = models.CharField(_("naam"), max_length=200)
    jaar = models.PositiveSmallIntegerField(_("jaar van de vraag"))
    gemeenten = models.ManyToManyField(Gemeente, verbose_name=_("gemeenten"), related_name="+")
    model = models.CharField(_("bekostigingsmodel"), max_length=30, choices=Model.choices)
    parameters = models.JSONField(_("parameters"), default=dict)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("aangemaakt door"), on_delete=models.SET_NULL, null=True, blank=True
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    totaal_werkelijk = models.DecimalField(_("werkelijk (schatting)"), max_digits=14, decimal_places=2, default=0)
    totaal_scenario = models.DecimalField(_("scenario"), max_digits=14, decimal_places=2, default=0)
    aantal_toewijzingen = models.PositiveIntegerField(_("aantal toewijzingen"), default=0)
    zonder_tarief = models.PositiveIntegerField(_("toewijzingen (deels) zonder tarief"), default=0)

    class Meta:
        verbose_name = _("scenario")
        verbose_name_plural = _("scenario's")
        ordering = ["-aangemaakt_op"]

    def __str__(self):
        return f"{self.naam} ({self.jaar})"

    @property
    def verschil(self):
        return self.totaal_scenario - self.totaal_werkelijk


class ScenarioUitkomst(models.Model):
    """One row of a scenario's outcome: a municipality × provider × product, actual against scenario.

    Stored as rows (not a JSON snapshot) so that totals per municipality, provider or product are
    plain GROUP BY queries. Provider and product are empty for a part of a population budget that
    cannot be traced to actual spend (a municipality without any).
    """

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="uitkomsten")
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+")
    aanbieder = models.ForeignKey(
        Aanbieder, verbose_name=_("aanbieder"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    aantal_toewijzingen = models.PositiveIntegerField(_("aantal toewijzingen"), default=0)
    werkelijk = models.DecimalField(_("werkelijk"), max_digits=14, decimal_places=2)
    scenario_bedrag = models.DecimalField(_("scenario"), max_digits=14, decimal_places=2)
    verschil = models.DecimalField(_("verschil"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("scenario-uitkomst")
        verbose_name_plural = _("scenario-uitkomsten")
        indexes = [models.Index(fields=["scenario", "gemeente"])]

    def __str__(self):
        return f"{self.scenario_id}: {self.gemeente_id}/{self.aanbieder_id}/{self.product_id}"

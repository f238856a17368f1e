from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from openwmo.catalogus.models import Resultaatgebied
from openwmo.core.models import Client, Gemeente, Huishouden


class Ondersteuningsplan(models.Model):
    """The *what*: goals per result area, for a client or a whole household (1 gezin, 1 plan, 1 regisseur)."""

    class Status(models.TextChoices):
        ACTIEF = "actief", _("Actief")
        AFGESLOTEN = "afgesloten", _("Afgesloten")

    client = models.ForeignKey(Client, verbose_name=_("cliënt"), on_delete=models.PROTECT, related_name="plannen")
    huishouden = models.ForeignKey(
        Huishouden,
        verbose_name=_("huishouden"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plannen",
        help_text=_("Vul in als het plan voor het hele huishouden geldt."),
    )
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT)
    regisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("regisseur"), on_delete=models.PROTECT, null=True, blank=True
    )
    ingangsdatum = models.DateField(_("ingangsdatum"))
    evaluatiedatum = models.DateField(_("volgende evaluatie"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIEF)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("ondersteuningsplan")
        verbose_name_plural = _("ondersteuningsplannen")
        ordering = ["-ingangsdatum", "-id"]
        constraints = [
            # The database backs the service's "one active plan per household" rule.
            models.UniqueConstraint(
                fields=["huishouden"],
                condition=Q(status="actief", huishouden__isnull=False),
                name="een_actief_plan_per_huishouden",
            ),
        ]

    def __str__(self):
        return _("Ondersteuningsplan %(datum)s") % {"datum": self.ingangsdatum.strftime("%d-%m-%Y")}

    def clean(self):
        if self.huishouden_id and self.client_id and self.client.huishouden_id != self.huishouden_id:
            raise ValidationError({"huishouden": _("De cliënt hoort niet bij dit huishouden.")})


class Doel(models.Model):
    """A goal of the plan, tied to a result area, with what each party contributes."""

    plan = models.ForeignKey(
        Ondersteuningsplan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="doelen"
    )
    resultaatgebied = models.ForeignKey(Resultaatgebied, verbose_name=_("resultaatgebied"), on_delete=models.PROTECT)
    omschrijving = models.CharField(_("doel"), max_length=500)
    bijdrage_client = models.TextField(_("bijdrage cliënt"), blank=True)
    bijdrage_netwerk = models.TextField(_("bijdrage netwerk"), blank=True)
    bijdrage_algemene_voorziening = models.TextField(_("bijdrage algemene voorzieningen"), blank=True)
    bijdrage_maatwerk = models.TextField(_("bijdrage maatwerkondersteuning"), blank=True)

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["plan", "id"]

    def __str__(self):
        return self.omschrijving

    @property
    def client(self):
        return self.plan.client

    @property
    def gemeente(self):
        return self.plan.gemeente

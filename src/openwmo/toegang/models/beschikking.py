from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.core.models import Client, Gemeente


class Beschikking(models.Model):
    """The decision that grants (or refuses) provisions to a client for a period."""

    class Besluit(models.TextChoices):
        TOEGEKEND = "toegekend", _("Toegekend")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    beschikkingsnummer = models.CharField(_("beschikkingsnummer"), max_length=20, unique=True)
    client = models.ForeignKey(Client, verbose_name=_("cliënt"), on_delete=models.PROTECT, related_name="beschikkingen")
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT)
    besluitdatum = models.DateField(_("besluitdatum"))
    ingangsdatum = models.DateField(_("ingangsdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    besluit = models.CharField(_("besluit"), max_length=10, choices=Besluit.choices, default=Besluit.TOEGEKEND)
    motivering = models.TextField(_("motivering"), blank=True)
    aanvraag = models.OneToOneField(
        "toegang.Aanvraag",
        verbose_name=_("aanvraag"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="beschikking",
    )

    class Meta:
        verbose_name = _("beschikking")
        verbose_name_plural = _("beschikkingen")
        ordering = ["-besluitdatum", "beschikkingsnummer"]

    def __str__(self):
        return self.beschikkingsnummer

    def clean(self):
        if self.einddatum and self.ingangsdatum and self.einddatum < self.ingangsdatum:
            raise ValidationError({"einddatum": _("De einddatum van de beschikking ligt vóór de ingangsdatum.")})

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .toewijzing import Toewijzing


class Contactmoment(models.Model):
    """One contact with the client within an allocation (a visit, a call, a conversation), as recorded by
    the consulent. Used for the eigen bijdrage: support of fewer than 5 contacts is a short question
    (kortdurende hulpvraag) and has no abonnementstarief (docs/eigenbijdrage.md)."""

    toewijzing = models.ForeignKey(
        Toewijzing, verbose_name=_("toewijzing"), on_delete=models.PROTECT, related_name="contactmomenten"
    )
    datum = models.DateField(_("datum"))
    omschrijving = models.CharField(_("omschrijving"), max_length=200, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        ordering = ["toewijzing", "datum", "pk"]

    def __str__(self):
        return f"{self.toewijzing.toewijzingsnummer}: {self.datum}"

    @property
    def client(self):
        return self.toewijzing.client

    @property
    def gemeente(self):
        return self.toewijzing.gemeente

from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.catalogus.codelijsten import REDEN_BEEINDIGING, choices

from .toewijzing import Toewijzing


class Levering(models.Model):
    """Start (and stop) of care on an allocation, as the provider reported it (iWmo WMO305/WMO307).

    Key (with the client and product of the allocation): toewijzing + begindatum. `status_aanlevering`
    is that of the last message that touched the row: "1" = current, "3" = deleted by the provider.
    `einddatum`/`reden_beeindiging` hold the current stop (reden 20 = temporary stop).
    `bron_bericht_id` is the id of the message that delivered it (a plain id: toegang does not depend
    on the messaging adapter).
    """

    toewijzing = models.ForeignKey(
        Toewijzing, verbose_name=_("toewijzing"), on_delete=models.PROTECT, related_name="leveringen"
    )
    begindatum = models.DateField(_("begindatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    reden_beeindiging = models.CharField(
        _("reden beëindiging"), max_length=2, choices=choices(REDEN_BEEINDIGING), blank=True
    )
    status_aanlevering = models.CharField(
        _("status aanlevering"), max_length=1, choices=[("1", _("actueel")), ("3", _("verwijderd"))], default="1"
    )
    bron_bericht_id = models.PositiveBigIntegerField(_("bronbericht"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("levering")
        verbose_name_plural = _("leveringen")
        ordering = ["toewijzing", "begindatum"]
        constraints = [
            models.UniqueConstraint(
                fields=["toewijzing", "begindatum"],
                condition=models.Q(status_aanlevering="1"),
                name="levering_een_actuele_start_per_sleutel",
            )
        ]

    def __str__(self):
        eind = self.einddatum or "…"
        return f"{self.toewijzing.toewijzingsnummer}: {self.begindatum} – {eind}"

    @property
    def actueel(self) -> bool:
        return self.status_aanlevering == "1"

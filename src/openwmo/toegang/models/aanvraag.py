from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.core.models import Client, Gemeente

from .. import termijnen
from .melding import Melding


class Aanvraag(models.Model):
    """An application for a maatwerkvoorziening; the decision is due within 2 weeks (Wmo 2015, art. 2.3.5)."""

    client = models.ForeignKey(Client, verbose_name=_("cliënt"), on_delete=models.PROTECT, related_name="aanvragen")
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT)
    melding = models.ForeignKey(
        Melding, verbose_name=_("melding"), on_delete=models.PROTECT, null=True, blank=True, related_name="aanvragen"
    )
    aanvraagdatum = models.DateField(_("aanvraagdatum"))
    omschrijving = models.TextField(_("wat vraagt de cliënt aan?"))

    class Meta:
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        ordering = ["-aanvraagdatum", "-id"]

    def __str__(self):
        return _("Aanvraag %(datum)s") % {"datum": self.aanvraagdatum.strftime("%d-%m-%Y")}

    @property
    def beschikking_uiterlijk(self):
        return termijnen.beschikking_uiterlijk(self.aanvraagdatum)

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.core.models import Client, Gemeente

from .. import termijnen


class Melding(models.Model):
    """A report of a support need; starts the legal investigation period of 6 weeks (Wmo 2015, art. 2.3.2)."""

    class Kanaal(models.TextChoices):
        TELEFOON = "telefoon", _("Telefoon")
        LOKET = "loket", _("Loket / balie")
        EMAIL = "email", _("E-mail")
        WEBFORMULIER = "web", _("Webformulier")
        HUISARTS = "huisarts", _("Via huisarts of zorgverlener")
        NETWERK = "netwerk", _("Via netwerk / mantelzorger")

    client = models.ForeignKey(Client, verbose_name=_("cliënt"), on_delete=models.PROTECT, related_name="meldingen")
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT)
    meldingsdatum = models.DateField(_("meldingsdatum"))
    kanaal = models.CharField(_("kanaal"), max_length=10, choices=Kanaal.choices)
    vraag = models.TextField(_("hulpvraag"))
    consulent = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("consulent"), on_delete=models.PROTECT, null=True, blank=True
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-meldingsdatum", "-id"]

    def __str__(self):
        return _("Melding %(datum)s") % {"datum": self.meldingsdatum.strftime("%d-%m-%Y")}

    @property
    def onderzoek_uiterlijk(self):
        return termijnen.onderzoek_uiterlijk(self.meldingsdatum)

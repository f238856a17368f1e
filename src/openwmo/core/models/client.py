from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.catalogus.codelijsten import GESLACHT, choices

from ..validators import validate_bsn, validate_postcode
from .gebied import Gemeente, Wijk


class Huishouden(models.Model):
    """A household: "1 gezin, 1 plan, 1 regisseur"."""

    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT)
    omschrijving = models.CharField(_("omschrijving"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")

    def __str__(self):
        return self.omschrijving or _("Huishouden %(nr)s") % {"nr": self.pk}


class Client(models.Model):
    """A resident who asks for or receives support; identified by BSN. Special personal data."""

    bsn = models.CharField(_("BSN"), max_length=9, unique=True, validators=[validate_bsn])
    voorletters = models.CharField(_("voorletters"), max_length=10, blank=True)
    voorvoegsel = models.CharField(_("voorvoegsel"), max_length=10, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=200)
    geboortedatum = models.DateField(_("geboortedatum"))
    geslacht = models.CharField(_("geslacht"), max_length=1, choices=choices(GESLACHT), default="0")
    straat = models.CharField(_("straat"), max_length=200, blank=True)
    huisnummer = models.PositiveIntegerField(_("huisnummer"), null=True, blank=True)
    huisnummer_toevoeging = models.CharField(_("toevoeging"), max_length=10, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True, validators=[validate_postcode])
    woonplaats = models.CharField(_("woonplaats"), max_length=200, blank=True)
    gemeente = models.ForeignKey(
        Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="clienten"
    )
    wijk = models.ForeignKey(Wijk, verbose_name=_("wijk"), on_delete=models.PROTECT, null=True, blank=True)
    huishouden = models.ForeignKey(
        Huishouden,
        verbose_name=_("huishouden"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="leden",
    )

    class Meta:
        verbose_name = _("cliënt")
        verbose_name_plural = _("cliënten")
        ordering = ["achternaam", "voorletters"]
        indexes = [models.Index(fields=["gemeente", "achternaam"])]

    def __str__(self):
        return self.naam

    @property
    def naam(self) -> str:
        return " ".join(part for part in (self.voorletters, self.voorvoegsel, self.achternaam) if part)

    def clean(self):
        if self.wijk_id and self.gemeente_id and self.wijk.gemeente_id != self.gemeente_id:
            raise ValidationError({"wijk": _("Deze wijk hoort niet bij de gemeente van de cliënt.")})
        if self.huishouden_id and self.gemeente_id and self.huishouden.gemeente_id != self.gemeente_id:
            raise ValidationError({"huishouden": _("Dit huishouden hoort bij een andere gemeente.")})

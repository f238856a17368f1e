from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.catalogus.codelijsten import GESLACHT, choices

from ..validators import validate_bsn, validate_postcode
from .gebied import Gemeente, Wijk

BSN_BESTAAT = "bsn_bestaat_in_gemeente"


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
    """A resident who asks for or receives support, as a client of one municipality. Special personal data.

    The Wmo is municipal and municipalities do not share client files: the same person (BSN) can be a client of
    Delft and of Rijswijk as two records, so the BSN is unique per municipality only. A system-wide uniqueness would
    tell a Delft consultant, through its refusal, that a person is a client of Rijswijk.
    """

    bsn = models.CharField(_("BSN"), max_length=9, validators=[validate_bsn])
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
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "bsn"],
                name="client_bsn_uniek_per_gemeente",
                violation_error_code=BSN_BESTAAT,
                violation_error_message=_("Deze gemeente heeft al een cliënt met dit BSN."),
            )
        ]

    def __str__(self):
        return self.naam

    @property
    def naam(self) -> str:
        return " ".join(part for part in (self.voorletters, self.voorvoegsel, self.achternaam) if part)

    def validate_constraints(self, exclude=None):
        """Show the per-municipality BSN refusal on the BSN field, where the person typed the number."""
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as fout:
            fouten = fout.update_error_dict({})
            algemeen = fouten.pop(NON_FIELD_ERRORS, [])
            for f in algemeen:
                fouten.setdefault("bsn" if f.code == BSN_BESTAAT else NON_FIELD_ERRORS, []).append(f)
            raise ValidationError(fouten) from None

    def clean(self):
        if self.wijk_id and self.gemeente_id and self.wijk.gemeente_id != self.gemeente_id:
            raise ValidationError({"wijk": _("Deze wijk hoort niet bij de gemeente van de cliënt.")})
        if self.huishouden_id and self.gemeente_id and self.huishouden.gemeente_id != self.gemeente_id:
            raise ValidationError({"huishouden": _("Dit huishouden hoort bij een andere gemeente.")})

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.core.models import Client, Gemeente

from ..codelijsten import ZRM_DOMEINEN, ZRM_SCORES
from .melding import Melding


class Onderzoek(models.Model):
    """The investigation after a melding, usually a keukentafelgesprek."""

    melding = models.ForeignKey(
        Melding, verbose_name=_("melding"), on_delete=models.PROTECT, related_name="onderzoeken"
    )
    client = models.ForeignKey(Client, verbose_name=_("cliënt"), on_delete=models.PROTECT, related_name="onderzoeken")
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT)
    datum = models.DateField(_("datum gesprek"))
    deelnemers = models.CharField(_("deelnemers"), max_length=500, help_text=_("Wie namen deel aan het gesprek?"))
    verslag = models.TextField(_("verslag"))

    class Meta:
        verbose_name = _("onderzoek")
        verbose_name_plural = _("onderzoeken")
        ordering = ["-datum", "-id"]

    def __str__(self):
        return _("Onderzoek %(datum)s") % {"datum": self.datum.strftime("%d-%m-%Y")}


class ZrmMeting(models.Model):
    """A dated measurement on the Zelfredzaamheid-Matrix (2017): one score per domain, for progress over time."""

    client = models.ForeignKey(Client, verbose_name=_("cliënt"), on_delete=models.PROTECT, related_name="zrm_metingen")
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT)
    meetdatum = models.DateField(_("meetdatum"))
    onderzoek = models.OneToOneField(
        Onderzoek, verbose_name=_("onderzoek"), on_delete=models.PROTECT, null=True, blank=True, related_name="zrm"
    )

    class Meta:
        verbose_name = _("ZRM-meting")
        verbose_name_plural = _("ZRM-metingen")
        ordering = ["meetdatum", "id"]

    def __str__(self):
        return _("ZRM %(datum)s") % {"datum": self.meetdatum.strftime("%d-%m-%Y")}

    def scores_per_domein(self) -> dict[str, int]:
        return {score.domein: score.score for score in self.scores.all()}

    @property
    def gemiddelde(self):
        scores = [score.score for score in self.scores.all()]
        return round(sum(scores) / len(scores), 2) if scores else None


class ZrmScore(models.Model):
    meting = models.ForeignKey(ZrmMeting, verbose_name=_("meting"), on_delete=models.CASCADE, related_name="scores")
    domein = models.CharField(_("domein"), max_length=40, choices=list(ZRM_DOMEINEN.items()))
    score = models.PositiveSmallIntegerField(
        _("score"), choices=list(ZRM_SCORES.items()), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = _("ZRM-score")
        verbose_name_plural = _("ZRM-scores")
        constraints = [models.UniqueConstraint(fields=["meting", "domein"], name="zrm_score_uniek_per_domein")]

    def __str__(self):
        return f"{self.get_domein_display()}: {self.score}"

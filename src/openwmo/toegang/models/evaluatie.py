from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.core.models import Client, Gemeente

from .onderzoek import ZrmMeting
from .plan import Doel, Ondersteuningsplan
from .toewijzing import Toewijzing


class Vervolgstap(models.TextChoices):
    VOORTZETTEN = "voortzetten", _("Ondersteuning voortzetten (verlengen)")
    OPSCHALEN = "opschalen", _("Opschalen")
    AFSCHALEN = "afschalen", _("Afschalen")
    BEEINDIGEN = "beeindigen", _("Ondersteuning beëindigen")
    ALGEMENE_VOORZIENING = "algemeen", _("Overgaan naar algemene voorziening / netwerk")
    HERONDERZOEK = "heronderzoek", _("Nieuw onderzoek")


class Evaluatie(models.Model):
    """The evaluation of a plan: per goal an outcome, a new ZRM measurement, satisfaction and the next step."""

    client = models.ForeignKey(Client, verbose_name=_("cliënt"), on_delete=models.PROTECT, related_name="evaluaties")
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT)
    plan = models.ForeignKey(
        Ondersteuningsplan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="evaluaties"
    )
    toewijzing = models.ForeignKey(
        Toewijzing,
        verbose_name=_("toewijzing"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evaluaties",
        help_text=_("De toewijzing of het traject waarover de vervolgstap gaat."),
    )
    datum = models.DateField(_("evaluatiedatum"))
    zrm_meting = models.OneToOneField(
        ZrmMeting, verbose_name=_("ZRM-meting"), on_delete=models.PROTECT, null=True, blank=True
    )
    tevredenheid = models.PositiveSmallIntegerField(
        _("tevredenheid cliënt (1–10)"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    vervolgstap = models.CharField(_("vervolgstap"), max_length=20, choices=Vervolgstap.choices)
    vervolgstap_datum = models.DateField(_("vervolgstap gaat in op"))
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        ordering = ["-datum", "-id"]

    def __str__(self):
        return _("Evaluatie %(datum)s") % {"datum": self.datum.strftime("%d-%m-%Y")}


class DoelEvaluatie(models.Model):
    class Uitkomst(models.TextChoices):
        BEHAALD = "behaald", _("Behaald")
        DEELS = "deels", _("Deels behaald")
        NIET = "niet", _("Niet behaald")

    evaluatie = models.ForeignKey(
        Evaluatie, verbose_name=_("evaluatie"), on_delete=models.CASCADE, related_name="doelen"
    )
    doel = models.ForeignKey(Doel, verbose_name=_("doel"), on_delete=models.PROTECT, related_name="evaluaties")
    uitkomst = models.CharField(_("uitkomst"), max_length=10, choices=Uitkomst.choices)

    class Meta:
        verbose_name = _("evaluatie van een doel")
        verbose_name_plural = _("evaluaties van doelen")
        constraints = [models.UniqueConstraint(fields=["evaluatie", "doel"], name="doel_eenmaal_per_evaluatie")]

    def __str__(self):
        return f"{self.doel}: {self.get_uitkomst_display()}"

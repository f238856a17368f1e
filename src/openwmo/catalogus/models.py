from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .codelijsten import EENHEID, FREQUENTIE, PRODUCTCATEGORIE, choices


class Codewaarde(models.Model):
    """A value of an iWmo code list, copied from `codelijsten` by load_reference so it can be browsed."""

    codelijst = models.CharField(_("codelijst"), max_length=10)
    codelijst_naam = models.CharField(_("naam codelijst"), max_length=100)
    code = models.CharField(_("code"), max_length=10)
    betekenis = models.CharField(_("betekenis"), max_length=300)

    class Meta:
        verbose_name = _("codewaarde")
        verbose_name_plural = _("codelijsten iWmo")
        ordering = ["codelijst", "code"]
        constraints = [models.UniqueConstraint(fields=["codelijst", "code"], name="codewaarde_uniek")]

    def __str__(self):
        return f"{self.codelijst} {self.code} – {self.betekenis}"


class Voorzieningsoort(models.Model):
    """A group of provisions (e.g. hulp bij het huishouden), the level of council tables and budgets."""

    class Soort(models.TextChoices):
        ALGEMEEN = "algemeen", _("Algemene voorziening")
        VRIJ_INZETBAAR = "vrij_inzetbaar", _("Vrij inzetbare voorziening")
        MAATWERK = "maatwerk", _("Maatwerkvoorziening")

    code = models.CharField(_("code"), max_length=10, unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort voorziening"), max_length=20, choices=Soort.choices)

    class Meta:
        verbose_name = _("voorzieningsoort")
        verbose_name_plural = _("voorzieningsoorten")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Leveringsvorm(models.TextChoices):
    ZIN = "zin", _("Zorg in natura (ZiN)")
    PGB = "pgb", _("Persoonsgebonden budget (PGB)")


class Zwaarte(models.TextChoices):
    LICHT = "licht", _("Licht")
    BASIS = "basis", _("Basis")
    SPECIAAL = "speciaal", _("Speciaal / specialistisch")


class Product(models.Model):
    """A product of the catalogue, identified in iWmo by productcategorie + productcode."""

    voorzieningsoort = models.ForeignKey(
        Voorzieningsoort, verbose_name=_("voorzieningsoort"), on_delete=models.PROTECT, related_name="producten"
    )
    productcategorie = models.CharField(_("productcategorie"), max_length=2, choices=choices(PRODUCTCATEGORIE))
    productcode = models.CharField(_("productcode"), max_length=5)
    naam = models.CharField(_("naam"), max_length=200)
    eenheid = models.CharField(_("eenheid"), max_length=2, choices=choices(EENHEID))
    frequentie = models.CharField(_("frequentie"), max_length=1, choices=choices(FREQUENTIE))
    zwaarte = models.CharField(_("zwaarte"), max_length=10, choices=Zwaarte.choices, blank=True)

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("producten")
        ordering = ["productcategorie", "productcode"]
        constraints = [models.UniqueConstraint(fields=["productcategorie", "productcode"], name="product_uniek")]

    def __str__(self):
        return f"{self.productcode} {self.naam}"

    def clean(self):
        if self.productcode and self.productcategorie and not self.productcode.startswith(self.productcategorie):
            raise ValidationError(
                {
                    "productcode": _("De productcode moet beginnen met de productcategorie (%(cat)s).")
                    % {"cat": self.productcategorie}
                }
            )


class Resultaatgebied(models.Model):
    code = models.CharField(_("code"), max_length=10, unique=True)
    naam = models.CharField(_("naam"), max_length=200)

    class Meta:
        verbose_name = _("resultaatgebied")
        verbose_name_plural = _("resultaatgebieden")
        ordering = ["code"]

    def __str__(self):
        return self.naam


class Arrangement(models.Model):
    """Result areas bundled and paid as one output (Voorschoten: a fixed amount per client per 4 weeks)."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    product = models.OneToOneField(
        Product, verbose_name=_("product (iWmo)"), on_delete=models.PROTECT, related_name="arrangement"
    )
    resultaatgebieden = models.ManyToManyField(Resultaatgebied, verbose_name=_("resultaatgebieden"))
    max_resultaatgebieden = models.PositiveSmallIntegerField(
        _("maximaal aantal resultaatgebieden per cliënt"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementen")
        ordering = ["code"]

    def __str__(self):
        return self.naam


class Trajecttype(models.Model):
    """A trajectory: care form (product) + intensity (hours per week) + duration (months) — Noord-Limburg."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    product = models.ForeignKey(Product, verbose_name=_("zorgvorm (product)"), on_delete=models.PROTECT)
    uren_per_week = models.DecimalField(_("intensiteit (uur per week)"), max_digits=5, decimal_places=2)
    duur_maanden = models.PositiveSmallIntegerField(_("duur (maanden)"))

    class Meta:
        verbose_name = _("trajecttype")
        verbose_name_plural = _("trajecttypen")
        ordering = ["code"]

    def __str__(self):
        return self.naam

from django.db import models
from django.utils.translation import gettext_lazy as _

from openwmo.catalogus.models import Product
from openwmo.core.models import Gemeente


class Overgangsregel(models.Model):
    """Transition rule (Zoetermeer): after `datum`, the product may only be newly allocated in this
    municipality with an explicit, recorded approval. Running decisions keep their allocation until it ends."""

    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT)
    product = models.ForeignKey(Product, verbose_name=_("product"), on_delete=models.PROTECT)
    datum = models.DateField(_("nieuwe toewijzingen vanaf deze datum alleen met goedkeuring"))
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("overgangsregel")
        verbose_name_plural = _("overgangsregels")
        constraints = [models.UniqueConstraint(fields=["gemeente", "product"], name="overgangsregel_uniek")]

    def __str__(self):
        return f"{self.gemeente} {self.product.productcode} vanaf {self.datum}"

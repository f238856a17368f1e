from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Verwerking(models.Model):
    """One processing of personal data, after the VNG standard "Logboek dataverwerkingen".

    Written only by `openwmo.core.audit.log_verwerking`; never changed or deleted through any route.
    """

    class Actie(models.TextChoices):
        LEZEN = "lezen", _("Lezen")
        AANMAKEN = "aanmaken", _("Aanmaken")
        WIJZIGEN = "wijzigen", _("Wijzigen")
        VERWIJDEREN = "verwijderen", _("Verwijderen")
        EXPORTEREN = "exporteren", _("Exporteren")

    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), on_delete=models.PROTECT, null=True, blank=True
    )
    rol = models.CharField(_("rol"), max_length=20, blank=True)
    actie = models.CharField(_("actie"), max_length=20, choices=Actie.choices)
    verwerkingsactiviteit = models.CharField(_("verwerkingsactiviteit"), max_length=200)
    doel = models.CharField(_("doel (doelbinding)"), max_length=200)
    object_type = models.CharField(_("objecttype"), max_length=100)
    object_id = models.CharField(_("object-id"), max_length=100, blank=True)
    betrokkene = models.ForeignKey(
        "core.Client",
        verbose_name=_("betrokkene"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verwerkingen",
    )
    gemeente = models.ForeignKey(
        "core.Gemeente", verbose_name=_("gemeente"), on_delete=models.PROTECT, null=True, blank=True
    )
    omschrijving = models.CharField(_("omschrijving"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("verwerking (logboek)")
        verbose_name_plural = _("logboek dataverwerkingen")
        ordering = ["-tijdstip", "-id"]

    def __str__(self):
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.gebruiker} {self.actie} {self.object_type} {self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Het logboek dataverwerkingen is niet te wijzigen.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Het logboek dataverwerkingen is niet te wijzigen.")

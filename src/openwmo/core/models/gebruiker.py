from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..rollen import Rol
from .gebied import Gemeente


class User(AbstractUser):
    """A staff member with one role, acting for one or more municipalities.

    A provider's employee has role `aanbieder`; the provider it works for is linked in
    `inkoop.AanbiederGebruiker` (so that core does not depend on inkoop).
    """

    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices, default=Rol.CONTROLLER)
    gemeenten = models.ManyToManyField(
        Gemeente,
        verbose_name=_("gemeenten"),
        blank=True,
        related_name="gebruikers",
        help_text=_("De gemeenten waarvoor deze gebruiker mag werken."),
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

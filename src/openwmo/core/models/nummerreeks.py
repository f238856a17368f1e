from django.db import connection, models, transaction
from django.utils.translation import gettext_lazy as _


class Nummerreeks(models.Model):
    """Hands out unique sequential numbers (toewijzingsnummers, beschikkingsnummers, berichtidentificaties)."""

    soort = models.CharField(_("soort"), max_length=50, unique=True)
    laatste = models.PositiveBigIntegerField(_("laatst uitgegeven"), default=0)

    class Meta:
        verbose_name = _("nummerreeks")
        verbose_name_plural = _("nummerreeksen")

    def __str__(self):
        return f"{self.soort}: {self.laatste}"

    @classmethod
    def volgende(cls, soort: str) -> int:
        """The next number of the series, safe under concurrent transactions: one `UPDATE … RETURNING`
        (its row lock lasts until the caller's transaction ends); the series' first number creates its row."""
        meta = cls._meta
        tabel, laatste, kolom = (
            connection.ops.quote_name(naam)
            for naam in (meta.db_table, meta.get_field("laatste").column, meta.get_field("soort").column)
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {tabel} SET {laatste} = {laatste} + 1 WHERE {kolom} = %s RETURNING {laatste}", [soort]
            )
            rij = cursor.fetchone()
        if rij is not None:
            return rij[0]
        with transaction.atomic():
            reeks, _created = cls.objects.select_for_update().get_or_create(soort=soort)
            reeks.laatste += 1
            reeks.save(update_fields=["laatste"])
            return reeks.laatste

"""The stored state ("stand") of the management tables, and the change log that says when it is stale.

Every write to a table the reports read (toegang, declaraties, inkoop, catalogus, bekostiging and the
core's area and client tables) fires a database trigger that notes a `Wijziging` (see `stand.py`). A
`Stand` is one report table (or one indicator value) for one scope, stored with the fingerprint of that
log when it was computed; it is only used while the fingerprint is unchanged, so a page never shows a
figure the records no longer support.
"""

from django.db import models


class Wijziging(models.Model):
    """A note that a source table changed. PostgreSQL: one row per writing statement (no lock that
    concurrent writers would queue on); SQLite (one writer at a time anyway): one row whose `teller` counts."""

    teller = models.BigIntegerField(default=1)

    class Meta:
        verbose_name = "wijziging"

    def __str__(self) -> str:
        return f"wijziging {self.pk}"


class Stand(models.Model):
    sleutel = models.CharField(max_length=64, unique=True)  # sha256 of report + scope + language
    omschrijving = models.CharField(max_length=300)  # the key in words, for whoever looks in the table
    vingerafdruk = models.CharField(max_length=100)
    inhoud = models.TextField()  # the table or value as tagged JSON
    berekend = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "stand"

    def __str__(self) -> str:
        return self.omschrijving

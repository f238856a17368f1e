import zstandard
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openwmo.catalogus.codelijsten import EENHEID, RETOURCODE
from openwmo.core.models import Gemeente
from openwmo.inkoop.models import Aanbieder
from openwmo.toegang.models import Toewijzing

from ..checks.uitkomst import signaal_meldingen


class Bron(models.TextChoices):
    IWMO = "iwmo", _("iWmo-bericht (WMO323)")
    CSV = "csv", _("CSV-bestand")
    API = "api", _("API")


class DeclaratieStatus(models.TextChoices):
    GOEDGEKEURD = "goedgekeurd", _("Volledig goedgekeurd")
    DEELS = "deels", _("Deels goedgekeurd")
    AFGEKEURD = "afgekeurd", _("Volledig afgekeurd")


class PrestatieStatus(models.TextChoices):
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
    AFGEKEURD = "afgekeurd", _("Afgekeurd")


# The raw 323 is stored compressed by the application with zstd (level 1: a 1 MB message → ~25 KB in ~0.5 ms),
# not by PostgreSQL's TOAST (lz4/pglz spent ~19 ms per 1 MB claim on the server). Migration 0003 sets the
# column's storage to EXTERNAL so PostgreSQL does not try to compress it again, and compresses older rows.
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"  # the first four bytes of every zstd frame (RFC 8878), never the start of XML
ZSTD_NIVEAU = 1


def bericht_comprimeren(data: bytes) -> bytes:
    """A raw message as stored in `Declaratie.bericht_323`: one zstd frame (with the original size in it)."""
    return zstandard.compress(data, ZSTD_NIVEAU)


def bericht_uitpakken(opgeslagen) -> bytes:
    """The original bytes of a stored message. A value without the zstd magic is returned as it is (a row
    written before migration 0003 that the migration has not reached, e.g. while it runs)."""
    data = bytes(opgeslagen)
    if data.startswith(ZSTD_MAGIC):
        return zstandard.decompress(data)
    return data


class Declaratie(models.Model):
    """A received claim (WMO323, CSV or API) after its check, with the 325 answer sent back.

    Only claims that were assessed are stored: a technically rejected message (0001) or a reused
    DeclaratieNummer with other content (9333) counts as not sent and leaves no row (iWmo IV087/IV088).
    """

    aanbieder = models.ForeignKey(
        Aanbieder, verbose_name=_("aanbieder"), on_delete=models.PROTECT, related_name="declaraties"
    )
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT)
    declaratienummer = models.CharField(_("declaratienummer"), max_length=12)
    periode_begindatum = models.DateField(_("declaratieperiode van"))
    periode_einddatum = models.DateField(_("declaratieperiode tot en met"))
    dagtekening = models.DateField(_("dagtekening"), null=True, blank=True)
    ingediend_totaal = models.DecimalField(
        _("ingediend totaal (euro)"), max_digits=14, decimal_places=2, help_text=_("Debet min credit.")
    )
    toegekend_totaal = models.DecimalField(_("toegekend totaal (euro)"), max_digits=14, decimal_places=2)
    status = models.CharField(_("status"), max_length=12, choices=DeclaratieStatus.choices)
    retourcode = models.CharField(_("retourcode declaratie"), max_length=4, help_text=_("8001 of 0200."))
    aantal_regels = models.PositiveIntegerField(_("aantal prestaties"))
    aantal_afgekeurd = models.PositiveIntegerField(_("aantal afgekeurde prestaties"))
    ontvangen_op = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    bron = models.CharField(_("bron"), max_length=4, choices=Bron.choices)
    bericht_identificatie = models.CharField(_("berichtidentificatie"), max_length=20, blank=True)
    inhoud_hash = models.CharField(
        _("inhoudscontrole (SHA-256)"),
        max_length=64,
        db_index=True,
        help_text=_("Bepaalt of een herhaalde inzending gelijk is."),
    )
    bericht_323 = models.BinaryField(
        _("ontvangen WMO323 (zstd)"),
        null=True,
        blank=True,
        help_text=_("Gecomprimeerd opgeslagen; de oorspronkelijke bytes geeft bericht_323_xml."),
    )
    antwoord_325 = models.BinaryField(_("verzonden WMO325"), null=True, blank=True)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingediend door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("declaratie")
        verbose_name_plural = _("declaraties")
        ordering = ["-ontvangen_op", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["aanbieder", "declaratienummer"], name="declaratienummer_uniek_per_aanbieder"
            )
        ]
        indexes = [models.Index(fields=["gemeente", "periode_begindatum"])]

    def __str__(self):
        return f"{self.declaratienummer} ({self.aanbieder})"

    @property
    def bericht_323_xml(self) -> bytes | None:
        """The received WMO323 byte for byte as it arrived (None for a claim from CSV or the API). Every reader
        of the raw message uses this: the column itself holds the zstd-compressed bytes."""
        if self.bericht_323 is None:
            return None
        return bericht_uitpakken(self.bericht_323)


class Prestatie(models.Model):
    """One claim line as received, with the outcome of its check (approved or rejected + retourcodes).

    The references to declaratie, aanbieder and toewijzing have no foreign-key constraint in the database
    (`db_constraint=False`); the Django relations and their on_delete (CASCADE, PROTECT) are unchanged. Lines are
    written only by `services._opslaan`, in the transaction that created the declaratie and has just read (and,
    for the provider, locked) the aanbieder and the toewijzingen it links; a constraint would only re-check
    those values, and its per-row trigger at commit cost ~22 µs of server CPU per line (docs/declaraties.md,
    "Storing"). A line's aanbieder is its declaratie's, whose constraint stays. The betaalbatch reference keeps
    its constraint: it is set later, by UPDATE, from a batch row (`betaling.py`), and a NULL on insert costs
    next to nothing.
    """

    declaratie = models.ForeignKey(
        Declaratie,
        verbose_name=_("declaratie"),
        on_delete=models.CASCADE,
        related_name="prestaties",
        db_constraint=False,
    )
    # Indexed through (aanbieder, referentienummer) below; fewer indexes keep the bulk insert of lines cheap.
    aanbieder = models.ForeignKey(
        Aanbieder,
        verbose_name=_("aanbieder"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    toewijzing = models.ForeignKey(
        Toewijzing,
        verbose_name=_("toewijzing"),
        on_delete=models.PROTECT,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="prestaties",
        help_text=_("Leeg als de prestatie niet aan een toewijzing van deze aanbieder en gemeente te koppelen is."),
    )
    volgnummer = models.PositiveIntegerField(_("volgnummer in de declaratie"))
    referentienummer = models.CharField(_("referentienummer"), max_length=20)
    vorige_referentienummer = models.CharField(_("vorig referentienummer"), max_length=20, blank=True)
    toewijzingsnummer = models.CharField(_("toewijzingsnummer (gedeclareerd)"), max_length=9)
    bsn = models.CharField(_("BSN (gedeclareerd)"), max_length=9)
    productcategorie = models.CharField(_("productcategorie"), max_length=2)
    productcode = models.CharField(_("productcode"), max_length=5)
    begindatum = models.DateField(_("begindatum"))
    einddatum = models.DateField(_("einddatum"))
    volume = models.PositiveIntegerField(_("geleverd volume"))
    eenheid = models.CharField(_("eenheid"), max_length=2)
    tarief = models.DecimalField(_("producttarief (euro)"), max_digits=10, decimal_places=2, null=True, blank=True)
    bedrag = models.DecimalField(_("ingediend bedrag (euro)"), max_digits=12, decimal_places=2)
    debet_credit = models.CharField(_("debet/credit"), max_length=1, choices=[("D", _("Debet")), ("C", _("Credit"))])
    status = models.CharField(_("status"), max_length=11, choices=PrestatieStatus.choices)
    retourcodes = models.CharField(
        _("retourcodes"), max_length=60, blank=True, help_text=_("Komma-gescheiden WJ001-codes; leeg als goedgekeurd.")
    )
    signalen = models.CharField(
        _("signalen"),
        max_length=40,
        blank=True,
        help_text=_("Komma-gescheiden signalen die de prestatie niet afkeuren, zoals zorg buiten de gestarte zorg."),
    )
    betaalbatch = models.ForeignKey(
        "declaraties.Betaalbatch",
        verbose_name=_("betaalbatch"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prestaties",
        db_index=False,  # indexed below for paid lines only
    )

    class Meta:
        verbose_name = _("prestatie")
        verbose_name_plural = _("prestaties")
        ordering = ["declaratie", "volgnummer"]
        indexes = [
            models.Index(fields=["aanbieder", "referentienummer"]),
            # Lines are stored unpaid (NULL) and found by batch (`batch.prestaties`, PROTECT on deleting a
            # batch): a partial index costs nothing per inserted line.
            models.Index(
                fields=["betaalbatch"], condition=models.Q(betaalbatch__isnull=False), name="prestatie_betaald_idx"
            ),
        ]

    def __str__(self):
        return f"{self.referentienummer} ({self.get_status_display()})"

    @property
    def codes(self) -> list[str]:
        return [c for c in self.retourcodes.split(",") if c]

    @property
    def meldingen(self) -> list[tuple[str, str]]:
        """(code, Dutch meaning) of each retourcode."""
        return [(c, RETOURCODE.get(c, "")) for c in self.codes]

    @property
    def signaal_meldingen(self) -> tuple[str, ...]:
        """Dutch text of each signal (non-blocking: OP364)."""
        return signaal_meldingen(c for c in self.signalen.split(",") if c)

    @property
    def eenheid_naam(self) -> str:
        return EENHEID.get(self.eenheid, self.eenheid)

    @property
    def bedrag_met_teken(self):
        return self.bedrag if self.debet_credit == "D" else -self.bedrag

"""The audit log viewer for the functioneel beheerder: a filterable, paginated list and a CSV export.

Read-only by construction: both views answer GET (and HEAD) only; entries are never changed or deleted.
"""

import csv
from datetime import datetime

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from .audit import Actie, log_verwerking
from .models import Verwerking
from .selectors_audit import gebruikers_in_gemeenten_van, mag_logboek_inzien, verwerkingen_filteren, verwerkingen_voor
from .validators import validate_bsn


class LogboekFilterForm(forms.Form):
    van = forms.DateField(label=_("Vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    gebruiker = forms.ModelChoiceField(label=_("Gebruiker"), queryset=None, required=False, empty_label=_("Iedereen"))
    actie = forms.ChoiceField(label=_("Actie"), required=False, choices=[("", _("Alle acties")), *Actie.choices])
    bsn = forms.CharField(label=_("BSN van de cliënt"), required=False, max_length=9, validators=[validate_bsn])
    object_type = forms.ChoiceField(label=_("Objecttype"), required=False)

    def __init__(self, *args, user, verwerkingen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebruiker"].queryset = gebruikers_in_gemeenten_van(user).order_by("username")
        soorten = verwerkingen.order_by("object_type").values_list("object_type", flat=True).distinct()
        self.fields["object_type"].choices = [("", _("Alle objecttypen")), *((s, s) for s in soorten)]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("van") and cleaned.get("tot") and cleaned["tot"] < cleaned["van"]:
            self.add_error("tot", _("‘Tot en met’ ligt vóór ‘Vanaf’."))
        return cleaned

    def omschrijving(self) -> str:
        """The filters in words, for the audit entry of reading or exporting the log."""
        delen = []
        for naam, waarde in self.cleaned_data.items():
            if waarde:
                delen.append(f"{naam}={getattr(waarde, 'username', waarde)}")
        return "filters: " + (", ".join(delen) if delen else "geen")


class LogboekMixin:
    http_method_names = ["get", "head", "options"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not mag_logboek_inzien(request.user):
            raise PermissionDenied(_("Alleen de functioneel beheerder mag het logboek inzien."))
        return super().dispatch(request, *args, **kwargs)

    def gefilterde_verwerkingen(self):
        alle = verwerkingen_voor(self.request.user)
        self.form = LogboekFilterForm(self.request.GET or None, user=self.request.user, verwerkingen=alle)
        if not self.form.is_bound:
            self.form.cleaned_data = {}
            return alle
        if not self.form.is_valid():
            return alle.none()
        return verwerkingen_filteren(alle, self.form.cleaned_data)


class LogboekView(LogboekMixin, ListView):
    template_name = "beveiliging/logboek.html"
    context_object_name = "verwerkingen"
    paginate_by = 50

    def get_queryset(self):
        verwerkingen = self.gefilterde_verwerkingen()
        log_verwerking(
            self.request.user,
            Actie.LEZEN,
            activiteit="Logboek dataverwerkingen raadplegen",
            doel="Toezicht op de verwerking van persoonsgegevens",
            object_type="Verwerking",
            omschrijving=self.form.omschrijving(),
        )
        return verwerkingen

    def get_context_data(self, **kwargs):
        zoekopdracht = self.request.GET.copy()
        zoekopdracht.pop("page", None)
        return super().get_context_data(form=self.form, zoekopdracht=zoekopdracht.urlencode(), **kwargs)


_KOLOMMEN = [
    "tijdstip",
    "gebruiker",
    "rol",
    "actie",
    "verwerkingsactiviteit",
    "doel",
    "objecttype",
    "object-id",
    "bsn betrokkene",
    "gemeente",
    "omschrijving",
]


def _veilig(waarde) -> str:
    """Neutralise spreadsheet formulas (CSV injection): a cell never starts with = + - @ or a control character."""
    tekst = "" if waarde is None else str(waarde)
    return "'" + tekst if tekst[:1] in ("=", "+", "-", "@", "\t", "\r") else tekst


class _Regels:
    def write(self, regel):
        return regel


class LogboekExportView(LogboekMixin, ListView):
    """The filtered log as CSV (semicolon-separated, UTF-8 with BOM so that Excel opens it). Logged as EXPORTEREN."""

    def get(self, request, *args, **kwargs):
        verwerkingen = self.gefilterde_verwerkingen()
        if self.form.is_bound and not self.form.is_valid():
            return redirect(f"{reverse('beveiliging:logboek')}?{request.GET.urlencode()}")  # shows the errors
        laatste = Verwerking.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        verwerkingen = verwerkingen.filter(pk__lte=laatste)  # the export's own entry is not part of the export
        aantal = verwerkingen.count()
        log_verwerking(
            request.user,
            Actie.EXPORTEREN,
            activiteit="Logboek dataverwerkingen exporteren",
            doel="Toezicht op de verwerking van persoonsgegevens",
            object_type="Verwerking",
            omschrijving=f"{aantal} regels; {self.form.omschrijving()}",
        )
        schrijver = csv.writer(_Regels(), delimiter=";")

        def regels():
            yield "\ufeff" + schrijver.writerow(_KOLOMMEN)
            for v in verwerkingen.iterator(chunk_size=2000):
                yield schrijver.writerow(
                    [
                        _veilig(timezone.localtime(v.tijdstip).isoformat(timespec="seconds")),
                        _veilig(v.gebruiker.username if v.gebruiker else ""),
                        _veilig(v.rol),
                        _veilig(v.actie),
                        _veilig(v.verwerkingsactiviteit),
                        _veilig(v.doel),
                        _veilig(v.object_type),
                        _veilig(v.object_id),
                        _veilig(v.betrokkene.bsn if v.betrokkene else ""),
                        _veilig(f"{v.gemeente.cbs_code} {v.gemeente.naam}" if v.gemeente else ""),
                        _veilig(v.omschrijving),
                    ]
                )

        naam = f"logboek-{datetime.now():%Y%m%d-%H%M}.csv"
        response = StreamingHttpResponse(regels(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{naam}"'
        return response

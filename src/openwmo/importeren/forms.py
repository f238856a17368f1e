from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("Bestand"),
        help_text=_(
            "Een ZIP met clienten.csv, beschikkingen.csv, toewijzingen.csv en declaraties.csv, "
            "of één Excel-bestand (.xlsx) met die bladen."
        ),
    )
    gemeente = forms.ChoiceField(label=_("Gemeente"), required=False)
    proef = forms.BooleanField(label=_("Proefimport: alleen controleren, niets opslaan"), required=False, initial=True)
    partial = forms.BooleanField(label=_("Goede rijen opslaan, ook als een bestand fouten heeft"), required=False)
    historisch = forms.BooleanField(
        label=_("Historische toewijzingen: contract- en tariefcontrole overslaan"),
        required=False,
        help_text=_(
            "Voor lopende toewijzingen van vóór de contracten in Open Wmo. "
            "Overlap, BSN en datums worden altijd gecontroleerd."
        ),
    )
    aanbieders_aanmaken = forms.BooleanField(label=_("Onbekende aanbieders aanmaken"), required=False)
    producten_aanmaken = forms.BooleanField(label=_("Onbekende producten aanmaken"), required=False)

    def __init__(self, *args, gemeenten=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [("", _("Uit de kolom gemeente"))] + [
            (g.cbs_code, f"{g.naam} ({g.cbs_code})") for g in gemeenten
        ]

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > settings.OPENWMO_IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("Het bestand is groter dan %(mb)s MB.") % {"mb": settings.OPENWMO_IMPORT_MAX_BYTES // (1024 * 1024)}
            )
        if not bestand.name.lower().endswith((".zip", ".xlsx", ".csv")):
            raise forms.ValidationError(_("Upload een ZIP-, XLSX- of CSV-bestand."))
        return bestand

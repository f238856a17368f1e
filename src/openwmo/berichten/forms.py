from django import forms
from django.utils.translation import gettext_lazy as _

from openwmo.catalogus.codelijsten import REDEN_AFWIJZING_VERZOEK, choices

from .models import BERICHTCODES, Richting, Status


class BerichtFilterForm(forms.Form):
    berichtcode = forms.ChoiceField(label=_("Berichttype"), required=False, choices=[("", _("Alle"))] + BERICHTCODES)
    richting = forms.ChoiceField(label=_("Richting"), required=False, choices=[("", _("Alle"))] + Richting.choices)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Alle"))] + Status.choices)
    te_laat = forms.BooleanField(label=_("Alleen over de termijn"), required=False)


class MeerdereBestandenInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MeerdereBestandenVeld(forms.FileField):
    def clean(self, data, initial=None):
        enkel = super().clean
        if isinstance(data, list | tuple):
            return [enkel(d, initial) for d in data]
        return [enkel(data, initial)]


class UploadForm(forms.Form):
    bestand = MeerdereBestandenVeld(
        label=_("Berichtbestand (XML)"),
        help_text=_("Eén of meer iWmo 3.2-berichten (.xml)."),
        widget=MeerdereBestandenInput(attrs={"accept": ".xml,application/xml,text/xml", "multiple": True}),
    )


class AfwijzenForm(forms.Form):
    reden = forms.ChoiceField(label=_("Reden van afwijzing"), choices=choices(REDEN_AFWIJZING_VERZOEK))

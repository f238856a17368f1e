from django import forms
from django.utils.translation import gettext_lazy as _

from openwmo.core.selectors import gemeenten_voor
from openwmo.inkoop.models import Aanbieder

MAX_BESTAND = 20 * 1024 * 1024


class DeclaratieUploadForm(forms.Form):
    bestand = forms.FileField(label=_("WMO323-bestand (XML)"))

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_BESTAND:
            raise forms.ValidationError(_("Het bestand is groter dan 20 MB."))
        return bestand


class BetaalbatchForm(forms.Form):
    aanbieder = forms.ModelChoiceField(label=_("Aanbieder"), queryset=Aanbieder.objects.all())
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=None)
    tot_datum = forms.DateField(
        label=_("Declaraties ontvangen tot en met"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten_voor(user)


class CakExportForm(forms.Form):
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=None)
    van = forms.DateField(label=_("Van"), widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(label=_("Tot en met"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten_voor(user)

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
            self.add_error("tot", _("De einddatum ligt vóór de begindatum."))
        return data

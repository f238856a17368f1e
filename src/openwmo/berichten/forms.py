from django import forms
from django.utils.translation import gettext_lazy as _

from openwmo.catalogus.codelijsten import EENHEID, FREQUENTIE, REDEN_AFWIJZING_VERZOEK, choices
from openwmo.toegang.forms import Datum

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


class Toekennen315Form(forms.Form):
    """Granting a 315: prefilled from the request; the allocation goes to the requesting provider."""

    beschikt_product = forms.ModelChoiceField(
        label=_("Toegekend product (beschikking)"),
        queryset=None,
        help_text=_("De toewijzing valt onder dit toegekende product en moet binnen de periode ervan vallen."),
    )
    ingangsdatum = Datum(label=_("Ingangsdatum"))
    einddatum = Datum(label=_("Einddatum"), required=False)
    volume = forms.DecimalField(label=_("Volume"), required=False, min_value=0, decimal_places=2)
    eenheid = forms.ChoiceField(label=_("Eenheid"), choices=[("", "---------"), *choices(EENHEID)], required=False)
    frequentie = forms.ChoiceField(
        label=_("Frequentie"), choices=[("", "---------"), *choices(FREQUENTIE)], required=False
    )
    budget = forms.DecimalField(label=_("Budget (euro)"), required=False, min_value=0, decimal_places=2)

    def __init__(self, *args, regels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["beschikt_product"].queryset = regels
        self.fields["beschikt_product"].label_from_instance = lambda bp: _(
            "Beschikking %(nummer)s: %(omschrijving)s, %(van)s t/m %(tot)s"
        ) % {
            "nummer": bp.beschikking.beschikkingsnummer,
            "omschrijving": bp.omschrijving,
            "van": bp.ingangsdatum.strftime("%d-%m-%Y"),
            "tot": bp.einddatum.strftime("%d-%m-%Y"),
        }

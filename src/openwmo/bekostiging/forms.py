"""Forms for budgets and scenarios; parameters are validated by the dataclasses in `scenario.py`."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from openwmo.catalogus.models import Voorzieningsoort
from openwmo.core.models import Regio
from openwmo.inkoop.forms import DatumInput, bedragvelden

from .models import Begroting, Scenario
from .scenario import parameters_lezen


class BegrotingForm(forms.Form):
    """Not a ModelForm: saving an existing combination replaces its budget (begroting_opslaan)."""

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(
            fields_for_model(Begroting, fields=["gemeente", "voorzieningsoort", "jaar", "uitgaven", "inkomsten"])
        )
        self.fields["gemeente"].queryset = gemeenten
        self.fields["inkomsten"].help_text = _("Leeg als de begrote eigen bijdragen niet bekend zijn.")
        bedragvelden(self, "uitgaven", "inkomsten")


class BegrotingFilterForm(forms.Form):
    gemeente = forms.ModelChoiceField(None, label=_("Gemeente"), required=False, empty_label=_("Al mijn gemeenten"))
    voorzieningsoort = forms.ModelChoiceField(
        Voorzieningsoort.objects.all(), label=_("Voorzieningsoort"), required=False, empty_label=_("Alle")
    )
    peildatum = forms.DateField(label=_("Peildatum"), required=False, widget=DatumInput())

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten


class ScenarioForm(forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=200)
    jaar = forms.IntegerField(
        label=_("Jaar van de vraag"), min_value=2000, max_value=2100, initial=lambda: datetime.date.today().year - 1
    )
    regio = forms.ModelChoiceField(
        Regio.objects.all(),
        label=_("Regio"),
        required=False,
        help_text=_("Kies een regio óf losse gemeenten; u ziet alleen uw eigen gemeenten."),
    )
    gemeenten = forms.ModelMultipleChoiceField(
        None, label=_("Gemeenten"), required=False, widget=forms.CheckboxSelectMultiple
    )
    model = forms.ChoiceField(label=_("Bekostigingsmodel"), choices=Scenario.Model.choices, widget=forms.RadioSelect)
    percentage = forms.CharField(
        label=_("Tariefindex: percentage"), required=False, help_text=_("Bijvoorbeeld 3,5 of -2.")
    )
    tarief = forms.CharField(
        label=_("Output: tarief per 4 weken (alle producten)"), required=False, help_text=_("Bijvoorbeeld 800,00.")
    )
    tarieven = forms.CharField(
        label=_("Output: tarief per 4 weken per productcode"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén per regel, bijvoorbeeld 10A01=650,00."),
    )
    korting_pct = forms.CharField(label=_("Populatiebudget: efficiencykorting (%)"), required=False)
    sleutel = forms.ChoiceField(
        label=_("Populatiebudget: verdeling over gemeenten"),
        choices=[("inwoners", _("Naar inwonertal")), ("historisch", _("Naar werkelijke uitgaven"))],
        required=False,
    )

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.eigen_gemeenten = gemeenten
        self.fields["gemeenten"].queryset = gemeenten

    def clean_tarieven(self):
        tarieven = {}
        for nr, regel in enumerate(self.cleaned_data["tarieven"].splitlines(), start=1):
            if not regel.strip():
                continue
            code, is_, bedrag = regel.partition("=")
            if not is_ or not code.strip() or not bedrag.strip():
                raise ValidationError(
                    _("Regel %(nr)s: schrijf productcode=bedrag, bijvoorbeeld 10A01=650,00.") % {"nr": nr}
                )
            tarieven[code.strip().upper()] = bedrag.strip()
        return tarieven

    def clean(self):
        data = super().clean()
        gemeenten = list(data.get("gemeenten") or [])
        if not gemeenten and data.get("regio"):
            gemeenten = list(self.eigen_gemeenten.filter(regio=data["regio"]))
            if not gemeenten:
                self.add_error("regio", _("U werkt voor geen enkele gemeente in deze regio."))
        if not gemeenten and not self.errors:
            self.add_error("gemeenten", _("Kies een regio of minstens één gemeente."))
        data["gemeenten"] = gemeenten
        model = data.get("model")
        if model:
            ruw = {k: data.get(k) for k in ("percentage", "tarief", "tarieven", "korting_pct", "sleutel")}
            try:
                parameters_lezen(model, ruw)
            except ValidationError as fout:
                for veld, meldingen in fout.message_dict.items():
                    self.add_error(veld if veld in self.fields else None, meldingen)
            data["parameters"] = {k: v for k, v in ruw.items() if v not in (None, "", {})}
        return data

"""Forms of the contract-management screens; the views pass cleaned data to `inkoop.services`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from openwmo.catalogus.models import Product

from .models import (
    Aanbesteding,
    Aanbieder,
    Budgetafspraak,
    Contract,
    ContractProduct,
    Perceel,
    Prestatieafspraak,
    Subsidie,
    Tarief,
)


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def bedragvelden(form, *namen):
    """Amounts accept a decimal comma (61,25) as well as a point: a text box, localised."""
    for naam in namen:
        veld = form.fields[naam]
        veld.localize = True
        veld.widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
        veld.widget.is_localized = True


class AanbiederForm(forms.ModelForm):
    class Meta:
        model = Aanbieder
        fields = ["naam", "agb_code", "kvk_nummer", "soort"]


class SamenwerkingsverbandForm(forms.Form):
    aanbieder = forms.ModelChoiceField(
        Aanbieder.objects.filter(samenwerkingsverband__isnull=True),
        label=_("Samenwerkingsverband (als aanbieder met eigen AGB-code)"),
    )
    penvoerder = forms.ModelChoiceField(Aanbieder.objects.all(), label=_("Penvoerder"))
    leden = forms.ModelMultipleChoiceField(
        Aanbieder.objects.all(), label=_("Leden"), widget=forms.CheckboxSelectMultiple, required=False
    )


class AanbestedingForm(forms.ModelForm):
    class Meta:
        model = Aanbesteding
        fields = ["naam", "procedure", "regio", "publicatiedatum", "gunningsdatum"]
        widgets = {"publicatiedatum": DatumInput(), "gunningsdatum": DatumInput()}


class PerceelForm(forms.ModelForm):
    class Meta:
        model = Perceel
        fields = ["naam", "soort", "gemeenten"]
        widgets = {"gemeenten": forms.CheckboxSelectMultiple}


class ContractForm(forms.ModelForm):
    class Meta:
        model = Contract
        fields = [
            "nummer",
            "aanbieder",
            "perceel",
            "gemeenten",
            "ingangsdatum",
            "einddatum",
            "verlenging_jaren",
            "verlengingen_maximaal",
        ]
        widgets = {
            "gemeenten": forms.CheckboxSelectMultiple,
            "ingangsdatum": DatumInput(),
            "einddatum": DatumInput(),
        }
        help_texts = {
            "gemeenten": _("Leeg bij een perceel: alle deelnemende gemeenten van het perceel."),
            "verlenging_jaren": _("Bij 2+2: 2 jaar per verlenging, 1 verlengingsoptie."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeenten"].required = False
        self.fields["perceel"].queryset = Perceel.objects.select_related("aanbesteding")


class ContractProductForm(forms.ModelForm):
    class Meta:
        model = ContractProduct
        fields = ["product", "bekostigingsvorm"]


class TariefForm(forms.ModelForm):
    class Meta:
        model = Tarief
        fields = ["product", "ingangsdatum", "einddatum", "bedrag", "indexatie_pct"]
        widgets = {"ingangsdatum": DatumInput(), "einddatum": DatumInput()}

    def __init__(self, *args, contract, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.contract = contract
        self.fields["product"].queryset = Product.objects.filter(contractproduct__contract=contract)
        self.fields["product"].help_text = _("Alleen producten die in het contract staan.")
        bedragvelden(self, "bedrag", "indexatie_pct")


class IndexerenForm(forms.Form):
    jaar = forms.IntegerField(label=_("Jaar van de nieuwe tarieven"), min_value=2000, max_value=2100)
    percentage = forms.DecimalField(
        label=_("Indexatiepercentage"),
        max_digits=5,
        decimal_places=2,
        localize=True,
        min_value=-99,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )


class ToetredenForm(forms.Form):
    aanbieder = forms.ModelChoiceField(Aanbieder.objects.all(), label=_("Toetredende aanbieder"))
    toetredingsdatum = forms.DateField(label=_("Toetredingsdatum"), widget=DatumInput())
    nummer = forms.CharField(
        label=_("Contractnummer"),
        max_length=50,
        required=False,
        help_text=_("Leeg: het nummer van dit contract met de AGB-code van de aanbieder."),
    )


class PrestatieafspraakForm(forms.ModelForm):
    class Meta:
        model = Prestatieafspraak
        fields = ["indicator", "streefwaarde", "eenheid"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bedragvelden(self, "streefwaarde")


class BudgetafspraakForm(forms.ModelForm):
    class Meta:
        model = Budgetafspraak
        fields = ["gemeente", "perceel", "jaar", "bedrag"]

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten
        bedragvelden(self, "bedrag")

    def validate_unique(self):
        """The service checks uniqueness and names the field."""


class SubsidieForm(forms.ModelForm):
    class Meta:
        model = Subsidie
        fields = ["gemeente", "jaar", "bedrag", "omschrijving"]

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten
        bedragvelden(self, "bedrag")

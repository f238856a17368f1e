"""Forms of the consultant's screens. They only collect input; the services hold the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from openwmo.catalogus.codelijsten import EENHEID, FREQUENTIE, GESLACHT, REDEN_BEEINDIGING, REDEN_WIJZIGING, choices
from openwmo.catalogus.models import Arrangement, Product, Resultaatgebied, Trajecttype

from .codelijsten import ZRM_DOMEINEN, ZRM_SCORES
from .models import Beschikking, DoelEvaluatie, Melding, Uitvoeringsvariant, Vervolgstap


class Datum(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _leeg(keuzes):
    return [("", "---------"), *keuzes]


class MeldingForm(forms.Form):
    meldingsdatum = Datum(label=_("Meldingsdatum"))
    kanaal = forms.ChoiceField(label=_("Kanaal"), choices=_leeg(Melding.Kanaal.choices))
    vraag = forms.CharField(label=_("Hulpvraag"), widget=forms.Textarea(attrs={"rows": 3}))


class NieuweClientForm(forms.Form):
    bsn = forms.CharField(label=_("BSN"), max_length=9)
    voorletters = forms.CharField(label=_("Voorletters"), max_length=10, required=False)
    voorvoegsel = forms.CharField(label=_("Voorvoegsel"), max_length=10, required=False)
    achternaam = forms.CharField(label=_("Achternaam"), max_length=200)
    geboortedatum = Datum(label=_("Geboortedatum"))
    geslacht = forms.ChoiceField(label=_("Geslacht"), choices=choices(GESLACHT), initial="0")
    postcode = forms.CharField(label=_("Postcode"), max_length=6, required=False)
    huisnummer = forms.IntegerField(label=_("Huisnummer"), required=False, min_value=1)
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=None)

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten
        if gemeenten.count() == 1:
            self.fields["gemeente"].initial = gemeenten.first()


class ZrmVeldenMixin:
    """Adds one select per ZRM-2017 domain (fields zrm_<code>)."""

    def voeg_zrm_toe(self):
        for code, naam in ZRM_DOMEINEN.items():
            self.fields[f"zrm_{code}"] = forms.TypedChoiceField(
                label=_("ZRM: %(domein)s") % {"domein": naam}, choices=_leeg(ZRM_SCORES.items()), coerce=int
            )

    def zrm_scores(self) -> dict[str, int]:
        return {code: self.cleaned_data[f"zrm_{code}"] for code in ZRM_DOMEINEN}


class OnderzoekForm(ZrmVeldenMixin, forms.Form):
    datum = Datum(label=_("Datum gesprek"))
    deelnemers = forms.CharField(label=_("Deelnemers"), max_length=500, help_text=_("Wie namen deel aan het gesprek?"))
    verslag = forms.CharField(label=_("Verslag"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.voeg_zrm_toe()


class PlanForm(forms.Form):
    ingangsdatum = Datum(label=_("Ingangsdatum"))
    voor_huishouden = forms.BooleanField(label=_("Plan voor het hele huishouden"), required=False)
    evaluatiedatum = Datum(label=_("Geplande evaluatie"), required=False)
    toelichting = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DoelForm(forms.Form):
    resultaatgebied = forms.ModelChoiceField(label=_("Resultaatgebied"), queryset=Resultaatgebied.objects.all())
    omschrijving = forms.CharField(label=_("Doel"), max_length=500)
    bijdrage_client = forms.CharField(label=_("Bijdrage cliënt"), required=False)
    bijdrage_netwerk = forms.CharField(label=_("Bijdrage netwerk"), required=False)
    bijdrage_algemene_voorziening = forms.CharField(label=_("Bijdrage algemene voorzieningen"), required=False)
    bijdrage_maatwerk = forms.CharField(label=_("Bijdrage maatwerkondersteuning"), required=False)


class AanvraagForm(forms.Form):
    aanvraagdatum = Datum(label=_("Aanvraagdatum"))
    omschrijving = forms.CharField(label=_("Wat vraagt de cliënt aan?"), widget=forms.Textarea(attrs={"rows": 3}))
    melding = forms.ModelChoiceField(label=_("Naar aanleiding van melding"), queryset=None, required=False)

    def __init__(self, *args, meldingen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["melding"].queryset = meldingen


class BeschikkingForm(forms.Form):
    SOORTEN = [
        ("product", _("Product met volume (inspanningsgericht)")),
        ("arrangement", _("Arrangement, vast bedrag per 4 weken (outputgericht)")),
        ("traject", _("Traject: zorgvorm + intensiteit + duur")),
    ]
    besluit = forms.ChoiceField(label=_("Besluit"), choices=Beschikking.Besluit.choices, widget=forms.RadioSelect)
    besluitdatum = Datum(label=_("Besluitdatum"))
    ingangsdatum = Datum(label=_("Ingangsdatum"))
    einddatum = Datum(label=_("Einddatum"), required=False)
    motivering = forms.CharField(label=_("Motivering"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    soort = forms.ChoiceField(label=_("Wat wordt toegekend?"), choices=SOORTEN, required=False)
    product = forms.ModelChoiceField(label=_("Product"), queryset=Product.objects.all(), required=False)
    volume = forms.DecimalField(label=_("Volume"), required=False, min_value=0, decimal_places=2)
    eenheid = forms.ChoiceField(label=_("Eenheid"), choices=_leeg(choices(EENHEID)), required=False)
    frequentie = forms.ChoiceField(label=_("Frequentie"), choices=_leeg(choices(FREQUENTIE)), required=False)
    arrangement = forms.ModelChoiceField(label=_("Arrangement"), queryset=Arrangement.objects.all(), required=False)
    trajecttype = forms.ModelChoiceField(label=_("Traject"), queryset=Trajecttype.objects.all(), required=False)
    voorkeur_aanbieder = forms.ModelChoiceField(label=_("Gekozen aanbieder"), queryset=None, required=False)

    def __init__(self, *args, aanbieders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["voorkeur_aanbieder"].queryset = aanbieders

    def producten(self) -> list[dict]:
        data = self.cleaned_data
        if data["besluit"] == Beschikking.Besluit.AFGEWEZEN or not data.get("soort"):
            return []
        regel = {"voorkeur_aanbieder": data.get("voorkeur_aanbieder")}
        if data["soort"] == "arrangement":
            regel["arrangement"] = data.get("arrangement")
            if regel["arrangement"] is None:
                self.add_error("arrangement", _("Kies het arrangement dat wordt toegekend."))
        elif data["soort"] == "traject":
            regel["trajecttype"] = data.get("trajecttype")
            if regel["trajecttype"] is None:
                self.add_error("trajecttype", _("Kies het traject dat wordt toegekend."))
        else:
            regel.update(
                product=data.get("product"),
                uitvoeringsvariant=Uitvoeringsvariant.INSPANNINGSGERICHT,
                volume=data.get("volume"),
                eenheid=data.get("eenheid") or "",
                frequentie=data.get("frequentie") or "",
            )
        return [regel]


class ToewijzingForm(forms.Form):
    aanbieder = forms.ModelChoiceField(
        label=_("Aanbieder"),
        queryset=None,
        help_text=_("Alleen aanbieders met een contract en tarief voor dit product."),
    )
    ingangsdatum = Datum(label=_("Ingangsdatum"))
    einddatum = Datum(label=_("Einddatum"), required=False)
    volume = forms.DecimalField(label=_("Volume"), required=False, min_value=0, decimal_places=2)
    eenheid = forms.ChoiceField(label=_("Eenheid"), choices=_leeg(choices(EENHEID)), required=False)
    frequentie = forms.ChoiceField(label=_("Frequentie"), choices=_leeg(choices(FREQUENTIE)), required=False)
    intensiteit_uren_per_week = forms.DecimalField(
        label=_("Intensiteit (uur per week)"), required=False, min_value=0, decimal_places=2
    )
    overgang_goedkeuring = forms.CharField(
        label=_("Goedkeuring overgangsregel"),
        required=False,
        help_text=_("Alleen nodig als voor dit product een overgangsregel geldt."),
    )

    def __init__(self, *args, aanbieders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanbieder"].queryset = aanbieders


class ToewijzingWijzigenForm(forms.Form):
    ingangsdatum = Datum(label=_("Wijziging gaat in op"))
    reden_wijziging = forms.ChoiceField(label=_("Reden wijziging"), choices=_leeg(choices(REDEN_WIJZIGING)))
    volume = forms.DecimalField(label=_("Nieuw volume"), required=False, min_value=0, decimal_places=2)
    einddatum = Datum(label=_("Nieuwe einddatum"), required=False)


class ToewijzingBeeindigenForm(forms.Form):
    einddatum = Datum(label=_("Laatste dag van de toewijzing"))
    reden_beeindiging = forms.ChoiceField(label=_("Reden beëindiging"), choices=_leeg(choices(REDEN_BEEINDIGING)))


class IntensiteitForm(forms.Form):
    ingangsdatum = Datum(label=_("Gaat in op"))
    naar_uren_per_week = forms.DecimalField(label=_("Nieuwe intensiteit (uur per week)"), min_value=0, decimal_places=2)
    reden = forms.CharField(label=_("Reden"), max_length=500)


class ContactmomentForm(forms.Form):
    datum = Datum(label=_("Datum van het contact"))
    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=200, required=False)


class EvaluatieForm(ZrmVeldenMixin, forms.Form):
    datum = Datum(label=_("Evaluatiedatum"))
    tevredenheid = forms.TypedChoiceField(
        label=_("Tevredenheid cliënt (1–10)"), choices=_leeg([(i, str(i)) for i in range(1, 11)]), coerce=int
    )
    vervolgstap = forms.ChoiceField(label=_("Vervolgstap"), choices=_leeg(Vervolgstap.choices))
    vervolgstap_datum = Datum(label=_("Vervolgstap gaat in op"))
    toewijzing = forms.ModelChoiceField(label=_("Over toewijzing / traject"), queryset=None, required=False)
    volgende_evaluatiedatum = Datum(label=_("Volgende evaluatie"), required=False)
    toelichting = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, doelen, toewijzingen, **kwargs):
        super().__init__(*args, **kwargs)
        self.doelen = list(doelen)
        self.fields["toewijzing"].queryset = toewijzingen
        for doel in self.doelen:
            self.fields[f"doel_{doel.pk}"] = forms.ChoiceField(
                label=_("Doel: %(doel)s") % {"doel": doel.omschrijving},
                choices=_leeg(DoelEvaluatie.Uitkomst.choices),
            )
        self.voeg_zrm_toe()

    def uitkomsten(self) -> dict:
        return {doel: self.cleaned_data[f"doel_{doel.pk}"] for doel in self.doelen}

"""The dashboards' filter form: area (a municipality or a region), year, reference date and filters.

Only municipalities the user may see are offered; a region stands for the user's municipalities in it.
"""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from openwmo.catalogus.models import Product, Voorzieningsoort
from openwmo.core.models import Wijk
from openwmo.core.selectors import gemeenten_voor
from openwmo.inkoop.models import Aanbieder

from .tabellen import Scope

EERSTE_JAAR = 2014


def _jaren() -> list[tuple[str, str]]:
    return [(str(j), str(j)) for j in range(date.today().year + 1, EERSTE_JAAR - 1, -1)]


class FilterForm(forms.Form):
    gebied = forms.ChoiceField(label=_("Gemeente of regio"))
    jaar = forms.TypedChoiceField(label=_("Jaar"), coerce=int)
    peildatum = forms.DateField(
        label=_("Peildatum"),
        required=False,
        help_text=_("Leeg: 1 januari van het jaar."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    wijk = forms.ModelChoiceField(label=_("Wijk"), queryset=Wijk.objects.none(), required=False, empty_label=_("Alle"))
    product = forms.ModelChoiceField(
        label=_("Product"), queryset=Product.objects.all(), required=False, empty_label=_("Alle")
    )
    aanbieder = forms.ModelChoiceField(
        label=_("Aanbieder"), queryset=Aanbieder.objects.order_by("naam"), required=False, empty_label=_("Alle")
    )
    segment = forms.ChoiceField(
        label=_("Segment"), required=False, choices=[("", _("Alle"))] + list(Voorzieningsoort.Soort.choices)
    )

    def __init__(self, data, *, user, alleen_regio: bool = False):
        self.gemeenten = list(gemeenten_voor(user).select_related("regio").order_by("naam"))
        gegeven = {k: v for k, v in (data or {}).items() if v not in ("", None)}
        if alleen_regio and str(gegeven.get("gebied", "")).startswith("g:"):
            # the region view of a municipality: its region (as far as the user may see it)
            gemeente = next((g for g in self.gemeenten if f"g:{g.cbs_code}" == gegeven["gebied"]), None)
            if gemeente is not None and gemeente.regio_id:
                gegeven["gebied"] = f"r:{gemeente.regio.code}"
        super().__init__({**self._standaard(alleen_regio), **gegeven})
        self.fields["jaar"].choices = _jaren()
        self.fields["gebied"].choices = self._gebieden(alleen_regio)
        self.fields["wijk"].queryset = Wijk.objects.filter(gemeente__in=self.gemeenten).select_related("gemeente")
        self.fields["wijk"].label_from_instance = lambda w: f"{w.gemeente.naam}: {w.naam}"

    def _regios(self) -> dict[str, tuple[str, list]]:
        regios: dict[str, tuple[str, list]] = {}
        for g in self.gemeenten:
            if g.regio_id:
                regios.setdefault(g.regio.code, (g.regio.naam, []))[1].append(g)
        return regios

    def _gebieden(self, alleen_regio: bool) -> list[tuple[str, str]]:
        keuzes = [(f"r:{code}", _("Regio %(naam)s") % {"naam": naam}) for code, (naam, _g) in self._regios().items()]
        if not alleen_regio:
            keuzes += [(f"g:{g.cbs_code}", g.naam) for g in self.gemeenten]
        return keuzes

    def _standaard(self, alleen_regio: bool) -> dict:
        regios = self._regios()
        if alleen_regio and regios:
            gebied = f"r:{next(iter(regios))}"
        else:
            gebied = f"g:{self.gemeenten[0].cbs_code}" if self.gemeenten else ""
        return {"gebied": gebied, "jaar": str(date.today().year)}

    def gekozen_gemeenten(self) -> tuple:
        soort, _dubbelepunt, code = self.cleaned_data["gebied"].partition(":")
        if soort == "r":
            return tuple(self._regios()[code][1])
        return tuple(g for g in self.gemeenten if g.cbs_code == code)

    def clean(self):
        schoon = super().clean()
        if "gebied" in schoon and not self.errors:
            wijk = schoon.get("wijk")
            if wijk is not None and wijk.gemeente not in self.gekozen_gemeenten():
                self.add_error("wijk", _("Deze wijk hoort niet bij de gekozen gemeente of regio."))
            peildatum = schoon.get("peildatum")
            if peildatum and peildatum.year != schoon.get("jaar"):
                self.add_error("peildatum", _("De peildatum moet in het gekozen jaar liggen."))
        return schoon

    def scope(self) -> Scope:
        """The scope of a valid form."""
        d = self.cleaned_data
        jaar = d["jaar"]
        return Scope(
            gemeenten=self.gekozen_gemeenten(),
            peildatum=d.get("peildatum") or date(jaar, 1, 1),
            van=date(jaar, 1, 1),
            tot=date(jaar, 12, 31),
            wijk=d.get("wijk"),
            product=d.get("product"),
            aanbieder=d.get("aanbieder"),
            segment=d.get("segment") or "",
        )

    def querystring(self) -> str:
        """The filters as a query string, for the export links."""
        from django.http import QueryDict

        qd = QueryDict(mutable=True)
        for naam in self.fields:
            waarde = self.data.get(naam)
            if waarde not in (None, ""):
                qd[naam] = waarde
        return qd.urlencode()

from django import forms
from django.utils.translation import gettext_lazy as _


class ClientZoekForm(forms.Form):
    q = forms.CharField(label=_("Zoek op achternaam of BSN"), required=False, max_length=100)

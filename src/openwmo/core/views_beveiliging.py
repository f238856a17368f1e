"""Two-factor authentication pages: set up an authenticator app (TOTP) and enter a code after the password."""

from base64 import b32encode

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .audit import Actie, log_verwerking
from .beveiliging import tweestaps_voltooid


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        help_text=gettext_lazy("De zescijferige code uit uw authenticator-app, of een van uw reservecodes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


def _volgende(request) -> str:
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return volgende
    return "/"


def _geverifieerd(request, device):
    otp_login(request, device)
    request.session.cycle_key()  # a new session id once the second factor is in


class TweestapsControlerenView(LoginRequiredMixin, FormView):
    """After the password: enter the code from the authenticator app (or a backup code)."""

    template_name = "beveiliging/tweestaps_controleren.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            if tweestaps_voltooid(request.user):
                return redirect(_volgende(request))
            if not user_has_device(request.user):
                return redirect(f"{reverse('beveiliging:tweestaps-instellen')}?{request.GET.urlencode()}")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=_volgende(self.request), **kwargs)

    def form_valid(self, form):
        device = match_token(self.request.user, form.cleaned_data["code"])
        if device is None:
            form.add_error("code", _("Deze code is onjuist of verlopen. Probeer het opnieuw met een nieuwe code."))
            return self.form_invalid(form)
        _geverifieerd(self.request, device)
        return redirect(_volgende(self.request))


class TweestapsInstellenView(LoginRequiredMixin, FormView):
    """Link an authenticator app: show a QR code and the secret, confirm with a first code."""

    template_name = "beveiliging/tweestaps_instellen.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        # Whoever has a second factor already must use it before adding another one: a stolen password alone
        # must never be enough to link an attacker's app.
        if request.user.is_authenticated and user_has_device(request.user) and not tweestaps_voltooid(request.user):
            return redirect(f"{reverse('beveiliging:tweestaps')}?{request.GET.urlencode()}")
        return super().dispatch(request, *args, **kwargs)

    def _apparaat(self) -> TOTPDevice:
        apparaat = TOTPDevice.objects.filter(user=self.request.user, confirmed=False).order_by("pk").first()
        return apparaat or TOTPDevice.objects.create(user=self.request.user, name="Authenticator-app", confirmed=False)

    def get_context_data(self, **kwargs):
        apparaat = self._apparaat()
        geheim = b32encode(apparaat.bin_key).decode()
        qr = segno.make(apparaat.config_url, error="m")
        return super().get_context_data(
            qr_svg=qr.svg_inline(scale=5, title=_("QR-code voor uw authenticator-app")),
            geheim=" ".join(geheim[i : i + 4] for i in range(0, len(geheim), 4)),
            heeft_apparaat=any(True for _d in devices_for_user(self.request.user)),
            next=_volgende(self.request),
            **kwargs,
        )

    def form_valid(self, form):
        apparaat = self._apparaat()
        if not apparaat.verify_token(form.cleaned_data["code"]):
            form.add_error("code", _("Deze code klopt niet. Controleer de tijd op uw telefoon en probeer het opnieuw."))
            return self.form_invalid(form)
        apparaat.confirmed = True
        apparaat.save(update_fields=["confirmed"])
        log_verwerking(
            self.request.user,
            Actie.AANMAKEN,
            activiteit="Tweestapsverificatie instellen",
            doel="Beveiliging van de toegang",
            object_type="TOTPDevice",
            object_id=apparaat.pk,
        )
        _geverifieerd(self.request, apparaat)
        messages.success(self.request, _("Tweestapsverificatie is ingesteld."))
        return redirect(_volgende(self.request))

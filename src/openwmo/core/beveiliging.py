"""Login protection and security headers: lockout backend, two-factor enforcement, Permissions-Policy.

See docs/security.md for the policy these implement.
"""

from urllib.parse import urlencode

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse

from .rollen import Rol


class InlogBlokkadeBackend(AxesStandaloneBackend):
    """django-axes' lockout check, as the first authentication backend.

    Every login over HTTP (our login page, the admin login, DRF) passes the request and is throttled per
    username + IP address. `authenticate()` without a request only happens in Python code (the shell, management
    commands, the test client's `login()`); there is no client IP to throttle on, so this backend then steps aside
    instead of refusing, and the next backend checks the password as usual.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def tweestaps_vereist(user) -> bool:
    """Whether this user must pass the second factor: everyone with admin access."""
    if not getattr(settings, "OPENWMO_2FA_VERPLICHT", True):
        return False
    if not user.is_authenticated:
        return False
    return bool(user.is_staff or user.is_superuser or user.rol == Rol.BEHEERDER)


def tweestaps_voltooid(user) -> bool:
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


# Paths a user who still owes the second factor may open: the two-factor pages themselves and logging out.
_VRIJE_ROUTES = ("beveiliging:tweestaps", "beveiliging:tweestaps-instellen", "logout", "admin:logout")


class TweestapsVerplichtMiddleware:
    """Sends staff who logged in with a password but not yet with a second factor to the two-factor page.

    Must come after django_otp's OTPMiddleware (which adds `user.is_verified()`). Covers every page, including
    the admin (/beheer/), so there is no way around it once a password is accepted.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and tweestaps_vereist(user) and not tweestaps_voltooid(user):
            vrij = {reverse(naam) for naam in _VRIJE_ROUTES}
            static_url = "/" + settings.STATIC_URL.lstrip("/")
            if request.path not in vrij and not request.path.startswith(static_url):
                return redirect(f"{reverse('beveiliging:tweestaps')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header: switch off browser features (camera, location …) Open Wmo never uses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.OPENWMO_PERMISSIONS_POLICY)
        return response


def blokkade_response(request, original_response=None, credentials=None):
    """The Dutch lockout page (AXES_LOCKOUT_CALLABLE), status 429, saying how long the lockout lasts."""
    from axes.helpers import get_cool_off, get_failure_limit

    cool_off = get_cool_off(request)
    context = {
        "pogingen": get_failure_limit(request, credentials),
        "minuten": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    return render(request, "beveiliging/geblokkeerd.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)

"""Security headers on every page, and no inline script or style that the Content-Security-Policy would block."""

import re
from pathlib import Path

from django.urls import reverse

import openwmo

TEMPLATES = Path(openwmo.__file__).parent / "templates"


def test_pages_carry_the_security_headers(client, db):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_session_cookie_is_httponly_samesite_and_expires(client, consulent_rijswijk):
    response = client.post(reverse("login"), {"username": consulent_rijswijk.username, "password": "geheim-wachtwoord"})
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert client.session.get_expiry_age() == 30 * 60


PDF_MARKERING = "{# PDF-sjabloon"


def test_templates_have_no_inline_script_or_style():
    """The CSP blocks inline code: scripts and styles belong in static files (data via json_script).

    Templates rendered only to PDF by WeasyPrint (never served to a browser) start with PDF_MARKERING.
    """
    overtredingen = []
    for pad in TEMPLATES.rglob("*.html"):
        tekst = pad.read_text()
        if tekst.startswith(PDF_MARKERING):
            assert "<script" not in tekst, f"{pad}: a PDF template has no scripts"
            continue
        for script in re.findall(r"<script\b[^>]*>", tekst):
            if "src=" not in script and 'type="application/json"' not in script:
                overtredingen.append(f"{pad.relative_to(TEMPLATES)}: {script}")
        if re.search(r"<style\b|\sstyle=\"|\son[a-z]+=\"", tekst):
            overtredingen.append(f"{pad.relative_to(TEMPLATES)}: inline style or event handler")
    assert not overtredingen, "\n".join(overtredingen)

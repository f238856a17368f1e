"""Browser tests: Playwright's Python package driving Debian's Chromium (/usr/bin/chromium), headless.

Playwright's sync API runs an event loop in the test thread; the Django ORM calls the tests make for
set-up are synchronous and safe here, so DJANGO_ALLOW_ASYNC_UNSAFE is set for this folder only.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("OPENWMO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium niet gevonden op {CHROMIUM}: installeer Debian's pakket 'chromium'.")
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@pytest.fixture
def page(browser, artefacten_dir, request):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    page.screenshot(path=str(Path(artefacten_dir) / f"{request.node.name}.png"), full_page=True)
    context.close()

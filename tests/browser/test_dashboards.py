"""Every dashboard in Chromium on Rijswijk's planner data: charts drawn, 0 WCAG 2.1 AA violations (axe-core)."""

from pathlib import Path

import pytest

from openwmo.demo.gebruikers import demo_gebruikers_aanmaken
from openwmo.monitoring.dashboards import DASHBOARDS

pytestmark = pytest.mark.browser

# axe-core is loaded from our own static files: the strict CSP (script-src 'self') forbids inline scripts.
AXE_URL = "/static/vendor/axe-core/axe.min.js"
AXE_RUN = """async () => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}});
  return r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '));
}"""
GETEKEND = """() => [...document.querySelectorAll('canvas[data-grafiek]')].map(c => {
  const chart = window.Chart && Chart.getChart(c);
  const ctx = c.getContext('2d');
  const pixels = ctx.getImageData(0, 0, c.width, c.height).data;
  let gevuld = 0;
  for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { gevuld++; } }
  return {chart: !!chart, punten: chart ? chart.data.datasets.reduce((n, d) => n + d.data.length, 0) : 0, gevuld};
})"""


@pytest.fixture
def rijswijk_demo(transactional_db):
    from openwmo.catalogus.referentie import referentiegegevens_laden
    from openwmo.demo.planner import plan
    from openwmo.demo.scenario import load_scenario
    from openwmo.demo.schrijver import plan_opslaan

    referentiegegevens_laden()
    scenario = load_scenario().restricted_to("0603")
    plan_opslaan(scenario, plan(scenario, seed=2017))
    demo_gebruikers_aanmaken()


def _controleer(page, artefacten_dir, naam):
    page.wait_for_load_state("load")
    tekeningen = page.evaluate(GETEKEND)
    page.screenshot(path=str(Path(artefacten_dir) / f"sturing-{naam}.png"), full_page=True)
    page.add_script_tag(url=AXE_URL)
    schendingen = page.evaluate(AXE_RUN)
    assert schendingen == [], f"{naam}: {schendingen}"
    return tekeningen


def test_controller_sees_every_dashboard_with_drawn_charts_and_no_wcag_violations(
    page, live_server, rijswijk_demo, artefacten_dir
):
    page.goto(f"{live_server.url}/")
    page.get_by_label("Gebruikersnaam").fill("controller")
    page.get_by_label("Wachtwoord").fill("demo-controller")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Sturingsinformatie").first.click()
    page.get_by_role("heading", name="Sturingsinformatie", level=1).wait_for()
    _controleer(page, artefacten_dir, "overzicht")
    for slug, dashboard in DASHBOARDS.items():
        page.goto(f"{live_server.url}/sturing/{slug}/?gebied=g:0603&jaar=2016")
        page.get_by_role("heading", name=dashboard.titel, level=1).wait_for()
        tekeningen = _controleer(page, artefacten_dir, slug)
        assert tekeningen, f"{slug}: geen grafieken"
        for tekening in tekeningen:
            assert tekening["chart"] and tekening["gevuld"] > 1000, (slug, tekening)
        # Rijswijk has data: at least one chart of the page has data points
        assert any(t["punten"] for t in tekeningen), slug
    # the outcomes page: goals, cost per goal, ZRM and satisfaction, each table charted from Rijswijk's evaluations
    page.goto(f"{live_server.url}/sturing/uitkomsten/?gebied=g:0603&jaar=2016")
    page.get_by_role("heading", name="Uitkomsten", level=1).wait_for()
    tekeningen = _controleer(page, artefacten_dir, "uitkomsten-2016")
    assert len(tekeningen) == 8 and all(t["punten"] for t in tekeningen), tekeningen
    assert page.get_by_role("heading", name="ZRM-ontwikkeling", exact=False).first.is_visible()
    page.goto(f"{live_server.url}/sturing/doelenboom/?gebied=g:0603&jaar=2016")
    page.get_by_role("heading", name="Doelenboom / indicatoren", level=1).wait_for()
    _controleer(page, artefacten_dir, "doelenboom")
    assert page.get_by_role("heading", name="Throughput").is_visible()

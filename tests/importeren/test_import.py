"""Importing existing data: the example set, each kind of error, all-or-nothing per file, idempotence, round trip."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from openwmo.core.models import Client
from openwmo.declaraties.models import Declaratie, Prestatie
from openwmo.importeren.bestanden import lees_map, lees_upload
from openwmo.importeren.export import als_csv, als_xlsx, exporteer, rijen_voor_export
from openwmo.importeren.service import ImportOpties, importeer
from openwmo.inkoop.models import Aanbieder
from openwmo.toegang.models import Beschikking, Toewijzing

from .conftest import VOORBEELD, vervang, voeg_toe

pytestmark = pytest.mark.django_db
MIGRATIE = ImportOpties(historisch=True, aanbieders_aanmaken=True)


def _fouten(resultaat, bestand):
    return [(f.rij, f.kolom, f.melding) for f in resultaat.fouten if f.bestand == bestand]


def test_the_example_file_set_imports_cleanly(referentie):
    resultaat = importeer(lees_map(VOORBEELD), MIGRATIE)
    assert resultaat.geslaagd, resultaat.samenvatting()
    assert (Client.objects.count(), Beschikking.objects.count(), Toewijzing.objects.count()) == (4, 3, 4)
    zoetermeer = Client.objects.get(bsn="999990032")
    assert zoetermeer.wijk.code == "03" and zoetermeer.gemeente.cbs_code == "0637"
    beeindigd = Toewijzing.objects.get(toewijzingsnummer="20230003")
    assert beeindigd.reden_beeindiging == "19" and beeindigd.beschikking.beschikkingsnummer == "B-2023-002"
    # The claims are stored with the outcome of the claim checks: rejected with 0611, as the migrated providers
    # have no contract tariff in Open Wmo.
    regels = Prestatie.objects.order_by("referentienummer")
    assert [(p.referentienummer, p.status, p.retourcodes) for p in regels] == [
        ("D20230001-1", "afgekeurd", "0611"),
        ("D20230002-1", "afgekeurd", "0611"),
    ]
    assert {d.bron for d in Declaratie.objects.all()} == {"csv"}
    assert "declaraties.csv: 2 rijen; 2 nieuw" in resultaat.samenvatting()


def test_rerunning_the_same_import_changes_nothing(referentie):
    importeer(lees_map(VOORBEELD), MIGRATIE)
    tweede = importeer(lees_map(VOORBEELD), MIGRATIE)
    assert tweede.geslaagd
    assert [(b.naam, b.aangemaakt, b.bijgewerkt, b.ongewijzigd) for b in tweede.bestanden] == [
        ("clienten", 0, 0, 4),
        ("beschikkingen", 0, 0, 3),
        ("toewijzingen", 0, 0, 4),
        ("declaraties", 0, 0, 2),
    ]
    assert Toewijzing.objects.count() == 4 and Aanbieder.objects.count() == 3
    assert Declaratie.objects.count() == 2 and Prestatie.objects.count() == 2


def test_a_dry_run_writes_nothing_and_reports_what_would_happen(referentie):
    resultaat = importeer(lees_map(VOORBEELD), ImportOpties(dry_run=True, historisch=True, aanbieders_aanmaken=True))
    assert resultaat.geslaagd and resultaat.bestanden[2].aangemaakt == 4
    assert "Proefimport: er is niets opgeslagen." in resultaat.samenvatting()
    assert not Client.objects.exists() and not Aanbieder.objects.exists()
    assert not Declaratie.objects.exists()
    assert resultaat.bestanden[3].aangemaakt == 2  # the claims were checked through the claims service


def test_a_bad_bsn_is_reported_per_row_and_nothing_of_the_file_is_written(referentie, voorbeeld):
    vervang(voorbeeld / "clienten.csv", "999990020;", "999990021;")
    resultaat = importeer(lees_map(voorbeeld), MIGRATIE)
    assert _fouten(resultaat, "clienten.csv") == [(4, "bsn", "Dit BSN is ongeldig: het voldoet niet aan de elfproef.")]
    assert not Client.objects.exists()
    assert "NIET opgeslagen" in resultaat.samenvatting()


def test_partial_writes_the_good_rows(referentie, voorbeeld):
    vervang(voorbeeld / "clienten.csv", "999990020;", "999990021;")
    resultaat = importeer(lees_map(voorbeeld), ImportOpties(partial=True, historisch=True, aanbieders_aanmaken=True))
    assert Client.objects.count() == 3
    assert resultaat.bestanden[0].opgeslagen and len(resultaat.fouten) == 1


def test_an_unknown_product_is_refused_unless_products_may_be_created(referentie, voorbeeld):
    vervang(voorbeeld / "toewijzingen.csv", ";02;02A01;98000011;", ";02;02X99;98000011;")
    (voorbeeld / "declaraties.csv").unlink()
    resultaat = importeer(lees_map(voorbeeld), MIGRATIE)
    assert _fouten(resultaat, "toewijzingen.csv") == [
        (2, "productcode", "onbekend product 02/02X99 (maak het aan met --producten-aanmaken).")
    ]
    assert not Toewijzing.objects.exists() and Client.objects.count() == 4  # other files are written
    opnieuw = importeer(
        lees_map(voorbeeld), ImportOpties(historisch=True, aanbieders_aanmaken=True, producten_aanmaken=True)
    )
    assert opnieuw.geslaagd, opnieuw.samenvatting()
    assert Toewijzing.objects.get(toewijzingsnummer="20230001").product.naam == "Product 02X99 (geïmporteerd)"


def test_an_unknown_provider_is_refused_by_default(referentie):
    resultaat = importeer(lees_map(VOORBEELD), ImportOpties(historisch=True))
    assert (2, "aanbieder", "onbekende aanbieder met AGB-code 98000011 (maak hem aan met --aanbieders-aanmaken).") in (
        _fouten(resultaat, "toewijzingen.csv")
    )


def test_overlapping_allocations_are_refused(referentie, voorbeeld):
    voeg_toe(
        voorbeeld / "toewijzingen.csv",
        "20230009;;999990007;0603;02;02A01;98000012;2023-06-01;2023-08-31;2;04;2;;inspanningsgericht;zin;",
    )
    resultaat = importeer(lees_map(voorbeeld), MIGRATIE)
    [(rij, kolom, melding)] = _fouten(resultaat, "toewijzingen.csv")
    assert (rij, kolom) == (6, "ingangsdatum")
    assert "al toewijzing 20230001" in melding and "mogen niet overlappen" in melding
    assert not Toewijzing.objects.exists()


def test_historisch_skips_only_the_contract_check(referentie):
    zonder = importeer(lees_map(VOORBEELD), ImportOpties(aanbieders_aanmaken=True))
    assert any("geen contract met een tarief" in f.melding for f in zonder.fouten)
    assert not Toewijzing.objects.exists()


def test_a_claim_outside_its_allocation_is_reported(referentie, voorbeeld):
    vervang(voorbeeld / "declaraties.csv", "2023-02-01;2023-02-28;12", "2023-12-01;2024-01-31;12")
    resultaat = importeer(lees_map(voorbeeld), MIGRATIE)
    assert _fouten(resultaat, "declaraties.csv") == [
        (
            2,
            "begindatum",
            "de declaratieperiode 01-12-2023 t/m 31-01-2024 valt buiten de toewijzing (01-02-2023 t/m 31-12-2023).",
        )
    ]
    assert not Declaratie.objects.exists()  # all or nothing per file: the good claim is not stored either


def test_errors_in_a_row_name_every_column(referentie, voorbeeld):
    voeg_toe(voorbeeld / "clienten.csv", "12345;31-02-1950;2;;;;;;;;;0603;")
    resultaat = importeer(lees_map(voorbeeld), MIGRATIE)
    assert _fouten(resultaat, "clienten.csv") == [
        (6, "geboortedatum", "'31-02-1950' is geen datum; gebruik JJJJ-MM-DD of DD-MM-JJJJ."),
        (6, "achternaam", "is verplicht."),
    ]


def test_gemeente_option_refuses_rows_of_another_municipality(referentie):
    resultaat = importeer(lees_map(VOORBEELD), ImportOpties(gemeente="0603", historisch=True, aanbieders_aanmaken=True))
    assert (5, "gemeente", "0637 is niet de gekozen gemeente 0603 (--gemeente).") in _fouten(resultaat, "clienten.csv")


def test_import_then_export_gives_the_same_rows(referentie, tmp_path):
    importeer(lees_map(VOORBEELD), MIGRATIE)
    exporteer(tmp_path / "uit")
    for naam in ("clienten", "beschikkingen", "toewijzingen", "declaraties"):
        origineel = (VOORBEELD / f"{naam}.csv").read_text(encoding="utf-8").splitlines()
        export = (tmp_path / "uit" / f"{naam}.csv").read_text(encoding="utf-8-sig").splitlines()
        assert export == origineel, naam


def test_xlsx_round_trip_imports_the_same(referentie):
    importeer(lees_map(VOORBEELD), MIGRATIE)
    rijen = rijen_voor_export()
    werkboek = als_xlsx(rijen)
    Declaratie.objects.all().delete()
    Toewijzing.objects.all().delete()
    resultaat = importeer(lees_upload("export.xlsx", werkboek), MIGRATIE)
    assert resultaat.geslaagd, resultaat.samenvatting()
    assert [b.aangemaakt for b in resultaat.bestanden] == [0, 0, 4, 2]
    assert rijen_voor_export() == rijen


def test_export_defuses_formulas_and_import_restores_them(referentie, voorbeeld):
    vervang(voorbeeld / "clienten.csv", ";Bakker;", ';=HYPERLINK("http://x";"klik");')
    vervang(voorbeeld / "clienten.csv", ';=HYPERLINK("http://x";"klik");', ';"=HYPERLINK(""http://x"";""klik"")";')
    assert importeer(lees_map(voorbeeld), MIGRATIE).geslaagd
    rijen = rijen_voor_export()["clienten"]
    assert als_csv("clienten", rijen).decode("utf-8-sig").count("'=HYPERLINK") == 1
    data = io.BytesIO(als_xlsx(rijen_voor_export()))
    with zipfile.ZipFile(data) as archief:
        assert b"<f>" not in archief.read("xl/worksheets/sheet1.xml")
    assert Client.objects.get(bsn="999990007").achternaam.startswith("=HYPERLINK")
    tweede = importeer(lees_upload("export.xlsx", data.getvalue()), MIGRATIE)
    assert tweede.bestanden[0].ongewijzigd == 4


def test_import_command_prints_the_summary_and_fails_on_errors(referentie, voorbeeld, capsys):
    call_command("import_data", str(VOORBEELD), "--dry-run", "--historisch", "--aanbieders-aanmaken")
    assert "toewijzingen.csv: 4 rijen; 4 nieuw" in capsys.readouterr().out
    vervang(voorbeeld / "clienten.csv", "999990020;", "999990021;")
    with pytest.raises(CommandError, match="fouten"):
        call_command("import_data", str(voorbeeld), "--historisch", "--aanbieders-aanmaken")
    assert "FOUT clienten.csv rij 4, kolom bsn" in capsys.readouterr().out


def test_export_command_writes_the_four_files(referentie, tmp_path, capsys):
    call_command("import_data", str(VOORBEELD), "--historisch", "--aanbieders-aanmaken")
    call_command("export_data", str(tmp_path / "uit"), "--gemeente", "0637")
    assert "clienten: 1 rijen" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == [
        "beschikkingen.csv",
        "clienten.csv",
        "declaraties.csv",
        "toewijzingen.csv",
    ]


def test_claim_rows_go_through_the_claim_checks_and_are_stored_with_their_outcome(referentie, voorbeeld):
    """Two rows of one claim: one line inside the allocation's volume, one over it; the checks decide per line."""
    voeg_toe(
        voorbeeld / "declaraties.csv",
        "D20230001;98000011;0603;20230001;999990007;02A01;2023-02-01;2023-02-14;2;04;58.40;116.80;;",
    )
    resultaat = importeer(lees_map(voorbeeld), MIGRATIE)
    assert resultaat.geslaagd, resultaat.samenvatting()
    declaratie = Declaratie.objects.get(declaratienummer="D20230001")
    assert declaratie.aantal_regels == 2 and declaratie.periode_begindatum.isoformat() == "2023-02-01"
    assert list(declaratie.prestaties.values_list("referentienummer", flat=True)) == ["D20230001-1", "D20230001-2"]


def test_a_stated_status_that_differs_from_the_checks_is_reported_but_the_checks_decide(referentie, voorbeeld):
    vervang(voorbeeld / "declaraties.csv", ";700.80;afgekeurd;", ";700.80;goedgekeurd;")
    resultaat = importeer(lees_map(voorbeeld), MIGRATIE)
    assert resultaat.geslaagd
    assert "rij 2: het bestand zegt 'goedgekeurd', de controle van Open Wmo keurt de prestatie af" in (
        resultaat.samenvatting()
    )
    assert Prestatie.objects.get(referentienummer="D20230001-1").status == "afgekeurd"


def test_a_reused_claim_number_with_other_content_is_an_error_and_changes_nothing(referentie, voorbeeld):
    importeer(lees_map(VOORBEELD), MIGRATIE)
    vervang(voorbeeld / "declaraties.csv", ";12;04;58.40;700.80;", ";11;04;58.40;642.40;")
    resultaat = importeer(lees_map(voorbeeld), MIGRATIE)
    [(rij, kolom, melding)] = _fouten(resultaat, "declaraties.csv")
    assert (rij, kolom) == (2, "declaratienummer") and "(9333)" in melding
    assert Prestatie.objects.get(referentienummer="D20230001-1").volume == 12


@pytest.mark.parametrize(
    ("oud", "nieuw", "kolom", "stuk"),
    [
        (";20230001;999990007;", ";T-1;999990007;", "toewijzingsnummer", "geen iWmo-toewijzingsnummer"),
        ("D20230001;", "D-2023-1;", "declaratienummer", "alleen letters en cijfers"),
        (";12;04;58.40;700.80;", ";12.5;04;58.40;730.00;", "volume", "geheel getal"),
        (";2023-02-01;2023-02-28;", ";2021-02-01;2021-02-28;", "begindatum", "valt buiten de toewijzing"),
    ],
)
def test_bad_claim_rows_are_refused_per_row_and_nothing_is_stored(referentie, voorbeeld, oud, nieuw, kolom, stuk):
    vervang(voorbeeld / "declaraties.csv", oud, nieuw)
    resultaat = importeer(lees_map(voorbeeld), MIGRATIE)
    fouten = _fouten(resultaat, "declaraties.csv")
    assert any(r == 2 and k == kolom and stuk in m for r, k, m in fouten), fouten
    assert not Declaratie.objects.exists()


def test_the_import_picks_the_client_record_of_the_rows_municipality(referentie):
    """A person who is a client of Delft too: the Rijswijk rows update and link Rijswijk's record, never Delft's."""
    from openwmo.core.models import Gemeente

    from ..factories import ClientFactory

    delft = Gemeente.objects.get(cbs_code="0503")
    elders = ClientFactory(bsn="999990007", gemeente=delft, achternaam="Delftenaar", geboortedatum="1941-03-12")
    resultaat = importeer(lees_map(VOORBEELD), MIGRATIE)
    assert resultaat.geslaagd, resultaat.samenvatting()
    eigen = Client.objects.get(bsn="999990007", gemeente__cbs_code="0603")
    assert eigen.achternaam == "Bakker" and eigen != elders
    elders.refresh_from_db()
    assert elders.achternaam == "Delftenaar"
    assert Beschikking.objects.get(beschikkingsnummer="B-2023-001").client == eigen
    assert Toewijzing.objects.get(toewijzingsnummer="20230001").client == eigen


def test_a_row_without_municipality_is_refused_when_the_bsn_is_a_client_of_two(referentie, voorbeeld):
    from openwmo.core.models import Gemeente

    from ..factories import ClientFactory

    for cbs in ("0603", "0503"):
        ClientFactory(bsn="999990007", gemeente=Gemeente.objects.get(cbs_code=cbs))
    vervang(voorbeeld / "clienten.csv", "Rijswijk;0603;", "Rijswijk;;")
    resultaat = importeer(lees_map(voorbeeld), MIGRATIE)
    assert ("clienten.csv", "gemeente") in {(f.bestand, f.kolom) for f in resultaat.fouten}
    assert any("meer dan één van uw gemeenten" in f.melding for f in resultaat.fouten)

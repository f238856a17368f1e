import subprocess
import sys


def test_de_berichtenlaag_importeert_geen_django():
    code = "import sys, openwmo.berichten.wmo301, openwmo.berichten.werkdagen; print('django' in sys.modules)"
    uitvoer = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert uitvoer.strip() == "False"

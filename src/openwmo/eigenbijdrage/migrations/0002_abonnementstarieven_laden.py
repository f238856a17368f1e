from django.db import migrations


def laden(apps, schema_editor):
    from openwmo.eigenbijdrage.standaard import abonnementstarieven

    Abonnementstarief = apps.get_model("eigenbijdrage", "Abonnementstarief")
    for t in abonnementstarieven():
        Abonnementstarief.objects.get_or_create(jaar=t["jaar"], defaults={"bedrag": t["bedrag"], "tijdvak": t["tijdvak"]})


class Migration(migrations.Migration):
    dependencies = [("eigenbijdrage", "0001_initial")]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]

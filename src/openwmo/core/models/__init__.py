from .audit import Verwerking
from .client import Client, Huishouden
from .gebied import Gemeente, Inwonertal, Regio, Wijk
from .gebruiker import User
from .nummerreeks import Nummerreeks

__all__ = ["Client", "Gemeente", "Huishouden", "Inwonertal", "Nummerreeks", "Regio", "User", "Verwerking", "Wijk"]

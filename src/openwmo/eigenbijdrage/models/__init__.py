from .tarief import Abonnementstarief, Bijdrageregel

__all__ = ["Abonnementstarief", "Bijdrageregel"]

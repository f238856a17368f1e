from .helpers import TELLER, UITKOMSTEN


def pytest_terminal_summary(terminalreporter):
    if TELLER:
        regels = ", ".join(f"{naam} {aantal}" for naam, aantal in sorted(TELLER.items()))
        terminalreporter.write_line(f"fuzz: {sum(TELLER.values())} generated inputs ({regels})")
        terminalreporter.write_line(
            "fuzz outcomes: " + ", ".join(f"{naam} {aantal}" for naam, aantal in sorted(UITKOMSTEN.items()))
        )

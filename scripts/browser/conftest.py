"""Makes harness.py's fixtures (dev_server, driver) available to every test_*.py here."""
from harness import dev_server, driver  # noqa: F401  (pytest finds fixtures by name)

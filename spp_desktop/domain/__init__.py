"""Pure domain model: frozen dataclasses and rules. Imports only the standard library."""

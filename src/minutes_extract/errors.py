"""Errors the user can cause, reported as one line."""


class InputError(Exception):
    """The input cannot be read as minutes (missing, corrupt, scanned, encrypted, empty)."""

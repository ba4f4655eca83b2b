"""Compatibility shim: validation lives in the package :mod:`nato_briefs.validation`.

Kept so that ``from nato_briefs.validate import ...`` (the CLI, older notebooks) keeps working.
"""

from nato_briefs.schema import RECORD_KEYS
from nato_briefs.validation import *  # noqa: F403
from nato_briefs.validation import __all__ as _validation_all

__all__ = ["RECORD_KEYS", *_validation_all]

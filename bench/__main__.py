"""``python -m bench``: benchmark the pipeline at several corpus sizes (see bench/harness.py)."""

from __future__ import annotations

import sys

from bench.harness import main

if __name__ == "__main__":
    sys.exit(main())

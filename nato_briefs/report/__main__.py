"""``python -m nato_briefs.report [OUT]``."""

import sys

from nato_briefs.report.build import main

raise SystemExit(main(sys.argv[1:]))

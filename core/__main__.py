"""`python -m core` and the frozen bundle's entry point.

May import: core.cli.
"""

import sys

from core.cli import main

if __name__ == "__main__":
    # Compare-all runs in worker processes; a frozen bundle must let them start.
    # Imported here, not at the top: only a frozen executable needs it at start-up.
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())

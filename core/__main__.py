"""`python -m core` and the frozen bundle's entry point."""

import multiprocessing
import sys

from core.cli import main

if __name__ == "__main__":
    # Compare-all runs in worker processes; a frozen bundle must let them start.
    multiprocessing.freeze_support()
    sys.exit(main())

"""``python -m firstbatch_desk`` and the ``firstbatch-desk`` console script."""

from __future__ import annotations

import sys

from firstbatch_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())

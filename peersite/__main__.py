"""Entry point for `python -m peersite`."""

import sys

from .cli import main

sys.exit(main())

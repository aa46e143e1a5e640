"""``python -m bot`` is the same as ``storybot``."""

import sys

from bot.cli import main

sys.exit(main())

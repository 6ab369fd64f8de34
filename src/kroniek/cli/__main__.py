import sys

from kroniek.cli import main

sys.exit(main())

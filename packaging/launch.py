"""Entry point of the frozen one-folder app (PyInstaller analyses this file, not the package).

It is a file of its own, rather than ``dealkit/__main__.py``, so that the frozen program runs the
same ``main()`` as the ``dealkit`` console script installed by pip, with nothing else around it.
"""

import multiprocessing
import sys

from dealkit.cli.main import main

if __name__ == "__main__":
    # A frozen program that starts worker processes must let them recognise themselves.
    multiprocessing.freeze_support()
    sys.exit(main())

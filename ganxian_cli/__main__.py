"""`python -m ganxian_cli` and the `ganxian` console script.

Ctrl-C while the program is still loading (importing Typer, pydantic and the commands takes a
few tenths of a second) ends as it does inside a command: one line and status 130, not a
traceback.
"""

import os
import sys


def main() -> None:
    try:
        from .cli.entry import run
    except KeyboardInterrupt:
        from .errors import EXIT_INTERRUPTED, INTERRUPTED

        if sys.stderr is not None:
            sys.stderr.write(INTERRUPTED + "\n")
            sys.stderr.flush()
        os._exit(EXIT_INTERRUPTED)
    run()


if __name__ == "__main__":
    main()

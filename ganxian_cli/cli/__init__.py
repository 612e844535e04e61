"""The command line: options in, one call into the core for a document, one call to draw it.

`app` holds the Typer app and the options commands share; the commands live in `read`,
`write`, `check`, `extract` and `export`; `run` turns errors into exit statuses; `entry` holds
the console-script entry points and, imported here, registers every command with the app.
"""

from . import entry

__all__ = ["entry"]

"""The console-script entry points: `run` (ends the process at once) and `main`.

Importing this module registers every command with the app.
"""

import copy
import gc
import os
import sys

import typer

from ..errors import EXIT_INTERRUPTED, OutputError, ReaderGone
from . import check, export, extract, read, usage, write
from .app import app
from .run import EXIT_OK, EXIT_USAGE, STATE, err, interrupted

COMMANDS = (read, write, check, extract, export)  # each adds its commands to `app`
# `ganxian --help` lists the commands in this order: reading first, then checking and writing
LISTED = (
    "report", "progress", "compare", "validate", "fmt", "record", "schema",
    "init", "list", "history", "export", "extract", "import",
)  # fmt: skip


def command_name(info: typer.models.CommandInfo) -> str:
    """The name a command is called by (Typer's rule: the function's, with dashes)."""
    return info.name or getattr(info.callback, "__name__", "").lower().replace("_", "-")


app.registered_commands.sort(key=lambda info: LISTED.index(command_name(info)))
# a usage error says which commands take an option: all of them, built then
usage.every_command = lambda: getattr(typer.main.get_command(app), "commands", {})


def main() -> None:
    """Console-script entry point: run the app with output that fails only with a message.

    A reader that has gone (`| head`) ends the run quietly with status 0; a closed or full
    stdout ends it with one message and status 2; so does an argument that is not UTF-8.
    """
    # A run is short and its input capped at 4 MiB: the cyclic garbage collector would only walk
    # the loaded file again and again (10-20% of `validate` on a 4 MiB file, same peak memory).
    gc.disable()
    # No pydantic plugins in a CLI run: discovering them scans every installed package.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _no_plugin_loader()
    from ..output.streams import set_up

    stdout = set_up()
    STATE.interrupted_said = False
    bad = next((a for a in sys.argv[1:] if _not_utf8(a)), None)
    if bad is not None:
        err(f"ganxian: error: argument '{bad}' is not valid UTF-8 text")
        sys.exit(EXIT_USAGE)
    try:
        try:
            # prog_name also under `python -m ganxian_cli`, for completion scripts
            app_for(sys.argv[1:])(prog_name="ganxian")
        finally:
            stdout.flush()
    except (BrokenPipeError, ReaderGone):
        stdout.silence()
        sys.exit(EXIT_OK)
    except OutputError as exc:
        stdout.silence()
        err(f"ganxian: error: cannot write output: {exc}")
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:  # before or after a command runs (during one: handle_errors)
        interrupted()
        sys.exit(EXIT_INTERRUPTED)
    except SystemExit as exc:
        if exc.code == EXIT_INTERRUPTED:  # Typer's own end of a Ctrl-C, as in parsing options
            interrupted()
        raise


_LOADER = "pydantic.plugin._loader"


def _no_plugin_loader() -> None:
    """With every plugin disabled, pydantic's plugin loader answers "no plugins" anyway, but
    importing it imports `importlib.metadata` (with `email`, `zipfile`, `socket`: about 6 % of
    a short run): stand in for it with a module giving the same answer. A plugin named in
    PYDANTIC_DISABLE_PLUGINS (only some disabled) leaves the real loader in place."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in ("__all__", "1", "true"):
        return
    if _LOADER in sys.modules:
        return
    import types

    loader = types.ModuleType(_LOADER)
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules[_LOADER] = loader


def app_for(args: list[str]) -> typer.Typer:
    """The app to run *args* with: only the command they name, when they name one.

    Typer turns every command into a click command (reading its signature and building its
    options) before it looks at the command line: about 18 ms for 13 commands, a tenth of a
    short run, of which one command is used. The command line's first word that is not an
    option names the command; anything else (`ganxian --help`, also before a command's name, a
    mistyped command, shell completion) runs the whole app, so that help lists and did-you-mean
    see every command.
    """
    name = next((a for a in args if not a.startswith("-")), None)
    named = [info for info in app.registered_commands if command_name(info) == name]
    if len(named) != 1 or any(key.endswith("_COMPLETE") for key in os.environ):
        return app
    if {"-h", "--help"} & set(args[: args.index(command_name(named[0]))]):
        return app  # `ganxian --help report` is the app's help
    one = copy.copy(app)
    one.registered_commands = named
    return one


def run() -> None:
    """Console-script entry point: `main`, then an immediate exit once both streams are flushed.

    Tearing the interpreter down (freeing every module and every object of the loaded file) cost
    about a third of a short run's CPU, and nothing is left to do by then: a write is renamed into
    place before its command returns, a lock goes with its descriptor, and output is flushed here.
    """
    try:
        main()
        code: str | int | None = 0
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    if not isinstance(code, int):
        sys.exit(code)  # a message as exit status: leave it to the interpreter
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError, OutputError, ReaderGone):
            sys.exit(code)  # let the interpreter's own shutdown deal with the stream
    os._exit(code)


def _not_utf8(text: str) -> bool:
    """Bytes that are not UTF-8 reach Python as lone surrogates."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False

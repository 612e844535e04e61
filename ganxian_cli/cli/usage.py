"""Usage errors of the command line (an unknown option or command, a missing argument, a value
that is not a choice) in ganxian's own style: `ganxian: error: …` on one line, with the value
most likely meant, or one line saying where help is; exit status 2.

The app's group runs the command line without Typer's own error printing (its `Usage: … Try …
Error: …` box) and reports those errors here; `--help` is Typer's.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import typer
from typer._click import exceptions as click_errors
from typer._click.core import Context, Parameter, ParameterSource
from typer.core import TyperArgument, TyperGroup, TyperOption

from .run import EXIT_USAGE, err

_QUOTED = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*\"""")


class Group(TyperGroup):
    """The app's command group: usage errors as `usage_lines` says, status 2."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        mistyped = mistyped_dashes(list(sys.argv[1:] if args is None else args), self)
        try:
            if mistyped is not None:
                err(f"ganxian: error: {mistyped}")
                code = EXIT_USAGE
            else:
                code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click_errors.NoArgsIsHelpError as exc:  # `ganxian` alone: the help, status 2
            exc.show()
            code = EXIT_USAGE
        except click_errors.UsageError as exc:
            given = list(sys.argv[1:] if args is None else args)
            for line in usage_lines(exc, self, given):
                err(line)
            code = EXIT_USAGE
        except typer.Abort:  # end of input at a prompt
            err("ganxian: aborted")
            code = 1
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


_DASHES = "—–－‐‑−"  # dashes a keyboard or word processor puts for "--"


def mistyped_dashes(args: list[str], group: TyperGroup) -> str | None:
    """A long option of the command typed with one dash (`-format`, which the parser reads as
    `-f ormat`) or with other dashes (`—format`): what was meant, else None."""
    name = next((a for a in args if a in group.commands), None)
    if name is None:
        return None
    command = group.commands[name]
    long = [o.removeprefix("--") for p in command.params for o in _opts(p) if o.startswith("--")]
    for arg in args[args.index(name) + 1 :]:
        if arg == "--":
            break
        if arg[:1] == "-" and arg[1:2] not in ("-", "") and arg[1:] in long and len(arg) > 2:
            short = any(arg[:2] in _opts(p) for p in command.params)
            read = f"is read as {arg[:2]} {arg[2:]}" if short else "has one dash"
            return f"{arg} {read}; did you mean --{arg[1:]}?"
        if arg[:1] and arg[0] in _DASHES:
            meant = closest(arg.lstrip(_DASHES + "-"), long)
            if meant is not None:
                return f"{arg!r} is not an option; did you mean --{meant}?"
    return None


def usage_lines(exc: click_errors.UsageError, group: TyperGroup, args: list[str]) -> list[str]:
    """The error as one `ganxian: error: …` line, and a line naming the help when no value
    can be proposed. *args* name the command when the error does not (a missing value)."""
    ctx = exc.ctx
    helps = f"try '{_command_path(ctx, group, args)} --help'"
    if isinstance(exc, click_errors.NoSuchOption):
        return _no_such_option(exc, ctx, group, helps)
    if isinstance(exc, click_errors.MissingParameter):
        what = "argument" if isinstance(exc.param, TyperArgument) else "option"
        name = _name(exc.param) if exc.param is not None else "a value"
        return [f"ganxian: error: missing {what} {name}", helps]
    if isinstance(exc, click_errors.BadParameter):
        return [_bad_value(exc, ctx)]
    message = exc.format_message().rstrip(".")
    if message.startswith("No such command"):
        return _no_such_command(message, group, helps)
    extra = _EXTRA.fullmatch(message)
    if extra is not None and ctx is not None:
        return _extra_arguments(extra.group(1), ctx, helps)
    if isinstance(exc, click_errors.BadOptionUsage) and "requires" in message:
        return [f"ganxian: error: {exc.option_name} needs a value", helps]
    return [f"ganxian: error: {message[:1].lower()}{message[1:]}", helps]


def closest(value: str, choices: list[str]) -> str | None:
    """`typos.closest`, imported only when a usage error is reported."""
    from .typos import closest as nearest

    return nearest(value, choices)


def _command_path(ctx: Context | None, group: TyperGroup, args: list[str]) -> str:
    """`ganxian report`: the command the error is about (from the command line's first
    command name when the error does not say)."""
    if ctx is not None:
        return ctx.command_path
    named = next((a for a in args if a in group.commands), None)
    return f"ganxian {named}" if named else "ganxian"


_EXTRA = re.compile(r"Got unexpected extra argument\(s\) \((.*)\)")


def _extra_arguments(extra: str, ctx: Context, helps: str) -> list[str]:
    """`report data.toml`: a data file is given with --data."""
    import os

    line = f"ganxian: error: unexpected argument {extra!r} for {ctx.info_name}"
    first = extra.split(" ")[0]
    takes_data = any("--data" in _opts(p) for p in ctx.command.params)
    if takes_data and (first.endswith(".toml") or os.path.exists(first)):
        return [f"{line}; did you mean --data {first}?"]
    return [line, helps]


def _no_such_command(message: str, group: TyperGroup, helps: str) -> list[str]:
    command = _quoted(message) or ""
    meant = closest(command, list(group.commands))
    line = f"ganxian: error: no command {command!r}"
    return [f"{line}; did you mean {meant}?"] if meant else [line, helps]


def _no_such_option(
    exc: click_errors.NoSuchOption, ctx: Context | None, group: TyperGroup, helps: str
) -> list[str]:
    """`report has no option --fromat; did you mean --format?`, or which commands take it."""
    given = exc.option_name
    where = ctx.info_name if ctx is not None and ctx.command is not group else "ganxian"
    line = f"ganxian: error: {where} has no option {given}"
    names = [] if ctx is None else [o for p in ctx.command.params for o in _opts(p)]
    if given.startswith("--"):
        long = {n.removeprefix("--"): n for n in names if n.startswith("--")}
        meant = closest(given.removeprefix("--"), list(long))
        if meant is not None:
            return [f"{line}; did you mean {long[meant]}?"]
    takers = [
        name
        for name, command in _every_command(group).items()
        if any(given in _opts(p) for p in command.params)
    ]
    if takers:
        return [f"{line} ({', '.join(takers)} {'has' if len(takers) == 1 else 'have'} it)", helps]
    return [line, helps]


# Every command of the app by name, for saying which commands take an option: `entry` sets it,
# as a run builds only the command it names (`entry.app_for`); unset, the group's own.
every_command: Callable[[], Mapping[str, Any]] | None = None


def _every_command(group: TyperGroup) -> Mapping[str, Any]:
    return group.commands if every_command is None else every_command()


def _bad_value(exc: click_errors.BadParameter, ctx: Context | None) -> str:
    """`--format: 'xls' is not one of table, …; did you mean xlsx?` (an environment variable
    named when the value came from it)."""
    param = exc.param
    name = _name(param) if param is not None else "value"
    if param is not None and ctx is not None and param.name is not None:
        source = ctx.get_parameter_source(param.name)
        variable = getattr(param, "envvar", None)
        if source is ParameterSource.ENVIRONMENT and isinstance(variable, str):
            name = f"${variable} (for {name})"
    choices = getattr(param.type, "choices", None) if param is not None else None
    if choices is None:
        return f"ganxian: error: {name}: {exc.message.rstrip('.')}"
    known = [str(getattr(c, "value", c)) for c in choices]
    given = _quoted(exc.message)
    if given is None:
        return f"ganxian: error: {name}: {exc.message.rstrip('.')}"
    line = f"ganxian: error: {name}: {given!r} is not one of {', '.join(known)}"
    meant = closest(given, known)
    return f"{line}; did you mean {meant}?" if meant else line


def _opts(param: Parameter) -> list[str]:
    return [*param.opts, *param.secondary_opts] if isinstance(param, TyperOption) else []


def _name(param: Parameter) -> str:
    """An option by its long name (--format), an argument by its metavar-like name."""
    if isinstance(param, TyperOption):
        long = [o for o in param.opts if o.startswith("--")]
        return (long or param.opts)[0]
    return (param.name or "argument").upper()


def _quoted(message: str) -> str | None:
    """The first quoted value of a message (a Python literal, as Click quotes it)."""
    import ast

    m = _QUOTED.search(message)
    if m is None:
        return None
    try:
        value = ast.literal_eval(m.group())
    except (ValueError, SyntaxError):
        return None
    return value if isinstance(value, str) else None

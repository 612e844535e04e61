"""The commands for CI and tooling: validate (exit 1 on problems) and schema."""

from typing import Annotated

import typer

from .app import SchemaKind, ValidateFormat, app, complete_data_paths
from .run import exit_with, handle_errors, out, sink


@app.command(short_help="Check data files for CI: exit 0 valid, 1 problems found.")
@handle_errors
def validate(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help="Data files, or folders (each *.toml in them); '-' for standard input. "
            "Default: as for --data.",
            show_default=False,
            metavar="PATH...",
            autocompletion=complete_data_paths,
        ),
    ] = None,
    fmt: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="text, json or github.")
    ] = ValidateFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    source: Annotated[
        str | None,
        typer.Option("--source", help="Source text every quote must appear in.", metavar="PATH"),
    ] = None,
) -> None:
    """Check data files: syntax, schema, units, quotes and the arithmetic the source states.

    \b
    Examples:
      ganxian validate data/indicators.toml
      ganxian validate --format github --strict data/
      ganxian validate --source article.txt
    """
    from ..output.problems import validate_doc
    from ..output.render import render

    view = validate_doc(files or [], source, strict, fmt.value)
    render(view, fmt.value, sink())
    exit_with(view.unreadable, view.failed)


@app.command(short_help="Print the JSON Schema of the data file or of a JSON output.")
@handle_errors
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(
            help="data (the data file) or a JSON output: report, validate, progress, compare."
        ),
    ] = SchemaKind.data,
) -> None:
    """Print a JSON Schema: of the data file, or of a --format json output.

    \b
    Examples:
      ganxian schema > data/indicators.schema.json
      ganxian schema progress
    """
    from ..output.schemas import schema_text

    out(schema_text(kind.value))

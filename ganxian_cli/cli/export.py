"""`ganxian export`: every data file into one SQLite database."""

import os
from typing import Annotated

import typer

from .app import DataManyOption, ExportFormat, QuietOption, app
from .run import err, handle_errors


@app.command(short_help="Write data files to one SQLite database (figures, targets, progress).")
@handle_errors
def export(
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            help="Database file to write, replaced atomically; never a data file read, "
            "'-', a FIFO or a device.",
            metavar="PATH",
        ),
    ],
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Export format.")
    ] = ExportFormat.sqlite,
    data: DataManyOption = None,
    quiet: QuietOption = False,
) -> None:
    """Write data files to one SQLite database: figures, targets, relations, a progress view.

    \b
    Examples:
      ganxian export --output figures.db
      ganxian export --output regions.db --data data/   # every *.toml in the folder
    """
    from ..analysis.datasets import open_all
    from ..datafile.paths import resolve_data_path
    from ..output.files import check_output
    from ..output.sqlite import export_sqlite

    opened = open_all(data, err)
    inputs = [resolve_data_path(p) for p in opened.paths]
    real = check_output(output, fmt.value, inputs)  # before any data is read
    replaced = os.path.exists(real)
    done = export_sqlite(opened.pairs(), output, inputs)
    files = f"{done.files} file" + ("" if done.files == 1 else "s")
    old = "; replaced the old file" if replaced else ""
    if not quiet:
        err(f"ganxian: wrote {done.figures} figures from {files} to {output} ({fmt}{old})")

"""`ganxian extract`: propose the figures an article prints, for review and `import`."""

from typing import Annotated

import typer

from ..model.lang import Lang
from .app import (
    Color,
    ColorOption,
    DataOption,
    ExtractFormat,
    LangOption,
    OutputOption,
    app,
    published_value,
)
from .run import err, handle_errors, sink


@app.command(short_help="Propose every figure an article prints, for review.")
@handle_errors
def extract(
    article: Annotated[str, typer.Argument(help="The article's text ('-' for standard input).")],
    data: DataOption = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            help="YYYY-MM the article appeared (else its dates).",
            callback=published_value,
        ),
    ] = None,
    fmt: Annotated[
        ExtractFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table, json or toml (a draft); default: what --output's extension names, "
            "else table.",
            show_default=False,
        ),
    ] = None,
    color: ColorOption = Color.auto,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            help="The [sources] id of the article (default: the one whose text is ARTICLE).",
        ),
    ] = None,
    output: OutputOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """Propose every figure of an article, for review and `ganxian import`.

    \b
    Examples:
      ganxian extract article.txt
      ganxian extract article.txt --output draft.toml
      ganxian extract article.txt --lang en
    """
    from ..output.extract import extract_doc
    from ..output.render import check_format, render

    chosen = check_format("extract", fmt.value if fmt is not None else None, output)
    view = extract_doc(article, data, published, source, err, lang)
    render(view, chosen, sink(color=color.value, output=output))

"""Checks of a loaded data file, each a plain function `check_x(collector)` with stable codes.

Modules, each importing only the ones listed before it within this package:
- `collector`: problems pointing at the line of a key path; `texts`: source text files;
- the checks by subject: `values` (units, counts, periods, ranks), `references` (themes,
  targets, relations), `sources` (a figure's source, quotes in its text), `quote_lists` and
  `quotes` (a figure against its quote), `series` (year-to-date totals), `leads` and
  `arithmetic` (what the source states adds up);
- `registry`: which checks run in which order (`essential_problems`, `all_problems`);
- `syntax` and `pruning` (hints for files that do not parse or fit the schema), then
  `validation` (`ganxian validate` on one file).

May import `errors`, `model`, `datafile` and `analysis.schedule`, and, when a quote is a table
cell's or a source text a web page, `analysis.extract.tables` and `analysis.extract.page`;
nothing else of the package.
This file imports nothing, so a command that needs one module loads only that one.
"""

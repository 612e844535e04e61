"""How results are shown: typed documents (`views`) drawn by the renderer `--format` chooses
(`render`): text tables (`grid`, `section_grid`), one CSV and one Markdown writer (`sections`),
JSON (`document`, `jsonout`), xlsx, the static HTML page (`html`, `charts`) and the SQLite export;
every output file goes through `files`.

May import `analysis`, `datafile`, `model` and `errors`; never the command line. Each third-party
writer is imported by one module only (XlsxWriter by `xlsx`, orjson by `jsonout`).
"""

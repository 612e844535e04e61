"""How results are shown: report rows, Markdown/CSV/JSON writers, Rich tables, schemas.

`table` is the only module that imports Rich. May import `analysis`, `datafile`, `model` and
`errors`; never the command line.
"""

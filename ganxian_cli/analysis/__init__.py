"""What is computed from a dataset: checks, time progress, 双过半 progress, comparisons.

Results are values (`Problem` lists, `results.Section` tables); nothing here prints. May import
`model`, `datafile` and `errors`; never `output` or the command line. Subpackages: `checks`
(every check of a data file, and `validate`) and `extract` (article text to proposed figures);
`extract` may use `checks.texts` to find a source's text file, and nothing else of `checks`.
"""

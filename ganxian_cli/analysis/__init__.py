"""What is computed from a dataset: checks, time progress, 双过半 progress, comparisons.

Results are values (`Problem` lists, `results.Section` tables); nothing here prints. May import
`model`, `datafile` and `errors`; never `output` or the command line.
"""

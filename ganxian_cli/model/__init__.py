"""The data file's vocabulary: units, periods, printed numbers, the pydantic models, references.

Pure values and parsing of single fields. Imports nothing of ganxian's other packages (only
`ganxian_cli.errors`).
"""
